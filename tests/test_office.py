"""A second office's own showcase: the engine built as a wheel and installed into a fresh virtual
environment, `etalase init` for Kota Batu, `validate`, `build`, `new innovation`, `upgrade`, and a
province collecting two offices' sites with `etalase collect`."""

from __future__ import annotations

import functools
import hashlib
import http.server
import json
import os
import subprocess
import sys
import threading
import tomllib
import venv
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parents[1]
VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["version"]
BIN = Path(sys.executable).parent  # actionlint and shellcheck of the project's own environment
BATU = ["--office", "Dinas Komunikasi dan Informatika Kota Batu", "--region", "Kota Batu", "--forge", "github",
        "--site-url", "https://inovasi.batukota.go.id/"]


class Engine:
    """The `etalase` command of a virtual environment that has only the wheel (and its dependencies) installed."""

    def __init__(self, env: Path, wheelhouse: Path):
        self.env, self.wheelhouse = env, wheelhouse
        self.bin = env / "bin"

    def run(self, *args: str, cwd: Path, ok: bool = True, input: str | None = None) -> subprocess.CompletedProcess:
        result = subprocess.run([str(self.bin / "etalase"), *args], capture_output=True, text=True, cwd=cwd,
                                input=input, env={**os.environ, "PATH": f"{self.bin}{os.pathsep}{os.environ['PATH']}"})
        if ok and result.returncode != 0:
            pytest.fail(f"etalase {' '.join(args)} failed ({result.returncode}):\n{result.stdout}\n{result.stderr}")
        return result


@pytest.fixture(scope="session")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    """The wheel built from this repository, installed into a fresh virtual environment.

    Its dependencies come from pip's usual sources and cache, pinned by constraints.txt."""
    wheelhouse = tmp_path_factory.mktemp("wheelhouse")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(wheelhouse), str(ROOT)],
                   check=True, capture_output=True)
    env = tmp_path_factory.mktemp("engine-venv")
    venv.create(env, with_pip=True)
    subprocess.run([str(env / "bin" / "pip"), "install", "-q", "--find-links", str(wheelhouse),
                    "-c", str(ROOT / "constraints.txt"), f"etalase-inovasi=={VERSION}"], check=True, capture_output=True)
    return Engine(env, wheelhouse)


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text("utf-8"), "html.parser")


def new_office(engine: Engine, parent: Path, name: str, *options: str) -> Path:
    engine.run("init", name, *options, cwd=parent)
    return parent / name


def add_innovation(engine: Engine, repo: Path, title: str, region: str,
                   sector: str = "kearsipan") -> subprocess.CompletedProcess:
    return engine.run("new", "innovation", "--title", title, "--region", region, "--sector", sector, "--type", "digital",
               "--form", "pelayanan-publik", "--stage", "penerapan", "--summary", f"{title}: ringkasan.", cwd=repo)


# -- the package ---------------------------------------------------------------------------------


def test_the_wheel_ships_this_repositorys_own_reference_data_guide_and_workflows(engine: Engine):
    package = next(engine.env.glob("lib/python*/site-packages/etalase"))
    pairs = {"content/regions.yml": "content/regions.yml", "content/sectors.yml": "content/sectors.yml",
             "github-workflows/periksa.yml": ".github/workflows/periksa.yml", "gitlab-ci.yml": ".gitlab-ci.yml",
             "pre-commit-config.yaml": ".pre-commit-config.yaml", "constraints.txt": "constraints.txt"}
    pairs |= {f"content/panduan/{p.name}": f"content/panduan/{p.name}" for p in (ROOT / "content/panduan").glob("*.md")}
    pairs |= {f"schemas/{p.name}": f"schemas/{p.name}" for p in (ROOT / "schemas").glob("*.json")}
    for shipped, own in pairs.items():
        assert (package / "skeleton" / shipped).read_bytes() == (ROOT / own).read_bytes(), shipped
    assert (package / "site/templates/etalase/home.html").is_file()
    assert (package / "site/assets/etalase/search.js").is_file()
    # The same subcommands as build.py.
    commands = engine.run("--help", cwd=engine.env).stdout
    for command in ("validate", "build", "serve", "new", "schema", "summary", "generate", "init", "upgrade", "collect"):
        assert f"  {command} " in commands


