"""A pull request's changes to the content, in Markdown for a reviewer who does not read YAML.

`python build.py summary --base REF` lists the innovations, award programs and editions, regions
and sectors that were added, changed or removed since `REF`, each the way the site will show it:
title, region, sectors, awards, winners. Records that do not validate are flagged, not hidden.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any, Optional

from .changes import Changes, changes_since, check_changes, commit, innovation_id, text_at
from .labels import label
from .loader import AWARDS_DIR, REGIONS_FILE, SECTORS_FILE
from .parse import ContentError, parse_front_matter, parse_yaml, read_text
from .problems import escape_markdown as md
from .validate import Checked

_STATUS = {"added": "baru", "modified": "diubah", "deleted": "dihapus"}
# Reference-data list files, and the key that identifies an item in them.
_LISTS = {REGIONS_FILE: ("Wilayah", "code", "name"), SECTORS_FILE: ("Urusan pemerintahan", "id", "label")}


@dataclass
class _Raw:
    """A file's data as written, valid or not: enough to say what it was and what changed."""

    data: Any = None
    body: str = ""

    @classmethod
    def parse(cls, rel: str, text: Optional[str]) -> _Raw:
        if text is None:
            return cls()
        parse = parse_front_matter if rel.endswith(".md") else parse_yaml
        try:
            document = parse(text.replace("\r\n", "\n"))
        except ContentError:
            return cls()
        return cls(document.data, document.body)

    def get(self, key: str, default: Any = None) -> Any:
        return self.data.get(key, default) if isinstance(self.data, dict) else default


@dataclass
class _Section:
    heading: str
    items: list[str] = field(default_factory=list)


def change_summary(root: Path, base: str) -> str:
    sha = commit(root, base)  # a hash from here on: never an option to git
    changes = changes_since(root, sha)
    return _Summary(root, sha, changes, check_changes(root, changes), shown=base).markdown()


