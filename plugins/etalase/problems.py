"""Problems found in content files, and the ways they are printed (text, GitHub, JSON, Markdown)."""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from dataclasses import asdict, dataclass
from typing import Iterable, Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True, order=True)
class Problem:
    path: str  # relative to the repository, with forward slashes
    line: int
    column: int
    severity: Severity
    field: str  # dotted path inside the record, e.g. "winners[2].rank"; "" for the whole file
    message: str

    def __post_init__(self) -> None:
        # Text from content files ends up here (a key, a value): one line, of a size a reader can take.
        object.__setattr__(self, "path", one_line(self.path, 300))
        object.__setattr__(self, "field", one_line(self.field, 200))
        object.__setattr__(self, "message", one_line(self.message, MESSAGE_LIMIT))

    def as_text(self) -> str:
        field = f"{self.field}: " if self.field else ""
        return f"{self.path}:{self.line}:{self.column}: {self.severity}: {field}{self.message}"

    def as_github(self) -> str:
        # Workflow commands need %, CR and LF escaped in the message and also , and : in properties.
        def escape(text: str, props: bool = False) -> str:
            text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
            return text.replace(":", "%3A").replace(",", "%2C") if props else text

        title = escape(self.field or "berkas", props=True)
        return (
            f"::{self.severity} file={escape(self.path, True)},line={self.line},col={self.column},"
            f"title={title}::{escape(self.message)}"
        )


MESSAGE_LIMIT = 600
_INVISIBLE = {"Cc", "Cf", "Zl", "Zp", "Cs"}  # control, format (bidi, zero-width), line breaks, surrogates


def one_line(text: str, limit: int) -> str:
    """`text` on one line, invisible characters shown as escapes (\\n, \\u202e), at most about `limit`
    characters (the middle is cut: a message names the wrong value first and what is allowed last).

    A message on two lines could start a line with `::` and be read as a GitHub workflow command."""
    if not text.isprintable():
        text = "".join(_visible(char) for char in text)
    if len(text) > limit:
        keep = limit // 2
        text = f"{text[:keep]} … ({len(text) - 2 * keep} karakter dipotong) … {text[-keep:]}"
    return text


def _visible(char: str) -> str:
    if char == " " or unicodedata.category(char) not in _INVISIBLE:
        return char
    return {"\n": "\\n", "\r": "\\r", "\t": "\\t"}.get(char) or f"\\u{ord(char):04x}"


def field_path(loc: Iterable[object]) -> str:
    """`("winners", 2, "rank")` → `winners[2].rank`."""
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


# GitHub shows at most 10 error and 10 warning annotations per step and drops the rest silently.
ANNOTATIONS_PER_STEP = 10
# A job summary holds at most 1 MiB; a table row is a few hundred bytes.
SUMMARY_ROWS = 2000


def render(problems: list[Problem], fmt: str) -> str:
    ordered = sorted(problems)
    if fmt == "json":
        return json.dumps([asdict(p) for p in ordered], ensure_ascii=False, indent=2)
    if fmt == "github":
        return _render_github(ordered)
    if fmt == "markdown":
        return _render_markdown(ordered)
    return "\n".join(p.as_text() for p in ordered)


def _render_github(ordered: list[Problem]) -> str:
    # The full list as text for the log, then annotations for as many as GitHub will show.
    lines = [p.as_text() for p in ordered]
    shown: Counter[str] = Counter()
    for problem in ordered:
        if shown[problem.severity] < ANNOTATIONS_PER_STEP:
            lines.append(problem.as_github())
            shown[problem.severity] += 1
    hidden = len(ordered) - sum(shown.values())
    if hidden:
        lines.append(f"{hidden} masalah lain tidak ditandai di berkasnya (GitHub hanya menampilkan "
                     f"{ANNOTATIONS_PER_STEP} per langkah); daftar lengkap ada di atas dan di ringkasan job.")
    return "\n".join(lines)


def _render_markdown(ordered: list[Problem]) -> str:
    if not ordered:
        return "Tidak ada masalah."
    severity = {"error": "kesalahan", "warning": "peringatan"}
    rows = ["| Berkas | Baris | Jenis | Isian | Masalah |", "|---|---|---|---|---|"]
    rows += [f"| {escape_markdown(p.path)} | {p.line} | {severity[p.severity]} | {escape_markdown(p.field) or '—'} | "
             f"{escape_markdown(p.message)} |" for p in ordered[:SUMMARY_ROWS]]
    if len(ordered) > SUMMARY_ROWS:
        rows.append(f"\n{len(ordered) - SUMMARY_ROWS} masalah lain ada di log langkah pemeriksaan.")
    return "\n".join(rows)


def escape_markdown(text: str) -> str:
    """Text from content files shown literally in Markdown (job summaries): no links, no HTML, no table breaks."""
    text = " ".join(text.split()).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return re.sub(r"([\\`*_{}\[\]()#+!|~])", r"\\\1", text)


def summary(problems: list[Problem], checked: int) -> str:
    errors = sum(p.severity == "error" for p in problems)
    warnings = len(problems) - errors
    return f"{checked} berkas diperiksa: {errors} kesalahan, {warnings} peringatan."
