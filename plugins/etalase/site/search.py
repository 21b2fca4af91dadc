"""The search index: one Pagefind record per innovation, written into the built site.

Records are built from the catalog rather than from the rendered HTML, so the index does not
depend on how the templates lay a page out, and every filter value is exact (a province is the
province of the record's region code, not whatever text a template happened to show). Pagefind
splits the index into chunks, so a visitor downloads only the parts a query or a filter needs,
instead of the theme's single JSON of the whole site.
"""

from __future__ import annotations

import hashlib
import html
import json
import os
import shutil
import subprocess
import tempfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Optional

import jinja2
from mkdocs.exceptions import PluginError
from pagefind.service import get_executable

from ..catalog import Catalog
from ..labels import label
from ..records import Innovation
from . import themepatch
from .stable_index import ENTRY, stabilize
from .urls import Urls

LANGUAGE = "id"  # Pagefind ships an Indonesian build (stemming: "berbelanja" finds "belanja")
OUTPUT_DIR = "pagefind"  # inside the site; the search page loads `pagefind/pagefind.js` from here

# The filters of the index and their labels on the search page, in the order it shows them. The
# keys double as URL query keys (`/cari/?provinsi=Jawa+Timur`); values are the labels visitors read.
FILTERS = {
    "provinsi": "Provinsi",
    "daerah": "Kabupaten/kota",
    "urusan": "Urusan pemerintahan",
    "tahun": "Tahun diluncurkan",
    "jenis": "Jenis",
    "tahapan": "Tahapan",
    "penghargaan": "Penghargaan",
}


# Every record also carries this word, so a visitor who only chose filters gets a search for one
# small chunk: Pagefind answers a search without words by fetching every chunk of the index.
BROWSE_TERM = "zzsemuainovasi"


@dataclass(frozen=True)
class SearchRecord:
    url: str  # site-relative; Pagefind prefixes the folder the site is served from
    content: str
    meta: dict[str, str]
    filters: dict[str, list[str]]
    sort: dict[str, str]


def records(catalog: Catalog, urls: Urls) -> Iterator[SearchRecord]:
    for innovation in catalog.innovations.values():
        yield _record(innovation, catalog, urls)


def facet_counts(catalog: Catalog) -> dict[str, list[tuple[str, int]]]:
    """How many innovations each filter value holds, as the search page shows before any search."""
    counts: dict[str, Counter] = {key: Counter() for key in FILTERS}
    for innovation in catalog.innovations.values():
        for key, values in _filters(innovation, catalog).items():
            counts[key].update(values)
    return {key: sorted(counter.items(), key=lambda item: _value_order(key, item[0])) for key, counter in counts.items()}


def _value_order(key: str, value: str):
    return -int(value) if key == "tahun" else value.casefold()


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
    # chunk several times larger (measured: 62 KB instead of 12 KB per chunk at 10,000 innovations),
    # and the first search must stay within a few hundred KB on a phone.
    text = [innovation.title, innovation.subtitle, region_name, innovation.unit, *_sectors(innovation, catalog),
            innovation.summary, *badges, BROWSE_TERM]
    return SearchRecord(
        url=urls.innovation(innovation),
        content="\n".join(part for part in text if part),
        meta={
            "title": innovation.title,
            "region": region_name,
            "summary": innovation.summary,
            # Meta values are strings; the page script parses this list back.
            "badges": json.dumps(badges, ensure_ascii=False),
        },
        filters=_filters(innovation, catalog),
        sort={"judul": innovation.title.casefold()},
    )


def _sectors(innovation: Innovation, catalog: Catalog) -> list[str]:
    return [catalog.sectors[s].label if s in catalog.sectors else s for s in dict.fromkeys(innovation.sectors)]


def _program_name(catalog: Catalog, program_id: str) -> str:
    program = catalog.programs.get(program_id)
    return (program.short_name or program.name) if program else program_id


def digest(items: list[SearchRecord]) -> str:
    """The same for the same records in the same order: an unchanged index need not be written again."""
    return hashlib.sha256("\0".join(map(repr, items)).encode("utf-8")).hexdigest()


