"""New content files from a few answers: `python build.py new innovation` and `new edition`.

Every answer is judged by the validator's own model and rules, so an editor sees the same plain
messages as from `python build.py validate`, and the file written is valid from the start.
"""

from __future__ import annotations

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

_INNOVATION_MORE = """\
# Kolom lain yang boleh diisi: hapus tanda # di depannya (lihat panduan, Referensi kolom).
# subtitle: Kepanjangan nama inovasi
# initiator: perangkat-daerah
# launched: 2024
# links:
#   - label: Aplikasi
#     url: https://contoh.go.id
# sources:
#   - title: Judul berita
#     publisher: Nama media
#     date: 2024-01-31
#     url: https://contoh.com/berita
"""

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
            value = self.region_code(value)
        messages = _model_messages(Innovation, {field: value}, field)
        if messages or field not in ("region", "sectors"):
            return messages
        # Cross-references are judged by the validator's rules on a record holding just this answer.
        probe = Innovation.model_construct(**{"region": "", "sectors": [], field: value})
        region = self.catalog.regions.get(probe.region)
        probe._id = f"{region.slug if region else 'baru'}/baru"
        probe._path = f"{INNOVATIONS_DIR}/{probe._id}.md"
        return [p.message for p in self._rule_problems(probe) if p.field.split("[")[0] == field]

    def region_code(self, answer: str) -> str:
        """The code for a code or an exact region name ("Kota Batu"), else the answer unchanged."""
        by_name = {region.name.lower(): code for code, region in self.catalog.regions.items()}
        return by_name.get(answer.strip().lower(), answer.strip())

    def innovation(self, answers: dict[str, Any]) -> Draft:
        data = {question.field: answers[question.field] for question in INNOVATION_QUESTIONS
                if answers.get(question.field) not in (None, "", [])}
        data["region"] = self.region_code(data.get("region", ""))
        region = self.catalog.regions.get(data["region"])
        slug = slugify(data.get("title", ""), max_length=SLUG_LENGTH, word_boundary=True)
        if region is None or not slug:
            raise Refused(self._all_problems(INNOVATION_QUESTIONS, data, self.check_innovation)
                          or ["nama inovasi harus mengandung huruf atau angka"])
        rel = f"{INNOVATIONS_DIR}/{region.slug}/{slug}.md"
        text = "---\n" + _yaml(rel, data) + _INNOVATION_MORE + "---\n" + _INNOVATION_BODY
        return self._final(rel, text, Innovation)

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


def split_many(answer: Optional[str | tuple | list]) -> list[str]:
    """`--sector a --sector b`, or `a, b` typed at a prompt, as one list."""
    values = [answer] if isinstance(answer, str) else list(answer or [])
    return [part.strip() for value in values for part in value.split(",") if part.strip()]
