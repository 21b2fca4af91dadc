"""The parse cache (etalase/parse/cache.py) never changes what `validate` reports: an edited file is
read again, a problem in an unchanged file is reported at the same line from the cache, and a
damaged cache file is ignored. Runs use the real command line with a private cache folder.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sample_repo import cli, repo  # noqa: F401  (fixture)

INNOVATION = "innovations/kota-batu/adiarta.md"


@pytest.fixture(autouse=True)
def cache_home(tmp_path, monkeypatch) -> Path:
    home = tmp_path / "cache-home"
    monkeypatch.setenv("XDG_CACHE_HOME", str(home))
    return home


def edit(repo: Path, rel: str, old: str, new: str) -> int:
    """Replace `old` by `new` in a file; returns the 1-based line of the change."""
    path = repo / rel
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), "utf-8")
    return text[: text.index(old)].count("\n") + 1


def test_an_edited_file_is_validated_again(repo, cache_home):
    assert cli(repo, "validate").returncode == 0
    assert list((cache_home / "etalase").glob("parsed-*.jsonl")), "the first run keeps what it parsed"

    line = edit(repo, INNOVATION, "type: digital", "type: digitall")
    broken = cli(repo, "validate")
    assert broken.returncode == 1
    assert f"{INNOVATION}:{line}:" in broken.stdout and "digitall" in broken.stdout

    edit(repo, INNOVATION, "type: digitall", "type: digital")
    assert cli(repo, "validate").returncode == 0


def test_a_problem_is_reported_the_same_from_the_cache(repo):
    line = edit(repo, INNOVATION, "stage: penerapan", "stage: selesai")
    first, second = cli(repo, "validate"), cli(repo, "validate")
    assert first.returncode == second.returncode == 1
    assert f"{INNOVATION}:{line}:" in first.stdout
    # Same problems, same lines and columns; only the elapsed time in the summary may differ.
    assert first.stdout.splitlines()[:-1] == second.stdout.splitlines()[:-1]


@pytest.mark.parametrize("damage", ["whole file", "each entry"])
def test_a_damaged_cache_is_ignored(repo, cache_home, damage):
    assert cli(repo, "validate").returncode == 0
    for cached in (cache_home / "etalase").glob("parsed-*.jsonl"):
        code, *entries = cached.read_text("utf-8").split("\n")
        assert entries, "one line per file parsed"
        cut = [entry[: len(entry) // 2] for entry in entries]  # as a disk full or a killed run leaves them
        cached.write_text('{"code": "x", "entries": ' if damage == "whole file" else "\n".join([code, *cut]), "utf-8")
    assert cli(repo, "validate").returncode == 0
    for cached in (cache_home / "etalase").glob("parsed-*.jsonl"):  # and the next run finds every entry whole
        assert cached.read_text("utf-8").split("\n")[1:] == entries
    line = edit(repo, INNOVATION, "type: digital", "type: digitall")
    broken = cli(repo, "validate")
    assert broken.returncode == 1 and f"{INNOVATION}:{line}:" in broken.stdout


def test_a_cache_of_other_parsing_code_is_not_used(tmp_path):
    """Keyed by the code of the whole parse package (yamlfile, cache, the parse aside), its bounds
    (limits.py) and PyYAML's version."""
    import shutil

    from etalase.parse import ParseCache
    from etalase.parse.cache import _CODE, _code_digest

    path = tmp_path / "parsed.jsonl"
    cache = ParseCache(path)
    cache.put("title: A\n", {"title": "A\nB\t"})
    cache.save()
    assert ParseCache(path).get("title: A\n") == {"title": "A\nB\t"}
    code, entry = path.read_text("utf-8").split("\n")
    path.write_text(f"other\n{entry}", "utf-8")
    assert ParseCache(path).stored == {}
    assert _code_digest() == _CODE
    # Every module of the package counts, not only yamlfile.py: a copy of it with one module changed digests differently.
    package = Path(_code_digest.__code__.co_filename).parent
    copy = tmp_path / "parse"
    shutil.copytree(package, copy, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(package.parent / "limits.py", tmp_path / "limits.py")

    def copied_code() -> str:
        namespace: dict = {"__file__": str(copy / "cache.py"), "__name__": "copied_cache"}
        exec(compile((copy / "cache.py").read_text("utf-8"), str(copy / "cache.py"), "exec"), namespace)
        return namespace["_CODE"]

    assert copied_code() == _CODE
    for changed in (copy / "aside.py", tmp_path / "limits.py"):
        original = changed.read_text("utf-8")
        changed.write_text(original + "\n# changed\n", "utf-8")
        assert copied_code() != _CODE, changed.name
        changed.write_text(original, "utf-8")
