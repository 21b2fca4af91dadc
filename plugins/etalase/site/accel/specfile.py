"""The virtual Markdown file of a generated page, written from its spec when MkDocs reads it.

MkDocs holds a generated file's content from the moment it is made (`on_files`) to the end of the
build, and the page's Markdown from the moment it is read to the end too: for a catalog, every
narrative twice more besides the record's own. Here the file is written from the spec when the
page is read, and the Markdown is let go once it is HTML (`release_markdown`).
"""

from __future__ import annotations

from typing import cast

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File
from mkdocs.structure.pages import Page

from ...pages.spec import PageSpec


class SpecFile(File):
    spec: PageSpec

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
