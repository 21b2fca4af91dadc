"""`python build.py new innovation|edition`: the real command line writes files that `validate` accepts."""

import json
from pathlib import Path

from etalase.parse import parse_front_matter, parse_yaml, read_text
from etalase.schema import BY_NAME

from sample_repo import cli, committed_validator, load, repo, unexpected  # noqa: F401  (repo is a fixture)


def assert_valid(repo: Path, rel: str) -> None:
    run = cli(repo, "validate", "--format", "json")
    assert run.returncode == 0, run.stdout
    assert unexpected(json.loads(run.stdout)) == []
    # The schema an editor's VS Code uses agrees with the validator on the new file.
    spec = BY_NAME["innovation" if rel.endswith(".md") else "edition"]
    assert list(committed_validator(spec).iter_errors(load(repo / rel))) == []


INNOVATION = ["new", "innovation", "--title", "Sistem Antrean Puskesmas Daring", "--region", "35.79",
              "--sector", "kesehatan", "--sector", "administrasi-kependudukan", "--type", "digital",
              "--form", "pelayanan-publik", "--stage", "uji-coba", "--summary", "Antrean puskesmas lewat ponsel."]


def test_new_innovation_from_options_is_valid_and_listed(repo):
    run = cli(repo, *INNOVATION)
    assert run.returncode == 0, run.stderr
    rel = "innovations/kota-batu/sistem-antrean-puskesmas-daring.md"
    assert f"Berkas dibuat: {rel}" in run.stdout
    assert "python build.py validate" in run.stdout
    text = (repo / rel).read_text(encoding="utf-8")
    assert text.splitlines()[1] == "# yaml-language-server: $schema=../../schemas/innovation.schema.json"
    assert_valid(repo, rel)
    data = parse_front_matter(text).data
    assert data["region"] == "35.79" and data["sectors"] == ["kesehatan", "administrasi-kependudukan"]


def test_new_innovation_never_overwrites(repo):
    assert cli(repo, *INNOVATION).returncode == 0
    rel = repo / "innovations/kota-batu/sistem-antrean-puskesmas-daring.md"
    rel.write_text(rel.read_text(encoding="utf-8") + "Narasi yang sudah ditulis.\n", encoding="utf-8")
    before = rel.read_bytes()
    again = cli(repo, *INNOVATION)
    assert again.returncode == 1
    assert "sudah ada dan tidak ditimpa" in again.stderr
    assert rel.read_bytes() == before


def test_bad_answers_are_refused_with_the_validators_messages(repo):
    args = [a if a != "35.79" else "35.97" for a in INNOVATION]
    args[args.index("digital")] = "digitl"
    before = sorted(p.relative_to(repo) for p in (repo / "innovations").rglob("*"))
    run = cli(repo, *args)
    assert run.returncode == 1
    assert "region: kode wilayah '35.97' tidak ada di content/regions.yml; maksud Anda '35.79' (Kota Batu)?" in run.stderr
    assert "type: nilai 'digitl' tidak diizinkan; maksud Anda 'digital'? pilihan: digital, non-digital" in run.stderr
    assert "Traceback" not in run.stderr
    assert sorted(p.relative_to(repo) for p in (repo / "innovations").rglob("*")) == before


def test_interactive_answers_through_stdin_with_a_second_try(repo):
    answers = [
        "PUSKESMAS KELILING",
        "Kota Banjarmasin",  # a region can be named instead of coded
        "kesehatan, sosial",
        "nondigital",  # refused with a suggestion, then asked again
        "non-digital",
        "pelayanan-publik",
        "penerapan",
        "Layanan kesehatan yang mendatangi warga.",
        "Dinas Kesehatan",
    ]
    run = cli(repo, "new", "innovation", stdin="\n".join(answers) + "\n")
    assert run.returncode == 0, run.stderr
    assert "nilai 'nondigital' tidak diizinkan; maksud Anda 'non-digital'?" in run.stderr
    assert run.stdout.count("Jenis (digital, non-digital):") == 2
    rel = "innovations/kota-banjarmasin/puskesmas-keliling.md"
    data = parse_front_matter(read_text(repo / rel)).data
    assert data["type"] == "non-digital" and data["unit"] == "Dinas Kesehatan" and data["region"] == "63.71"
    assert_valid(repo, rel)


def test_new_edition_from_options_and_from_stdin(repo):
    run = cli(repo, "new", "edition", "--program", "innovative-government-award", "--year", "2021",
              "--title", "Innovative Government Award 2021")
    assert run.returncode == 0, run.stderr
    assert_valid(repo, "content/awards/innovative-government-award/2021.yml")
    typed = cli(repo, "new", "edition", stdin="inovatif-goverment-award\ninnovative-government-award\n2022\nIGA 2022\n")
    assert typed.returncode == 0, typed.stderr
    assert "maksud Anda 'innovative-government-award'?" in typed.stderr
    assert parse_yaml(read_text(repo / "content/awards/innovative-government-award/2022.yml")).data == {"title": "IGA 2022"}
    assert_valid(repo, "content/awards/innovative-government-award/2022.yml")


def test_new_edition_refuses_a_year_out_of_range_and_an_existing_edition(repo):
    run = cli(repo, "new", "edition", "--program", "innovative-government-award", "--year", "1900", "--title", "X")
    assert run.returncode == 1
    assert "year: tahun 1900 di luar rentang yang diizinkan" in run.stderr
    existing = repo / "content/awards/innovative-government-award/2020.yml"
    before = existing.read_bytes()
    run = cli(repo, "new", "edition", "--program", "innovative-government-award", "--year", "2020", "--title", "X")
    assert run.returncode == 1 and "sudah ada dan tidak ditimpa" in run.stderr
    assert existing.read_bytes() == before
