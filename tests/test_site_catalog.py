"""The public catalog, read from the real built HTML: innovations, regions, sectors, years, the home page.

Expected values come from the content files themselves (front matter, regions.yml, sectors.yml),
not from the plugin's catalog, so a page that drops or miscounts a record fails.
"""

from __future__ import annotations

import base64
import math
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit

import yaml
from bs4 import BeautifulSoup
from slugify import slugify

from etalase.pages.sections.profile import REPLICATIONS_SHOWN

from conftest import ROOT, build_site

PAGE_SIZE = 60  # the plugin's default page_size (mkdocs.yml does not change it)


# -- reading the content files and the built pages --------------------------------------------


def front_matter(path: Path) -> dict:
    return yaml.safe_load(path.read_text("utf-8").split("---", 2)[1])


def innovations(root: Path) -> dict[str, dict]:
    """`<region-slug>/<stem>` → front matter, for every innovation file of a repository."""
    return {f"{p.parent.name}/{p.stem}": front_matter(p) for p in sorted((root / "innovations").glob("*/*.md"))}


def regions(root: Path) -> dict[str, dict]:
    return {r["code"]: r for r in yaml.safe_load((root / "content" / "regions.yml").read_text("utf-8"))}


def sectors(root: Path) -> dict[str, dict]:
    return {s["id"]: s for s in yaml.safe_load((root / "content" / "sectors.yml").read_text("utf-8"))}


def html(site: Path, url: str) -> BeautifulSoup:
    path = site / url / "index.html"
    assert path.is_file(), f"/{url} was not built"
    return BeautifulSoup(path.read_text("utf-8"), "html.parser")


def content(soup: BeautifulSoup) -> BeautifulSoup:
    """The page's own content, without the site's header, tabs and footer."""
    return soup.select_one("article.md-content__inner")


def link_targets(page: BeautifulSoup, url: str) -> list[str]:
    """Site-relative targets (`daerah/kota-batu/`) of the content's internal links on the page at `url`."""
    base = "/" + url
    targets = []
    for a in content(page).find_all("a", href=True):
        href = a["href"]
        if href.startswith(("http:", "https:", "mailto:", "#")):
            continue
        path = urlsplit(href).path
        resolved = Path(base + "x").parent.joinpath(path).as_posix()
        parts: list[str] = []
        for part in resolved.split("/"):
            if part == "..":
                parts.pop()
            elif part not in ("", "."):
                parts.append(part)
        targets.append("/".join(parts) + "/" if parts else "")
    return targets


def count_in(cell_text: str) -> int:
    return int(cell_text.strip().replace(".", ""))


def listing_ids(site: Path, first_url: str) -> list[str]:
    """Every innovation linked from a paginated listing's entries, following its pager to the end."""
    found, url = [], first_url
    while url is not None:
        page = html(site, url)
        found += [t.removeprefix("inovasi/").rstrip("/")
                  for t in link_targets_of(page.select(".etalase-list .etalase-list__title"), url)]
        following = page.select_one('.etalase-pager a[rel="next"]')
        url = link_targets_of([following], url)[0] if following else None
    return found


def link_targets_of(anchors, url: str) -> list[str]:
    holder = BeautifulSoup('<article class="md-content__inner"></article>', "html.parser")
    for a in anchors:
        holder.article.append(BeautifulSoup(str(a), "html.parser"))
    return link_targets(holder, url)


# -- the sample site ----------------------------------------------------------------------------


def test_every_innovation_has_its_page_with_region_sectors_and_sources(built_site):
    all_regions, all_sectors = regions(ROOT), sectors(ROOT)
    records = innovations(ROOT)
    assert records, "the sample repository has innovations"
    for innovation_id, record in records.items():
        url = f"inovasi/{innovation_id}/"
        page = html(built_site, url)
        body = content(page)
        assert body.h1.get_text(strip=True) == record["title"]
        targets = link_targets(page, url)
        region = all_regions[record["region"]]
        province = all_regions[record["region"].split(".")[0]]
        facts = body.select_one("table.etalase-facts").get_text(" ", strip=True)
        assert region["name"] in facts and province["name"] in facts
        assert f"daerah/{slugify(region['name'])}/" in targets
        assert f"daerah/{slugify(province['name'])}/" in targets
        for sector in record["sectors"]:
            assert all_sectors[sector]["label"] in facts
            assert f"urusan/{sector}/" in targets
        sources = body.select_one("ol.etalase-sources").get_text(" ", strip=True)
        for source in record.get("sources", []):
            assert source["title"] in sources
            if source.get("publisher"):
                assert source["publisher"] in sources
        for link in record.get("links", []):
            assert body.find("a", href=link["url"], string=link["label"])


