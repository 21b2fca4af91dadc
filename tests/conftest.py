"""Fixtures shared by every test file: the sample site, built once per run with the README's command."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from etalase import generate

ROOT = Path(__file__).resolve().parents[1]

# Browser fixtures (site_url, browser, page, phone) live in tests/browser.py.
pytest_plugins = ["browser"]


def build_site(root: Path, site_dir: Path) -> subprocess.CompletedProcess:
    """`python build.py build --site-dir …` on a repository; fails the test with the output if it fails."""
    result = subprocess.run(
        [sys.executable, str(ROOT / "build.py"), "--root", str(root), "build", "--site-dir", str(site_dir)],
        capture_output=True, text=True, cwd=root,
    )
    if result.returncode != 0:
        pytest.fail(f"build failed ({result.returncode}):\n{result.stdout}\n{result.stderr}")
    return result


@pytest.fixture(scope="session", autouse=True)
def private_parse_cache(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Every command a test runs keeps its parse cache (etalase/parse/cache.py) in the run's own folder,
    not in the user's cache folder (one file per temporary repository would pile up there)."""
    os.environ["XDG_CACHE_HOME"] = str(tmp_path_factory.mktemp("cache-home"))


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample repository's site, built once per run into a temporary folder; returns that folder."""
    site = tmp_path_factory.mktemp("site")
    build_site(ROOT, site)
    return site


@pytest.fixture(scope="session")
def generated_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A generated 2,000-innovation repository and its site, built once per run for the scale tests."""
    root = tmp_path_factory.mktemp("generated")
    generate.write_tree(root, innovations=2000, seed=7)
    site = tmp_path_factory.mktemp("generated-site")
    build_site(root, site)
    return root, site
