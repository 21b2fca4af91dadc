"""An office's spreadsheet of innovations turned into innovation files: `python build.py import FILE`.

One row per innovation, CSV or XLSX, with Indonesian column headers in any case and spacing. The
columns are the innovation model's own fields (every field holding text, a number, a date, a choice
or a list of those; lists of links, media or sources are added in the file afterwards), named by
`labels.FIELD_LABELS` or by the field's name, so a field added to the model is a column too. Each
row is judged by `new`'s checks (scaffold.py) and written by its writer: a file imported is the file
`new` would have written from the same answers. Every problem comes back as `FILE:ROW:COLUMN`, all
rows in one run; a row whose innovation is already in the repository is left alone unless `--update`.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import re
import typing
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any, Callable, Iterable, Literal, Optional

from pydantic import BaseModel

from .catalog import Catalog
from .labels import FIELD_LABELS, LABELS, MONTHS
from .loader import Loader
from .messages import allowed_list, did_you_mean
from .problems import Problem
from .records import Innovation
from .scaffold import Draft, Refused, Scaffolder

# Other headers offices commonly give these columns.
SYNONYMS = {
    "title": ["nama", "judul", "judul inovasi"],
    # region_code: the column of the site's own download (data/inovasi.csv): one showcase's data imports into another
    "region": ["wilayah", "kode wilayah", "kabupaten/kota", "kota/kabupaten", "pemda", "pemerintah daerah",
               "region_code"],
    "unit": ["opd", "unit", "perangkat daerah pelaksana", "unit pelaksana"],
    "sectors": ["urusan", "sektor"],
    "initiator": ["penggagas", "inisiator inovasi"],
    "launched": ["tahun", "waktu penerapan", "tanggal penerapan"],
    "summary": ["deskripsi", "deskripsi singkat"],
}
_ENGLISH_MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
                   "october", "november", "december"]
# "22 Juni 2020", "22 Jun 2020", "22 June 2020"
_MONTHS = {key: number for names in (MONTHS, _ENGLISH_MONTHS) for number, name in enumerate(names, 1)
           for key in (name.casefold(), name.casefold()[:3])}
_HEADER_ROWS = 10  # a title or a note above the headers is skipped
# How a problem is reported: row, column (both from 1), header, message[, severity].
Report = Callable[..., None]


TEMPLATE_SHEET = "Inovasi"  # the sheet read from a workbook, when it has one by that name


class CellError(ValueError):
    """The cell cannot be read as its column's kind of value; the message says what is allowed."""


@dataclass(frozen=True)
class Column:
    """One importable field of the innovation model."""

    field: str
    header: str
    required: bool
    description: str
    kind: Literal["text", "number", "yes-no", "date", "choice", "region"]
    many: bool = False
    choices: dict[str, str] = dataclasses.field(default_factory=dict)  # id → Indonesian label

    def read(self, cell: object) -> Any:
        """The cell as the value the model takes (a code, a choice's id, a date...); CellError if it cannot be."""
        if self.many:
            parts = self._parts(str(cell))
            wrong = [part for part in parts if self._choice(part) is None] if self.choices else []
            if wrong:
                raise CellError(self._unknown(wrong))
            return [self._choice(part) for part in parts] if self.choices else parts
        if self.kind == "choice":
            value = self._choice(_text(cell))
            if value is None:
                raise CellError(self._unknown([_text(cell)]))
            return value
        if self.kind == "region":
            # 34.04 typed as a number; 35.1 is what a spreadsheet shows for 35.10
            return f"{cell:05.2f}" if isinstance(cell, float) and not cell.is_integer() else _text(cell)
        if self.kind == "date":
            return _date(cell)
        if self.kind == "number":
            return _number(cell)
        if self.kind == "yes-no":
            return _yes_no(cell)
        return _text(cell)

    def _parts(self, text: str) -> list[str]:
        """Items separated by commas, semicolons or lines; a choice whose label has commas in it
        ("Koperasi, Usaha Kecil, dan Menengah") is kept whole."""
        parts = []
        for line in re.split(r"[;\n]", text):
            pieces = [piece.strip() for piece in line.split(",")]
            start = 0
            while start < len(pieces):
                stop = next((stop for stop in range(len(pieces), start, -1)
                             if self._choice(", ".join(pieces[start:stop])) is not None), start + 1)
                parts.append(" ".join(", ".join(pieces[start:stop]).split()))
                start = stop
        return [part for part in parts if part]

    def _choice(self, text: str) -> Optional[str]:
        key = _fold(text)
        return next((id_ for id_, label in self.choices.items() if key in (_fold(id_), _fold(label))), None)

    def _unknown(self, values: list[str]) -> str:
        labels = list(self.choices.values())
        shown = ", ".join(f"'{value}'" for value in values)
        listed = (", ".join(labels) if len(labels) <= 12
                  else f"{allowed_list(labels)}; semuanya ada di lembar Pilihan templat")
        return (f"{shown} tidak dikenal; {did_you_mean(values[0], labels)}pilihan: {listed}"
                + ("; pisahkan beberapa pilihan dengan koma" if self.many else ""))


