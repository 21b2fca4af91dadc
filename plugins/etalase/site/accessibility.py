"""Material's base template made valid HTML with a skip link on every page, patched at known points (themepatch).

- Material marks its two hidden checkboxes (the drawer and the search toggles) `autocomplete="off"` so that a
  browser does not restore a drawer left open when a visitor comes back; the attribute is not allowed on checkboxes
  (an error of the Nu Html Checker on every page). The checkboxes now belong to an empty form whose `autocomplete`
  is off, which they inherit.
- Material's "Lewati ke isi" link exists only on pages with a table of contents, and jumps to the first heading.
  Every page now has it, and it jumps to the content.
"""

from __future__ import annotations

import jinja2

from . import themepatch

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


def install(env: jinja2.Environment) -> None:
    for mark, replacement in PATCHES:
        themepatch.patch(env, BASE, mark, replacement, "perbaikan aksesibilitas tidak dapat dipasang")
