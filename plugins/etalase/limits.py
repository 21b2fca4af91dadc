"""Bounds on what a content file may ask of the parsers, so that no file can crash or stall a build.

Python-Markdown recurses once per level of nested lists (500 levels: RecursionError in the middle
of a build) and its inline patterns are quadratic in the brackets of one paragraph (20,000 `[`
in 20 KB: minutes). YAML's nesting is bounded in yamlfile.py (YAML_DEPTH). Real records are far
inside every bound: a record nests four levels, a narrative has a few links per paragraph.
"""

from __future__ import annotations

import re
from typing import Optional

YAML_DEPTH = 32  # nested lists and mappings in one YAML document
NUMBER_CHARS = 40  # a YAML number's characters (Python refuses to read a 4,300-digit one)
MARKDOWN_CHARS = 200_000  # one narrative or page
LIST_INDENT = 40  # columns of indentation before a list item or quote (ten levels of four spaces)
BRACKETS_PER_BLOCK = 200  # `[` or `<` in one paragraph
BRACKETS = 2_000  # `[` or `<` in one text

_NESTED = re.compile(r"^([ \t]*)(?:[-*+]|\d{1,9}[.)]|>)(?:[ \t]|$)", re.M)


def markdown_problem(text: str) -> Optional[tuple[int, str]]:
    """(line in `text`, message) of the first bound Markdown `text` breaks, or None."""
    deep = "\n" + " " * (LIST_INDENT + 1)
    for match in _NESTED.finditer(text) if deep in text or text.startswith(deep[1:]) or "\t" in text else ():
        if len(match.group(1).expandtabs(4)) > LIST_INDENT:
            return (text.count("\n", 0, match.start()) + 1,
                    f"daftar atau kutipan bertingkat terlalu dalam (indentasi lebih dari {LIST_INDENT} spasi); "
                    "sederhanakan susunannya")
    if len(text) > MARKDOWN_CHARS:
        return 1, f"teks terlalu panjang ({len(text):,} karakter); paling banyak {MARKDOWN_CHARS:,}".replace(",", ".")
    total = text.count("[") + text.count("<")
    if total > BRACKETS:
        return 1, (f"terlalu banyak tanda '[' dan '<' ({total}; paling banyak {BRACKETS}); tanda sebanyak itu membuat "
                   "pembangunan situs sangat lambat")
    offset = 0
    for block in text.split("\n\n") if total > BRACKETS_PER_BLOCK else ():
        if block.count("[") + block.count("<") > BRACKETS_PER_BLOCK:
            return (text.count("\n", 0, offset) + 1,
                    f"paragraf ini memuat lebih dari {BRACKETS_PER_BLOCK} tanda '[' dan '<'; tanda sebanyak itu "
                    "membuat pembangunan situs sangat lambat; pecah menjadi beberapa paragraf")
        offset += len(block) + 2
    return None