def columns(catalog: Catalog) -> list[Column]:
    """The importable fields of the innovation model, in the model's order."""
    found = []
    for name, info in Innovation.model_fields.items():
        types, many = _types(info.annotation)
        if any(isinstance(t, type) and issubclass(t, BaseModel) for t in types):
            continue  # links, media, sources: lists of records, written in the file itself
        literals = [t for t in types if typing.get_origin(t) is Literal]
        choices = {str(v): LABELS.get(name, {}).get(str(v), str(v)) for t in literals for v in typing.get_args(t)}
        if name == "sectors":
            choices = {sector.id: sector.label for sector in catalog.sectors.values()}
        kind: Any = ("choice" if choices else "region" if name == "region" else "date" if dt.date in types
                     else "yes-no" if bool in types else "number" if int in types or float in types else "text")
        found.append(Column(name, FIELD_LABELS.get(name, name), info.is_required(), info.description or "",
                            kind, many, choices))
    return found


def _types(annotation: Any) -> tuple[set[Any], bool]:
    """The plain types inside an annotation (Optional, Annotated and Union opened), and whether it is a list."""
    found: set[Any] = set()
    many = False
    pending = [annotation]
    while pending:
        current = pending.pop()
        origin = typing.get_origin(current)
        if origin is typing.Annotated:
            pending.append(typing.get_args(current)[0])
        elif origin is typing.Union:
            pending.extend(a for a in typing.get_args(current) if a is not type(None))
        elif origin is list:
            many = True
            pending.extend(typing.get_args(current))
        else:
            found.add(current)
    return found, many


# -- reading cells -------------------------------------------------------------------------


def _fold(text: str) -> str:
    """Headers and choices compared without case, spacing, punctuation or notes in brackets."""
    return re.sub(r"[^0-9a-z]", "", re.sub(r"\(.*?\)|\*", "", str(text).casefold()))


def _text(cell: object) -> str:
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))  # a year or a number that a spreadsheet keeps as 2020.0
    if isinstance(cell, dt.datetime):
        return cell.date().isoformat()
    return " ".join(str(cell).split())


