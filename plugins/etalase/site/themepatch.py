"""Changing the theme's templates where it offers no block to extend, failing loudly when the theme changes.

Each patch replaces the first occurrence of a marker string in the template's source (or wraps the text between
two); a theme update that removes the marker fails the build with `message` instead of silently losing what the
patch added. A partial may instead be replaced by a changed copy in our template folder (OVERRIDES below), checked
against the theme's file it was made from.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Callable, Optional

import jinja2
from mkdocs.exceptions import PluginError


class _PatchingLoader(jinja2.BaseLoader):
    def __init__(self, inner: jinja2.BaseLoader, template: str, change: Callable[[str], Optional[str]], message: str):
        self.inner, self.template, self.change, self.message = inner, template, change, message

    def get_source(self, environment, template):
        source, filename, uptodate = self.inner.get_source(environment, template)
        if template == self.template:
            changed = self.change(source)
            if changed is None:
                raise PluginError(f"{filename}: {self.message} (tema berubah?)")
            source = changed
        return source, filename, uptodate

    def list_templates(self):
        return self.inner.list_templates()


def patch(env: jinja2.Environment, template: str, mark: str, replacement: str, message: str) -> None:
    """Serve `template` with its first `mark` replaced by `replacement`."""
    _change(env, template, lambda source: source.replace(mark, replacement, 1) if mark in source else None, message)


def wrap(env: jinja2.Environment, template: str, start: str, end: str, before: str, after: str, message: str) -> None:
    """Serve `template` with `before` inserted before its first `start` and `after` after the first `end` that
    follows it: the text from `start` to `end` wrapped, the marks themselves unchanged."""
    def change(source: str) -> Optional[str]:
        begin = source.find(start)
        stop = source.find(end, begin) if begin >= 0 else -1
        if stop < 0:
            return None
        stop += len(end)
        return source[:begin] + before + source[begin:stop] + after + source[stop:]
    _change(env, template, change, message)


def _change(env: jinja2.Environment, template: str, change: Callable[[str], Optional[str]], message: str) -> None:
    assert env.loader is not None  # MkDocs' environment loads the theme's templates
    env.loader = _PatchingLoader(env.loader, template, change, message)


# The theme's templates replaced by a changed copy in our template folder (which comes before the
# theme's, its own override mechanism), with the SHA-256 of the theme's file each copy was made
# from. When the theme's file changes, the build fails until the copy is made again.
OVERRIDES = {
    "main.html": "9948b55a7bc979c35825df99baba9e6971fca4eb298dea3cdde61e990a2de5e0",
    "partials/toc.html": "fde48f583563364b0e0e6865a5ab1e7060ec1826161f69f5cbee653e621b0f84",
}


def check_overrides(dirs: list[str], ours: Path) -> None:
    """Every copy in `ours` (outside `etalase/`) matches the theme file below it in `dirs` it was made from."""
    below = [Path(folder) for folder in dirs[dirs.index(str(ours)) + 1:]]
    for copy in sorted(p for p in ours.rglob("*") if p.is_file() and p.relative_to(ours).parts[0] != "etalase"):
        template = copy.relative_to(ours).as_posix()
        original = next((folder / template for folder in below if (folder / template).is_file()), None)
        if original is None or hashlib.sha256(original.read_bytes()).hexdigest() != OVERRIDES.get(template):
            raise PluginError(f"{copy}: salinan dari {original or template} yang sudah berubah atau tidak tercatat di "
                              "themepatch.OVERRIDES (tema berubah?); buat salinan baru dari berkas tema dan catat sidiknya")
