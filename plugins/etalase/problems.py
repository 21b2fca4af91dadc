"""Problems found in content files, and the three ways they are printed (text, GitHub, JSON)."""

from __future__ import annotations

import json
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


def field_path(loc: Iterable[object]) -> str:
    """`("winners", 2, "rank")` → `winners[2].rank`."""
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def render(problems: list[Problem], fmt: str) -> str:
    ordered = sorted(problems)
    if fmt == "json":
        return json.dumps([asdict(p) for p in ordered], ensure_ascii=False, indent=2)
    lines = [p.as_github() if fmt == "github" else p.as_text() for p in ordered]
    return "\n".join(lines)


def summary(problems: list[Problem], checked: int) -> str:
    errors = sum(p.severity == "error" for p in problems)
    warnings = len(problems) - errors
    return f"{checked} berkas diperiksa: {errors} kesalahan, {warnings} peringatan."
