"""Rewriting one of the theme's templates at known points, for what it offers no block to extend.

Each patch replaces the first occurrence of a marker string in the template's source; a theme update that removes the
marker fails the build with `message` instead of silently losing what the patch added.
"""

from __future__ import annotations

import jinja2
from mkdocs.exceptions import PluginError


class _PatchingLoader(jinja2.BaseLoader):
    def __init__(self, inner: jinja2.BaseLoader, template: str, mark: str, replacement: str, message: str):
        self.inner, self.template, self.mark, self.replacement, self.message = inner, template, mark, replacement, message

    def get_source(self, environment, template):
        source, filename, uptodate = self.inner.get_source(environment, template)
        if template == self.template:
            if self.mark not in source:
                raise PluginError(f"{filename}: {self.message} (tema berubah?)")
            source = source.replace(self.mark, self.replacement, 1)
        return source, filename, uptodate

    def list_templates(self):
        return self.inner.list_templates()


def patch(env: jinja2.Environment, template: str, mark: str, replacement: str, message: str) -> None:
    """Serve `template` with its first `mark` replaced by `replacement`."""
    assert env.loader is not None  # MkDocs' environment loads the theme's templates
    env.loader = _PatchingLoader(env.loader, template, mark, replacement, message)
