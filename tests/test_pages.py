"""The site model (etalase.pages) in-process, without MkDocs or a build: ranking, stage views,
pagination, refs, URLs and the specs of the sample catalog."""

import datetime as dt

import pytest

from etalase.pages.options import SiteOptions
from etalase.pages.sections import page_specs
from etalase.pages.sections.awards import DONE, SCHEDULED, UNDATED, stage_views
from etalase.pages.sections.listing import paginate
from etalase.pages.sections.refs import refs
from etalase.pages.sections.winners import rank
from etalase.pages.urls import Urls
from etalase.records import Edition, Region
from etalase.site.accel.incremental import MANIFEST, Manifest
from etalase.validate import check_repository

from conftest import ROOT

TODAY = dt.date(2020, 7, 1)


def region(name: str, code: str) -> Region:
    return Region.model_validate({"code": code, "name": name, "kind": "kota"})


def edition(*stages: dict, winners: bool = False) -> Edition:
    data: dict = {"title": "Lomba", "stages": list(stages)}
    if winners:
        data["winners"] = [{"title": "Juara 1", "recipients": [{"region": "35.79"}]}]
    return Edition.model_validate(data)


@pytest.fixture(scope="module")
def catalog():
    return check_repository(ROOT).catalog


def test_ranking_ties_share_a_rank_and_the_next_rank_skips():
    batu, batam, bima, depok = (region(n, c) for n, c in
                                (("Kota Batu", "35.79"), ("Kota Batam", "21.71"), ("kota Bima", "52.72"), ("Kota Depok", "32.76")))
    places = rank([(depok, 1), (batu, 3), (bima, 3), (batam, 5)])
    # 1, 2, 2, 4; ties alphabetically, whatever the case of their names
    assert [(p.rank, p.awards, p.region.name) for p in places] == [
        (1, 5, "Kota Batam"), (2, 3, "Kota Batu"), (2, 3, "kota Bima"), (4, 1, "Kota Depok")]
    assert rank([]) == []
    assert [p.rank for p in rank([(batu, 2), (batam, 2), (bima, 2)])] == [1, 1, 1]


def test_stage_views_before_winners_are_announced():
    views = stage_views(edition({"kind": "pendaftaran"}, {"kind": "seleksi", "date": "2020-06-30"},
                                {"kind": "penjurian", "date": "2020-07-02"}, {"kind": "penyerahan"}), TODAY)
    # An undated registration followed by a selection held before the build date has happened.
    assert [view.status for view in views] == [DONE, DONE, SCHEDULED, UNDATED]
    # On the day itself a stage is over.
    assert [v.status for v in stage_views(edition({"kind": "seleksi", "date": "2020-07-01"}), TODAY)] == [DONE]


def test_stage_views_once_winners_are_announced_every_stage_is_over():
    views = stage_views(edition({"kind": "seleksi", "date": "2021-01-01"}, {"kind": "penyerahan"}, winners=True), TODAY)
    assert [view.status for view in views] == [DONE, DONE]


def test_pagination_is_bounded_and_keeps_every_entry():
    pages = list(paginate("daerah/kota-batu/", list(range(601)), 60))
    assert len(pages) == 11
    assert [url for url, _, _ in pages[:2]] == ["daerah/kota-batu/", "daerah/kota-batu/halaman/2/"]
    assert [entry for _, entries, _ in pages for entry in entries] == list(range(601))
    url, entries, pager = pages[5]
    assert (pager.number, pager.count, pager.first, pager.total, len(entries)) == (6, 11, 301, 601, 60)
    assert pager.previous == "daerah/kota-batu/halaman/5/" and pager.next == "daerah/kota-batu/halaman/7/"
    # first, …, two either side, …, last
    assert [link.label for link in pager.links] == ["1", "…", "4", "5", "6", "7", "8", "…", "11"]
    assert [link.label for link in pager.links if link.current] == ["6"]
    first, last = pages[0][2], pages[-1][2]
    assert first.previous is None and last.next is None and len(pages[-1][1]) == 1
    # An empty listing still has its one page.
    assert [(url, entries) for url, entries, _ in paginate("urusan/x/", [], 60)] == [("urusan/x/", [])]


