"""Content may arrive as a pull request from outside the office: hostile text must reach the built
site as text, never as markup that runs."""

import json
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from browser import serve
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
    # DOM clobbering: a heading or an element named like the theme's own #__config.
    text += '\n## __config\n\n<p id="__config">{"base": "https://penyerang.example/"}</p>\n'
    text += '\n<img src="https://penyerang.example/piksel.gif" alt="pelacak">\n'  # a tracker: never fetched
    innovation.write_text(text, "utf-8")
    edition = repo / "content/awards/kompetisi-inovasi-pelayanan-publik-kota-batu/2020.yml"
    edition.write_text(edition.read_text("utf-8").replace(
        "description: >-\n", f"description: >-\n  {HOSTILE} [x](javascript:alert(4))\n", 1).replace(
        "    title: Top 5, peringkat pertama\n", f'    title: "Top 5 {quoted}"\n', 1), "utf-8")
    # An editor's page: front matter title, raw markup, a script link, a clobbering id.
    (repo / "content/catatan.md").write_text(
        f'---\ntitle: "</title>{quoted}"\n---\n\n# Catatan\n\n{HOSTILE}\n\n[klik](javascript:alert(5))\n\n'
        '## __config\n\n<a name="__md_scope" id="__config" href="https://penyerang.example/">a</a>\n', "utf-8")
    # A page titled by its first heading, with markup written as entities (Material's `striptags`
    # would turn them back into tags inside <title>).
    (repo / "content/judul.md").write_text("# Judul &lt;/title&gt;&lt;script&gt;alert(9)&lt;/script&gt;\n\nIsi.\n",
                                           "utf-8")
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


def test_editor_page_is_sanitised_and_its_title_is_text(hostile_site):
    soup = BeautifulSoup((hostile_site / "catatan/index.html").read_text("utf-8"), "html.parser")
    assert soup.title.get_text().startswith("</title><script>alert('x')</script>")
    assert not [s for s in soup.find_all("script") if "alert" in (s.string or "")]
    assert not soup.select('a[href^="javascript"]')
    article = soup.select_one("article")
    assert "<script>alert('x')</script>" not in str(article)


def test_title_from_a_heading_stays_text(hostile_site):
    soup = BeautifulSoup((hostile_site / "judul/index.html").read_text("utf-8"), "html.parser")
    assert soup.title.get_text().startswith("Judul </title><script>alert(9)</script>")
    assert not [s for s in soup.find_all("script") if "alert" in (s.string or "")]


@pytest.mark.parametrize("page_path", ["catatan/index.html", "inovasi/kota-batu/adiarta/index.html"])
def test_content_ids_cannot_clobber_the_theme(hostile_site, page_path):
    soup = BeautifulSoup((hostile_site / page_path).read_text("utf-8"), "html.parser")
    config = soup.find_all(id="__config")
    assert len(config) == 1 and config[0].name == "script"  # the theme's own, alone
    assert not soup.find_all(attrs={"name": "__md_scope"})
    heading = soup.find("h2", string=lambda text: text and "__config" in text)
    assert heading is not None and heading["id"] != "__config"
    # The table of contents follows the renamed heading.
    assert soup.select_one(f'a[href="#{heading["id"]}"]') is not None


@pytest.fixture(scope="module")
def hostile_url(hostile_site):
    with serve(hostile_site) as url:
        yield url


@pytest.mark.parametrize("page_path", ["catatan/", "inovasi/kota-batu/adiarta/"])
def test_theme_scripts_still_run_beside_hostile_content(hostile_url, page, page_path):
    """In Chromium: the theme's scripts run (the `page` fixture fails on any script error) and
    nothing is fetched from the host the content names."""
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(hostile_url + page_path)
    page.wait_for_load_state("networkidle")
    assert page.evaluate("document.getElementById('__config').tagName") == "SCRIPT"
    # Material's script has wired the header: its search toggle and drawer exist and respond.
    page.wait_for_function("typeof window.document$ !== 'undefined'")
    assert not [url for url in requests if "penyerang" in url]


def test_feed_carries_content_as_text(hostile_site):
    import xml.etree.ElementTree as ET

    atom = "{http://www.w3.org/2005/Atom}"
    feed = ET.parse(hostile_site / "data/penghargaan.xml").getroot()
    titles = [entry.find(f"{atom}title") for entry in feed.iter(f"{atom}entry")]
    hostile = [title for title in titles if "<script>" in (title.text or "")]
    assert hostile, "the hostile winner title is in the feed"
    for element in feed.iter():
        if element.tag in (f"{atom}title", f"{atom}summary"):
            assert element.get("type") == "text"  # a reader shows it as text, never parses it as HTML
    raw = (hostile_site / "data/penghargaan.xml").read_text("utf-8")
    assert "<script>" not in raw and "&lt;script&gt;" in raw
