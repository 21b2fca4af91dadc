"""Make Pagefind's bundle small for a first search and byte-identical from one build to the next.

What a visitor downloads before the first results grows with the number of pages mostly through
the metadata file: it names every page's fragment. Pagefind names a fragment by a hash of its
content, which compresses badly; here the fragments of one index go into a folder named by a hash
of them all, each named by its place in the browse order (by title): names that compress well, and
that tell the search page the order of browse results without Pagefind's sort (a list of every
page in the same file). A fragment keeps what a result shows (its address, word count and meta);
its text and filters are not read by the search page. The meta a result shows but that does not rank
it is put into the fragment here rather than given to Pagefind: Pagefind also indexes the words of
every meta value it reads, in memory that grows with them, for text the records' content holds
already (bench/RESULTS.md, Round 11).

Pagefind 1.5.2 also writes the values of each filter (and the filter list in its metadata file) in
the order of a randomly seeded hash map, so two builds of the same records name and fill the
`filter/*.pf_filter` files, `pagefind.*.pf_meta` and `pagefind-entry.json` differently (the
maintainers made the fragments stable in 1.3.0 and left these, Pagefind/pagefind#638; its sources
sort them after 1.5.2, the latest release). Those files are rewritten in sorted order, named the
way Pagefind names them (language + the start of the SHA-1 of the CBOR body).
"""

from __future__ import annotations

import gzip
import hashlib
import json
import shutil
from pathlib import Path
from typing import Any, Mapping, Protocol

import cbor2

SIGNATURE = b"pagefind_dcd"  # every binary Pagefind file: gzip of this signature + a CBOR or JSON body
ENTRY = "pagefind-entry.json"
FRAGMENTS = "fragment"
META_PAGES = 1  # positions in the metadata array: [[fragment, word count], ...] in page order,
META_FILTERS = 3  # [[filter, file hash], ...]
META_SORTS = 4  # [[sort, [page, ...]], ...]
LOADED = ("pagefind.js", "pagefind-worker.js")  # and the WebAssembly of each language


class Shown(Protocol):
    """What a search result shows of a page: its site-relative address and its meta."""

    @property
    def url(self) -> str: ...

    @property
    def meta(self) -> Mapping[str, str]: ...


def compact(bundle: Path, output: Path, pages: Mapping[int, Shown]) -> dict[str, Any]:
    """Write into `output` (a new folder) what the search page loads of Pagefind's `bundle`, of pages
    indexed as `/<n>.html` (n: the page's place in the browse order) that show as `pages[n]`:
    fragments renamed as above, filters in a stable order. Pagefind's UI scripts are left out.
    Returns the entry file written (each language's index hash)."""
    output.mkdir(parents=True)  # the site folder itself may not be there yet: `mkdocs build` makes it later
    for name in (*LOADED, *(path.name for path in bundle.glob("wasm.*.pagefind"))):
        shutil.copyfile(bundle / name, output / name)
    shutil.copytree(bundle / "index", output / "index")
    (output / "filter").mkdir()
    entry = json.loads((bundle / ENTRY).read_text("utf-8"))
    for language, info in entry["languages"].items():
        meta = _read(bundle / f"pagefind.{info['hash']}.pf_meta")
        meta[META_PAGES] = _rename_fragments(bundle / FRAGMENTS, output / FRAGMENTS, meta[META_PAGES], pages)
        filters = []
        for name, old in meta[META_FILTERS]:
            filter_name, values = _read(bundle / "filter" / f"{old}.pf_filter")
            body = cbor2.dumps([filter_name, sorted(values, key=lambda value: value[0])])
            filters.append([name, _write(output / "filter", ".pf_filter", language, 7, body)])
        meta[META_FILTERS] = sorted(filters)
        meta[META_SORTS] = []
        # Pagefind names the metadata file with as many hash characters as the language tag plus 8.
        info["hash"] = _write(output, ".pf_meta", language, len(language) + 8, cbor2.dumps(meta), prefix="pagefind.")
    (output / ENTRY).write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), "utf-8")
    return entry


def _rename_fragments(source: Path, target: Path, entries: list[list], pages: Mapping[int, Shown]) -> list[list]:
    """Write the fragments of `entries` as `<folder hash>/<place, hex>`; returns their new entries."""
    bodies = {}
    for fragment, _ in entries:
        data = json.loads(_read_bytes(source / f"{fragment}.pf_fragment"))
        place = int(data["url"].removeprefix("/").removesuffix(".html"))
        shown = pages[place]
        # The address as Pagefind writes one, and the meta in its order (by name).
        data.update(url=f"/{shown.url}", content="", filters={}, meta=dict(sorted(shown.meta.items())))
        bodies[fragment] = (place, json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))
    everything = hashlib.sha1()
    for number, (_, body) in enumerate(sorted(bodies.values())):  # one by one: not a copy of them all
        everything.update(b"\0" + body if number else body)
    tag = everything.hexdigest()[:8]  # a changed fragment is fetched from a new folder, never from a cache
    (target / tag).mkdir(parents=True)
    for place, body in bodies.values():
        (target / tag / f"{place:x}.pf_fragment").write_bytes(_compress(body))
    return [[f"{tag}/{bodies[fragment][0]:x}", words] for fragment, words in entries]


def _read_bytes(path: Path) -> bytes:
    data = gzip.decompress(path.read_bytes())
    if not data.startswith(SIGNATURE):
        raise ValueError(f"{path} is not a Pagefind file")
    return data[len(SIGNATURE):]


def _read(path: Path):
    return cbor2.loads(_read_bytes(path))


def _compress(body: bytes) -> bytes:
    return gzip.compress(SIGNATURE + body, compresslevel=9, mtime=0)  # mtime 0: the same bytes every build


def _write(folder: Path, suffix: str, language: str, length: int, body: bytes, prefix: str = "") -> str:
    """Write a gzipped file named from its content; returns its hash."""
    name = f"{language}_{hashlib.sha1(body).hexdigest()[:length]}"
    (folder / f"{prefix}{name}{suffix}").write_bytes(_compress(body))
    return name
