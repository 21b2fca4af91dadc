"""Writing the search records (pages/search.py) as a Pagefind index into the built site, and the header's search box."""

from __future__ import annotations

import html
import json
import os
import shutil
import stat
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Iterable, Optional

import jinja2
from mkdocs.exceptions import PluginError
from pagefind.service import get_executable

from ..pages import search
from ..pages.search import SearchRecord
from . import themepatch
from .stable_index import ENTRY, FRAGMENTS, compact

LANGUAGE = "id"  # Pagefind ships an Indonesian build (stemming: "berbelanja" finds "belanja")
OUTPUT_DIR = "pagefind"  # inside the site; the search page loads `pagefind/pagefind.js` from here


def write_index(items: Iterable[SearchRecord], site_dir: Path, amendable: bool = False) -> dict[str, int]:
    """Write the Pagefind bundle into `site_dir/pagefind/`, replacing any earlier one; returns each record's
    place in it, by URL.

    The bundle is made beside the old one and swapped in when complete: a preview keeps searching
    the old index while the new one is made, and a failed run leaves no half index behind. A
    preview's index is `amendable`: it says that no record was saved since (`write_saved`).
    """
    output, staging, old = (site_dir / name for name in (OUTPUT_DIR, f".{OUTPUT_DIR}-new", f".{OUTPUT_DIR}-old"))
    shutil.rmtree(staging, ignore_errors=True)
    # Each record is indexed as `<place in the browse order>.html`; compact() gives it its address back.
    placed = list(enumerate(search.in_browse_order(items)))
    if not placed:  # a new office's first site: Pagefind refuses an empty index, and the search page says why
        shutil.rmtree(output, ignore_errors=True)
        return {}
    index_hash = _bundle(placed, staging)
    if amendable:  # the list names the index it amends: an open search page sees either change (search.js)
        (staging / SAVED_LIST).write_text(json.dumps({"index": index_hash}), "utf-8")
    shutil.rmtree(old, ignore_errors=True)
    if output.exists():
        output.rename(old)
    staging.rename(output)
    shutil.rmtree(old, ignore_errors=True)
    return {item.url: place for place, item in placed}


# In a preview, the records saved since the index was written are searched in an index of their own, in
# its folder (so that the next whole index takes it away), merged by the search page (search.js); the
# list names the whole index's entries of those records, which the page leaves out of the results.
SAVED_DIR = "saved"
SAVED_LIST = "saved.json"


def write_saved(placed: search.Placed, replaced: list[str], site_dir: Path) -> None:
    """Write the index of the saved records (each with its place in the browse order, `search.placed`),
    and the names of the entries of the whole index they replace, into an amendable index (`write_index`)."""
    index = site_dir / OUTPUT_DIR
    saved, staging = index / SAVED_DIR, index / f".{SAVED_DIR}-new"
    try:
        listed = json.loads((index / SAVED_LIST).read_text("utf-8"))
    except FileNotFoundError:
        return  # not a preview's index, or being replaced: the next whole one holds the saved records
    shutil.rmtree(staging, ignore_errors=True)
    _bundle(placed, staging)
    # The list goes last, and in one step: the search page never reads one naming an index not there.
    shutil.rmtree(saved, ignore_errors=True)
    staging.rename(saved)
    staged_list = index / f".{SAVED_LIST}-new"
    staged_list.write_text(json.dumps(listed | {"replaced": replaced}), "utf-8")
    staged_list.replace(index / SAVED_LIST)


def fragments_folder(site_dir: Path) -> Optional[str]:
    """The folder of the whole index's fragments, which starts the name of each of its entries (stable_index.py)."""
    return next((path.name for path in (site_dir / OUTPUT_DIR / FRAGMENTS).glob("*")), None)


