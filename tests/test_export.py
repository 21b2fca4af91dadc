"""/data/: the catalog as CSV, JSON and an Atom feed, as a journalist or a feed reader gets them."""

from __future__ import annotations

import csv
import io
import json
import posixpath
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from etalase import export
from etalase.validate import check_repository

from conftest import ROOT
from sample_repo import copy_sample, load

ATOM = "{http://www.w3.org/2005/Atom}"
XML_BASE = "{http://www.w3.org/XML/1998/namespace}base"


@pytest.fixture(scope="module")
def content():
    """The records as the loader reads them, counted here without the catalog the export uses."""
    checked = check_repository(ROOT)
    assert checked.ok
    return checked.content


def read_csv(path: Path) -> list[dict[str, str]]:
    raw = path.read_bytes()
    assert raw.startswith("\ufeff".encode()), "UTF-8 byte order mark, for Excel"
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))


def recipients(content) -> int:
    return sum(len(winner.recipients) for edition in content.editions for winner in edition.winners)


def test_innovations_csv_and_json(built_site, content):
    rows = read_csv(built_site / "data/inovasi.csv")
    assert list(rows[0]) == list(export.INNOVATION_COLUMNS)
    assert len(rows) == len(content.innovations)
    adiarta = next(row for row in rows if row["title"] == "ADIARTA")
    front = load(ROOT / "innovations/kota-batu/adiarta.md")
    assert (adiarta["region_name"], adiarta["province_name"]) == ("Kota Batu", "Jawa Timur")
    assert adiarta["sectors"].split("; ") == front["sectors"]
    assert adiarta["sector_names"] == "Kearsipan; Pertanahan"
    assert (built_site / adiarta["url"] / "index.html").is_file(), "url leads to the innovation's page"
    assert int(adiarta["award_count"]) >= 1

    data = json.loads((built_site / "data/inovasi.json").read_text("utf-8"))
    assert [item["id"] for item in data] == [row["id"] for row in rows]
    item = next(item for item in data if item["id"] == "kota-batu/adiarta")
    assert item["sectors"] == front["sectors"]
    lists = ("sectors", "sector_names", "evidence_urls")

    def from_csv(key: str, value: str):
        if key in ("award_count", "replication_count"):
            return int(value)
        return {"": None, "true": True, "false": False}.get(value, value) if key == "covid19" or not value else value

    assert {k: v for k, v in item.items() if k not in lists} == {
        k: from_csv(k, v) for k, v in adiarta.items() if k not in lists
    }
    assert item["evidence_urls"] == [] and adiarta["evidence_urls"] == ""


def test_awards_csv_and_json(built_site, content):
    rows = read_csv(built_site / "data/penghargaan.csv")
    assert list(rows[0]) == list(export.AWARD_COLUMNS)
    assert len(rows) == recipients(content)
    adiarta = [row for row in rows if row["recipient_id"] == "kota-batu/adiarta"]
    assert adiarta and all(row["region_name"] == "Kota Batu" and row["province_name"] == "Jawa Timur" for row in adiarta)
    for row in rows:
        assert (built_site / row["url"] / "index.html").is_file(), row["url"]
    dates = [row["ceremony_date"] for row in rows if row["ceremony_date"]]
    assert dates == sorted(dates, reverse=True), "newest first"

    data = json.loads((built_site / "data/penghargaan.json").read_text("utf-8"))
    assert len(data) == len(rows)
    assert [(d["program"], d["year"], d["recipient_id"], d["title"]) for d in data] == [
        (r["program"], int(r["year"]), r["recipient_id"], r["title"]) for r in rows]


def test_index_csv_and_json(built_site, content):
    """One row per region per year of content/indeks/, as the loader reads them."""
    scores = [(index.year, score) for index in content.indexes for score in index.scores]
    rows = read_csv(built_site / "data/indeks.csv")
    assert len(rows) == len(scores) > 0
    banjarmasin = next(r for r in rows if r["region_code"] == "63.71" and r["year"] == "2020")
    assert (banjarmasin["region_name"], banjarmasin["province_code"], banjarmasin["province_name"]) == \
        ("Kota Banjarmasin", "63", "Kalimantan Selatan")
    assert (banjarmasin["score"], banjarmasin["predicate"], banjarmasin["predicate_name"]) == \
        ("", "sangat-inovatif", "Sangat Inovatif")
    assert banjarmasin["url"].rstrip("/").endswith("indeks/2020")
    data = json.loads((built_site / "data/indeks.json").read_text("utf-8"))
    assert [(r["year"], r["region_code"]) for r in data] == [(int(r["year"]), r["region_code"]) for r in rows]
    assert next(r for r in data if r["region_code"] == "63.71")["score"] is None


