"""The award rules (recipients, categories, ranks, stage dates, the edition year), each broken once
in a small repository of its own, must be reported at the right file and line, in words an editor
understands. The sample content itself breaks none of them (tests/test_smoke.py).
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from etalase.problems import Problem
from etalase.validate import check_repository

ROOT = Path(__file__).resolve().parents[1]
PROGRAM_DIR = "content/awards/kipp-kota-batu"

FILES = {
    "content/regions.yml": """\
        - code: "35"
          name: Jawa Timur
          kind: provinsi
        - code: "35.79"
          name: Kota Batu
          kind: kota
        """,
    "content/sectors.yml": """\
        - id: kearsipan
          label: Kearsipan
          group: wajib-non-pelayanan-dasar
        """,
    "innovations/kota-batu/adiarta.md": """\
        ---
        title: ADIARTA
        region: "35.79"
        sectors: [kearsipan]
        type: digital
        form: pelayanan-publik
        stage: uji-coba
        summary: Alih media arsip tanah.
        ---
        """,
    "innovations/kota-batu/tv-desa.md": """\
        ---
        title: TV Desa
        region: "35.79"
        sectors: [kearsipan]
        type: digital
        form: pelayanan-publik
        stage: uji-coba
        summary: Televisi desa.
        ---
        """,
    f"{PROGRAM_DIR}/program.yml": """\
        name: Kompetisi Inovasi Pelayanan Publik Kota Batu
        organizer: Pemerintah Kota Batu
        level: kabupaten-kota
        region: "35.79"
        """,
}

# A valid edition; each test changes one thing in it.
EDITION = textwrap.dedent("""\
    title: KIPP Kota Batu 2020
    stages:
      - kind: pendaftaran
        date: 2020-06-01
        end: 2020-06-30
      - kind: penjurian
        date: 2020-11-10
      - kind: penyerahan
        date: 2021-02-17
        place: Hotel Aston Inn Kota Batu
    categories:
      - id: top-5
        name: Top 5
        ranked: true
      - id: best-support
        name: Best Support
    winners:
      - category: top-5
        rank: 1
        title: Top 5, peringkat pertama
        recipients:
          - innovation: kota-batu/tv-desa
      - category: top-5
        rank: 2
        title: Top 5, peringkat kedua
        recipients:
          - innovation: kota-batu/adiarta
      - category: best-support
        title: Best Support
        recipients:
          - unit: LPPL ATV
            region: "35.79"
    """)


def make_repo(root: Path, edition: str, year: int = 2020, with_program: bool = True) -> str:
    """Write the small repository with `edition` as `<year>.yml`; returns the edition's path."""
    for rel, text in FILES.items():
        if rel.endswith("program.yml") and not with_program:
            continue
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    rel = f"{PROGRAM_DIR}/{year}.yml"
    (root / PROGRAM_DIR).mkdir(parents=True, exist_ok=True)
    (root / rel).write_text(edition, encoding="utf-8")
    return rel


def changed(old: str, new: str, text: str = EDITION) -> str:
    assert text.count(old) == 1, f"{old!r} must occur once in the edition"
    return text.replace(old, new)


def line_of(text: str, needle: str, occurrence: int = 1) -> int:
    """1-based line of the `occurrence`-th line holding `needle`, in the file as written."""
    lines = [n for n, line in enumerate(text.splitlines(), start=1) if needle in line]
    return lines[occurrence - 1]


def problems(tmp_path: Path, edition: str, **options) -> tuple[str, list[Problem]]:
    rel = make_repo(tmp_path, edition, **options)
    return rel, check_repository(tmp_path).problems


def only(found: list[Problem], path: str, line: int, *words: str, severity: str = "error") -> Problem:
    """The single problem of the run: in `path` at `line`, of `severity`, holding every word."""
    assert len(found) == 1, "\n".join(p.as_text() for p in found)
    problem = found[0]
    assert (problem.path, problem.line, problem.severity) == (path, line, severity), problem.as_text()
    for word in words:
        assert word.casefold() in problem.message.casefold(), problem.as_text()
    return problem


