"""What changed since a git revision, and a check of only what those changes can break.

`validate --changed-since REF` (pre-commit, pull requests) checks the changed files fully, the
editions that name a changed or deleted innovation, and the innovations a changed edition names.
Untouched innovations are never read and untouched editions are only searched as text, so one
changed file in a catalog of tens of thousands is checked in the time of a few files. A change to
the reference data (regions, sectors) or a deleted image can affect any record: then everything
is checked.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Iterable, Optional

from .catalog import Catalog
from .configfile import check_config
from .loader import AWARDS_DIR, CONTENT_DIR, IGNORED, INNOVATIONS_DIR, REGIONS_FILE, SECTORS_FILE, Loader
from .paths import Refused, read_bytes
from .records import Edition
from .rules import Checker
from .validate import Checked, check_repository, shadowed_pages

# Files any record may refer to: a change here can break a record nobody touched.
_EVERYONE_REFERS_TO = {REGIONS_FILE, SECTORS_FILE}


class GitError(Exception):
    """git could not tell what changed; the message is for editors."""


@dataclass(frozen=True)
class Changes:
    """Paths relative to the repository root, with forward slashes."""

    added: tuple[str, ...] = ()
    modified: tuple[str, ...] = ()
    deleted: tuple[str, ...] = ()

    @property
    def present(self) -> tuple[str, ...]:
        return self.added + self.modified

    @property
    def all(self) -> tuple[str, ...]:
        return self.added + self.modified + self.deleted


def commit(root: Path, ref: str) -> str:
    """The commit `ref` names, as a hash; a ref that is not a commit (or looks like an option:
    `--output=/tmp/f` would be read by git as one) is refused before git sees it anywhere else."""
    try:
        return _git(root, "rev-parse", "--verify", "--quiet", "--end-of-options", f"{ref}^{{commit}}").strip()
    except GitError:
        raise GitError(f"revisi '{ref}' bukan nama cabang, tag atau commit di repositori ini (apakah riwayat "
                       "git-nya lengkap?)") from None


def changes_since(root: Path, ref: str) -> Changes:
    """Files of the work tree (committed or not, new untracked ones included) that differ from `ref`."""
    ref = commit(root, ref)
    # --no-renames: a moved innovation is a deleted id and a new one, and both matter.
    try:
        listing = _git(root, "diff", "--name-status", "--no-renames", "--relative", "-z", ref, "--").split("\0")
    except GitError as exc:
        raise GitError(f"tidak dapat membandingkan dengan revisi '{ref}' (apakah nama cabang atau commit-nya "
                       f"benar, dan riwayat git-nya lengkap?): {exc}") from None
    added: list[str] = []
    modified: list[str] = []
    deleted: list[str] = []
    for status, path in zip(listing[0::2], listing[1::2], strict=False):
        {"A": added, "D": deleted}.get(status[:1], modified).append(path)
    added += [path for path in _git(root, "ls-files", "--others", "--exclude-standard", "-z").split("\0") if path]
    return Changes(tuple(sorted(added)), tuple(sorted(modified)), tuple(sorted(deleted)))


def text_at(root: Path, ref: str, rel: str) -> Optional[str]:
    """A file's text as it was at `ref`, or None if it did not exist there."""
    try:
        return _git(root, "show", f"{ref}:./{rel}")
    except GitError:
        return None


def innovation_id(rel: str) -> Optional[str]:
    """`innovations/kota-batu/adiarta.md` → `kota-batu/adiarta`; None for any other path."""
    path = PurePosixPath(rel)
    if len(path.parts) == 3 and path.parts[0] == INNOVATIONS_DIR and path.suffix == ".md" and path.name not in IGNORED:
        return f"{path.parts[1]}/{path.stem}"
    return None


def needs_full_check(changes: Changes) -> bool:
    if any(rel in _EVERYONE_REFERS_TO for rel in changes.all):
        return True
    # A page of content/ may take the address of any record's page (validate.shadowed_pages).
    if any(rel.startswith(f"{CONTENT_DIR}/") and rel.endswith(".md") and not rel.startswith(f"{AWARDS_DIR}/")
           for rel in changes.present):
        return True
    # Innovations name images under content/; finding who named a deleted one means reading all.
    return any(rel.startswith(f"{CONTENT_DIR}/") and PurePosixPath(rel).suffix not in {".yml", ".md"}
               for rel in changes.deleted)


