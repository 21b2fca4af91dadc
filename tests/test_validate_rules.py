"""`python build.py validate` as an editor meets it: one small mistake in a copy of the sample
content, run through the real command line, must be reported at the right file, line and column,
in words that say what is wrong, with exit code 1 and never a traceback.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from etalase.validate import check_repository

from sample_repo import known_warning, unexpected

ROOT = Path(__file__).resolve().parents[1]

INNOVATION = "innovations/kota-batu/adiarta.md"
BATAM_INNOVATION = "innovations/kota-batam/pasar-mama.md"
NEW_NORMAL = "content/awards/lomba-inovasi-tatanan-normal-baru/2020.yml"
BATU_2020 = "content/awards/kompetisi-inovasi-pelayanan-publik-kota-batu/2020.yml"
BATAM_2023 = "content/awards/lomba-inovasi-daerah-kota-batam/2023.yml"
WANDERLINK = "innovations/kota-batam/wanderlink.md"
IGA_2020 = "content/awards/innovative-government-award/2020.yml"
REGIONS = "content/regions.yml"
SECTORS = "content/sectors.yml"

_TEXT_LINE = re.compile(r"^(?P<path>\S[^:]*):(?P<line>\d+):(?P<column>\d+): (?P<severity>error|warning): (?P<text>.+)$")


@dataclass(frozen=True)
class Reported:
    path: str
    line: int
    column: int
    severity: str
    text: str  # "field: message" as printed


@dataclass
class Run:
    code: int
    output: str  # stdout and stderr together
    stdout: str
    problems: list[Reported]

    def at(self, path: str) -> list[Reported]:
        return [p for p in self.problems if p.path == path]

    def find(self, path: str, line: int | None = None, *words: str, column: int | None = None) -> Reported:
        """The problem in `path` (at `line`/`column` when given) whose text holds every word."""
        for problem in self.at(path):
            if ((line is None or problem.line == line) and (column is None or problem.column == column)
                    and all(word.casefold() in problem.text.casefold() for word in words)):
                return problem
        pytest.fail(f"no problem in {path} at line {line} col {column} with {words}; validate said:\n{self.output}")


def validate(root: Path, *options: str) -> Run:
    result = subprocess.run(
        [sys.executable, str(ROOT / "build.py"), "--root", str(root), "validate", *options],
        capture_output=True, text=True, timeout=120,
    )
    output = result.stdout + result.stderr
    assert "Traceback" not in output, output
    assert result.returncode in (0, 1), output
    # The sample's known warnings are left out: each test looks at what its own edit causes.
    problems = [Reported(m["path"], int(m["line"]), int(m["column"]), m["severity"], m["text"])
                for m in map(_TEXT_LINE.match, result.stdout.splitlines())
                if m and not known_warning(m["severity"], m["text"])]
    return Run(result.returncode, output, result.stdout, problems)


def failing(root: Path, *options: str) -> Run:
    run = validate(root, *options)
    assert run.code == 1, run.output
    return run


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A private copy of the sample content, free to break."""
    for folder in ("content", "innovations"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    return tmp_path


def edit(root: Path, rel: str, old: str, new: str) -> int:
    """Replace the first `old` in a file; returns the 1-based line where it was."""
    path = root / rel
    text = path.read_text(encoding="utf-8")
    index = text.find(old)
    assert index >= 0, f"{old!r} not in {rel}"
    path.write_text(text[:index] + new + text[index + len(old):], encoding="utf-8")
    return text.count("\n", 0, index) + 1


def line_of(root: Path, rel: str, needle: str) -> int:
    text = (root / rel).read_text(encoding="utf-8")
    assert needle in text, f"{needle!r} not in {rel}"
    return text.count("\n", 0, text.index(needle)) + 1


# -- the sample itself ------------------------------------------------------------------------


def test_sample_content_is_clean(repo):
    run = validate(repo)
    assert run.code == 0, run.output
    # The only warnings: narrative sections of the official profile the seed articles do not describe.
    assert unexpected(json.loads(validate(repo, "--format", "json").stdout)) == []
    assert "0 kesalahan" in run.output


# -- files that cannot be read ----------------------------------------------------------------


@pytest.mark.parametrize("rel, old, new, column, words", [
    # a second ': ' on a line
    (BATAM_2023, "title: Lomba Inovasi", "title: Lomba: Inovasi", len("title: Lomba") + 1, ["tanda ':'", "kutip"]),
    # an unclosed quote is reported where it opens, not where the file ends
    (WANDERLINK, "title: Wanderlink", 'title: "Wanderlink', len("title: ") + 1,
     ["belum ditutup"]),
    (NEW_NORMAL, "  - Hotel\n", "\t- Hotel\n", 1, ["tab"]),
    (INNOVATION, "unit: Dinas", " unit: Dinas", 2, ["indentasi"]),
])
def test_malformed_yaml(repo, rel, old, new, column, words):
    line = edit(repo, rel, old, new)
    run = failing(repo)
    problem = run.find(rel, line, "format YAML tidak valid", *words, column=column)
    assert problem.severity == "error"
    assert len(run.at(rel)) == 1, run.output


@pytest.mark.parametrize("rel, text, words", [
    (INNOVATION, "", ["berkas kosong"]),
    (INNOVATION, "\n   \n\n", ["berkas kosong"]),
    (BATAM_2023, "", ["berkas kosong"]),
    (INNOVATION, "---\n---\nHanya narasi.\n", ["tidak berisi data"]),
    (BATAM_2023, "# hanya komentar\n", ["tidak berisi data"]),
])
def test_empty_file(repo, rel, text, words):
    (repo / rel).write_text(text, encoding="utf-8")
    run = failing(repo)
    run.find(rel, 1, *words)


def test_non_utf8_file_names_the_line(repo):
    path = repo / BATAM_INNOVATION
    text = path.read_text(encoding="utf-8").replace("Belanja pasar tradisional", "Belanja pasar tradisional é")
    path.write_bytes(text.encode("latin-1"))
    failing(repo).find(BATAM_INNOVATION, text.count("\n", 0, text.index("é")) + 1, "UTF-8")


def test_binary_file_is_an_error_not_a_crash(repo):
    (repo / BATAM_INNOVATION).write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xfe\x00")
    failing(repo).find(BATAM_INNOVATION, None, "UTF-8")


@pytest.mark.parametrize("text, words", [
    ("---\n- ADIARTA\n- Kota Batu\n---\nNarasi.\n", ["kumpulan kolom", "daftar"]),
    ("---\nADIARTA dari Kota Batu\n---\nNarasi.\n", ["kumpulan kolom"]),
    ("ADIARTA adalah inovasi Kota Batu.\n", ["diawali baris '---'"]),
    ("---\ntitle: ADIARTA\nregion: \"35.79\"\n", ["diawali baris '---'"]),  # front matter never closed
])
def test_front_matter_that_is_not_a_mapping(repo, text, words):
    (repo / INNOVATION).write_text(text, encoding="utf-8")
    run = failing(repo)
    problem = run.find(INNOVATION, None, *words)
    assert problem.line <= 2


def test_list_file_that_is_not_a_list(repo):
    (repo / SECTORS).write_text("pendidikan: Pendidikan\nkesehatan: Kesehatan\n", encoding="utf-8")
    failing(repo).find(SECTORS, 1, "harus berupa daftar", "- ")


def test_yaml_aliases_are_refused(repo):
    # Nested aliases expand exponentially ("billion laughs"); content from outside must not hang CI.
    bomb = "".join(f"l{i}: &l{i} [{', '.join([f'*l{i - 1}'] * 9)}]\n" for i in range(1, 10))
    line = edit(repo, INNOVATION, "title: ADIARTA\n", "title: ADIARTA\nl0: &l0 x\n" + bomb)
    failing(repo).find(INNOVATION, line + 1, "alias")


def test_duplicate_key(repo):
    line = edit(repo, INNOVATION, "stage: penerapan\n", "stage: penerapan\ntitle: ADIARTA lagi\n")
    failing(repo).find(INNOVATION, line + 1, "'title'", "dua kali", column=1)


# -- fields ----------------------------------------------------------------------------------


@pytest.mark.parametrize("rel, old, new, column, field, suggestion", [
    (INNOVATION, "subtitle:", "subtitel:", 1, "subtitel", "subtitle"),
    (INNOVATION, "sectors:", "sector:", 1, "sector", "sectors"),
    (BATAM_2023, "    place: Kantor", "    plase: Kantor", 5, "stages[0].plase", "place"),
    (BATU_2020, "    title: Top 5, peringkat kedua", "    titel: Top 5, peringkat kedua", 5, "winners[1].titel", "title"),
    (NEW_NORMAL, "    publisher: Nadariau.com", "    publiser: Nadariau.com", 9, "winners[0].sources[0].publiser",
     "publisher"),
])
def test_unknown_field_suggests_the_right_one(repo, rel, old, new, column, field, suggestion):
    line = edit(repo, rel, old, new)
    run = failing(repo)
    problem = run.find(rel, line, "tidak dikenal", f"maksud Anda '{suggestion}'", column=column)
    assert problem.text.startswith(f"{field}: ")
    assert "kolom yang diizinkan" in problem.text


@pytest.mark.parametrize("rel, remove, field, anchor", [
    (INNOVATION, "type: digital\n", "type", "title: ADIARTA"),
    (BATU_2020, "    title: Top 5, peringkat ketiga\n", "winners[2].title", "  - category: top-5\n    rank: 3"),
    ("content/awards/innovative-government-award/program.yml", "level: nasional\n", "level", "name:"),
])
def test_missing_required_field(repo, rel, remove, field, anchor):
    expected_line = line_of(repo, rel, anchor)  # the record (or list item) that lacks the field
    edit(repo, rel, remove, "")
    run = failing(repo)
    problem = run.find(rel, expected_line, "kolom wajib", f"'{field.split('.')[-1]}'", "belum diisi")
    assert problem.text.startswith(f"{field}: ")


@pytest.mark.parametrize("rel, old, new, field, words", [
    (INNOVATION, "title: ADIARTA", "title: [ADIARTA, Arsip]", "title", ["harus berupa teks", "daftar"]),
    (INNOVATION, "sectors: [kearsipan, pertanahan]", "sectors: kearsipan", "sectors", ["harus berupa daftar", "- "]),
    (INNOVATION, "type: digital", "type: digitall", "type", ["maksud Anda 'digital'", "pilihan", "non-digital"]),
    (BATU_2020, "    value: 29", "    value: dua puluh sembilan", "figures[0].value", ["bilangan bulat"]),
    (BATU_2020, "    rank: 2", "    rank: kedua", "winners[1].rank", ["bilangan bulat"]),
    (BATU_2020, "    rank: 2", "    rank: 0", "winners[1].rank", ["1 atau lebih"]),
    (BATU_2020, "    ranked: true", "    ranked: mungkin", "categories[0].ranked", ["true atau false"]),
    (BATAM_2023, "  - kind: sosialisasi", "  - kind: sosialisai", "stages[0].kind", ["maksud Anda 'sosialisasi'"]),
])
def test_wrong_type(repo, rel, old, new, field, words):
    line = edit(repo, rel, old, new)
    problem = failing(repo).find(rel, line, *words)
    assert problem.text.startswith(f"{field}: ")


@pytest.mark.parametrize("rel, old, new, field, words", [
    (NEW_NORMAL, "    date: 2020-06-22", "    date: 2020-02-30", "stages[0].date", ["2020-02-30", "tidak ada di kalender"]),
    (BATAM_INNOVATION, "launched: 2020", "launched: 2021-02-29", "launched", ["2021-02-29", "tidak ada di kalender"]),
    (NEW_NORMAL, "    date: 2020-06-22", "    date: 22-06-2020", "stages[0].date", ["bukan tanggal", "TTTT-BB-HH"]),
    (NEW_NORMAL, "    date: 2020-06-22", "    date: 22 Juni 2020", "stages[0].date", ["bukan tanggal", "TTTT-BB-HH"]),
])
def test_impossible_or_badly_written_date(repo, rel, old, new, field, words):
    line = edit(repo, rel, old, new)
    problem = failing(repo).find(rel, line, *words, column=new.index(":") + 3)  # at the value
    assert problem.text.startswith(f"{field}: ")


@pytest.mark.parametrize("old, new, year", [
    ("launched: 2020", "launched: 1890", "1890"),
    ("launched: 2020", "launched: 2999", "2999"),
    ("launched: 2020", "launched: 0020-01-01", "20"),
])
def test_year_out_of_range(repo, old, new, year):
    line = edit(repo, BATAM_INNOVATION, old, new)
    failing(repo).find(BATAM_INNOVATION, line, "launched:", f"tahun {year}", "di luar rentang", column=11)


def test_edition_file_named_after_an_impossible_year(repo):
    rel = "content/awards/lomba-inovasi-daerah-kota-batam/1023.yml"  # a typo for 2023
    shutil.copy(repo / BATAM_2023, repo / rel)
    failing(repo).find(rel, 1, "tahun 1023", "di luar rentang")


# -- references ------------------------------------------------------------------------------


@pytest.mark.parametrize("rel, old, new, field, words", [
    (BATAM_INNOVATION, 'region: "21.71"', 'region: "21.17"', "region",
     ["kode wilayah '21.17'", "maksud Anda '21.71' (Kota Batam)"]),
    (BATAM_INNOVATION, "sectors: [perdagangan]", "sectors: [perdagangn]", "sectors[0]",
     ["urusan 'perdagangn' tidak dikenal", "maksud Anda 'perdagangan'"]),
    (BATU_2020, "innovation: kota-batu/adiarta", "innovation: kota-batu/adiartha", "winners[1].recipients[0].innovation",
     ["'kota-batu/adiartha' tidak ditemukan", "maksud Anda 'kota-batu/adiarta'"]),
    (NEW_NORMAL, 'region: "33.73"', 'region: "33.37"', "winners[1].recipients[0].region",
     ["kode wilayah '33.37'", "maksud Anda '33.73' (Kota Salatiga)"]),
    (IGA_2020, "  - category: kota\n", "  - category: kotaa\n", "winners[0].category",
     ["kategori 'kotaa'", "maksud Anda 'kota'"]),
    ("content/awards/lomba-inovasi-daerah-kota-batam/program.yml", 'region: "21.71"', 'region: "21.7"', "region",
     ["'21.7' tidak sesuai format", '"35.79"']),
])
def test_unknown_reference_with_suggestion(repo, rel, old, new, field, words):
    line = edit(repo, rel, old, new)
    problem = failing(repo).find(rel, line, *words)
    assert problem.text.startswith(f"{field}: ")


def test_unquoted_region_code(repo):
    line = edit(repo, INNOVATION, 'region: "35.79"', "region: 35.79")
    run = failing(repo)
    run.find(INNOVATION, line, "region:", "tanda kutip", '"35.79"', column=9)
    # the award that names this innovation is not blamed: the innovation's own file is the mistake
    assert run.at(BATU_2020) == [], run.output


def test_edition_in_a_misspelled_program_folder(repo):
    folder = "content/awards/inovative-government-award"
    (repo / folder).mkdir()
    shutil.copy(repo / IGA_2020, repo / folder / "2021.yml")
    failing(repo).find(folder, 1, "belum punya program.yml", "maksud Anda 'innovative-government-award'")


# -- uniqueness --------------------------------------------------------------------------------


def _append(root: Path, rel: str, text: str) -> int:
    path = root / rel
    before = path.read_text(encoding="utf-8")
    path.write_text(before + text, encoding="utf-8")
    return before.count("\n") + 1


def test_duplicate_region_code(repo):
    line = _append(repo, REGIONS, '- code: "35.79"\n  name: Kota Batu Baru\n  kind: kota\n')
    failing(repo).find(REGIONS, line, "kode wilayah 35.79 sudah dipakai", column=9)


def test_duplicate_region_slug(repo):
    line = _append(repo, REGIONS, '- code: "35.98"\n  name: Kota  Batu\n  kind: kota\n')
    failing(repo).find(REGIONS, line + 1, "sama dengan wilayah 35.79", "alamat halaman")


def test_duplicate_sector_id(repo):
    line = _append(repo, SECTORS, "- id: pendidikan\n  label: Pendidikan Dasar\n  group: wajib-pelayanan-dasar\n")
    failing(repo).find(SECTORS, line, "'pendidikan' sudah dipakai", column=7)


def test_duplicate_category_id(repo):
    line = edit(repo, BATAM_2023, "  - id: uptd-terinovatif", "  - id: opd-terinovatif")
    first = line_of(repo, BATAM_2023, "  - id: opd-terinovatif")
    run = failing(repo)
    run.find(BATAM_2023, first, "'opd-terinovatif'", "lebih dari sekali")
    run.find(BATAM_2023, line, "'opd-terinovatif'", "lebih dari sekali")


def test_same_rank_twice_in_a_ranked_category(repo):
    line = edit(repo, BATU_2020, "rank: 4", "rank: 3")
    problem = failing(repo).find(BATU_2020, line, "peringkat 3", "'top-5'", "sudah dipakai", column=11)
    assert problem.text.startswith("winners[3].rank: ")


def test_same_rank_is_fine_in_an_unranked_category(repo):
    for _ in range(2):
        edit(repo, NEW_NORMAL, "  - category: favorit\n    title:", "  - category: favorit\n    rank: 1\n    title :")
    assert validate(repo).code == 0


# -- untrusted links and paths -----------------------------------------------------------------


@pytest.mark.parametrize("rel, old, new, field", [
    ("innovations/kota-batam/layanan-perizinan-daring-mpp.md", "url: https://oss.go.id", 'url: "javascript:alert(1)"',
     "links[1].url"),
    ("innovations/kota-batam/layanan-perizinan-daring-mpp.md", "url: https://oss.go.id", "url: JaVaScRiPt:alert(1)",
     "links[1].url"),
    ("innovations/kota-batam/layanan-perizinan-daring-mpp.md", "url: https://oss.go.id",
     "url: data:text/html;base64,PHNjcmlwdD4=", "links[1].url"),
    ("innovations/kota-batam/layanan-perizinan-daring-mpp.md", "url: https://oss.go.id", "url: ftp://oss.go.id",
     "links[1].url"),
    (INNOVATION, "  - title: Penghargaan", "  - url: vbscript:msgbox\n    title: Penghargaan", "sources[0].url"),
    (INNOVATION, "sources:", "media:\n  - video: javascript:alert(1)\nsources:", "media[0].video"),
])
def test_link_that_is_not_http_or_mailto(repo, rel, old, new, field):
    edit(repo, rel, old, new)
    lines = (repo / rel).read_text(encoding="utf-8").splitlines()
    line = next(n for n, text in enumerate(lines, 1) if re.search(r"(?i)(javascript|vbscript|data|ftp):", text))
    problem = failing(repo).find(rel, line, "http://, https:// atau mailto:")
    assert problem.text.startswith(f"{field}: ")


def test_mailto_link_is_allowed(repo):
    edit(repo, INNOVATION, "sources:", "links:\n  - label: Surel\n    url: mailto:arsip@batukota.go.id\nsources:")
    assert validate(repo).code == 0


@pytest.mark.parametrize("image", ["../../etc/passwd", "/etc/passwd", "images/../../rahasia.jpg", "C:\\\\foto.jpg",
                                   "\\\\\\\\server\\\\foto.jpg"])
def test_media_path_leaving_the_repository(repo, image):
    line = edit(repo, INNOVATION, "sources:", f'media:\n  - image: "{image}"\n    alt: Foto\nsources:') + 1
    problem = failing(repo).find(INNOVATION, line, "di luar repositori", column=12)
    assert problem.text.startswith("media[0].image: ")


def test_missing_image_inside_the_repository(repo):
    line = edit(repo, INNOVATION, "sources:", "media:\n  - image: images/adiarta.jpg\n    alt: Foto\nsources:") + 1
    failing(repo).find(INNOVATION, line, "content/images/adiarta.jpg tidak ditemukan")
    (repo / "content/images").mkdir()
    (repo / "content/images/adiarta.jpg").write_bytes(b"\xff\xd8\xff")
    assert validate(repo).code == 0


@pytest.mark.parametrize("megabytes, severity, words", [
    (1.5, "warning", ["1.5 MB", "sebaiknya paling besar 1 MB"]),
    (10.5, "error", ["10.5 MB", "paling besar 10 MB"]),
])
def test_image_size_limits(repo, megabytes, severity, words):
    """Uploads through the browser editor land in content/images/; the size limits are stated and enforced."""
    line = edit(repo, INNOVATION, "sources:", "media:\n  - image: images/foto.jpg\n    alt: Foto\nsources:") + 1
    (repo / "content/images").mkdir()
    (repo / "content/images/foto.jpg").write_bytes(b"\xff\xd8\xff" + bytes(int(megabytes * 1024 * 1024)))
    run = validate(repo)
    problem = run.find(INNOVATION, line, "content/images/foto.jpg", *words)
    assert problem.severity == severity and problem.text.startswith("media[0].image: ")
    assert run.code == (1 if severity == "error" else 0), run.output


# -- where files live --------------------------------------------------------------------------


@pytest.mark.parametrize("target, words", [
    ("innovations/adiarta.md", ["tempat yang salah", "innovations/<daerah>/<nama-inovasi>.md"]),
    ("innovations/kota-batu/arsip/adiarta.md", ["tempat yang salah"]),
    ("innovations/kota-batu/adiarta-baru.yml", ["tempat yang salah", ".md"]),
    ("innovations/Kota Batu/adiarta.md", ["folder daerah 'Kota Batu'", "huruf kecil"]),
    ("innovations/kota-batu/Adiarta Baru.md", ["nama berkas 'Adiarta Baru'", "huruf kecil"]),
    ("content/awards/2020.yml", ["tempat yang salah", "content/awards/<program>/"]),
    ("content/awards/lomba-inovasi-daerah-kota-batam/edisi-2024.yml", ["tempat yang salah", "2020.yml"]),
])
def test_file_in_the_wrong_folder(repo, target, words):
    (repo / target).parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(repo / INNOVATION, repo / target)
    failing(repo).find(target, 1, *words)


def test_innovation_in_the_folder_of_another_region(repo):
    moved = "innovations/kota-batam/puspaga.md"
    (repo / "innovations/kota-batu/puspaga.md").rename(repo / moved)
    run = failing(repo)
    problem = run.find(moved, line_of(repo, moved, "region:"), "milik Kota Batu", "innovations/kota-batu/",
                       "bukan di innovations/kota-batam/")
    assert problem.text.startswith("region: ")


# -- encodings that are fine -------------------------------------------------------------------


def test_bom_and_crlf_files_are_valid(repo):
    def rewrite(rel: str, bom: bool, crlf: bool) -> None:
        data = (repo / rel).read_bytes()
        (repo / rel).write_bytes((b"\xef\xbb\xbf" if bom else b"") + (data.replace(b"\n", b"\r\n") if crlf else data))

    rewrite(INNOVATION, bom=True, crlf=True)
    rewrite(BATAM_INNOVATION, bom=False, crlf=True)
    rewrite(REGIONS, bom=True, crlf=False)
    rewrite(BATU_2020, bom=True, crlf=True)
    run = validate(repo)
    assert run.code == 0, run.output
    clean = check_repository(ROOT).catalog
    catalog = check_repository(repo).catalog
    for id_ in ("kota-batu/adiarta", "kota-batam/pasar-mama"):
        assert catalog.innovations[id_].model_dump() == clean.innovations[id_].model_dump()
        assert catalog.innovations[id_].body == clean.innovations[id_].body
    assert catalog.editions == clean.editions
    assert list(catalog.regions) == list(clean.regions)


def test_crlf_file_with_a_mistake_points_at_the_right_line(repo):
    line = edit(repo, INNOVATION, "stage: penerapan", "stage: diterapkan")
    (repo / INNOVATION).write_bytes((repo / INNOVATION).read_bytes().replace(b"\n", b"\r\n"))
    failing(repo).find(INNOVATION, line, "'diterapkan' tidak diizinkan", column=8)


# -- output formats and whole runs -------------------------------------------------------------


def _break_several(root: Path) -> dict[str, int]:
    """Four unrelated mistakes in four files; returns the line of each."""
    return {
        INNOVATION: edit(root, INNOVATION, "subtitle:", "subtitel:"),
        BATAM_INNOVATION: edit(root, BATAM_INNOVATION, "launched: 2020", "launched: 2020-02-30"),
        BATU_2020: edit(root, BATU_2020, "rank: 4", "rank: 3"),
        WANDERLINK: edit(root, WANDERLINK, "sources:", "links:\n  - label: Situs\n    url: javascript:void(0)\nsources:") + 2,
    }


def test_every_problem_of_several_files_in_one_run(repo):
    lines = _break_several(repo)
    run = failing(repo)
    assert {(p.path, p.line) for p in run.problems} == set(lines.items()), run.output
    assert f"{len(run.problems)} kesalahan" in run.output


def test_github_annotations(repo):
    lines = _break_several(repo)
    run = failing(repo, "--format", "github")
    annotations = re.findall(r"^::error file=([^,]+),line=(\d+),col=(\d+),title=([^:]+)::(.+)$", run.stdout, re.M)
    assert {(path, int(line)) for path, line, *_ in annotations} == set(lines.items()), run.stdout
    by_path = {path: (title, message) for path, _, _, title, message in annotations}
    assert by_path[INNOVATION] == ("subtitel", by_path[INNOVATION][1])
    assert "maksud Anda 'subtitle'" in by_path[INNOVATION][1]
    assert by_path[BATU_2020][0] == "winners[3].rank"


def test_json_output(repo):
    lines = _break_several(repo)
    run = failing(repo, "--format", "json")
    problems = unexpected(json.loads(run.stdout))
    assert {(p["path"], p["line"]) for p in problems} == set(lines.items())
    assert all(set(p) == {"path", "line", "column", "severity", "field", "message"} for p in problems)
    assert all(p["severity"] == "error" and p["column"] >= 1 for p in problems)
    date = next(p for p in problems if p["path"] == BATAM_INNOVATION)
    assert date["field"] == "launched" and "tidak ada di kalender" in date["message"]


def test_json_output_of_a_clean_run_is_an_empty_list(repo):
    for path in (repo / "innovations").glob("*/*.md"):  # every section of the profile: not even a warning
        path.write_text(path.read_text("utf-8") + "\n## Rancang bangun\n\nA.\n\n## Tujuan dan manfaat\n\nB.\n", "utf-8")
    run = validate(repo, "--format", "json")
    assert run.code == 0
    assert json.loads(run.stdout) == []


# -- a new editor's first pull request ---------------------------------------------------------


def test_new_editor_mistakes_are_each_reported_and_nothing_valid_is_lost(repo):
    """Six everyday mistakes at once: each is reported at its own file and line, in words that
    say what to do, and every record the editor did not touch is still in the catalog, unchanged."""
    tv_desa, ada_kelas = "innovations/kota-batu/tv-desa.md", "innovations/kota-batu/ada-kelas-di-atv.md"
    ptsp = "innovations/kota-batam/layanan-perizinan-daring-mpp.md"
    stray_innovation = "innovations/pasar-mama-baru.md"
    stray_edition = "content/awards/lomba-inovasi-daerah-kota-batam/Lomba 2024.yml"
    lines = {
        WANDERLINK: edit(repo, WANDERLINK, "summary:", "sumary:"),  # a typo in a field name
        tv_desa: edit(repo, tv_desa, 'region: "35.79"', "region: 35.79"),  # the code without quotes
        ada_kelas: edit(repo, ada_kelas, "sectors: [pendidikan]", "sectors: [pendidkan]"),  # a misspelled sector
        BATU_2020: edit(repo, BATU_2020, "date: 2021-02-17", "date: 2021-02-29"),  # a day February lacks
        ptsp: edit(repo, ptsp, "  - label: Online Single", "\t- label: Online Single"),  # a tab from the editor
    }
    shutil.copy(repo / BATAM_INNOVATION, repo / stray_innovation)  # saved one folder too high
    shutil.copy(repo / BATAM_2023, repo / stray_edition)  # named after the event, not the year
    lines[stray_innovation] = lines[stray_edition] = 1

    run = failing(repo)
    run.find(WANDERLINK, lines[WANDERLINK], "kolom 'sumary' tidak dikenal", "maksud Anda 'summary'", column=1)
    run.find(tv_desa, lines[tv_desa], "tanda kutip", '"35.79"', column=9)
    run.find(ada_kelas, lines[ada_kelas], "urusan 'pendidkan' tidak dikenal", "maksud Anda 'pendidikan'")
    run.find(BATU_2020, lines[BATU_2020], "2021-02-29", "tidak ada di kalender", column=11)
    run.find(ptsp, lines[ptsp], "tab", "spasi", column=1)
    run.find(stray_innovation, 1, "tempat yang salah", "innovations/<daerah>/<nama-inovasi>.md")
    run.find(stray_edition, 1, "tempat yang salah", "2020.yml")
    # Every problem is in a file the editor touched, so none of them sends anyone elsewhere.
    assert {p.path for p in run.problems} == set(lines), run.output

    clean = check_repository(ROOT)
    mutated = check_repository(repo)
    catalog = mutated.catalog
    touched = {WANDERLINK, tv_desa, ada_kelas, BATU_2020, ptsp}
    for id_, innovation in clean.catalog.innovations.items():
        if innovation.path not in touched:
            assert id_ in catalog.innovations, f"{id_} lost"
            assert catalog.innovations[id_].model_dump() == innovation.model_dump()
            assert catalog.innovations[id_].body == innovation.body
    for key, edition in clean.catalog.editions.items():
        if edition.path not in touched:
            assert catalog.editions.get(key) == edition, f"edition {key} lost or changed"
    assert catalog.programs == clean.catalog.programs
    assert catalog.regions == clean.catalog.regions
    assert catalog.sectors == clean.catalog.sectors
    # The awards of untouched editions still reach untouched innovations (the reverse index).
    assert [a.edition.path for a in catalog.awards_by_region["21.71"]] == \
        [a.edition.path for a in clean.catalog.awards_by_region["21.71"]]
    # A file missing from the catalog is never silent: each one carries an error of its own.
    loaded = {r.path for r in [*catalog.innovations.values(), *catalog.editions.values()]}
    files = [p.relative_to(repo).as_posix() for p in [*(repo / "innovations").rglob("*.md"),
                                                       *(repo / "content/awards").rglob("*.yml")]]
    errors = {p.path for p in mutated.problems if p.severity == "error"}
    silent = [f for f in files if f not in loaded and f not in errors and not f.endswith("/program.yml")]
    assert silent == []