def test_the_valid_edition_has_no_problem(tmp_path):
    assert problems(tmp_path, EDITION)[1] == []


# -- recipients ------------------------------------------------------------------------------

def test_recipient_innovation_must_exist(tmp_path):
    edition = changed("innovation: kota-batu/adiarta", "innovation: kota-batu/adiarte")
    rel, found = problems(tmp_path, edition)
    problem = only(found, rel, line_of(edition, "kota-batu/adiarte"), "'kota-batu/adiarte' tidak ditemukan",
                   "maksud Anda 'kota-batu/adiarta'")
    assert problem.field == "winners[1].recipients[0].innovation"


def test_recipient_region_must_exist(tmp_path):
    edition = changed('region: "35.79"', 'region: "35.97"')
    rel, found = problems(tmp_path, edition)
    problem = only(found, rel, line_of(edition, '"35.97"'), "'35.97' tidak ada di content/regions.yml", "35.79")
    assert problem.field == "winners[2].recipients[0].region"


def test_recipients_are_checked_even_when_program_yml_is_missing(tmp_path):
    # The loader reports the missing program.yml; the edition's own mistakes come in the same run.
    edition = changed("innovation: kota-batu/adiarta", "innovation: kota-batu/adiarte")
    rel, found = problems(tmp_path, edition, with_program=False)
    assert any(p.path == PROGRAM_DIR and "program.yml" in p.message for p in found)
    assert any(p.path == rel and p.line == line_of(edition, "adiarte") for p in found), found


def test_the_same_recipient_twice_with_the_same_title_is_a_warning(tmp_path):
    pasted = "".join(line + "\n" for line in EDITION.splitlines()[-5:])  # the last winner, once more
    assert pasted.lstrip().startswith("- category: best-support")
    edition = EDITION + pasted
    rel, found = problems(tmp_path, edition)
    first = line_of(edition, "- unit: LPPL ATV", 1)
    only(found, rel, line_of(edition, "- unit: LPPL ATV", 2), "sudah tercatat", "'Best Support'", f"baris {first}",
         severity="warning")


# -- categories and ranks --------------------------------------------------------------------

def test_a_rank_is_used_once_in_a_ranked_category(tmp_path):
    edition = changed("rank: 2", "rank: 1")
    rel, found = problems(tmp_path, edition)
    first_winner = line_of(edition, "- category: top-5", 1)
    problem = only(found, rel, line_of(edition, "rank: 1", 2), "peringkat 1", "'top-5'", f"baris {first_winner}")
    assert problem.field == "winners[1].rank"


def test_a_ranked_category_needs_a_rank_for_every_winner(tmp_path):
    edition = changed("    rank: 2\n", "")
    rel, found = problems(tmp_path, edition)
    only(found, rel, line_of(edition, "- category: top-5", 2), "berperingkat", "'rank'")


def test_ranks_may_repeat_where_the_category_is_not_ranked(tmp_path):
    edition = changed("    ranked: true\n", "")
    edition = changed("rank: 2", "rank: 1", edition)
    assert problems(tmp_path, edition)[1] == []


def test_a_winner_names_a_category_of_the_edition(tmp_path):
    edition = changed("- category: best-support\n    title", "- category: best-suport\n    title")
    rel, found = problems(tmp_path, edition)
    only(found, rel, line_of(edition, "best-suport"), "'best-suport' tidak ada", "maksud Anda 'best-support'")


def test_a_winner_needs_a_category_when_the_edition_has_categories(tmp_path):
    edition = changed("  - category: best-support\n    title", "  - title")
    rel, found = problems(tmp_path, edition)
    only(found, rel, line_of(edition, "- title: Best Support"), "perlu kolom 'category'", "top-5, best-support")


def test_category_ids_are_unique(tmp_path):
    edition = changed("  - id: best-support", "  - id: top-5")
    rel, found = problems(tmp_path, edition)
    assert [p.line for p in found if p.path == rel and "lebih dari sekali" in p.message] == [
        line_of(edition, "- id: top-5", 1), line_of(edition, "- id: top-5", 2)]


