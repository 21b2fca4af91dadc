"""Test helpers: a writable copy of the sample content, the real command line, the committed schemas."""

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from jsonschema import Draft7Validator

from etalase.parse import parse_front_matter, parse_yaml, read_text
from etalase.schema import SchemaFile

ROOT = Path(__file__).resolve().parents[1]


def copy_sample(target: Path) -> Path:
    for folder in ("content", "innovations"):
        shutil.copytree(ROOT / folder, target / folder)
    return target


def copy_site(target: Path) -> Path:
    """A copy of the sample content with the site's configuration: enough to build it."""
    copy_sample(target)
    shutil.copy(ROOT / "mkdocs.yml", target)
    return target


@pytest.fixture
def repo(tmp_path):
    return copy_sample(tmp_path)


def cli(repo: Path, *args: str, stdin: str = "") -> subprocess.CompletedProcess:
    """`python build.py --root <repo> …`, exactly as an editor types it."""
    command = [sys.executable, str(ROOT / "build.py"), "--root", str(repo), *args]
    return subprocess.run(command, input=stdin, capture_output=True, text=True, timeout=300)


def load(path: Path):
    """The data exactly as the validator reads it (dates stay text, as the YAML extension sees them)."""
    parse = parse_front_matter if path.suffix == ".md" else parse_yaml
    return parse(read_text(path)).data


def committed_validator(spec: SchemaFile) -> Draft7Validator:
    schema = json.loads((ROOT / spec.path).read_text(encoding="utf-8"))
    Draft7Validator.check_schema(schema)
    # Formats checked too (dates), as VS Code's YAML extension does.
    return Draft7Validator(schema, format_checker=Draft7Validator.FORMAT_CHECKER)


def known_warning(severity: str, text: str) -> bool:
    """Whether a problem (its severity, and "field: message" as printed) is one of the sample's known
    warnings: eight sample innovations at stage `penerapan` lack narrative sections of the official
    profile (tujuan and manfaat for all eight, rancang bangun for five) that the seed articles do not
    describe for them."""
    return severity == "warning" and text.startswith("narasi: ") and "narasinya belum punya bagian" in text


def unexpected(problems: list[dict]) -> list[dict]:
    """Problems (as `validate --format json` gives them) other than the sample's known warnings."""
    return [p for p in problems if not known_warning(p["severity"], f"{p['field']}: {p['message']}")]
