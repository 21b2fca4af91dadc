"""The preview shows a saved innovation's page before the rest of the site is rebuilt (site/accel/instant.py),
and that page is the one the whole rebuild writes; the search index of the same records is written
beside the rebuild, which keeps it."""

from __future__ import annotations

import re
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from test_search_browser import RESULTS, search_in_preview
from test_site_catalog import copy_repository, fetch, free_port, wait_for

from etalase import generate
from etalase.builddate import build_date
from etalase.images import CatalogPictures, catalog_pictures
from etalase.pages.digest import page_digest
from etalase.pages.edited import edited_pages
from etalase.pages.options import SiteOptions
from etalase.pages.sections import page_specs
from etalase.pages.urls import Urls
from etalase.validate import Checked, check_repository

from browser import close_reloading

ROOT = Path(__file__).resolve().parents[1]
SHOWN_FIRST = "diperbarui lebih dulu"  # the preview's line when it showed saved pages before the rebuild
REBUILT = "Documentation built"
INDEXED = "Indeks pencarian:"  # the line of each search index written


def retitle(path: Path, title: str) -> None:
    path.write_text(re.sub(r"^title: .*$", f"title: {title}", path.read_text("utf-8"), count=1, flags=re.M), "utf-8")


ADIARTA = "innovations/kota-batu/adiarta.md"


@pytest.fixture
def sample(tmp_path) -> tuple[Path, Checked, tuple[Urls, SiteOptions, CatalogPictures]]:
    """A copy of the sample repository, as checked before an edit, and what the site model needs of it."""
    root = copy_repository(tmp_path)
    options = SiteOptions(today=build_date())
    return root, check_repository(root), (Urls(options), options, catalog_pictures(root / "content"))


def test_edited_pages_are_those_of_a_whole_build(sample):
    root, before, model = sample
    path = root / ADIARTA
    # A new title (it moves in the title-sorted indexes the related innovations come from) and narrative.
    text = path.read_text("utf-8").replace("title: ADIARTA", "title: ADIARTA Baru", 1)
    path.write_text(text + "\n## Catatan\n\nKalimat baru.\n", "utf-8")

    made = edited_pages(root, before, [ADIARTA], *model)

    assert made is not None and [spec.title for spec in made.specs] == ["ADIARTA Baru"]
    whole = page_specs(check_repository(root).catalog, *model)
    assert page_digest(made.specs[0]) == page_digest(whole[made.specs[0].src_uri])


def test_edited_pages_leave_to_a_whole_build_what_they_cannot_tell(sample):
    root, checked, model = sample
    path = root / ADIARTA
    original = path.read_text("utf-8")

    path.write_text(original.replace("title: ADIARTA", "title:", 1), "utf-8")  # a problem in the file
    assert edited_pages(root, checked, [ADIARTA], *model) is None

    path.write_text(original, "utf-8")
    new = root / "innovations" / "kota-batu" / "adiarta-baru.md"  # not in the last check: new listings too
    new.write_text(original, "utf-8")
    assert edited_pages(root, checked, [new.relative_to(root).as_posix()], *model) is None


def result_links(page) -> list[str]:
    return [link.get_attribute("href") or "" for link in page.locator(f"{RESULTS} h2 a").all()]


def served(url: str) -> str | None:
    """A page as the preview serves it, without the version of the site that its reload script carries."""
    page = fetch(url)
    return page and re.sub(r"livereload\(\d+, \d+\)", "livereload()", page)


class Preview:
    """`build.py serve` on a repository, its output lines kept with the time each was printed."""

    def __init__(self, root: Path):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        self.lines: list[tuple[float, str]] = []
        self.process = subprocess.Popen(
            [sys.executable, str(ROOT / "build.py"), "--root", str(root), "serve", "--dev-addr", f"127.0.0.1:{self.port}"],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        )
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.append((time.monotonic(), line))

    def printed(self, text: str, after: float) -> float | None:
        """When a line with `text` was printed after the time `after`."""
        return next((at for at, line in list(self.lines) if at > after and text in line), None)

    def count(self, text: str, after: float, before: float) -> int:
        return sum(after < at < before and text in line for at, line in list(self.lines))

    def output(self) -> str:
        return "".join(line for _, line in self.lines)

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)
        self.reader.join(timeout=10)


