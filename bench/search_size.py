"""What a visitor downloads and waits for when searching a national-size site.

    python bench/search_size.py                      # 10,000 innovations, query "pasar"
    python bench/search_size.py --innovations 50000 --query arsip

Generates a synthetic repository (`etalase.generate`, seed 0) under bench/out/ (git-ignored),
builds it with `build.py build` unless a finished build of it is already there, serves it over
loopback HTTP and drives Debian's Chromium through three steps, each in the same fresh browser
profile (empty cache):

1. load: open the search page (it lists every innovation by title, with the filter counts);
2. query: type the query, until the first results are shown;
3. filter: choose the province with the most matches, until the results are shown.

For each step it prints the bytes the browser received (body and headers, from its network
events: what Pagefind's workers fetched included) for the search bundle (`pagefind/`) and for the
whole page, and the time until the results were shown. It measures twice: served as GitHub Pages
serves a site (text files such as `pagefind.js` gzip-compressed on the way, `tests/browser.py`),
then by a plain server that sends every file as it is. Pagefind's index, filter, fragment and
WebAssembly files are gzip-compressed on disk already, so only the scripts differ.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from playwright.sync_api import Page, Request, sync_playwright

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT / "tests"))
from etalase.generate import write_tree  # noqa: E402

from browser import DESKTOP, launch, serve  # noqa: E402 - the tests' harness, one way to run Chromium

TARGET_KB = 150  # budget for everything the search bundle fetches up to the first query's results (issue 19)
STATUS = "[role=status]"
QUERY = "pasar"  # a word of some generated titles (generate.py)


@dataclass
class Step:
    name: str
    seconds: float = 0.0
    requests: list[tuple[str, int]] = field(default_factory=list)

    def bytes(self, part: str = "") -> int:
        return sum(size for url, size in self.requests if part in url)


def build(repository: Path, site: Path, innovations: int, seed: int) -> None:
    if (site / "pagefind" / "pagefind-entry.json").exists():
        print(f"Reusing {site}")
        return
    if not (repository / "innovations").exists():
        print(f"Generating {innovations} innovations into {repository}")
        write_tree(repository, innovations, seed)
    print(f"Building {site}")
    started = time.perf_counter()
    built = subprocess.run([sys.executable, str(ROOT / "build.py"), "--root", str(repository), "build",
                            "--site-dir", str(site)], cwd=repository, capture_output=True, text=True)
    if built.returncode:
        sys.exit(f"Build failed:\n{built.stdout}\n{built.stderr}")
    print(f"Built in {time.perf_counter() - started:.1f} s")


def wait_for_new_status(page: Page, previous: str) -> str:
    page.wait_for_function("([selector, previous]) => {"
                           " const text = document.querySelector(selector).textContent;"
                           " return text !== previous && /ditemukan|Tidak ada|Ketik/.test(text); }",
                           arg=[STATUS, previous], timeout=120_000)
    return page.locator(STATUS).inner_text()


def measure(site_url: str, query: str) -> list[Step]:
    steps: list[Step] = []

    def record(request: Request) -> None:
        sizes = request.sizes()
        steps[-1].requests.append((request.url, sizes["responseBodySize"] + sizes["responseHeadersSize"]))

    with sync_playwright() as playwright:
        browser = launch(playwright)
        context = browser.new_context(viewport=DESKTOP, locale="id-ID")
        page = context.new_page()
        page.on("requestfinished", record)

        steps.append(Step("load"))
        started = time.perf_counter()
        page.goto(f"{site_url}cari/")
        status = wait_for_new_status(page, "")
        steps[-1].seconds = time.perf_counter() - started
        print(f"load:   {status}")

        steps.append(Step("query"))
        started = time.perf_counter()
        page.get_by_label("Kata kunci").fill(query)
        status = wait_for_new_status(page, status)
        steps[-1].seconds = time.perf_counter() - started
        print(f"query:  {status} for {query!r}")

        steps.append(Step("filter"))
        province = page.get_by_label("Provinsi")
        started = time.perf_counter()
        # Turning to the filters fetches their index; the options then show counts for the query.
        province.focus()
        page.wait_for_function("s => [...document.querySelector(s).options].slice(1).every(o => o.text.endsWith(')'))",
                               arg="#etalase-filter-provinsi", timeout=120_000)
        options = province.locator("option").all_inner_texts()[1:]
        choice = max(options, key=lambda text: int(text.rsplit("(", 1)[1].rstrip(")").replace(".", "")))
        province.select_option(label=choice)
        status = wait_for_new_status(page, status)
        steps[-1].seconds = time.perf_counter() - started
        print(f"filter: {status} in {choice}")
        page.wait_for_load_state("networkidle")
        context.close()
        browser.close()
    return steps


def report(steps: list[Step], innovations: int) -> None:
    print(f"\n{innovations} innovations; KB = 1,000 bytes received (body + headers)")
    print(f"{'step':<8}{'pagefind/ KB':>14}{'requests':>10}{'page KB':>10}{'results after':>15}")
    for step in steps:
        pagefind = [r for r in step.requests if "/pagefind/" in r[0]]
        print(f"{step.name:<8}{step.bytes('/pagefind/') / 1000:>14.1f}{len(pagefind):>10}"
              f"{step.bytes() / 1000:>10.1f}{step.seconds:>14.2f}s")
    first_query = sum(step.bytes("/pagefind/") for step in steps[:2]) / 1000
    verdict = "within" if first_query <= TARGET_KB else "OVER"
    print(f"\nSearch bundle up to the first query's results: {first_query:.1f} KB ({verdict} the {TARGET_KB} KB target)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--innovations", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--query", default=QUERY)
    parser.add_argument("--out", type=Path, default=None, help="folder of the repository and site (reused)")
    args = parser.parse_args()
    out = args.out or HERE / "out" / f"search-{args.innovations}-{args.seed}"
    build(out / "repository", out / "site", args.innovations, args.seed)
    for compressed, served in ((True, "as GitHub Pages serves it (scripts gzip-compressed)"),
                               (False, "by a plain server (every file as it is)")):
        print(f"\nServed {served}:")
        with serve(out / "site", compressed=compressed) as site_url:
            report(measure(site_url, args.query), args.innovations)


if __name__ == "__main__":
    main()
