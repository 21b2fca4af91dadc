"""The digest of a generated page: a SHA-256 of everything its output depends on that is not global.

A page's HTML follows from its spec (URL, title, description, template, Markdown, downloads) and
from its context, which templates read instead of the catalog (see sections/refs.py); what every
page shares (configuration, navigation, templates, plugin version) is the caller's to add. Two
builds that give a page the same digest render it the same, so a rebuild can skip it.

The context is walked deterministically: records by their JSON and private attributes (an
innovation's body aside: it is its page's Markdown), a Derived value by its function's name and
inputs, dataclasses by their fields, dicts by sorted key, sequences in order, plain values with
their type. Any other kind of value raises TypeError, so a new kind of context value cannot be
silently left out.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
from functools import cache
from typing import Any, Iterable, Optional

from pydantic import BaseModel

from .spec import Derived, PageSpec

# id() -> (value, its tag and digest) for the records and frozen dataclasses seen in one build: the
# same Region is in thousands of contexts and is serialised once. Holding the value keeps its id
# from being reused.
Memo = dict[int, tuple[Any, bytes]]
# An innovation's narrative and where it starts in its file: neither reaches a listing (see `_record`).
_UNSHOWN = frozenset({"_body", "_closing_line"})


def page_digests(specs: Iterable[PageSpec]) -> dict[str, str]:
    """The digest of every page of a build, by src_uri."""
    memo: Memo = {}
    return {spec.src_uri: page_digest(spec, memo) for spec in specs}


def page_digest(spec: PageSpec, memo: Optional[Memo] = None) -> str:
    """Hex SHA-256 of the page's spec and context; `memo` is shared by the pages of one build."""
    parts: list[bytes] = []
    _walk([spec.url, spec.title, spec.description, spec.template, spec.markdown, spec.files, spec.context],
          parts, {} if memo is None else memo)
    return hashlib.sha256(b"".join(parts)).hexdigest()


def _walk(value: Any, parts: list[bytes], memo: Memo) -> None:
    known = memo.get(id(value))  # a record seen before: the most frequent value of a context
    if known is not None:
        parts.append(known[1])
        return
    kind = type(value)
    # Every value is tagged with its kind and, when its length varies, prefixed with it: no two
    # different contexts give the same bytes.
    if kind is str:
        data = value.encode("utf-8")
        parts.append(b"s%d:" % len(data))
        parts.append(data)
    elif kind is int or kind is bool or kind is float or value is None:
        parts.append(b"%s%r;" % (kind.__name__.encode(), value))
    elif kind is dt.date:
        parts.append(b"d" + value.isoformat().encode())
    elif kind is bytes:
        parts.append(b"b%d:" % len(value))
        parts.append(value)
    elif kind is list or kind is tuple:
        parts.append(b"l%d:" % len(value))
        for item in value:
            _walk(item, parts, memo)
    elif kind is dict:
        entries = []
        for key, item in value.items():
            if type(key) is str:
                data = key.encode("utf-8")
                entries.append((b"s%d:%s" % (len(data), data), item))
            else:
                encoded: list[bytes] = []
                _walk(key, encoded, memo)
                entries.append((b"".join(encoded), item))
        entries.sort()  # keys differ, so their encodings do: items are never compared
        parts.append(b"m%d:" % len(entries))
        for key, item in entries:
            parts.append(key)
            _walk(item, parts, memo)
    elif isinstance(value, BaseModel):
        parts.append(_record(value, memo))
    elif kind is Derived:
        parts.append(b"f%s.%s:" % (value.make.__module__.encode(), value.make.__qualname__.encode()))
        _walk(value.inputs, parts, memo)
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        if kind.__dataclass_params__.frozen:  # its fields are set once
            parts.append(_frozen(value, memo))
        else:
            _fields_of(value, parts, memo)
    else:
        raise TypeError(f"page context holds a {kind.__module__}.{kind.__qualname__}, which the page digest cannot read")


def _fields_of(value: Any, parts: list[bytes], memo: Memo) -> None:
    kind = type(value)
    parts.append(b"c%s:" % kind.__qualname__.encode())
    for name in _fields(kind):  # type: ignore[arg-type]  # a class is hashable
        _walk(getattr(value, name), parts, memo)


@cache
def _fields(kind: type) -> tuple[str, ...]:
    return tuple(field.name for field in dataclasses.fields(kind))


def _frozen(value: Any, memo: Memo) -> bytes:
    """A frozen dataclass's tag and digest, computed once (the site's addresses, a picture's sizes)."""
    parts: list[bytes] = []
    _fields_of(value, parts, memo)
    tagged = b"o" + hashlib.sha256(b"".join(parts)).digest()
    memo[id(value)] = (value, tagged)
    return tagged


def _record(record: BaseModel, memo: Memo) -> bytes:
    """The record's tag and digest, computed once: `_walk` finds it in the memo afterwards."""
    # Records are frozen: their JSON cannot change during a build. Private attributes (id, program
    # and year, source path) are set by the loader on top-level records only. An innovation's body
    # is left out: it reaches a page only as that page's Markdown (in its digest), so editing a
    # narrative changes one page, not every listing of the innovation. Without warnings: pydantic
    # warns about every Date field (PlainValidator) though it writes it right.
    json = record.model_dump_json(warnings=False)
    parts = [type(record).__qualname__.encode(), b"\0", json.encode("utf-8")]
    private = {name: value for name, value in (record.__pydantic_private__ or {}).items()
               if name not in _UNSHOWN}
    _walk(private, parts, memo)
    tagged = b"r" + hashlib.sha256(b"".join(parts)).digest()
    memo[id(record)] = (record, tagged)
    return tagged
