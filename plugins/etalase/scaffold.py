"""New content files from a few answers: `python build.py new innovation` and `new edition`.

Every answer is judged by the validator's own model and rules, so an editor sees the same plain
messages as from `python build.py validate`, and the file written is valid from the start.
"""

from __future__ import annotations

import contextlib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Optional

import yaml
from pydantic import BaseModel, TypeAdapter, ValidationError
from slugify import slugify

from .catalog import Catalog
from .loader import AWARDS_DIR, INNOVATIONS_DIR, Loader
from .messages import allowed_list, did_you_mean, explain
from .parse import parse_front_matter, parse_yaml
from .problems import field_path
from .records import Edition, Innovation
from .records.common import Year
from .regionnames import RegionNameError
from .rules import Checker
from .schema import BY_NAME

SLUG_LENGTH = 80  # file names stay readable in a URL and on every operating system


class Refused(Exception):
    """The answers cannot make a valid file; `messages` say why, one line each."""

    def __init__(self, messages: list[str]):
        super().__init__("\n".join(messages))
        self.messages = messages


@dataclass(frozen=True)
class Question:
    field: str
    prompt: str
    many: bool = False  # a list answer, comma-separated when typed
    optional: bool = False


@dataclass(frozen=True)
class Draft:
    path: str  # relative to the repository
    text: str


INNOVATION_QUESTIONS = (
    Question("title", "Nama inovasi"),
    Question("region", "Kode wilayah Kemendagri atau nama daerah (misalnya 35.79 atau Kota Batu)"),
    Question("sectors", "Urusan pemerintahan, id dari content/sectors.yml (pisahkan dengan koma)", many=True),
    Question("type", "Jenis (digital, non-digital)"),
    Question("form", "Bentuk (pelayanan-publik, tata-kelola, lainnya)"),
    Question("stage", "Tahapan (inisiatif, uji-coba, penerapan)"),
    Question("summary", "Ringkasan satu atau dua kalimat"),
    Question("unit", "Perangkat daerah pelaksana (boleh kosong)", optional=True),
)
EDITION_QUESTIONS = (
    Question("program", "Program penghargaan (nama folder di content/awards/)"),
    Question("year", "Tahun edisi"),
    Question("title", "Nama resmi edisi"),
)

_INNOVATION_BODY = """\
<!-- Tulis narasi inovasi di bawah ini dengan kata-kata sendiri. Baris komentar ini tidak tampil di situs. -->

## Rancang bangun

<!-- Bagaimana inovasi ini bekerja? -->

## Tujuan dan manfaat

<!-- Masalah apa yang diatasi, dan siapa yang terbantu? -->

## Hasil

<!-- Capaian yang bisa diukur, penghargaan, tanggapan warga. -->
"""

# Fields `new` does not ask for, shown commented out; a field given (by `import`) is written instead.
_INNOVATION_MORE_HEAD = "# Kolom lain yang boleh diisi: hapus tanda # di depannya (lihat panduan, Referensi kolom).\n"
_INNOVATION_MORE = {
    "subtitle": "# subtitle: Kepanjangan nama inovasi\n",
    "initiator": "# initiator: perangkat-daerah\n",
    "covid19": "# covid19: false\n",
    "trial": "# trial: 2023-06\n",
    "launched": "# launched: 2024\n",
    "links": "# links:\n#   - label: Aplikasi\n#     url: https://contoh.go.id\n",
    "sources": ("# sources:\n#   - title: Judul berita\n#     publisher: Nama media\n#     date: 2024-01-31\n"
                "#     url: https://contoh.com/berita\n"),
    "budget": "# budget:\n#   amount: 150000000\n#   source: apbd\n",
    "evidence": ("# evidence:\n#   - title: SK penetapan inovasi\n#     kind: sk\n#     date: 2024-01-15\n"
                 "#     file: bukti/sk-inovasi.pdf\n"),
    "status": "# status:\n#   state: aktif\n#   confirmed: 2024-06-30\n",
    "replicates": "# replicates:\n#   innovation: kota-batu/adiarta\n",
}

