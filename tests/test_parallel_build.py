"""A build whose pages are written by two processes (etalase/site/accel/parallel.py) is byte for byte the
build of one process: same files, same pages, same sitemap, same search index."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from etalase.site import search_index

from conftest import ROOT, build_site
from sample_repo import copy_sample
from test_reproducible import files


@pytest.mark.skipif(len(os.sched_getaffinity(0)) < 2, reason="one core: every build runs in one process")
def test_two_processes_write_the_site_of_one(tmp_path):
    build_site(ROOT, tmp_path / "two")
    one_core = {min(os.sched_getaffinity(0))}  # on one core the plugin does not fork
    one = subprocess.run(
        [sys.executable, str(ROOT / "build.py"), "--root", str(ROOT), "build", "--site-dir", str(tmp_path / "one")],
        capture_output=True, text=True, cwd=ROOT, preexec_fn=lambda: os.sched_setaffinity(0, one_core),
    )
    assert one.returncode == 0, one.stderr
    parallel, single = files(tmp_path / "two"), files(tmp_path / "one")
    assert sorted(parallel) == sorted(single)
    assert sum(name.endswith(".html") for name in parallel) > 50, "the sample's generated pages were written"
    assert [name for name in parallel if parallel[name] != single[name]] == []


@pytest.mark.skipif(len(os.sched_getaffinity(0)) < 2, reason="one core: every build runs in one process")
@pytest.mark.parametrize("broken", ["inovasi/kota-batu/adiarta/", "inovasi/kota-batu/among-abdi-praja/"])
def test_a_page_that_fails_in_either_process_fails_the_build(tmp_path, broken):
    # Two neighbouring innovation pages: generated pages alternate between the processes, so one of
    # them is written by the forked writer.
    repo = copy_sample(tmp_path / "repo")
    text = (ROOT / "mkdocs.yml").read_text("utf-8").replace("  name: material\n", "  name: material\n  custom_dir: overrides\n")
    (repo / "mkdocs.yml").write_text(text, "utf-8")
    template = (ROOT / "plugins/etalase/site/templates/etalase/innovation.html").read_text("utf-8")
    failing = f'{{% if page.url == "{broken}" %}}{{{{ page.meta.missing.field }}}}{{% endif %}}\n'
    (repo / "overrides/etalase").mkdir(parents=True)
    (repo / "overrides/etalase/innovation.html").write_text(template.replace("{% block content %}", "{% block content %}" + failing, 1), "utf-8")
    result = subprocess.run([sys.executable, str(ROOT / "build.py"), "--root", str(repo), "build", "--site-dir",
                             str(tmp_path / "site")], capture_output=True, text=True, cwd=repo)
    assert result.returncode != 0
    assert broken.rstrip("/") + "/index.md" in result.stderr + result.stdout, "the log names the page that failed"


def test_a_build_removes_the_index_folders_that_killed_processes_left(tmp_path):
    """Pagefind's input goes to a folder in memory (/dev/shm) that only a reboot empties; a process killed
    while indexing (a preview whose terminal was closed) cannot remove its own."""
    memory = Path(search_index._memory_folder() or tempfile.gettempdir())
    ended = int(subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                               capture_output=True, text=True, check=True).stdout)
    abandoned, running, recent = (memory / f"{search_index.WORK_PREFIX}{pid}-test{n}"
                                  for n, pid in enumerate((ended, os.getpid(), ended)))
    hours_ago = time.time() - 2 * search_index.ABANDONED_AFTER_SECONDS
    try:
        for folder in (abandoned, running, recent):
            (folder / "pages").mkdir(parents=True)
            (folder / "pages" / "0000000.html").write_text("<p>x</p>", "utf-8")
        for folder in (abandoned, running):
            os.utime(folder, (hours_ago, hours_ago))
        assert build_site(ROOT, tmp_path / "site").returncode == 0
        assert not abandoned.exists(), "the folder of a process that ended long ago is removed"
        assert running.exists(), "a running process's folder is its own"
        assert recent.exists(), "a recent folder may be another container's process of the same id"
    finally:
        for folder in (abandoned, running, recent):
            shutil.rmtree(folder, ignore_errors=True)
