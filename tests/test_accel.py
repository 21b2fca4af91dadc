"""The build machinery (etalase/site/accel/) makes a build faster, never different: a plain MkDocs
build (`accelerate: false`: one process, no frame cache, every page written) writes the same
site; it turns itself off for a plugin it does not know; failures of the search index are reported
plainly and never leave a stale index behind in a preview."""

from __future__ import annotations

import gzip
import json
import os
import re
import shutil
import subprocess
import sys
import weakref
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from conftest import ROOT, build_site
from sample_repo import copy_sample
from test_reproducible import files

MANIFEST = ".etalase-build.json"
ADIARTA = "innovations/kota-batu/adiarta.md"


# The sample's plugins: etalase and its options (the editor's settings), nothing else.
PLUGINS = re.compile(r"^plugins:\n  - etalase:\n((?:      .*\n)+)", re.MULTILINE)


def repo_with(tmp_path: Path, options: str = "", others: str = "", name: str = "repo") -> Path:
    """A copy of the sample whose mkdocs.yml gives the etalase plugin more `options` and lists `others` after it."""
    repo = copy_sample(tmp_path / name)
    text = (ROOT / "mkdocs.yml").read_text("utf-8")
    assert len(PLUGINS.findall(text)) == 1 and not text[PLUGINS.search(text).end():].startswith("  - ")
    text = PLUGINS.sub(lambda found: f"plugins:\n  - etalase:\n{options}{found[1]}{others}", text)
    (repo / "mkdocs.yml").write_text(text, "utf-8")
    return repo


def run_build(repo: Path, site: Path, one_core: bool = False, **env: str) -> subprocess.CompletedProcess:
    """`build.py build`, which may fail; on one core it forks no process (parallel.py)."""
    core = {min(os.sched_getaffinity(0))}
    return subprocess.run([sys.executable, str(ROOT / "build.py"), "--root", str(repo), "build", "--site-dir", str(site)],
                          capture_output=True, text=True, cwd=repo, env={**os.environ, **env},
                          preexec_fn=(lambda: os.sched_setaffinity(0, core)) if one_core else None)


def with_pages_outside_the_nav(repo: Path) -> Path:
    """Two sibling editor pages outside the navigation, one hiding what the theme lets a page hide: the
    frame's parts rendered once per folder (accel/framecache.py) must not carry its choice to the other."""
    folder = repo / "content" / "catatan"
    folder.mkdir()
    (folder / "satu.md").write_text("---\nhide:\n  - navigation\n  - toc\n  - footer\n---\n# Satu\n\nTanpa kaki halaman.\n", "utf-8")
    (folder / "dua.md").write_text("# Dua\n\nDengan kaki halaman.\n", "utf-8")
    return repo


def test_a_plain_build_writes_the_accelerated_site(tmp_path):
    # Both copies outside git: dated alike.
    build_site(with_pages_outside_the_nav(repo_with(tmp_path, name="accelerated-repo")), tmp_path / "accelerated")
    build_site(with_pages_outside_the_nav(repo_with(tmp_path, "      accelerate: false\n")), tmp_path / "plain")
    accelerated, plain = files(tmp_path / "accelerated"), files(tmp_path / "plain")
    assert MANIFEST in accelerated and MANIFEST not in plain, "a plain build keeps no manifest: the next one is full"
    del accelerated[MANIFEST]
    assert sorted(accelerated) == sorted(plain)
    # Sibling pages share one rendering of the theme's frame in the accelerated build; every page's own in the plain one.
    siblings = [name for name in plain if name.startswith("inovasi/kota-batu/") and name.endswith("/index.html")]
    assert len(siblings) >= 2
    assert [name for name in plain if accelerated[name] != plain[name]] == []


def test_a_plain_build_into_a_built_folder_is_a_clean_build(tmp_path):
    repo = repo_with(tmp_path, "      accelerate: false\n")
    site = tmp_path / "site"
    build_site(repo, site)
    stale = site / "inovasi" / "hilang" / "index.html"
    stale.parent.mkdir(parents=True)
    stale.write_text("<p>dari pembangunan lama</p>", "utf-8")
    build_site(repo, site)
    assert not stale.exists(), "the folder is emptied first, as by MkDocs' clean build"
    assert (site / "inovasi" / "kota-batu" / "adiarta" / "index.html").is_file()


def test_an_unknown_plugin_turns_the_acceleration_off(tmp_path):
    repo = repo_with(tmp_path, others="  - search\n")
    result = build_site(repo, tmp_path / "site")
    assert "Percepatan pembangunan dimatikan karena plugin material/search tidak dikenalnya" in result.stderr + result.stdout
    site = tmp_path / "site"
    assert not (site / MANIFEST).exists()
    # The other plugin saw every page: its index holds the narrative of every innovation.
    index = json.loads((site / "search" / "search_index.json").read_text("utf-8"))
    locations = {entry["location"].split("#")[0] for entry in index["docs"]}
    innovations = {path.relative_to(ROOT / "innovations").with_suffix("").as_posix()
                   for path in (ROOT / "innovations").rglob("*.md")}
    assert len(innovations) >= 10
    assert {f"inovasi/{innovation}/" for innovation in innovations} <= locations


