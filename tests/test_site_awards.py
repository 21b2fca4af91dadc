"""The award pages of the built sample site, read as a visitor reads them: what the seed articles
say must be on the pages, in the right order, with counts that match the records.

Expected values come from the content files and the seed article, never from the site's code.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup, Tag

ROOT = Path(__file__).resolve().parents[1]
AWARDS = ROOT / "content" / "awards"
# The Klikkalimantan article on IGA 2020: the source of the winners list.
IGA_ARTICLE = Path(__file__).parent / "seeds" / "004_ef1a1edba85d3e6f.txt"


def page(site: Path, url: str) -> BeautifulSoup:
    path = site / url / "index.html"
    assert path.is_file(), f"/{url} was not built"
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def content(soup: BeautifulSoup) -> Tag:
    return soup.select_one("article.md-content__inner")


def text(tag: Tag) -> str:
    return " ".join(tag.get_text(" ").split())


def squash(name: str) -> str:
    """Names compared as written in different sources: 'Pare-Pare' = 'Parepare', 'Pangkal Pinang' = 'Pangkalpinang'."""
    return re.sub(r"[^a-z]", "", name.casefold())


def table_after(heading: Tag) -> Tag:
    table = heading.find_next("table")
    assert table is not None, f"no table after {text(heading)!r}"
    return table


def load(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def editions() -> dict[tuple[str, int], dict]:
    return {(p.parent.name, int(p.stem)): load(p) for p in sorted(AWARDS.glob("*/[0-9][0-9][0-9][0-9].yml"))}


def recipient_regions(winner: dict) -> set[str]:
    """The region codes a winner entry counts for: a recipient's own, or its innovation's (from its file)."""
    codes = set()
    for recipient in winner["recipients"]:
        if "innovation" in recipient:
            front_matter = (ROOT / "innovations" / f"{recipient['innovation']}.md").read_text(encoding="utf-8")
            recipient = yaml.safe_load(front_matter.split("---")[1])
        codes.add(str(recipient["region"]))
    return codes


# -- edition pages -----------------------------------------------------------------------------

def article_winners() -> dict[str, list[str]]:
    """{'Kota': [...], 'Kabupaten': [...]} as listed by the article ("... diberikan kepada Kota A, B, dan C.")."""
    found: dict[str, list[str]] = {"Kota": [], "Kabupaten": []}
    for kind, names in re.findall(r"(?:kepada|Kemudian) (Kota|Kabupaten) ([^.]+)\.", IGA_ARTICLE.read_text(encoding="utf-8")):
        found[kind] += [n.strip() for n in re.split(r",\s*(?:dan\s+)?|\s+dan\s+", names) if n.strip()]
    return found


def test_iga_2020_lists_every_city_and_regency_named_in_the_article(built_site):
    named = article_winners()
    assert len(named["Kota"]) >= 10 and len(named["Kabupaten"]) >= 10, named  # the parse found the lists
    soup = page(built_site, "penghargaan/innovative-government-award/2020")
    for category, kind in (("kota", "Kota"), ("kabupaten", "Kabupaten")):
        rows = table_after(soup.find(id=f"kategori-{category}")).select("tbody tr")
        listed = [squash(text(row.select_one(".etalase-recipient"))) for row in rows]
        missing = [name for name in named[kind] if squash(f"{kind} {name}") not in listed]
        assert not missing, f"{kind} named in the article but not on the page: {missing}"
        assert len(listed) == len(named[kind])
        # each region links to its profile
        for row in rows:
            href = row.select_one(".etalase-recipient a")["href"]
            assert "daerah/" in href


def test_batu_2020_lists_the_top_5_in_rank_order_linked_to_their_pages(built_site):
    url = "penghargaan/kompetisi-inovasi-pelayanan-publik-kota-batu/2020"
    soup = page(built_site, url)
    rows = table_after(soup.find(id="kategori-top-5")).select("tbody tr")
    names = [text(row.select_one("a.etalase-recipient")) for row in rows]
    assert names == ["TV Desa", "ADIARTA", "AMONG ABDI PRAJA", "PUSPAGA", "Ada Kelas di ATV"]
    assert [text(row.select_one(".etalase-rank")) for row in rows] == ["1", "2", "3", "4", "5"]
    assert "Top 5, peringkat pertama" in text(rows[0])
    for row in rows:
        target = (built_site / url / row.select_one("a.etalase-recipient")["href"]).resolve()
        assert (target / "index.html").is_file(), f"broken innovation link {target}"
    # the unit that received Best Support is named with its region
    support = text(table_after(soup.find(id="kategori-best-support")))
    assert "LPPL ATV" in support and "Kota Batu" in support
    # the ceremony: 17 February 2021, for the 2020 edition
    stages = soup.select("ol.etalase-timeline > li")
    assert "17 Februari 2021" in text(stages[0]) and "Hotel Aston Inn Kota Batu" in text(stages[0])


def test_batam_2023_shows_its_stages_and_that_winners_are_not_yet_announced(built_site):
    record = editions()[("lomba-inovasi-daerah-kota-batam", 2023)]
    soup = content(page(built_site, "penghargaan/lomba-inovasi-daerah-kota-batam/2023"))
    notice = soup.select_one(".admonition")
    assert "Pemenang belum diumumkan" in text(notice)
    assert "Sosialisasi" in text(notice) and "31 Januari 2023" in text(notice)  # where it stands
    assert "Pendaftaran" in text(notice)  # and what comes next
    stages = soup.select("ol.etalase-timeline > li")
    assert len(stages) == len(record["stages"])
    assert "31 Januari 2023" in text(stages[0]) and "Selesai" in text(stages[0])
    assert "Kantor Wali Kota Batam" in text(stages[0]) and "Jefridin" in text(stages[0])
    for stage in stages[1:]:  # undated, still to come, in the order of the file
        assert "Tanggal belum diumumkan" in text(stage) and "Selesai" not in text(stage)
    assert [text(s.strong) for s in stages[1:]] == ["Pendaftaran", "Seleksi", "Penjurian", "Penetapan pemenang"]
    assert soup.find(id="pemenang") is None  # no winners table
    body = text(soup)
    for category in record["categories"]:
        assert category["name"] in body
    for rule in record["legal_basis"]:
        assert rule in body
    for figure in record["figures"]:
        assert f"{figure['value']} {figure['label']}" in body


def test_an_edition_page_shows_figures_clusters_and_sectors(built_site):
    record = editions()[("lomba-inovasi-tatanan-normal-baru", 2020)]
    body = text(content(page(built_site, "penghargaan/lomba-inovasi-tatanan-normal-baru/2020")))
    assert "2.517 Video inovasi peserta" in body and "460 Daerah peserta" in body
    for item in record["clusters"] + record["contested_sectors"]:
        assert item in body
    assert "Diterima oleh Wakil Wali Kota Batam Amsakar Achmad" in body
    assert "Batam Juara Favorit Lomba Inovasi New Normal" in body  # the winner's source


# -- award timelines ---------------------------------------------------------------------------

def test_batam_profile_shows_its_2020_favourite_award_with_date_and_presenter(built_site):
    soup = page(built_site, "daerah/kota-batam")
    timeline = soup.select_one("ol.etalase-award-timeline")
    assert timeline is not None, "no award timeline on Batam's profile"
    favourite = next(item for item in timeline.select("li.etalase-timeline__item") if "Juara Favorit" in text(item))
    assert "22 Juni 2020" in text(favourite)
    assert favourite.find("time")["datetime"] == "2020-06-22"
    assert "Menteri Dalam Negeri Tito Karnavian" in text(favourite)
    assert "lomba-inovasi-tatanan-normal-baru/2020/" in favourite.find("a")["href"]
    # every award of Batam in the records, across programs
    expected = sum(1 for edition in editions().values() for w in edition.get("winners", [])
                   if "21.71" in recipient_regions(w))
    assert len(timeline.select("li.etalase-award")) == expected


def test_a_region_timeline_is_newest_first(built_site):
    items = page(built_site, "daerah/kota-batu").select("ol.etalase-award-timeline > li.etalase-timeline__item")
    assert len(items) >= 2
    dates = [item.find("time")["datetime"] for item in items if item.find("time")]
    assert dates == sorted(dates, reverse=True)
    # the Top 5 of 17 February 2021 comes before the undated 2020 East Java nomination
    assert "17 Februari 2021" in text(items[0]) and "Nominasi Top 30" in text(items[-1])
    # within an edition, by rank
    top5 = [text(a) for a in items[0].select("li.etalase-award a") if "inovasi/" in a["href"]]
    assert top5 == ["TV Desa", "ADIARTA", "AMONG ABDI PRAJA", "PUSPAGA", "Ada Kelas di ATV"]


def test_penakk_pkk_shows_its_east_java_top_30_nomination_as_a_badge(built_site):
    soup = content(page(built_site, "inovasi/kota-batu/penakk-pkk"))
    badges = soup.select("ul.etalase-badges a.etalase-badge")
    assert badges, "no award badges"
    badge = next(b for b in badges if "Nominasi Top 30" in text(b))
    assert "Jawa Timur" in text(badge) and "2020" in text(badge)
    assert badge["href"].endswith("penghargaan/kompetisi-inovasi-pelayanan-publik-jawa-timur/2020/")
    # near the top: before the first section heading of the page
    first_h2 = soup.find("h2")
    assert first_h2 is None or badge.sourceline < first_h2.sourceline


# -- programs and winners ----------------------------------------------------------------------

def test_program_page_lists_its_editions_with_winner_counts(built_site):
    for (program, year), record in editions().items():
        soup = content(page(built_site, f"penghargaan/{program}"))
        item = next(li for li in soup.select("ol.etalase-timeline > li") if text(li).startswith(str(year)))
        winners = len(record.get("winners", []))
        assert (f"{winners} pemenang" if winners else "Pemenang belum diumumkan") in text(item)
        assert load(AWARDS / program / "program.yml")["organizer"] in text(soup)


def listing(site: Path, url: str) -> list[tuple[str, BeautifulSoup]]:
    """Every page of a paginated listing, from its first page along the pager's "next" links."""
    found = []
    while url is not None:
        soup = page(site, url)
        found.append((url, soup))
        following = soup.select_one(".etalase-pager a[rel=next]")
        url = (Path("/", url) / following["href"]).resolve().relative_to("/").as_posix() if following else None
    return found