# -- init ----------------------------------------------------------------------------------------


def test_init_for_kota_batu_validates_builds_and_shows_a_new_innovation(engine: Engine, tmp_path: Path):
    answers = "Dinas Komunikasi dan Informatika Kota Batu\nkota batu\ngithub\nhttps://inovasi.batukota.go.id/\n"
    asked = engine.run("init", "etalase-batu", cwd=tmp_path, input=answers)
    assert "Kota Batu" in asked.stdout
    repo = tmp_path / "etalase-batu"

    # Only the office's files: no sample innovation or award of this repository.
    assert not [p for p in (repo / "innovations").rglob("*") if p.is_file() and p.name != ".gitkeep"]
    assert not [p for p in (repo / "content/awards").rglob("*") if p.is_file() and p.name != ".gitkeep"]
    assert (repo / "innovations/kota-batu").is_dir()
    # Every region of this repository (the comments may name `etalase` where ours say `python build.py`).
    assert yaml.safe_load((repo / "content/regions.yml").read_text("utf-8")) == \
        yaml.safe_load((ROOT / "content/regions.yml").read_text("utf-8"))
    assert sorted(p.name for p in (repo / "content/panduan").glob("*.md")) == \
        sorted(p.name for p in (ROOT / "content/panduan").glob("*.md"))
    assert "etalase validate" in (repo / "content/panduan/index.md").read_text("utf-8")
    assert f"etalase-inovasi=={VERSION}" in (repo / "requirements.txt").read_text("utf-8").splitlines()
    config = yaml.load((repo / "mkdocs.yml").read_text("utf-8"), Loader=yaml.BaseLoader)  # !ENV stays a tag
    assert config["site_name"] == "Etalase Inovasi Kota Batu"
    assert "https://inovasi.batukota.go.id/" in (repo / "mkdocs.yml").read_text("utf-8")
    readme = (repo / "README.md").read_text("utf-8")
    assert "Memulai" in readme and "etalase upgrade" in readme and VERSION in readme
    for workflow in (repo / ".github/workflows").glob("*.yml"):
        text = workflow.read_text("utf-8")
        assert "build.py" not in text and "-e ." not in text and "pip install -r requirements.txt" in text
    assert "etalase validate --changed-since HEAD" in (repo / ".pre-commit-config.yaml").read_text("utf-8")
    assert not (repo / ".gitlab-ci.yml").exists()

    assert engine.run("validate", cwd=repo).returncode == 0
    engine.run("build", cwd=repo)
    site = repo / "site"
    # The first build: every section renders, and the empty ones say what to do first, with the guide.
    home = soup(site / "index.html")
    steps = home.select_one(".etalase-first-steps")
    assert steps is not None and "etalase new innovation" in steps.get_text()
    assert "panduan/menambah-inovasi/" in [a["href"] for a in steps.select("a")]
    assert (site / "panduan/menambah-inovasi/index.html").is_file()
    for page in ("inovasi", "daerah", "penghargaan", "pemenang", "cari"):
        assert soup(site / page / "index.html").select_one(".etalase-first-steps") is not None, page
    assert "Belum ada penghargaan" in soup(site / "pemenang/index.html").get_text()
    assert soup(site / "cari/index.html").select_one("script[src$='search.js']") is None  # no index to load
    assert json.loads((site / "data/inovasi.json").read_text("utf-8")) == []
    assert soup(site / "data/index.html").select_one("table") is not None

    created = add_innovation(engine, repo, "Sambang Warga Daring", "Kota Batu", "komunikasi-informatika")
    assert (repo / "innovations/kota-batu/sambang-warga-daring.md").is_file()
    assert "etalase validate" in created.stdout
    engine.run("validate", cwd=repo)
    engine.run("build", cwd=repo)
    page = soup(site / "inovasi/kota-batu/sambang-warga-daring/index.html")
    assert page.select_one("h1").get_text(strip=True) == "Sambang Warga Daring"
    listing = soup(site / "inovasi/index.html")
    assert "Sambang Warga Daring" in [a.get_text(strip=True) for a in listing.select(".etalase-list__title")]
    assert soup(site / "index.html").select_one(".etalase-first-steps") is None
    assert (site / "pagefind/pagefind.js").is_file()