def test_innovation_fields_read_in_indonesian(built_site):
    page = content(html(built_site, "inovasi/kota-batam/pasar-mama/"))
    facts = {row.th.get_text(strip=True): row.td.get_text(" ", strip=True) for row in page.select("table.etalase-facts tr")}
    record = front_matter(ROOT / "innovations" / "kota-batam" / "pasar-mama.md")
    assert facts["Tahapan"] == {"penerapan": "Penerapan", "uji-coba": "Uji coba", "inisiatif": "Inisiatif"}[record["stage"]]
    assert facts["Jenis"] == {"digital": "Digital", "non-digital": "Non-digital"}[record["type"]]
    assert facts["Bentuk"] == "Pelayanan publik"
    assert facts["Mulai diterapkan"] == str(record["launched"])
    # The narrative (Markdown body) is rendered as HTML, headings included.
    assert page.find("h2", string="Rancang bangun")
    assert record["summary"].split(",")[0] in page.select_one(".etalase-lead").get_text()


def test_kota_batu_profile_lists_its_innovations(built_site):
    expected = {i for i in innovations(ROOT) if i.startswith("kota-batu/")}
    assert expected
    listed = listing_ids(built_site, "daerah/kota-batu/")
    assert sorted(listed) == sorted(expected)
    page = html(built_site, "daerah/kota-batu/")
    assert "daerah/jawa-timur/" in link_targets(page, "daerah/kota-batu/")
    figures = [c.get_text(" ", strip=True) for c in content(page).select(".etalase-figures .card")]
    assert f"{len(expected)} inovasi" in figures


def test_a_province_page_lists_its_regions_with_counts(built_site):
    """Every city and regency of the province is listed with its count; only those with content
    are links, and only they have a page (pages grow with content, not with the official list)."""
    all_regions = regions(ROOT)
    records = innovations(ROOT)
    for province_code, slug in (("35", "jawa-timur"), ("21", "kepulauan-riau")):
        page = html(built_site, f"daerah/{slug}/")
        rows = content(page).select("#daerah + .md-typeset__scrollwrap tbody tr")
        listed = {row.td.get_text(strip=True): (count_in(row.select_one('[data-count="innovations"]').get_text()),
                                                count_in(row.find_all("td")[3].get_text()), row.td.a is not None)
                  for row in rows}
        expected_regions = {r["name"] for code, r in all_regions.items() if code.startswith(province_code + ".")}
        assert set(listed) == expected_regions
        targets = link_targets(page, f"daerah/{slug}/")
        for name, (count, awards, linked) in listed.items():
            assert count == sum(1 for r in records.values() if all_regions[r["region"]]["name"] == name)
            assert linked == bool(count or awards), name
            assert (f"daerah/{slugify(name)}/" in targets) == linked
            assert (built_site / "daerah" / slugify(name) / "index.html").is_file() == linked, name
        assert any(not linked for _, _, linked in listed.values())  # zero shown plainly, not linked


def test_index_counts_equal_the_records(built_site):
    records = innovations(ROOT)
    all_regions = regions(ROOT)
    # /inovasi/: the count line and the entries across all its pages.
    listing = content(html(built_site, "inovasi/"))
    assert f"{len(records)} inovasi" in listing.get_text(" ", strip=True)
    assert sorted(listing_ids(built_site, "inovasi/")) == sorted(records)
    # /daerah/: each province's count is the number of innovations of the province and its cities.
    by_province = Counter(r["region"].split(".")[0] for r in records.values())
    rows = content(html(built_site, "daerah/")).select("table tbody tr")
    assert len(rows) == sum(1 for r in all_regions.values() if r["kind"] == "provinsi")
    for row in rows:
        name = row.a.get_text(strip=True)
        code = next(c for c, r in all_regions.items() if r["name"] == name and r["kind"] == "provinsi")
        assert count_in(row.select_one('[data-count="innovations"]').get_text()) == by_province[code], name
    # /urusan/: one row per sector, counting the innovations that name it.
    by_sector = Counter(s for r in records.values() for s in set(r["sectors"]))
    rows = content(html(built_site, "urusan/")).select("table tbody tr")
    assert len(rows) == len(sectors(ROOT))
    for row in rows:
        sector = link_targets_of([row.a], "urusan/")[0].split("/")[1]
        assert count_in(row.select_one('[data-count="innovations"]').get_text()) == by_sector[sector], sector
        assert sorted(listing_ids(built_site, f"urusan/{sector}/")) == sorted(
            i for i, r in records.items() if sector in r["sectors"])
    # /tahun/: innovations by launch year, and each year's page lists them.
    by_year = Counter(int(str(r["launched"])[:4]) for r in records.values() if r.get("launched"))
    rows = content(html(built_site, "tahun/")).select("table tbody tr")
    for row in rows:
        year = int(row.a.get_text(strip=True))
        assert count_in(row.select_one('[data-count="innovations"]').get_text()) == by_year[year]
    for year, count in by_year.items():
        assert len(listing_ids(built_site, f"tahun/{year}/")) == count
    # Home: the figures.
    figures = {c.select_one(".etalase-figure__label").get_text(strip=True): count_in(c.select_one(".etalase-figure__value").get_text())
               for c in content(html(built_site, "")).select(".etalase-figures .card")}
    assert figures["inovasi"] == len(records)
    assert figures["urusan pemerintahan"] == len(by_sector)
    assert figures["daerah"] >= len({r["region"] for r in records.values()})


