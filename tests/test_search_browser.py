"""Search and filters as a visitor uses them: the built sample site in Debian's Chromium."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Callable, TypeVar
from urllib.parse import parse_qs, urlsplit

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Page, Route, expect

from etalase.labels import label
from etalase.validate import check_repository

from a11y import SEARCH_RESULTS as RESULTS
from browser import close_reloading, serve
from conftest import build_site

ROOT = Path(__file__).resolve().parents[1]
T = TypeVar("T")


@pytest.fixture(scope="module")
def catalog():
    return check_repository(ROOT).catalog


def titles(page: Page) -> list[str]:
    return page.locator(f"{RESULTS} h2").all_inner_texts()


def regions(page: Page) -> set[str]:
    return set(page.locator(f"{RESULTS} .etalase-result__region").all_inner_texts())


def wait_for_results(page: Page) -> None:
    """The status line changes from "loading" once the page is ready or a search has finished."""
    expect(page.get_by_role("status")).to_have_text(re.compile(r"ditemukan|Tidak ada|Ketik"))


def open_search(page: Page, site_url: str, query: str = "") -> None:
    page.goto(f"{site_url}cari/{query}")
    wait_for_results(page)


def search_in_preview(page: Page, preview_url: str, query: str, read: Callable[[Page], T] = titles) -> T:
    """What `read` finds on a preview's search page for `query`: searched again when the preview loaded
    the page again meanwhile, as it does to its open pages whenever a rebuild ends (livereload)."""
    attempts = 10
    while True:
        try:
            open_search(page, preview_url, query)
            return read(page)
        except PlaywrightError:
            attempts -= 1
            if not attempts:
                raise
            page.wait_for_timeout(1000)  # a reload the page asked for itself (search.js: `guarded`) comes after 1 s


def innovations_of(catalog, region_name: str) -> list:
    region = next(r for r in catalog.regions.values() if r.name == region_name)
    return catalog.innovations_by_region[region.code]


def test_header_search_box_opens_the_search_page(page, site_url):
    theme_index = []
    page.on("request", lambda r: theme_index.append(r.url) if "search_index.json" in r.url else None)
    page.goto(site_url)
    # One search on the site: ours in the header, no trace of the theme's own search dialog.
    header = page.locator("header")
    expect(header.get_by_role("search")).to_have_count(1)
    expect(page.locator("[data-md-component=search]")).to_have_count(0)
    box = header.get_by_role("searchbox", name="Cari inovasi")
    box.fill("arsip")
    box.press("Enter")
    expect(page).to_have_url(re.compile(r"/cari/\?q=arsip$"))
    wait_for_results(page)
    assert "ADIARTA" in titles(page)
    assert theme_index == []


def test_searching_pasar_finds_pasar_mama_and_announces_the_count(page, site_url, catalog):
    open_search(page, site_url)
    page.get_by_label("Kata kunci").fill("pasar")
    expect(page.locator(f"{RESULTS} h2").first).to_have_text("Pasar Mama")
    status = page.get_by_role("status")
    expect(status).to_have_attribute("aria-live", "polite")
    expect(status).to_have_text(f"{len(titles(page))} inovasi ditemukan")
    result = page.locator(RESULTS).filter(has_text="Pasar Mama")
    # What a result shows besides its title comes from the record, not from what Pagefind indexed.
    expect(result).to_contain_text("Kota Batam")
    pasar_mama = next(i for i in catalog.innovations.values() if i.title == "Pasar Mama")
    expect(result).to_contain_text(pasar_mama.summary)
    result.get_by_role("link", name="Pasar Mama").click()
    expect(page.locator("h1")).to_have_text(re.compile("Pasar Mama"))



@pytest.mark.parametrize("word", ["nontunai", "daring"])
def test_an_innovation_named_by_the_words_comes_before_one_that_only_mentions_them(page, site_url, catalog, word):
    named = [i.title for i in catalog.innovations.values() if word in i.title.lower()]
    mentioned = [i.title for i in catalog.innovations.values()
                 if word in i.summary.lower() and word not in i.title.lower()]
    assert len(named) == 1 and mentioned, "the sample has one innovation named by the word and others mentioning it"
    open_search(page, site_url, f"?q={word}")
    found = titles(page)
    assert found[0] == named[0] and set(mentioned) <= set(found)


INNOVATION = """---
title: {title}
region: "21.71"
sectors: [pertanian]
type: non-digital
form: pelayanan-publik
stage: penerapan
launched: 2021
summary: {summary}
---
{body}
"""


def test_the_title_outranks_words_repeated_in_the_text(tmp_path, page):
    """An innovation named by the word comes first even when another says the word far more often: the
    title weighs more than the text (pages.search.RANKED_META). Ranked by its page's words alone it
    comes second: this test fails when the title is not given to Pagefind."""
    from test_site_catalog import copy_repository

    root = copy_repository(tmp_path)
    folder = root / "innovations" / "kota-batam"
    (folder / "lumbung-kelor.md").write_text(INNOVATION.format(
        title="Lumbung Kelor", summary="Bibit tanaman gizi dibagikan kepada warga.",
        body="Kader membagikan bibit kepada keluarga di setiap kelurahan setiap bulan, dicatat di posyandu."), "utf-8")
    (folder / "gerakan-gizi-desa.md").write_text(INNOVATION.format(
        title="Gerakan Gizi Desa", summary="Kelor untuk gizi; kelor ditanam, kelor dipanen, kelor diolah.",
        body="Daun kelor, teh kelor, bubur kelor dan kue kelor dari kebun kelor warga."), "utf-8")
    build_site(root, tmp_path / "site")
    with serve(tmp_path / "site") as url:
        open_search(page, url, "?q=kelor")
        assert titles(page) == ["Lumbung Kelor", "Gerakan Gizi Desa"]


@pytest.mark.parametrize("part", ["pagefind-entry.json", "*.pf_meta"])
def test_an_index_replaced_while_the_page_reads_it_is_read_again(page, site_url, part):
    """A preview writing the next index, or a deploy half in a cache: a file of the index the page
    asks for (the entry it opens the index with, the metadata it searches) is gone. The page loads
    itself again, keeps the query, and searches."""
    gone: list[str] = []

    def gone_once(route: Route) -> None:
        if gone:
            route.continue_()
        else:
            gone.append(route.request.url)
            route.fulfill(status=404)

    page.route(f"**/{part}*", gone_once)
    open_search(page, site_url, "?q=pasar")
    assert gone, "the page asked for the metadata that was gone"
    expect(page.locator(f"{RESULTS} h2").first).to_have_text("Pasar Mama")
    expect(page.get_by_label("Kata kunci")).to_have_value("pasar")

def test_results_show_award_badges(page, site_url, catalog):
    innovation_id, awards = next(iter(catalog.awards_by_innovation.items()))
    innovation = catalog.innovations[innovation_id]
    open_search(page, site_url, "?q=" + innovation.title.split()[0])
    result = page.locator(RESULTS).filter(has=page.get_by_role("link", name=innovation.title, exact=True))
    badges = result.get_by_role("list", name="Penghargaan").get_by_role("listitem")
    expect(badges).to_have_count(len(awards))
    expect(badges.first).to_contain_text(awards[0].winner.title)


def test_province_filter_leaves_only_that_provinces_innovations(page, site_url, catalog):
    batu = innovations_of(catalog, "Kota Batu")
    open_search(page, site_url)
    province = page.get_by_label("Provinsi")
    # Each value shows how many innovations it would leave.
    expect(province.locator("option", has_text="Jawa Timur")).to_have_text(f"Jawa Timur ({len(batu)})")
    province.select_option("Jawa Timur")
    expect(page.get_by_role("status")).to_have_text(f"{len(batu)} inovasi ditemukan, disaring menurut Provinsi: Jawa Timur")
    # Filters alone list by title, as a catalog page does (the build names each result's data by its place).
    assert titles(page) == sorted((i.title for i in batu), key=str.casefold)[:10]
    assert regions(page) == {"Kota Batu"}
    assert parse_qs(urlsplit(page.url).query) == {"provinsi": ["Jawa Timur"]}


def test_a_shared_filtered_url_opens_with_the_same_filters(page, site_url, catalog):
    expected = [i for i in innovations_of(catalog, "Kota Batu") if i.type == "digital"]
    jenis = label("type", "digital")
    open_search(page, site_url, f"?provinsi=Jawa+Timur&jenis={jenis}")
    expect(page.get_by_label("Provinsi")).to_have_value("Jawa Timur")
    expect(page.get_by_label("Jenis")).to_have_value(jenis)
    expect(page.get_by_role("status")).to_have_text(
        f"{len(expected)} inovasi ditemukan, disaring menurut Provinsi: Jawa Timur; Jenis: {jenis}")
    assert sorted(titles(page)) == sorted(i.title for i in expected)
    # Another value of a chosen filter still shows what it would give, the query joins the filters.
    other = [i for i in innovations_of(catalog, "Kota Batu") if i.type != "digital"]
    if other:
        expect(page.get_by_label("Jenis").locator("option", has_text=label("type", other[0].type))).to_have_text(
            f"{label('type', other[0].type)} ({len(other)})")
    page.get_by_label("Kata kunci").fill("arsip")
    expect(page).to_have_url(re.compile(r"q=arsip"))
    wait_for_results(page)
    assert set(parse_qs(urlsplit(page.url).query)) == {"q", "provinsi", "jenis"}
    page.reload()
    wait_for_results(page)
    expect(page.get_by_label("Kata kunci")).to_have_value("arsip")
    assert titles(page) == ["ADIARTA"]


def test_phone_layout_has_no_sideways_scroll_and_usable_filters(phone, site_url, catalog):
    open_search(phone, site_url)
    assert phone.evaluate("document.documentElement.scrollWidth") <= phone.viewport_size["width"]
    province = phone.get_by_label("Provinsi")
    box = province.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= phone.viewport_size["width"]
    assert box["height"] >= 40  # a touch target a thumb can hit (CSS px)
    province.select_option("Jawa Timur")
    expect(phone.get_by_role("status")).to_have_text(
        f"{len(innovations_of(catalog, 'Kota Batu'))} inovasi ditemukan, disaring menurut Provinsi: Jawa Timur")
    assert phone.evaluate("document.documentElement.scrollWidth") <= phone.viewport_size["width"]
    # The header keeps a way to the search page on a phone.
    expect(phone.locator("header").get_by_role("button", name="Cari")).to_be_visible()


def test_keyboard_reaches_the_search_box_and_the_filters(page, site_url):
    page.goto(site_url)
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "etalase-header-q":
            break
    else:
        pytest.fail("Tab never reached the header's search box")
    page.keyboard.type("arsip")
    page.keyboard.press("Enter")
    wait_for_results(page)
    page.get_by_label("Kata kunci").focus()
    labels = []
    for _ in range(8):
        page.keyboard.press("Tab")
        labels.append(page.evaluate("document.activeElement.labels?.[0]?.textContent.trim()"))
    assert labels[:8] == ["Provinsi", "Kabupaten/kota", "Urusan pemerintahan", "Tahun diluncurkan", "Jenis",
                          "Tahapan", "Keadaan", "Penghargaan"]
    # Choosing a value from the keyboard alone narrows the results.
    page.get_by_label("Provinsi").focus()
    page.keyboard.press("ArrowDown")
    expect(page).to_have_url(re.compile(r"provinsi="))


def test_without_javascript_the_search_page_points_to_the_catalog(browser, site_url, catalog):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site_url}cari/")
    expect(page.get_by_label("Kata kunci")).to_be_hidden()
    hint = page.locator(".etalase-search__noscript")
    for name in ("daerah", "urusan", "tahun"):
        link = hint.get_by_role("link", name=name, exact=True)
        response = page.request.get(link.evaluate("a => a.href"))
        assert response.ok, f"the hint's link to {name} is broken"
    # From the hint to an innovation by region, by sector and by year, without JavaScript.
    innovation = next(i for i in catalog.innovations.values() if i.title == "Pasar Mama")
    steps = {
        "daerah": catalog.regions[innovation.region].name,
        "urusan": catalog.sectors[innovation.sectors[0]].label,
        "tahun": str(innovation.launched_year),
    }
    for name, value in steps.items():
        page.goto(f"{site_url}cari/")
        page.locator(".etalase-search__noscript").get_by_role("link", name=name, exact=True).click()
        page.get_by_role("main").get_by_role("link", name=value, exact=True).first.click()
        expect(page.get_by_role("main").get_by_role("link", name=innovation.title, exact=True).first).to_be_visible()
    context.close()


def test_the_index_is_chunked_and_the_theme_index_is_gone(built_site, catalog):
    entry = json.loads((built_site / "pagefind" / "pagefind-entry.json").read_text())
    assert entry["languages"]["id"]["page_count"] == len(catalog.innovations)
    assert list((built_site / "pagefind" / "index").glob("*.pf_index"))
    assert not list(built_site.rglob("search_index.json"))
    page = BeautifulSoup((built_site / "cari" / "index.html").read_text(), "html.parser")
    assert page.find("noscript") is not None
    assert [s["name"] for s in page.select("select[data-filter]")] == [
        "provinsi", "daerah", "urusan", "tahun", "jenis", "tahapan", "keadaan", "penghargaan"]
    controls = page.select(".etalase-search select, .etalase-search input, .etalase-header-search input")
    assert controls and all(page.find("label", attrs={"for": c["id"]}) for c in controls)


def test_a_preview_finds_an_edited_title(tmp_path, page):
    """`serve` shows a rebuilt page at once and writes its search index just after: the new title is found."""
    from test_site_catalog import copy_repository, fetch, free_port, wait_for

    root = copy_repository(tmp_path)
    port = free_port()
    preview = f"http://127.0.0.1:{port}/"
    process = subprocess.Popen(
        [sys.executable, str(ROOT / "build.py"), "--root", str(root), "serve", "--dev-addr", f"127.0.0.1:{port}"],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    try:
        assert wait_for(lambda: fetch(f"{preview}inovasi/kota-batu/adiarta/"))
        path = root / "innovations" / "kota-batu" / "adiarta.md"
        path.write_text(path.read_text("utf-8").replace("title: ADIARTA", "title: ADIARTA Pratinjau", 1), "utf-8")
        assert wait_for(lambda: "ADIARTA Pratinjau" in (fetch(f"{preview}inovasi/kota-batu/adiarta/") or ""))

        found = wait_for(lambda: "ADIARTA Pratinjau" in search_in_preview(page, preview, "?q=pratinjau"), seconds=60)
        assert found, "the preview's search finds the new title"
    finally:
        close_reloading(page)  # the tab closed first: one the last rebuild reloads must not fetch from a stopped preview
        process.terminate()
        process.communicate(timeout=30)
