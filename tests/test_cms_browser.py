"""The browser editor at /admin/ driven in Chromium: the real Decap CMS against `build.py serve --cms`.

Each test works on a temporary git copy of the repository (the local backend commits into it), never
on the working tree. A save becomes a commit on a `cms/...` branch, as a pull request would on
GitHub or GitLab; "Terbitkan" merges it.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import Page, expect
from test_search_browser import open_search, titles
from test_site_catalog import fetch, free_port, wait_for

from browser import DESKTOP, PHONE, serve
from sample_repo import ROOT, cli

NEW_REGION = ("Kota Banda Aceh", "11.71", "kota-banda-aceh")  # in content/regions.yml, no innovation yet


def screenshot(page: Page, tmp_path: Path, name: str) -> None:
    """Into tmp_path, or where ETALASE_SCREENSHOTS says (docs/screenshots/ holds the ones looked at)."""
    folder = Path(os.environ.get("ETALASE_SCREENSHOTS", tmp_path))
    page.screenshot(path=str(folder / name))


def git(root: Path, *args: str) -> str:
    run = subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True, check=True)
    return run.stdout


@pytest.fixture
def editor(tmp_path):
    """A git copy of the repository with the preview and the local backend running; yields (root, url)."""
    root = tmp_path / "repo"
    root.mkdir()
    for name in ("content", "innovations", "schemas"):
        shutil.copytree(ROOT / name, root / name)
    shutil.copy(ROOT / "mkdocs.yml", root)
    (root / ".gitignore").write_text("/site/\n", encoding="utf-8")
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "-c", "user.name=Uji", "-c", "user.email=uji@example.com", "commit", "-qm", "Isi contoh")
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, str(ROOT / "build.py"), "--root", str(root), "serve", "--cms", "--dev-addr", f"127.0.0.1:{port}"],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    url = f"http://127.0.0.1:{port}/"
    try:
        assert wait_for(lambda: fetch(f"{url}admin/config.yml")), "the preview serves the editor's configuration"
        yield root, url
    finally:
        process.terminate()
        output = process.communicate(timeout=30)[0]
    assert "Penyunting:" in output, output


def sign_in(page: Page, url: str, hosts: set[str]) -> None:
    page.on("request", lambda request: hosts.add(request.url.split("/")[2]))
    page.on("dialog", lambda dialog: dialog.accept())
    page.goto(f"{url}admin/")
    page.get_by_role("button", name="Masuk").click()
    expect(page.get_by_text("Koleksi", exact=True)).to_be_visible()


def pick(page: Page, label: str, option: str) -> None:
    """Choose `option` in the searchable select labelled `label`, typing as an editor does."""
    page.get_by_label(label, exact=True).click()
    page.keyboard.type(option)
    page.get_by_role("option", name=option, exact=True).click()


def publish(page: Page) -> None:
    """Draft → Siap → Terbitkan sekarang, through the editor's toolbar."""
    page.get_by_role("button", name="Status: Draf").click()
    page.get_by_role("menuitem", name="Siap").click()
    expect(page.get_by_role("button", name="Status: Siap")).to_be_visible()
    page.get_by_role("button", name="Terbitkan", exact=True).click()
    page.get_by_role("menuitem", name="Terbitkan sekarang").click()
    expect(page.get_by_text("Data diterbitkan")).to_be_visible()


def test_a_new_innovation_for_a_region_without_any(editor, browser, tmp_path):
    root, url = editor
    name, code, folder = NEW_REGION
    assert not (root / "innovations" / folder).exists()
    hosts: set[str] = set()
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    sign_in(page, url, hosts)
    page.goto(f"{url}admin/#/collections/innovations/new")
    # Every required field of the model, through its widget.
    page.get_by_label("Judul", exact=True).fill("Sapa Warga Banda Aceh")
    pick(page, "Folder daerah", name)
    pick(page, "Daerah", f"{name} ({code})")
    pick(page, "Urusan pemerintahan", "Kesehatan")
    pick(page, "Jenis", "Digital")
    pick(page, "Bentuk", "Pelayanan publik")
    pick(page, "Tahapan", "Penerapan")
    page.get_by_label("Ringkasan", exact=True).fill("Aduan warga Kota Banda Aceh lewat satu aplikasi, dijawab dalam sehari.")
    page.get_by_role("button", name="Simpan", exact=True).click()
    expect(page.get_by_text("Data tersimpan")).to_be_visible()
    # Saved as a branch with one commit, as a pull request would be; main is untouched until published.
    rel = f"innovations/{folder}/sapa-warga-banda-aceh.md"
    branch = f"cms/innovations/{folder}/sapa-warga-banda-aceh"
    assert git(root, "diff", "--name-only", "main", branch).split() == [rel]
    assert subprocess.run(["git", "-C", str(root), "cat-file", "-e", f"main:{rel}"]).returncode != 0
    publish(page)
    context.close()
    assert all(host.startswith("127.0.0.1:") for host in hosts), f"the editor reached another host: {hosts}"

    assert (root / rel).is_file(), "published: merged into the checked-out branch"
    validate = cli(root, "validate")
    assert validate.returncode == 0, validate.stdout + validate.stderr
    site = tmp_path / "site"
    build = cli(root, "build", "--site-dir", str(site))
    assert build.returncode == 0, build.stderr
    region_page = (site / "daerah" / folder / "index.html").read_text(encoding="utf-8")
    assert "Sapa Warga Banda Aceh" in region_page
    with serve(site) as built:
        search = browser.new_page()
        open_search(search, built, "?q=aduan")
        assert "Sapa Warga Banda Aceh" in titles(search)
        search.close()


