"""The site folder is owned: a build writes only into a folder that is new, empty, or one it wrote.

A build empties its folder (MkDocs' clean, or the incremental build's fresh start): pointed at the
wrong folder (`--site-dir innovations`, the repository itself) it would delete whatever is there.
So before MkDocs starts, the folder must be missing or empty, or hold the MARKER every build of this
tool leaves (hidden, so MkDocs' clean keeps it even when the build fails half-way), and never hold
files git tracks (a marker committed in a pull request proves nothing). One build at a time holds
the folder (a lock on it): two builds into one folder would mix their pages and their search index.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path
from typing import Optional

from .accel.incremental import MANIFEST

try:
    import fcntl
except ImportError:  # Windows: no lock, one build at a time is then the user's care
    fcntl = None  # type: ignore[assignment]

MARKER = ".etalase-site"
# Folders of the repository a site may never be written into (or over).
_SOURCES = ("content", "innovations", "plugins", "schemas", "tests", ".git", ".github")


class SiteDirError(Exception):
    """Why the build may not write into the folder; the message is for editors."""


def claim(site_dir: Path, root: Path) -> Optional[int]:
    """Check that `site_dir` may be written, create it, lock it and mark it; returns the lock's fd
    (closed, the lock goes: keep it open for the whole build), None where there are no locks."""
    site_dir, root = site_dir.resolve(), root.resolve()
    where = f"folder situs {site_dir}"
    if site_dir == root or root.is_relative_to(site_dir):
        raise SiteDirError(f"{where} adalah repositori itu sendiri (atau berisi repositori); pilih folder lain, "
                           "misalnya site/ (pembangunan mengosongkan foldernya)")
    for source in _SOURCES:
        if site_dir.is_relative_to(root / source):
            raise SiteDirError(f"{where} ada di dalam {source}/ repositori; pilih folder lain, misalnya site/ "
                               "(pembangunan mengosongkan foldernya)")
    try:
        site_dir.mkdir(parents=True, exist_ok=True)
        entries = [entry for entry in os.listdir(site_dir) if entry != MARKER]
    except FileExistsError:
        raise SiteDirError(f"{where}: sudah ada berkas (bukan folder) dengan nama itu") from None
    except NotADirectoryError:
        raise SiteDirError(f"{where}: salah satu bagian path-nya adalah berkas, bukan folder") from None
    except OSError as exc:
        raise SiteDirError(f"{where} tidak dapat dibuat atau dibaca: {exc.strerror}") from None
    if entries and not ((site_dir / MARKER).is_file() or (site_dir / MANIFEST).is_file()):
        raise SiteDirError(f"{where} tidak kosong dan bukan hasil pembangunan sebelumnya (tidak ada {MARKER} atau {MANIFEST}); "
                           "pembangunan akan menghapus isinya, jadi tidak dilanjutkan. Pilih folder kosong atau "
                           "folder yang baru, atau kosongkan folder itu sendiri bila isinya memang boleh hilang")
    if entries and site_dir.is_relative_to(root) and _tracked(root, site_dir):
        raise SiteDirError(f"{where} berisi berkas yang dilacak git; pembangunan akan menghapusnya, jadi tidak "
                           "dilanjutkan. Hapus folder itu dari git (dan tambahkan ke .gitignore), atau pilih folder lain")
    fd = None
    if fcntl is not None:
        fd = os.open(site_dir, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            raise SiteDirError(f"{where} sedang dipakai pembangunan lain; tunggu sampai selesai, atau bangun ke "
                               "folder lain") from None
    try:
        (site_dir / MARKER).write_text("Folder ini ditulis oleh `python build.py build` (Etalase Inovasi).\n", "utf-8")
    except OSError as exc:
        if fd is not None:
            os.close(fd)
        raise SiteDirError(f"{where} tidak dapat ditulisi: {exc.strerror}") from None
    return fd


def _tracked(root: Path, folder: Path) -> bool:
    try:
        result = subprocess.run(["git", "-C", str(root), "ls-files", "-z", "--", str(folder)],
                                capture_output=True, text=True)
    except OSError:
        return False
    return result.returncode == 0 and bool(result.stdout)