def test_refs_hold_only_what_the_page_shows(catalog):
    innovation = catalog.innovations["kota-batu/adiarta"]
    found = refs(catalog, listed=[innovation])
    assert list(found.regions) == [innovation.region]
    assert sorted(found.sectors) == sorted(set(innovation.sectors))
    assert found.programs == {} and found.innovations == {}
    award = catalog.awards_by_innovation[innovation.id][0]
    found = refs(catalog, recipients=[award.recipient], editions=[award.edition])
    assert list(found.innovations) == [innovation.id] and list(found.regions) == [innovation.region]
    assert list(found.programs) == [award.edition.program]
    # A code the catalog does not hold (a record left out of a preview) is missing here too.
    assert refs(catalog, regions=["99.99"]).regions == {}


def test_urls_follow_the_options():
    options = SiteOptions(today=TODAY, innovations_prefix="innovations", data_prefix="unduh",
                          site_url="https://inovasi.example.id/")
    urls = Urls(options)
    assert urls.innovations() == "innovations/"
    assert urls.feed() == "unduh/penghargaan.xml"
    assert urls.absolute(urls.feed()) == "https://inovasi.example.id/unduh/penghargaan.xml"
    assert Urls(SiteOptions(today=TODAY)).absolute("data/inovasi.csv") == "data/inovasi.csv"
    assert Urls.src_uri("inovasi/kota-batu/adiarta/") == "inovasi/kota-batu/adiarta/index.md"


def test_specs_of_the_sample_follow_page_size_and_the_build_date(catalog):
    small = page_specs(catalog, Urls(SiteOptions(today=TODAY, page_size=3)), SiteOptions(today=TODAY, page_size=3))
    # The catalog's listing (the status listings under inovasi/keadaan/ share its template).
    listing = [spec for uri, spec in small.items() if uri.startswith("inovasi/") and not uri.startswith("inovasi/keadaan/")
               and spec.template == "etalase/innovations.html"]
    assert len(listing) == -(-len(catalog.innovations) // 3)
    assert all(len(spec.context["items"]) <= 3 for spec in listing)
    assert listing[1].title == "Semua inovasi, halaman 2"

    def statuses(today: dt.date) -> set[str]:
        options = SiteOptions(today=today)
        specs = page_specs(catalog, Urls(options), options)
        return {view.status for spec in specs.values() if spec.template == "etalase/edition.html"
                for view in spec.context["stages"]}

    # Long after every edition, no stage of the sample is still waiting for its date.
    assert SCHEDULED not in statuses(dt.date(2100, 1, 1))


def test_manifest_round_trip_and_what_counts_as_unchanged(tmp_path):
    (tmp_path / "inovasi").mkdir()
    (tmp_path / "inovasi" / "index.html").write_text("<p>x</p>", "utf-8")
    Manifest("situs", {"inovasi/index.md": ["d1", "inovasi/index.html"], "cari/index.md": ["d2", "cari/index.html"]},
             "cari").write(tmp_path)
    manifest = Manifest.take(tmp_path)
    assert manifest is not None and (manifest.site, manifest.search) == ("situs", "cari")
    assert not (tmp_path / MANIFEST).exists(), "taken away: a build that fails leaves none behind"
    assert Manifest.take(tmp_path) is None
    assert manifest.unchanged("inovasi/index.md", "d1", tmp_path)
    assert not manifest.unchanged("inovasi/index.md", "d9", tmp_path), "another digest"
    assert not manifest.unchanged("cari/index.md", "d2", tmp_path), "its output is gone"
    assert not manifest.unchanged("baru/index.md", "d1", tmp_path), "a page the previous build did not have"
    # A manifest of another layout, or not JSON, is no manifest: the build is a full one.
    (tmp_path / MANIFEST).write_text('{"site": "situs", "version": 0}', "utf-8")
    assert Manifest.take(tmp_path) is None
    (tmp_path / MANIFEST).write_text("{", "utf-8")
    assert Manifest.take(tmp_path) is None