def test_editing_one_field_of_a_seed_innovation(editor, browser, tmp_path):
    root, url = editor
    rel = "innovations/kota-batu/adiarta.md"
    hosts: set[str] = set()
    page = browser.new_page(viewport=DESKTOP)
    sign_in(page, url, hosts)
    page.goto(f"{url}admin/#/collections/innovations/entries/kota-batu/adiarta")
    unit = page.get_by_label("Perangkat daerah (tidak wajib)", exact=True)
    expect(unit).to_have_value("Dinas Perpustakaan dan Kearsipan")
    unit.fill("Dinas Perpustakaan dan Kearsipan Daerah")
    screenshot(page, tmp_path, "cms-innovation-1280.png")
    page.get_by_role("button", name="Simpan", exact=True).click()
    expect(page.get_by_text("Data tersimpan")).to_be_visible()
    page.close()
    assert git(root, "diff", "--stat", "main", "cms/innovations/kota-batu/adiarta").count("|") == 1, "one file"
    diff = git(root, "diff", "--unified=0", "main", "cms/innovations/kota-batu/adiarta", "--", rel)
    changed = [line for line in diff.splitlines() if line[:1] in "+-" and not line.startswith(("+++", "---"))]
    # Exactly what the README says Decap rewrites besides the edited line: a flow list (`[a, b]`) comes
    # back as a block list, a folded text (`>-`) as a plain one wrapped at 80 columns. Everything else
    # is kept: the `# yaml-language-server` line, key order, the quoted region code, the narrative.
    assert changed == [
        "-unit: Dinas Perpustakaan dan Kearsipan",
        "-sectors: [kearsipan, pertanahan]",
        "+unit: Dinas Perpustakaan dan Kearsipan Daerah",
        "+sectors:",
        "+  - kearsipan",
        "+  - pertanahan",
        "-summary: >-",
        "-  Alih media arsip tanah oleh Dinas Perpustakaan dan Kearsipan Kota Batu, peringkat kedua Top 5",
        "-  Kompetisi Inovasi Pelayanan Publik Kota Batu 2020.",
        "+summary: Alih media arsip tanah oleh Dinas Perpustakaan dan Kearsipan Kota Batu,",
        "+  peringkat kedua Top 5 Kompetisi Inovasi Pelayanan Publik Kota Batu 2020.",
    ], diff


def test_the_editor_on_a_phone(editor, browser, tmp_path):
    root, url = editor
    hosts: set[str] = set()
    page = browser.new_page(viewport=PHONE, is_mobile=True, has_touch=True)
    sign_in(page, url, hosts)
    page.goto(f"{url}admin/#/collections/innovations/entries/kota-batu/adiarta")
    expect(page.get_by_label("Judul", exact=True).first).to_have_value("ADIARTA")
    screenshot(page, tmp_path, "cms-innovation-390.png")
    page.close()


def test_no_page_loads_anything_from_another_host(built_site, site_url, browser):
    """Every page of the built sample site, the editor at /admin/ included, asks only the site's own host."""
    pages = sorted(p.parent.relative_to(built_site).as_posix() for p in built_site.rglob("index.html"))
    assert "admin" in pages and len(pages) > 100
    pages.append(pages.pop(pages.index("admin")))  # last: its sign-in button shows the editor started
    context = browser.new_context(viewport=DESKTOP)
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    page = context.new_page()
    for rel in pages:
        page.goto(site_url + ("" if rel == "." else f"{rel}/"), wait_until="load")
    expect(page.get_by_role("button", name="Masuk dengan GitHub")).to_be_visible()  # the last page: admin/
    context.close()
    host = site_url.split("/")[2]
    elsewhere = sorted({url for url in requests if url.split("/")[2] != host and not url.startswith("data:")})
    assert elsewhere == []
    assert any(url.endswith("/admin/decap/decap-cms.js") for url in requests)


def listening_addresses(port: int) -> set[str]:
    """The local addresses of the TCP sockets listening on `port` (from /proc/net/tcp and tcp6)."""
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            local, state = line.split()[1], line.split()[3]
            address, hex_port = local.split(":")
            if state == "0A" and int(hex_port, 16) == port:  # 0A: LISTEN
                found.add(address)
    return found


def test_the_local_backend_listens_on_loopback_only(editor):
    root, url = editor
    backend = yaml.safe_load(fetch(f"{url}admin/config.yml"))["local_backend"]["url"]
    port = int(backend.split(":")[2].split("/")[0])
    assert listening_addresses(port) == {"0100007F"}, "127.0.0.1 only, not every interface"
    request = urllib.request.Request(backend, data=json.dumps({"action": "info"}).encode(),
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=10) as response:
        assert json.load(response)["publish_modes"] == ["simple", "editorial_workflow"]


def test_the_local_mode_refuses_uncommitted_work(editor):
    root, url = editor
    (root / "innovations" / "kota-batu" / "draf.md").write_text("---\ntitle: Draf\n---\n", encoding="utf-8")
    run = cli(root, "serve", "--cms", "--dev-addr", f"127.0.0.1:{free_port()}")
    assert run.returncode == 1
    assert "ada perubahan yang belum di-commit" in run.stderr and "innovations/" in run.stderr, run.stderr
