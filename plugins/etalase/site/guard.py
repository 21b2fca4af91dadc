"""What the adapter adds so that content from outside the office reaches the site only as checked,
and so that a failure names the content file an editor knows.

- `drop_unpublishable`: MkDocs lists every file under docs_dir, following links; links, devices,
  fifos and pages a browser runs (.html, .svg) are never published (validation reports them; paths.py);
- `refuse_shadowed`: a content page at the address of a generated page would be replaced by it, silently
  (validation reports it first, from the URL functions: validate.shadowed_pages; here MkDocs' own list of files);
- `clean_page`: an editor's page is sanitised like a narrative, its ids and title made harmless;
- `SourceNames`: MkDocs' messages, and a failure of the build, name the content file of a generated page.
"""

from __future__ import annotations

import logging
import os
import re
from html import escape as html_escape
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, ConfigurationError, PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink, TableOfContents

from ..pages.spec import PageSpec
from ..paths import Refused, check_inside
from .sanitize import safe_id, sanitize

log = logging.getLogger("mkdocs.plugins.etalase")


def drop_unpublishable(files: Files, config: MkDocsConfig, root: Path) -> None:
    """Remove from `files` the files of docs_dir that are not content that may be published (theme
    assets and generated files are not docs_dir's: they stay)."""
    docs_dir = os.path.abspath(config.docs_dir)
    for file in list(files):
        if file.src_dir is not None and os.path.abspath(file.src_dir) == docs_dir and not _publishable(root, file):
            files.remove(file)


def _publishable(root: Path, file: File) -> bool:
    if file.generated_by is not None or not file.abs_src_path:
        return True
    rel = os.path.relpath(file.abs_src_path, root).replace(os.sep, "/")
    try:
        check_inside(root, rel)
    except Refused:
        return False
    return True


def refuse_shadowed(files: Files, specs: dict[str, PageSpec], strict: bool) -> None:
    """Fail a `strict` build (else say it) when a content page has the address of a generated page;
    called before the generated pages are added to `files`."""
    shadowed = sorted(src_uri for src_uri in specs if files.get_file_from_path(src_uri) is not None)
    if not shadowed:
        return
    message = ("Halaman berikut dibuat otomatis dari data, tetapi ada juga berkas dengan alamat yang sama di "
               "content/; pindahkan atau ganti nama berkasnya: " + ", ".join(f"content/{uri}" for uri in shadowed))
    if strict:
        raise PluginError(message)
    log.error("%s", message)


def clean_page(html: str, page: Page, generated: bool) -> str:
    """The page's HTML sanitised, its table of contents following the ids `sanitize` renamed, and an
    editor's page title escaped.

    Material prints a page's title unescaped (<title>, header, h1), or with `striptags`, which
    unescapes a title taken from the first heading (`&lt;/title&gt;` → `</title>`). A front matter
    title is escaped here, a heading's is already; generated pages escape theirs in PageSpec.source().
    """
    _rename_anchors(page.toc)
    if not generated and page.title:
        title = page.meta.get("title")
        page.meta["title"] = html_escape(str(title), quote=True) if title is not None else page.title
    return sanitize(html)


def _rename_anchors(toc: TableOfContents | list[AnchorLink]) -> None:
    for anchor in toc:
        anchor.id = safe_id(anchor.id)
        _rename_anchors(anchor.children)


class SourceNames(logging.Filter):
    """Adds to MkDocs' messages about a generated page the content file it comes from: an editor
    knows `innovations/kota-batu/adiarta.md`, not the virtual `inovasi/kota-batu/adiarta/index.md`."""

    LOGGERS = ("mkdocs.structure.pages", "mkdocs.commands.build", "mkdocs.plugins")
    PAGE = re.compile(r"'([^']+/index\.md|index\.md)'")

    def __init__(self) -> None:
        super().__init__()
        self.specs: dict[str, PageSpec] = {}
        self.current = ""  # the page being made, for a failure's message

    def install(self) -> None:
        """Filter MkDocs' loggers (a logger's filters see only its own records, not its children's),
        in place of the filter of a previous build in this process."""
        for name in self.LOGGERS:
            logger = logging.getLogger(name)
            for old in [f for f in logger.filters if isinstance(f, SourceNames)]:
                logger.removeFilter(old)
            logger.addFilter(self)

    def describe(self, src_uri: str) -> str:
        spec = self.specs.get(src_uri)
        record = spec.context.get("innovation") if spec is not None else None
        path = getattr(record, "path", "")
        return f"{src_uri} (dari {path})" if path else src_uri

    def failed(self, error: Exception, in_writer: bool) -> None:
        """Say a failure of the build with the page being made and the file it came from: in the forked
        writer nobody else would say it, and MkDocs would print an unexpected error as a traceback."""
        if in_writer or not isinstance(error, (Abort, PluginError, ConfigurationError)):
            source = self.describe(self.current) if self.current else ""
            log.error("Halaman %s gagal dibangun: %s: %s", source or "situs", type(error).__name__, error)

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if "index.md" in message and self.specs:
            found = self.PAGE.search(message)
            if found and (named := self.describe(found.group(1))) != found.group(1):
                record.msg = message.replace(found.group(0), f"'{found.group(1)}' ({named.split(' (', 1)[1]}", 1)
                record.args = None
        return True
