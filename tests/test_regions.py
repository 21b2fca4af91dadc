"""Every region of Indonesia, as the official list has it, and typed names resolved to one region.

The expected codes and kinds are read from the official CSV files copied into data/idn-area-data/
(not from the code that writes content/regions.yml), so a region dropped, added or miscoded fails.
"""

from __future__ import annotations

import csv
import json
import shutil

import pytest
import yaml
from bs4 import BeautifulSoup

from etalase.loader import Loader
from etalase.regionnames import RegionNameError, RegionNames

from sample_repo import ROOT, cli, copy_sample, unexpected

AREA = ROOT / "data" / "idn-area-data"


def official() -> dict[str, tuple[str, str]]:
    """code → (name in capitals, kind), straight from the two CSV files."""
    with open(AREA / "provinces.csv", encoding="utf-8", newline="") as file:
        found = {row["code"]: (row["name"], "provinsi") for row in csv.DictReader(file)}
    with open(AREA / "regencies.csv", encoding="utf-8", newline="") as file:
        for row in csv.DictReader(file):
            assert row["code"].split(".")[0] == row["province_code"]
            found[row["code"]] = (row["name"], row["name"].split()[0].lower())
    return found


@pytest.fixture(scope="module")
def names() -> RegionNames:
    content = Loader(ROOT).load()
    assert not [p for p in content.problems if p.path == "content/regions.yml"]
    return RegionNames(content.regions)


def test_regions_file_holds_the_official_list():
    regions = yaml.safe_load((ROOT / "content" / "regions.yml").read_text("utf-8"))
    given = {r["code"]: r["kind"] for r in regions}
    assert len(regions) == len(given) == 552
    assert given == {code: kind for code, (_, kind) in official().items()}
    kinds = list(given.values())
    assert (kinds.count("provinsi"), kinds.count("kabupaten"), kinds.count("kota")) == (38, 416, 98)
    by_code = {r["code"]: r for r in regions}
    # Names as people write them, not in capitals.
    assert by_code["11.01"]["name"] == "Kabupaten Aceh Selatan"
    assert by_code["21.71"]["name"] == "Kota Batam"
    assert by_code["31.74"]["name"] == "Kota Administrasi Jakarta Selatan"
    assert by_code["73.10"]["name"] == "Kabupaten Pangkajene dan Kepulauan"
    # Spellings the showcase's URLs were made from stay; the official spelling is an alias.
    assert by_code["19.71"]["name"] == "Kota Pangkalpinang" and "Kota Pangkal Pinang" in by_code["19.71"]["aliases"]
    assert by_code["34"]["name"] == "DI Yogyakarta"


def test_regions_file_is_what_the_command_writes(tmp_path):
    repo = copy_sample(tmp_path)
    shutil.copytree(AREA, repo / "data" / "idn-area-data")
    run = cli(repo, "regions")
    assert run.returncode == 0, run.stderr
    assert "tidak berubah: content/regions.yml" in run.stdout
    # A new regulation: one more regency in the list is one command away from the file.
    with open(repo / "data/idn-area-data/regencies.csv", "a", encoding="utf-8") as file:
        file.write("96.99,96,KABUPATEN CONTOH BARU\n")
    run = cli(repo, "regions")
    assert "diperbarui: content/regions.yml" in run.stdout
    added = [r for r in yaml.safe_load((repo / "content/regions.yml").read_text("utf-8")) if r["code"] == "96.99"]
    assert added == [{"code": "96.99", "name": "Kabupaten Contoh Baru", "kind": "kabupaten"}]
    assert cli(repo, "validate").returncode == 0


def test_every_name_and_alias_names_its_own_region(names):
    for code, (capitals, kind) in official().items():
        region = names.regions[code]
        typed = [region.name, *region.aliases, capitals, region.name.upper()]
        if kind == "provinsi":
            # "Jambi" is the province and Kota Jambi alike: refused, both offered; "Provinsi Jambi" is one.
            for name in typed:
                try:
                    assert names.code(name) == code, name
                except RegionNameError as refused:
                    assert f"Provinsi {region.name} ({code})" in str(refused)
            typed = [f"Provinsi {name}" for name in typed]
        for name in typed:
            assert names.code(name) == code, name


