"""A first `validate` of a large repository parses half of the files in a second process
(etalase/parse/aside.py); what it reports must not depend on that, nor on the parse cache: the same
problems, at the same lines, in the same order, on one core, on two, and from the cache.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from etalase import generate

from sample_repo import ROOT

# (what an editor might write instead of a line, the problem's line relative to that line, words of the message)
BREAKAGES = [
    (r"^type: .*$", "type: analog", 0, "analog"),
    (r"^form: (.*)$", 'form: "\\1', 0, "tanda kutip"),  # a quote left open: reported where it opens
    (r"^stage: (.*)$", "stage: \\1\nstage: \\1", 1, "ditulis dua kali"),
    (r"^launched: .*$", "launched: .nan", 0, "launched"),  # a value the cache cannot keep (not JSON)
]


@pytest.fixture(scope="module")
def broken_repo(tmp_path_factory) -> tuple[Path, list[tuple[str, int, str]]]:
    """1,000 generated innovations, each breakage in a file early in the listing and one late in it
    (the first and the second process each parse some); returns the root and the expected problems."""
    root = tmp_path_factory.mktemp("generated")
    generate.write_tree(root, innovations=1000, seed=3)
    files = sorted((root / "innovations").glob("*/*.md"))
    expected = []
    for index, (pattern, replacement, below, words) in enumerate(BREAKAGES):
        for path in (files[10 + index], files[-10 - index]):
            text = path.read_text("utf-8")
            match = re.search(pattern, text, re.M)
            assert match, f"{pattern} not in {path}"
            path.write_text(text[: match.start()] + match.expand(replacement) + text[match.end():], "utf-8")
            line = text[: match.start()].count("\n") + 1 + below
            expected.append((path.relative_to(root).as_posix(), line, words))
    return root, expected


def validate(root: Path, cache_home: Path, one_core: bool = False) -> subprocess.CompletedProcess:
    command = [sys.executable, str(ROOT / "build.py"), "--root", str(root), "validate"]
    if one_core:
        command = ["taskset", "-c", str(min(os.sched_getaffinity(0))), *command]
    env = dict(os.environ, XDG_CACHE_HOME=str(cache_home))
    return subprocess.run(command, capture_output=True, text=True, env=env, timeout=300)


def problems(result: subprocess.CompletedProcess) -> list[str]:
    # Every line but the last, the summary with the elapsed time.
    return result.stdout.splitlines()[:-1]


@pytest.mark.skipif(not shutil.which("taskset") or not hasattr(os, "sched_getaffinity"),
                    reason="taskset is needed to run on one core")
def test_one_core_two_cores_and_the_cache_report_the_same(broken_repo, tmp_path):
    root, expected = broken_repo
    alone = validate(root, tmp_path / "cache-one", one_core=True)
    shared = validate(root, tmp_path / "cache-two")
    cached = validate(root, tmp_path / "cache-two")
    assert alone.returncode == shared.returncode == cached.returncode == 1, alone.stdout + alone.stderr

    assert problems(alone) == problems(shared) == problems(cached)
    for rel, line, words in expected:
        reported = [text for text in problems(shared) if text.startswith(f"{rel}:{line}:")]
        assert reported and words in reported[0], f"{rel}:{line} ({words}) not in:\n{shared.stdout}"
    assert len(problems(shared)) == len(expected)
    # 1,000 innovations, every file counted once whichever process parsed it.
    assert shared.stdout.splitlines()[-1].split()[0] == alone.stdout.splitlines()[-1].split()[0]


def test_an_edit_after_a_parallel_first_run_is_seen(broken_repo, tmp_path):
    root, expected = broken_repo
    assert validate(root, tmp_path / "cache").returncode == 1
    rel, line, _ = expected[-1]  # a file the second process parsed
    path = root / rel
    original = path.read_text("utf-8")
    try:
        path.write_text(original.replace("launched: .nan", "launched: 2031-02-30"), "utf-8")
        edited = problems(validate(root, tmp_path / "cache"))
    finally:
        path.write_text(original, "utf-8")
    reported = [text for text in edited if text.startswith(f"{rel}:{line}:")]
    assert reported and "2031-02-30" in reported[0]
