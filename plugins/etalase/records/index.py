"""The Indeks Inovasi Daerah (Kemendagri) of one year: `content/indeks/<year>.yml`."""

from __future__ import annotations

from typing import Annotated, Literal, Optional

from pydantic import Field, PrivateAttr

from .common import Part, Record, RegionCode, Source, Text

Predicate = Literal["sangat-inovatif", "inovatif", "kurang-inovatif", "tidak-dapat-dinilai"]


def predicate_of(score: float) -> Predicate:
    """The predicate a score earns: Sangat Inovatif 60.01–100, Inovatif 35.00–60.00, Kurang Inovatif
    0.01–34.99, Tidak Dapat Dinilai 0 (scores have two decimals; the bounds between are read as such)."""
    if score > 60:
        return "sangat-inovatif"
    if score >= 35:
        return "inovatif"
    return "kurang-inovatif" if score > 0 else "tidak-dapat-dinilai"


class IndexScore(Part):
    """One region's standing in the year's index."""

    region: RegionCode
    """Kode wilayah Kemendagri daerah yang dinilai, di dalam tanda kutip, misalnya "63.71"."""
    score: Optional[Annotated[float, Field(ge=0, le=100)]] = None
    """Nilai indeks 0–100 (dua angka desimal, misalnya 62.35); kosongkan bila sumber hanya menyebut predikatnya."""
    predicate: Predicate
    """Predikat, yang harus sesuai nilainya: Sangat Inovatif 60,01–100, Inovatif 35,00–60,00, Kurang Inovatif 0,01–34,99, Tidak Dapat Dinilai 0."""
    note: Optional[Text] = None
    """Catatan, misalnya dari mana predikat diketahui."""


class InnovationIndex(Record):
    """The year comes from the file name (`2020.yml`)."""

    _year: int = PrivateAttr(0)
    title: Optional[Text] = None
    """Nama penilaian, misalnya Indeks Inovasi Daerah 2020 (bila kosong: Indeks Inovasi Daerah <tahun>)."""
    scores: Annotated[list[IndexScore], Field(min_length=1)]
    """Nilai dan predikat setiap daerah pada tahun ini; setiap daerah hanya sekali."""
    sources: list[Source] = []
    """Berita atau dokumen yang menjadi sumber data indeks."""

    @property
    def year(self) -> int:
        return self._private("_year")

    @property
    def name(self) -> str:
        return self.title or f"Indeks Inovasi Daerah {self.year}"
