"""`python build.py import`: an office's spreadsheet becomes innovation files, through the real command line.

The spreadsheets are written here as an office would type them (openpyxl for XLSX, plain text for
CSV); what is checked is what an editor sees: the files written, that `validate` accepts them, and
each problem's row, column and message.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from etalase.importer import columns
from etalase.labels import FIELD_LABELS, LABELS
from etalase.parse import parse_front_matter
from etalase.validate import check_repository

from sample_repo import ROOT, cli, copy_sample, unexpected

GUIDE = ROOT / "content" / "panduan"

MESSY = [
    # mixed-case headers, spaces, and a column the importer does not know
    ["NAMA INOVASI", " daerah ", "urusan  pemerintahan", "jenis", "Bentuk", "TAHAPAN", "Mulai Diterapkan",
     "Ringkasan", "Keterangan"],
    ["Sipandu Sehat", "Kab. Sleman", "Kesehatan", "Digital", "Pelayanan publik", "Uji coba", "17 Agustus 2021",
     "Antrean puskesmas daring.", "dari rapat"],  # 2: a date typed as text
    ["Bank Sampah Digital", "Kota Solok", "lingkungan-hidup, Sosial", "non-digital", "tata-kelola", "penerapan",
     dt.datetime(2020, 3, 1), "Sampah ditukar saldo.", None],  # 3: ids instead of labels, a date cell
    ["Klinik Keliling", "Kota Batam", "Kesehatn", "Digital", "Pelayanan publik", "Uji coba", 2022,
     "Klinik datang ke pulau.", None],  # 4: an unknown sector
    # 5: a required cell left empty
    ["Kartu Tani", "34.04", "Pertanian", "Digital", "Pelayanan publik", "Penerapan", 2019, None, None],
    ["Sipandu Sehat", "Kab. Sleman", "Kesehatan", "Digital", "Pelayanan publik", "Uji coba", "17 Agustus 2021",
     "Antrean puskesmas daring.", "dari rapat"],  # 6: the same row again
    ["Solok Mantap", "Solok", "Sosial", "Digital", "Pelayanan publik", "Uji coba", 2021, "Dua daerah.", None],  # 7
    ["Pasar Daring", "Kot. Pare-Pare", "Koperasi, Usaha Kecil, dan Menengah; Perdagangan", "Digital",
     "Pelayanan publik", "Inisiatif", "22/06/2020", "UMKM berjualan daring.", None],  # 8: a label with commas
    ["Satu Data", "Kota Parepare", "Statistik", "digitl", "Pelayanan publik", "Inisiatif", "31/02/2020",
     "Data terpadu.", None],  # 9: a misspelt choice and an impossible date
]
CREATED = {
    "innovations/kabupaten-sleman/sipandu-sehat.md": (2, {"region": "34.04", "sectors": ["kesehatan"],
                                                         "stage": "uji-coba", "launched": "2021-08-17"}),
    "innovations/kota-solok/bank-sampah-digital.md": (3, {"region": "13.72", "sectors": ["lingkungan-hidup", "sosial"],
                                                         "type": "non-digital", "launched": "2020-03-01"}),
    "innovations/kota-parepare/pasar-daring.md": (8, {"region": "73.72", "sectors": ["koperasi-ukm", "perdagangan"],
                                                     "launched": "2020-06-22"}),
}
ERRORS = {(4, 3, "Urusan pemerintahan", "'Kesehatn' tidak dikenal; maksud Anda 'Kesehatan'?"),
          (5, 8, "Ringkasan", "kolom wajib ini belum diisi"),
          (7, 2, "Daerah", "'Solok' bisa berarti Kabupaten Solok (13.02) atau Kota Solok (13.72)"),
          (9, 4, "Jenis", "'digitl' tidak dikenal; maksud Anda 'Digital'? pilihan: Digital, Non-digital"),
          (9, 7, "Mulai diterapkan", "tanggal '31/02/2020' tidak ada di kalender")}
WARNINGS = {(1, 9, "Keterangan", "kolom ini tidak dikenal dan diabaikan"),
            (6, 1, "Nama inovasi", "inovasi ini sudah ada di baris 2")}


def workbook(path: Path, rows: list[list], sheet: str = "Data") -> Path:
    book = Workbook()
    book.active.title = sheet
    for row in rows:
        book.active.append(row)
    book.save(path)
    return path


def run_import(repo: Path, *args: str) -> subprocess.CompletedProcess:
    """`python build.py import …` from inside the repository, as the guide tells an editor to run it."""
    return subprocess.run([sys.executable, str(ROOT / "build.py"), "import", *args], cwd=repo,
                          capture_output=True, text=True, timeout=300)


def problems(run: subprocess.CompletedProcess) -> list[dict]:
    return json.loads(run.stderr) if run.stderr.strip() else []


def tree(repo: Path) -> dict[str, bytes]:
    return {p.relative_to(repo).as_posix(): p.read_bytes() for p in sorted((repo / "innovations").rglob("*.md"))}


def assert_valid(repo: Path) -> None:
    run = cli(repo, "validate", "--format", "json")
    assert run.returncode == 0 and unexpected(json.loads(run.stdout)) == [], run.stdout


def test_a_messy_spreadsheet_is_imported_and_every_bad_row_reported(tmp_path):
    repo = copy_sample(tmp_path / "repo")
    workbook(repo / "inovasi.xlsx", MESSY)
    before = tree(repo)
    run = run_import(repo, "inovasi.xlsx", "--format", "json")
    assert run.returncode == 1 and "Traceback" not in run.stderr
    found = problems(run)
    assert {p["path"] for p in found} == {"inovasi.xlsx"}
    for severity, expected in (("error", ERRORS), ("warning", WARNINGS)):
        got = [p for p in found if p["severity"] == severity]
        assert len(got) == len(expected)
        for row, column, header, message in expected:
            assert any((p["line"], p["column"], p["field"]) == (row, column, header) and message in p["message"]
                       for p in got), (row, column, header, message)
    # The valid rows, and only they, became files; every file validates.
    after = tree(repo)
    assert sorted(set(after) - set(before)) == sorted(CREATED) and all(after[k] == before[k] for k in before)
    for rel, (row, fields) in CREATED.items():
        assert f"dibuat: {rel} (baris {row})" in run.stdout
        data = parse_front_matter((repo / rel).read_text("utf-8")).data
        assert {key: data[key] for key in fields} == fields, rel
    assert "8 baris: 3 dibuat, 0 diperbarui, 0 tidak berubah, 4 ditolak." in run.stdout
    assert_valid(repo)
    assert set(CREATED) <= {i.path for i in check_repository(repo).catalog.innovations.values()}

    # The same file again: nothing is written or copied, each innovation is reported unchanged.
    again = run_import(repo, "inovasi.xlsx", "--format", "json")
    assert tree(repo) == after
    assert problems(again) == found
    for rel, (row, _) in CREATED.items():
        assert f"tidak berubah: {rel} (baris {row})" in again.stdout
    assert "0 dibuat, 0 diperbarui, 3 tidak berubah" in again.stdout


def test_dry_run_writes_nothing(tmp_path):
    repo = copy_sample(tmp_path / "repo")
    workbook(repo / "inovasi.xlsx", MESSY)
    before = tree(repo)
    run = run_import(repo, "inovasi.xlsx", "--dry-run")
    assert tree(repo) == before
    for rel, (row, _) in CREATED.items():
        assert f"akan dibuat: {rel} (baris {row})" in run.stdout
    assert "Tidak ada berkas yang ditulis (--dry-run)." in run.stdout
    assert "inovasi.xlsx:7:2: error: Daerah: 'Solok' bisa berarti" in run.stderr


def test_an_imported_file_is_the_file_new_writes(tmp_path):
    repo = copy_sample(tmp_path / "repo")
    # A CSV as Excel saves it in Indonesia: semicolons, a byte order mark.
    row = ["Sistem Antrean Puskesmas Daring", "Kota Batu", "Kesehatan, Administrasi Kependudukan dan Pencatatan Sipil",
           "Digital", "Pelayanan publik", "Uji coba", "Antrean puskesmas lewat ponsel.", "Dinas Kesehatan"]
    (repo / "daftar.csv").write_text("Nama Inovasi;Daerah;Urusan;Jenis;Bentuk;Tahapan;Ringkasan;OPD\n"
                                     + ";".join(row) + "\n", encoding="utf-8-sig")
    run = run_import(repo, "daftar.csv")
    assert run.returncode == 0, run.stderr
    other = copy_sample(tmp_path / "other")
    made = cli(other, "new", "innovation", "--title", "Sistem Antrean Puskesmas Daring", "--region", "35.79",
               "--sector", "kesehatan", "--sector", "administrasi-kependudukan", "--type", "digital",
               "--form", "pelayanan-publik", "--stage", "uji-coba", "--summary", "Antrean puskesmas lewat ponsel.",
               "--unit", "Dinas Kesehatan")
    assert made.returncode == 0, made.stderr
    rel = "innovations/kota-batu/sistem-antrean-puskesmas-daring.md"
    assert (repo / rel).read_bytes() == (other / rel).read_bytes()


def test_nothing_existing_is_overwritten_without_update(tmp_path):
    repo = copy_sample(tmp_path / "repo")
    header = "Nama inovasi,Daerah,Urusan pemerintahan,Jenis,Bentuk,Tahapan,Ringkasan\n"
    (repo / "a.csv").write_text(header + "Kartu Tani,Kabupaten Sleman,Pertanian,Digital,Pelayanan publik,Uji coba,"
                                "Pupuk bersubsidi dengan kartu.\n", encoding="utf-8")
    assert run_import(repo, "a.csv").returncode == 0
    rel = repo / "innovations/kabupaten-sleman/kartu-tani.md"
    rel.write_text(rel.read_text("utf-8") + "\nPetani menebus pupuk dengan kartu.\n", encoding="utf-8")
    edited = rel.read_bytes()
    # The office's list has moved on: the stage and the summary changed.
    (repo / "a.csv").write_text(header + "Kartu Tani,34.04,Pertanian,Digital,Pelayanan publik,Penerapan,"
                                "Pupuk bersubsidi dengan kartu tani.\n", encoding="utf-8")
    run = run_import(repo, "a.csv")
    assert run.returncode == 0
    assert ("a.csv:2:1: warning: Nama inovasi: innovations/kabupaten-sleman/kartu-tani.md sudah ada dengan isi lain "
            "(Tahapan, Ringkasan); tidak ditimpa; impor lagi dengan --update") in run.stderr
    assert rel.read_bytes() == edited
    assert run_import(repo, "a.csv", "--update", "--dry-run").returncode == 0 and rel.read_bytes() == edited
    run = run_import(repo, "a.csv", "--update")
    assert "diperbarui: innovations/kabupaten-sleman/kartu-tani.md (baris 2)" in run.stdout
    text = rel.read_text("utf-8")
    data = parse_front_matter(text).data
    assert (data["stage"], data["summary"]) == ("penerapan", "Pupuk bersubsidi dengan kartu tani.")
    assert text.endswith("\nPetani menebus pupuk dengan kartu.\n") and "# Kolom lain yang boleh diisi" in text
    assert_valid(repo)
    assert "tidak berubah: innovations/kabupaten-sleman/kartu-tani.md" in run_import(repo, "a.csv").stdout


def test_an_innovation_already_in_the_catalog_is_recognised_by_title_and_region(tmp_path):
    repo = copy_sample(tmp_path / "repo")
    before = tree(repo)
    (repo / "a.csv").write_text("Nama inovasi,Daerah,Urusan pemerintahan,Jenis,Bentuk,Tahapan,Ringkasan\n"
                                "adiarta,Kota Batu,Kearsipan,Digital,Tata kelola pemerintahan daerah,Penerapan,"
                                "Ringkasan lain.\n", encoding="utf-8")
    run = run_import(repo, "a.csv")
    assert "innovations/kota-batu/adiarta.md sudah ada dengan isi lain" in run.stderr
    assert tree(repo) == before


def test_bad_files_are_reported_without_a_traceback(tmp_path):
    repo = copy_sample(tmp_path / "repo")
    (repo / "rusak.xlsx").write_bytes(b"bukan lembar kerja")
    (repo / "tanpa-kolom.csv").write_text("Nomor,Catatan\n1,apa saja\n", encoding="utf-8")
    (repo / "kurang.csv").write_text("Nama inovasi,Daerah\nA,Kota Batu\n", encoding="utf-8")
    for name, expected in (("rusak.xlsx", "rusak.xlsx:1:1: error: berkas ini tidak bisa dibaca sebagai XLSX"),
                           ("tanpa-kolom.csv", "tanpa-kolom.csv:1:1: error: baris judul kolom tidak ditemukan"),
                           ("kurang.csv", "kurang.csv:1:1: error: kolom wajib tidak ada: Urusan pemerintahan, "
                                          "Jenis, Bentuk, Tahapan, Ringkasan")):
        run = run_import(repo, name)
        assert run.returncode == 1 and expected in run.stderr and "Traceback" not in run.stderr, run.stderr


def test_the_template_has_every_column_dropdowns_and_instructions(tmp_path):
    repo = copy_sample(tmp_path / "repo")
    run = run_import(repo, "--template", "inovasi.xlsx")
    assert run.returncode == 0, run.stderr
    book = load_workbook(repo / "inovasi.xlsx")
    assert book.sheetnames == ["Petunjuk", "Inovasi", "Pilihan", "Wilayah"]
    sheet = book["Inovasi"]
    headers = [cell.value for cell in sheet[1]]
    catalog = check_repository(repo).catalog
    assert headers == [FIELD_LABELS.get(c.field, c.field) for c in columns(catalog)]
    rules = {str(rule.sqref).split(":")[0][:-1]: rule for rule in sheet.data_validations.dataValidation}
    # Every enumerated column offers its Indonesian labels; the region column offers every region's name.
    enumerated = {"type": list(LABELS["type"].values()), "form": list(LABELS["form"].values()),
                  "stage": list(LABELS["stage"].values()), "initiator": list(LABELS["initiator"].values()),
                  "sectors": [s.label for s in catalog.sectors.values()],
                  "region": [r.name for r in catalog.regions.values()]}
    for field, labels in enumerated.items():
        letter = chr(ord("A") + headers.index(FIELD_LABELS[field]))
        listing, column = re.fullmatch(r"=(\w+)!\$(\w)\$2:\$\w\$\d+", rules[letter].formula1).groups()
        number = ord(column) - ord("A") + 1
        listed = [row[0] for row in book[listing].iter_rows(min_col=number, max_col=number, min_row=2,
                                                            values_only=True) if row[0] is not None]
        assert listed == labels, field
    assert rules[chr(ord("A") + headers.index("Jenis"))].showErrorMessage  # a choice must be one of the list
    assert not rules[chr(ord("A") + headers.index("Daerah"))].showErrorMessage  # a code is welcome too
    codes = [row[0] for row in book["Wilayah"].iter_rows(min_row=2, values_only=True)]
    assert len(codes) == 552 and "34.04" in codes
    instructions = " ".join(str(row[0]) for row in book["Petunjuk"].iter_rows(values_only=True) if row[0])
    assert "python build.py import" in instructions and "--update" in instructions
    # Filled in as an office would (choices from the dropdowns), it imports.
    sheet.append(["Antrean Daring", None, "Kota Batu", None, "Kesehatan", "Digital", "Pelayanan publik", "Uji coba",
                  "Perangkat daerah", None, None, 2021, "Antrean puskesmas lewat ponsel."])
    book.save(repo / "inovasi.xlsx")
    run = run_import(repo, "inovasi.xlsx")
    assert run.returncode == 0, run.stderr
    assert "dibuat: innovations/kota-batu/antrean-daring.md (baris 2)" in run.stdout
    assert_valid(repo)


def test_the_guides_template_is_current_and_published(tmp_path, built_site):
    run = run_import(ROOT, "--template", str(tmp_path / "inovasi.xlsx"))
    assert run.returncode == 0, run.stderr
    assert (tmp_path / "inovasi.xlsx").read_bytes() == (GUIDE / "templat-inovasi.xlsx").read_bytes(), \
        "the guide's template is stale: python build.py import --template content/panduan/templat-inovasi.xlsx"
    published = built_site / "panduan" / "templat-inovasi.xlsx"
    assert published.read_bytes() == (GUIDE / "templat-inovasi.xlsx").read_bytes()
    page = (built_site / "panduan" / "mengimpor" / "index.html").read_text("utf-8")
    assert 'href="../templat-inovasi.xlsx"' in page


def test_the_guides_example_is_what_the_command_prints(tmp_path):
    text = (GUIDE / "mengimpor.md").read_text("utf-8")
    csv_text = re.search(r"^```csv\n(.*?)^```$", text, re.S | re.M).group(1)
    blocks = re.findall(r"^```text\n(.*?)^```$", text, re.S | re.M)
    output = next(b for b in blocks if b.startswith("inovasi.csv:"))
    repo = copy_sample(tmp_path / "repo")
    (repo / "inovasi.csv").write_text(csv_text, encoding="utf-8")
    run = run_import(repo, "inovasi.csv", "--dry-run")
    assert run.stderr + run.stdout == output


@pytest.mark.parametrize("cell, launched", [("2020", 2020), (2020.0, 2020), ("22-06-2020", "2020-06-22"),
                                            ("22 Jun 2020", "2020-06-22"), ("2020-06-22", "2020-06-22")])
def test_dates_as_offices_type_them(tmp_path, cell, launched):
    repo = copy_sample(tmp_path / "repo")
    workbook(repo / "a.xlsx", [["Nama inovasi", "Daerah", "Urusan pemerintahan", "Jenis", "Bentuk", "Tahapan",
                                "Mulai diterapkan", "Ringkasan"],
                               ["Antrean", 35.79, "kesehatan", "Digital", "Lainnya", "Inisiatif", cell, "Ringkas."]])
    run = run_import(repo, "a.xlsx")
    assert run.returncode == 0, run.stderr
    data = parse_front_matter((repo / "innovations/kota-batu/antrean.md").read_text("utf-8")).data
    assert data["launched"] == launched and data["region"] == "35.79"


def test_every_column_has_an_indonesian_header():
    # A field added to the innovation model becomes a column by itself; its header needs a name.
    catalog = check_repository(ROOT).catalog
    unnamed = [c.field for c in columns(catalog) if c.field not in FIELD_LABELS]
    assert unnamed == [], f"add these fields to labels.FIELD_LABELS: {unnamed}"
    assert {c.field for c in columns(catalog)} >= {"title", "region", "sectors", "type", "form", "stage",
                                                    "initiator", "launched", "summary"}


def test_the_sites_own_download_imports_into_another_showcase(tmp_path, built_site):
    """data/inovasi.csv of one site, imported into a repository without innovations, gives back every
    innovation in its region's folder with the same fields (the narrative, links and sources stay behind)."""
    original = check_repository(ROOT).catalog.innovations.values()
    repo = copy_sample(tmp_path / "repo")
    for path in (repo / "innovations").rglob("*.md"):
        path.unlink()
    run = run_import(repo, str(built_site / "data" / "inovasi.csv"))
    assert run.returncode == 0, run.stderr
    assert f"{len(original)} baris: {len(original)} dibuat" in run.stdout
    catalog = check_repository(repo).catalog
    fields = [c.field for c in columns(catalog)]
    def key(innovation):
        return {f: getattr(innovation, f) for f in fields}

    assert sorted(map(str, map(key, catalog.innovations.values()))) == sorted(map(str, map(key, original)))
    assert {i.id.split("/")[0] for i in catalog.innovations.values()} == {i.id.split("/")[0] for i in original}
    assert_valid(repo)
