"""Jinja filters and globals the templates use: labels, Indonesian dates, safe Markdown."""

from __future__ import annotations

import datetime as dt

import markdown as md
from markupsafe import Markup

from ..labels import MONTHS, label, number_id
from ..pages.urls import Urls
from .sanitize import sanitize


def date_id(value: object) -> str:
    """`2020-06-22` → `22 Juni 2020`, a month `2020-06` → `Juni 2020`; a bare year stays a year."""
    if isinstance(value, dt.date):
        return f"{value.day} {MONTHS[value.month - 1]} {value.year}"
    if isinstance(value, str) and len(value) == 7:  # a month of the records (records.common.Moment)
        return f"{MONTHS[int(value[5:]) - 1]} {value[:4]}"
    return "" if value is None else str(value)


def score_id(value: float | None) -> str:
    """An index score as Indonesian publications write it, `62.5` → `62,50`; a dash when unknown."""
    return "—" if value is None else f"{value:.2f}".replace(".", ",")


def markdown_text(text: str | None) -> Markup:
    """Render a short Markdown field (a description, a note) safely."""
    return Markup(sanitize(md.markdown(text or "")))


def _is_ours(template_name: str | None) -> bool:
    return template_name is not None and template_name.startswith("etalase/")


def install(env, urls: Urls) -> None:
    # MkDocs' environment does not autoescape, and Material's templates rely on that. Ours print
    # text from content files that may come from outside the office, so they escape by default.
    env.autoescape = _is_ours
    env.filters.update(label=lambda value, field: label(field, value), date_id=date_id, number_id=number_id, score_id=score_id,
                       markdown_text=markdown_text)
    env.globals.update(urls=urls)
