"""A region typed by a person, as a code or a name, turned into its Kemendagri code.

One function for every place a region is typed (`new`, `import`, the CMS search): a code ("34.04",
"3404"), the name as written in `content/regions.yml` or one of its aliases, in any case, with or
without spaces and hyphens ("Pare-Pare" = "Parepare"), with the kind abbreviated ("Kab. Sleman",
"Kot. Batu") or left out when only one region bears the name ("Sleman"). A name two regions share
("Solok": the city and the regency) is refused with both offered.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Iterable, Optional

from .messages import closest, did_you_mean
from .records import Region

_CODE = re.compile(r"^(\d{2})\.?(\d{2})?$")
# How the kinds are written before a name; "Kota Administrasi Jakarta Selatan" is a kota too.
_KINDS = {
    "kabupaten": "kabupaten", "kab": "kabupaten",
    "kota": "kota", "kot": "kota", "kodya": "kota", "kotamadya": "kota",
    "provinsi": "provinsi", "prov": "provinsi", "propinsi": "provinsi", "prop": "provinsi",
}
_ADMINISTRATIVE = {"administrasi", "adm"}


class RegionNameError(ValueError):
    """The text names no region, or more than one; the message says which ones and what to write."""


def _parts(text: str) -> tuple[Optional[str], str]:
    """(kind written in front, or None; the rest squashed to letters and digits)."""
    words = re.sub(r"[.,]", " ", text.casefold()).split()
    kind = _KINDS.get(words[0]) if words else None
    if kind:
        words = words[1:]
        if words and words[0] in _ADMINISTRATIVE:
            words = words[1:]
    return kind, re.sub(r"[^0-9a-z]", "", "".join(words))


class RegionNames:
    """The names of a list of regions, indexed once; `code()` answers each typed name in constant time."""

    def __init__(self, regions: Iterable[Region]):
        self.regions = {region.code: region for region in regions}
        self._named: dict[str, dict[str, Region]] = defaultdict(dict)  # squashed name → kind → region
        self.clashes: list[tuple[Region, str, Region]] = []  # (region, its name or alias, the region that has it)
        # Names first, so that an alias which is another region's name is the one found clashing.
        named = [(region, region.name) for region in self.regions.values()]
        aliases = [(region, alias) for region in self.regions.values() for alias in region.aliases]
        for region, name in named + aliases:
            kind, rest = _parts(name)
            first = self._named[rest].setdefault(kind or region.kind, region)
            if first is not region:
                self.clashes.append((region, name, first))

    def code(self, text: str) -> str:
        """The code of the region `text` names; a code-shaped text is returned as a code, known or not
        (the validator's rules say whether it exists). Raises RegionNameError."""
        text = " ".join(str(text).split())
        code = _CODE.match(text)
        if code:
            return code.group(1) + (f".{code.group(2)}" if code.group(2) else "")
        kind, rest = _parts(text)
        named = self._named.get(rest, {})
        found = {r.code: r for k, r in named.items() if kind in (None, k)}
        if len(found) == 1:
            return next(iter(found))
        if found:
            choices = " atau ".join(f"{'Provinsi ' if r.is_province else ''}{r.name} ({r.code})"
                                    for r in sorted(found.values(), key=lambda r: r.code))
            raise RegionNameError(f"'{text}' bisa berarti {choices}; tulis nama lengkapnya atau kodenya")
        names = [r.name for r in self.regions.values()]
        raise RegionNameError(f"wilayah '{text}' tidak dikenal; {did_you_mean(text, names)}tulis kode wilayah "
                              "Kemendagri (misalnya 35.79) atau nama lengkapnya (misalnya Kota Batu); daftarnya ada "
                              "di content/regions.yml")


def closest_code(code: str, codes: Iterable[str]) -> Optional[str]:
    """The known code a mistyped one most likely meant: two digits of the city/regency swapped ("21.17" →
    "21.71"), else one of them wrong, else the province's digits swapped, else the nearest by spelling."""
    known = set(codes)
    digits = code.replace(".", "")
    if not digits.isdigit() or len(digits) not in (2, 4):
        return closest(code, known)

    def coded(text: str) -> str:
        return text if len(text) == 2 else f"{text[:2]}.{text[2:]}"

    swapped = [coded(digits[:i] + digits[i + 1] + digits[i] + digits[i + 2:]) for i in range(len(digits) - 2, -1, -1)]
    one_off = [coded(digits[:i] + d + digits[i + 1:]) for i in range(2, len(digits)) for d in "0123456789"]
    # The province's own digits are the last to doubt.
    candidates = swapped[:-1] + one_off + swapped[-1:]
    return next((c for c in candidates if c in known and c != code), None) or closest(code, known)
