"""A second `build.py build` into the same folder rewrites only what changed (etalase/site/accel/incremental.py),
and what it leaves is byte for byte the site a clean build of the same files writes."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import ROOT, build_site
from sample_repo import cli, copy_sample
from test_reproducible import files

ADIARTA = "innovations/kota-batu/adiarta.md"
WANDERLINK = "innovations/kota-batam/wanderlink.md"  # no award names it: it may be deleted


@pytest.fixture
def repo(tmp_path) -> Path:
    repo = copy_sample(tmp_path / "repo")
    shutil.copy(ROOT / "mkdocs.yml", repo / "mkdocs.yml")
    return repo


def mtimes(site: Path) -> dict[str, int]:
    return {path.relative_to(site).as_posix(): path.stat().st_mtime_ns for path in site.rglob("*.html")}


def assert_same_as_clean_build(repo: Path, site: Path, tmp_path: Path) -> None:
    clean = tmp_path / "clean"
    shutil.rmtree(clean, ignore_errors=True)
    build_site(repo, clean)
    rebuilt, expected = files(site), files(clean)
    assert sorted(rebuilt) == sorted(expected), "the same files, none left over from the previous build"
    assert [name for name in expected if rebuilt[name] != expected[name]] == []


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), "utf-8")


def test_a_narrative_edit_rewrites_only_that_innovations_page(repo, tmp_path):
    site = tmp_path / "site"
    build_site(repo, site)
    before = mtimes(site)
    index = (site / "pagefind/pagefind-entry.json").stat().st_mtime_ns
    with (repo / ADIARTA).open("a", encoding="utf-8") as narrative:
        narrative.write("\nParagraf baru dari editor.\n")
    build_site(repo, site)
    after = mtimes(site)
    rewritten = sorted(name for name in after if after[name] != before[name])
    # The edited page, and the theme's own pages (404, written on every build).
    assert rewritten == ["404.html", "inovasi/kota-batu/adiarta/index.html"]
    assert "Paragraf baru dari editor." in (site / "inovasi/kota-batu/adiarta/index.html").read_text("utf-8")
    assert (site / "pagefind/pagefind-entry.json").stat().st_mtime_ns == index, "narratives are not indexed"
    assert_same_as_clean_build(repo, site, tmp_path)


@pytest.mark.parametrize("change", ["title", "deleted", "added", "province renamed", "award", "config"])
def test_a_rebuild_after_a_change_is_the_clean_build_of_the_same_files(repo, tmp_path, change):
    site = tmp_path / "site"
    build_site(repo, site)
    if change == "title":  # listings, region, sector and year pages and the search index change too
        edit(repo / ADIARTA, "title: ADIARTA", "title: ADIARTA Baru")
    elif change == "deleted":
        (repo / WANDERLINK).unlink()
    elif change == "added":
        shutil.copy(repo / WANDERLINK, repo / "innovations/kota-batam/wanderlink-kedua.md")
    elif change == "province renamed":  # every page that shows the province, under a new address too
        edit(repo / "content/regions.yml", "name: Kepulauan Riau\n", "name: Kepulauan Riau Baru\n")
    elif change == "award":
        edit(repo / "content/awards/kompetisi-inovasi-pelayanan-publik-kota-batu/2020.yml",
             "title: Top 5, peringkat pertama", "title: Juara umum")
    elif change == "config":  # shared by every page: everything is built again
        edit(repo / "mkdocs.yml", "site_name: Etalase Inovasi Daerah", "site_name: Etalase Inovasi")
    build_site(repo, site)
    if change == "title":
        assert "ADIARTA Baru" in (site / "inovasi/index.html").read_text("utf-8")
    assert_same_as_clean_build(repo, site, tmp_path)


def test_a_failed_build_leaves_the_next_one_complete(repo, tmp_path):
    site = tmp_path / "site"
    build_site(repo, site)
    edit(repo / "mkdocs.yml", "  name: material\n", "  name: material\n  custom_dir: overrides\n")
    (repo / "overrides/etalase").mkdir(parents=True)
    (repo / "overrides/etalase/innovation.html").write_text(
        '{% extends "main.html" %}{% block content %}{{ page.meta.x.y }}{% endblock %}', "utf-8")
    failed = cli(repo, "build", "--site-dir", str(site))
    assert failed.returncode != 0
    (repo / "overrides/etalase/innovation.html").unlink()
    build_site(repo, site)
    assert_same_as_clean_build(repo, site, tmp_path)


def test_clean_rewrites_every_page(repo, tmp_path):
    site = tmp_path / "site"
    build_site(repo, site)
    before = mtimes(site)
    result = cli(repo, "build", "--clean", "--site-dir", str(site))
    assert result.returncode == 0, result.stderr
    after = mtimes(site)
    assert sorted(after) == sorted(before)
    assert all(after[name] != before[name] for name in after)
