"""Reading content files safely: decoding, front matter, YAML with positions for error messages.

Only YAML's safe loader is used (libyaml's when available, for speed). Dates are kept as strings
so that pydantic, not the YAML parser, judges them: `2020-02-30` then becomes a field error with a
line number instead of a parser crash.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Optional

import yaml

from ..limits import NUMBER_CHARS, YAML_DEPTH
from ..paths import Refused, read_bytes
from .cache import MISSING, ParseCache

_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
# What the site writes as YAML, with libyaml's dumper where there is one: the same text as the
# pure-Python dumper, written several times faster.
DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


_RESOLVERS = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in _BaseLoader.yaml_implicit_resolvers.items()
}


class _Loader(_BaseLoader):  # type: ignore[misc, valid-type]
    yaml_implicit_resolvers = _RESOLVERS
    # The composer asks these for every node: YAML's own versions (path resolvers, the wildcard list
    # joined to each lookup) cost a large part of composing, and this loader has no path resolvers.
    _by_first = {first: tuple(resolvers + _RESOLVERS.get(None, [])) for first, resolvers in _RESOLVERS.items()}

    def resolve(self, kind: type, value: Any, implicit: tuple[bool, bool]) -> str:
        if kind is yaml.ScalarNode:
            if implicit[0]:
                for tag, regexp in self._by_first.get(value[:1], ()):
                    if regexp.match(value):
                        return tag
            return self.DEFAULT_SCALAR_TAG
        return self.DEFAULT_SEQUENCE_TAG if kind is yaml.SequenceNode else self.DEFAULT_MAPPING_TAG

    def descend_resolver(self, current_node: object, current_index: object) -> None:
        pass

    def ascend_resolver(self) -> None:
        pass


class ContentError(Exception):
    """A problem that stops a whole file from being read; positions are 1-based."""

    def __init__(self, message: str, line: int = 1, column: int = 1):
        super().__init__(message)
        self.message, self.line, self.column = message, line, column


@dataclass
class Document:
    data: object
    node: Optional[yaml.Node]
    line_offset: int = 0  # lines before the YAML starts: 1 for a front matter after '---'
    body: str = ""  # the Markdown after the front matter, for innovations
    body_line: int = 1
    source: str = ""  # the YAML text

    def tree(self) -> Optional[yaml.Node]:
        """The composed nodes (positions for messages); composed again when the data came from a cache."""
        if self.node is None and self.source:
            self.node = yaml.compose(self.source, Loader=_Loader)
        return self.node


def read_text(path: Path | str) -> str:
    """The file's text with any BOM removed and CRLF/CR turned into LF."""
    try:
        raw = read_bytes(path)  # a regular file only, never through a link (paths.py)
    except Refused as refused:
        raise ContentError(refused.message) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise ContentError(
            "berkas tidak tersimpan sebagai UTF-8; simpan ulang dengan encoding UTF-8 di editor Anda", line
        ) from None
    if b"\r" in raw:  # rare: no need to scan every text twice with replace()
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    # ASCII files (most) can hide only control characters: bytes.translate finds them 8× faster than the regex.
    if (not raw.isascii() or raw.translate(None, _ASCII_TEXT)) and (hidden := _HIDDEN.search(text)):
        start = hidden.start()
        raise ContentError(_hidden_message(hidden.group()), text.count("\n", 0, start) + 1,
                           start - text.rfind("\n", 0, start))
    if not text or text.isspace():  # not strip(): that copies every text
        raise ContentError("berkas kosong; isi berkas dengan data sesuai contoh di panduan editor")
    return text


# Characters that change what a reviewer sees without showing themselves: control characters (NUL
# among them; tab and line feed are text), bidirectional overrides ("Trojan Source") and
# zero-width spaces. Zero-width joiners stay (emoji and some scripts need them).
_HIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b\u2060\u180e\ufeff\u202a-\u202e\u2066-\u2069"
                     "\ud800-\udfff]")
_ASCII_TEXT = bytes(range(0x20, 0x7F)) + b"\t\n\r"
_HIDDEN_NAMES = {"\x00": "NUL", "\u200b": "spasi lebar nol", "\u2060": "penyambung kata", "\ufeff": "BOM di tengah teks",
                 **{chr(c): "pengubah arah teks" for c in (*range(0x202a, 0x202f), *range(0x2066, 0x206a))}}


def _hidden_message(char: str) -> str:
    name = _HIDDEN_NAMES.get(char, "karakter kendali")
    return (f"ada karakter tersembunyi U+{ord(char):04X} ({name}) yang tidak terlihat di editor tetapi mengubah "
            "arti atau tampilan teks; hapus karakter itu")


