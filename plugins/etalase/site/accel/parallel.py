"""Work of a build done by forked processes, on a machine with two cores or more.

MkDocs reads (Markdown) and writes pages one after the other in one process; with tens of
thousands of generated pages that is most of a build. Two pieces of it run beside the main
process instead:

- the search index (`index_aside`), forked as soon as the catalog is known; it hands back the
  digest of its records;
- every other generated page (`split_pages`), forked once the navigation is known (the `on_nav`
  event, after every plugin's own handler). Both processes then go on with MkDocs' own build,
  each with its half of the generated pages: the child keeps only its pages (no theme files, no
  sitemap, no 404 page) and ends at `post_build` (`end_child`); the parent drops the child's pages
  and still lists them in the sitemap. Both read and write with the same configuration, plugins,
  navigation and page objects, so each page is byte for byte what one process writes.

The parent waits for its children at the end of the build; a failure, or a warning in a strict
build, in a child fails the build. Nothing is forked where `fork` is missing (Windows), on one
core, or in `serve` (its server runs threads): the caller then does the work itself.
"""

from __future__ import annotations

import logging
from typing import BinaryIO, Callable, NoReturn, Optional

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.utils import CountHandler

from ...processes import Forked, exit_child, fork

log = logging.getLogger("mkdocs.plugins.etalase")


class Child:
    """A forked process of the build, as its parent sees it."""

    def __init__(self, forked: Forked):
        self.forked = forked

    def wait(self, failed: bool = False) -> str:
        """Wait for the child and return its result; raise if it failed, unless the build has `failed` already."""
        ok, result = self.forked.wait()
        if not ok and not failed:
            raise PluginError("Sebagian situs gagal dibangun (lihat pesan di atas).")
        return result.decode("utf-8")


def index_aside(work: Callable[[], str], config: MkDocsConfig) -> Child:
    """Fork; the child runs `work`, hands its result (a short text) to `Child.wait` and exits."""
    forked = _fork()
    if forked is not None:
        return Child(forked)
    try:
        result = work()
    except PluginError as error:  # a failure the plugin explains
        log.error("%s", error)
        end_child(failed=True)
    except Exception as exc:  # say what failed, with where
        log.exception("%s", exc)
        end_child(failed=True)
    end_child(config.strict, result)


def split_pages(files: Files, config: MkDocsConfig, share: list[File]) -> Optional[Child]:
    """Fork; the child goes on building only the pages of `share`, the parent everything else.

    Returns the child in the parent, None in the child (which must end with `end_child`, handing
    back what the parent needs of its pages).
    """
    forked = _fork()
    if forked is not None:
        for file in share:
            files.remove(file)
        return Child(forked)
    mine = {file.src_uri for file in share}
    for file in [file for file in files if file.src_uri not in mine]:
        files.remove(file)
    # The parent writes the theme's files and pages (404, sitemap) once, for the whole site.
    config.theme.static_templates.clear()
    config.extra_templates.clear()
    return None


# In a child: the warnings it logged, and the pipe its result goes back through.
_warnings: Optional[CountHandler] = None
_pipe: Optional[BinaryIO] = None


def _fork() -> Optional[Forked]:
    global _warnings, _pipe
    forked, pipe = fork(hands_back=True)
    if forked is None:
        _warnings = CountHandler(level=logging.WARNING)
        logging.getLogger("mkdocs").addHandler(_warnings)
        _pipe = pipe
    return forked


def end_child(strict: bool = False, result: str = "", failed: bool = False) -> NoReturn:
    """End a forked process, handing `result` to the parent's `Child.wait`: failed if asked, or when it
    warned in a `strict` build."""
    code = 1 if failed or (strict and _warnings is not None and _warnings.get_counts()) else 0
    if _pipe is not None and code == 0:
        with _pipe:
            _pipe.write(result.encode("utf-8"))
    logging.shutdown()
    exit_child(code)