def test_home_shows_figures_latest_awards_and_highlights(built_site):
    page = html(built_site, "")
    body = content(page)
    # One award per recipient of every winner of every edition file.
    editions = [yaml.safe_load(p.read_text("utf-8")) for p in (ROOT / "content" / "awards").glob("*/[0-9]*.yml")]
    total = sum(len(w["recipients"]) for e in editions for w in e.get("winners", []))
    figures = {c.select_one(".etalase-figure__label").get_text(strip=True).split()[0]: c for c in body.select(".etalase-figures .card")}
    assert count_in(figures["penghargaan"].select_one(".etalase-figure__value").get_text()) == total
    latest = body.select("h2 + ul.etalase-list > li")
    assert len(latest) == min(8, total)
    for item in latest:
        edition = link_targets_of(item.select('a[href*="penghargaan/"]'), "")
        assert edition and (built_site / edition[0] / "index.html").is_file()
    highlights = body.select(".etalase-cards .card")
    assert highlights and all("penghargaan" in card.get_text() for card in highlights)


def test_links_both_ways_between_innovation_region_and_sector(built_site):
    url = "inovasi/kota-batu/adiarta/"
    targets = link_targets(html(built_site, url), url)
    assert "daerah/kota-batu/" in targets and "urusan/kearsipan/" in targets
    assert "kota-batu/adiarta" in listing_ids(built_site, "daerah/kota-batu/")
    assert "kota-batu/adiarta" in listing_ids(built_site, "urusan/kearsipan/")
    # Related innovations come from the same region or sector, never the page itself.
    related = link_targets_of(content(html(built_site, url)).select(".etalase-cards .card > a"), url)
    assert related and url not in related
    records = innovations(ROOT)
    for target in related:
        other = records[target.removeprefix("inovasi/").rstrip("/")]
        assert other["region"] == records["kota-batu/adiarta"]["region"] or "kearsipan" in other["sectors"]


def test_every_internal_link_resolves_and_the_nav_holds_only_sections(built_site):
    broken, generated_in_nav = [], []
    nav_sizes = set()
    for path in built_site.rglob("*.html"):
        if path.name == "404.html":
            continue  # the theme's 404 page uses absolute links on purpose (served at any depth)
        soup = BeautifulSoup(path.read_text("utf-8"), "html.parser")
        for tag in soup.find_all(["a", "link", "img", "script"]):
            ref = tag.get("href") or tag.get("src")
            if not ref or ref.startswith(("http:", "https:", "mailto:", "#", "data:")):
                continue
            target = (path.parent / urlsplit(ref).path).resolve()
            if target.is_dir():
                target /= "index.html"
            if not target.exists():
                broken.append(f"{path.relative_to(built_site)} → {ref}")
        nav = soup.select("nav.md-nav--primary a.md-nav__link")
        nav_sizes.add(len(nav))
        generated_in_nav += [a["href"] for a in nav if re.search(r"(inovasi|daerah|urusan|tahun)/[^#]+/", a["href"])]
    assert broken == []
    # Generated pages stay out of the navigation: it holds the top-level sections (and a page's own
    # table of contents), so its size does not depend on the number of records.
    assert generated_in_nav == []
    assert max(nav_sizes) < 30


# -- a modified copy of the sample repository -------------------------------------------------


