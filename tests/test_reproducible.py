"""Two builds of the same input are byte-identical, dated by the last commit, not the clock."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

from conftest import ROOT, build_site


def files(site: Path) -> dict[str, bytes]:
    return {path.relative_to(site).as_posix(): path.read_bytes() for path in sorted(site.rglob("*")) if path.is_file()}


def test_two_builds_of_the_sample_are_byte_identical(tmp_path, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)  # the date must come from the repository
    monkeypatch.setenv("SITE_URL", "https://etalase.example/")  # as published: with a dated sitemap
    build_site(ROOT, tmp_path / "a")
    build_site(ROOT, tmp_path / "b")
    first, second = files(tmp_path / "a"), files(tmp_path / "b")
    assert sorted(first) == sorted(second)
    assert any(name.startswith("pagefind/filter/") for name in first), "the search index was built"
    differing = [name for name in first if first[name] != second[name]]
    assert not differing, f"differ between two builds: {differing[:20]}"
    # dated by the last commit: the sitemap's dates are that day, whatever day the build runs
    commit = subprocess.run(["git", "-C", str(ROOT), "log", "-1", "--format=%ct"],
                            capture_output=True, text=True, check=True).stdout.strip()
    day = dt.datetime.fromtimestamp(int(commit), dt.timezone.utc).date().isoformat()
    sitemap = first["sitemap.xml"].decode("utf-8")
    assert f"<lastmod>{day}</lastmod>" in sitemap