def test_the_preview_shows_a_saved_innovation_before_the_rebuild_ends(tmp_path, page):
    # Enough innovations for the whole rebuild to take a while after the saved page is shown.
    root = tmp_path / "repo"
    generate.write_tree(root, innovations=3000, seed=3)
    path = sorted((root / "innovations").rglob("*.md"))[0]
    rel = path.relative_to(root / "innovations").with_suffix("")
    old_title = re.search(r"^title: (.*)$", path.read_text("utf-8"), re.M).group(1)
    preview = Preview(root)
    try:
        url = f"{preview.url}inovasi/{rel.as_posix()}/"
        assert wait_for(lambda: preview.printed(INDEXED, 0) and fetch(url), seconds=300), preview.output()
        page.goto(url)  # an editor's browser on the page, reloaded by the preview (livereload)

        saved = time.monotonic()
        retitle(path, "Judul Tersimpan")
        page.wait_for_function("document.querySelector('h1')?.textContent.includes('Judul Tersimpan')", timeout=60_000)
        shown = time.monotonic()
        first = served(url)

        # The saved record is searched at once, in an index of its own that the search page merges with
        # the whole one, leaving out the whole one's entry of it: found once, by its new title only.
        saved_list = f"{preview.url}pagefind/saved.json"
        assert wait_for(lambda: "replaced" in (fetch(saved_list) or ""), seconds=60), preview.output()
        amended = time.monotonic()
        assert search_in_preview(page, preview.url, "?q=tersimpan") == ["Judul Tersimpan"]
        left = search_in_preview(page, preview.url, f"?q={old_title}", read=result_links)
        assert f"/inovasi/{rel.as_posix()}/" not in left, "the whole index's entry of it is left out"

        rebuilt = wait_for(lambda: preview.printed(REBUILT, saved), seconds=120)
        assert rebuilt, preview.output()
        assert shown < rebuilt, "the open page showed the new title before the rebuild ended"
        indexed = preview.printed(INDEXED, saved)
        assert indexed and indexed < rebuilt, "the saved record's search index was written beside the rebuild"
        assert amended < indexed, "the saved record was searchable before the whole index was written"
        assert preview.printed(SHOWN_FIRST, saved), preview.output()
        assert wait_for(lambda: preview.printed("Reloading browsers", rebuilt))
        assert served(url) == first, "the page shown first is the one the whole rebuild wrote"
        listing = f"{preview.url}daerah/{rel.parent.as_posix()}/"
        assert "Judul Tersimpan" in (fetch(listing) or ""), "the rebuild updated the listings that show it"

        found = wait_for(lambda: "Judul Tersimpan" in search_in_preview(page, preview.url, "?q=tersimpan"), seconds=60)
        assert found, "the preview's search finds the new title"
        assert "replaced" not in (fetch(saved_list) or "replaced"), "the whole index holds the saved record: nothing amends it"

        # A save with a problem is left to the rebuild, which reports it; nothing is shown first.
        first_save, saved = saved, time.monotonic()
        path.write_text(path.read_text("utf-8").replace("title: Judul Tersimpan", "title:", 1), "utf-8")
        assert wait_for(lambda: preview.printed(REBUILT, saved), seconds=120), preview.output()
        assert not preview.printed(SHOWN_FIRST, saved)
        assert path.name in preview.output()[-5000:], "the problem is reported with its file"
        # The first save's search index was written beside its rebuild, of the records the rebuild
        # indexes: the rebuild kept it (it writes one only for other records).
        assert preview.count(INDEXED, first_save, saved) == 1, preview.output()
    finally:
        close_reloading(page)  # the tab closed first: one the last rebuild reloads must not fetch from a stopped preview
        preview.stop()


def test_a_built_site_searches_its_one_index(built_site):
    # Only a preview amends its index with saved records: a published search page asks for no list of
    # them, which its server would answer with an error.
    assert not (built_site / "pagefind" / "saved.json").exists()
    assert "data-pagefind-saved" not in (built_site / "cari" / "index.html").read_text("utf-8")
