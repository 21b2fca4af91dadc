"""Lighthouse (npm, pinned) on four pages, mobile preset, the site served compressed as GitHub Pages serves it:
100 for accessibility, best practices and SEO, at least 95 for performance, and no request that fails."""

from __future__ import annotations

import gzip
import json
import os
import shutil
import subprocess
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from a11y import NODE_MODULES, npm_tool
from browser import CHROMIUM, serve

LIGHTHOUSE = NODE_MODULES / "lighthouse" / "cli" / "index.js"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
PAGES = {
    "home": "",
    "innovation": "inovasi/kota-batam/pasar-mama/",
    "edition": "penghargaan/kompetisi-inovasi-pelayanan-publik-kota-batu/2020/",
    "search": "cari/",
}
PERFORMANCE = 0.95
# The machine is shared: a run slowed by other work scores lower on performance (Lighthouse's simulated
# timings scale with the CPU time it measured). A page is tried again up to this many times; a real
# regression scores low every time.
RUNS = 5


@pytest.fixture(scope="module")
def compressed_url(built_site: Path) -> Iterator[str]:
    with serve(built_site, compressed=True) as url:
        yield url


def test_the_server_compresses_like_github_pages(compressed_url, built_site):
    request = urllib.request.Request(compressed_url, headers={"Accept-Encoding": "gzip"})
    with urllib.request.urlopen(request) as response:
        assert response.headers["Content-Encoding"] == "gzip"
        assert gzip.decompress(response.read()) == (built_site / "index.html").read_bytes()


def lighthouse(url: str, report: Path) -> dict:
    if shutil.which("node") is None:
        pytest.fail("node not found: `make test` installs Debian's nodejs")
    command = [
        "node", str(npm_tool(LIGHTHOUSE)), url, "--output=json", f"--output-path={report}", "--quiet",
        f"--only-categories={','.join(CATEGORIES)}",
        ("--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run "
         "--disable-background-networking --disable-component-update --disable-sync"),
    ]
    result = subprocess.run(command, check=False, capture_output=True, text=True, timeout=180,
                            env={**os.environ, "CHROME_PATH": str(CHROMIUM)})
    if result.returncode != 0:
        pytest.fail(f"lighthouse failed ({result.returncode}):\n{result.stderr[-3000:]}")
    return json.loads(report.read_text("utf-8"))


def scores(report: dict) -> dict[str, float]:
    return {name: report["categories"][name]["score"] for name in CATEGORIES}


def shortfalls(report: dict) -> list[str]:
    """The audits that cost points, with what Lighthouse says of them."""
    lines = []
    for category in report["categories"].values():
        for ref in category["auditRefs"]:
            audit = report["audits"][ref["id"]]
            if ref["weight"] and audit["score"] is not None and audit["score"] < 1:
                lines.append(f"{category['id']}: {audit['id']} {audit['score']} {audit.get('displayValue', '')}")
    return lines


@pytest.mark.parametrize("path", PAGES.values(), ids=PAGES.keys())
def test_lighthouse_scores(compressed_url, path, tmp_path):
    runs = []
    for attempt in range(RUNS):
        report = lighthouse(compressed_url + path, tmp_path / f"report-{attempt}.json")
        runs.append(report)
        if scores(report)["performance"] >= PERFORMANCE:
            break
    summary = "\n".join(f"run {i + 1}: {scores(r)}\n  " + "\n  ".join(shortfalls(r)) for i, r in enumerate(runs))
    for report in runs:  # not a matter of the machine's load: every run
        assert {name: score for name, score in scores(report).items() if name != "performance"} == {
            "accessibility": 1, "best-practices": 1, "seo": 1}, summary
        failed = [item["url"] for item in report["audits"]["network-requests"]["details"]["items"]
                  if item.get("statusCode", 200) >= 400]
        assert not failed, f"requests that failed: {failed}"
        assert report["audits"]["uses-text-compression"]["score"] == 1, summary
    assert max(scores(report)["performance"] for report in runs) >= PERFORMANCE, summary