def test_the_offices_workflows_pass_actionlint_and_its_gitlab_variant(engine: Engine, tmp_path: Path):
    github = new_office(engine, tmp_path, "github", *BATU)
    env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}"}
    files = sorted(str(p) for p in (github / ".github/workflows").glob("*.yml"))
    assert len(files) == 2
    result = subprocess.run([str(BIN / "actionlint"), "-no-color", "-oneline", *files], capture_output=True,
                            text=True, env=env, cwd=github)
    assert result.returncode == 0, result.stdout + result.stderr
    gitlab = new_office(engine, tmp_path, "gitlab", "--office", "Diskominfo Kota Madiun", "--region", "35.77",
                        "--forge", "gitlab", "--site-url", "")
    assert not (gitlab / ".github").exists()
    ci = yaml.safe_load((gitlab / ".gitlab-ci.yml").read_text("utf-8"))
    assert ci["default"]["before_script"] == ["python -m pip install -r requirements.txt"]
    assert all(line.startswith(("etalase ", "cat ")) for job in ("periksa", "pages") for line in ci[job]["script"])
    assert (gitlab / "innovations/kota-madiun").is_dir()


def test_the_offices_pull_request_steps_run_in_order_with_the_pinned_engine(engine: Engine, tmp_path: Path):
    """periksa.yml's own run: steps, in order: install the pinned engine (from the test's wheelhouse),
    summarise, validate, build."""
    repo = new_office(engine, tmp_path, "batu", *BATU)
    git = {**os.environ, "GIT_AUTHOR_NAME": "Editor", "GIT_AUTHOR_EMAIL": "e@example.org",
           "GIT_COMMITTER_NAME": "Editor", "GIT_COMMITTER_EMAIL": "e@example.org"}
    subprocess.run(["git", "init", "-q", "-b", "main"], cwd=repo, check=True)
    subprocess.run(["git", "add", "-A"], cwd=repo, check=True)
    subprocess.run(["git", "commit", "-qm", "awal"], cwd=repo, check=True, env=git)
    base = subprocess.run(["git", "rev-parse", "HEAD"], cwd=repo, capture_output=True, text=True).stdout.strip()
    add_innovation(engine, repo, "Arsip Digital", "35.79")
    workflow = yaml.safe_load((repo / ".github/workflows/periksa.yml").read_text("utf-8"))
    steps = [s for s in workflow["jobs"]["periksa"]["steps"] if "run" in s]
    summary = tmp_path / "summary.md"
    env = {**os.environ, "PATH": f"{engine.bin}{os.pathsep}{os.environ['PATH']}", "PIP_FIND_LINKS": str(engine.wheelhouse),
           "BASE_SHA": base, "GITHUB_STEP_SUMMARY": str(summary), "RUNNER_TEMP": str(tmp_path), "PIP_QUIET": "1"}
    for step in steps:
        result = subprocess.run(["bash", "-e", "-c", step["run"]], cwd=repo, env=env, capture_output=True, text=True)
        assert result.returncode == 0, f"{step['name']}:\n{result.stdout}\n{result.stderr}"
    assert "Arsip Digital" in summary.read_text("utf-8")
    assert (tmp_path / "situs/inovasi/kota-batu/arsip-digital/index.html").is_file()


