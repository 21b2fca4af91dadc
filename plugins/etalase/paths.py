"""The one rule for reading content from disk: regular files inside the repository, nothing else.

Content arrives as pull requests from outside the office and is built by CI with the office's
credentials nearby. A symbolic link (to a file or a folder) would publish whatever it points at
(`/etc/passwd`, a secret beside the checkout), a device or a fifo would hang the build
(`/dev/zero` never ends), and a page the browser runs as a document (`.html`, `.svg`) would be
stored script on the site's own origin. So under `innovations/` and `content/`:

- every symbolic link, and every entry that is neither a folder nor a regular file, is refused
  (a validation error naming it; nothing behind it is read or published);
- so is a regular file with more than one hard link: the other name may be a file outside the
  checkout (`ln /tmp/x/secret.md innovations/kota-batu/bocor.md` on the same file system), and
  nothing in the repository can tell which name is the original (git never makes hard links in a
  checkout, nor do the parse cache or the build);
- files whose type a browser runs as a document or script are refused (see ACTIVE_SUFFIXES:
  an HTML sanitiser cannot make an SVG or an HTML page safe without changing what it is, and the
  site has no use for them: pages are Markdown, pictures JPEG/PNG/WebP/GIF);
- so are the other suffixes MkDocs renders as pages (`.markdown`, `.mkd`, …): the bounds of a page
  and the rule of its address are checked on `.md` pages, and a page under another name would
  escape them;
- a file is opened without following a link and read only if it is a regular file.

The loader, the media check and the MkDocs adapter's list of files all ask this module.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Optional

CONTENT_FOLDERS = ("content", "innovations")
# Served as documents or scripts by a browser: stored XSS if published from content.
ACTIVE_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".xht", ".shtml", ".svg", ".svgz", ".xml", ".xsl", ".xslt",
                             ".js", ".mjs", ".swf"})
# Rendered as pages by MkDocs like .md (mkdocs.utils.markdown_extensions), but checked only as .md.
OTHER_MARKDOWN = frozenset({".markdown", ".mdown", ".mkdn", ".mkd"})
# The largest content file read: a narrative or an edition is a few KB; this stops a runaway file
# (or one grown on purpose) from filling memory.
MAX_BYTES = 5 * 1024 * 1024

LINK = ("tautan simbolik (symlink) tidak diizinkan di {where}; salin berkasnya ke dalam repositori "
        "(isi di luar repositori tidak pernah dibaca atau diterbitkan)")
SPECIAL = "ini bukan berkas biasa atau folder (perangkat, fifo, soket); hapus dari repositori"
HARD_LINK = ("berkas ini punya {links} nama (hard link): isinya juga berkas lain, yang bisa jadi di luar repositori, "
             "sehingga tidak dibaca atau diterbitkan; salin berkasnya (cp) agar menjadi berkas tersendiri")
ACTIVE = ("berkas {suffix} tidak diterbitkan: browser menjalankannya sebagai halaman atau skrip; tulis halaman "
          "sebagai Markdown (.md) dan simpan gambar sebagai .jpg, .png, .webp atau .gif")
MARKDOWN = "halaman Markdown ditulis sebagai berkas .md; ganti akhiran nama berkasnya dari {suffix} menjadi .md"


class Refused(Exception):
    """A path that content may not be read from; `rel` names the offending entry (maybe a parent folder)."""

    def __init__(self, rel: str, message: str):
        super().__init__(message)
        self.rel, self.message = rel, message


def refusal(info: os.stat_result, rel: str) -> Optional[str]:
    """Why an entry with this lstat result may not be content, or None."""
    mode = info.st_mode
    if stat.S_ISLNK(mode):
        return LINK.format(where=rel.split("/")[0] + "/")
    if stat.S_ISDIR(mode):
        return None
    if not stat.S_ISREG(mode):
        return SPECIAL
    if info.st_nlink > 1:
        return HARD_LINK.format(links=info.st_nlink)
    suffix = os.path.splitext(rel)[1]
    if suffix in OTHER_MARKDOWN:  # as MkDocs tells a page: by the suffix as written
        return MARKDOWN.format(suffix=suffix)
    return ACTIVE.format(suffix=suffix.lower()) if suffix.lower() in ACTIVE_SUFFIXES else None


def scan(root: Path | str, top: str) -> tuple[list[tuple[tuple[str, ...], str]], list[tuple[str, str]]]:
    """Walk `top` (relative to root) without following links.

    Returns ([(parts, absolute path)] of the regular files, sorted by parts), [(rel, message)] of
    refused entries); nothing below a refused folder is listed."""
    files: list[tuple[tuple[str, ...], str]] = []
    refused: list[tuple[str, str]] = []
    base = os.path.join(os.fspath(root), top)
    try:
        info = os.lstat(base)
    except FileNotFoundError:
        return files, refused
    if (why := refusal(info, top)) is not None or not stat.S_ISDIR(info.st_mode):
        refused.append((top, why or SPECIAL))
        return files, refused

    def walk(folder: str, parts: tuple[str, ...]) -> None:
        try:
            entries = list(os.scandir(folder))
        except PermissionError:
            refused.append(("/".join((top,) + parts), "folder ini tidak dapat dibaca (izin akses)"))
            return
        for entry in entries:
            info = entry.stat(follow_symlinks=False)
            here = parts + (entry.name,)
            why = refusal(info, "/".join((top,) + here))
            if why is not None:
                refused.append(("/".join((top,) + here), why))
            elif stat.S_ISDIR(info.st_mode):
                walk(entry.path, here)
            else:
                files.append((here, entry.path))

    walk(base, ())
    files.sort()
    refused.sort()
    return files, refused


def check_inside(root: Path | str, rel: str) -> None:
    """Raise Refused unless every folder on the way from root to `rel` is a real folder (no link)
    and `rel` itself, if it exists, is a regular file that may be content."""
    parts = [part for part in rel.split("/") if part not in ("", ".")]
    if not parts or ".." in parts or os.path.isabs(rel):
        raise Refused(rel, "path ini keluar dari repositori")
    current = os.fspath(root)
    for index, part in enumerate(parts):
        current = os.path.join(current, part)
        try:
            info = os.lstat(current)
        except FileNotFoundError:
            return  # the caller says it is missing
        mode = info.st_mode
        here = "/".join(parts[:index + 1])
        if index < len(parts) - 1:
            if stat.S_ISLNK(mode):
                raise Refused(here, LINK.format(where=parts[0] + "/"))
            if not stat.S_ISDIR(mode):
                raise Refused(here, SPECIAL)
        elif (why := refusal(info, here)) is not None or stat.S_ISDIR(mode):
            raise Refused(here, why or "ini folder, bukan berkas")


def is_content_file(root: Path | str, rel: str) -> bool:
    """Whether `rel` is an existing regular file inside the repository that content may use."""
    try:
        check_inside(root, rel)
    except Refused:
        return False
    return os.path.isfile(os.path.join(os.fspath(root), rel))


def read_bytes(path: Path | str) -> bytes:
    """A regular file's bytes, opened without following a link and without waiting on a fifo."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        if os.path.islink(path):
            raise Refused(os.fspath(path), LINK.format(where="repositori")) from None
        raise exc
    with os.fdopen(fd, "rb", buffering=0) as file:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise Refused(os.fspath(path), SPECIAL)
        if info.st_nlink > 1:  # linked between the check of its folder and now
            raise Refused(os.fspath(path), HARD_LINK.format(links=info.st_nlink))
        if info.st_size > MAX_BYTES:
            raise Refused(os.fspath(path), f"berkas terlalu besar ({info.st_size // 1024} KB; paling besar "
                          f"{MAX_BYTES // 1024 // 1024} MB)")
        return file.readall()

