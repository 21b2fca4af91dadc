"""mkdocs.yml checked with YAML's safe loader before MkDocs reads it.

MkDocs reads its configuration with a loader that builds Python objects: `!!python/object/apply:
os.system [...]` in a pull request's mkdocs.yml would run a command in CI when the site is built.
`validate` (and so `build`, `serve`, which validate first) refuses every Python tag and every tag
other than MkDocs' own `!ENV` and `!relative`, so MkDocs' loader only ever sees a plain file. For
the same reason it refuses `hooks:` (Python files MkDocs runs), and a `docs_dir` or theme
`custom_dir` outside the repository (MkDocs publishes what it finds there).
"""

from __future__ import annotations

import posixpath
from pathlib import Path
from typing import Any, Iterator

import yaml

from .parse import ContentError, read_text
from .paths import Refused, check_inside
from .problems import Problem

CONFIG_FILE = "mkdocs.yml"
_ALLOWED_TAGS = ("!ENV", "!relative")


class _ConfigLoader(yaml.SafeLoader):  # type: ignore[misc]  # PyYAML is untyped
    """Safe YAML, plus MkDocs' tags as inert values."""


for _tag in _ALLOWED_TAGS:
    _ConfigLoader.add_constructor(_tag, lambda loader, node: None)


def check_config(root: Path, rel: str = CONFIG_FILE, seen: frozenset[str] = frozenset()) -> list[Problem]:
    """Problems of the configuration file `rel` and of the files it INHERITs; none if it is missing."""
    path = root / rel
    if not path.exists() and not path.is_symlink():
        return []
    try:
        check_inside(root, rel)
        text = read_text(path)
        data = yaml.load(text, Loader=_ConfigLoader)  # the safe loader, with inert tags
    except Refused as refused:
        return [Problem(refused.rel, 1, 1, "error", "", refused.message)]
    except ContentError as exc:
        return [Problem(rel, exc.line, exc.column, "error", "", exc.message)]
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problem = exc.problem or ""
        if "constructor for the tag" in problem:
            message = (f"tag YAML tidak diizinkan di {rel} ({problem.split('tag', 1)[1].strip()}): tag Python membuat "
                       "MkDocs menjalankan kode saat situs dibangun; hanya !ENV dan !relative yang boleh")
        else:
            message = f"format YAML tidak valid ({problem or exc.context})"
        return [Problem(rel, line, column, "error", "", message)]
    except (yaml.YAMLError, RecursionError) as exc:
        return [Problem(rel, 1, 1, "error", "", f"format YAML tidak valid ({type(exc).__name__})")]
    if not isinstance(data, dict):
        return []
    problems = list(_settings_problems(rel, text, data))
    inherit = data.get("INHERIT")
    if not isinstance(inherit, str):
        return problems
    parent = posixpath.normpath(posixpath.join(posixpath.dirname(rel), inherit))
    if parent in seen or parent == rel:
        return problems + [Problem(rel, 1, 1, "error", "INHERIT", f"INHERIT melingkar: {parent}")]
    return problems + check_config(root, parent, seen | {rel})


def _settings_problems(rel: str, text: str, data: dict[str, Any]) -> Iterator[Problem]:
    def problem(key: str, field: str, message: str) -> Problem:
        line = next((n for n, line in enumerate(text.splitlines(), 1) if line.lstrip().startswith(f"{key}:")), 1)
        return Problem(rel, line, 1, "error", field, message)

    if data.get("hooks"):
        yield problem("hooks", "hooks", "hooks tidak diizinkan: MkDocs menjalankan berkas Python-nya saat situs dibangun "
                      "(juga untuk usulan dari luar kantor); tambahkan kemampuan situs lewat plugin etalase")
    theme = data.get("theme")
    folders = {"docs_dir": data.get("docs_dir"), "theme.custom_dir": theme.get("custom_dir") if isinstance(theme, dict) else None}
    for field, folder in folders.items():
        if isinstance(folder, str) and (posixpath.isabs(folder) or
                                        posixpath.normpath(posixpath.join(posixpath.dirname(rel), folder)).startswith("..")):
            yield problem(field.split(".")[-1], field, f"{field} '{folder}' ada di luar repositori; MkDocs menerbitkan isi "
                          "folder itu. Tulis folder di dalam repositori, relatif dari mkdocs.yml (misalnya content)")


def plugin_settings(root: Path) -> dict[str, Any]:
    """The settings written under `plugins: - etalase:` in mkdocs.yml, read with the safe loader
    (empty when the file is missing, refused or has none); MkDocs' defaults fill in the rest."""
    try:
        check_inside(root, CONFIG_FILE)
        data = yaml.load(read_text(root / CONFIG_FILE), Loader=_ConfigLoader)
    except (Refused, ContentError, OSError, yaml.YAMLError, RecursionError):
        return {}
    plugins = data.get("plugins") if isinstance(data, dict) else None
    if isinstance(plugins, list):  # a list of names and {name: settings}, or one mapping
        plugins = {name: value for entry in plugins if isinstance(entry, dict) for name, value in entry.items()}
    settings = plugins.get("etalase") if isinstance(plugins, dict) else None
    return settings if isinstance(settings, dict) else {}
