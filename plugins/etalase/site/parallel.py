"""Half of the generated pages written by a second process, on a machine with two cores or more.

MkDocs writes pages one after the other in one process; with tens of thousands of generated pages
that is most of a build. Once every page is read and its Markdown rendered (the `on_env` event,
after every plugin's own handler), the build forks: the child writes every other generated page
with MkDocs' own page builder and exits; the parent drops those pages from the files it goes on
to write, and waits for the child at the end of the build. Both write with the same environment,
navigation, plugins and page objects, so each page is byte for byte what one process writes; the
sitemap still lists every page. A failed page or a warning in the child fails a strict build.

Not used where `fork` is missing (Windows), on one core, or in `serve` (its server runs threads).
"""

from __future__ import annotations

import logging
import os
import sys
from typing import Optional, Sequence

import jinja2
from mkdocs.commands.build import _build_page
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.utils import CountHandler

log = logging.getLogger("mkdocs.plugins.etalase")


class SecondProcess:
    def __init__(self, pid: int, everything: Sequence[File]):
        self.pid = pid
        self.everything = everything  # every page, for the sitemap written by the parent

    def wait(self, failed: bool = False) -> None:
        """Wait for the child; raise if it failed, unless the build has `failed` already."""
        _, status = os.waitpid(self.pid, 0)
        if os.waitstatus_to_exitcode(status) != 0 and not failed:
            raise PluginError("Sebagian halaman gagal dibangun (lihat pesan di atas).")


def start(files: Files, config: MkDocsConfig, nav: Navigation, env: jinja2.Environment,
          generated: set[str]) -> Optional[SecondProcess]:
    """Fork; the child writes every other page of `generated` (src_uris) and never returns."""
    if not hasattr(os, "fork") or len(os.sched_getaffinity(0)) < 2:
        return None
    everything = files.documentation_pages()
    share = [file for file in everything if file.src_uri in generated][1::2]
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid == 0:
        _write(share, everything, config, nav, env)
    for file in share:
        files.remove(file)
    return SecondProcess(pid, everything)


def _write(share: list[File], everything: Sequence[File], config: MkDocsConfig, nav: Navigation,
           env: jinja2.Environment) -> None:
    counter = CountHandler(level=logging.WARNING)
    logging.getLogger("mkdocs").addHandler(counter)
    code = 0
    try:
        for file in share:
            _build_page(file.page, config, everything, nav, env, excluded=file.inclusion.is_excluded())
    except Exception as exc:  # MkDocs has logged which page failed
        log.error("%s", exc)
        code = 1
    if config.strict and counter.get_counts():
        code = 1
    logging.shutdown()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)  # nothing of the parent's build may run twice
