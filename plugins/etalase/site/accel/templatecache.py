"""Compiled templates kept between builds: MkDocs makes a new Jinja environment for every build (and
every rebuild of a preview), which compiled the theme's and the plugin's templates again each time.

Jinja's own bytecode cache, in the user's cache folder beside the parse cache: an entry is keyed by
the template's name and file and holds the checksum of the source it was compiled from, so a
changed template (or one patched differently, themepatch.py) is compiled again; Jinja writes each
entry to a temporary file and renames it, so the forked processes of one build can share it.
"""

from __future__ import annotations

import jinja2

from ...parse.cache import cache_home


def install(env: jinja2.Environment) -> None:
    folder = cache_home() / "templates"
    folder.mkdir(parents=True, exist_ok=True)
    env.bytecode_cache = jinja2.FileSystemBytecodeCache(str(folder))
