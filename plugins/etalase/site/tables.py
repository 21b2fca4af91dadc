"""Markdown tables (the guide, narratives) as screen readers need them: a caption and scoped header cells.

Markdown has no syntax for either. Each table is captioned with the heading it stands under (hidden on screen,
where the heading is already visible); header cells of the head row get `scope="col"`, others `scope="row"`.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

HEADINGS = {f"h{level}" for level in range(1, 7)}
HIDDEN = "etalase-visually-hidden"  # assets/etalase/search.css
# By name, as MkDocs takes extensions (and its build digest, incremental.py, reads them); Python-Markdown imports it.
EXTENSION = f"{__name__}:TablesExtension"


class _Tables(Treeprocessor):
    def run(self, root: ET.Element) -> None:
        heading = ""
        for element in root.iter():  # document order: a table comes after the heading it stands under
            if element.tag in HEADINGS:
                heading = "".join(element.itertext()).strip()
            elif element.tag == "table":
                _caption(element, heading)


def _caption(table: ET.Element, heading: str) -> None:
    if table.find("caption") is None:
        caption = ET.Element("caption", {"class": HIDDEN})
        caption.text = heading or "Tabel"
        table.insert(0, caption)
    for section in table:
        for cell in section.iter("th"):
            cell.attrib.setdefault("scope", "col" if section.tag == "thead" else "row")


class TablesExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:  # Python-Markdown's name
        md.treeprocessors.register(_Tables(md), "etalase-tables", 15)  # after inline (20): headings hold their text
