"""An innovation: `innovations/<region-slug>/<slug>.md`, YAML front matter and a Markdown narrative.

The fields follow the official innovation profile (Permendagri 104/2018, PP 38/2017).
"""

from __future__ import annotations

import re
from typing import Annotated, Literal, Optional

from pydantic import Field, PrivateAttr, model_validator
from pydantic_core import PydanticCustomError

from .common import (
    Date,
    DocumentPath,
    InnovationId,
    Link,
    Media,
    Moment,
    Origin,
    Part,
    Record,
    RegionCode,
    SafeUrl,
    Slug,
    Source,
    Text,
)

InnovationType = Literal["digital", "non-digital"]
InnovationForm = Literal["pelayanan-publik", "tata-kelola", "lainnya"]
InnovationStage = Literal["inisiatif", "uji-coba", "penerapan"]
Initiator = Literal["kepala-daerah", "anggota-dprd", "perangkat-daerah", "asn", "masyarakat"]
BudgetSource = Literal["apbd", "apbn", "lainnya"]
EvidenceKind = Literal["sk", "laporan", "foto", "video", "berita", "lainnya"]
StatusState = Literal["aktif", "berhenti"]

# The narrative's sections of the official profile (IGA form), in its order: a heading (## …) that
# names one, e.g. "## Tujuan dan manfaat" names two.
NARRATIVE_SECTIONS = ("rancang bangun", "tujuan", "manfaat", "hasil")
_HEADING = re.compile(r"^#{1,6}[ \t]+(.+?)[ \t#]*$", re.M)
_SECTION_NAMES = [re.compile(rf"\b{name}\b") for name in NARRATIVE_SECTIONS]


def sections_named(heading: str) -> list[str]:
    """The official sections a heading's text (lower case) names, in the profile's order."""
    return [name for name, pattern in zip(NARRATIVE_SECTIONS, _SECTION_NAMES, strict=True) if pattern.search(heading)]


class Budget(Part):
    """The innovation's budget, in rupiah."""

    amount: Annotated[int, Field(ge=0)]
    """Jumlah anggaran dalam rupiah, angka saja tanpa titik, misalnya 150000000 (Rp150 juta)."""
    source: BudgetSource
    """Sumber anggaran."""


class Evidence(Part):
    """A supporting document (bukti dukung): a file in the repository or an https link; exactly one."""

    title: Text
    """Judul dokumen, misalnya SK Wali Kota Batu Nomor 188.45/2020 tentang ADIARTA."""
    kind: EvidenceKind
    """Jenis dokumen."""
    date: Optional[Date] = None
    """Tanggal dokumen, format TTTT-BB-HH, misalnya 2020-06-22."""
    file: Optional[DocumentPath] = None
    """Berkas PDF atau gambar (.pdf, .jpg, .jpeg, .png, .webp), ditulis relatif dari folder content/, misalnya bukti/adiarta-sk.pdf; paling besar 5 MB untuk PDF, 2 MB untuk gambar."""
    url: Optional[SafeUrl] = None
    """Tautan dokumen yang diterbitkan di tempat lain, diawali https://."""

    @model_validator(mode="after")
    def _one_place(self) -> Evidence:
        if (self.file is None) == (self.url is None):
            raise PydanticCustomError("evidence_place", "setiap bukti dukung berisi tepat satu dari 'file' (berkas di "
                                      "repositori) atau 'url' (tautan https://)")
        if self.url is not None and not self.url.lower().startswith("https://"):
            raise PydanticCustomError("evidence_https", "tautan bukti dukung harus diawali https://, bukan '{value}'",
                                      {"value": self.url})
        return self


class Status(Part):
    """Whether the innovation still runs (as JIPPNas tracks it), and when that was last confirmed."""

    state: StatusState
    """Keadaan inovasi: masih berjalan (aktif) atau sudah berhenti."""
    confirmed: Date
    """Tanggal terakhir keadaan ini dipastikan, format TTTT-BB-HH; setelah dua tahun halaman inovasi menandainya "perlu diperbarui"."""
    since: Optional[Moment] = None
    """Khusus inovasi yang berhenti: sejak kapan, berupa tahun (2022), bulan (2022-06) atau tanggal."""
    reason: Optional[Text] = None
    """Khusus inovasi yang berhenti: alasannya, misalnya anggaran tidak dilanjutkan."""

    @model_validator(mode="after")
    def _stopped_says_when(self) -> Status:
        if self.state == "berhenti" and (self.since is None or self.reason is None):
            raise PydanticCustomError("status_stopped", "inovasi yang berhenti perlu 'since' (sejak kapan) dan 'reason' "
                                      "(alasannya)")
        if self.state == "aktif" and (self.since is not None or self.reason is not None):
            raise PydanticCustomError("status_active", "'since' dan 'reason' hanya untuk inovasi yang berhenti; hapus "
                                      "keduanya, atau ubah 'state' menjadi berhenti")
        return self


