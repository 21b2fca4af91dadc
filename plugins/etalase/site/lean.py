"""What every page carried that no visitor needs, left out.

Templates' indentation: every run of white space with a line break in the templates' own text (the
theme's and ours) becomes one line break.

Material's templates are indented for their readers, and every generated page carried that
indentation (an eighth of an innovation page's bytes). A browser shows any run of white space
outside preformatted text as one space, and a line break is one, so a page looks the same. The
text inside elements whose white space shows (`pre`, `code`, `kbd`, `textarea`: Material's
stylesheet makes code `pre-wrap`) and inside scripts and styles is kept as written; so are the
values the templates print (a page's content, its title). It happens once, when a template is
compiled: no page pays for it.

What the templates' tags leave around them (a line of only `{% if %}` gives its line break, and
the next line its own) goes from the page when it is written: blank lines become one line break,
outside scripts and except on the rare page with code or other preformatted text (a guide), kept
as it is.

JSON printed by `tojson` (Material's configuration of its scripts, our JSON-LD) goes without the
spaces after `,` and `:`, which no reader of it needs; that configuration goes without the texts of
Material's search box, which the site does not draw (its search is Pagefind's, search_index.py)
unless Material's search plugin is configured.
"""

from __future__ import annotations

import re
from typing import Iterator

import jinja2
from jinja2.ext import Extension
from jinja2.lexer import Token, TokenStream
from mkdocs.config.defaults import MkDocsConfig

from . import themepatch

RUN = re.compile(r"[ \t]*\n\s*")
BLANK_LINES = re.compile(r"\n\n+")
PREFORMATTED = ("<pre", "<code", "<kbd", "<textarea")  # the elements whose white space shows (above)
# The elements whose text is kept: opening or closing tags.
KEPT = re.compile(r"<(/?)(pre|code|kbd|textarea|script|style)\b", re.IGNORECASE)


class Compact(Extension):
    def filter_stream(self, stream: TokenStream) -> Iterator[Token]:
        inside: list[str] = []  # the kept elements open at this point of the template's text
        for token in stream:
            if token.type == "data":
                token = Token(token.lineno, token.type, _compact(token.value, inside))
            yield token


def _compact(text: str, inside: list[str]) -> str:
    parts, start = [], 0
    for tag in KEPT.finditer(text):
        piece = text[start:tag.start()]
        parts.append(piece if inside else RUN.sub("\n", piece))
        closing, name = tag.group(1), tag.group(2).lower()
        if closing and name in inside:
            del inside[len(inside) - 1 - inside[::-1].index(name):]
        elif not closing:
            inside.append(name)
        parts.append(tag.group(0))
        start = tag.end()
    rest = text[start:]
    parts.append(rest if inside else RUN.sub("\n", rest))
    return "".join(parts)


# The texts of Material's search box in the configuration its scripts read (base.html).
SEARCH_TEXTS = "".join(f'            "search.result.{key}": lang.t("search.result.{key}"),\n' for key in (
    "placeholder", "none", "one", "other", "more.one", "more.other", "term.missing"))


def install(env: jinja2.Environment, config: MkDocsConfig) -> None:
    env.add_extension(Compact)
    env.policies["json.dumps_kwargs"] = {**env.policies["json.dumps_kwargs"], "separators": (",", ":")}
    if not {"search", "material/search"} & set(config.plugins):
        themepatch.patch(env, "base.html", SEARCH_TEXTS, "", "teks kotak pencarian Material tidak dapat dilepas")


def blank_lines(page: str) -> str:
    """The page with every run of line breaks made one outside its scripts, unless it has preformatted text."""
    if any(tag in page for tag in PREFORMATTED):
        return page
    first, *scripts = page.split("<script")
    pieces = [BLANK_LINES.sub("\n", first)]
    for script in scripts:  # its text kept as written (a string may hold blank lines), what follows it made lean
        end = script.find("</script>")
        pieces.append(script if end < 0 else script[:end] + BLANK_LINES.sub("\n", script[end:]))
    return "<script".join(pieces)
