"""The editor's guide page of open data questions (`/panduan/pertanyaan-data/`): innovations whose
status was last confirmed more than two years before the build date, paginated."""

from __future__ import annotations

from typing import Iterator

from ...catalog import Catalog
from ...images import CatalogPictures
from ..options import SiteOptions
from ..spec import PageSpec
from ..urls import Urls
from .listing import listing_pages
from .profile import STALE_AFTER_YEARS, is_stale, stale_before
from .refs import listing_refs


def pages(catalog: Catalog, urls: Urls, options: SiteOptions, pictures: CatalogPictures) -> Iterator[PageSpec]:
    before = stale_before(options.today)
    everything = catalog.innovations.values()
    stale = [i for i in everything if is_stale(i, before)]
    context = {"stale_count": len(stale), "before": before, "years": STALE_AFTER_YEARS,
               "without_status": sum(i.status is None for i in everything), "total": len(catalog.innovations)}
    yield from listing_pages(urls.data_questions(), stale, options.page_size, "Pertanyaan data terbuka",
                             "etalase/data-questions.html", context,
                             "Data inovasi yang perlu dipastikan lagi oleh editor.", listing_refs(catalog, pictures))
