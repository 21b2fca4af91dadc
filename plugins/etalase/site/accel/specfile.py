"""The virtual Markdown file of a generated page, written from its spec when MkDocs reads it.

MkDocs holds a generated file's content from the moment it is made (`on_files`) to the end of the
build, the page's Markdown from the moment it is read to the end too, and its HTML from the moment
every page is converted (before the first is written) to the end: for a catalog, every narrative
three times more besides the record's own. Here the file is written from the spec when the page is
read, the Markdown is let go once it is HTML (`release_markdown`), and the HTML is held compressed
until the page's template needs it (`hold_html`, `restore_html`) and let go once the page is
written (`release_html`).
"""

from __future__ import annotations

import zlib
from typing import cast

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File
from mkdocs.structure.pages import Page

from ...pages.spec import PageSpec


class SpecFile(File):
    spec: PageSpec
    packed_html: bytes = b""  # the page's HTML between its conversion and its template

    @classmethod
    def of(cls, config: MkDocsConfig, spec: PageSpec) -> SpecFile:
        file = cast(SpecFile, cls.generated(config, spec.src_uri, content=""))  # content given: no file is read
        file.spec = spec
        return file

    @property  # type: ignore[misc]  # read only: nothing sets the content of a generated page
    def content_string(self) -> str:
        return self.spec.source()

    @property  # type: ignore[misc]
    def content_bytes(self) -> bytes:
        return self.spec.source().encode("utf-8")


def release_markdown(page: Page) -> None:
    """Let go of a generated page's Markdown once it is HTML: its spec still has it (digest.py)."""
    if isinstance(page.file, SpecFile):
        page.markdown = ""  # not None: MkDocs would take the page for one not read yet (its title)


def hold_html(page: Page, html: str) -> str:
    """The HTML MkDocs keeps for a page until its template: none for a generated page, which holds it
    compressed (fastest level: it is read back once, a moment later)."""
    if not isinstance(page.file, SpecFile):
        return html
    page.file.packed_html = zlib.compress(html.encode("utf-8"), 1)
    return ""


def restore_html(page: Page) -> None:
    """Give a generated page its HTML back, for its template."""
    if isinstance(page.file, SpecFile) and page.file.packed_html:
        page.content = zlib.decompress(page.file.packed_html).decode("utf-8")
        page.file.packed_html = b""


def release_html(page: Page) -> None:
    """Let go of a generated page's HTML once the page is written."""
    if isinstance(page.file, SpecFile):
        page.content = ""
