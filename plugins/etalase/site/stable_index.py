"""Make Pagefind's bundle byte-identical from one build to the next.

Pagefind 1.5.2 writes the values of each filter (and the filter list in its metadata file) in the
order of a randomly seeded hash map, so two builds of the same records name and fill the
`filter/*.pf_filter` files, `pagefind.*.pf_meta` and `pagefind-entry.json` differently (the
maintainers made the fragments stable in 1.3.0 and left these, Pagefind/pagefind#638; its sources
sort them after 1.5.2, the latest release). Everything else in the bundle is already stable.
This rewrites those files in sorted order, named the way Pagefind names them (language + the
start of the SHA-1 of the CBOR body), so the search script finds them as before.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from pathlib import Path

import cbor2

SIGNATURE = b"pagefind_dcd"  # every binary Pagefind file: gzip of this signature + a CBOR body
ENTRY = "pagefind-entry.json"
META_FILTERS = 3  # position of the [[filter, file hash], ...] list in the metadata array


def stabilize(output: Path) -> None:
    """Rewrite the filter and metadata files of a Pagefind bundle in `output` in a stable order."""
    entry = json.loads((output / ENTRY).read_text("utf-8"))
    for language, info in entry["languages"].items():
        meta_path = output / f"pagefind.{info['hash']}.pf_meta"
        meta = _read(meta_path)
        filters = []
        for name, old in meta[META_FILTERS]:
            old_path = output / "filter" / f"{old}.pf_filter"
            filter_name, values = _read(old_path)
            old_path.unlink()
            body = cbor2.dumps([filter_name, sorted(values, key=lambda value: value[0])])
            filters.append([name, _write(output / "filter", ".pf_filter", language, 7, body)])
        meta[META_FILTERS] = sorted(filters)
        meta_path.unlink()
        # Pagefind names the metadata file with as many hash characters as the language tag plus 8.
        info["hash"] = _write(output, ".pf_meta", language, len(language) + 8, cbor2.dumps(meta), prefix="pagefind.")
    (output / ENTRY).write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), "utf-8")


def _read(path: Path):
    data = gzip.decompress(path.read_bytes())
    if not data.startswith(SIGNATURE):
        raise ValueError(f"{path} is not a Pagefind file")
    return cbor2.loads(data[len(SIGNATURE):])


def _write(folder: Path, suffix: str, language: str, length: int, body: bytes, prefix: str = "") -> str:
    """Write a gzipped file named from its content (mtime 0 in the gzip header); returns its hash."""
    name = f"{language}_{hashlib.sha1(body).hexdigest()[:length]}"
    (folder / f"{prefix}{name}{suffix}").write_bytes(gzip.compress(SIGNATURE + body, compresslevel=9, mtime=0))
    return name
