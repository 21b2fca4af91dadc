"""Cleaning HTML rendered from content that may arrive from outside the office.

Every page and field made from content goes through `sanitize`, the only cleaner: narratives,
descriptions, and the editor's pages under content/.
"""

from __future__ import annotations

import re
from typing import Optional

import nh3

# Headings keep their ids (permalinks, table of contents) and code blocks their classes; `name`
# goes (with `id` it is how markup reaches `document.x`/`window.x`, "DOM clobbering").
_ATTRIBUTES = {tag: set(attrs) - {"name"} for tag, attrs in nh3.ALLOWED_ATTRIBUTES.items()}
_ATTRIBUTES["*"] = _ATTRIBUTES.get("*", set()) | {"id", "class", "title"}
# The theme's elements and globals are named `__…` (`#__config`, which every script of Material
# reads first) and the plugin's `etalase-…`: a content id of that shape would stand in for them.
_THEIRS = ("_", "etalase")
PREFIX = "isi-"
_REMOTE = re.compile(r"^\s*([a-z][a-z0-9+.-]*:|//|\\\\)", re.I)


def safe_id(value: str) -> str:
    """A content id that cannot be one of the theme's or the plugin's."""
    return PREFIX + value if value.lower().startswith(_THEIRS) else value


def _attribute(tag: str, attribute: str, value: str) -> Optional[str]:
    if attribute == "id":
        return safe_id(value)
    if attribute == "src" and _REMOTE.match(value):
        return None  # the site loads nothing from another host: visitors' browsers contact only this one
    if attribute == "href" and value.startswith("#"):
        return "#" + safe_id(value[1:])
    return value


def sanitize(html: str) -> str:
    """Drop scripts, event handlers and links other than http(s), mailto and relative ones; rename
    ids that could clobber the theme's (see `safe_id`)."""
    return nh3.clean(html, attributes=_ATTRIBUTES, url_schemes={"http", "https", "mailto"},
                     attribute_filter=_attribute)
