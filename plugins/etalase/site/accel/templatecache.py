"""Compiled templates kept between builds: MkDocs makes a new Jinja environment for every build (and
every rebuild of a preview), which compiled the theme's and the plugin's templates again each time.

Jinja's own bytecode cache, in the user's cache folder beside the parse cache: an entry is keyed by
the template's name and file and holds the checksum of the source it was compiled from, so a
changed template (or one patched differently, themepatch.py) is compiled again; Jinja writes each
entry to a temporary file and renames it, so the forked processes of one build can share it.
What the checksum does not see, the extensions that rewrite a template as it compiles (lean.py's),
picks the cache's folder: a change to their code starts a new one.
"""

from __future__ import annotations

import hashlib
import inspect
from pathlib import Path

import jinja2

from ...parse.cache import cache_home


def install(env: jinja2.Environment) -> None:
    folder = cache_home() / "templates" / _compiler_digest(env)
    folder.mkdir(parents=True, exist_ok=True)
    env.bytecode_cache = jinja2.FileSystemBytecodeCache(str(folder))


def _compiler_digest(env: jinja2.Environment) -> str:
    """Jinja's version and the code of every extension of `env`."""
    digest = hashlib.sha256(jinja2.__version__.encode())
    for name in sorted(env.extensions):
        source = inspect.getsourcefile(type(env.extensions[name]))
        digest.update(name.encode() + b"\0" + (Path(source).read_bytes() if source else b""))
    return digest.hexdigest()[:16]
