"""Checks of an innovation's narrative (the Markdown after its front matter) that `validate` can make.

A narrative is published at a generated address (`/inovasi/<daerah>/<nama>/`), not where its file
lives, so a relative link or image (`[x](lain.md)`, `![](images/a.jpg)`, `/daerah/`) points
nowhere MkDocs can check: the strict build fails on it. Validation says so first, at its line.
"""

from __future__ import annotations

import re
from typing import Iterator

from .limits import markdown_problem

# Inline links and images `[text](target`, and reference definitions `[id]: target`.
_INLINE = re.compile(r"\]\(\s*<?([^)\s>]+)")
_IMAGE = re.compile(r"!\[[^\]\n]*\]\(\s*<?([^)\s>]+)")
_DEFINITION = re.compile(r"^[ ]{0,3}\[[^\]\n]+\]:\s*<?(\S+?)>?(?:\s|$)", re.M)
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


def narrative_problems(body: str) -> Iterator[tuple[int, str]]:
    """(line in `body`, message) of each problem of a narrative."""
    if (bound := markdown_problem(body)) is not None:
        yield bound
        return
    if "]" not in body:  # one character: memchr, where "](" took as long as the rest of the checks
        return
    found = [*_INLINE.finditer(body), *(_DEFINITION.finditer(body) if "]:" in body else ())]
    for match in _IMAGE.finditer(body):
        if _SCHEME.match(match.group(1)) or match.group(1).startswith("//"):
            yield (body.count("\n", 0, match.start()) + 1,
                   f"gambar '{match.group(1)}' dari situs lain tidak ditampilkan (situs ini tidak memuat apa pun dari "
                   "situs lain); simpan gambarnya di content/ dan masukkan lewat kolom 'media'")
    for match in sorted(found, key=lambda match: match.start()):
        target = match.group(1)
        # Full addresses are judged by the sanitiser (http, https, mailto stay); anchors stay on the page.
        if _SCHEME.match(target) or target.startswith(("#", "//")):
            continue
        yield (body.count("\n", 0, match.start()) + 1,
               f"tautan '{target}' di narasi tidak dapat diarahkan: halaman inovasi terbit di alamatnya sendiri, "
               "bukan di folder berkasnya; tulis alamat lengkap (https://…), dan masukkan gambar lewat kolom "
               "'media'")
