"""WCAG 2.1 AA as visitors with screen readers, keyboards and small screens meet the site: axe-core on one page of
every kind at desktop and phone widths, the keyboard paths through a page and through search, and the page
structure screen readers rely on (language, table headers and captions) on every built page."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import Page, expect

from a11y import PAGE_TYPES, axe_violations, describe, show
from a11y import SEARCH_RESULTS as RESULTS
from browser import DESKTOP, PHONE


@pytest.mark.parametrize("width", [DESKTOP["width"], PHONE["width"]], ids=["1280px", "390px"])
@pytest.mark.parametrize("kind", PAGE_TYPES.values(), ids=PAGE_TYPES.keys())
def test_no_axe_violations(request, site_url, kind, width):
    page = request.getfixturevalue("page" if width == DESKTOP["width"] else "phone")
    path = show(page, site_url, kind)
    violations = axe_violations(page)
    assert not violations, f"axe-core on /{path} at {width} px:\n{describe(violations)}"


FOCUS = """() => {
  const e = document.activeElement, style = getComputedStyle(e), box = e.getBoundingClientRect();
  return {html: e.outerHTML.slice(0, 120), inBody: e !== document.body, outline: style.outlineStyle,
          width: parseFloat(style.outlineWidth), color: style.outlineColor, size: box.width * box.height};
}"""


def tab_through(page: Page, limit: int = 300) -> list[dict]:
    """Every element Tab reaches from the top of the page, in order, until focus leaves the page."""
    seen = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUS)
        if not focused["inBody"] or (seen and focused["html"] == seen[0]["html"]):
            return seen
        seen.append(focused)
    return seen


@pytest.mark.parametrize("path", ["", "inovasi/kota-batam/pasar-mama/",
                                  "penghargaan/kompetisi-inovasi-pelayanan-publik-kota-batu/2020/", "cari/?q=pasar"])
def test_every_control_shows_where_the_keyboard_is(page, site_url, path):
    show(page, site_url, path)
    focused = tab_through(page)
    assert len(focused) > 10
    hidden = [f["html"] for f in focused
              if f["outline"] == "none" or f["width"] < 2 or f["color"] == "rgba(0, 0, 0, 0)" or f["size"] == 0]
    assert not hidden, "focused without a visible focus ring:\n" + "\n".join(hidden)


def test_skip_link_is_first_and_jumps_to_the_content(page, site_url):
    show(page, site_url, "daerah/")  # a page without a table of contents: Material offers no skip link there
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Lewati ke isi")
    expect(skip).to_be_focused()
    expect(skip).to_have_css("opacity", "1")  # shown once focused
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    # The next stop is inside the page's content, past the header and its tabs.
    assert page.evaluate("document.getElementById('__isi').contains(document.activeElement)")
    assert page.evaluate("!document.activeElement.closest('header, .md-tabs')")


def press_tab_until(page: Page, selector: str, limit: int = 60) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("(selector) => document.activeElement.matches(selector)", selector):
            return
    pytest.fail(f"{selector} not reached with Tab")


def test_search_and_filters_by_keyboard_alone_with_announcements(page, site_url):
    show(page, site_url, "cari/")
    status = page.get_by_role("status")
    expect(status).to_have_attribute("aria-live", "polite")
    press_tab_until(page, "#etalase-q")
    page.keyboard.type("a")
    expect(status).to_have_text(re.compile(r"^\d+ inovasi ditemukan$"))
    everything = int(status.inner_text().split()[0])
    # A filter is a native select: Tab reaches it, the arrow keys choose a value, the count is announced with it.
    page.keyboard.press("Tab")
    expect(page.get_by_label("Provinsi")).to_be_focused()
    page.keyboard.press("ArrowDown")
    province = page.get_by_label("Provinsi").input_value()
    expect(status).to_have_text(re.compile(rf"^\d+ inovasi ditemukan, disaring menurut Provinsi: {province}$"))
    narrowed = int(status.inner_text().split()[0])
    assert 0 < narrowed < everything
    expect(page.locator(RESULTS)).to_have_count(narrowed)
    # Another value: announced even when the count stays the same.
    page.keyboard.press("ArrowDown")
    other = page.get_by_label("Provinsi").input_value()
    assert other != province
    expect(status).to_contain_text(f"disaring menurut Provinsi: {other}")
    # The reset button clears query and filters from the keyboard.
    press_tab_until(page, "button[type=reset]")
    page.keyboard.press("Enter")
    expect(status).to_have_text("Ketik kata kunci atau pilih filter untuk menemukan inovasi.")
    expect(page.get_by_label("Kata kunci")).to_have_value("")
    expect(page.get_by_label("Provinsi")).to_have_value("")
    # A result is a link that Enter follows.
    page.get_by_label("Kata kunci").focus()
    page.keyboard.type("pasar")
    expect(page.locator(RESULTS).first).to_be_visible()
    press_tab_until(page, f"{RESULTS} h2 a")
    title = page.evaluate("document.activeElement.textContent")
    page.keyboard.press("Enter")
    expect(page.locator("h1")).to_contain_text(title)


def built_pages(site: Path) -> list[tuple[str, BeautifulSoup]]:
    return [(path.relative_to(site).as_posix(), BeautifulSoup(path.read_text("utf-8"), "html.parser"))
            for path in sorted(site.rglob("*.html"))]


def test_every_page_is_in_indonesian_and_its_tables_have_headers_and_captions(built_site):
    pages = built_pages(built_site)
    assert len(pages) > 100
    wrong_language = [path for path, soup in pages if soup.html.get("lang") != "id"]
    assert not wrong_language
    tables = 0
    problems = []
    for path, soup in pages:
        for table in soup.find_all("table"):
            tables += 1
            caption = table.find("caption")
            if caption is None or not caption.get_text(strip=True):
                problems.append(f"{path}: a table without a caption: {str(table)[:100]}")
            if not table.find("th"):
                problems.append(f"{path}: a table without header cells: {str(table)[:100]}")
            problems += [f"{path}: <th> without scope: {th}" for th in table.find_all("th") if not th.get("scope")]
    assert tables > 50
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("path", ["", "cari/"], ids=["header", "search page"])
def test_typed_search_words_are_readable(page, site_url, path):
    """axe checks the text in a box only once there is some: what a visitor types, in the header and on /cari/."""
    show(page, site_url, path)
    box = page.locator("#etalase-header-q" if not path else "#etalase-q")
    box.fill("pasar")
    box.blur()
    violations = axe_violations(page)
    box.focus()  # the box looks different while focused
    violations += axe_violations(page)
    assert not violations, describe(violations)