def year_links(soup: BeautifulSoup) -> dict[int, str]:
    """Year → site-relative URL of its winner pages, from the year table of `/pemenang/`."""
    return {int(text(a)): (Path("/pemenang") / a["href"]).resolve().relative_to("/").as_posix()
            for a in soup.select("#tabel-tahun tbody td:first-child a")}


def listed_winners(site: Path, url: str) -> Counter:
    """Winner entries per (program, year) on every page of one year's winners."""
    listed: Counter = Counter()
    for _, soup in listing(site, url):
        for block in soup.select(".etalase-winners[data-edition]"):
            program, year = block["data-edition"].split("/")
            listed[(program, int(year))] += len(block.select("tbody tr"))
    return listed


def test_winner_counts_equal_the_winner_entries_in_the_records(built_site):
    records = editions()
    total = sum(len(r.get("winners", [])) for r in records.values())
    soup = content(page(built_site, "pemenang"))
    assert text(soup.find(id="jumlah-pemenang")) == str(total)
    # by program: one row per edition
    program_rows = soup.select("#tabel-program tbody tr")
    counted = {}
    for row in program_rows:
        cells = row.find_all("td")
        program = cells[0].a["href"].rstrip("/").split("/")[-1]
        counted[(program, int(text(cells[1])))] = int(text(cells[2]).split()[0])
    assert counted == {key: len(r.get("winners", [])) for key, r in records.items()}
    assert text(soup.select_one("#tabel-program tfoot td")) == str(total)
    # by year: the year table's counts, and every winner entry as one row on its year's pages, under its edition
    per_year = Counter()
    for (_, year), record in records.items():
        per_year[year] += len(record.get("winners", []))
    years = {int(text(row.td)): int(text(row.find_all("td")[2])) for row in soup.select("#tabel-tahun tbody tr")}
    assert years == dict(per_year)
    assert text(soup.select_one("#tabel-tahun tfoot td")) == str(total)
    listed: Counter = Counter()
    for year, url in year_links(soup).items():
        on_pages = listed_winners(built_site, url)
        assert {y for _, y in on_pages} <= {year}, url
        listed += on_pages
    assert dict(listed) == {key: len(r["winners"]) for key, r in records.items() if r.get("winners")}
    # the sample's largest year runs over two pages: the edition cut by the page break goes on, marked
    assert len(listing(built_site, "pemenang/2020/")) > 1
    assert "(lanjutan)" in text(content(listing(built_site, "pemenang/2020/")[1][1]).h2)