# -- stages and the edition year ---------------------------------------------------------------

def test_stage_dates_are_in_order(tmp_path):
    edition = changed("date: 2020-11-10", "date: 2020-05-10")
    rel, found = problems(tmp_path, edition)
    problem = only(found, rel, line_of(edition, "2020-05-10"), "'penjurian' (2020-05-10) lebih awal",
                   "'pendaftaran' (2020-06-01)", "urutkan")
    assert problem.field == "stages[1].date"


def test_a_stage_ends_after_it_starts(tmp_path):
    edition = changed("end: 2020-06-30", "end: 2020-05-30")
    rel, found = problems(tmp_path, edition)
    only(found, rel, line_of(edition, "end: 2020-05-30"), "tanggal selesai 2020-05-30 lebih awal",
         "tanggal mulai 2020-06-01")


def test_an_end_date_needs_a_start_date(tmp_path):
    edition = changed("    date: 2020-06-01\n", "")
    rel, found = problems(tmp_path, edition)
    only(found, rel, line_of(edition, "end: 2020-06-30"), "tanpa tanggal mulai", "'date'")


def test_the_ceremony_may_fall_early_the_next_year(tmp_path):
    # Kota Batu's 2020 awards were handed over on 17 February 2021: that is valid.
    assert "2021-02-17" in EDITION
    assert problems(tmp_path, EDITION)[1] == []


@pytest.mark.parametrize("ceremony", ["2022-01-10", "2019-12-20"])
def test_the_ceremony_falls_in_the_edition_year_or_the_next(tmp_path, ceremony):
    edition = changed("date: 2021-02-17", f"date: {ceremony}")
    if ceremony < "2020":  # keep the stages in order, so that only the year rule speaks
        edition = changed("date: 2020-06-01\n    end: 2020-06-30", "date: 2019-06-01\n    end: 2019-06-30", edition)
        edition = changed("date: 2020-11-10", "date: 2019-11-10", edition)
    rel, found = problems(tmp_path, edition)
    only(found, rel, line_of(edition, ceremony), f"edisi 2020 tidak mungkin diserahkan pada {ceremony}", "2020–2021")


def test_the_edition_year_is_read_from_the_file_name(tmp_path):
    # The same content saved as 2023.yml: its ceremony (2021) is now two years early.
    rel, found = problems(tmp_path, EDITION, year=2023)
    problems_2021 = [p for p in found if p.path == rel and "2021-02-17" in p.message]
    assert [p.line for p in problems_2021] == [line_of(EDITION, "2021-02-17")]
    assert "edisi 2023" in problems_2021[0].message and "nama berkasnya" in problems_2021[0].message


def test_other_stages_stay_near_the_edition_year(tmp_path):
    edition = changed("date: 2020-06-01\n    end: 2020-06-30", "date: 2017-06-01\n    end: 2017-06-30")
    rel, found = problems(tmp_path, edition)
    only(found, rel, line_of(edition, "2017-06-01"), "'pendaftaran' (2017-06-01) terlalu jauh", "2019 dan 2021")


def test_an_undated_ceremony_is_not_judged(tmp_path):
    edition = changed("    date: 2021-02-17\n", "")
    assert problems(tmp_path, edition)[1] == []


# -- as the editor sees it ------------------------------------------------------------------

def test_the_command_line_prints_file_line_field_and_message(tmp_path):
    edition = changed("rank: 2", "rank: 1")
    rel = make_repo(tmp_path, edition)
    result = subprocess.run([sys.executable, str(ROOT / "build.py"), "--root", str(tmp_path), "validate"],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 1, result.stdout + result.stderr
    line = line_of(edition, "rank: 1", 2)
    assert f"{rel}:{line}:" in result.stdout
    printed = next(row for row in result.stdout.splitlines() if row.startswith(f"{rel}:{line}:"))
    assert ": error: winners[1].rank: peringkat 1 di kategori 'top-5' sudah dipakai" in printed
    assert "Traceback" not in result.stdout + result.stderr