def parse_yaml(text: str, line_offset: int = 0, cache: Optional[ParseCache] = None) -> Document:
    """`cache`: data of texts parsed before (see cache.py); the nodes are then composed only if asked for."""
    if cache is not None and (cached := cache.get(text)) is not MISSING:
        return Document(cached, None, line_offset, source=text)
    try:
        node = yaml.compose(text, Loader=_Loader)
        builder = _Data(line_offset, aliases="&" in text)
        data = builder.value(node) if node is not None else None
    except yaml.MarkedYAMLError as exc:
        opened = _opening_mark(exc, text)
        mark = opened or exc.problem_mark or exc.context_mark
        line = (mark.line + 1 if mark else 1) + line_offset
        column = mark.column + 1 if mark else 1
        hint = "tanda kutip atau kurung yang dibuka di sini belum ditutup" if opened else _yaml_hint(exc.problem or "")
        raise ContentError(f"format YAML tidak valid: {hint} ({exc.problem or exc.context})", line, column) from None
    except yaml.YAMLError as exc:
        raise ContentError(f"format YAML tidak valid: {exc}", 1 + line_offset) from None
    except RecursionError:  # the pure-Python composer (no libyaml) recurses before YAML_DEPTH is checked
        raise ContentError(f"data bersarang terlalu dalam (lebih dari {YAML_DEPTH} tingkat)", 1 + line_offset) from None
    if cache is not None and builder.plain:
        cache.put(text, data)
    return Document(data, node, line_offset, source=text)


def _opening_mark(exc: yaml.MarkedYAMLError, text: str) -> Optional[yaml.Mark]:
    """Where an unclosed quote or bracket opened, when that is the likely cause of `exc`.

    The parser notices it only further down, where the file ends or where the runaway value meets
    the next quote; the editor's mistake is where it opened.
    """
    if "escape" in (exc.problem or ""):  # a wrong \u escape inside a quote that is closed
        return None
    if exc.context is not None and ("quoted scalar" in exc.context or "flow" in exc.context):
        return exc.context_mark
    problem = exc.problem_mark
    found = None
    try:
        for token in yaml.scan(text, Loader=_Loader) if problem is not None else ():
            if token.start_mark.line > problem.line:
                break
            if (isinstance(token, yaml.ScalarToken) and token.style in ('"', "'")
                    and token.start_mark.line < token.end_mark.line == problem.line):
                found = token.start_mark
    except yaml.YAMLError:
        pass
    return found


# The parser's own words, retold for editors; the original stays in parentheses for experts.
_YAML_HINTS = (
    ("tab character", "ada karakter tab; indentasi YAML hanya boleh memakai spasi"),
    ("cannot start any token", "ada karakter yang tidak boleh mengawali nilai (tab, @, ` atau %); indentasi hanya "
     "dengan spasi, dan apit teks seperti itu dengan tanda kutip"),
    ("mapping values are not allowed", "ada tanda ':' yang tidak diharapkan; periksa indentasi baris ini, dan apit "
     "teks yang memuat ': ' dengan tanda kutip"),
    ("undefined alias", "tanda '*' di awal nilai harus diapit tanda kutip"),
    ("escape code", "kode escape '\\u…' atau '\\x…' di dalam tanda kutip ganda tidak sah (misalnya separuh "
     "pasangan surrogate); tulis karakternya langsung, tanpa kode escape"),
    ("constructor for the tag", "tag YAML (diawali '!') tidak diizinkan; tulis nilainya sebagai teks biasa"),
)


def _yaml_hint(problem: str) -> str:
    return next((hint for needle, hint in _YAML_HINTS if needle in problem),
                "periksa indentasi (kolom yang sejajar diawali jumlah spasi yang sama, setiap butir daftar diawali "
                "'- ') dan tanda kutip di baris ini: teks yang dikutip harus ditutup dan tidak diikuti teks lain")


# Lines, not characters, between the two '---' (much quicker; same matches as `(.*?\n)?` with re.S).
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n((?:[^\n]*\n)+?)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)")


def yaml_part(text: str) -> Optional[str]:
    """The YAML of a front matter, None if `text` does not start with one."""
    match = _FRONT_MATTER.match(text)
    return (match.group(1) or "") if match else None


def parse_front_matter(text: str, cache: Optional[ParseCache] = None) -> Document:
    """Split `---` YAML `---` Markdown; the YAML starts on line 2."""
    match = _FRONT_MATTER.match(text)
    if not match:
        raise ContentError(
            "berkas inovasi harus diawali baris '---', diikuti data YAML, lalu ditutup baris '---' sebelum narasi"
        )
    document = parse_yaml(match.group(1) or "", line_offset=1, cache=cache)
    document.body = text[match.end():]
    document.body_line = text.count("\n", 0, match.end()) + 1
    return document


_STR, _SEQ, _MAP, _MERGE, _BINARY, _INT, _FLOAT = (
    f"tag:yaml.org,2002:{name}" for name in ("str", "seq", "map", "merge", "binary", "int", "float"))


