"""The home page: the site's figures, latest awards, highlights."""

from __future__ import annotations

from typing import Iterator

from ...catalog import Catalog
from ..config import EtalaseConfig
from ..pages import PageSpec
from ..urls import Urls

LATEST_AWARDS = 8


def pages(catalog: Catalog, urls: Urls, config: EtalaseConfig) -> Iterator[PageSpec]:
    yield PageSpec(
        url=urls.home(),
        title="Beranda",
        template="etalase/home.html",
        context={"latest_awards": catalog.awards[:LATEST_AWARDS]},
        description="Etalase inovasi pemerintah daerah: inovasi, daerah, urusan dan penghargaannya.",
    )
