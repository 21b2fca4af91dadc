"""Reference data kept in `content/`: regions (Kemendagri codes) and sectors (urusan pemerintahan)."""

from __future__ import annotations

from functools import cached_property
from typing import Literal

from slugify import slugify

from .common import Record, RegionCode, Slug, Text

RegionKind = Literal["provinsi", "kota", "kabupaten"]
SectorGroup = Literal["wajib-pelayanan-dasar", "wajib-non-pelayanan-dasar", "pilihan", "penunjang"]


class Region(Record):
    """A province (code `21`) or a city/regency (code `21.71`); the province follows from the code."""

    code: RegionCode
    name: Text
    kind: RegionKind

    @cached_property
    def slug(self) -> str:
        """The region's part of every URL and of the innovations folder, e.g. `kota-batu`."""
        return slugify(self.name)

    @property
    def province_code(self) -> str:
        return self.code.split(".")[0]

    @property
    def is_province(self) -> bool:
        return "." not in self.code


class Sector(Record):
    """An urusan pemerintahan of UU 23/2014, or a supporting function (penunjang)."""

    id: Slug
    label: Text
    group: SectorGroup