# -- upgrade ---------------------------------------------------------------------------------------


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def test_upgrade_refreshes_an_old_workflow_and_keeps_the_offices_changes(engine: Engine, tmp_path: Path):
    repo = new_office(engine, tmp_path, "batu", *BATU)
    workflow = repo / ".github/workflows/periksa.yml"
    current = workflow.read_bytes()
    # As the previous release wrote it: another version pinned, another workflow, another region list.
    managed_path = repo / ".etalase/managed.json"
    managed = json.loads(managed_path.read_text("utf-8"))
    old_workflow = current.replace(b"timeout-minutes: 20", b"timeout-minutes: 45")
    old_regions = b"".join(line for line in (repo / "content/regions.yml").read_bytes().splitlines(keepends=True)
                           if b"Kota Madiun" not in line)
    workflow.write_bytes(old_workflow)
    (repo / "content/regions.yml").write_bytes(old_regions)
    managed["version"] = "0.0.9"
    managed["files"][".github/workflows/periksa.yml"] = _sha(old_workflow)
    managed["files"]["content/regions.yml"] = _sha(old_regions)
    # A guide page the previous release shipped and this one does not.
    retired = repo / "content/panduan/lama.md"
    retired.write_text("# Halaman lama\n", "utf-8")
    managed["files"]["content/panduan/lama.md"] = _sha(retired.read_bytes())
    managed_path.write_text(json.dumps(managed), "utf-8")
    pins = repo / "requirements.txt"
    pins.write_text(pins.read_text("utf-8").replace(f"=={VERSION}", "==0.0.9"), "utf-8")
    # The office's own changes: its mkdocs.yml, an innovation, and a guide page it edited.
    mkdocs = repo / "mkdocs.yml"
    mkdocs.write_text(mkdocs.read_text("utf-8").replace("primary: teal", "primary: indigo")
                      + "extra:\n  kontak: humas@batukota.go.id\n", "utf-8")
    office_mkdocs = mkdocs.read_bytes()
    add_innovation(engine, repo, "Arsip Digital", "35.79")
    innovation = (repo / "innovations/kota-batu/arsip-digital.md").read_bytes()
    guide = repo / "content/panduan/index.md"
    guide.write_text(guide.read_text("utf-8") + "\nKontak kami: humas@batukota.go.id\n", "utf-8")
    edited_guide = guide.read_bytes()

    result = engine.run("upgrade", cwd=repo)
    assert f"0.0.9 → {VERSION}" in result.stdout
    assert ".github/workflows/periksa.yml: diperbarui" in result.stdout
    assert "content/regions.yml: diperbarui" in result.stdout
    assert f"requirements.txt: versi mesin dikunci ke {VERSION}" in result.stdout
    assert workflow.read_bytes() == current
    assert "content/panduan/lama.md: dihapus" in result.stdout and not retired.exists()
    assert b"Kota Madiun" in (repo / "content/regions.yml").read_bytes()
    assert f"etalase-inovasi=={VERSION}" in pins.read_text("utf-8").splitlines()
    assert mkdocs.read_bytes() == office_mkdocs
    assert (repo / "innovations/kota-batu/arsip-digital.md").read_bytes() == innovation
    # The guide page the office edited is kept; the engine's version waits beside it.
    assert guide.read_bytes() == edited_guide
    assert "content/panduan/index.md: pernah Anda ubah" in result.stdout
    assert (repo / ".etalase/baru/content/panduan/index.md").read_bytes() == \
        (ROOT / "content/panduan/index.md").read_bytes().replace(b"python build.py", b"etalase")
    assert json.loads(managed_path.read_text("utf-8"))["version"] == VERSION
    assert "mkdocs.yml" not in result.stdout and "innovations/" not in result.stdout

    again = engine.run("upgrade", cwd=repo).stdout
    assert "periksa.yml" not in again and "regions.yml" not in again and "requirements.txt" not in again
    engine.run("build", cwd=repo)
    assert "indigo" in (repo / "site/index.html").read_text("utf-8")


def test_upgrade_outside_an_office_repository_says_why(engine: Engine, tmp_path: Path):
    result = engine.run("upgrade", cwd=tmp_path, ok=False)
    assert result.returncode == 1 and ".etalase/managed.json tidak ditemukan" in result.stderr
    assert "Traceback" not in result.stderr