def _bundle(placed: search.Placed, output: Path) -> str:
    """Index the records, each as `<place>.html`, and write what the search page loads of it into `output`;
    returns the index's hash (which names its files)."""
    # The records go to Pagefind as small HTML files indexed by its command line in one run. Not
    # through its Python service: that reads one reply per 0.1 s, and stops the indexer as soon as
    # it answers, before the files it writes in the background are complete (truncated bundles
    # were seen on a busy machine); the command line finishes writing before it exits.
    with _work_folder() as folder:
        pages, bundle = Path(folder, "pages"), Path(folder, "bundle")
        pages.mkdir()
        for place, item in placed:
            (pages / f"{place:07d}.html").write_text(_record_html(item), "utf-8")  # sorted as numbers
        command = [str(_executable()), "--site", str(pages), "--output-path", str(bundle),
                   "--force-language", LANGUAGE, "--silent"]
        try:
            result = subprocess.run(command, capture_output=True, text=True)
        except OSError as error:  # not there, or not a program
            raise PluginError(f"Program Pagefind tidak dapat dijalankan ({command[0]}: {error.strerror}); "
                              "pasang ulang dengan: make .venv/.installed") from None
        if result.returncode != 0:
            raise PluginError(f"Pagefind gagal membuat indeks pencarian:\n{result.stdout}{result.stderr}")
        entry = json.loads((bundle / ENTRY).read_text("utf-8"))
        indexed = sum(language["page_count"] for language in entry["languages"].values())
        if indexed != len(placed):
            raise PluginError(f"Pagefind mengindeks {indexed} dari {len(placed)} inovasi")
        # Pagefind's bundle is made in memory, and only what the search page loads goes to the site.
        written = compact(bundle, output, dict(placed))
        return str(written["languages"][LANGUAGE]["hash"])


def _executable() -> Path:
    """Pagefind's binary: from its PyPI package, or PAGEFIND_BINARY_PATH."""
    executable = get_executable()
    if executable is None:
        raise PluginError("Program Pagefind tidak ditemukan (paket pagefind[extended] tidak terpasang?); "
                          "pasang dengan: make .venv/.installed")
    return executable


WORK_PREFIX = "etalase-pagefind-"
ABANDONED_AFTER_SECONDS = 3600


def _work_folder() -> tempfile.TemporaryDirectory:
    """A folder of this process for Pagefind's input and bundle. Those that processes killed while
    indexing left behind (a preview whose terminal was closed) are removed first: the memory
    folder is emptied only when the machine starts again."""
    parent = _memory_folder()
    _remove_abandoned(Path(parent or tempfile.gettempdir()))
    return tempfile.TemporaryDirectory(prefix=f"{WORK_PREFIX}{os.getpid()}-", dir=parent)


def _remove_abandoned(parent: Path) -> None:
    """Remove this user's work folders (named `<prefix><process id>-…`) whose process has ended and
    that are older than any indexing: a process of another container sharing the folder may have
    the id of one that ended here."""
    for folder in parent.glob(f"{WORK_PREFIX}*-*"):
        pid = folder.name.removeprefix(WORK_PREFIX).split("-", 1)[0]
        try:
            info = folder.lstat()
        except OSError:  # removed meanwhile by its own process
            continue
        mine = stat.S_ISDIR(info.st_mode) and info.st_uid == os.getuid()
        old = time.time() - info.st_mtime > ABANDONED_AFTER_SECONDS
        if mine and old and pid.isdigit() and not _running(int(pid)):
            shutil.rmtree(folder, ignore_errors=True)


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's
        return True
    return True


def _memory_folder() -> Optional[str]:
    """A folder in memory (Linux's /dev/shm) for Pagefind's input, where there is one: writing and
    removing ten thousands of small files there is much quicker than on disk."""
    shm = "/dev/shm"
    return shm if os.path.isdir(shm) and os.access(shm, os.W_OK) else None


def _record_html(record: SearchRecord) -> str:
    """One record as Pagefind reads a page: the text is indexed, with the meta that ranks a result (the rest
    of its meta goes into its fragment, stable_index.py); filters are not indexed."""
    text = "".join(f"<p>{html.escape(line)}</p>" for line in record.content.split("\n"))
    tagged = [("meta", key, record.meta[key]) for key in search.RANKED_META]
    tagged += [("filter", key, value) for key, values in record.filters.items() for value in values]
    data = "".join(f'<span data-pagefind-{kind}="{html.escape(key)}">{html.escape(value)}</span>'
                   for kind, key, value in tagged)
    return f'<!doctype html><html lang="{LANGUAGE}"><body><main>{text}</main><div data-pagefind-ignore>{data}</div></body></html>'


# Material draws a header search box only for its own search plugin (whose one JSON index of the
# whole site we do not want), and its header partial has no block to extend. Rather than keep a
# copy of the partial, our box goes in at one known point of it: before the repository link, at
# the header's right end. A theme update that moves that point fails the build instead of
# silently dropping the box.
HEADER = "partials/header.html"
HEADER_MARK = "{% if config.repo_url %}"
HEADER_SEARCH = '{% include "etalase/header-search.html" %}'


def install_header_search(env: jinja2.Environment) -> None:
    themepatch.patch(env, HEADER, HEADER_MARK, HEADER_SEARCH + HEADER_MARK, "kotak pencarian tidak dapat dipasang di header")
