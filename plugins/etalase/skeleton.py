"""A new office's own repository (`etalase init`): only its files, with the engine pinned as a package.

What the engine owns in such a repository (reference data, the editor's guide, schemas, CI workflows,
pre-commit, constraints) comes from `skeleton/`: symbolic links to this repository's own files, so the
wheel carries their contents and there is one copy to keep up to date. On the way they are adapted to
a repository that installs the engine instead of holding it (`etalase` instead of `python build.py`).
"""

from __future__ import annotations

import json
import re
import string
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Literal, Optional

from .loader import INNOVATIONS_DIR, Loader
from .records import Region

PACKAGE = "etalase-inovasi"
SKELETON = Path(__file__).parent / "skeleton"
OFFICE = Path(__file__).parent / "office"
PIN_FILE = "requirements.txt"
Forge = Literal["github", "gitlab"]
FORGES: tuple[Forge, ...] = ("github", "gitlab")

# Where each part of the skeleton goes in an office's repository; a folder maps to a folder.
_ENGINE_PARTS: dict[str, str] = {
    "content/regions.yml": "content/regions.yml",
    "content/sectors.yml": "content/sectors.yml",
    "content/panduan": "content/panduan",
    "schemas": "schemas",
    "pre-commit-config.yaml": ".pre-commit-config.yaml",
    "constraints.txt": "constraints.txt",
}
_FORGE_PARTS: dict[Forge, dict[str, str]] = {
    "github": {"github-workflows": ".github/workflows"},
    "gitlab": {"gitlab-ci.yml": ".gitlab-ci.yml"},
}
# This repository runs the engine from its checkout; an office's installs the pinned package.
_ADAPTATIONS = (
    ("python -m pip install -c constraints.txt -e .", "python -m pip install -r requirements.txt"),
    ("pyproject.toml\n            constraints.txt", "requirements.txt\n            constraints.txt"),
    ("files: [pyproject.toml, constraints.txt]", "files: [requirements.txt, constraints.txt]"),
    ("python build.py", "etalase"),
)
_PUBLISHING: dict[Forge, str] = {
    "github": "Setiap pull request diperiksa oleh `.github/workflows/periksa.yml`; setiap perubahan yang "
              "digabung ke `main` diterbitkan ke GitHub Pages oleh `.github/workflows/terbitkan.yml` "
              "(Settings → Pages → Source: GitHub Actions). Langkahnya: `content/panduan/publikasi.md`.",
    "gitlab": "Setiap merge request diperiksa dan setiap perubahan di cabang utama diterbitkan ke GitLab "
              "Pages oleh `.gitlab-ci.yml`. Langkahnya: `content/panduan/publikasi.md`.",
}
_CI_FILES: dict[Forge, str] = {"github": "`.github/workflows/`", "gitlab": "`.gitlab-ci.yml`"}


def version() -> str:
    """The engine's version: the installed package's, else (a plain checkout) pyproject.toml's."""
    try:
        return metadata.version(PACKAGE)
    except metadata.PackageNotFoundError:
        import tomllib

        with open(Path(__file__).parents[2] / "pyproject.toml", "rb") as file:
            return str(tomllib.load(file)["project"]["version"])


def pin_line(engine_version: str) -> str:
    return f"{PACKAGE}=={engine_version}"


def engine_files(forge: Forge) -> dict[str, bytes]:
    """Every file the engine owns in an office's repository, by path, with its content."""
    files: dict[str, bytes] = {}
    for part, target in (_ENGINE_PARTS | _FORGE_PARTS[forge]).items():
        source = SKELETON / part
        paths = sorted(p for p in source.rglob("*") if p.is_file()) if source.is_dir() else [source]
        for path in paths:
            rel = target if path == source else f"{target}/{path.relative_to(source).as_posix()}"
            files[rel] = _adapt(path.read_bytes()) if path.suffix in (".yml", ".yaml", ".md") else path.read_bytes()
    return files


def _adapt(data: bytes) -> bytes:
    text = data.decode("utf-8")
    for old, new in _ADAPTATIONS:
        text = text.replace(old, new)
    return text.encode("utf-8")


@dataclass(frozen=True)
class Office:
    name: str  # the office, e.g. "Dinas Komunikasi dan Informatika Kota Batu"
    region: Region
    forge: Forge
    site_url: Optional[str]  # the published address, if known

    @property
    def site_name(self) -> str:
        return f"Etalase Inovasi {self.region.name}"


def reference_regions() -> list[Region]:
    """The regions the engine ships (content/regions.yml), to find an office's region by code or name."""
    return Loader(SKELETON).load().regions


def find_region(answer: str, regions: list[Region]) -> Optional[Region]:
    """The region for a code ("35.79") or a name ("Kota Batu", in any case), else None."""
    wanted = answer.strip().strip('"').casefold()
    return next((r for r in regions if wanted in (r.code, r.name.casefold())), None)


def office_files(office: Office, engine_version: str) -> dict[str, bytes]:
    """The files `init` writes once and the office owns from then on (`upgrade` never rewrites them)."""
    fields = {
        "site_name": office.site_name,
        "region_name": office.region.name,
        "region_slug": office.region.slug,
        "version": engine_version,
        "site_line": f"; alamatnya {office.site_url}" if office.site_url else "",
        "ci_files": _CI_FILES[office.forge],
        "publishing": _PUBLISHING[office.forge],
    }
    readme = string.Template((OFFICE / "README.md").read_text(encoding="utf-8")).substitute(fields)
    return {
        "mkdocs.yml": _office_mkdocs(office).encode("utf-8"),
        "README.md": readme.encode("utf-8"),
        ".gitignore": (OFFICE / "gitignore").read_bytes(),
        PIN_FILE: (f"# Mesin Etalase Inovasi, versi terkunci: `etalase upgrade` memindahkannya.\n"
                   f"-c constraints.txt\n{pin_line(engine_version)}\n").encode(),
        # Empty folders git keeps; the loader skips .gitkeep files.
        f"{INNOVATIONS_DIR}/{office.region.slug}/.gitkeep": b"",
        "content/awards/.gitkeep": b"",
    }


def _office_mkdocs(office: Office) -> str:
    """This repository's mkdocs.yml with the office's name, description and address."""
    text = (SKELETON / "mkdocs.yml").read_text(encoding="utf-8")
    address = json.dumps(office.site_url) if office.site_url else "null"
    for key, value in (
        ("site_name", json.dumps(office.site_name, ensure_ascii=False)),
        ("site_description", json.dumps(f"Inovasi {office.region.name} dan penghargaannya ({office.name}).",
                                         ensure_ascii=False)),
        ("site_url", f"!ENV [SITE_URL, {address}]"),
    ):
        line = f"{key}: {value}".replace("\\", "\\\\")  # taken literally: re.sub reads escapes in a replacement
        text, count = re.subn(rf"^{key}:.*$", line, text, count=1, flags=re.M)
        if count != 1:
            raise ValueError(f"mkdocs.yml of the skeleton has no {key} line")
    return text


class NotEmpty(Exception):
    pass


def init(target: Path, office: Office) -> list[str]:
    """Write a new office's repository into `target` (absent or empty); returns the paths written."""
    from .upgrade import Managed

    if target.exists() and any(target.iterdir()):
        raise NotEmpty(f"folder {target} tidak kosong; pilih folder baru untuk repositori etalase")
    engine_version = version()
    owned = engine_files(office.forge)
    written = office_files(office, engine_version) | owned
    for rel, data in sorted(written.items()):
        path = target / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    Managed(engine_version, office.forge, Managed.digests(owned)).write(target)
    return sorted(written)
