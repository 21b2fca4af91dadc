"""Material's base template made valid HTML with a skip link on every page, patched at known points (themepatch).

- Material marks its two hidden checkboxes (the drawer and the search toggles) `autocomplete="off"` so that a
  browser does not restore a drawer left open when a visitor comes back; the attribute is not allowed on checkboxes
  (an error of the Nu Html Checker on every page). The checkboxes now belong to an empty form whose `autocomplete`
  is off, which they inherit.
- Material's "Lewati ke isi" link exists only on pages with a table of contents, and jumps to the first heading.
  Every page now has it, and it jumps to the content.

Partials patched by a changed copy in our template folder are checked against the theme's (themepatch.OVERRIDES),
and Markdown tables get captions and scoped headers (tables.py).
"""

from __future__ import annotations

from pathlib import Path

import jinja2
from mkdocs.config.defaults import MkDocsConfig

from . import tables, themepatch

BASE = "base.html"
TOGGLES = "__toggles"
CONTENT = "__isi"  # the skip link's target, the content column; "__" as Material's own ids: no heading slug starts so
PATCHES = [
    ('<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">',
     (f'<form id="{TOGGLES}" autocomplete="off" hidden></form>'
      f'<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" form="{TOGGLES}">')),
    ('<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" autocomplete="off">',
     f'<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" form="{TOGGLES}">'),
    ("""      {% if page.toc | first is defined %}
        {% set skip = page.toc | first %}
        <a href="{{ skip.url | url }}" class="md-skip">
          {{ lang.t("action.skip") }}
        </a>
      {% endif %}""",
     f'<a href="#{CONTENT}" class="md-skip">{{{{ lang.t("action.skip") }}}}</a>'),
    ('<div class="md-content" data-md-component="content">',
     f'<div class="md-content" data-md-component="content" id="{CONTENT}">'),
]


def configure(config: MkDocsConfig, templates: Path) -> None:
    """Once our template folder is among the theme's (`templates`): its copies of theme partials checked, and
    the tables extension added to the site's Markdown."""
    themepatch.check_overrides(config.theme.dirs, templates)
    if tables.EXTENSION not in config.markdown_extensions:
        config.markdown_extensions.append(tables.EXTENSION)


def install(env: jinja2.Environment) -> None:
    for mark, replacement in PATCHES:
        themepatch.patch(env, BASE, mark, replacement, "perbaikan aksesibilitas tidak dapat dipasang")