def check_changes(root: Path, changes: Changes) -> Checked:
    """Check what `changes` can affect; report only problems in those files."""
    if needs_full_check(changes):
        return check_repository(root)
    changed = set(changes.all)
    touched_ids = {i for i in map(innovation_id, changes.all) if i}
    changed_programs = {PurePosixPath(rel).parts[2] for rel in changed if _is_program_file(rel)}
    # Editions are read only if they changed, belong to a changed program, or mention a changed
    # innovation's id: a plain text search, much cheaper than parsing every edition.
    edition_paths = {root / rel for rel in changes.present if rel.startswith(f"{AWARDS_DIR}/")}
    for path in (root / AWARDS_DIR).glob("*/*.yml"):
        if path.parent.name in changed_programs or (touched_ids and _mentions(path, touched_ids)):
            edition_paths.add(path)
    loader = Loader(root)
    innovation_paths = [root / rel for rel in changes.present
                        if rel.startswith(f"{INNOVATIONS_DIR}/") and PurePosixPath(rel).name not in IGNORED]
    content = loader.load(innovation_paths=innovation_paths, edition_paths=edition_paths)

    changed_editions = [e for e in content.editions if e.path in changed or e.program in changed_programs]
    referring = [e for e in content.editions if not (e.path in changed or e.program in changed_programs)
                 and not touched_ids.isdisjoint(_innovations_named(e))]
    # What a changed edition names is checked too; for the editions that merely name a changed
    # innovation, the rules only need to know that the others exist.
    loaded = {innovation.id for innovation in content.innovations}
    named = dict.fromkeys(i for e in changed_editions for i in _innovations_named(e) if i not in loaded)
    loader.load_innovations(p for p in (root / INNOVATIONS_DIR / f"{i}.md" for i in named) if p.is_file())
    # The originals a changed innovation copies, and theirs, so that a replication cycle through it is seen.
    copied = content.innovations
    while copied:
        loaded = {innovation.id for innovation in content.innovations}
        originals = {i.replicates.innovation for i in copied if i.replicates and i.replicates.innovation} - loaded
        before = len(content.innovations)
        loader.load_innovations(p for p in (root / INNOVATIONS_DIR / f"{i}.md" for i in sorted(originals)) if p.is_file())
        copied = content.innovations[before:]

    catalog = Catalog(content)
    editions = changed_editions + referring
    problems = content.problems + Checker(root, content, catalog).check(innovations=content.innovations, editions=editions)
    scope = changed | {e.path for e in editions} | {i.path for i in content.innovations}
    # The configuration is checked on every run: it is what MkDocs reads first (configfile.py).
    # So are the content pages: a changed record may take the address of one that did not change.
    return Checked(content, catalog, sorted(check_config(root) + shadowed_pages(root, content, catalog)
                                            + [p for p in problems if _in_scope(p.path, scope)]))


def _git(root: Path, *args: str) -> str:
    try:
        result = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, encoding="utf-8")
    except FileNotFoundError:
        raise GitError("perintah git tidak ditemukan; pasang git terlebih dahulu") from None
    if result.returncode != 0:
        raise GitError(result.stderr.strip().splitlines()[-1] if result.stderr.strip() else f"git keluar {result.returncode}")
    return result.stdout


def _is_program_file(rel: str) -> bool:
    parts = PurePosixPath(rel).parts
    return len(parts) == 4 and rel.startswith(f"{AWARDS_DIR}/") and parts[3] == "program.yml"


def _mentions(path: Path, ids: set[str]) -> bool:
    try:
        text = read_bytes(path).decode("utf-8", errors="replace")  # never through a link (paths.py)
    except (Refused, OSError):
        return False  # the loader reports it
    return any(i in text for i in ids)


def _innovations_named(edition: Edition) -> Iterable[str]:
    return (r.innovation for winner in edition.winners for r in winner.recipients if r.innovation)


def _in_scope(path: str, scope: set[str]) -> bool:
    # A folder-level problem (a program folder without program.yml) belongs to the files inside it.
    return path in scope or any(rel.startswith(f"{path}/") for rel in scope)
