"""The spreadsheet an office fills in for `import`: `python build.py import --template inovasi.xlsx`.

Sheets: Inovasi (the column headers `import` reads, a dropdown on every column with choices),
Petunjuk (how to fill it in, and every column with its description from the model), Pilihan (the
choices the dropdowns offer) and Wilayah (every region's code and name). Written byte for byte the
same from the same repository, so the copy published in the guide can be checked to be current.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from .catalog import Catalog
from .importer import TEMPLATE_SHEET, Column
from .labels import LABELS

TEMPLATE_ROWS = 1000  # rows the dropdowns cover
GUIDE_COPY = "content/panduan/templat-inovasi.xlsx"  # the copy linked from the guide
_FIXED_TIME = dt.datetime(2024, 1, 1)  # the file's own dates: none, so two writes are identical
_REQUIRED = PatternFill("solid", fgColor="FFE699")
_BOLD = Font(bold=True)

_INSTRUCTIONS = [
    "Cara mengisi templat impor inovasi",
    "",
    "1. Isi lembar Inovasi: satu baris untuk setiap inovasi, mulai baris 2. Jangan ubah baris judul kolom.",
    "2. Kolom berwarna kuning wajib diisi; kolom lain boleh dikosongkan.",
    "3. Kolom dengan daftar pilihan: pilih dari daftar (klik sel, lalu tanda panah). Lembar Pilihan memuat semua "
    "pilihannya.",
    "4. Daerah: tulis kode wilayah Kemendagri (misalnya 35.79) atau nama daerah (misalnya Kota Batu, Kab. Sleman). "
    "Lembar Wilayah memuat semua kode dan nama.",
    "5. Urusan pemerintahan: satu atau beberapa urusan, dipisahkan koma (misalnya Kesehatan, Sosial).",
    "6. Mulai diterapkan: tahun (2020) atau tanggal (22/06/2020, 22 Juni 2020, atau sel bertipe tanggal).",
    "7. Simpan sebagai .xlsx (atau CSV UTF-8), lalu jalankan: python build.py import nama-berkas.xlsx --dry-run",
    "   Setiap masalah ditulis sebagai BERKAS:BARIS:KOLOM; perbaiki, lalu jalankan tanpa --dry-run.",
    "8. Inovasi yang sudah ada tidak ditimpa; untuk memperbaruinya dari lembar kerja tambahkan --update.",
    "9. Tautan, media dan sumber berita, serta narasinya, ditulis kemudian di berkas inovasinya (lihat panduan).",
    "",
]


def template_bytes(catalog: Catalog, columns: list[Column]) -> bytes:
    book = Workbook()
    sheet = book.worksheets[0]
    assert isinstance(sheet, Worksheet)  # a new workbook holds one ordinary sheet
    sheet.title = TEMPLATE_SHEET
    choices = book.create_sheet("Pilihan")
    regions = book.create_sheet("Wilayah")
    guide = book.create_sheet("Petunjuk", 0)
    book.active = 1  # the data sheet opens first; the instructions are the first tab

    for position, column in enumerate(columns, start=1):
        cell = sheet.cell(row=1, column=position, value=column.header)
        cell.font = _BOLD
        if column.required:
            cell.fill = _REQUIRED
        letter = get_column_letter(position)
        sheet.column_dimensions[letter].width = max(14, len(column.header) + 4)
        cells = f"{letter}2:{letter}{TEMPLATE_ROWS + 1}"
        if column.choices:
            choices.cell(row=1, column=position, value=column.header).font = _BOLD
            for row, label in enumerate(column.choices.values(), start=2):
                choices.cell(row=row, column=position, value=label)
            # Several sectors go in one cell, separated by commas: the list helps, it does not forbid.
            listed = f"=Pilihan!${letter}$2:${letter}${len(column.choices) + 1}"
            _dropdown(sheet, cells, listed, strict=not column.many,
                      hint="Pilih dari daftar" + ("; beberapa dipisahkan koma" if column.many else ""))
        elif column.kind == "region":
            _dropdown(sheet, cells, f"=Wilayah!$B$2:$B${len(catalog.regions) + 1}", strict=False,
                      hint="Kode wilayah (35.79) atau nama daerah (Kota Batu)")
    sheet.freeze_panes = "A2"

    regions.append(["Kode", "Nama", "Jenis", "Provinsi"])
    for region in catalog.regions.values():
        province = catalog.province_of(region)
        regions.append([region.code, region.name, LABELS["kind"][region.kind], province.name if province else ""])
    for letter, width in zip("ABCD", (8, 42, 12, 28), strict=True):
        regions.column_dimensions[letter].width = width
    for sheet_with_header in (regions, choices):
        for cell in sheet_with_header[1]:
            cell.font = _BOLD

    for line in _INSTRUCTIONS:
        guide.append([line])
    guide["A1"].font = Font(bold=True, size=14)
    guide.append(["Kolom", "Wajib", "Isi", "Keterangan"])
    for cell in guide[guide.max_row]:
        cell.font = _BOLD
    for column in columns:
        kind = ("pilihan: " + ", ".join(column.choices.values())) if column.choices else _KINDS[column.kind]
        guide.append([column.header, "wajib" if column.required else "", kind, column.description])
    for letter, width in zip("ABCD", (24, 8, 50, 90), strict=True):
        guide.column_dimensions[letter].width = width
    for row in guide.iter_rows(min_row=len(_INSTRUCTIONS) + 2):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    return _stable(book)


_KINDS = {"text": "teks", "number": "angka", "yes-no": "ya atau tidak", "date": "tahun atau tanggal",
          "region": "kode wilayah atau nama daerah", "choice": "pilihan"}


def _dropdown(sheet: Worksheet, cells: str, formula: str, strict: bool, hint: str) -> None:
    rule = DataValidation(type="list", formula1=formula, allow_blank=True, showErrorMessage=strict,
                          showInputMessage=True, promptTitle="Isian", prompt=hint)
    if strict:
        rule.errorTitle = "Pilihan tidak dikenal"
        rule.error = "Pilih salah satu isi dari daftar (lihat lembar Pilihan)."
    sheet.add_data_validation(rule)
    rule.add(cells)


def _stable(book: Workbook) -> bytes:
    """The workbook's bytes with every timestamp fixed (openpyxl stamps the save time into the file
    properties, and zip entries carry the time of writing)."""
    book.properties.created = _FIXED_TIME
    raw = io.BytesIO()
    book.save(raw)
    stamp = _FIXED_TIME.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    out = io.BytesIO()
    with zipfile.ZipFile(raw) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                start = data.find(b"<dcterms:modified")
                end = data.find(b"</dcterms:modified>")
                if start >= 0 and end > start:
                    opening = data.index(b">", start) + 1
                    data = data[:opening] + stamp + data[end:]
            target.writestr(zipfile.ZipInfo(info.filename, date_time=(2024, 1, 1, 0, 0, 0)), data,
                            compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


def write_template(path: Path, catalog: Catalog, columns: list[Column]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(template_bytes(catalog, columns))
