"""Accessibility and validity checkers used by the tests, run on the real built site.

- `axe_violations(page)`: axe-core (npm, `node_modules/`, installed by `make test` with `npm ci`)
  injected into a Playwright page of Debian's Chromium; every rule axe runs by default (WCAG 2.x
  A and AA plus best practices), any impact.
- `PAGE_TYPES`: one page of each kind the site makes, as paths below the site's root, and `show()`,
  which opens one as a visitor sees it. A new kind of page goes here and is then checked by axe at
  both widths (tests/test_accessibility.py) and compared with the theme's own output of it
  (tests/test_lean.py).
- `NODE_MODULES` and `npm_tool()`: where the npm test tools are, failing (never skipping) when
  they are missing.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

ROOT = Path(__file__).resolve().parents[1]
NODE_MODULES = ROOT / "node_modules"
AXE = NODE_MODULES / "axe-core" / "axe.min.js"
SEARCH_RESULTS = "ol.etalase-search__results > li"

# One page of every kind, with what the visitor does there first (if anything) before axe looks: a path, or a
# path and the text of a control clicked first (a view that is hidden until then, which axe would not see).
# The sample has no pictures, so no page with pictures is listed; nor replications: an original's map
# of where it spread and its list of replications (/replikasi/) are checked on test_site_profile's copy.
PAGE_TYPES: dict[str, str | tuple[str, str]] = {
    "home": "",
    "home, map by awards": ("", "Menurut penghargaan"),
    "innovation list": "inovasi/",
    "innovations by status": "inovasi/keadaan/aktif/",
    "innovation": "inovasi/kota-batam/pasar-mama/",
    "region list": "daerah/",
    "region list, map by awards": ("daerah/", "Menurut penghargaan"),
    "province": "daerah/jawa-timur/",  # with its locator map
    "region": "daerah/kota-batu/",  # with its locator map and its chart of awards per year
    "sector list": "urusan/",
    "sector": "urusan/pendidikan/",
    "year list": "tahun/",
    "year": "tahun/2020/",
    "program list": "penghargaan/",
    "program": "penghargaan/kompetisi-inovasi-pelayanan-publik-kota-batu/",
    "edition": "penghargaan/kompetisi-inovasi-pelayanan-publik-kota-batu/2020/",
    "winners": "pemenang/",
    "winners per year": "pemenang/2020/",
    "winners per year, page 2": "pemenang/2020/halaman/2/",
    "ranking": "pemenang/peringkat/",
    "index years": "indeks/",
    "index year": "indeks/2020/",
    "search": "cari/",
    "search with results": "cari/?q=pasar",
    "search with filters": "cari/?provinsi=Jawa+Timur&jenis=Digital",
    "data": "data/",
    "guide": "panduan/",
    "guide page": "panduan/menambah-inovasi/",
    "guide's data questions": "panduan/pertanyaan-data/",
}


def show(page: Page, site_url: str, kind: str | tuple[str, str]) -> str:
    """Open a page of PAGE_TYPES as a visitor sees it (on the search page, once the search has answered;
    then the control clicked, if any); returns its path."""
    path, click = (kind, None) if isinstance(kind, str) else kind
    page.goto(site_url + path)
    if page.locator("[data-etalase-search]").count():
        expect(page.get_by_role("status")).not_to_have_text(re.compile("^Memuat"))
        if "?" in path:  # a query or filters in the address: the results too
            expect(page.locator(SEARCH_RESULTS).first).to_be_visible()
    if click:
        page.get_by_text(click, exact=True).click()
    return path


def npm_tool(path: Path) -> Path:
    """A file of an npm test tool; fails the test with the fix when `npm ci` has not been run."""
    if not path.exists():
        pytest.fail(f"{path} not found: install the npm test tools with `npm ci` (`make test` does)")
    return path


def axe_violations(page: Page) -> list[dict]:
    """axe-core's violations on the page as it is now (its default rules, every impact)."""
    page.add_script_tag(path=str(npm_tool(AXE)))
    return page.evaluate("async () => (await axe.run(document, {resultTypes: ['violations']})).violations")


def describe(violations: list[dict]) -> str:
    """One line per rule and element, with axe's own summary of what to fix."""
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"]:
            lines.append(f"    {json.dumps(node['target'])}: {node['failureSummary'].splitlines()[-1].strip()}")
    return "\n".join(lines)
