"""Reference data kept in `content/`: regions (Kemendagri codes), sectors (urusan pemerintahan), and
the other Etalase sites a showcase collects (content/sumber.yml)."""

from __future__ import annotations

from functools import cached_property
from typing import Literal, Optional

from slugify import slugify

from .common import Record, RegionCode, SafeUrl, Slug, Text

RegionKind = Literal["provinsi", "kota", "kabupaten"]
SectorGroup = Literal["wajib-pelayanan-dasar", "wajib-non-pelayanan-dasar", "pilihan", "penunjang"]


class Region(Record):
    """A province (code `21`) or a city/regency (code `21.71`); the province follows from the code."""

    code: RegionCode
    """Kode wilayah Kemendagri di dalam tanda kutip: provinsi dua angka ("35"), kota/kabupaten kode provinsi, titik, dua angka ("35.79")."""
    name: Text
    """Nama resmi wilayah, misalnya Kota Batu atau Kabupaten Malang; menjadi nama folder inovasinya (kota-batu)."""
    kind: RegionKind
    """Jenis wilayah."""
    aliases: list[Text] = []
    """Ejaan lain nama wilayah yang diterima saat nama diketik (python build.py new, import), misalnya nama resminya Kota Pangkal Pinang; bukan wilayah kedua."""

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
    """Id urusan (huruf kecil dan tanda hubung), dipakai di kolom sectors setiap inovasi, misalnya kearsipan."""
    label: Text
    """Nama urusan yang tampil di situs, misalnya Kearsipan."""
    group: SectorGroup
    """Kelompok urusan menurut UU 23/2014."""


class SiteSource(Record):
    """Satu situs Etalase Inovasi lain yang datanya dihimpun ke etalase ini dengan `etalase collect`."""

    id: Slug
    """Id sumber (huruf kecil dan tanda hubung), nama foldernya di collected/, misalnya kota-batu."""
    name: Text
    """Nama situs sumber seperti ditampilkan pada setiap catatannya, misalnya Etalase Inovasi Kota Batu."""
    url: SafeUrl
    """Alamat situs sumber, diawali https://; datanya dibaca dari <alamat>/data/inovasi.json dan penghargaan.json."""
    folder: Optional[Text] = None
    """Bila diisi: folder hasil pembangunan situs sumber di komputer ini, dibaca sebagai ganti alamatnya."""
