"""The `etalase` MkDocs plugin. Handlers read top to bottom in MkDocs' event order."""

from __future__ import annotations

import gc
import logging
import os
import re
import threading
from html import escape as html_escape
from pathlib import Path
from typing import Any, Optional

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, ConfigurationError, PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from ..paths import Refused, check_inside
from ..problems import render, summary
from ..processes import can_fork
from ..validate import Checked, check_repository
from . import filters, incremental, navcache, parallel, search
from .config import EtalaseConfig
from .digest import page_digests
from .pages import PageSpec
from .sanitize import safe_id, sanitize
from .sections import SECTIONS
from .urls import Urls

log = logging.getLogger("mkdocs.plugins.etalase")
TEMPLATES = Path(__file__).parent / "templates"
# Stylesheets and scripts of the plugin, published under the same path (e.g. assets/etalase/catalog.css).
ASSETS = Path(__file__).parent / "assets"


class EtalasePlugin(BasePlugin[EtalaseConfig]):
    def __init__(self) -> None:
        self.checked: Optional[Checked] = None
        # Set by `build.py build`, which has just validated the repository: the first build uses it
        # instead of reading every file a second time (later `serve` rebuilds read them again).
        self.prechecked: Optional[tuple[Path, Checked]] = None
        self.specs: dict[str, PageSpec] = {}
        # Forked processes (see parallel.py) writing the search index and half of the generated pages.
        self.indexer: Optional[parallel.Child] = None
        self.writer: Optional[parallel.Child] = None
        self.in_writer = False  # this process is the forked writer
        self.everything: list[File] = []  # every page, for the sitemap when half of them are written aside
        self.preview = False
        # A dirty build rewrites only what changed since the build whose manifest it finds (incremental.py);
        # set by `build.py build`, or by MkDocs' own --dirty.
        self.dirty = False
        self.previous: Optional[incremental.Manifest] = None
        self.digests: Optional[dict[str, str]] = None  # of every generated page, by src_uri
        self.dest_uris: dict[str, str] = {}  # where every generated page is written, by src_uri
        # In a preview: the search index being written after the pages are shown, and whether the last one failed.
        self.preview_index: Optional[threading.Thread] = None
        self.preview_index_failed = False
        self.current = ""  # the page being made
        self.sources = SourceNames()

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # A live preview (`serve`) shows every valid record and prints the problems (strict: false).
        self.preview = command == "serve"
        self.dirty = dirty

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        for name in SourceNames.LOGGERS:  # a logger's filters see only its own records, not its children's
            logger = logging.getLogger(name)
            for old in [f for f in logger.filters if isinstance(f, SourceNames)]:
                logger.removeFilter(old)
            logger.addFilter(self.sources)
        self.root = Path(self.config.root or Path(config.config_file_path).parent).resolve()
        self.urls = Urls(self.config, config.site_url)
        # Our templates come after the site's custom_dir (so a site can override them) and before
        # the theme's own.
        dirs = config.theme.dirs
        dirs.insert(1 if config.theme.custom_dir else 0, str(TEMPLATES))
        for path in sorted(ASSETS.rglob("*.css")):
            if (stylesheet := path.relative_to(ASSETS.parent).as_posix()) not in config.extra_css:
                config.extra_css.append(stylesheet)
        if self.preview:
            self.config.strict = False
        if self.dirty:
            incremental.quiet_dirty_notices()
        return config

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        gc.unfreeze()  # what the previous build froze (serve) may be collected again
        if self.preview_index is not None:  # the previous preview's index goes in before anything else
            self.preview_index.join()
        self.site_dir = Path(config.site_dir)
        self.previous = incremental.Manifest.take(self.site_dir) if self.dirty else None

    def _forking(self) -> bool:
        return not self.preview and can_fork()

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        # MkDocs lists every file under docs_dir, following links: links, devices, fifos and pages
        # a browser runs (.html, .svg) are never published (validation reports them; see paths.py).
        docs_dir = os.path.abspath(config.docs_dir)
        for file in list(files):
            if file.src_dir is not None and os.path.abspath(file.src_dir) == docs_dir and not _publishable(self.root, file):
                files.remove(file)
        root, checked = self.prechecked or (None, None)
        self.checked = checked if root == self.root else check_repository(self.root)
        self.prechecked = None
        problems = self.checked.problems
        report = f"{render(problems, 'text')}\n{summary(problems, self.checked.content.files_checked)}"
        if not self.checked.ok and self.config.strict:
            raise PluginError(f"Data tidak valid, situs tidak dibangun:\n{report}")
        if problems:
            # A preview still shows every valid record; the problems stay on screen.
            log.info("Masalah pada data (catatan yang bermasalah tidak ditampilkan):\n%s", report)
        self.site_digest = incremental.site_digest(config)
        if self.dirty and (self.previous is None or self.previous.site != self.site_digest):
            # No previous build, or one with another configuration, theme or code: nothing of its output
            # can be kept; build everything, as a clean build.
            self.previous = None
            incremental.empty_folder(self.site_dir)
        previous = self.previous
        if self._forking():  # the index needs only the catalog: written aside while the pages are made
            self.indexer = parallel.index_aside(self._index, config)
        self.specs = {}
        clashes = []
        for section in SECTIONS:
            for spec in section(self.checked.catalog, self.urls, self.config):
                if spec.src_uri in self.specs:  # two generated pages at one address: one would silently win
                    clashes.append(f"/{spec.url} ({self.specs[spec.src_uri].title} dan {spec.title})")
                self.specs[spec.src_uri] = spec
        if clashes:
            raise PluginError("Beberapa halaman mendapat alamat yang sama; ganti nama berkas atau folder datanya: "
                              + "; ".join(clashes))
        self.sources.specs = self.specs
        # With no previous build to compare with, the digests wait for the end of the build (the
        # manifest), where this process makes them while the forked writer finishes its pages.
        self.digests = page_digests(self.specs.values()) if previous else None
        self.dest_uris = {}
        _refuse_shadowed(files, self.specs, strict=self.config.strict)
        for src_uri, spec in self.specs.items():
            if previous and previous.unchanged(src_uri, self.digests[src_uri], self.site_dir):
                file = incremental.UnchangedPage.generated(config, src_uri, content="")
            else:
                file = File.generated(config, src_uri, content=spec.source())
            files.append(file)
            self.dest_uris[src_uri] = file.dest_uri
            for path, content in spec.files.items():  # downloads published with the page (data/)
                files.append(File.generated(config, path, content=content))
        for path in sorted(p for p in ASSETS.rglob("*") if p.is_file()):
            files.append(File.generated(config, path.relative_to(ASSETS.parent).as_posix(), abs_src_path=str(path)))
        # The catalog, the specs and MkDocs' files live until the build ends: Python's cycle collector
        # would walk them all again and again while pages are made (a fifth of a rebuild at 10,000).
        gc.freeze()
        return files

    @event_priority(-100)  # after every plugin's on_nav: both processes go on with the same navigation
    def on_nav(self, nav, config: MkDocsConfig, files: Files):
        if self._forking():
            self.everything = files.documentation_pages()
            for file in self.everything:
                if file.page is None:  # as MkDocs would make it, so that the sitemap lists every page
                    Page(None, file, config)
            share = [file for file in self.everything if file.src_uri in self.specs and file.is_modified()][1::2]
            if share:  # none in a rebuild that rewrites a page or two
                self.writer = parallel.split_pages(files, config, share)
                self.in_writer = self.writer is None
        return nav

    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> Optional[str]:
        # Narratives and the editor's pages alike come from files that may arrive from outside the office.
        _rename_anchors(page.toc)
        if page.file.src_uri not in self.specs and page.title:
            # Material prints a page's title unescaped (<title>, header, h1), or with `striptags`,
            # which unescapes a title taken from the first heading (`&lt;/title&gt;` → `</title>`).
            # A front matter title is escaped here, a heading's is already; generated pages escape
            # theirs in PageSpec.source().
            title = page.meta.get("title")
            page.meta["title"] = html_escape(str(title), quote=True) if title is not None else page.title
        return sanitize(html)

    def on_env(self, env, config: MkDocsConfig, files: Files):
        filters.install(env, self.urls)
        search.install_header_search(env)
        navcache.install(env)
        return env

    def on_page_context(self, context: dict[str, Any], page: Page, config: MkDocsConfig, nav) -> dict[str, Any]:
        spec = self.specs.get(page.file.src_uri)
        if spec is not None:
            context.update(spec.context, urls=self.urls)
        return context

    def on_template_context(self, context: dict[str, Any], template_name: str, config: MkDocsConfig):
        if self.writer is not None and template_name == "sitemap.xml":
            context["pages"] = self.everything  # with the pages the child writes
        return context

    @event_priority(100)  # the forked writer ends before any other plugin's post_build could run twice
    def on_post_build(self, config: MkDocsConfig) -> None:
        if self.in_writer:
            parallel.end_child(config.strict)
        digests = self.digests or page_digests(self.specs.values())
        pages = {src_uri: [digests[src_uri], dest_uri] for src_uri, dest_uri in self.dest_uris.items()}
        indexer, self.indexer = self.indexer, None
        if self.writer is not None:
            self.writer.wait()
            self.writer = None
        # Not forked: the index is written here, into the finished site.
        search_digest = indexer.wait() if indexer is not None else self._index()
        if self.previous is not None:
            incremental.remove_stale(self.site_dir, self.previous, pages)
        incremental.Manifest(self.site_digest, pages, search_digest).write(self.site_dir)

    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        self.current = page.file.src_uri  # for a failure's message (on_build_error)
        return markdown

    def on_build_error(self, error: Exception) -> None:
        if self.in_writer or not isinstance(error, (Abort, PluginError, ConfigurationError)):
            # Said here, with the file it came from: in the forked writer nobody else would say it.
            source = self.sources.describe(self.current) if self.current else ""
            log.error("Halaman %s gagal dibangun: %s: %s", source or "situs", type(error).__name__, error)
        if self.in_writer:
            parallel.end_child(failed=True)
        # A failed build leaves no child writing into the site folder behind it.
        for child in self._children():
            child.wait(failed=True)

    def _children(self) -> list[parallel.Child]:
        children = [child for child in (self.writer, self.indexer) if child is not None]
        self.writer = self.indexer = None
        return children

    def _index(self) -> str:
        """Write the search index, unless the previous build's holds the same records; returns their digest."""
        records = list(search.records(self.checked.catalog, self.urls))
        digest = search.digest(records)
        previous = self.previous
        if (previous is not None and previous.search == digest and not self.preview_index_failed
                and (self.site_dir / search.OUTPUT_DIR).is_dir()):
            return digest
        if self.preview:  # the preview shows the pages at once; its search follows a few seconds later
            self.preview_index = threading.Thread(target=self._write_preview_index, args=(records,), daemon=True)
            self.preview_index.start()
        else:
            self._write_index(records)
        return digest

    def _write_index(self, records: list[search.SearchRecord]) -> None:
        search.write_index(records, self.site_dir)
        log.info("Indeks pencarian: %d inovasi", len(records))

    def _write_preview_index(self, records: list[search.SearchRecord]) -> None:
        try:
            self._write_index(records)
            self.preview_index_failed = False
        except PluginError as error:  # the preview goes on; the next rebuild tries again
            self.preview_index_failed = True
            log.error("%s", error)

    def on_serve(self, server, config: MkDocsConfig, builder):
        # content/ is the docs_dir, watched by MkDocs; the innovations live beside it.
        server.watch(str(self.root / "innovations"))
        return server

    def on_shutdown(self) -> None:
        if self.preview_index is not None:  # a preview stopped while its index was being written
            self.preview_index.join()


