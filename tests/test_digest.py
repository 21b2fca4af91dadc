"""Page digests (etalase/pages/digest.py): a page's digest changes when, and only when, its HTML can.

Digests come from the real repository files (check_repository, then every section's pages); the edit
tests also build the sample before and after the edit and compare the HTML of every generated page:
a page whose HTML changed always has a new digest.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import pickle
import re
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from etalase.generate import write_tree
from etalase.pages import search
from etalase.pages.digest import page_digest, page_digests
from etalase.pages.options import SiteOptions
from etalase.pages.sections import page_specs
from etalase.pages.spec import Derived, PageSpec
from etalase.pages.urls import Urls
from etalase.validate import check_repository

from conftest import ROOT, build_site

INNOVATION = "innovations/kota-batu/adiarta.md"  # awarded, in two sectors
# Every build and digest of this file is dated alike (edition stages are shown as done or scheduled).
DATE = {"SOURCE_DATE_EPOCH": "1700000000"}


def specs(root: Path) -> list[PageSpec]:
    options = SiteOptions(today=dt.datetime.fromtimestamp(int(DATE["SOURCE_DATE_EPOCH"]), dt.timezone.utc).date())
    return list(page_specs(check_repository(root).catalog, Urls(options), options).values())


def digests(root: Path) -> dict[str, str]:
    """URL -> digest of every generated page."""
    memo: dict = {}
    return {spec.url: page_digest(spec, memo) for spec in specs(root)}


def copy_sample(target: Path) -> Path:
    target.mkdir()
    for folder in ("content", "innovations"):
        shutil.copytree(ROOT / folder, target / folder)
    shutil.copy(ROOT / "mkdocs.yml", target)
    return target


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert text.count(old) == 1, f"{old!r} once in {path}"
    path.write_text(text.replace(old, new), "utf-8")


def html(site: Path, url: str) -> bytes:
    return (site / url / "index.html").read_bytes()


@pytest.fixture(scope="module")
def dated():
    with pytest.MonkeyPatch.context() as patch:
        for name, value in DATE.items():
            patch.setenv(name, value)
        yield


@pytest.fixture(scope="module")
def sample(tmp_path_factory, dated) -> tuple[Path, Path, dict[str, str]]:
    """An untouched copy of the sample: repository, built site, digests."""
    root = copy_sample(tmp_path_factory.mktemp("sample") / "repo")
    site = root.parent / "site"
    build_site(root, site)
    return root, site, digests(root)


def edited(sample, tmp_path: Path, change) -> tuple[dict[str, str], set[str], set[str]]:
    """Apply `change` to a copy of the sample; return its digests, the URLs whose digest changed and
    the URLs (present before and after) whose HTML changed."""
    root, site, before = sample
    copy = copy_sample(tmp_path / "repo")
    change(copy)
    build_site(copy, tmp_path / "site")
    after = digests(copy)
    new_digest = {url for url in after if before.get(url) != after[url]}
    new_html = {url for url in after if url in before and html(site, url) != html(tmp_path / "site", url)}
    return after, new_digest, new_html


def test_every_page_of_the_sample_and_of_a_generated_tree_has_its_own_digest(tmp_path, dated):
    from etalase.generate import write_tree

    write_tree(tmp_path / "generated", innovations=300, seed=3)
    for root in (ROOT, tmp_path / "generated"):
        pages = specs(root)
        found = page_digests(pages)  # raises TypeError on a context value it cannot read
        assert len(found) == len(pages) > 100
        assert len(set(found.values())) == len(pages), "two pages share a digest"
        assert all(re.fullmatch("[0-9a-f]{64}", digest) for digest in found.values())


def test_the_same_repository_gives_the_same_digests_twice_and_in_another_process(sample):
    root, _, first = sample
    assert digests(root) == first
    script = ("import json, sys; sys.path.insert(0, sys.argv[1]); from pathlib import Path; "
              "from test_digest import digests; print(json.dumps(digests(Path(sys.argv[2]))))")
    for seed in ("1", "2"):  # another str hash order, other object ids
        result = subprocess.run([sys.executable, "-c", script, str(Path(__file__).parent), str(root)],
                                capture_output=True, text=True, check=True,
                                env={**os.environ, **DATE, "PYTHONHASHSEED": seed})
        assert json.loads(result.stdout) == first


def test_a_context_value_the_digest_cannot_read_is_refused():
    for value in ({"a", "b"}, object(), Path("x")):
        spec = PageSpec(url="x/", title="X", template="etalase/home.html", context={"items": [value]})
        with pytest.raises(TypeError, match=type(value).__name__):
            page_digest(spec)


def shout(text: str) -> str:
    return text.upper()


def whisper(text: str) -> str:
    return text.lower()


def test_a_derived_value_is_read_by_its_function_and_inputs_and_made_only_for_the_template():
    def page(make, text: str) -> PageSpec:
        return PageSpec(url="x/", title="X", template="etalase/home.html", context={"said": Derived(make, (text,))},
                        markdown=Derived(make, (text,)))

    first = page(shout, "halo")
    assert page_digest(first) == page_digest(page(shout, "halo"))
    assert page_digest(first) != page_digest(page(shout, "hai"))
    assert page_digest(first) != page_digest(page(whisper, "halo"))
    assert first.rendered_context() == {"said": "HALO"}
    assert first.source().endswith("\n\nHALO")


def test_a_frozen_value_is_read_by_its_fields():
    def page(urls: Urls) -> PageSpec:
        return PageSpec(url="x/", title="X", template="etalase/home.html", context={"urls": [urls, urls]})

    today = dt.date(2024, 1, 1)
    memo: dict = {}
    first = page_digest(page(Urls(SiteOptions(today=today))), memo)
    assert first == page_digest(page(Urls(SiteOptions(today=today))), memo)  # another instance, the same fields
    assert first != page_digest(page(Urls(SiteOptions(today=today, regions_prefix="wilayah"))), memo)
    assert first != page_digest(page(Urls(SiteOptions(today=dt.date(2024, 1, 2)))), memo)


def test_editing_a_narrative_changes_that_innovation_page_only(sample, tmp_path):
    after, new_digest, new_html = edited(
        sample, tmp_path, lambda root: edit(root / INNOVATION, "untuk arsip pertanahan.",
                                            "untuk arsip pertanahan, kini juga arsip desa."))
    assert new_digest == {"inovasi/kota-batu/adiarta/"}
    assert new_html == new_digest


def test_editing_a_title_changes_its_page_and_the_listings_that_show_it(sample, tmp_path):
    after, new_digest, new_html = edited(sample, tmp_path,
                                         lambda root: edit(root / INNOVATION, "title: ADIARTA\n", "title: ADIARTA Plus\n"))
    shown = {"inovasi/kota-batu/adiarta/", "inovasi/", "daerah/kota-batu/", "urusan/kearsipan/",
             "urusan/pertanahan/", ""}  # "": the home page names it among the latest awards
    assert shown <= new_digest
    assert new_html <= new_digest, "a page changed but its digest did not"
    # Another region, a sector and a year it is not in, the innovation's province (which lists
    # the provincial government's own innovations), the regions page (counts only).
    for url in ("daerah/kota-batam/", "urusan/perhubungan/", "daerah/jawa-timur/", "daerah/", "tahun/"):
        assert url in after and url not in new_digest


def test_renaming_a_region_changes_every_page_that_shows_it(sample, tmp_path):
    # The city's innovations stay in their folder: the new name keeps the slug (kota-batu).
    after, new_digest, new_html = edited(
        sample, tmp_path, lambda root: edit(root / "content/regions.yml", "name: Kota Batu\n", "name: Kota BATU\n"))
    site = tmp_path / "site"
    showing = {url for url in after if b"Kota BATU" in html(site, url)}
    assert {"daerah/kota-batu/", "inovasi/kota-batu/adiarta/", "daerah/jawa-timur/", "inovasi/"} <= showing
    assert showing <= new_digest
    assert new_html <= new_digest, "a page changed but its digest did not"
    assert "daerah/kota-batam/" not in new_digest


def test_a_preview_packs_the_records_a_build_lists(tmp_path):
    """A preview holds its search records packed (pages/search.py): the same records and the same digest as a
    build's, so either finds the other's index unchanged; and a fifth the size of the records' pickle."""
    write_tree(tmp_path / "repo", innovations=300, seed=0)
    catalog = check_repository(tmp_path / "repo").catalog
    urls = Urls(SiteOptions(today=dt.date(2026, 1, 2)))
    listed = search.SearchRecords.of(search.records(catalog, urls), packed=False)
    packed = search.SearchRecords.of(search.records(catalog, urls), packed=True)
    assert listed.count == packed.count == len(list(packed)) == 300
    assert list(packed) == list(listed) and packed.digest == listed.digest
    assert len(packed.packed) * 4 < len(pickle.dumps(listed.listed))
    edited = search.SearchRecords.of(list(listed)[1:], packed=True)
    assert edited.digest != packed.digest


def test_a_preview_places_its_saved_records_as_the_whole_index_does(tmp_path):
    """The saved records' index names each record by its place in the whole one (search_index.py), found
    without making every record: among innovations of the same title too, which their URLs order."""
    write_tree(tmp_path / "repo", innovations=300, seed=0)
    catalog = check_repository(tmp_path / "repo").catalog
    urls = Urls(SiteOptions(today=dt.date(2026, 1, 2)))
    whole = list(enumerate(search.in_browse_order(search.records(catalog, urls))))
    titles = Counter(record.order for _, record in whole)
    shared = [record.url for _, record in whole if titles[record.order] > 1]
    wanted = {*shared[-2:], whole[0][1].url, whole[150][1].url}
    assert len(shared) >= 2 and len(wanted) == 4
    assert search.placed(catalog, urls, wanted) == [(place, record) for place, record in whole if record.url in wanted]
