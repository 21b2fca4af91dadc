"""The synthetic repository used by the benchmark: valid, complete, and the same for the same seed."""

import subprocess
import sys
from pathlib import Path

from etalase.validate import check_repository

ROOT = Path(__file__).resolve().parents[1]


def _generate(out: Path, innovations: int, seed: int) -> None:
    # Through the real command line, as the benchmark and a developer run it.
    subprocess.run([sys.executable, str(ROOT / "build.py"), "generate", "--innovations", str(innovations),
                    "--out", str(out), "--seed", str(seed)], check=True, capture_output=True)


def _files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_generated_tree_validates_clean_with_the_requested_counts(tmp_path):
    _generate(tmp_path, 400, seed=1)
    checked = check_repository(tmp_path)
    assert checked.problems == []
    catalog = checked.catalog
    assert len(catalog.innovations) == 400
    regions = list(catalog.regions.values())
    assert sum(region.is_province for region in regions) == 38
    assert len(regions) - 38 >= 300  # hundreds of cities and regencies
    assert {region.kind for region in regions} == {"provinsi", "kota", "kabupaten"}
    assert len({i.region for i in catalog.innovations.values()}) > 100  # spread over the country
    innovation = next(iter(catalog.innovations.values()))
    assert innovation.links and innovation.sources and innovation.body.count("\n## ") >= 3
    assert len(innovation.body.split()) > 200
    editions = list(catalog.editions.values())
    assert len(catalog.programs) >= 3 and len(editions) >= 3
    assert any(category.ranked for edition in editions for category in edition.categories)
    recipients = [r for e in editions for w in e.winners for r in w.recipients]
    assert {"innovation", "region", "unit"} <= {k for r in recipients for k, v in r if v is not None}
    # The site settings are the real repository's, read at generation time.
    assert (tmp_path / "mkdocs.yml").read_text("utf-8") == (ROOT / "mkdocs.yml").read_text("utf-8")
    assert (tmp_path / "content/sectors.yml").read_bytes() == (ROOT / "content/sectors.yml").read_bytes()


def test_same_seed_gives_identical_files_and_another_seed_differs(tmp_path):
    _generate(tmp_path / "a", 60, seed=7)
    _generate(tmp_path / "b", 60, seed=7)
    _generate(tmp_path / "c", 60, seed=8)
    first = _files(tmp_path / "a")
    assert first == _files(tmp_path / "b")
    assert first != _files(tmp_path / "c")
