"""Jinja filters and globals the templates use: labels, Indonesian dates, safe Markdown."""

from __future__ import annotations

import datetime as dt

import markdown as md
from markupsafe import Markup

from ..labels import MONTHS, label
from ..pages.urls import Urls
from .sanitize import sanitize


def date_id(value: object) -> str:
    """`2020-06-22` → `22 Juni 2020`; a bare year stays a year."""
    if isinstance(value, dt.date):
        return f"{value.day} {MONTHS[value.month - 1]} {value.year}"
    return "" if value is None else str(value)


def number_id(value: int) -> str:
    """`2517` → `2.517` (Indonesian thousands separator)."""
    return f"{value:,}".replace(",", ".")


def markdown_text(text: str | None) -> Markup:
    """Render a short Markdown field (a description, a note) safely."""
    return Markup(sanitize(md.markdown(text or "")))


def _is_ours(template_name: str | None) -> bool:
    return template_name is not None and template_name.startswith("etalase/")


def install(env, urls: Urls) -> None:
    # MkDocs' environment does not autoescape, and Material's templates rely on that. Ours print
    # text from content files that may come from outside the office, so they escape by default.
    env.autoescape = _is_ours
    env.filters.update(label=lambda value, field: label(field, value), date_id=date_id, number_id=number_id,
                       markdown_text=markdown_text)
    env.globals.update(urls=urls)
