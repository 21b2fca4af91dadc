"""A page of content/ at the address of a generated page is a validation error (issue 17): the
generated page would replace it. Through the real command line and a real build.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from sample_repo import cli, copy_site

MESSAGE = re.compile(r"^(?P<path>content/\S+):1:1: error: alamat halaman ini \(/(?P<url>\S*)\) sudah dipakai halaman "
                     r"yang dibuat otomatis dari data: (?P<owner>.+); halaman itu akan menggantikan berkas ini\. "
                     r"Pindahkan atau ganti nama berkasnya")


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    return copy_site(tmp_path / "repo")


def shadowed(repo: Path) -> dict[str, tuple[str, str]]:
    """{content file: (address, generated page)} of every such error `validate` prints."""
    result = cli(repo, "validate")
    assert "Traceback" not in result.stderr, result.stderr
    found = {m["path"]: (m["url"], m["owner"]) for m in map(MESSAGE.match, result.stdout.splitlines()) if m}
    assert result.returncode == (1 if found else 0), result.stdout
    return found


def page(repo: Path, rel: str) -> None:
    path = repo / "content" / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("# Halaman penyunting\n", "utf-8")


@pytest.mark.parametrize(("rel", "url", "owner"), [
    ("inovasi/index.md", "inovasi/", "daftar inovasi"),
    ("inovasi.md", "inovasi/", "daftar inovasi"),
    ("index.md", "", "beranda"),
    ("daerah/kota-batu.md", "daerah/kota-batu/", "profil daerah Kota Batu"),
    ("inovasi/kota-batu/adiarta/README.md", "inovasi/kota-batu/adiarta/",
     "profil inovasi ADIARTA, dari innovations/kota-batu/adiarta.md"),
    ("inovasi/halaman/3.md", "inovasi/halaman/3/", "halaman 3 dari daftar inovasi"),
    ("panduan/pertanyaan-data.md", "panduan/pertanyaan-data/", "pertanyaan data terbuka"),
    ("admin/index.md", "admin/", "penyunting di peramban"),  # not a page spec: the editor's own files
])
def test_content_page_at_a_generated_address(repo, rel, url, owner):
    page(repo, rel)
    page(repo, "panduan/catatan.md")  # beside the generated pages of the guide: no address of theirs
    assert shadowed(repo) == {f"content/{rel}": (url, owner)}


def test_addresses_follow_the_prefixes_of_mkdocs_yml(repo):
    config = repo / "mkdocs.yml"
    config.write_text(config.read_text("utf-8").replace("  - etalase:\n", "  - etalase:\n      innovations_prefix: katalog\n",
                                                        1), "utf-8")
    page(repo, "inovasi/index.md")  # no longer a generated page's
    page(repo, "katalog/index.md")
    assert shadowed(repo) == {"content/katalog/index.md": ("katalog/", "daftar inovasi")}


def test_every_page_a_build_generates_is_an_address_validation_knows(repo, tmp_path):
    """Validation names the addresses from the URL functions without building every page: each page
    of a real build (small listings, so that they have later pages) must be one of them."""
    config = repo / "mkdocs.yml"
    config.write_text(config.read_text("utf-8").replace("  - etalase:\n", "  - etalase:\n      page_size: 2\n", 1), "utf-8")
    site = tmp_path / "site"
    built = cli(repo, "build", "--site-dir", str(site))
    assert built.returncode == 0, built.stderr[-3000:]
    content_pages = {"panduan/" if p.name == "index.md" else f"panduan/{p.stem}/"
                     for p in (repo / "content/panduan").glob("*.md")}
    generated = sorted(url for url in (p.parent.relative_to(site).as_posix() + "/" for p in site.rglob("index.html"))
                       if url not in content_pages)
    generated = ["" if url == "./" else url for url in generated]
    assert "inovasi/halaman/2/" in generated and len(generated) > 200
    for url in generated:
        page(repo, f"{url}index.md")
    found = shadowed(repo)
    assert sorted(url for url, _ in found.values()) == generated


@pytest.mark.parametrize("changed", ["page", "innovation"])
def test_a_partial_check_sees_a_page_at_a_generated_address(repo, changed):
    """`validate --changed-since` reports it whichever of the two changed: a new page, or a new record
    taking the address of a page that did not change."""
    git = ["git", "-C", str(repo), "-c", "user.name=t", "-c", "user.email=t@example.org"]
    if changed == "innovation":
        page(repo, "inovasi/kota-batu/baru.md")
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "-A"], check=True)
    subprocess.run([*git, "commit", "-qm", "awal"], check=True)
    if changed == "page":
        page(repo, "inovasi/kota-batu/adiarta.md")  # an innovation that did not change
    else:
        shutil.copy(repo / "innovations/kota-batu/adiarta.md", repo / "innovations/kota-batu/baru.md")
    result = cli(repo, "validate", "--changed-since", "HEAD")
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stdout + result.stderr
    name = "adiarta" if changed == "page" else "baru"
    assert [m["path"] for m in map(MESSAGE.match, result.stdout.splitlines()) if m] == [f"content/inovasi/kota-batu/{name}.md"]
