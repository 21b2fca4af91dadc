"""Parsed YAML kept between runs, so that `validate` and `build` do not parse an unchanged file again.

Entries are keyed by a hash of the YAML text itself: a changed file always misses. Only parsing is
skipped; every record is still validated and every cross-record rule runs on every run. Values
are stored as JSON, so only values that come back exactly the same are given to it (text, finite
numbers, booleans, null, lists, mappings with text keys). A change to the parsing code (any module
of this package, or its bounds in limits.py) voids it.

The cache lives in the user's cache folder, not in the repository, so that a pull request cannot
bring a cache of its own (data that differ from its files). Deleting it is always safe.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path
from typing import Optional

import yaml


def cache_home() -> Path:
    """The user's cache folder of this program (`$XDG_CACHE_HOME/etalase`, else `~/.cache/etalase`)."""
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "etalase"


def _code_digest() -> str:
    """This package's code (every module of it), the bounds it applies (limits.py) and PyYAML's
    version: a change to any may change what a text parses to."""
    digest = hashlib.sha256(yaml.__version__.encode())
    here = Path(__file__).parent
    for path in [*sorted(here.glob("*.py")), here.parent / "limits.py"]:
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


_CODE = _code_digest()
MISSING = object()


class ParseCache:
    """Entries are kept as their JSON text, parsed when a file asks for one: the parsed values of
    every file would be held for the whole run, tens of megabytes for a national catalog, when
    each is needed only until its record is made."""

    def __init__(self, path: Optional[Path]):
        """`path` None: kept in memory only (a worker process hands its entries to its parent)."""
        self.path = path
        self.stored = self._read() if path is not None else {}
        self.used: dict[str, str] = {}  # what this run parsed or found: what the next run keeps

    @classmethod
    def for_repository(cls, root: Path) -> ParseCache:
        return cls(cache_home() / f"parsed-{hashlib.sha256(str(root.resolve()).encode()).hexdigest()[:16]}.jsonl")

    def _read(self) -> dict[str, str]:
        """The file's entries: a first line naming the code, then a line per entry: its key, a tab, its JSON."""
        assert self.path is not None
        try:
            code, *lines = self.path.read_text("utf-8").split("\n")
        except (OSError, ValueError):
            return {}
        if code != _CODE:
            return {}
        return dict(line.split("\t", 1) for line in lines if "\t" in line)

    def get(self, text: str) -> object:
        """The data `text` parsed to on an earlier run or earlier in this one, or MISSING (also when the
        entry is damaged: the text is parsed again)."""
        key = _key(text)
        entry = self.used.get(key) or self.stored.get(key)
        if entry is None:
            return MISSING
        try:
            value = json.loads(entry)
        except ValueError:
            return MISSING
        self.used[key] = entry
        return value

    def put(self, text: str, data: object) -> None:
        """Keep `data`, made of JSON's types only (the caller knows), as what `text` parses to."""
        # ASCII (escapes): no line break or tab of a value can end its line.
        self.used[_key(text)] = json.dumps(data, separators=(",", ":"))

    def knows(self, text: str) -> bool:
        """Whether an earlier run or this one has parsed `text`."""
        key = _key(text)
        return key in self.used or key in self.stored

    def add(self, entries: dict[str, str]) -> None:
        """Entries that another process put into its own cache (see `put`)."""
        self.used.update(entries)

    def save(self) -> None:
        """Write what this run used (entries of changed or deleted files go, damaged ones are written whole
        again); skipped when nothing changed."""
        if self.path is None or self.used == self.stored:
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=self.path.parent, delete=False) as out:
                out.write(_CODE + "".join(f"\n{key}\t{entry}" for key, entry in self.used.items()))
            os.replace(out.name, self.path)  # a concurrent reader sees the old file or the new one
        except OSError:
            pass  # a cache that cannot be written only costs time


def _key(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
