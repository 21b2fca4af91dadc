"""The pages of innovations just edited, made from the files edited and the repository as last checked:
what a preview shows before it has rebuilt the rest of the site (site/accel/instant.py).

Only the edited files are read and checked (as `validate --changed-since` checks them); the other
records are those of the last check. A page made here is the one a whole build makes from the same
files, since it comes from the same section code over the same catalog.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from ..catalog import Catalog
from ..changes import Changes, check_changes
from ..images import CatalogPictures
from ..validate import Checked
from .options import SiteOptions
from .sections.innovations import innovation_pages
from .spec import PageSpec
from .urls import Urls


@dataclass
class Edited:
    catalog: Catalog  # the last check's, with the edited records
    specs: list[PageSpec]  # the edited innovations' pages


def edited_pages(root: Path, checked: Checked, edited: list[str], urls: Urls, options: SiteOptions,
                 pictures: CatalogPictures) -> Optional[Edited]:
    """The page of each edited innovation file (paths relative to `root`); None when one of them has a
    problem, or was not a valid innovation of `checked`: then only a whole build can tell what to show."""
    partial = check_changes(root, Changes(modified=tuple(edited)))
    if not partial.ok:
        return None
    fresh = {innovation.path: innovation for innovation in partial.content.innovations if innovation.path in edited}
    known = {innovation.path for innovation in checked.content.innovations}
    if fresh.keys() != set(edited) or not known.issuperset(edited):
        return None
    content = dataclasses.replace(checked.content, innovations=[fresh.get(innovation.path, innovation)
                                                                for innovation in checked.content.innovations])
    catalog = Catalog(content)
    return Edited(catalog, list(innovation_pages(catalog, urls, options, pictures,
                                                 (catalog.innovations[i.id] for i in fresh.values()))))
