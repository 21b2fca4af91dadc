"""Content is read only from regular files inside the repository (etalase/paths.py).

Each test is one of issue 17's reproductions, run through the real command line: a link, a
device, a fifo or a page a browser runs, anywhere under innovations/ or content/, is a validation
error naming it, and nothing behind it reaches the site.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT
from sample_repo import cli, copy_site

SECRET = "RAHASIA-KANTOR-7f3a"
LINK = "tautan simbolik (symlink) tidak diizinkan"


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    return copy_site(tmp_path / "repo")


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    """A folder beside the checkout, holding a secret (CI credentials, another project)."""
    folder = tmp_path / "outside"
    folder.mkdir()
    innovation = (ROOT / "innovations/kota-batu/adiarta.md").read_text("utf-8")
    (folder / "secret.md").write_text(innovation.replace("title: ADIARTA", f"title: {SECRET}", 1), "utf-8")
    (folder / "regions.yml").write_text((ROOT / "content/regions.yml").read_text("utf-8"), "utf-8")
    return folder


def validate(repo: Path) -> subprocess.CompletedProcess:
    result = cli(repo, "validate")
    assert "Traceback" not in result.stderr, result.stderr
    return result


def error_lines(result: subprocess.CompletedProcess, path: str) -> list[str]:
    return [line for line in result.stdout.splitlines() if line.startswith(f"{path}:") and ": error: " in line]


def assert_refused(repo: Path, path: str, words: str = LINK) -> subprocess.CompletedProcess:
    result = validate(repo)
    assert result.returncode == 1, result.stdout
    lines = error_lines(result, path)
    assert lines and words in lines[0], result.stdout
    return result


def assert_build_refuses_and_publishes_no_secret(repo, site):
    built = cli(repo, "build", "--site-dir", str(site))
    assert built.returncode == 1 and "Traceback" not in built.stderr
    published = [p for p in site.rglob("*") if p.is_file() and SECRET.encode() in p.read_bytes()] if site.exists() else []
    assert published == []


def test_symlinked_innovation_is_an_error_and_its_text_is_published_nowhere(repo, outside, tmp_path):
    (repo / "innovations/kota-batu/bocor.md").symlink_to(outside / "secret.md")
    result = assert_refused(repo, "innovations/kota-batu/bocor.md")
    assert SECRET not in result.stdout + result.stderr
    assert_build_refuses_and_publishes_no_secret(repo, tmp_path / "site")


def test_hard_linked_innovation_is_an_error_and_its_text_is_published_nowhere(repo, outside, tmp_path):
    os.link(outside / "secret.md", repo / "innovations/kota-batu/bocor.md")  # same file system: no trace of the other name
    result = assert_refused(repo, "innovations/kota-batu/bocor.md", "hard link")
    assert "salin berkasnya" in error_lines(result, "innovations/kota-batu/bocor.md")[0]
    assert SECRET not in result.stdout + result.stderr
    assert_build_refuses_and_publishes_no_secret(repo, tmp_path / "site")


@pytest.mark.parametrize("name", ["panduan/bocor.md", "images/foto.jpg", "regions.yml"])
def test_hard_linked_content_file(repo, outside, name):
    target = repo / "content" / name
    target.parent.mkdir(parents=True, exist_ok=True)
    target.unlink(missing_ok=True)
    os.link(outside / ("regions.yml" if name.endswith(".yml") else "secret.md"), target)
    assert_refused(repo, f"content/{name}", "hard link")


def test_a_git_checkout_its_parse_cache_and_its_build_make_no_hard_links(repo, tmp_path):
    """The rule refuses what a checkout never holds: git writes every file of a work tree anew (a
    local clone links only objects inside .git), and neither the parse cache nor the build links files."""
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run([*git, "init", "-q", str(repo)], check=True)
    subprocess.run([*git, "-C", str(repo), "add", "-A"], check=True)
    subprocess.run([*git, "-C", str(repo), "commit", "-qm", "sample"], check=True)
    checkout = tmp_path / "checkout"
    subprocess.run(["git", "clone", "-q", "--local", str(repo), str(checkout)], check=True)
    site = tmp_path / "site"
    built = cli(checkout, "build", "--site-dir", str(site))
    assert built.returncode == 0, built.stderr[-2000:]
    cache = Path(os.environ["XDG_CACHE_HOME"])  # the parse cache of every command of this run (conftest.py)
    assert any(cache.rglob("*"))
    linked = [p for folder in (checkout, site, cache) for p in folder.rglob("*")
              if ".git" not in p.relative_to(folder).parts and p.is_file() and not p.is_symlink()
              and p.stat().st_nlink > 1]
    assert linked == []
    assert any(p.stat().st_nlink > 1 for p in (checkout / ".git/objects").rglob("*") if p.is_file())  # git did link


def test_symlinked_innovations_folder(repo, outside):
    shutil.move(repo / "innovations", outside / "innovations")
    (repo / "innovations").symlink_to(outside / "innovations", target_is_directory=True)
    assert_refused(repo, "innovations")


def test_symlinked_region_folder_is_an_error_not_skipped(repo, outside):
    shutil.move(repo / "innovations/kota-batu", outside / "kota-batu")
    (repo / "innovations/kota-batu").symlink_to(outside / "kota-batu", target_is_directory=True)
    assert_refused(repo, "innovations/kota-batu")


def test_symlinked_reference_file(repo, outside):
    (repo / "content/regions.yml").unlink()
    (repo / "content/regions.yml").symlink_to(outside / "regions.yml")
    result = assert_refused(repo, "content/regions.yml")
    assert len(error_lines(result, "content/regions.yml")) == 1  # said once, not also as "unreadable"


def test_symlinked_award_program_folder(repo, outside):
    program = "kompetisi-inovasi-pelayanan-publik-kota-batu"
    shutil.move(repo / "content/awards" / program, outside / program)
    (repo / "content/awards" / program).symlink_to(outside / program, target_is_directory=True)
    assert_refused(repo, f"content/awards/{program}")


def test_symlinked_folder_anywhere_in_content(repo, outside):
    (repo / "content/lampiran").symlink_to(outside, target_is_directory=True)
    assert_refused(repo, "content/lampiran")


def test_image_linked_to_etc_passwd(repo):
    (repo / "content/images").mkdir()
    (repo / "content/images/image.jpg").symlink_to("/etc/passwd")
    innovation = repo / "innovations/kota-batu/adiarta.md"
    innovation.write_text(innovation.read_text("utf-8").replace(
        "sources:", "media:\n  - image: images/image.jpg\n    alt: x\nsources:", 1), "utf-8")
    result = assert_refused(repo, "content/images/image.jpg")
    # The record that names it does not publish it either.
    assert any("media[0].image" in line for line in error_lines(result, "innovations/kota-batu/adiarta.md"))


def test_link_to_dev_zero_is_refused_at_once(repo):
    (repo / "content/nol.txt").symlink_to("/dev/zero")
    assert_refused(repo, "content/nol.txt")


def test_fifo_is_refused_without_waiting_on_it(repo):
    os.mkfifo(repo / "content/pipa.md")
    assert_refused(repo, "content/pipa.md", "bukan berkas biasa")


@pytest.mark.parametrize("name", ["promo.html", "images/logo.svg"])
def test_pages_a_browser_runs_are_refused(repo, name):
    path = repo / "content" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>', "utf-8")
    assert_refused(repo, f"content/{name}", "tidak diterbitkan")


@pytest.mark.parametrize("name", ["inovasi/index.mkd", "panduan/kurung.markdown", "panduan/b.mdown", "c.mkdn"])
def test_pages_under_another_markdown_suffix_are_refused(repo, name):
    """MkDocs renders them as pages, but the bounds of a page and the rule of its address are checked
    on .md pages: `[` 20,000 times in a .markdown page made a build of over a minute."""
    path = repo / "content" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("# Halaman\n\n" + "[" * 20000 + "\n", "utf-8")
    assert_refused(repo, f"content/{name}", "ganti akhiran nama berkasnya")


def test_media_file_named_like_a_script_url(repo):
    innovation = repo / "innovations/kota-batu/adiarta.md"
    innovation.write_text(innovation.read_text("utf-8").replace(
        "sources:", 'media:\n  - image: "javascript:alert(1)"\n    alt: x\n  - image: "java%73cript%3Aalert(1)"\n'
                    "    alt: y\nsources:", 1), "utf-8")
    result = validate(repo)
    lines = error_lines(result, "innovations/kota-batu/adiarta.md")
    assert any("media[0].image" in line and "':'" in line for line in lines), result.stdout
    assert any("media[1].image" in line for line in lines), result.stdout


def test_preview_never_publishes_what_validation_refuses(repo, outside, tmp_path):
    """The MkDocs adapter drops links and special files from MkDocs' own list of files (MkDocs
    copies everything under docs_dir, following links), even where the build goes on (a preview)."""
    (repo / "content/images").mkdir()
    (repo / "content/images/bocor.txt").symlink_to(outside / "secret.md")
    (repo / "content/bocor.md").symlink_to(outside / "secret.md")
    (repo / "content/promo.html").write_text("<script>alert(1)</script>", "utf-8")
    os.link(outside / "secret.md", repo / "content/salinan.md")
    (repo / "content/inovasi").mkdir()
    (repo / "content/inovasi/index.mkd").write_text("# Bayangan\n", "utf-8")
    config = (repo / "mkdocs.yml").read_text("utf-8").replace("  - etalase:\n", "  - etalase:\n      strict: false\n", 1)
    (repo / "mkdocs.yml").write_text(config, "utf-8")
    site = tmp_path / "preview"
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(repo / "mkdocs.yml"),
                             "-d", str(site)], capture_output=True, text=True, cwd=repo,
                            env=os.environ | {"PYTHONPATH": str(ROOT / "plugins")})
    assert result.returncode == 0, result.stderr
    assert (site / "inovasi/kota-batu/adiarta/index.html").is_file()  # the valid records are there
    assert not (site / "bocor").exists() and not (site / "images/bocor.txt").exists()
    assert not (site / "promo.html").exists() and not (site / "salinan").exists()
    assert "Bayangan" not in (site / "inovasi/index.html").read_text("utf-8")
    assert not [p for p in site.rglob("*") if p.is_file() and SECRET.encode() in p.read_bytes()]
