"""Content may arrive as a pull request from outside the office: hostile text must reach the built
site as text, never as markup that runs."""

import json
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT, build_site

HOSTILE = "<script>alert('x')</script><img src=x onerror=alert('y')>\""


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> Path:
    repo = tmp_path_factory.mktemp("hostile")
    for folder in ("content", "innovations"):
        shutil.copytree(ROOT / folder, repo / folder)
    shutil.copy(ROOT / "mkdocs.yml", repo)
    innovation = repo / "innovations/kota-batu/adiarta.md"
    text = innovation.read_text("utf-8")
    quoted = HOSTILE.replace('"', '\\"')
    for field, value in (("title", "ADIARTA"), ("subtitle", "Alih Media Arsip Tanah"),
                         ("unit", "Dinas Perpustakaan dan Kearsipan")):
        text = text.replace(f"{field}: {value}\n", f'{field}: "{value} {quoted}"\n', 1)
    text = text.replace("summary: >-\n", f'summary: >-\n  {HOSTILE}\n', 1)
    text += f"\n{HOSTILE}\n\n[klik](javascript:alert(1)) <a href=\"javascript:alert(2)\" onclick=\"alert(3)\">a</a>\n"
    innovation.write_text(text, "utf-8")
    edition = repo / "content/awards/kompetisi-inovasi-pelayanan-publik-kota-batu/2020.yml"
    edition.write_text(edition.read_text("utf-8").replace(
        "description: >-\n", f"description: >-\n  {HOSTILE} [x](javascript:alert(4))\n", 1), "utf-8")
    site = repo / "site"
    build_site(repo, site)
    return site


def test_no_content_markup_runs_anywhere_on_the_site(hostile_site):
    pages = list(hostile_site.rglob("*.html"))
    assert len(pages) > 50
    for page in pages:
        soup = BeautifulSoup(page.read_text("utf-8"), "html.parser")
        for element in soup.find_all(True):
            if element.name == "title":
                continue  # <title> is text to a browser: a <script> inside it never runs
            if element.name == "script" and element.get("type") == "application/ld+json":
                # Data for search engines, not code: content in it stays inert (no "<" to close it).
                assert "<" not in element.string and json.loads(element.string), page
                continue
            assert element.name != "script" or "alert" not in (element.string or ""), page
            for name, value in element.attrs.items():
                assert not name.startswith("on"), f"{page}: {element}"
                if name in ("href", "src", "action"):
                    assert not str(value).strip().lower().startswith("javascript:"), f"{page}: {element}"


def test_hostile_text_is_shown_as_text(hostile_site):
    soup = BeautifulSoup((hostile_site / "inovasi/kota-batu/adiarta/index.html").read_text("utf-8"), "html.parser")
    assert "<script>alert('x')</script>" in soup.find("h1").get_text()
    assert soup.title.get_text().startswith("ADIARTA <script>")