def expected_city_awards() -> Counter:
    """Winner entries per city/regency code, from the records: a region's own awards, its units' and its innovations'."""
    counts: Counter = Counter()
    for record in editions().values():
        for winner in record.get("winners", []):
            counts.update(code for code in recipient_regions(winner) if "." in code)
    return counts


def ranking_rows(soup: BeautifulSoup) -> list[tuple[str, int, int]]:
    """(region, rank, awards) for each row of a city/regency ranking table, in page order."""
    rows = []
    for row in soup.select("#tabel-peringkat-kota tbody tr"):
        rank, awards, region = row.find_all("td")
        rows.append((text(region), int(text(rank)), int(text(awards))))
    return rows


def test_regions_are_ranked_by_awards_with_ties_sharing_a_rank(built_site):
    names = {str(r["code"]): r["name"] for r in load(ROOT / "content" / "regions.yml")}
    expected = {names[code]: count for code, count in expected_city_awards().items()}
    full = [row for _, soup in listing(built_site, "pemenang/peringkat/") for row in ranking_rows(content(soup))]
    assert "berbagi peringkat" in text(page(built_site, "pemenang/peringkat/").select_one(".etalase-ranking-rule"))
    assert {region: awards for region, _, awards in full} == expected
    assert len(full) == len(expected)  # each region once
    for region, rank, awards in full:
        # standard competition ranking: one more than the number of regions with more awards
        assert rank == 1 + sum(1 for other in expected.values() if other > awards), region
    assert [awards for _, _, awards in full] == sorted(expected.values(), reverse=True)
    # `/pemenang/` shows the top of the same ranking, states the rule and links the full ranking
    soup = content(page(built_site, "pemenang"))
    assert "berbagi peringkat" in text(soup.select_one("#peringkat-daerah ~ .admonition"))
    top = ranking_rows(soup)
    assert 0 < len(top) < len(full) and top == full[:len(top)]
    assert soup.find(id="peringkat-lengkap")["href"].rstrip("/").endswith("peringkat")


