"""The build machinery that makes a build faster, never different; the plugin calls `Accelerator` in MkDocs' event order.

- incremental.py: a build into a folder built before writes only the pages whose digest changed,
  keeps the search index when its records are the same and removes what is gone (the manifest);
- parallel.py: on two cores or more, forked processes write the search index and half of the
  generated pages;
- framecache.py: Material's frame (navigation, header, scripts...) rendered once per folder of generated
  pages, not once per page;
- templatecache.py: the templates compiled once, not in every build;
- specfile.py: a generated page's Markdown made from its spec when it is read, let go once it is HTML,
  and its HTML held compressed until its template, let go once it is written;
- in a preview (`serve`), the rebuilt pages are served first and the search index follows, written by
  a process of its own;
- instant.py: in a preview, the pages of saved innovations are shown before the rest is rebuilt.

Turned off (`accelerate: false` under the plugin in mkdocs.yml), a build is MkDocs' own: one
process, the theme's frame rendered into every page, every page written, the search index written
at the end. It turns itself off when a plugin it does not know is configured: writing half of the
pages in another process, or skipping unchanged ones, would hide pages from a plugin that keeps
state per page (a sitemap, tags, a feed). `tests/test_accel.py` checks both builds are the same.
"""

from __future__ import annotations

import gc
import json
import logging
import multiprocessing
import os
import threading
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path
from typing import Any, Callable, Iterable, Optional

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.livereload import LiveReloadServer
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from ...catalog import Catalog
from ...pages.digest import page_digests
from ...pages.edited import Edited
from ...pages.search import Placed, SearchRecords
from ...pages.spec import PageSpec
from ...processes import can_fork
from .. import search_index
from . import framecache, incremental, parallel, templatecache
from .instant import InstantPreview, MakePages
from .specfile import SpecFile, hold_html, release_html, release_markdown, restore_html

log = logging.getLogger("mkdocs.plugins.etalase")

# The records at some URLs of a catalog, each with its place in the whole index (search.placed).
PlacedRecords = Callable[[Catalog, set[str]], Placed]

# Plugins whose output does not depend on seeing every page in one process.
KNOWN_PLUGINS = frozenset({"etalase"})


