"""Pictures resized at build time, link previews (Open Graph, Twitter) and schema.org JSON-LD.

The sample site is read as built; a copy with two generated pictures (tests/pictures_repo.py), a
hostile title and SITE_URL set is built once for this module.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from PIL import Image

from etalase.images import Pictures
from etalase.site.admin import PREFIX as ADMIN
from etalase.validate import check_repository

from conftest import ROOT
from pictures_repo import with_pictures

HOSTILE = "</script><script>alert(1)</script>"
HOSTILE_FILE = "innovations/kota-batu/among-abdi-praja.md"
SITE_URL = "https://contoh.go.id/etalase/"


def soup_of(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text("utf-8"), "html.parser")


def pages(site: Path) -> list[Path]:
    """The site's pages: not the search index's files, nor the editor (/admin/, Decap's own page, not for sharing)."""
    return sorted(p for p in site.rglob("index.html") if not {"pagefind", ADMIN} & set(p.relative_to(site).parts))


def json_ld(soup: BeautifulSoup) -> list[dict]:
    return [json.loads(script.string) for script in soup.find_all("script", type="application/ld+json")]


def og(soup: BeautifulSoup, name: str) -> str:
    tag = soup.find("meta", attrs={"property": f"og:{name}"})
    assert tag is not None, name
    return tag["content"]


@pytest.fixture(scope="module")
def pictured(tmp_path_factory) -> tuple[Path, Path]:
    root = with_pictures(tmp_path_factory.mktemp("pictured"))
    path = root / HOSTILE_FILE
    text = path.read_text("utf-8")
    text = re.sub(r"^title: .*$", f"title: '{HOSTILE}'", text, count=1, flags=re.M)
    text = text.replace("summary: >-\n", f"summary: >-\n  {HOSTILE} &amp; <b>tebal</b>\n", 1)
    path.write_text(text, "utf-8")
    site = tmp_path_factory.mktemp("pictured-site")
    result = subprocess.run([sys.executable, str(ROOT / "build.py"), "--root", str(root), "build", "--site-dir", str(site)],
                            capture_output=True, text=True, cwd=root, env={**os.environ, "SITE_URL": SITE_URL})
    assert result.returncode == 0, result.stdout + result.stderr
    return root, site


# -- the sample site ----------------------------------------------------------------------------


def test_every_page_has_link_preview_tags_and_its_json_ld_parses(built_site):
    catalog = check_repository(ROOT).catalog
    kinds = {"inovasi": 0, "program": 0, "edisi": 0}
    for path in pages(built_site):
        soup = soup_of(path)
        title = og(soup, "title")
        assert title and og(soup, "description"), path
        assert soup.find("meta", attrs={"name": "twitter:card"})["content"] == "summary_large_image"
        image = og(soup, "image")
        assert (path.parent / image).resolve().is_file(), (path, image)
        # X reads the title, description and picture from the og: tags; they are not said twice.
        assert not soup.find("meta", attrs={"name": ["twitter:title", "twitter:description", "twitter:image"]})
        assert soup.find("meta", attrs={"property": "og:url"}) is None  # no SITE_URL: no address to give
        for data in json_ld(soup):
            assert data["@context"] == "https://schema.org"
            relative = path.parent.relative_to(built_site).as_posix()
            if data["@type"] == "GovernmentService":
                kinds["inovasi"] += 1
                innovation = catalog.innovations[relative.removeprefix("inovasi/")]
                assert data["name"] == innovation.title == soup.find("h1").get_text(strip=True)
                region = catalog.regions[innovation.region]
                assert data["areaServed"]["name"] == region.name
                assert data["areaServed"]["containedInPlace"]["name"] == catalog.province_of(region).name
                awards = catalog.awards_by_innovation.get(innovation.id, [])
                assert data.get("award", []) == [f"{a.winner.title} — {a.edition.title}" for a in awards]
                assert "url" not in data  # relative addresses would be read against the page's
            elif data["@type"] == "EventSeries":
                kinds["program"] += 1
                program = catalog.programs[relative.split("/")[1]]
                assert data["organizer"] == {"@type": "Organization", "name": program.organizer}
                assert [e["name"] for e in data["subEvent"]] == [e.title for e in catalog.editions_by_program[program.id]]
            elif data["@type"] == "Event":
                kinds["edisi"] += 1
                _, program, year = relative.split("/")
                edition = catalog.editions[(program, int(year))]
                assert data["name"] == edition.title
                assert data["organizer"]["@type"] == "Organization"
                assert data["organizer"]["name"] == (edition.organizer or catalog.programs[program].organizer)
                if edition.ceremony and edition.ceremony.date:
                    assert data["endDate"] >= edition.ceremony.date.isoformat()
            else:
                pytest.fail(f"{path}: unexpected @type {data['@type']}")
    assert kinds == {"inovasi": len(catalog.innovations), "program": len(catalog.programs), "edisi": len(catalog.editions)}


def test_the_site_card_is_a_large_preview_picture(built_site):
    with Image.open(built_site / "assets" / "etalase" / "kartu-situs.png") as card:
        assert card.size == (1200, 630)


def test_no_page_loads_a_script_or_font_from_another_host(built_site):
    for path in pages(built_site):
        soup = soup_of(path)
        for tag, attribute in (("script", "src"), ("link", "href"), ("img", "src"), ("source", "srcset"),
                               ("iframe", "src"), ("use", "href")):
            for element in soup.find_all(tag):
                value = element.get(attribute) or ""
                if tag == "link" and element.get("rel") not in (["stylesheet"], ["preload"], ["modulepreload"], ["icon"]):
                    continue  # canonical, alternate (feeds): addresses, not loads
                assert not urlsplit(value).netloc and not value.startswith("//"), (path, tag, value)
    for css in built_site.rglob("*.css"):
        for url in re.findall(r"url\(\s*['\"]?([^)'\"]+)", css.read_text("utf-8")):
            assert not re.match(r"(https?:)?//", url), (css, url)


# -- pictures -----------------------------------------------------------------------------------


def test_pictures_are_resized_to_a_few_widths_in_webp_and_their_own_format(pictured):
    _, site = pictured
    page = site / "inovasi" / "kota-batu" / "adiarta"
    soup = soup_of(page / "index.html")
    pictures = soup.select("figure.etalase-picture picture")
    assert len(pictures) == 2
    for picture, widths, fallback in ((pictures[0], [320, 640, 1280], "JPEG"), (pictures[1], [320, 500], "PNG")):
        source, img = picture.find("source"), picture.find("img")
        assert source["type"] == "image/webp"
        for srcset, kind in ((source["srcset"], "WEBP"), (img["srcset"], fallback)):
            entries = [entry.split() for entry in srcset.split(", ")]
            assert [int(w.rstrip("w")) for _, w in entries] == widths
            for url, width in entries:
                with Image.open((page / url).resolve()) as resized:
                    assert resized.format == kind and resized.width == int(width.rstrip("w"))
        assert img["loading"] == "lazy"
        with Image.open((page / img["src"]).resolve()) as largest:
            assert (int(img["width"]), int(img["height"])) == largest.size
    assert pictures[0].find("img")["alt"].startswith("Gambar uji")
    with Image.open((page / pictures[1].find("img")["src"]).resolve()) as diagram:
        assert diagram.mode == "RGBA"  # its transparency is kept


def test_the_first_picture_is_the_card_on_listings_and_the_link_preview(pictured):
    _, site = pictured
    listing = soup_of(site / "inovasi" / "index.html")
    cards = listing.select("img.etalase-card-image")
    assert len(cards) == 1 and cards[0]["alt"] == ""  # decorative: the title follows
    entry = cards[0].find_parent("li")
    assert entry.find("a", class_="etalase-list__title").get_text() == "ADIARTA"
    assert int(cards[0]["width"]) == 320 and cards[0]["loading"] == "lazy"
    page = soup_of(site / "inovasi" / "kota-batu" / "adiarta" / "index.html")
    first = page.select_one("figure.etalase-picture img")["src"]
    expected = SITE_URL + first.replace("../", "")
    assert og(page, "image") == expected
    assert json_ld(page)[0]["image"] == [SITE_URL + img["src"].replace("../", "")
                                         for img in page.select("figure.etalase-picture img")]


def test_a_programs_logo_is_resized_and_is_its_link_preview(pictured):
    _, site = pictured
    page = site / "penghargaan" / "innovative-government-award"
    soup = soup_of(page / "index.html")
    img = soup.select_one(".etalase-logo picture img")
    assert img["alt"] == "Logo Innovative Government Award"
    assert [entry.split()[1] for entry in soup.select_one(".etalase-logo source")["srcset"].split(", ")] == ["320w", "400w"]
    with Image.open((page / img["src"]).resolve()) as logo:
        assert logo.size == (400, 400) and logo.mode == "RGBA"
    assert og(soup, "image") == SITE_URL + img["src"].replace("../", "")


def test_an_unchanged_picture_is_not_resized_again(tmp_path):
    content = tmp_path / "content"
    (content / "images").mkdir(parents=True)
    Image.new("RGB", (900, 600), "#00695c").save(content / "images" / "a.jpg")
    cache = tmp_path / "cache"
    first = Pictures(content, cache)
    picture = first.picture("images/a.jpg", "alt")
    assert first.processed == 1 and [v.width for v in picture.webp] == [320, 640, 900]
    again = Pictures(content, cache)
    assert again.picture("images/a.jpg", "alt") == picture and again.processed == 0
    assert again.files == first.files
    fresh = Pictures(content, tmp_path / "another-cache")  # resizing again gives the same bytes
    assert fresh.picture("images/a.jpg", "alt") == picture and fresh.processed == 1 and fresh.files == first.files
    Image.new("RGB", (900, 600), "#b3541e").save(content / "images" / "a.jpg")
    changed = Pictures(content, cache)
    assert changed.picture("images/a.jpg", "alt") != picture and changed.processed == 1
    assert Pictures(content, cache).picture("images/missing.jpg", "alt") is None
    (content / "images" / "broken.jpg").write_bytes(b"not an image")
    assert Pictures(content, cache).picture("images/broken.jpg", "alt") is None


def test_the_build_keeps_resized_pictures_in_the_users_cache_not_the_repository(pictured):
    root, _ = pictured
    cached = Path(os.environ["XDG_CACHE_HOME"]) / "etalase" / "images"
    assert len([d for d in cached.iterdir() if (d / "index.json").is_file()]) >= 2
    assert not list(root.rglob("*.webp"))


def test_the_browser_shows_webp_at_the_width_of_a_phone(pictured, browser):
    from browser import PHONE, serve

    _, site = pictured
    with serve(site) as url:
        context = browser.new_context(viewport=PHONE, device_scale_factor=1)
        page = context.new_page()
        page.goto(url + "inovasi/kota-batu/adiarta/")
        image = page.locator("figure.etalase-picture img").first
        image.scroll_into_view_if_needed()
        page.wait_for_function("() => document.querySelector('figure.etalase-picture img').complete")
        current = image.evaluate("img => img.currentSrc")
        assert current.endswith("-640.webp") or current.endswith("-320.webp"), current
        assert image.evaluate("img => img.naturalWidth") > 0
        box = image.bounding_box()
        assert box["width"] <= PHONE["width"]
        context.close()


# -- hostile content ----------------------------------------------------------------------------


def test_a_hostile_title_stays_inert_in_json_ld_and_link_previews(pictured, browser):
    from browser import serve

    _, site = pictured
    page_dir = site / "inovasi" / "kota-batu" / "among-abdi-praja"
    raw = (page_dir / "index.html").read_text("utf-8")
    assert "<script>alert(1)" not in raw and "<b>tebal" not in raw
    soup = soup_of(page_dir / "index.html")
    assert og(soup, "title") == HOSTILE
    assert og(soup, "description").startswith(HOSTILE)
    (data,) = json_ld(soup)
    assert data["name"] == HOSTILE
    assert "\\u003c/script\\u003e" in soup.find("script", type="application/ld+json").string
    assert data["url"] == SITE_URL + "inovasi/kota-batu/among-abdi-praja/"
    assert og(soup, "url") == soup.find("link", rel="canonical")["href"] == data["url"]
    for path in pages(site):  # listings, the region's page, the home page's highlights
        assert "<script>alert(1)" not in path.read_text("utf-8"), path
    with serve(site) as url:
        context = browser.new_context()
        tab = context.new_page()
        dialogs = []
        tab.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        for address in ("inovasi/kota-batu/among-abdi-praja/", "inovasi/", "daerah/kota-batu/", ""):
            tab.goto(url + address)
            tab.wait_for_load_state("load")
        assert dialogs == []
        assert tab.evaluate("() => [...document.scripts].filter(s => s.textContent.includes('alert(1)')"
                            " && s.type !== 'application/ld+json').length") == 0
        context.close()


def test_a_missing_logo_is_reported_with_its_file_and_line(tmp_path):
    from sample_repo import cli, copy_sample

    repo = copy_sample(tmp_path)
    path = repo / "content" / "awards" / "innovative-government-award" / "program.yml"
    text = path.read_text("utf-8") + "logo: images/tidak-ada.png\n"
    path.write_text(text, "utf-8")
    result = cli(repo, "validate")
    assert result.returncode == 1
    line = text.count("\n")
    assert (f"content/awards/innovative-government-award/program.yml:{line}:7: error: logo: gambar "
            "content/images/tidak-ada.png tidak ditemukan") in result.stdout