def _date(cell: object) -> int | dt.date | str:
    """A date cell, a year, or a date typed as text: 2020-06-22, 22/06/2020, 22-06-2020, 22 Juni 2020."""
    if isinstance(cell, dt.datetime):
        return cell.date()
    if isinstance(cell, (dt.date, int)):
        return cell
    text = _text(cell)
    if re.fullmatch(r"\d{4}", text):
        return int(text)
    if re.fullmatch(r"\d{4}-\d{2}", text):
        return text  # a month (records.common.Moment), checked by the model
    numeric = re.fullmatch(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})", text)
    named = re.fullmatch(r"(\d{1,2})\s+([A-Za-z]+)\.?\s+(\d{4})", text)
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            return dt.date.fromisoformat(text)
        if numeric:
            return dt.date(int(numeric.group(3)), int(numeric.group(2)), int(numeric.group(1)))
        if named and named.group(2).casefold() in _MONTHS:
            return dt.date(int(named.group(3)), _MONTHS[named.group(2).casefold()], int(named.group(1)))
    except ValueError:
        raise CellError(f"tanggal '{text}' tidak ada di kalender; periksa hari dan bulannya") from None
    return text  # the model says what a date may look like


def _number(cell: object) -> object:
    if isinstance(cell, (int, float)):
        return int(cell) if isinstance(cell, float) and cell.is_integer() else cell
    text = re.sub(r"^rp\.?\s*", "", _text(cell), flags=re.I)
    return int(re.sub(r"[.\s]", "", text)) if re.fullmatch(r"\d{1,3}([.\s]\d{3})+|\d+", text) else text


def _yes_no(cell: object) -> object:
    answers = {"ya": True, "y": True, "true": True, "1": True, "tidak": False, "t": False, "false": False, "0": False}
    return answers.get(_text(cell).casefold(), cell)


# -- reading files -------------------------------------------------------------------------


def read_table(path: Path) -> list[tuple[int, list[object]]]:
    """(row number as the spreadsheet shows it, cells) of every row; CellError when unreadable."""
    suffix = path.suffix.lower()
    if suffix == ".csv":
        try:
            text = path.read_text(encoding="utf-8-sig")
        except UnicodeDecodeError:
            raise CellError("berkas CSV ini bukan UTF-8; simpan ulang sebagai 'CSV UTF-8'") from None
        try:
            dialect: Any = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
        except csv.Error:
            dialect = csv.excel  # one column, or too little to tell: commas
        # Rows numbered as a spreadsheet shows them: a cell with line breaks is still one row.
        records = csv.reader(io.StringIO(text, newline=""), dialect)
        rows: list[tuple[int, list[object]]] = [(number, list(row)) for number, row in enumerate(records, start=1)]
        return rows
    if suffix in (".xlsx", ".xlsm"):
        from openpyxl import load_workbook  # only this command needs it

        try:
            book = load_workbook(path, read_only=True, data_only=True)
        except Exception as exc:  # openpyxl raises many kinds for a damaged or mislabelled file
            raise CellError(f"berkas ini tidak bisa dibaca sebagai XLSX ({type(exc).__name__}); "
                            "buka di aplikasi lembar kerja dan simpan ulang sebagai .xlsx") from None
        sheet = book[TEMPLATE_SHEET] if TEMPLATE_SHEET in book.sheetnames else book.worksheets[0]
        rows = [(number, list(row)) for number, row in enumerate(sheet.iter_rows(values_only=True), start=1)]
        book.close()
        return rows
    raise CellError(f"jenis berkas '{path.suffix or path.name}' tidak dikenal; yang bisa diimpor: .csv dan .xlsx")


# -- the import ----------------------------------------------------------------------------


@dataclass
class Outcome:
    """What an import did (or, with dry_run, would do), row by row."""

    created: list[tuple[int, str]] = dataclasses.field(default_factory=list)  # (row, path)
    updated: list[tuple[int, str]] = dataclasses.field(default_factory=list)
    unchanged: list[tuple[int, str]] = dataclasses.field(default_factory=list)
    problems: list[Problem] = dataclasses.field(default_factory=list)
    rows: int = 0
    header_line: int = 0

    @property
    def ok(self) -> bool:
        return not any(p.severity == "error" for p in self.problems)

    @property
    def rejected(self) -> int:
        """Rows with an error (the header row's own problems are not a row's)."""
        return len({p.line for p in self.problems if p.severity == "error" and p.line > self.header_line})


