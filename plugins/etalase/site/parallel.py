"""Work of a build done by forked processes, on a machine with two cores or more.

MkDocs writes pages one after the other in one process; with tens of thousands of generated pages
that is most of a build. Two pieces of it run beside the main process instead:

- the search index (`index_aside`), forked as soon as the catalog is known, while MkDocs reads
  and renders the Markdown of every page;
- every other generated page (`pages_aside`), forked once every page is read (the `on_env` event,
  after every plugin's own handler): the child writes its pages with MkDocs' own page builder
  and exits; the parent drops those pages from the files it goes on to write. Both write with the
  same environment, navigation, plugins and page objects, so each page is byte for byte what one
  process writes; the sitemap still lists every page.

The parent waits for its children at the end of the build; a failure, or a warning in a strict
build, in a child fails the build. Nothing is forked where `fork` is missing (Windows), on one
core, or in `serve` (its server runs threads): the caller then does the work itself.
"""

from __future__ import annotations

import logging
import os
import sys
from typing import Callable, Sequence

import jinja2
from mkdocs.commands.build import _build_page
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.utils import CountHandler

log = logging.getLogger("mkdocs.plugins.etalase")


class Child:
    def __init__(self, pid: int, everything: Sequence[File] = ()):
        self.pid = pid
        self.everything = everything  # every page, for the sitemap the parent writes (pages_aside)

    def wait(self, failed: bool = False) -> None:
        """Wait for the child; raise if it failed, unless the build has `failed` already."""
        _, status = os.waitpid(self.pid, 0)
        if os.waitstatus_to_exitcode(status) != 0 and not failed:
            raise PluginError("Sebagian situs gagal dibangun (lihat pesan di atas).")


def available() -> bool:
    # The cores this process may use (a container or `taskset` may allow fewer than the machine has).
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    return hasattr(os, "fork") and cores >= 2


def index_aside(write: Callable[[], None], config: MkDocsConfig) -> Child:
    """Fork; the child runs `write` and exits."""
    return Child(_fork(write, config))


def pages_aside(files: Files, config: MkDocsConfig, nav: Navigation, env: jinja2.Environment,
                generated: set[str]) -> Child:
    """Fork; the child writes every other page of `generated` (src_uris), the parent forgets them."""
    everything = files.documentation_pages()
    share = [file for file in everything if file.src_uri in generated][1::2]

    def write() -> None:
        for file in share:
            _build_page(file.page, config, everything, nav, env, excluded=file.inclusion.is_excluded())

    child = Child(_fork(write, config), everything)
    for file in share:
        files.remove(file)
    return child


def _fork(work: Callable[[], None], config: MkDocsConfig) -> int:
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid:
        return pid
    counter = CountHandler(level=logging.WARNING)
    logging.getLogger("mkdocs").addHandler(counter)
    code = 0
    try:
        work()
    except Exception as exc:  # MkDocs has logged which page failed; say what failed, with where
        log.exception("%s", exc)
        code = 1
    if config.strict and counter.get_counts():
        code = 1
    logging.shutdown()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)  # nothing of the parent's build may run twice