def copy_repository(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    shutil.copytree(ROOT, root, ignore=shutil.ignore_patterns(".git", "site", "tests", "bench", ".venv", "plugins",
                                                             "__pycache__", ".pytest_cache", "docs"))
    return root


# A 1×1 transparent PNG.
PNG = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=")


def test_media_respect_privacy_and_images_have_alt_text(tmp_path):
    root = copy_repository(tmp_path)
    (root / "content" / "images").mkdir()
    (root / "content" / "images" / "adiarta.png").write_bytes(PNG)
    path = root / "innovations" / "kota-batu" / "adiarta.md"
    text = path.read_text("utf-8").replace(
        "sources:\n",
        "media:\n"
        "  - video: https://www.youtube.com/watch?v=abc123\n"
        "    caption: Video profil ADIARTA\n"
        "  - image: images/adiarta.png\n"
        "    alt: Petugas memindai arsip tanah\n"
        "    caption: Pemindaian arsip\n"
        "sources:\n", 1)
    path.write_text(text, "utf-8")
    site = tmp_path / "site"
    build_site(root, site)
    page = content(html(site, "inovasi/kota-batu/adiarta/"))
    assert page.find("iframe") is None, "no third-party player is embedded"
    video = page.find("a", href="https://www.youtube.com/watch?v=abc123")
    assert video and video.get_text(strip=True) == "Video profil ADIARTA"
    image = page.find("img", alt="Petugas memindai arsip tanah")
    assert image is not None
    assert (site / "inovasi" / "kota-batu" / "adiarta" / image["src"]).resolve().is_file()
    assert page.find("figcaption", string="Pemindaian arsip")


# -- scale --------------------------------------------------------------------------------------

# An innovation page holds its own record, at most 2 × 4 related innovations, the original it copies and
# the first REPLICATIONS_SHOWN that copy it (the generated catalog has originals copied a hundred times), and its awards, in the
# theme's frame (about 12 KB with the top-level navigation). In a 2,000-innovation catalog they
# weigh 18–25 KB. A page carrying the catalog would add at least 2,000 links of ~100 bytes
# (200 KB); even one region's or sector's full list runs to tens of KB. 64 KB leaves room for a long
# narrative and a dozen awards while failing on any of those.
MAX_INNOVATION_PAGE = 64 * 1024
MAX_RELATED_LINKS = 8 + 1 + REPLICATIONS_SHOWN


def test_no_innovation_page_carries_the_catalog(generated_site):
    root, site = generated_site
    records = innovations(root)
    assert len(records) == 2000
    sizes = {}
    for innovation_id in records:
        url = f"inovasi/{innovation_id}/"
        path = site / url / "index.html"
        sizes[innovation_id] = path.stat().st_size
        related = [t for t in link_targets(BeautifulSoup(path.read_text("utf-8"), "html.parser"), url)
                   if t.startswith("inovasi/") and t.count("/") == 3 and not t.startswith("inovasi/halaman/")]
        assert len(set(related) - {url}) <= MAX_RELATED_LINKS, innovation_id
    largest = max(sizes, key=sizes.get)
    assert sizes[largest] <= MAX_INNOVATION_PAGE, f"{largest}: {sizes[largest]} bytes"


def test_listings_are_paginated_and_complete(generated_site):
    root, site = generated_site
    records = innovations(root)
    listed = listing_ids(site, "inovasi/")
    assert sorted(listed) == sorted(records)
    assert listed == sorted(listed, key=lambda i: (records[i]["title"].casefold(), i)), "sorted by title"
    pages = math.ceil(len(records) / PAGE_SIZE)
    assert (site / "inovasi" / "halaman" / str(pages) / "index.html").is_file()
    assert not (site / "inovasi" / "halaman" / str(pages + 1)).exists()
    # The pager stays short on a middle page: first, last, and a window around the current page.
    middle = content(html(site, f"inovasi/halaman/{pages // 2}/"))
    assert len(middle.select_one(".etalase-pager").find_all(["a", "span"])) <= 12
    assert len(middle.select(".etalase-list > li")) == PAGE_SIZE


# -- live preview -------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


def wait_for(predicate, seconds: float = 120):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.5)
    return None


def test_serve_previews_valid_records_and_rebuilds_on_change(tmp_path):
    root = copy_repository(tmp_path)
    # An invalid record does not stop the preview: it is reported, and every valid record is shown.
    (root / "innovations" / "kota-batu" / "rusak.md").write_text("---\ntitle: Rusak\n---\n", "utf-8")
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, str(ROOT / "build.py"), "--root", str(root), "serve", "--dev-addr", f"127.0.0.1:{port}"],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    try:
        url = f"http://127.0.0.1:{port}/inovasi/kota-batu/adiarta/"
        first = wait_for(lambda: fetch(url))
        assert first and "<h1" in first and "ADIARTA" in first
        path = root / "innovations" / "kota-batu" / "adiarta.md"
        path.write_text(path.read_text("utf-8").replace("title: ADIARTA", "title: ADIARTA Baru", 1), "utf-8")
        assert wait_for(lambda: "ADIARTA Baru" in (fetch(url) or "")), "the page was rebuilt after the change"
        # Rebuilds are incremental (only changed pages are written): the listings that show it change too.
        region = f"http://127.0.0.1:{port}/daerah/kota-batu/"
        assert wait_for(lambda: "ADIARTA Baru" in (fetch(region) or "")), "the region's listing was rebuilt"
    finally:
        process.terminate()
        output = process.communicate(timeout=30)[0]
    assert "rusak.md" in output, "the invalid record's problem is printed"