class Accelerator:
    def __init__(self) -> None:
        self.enabled = True
        self.preview = False
        self.dirty = False  # a build into a folder built before: rewrite only what changed
        self.site_dir = Path()
        self.previous: Optional[incremental.Manifest] = None
        self.site_digest = ""
        self.digests: Optional[dict[str, str]] = None  # of every generated page, by src_uri
        self.dest_uris: dict[str, str] = {}  # where every generated page is written, by src_uri
        # In the parent: the forked processes writing the search index and half of the pages.
        self.indexer: Optional[parallel.Child] = None
        self.writer: Optional[parallel.Child] = None
        self.is_writer = False  # this process is the forked writer: it ends at post_build
        self.everything: list[File] = []  # every page, for the sitemap when the writer has half of them
        self.shared: set[str] = set()  # the src_uris of the generated pages the writer writes
        self.preview_index: Optional[threading.Thread] = None
        # In a preview: the search index of saved innovations, written while the rebuild runs (instant.py),
        # and the digest of the records of the index this process last left in the site folder.
        self.early_index: Optional[threading.Thread] = None
        self.indexed: Optional[str] = None
        # In a preview: the folder of the fragments of the whole index this process wrote last, and the
        # place of each record in it, which name its entries (site/stable_index.py).
        self.whole_index: tuple[Optional[str], dict[str, int]] = (None, {})
        self.index_process: Optional[ProcessPoolExecutor] = None
        self.instant = InstantPreview()

    def startup(self, command: str, dirty: bool) -> None:
        self.preview = command == "serve"
        self.dirty = dirty

    def configure(self, config: MkDocsConfig, enabled: bool) -> None:
        unknown = sorted(name for name in config.plugins if name not in KNOWN_PLUGINS)
        if enabled and unknown:
            log.info("Percepatan pembangunan dimatikan karena plugin %s tidak dikenalnya; semua halaman "
                     "dibangun ulang dalam satu proses", ", ".join(unknown))
        self.enabled = enabled and not unknown
        if self.dirty:
            incremental.quiet_dirty_notices()

    def pre_build(self, config: MkDocsConfig) -> None:
        """Before anything else: the previous preview's search index, and the previous build's manifest."""
        _join(self.preview_index)  # not the early index: it is written beside this build
        self.preview_index = None
        self.instant.begin_build()
        gc.unfreeze()  # what the previous build froze (serve) may be collected again
        if self.preview:
            # Now, not when the cycle collector next gets to them: a preview's previous pages, files and
            # catalog (let go by now, held in cycles) would still be there beside this build's.
            gc.collect()
        self.site_dir = Path(config.site_dir)
        self.previous = incremental.Manifest.take(self.site_dir) if self.enabled and self.dirty else None

    def begin_files(self, config: MkDocsConfig, write_index: Callable[[], str]) -> None:
        """Once the catalog is checked: empty the folder when nothing of it can be kept, and fork the
        search index (it needs only the catalog) to be written while the pages are made."""
        if self.dirty and not self.enabled:
            incremental.empty_folder(self.site_dir)  # MkDocs' dirty build would leave stale pages
        if not self.enabled:
            return
        self.site_digest = incremental.site_digest(config)
        if self.dirty and (self.previous is None or self.previous.site != self.site_digest):
            # No previous build, or one with another configuration, theme or code: nothing of its output
            # can be kept; build everything, as a clean build.
            self.previous = None
            incremental.empty_folder(self.site_dir)
        if self._forking():
            self.indexer = parallel.index_aside(write_index, config)
        gc.freeze()  # the catalog lives until the build ends: see `nav`

    def _page_file(self, config: MkDocsConfig, spec: PageSpec) -> File:
        """The file of a generated page: one MkDocs neither reads nor writes when its output is unchanged."""
        previous = self.previous
        if previous is not None and self.digests is not None and previous.unchanged(
                spec.src_uri, self.digests[spec.src_uri], self.site_dir):
            file: File = incremental.UnchangedPage.generated(config, spec.src_uri, content="")
        elif self.enabled:
            file = SpecFile.of(config, spec)
        else:
            file = File.generated(config, spec.src_uri, content=spec.source())
        self.dest_uris[spec.src_uri] = file.dest_uri
        return file

    def page_files(self, config: MkDocsConfig, specs: dict[str, PageSpec]) -> list[File]:
        """The files of every generated page, and of the downloads published with them."""
        # With no previous build to compare with, the digests wait for the end of the build (the
        # manifest), where this process makes them while the forked writer finishes its pages.
        self.digests = page_digests(specs.values()) if self.previous is not None else None
        self.dest_uris = {}
        found: list[File] = []
        for spec in specs.values():
            found.append(self._page_file(config, spec))
            found += [File.generated(config, path, content=content) for path, content in spec.files.items()]
        return found

    def nav(self, config: MkDocsConfig, files: Files, navigation: Navigation, specs: dict[str, PageSpec]) -> None:
        """After every plugin's on_nav: fork the writer of half of the generated pages to be (re)written."""
        if not self.enabled:
            return
        self.instant.nav(config, files, navigation)
        # The catalog, the specs and MkDocs' files live until the build ends: Python's cycle collector
        # would walk them all again and again while pages are made.
        gc.freeze()
        self.shared = set()
        if not self._forking():
            return
        self.everything = list(files.documentation_pages())
        for file in self.everything:
            if file.page is None:  # as MkDocs would make it, so that the sitemap lists every page
                Page(None, file, config)
        share = [file for file in self.everything if file.src_uri in specs and file.is_modified()][1::2]
        if share:  # none in a rebuild that rewrites a page or two
            self.shared = {file.src_uri for file in share}
            self.writer = parallel.split_pages(files, config, share)
            self.is_writer = self.writer is None

    def page_content(self, page: Page, html: str) -> str:
        """The HTML MkDocs keeps for the page until its template (`page_context`)."""
        if not self.enabled:
            return html
        release_markdown(page)
        return hold_html(page, html)

    def page_context(self, page: Page) -> None:
        if self.enabled:
            restore_html(page)

    def post_page(self, page: Page) -> None:
        if self.enabled:
            release_html(page)

    def env(self, env: jinja2.Environment) -> None:
        if self.enabled:
            framecache.install(env)
            templatecache.install(env)
            self.instant.env(env)

    def template_context(self, template_name: str, context: dict[str, Any]) -> None:
        if self.writer is not None and template_name == "sitemap.xml":
            context["pages"] = self.everything  # with the pages the writer writes

    def post_build(self, config: MkDocsConfig, specs: dict[str, PageSpec], write_index: Callable[[], str]) -> None:
        """The end of the build: the writer ends here; the parent waits for it and for the search index
        (written here when not forked), removes what is gone and leaves the manifest."""
        if self.is_writer:  # hands back the digests of the pages it wrote (`_digests`)
            parallel.end_child(config.strict, json.dumps(self._digests_after(specs, self.shared)))
        if not self.enabled:
            write_index()
            return
        digests = self._digests(specs)
        pages = {src_uri: [digests[src_uri], dest_uri] for src_uri, dest_uri in self.dest_uris.items()}
        indexer, self.indexer = self.indexer, None
        manifest = incremental.Manifest(self.site_digest, pages)
        if self.previous is not None:
            incremental.remove_stale(self.site_dir, self.previous, pages)
        if indexer is not None:
            manifest.search = indexer.wait()
        elif self.preview:
            self.instant.end_build()
            # The preview shows its pages at once; its search index follows a few seconds later, and
            # only then is the manifest written: it never names an index that is not there.
            self.preview_index = threading.Thread(target=self._index_then_manifest, args=(write_index, manifest),
                                                  daemon=True)
            self.preview_index.start()
            return
        else:
            manifest.search = write_index()
        manifest.write(self.site_dir)

    def _digests(self, specs: dict[str, PageSpec]) -> dict[str, str]:
        """The digest of every generated page, for the manifest; waits for the writer."""
        digests = self._digests_after(specs, [src_uri for src_uri in specs if src_uri not in self.shared])
        if self.writer is not None:
            writer, self.writer = self.writer, None
            digests.update(json.loads(writer.wait()))  # when it failed, build_error still waits for the indexer
        return self.digests if self.digests is not None else digests

    def _digests_after(self, specs: dict[str, PageSpec], written: Iterable[str]) -> dict[str, str]:
        """The digests of the `written` pages in a clean build, made by the process that wrote them; none
        in a rebuild, which made every page's before the pages (to skip the unchanged ones)."""
        return {} if self.digests is not None else page_digests(specs[src_uri] for src_uri in written)

    def _index_then_manifest(self, write_index: Callable[[], str], manifest: incremental.Manifest) -> None:
        _join(self.early_index)  # one writer of the index at a time; it may have written these records
        try:
            manifest.search = self.indexed = write_index()
        except Exception as error:  # whatever failed, the preview goes on; the next rebuild writes the index again
            log.error("Indeks pencarian tidak ditulis: %s", error)
        manifest.write(self.site_dir)

    def watch_saves(self, server: LiveReloadServer, root: Path, make_pages: MakePages,
                    records_of: Callable[[Catalog], SearchRecords], placed_of: PlacedRecords,
                    write_index: Callable[[SearchRecords], str]) -> None:
        """In a preview: show the pages of saved innovations, and write their search index, before each
        rebuild (instant.py). Their records, and all of their catalog's, are made before the rebuild: the
        catalog is let go before the rebuild makes its own. The saved records' index is being written
        while all the records are made."""
        def index(edited: Edited) -> None:
            records: Future[SearchRecords] = Future()
            self._index_early(placed_of(edited.catalog, {spec.url for spec in edited.specs}), records, write_index)
            try:
                records.set_result(records_of(edited.catalog))
            except Exception as error:  # reported by the index's thread; the rebuild writes the index again
                records.set_exception(error)

        if self.enabled:
            self.instant.watch(server, root, make_pages, index)

    def search_unchanged(self, digest: str) -> bool:
        """Whether the site folder holds a search index of records with this digest, left by the previous
        build or, in a preview, by this process."""
        previous = self.previous
        left = {self.indexed, previous.search if previous is not None else None}
        return digest in left and (self.site_dir / search_index.OUTPUT_DIR).is_dir()

    def write_search_index(self, records: SearchRecords) -> None:
        """Write the Pagefind bundle of `records` into the site folder. A preview has it written by a
        process of its own: from one of the preview's threads its Python work would wait on the
        rebuild's. A preview's index can be amended with the records saved after it (`_index_early`)."""
        if not (self.preview and self.enabled):
            search_index.write_index(records, self.site_dir)
            return
        places = self._index_process().submit(search_index.write_index, records, self.site_dir, True).result()
        self.whole_index = (search_index.fragments_folder(self.site_dir), places)

    def _index_process(self) -> ProcessPoolExecutor:
        """The preview's process that writes search indexes. It is started once, from a fresh interpreter:
        the server runs threads, and a forked copy of it may inherit a lock held forever."""
        if self.index_process is None:
            self.index_process = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn"),
                                                     initializer=_end_with_preview)
        return self.index_process

    def _index_early(self, placed: Placed, records: Future[SearchRecords],
                     write_index: Callable[[SearchRecords], str]) -> None:
        """Before the rebuild of saved innovations (instant.py): their records searched at once, in an index
        of their own that the search page merges with the whole one, then the whole index of their
        catalog's `records` written beside the rebuild, in a thread (Pagefind takes seconds over a large
        catalog)."""
        self.join_preview_index()

        def write() -> None:
            try:
                self._write_saved(placed)
                self.indexed = write_index(records.result())
            except Exception as error:  # the rebuild writes the index again
                self.indexed = None
                log.error("Indeks pencarian tidak ditulis: %s", error)

        self.early_index = threading.Thread(target=write, daemon=True)
        self.early_index.start()

    def _write_saved(self, placed: Placed) -> None:
        """The index of the saved records, and the names of their entries in the whole index written last."""
        folder, places = self.whole_index
        names = [f"{folder}/{places[url]:x}" for url in sorted(record.url for _, record in placed) if url in places]
        if folder is None or folder != search_index.fragments_folder(self.site_dir):
            names = []  # not the index on the site: its entries stay in the results rather than wrong ones go
        self._index_process().submit(search_index.write_saved, placed, names, self.site_dir).result()

    def build_error(self) -> None:
        if self.is_writer:
            parallel.end_child(failed=True)
        # A failed build leaves no child writing into the site folder behind it.
        children = [child for child in (self.writer, self.indexer) if child is not None]
        self.writer = self.indexer = None
        for child in children:
            child.wait(failed=True)

    def join_preview_index(self) -> None:
        """Wait for the preview's search indexes (before another is written)."""
        _join(self.early_index)
        _join(self.preview_index)
        self.early_index = self.preview_index = None

    def shutdown(self) -> None:
        """When the preview stops: its search index written, the process that writes it ended."""
        self.join_preview_index()
        if self.index_process is not None:
            self.index_process.shutdown()
            self.index_process = None

    def _forking(self) -> bool:
        return not self.preview and can_fork()


def _end_with_preview() -> None:
    """In the preview's index process: end when the preview does, also when it is killed and stops
    nothing (the process would wait for work forever, holding the preview's output open)."""
    preview = multiprocessing.parent_process()
    assert preview is not None

    def end() -> None:
        preview.join()
        os._exit(0)

    threading.Thread(target=end, daemon=True).start()


def _join(thread: Optional[threading.Thread]) -> None:
    if thread is not None:
        thread.join()