def test_feed_lists_the_latest_awards_with_links_to_their_editions(built_site, content):
    feed = ET.parse(built_site / "data/penghargaan.xml").getroot()
    assert feed.tag == f"{ATOM}feed"
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) == min(export.FEED_ENTRIES, recipients(content))
    ids = [entry.findtext(f"{ATOM}id") for entry in entries]
    assert len(set(ids)) == len(ids) and all(i.startswith("urn:uuid:") for i in ids)
    updated = [entry.findtext(f"{ATOM}updated") for entry in entries]
    assert updated == sorted(updated, reverse=True) and feed.findtext(f"{ATOM}updated") == updated[0]
    # Built without a site address: links are resolved from the feed's folder through xml:base.
    base = posixpath.normpath(posixpath.join("data", feed.get(XML_BASE)))
    for entry in entries:
        href = entry.find(f"{ATOM}link").get("href")
        assert href.startswith("penghargaan/"), href
        page = built_site / posixpath.join(base, href) / "index.html"
        assert page.is_file(), href
        heading = BeautifulSoup(page.read_text("utf-8"), "html.parser").select_one("article h1").get_text(strip=True)
        assert heading in entry.findtext(f"{ATOM}summary"), "the link leads to the award's own edition"

    home = BeautifulSoup((built_site / "index.html").read_text("utf-8"), "html.parser")
    alternate = home.select_one('head link[rel="alternate"][type="application/atom+xml"]')
    assert alternate and (built_site / alternate["href"]).is_file()


def test_data_page_describes_each_file(built_site):
    soup = BeautifulSoup((built_site / "data/index.html").read_text("utf-8"), "html.parser")
    rows = soup.select("table#unduhan tbody tr")
    assert len(rows) == 7
    for row in rows:
        link = row.select_one("a")
        path = built_site / "data" / link["href"]
        assert path.is_file(), link["href"]
        content = path.read_bytes()
        counted = content.count(b"<entry>") if path.suffix == ".xml" else (
            len(json.loads(content)) if path.suffix == ".json" else len(read_csv(path)))
        assert int(row.select_one("[data-rows]")["data-rows"]) == counted, path.name
    text = soup.get_text(" ")
    assert "data dari sumber berita yang dikutip" in text
    assert all(column in text for column in export.INNOVATION_COLUMNS + export.AWARD_COLUMNS + export.INDEX_COLUMNS)
    tabs = [a.get_text(strip=True) for a in soup.select(".md-tabs a")]
    assert "Data" in tabs, "a top-level navigation entry"


def test_formulas_are_neutralised_and_markup_escaped(tmp_path):
    repo = copy_sample(tmp_path)
    path = repo / "innovations/kota-batu/adiarta.md"
    title = '=HYPERLINK("https://contoh.example","<script>x</script> & klik")'
    text = path.read_text("utf-8").replace("title: ADIARTA", f"title: '{title}'")
    text = text.replace("unit: Dinas Perpustakaan dan Kearsipan", "unit: '@SUM(1+1)'")
    path.write_text(text, "utf-8")
    index = repo / "content/indeks/2020.yml"
    index.write_text(index.read_text("utf-8").replace("    note: Predikat", "    note: -1+1 Predikat", 1), "utf-8")
    checked = check_repository(repo)
    assert checked.ok, checked.problems
    files = {f.name: f.content for f in export.data_files(
        checked.catalog, title="Uji", innovation_url=lambda i: f"inovasi/{i.id}/",
        edition_url=lambda e: f"penghargaan/{e.program}/{e.year}/", index_url=lambda year: f"indeks/{year}/",
        feed_url="data/penghargaan.xml", home_url="",
    )}
    row = next(r for r in csv.DictReader(io.StringIO(files["inovasi.csv"].decode("utf-8-sig"), newline=""))
               if r["id"] == "kota-batu/adiarta")
    assert row["title"] == "'" + title, "a spreadsheet shows the text instead of running it"
    assert row["unit"].startswith("'@")
    award = next(r for r in csv.DictReader(io.StringIO(files["penghargaan.csv"].decode("utf-8-sig"), newline=""))
                 if r["recipient_id"] == "kota-batu/adiarta")
    assert award["recipient_name"] == "'" + title
    [score] = csv.DictReader(io.StringIO(files["indeks.csv"].decode("utf-8-sig"), newline=""))
    assert score["note"].startswith("'-1+1 Predikat")
    # JSON is for programs, not spreadsheets: the value as written.
    assert next(i for i in json.loads(files["inovasi.json"]) if i["id"] == "kota-batu/adiarta")["title"] == title
    # The feed carries the text, escaped: it parses, and no markup of the content survives as markup.
    assert b"<script>" not in files["penghargaan.xml"]
    feed = ET.fromstring(files["penghargaan.xml"])
    titles = [e.findtext(f"{ATOM}title") for e in feed.iter(f"{ATOM}entry")]
    assert any(t.endswith(": " + title) for t in titles)

