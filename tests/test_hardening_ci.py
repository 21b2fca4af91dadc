"""What CI runs and prints is safe from the content it checks: annotations that cannot be forged,
git revisions that cannot be options, a mkdocs.yml that cannot run code, privileged files flagged."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from sample_repo import cli, copy_site, known_warning

INNOVATION = "innovations/kota-batu/adiarta.md"


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    return copy_site(tmp_path / "repo")


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(repo), "-c", "user.name=t", "-c", "user.email=t@t", *args], check=True,
                   capture_output=True)


def committed(repo: Path) -> Path:
    git(repo, "init", "-q")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "awal")
    return repo


def test_github_annotations_cannot_be_forged(repo):
    path = repo / INNOVATION
    key = '"\\n::error file=README.md,line=1::palsu"'
    path.write_text(path.read_text("utf-8").replace(
        "title: ADIARTA\n", f"title: ADIARTA\n{key}: 1\n\"::stop-commands::abc\": 2\nunit2: \"a\\n::warning::b\"\n", 1),
        "utf-8")
    result = cli(repo, "validate", "--format", "github")
    assert result.returncode == 1
    lines = (result.stdout + result.stderr).splitlines()
    # GitHub reads a command only at the start of a line: every line is ours.
    commands = [line for line in lines if line.lstrip().startswith("::") and not _sample_warning(line)]
    assert commands and all(line.startswith(f"::error file={INNOVATION},") for line in commands), commands
    # The properties end at the first "::": what content put in them is escaped (%3A), so they are ours too.
    assert all(line.split("::")[1].startswith(f"error file={INNOVATION},line=") for line in commands), commands
    assert len([line for line in lines if line.startswith(f"{INNOVATION}:")]) == 3  # one line per problem


def test_a_long_wrong_value_is_cut_in_the_message(repo):
    path = repo / INNOVATION
    path.write_text(path.read_text("utf-8").replace("type: digital", f"type: digital{'x' * 1_000_000}", 1), "utf-8")
    result = cli(repo, "validate")
    assert result.returncode == 1
    line = next(line for line in result.stdout.splitlines() if line.startswith(INNOVATION))
    assert "type:" in line and "karakter dipotong" in line and len(line) < 1000


def test_changed_since_refuses_an_option(repo, tmp_path):
    committed(repo)
    target = tmp_path / "f"
    result = cli(repo, "validate", f"--changed-since=--output={target}")
    assert result.returncode == 2 and "bukan nama cabang, tag atau commit" in result.stderr
    assert not target.exists()
    summary = cli(repo, "summary", f"--base=--output={target}")
    assert summary.returncode == 2 and not target.exists()
    assert cli(repo, "validate", "--changed-since", "HEAD").returncode == 0


PYTHON_TAG = 'extra:\n  x: !!python/object/apply:os.system ["touch {marker}"]\n'


def test_python_tags_in_mkdocs_yml_are_refused_before_mkdocs_reads_it(repo, tmp_path):
    marker = tmp_path / "dijalankan"
    config = repo / "mkdocs.yml"
    config.write_text(config.read_text("utf-8") + PYTHON_TAG.format(marker=marker), "utf-8")
    line = config.read_text("utf-8").count("\n")
    result = cli(repo, "validate")
    assert result.returncode == 1
    assert f"mkdocs.yml:{line}:" in result.stdout and "tag Python" in result.stdout
    built = cli(repo, "build", "--site-dir", str(tmp_path / "site"))
    assert built.returncode == 1 and "tag Python" in built.stderr
    assert not marker.exists()


def test_hooks_in_mkdocs_yml_are_refused_before_mkdocs_runs_them(repo, tmp_path):
    marker = tmp_path / "dijalankan"
    (repo / "kait.py").write_text(f"import pathlib\npathlib.Path({str(marker)!r}).write_text('x')\n", "utf-8")
    config = repo / "mkdocs.yml"
    config.write_text(config.read_text("utf-8") + "hooks:\n  - kait.py\n", "utf-8")
    line = config.read_text("utf-8").count("\n") - 1
    result = cli(repo, "validate")
    assert result.returncode == 1 and f"mkdocs.yml:{line}:1: error: hooks: hooks tidak diizinkan" in result.stdout
    built = cli(repo, "build", "--site-dir", str(tmp_path / "site"))
    assert built.returncode == 1 and "hooks tidak diizinkan" in built.stderr
    assert not marker.exists()


@pytest.mark.parametrize(("old", "new", "field"), [
    ("docs_dir: content", "docs_dir: /etc", "docs_dir"),
    ("  name: material\n", "  name: material\n  custom_dir: ../luar\n", "theme.custom_dir"),
])
def test_site_folders_outside_the_repository_are_refused(repo, tmp_path, old, new, field):
    config = repo / "mkdocs.yml"
    text = config.read_text("utf-8")
    assert old in text
    config.write_text(text.replace(old, new, 1), "utf-8")
    result = cli(repo, "validate")
    assert result.returncode == 1 and f"error: {field}: {field} " in result.stdout and "di luar repositori" in result.stdout
    assert cli(repo, "build", "--site-dir", str(tmp_path / "site")).returncode == 1


def test_env_tag_still_works(repo, tmp_path):
    assert "!ENV" in (repo / "mkdocs.yml").read_text("utf-8")
    assert cli(repo, "validate").returncode == 0


def test_pr_summary_flags_privileged_files(repo):
    committed(repo)
    (repo / ".github/workflows").mkdir(parents=True)
    (repo / ".github/workflows/x.yml").write_text("on: push\n", "utf-8")
    (repo / ".gitlab-ci.yml").write_text("pages: {}\n", "utf-8")
    (repo / "plugins").mkdir()
    (repo / "plugins/x.py").write_text("print(1)\n", "utf-8")
    config = repo / "mkdocs.yml"
    config.write_text(config.read_text("utf-8") + "# diubah\n", "utf-8")
    result = cli(repo, "summary", "--base", "HEAD")
    assert result.returncode == 0, result.stderr
    review = result.stdout.split("### ⚠ Perlu tinjauan pengelola", 1)
    assert len(review) == 2, result.stdout
    flagged = review[1].split("###", 1)[0]
    for rel in (".github/workflows/x.yml", ".gitlab-ci.yml", "plugins/x.py", "mkdocs.yml"):
        assert f"`{rel}`" in flagged


def test_pr_summary_without_privileged_files_has_no_flag(repo):
    committed(repo)
    path = repo / INNOVATION
    path.write_text(path.read_text("utf-8") + "\nTambahan.\n", "utf-8")
    result = cli(repo, "summary", "--base", "HEAD")
    assert result.returncode == 0 and "Perlu tinjauan pengelola" not in result.stdout


def test_changed_since_with_a_linked_edition_does_not_hang(repo):
    committed(repo)
    (repo / "content/awards/kompetisi-inovasi-pelayanan-publik-kota-batu/2021.yml").symlink_to("/dev/zero")
    path = repo / INNOVATION
    path.write_text(path.read_text("utf-8") + "\nTambahan.\n", "utf-8")
    result = cli(repo, "validate", "--changed-since", "HEAD")
    assert result.returncode == 1 and "symlink" in result.stdout


def _sample_warning(line: str) -> bool:
    """One of the sample's known warnings (sample_repo.known_warning), as an annotation."""
    return line.startswith("::warning ") and known_warning("warning", f"narasi: {line.split('::', 2)[-1]}")
