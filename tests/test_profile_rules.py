"""The rules of the full innovation profile and of the innovation index, through `python build.py
validate` as an editor meets them: one mistake in a copy of the sample content, reported at its
file, line and field, in words that say what is wrong and what is allowed."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from test_validate_rules import WANDERLINK, edit, failing, line_of, repo, validate  # noqa: F401  (repo is a fixture)

INDEX_2020 = "content/indeks/2020.yml"
ADIARTA = "innovations/kota-batu/adiarta.md"


def add_front(root: Path, rel: str, yaml: str) -> int:
    """Append front matter lines to an innovation (before its `sources:`); returns the first one's line."""
    return edit(root, rel, "sources:", f"{yaml}sources:")


# -- the official profile ----------------------------------------------------------------------


def test_the_new_fields_are_accepted(repo):
    add_front(repo, WANDERLINK, "covid19: true\ntrial: 2019-11\nbudget:\n  amount: 150000000\n  source: apbd\n"
              "status:\n  state: berhenti\n  confirmed: 2023-05-02\n  since: 2022-06\n  reason: Anggaran berhenti\n"
              "evidence:\n  - title: Liputan\n    kind: berita\n    date: 2020-07-01\n    url: https://batam.go.id/x\n"
              "replicates:\n  name: Nama Inovasi Asal\n  region: \"35.79\"\n")
    run = validate(repo)
    assert run.code == 0, run.output
    assert run.at(WANDERLINK) == []


def test_trial_after_implementation(repo):
    line = add_front(repo, WANDERLINK, "trial: 2021-03\n")  # launched: 2020
    problem = failing(repo).find(WANDERLINK, line, "waktu uji coba (2021-03) sesudah waktu penerapan", column=8)
    assert problem.text.startswith("trial: ")


def test_trial_in_the_implementation_year_is_fine(repo):
    add_front(repo, WANDERLINK, "trial: 2020-11\n")  # launched: 2020: a month of that year is not after it
    assert validate(repo).code == 0


@pytest.mark.parametrize("value, words", [
    ("2020-13", ["bulan 2020-13 tidak ada", "01–12"]),
    ("maret 2020", ["bukan waktu", "2020-03"]),
])
def test_badly_written_month(repo, value, words):
    line = add_front(repo, WANDERLINK, f"trial: {value}\n")
    assert failing(repo).find(WANDERLINK, line, *words).text.startswith("trial: ")


def test_budget_needs_a_known_source(repo):
    line = add_front(repo, WANDERLINK, "budget:\n  amount: 150000000\n  source: apbdes\n") + 2
    problem = failing(repo).find(WANDERLINK, line, "apbd", "apbn", "lainnya")
    assert problem.text.startswith("budget.source: ")


def narrative_warnings(root: Path) -> list[dict]:
    run = validate(root, "--format", "json")
    assert run.code == 0, "a warning does not fail validation"
    return [p for p in json.loads(run.stdout) if p["severity"] == "warning" and p["field"] == "narasi"]


def closing_line(root: Path, rel: str) -> int:
    """The line of the '---' that closes a file's front matter."""
    lines = (root / rel).read_text("utf-8").split("\n")
    return lines.index("---", 1) + 1


def test_narrative_without_the_official_sections_is_a_warning(repo):
    warned = {p["path"]: p for p in narrative_warnings(repo)}
    adiarta = warned[ADIARTA]
    # On the '---' below which the headings are written, as the message says.
    assert (adiarta["line"], adiarta["column"]) == (closing_line(repo, ADIARTA), 1)
    message = adiarta["message"]
    assert "tahap penerapan" in message and "di bawah baris '---' ini" in message
    # It says what each missing section tells, so the editor knows what to add.
    for heading in ("'## Rancang bangun' (cara kerja", "'## Tujuan' (masalah", "'## Manfaat' (siapa"):
        assert heading in message, message
    assert "'## Hasil'" not in message
    assert WANDERLINK not in warned, "'## Tujuan dan manfaat' names two sections"


def test_the_warning_stays_on_its_line_when_the_front_matter_grows(repo):
    """The position comes from what the loader read, with the parse cache too (a second run)."""
    add_front(repo, ADIARTA, "covid19: false\ntrial: 2019\n")
    for _run in range(2):
        [warning] = [p for p in narrative_warnings(repo) if p["path"] == ADIARTA]
        assert warning["line"] == closing_line(repo, ADIARTA)


