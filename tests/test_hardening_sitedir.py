"""The site folder is owned (etalase/site/sitedir.py): a build writes only into a folder that is
new, empty or one it wrote, deletes nothing outside it, and says why it will not, in plain words."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import ROOT
from sample_repo import copy_site

MANIFEST = ".etalase-build.json"


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    return copy_site(tmp_path / "repo")


def build(repo: Path, site: Path | str, *extra: str) -> subprocess.CompletedProcess:
    command = [sys.executable, str(ROOT / "build.py"), "--root", str(repo), "build", "--site-dir", str(site), *extra]
    result = subprocess.run(command, capture_output=True, text=True, cwd=repo, timeout=300)
    assert "Traceback" not in result.stderr, result.stderr
    return result


def listing(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_site_dir_innovations_is_refused_and_loses_nothing(repo):
    before = listing(repo / "innovations")
    result = build(repo, repo / "innovations")
    assert result.returncode == 1
    assert "innovations/" in result.stderr and "pilih folder lain" in result.stderr
    assert listing(repo / "innovations") == before


def test_repository_itself_is_refused(repo):
    before = listing(repo)
    assert build(repo, repo).returncode == 1
    assert listing(repo) == before


def test_folder_with_someone_elses_files_is_refused(repo, tmp_path):
    folder = tmp_path / "documents"
    folder.mkdir()
    (folder / "laporan.docx").write_bytes(b"penting")
    result = build(repo, folder)
    assert result.returncode == 1 and "tidak kosong" in result.stderr
    assert (folder / "laporan.docx").read_bytes() == b"penting"


def test_a_folder_built_before_is_built_again(repo, tmp_path):
    site = tmp_path / "site"
    assert build(repo, site).returncode == 0
    assert build(repo, site).returncode == 0
    assert build(repo, site, "--clean").returncode == 0


def test_site_dir_under_a_file(repo, tmp_path):
    (tmp_path / "berkas").write_text("x", "utf-8")
    result = build(repo, tmp_path / "berkas/sub")
    assert result.returncode == 1 and "bukan folder" in result.stderr


def test_manifest_paths_leaving_the_site_folder_are_not_trusted(repo, tmp_path):
    """The reproduction: build into public/, add a stale page pointing outside to the manifest,
    build again: the file outside stays."""
    site = repo / "public"
    assert build(repo, site).returncode == 0
    victim = repo / "victim.txt"
    victim.write_text("jangan dihapus", "utf-8")
    manifest = json.loads((site / MANIFEST).read_text("utf-8"))
    manifest["pages"]["x/index.md"] = ["0", "../victim.txt"]
    manifest["pages"]["y/index.md"] = ["0", str(victim)]
    (site / MANIFEST).write_text(json.dumps(manifest), "utf-8")
    assert build(repo, site).returncode == 0
    assert victim.read_text("utf-8") == "jangan dihapus"


def test_a_page_changed_in_the_site_folder_with_a_forged_manifest_is_rewritten(repo):
    site = repo / "public"
    assert build(repo, site).returncode == 0
    page = site / "inovasi/kota-batu/adiarta/index.html"
    clean = page.read_bytes()
    page.write_bytes(clean.replace(b"</body>", b"<script>alert(1)</script></body>"))
    manifest = json.loads((site / MANIFEST).read_text("utf-8"))
    manifest["pages"]["z/index.md"] = ["0", "../../outside"]  # a forged manifest is not used at all
    (site / MANIFEST).write_text(json.dumps(manifest), "utf-8")
    assert build(repo, site).returncode == 0
    assert page.read_bytes() == clean


def test_public_is_ignored_by_git():
    assert "/public/" in (ROOT / ".gitignore").read_text("utf-8").split()


def test_a_tracked_site_folder_is_refused(repo):
    """A pull request that commits public/ with a forged marker cannot get it emptied or trusted."""
    site = repo / "public"
    site.mkdir()
    (site / ".etalase-site").write_text("x", "utf-8")
    (site / "index.html").write_text("terlacak", "utf-8")
    git = ["git", "-C", str(repo), "-c", "user.name=t", "-c", "user.email=t@t"]
    subprocess.run(git[:3] + ["init", "-q"], check=True)
    subprocess.run(git + ["add", "-A"], check=True)
    subprocess.run(git + ["commit", "-qm", "x"], check=True)
    result = build(repo, site)
    assert result.returncode == 1 and "dilacak git" in result.stderr
    assert (site / "index.html").read_text("utf-8") == "terlacak"


def test_two_builds_into_one_folder(repo, tmp_path):
    site = tmp_path / "site"
    command = [sys.executable, str(ROOT / "build.py"), "--root", str(repo), "build", "--site-dir", str(site)]
    first = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=repo)
    deadline = time.monotonic() + 60
    while not (site / ".etalase-site").exists() and time.monotonic() < deadline:
        time.sleep(0.02)
    # Held still while the second build starts: the sample builds in less time than a Python start
    # takes on a loaded machine, and the first build would otherwise be over before the second looks.
    first.send_signal(signal.SIGSTOP)
    try:
        second = build(repo, site)
    finally:
        first.send_signal(signal.SIGCONT)
    out, err = first.communicate(timeout=300)
    assert first.returncode == 0, err
    assert second.returncode == 1 and "sedang dipakai pembangunan lain" in second.stderr
    assert (site / "inovasi/kota-batu/adiarta/index.html").is_file()


def _writable(folder: Path) -> bool:
    try:
        (folder / "probe").touch()
    except OSError:
        return False
    (folder / "probe").unlink()
    return True


@pytest.fixture
def read_only(tmp_path: Path):
    """An empty folder nobody may write into, root included: permissions where they bind (not root),
    else the immutable flag (root on ext4, xfs, btrfs), else a read-only bind mount of it (root
    with CAP_SYS_ADMIN, any file system). Never skipped: where none works, the test fails and says so."""
    folder = tmp_path / "readonly"
    folder.mkdir()
    folder.chmod(0o555)
    undo: list[list[str]] = []
    if _writable(folder) and subprocess.run(["chattr", "+i", str(folder)], capture_output=True).returncode == 0:
        undo.append(["chattr", "-i", str(folder)])
    if _writable(folder) and subprocess.run(["mount", "--bind", str(folder), str(folder)],
                                            capture_output=True).returncode == 0:
        undo.append(["umount", str(folder)])
        subprocess.run(["mount", "-o", "remount,bind,ro", str(folder)], capture_output=True)
    try:
        if _writable(folder):
            pytest.fail("no way to make a folder read-only here (root, no chattr +i on this file system, no mount): "
                        "run the tests as a user without root, or with CAP_LINUX_IMMUTABLE or CAP_SYS_ADMIN")
        yield folder
    finally:
        for command in reversed(undo):
            subprocess.run(command, check=True)
        folder.chmod(0o755)


def test_read_only_site_folder(repo, read_only):
    result = build(repo, read_only)
    assert result.returncode == 1 and "tidak dapat ditulisi" in result.stderr, result.stderr[-2000:]
