"""`python build.py schema`: the committed JSON Schemas are current and agree with the validator."""

import textwrap
from pathlib import Path

import pytest

from etalase.guide import REFERENCE_PAGE
from etalase.parse import read_text
from etalase.schema import BY_NAME, SCHEMAS

from sample_repo import ROOT, cli, committed_validator, load


def run_schema(root: Path) -> str:
    run = cli(root, "schema")
    assert run.returncode == 0, run.stderr
    return run.stdout


def test_committed_files_equal_freshly_generated(tmp_path):
    generated = [spec.path for spec in SCHEMAS] + [REFERENCE_PAGE]
    first = run_schema(tmp_path)
    for rel in generated:
        assert f"diperbarui: {rel}" in first
        assert (tmp_path / rel).read_bytes() == (ROOT / rel).read_bytes(), f"{rel} is stale: run python build.py schema"
    assert run_schema(tmp_path).count("tidak berubah: ") == len(generated)


# content/sumber.yml is optional and the sample site collects no other site: its example is the guide's.
@pytest.mark.parametrize("spec", [s for s in SCHEMAS if s.name != "sumber"], ids=lambda spec: spec.name)
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


def test_the_guides_sources_example_names_and_passes_its_schema(tmp_path):
    spec = BY_NAME["sumber"]
    guide = (ROOT / "content/panduan/menghimpun.md").read_text("utf-8")
    example = textwrap.dedent(guide.split("```yaml\n", 1)[1].split("```", 1)[0])
    assert example.splitlines()[0] == spec.modeline("content/sumber.yml")
    path = tmp_path / "sumber.yml"
    path.write_text(example, "utf-8")
    assert [e.message for e in committed_validator(spec).iter_errors(load(path))] == []


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


@pytest.mark.parametrize("spec", SCHEMAS, ids=lambda spec: spec.name)
def test_every_field_tells_the_editor_what_it_means(spec):
    schema = committed_validator(spec).schema
    objects = [schema, *schema.get("definitions", {}).values()]
    undescribed = [name for obj in objects for name, prop in obj.get("properties", {}).items() if not prop.get("description")]
    assert undescribed == [], "add an attribute docstring (Indonesian) under these fields in plugins/etalase/records/"