_EDITION_MORE = """\
# Kolom lain yang boleh diisi: hapus tanda # di depannya (lihat panduan, Referensi kolom).
# stages:
#   - kind: pendaftaran
#     date: {year}-03-01
#     end: {year}-03-31
#   - kind: penyerahan
#     date: {year}-08-17
#     place: Nama tempat
# categories:
#   - id: terbaik
#     name: Inovasi Terbaik
#     ranked: true
# winners:
#   - category: terbaik
#     rank: 1
#     title: Juara 1
#     recipients:
#       - innovation: kota-batu/adiarta
# sources:
#   - title: Judul berita
#     publisher: Nama media
#     date: {year}-08-18
#     url: https://contoh.com/berita
"""


class Scaffolder:
    """Checks answers against one repository's reference data and drafts the new file."""

    def __init__(self, root: Path):
        self.root = root
        # Reference data and awards only: a new file never depends on the other innovations.
        self.content = Loader(root).load(innovation_paths=[])
        self.catalog = Catalog(self.content)

    # -- innovations -----------------------------------------------------------------------

    def check_innovation(self, field: str, value: Any) -> list[str]:
        """What is wrong with one answer (nothing when it is fine)."""
        if field == "region":
            try:
                value = self.region_code(value)
            except RegionNameError as exc:
                return [str(exc)]
        messages = _model_messages(Innovation, {field: value}, field)
        if messages or field not in ("region", "sectors"):
            return messages
        # Cross-references are judged by the validator's rules on a record holding just this answer.
        # No stage: the narrative's sections are the draft's template's, not the answer's to judge.
        probe = Innovation.model_construct(**{"region": "", "sectors": [], "stage": None, field: value})
        region = self.catalog.regions.get(probe.region)
        probe._id = f"{region.slug if region else 'baru'}/baru"
        probe._path = f"{INNOVATIONS_DIR}/{probe._id}.md"
        return [p.message for p in self._rule_problems(probe) if p.field.split("[")[0] == field]

    def region_code(self, answer: str) -> str:
        """The code of a typed code or name ("35.79", "Kota Batu", "Kab. Sleman"); RegionNameError if none."""
        return self.catalog.region_names.code(answer)

    def innovation(self, answers: dict[str, Any]) -> Draft:
        """The file of a new innovation: the questions' answers in their order, then any other field of
        the model given (as `import` gives them) in the model's order."""
        asked = [question.field for question in INNOVATION_QUESTIONS]
        order = asked + [name for name in Innovation.model_fields if name not in asked]
        data = {name: answers[name] for name in order if answers.get(name) not in (None, "", [])}
        with contextlib.suppress(RegionNameError):  # reported below with the other answers
            data["region"] = self.region_code(data.get("region", ""))
        region = self.catalog.regions.get(data.get("region", ""))
        slug = slugify(data.get("title", ""), max_length=SLUG_LENGTH, word_boundary=True)
        if region is None or not slug:
            raise Refused(self._all_problems(INNOVATION_QUESTIONS, data, self.check_innovation)
                          or ["nama inovasi harus mengandung huruf atau angka"])
        rel = f"{INNOVATIONS_DIR}/{region.slug}/{slug}.md"
        more = "".join(text for name, text in _INNOVATION_MORE.items() if name not in data)
        text = "---\n" + _yaml(rel, data) + (_INNOVATION_MORE_HEAD + more if more else "") + "---\n" + _INNOVATION_BODY
        return self._final(rel, text, Innovation)

    def updated(self, rel: str, text: str, changes: dict[str, Any]) -> Draft:
        """The innovation file `text` with the top-level fields of `changes` rewritten where they
        stand (or added after the last field); its comments, other fields and narrative are kept."""
        lines = text.splitlines(keepends=True)
        end = next((i for i, line in enumerate(lines[1:], 1) if line.rstrip() == "---"), None)
        if not lines or lines[0].rstrip() != "---" or end is None:
            raise Refused([f"{rel}: bagian data (front matter) di antara dua baris --- tidak ditemukan"])
        front = lines[1:end]
        for name, value in changes.items():
            block = yaml.safe_dump({name: value}, allow_unicode=True, sort_keys=False, width=100,
                                   default_flow_style=False).splitlines(keepends=True)
            start = next((i for i, line in enumerate(front) if re.match(rf"{name}\s*:", line)), None)
            if start is None:
                keys = [i for i, line in enumerate(front) if re.match(r"[A-Za-z_]+\s*:", line)]
                start = stop = _block_end(front, keys[-1]) if keys else 0
            else:
                stop = _block_end(front, start)
            front[start:stop] = block
        return self._final(rel, "".join(lines[:1] + front + lines[end:]), Innovation)

    # -- award editions --------------------------------------------------------------------

    def check_edition(self, field: str, value: Any) -> list[str]:
        if field == "program":
            if value in self.catalog.programs:
                return []
            return [f"program '{value}' belum ada di {AWARDS_DIR}/; {did_you_mean(value, self.catalog.programs)}"
                    f"program yang ada: {allowed_list(self.catalog.programs)}. Program baru dibuat dengan folder "
                    f"{AWARDS_DIR}/<program>/ berisi program.yml (lihat panduan)"]
        if field == "year":
            try:
                TypeAdapter(Year).validate_python(value)
            except ValidationError as exc:
                return [explain(error, Edition) for error in exc.errors()]
            return []
        return _model_messages(Edition, {field: value}, field)

    def edition(self, answers: dict[str, Any]) -> Draft:
        problems = self._all_problems(EDITION_QUESTIONS, answers, self.check_edition)
        if problems:
            raise Refused(problems)
        year = int(answers["year"])
        rel = f"{AWARDS_DIR}/{answers['program']}/{year}.yml"
        text = _yaml(rel, {"title": answers["title"]}) + _EDITION_MORE.format(year=year)
        return self._final(rel, text, Edition)

    # -- shared steps ----------------------------------------------------------------------

    def write(self, draft: Draft) -> Path:
        target = self.root / draft.path
        if target.exists():
            raise Refused([f"{draft.path} sudah ada dan tidak ditimpa; ubah berkas itu, atau pilih nama lain"])
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(draft.text, encoding="utf-8")
        return target

    def _all_problems(self, questions: tuple[Question, ...], answers: dict[str, Any], check) -> list[str]:
        problems = []
        for question in questions:
            value = answers.get(question.field)
            if value in (None, "", []):
                if not question.optional:
                    problems.append(f"{question.field}: belum diisi")
                continue
            problems += [f"{question.field}: {message}" for message in check(question.field, value)]
        return problems

    def _final(self, rel: str, text: str, model: type[Innovation | Edition]) -> Draft:
        """Read the draft back exactly as `validate` will, and refuse it unless it passes."""
        document = (parse_front_matter if rel.endswith(".md") else parse_yaml)(text)
        try:
            record = model.model_validate(document.data)
        except ValidationError as exc:
            raise Refused([f"{field_path(e['loc'])}: {explain(e, model)}" for e in exc.errors()]) from None
        record._path = rel
        if isinstance(record, Innovation):
            record._id = rel.removeprefix(f"{INNOVATIONS_DIR}/").removesuffix(".md")
        else:
            record._program, record._year = rel.split("/")[-2], int(Path(rel).stem)
        problems = [f"{p.field}: {p.message}" for p in self._rule_problems(record) if p.severity == "error"]
        if problems:
            raise Refused(problems)
        return Draft(rel, text)

    def _rule_problems(self, record: Innovation | Edition) -> list:
        checker = Checker(self.root, self.content, self.catalog)
        if isinstance(record, Innovation):
            problems = checker.check(innovations=[record], editions=[])
        else:
            problems = checker.check(innovations=[], editions=[record])
        return [problem for problem in problems if problem.path == record.path]


def _model_messages(model: type[BaseModel], data: dict[str, Any], field: str) -> list[str]:
    try:
        model.model_validate(data)
    except ValidationError as exc:
        return [explain(error, model) for error in exc.errors() if error["loc"][:1] == (field,)]
    return []


def _yaml(rel: str, data: dict[str, Any]) -> str:
    """The schema line, then the answers as YAML in the questions' order."""
    spec = BY_NAME["innovation" if rel.endswith(".md") else "edition"]
    body = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100, default_flow_style=False)
    return f"{spec.modeline(rel)}\n{body}"


def _block_end(front: list[str], start: int) -> int:
    """Where the field starting at line `start` ends: its list items and indented lines go with it."""
    stop = start + 1
    while stop < len(front) and front[stop].startswith((" ", "-")):
        stop += 1
    return stop


def split_many(answer: Optional[str | tuple | list]) -> list[str]:
    """`--sector a --sector b`, or `a, b` typed at a prompt, as one list."""
    values = [answer] if isinstance(answer, str) else list(answer or [])
    return [part.strip() for value in values for part in value.split(",") if part.strip()]