class _Data:
    """The Python value of a composed document, refusing duplicate keys and aliases (a few nested
    aliases expand to billions of values).

    Strings, lists and mappings, nearly all of a record, are built here in one pass with the checks:
    PyYAML's generic constructor is the slowest part of `validate`. Anything else (numbers, booleans, null,
    explicit tags, merge keys) goes to YAML's safe constructor, so values are the same as its own.
    `plain`: the value is made of JSON's types only, so a cache can store it as JSON.
    """

    def __init__(self, line_offset: int, aliases: bool):
        """`aliases`: the text may hold some (it has an '&' anchor); else no node needs remembering."""
        self.line_offset = line_offset
        self.seen: Optional[set[int]] = set() if aliases else None
        self.constructor = yaml.constructor.SafeConstructor()
        self.plain = True

    def value(self, node: yaml.Node, depth: int = 0) -> object:
        if depth > YAML_DEPTH:
            raise self._error(f"data bersarang terlalu dalam (lebih dari {YAML_DEPTH} tingkat daftar atau kolom di "
                              "dalam kolom); sederhanakan susunannya sesuai contoh di panduan editor", node)
        if self.seen is not None:
            if id(node) in self.seen:  # only an alias makes the composer reuse a node
                raise self._error("anchor '&' dan alias '*' tidak diizinkan; tulis isinya lengkap di setiap tempat", node)
            self.seen.add(id(node))
        tag = node.tag
        if tag == _STR and isinstance(node, yaml.ScalarNode):
            if node.style == '"' and (hidden := _HIDDEN.search(node.value)):  # written as an escape, \u202e
                raise self._error(_hidden_message(hidden.group()), node)
            return node.value
        if tag == _SEQ and isinstance(node, yaml.SequenceNode):
            return [self.value(item, depth + 1) for item in node.value]
        if tag == _MAP and isinstance(node, yaml.MappingNode) and not any(k.tag == _MERGE for k, _ in node.value):
            return self._mapping(node, depth)
        if tag in (_INT, _FLOAT) and len(node.value) > NUMBER_CHARS:  # 5,000 digits: int() itself refuses
            raise self._error(f"angka ini terlalu panjang ({len(node.value)} karakter; paling banyak "
                              f"{NUMBER_CHARS}); bila maksudnya teks, apit dengan tanda kutip", node)
        if tag == _BINARY:
            raise self._error("nilai biner (!!binary) tidak diizinkan: isinya tidak terbaca oleh peninjau; tulis "
                              "sebagai teks biasa", node)
        for child in _children(node):
            if child.tag != _MERGE:
                self.value(child, depth + 1)  # the checks still reach inside what the constructor builds
        value = self.constructor.construct_object(node, deep=True)
        if not (value is None or isinstance(value, (bool, int)) or isinstance(value, float) and math.isfinite(value)):
            self.plain = False
        return value

    def _mapping(self, node: yaml.MappingNode, depth: int) -> dict[object, object]:
        result: dict[object, object] = {}
        names: set[str] = set()
        for key_node, value_node in node.value:
            if isinstance(key_node, yaml.ScalarNode):
                if key_node.value in names:
                    raise self._error(f"kolom '{key_node.value}' ditulis dua kali; hapus salah satunya", key_node)
                names.add(key_node.value)
            key = self.value(key_node, depth + 1)
            self.plain = self.plain and isinstance(key, str)
            try:
                hash(key)
            except TypeError:
                raise yaml.constructor.ConstructorError("while constructing a mapping", node.start_mark,
                                                        "found unhashable key", key_node.start_mark) from None
            result[key] = self.value(value_node, depth + 1)
        return result

    def _error(self, message: str, node: yaml.Node) -> ContentError:
        return ContentError(message, node.start_mark.line + 1 + self.line_offset, node.start_mark.column + 1)


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.MappingNode):
        return [child for pair in node.value for child in pair]
    return list(node.value) if isinstance(node, yaml.SequenceNode) else []


def locate(node: Optional[yaml.Node], loc: tuple[Any, ...], line_offset: int = 0, at_key: bool = False) -> tuple[int, int]:
    """Line and column (1-based) of the deepest node on the path `loc`, e.g. ("winners", 2, "rank").

    With `at_key`, the position of the last key itself (an unknown key's value may be far away).
    """
    if node is None:
        return 1 + line_offset, 1
    mark = node.start_mark
    for part in loc:
        found = _child(node, part)
        if found is None:
            break
        key, node = found
        empty = isinstance(node, yaml.ScalarNode) and node.value == ""
        mark = key.start_mark if key is not None and (at_key or empty) else node.start_mark
    return mark.line + 1 + line_offset, mark.column + 1


def _child(node: yaml.Node, part: object) -> Optional[tuple[Optional[yaml.Node], yaml.Node]]:
    if isinstance(node, yaml.MappingNode):
        return next(((key, value) for key, value in node.value if key.value == part), None)
    if isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
        return None, node.value[part]
    return None
