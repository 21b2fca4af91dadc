"""The search records: one per innovation, which site/search_index.py writes as a Pagefind index.

Records are built from the catalog rather than from the rendered HTML, so the index does not
depend on how the templates lay a page out, and every filter value is exact (a province is the
province of the record's region code, not whatever text a template happened to show). Pagefind
splits the index into chunks, so a visitor downloads only the parts a query or a filter needs,
instead of the theme's single JSON of the whole site.
"""

from __future__ import annotations

import hashlib
import io
import json
import pickle
import zlib
from collections import Counter
from dataclasses import dataclass
from typing import Iterable, Iterator

from ..catalog import Catalog
from ..labels import label
from ..records import Innovation
from .urls import Urls

# The filters of the index and their labels on the search page, in the order it shows them. The
# keys double as URL query keys (`/cari/?provinsi=Jawa+Timur`); values are the labels visitors read.
FILTERS = {
    "provinsi": "Provinsi",
    "daerah": "Kabupaten/kota",
    "urusan": "Urusan pemerintahan",
    "tahun": "Tahun diluncurkan",
    "jenis": "Jenis",
    "tahapan": "Tahapan",
    "keadaan": "Keadaan",
    "penghargaan": "Penghargaan",
}


# Every record also carries this word, so a visitor who only chose filters gets a search for one
# small chunk: Pagefind answers a search without words by fetching every chunk of the index.
BROWSE_TERM = "zzsemuainovasi"


# The meta that ranks a result: Pagefind boosts a page whose title holds the words searched for. The
# rest of a record's meta is only shown.
RANKED_META = ("title",)


@dataclass(frozen=True)
class SearchRecord:
    url: str  # site-relative; Pagefind prefixes the folder the site is served from
    content: str
    meta: dict[str, str]
    filters: dict[str, list[str]]
    order: str  # browse results (filters without words) are listed in this order: by title


def records(catalog: Catalog, urls: Urls) -> Iterator[SearchRecord]:
    for innovation in catalog.innovations.values():
        yield _record(innovation, catalog, urls)


def in_browse_order(items: Iterable[SearchRecord]) -> list[SearchRecord]:
    """The records as browse results list them; a record's place here names it in the index (stable_index.py)."""
    return sorted(items, key=lambda item: (item.order, item.url))


# Records, each with its place in the browse order of a whole index, which names its entry there.
Placed = list[tuple[int, SearchRecord]]


def placed(catalog: Catalog, urls: Urls, wanted: set[str]) -> Placed:
    """The records of the innovations at the `wanted` URLs, each with its place in the browse order of all
    the catalog's records (`in_browse_order`), without making the others: a preview's saved records."""
    ordered = sorted((_browse_key(innovation, urls), key) for key, innovation in catalog.innovations.items())
    return [(place, _record(catalog.innovations[key], catalog, urls))
            for place, ((_, url), key) in enumerate(ordered) if url in wanted]


def _browse_key(innovation: Innovation, urls: Urls) -> tuple[str, str]:
    """A record's `order` and `url`, by which browse results list it: by title."""
    return innovation.title.casefold(), urls.innovation(innovation)


def facet_counts(catalog: Catalog) -> dict[str, list[tuple[str, int]]]:
    """How many innovations each filter value holds, as the search page shows before any search."""
    counts: dict[str, Counter[str]] = {key: Counter() for key in FILTERS}
    for innovation in catalog.innovations.values():
        for key, values in _filters(innovation, catalog).items():
            counts[key].update(values)
    return {key: sorted(counter.items(), key=lambda item: _value_order(key, item[0])) for key, counter in counts.items()}


def _value_order(key: str, value: str) -> tuple[int, str]:
    return (-int(value), "") if key == "tahun" else (0, value.casefold())


def _filters(innovation: Innovation, catalog: Catalog) -> dict[str, list[str]]:
    region = catalog.regions.get(innovation.region)
    province = catalog.province_of(region) if region else None
    filters = {
        "provinsi": [province.name] if province else ([region.name] if region and region.is_province else []),
        "daerah": [] if region is None or region.is_province else [region.name],
        "urusan": _sectors(innovation, catalog),
        "tahun": [str(innovation.launched_year)] if innovation.launched_year else [],
        "jenis": [label("type", innovation.type)],
        "tahapan": [label("stage", innovation.stage)],
        "keadaan": [label("state", innovation.status.state)] if innovation.status else [],
        "penghargaan": list(dict.fromkeys(_program_name(catalog, a.edition.program)
                                          for a in catalog.awards_by_innovation.get(innovation.id, []))),
    }
    return {key: values for key, values in filters.items() if values}


def _record(innovation: Innovation, catalog: Catalog, urls: Urls) -> SearchRecord:
    region = catalog.regions.get(innovation.region)
    region_name = region.name if region else innovation.region
    badges = [f"{a.winner.title} · {_program_name(catalog, a.edition.program)} {a.edition.year}"
              for a in catalog.awards_by_innovation.get(innovation.id, [])]
    # What a listing says about the innovation, not its narrative: the narrative would make every
    # chunk several times larger, and the first search must stay within a few hundred KB on a phone.
    text = [innovation.title, innovation.subtitle, region_name, innovation.unit, *_sectors(innovation, catalog),
            innovation.summary, *badges, BROWSE_TERM]
    order, url = _browse_key(innovation, urls)
    return SearchRecord(
        url=url,
        content="\n".join(part for part in text if part),
        meta={
            "title": innovation.title,
            "region": region_name,
            "summary": innovation.summary,
            # Meta values are strings; the page script parses this list back.
            "badges": json.dumps(badges, ensure_ascii=False),
        },
        filters=_filters(innovation, catalog),
        order=order,
    )


def _sectors(innovation: Innovation, catalog: Catalog) -> list[str]:
    return [catalog.sectors[s].label if s in catalog.sectors else s for s in dict.fromkeys(innovation.sectors)]


def _program_name(catalog: Catalog, program_id: str) -> str:
    program = catalog.programs.get(program_id)
    return (program.short_name or program.name) if program else program_id


@dataclass(frozen=True)
class SearchRecords:
    """Search records with their digest, listed or `packed`: pickled one by one into a compressed stream,
    a fifth of their pickle and a tenth of the records themselves. A preview holds its records packed,
    beside a rebuild, and hands them so to its index process; a build, whose index is written by a
    forked process at once, keeps them listed rather than spend the time. Iterating gives the records
    back in the order given."""
    digest: str  # the same for the same records in the same order: an unchanged index is not written again
    count: int
    listed: tuple[SearchRecord, ...] = ()
    packed: bytes = b""

    @classmethod
    def of(cls, items: Iterable[SearchRecord], packed: bool) -> SearchRecords:
        hashed, listed, compressor, chunks = hashlib.sha256(), [], zlib.compressobj(1), []
        for item in items:
            hashed.update(repr(item).encode("utf-8") + b"\0")
            if packed:
                chunks.append(compressor.compress(pickle.dumps(item, pickle.HIGHEST_PROTOCOL)))
            else:
                listed.append(item)
        count = len(chunks) if packed else len(listed)
        return cls(hashed.hexdigest(), count, tuple(listed), b"".join([*chunks, compressor.flush()]) if packed else b"")

    def __iter__(self) -> Iterator[SearchRecord]:
        if not self.packed:
            yield from self.listed
            return
        stream = io.BytesIO(zlib.decompress(self.packed))
        size = len(stream.getbuffer())
        while stream.tell() < size:
            yield pickle.load(stream)
