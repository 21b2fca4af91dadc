"""Cleaning HTML rendered from content that may arrive from outside the office."""

from __future__ import annotations

import nh3

# Headings keep their ids (permalinks, table of contents) and code blocks their classes.
_ATTRIBUTES = {tag: set(attrs) for tag, attrs in nh3.ALLOWED_ATTRIBUTES.items()}
_ATTRIBUTES["*"] = _ATTRIBUTES.get("*", set()) | {"id", "class", "title"}


def sanitize(html: str) -> str:
    """Drop scripts, event handlers and links other than http(s), mailto and relative ones."""
    return nh3.clean(html, attributes=_ATTRIBUTES, url_schemes={"http", "https", "mailto"})
