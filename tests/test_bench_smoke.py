"""The benchmark harness end to end at a tiny size, so it cannot rot. Timings are never asserted."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SIZE = 20


def test_harness_builds_all_three_sites_and_writes_the_results(tmp_path):
    results = tmp_path / "RESULTS.md"
    results.write_text("old figures\n<!-- Notes below are written by hand; bench/run.py keeps them. -->\nMy note.\n")
    subprocess.run([sys.executable, str(ROOT / "bench" / "run.py"), "--sizes", str(SIZE), "--runs", "1",
                    "--out", str(tmp_path / "out"), "--results", str(results)], check=True, capture_output=True,
                   cwd=ROOT)
    text = results.read_text("utf-8")
    assert text.startswith("# Benchmark results") and "`python bench/run.py --sizes 20" in text
    assert "old figures" not in text and text.rstrip().endswith("My note.")  # hand-written notes survive
    rows = {tuple(cell.strip() for cell in line.strip("|").split("|")[1:3]): line.split("|")
            for line in text.splitlines() if line.startswith(f"| {SIZE} |")}
    assert set(rows) == {("Etalase", "validate (no cache)"), ("Etalase", "validate"), ("Etalase", "full build (no cache)"),
                         ("Etalase", "rebuild after 1 edit"), ("Etalase", "rebuild after 1 title edit"),
                         ("Etalase", "preview: page after 1 title edit"), ("Etalase", "preview: search after 1 title edit"),
                         ("Etalase", "search: first query"), ("Material bare", "full build"), ("Hugo", "full build")}
    files, pages, median = ({key: float(cells[column]) for key, cells in rows.items() if cells[column].strip()}
                            for column in (9, 10, 11))
    # Every innovation became a page in each site; Hugo adds its region and sector taxonomy pages.
    assert all(count > SIZE for count in pages.values()) and len(pages) == 3
    assert pages[("Hugo", "full build")] > pages[("Material bare", "full build")]
    assert all(files[key] >= pages[key] for key in pages) and set(median) == set(pages)
    assert all(size > 1 for size in median.values())  # KB: the innovation pages were found and measured
    assert "KB received" in rows[("Etalase", "search: first query")][5]  # the browser ran the search
    assert list((tmp_path / "out" / str(SIZE) / "cache" / "etalase").glob("parsed-*.jsonl")), "the run's own cache"
    site = tmp_path / "out" / str(SIZE) / "site-etalase"
    assert len(list((site / "inovasi").rglob("index.html"))) >= SIZE
    # The edited innovation was put back: the generated tree still validates as generated.
    check = subprocess.run([sys.executable, str(ROOT / "build.py"), "--root", str(tmp_path / "out" / str(SIZE) / "repo"),
                            "validate"], capture_output=True, text=True)
    assert check.returncode == 0, check.stdout


def test_steps_measure_only_the_sites_asked_for(tmp_path):
    results = tmp_path / "RESULTS.md"
    subprocess.run([sys.executable, str(ROOT / "bench" / "run.py"), "--sizes", str(SIZE), "--runs", "1", "--steps",
                    "material,hugo", "--out", str(tmp_path / "out"), "--results", str(results)], check=True,
                   capture_output=True, cwd=ROOT)
    tools = {line.split("|")[2].strip() for line in results.read_text("utf-8").splitlines() if line.startswith(f"| {SIZE} |")}
    assert tools == {"Material bare", "Hugo"}
    assert not (tmp_path / "out" / str(SIZE) / "site-etalase").exists()
