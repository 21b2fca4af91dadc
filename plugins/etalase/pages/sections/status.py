"""Listings by status: `/inovasi/keadaan/aktif/` and `/inovasi/keadaan/berhenti/`, paginated, linked
from the catalog's listing with their counts."""

from __future__ import annotations

from collections import defaultdict
from typing import Any, Iterator

from ...catalog import Catalog
from ...images import CatalogPictures
from ...labels import LABELS
from ...records import Innovation
from ..options import SiteOptions
from ..spec import PageSpec
from ..urls import Urls
from .listing import listing_pages
from .refs import listing_refs


def by_state(catalog: Catalog) -> dict[str, list[Innovation]]:
    """The innovations of each status, in title order (innovations without a status are in none)."""
    found: dict[str, list[Innovation]] = defaultdict(list)
    for innovation in catalog.innovations.values():
        if innovation.status is not None:
            found[innovation.status.state].append(innovation)
    return found


def state_links(catalog: Catalog, urls: Urls) -> list[dict[str, Any]]:
    """What the catalog's listing links to: each status with its count."""
    found = by_state(catalog)
    return [{"state": state, "count": len(found[state]), "url": urls.innovations_by_state(state)} for state in LABELS["state"]]


def pages(catalog: Catalog, urls: Urls, options: SiteOptions, pictures: CatalogPictures) -> Iterator[PageSpec]:
    found = by_state(catalog)
    links = state_links(catalog, urls)
    for state, label in LABELS["state"].items():
        yield from listing_pages(urls.innovations_by_state(state), found[state], options.page_size,
                                 f"Inovasi: {label.lower()}", "etalase/innovations.html", {"states": links, "state": state},
                                 f"Inovasi daerah yang keadaannya {label.lower()}.", listing_refs(catalog, pictures))