def _publishable(root: Path, file: File) -> bool:
    """Whether a file of docs_dir is content that may be published (paths.py)."""
    if file.generated_by is not None or not file.abs_src_path:
        return True
    rel = os.path.relpath(file.abs_src_path, root).replace(os.sep, "/")
    try:
        check_inside(root, rel)
    except Refused:
        return False
    return True


def _refuse_shadowed(files: Files, specs: dict[str, PageSpec], strict: bool) -> None:
    """A content page at the address of a generated page would be replaced by it, silently."""
    shadowed = sorted(src_uri for src_uri in specs if files.get_file_from_path(src_uri) is not None)
    if not shadowed:
        return
    message = ("Halaman berikut dibuat otomatis dari data, tetapi ada juga berkas dengan alamat yang sama di "
               "content/; pindahkan atau ganti nama berkasnya: " + ", ".join(f"content/{uri}" for uri in shadowed))
    if strict:
        raise PluginError(message)
    log.error("%s", message)


def _rename_anchors(toc) -> None:
    """The table of contents follows the ids `sanitize` renamed."""
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

    def describe(self, src_uri: str) -> str:
        spec = self.specs.get(src_uri)
        record = spec.context.get("innovation") if spec is not None else None
        path = getattr(record, "path", "")
        return f"{src_uri} (dari {path})" if path else src_uri

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if "index.md" in message and self.specs:
            found = self.PAGE.search(message)
            if found and (named := self.describe(found.group(1))) != found.group(1):
                record.msg, record.args = message.replace(found.group(0), f"'{found.group(1)}' ({named.split(' (', 1)[1]}", 1), None
        return True