class Importer:
    def __init__(self, root: Path):
        self.root = root
        self.scaffolder = Scaffolder(root)
        self.columns = columns(self.scaffolder.catalog)
        self.by_header = {_fold(name): column for column in self.columns
                          for name in (column.header, column.field, *SYNONYMS.get(column.field, []))}

    @cached_property
    def existing(self) -> tuple[dict[str, Innovation], dict[tuple[str, str], Innovation]]:
        """The innovations already in the repository, by file and by title and region (read only to import)."""
        innovations = Loader(self.root).load().innovations
        return ({innovation.path: innovation for innovation in innovations},
                {(_fold(innovation.title), innovation.region): innovation for innovation in innovations})

    def run(self, path: Path, shown: str, dry_run: bool = False, update: bool = False) -> Outcome:
        """Import `path`; `shown` is how its problems name it (as typed)."""
        outcome = Outcome()

        def problem(row: int, column: int, header: str, message: str, severity: Any = "error") -> None:
            outcome.problems.append(Problem(shown, row, column, severity, header, message))

        try:
            table = read_table(path)
        except CellError as exc:
            problem(1, 1, "", str(exc))
            return outcome
        header_row, placed = self._headers(table, problem)
        if placed is None:
            return outcome
        outcome.header_line = table[header_row - 1][0]
        position = {column.field: index for index, column in placed.items()}
        title = position["title"]
        seen: dict[str, tuple[int, dict[str, Any]]] = {}  # target path → (row, answers) of this file
        for number, cells in table[header_row:]:
            if all(cell is None or _text(cell) == "" for cell in cells):
                continue
            outcome.rows += 1
            answers = self._answers(number, cells, placed, problem)
            if answers is None:
                continue
            try:
                draft = self.scaffolder.innovation(answers)
            except Refused as refused:
                for message in refused.messages:  # "field: message", or a message on the whole record
                    name, _, text = message.partition(": ")
                    at = position.get(name)
                    problem(number, 1 if at is None else at + 1, "" if at is None else placed[at].header,
                            message if at is None else text)
                continue
            if draft.path in seen:
                row, earlier = seen[draft.path]
                same = earlier == answers
                problem(number, title + 1, placed[title].header,
                        f"inovasi ini sudah ada di baris {row} ({draft.path})"
                        + ("; baris ini dilewati" if same else " dengan isi lain; gabungkan kedua baris menjadi satu"),
                        "warning" if same else "error")
                continue
            seen[draft.path] = (number, answers)
            self._place(number, draft, answers, outcome, dry_run, update, title, placed[title].header, problem)
        return outcome

    def _headers(self, table: list[tuple[int, list[object]]],
                 problem: Report) -> tuple[int, Optional[dict[int, Column]]]:
        """The header row's index in `table` and which column each cell position holds."""
        # The header row is the first with at least two known headers.
        index = next((index for index, (_, cells) in enumerate(table[:_HEADER_ROWS])
                      if sum(1 for cell in cells if cell is not None and _fold(_text(cell)) in self.by_header) >= 2), None)
        if index is None:
            problem(1, 1, "", "baris judul kolom tidak ditemukan; baris pertama berisi judul kolom seperti di templat "
                    f"(python build.py import --template inovasi.xlsx): {', '.join(c.header for c in self.columns)}")
            return 0, None
        number, cells = table[index]
        placed: dict[int, Column] = {}
        for position, cell in enumerate(cells):
            if cell is None or _text(cell) == "":
                continue
            column = self.by_header.get(_fold(_text(cell)))
            if column is None:
                problem(number, position + 1, _text(cell), "kolom ini tidak dikenal dan diabaikan; "
                        f"{did_you_mean(_text(cell), [c.header for c in self.columns])}kolom yang dikenal: "
                        f"{', '.join(c.header for c in self.columns)}", "warning")
            elif column in placed.values():
                problem(number, position + 1, _text(cell), f"kolom {column.header} sudah ada di kolom "
                        f"{_letter(next(p for p, c in placed.items() if c == column))}; hapus salah satunya")
            else:
                placed[position] = column
        missing = [c.header for c in self.columns if c.required and c not in placed.values()]
        if missing:
            problem(number, 1, "", f"kolom wajib tidak ada: {', '.join(missing)}; tambahkan kolomnya (lihat templat)")
            return index, None
        return index + 1, placed

    def _answers(self, number: int, cells: list[object], placed: dict[int, Column],
                 problem: Report) -> Optional[dict[str, Any]]:
        """The row's values by field, or None once its problems are reported."""
        answers: dict[str, Any] = {}
        wrong = False
        for position, column in placed.items():
            cell = cells[position] if position < len(cells) else None
            if cell is None or _text(cell) == "":
                if column.required:
                    problem(number, position + 1, column.header, "kolom wajib ini belum diisi")
                    wrong = True
                continue
            try:
                value = column.read(cell)
            except CellError as exc:
                messages = [str(exc)]
            else:
                messages = self.scaffolder.check_innovation(column.field, value)
                answers[column.field] = value
            for message in messages:
                problem(number, position + 1, column.header, message)
            wrong = wrong or bool(messages)
        return None if wrong else answers

    def _place(self, number: int, draft: Draft, answers: dict[str, Any], outcome: Outcome, dry_run: bool, update: bool,
               title: int, header: str, problem: Report) -> None:
        """Write the row's file, or compare it with the innovation already there."""
        record = Innovation.model_validate(answers | {"region": self.scaffolder.region_code(answers["region"])})
        by_path, by_title = self.existing
        existing = by_path.get(draft.path) or by_title.get((_fold(record.title), record.region))
        target = self.root / (existing.path if existing else draft.path)
        if existing is None and not target.exists():
            if not dry_run:
                self.scaffolder.write(draft)
            outcome.created.append((number, draft.path))
            return
        rel = existing.path if existing else draft.path
        if existing is None:
            problem(number, title + 1, header, f"{rel} sudah ada tetapi tidak valid; perbaiki "
                    "berkas itu dulu (python build.py validate), lalu impor lagi")
            return
        changes = {name: answers[name] for name in answers if getattr(record, name) != getattr(existing, name)}
        if not changes:
            outcome.unchanged.append((number, rel))
        elif not update:
            names = ", ".join(FIELD_LABELS.get(name, name) for name in changes)
            problem(number, title + 1, header, f"{rel} sudah ada dengan isi lain ({names}); "
                    "tidak ditimpa; impor lagi dengan --update untuk memperbaruinya", "warning")
        else:
            values = record.model_dump()
            changes = {name: values[name] for name in changes}
            try:
                new = self.scaffolder.updated(rel, target.read_text(encoding="utf-8"), changes)
            except Refused as refused:
                for message in refused.messages:
                    problem(number, 1, "", message)
                return
            if not dry_run:
                target.write_text(new.text, encoding="utf-8")
            outcome.updated.append((number, rel))


def _letter(position: int) -> str:
    """0 → A, 26 → AA: how a spreadsheet names a column."""
    letters = ""
    position += 1
    while position:
        position, rest = divmod(position - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def summary(outcome: Outcome, dry_run: bool) -> Iterable[str]:
    will = "akan " if dry_run else ""
    for verb, done in ((f"{will}dibuat", outcome.created), (f"{will}diperbarui", outcome.updated),
                       ("tidak berubah", outcome.unchanged)):
        for row, path in done:
            yield f"{verb}: {path} (baris {row})"
    yield (f"{outcome.rows} baris: {len(outcome.created)} {will}dibuat, {len(outcome.updated)} {will}diperbarui, "
           f"{len(outcome.unchanged)} tidak berubah, {outcome.rejected} ditolak."
           + (" Tidak ada berkas yang ditulis (--dry-run)." if dry_run else ""))