def test_the_warning_goes_once_the_sections_are_written(repo):
    path = repo / ADIARTA
    path.write_text(path.read_text("utf-8") + "\n## Rancang bangun\n\nX.\n\n## Tujuan\n\nY.\n\n### Manfaat\n\nZ.\n", "utf-8")
    assert ADIARTA not in {p["path"] for p in narrative_warnings(repo)}


# -- evidence ---------------------------------------------------------------------------------------


EVIDENCE = "evidence:\n  - title: SK\n    kind: sk\n    file: {file}\n"


def test_evidence_file_that_does_not_exist(repo):
    line = add_front(repo, WANDERLINK, EVIDENCE.format(file="bukti/sk.pdf")) + 3
    problem = failing(repo).find(WANDERLINK, line, "content/bukti/sk.pdf tidak ditemukan")
    assert problem.text.startswith("evidence[0].file: ")
    (repo / "content/bukti").mkdir()
    (repo / "content/bukti/sk.pdf").write_bytes(b"%PDF-1.4\n%%EOF\n")
    assert validate(repo).code == 0


@pytest.mark.parametrize("name, size, limit", [("sk.pdf", 5, 5), ("foto.jpg", 2, 2), ("foto.png", 2, 2)])
def test_oversized_evidence_file(repo, name, size, limit):
    (repo / "content/bukti").mkdir()
    (repo / "content/bukti" / name).write_bytes(b"\0" * (size * 1024 * 1024 + 1))
    line = add_front(repo, WANDERLINK, EVIDENCE.format(file=f"bukti/{name}")) + 3
    problem = failing(repo).find(WANDERLINK, line, f"melebihi batas {limit} MB")
    assert problem.text.startswith("evidence[0].file: ")
    (repo / "content/bukti" / name).write_bytes(b"\0" * (size * 1024 * 1024))
    assert validate(repo).code == 0, "the limit itself is allowed"


def test_evidence_that_is_not_a_pdf_or_image(repo):
    (repo / "content/bukti").mkdir()
    (repo / "content/bukti/sk.docx").write_bytes(b"PK")
    line = add_front(repo, WANDERLINK, EVIDENCE.format(file="bukti/sk.docx")) + 3
    failing(repo).find(WANDERLINK, line, "bukan PDF atau gambar", ".pdf", "url")


# The paths' rule of media (records.common.RepoPath): a ':' reads as a link's scheme once published.
@pytest.mark.parametrize("file, words", [
    ("../../etc/passwd.pdf", "di luar repositori"), ("/etc/passwd.pdf", "di luar repositori"),
    ("bukti/../../rahasia.pdf", "di luar repositori"), ("javascript:alert(1).pdf", "tidak boleh memuat ':'"),
])
def test_evidence_path_leaving_the_repository(repo, file, words):
    line = add_front(repo, WANDERLINK, EVIDENCE.format(file=f'"{file}"')) + 3
    assert failing(repo).find(WANDERLINK, line, words).text.startswith("evidence[0].file: ")


@pytest.mark.parametrize("body, words", [
    ("    url: http://batam.go.id/sk\n", ["harus diawali https://"]),
    ("    url: https://batam.go.id/sk\n    file: bukti/sk.pdf\n", ["tepat satu dari 'file'", "'url'"]),
    ("", ["tepat satu dari 'file'"]),
])
def test_evidence_is_one_file_or_one_https_link(repo, body, words):
    line = add_front(repo, WANDERLINK, "evidence:\n  - title: SK\n    kind: sk\n" + body) + 1
    assert failing(repo).find(WANDERLINK, line, *words).text.startswith("evidence[0]: ")


def test_evidence_kind_is_one_of_the_list(repo):
    line = add_front(repo, WANDERLINK, "evidence:\n  - title: SK\n    kind: surat\n    url: https://batam.go.id/sk\n") + 2
    failing(repo).find(WANDERLINK, line, "sk", "laporan", "foto", "video", "berita", "lainnya")