class _Summary:
    def __init__(self, root: Path, base: str, changes: Changes, checked: Checked, shown: str = ""):
        self.root, self.base, self.changes, self.checked = root, base, changes, checked
        self.shown = shown or base  # the revision as the reviewer named it
        self.catalog = checked.catalog
        self.status = {rel: status for status in _STATUS for rel in getattr(changes, status)}

    def markdown(self) -> str:
        sections = [_Section("Inovasi"), _Section("Penghargaan"), _Section("Data rujukan"), _Section("Berkas lain")]
        for rel, status in sorted(self.status.items()):
            old = _Raw.parse(rel, text_at(self.root, self.base, rel) if status != "added" else None)
            new = _Raw.parse(rel, self._head_text(rel) if status != "deleted" else None)
            if innovation_id(rel):
                sections[0].items.append(self._innovation(rel, status, old, new))
            elif rel.startswith(f"{AWARDS_DIR}/") and rel.endswith(".yml"):
                sections[1].items.append(self._award_file(rel, status, old, new))
            elif rel in _LISTS:
                sections[2].items.extend(self._list_file(rel, old, new))
            else:
                sections[3].items.append(f"- {md(rel)} ({_STATUS[status]})")
        title = f"## Perubahan data sejak {code(self.shown[:40])}"
        if not self.status:
            return f"{title}\n\nTidak ada berkas yang berubah.\n"
        counts = ", ".join(f"{len(getattr(self.changes, s))} {word}" for s, word in _STATUS.items()
                           if getattr(self.changes, s))
        parts = [title, f"{len(self.status)} berkas: {counts}."]
        privileged = [rel for rel in sorted(self.status) if is_privileged(rel)]
        if privileged:
            parts.append("### ⚠ Perlu tinjauan pengelola\n\nBerkas berikut mengatur cara situs dibangun dan "
                         "diterbitkan (dijalankan CI dengan izin kantor), bukan data; hanya pengelola yang boleh "
                         "menyetujuinya:\n\n" + "\n".join(f"- {code(rel)} ({_STATUS[self.status[rel]]})"
                                                       for rel in privileged))
        parts += [f"### {s.heading}\n\n" + "\n".join(s.items) for s in sections if s.items]
        return "\n\n".join(parts) + "\n"

    # -- records ---------------------------------------------------------------------------

    def _innovation(self, rel: str, status: str, old: _Raw, new: _Raw) -> str:
        record = self.catalog.innovations.get(innovation_id(rel) or "")
        shown = new if status != "deleted" else old
        title = record.title if record else shown.get("title") or innovation_id(rel)
        subtitle = f" — {md(record.subtitle)}" if record and record.subtitle else ""
        lines = [f"- **{md(str(title))}** ({_STATUS[status]})" + subtitle]
        if record is not None:
            sectors = ", ".join(self.catalog.sectors[s].label if s in self.catalog.sectors else s for s in record.sectors)
            launched = f" · diluncurkan {record.launched_year}" if record.launched_year else ""
            lines.append(f"{self._region(record.region)} · {md(sectors)} · {label('stage', record.stage)}{launched}")
        elif status == "deleted":
            lines.append(self._region(str(shown.get("region", ""))))
        awards = self.catalog.awards_by_innovation.get(innovation_id(rel) or "", [])
        if awards:
            prefix = "⚠ masih tercatat sebagai pemenang" if status == "deleted" else "Penghargaan"
            lines.append(f"{prefix}: " + "; ".join(f"{md(a.winner.title)}, {md(a.edition.title)}" for a in awards))
        elif status != "deleted":
            lines.append("Belum ada penghargaan.")
        return self._finish(lines, rel, status, old, new)

    def _award_file(self, rel: str, status: str, old: _Raw, new: _Raw) -> str:
        parts = PurePosixPath(rel).parts
        shown = new if status != "deleted" else old
        program = self.catalog.programs.get(parts[2]) if len(parts) == 4 else None
        if parts[-1] == "program.yml":
            name = program.name if program else shown.get("name", parts[2])
            lines = [f"- Program **{md(str(name))}** ({_STATUS[status]})"]
            if program is not None:
                lines.append(f"{md(program.organizer)} · tingkat {label('level', program.level)}")
        else:
            edition = next((e for e in self.catalog.editions.values() if e.path == rel), None)
            title = edition.title if edition else shown.get("title", rel)
            program_name = f" — {md(program.name)}" if program else ""
            lines = [f"- Edisi **{md(str(title))}**{program_name} ({_STATUS[status]})"]
            if edition is not None:
                lines.append(f"{len(edition.winners)} pemenang, {len(edition.categories)} kategori")
            added, removed = self._winners(new), self._winners(old)
            if status == "modified" and added - removed:
                lines.append("Pemenang baru: " + "; ".join(sorted(added - removed)))
            if status == "modified" and removed - added:
                lines.append("Pemenang dihapus: " + "; ".join(sorted(removed - added)))
            if status == "added" and added:
                lines.append("Pemenang: " + "; ".join(sorted(added)))
        return self._finish(lines, rel, status, old, new)

    def _list_file(self, rel: str, old: _Raw, new: _Raw) -> list[str]:
        what, key, name = _LISTS[rel]
        before, after = _items(old, key), _items(new, key)
        items = []
        for status, keys in (("added", after.keys() - before.keys()), ("deleted", before.keys() - after.keys()),
                             ("modified", {k for k in after.keys() & before.keys() if after[k] != before[k]})):
            for k in sorted(keys):
                item = after.get(k) or before[k]
                items.append(f"- {what} {_STATUS[status]}: **{md(str(item.get(name, '')))}** ({md(k)})")
        if self._problems(rel):
            items.append(f"- ⚠ {md(rel)}: {self._problems(rel)} masalah, lihat hasil pemeriksaan")
        return items or [f"- {md(rel)} diubah tanpa perubahan isi daftar"]

    # -- helpers ---------------------------------------------------------------------------

    def _winners(self, raw: _Raw) -> set[str]:
        labels = set()
        for winner in raw.get("winners") or []:
            if not isinstance(winner, dict):
                continue
            recipients = ", ".join(self._recipient(r) for r in winner.get("recipients") or [] if isinstance(r, dict))
            labels.add(f"{md(str(winner.get('title', '')))}: {recipients}")
        return labels

    def _recipient(self, recipient: dict) -> str:
        innovation = self.catalog.innovations.get(str(recipient.get("innovation")))
        if innovation is not None:
            return f"{md(innovation.title)} ({self._region(innovation.region)})"
        if recipient.get("innovation"):
            return f"inovasi {md(str(recipient['innovation']))}"
        unit = f"{md(str(recipient['unit']))}, " if recipient.get("unit") else ""
        return unit + self._region(str(recipient.get("region", "")))

    def _region(self, code: str) -> str:
        region = self.catalog.regions.get(code)
        return md(region.name) if region else f"wilayah {md(code) or '(kosong)'}"

    def _finish(self, lines: list[str], rel: str, status: str, old: _Raw, new: _Raw) -> str:
        if status != "deleted" and self._problems(rel):
            lines.append(f"⚠ belum valid: {self._problems(rel)} masalah, lihat hasil pemeriksaan")
        if status == "modified":
            lines.append(_what_changed(old, new))
        lines.append(code(rel))
        return "  \n  ".join(lines)  # Markdown line breaks inside one list item

    def _problems(self, rel: str) -> int:
        return sum(p.path == rel for p in self.checked.problems)

    def _head_text(self, rel: str) -> Optional[str]:
        try:
            return read_text(self.root / rel)
        except (ContentError, OSError):
            return None


# What CI runs or is configured by: a change here is code, whoever sends it.
PRIVILEGED = ("mkdocs.yml", ".gitlab-ci.yml", "build.py", "pyproject.toml", "constraints.txt", "Makefile",
              ".pre-commit-config.yaml", "package.json", "package-lock.json")
PRIVILEGED_FOLDERS = (".github/", ".gitlab/", ".ci/", "plugins/", "overrides/")


def is_privileged(rel: str) -> bool:
    return rel in PRIVILEGED or rel.startswith(PRIVILEGED_FOLDERS)


def code(text: str) -> str:
    """A path or revision as inline code, unless it could break out of it."""
    return md(text) if "`" in text else f"`{text}`"


def _what_changed(old: _Raw, new: _Raw) -> str:
    keys = old.data.keys() | new.data.keys() if isinstance(old.data, dict) and isinstance(new.data, dict) else set()
    fields = [k for k in sorted(keys, key=str) if old.get(k) != new.get(k)]
    parts = ([f"kolom {', '.join(md(str(k)) for k in fields)}"] if fields else []) + (
        ["narasi"] if old.body != new.body else [])
    return f"Yang berubah: {'; '.join(parts)}" if parts else "Yang berubah: hanya penulisan (isi sama)"


def _items(raw: _Raw, key: str) -> dict[str, dict]:
    data = raw.data if isinstance(raw.data, list) else []
    return {str(item[key]): item for item in data if isinstance(item, dict) and key in item}
