"""`etalase upgrade`: move an office's repository to the installed engine's version.

The engine's files (skeleton.engine_files) are refreshed; the office's own (content, innovations,
mkdocs.yml, README) are never touched. `.etalase/managed.json` records the digest of every file the
engine wrote, so a file the office has edited since is kept, and the engine's new version is written
beside it in `.etalase/baru/` for the office to compare, never over it.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path

from packaging.version import InvalidVersion, Version

from .skeleton import FORGES, PACKAGE, PIN_FILE, Forge, engine_files, pin_line, version

MANAGED_FILE = ".etalase/managed.json"
NEW_DIR = ".etalase/baru"  # the engine's new version of a file the office has edited
_PIN = re.compile(rf"^{re.escape(PACKAGE)}==(\S+)[ \t]*$", re.M)


class UpgradeError(Exception):
    """Why the repository cannot be upgraded, in plain Indonesian."""


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass
class Managed:
    """What the engine last wrote into a repository: its version, the forge, and a digest per file."""

    version: str
    forge: Forge
    files: dict[str, str]

    @staticmethod
    def digests(files: dict[str, bytes]) -> dict[str, str]:
        return {rel: _digest(data) for rel, data in sorted(files.items())}

    @classmethod
    def read(cls, root: Path) -> Managed:
        path = root / MANAGED_FILE
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            forge, files = data["forge"], data["files"]
            if forge not in FORGES or not isinstance(files, dict):
                raise ValueError(forge)
            return cls(str(data["version"]), forge, {str(k): str(v) for k, v in files.items()})
        except FileNotFoundError:
            raise UpgradeError(f"{MANAGED_FILE} tidak ditemukan: folder ini bukan repositori yang dibuat dengan "
                               "`etalase init` (jalankan upgrade dari folder repositori kantor Anda)") from None
        except (ValueError, KeyError, TypeError):
            raise UpgradeError(f"{MANAGED_FILE} rusak; pulihkan dari riwayat git (git checkout -- {MANAGED_FILE})") from None

    def write(self, root: Path) -> None:
        path = root / MANAGED_FILE
        path.parent.mkdir(parents=True, exist_ok=True)
        record = {"version": self.version, "forge": self.forge, "files": dict(sorted(self.files.items()))}
        path.write_text(json.dumps(record, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


@dataclass(frozen=True)
class Change:
    path: str
    what: str  # in Indonesian, for the office: what happened to this file and what to do


@dataclass(frozen=True)
class Upgraded:
    old: str
    new: str
    changes: list[Change]


def upgrade(root: Path) -> Upgraded:
    managed = Managed.read(root)
    new_version = version()
    try:
        older = Version(new_version) < Version(managed.version)
    except InvalidVersion:
        older = False
    if older:
        raise UpgradeError(f"mesin yang terpasang ({new_version}) lebih lama dari versi repositori ini "
                           f"({managed.version}); pasang dulu versi barunya: pip install -U {PACKAGE}")
    changes = [_move_pin(root, new_version)]
    files = engine_files(managed.forge)
    recorded: dict[str, str] = {}
    for rel, data in files.items():
        recorded[rel] = _digest(data)
        if (change := _refresh(root, rel, data, managed.files.get(rel))) is not None:
            changes.append(change)
    for rel in sorted(set(managed.files) - set(files)):  # no longer shipped by the engine
        path = root / rel
        if path.is_file() and _digest(path.read_bytes()) == managed.files[rel]:
            path.unlink()
            changes.append(Change(rel, "dihapus (tidak lagi dipakai mesin)"))
        elif path.is_file():
            changes.append(Change(rel, "tidak lagi dipakai mesin, tetapi pernah Anda ubah: dibiarkan; "
                                       "hapus bila tidak perlu"))
    Managed(new_version, managed.forge, recorded).write(root)
    return Upgraded(managed.version, new_version, [c for c in changes if c.what])


def _move_pin(root: Path, new_version: str) -> Change:
    path = root / PIN_FILE
    text = path.read_text(encoding="utf-8") if path.is_file() else ""
    if not _PIN.search(text):
        return Change(PIN_FILE, f"tidak berisi baris {PACKAGE}==<versi>; tambahkan baris {pin_line(new_version)}")
    moved = _PIN.sub(pin_line(new_version), text, count=1)
    if moved == text:
        return Change(PIN_FILE, "")
    path.write_text(moved, encoding="utf-8")
    return Change(PIN_FILE, f"versi mesin dikunci ke {new_version}")


def _refresh(root: Path, rel: str, data: bytes, recorded: str | None) -> Change | None:
    """Bring one engine file to its new content, unless the office has changed or deleted it."""
    path, beside = root / rel, root / NEW_DIR / rel
    current = path.read_bytes() if path.is_file() else None
    if current == data:
        beside.unlink(missing_ok=True)  # the office has taken the new version over
        return None
    if current is None and recorded is not None:
        return Change(rel, f"dilewati: berkas ini Anda hapus; agar ditulis lagi, hapus barisnya dari {MANAGED_FILE}")
    if current is not None and _digest(current) != recorded:
        beside.parent.mkdir(parents=True, exist_ok=True)
        beside.write_bytes(data)
        return Change(rel, f"pernah Anda ubah, jadi tidak ditimpa; versi baru mesin ada di {NEW_DIR}/{rel}: "
                           "bandingkan dan gabungkan perubahannya")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return Change(rel, "ditambahkan" if current is None else "diperbarui")