# -- status -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("status, words", [
    ("  state: berhenti\n  confirmed: 2023-05-02\n", ["berhenti perlu 'since'", "'reason'"]),
    ("  state: aktif\n  confirmed: 2023-05-02\n  reason: Tidak ada\n", ["hanya untuk inovasi yang berhenti"]),
])
def test_status_says_when_and_why_it_stopped_and_only_then(repo, status, words):
    # A problem of the whole mapping is shown at its first line inside.
    line = add_front(repo, WANDERLINK, "status:\n" + status) + 1
    assert failing(repo).find(WANDERLINK, line, *words).text.startswith("status: ")


def test_status_needs_the_date_it_was_confirmed(repo):
    line = add_front(repo, WANDERLINK, "status:\n  state: aktif\n") + 1
    failing(repo).find(WANDERLINK, line, "kolom wajib 'confirmed'")


# -- replication ------------------------------------------------------------------------------------


def test_replicates_an_unknown_innovation(repo):
    line = add_front(repo, WANDERLINK, "replicates:\n  innovation: kota-batu/adiartta\n") + 1
    problem = failing(repo).find(WANDERLINK, line, "'kota-batu/adiartta' tidak ditemukan", "maksud Anda 'kota-batu/adiarta'")
    assert problem.text.startswith("replicates.innovation: ")


def test_replicates_itself(repo):
    line = add_front(repo, WANDERLINK, "replicates:\n  innovation: kota-batam/wanderlink\n") + 1
    failing(repo).find(WANDERLINK, line, "tidak dapat mereplikasi dirinya sendiri")


def test_replication_cycle_is_reported_on_every_member(repo):
    pasar = "innovations/kota-batam/pasar-mama.md"
    first = add_front(repo, WANDERLINK, "replicates:\n  innovation: kota-batu/adiarta\n") + 1
    second = add_front(repo, ADIARTA, "replicates:\n  innovation: kota-batam/pasar-mama\n") + 1
    third = add_front(repo, pasar, "replicates:\n  innovation: kota-batam/wanderlink\n") + 1
    run = failing(repo)
    for rel, line in ((WANDERLINK, first), (ADIARTA, second), (pasar, third)):
        problem = run.find(rel, line, "replikasi melingkar", "kota-batam/wanderlink", "kota-batu/adiarta", "kota-batam/pasar-mama")
        assert problem.text.startswith("replicates.innovation: ")


def test_a_long_replication_chain_is_checked_in_linear_time(repo):
    """Each of 3,000 innovations copies the one before it: the check follows each link once."""
    text = (repo / WANDERLINK).read_text("utf-8")
    folder = repo / "innovations/kota-batam"
    for n in range(3000):
        copied = f"replicates:\n  innovation: kota-batam/rantai-{n - 1}\n" if n else ""
        (folder / f"rantai-{n}.md").write_text(text.replace("sources:", copied + "sources:", 1), "utf-8")
    started = time.perf_counter()
    run = validate(repo)
    assert run.code == 0, run.output
    assert time.perf_counter() - started < 60


@pytest.mark.parametrize("body, field, words", [
    ('  name: Nama Inovasi Asal\n  region: "99.99"\n', "replicates.region", ["kode wilayah '99.99'"]),
    ("  name: Nama Inovasi Asal\n", "replicates", ["perlu 'name' dan 'region'"]),
    ('  innovation: kota-batu/adiarta\n  region: "35.79"\n', "replicates", ["tidak keduanya"]),
])
def test_replicates_outside_the_catalog_names_it_and_its_region(repo, body, field, words):
    start = add_front(repo, WANDERLINK, "replicates:\n" + body)
    line = start + 2 if field == "replicates.region" else start + 1
    assert failing(repo).find(WANDERLINK, line, *words).text.startswith(f"{field}: ")


# -- the innovation index ---------------------------------------------------------------------------


def write_index(root: Path, year: int, scores: str) -> str:
    rel = f"content/indeks/{year}.yml"
    (root / rel).write_text(f"title: Indeks Inovasi Daerah {year}\nscores:\n{scores}", "utf-8")
    return rel


def test_index_predicate_must_match_the_score(repo):
    rel = write_index(repo, 2021, '  - region: "35.79"\n    score: 58.20\n    predicate: sangat-inovatif\n')
    problem = failing(repo).find(rel, 5, "nilai 58.20 berpredikat 'inovatif'", "bukan 'sangat-inovatif'", "60,01–100")
    assert problem.text.startswith("scores[0].predicate: ")