@pytest.mark.parametrize("typed, code", [
    ("34.04", "34.04"), ("3404", "34.04"), ("Kabupaten Sleman", "34.04"), ("Kab. Sleman", "34.04"),
    ("kab sleman", "34.04"), ("Sleman", "34.04"), ("Kota Solok", "13.72"), ("Kabupaten Solok", "13.02"),
    ("Kot. Solok", "13.72"), ("Kota Pare-Pare", "73.72"), ("Pare-Pare", "73.72"), ("Kota Pangkal Pinang", "19.71"),
    ("Pangkalpinang", "19.71"), ("Jakarta Selatan", "31.74"), ("Kota Jakarta Selatan", "31.74"),
    ("Provinsi Bengkulu", "17"), ("Daerah Istimewa Yogyakarta", "34"), ("  kota   BATU ", "35.79"),
])
def test_a_typed_name_resolves(names, typed, code):
    assert names.code(typed) == code


def test_a_shared_name_is_refused_with_both_choices(names):
    with pytest.raises(RegionNameError) as refused:
        names.code("Solok")
    assert str(refused.value) == ("'Solok' bisa berarti Kabupaten Solok (13.02) atau Kota Solok (13.72); "
                                  "tulis nama lengkapnya atau kodenya")
    with pytest.raises(RegionNameError, match="Provinsi Bengkulu \\(17\\) atau Kota Bengkulu \\(17.71\\)"):
        names.code("Bengkulu")
    with pytest.raises(RegionNameError, match="maksud Anda 'Kota Batu'"):
        names.code("Kota Batuu")


NEW = ["new", "innovation", "--title", "Sleman Smart Service", "--sector", "kesehatan", "--type", "digital",
       "--form", "pelayanan-publik", "--stage", "penerapan", "--summary", "Layanan kesehatan daring."]


@pytest.mark.parametrize("region", ["34.04", "Kabupaten Sleman", "Kab. Sleman"])
def test_new_innovation_takes_a_code_or_a_name(tmp_path, region):
    repo = copy_sample(tmp_path)
    run = cli(repo, *NEW, "--region", region)
    assert run.returncode == 0, run.stderr
    rel = "innovations/kabupaten-sleman/sleman-smart-service.md"
    assert f"Berkas dibuat: {rel}" in run.stdout
    assert "region: '34.04'" in (repo / rel).read_text("utf-8")
    checked = cli(repo, "validate", "--format", "json")
    assert checked.returncode == 0 and unexpected(json.loads(checked.stdout)) == []


def test_new_innovation_refuses_a_shared_name(tmp_path):
    repo = copy_sample(tmp_path)
    run = cli(repo, *NEW, "--region", "Solok")
    assert run.returncode == 1
    assert "region: 'Solok' bisa berarti Kabupaten Solok (13.02) atau Kota Solok (13.72)" in run.stderr
    assert "Traceback" not in run.stderr
    assert not any((repo / "innovations" / folder).exists() for folder in ("kota-solok", "kabupaten-solok"))


def test_an_alias_naming_another_region_is_refused(tmp_path):
    repo = copy_sample(tmp_path)
    regions = repo / "content" / "regions.yml"
    text = regions.read_text("utf-8")
    old = '- code: "35.07"\n  name: Kabupaten Malang\n  kind: kabupaten\n'
    assert old in text
    regions.write_text(text.replace(old, old + "  aliases: [Kab Malang, Kota Batu]\n"), encoding="utf-8")
    line = text[:text.index(old)].count("\n") + 4
    run = cli(repo, "validate", "--format", "json")
    assert run.returncode == 1
    [problem] = unexpected(json.loads(run.stdout))
    assert (problem["path"], problem["line"], problem["field"]) == ("content/regions.yml", line, "[%d].aliases" % (
        [r["code"] for r in yaml.safe_load(text)].index("35.07")))
    assert problem["message"] == ("nama 'Kota Batu' sudah menjadi nama wilayah Kota Batu (35.79); setiap nama dan "
                                  "alias hanya untuk satu wilayah")


def test_the_regions_source_is_credited_on_the_data_page_and_in_the_readme(built_site):
    page = BeautifulSoup((built_site / "data" / "index.html").read_text("utf-8"), "html.parser")
    credit = page.select_one(".etalase-attribution")
    assert credit is not None
    links = {a.get_text(strip=True): a["href"] for a in credit.find_all("a")}
    assert links == {"idn-area-data 3.1.2": "https://github.com/fityannugroho/idn-area-data",
                     "Open Database License 1.0": "https://opendatacommons.org/licenses/odbl/1-0/"}
    assert "lisensi yang sama" in credit.get_text(" ", strip=True)
    readme = (ROOT / "README.md").read_text("utf-8")
    assert "idn-area-data" in readme and "Open Database License" in readme
    assert (AREA / "LICENSE.md").read_text("utf-8").startswith("# Open Database License (ODbL)")
