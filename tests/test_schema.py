"""`python build.py schema`: the committed JSON Schemas are current and agree with the validator."""

import json
import subprocess
import sys
from pathlib import Path

import pytest
from jsonschema import Draft7Validator

from etalase.guide import REFERENCE_PAGE
from etalase.schema import BY_NAME, SCHEMAS, SchemaFile
from etalase.yamlfile import parse_front_matter, parse_yaml, read_text

ROOT = Path(__file__).resolve().parents[1]


def load(path: Path):
    """The data exactly as the validator reads it (dates stay text, as the YAML extension sees them)."""
    parse = parse_front_matter if path.suffix == ".md" else parse_yaml
    return parse(read_text(path)).data


def committed_validator(spec: SchemaFile) -> Draft7Validator:
    schema = json.loads((ROOT / spec.path).read_text(encoding="utf-8"))
    Draft7Validator.check_schema(schema)
    # Formats checked too (dates), as VS Code's YAML extension does.
    return Draft7Validator(schema, format_checker=Draft7Validator.FORMAT_CHECKER)


def run_schema(root: Path) -> str:
    command = [sys.executable, str(ROOT / "build.py"), "--root", str(root), "schema"]
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout


def test_committed_files_equal_freshly_generated(tmp_path):
    generated = [spec.path for spec in SCHEMAS] + [REFERENCE_PAGE]
    first = run_schema(tmp_path)
    for rel in generated:
        assert f"diperbarui: {rel}" in first
        assert (tmp_path / rel).read_bytes() == (ROOT / rel).read_bytes(), f"{rel} is stale: run python build.py schema"
    assert run_schema(tmp_path).count("tidak berubah: ") == len(generated)


@pytest.mark.parametrize("spec", SCHEMAS, ids=lambda spec: spec.name)
def test_every_sample_file_names_and_passes_its_schema(spec):
    files = sorted(ROOT.glob(spec.files))
    assert files, f"no sample file for {spec.files}"
    check = committed_validator(spec)
    for path in files:
        rel = path.relative_to(ROOT).as_posix()
        lines = read_text(path).splitlines()
        modeline = lines[1] if path.suffix == ".md" else lines[0]
        assert modeline == spec.modeline(rel)
        assert (path.parent / modeline.split("$schema=")[1]).resolve() == (ROOT / spec.path).resolve()
        errors = [f"{rel}: {'/'.join(map(str, e.absolute_path))}: {e.message}" for e in check.iter_errors(load(path))]
        assert errors == []


@pytest.mark.parametrize("field, value", [
    ("type", "digitl"),  # not one of digital / non-digital
    ("region", 35.79),  # a code without quotes is a number
    ("launched", "2020-02-30"),  # no such day
    ("sectors", []),  # at least one sector
    ("links", [{"label": "Aplikasi", "url": "javascript:alert(1)"}]),
    ("titel", "ADIARTA"),  # misspelled key
])
def test_schema_rejects_what_the_validator_rejects(field, value):
    check = committed_validator(BY_NAME["innovation"])
    good = load(ROOT / "innovations/kota-batu/adiarta.md")
    assert check.is_valid(good)
    assert not check.is_valid(good | {field: value})