# A winner page holds at most a page of winner entries (60 rows of ~400 bytes) or of ranked regions
# in the theme's frame (~12 KB); `/pemenang/` holds counts per edition and the top of the ranking.
# The single page it replaces was 111 KB at 1,000 innovations and 878 KB at 10,000.
MAX_WINNER_PAGE = 64 * 1024


def test_no_winner_page_grows_with_the_catalog(generated_site):
    root, site = generated_site
    sizes = {path.relative_to(site).as_posix(): path.stat().st_size for path in (site / "pemenang").rglob("index.html")}
    largest = max(sizes, key=sizes.get)
    assert sizes[largest] <= MAX_WINNER_PAGE, f"{largest}: {sizes[largest]} bytes"
    # and nothing was dropped to stay small: every winner entry of the generated records is listed
    records = {(p.parent.name, int(p.stem)): load(p) for p in (root / "content" / "awards").glob("*/[0-9]*.yml")}
    expected = {key: len(r["winners"]) for key, r in records.items() if r.get("winners")}
    assert sum(expected.values()) > 2 * 60, "the generated catalog is big enough to need several pages"
    listed: Counter = Counter()
    for url in year_links(content(page(site, "pemenang"))).values():
        listed += listed_winners(site, url)
    assert dict(listed) == expected


def test_generated_award_pages_stay_out_of_the_navigation(built_site):
    soup = page(built_site, "pemenang")
    nav = [a.get("href", "") for a in soup.select("nav.md-nav--primary a, nav.md-tabs a")]
    assert any(href.rstrip("/").endswith("penghargaan") for href in nav)
    assert not [href for href in nav if re.search(r"penghargaan/[a-z0-9-]+/", href)], nav


# -- on a phone ---------------------------------------------------------------------------------

@pytest.mark.parametrize("url", ["penghargaan/innovative-government-award/2020/", "daerah/kota-batam/", "pemenang/"])
def test_award_pages_fit_a_phone_screen(phone, site_url, url):
    phone.goto(site_url + url)
    overflow = phone.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"/{url} is {overflow}px wider than the phone screen"
