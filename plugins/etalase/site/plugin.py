"""The `etalase` MkDocs plugin. Handlers read top to bottom in MkDocs' event order."""

from __future__ import annotations

import gc
import os
import logging
import threading
from pathlib import Path
from typing import Any, Optional

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from ..problems import render, summary
from ..processes import can_fork
from ..validate import Checked, check_repository
from ..cms import References
from . import admin, filters, incremental, localcms, navcache, parallel, search
from .config import EtalaseConfig
from .digest import page_digests
from .pages import PageSpec
from .sanitize import sanitize
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
        # The local backend's address (decap-server on 127.0.0.1), from `build.py serve --cms`.
        self.local_backend: Optional[str] = None

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # A live preview (`serve`) shows every valid record and prints the problems (strict: false).
        self.preview = command == "serve"
        self.dirty = dirty

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.root = Path(self.config.root or Path(config.config_file_path).parent).resolve()
        self.local_backend = os.environ.get(localcms.ENVIRONMENT) if self.preview else None
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
        for section in SECTIONS:
            for spec in section(self.checked.catalog, self.urls, self.config):
                self.specs[spec.src_uri] = spec
        # With no previous build to compare with, the digests wait for the end of the build (the
        # manifest), where this process makes them while the forked writer finishes its pages.
        self.digests = page_digests(self.specs.values()) if previous else None
        self.dest_uris = {}
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
        self._add_editor(files, config)
        # The catalog, the specs and MkDocs' files live until the build ends: Python's cycle collector
        # would walk them all again and again while pages are made (a fifth of a rebuild at 10,000).
        gc.freeze()
        return files

    def _add_editor(self, files: Files, config: MkDocsConfig) -> None:
        """The browser editor at /admin/: its page, Decap CMS and the config.yml generated from the models."""
        for dest, path in admin.static_files():
            files.append(File.generated(config, dest, abs_src_path=str(path)))
        cms = admin.settings(self.config, config.site_url, self.local_backend)
        for dest, content in admin.generated(cms, References.of(self.checked.catalog)).items():
            committed = files.get_file_from_path(dest)  # content/admin/config.yml, the same text outside `serve --cms`
            if committed is not None:
                files.remove(committed)
            # Published although mkdocs.yml excludes *.yml from the pages.
            files.append(File.generated(config, dest, content=content, inclusion=InclusionLevel.INCLUDED))

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
        # Narratives come from content files that may arrive from outside the office.
        if page.file.src_uri in self.specs:
            return sanitize(html)
        return html

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

    def on_build_error(self, error: Exception) -> None:
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