@pytest.mark.parametrize("score, predicate", [(60.01, "sangat-inovatif"), (60.0, "inovatif"), (35.0, "inovatif"),
                                              (34.99, "kurang-inovatif"), (0.01, "kurang-inovatif"),
                                              (0, "tidak-dapat-dinilai"), (100, "sangat-inovatif")])
def test_index_range_bounds(repo, score, predicate):
    write_index(repo, 2021, f'  - region: "35.79"\n    score: {score}\n    predicate: {predicate}\n')
    assert validate(repo).code == 0


def test_index_region_once_per_year(repo):
    rel = write_index(repo, 2021, '  - region: "35.79"\n    predicate: inovatif\n'
                                  '  - region: "21.71"\n    predicate: inovatif\n'
                                  '  - region: "35.79"\n    predicate: inovatif\n')
    problem = failing(repo).find(rel, 7, "Kota Batu sudah dinilai di baris 3", "sekali per tahun")
    assert problem.text.startswith("scores[2].region: ")


def test_index_region_must_exist(repo):
    rel = write_index(repo, 2021, '  - region: "35.97"\n    predicate: inovatif\n')
    failing(repo).find(rel, 3, "kode wilayah '35.97'", "maksud Anda '35.79' (Kota Batu)")


def test_index_score_out_of_range(repo):
    rel = write_index(repo, 2021, '  - region: "35.79"\n    score: 120\n    predicate: sangat-inovatif\n')
    failing(repo).find(rel, 4, "100")


@pytest.mark.parametrize("name", ["indeks-2021.yml", "1021.yml"])
def test_index_file_named_after_its_year(repo, name):
    (repo / "content/indeks" / name).write_text((repo / INDEX_2020).read_text("utf-8"), "utf-8")
    failing(repo).find(f"content/indeks/{name}", 1, "2020.yml")


def test_predicate_without_a_score_is_what_the_sample_holds(repo):
    text = (repo / INDEX_2020).read_text("utf-8")
    assert "score" not in text.split("scores:")[1].split("sources:")[0].replace("scores", "")
    line = edit(repo, INDEX_2020, "predicate: sangat-inovatif", "predicate: sangat inovatif")
    failing(repo).find(INDEX_2020, line, "sangat-inovatif", "tidak-dapat-dinilai")


def test_changed_since_sees_a_cycle_closed_by_the_changed_file(tmp_path):
    from test_pipeline import Repo

    (tmp_path / "repo").mkdir()
    git = Repo(tmp_path / "repo")
    add_front(git.path, WANDERLINK, "replicates:\n  innovation: kota-batu/adiarta\n")
    base = git.commit("Wanderlink copies ADIARTA")
    line = add_front(git.path, ADIARTA, "replicates:\n  innovation: kota-batam/wanderlink\n") + 1
    result = git.cli("validate", "--changed-since", base)
    assert result.returncode == 1, result.stdout
    assert f"{ADIARTA}:{line}:" in result.stdout and "replikasi melingkar" in result.stdout


def test_the_guide_examples_are_valid(repo):
    """Each example of content/panduan/profil-inovasi.md, written into the sample, validates clean."""
    import re

    text = (Path(__file__).resolve().parents[1] / "content/panduan/profil-inovasi.md").read_text("utf-8")
    examples = re.findall(r"^```yaml\n(.*?)^```$", text, re.S | re.M)
    index = next(block for block in examples if "$schema=" in block)
    (repo / "content/indeks/2021.yml").write_text(index, "utf-8")
    (repo / "content/bukti").mkdir()
    (repo / "content/bukti/sk-inovasi.pdf").write_bytes(b"%PDF-1.4\n%%EOF\n")
    fields = [block for block in examples if block is not index]
    assert len(fields) == 5
    for n, block in enumerate(fields):
        rel = f"innovations/kota-batam/contoh-{n}.md"
        (repo / rel).write_text((repo / WANDERLINK).read_text("utf-8").replace("launched: 2020\n", "")
                                .replace("sources:", block + "sources:", 1), "utf-8")
    run = validate(repo)
    assert run.code == 0, run.output
    assert [p for p in run.problems if "contoh-" in p.path or "indeks" in p.path] == []
