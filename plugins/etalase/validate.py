"""Load, index and check a repository in one call: the core's single entry point."""

from __future__ import annotations

import dataclasses
import gc
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from .builddate import build_date
from .catalog import Catalog
from .collect import add_collected
from .configfile import check_config, plugin_settings
from .loader import CONTENT_DIR, Content, Loader
from .pages.addresses import Addresses, page_url
from .pages.options import SiteOptions
from .pages.urls import Urls
from .parse import ParseCache
from .problems import Problem
from .rules import Checker


@dataclass
class Checked:
    content: Content
    catalog: Catalog
    problems: list[Problem]

    @property
    def ok(self) -> bool:
        return not any(problem.severity == "error" for problem in self.problems)


def check_repository(root: Path) -> Checked:
    cache = ParseCache.for_repository(root)
    with _collector_paused():
        content = Loader(root, cache).load()
        add_collected(root, content)  # other sites' records, stored by `etalase collect`
        catalog = Catalog(content)
        problems = check_config(root) + content.problems + Checker(root, content, catalog).check()
        problems += shadowed_pages(root, content, catalog)
    cache.save()
    return Checked(content, catalog, sorted(problems))


def shadowed_pages(root: Path, content: Content, catalog: Catalog) -> list[Problem]:
    """The pages of content/ at the address of a generated page, which would replace them."""
    settings = plugin_settings(root)
    prefixes = {f.name: settings[f.name] for f in dataclasses.fields(SiteOptions)
                if f.name.endswith("_prefix") and isinstance(settings.get(f.name), str)}
    addresses = Addresses(catalog, Urls(SiteOptions(today=build_date(), **prefixes)))
    problems = []
    for rel in content.pages:
        url = page_url(rel[len(CONTENT_DIR) + 1:])
        if (owner := addresses.owner(url)) is not None:
            problems.append(Problem(rel, 1, 1, "error", "", f"alamat halaman ini (/{url}) sudah dipakai halaman yang dibuat "
                                    f"otomatis dari data: {owner}; halaman itu akan menggantikan berkas ini. Pindahkan "
                                    "atau ganti nama berkasnya, misalnya ke content/panduan/"))
    return problems


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cycle collector walks every object made so far, again and again, while tens of
    thousands of long-lived records are made, more so the larger the catalog; loading leaves no
    garbage cycles to collect."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