# -- collect ---------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def two_offices(engine: Engine, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Kota Batu's and Kota Madiun's sites, built, with innovations and (Batu) an award."""
    parent = tmp_path_factory.mktemp("offices")
    batu = new_office(engine, parent, "batu", *BATU)
    add_innovation(engine, batu, "Sambang Warga", "35.79", "komunikasi-informatika")
    add_innovation(engine, batu, "Arsip Digital", "35.79")
    program = batu / "content/awards/lomba-inovasi-batu"
    program.mkdir(parents=True)
    (program / "program.yml").write_text("name: Lomba Inovasi Kota Batu\norganizer: Pemerintah Kota Batu\n"
                                         "level: kabupaten-kota\nregion: \"35.79\"\n", "utf-8")
    (program / "2024.yml").write_text(
        "title: Lomba Inovasi Kota Batu 2024\nstages:\n  - kind: penyerahan\n    date: 2024-08-17\n"
        "winners:\n  - rank: 1\n    title: Juara 1\n    recipients:\n      - innovation: kota-batu/sambang-warga\n", "utf-8")
    madiun = new_office(engine, parent, "madiun", "--office", "Diskominfo Kota Madiun", "--region", "Kota Madiun",
                        "--forge", "gitlab", "--site-url", "https://inovasi.madiunkota.go.id/")
    add_innovation(engine, madiun, "Pasar Daring", "Kota Madiun", "perdagangan")
    for repo, url in ((batu, "https://inovasi.batukota.go.id/"), (madiun, "https://inovasi.madiunkota.go.id/")):
        subprocess.run([str(engine.bin / "etalase"), "build"], cwd=repo, check=True, capture_output=True,
                       env={**os.environ, "SITE_URL": url})
    broken = parent / "broken" / "data"
    broken.mkdir(parents=True)
    rows = json.loads((madiun / "site/data/inovasi.json").read_text("utf-8"))
    rows[0] |= {"id": "kota-madiun/rusak", "type": "setengah-digital"}
    (broken / "inovasi.json").write_text("[\n" + ",\n".join(json.dumps(r) for r in rows) + "\n]\n", "utf-8")
    (broken / "penghargaan.json").write_text("[]\n", "utf-8")
    # Valid row by row, but against the rules validate applies: Kota Batu's innovation under another region.
    misplaced = parent / "misplaced"
    misplaced.mkdir()
    rows = json.loads((batu / "site/data/inovasi.json").read_text("utf-8"))
    rows[0]["id"] = "kota-madiun/salah-tempat"
    (misplaced / "inovasi.json").write_text(json.dumps(rows), "utf-8")
    (misplaced / "penghargaan.json").write_text("[]", "utf-8")
    return parent


def _sources(*entries: tuple[str, str, str | None]) -> str:
    lines = []
    for source_id, url, folder in entries:
        lines += [f"- id: {source_id}", f"  name: Etalase Inovasi {source_id}", f"  url: {url}"]
        lines += [f"  folder: {folder}"] if folder else []
    return "\n".join(lines) + "\n"


