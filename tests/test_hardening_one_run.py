"""Every problem in one run (issue 17): a record's field errors do not hide its dangling references,
and a reference data item with field errors does not make every record naming it "unknown".

Through the real command line, on a copy of the sample.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from sample_repo import cli, copy_sample

ADIARTA = "innovations/kota-batu/adiarta.md"
INDEX = "content/indeks/2020.yml"


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    return copy_sample(tmp_path / "repo")


def errors(repo: Path) -> list[tuple[str, int, str]]:
    """(file, line, message) of every error `validate` prints."""
    result = cli(repo, "validate")
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stdout + result.stderr
    found = []
    for line in result.stdout.splitlines():
        match = re.match(r"^(.+?):(\d+):\d+: error: (.*)$", line)
        if match:
            found.append((match.group(1), int(match.group(2)), match.group(3)))
    return found


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), "utf-8")


def line_of(path: Path, text: str) -> int:
    return next(number for number, line in enumerate(path.read_text("utf-8").splitlines(), 1) if text in line)


def test_field_error_and_dangling_references_in_one_file(repo):
    innovation = repo / ADIARTA
    edit(innovation, "type: digital", "type: bogus\nreplicates:\n  innovation: kota-batu/tidak-ada\n"
         "media:\n  - image: images/hilang.jpg\n    alt: foto")
    edit(innovation, "sectors: [kearsipan, pertanahan]", "sectors: [kearsipan, pertanahann]")
    found = [(line, message) for path, line, message in errors(repo) if path == ADIARTA]
    assert (line_of(innovation, "type: bogus"), "type: nilai 'bogus' tidak diizinkan; pilihan: digital, non-digital") in found
    expected = [("kota-batu/tidak-ada", "replicates.innovation: inovasi asal 'kota-batu/tidak-ada' tidak ditemukan"),
                ("hilang.jpg", "media[0].image: gambar content/images/hilang.jpg tidak ditemukan"),
                ("pertanahann", "sectors[1]: urusan 'pertanahann' tidak dikenal")]
    for written, message in expected:
        assert any(line == line_of(innovation, written) and text.startswith(message) for line, text in found), found


def test_narrative_error_does_not_hide_a_dangling_reference(repo):
    innovation = repo / ADIARTA
    edit(innovation, "type: digital", "type: digital\nreplicates:\n  innovation: kota-batu/hantu")
    innovation.write_text(innovation.read_text("utf-8") + "\nLihat [x](tidak-ada.md).\n", "utf-8")
    found = {(line, message.split(":")[0]) for path, line, message in errors(repo) if path == ADIARTA}
    assert (line_of(innovation, "kota-batu/hantu"), "replicates.innovation") in found
    assert (line_of(innovation, "tidak-ada.md"), "narasi") in found


def test_index_with_a_field_error_still_checks_its_regions(repo):
    index = repo / INDEX
    edit(index, "    predicate: sangat-inovatif\n", "    predicate: sangat-inovatif\n  - region: \"63.71\"\n"
         "    predicate: hebat\n  - region: \"63.79\"\n    predicate: inovatif\n")
    found = [(line, message) for path, line, message in errors(repo) if path == INDEX]
    assert any(message.startswith("scores[1].predicate: nilai 'hebat'") for _, message in found), found
    assert any(line == line_of(index, '"63.79"') and message.startswith("scores[2].region: kode wilayah '63.79' tidak ada")
               for line, message in found), found


def test_a_region_with_a_field_error_is_not_unknown_to_its_innovations(repo):
    regions = repo / "content/regions.yml"
    edit(regions, '- code: "35.79"\n  name: Kota Batu\n  kind: kota\n',
         '- code: "35.79"\n  name: Kota Batu\n  kind: kotamadya\n- code: "35.79"\n  name: Kota Batu Lagi\n  kind: kotax\n')
    found = errors(repo)
    assert {path for path, _, _ in found} == {"content/regions.yml"}, found
    messages = [(line, message) for _, line, message in found]
    assert (line_of(regions, "Kota Batu Lagi") - 1, "[303].code: kode wilayah 35.79 sudah dipakai di atas; setiap kode "
            "hanya sekali") in messages, messages
    assert sum("tidak diizinkan" in message for _, message in messages) == 2


def test_program_with_a_field_error_still_checks_its_region(repo):
    program = repo / "content/awards/kompetisi-inovasi-pelayanan-publik-kota-batu/program.yml"
    edit(program, 'region: "35.79"', 'region: "35.99"\nlevel_x: 1')
    found = [message for path, _, message in errors(repo) if path.endswith("kota-batu/program.yml")]
    assert any(message.startswith("region: kode wilayah '35.99' tidak ada") for message in found), found
    assert any("level_x" in message for message in found), found


def test_clean_sample_still_has_no_errors(tmp_path):
    result: subprocess.CompletedProcess = cli(copy_sample(tmp_path / "clean"), "validate")
    assert result.returncode == 0, result.stdout


@pytest.mark.parametrize("name", ["regions.yml", "sectors.yml"])
def test_an_unreadable_reference_list_is_one_error_not_one_per_reference(repo, name):
    (repo / "content" / name).write_text("- code: [\n", "utf-8")
    found = errors(repo)
    assert [path for path, _, _ in found] == [f"content/{name}"], found
