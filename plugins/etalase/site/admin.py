"""The browser editor at /admin/: Decap CMS served by the site itself, and its generated config.yml.

Decap CMS's JavaScript is vendored in `admin/decap/` (the files of the pinned npm package's dist/,
source maps left out, with its licences), so a build needs no Node.js and visitors' browsers load it
from the site, never from a CDN. `make decap` updates it from node_modules (`vendor()` below).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any, Iterator, Optional

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel

from ..catalog import Catalog
from ..cms import CmsSettings, References, config, render
from ..pages.urls import Urls

ADMIN = Path(__file__).parent / "admin"
VENDOR = ADMIN / "decap"
PREFIX = Urls.editor().rstrip("/")
# Chunks webpack loads on demand, its WebAssembly, and the licences; not the older `cms.js` build.
_VENDORED = ("decap-cms.js", "decap-cms.js.LICENSE.txt", "*.decap-cms.js", "*.wasm")


def settings(plugin_config: Any, site_url: Optional[str], local_backend: Optional[str] = None) -> CmsSettings:
    """The plugin's `cms:` settings from mkdocs.yml, as the core's settings."""
    cms = plugin_config.cms
    return CmsSettings(backend=cms.backend, repo=cms.repo, branch=cms.branch, base_url=cms.base_url,
                       auth_endpoint=cms.auth_endpoint, app_id=cms.app_id, api_root=cms.api_root,
                       gitlab_url=cms.gitlab_url, site_url=site_url, local_backend=local_backend)


def add_editor(files: Files, site: MkDocsConfig, cms: CmsSettings, catalog: Catalog) -> None:
    """The browser editor at /admin/ among the site's files: its page, Decap CMS and the config.yml
    generated from the models."""
    for dest, path in static_files():
        files.append(File.generated(site, dest, abs_src_path=str(path)))
    for dest, content in generated(cms, References.of(catalog)).items():
        committed = files.get_file_from_path(dest)  # content/admin/config.yml, the same text outside `serve --cms`
        if committed is not None:
            files.remove(committed)
        # Published although mkdocs.yml excludes *.yml from the pages.
        files.append(File.generated(site, dest, content=content, inclusion=InclusionLevel.INCLUDED))


def generated(cms: CmsSettings, refs: References) -> dict[str, str]:
    """The editor's generated files, by their path in the site."""
    return {f"{PREFIX}/config.yml": render(config(cms, refs))}


def static_files() -> Iterator[tuple[str, Path]]:
    """The editor's own files (page, script, vendored Decap CMS), by their path in the site."""
    for path in sorted(p for p in ADMIN.rglob("*") if p.is_file()):
        yield f"{PREFIX}/{path.relative_to(ADMIN).as_posix()}", path


def vendored_version() -> str:
    return json.loads((VENDOR / "package.json").read_text(encoding="utf-8"))["version"]


def vendor(node_modules: Path) -> list[str]:
    """Replace the vendored Decap CMS with the one npm installed; returns the files written."""
    package = node_modules / "decap-cms"
    dist = package / "dist"
    if not (dist / "decap-cms.js").is_file():
        raise FileNotFoundError(f"{dist / 'decap-cms.js'} tidak ada: jalankan dulu npm ci")
    shutil.rmtree(VENDOR, ignore_errors=True)
    VENDOR.mkdir(parents=True)
    written = []
    for pattern in _VENDORED:
        for path in sorted(dist.glob(pattern)):
            shutil.copyfile(path, VENDOR / path.name)
            written.append(path.name)
    # The package ships no licence file of its own; its packages' (same MIT text, same holders) is kept.
    shutil.copyfile(node_modules / "decap-cms-locales" / "LICENSE", VENDOR / "LICENSE")
    meta = json.loads((package / "package.json").read_text(encoding="utf-8"))
    (VENDOR / "package.json").write_text(json.dumps(
        {key: meta[key] for key in ("name", "version", "license", "homepage", "repository")}, indent=2) + "\n",
        encoding="utf-8")
    return written + ["LICENSE", "package.json"]
