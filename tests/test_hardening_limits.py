"""Hostile sizes and shapes: a clear Indonesian message naming the file and line, in seconds, never
a traceback; address clashes caught; hidden characters refused (etalase/limits.py, narrative.py)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from conftest import ROOT
from sample_repo import cli, copy_site

INNOVATION = "innovations/kota-batu/adiarta.md"


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    return copy_site(tmp_path / "repo")


def front_matter(repo: Path, yaml_text: str) -> None:
    (repo / INNOVATION).write_text(f"---\n{yaml_text}---\nNarasi.\n", "utf-8")


def narrative(repo: Path, text: str) -> None:
    path = repo / INNOVATION
    path.write_text(path.read_text("utf-8") + "\n" + text, "utf-8")


def validate_fails(repo: Path, path: str = INNOVATION, seconds: float = 20) -> list[str]:
    started = time.monotonic()
    result = cli(repo, "validate")
    assert time.monotonic() - started < seconds
    assert "Traceback" not in result.stdout + result.stderr, result.stderr[-2000:]
    assert result.returncode == 1, result.stdout
    lines = [line for line in result.stdout.splitlines() if line.startswith(f"{path}:") and ": error: " in line]
    assert lines, result.stdout
    return lines


def line_of(problem: str) -> int:
    return int(problem.split(":")[1])


def test_deep_flow_nesting(repo):
    front_matter(repo, "title: " + "[" * 3000 + "]" * 3000 + "\n")
    assert "bersarang terlalu dalam" in validate_fails(repo)[0]


def test_deep_nested_mappings(repo):
    front_matter(repo, "title: x\n" + "".join(" " * i + f"a{i}:\n" for i in range(2500)))
    assert "bersarang terlalu dalam" in validate_fails(repo)[0]


def test_twenty_thousand_brackets_in_a_narrative(repo):
    narrative(repo, "[" * 20_000 + "\n")
    problem = validate_fails(repo, seconds=10)[0]
    assert "narasi" in problem and "'['" in problem


def test_five_hundred_nested_lists(repo):
    narrative(repo, "".join("    " * i + "- a\n" for i in range(500)))
    assert "bertingkat terlalu dalam" in validate_fails(repo)[0]


def test_description_with_brackets_is_bounded(repo):
    edition = "content/awards/kompetisi-inovasi-pelayanan-publik-kota-batu/2020.yml"
    path = repo / edition
    path.write_text(path.read_text("utf-8").replace("description: >-\n", "description: >-\n  " + "[" * 5000 + "\n", 1),
                    "utf-8")
    assert "'['" in validate_fails(repo, edition)[0]


def test_relative_link_in_a_narrative_is_reported_by_validate(repo):
    path = repo / INNOVATION
    line = path.read_text("utf-8").count("\n") + 2
    narrative(repo, "Lihat [x](tidak-ada.md).\n")
    problem = validate_fails(repo)[0]
    assert line_of(problem) == line and "tidak-ada.md" in problem


def test_remote_image_in_a_narrative_is_reported(repo):
    narrative(repo, "![foto](https://contoh.example/foto.jpg)\n")
    assert "dari situs lain" in validate_fails(repo)[0]


@pytest.mark.parametrize(("name", "page"), [("Halaman", "inovasi/halaman/2/"), ("Keadaan", "inovasi/keadaan/aktif/")])
def test_region_named_like_a_listing_segment_would_take_a_listing_page(repo, name, page):
    """Its innovations' pages would have the listing's addresses (innovations/keadaan/aktif.md at
    inovasi/keadaan/aktif/): the build would stop on it, after validation said all was well."""
    regions = repo / "content/regions.yml"
    regions.write_text(regions.read_text("utf-8") + f'- code: "35.99"\n  name: {name}\n  kind: kota\n', "utf-8")
    assert page in validate_fails(repo, "content/regions.yml")[0]


def test_content_page_shadowed_by_a_generated_page(repo, tmp_path):
    (repo / "content/inovasi").mkdir()
    (repo / "content/inovasi/index.md").write_text("# Daftar saya\n", "utf-8")
    result = cli(repo, "build", "--site-dir", str(tmp_path / "site"))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "content/inovasi/index.md" in result.stderr


def test_failure_in_the_forked_writer_is_said_with_its_page_and_file(repo, tmp_path):
    """A page that fails to render (here: a site's own template that breaks) is reported with its
    cause and the innovation file, by whichever process wrote it."""
    overrides = repo / "overrides/etalase"
    overrides.mkdir(parents=True)
    template = (ROOT / "plugins/etalase/site/templates/etalase/innovation.html").read_text("utf-8")
    broken = template.replace("{% block content %}", "{% block content %}{{ innovation.title.no_such_method() }}", 1)
    (overrides / "innovation.html").write_text(broken, "utf-8")
    config = repo / "mkdocs.yml"
    config.write_text(config.read_text("utf-8").replace("  name: material\n", "  name: material\n  custom_dir: overrides\n"),
                      "utf-8")
    result = cli(repo, "build", "--site-dir", str(tmp_path / "site"))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr and "ChildProcessError" not in result.stderr, result.stderr[-3000:]
    assert "UndefinedError" in result.stderr and "(dari innovations/" in result.stderr, result.stderr[-3000:]


def test_nul_byte_at_its_line_in_indonesian(repo):
    path = repo / INNOVATION
    lines = path.read_text("utf-8").split("\n")
    lines[5] += "\0"
    path.write_text("\n".join(lines), "utf-8")
    problem = validate_fails(repo)[0]
    assert line_of(problem) == 6 and "NUL" in problem and "karakter tersembunyi" in problem


def test_lone_surrogate_is_not_called_an_unclosed_quote(repo):
    path = repo / INNOVATION
    path.write_text(path.read_text("utf-8").replace("title: ADIARTA", 'title: "ADI\\ud800ARTA"', 1), "utf-8")
    problem = validate_fails(repo)[0]
    assert "escape" in problem and "belum ditutup" not in problem


@pytest.mark.parametrize("title", ['"ADI\\u202eATRA"', "ADI\u202eATRA", '"ADI\\u200bARTA"', "ADI\u2066ARTA"])
def test_hidden_characters_in_a_title(repo, title):
    path = repo / INNOVATION
    path.write_text(path.read_text("utf-8").replace("title: ADIARTA", f"title: {title}", 1), "utf-8")
    problem = validate_fails(repo)[0]
    assert line_of(problem) == 3 and "karakter tersembunyi" in problem  # the title's line


@pytest.mark.parametrize("number", ["9" * 5000, "0x" + "f" * 5000])
def test_huge_numbers_are_refused(repo, number):
    path = repo / INNOVATION
    path.write_text(path.read_text("utf-8").replace("title: ADIARTA", f"title: ADIARTA\nlaunched: {number}", 1), "utf-8")
    problem = validate_fails(repo)[0]
    assert line_of(problem) == 4 and "angka ini terlalu panjang" in problem


def test_binary_values_are_refused(repo):
    path = repo / INNOVATION
    path.write_text(path.read_text("utf-8").replace("title: ADIARTA", "title: !!binary QURJQVJUQQ==", 1), "utf-8")
    assert "!!binary" in validate_fails(repo)[0]



def test_strict_warning_in_the_forked_writer_names_the_innovation_file(repo, tmp_path):
    """A warning MkDocs gives on a generated page (in the forked writer or not) fails the build with
    the content file named, not a ChildProcessError."""
    config = repo / "mkdocs.yml"
    config.write_text(config.read_text("utf-8").replace("validation:\n", "validation:\n  anchors: warn\n"), "utf-8")
    for path in (repo / "innovations").rglob("*.md"):
        path.write_text(path.read_text("utf-8") + "\n[lihat](#bagian-yang-tidak-ada)\n", "utf-8")
    assert cli(repo, "validate").returncode == 0
    result = cli(repo, "build", "--site-dir", str(tmp_path / "site"))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr and "ChildProcessError" not in result.stderr, result.stderr[-3000:]
    named = [line for line in result.stderr.splitlines() if "bagian-yang-tidak-ada" in line]
    assert len(named) >= 2 and all("(dari innovations/" in line for line in named), named


def test_cross_record_problems_come_with_field_errors(repo):
    """An innovation with a field error still has its region and sectors checked, and an edition
    with a field error its winners: all problems in one run."""
    path = repo / INNOVATION
    path.write_text(path.read_text("utf-8").replace("type: digital", "type: digitl", 1).replace(
        'region: "35.79"', 'region: "35.98"', 1), "utf-8")
    edition = "content/awards/kompetisi-inovasi-pelayanan-publik-kota-batu/2020.yml"
    epath = repo / edition
    epath.write_text(epath.read_text("utf-8").replace("title: Kompetisi", "titel: x\ntitle: Kompetisi", 1).replace(
        "innovation: kota-batu/adiarta", "innovation: kota-batu/tidak-ada", 1), "utf-8")
    result = cli(repo, "validate")
    lines = result.stdout.splitlines()
    assert any(line.startswith(INNOVATION) and "type:" in line for line in lines), result.stdout
    assert any(line.startswith(INNOVATION) and "region:" in line and "35.98" in line for line in lines), result.stdout
    assert any(line.startswith(edition) and "titel" in line for line in lines), result.stdout
    assert any(line.startswith(edition) and "kota-batu/tidak-ada" in line for line in lines), result.stdout


def test_an_editor_page_front_matter_is_judged_like_a_record(repo):
    (repo / "content/catatan.md").write_text("---\ntitle: " + "[" * 3000 + "]" * 3000 + "\n---\n# Catatan\n", "utf-8")
    problems = validate_fails(repo, "content/catatan.md")
    assert any(line_of(problem) == 2 and "bersarang terlalu dalam" in problem for problem in problems), problems