def write_index(items: list[SearchRecord], site_dir: Path) -> int:
    """Write the Pagefind bundle into `site_dir/pagefind/`, replacing any earlier one; returns the number of records.

    The bundle is made beside the old one and swapped in when complete: a preview keeps searching
    the old index while the new one is made, and a failed run leaves no half index behind.
    """
    output, staging, old = (site_dir / name for name in (OUTPUT_DIR, f".{OUTPUT_DIR}-new", f".{OUTPUT_DIR}-old"))
    shutil.rmtree(staging, ignore_errors=True)
    if not items:  # a new office's first site: Pagefind refuses an empty index, and the search page says why
        shutil.rmtree(output, ignore_errors=True)
        return 0
    # The records go to Pagefind as small HTML files indexed by its command line in one run. Not
    # through its Python service: that reads one reply per 0.1 s, and stops the indexer as soon as
    # it answers, before the files it writes in the background are complete (truncated bundles
    # were seen on a busy machine); the command line finishes writing before it exits.
    with tempfile.TemporaryDirectory(prefix="etalase-pagefind-", dir=_memory_folder()) as folder:
        for item in items:
            page = Path(folder, item.url, "index.html")
            page.parent.mkdir(parents=True, exist_ok=True)
            page.write_text(_record_html(item), "utf-8")
        command = [str(get_executable()), "--site", folder, "--output-path", str(staging),
                   "--force-language", LANGUAGE, "--silent"]
        result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        raise PluginError(f"Pagefind gagal membuat indeks pencarian:\n{result.stdout}{result.stderr}")
    entry = json.loads((staging / ENTRY).read_text("utf-8"))
    indexed = sum(language["page_count"] for language in entry["languages"].values())
    if indexed != len(items):
        raise PluginError(f"Pagefind mengindeks {indexed} dari {len(items)} inovasi")
    stabilize(staging)  # two builds of the same records give the same bundle
    shutil.rmtree(old, ignore_errors=True)
    if output.exists():
        output.rename(old)
    staging.rename(output)
    shutil.rmtree(old, ignore_errors=True)
    return indexed


def _memory_folder() -> Optional[str]:
    """A folder in memory (Linux's /dev/shm) for Pagefind's input, where there is one: writing and
    removing ten thousand small files there cost a sixth of what they cost on disk (measured)."""
    shm = "/dev/shm"
    return shm if os.path.isdir(shm) and os.access(shm, os.W_OK) else None


def _record_html(record: SearchRecord) -> str:
    """One record as Pagefind reads a page: the text is indexed; meta, filters and sort are not."""
    text = "".join(f"<p>{html.escape(line)}</p>" for line in record.content.split("\n"))
    tagged = [("meta", key, value) for key, value in record.meta.items()]
    tagged += [("filter", key, value) for key, values in record.filters.items() for value in values]
    tagged += [("sort", key, value) for key, value in record.sort.items()]
    data = "".join(f'<span data-pagefind-{kind}="{html.escape(key)}">{html.escape(value)}</span>'
                   for kind, key, value in tagged)
    return f'<!doctype html><html lang="{LANGUAGE}"><body><main>{text}</main><div data-pagefind-ignore>{data}</div></body></html>'


# Material draws a header search box only for its own search plugin (whose one JSON index of the
# whole site we do not want), and its header partial has no block to extend. Rather than keep a
# copy of the partial, our box goes in at one known point of it: before the repository link, at
# the header's right end. A theme update that moves that point fails the build instead of
# silently dropping the box.
HEADER = "partials/header.html"
HEADER_MARK = "{% if config.repo_url %}"
HEADER_SEARCH = '{% include "etalase/header-search.html" %}'


def install_header_search(env: jinja2.Environment) -> None:
    themepatch.patch(env, HEADER, HEADER_MARK, HEADER_SEARCH + HEADER_MARK, "kotak pencarian tidak dapat dipasang di header")
