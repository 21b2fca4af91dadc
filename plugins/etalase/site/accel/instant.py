"""In a preview, the pages of the innovations just saved are shown before the rest of the site is rebuilt.

A rebuild of a large catalog reads and checks every record and makes every page's spec before it
writes the few pages that changed. When only innovation files were saved, their own pages are made
first from those files alone (pages/edited.py), rendered with the configuration, navigation and
templates of the previous build, written, and the browsers reload. The whole rebuild follows as
before, rewriting those pages with the same bytes and every listing that shows them, and the
browsers reload once more.

MkDocs' server has no hook for this: its rebuild function (`builder`) is wrapped, and the build
steps and the server's reload state used here are MkDocs' own internals (mkdocs pinned in
constraints.txt; tests/test_instant_preview.py drives a real preview). Anything that fails here
only costs the shortcut: the whole rebuild runs as before.
"""

from __future__ import annotations

import logging
import os
import threading
from pathlib import Path
from typing import Any, Callable, Optional

import jinja2
from mkdocs.commands.build import _build_page, _populate_page
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.livereload import LiveReloadServer, _timestamp
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from watchdog.events import FileSystemEvent, FileSystemEventHandler

from ...loader import CONTENT_DIR, INNOVATIONS_DIR
from ...pages.edited import Edited
from ...pages.spec import PageSpec

log = logging.getLogger("mkdocs.plugins.etalase")

# The pages of these innovation files (paths relative to the repository), as a whole build would make
# them, and the catalog they come from; None when only a whole build can.
MakePages = Callable[[list[str]], Optional[Edited]]


class InstantPreview:
    def __init__(self) -> None:
        self._lock = threading.Lock()  # the server's file watcher notes saves while a build runs
        self._saved: set[str] = set()  # innovation files saved since the last rebuild began
        self._other = False  # anything else saved too: only a whole rebuild is right
        self._building: dict[str, Any] = {}
        self._built: Optional[tuple[MkDocsConfig, Files, Navigation, jinja2.Environment]] = None

    def watch(self, server: LiveReloadServer, root: Path, make_pages: MakePages,
              index: Callable[[Edited], None]) -> None:
        """Note what is saved under the repository's innovations/ and content/, and show the saved
        innovations' pages before each rebuild the server runs; then `index` them."""
        handler = _Saves(lambda event: self._note(event, root))
        for folder in (INNOVATIONS_DIR, CONTENT_DIR):
            server.observer.schedule(handler, str(root / folder), recursive=True)
        rebuild = server.builder

        def show_then_rebuild() -> None:
            shown = self._show_saved(server, make_pages, index)
            rebuild()
            if shown:  # the listings and other pages that show the edited innovations, rebuilt now
                _reload_browsers(server)

        server.builder = show_then_rebuild

    # The previous complete build: what a page is rendered with.
    def begin_build(self) -> None:
        self._built, self._building = None, {}

    def nav(self, config: MkDocsConfig, files: Files, nav: Navigation) -> None:
        self._building.update(config=config, files=files, nav=nav)

    def env(self, env: jinja2.Environment) -> None:
        self._building["env"] = env

    def end_build(self) -> None:
        parts = self._building
        self._built = (parts["config"], parts["files"], parts["nav"], parts["env"]) if len(parts) == 4 else None

    def _note(self, event: FileSystemEvent, root: Path) -> None:
        if event.is_directory:
            return
        for path in {event.src_path, getattr(event, "dest_path", "")} - {""}:
            rel = Path(os.fsdecode(path)).relative_to(root)
            with self._lock:
                if rel.parts[0] == INNOVATIONS_DIR and rel.suffix == ".md" and (root / rel).is_file():
                    self._saved.add(rel.as_posix())
                elif rel.parts[0] != INNOVATIONS_DIR or rel.suffix == ".md":  # a record added, removed or moved
                    self._other = True

    def _show_saved(self, server: LiveReloadServer, make_pages: MakePages, index: Callable[[Edited], None]) -> bool:
        """Write the pages of the innovations saved since the last rebuild, reload the browsers and `index`
        them; False when only the whole rebuild can show what was saved. Their catalog, which holds every
        record of the last check, goes with this call: not kept beside the rebuild's."""
        with self._lock:
            saved, other = sorted(self._saved), self._other
            self._saved, self._other = set(), False
        if other or not saved or self._built is None:
            return False
        try:
            edited = make_pages(saved)
            if edited is None:
                return False
            for spec in edited.specs:
                self._write(spec)
        except Exception as error:  # the whole rebuild follows and says what is wrong
            log.warning("Pratinjau cepat dilewati (%s: %s); seluruh situs dibangun ulang", type(error).__name__, error)
            return False
        _reload_browsers(server)
        log.info("Pratinjau: %s diperbarui lebih dulu", ", ".join(saved))
        index(edited)
        return True

    def _write(self, spec: PageSpec) -> None:
        """Render and write one generated page, as MkDocs' build does, with the previous build's parts."""
        assert self._built is not None
        config, files, nav, env = self._built
        page = Page(None, File.generated(config, spec.src_uri, content=spec.source()), config)
        _populate_page(page, config, files)
        _build_page(page, config, files.documentation_pages(), nav, env)


class _Saves(FileSystemEventHandler):
    def __init__(self, note: Callable[[FileSystemEvent], None]):
        self.note = note

    def on_any_event(self, event: FileSystemEvent) -> None:
        self.note(event)


def _reload_browsers(server: LiveReloadServer) -> None:
    """Mark the site as built and have every open page reload. Until then MkDocs' server holds back
    every request (a half-built site), and it reloads the browsers only at the end of a rebuild."""
    with server._epoch_cond:
        server._wanted_epoch = server._visible_epoch = _timestamp()
        server._epoch_cond.notify_all()
