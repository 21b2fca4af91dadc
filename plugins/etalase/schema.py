"""JSON Schemas of the content files, generated from the records, for editors' autocompletion.

`python build.py schema` writes one schema per file type into `schemas/`; each content file names
its schema in a `# yaml-language-server: $schema=…` line. The schemas are JSON Schema draft-07,
the newest draft the YAML extension of VS Code fully supports. They help while typing; the
validator (`python build.py validate`) stays the judge, with the cross-references a schema cannot see.
"""

from __future__ import annotations

import json
import posixpath
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter
from pydantic.json_schema import GenerateJsonSchema

from .records import Edition, Innovation, InnovationIndex, Program, Region, Sector, SiteSource

SCHEMA_DIR = "schemas"
DRAFT_07 = "http://json-schema.org/draft-07/schema#"


@dataclass(frozen=True)
class SchemaFile:
    """One kind of content file and the record type it holds."""

    name: str  # schemas/<name>.schema.json
    target: Any  # a model, or list[model] for a list file
    title: str
    description: str  # shown by the editor when hovering the file's top level
    files: str  # where the files live (a glob relative to the repository)

    @property
    def path(self) -> str:
        return f"{SCHEMA_DIR}/{self.name}.schema.json"

    def modeline(self, rel: str) -> str:
        """The comment that ties the content file `rel` (relative to the repository) to this schema."""
        return f"# yaml-language-server: $schema={posixpath.relpath(self.path, posixpath.dirname(rel) or '.')}"


SCHEMAS = (
    SchemaFile("innovation", Innovation, "Inovasi",
               "Satu inovasi daerah: berkas innovations/<folder daerah>/<nama-inovasi>.md, berisi data di antara "
               "dua baris '---', lalu narasinya.", "innovations/*/*.md"),
    SchemaFile("edition", Edition, "Edisi penghargaan",
               "Satu tahun penyelenggaraan program penghargaan: berkas content/awards/<program>/<tahun>.yml.",
               "content/awards/*/[0-9][0-9][0-9][0-9].yml"),
    SchemaFile("program", Program, "Program penghargaan",
               "Program penghargaan atau lomba inovasi: berkas content/awards/<program>/program.yml.",
               "content/awards/*/program.yml"),
    SchemaFile("regions", list[Region], "Wilayah",
               "Daftar wilayah dengan kode resmi Kemendagri: berkas content/regions.yml.", "content/regions.yml"),
    SchemaFile("sectors", list[Sector], "Urusan pemerintahan",
               "Daftar urusan pemerintahan (UU 23/2014) dan fungsi penunjang: berkas content/sectors.yml.",
               "content/sectors.yml"),
    SchemaFile("index", InnovationIndex, "Indeks Inovasi Daerah",
               "Nilai dan predikat Indeks Inovasi Daerah (Kemendagri) setiap daerah pada satu tahun: berkas "
               "content/indeks/<tahun>.yml.", "content/indeks/[0-9][0-9][0-9][0-9].yml"),
    SchemaFile("sumber", list[SiteSource], "Sumber himpunan",
               "Situs Etalase Inovasi lain yang datanya dihimpun dengan `collect`: berkas content/sumber.yml "
               "(tidak wajib).", "content/sumber.yml"),
)
BY_NAME = {spec.name: spec for spec in SCHEMAS}


class _Generator(GenerateJsonSchema):
    def field_title_should_be_set(self, schema: Any) -> bool:
        return False  # the automatic English titles ("Short Name") would only clutter the editor's hover


def schema_of(spec: SchemaFile) -> dict[str, Any]:
    """The schema as a dict, properties in the models' order (the guide's tables follow it)."""
    schema = TypeAdapter(spec.target).json_schema(schema_generator=_Generator, ref_template="#/definitions/{model}")
    definitions = schema.pop("$defs", {})
    for definition in definitions.values():
        definition.pop("description", None)  # the models' docstrings are English notes for developers
    if definitions:
        schema["definitions"] = definitions
    schema.update({"$schema": DRAFT_07, "title": spec.title, "description": spec.description})
    return schema


def render(schema: dict[str, Any]) -> str:
    # Sorted keys and a final newline: the same models always give byte-identical files.
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def generate() -> dict[str, str]:
    """Every schema file's path (relative to the repository) and text."""
    return {spec.path: render(schema_of(spec)) for spec in SCHEMAS}


def write(root: Path, files: dict[str, str]) -> list[str]:
    """Write the files that changed; returns their paths."""
    changed = []
    for rel, text in files.items():
        target = root / rel
        if target.is_file() and target.read_text(encoding="utf-8") == text:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        changed.append(rel)
    return changed
