"""An innovation: `innovations/<region-slug>/<slug>.md`, YAML front matter and a Markdown narrative.

The fields follow the official innovation profile (Permendagri 104/2018, PP 38/2017).
"""

from __future__ import annotations

from typing import Annotated, Literal, Optional

from pydantic import Field, PrivateAttr

from .common import Link, Media, Origin, Record, RegionCode, Slug, Source, Text, YearOrDate

InnovationType = Literal["digital", "non-digital"]
InnovationForm = Literal["pelayanan-publik", "tata-kelola", "lainnya"]
InnovationStage = Literal["inisiatif", "uji-coba", "penerapan"]
Initiator = Literal["kepala-daerah", "anggota-dprd", "perangkat-daerah", "asn", "masyarakat"]


class Innovation(Record):
    """The id is `<region-slug>/<file-stem>`, taken from where the file lives."""

    _id: str = PrivateAttr("")
    _body: str = PrivateAttr("")
    _origin: Optional[Origin] = PrivateAttr(None)  # set for a record collected from another site
    title: Annotated[str, Field(min_length=1, max_length=120)]
    """Nama inovasi seperti dikenal publik, misalnya ADIARTA (paling banyak 120 karakter)."""
    subtitle: Optional[Text] = None
    """Kepanjangan atau nama lengkap inovasi, misalnya Alih Media Arsip Tanah."""
    region: RegionCode
    """Kode wilayah Kemendagri daerah pemilik inovasi, di dalam tanda kutip, misalnya "35.79" (Kota Batu). Daftarnya ada di content/regions.yml."""
    unit: Optional[Text] = None
    """Perangkat daerah (OPD, UPTD, kelurahan) yang menjalankan inovasi, misalnya Dinas Perpustakaan dan Kearsipan."""
    sectors: Annotated[list[Slug], Field(min_length=1)]
    """Urusan pemerintahan inovasi, paling sedikit satu, dengan id dari content/sectors.yml, misalnya [kearsipan, pertanahan]."""
    type: InnovationType
    """Jenis inovasi."""
    form: InnovationForm
    """Bentuk inovasi."""
    stage: InnovationStage
    """Tahapan inovasi saat ini."""
    initiator: Optional[Initiator] = None
    """Penggagas inovasi."""
    launched: Optional[YearOrDate] = None
    """Mulai diterapkan: tahun (2020) atau tanggal lengkap (2020-03-01)."""
    summary: Annotated[str, Field(min_length=1, max_length=400)]
    """Ringkasan satu atau dua kalimat untuk daftar dan hasil pencarian (paling banyak 400 karakter)."""
    links: list[Link] = []
    """Tautan terkait, misalnya aplikasi atau situs inovasi."""
    media: list[Media] = []
    """Video (tautan) dan gambar (berkas di folder content/) tentang inovasi."""
    sources: list[Source] = []
    """Berita atau dokumen yang menjadi sumber data inovasi."""

    @property
    def id(self) -> str:
        return self._private("_id")

    @property
    def slug(self) -> str:
        return self._private("_id").split("/")[1]

    @property
    def body(self) -> str:
        """The Markdown narrative after the front matter."""
        return self._private("_body")

    @property
    def origin(self) -> Optional[Origin]:
        """The site this innovation was collected from; None for the repository's own."""
        return self._private("_origin")

    @property
    def launched_year(self) -> Optional[int]:
        launched = self.launched
        return launched if isinstance(launched, int) or launched is None else launched.year