def test_a_province_collects_both_offices_once_each_and_reports_a_broken_source(
        engine: Engine, two_offices: Path, tmp_path: Path):
    province = new_office(engine, tmp_path, "jatim", "--office", "Diskominfo Provinsi Jawa Timur", "--region", "35",
                          "--forge", "github", "--site-url", "")
    (province / "content/sumber.yml").write_text(_sources(
        ("kota-batu", "https://inovasi.batukota.go.id/", str(two_offices / "batu/site")),
        ("kota-madiun", "https://inovasi.madiunkota.go.id/", str(two_offices / "madiun/site")),
        ("kota-rusak", "https://rusak.example.go.id/", str(two_offices / "broken")),
        ("kota-hilang", "https://hilang.example.go.id/", str(two_offices / "tidak-ada")),
        ("salah-tempat", "https://salah.example.go.id/", str(two_offices / "misplaced")),
        # Batu listed twice (say, through a mirror): its records still appear once.
        ("kota-batu-cermin", "https://cermin.example.go.id/", str(two_offices / "batu/site")),
    ), "utf-8")
    result = engine.run("collect", cwd=province, ok=False)
    assert result.returncode == 1
    assert "berhasil: kota-batu: 2 inovasi, 1 penghargaan dihimpun" in result.stdout
    assert "berhasil: kota-madiun: 1 inovasi, 0 penghargaan dihimpun" in result.stdout
    assert f"{two_offices}/broken/data/inovasi.json:2:1: error: [0].type:" in result.stderr
    assert "GAGAL: kota-rusak: datanya tidak sah" in result.stderr
    assert "GAGAL: kota-hilang: tidak dapat dibaca" in result.stderr
    assert "inovasi milik Kota Batu harus disimpan di folder innovations/kota-batu/" in result.stderr
    assert "GAGAL: salah-tempat: datanya tidak sah" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (province / "collected/kota-rusak").exists() and not (province / "collected/salah-tempat").exists()

    validated = engine.run("validate", cwd=province)
    assert "belum dihimpun" in validated.stdout  # the two failed sources, as warnings
    engine.run("build", cwd=province)
    site = province / "site"
    ids = [row["id"] for row in json.loads((site / "data/inovasi.json").read_text("utf-8"))]
    assert sorted(ids) == ["kota-batu/arsip-digital", "kota-batu/sambang-warga", "kota-madiun/pasar-daring"]
    listing = soup(site / "inovasi/index.html")
    titles = [a.get_text(strip=True) for a in listing.select(".etalase-list__title")]
    assert sorted(titles) == ["Arsip Digital", "Pasar Daring", "Sambang Warga"]
    origins = [a["href"] for a in listing.select(".etalase-origin a")]
    assert sorted(origins) == ["https://inovasi.batukota.go.id/"] * 2 + ["https://inovasi.madiunkota.go.id/"]
    page = soup(site / "inovasi/kota-batu/sambang-warga/index.html")
    links = [a["href"] for a in page.select(".etalase-origin a")]
    assert links == ["https://inovasi.batukota.go.id/", "https://inovasi.batukota.go.id/inovasi/kota-batu/sambang-warga/"]
    assert "Juara 1" in page.select_one("article").get_text()
    awards = json.loads((site / "data/penghargaan.json").read_text("utf-8"))
    assert [(a["program"], a["year"], a["recipient_id"]) for a in awards] == \
        [("lomba-inovasi-batu", 2024, "kota-batu/sambang-warga")]
    edition = soup(site / "penghargaan/lomba-inovasi-batu/2024/index.html")
    assert [a["href"] for a in edition.select(".etalase-origin a")] == ["https://inovasi.batukota.go.id/"]
    assert soup(site / "daerah/kota-madiun/index.html").find(string="Pasar Daring") is not None

    # A later collect where Batu's site has become unreadable keeps Batu's stored copy.
    (province / "content/sumber.yml").write_text(_sources(
        ("kota-batu", "https://inovasi.batukota.go.id/", str(two_offices / "tidak-ada")),
        ("kota-madiun", "https://inovasi.madiunkota.go.id/", str(two_offices / "madiun/site")),
    ), "utf-8")
    again = engine.run("collect", cwd=province, ok=False)
    assert "GAGAL: kota-batu: tidak dapat dibaca" in again.stderr and "Salinan sebelumnya tetap dipakai" in again.stderr
    engine.run("build", cwd=province)
    assert (province / "site/inovasi/kota-batu/sambang-warga/index.html").is_file()


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def test_collect_reads_a_site_over_http_and_refuses_other_schemes(engine: Engine, two_offices: Path, tmp_path: Path):
    handler = functools.partial(_Quiet, directory=str(two_offices / "batu/site"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        province = new_office(engine, tmp_path, "jatim", "--office", "Diskominfo Jatim", "--region", "Jawa Timur",
                              "--forge", "github", "--site-url", "")
        address = f"http://127.0.0.1:{server.server_address[1]}/"
        (province / "content/sumber.yml").write_text(_sources(("kota-batu", address, None)), "utf-8")
        result = engine.run("collect", cwd=province)
        assert "berhasil: kota-batu: 2 inovasi" in result.stdout
        (province / "content/sumber.yml").write_text(_sources(("lokal", "file:///etc/", None)), "utf-8")
        refused = engine.run("collect", cwd=province, ok=False)
        assert refused.returncode == 1 and "content/sumber.yml:3" in refused.stderr and "https://" in refused.stderr
    finally:
        server.shutdown()
        server.server_close()
