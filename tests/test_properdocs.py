"""The sample site builds with ProperDocs (the maintained continuation of MkDocs 1.x, which runs
MkDocs plugins and themes unchanged) into the same site as with MkDocs, except for the generator tag."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

from etalase.builddate import source_date_epoch
from etalase.site.sitedir import MARKER

from conftest import ROOT
from test_reproducible import files

MANIFEST = ".etalase-build.json"
GENERATOR = re.compile(rb'<meta name="generator" content="([^"]*)">')


def test_properdocs_builds_the_site_mkdocs_builds(tmp_path, built_site):
    env = {**os.environ, "SOURCE_DATE_EPOCH": source_date_epoch(ROOT)}  # dated as build.py dates the MkDocs build
    result = subprocess.run(
        [sys.executable, "-m", "properdocs", "build", "--strict", "-f", str(ROOT / "mkdocs.yml"), "-d", str(tmp_path / "site")],
        capture_output=True, text=True, cwd=ROOT, env=env,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    proper, mkdocs = files(tmp_path / "site"), files(built_site)
    del mkdocs[MARKER]  # build.py's mark of a site folder it owns (site/sitedir.py), not the engine's output
    assert sorted(proper) == sorted(mkdocs)
    assert GENERATOR.search(proper["index.html"]).group(1).startswith(b"mkdocs-ProperDocs 1.6.7")
    assert GENERATOR.search(mkdocs["index.html"]).group(1).startswith(b"mkdocs-1.6.1")
    # The manifest's digest of what every page shares differs (the engine's template folders are in it, so a
    # later build with the other engine rebuilds everything); each page's digest and the search records' are the same.
    manifests = [json.loads(site.pop(MANIFEST)) for site in (proper, mkdocs)]
    assert manifests[0]["site"] != manifests[1]["site"]
    assert [(m["pages"], m["search"]) for m in manifests[:1]] == [(m["pages"], m["search"]) for m in manifests[1:]]
    differing = [name for name in mkdocs if GENERATOR.sub(b"", proper[name]) != GENERATOR.sub(b"", mkdocs[name])]
    assert differing == []
