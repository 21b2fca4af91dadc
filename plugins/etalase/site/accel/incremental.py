"""Rebuilding only what changed: a second build writes only the pages whose output would change.

Every accelerated build leaves a manifest in its site folder (`.etalase-build.json`): the digest of what every
page shares (`site_digest`: configuration, theme, versions and the plugin's own code), the digest
of each generated page (pages/digest.py) with the file it went to, and the digest of the search records.

A dirty build (`build.py build` runs one whenever the site folder has a manifest; `mkdocs build
--dirty` and `mkdocs serve --dirty` too) compares: when the shared digest is the same, a generated
page whose digest is unchanged and whose output is still there is neither read nor written
(`UnchangedPage`), the search index is kept when its records are the same, and the output of
pages that no longer exist is removed. Hand-written pages and theme files are MkDocs' own dirty
build: written again when their source is newer than their output. When the shared digest
differs, the site folder is emptied and everything is built, as in a clean build.

The manifest is taken away at the start of a build and written at its end (in a preview, once
its search index is written), so a build that fails leaves none behind and the next build is a full one.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import json
import logging
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File
from mkdocs.utils import clean_directory

MANIFEST = ".etalase-build.json"
PACKAGE = Path(__file__).resolve().parents[2]  # the etalase package: code, templates and assets
VERSION = 1  # of the manifest's layout


class UnchangedPage(File):
    """A generated page whose output, from the previous build, is what this build would write.

    In a dirty build MkDocs neither reads nor writes a file that is not modified; its content is
    never asked for.
    """

    def is_modified(self) -> bool:
        return False


@dataclass
class Manifest:
    site: str
    pages: dict[str, list[str]] = field(default_factory=dict)  # src_uri -> [digest, dest_uri]
    search: str = ""  # digest of the search records
    version: int = VERSION

    @classmethod
    def take(cls, site_dir: Path) -> Optional[Manifest]:
        """The previous build's manifest, removed from the site folder; None if there is none usable."""
        path = site_dir / MANIFEST
        try:
            data = json.loads(path.read_text("utf-8"))
            path.unlink()
            manifest = cls(**data)
        except (OSError, ValueError, TypeError):
            return None
        return manifest if manifest.version == VERSION and manifest._inside() else None

    def _inside(self) -> bool:
        """Whether every output it names is a plain path inside the site folder: a manifest is a file
        anyone who can write the folder can change, and the stale ones are deleted."""
        try:
            return all(isinstance(digest, str) and _plain(dest_uri) for digest, dest_uri in self.pages.values())
        except (TypeError, ValueError):
            return False

    def write(self, site_dir: Path) -> None:
        fields = {"site": self.site, "pages": self.pages, "search": self.search, "version": self.version}
        (site_dir / MANIFEST).write_text(json.dumps(fields, sort_keys=True, separators=(",", ":")), "utf-8")

    def unchanged(self, src_uri: str, digest: str, site_dir: Path) -> bool:
        previous = self.pages.get(src_uri)
        return previous is not None and previous[0] == digest and (site_dir / previous[1]).is_file()


def site_digest(config: MkDocsConfig) -> str:
    """What every page depends on besides its own spec."""
    parts = [f"manifest {VERSION}", sys.version]
    for package in ("mkdocs", "mkdocs-material", "markdown", "pymdown-extensions", "jinja2"):
        parts.append(f"{package} {_version(package)}")
    # The configuration as given and as resolved (!ENV values, defaults, the theme's options).
    parts.append(Path(config.config_file_path).read_text("utf-8"))
    theme = config.theme  # its options sorted: repr() of a set or a dict in hash order differs between runs
    parts += [repr(config.site_url), repr(config.use_directory_urls), repr(theme.dirs),
              repr(sorted(theme.static_templates)), repr(sorted(dict(theme).items(), key=lambda item: item[0])),
              json.dumps(config.extra, sort_keys=True, default=repr), repr(config.markdown_extensions),
              json.dumps(config.mdx_configs, sort_keys=True, default=repr), repr(config.nav)]
    folders = [PACKAGE] + ([Path(config.theme.custom_dir)] if config.theme.custom_dir else [])
    digest = hashlib.sha256("\0".join(parts).encode("utf-8"))
    for folder in folders:
        for path in sorted(p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
            digest.update(path.relative_to(folder).as_posix().encode("utf-8") + b"\0" + path.read_bytes())
    return digest.hexdigest()


def _version(package: str) -> str:
    try:
        return importlib.metadata.version(package)
    except importlib.metadata.PackageNotFoundError:
        return "-"


def _plain(dest_uri: object) -> bool:
    if not isinstance(dest_uri, str) or not dest_uri or "\\" in dest_uri or "\0" in dest_uri:
        return False
    parts = dest_uri.split("/")
    return not dest_uri.startswith("/") and all(part not in ("", ".", "..") for part in parts)


def remove_stale(site_dir: Path, previous: Manifest, current: dict[str, list[str]]) -> None:
    """Remove the output of pages of the previous build that this build no longer has."""
    inside = os.path.join(os.path.realpath(site_dir), "")
    for src_uri, (_, dest_uri) in previous.pages.items():
        if src_uri not in current:
            path = site_dir / dest_uri
            if not os.path.realpath(path).startswith(inside):  # through a link in the folder
                continue
            path.unlink(missing_ok=True)
            _remove_empty_parents(path.parent, site_dir)


def _remove_empty_parents(folder: Path, site_dir: Path) -> None:
    while folder != site_dir and folder.is_relative_to(site_dir):
        try:
            folder.rmdir()  # only when empty
        except OSError:
            return
        folder = folder.parent


class DirtyBuildNotice(logging.Filter):
    """Drops MkDocs' notices that a dirty build may be inaccurate: this plugin makes it exact.

    The warning would otherwise fail a strict build.
    """

    NOTICES = ("A 'dirty' build is being performed", "The directory contains stale files")

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith(self.NOTICES)


def quiet_dirty_notices() -> None:
    logger = logging.getLogger("mkdocs.commands.build")
    if not any(isinstance(f, DirtyBuildNotice) for f in logger.filters):
        logger.addFilter(DirtyBuildNotice())


def empty_folder(site_dir: Path) -> None:
    """Empty the site folder as a clean build does (the folder itself stays: it may be served)."""
    if site_dir.is_dir():
        clean_directory(os.fspath(site_dir))