@pytest.mark.parametrize(("binary", "one_core"), [("missing", False), ("missing", True), ("not-a-program", False)])
def test_a_pagefind_that_cannot_run_is_reported_without_a_traceback(tmp_path, binary, one_core):
    program = tmp_path / "pagefind"
    if binary == "not-a-program":
        program.write_text("bukan program\n", "utf-8")
        program.chmod(0o644)
    result = run_build(ROOT, tmp_path / "site", one_core, PAGEFIND_BINARY_PATH=str(program))
    output = result.stdout + result.stderr
    assert result.returncode == 1
    assert "Program Pagefind tidak dapat dijalankan" in output
    assert "Traceback" not in output
    assert not (tmp_path / "site" / MANIFEST).exists(), "a failed build leaves no manifest"


def indexed_text(site: Path) -> str:
    """Every fragment of the site's Pagefind index (gzipped JSON after a signature), as text."""
    return "".join(gzip.decompress(path.read_bytes()).decode("utf-8", "replace")
                   for path in sorted((site / "pagefind" / "fragment").rglob("*.pf_fragment")))


def test_a_preview_whose_search_index_failed_writes_it_again(tmp_path, monkeypatch):
    """In `serve`, the index is written after the pages are shown. A rebuild whose index fails (here
    Pagefind cannot run) must not leave the next rebuild with the same records keeping the old index."""
    repo = copy_sample(tmp_path / "repo")
    shutil.copy(ROOT / "mkdocs.yml", repo / "mkdocs.yml")
    site = tmp_path / "site"
    config = load_config(str(repo / "mkdocs.yml"), site_dir=str(site))
    config.plugins.on_startup(command="serve", dirty=True)  # as MkDocs' serve does, once
    plugin = config.plugins["etalase"]

    def rebuild() -> None:
        build(config, dirty=True)

    try:
        rebuild()
        plugin.on_shutdown()  # waits for the index written behind the pages
        assert "ADIARTA" in indexed_text(site)
        path = repo / ADIARTA
        path.write_text(path.read_text("utf-8").replace("title: ADIARTA", "title: ADIARTA Baru", 1), "utf-8")
        broken = tmp_path / "pagefind"
        broken.write_text("bukan program\n", "utf-8")
        monkeypatch.setenv("PAGEFIND_BINARY_PATH", str(broken))
        rebuild()
        plugin.on_shutdown()
        assert "ADIARTA Baru" not in indexed_text(site)  # the old index still answers
        manifest = json.loads((site / MANIFEST).read_text("utf-8"))
        assert manifest["search"] == "", "the manifest names no index that was not written"
        monkeypatch.delenv("PAGEFIND_BINARY_PATH")
        rebuild()  # the same records as the failed rebuild
        plugin.on_shutdown()
        assert "ADIARTA Baru" in indexed_text(site)
    finally:
        config.plugins.on_shutdown()


def test_a_preview_lets_go_of_its_previous_build_before_it_checks_the_next(tmp_path, monkeypatch):
    """A preview's memory holds one build, not two: the previous build's pages (held in cycles, frozen
    by the build) are gone when the rebuild reads the repository again."""
    repo = copy_sample(tmp_path / "repo")
    shutil.copy(ROOT / "mkdocs.yml", repo / "mkdocs.yml")
    config = load_config(str(repo / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    config.plugins.on_startup(command="serve", dirty=False)
    plugin = config.plugins["etalase"]
    try:
        build(config)
        files = plugin.accel.instant._built[1]
        previous = weakref.ref(next(file.page for file in files.documentation_pages() if file.page is not None))
        del files
        alive_at_check = []
        check = plugin._check

        def noting_check():
            alive_at_check.append(previous() is not None)
            return check()

        monkeypatch.setattr(plugin, "_check", noting_check)
        build(config)
        assert alive_at_check == [False]
    finally:
        config.plugins.on_shutdown()


def test_a_preview_holds_the_html_of_no_generated_page_but_the_one_it_writes(tmp_path, monkeypatch):
    """MkDocs converts every page before it writes the first: the generated pages' HTML waits compressed
    (accel/specfile.py), so a preview of a national catalog does not hold all of it at once."""
    repo = copy_sample(tmp_path / "repo")
    shutil.copy(ROOT / "mkdocs.yml", repo / "mkdocs.yml")
    config = load_config(str(repo / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    config.plugins.on_startup(command="serve", dirty=False)
    accel = config.plugins["etalase"].accel
    converted, holding = [], []
    page_content, page_context = accel.page_content, accel.page_context

    def noting_content(page, html):
        converted.append(page)
        return page_content(page, html)

    def noting_context(page):
        holding.append(sum(1 for other in converted if other.content))
        page_context(page)

    monkeypatch.setattr(accel, "page_content", noting_content)
    monkeypatch.setattr(accel, "page_context", noting_context)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()
    specs = config.plugins["etalase"].specs
    generated = [page for page in converted if page.file.src_uri in specs]
    assert len(generated) >= 5 and len(holding) == len(converted)
    editors = len(converted) - len(generated)
    assert max(holding) <= editors  # the editor's own pages keep theirs, as MkDocs does
    article = (tmp_path / "site" / generated[0].file.dest_uri).read_text("utf-8")
    assert "<article" in article and generated[0].title in article