class Replicates(Part):
    """The innovation this one copies: one in the catalog (`innovation`), or one outside it (`name` and `region`)."""

    innovation: Optional[InnovationId] = None
    """Id inovasi asal di katalog ini, misalnya kota-batu/adiarta."""
    name: Optional[Text] = None
    """Nama inovasi asal yang tidak ada di katalog ini, misalnya nama yang dipakai daerah asalnya."""
    region: Optional[RegionCode] = None
    """Kode wilayah daerah pemilik inovasi asal yang tidak ada di katalog ini, di dalam tanda kutip, misalnya "35.77"."""

    @model_validator(mode="after")
    def _one_kind(self) -> Replicates:
        if (self.innovation is None) == (self.name is None and self.region is None):
            raise PydanticCustomError("replicates_kind", "isi 'innovation' (id inovasi di katalog ini), atau 'name' "
                                      "dan 'region' (inovasi di luar katalog), tidak keduanya")
        if self.innovation is None and (self.name is None or self.region is None):
            raise PydanticCustomError("replicates_outside", "inovasi asal di luar katalog perlu 'name' dan 'region'")
        return self


class Innovation(Record):
    """The id is `<region-slug>/<file-stem>`, taken from where the file lives."""

    _id: str = PrivateAttr("")
    _body: str = PrivateAttr("")
    _closing_line: int = PrivateAttr(1)  # the line of the '---' that closes the front matter
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
    covid19: bool = False
    """Inovasi penanganan atau dampak Covid-19 (isian formulir IGA): true atau false."""
    trial: Optional[Moment] = None
    """Waktu uji coba: tahun (2019), bulan (2019-08) atau tanggal lengkap (2019-08-01); tidak sesudah waktu penerapan."""
    launched: Optional[Moment] = None
    """Waktu penerapan (mulai diterapkan): tahun (2020), bulan (2020-03) atau tanggal lengkap (2020-03-01)."""
    summary: Annotated[str, Field(min_length=1, max_length=400)]
    """Ringkasan satu atau dua kalimat untuk daftar dan hasil pencarian (paling banyak 400 karakter)."""
    links: list[Link] = []
    """Tautan terkait, misalnya aplikasi atau situs inovasi."""
    media: list[Media] = []
    """Video (tautan) dan gambar (berkas di folder content/) tentang inovasi."""
    sources: list[Source] = []
    """Berita atau dokumen yang menjadi sumber data inovasi."""
    budget: Optional[Budget] = None
    """Anggaran inovasi: jumlah dalam rupiah dan sumbernya."""
    evidence: list[Evidence] = []
    """Bukti dukung: SK, laporan, foto, video, berita atau dokumen lain, berupa berkas di repositori atau tautan https://."""
    status: Optional[Status] = None
    """Apakah inovasi masih berjalan, dan kapan terakhir dipastikan."""
    replicates: Optional[Replicates] = None
    """Inovasi yang direplikasi (ditiru) oleh inovasi ini."""

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
    def closing_line(self) -> int:
        """The file's line of the '---' that closes the front matter: the narrative is written below it."""
        return self._private("_closing_line")

    @property
    def origin(self) -> Optional[Origin]:
        """The site this innovation was collected from; None for the repository's own."""
        return self._private("_origin")

    @property
    def launched_year(self) -> Optional[int]:
        launched = self.launched
        if isinstance(launched, str):
            return int(launched[:4])
        return launched if isinstance(launched, int) or launched is None else launched.year

    def narrative_sections(self) -> list[str]:
        """The official sections (NARRATIVE_SECTIONS) the narrative's headings name."""
        headings = " | ".join(match.group(1).casefold() for match in _HEADING.finditer(self.body))
        return sections_named(headings)
