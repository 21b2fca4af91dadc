"""Award programs (`content/awards/<program>/program.yml`) and their editions (`<year>.yml`)."""

from __future__ import annotations

from typing import Annotated, Literal, Optional

from pydantic import Field, PrivateAttr, model_validator
from pydantic_core import PydanticCustomError

from .common import Date, InnovationId, MarkdownText, Origin, Part, Record, RegionCode, RepoPath, SafeUrl, Slug, Source, Text

Level = Literal["nasional", "provinsi", "kabupaten-kota"]
StageKind = Literal[
    "sosialisasi", "pendaftaran", "seleksi", "nominasi", "penjurian", "penetapan", "pengumuman", "penyerahan"
]

# The stages that end an edition, in the order a ceremony is looked for.
CEREMONY_KINDS = ("penyerahan", "pengumuman", "penetapan")


class Program(Record):
    """The id is the folder name under `content/awards/`."""

    _id: str = PrivateAttr("")
    name: Text
    """Nama lengkap program penghargaan."""
    short_name: Optional[Text] = None
    """Nama singkat, misalnya IGA."""
    organizer: Text
    """Penyelenggara program."""
    level: Level
    """Tingkat program."""
    region: Optional[RegionCode] = None  # the organizing province or city, for non-national programs
    """Kode wilayah penyelenggara, untuk program tingkat provinsi atau kabupaten/kota, misalnya "35"."""
    description: Optional[MarkdownText] = None
    """Penjelasan singkat tentang program."""
    website: Optional[SafeUrl] = None
    """Situs resmi program, diawali https://."""
    logo: Optional[RepoPath] = None
    """Berkas logo program, ditulis relatif dari folder content/, misalnya images/logo-iga.png."""

    @property
    def id(self) -> str:
        return self._private("_id")


class Stage(Part):
    kind: StageKind
    """Jenis tahap."""
    date: Optional[Date] = None
    """Tanggal tahap (atau tanggal mulainya), format TTTT-BB-HH."""
    end: Optional[Date] = None
    """Tanggal selesai, bila tahap berlangsung lebih dari sehari."""
    place: Optional[Text] = None
    """Tempat."""
    presenter: Optional[Text] = None
    """Siapa yang mengumumkan atau menyerahkan penghargaan pada tahap ini."""
    note: Optional[Text] = None
    """Catatan tambahan."""


class Figure(Part):
    label: Text
    """Apa yang dihitung, misalnya Video inovasi yang dikirim."""
    value: Annotated[int, Field(ge=0)]
    """Jumlahnya: bilangan bulat tanpa titik ribuan, misalnya 2517."""


class Category(Part):
    id: Slug
    """Id kategori (huruf kecil dan tanda hubung), dipakai di kolom category pemenang, misalnya top-5."""
    name: Text
    """Nama kategori seperti diumumkan."""
    description: Optional[MarkdownText] = None
    """Penjelasan kategori."""
    ranked: bool = False  # ranked categories need a unique rank per winner
    """true bila setiap pemenang kategori ini punya peringkat sendiri (1, 2, 3, …) yang tidak boleh kembar."""


class Recipient(Part):
    """Who received an award: an innovation, a unit of a region (with the region), or a region."""

    innovation: Optional[InnovationId] = None
    """Id inovasi penerima: <folder daerah>/<nama berkas tanpa .md>, misalnya kota-batu/adiarta."""
    region: Optional[RegionCode] = None
    """Kode wilayah penerima (daerahnya sendiri, atau daerah pemilik unit), misalnya "63.71"."""
    unit: Optional[Text] = None
    """Unit penerima (OPD, UPTD, kelurahan); ditulis bersama region."""

    @model_validator(mode="after")
    def _one_kind(self) -> Recipient:
        if self.innovation is not None and (self.region is not None or self.unit is not None):
            raise PydanticCustomError(
                "recipient_kind", "penerima berupa 'innovation' saja, atau 'region', atau 'unit' bersama 'region'"
            )
        if self.innovation is None and self.region is None:
            raise PydanticCustomError(
                "recipient_kind",
                "penerima harus menyebut 'innovation' (id inovasi) atau 'region' (kode wilayah, dengan 'unit' bila perlu)",
            )
        return self


class Winner(Part):
    category: Optional[Slug] = None
    """Id kategori dari daftar categories edisi ini."""
    rank: Optional[Annotated[int, Field(ge=1)]] = None
    """Urutan pemenang (1, 2, 3, …) untuk pengurutan."""
    title: Text  # as announced: "Juara Favorit", "Top 5", "Sangat Inovatif", "Nominasi Top 30"
    """Gelar seperti diumumkan, misalnya Juara Favorit, Top 5, Sangat Inovatif, Nominasi Top 30."""
    recipients: Annotated[list[Recipient], Field(min_length=1)]
    """Penerima penghargaan, paling sedikit satu."""
    received_by: Optional[Text] = None
    """Siapa yang menerima penghargaan secara langsung."""
    note: Optional[Text] = None
    """Catatan tambahan."""
    sources: list[Source] = []
    """Berita yang menyebut pemenang ini."""


class Edition(Record):
    """One year of a program; program and year come from the path `<program>/<year>.yml`."""

    _program: str = PrivateAttr("")
    _year: int = PrivateAttr(0)
    _origins: tuple[Origin, ...] = PrivateAttr(())  # the sites a collected edition's winners come from
    title: Text
    """Nama resmi edisi, misalnya Lomba Inovasi Daerah Kota Batam Tahun 2023."""
    organizer: Optional[Text] = None  # defaults to the program's organizer
    """Penyelenggara edisi ini; kosongkan bila sama dengan penyelenggara program."""
    theme: Optional[Text] = None
    """Tema edisi."""
    description: Optional[MarkdownText] = None
    """Penjelasan singkat tentang edisi."""
    website: Optional[SafeUrl] = None
    """Situs resmi edisi, diawali https://."""
    place: Optional[Text] = None
    """Tempat penyerahan penghargaan."""
    presenter: Optional[Text] = None
    """Siapa yang menyerahkan penghargaan."""
    jury: Optional[Text] = None
    """Dewan juri atau tim penilai."""
    stages: list[Stage] = []
    """Tahapan dengan tanggalnya, diurutkan sesuai waktu."""
    figures: list[Figure] = []
    """Angka penting, misalnya jumlah peserta."""
    legal_basis: list[Text] = []
    """Dasar hukum, misalnya keputusan kepala daerah tentang lomba."""
    clusters: list[Text] = []
    """Klaster atau kelompok peserta."""
    contested_sectors: list[Text] = []
    """Bidang yang dilombakan."""
    categories: list[Category] = []
    """Kategori penghargaan."""
    winners: list[Winner] = []
    """Pemenang; biarkan kosong bila belum diumumkan."""
    sources: list[Source] = []
    """Berita atau dokumen yang menjadi sumber data edisi."""

    @property
    def program(self) -> str:
        return self._private("_program")

    @property
    def year(self) -> int:
        return self._private("_year")

    @property
    def origins(self) -> tuple[Origin, ...]:
        """The sites this edition was collected from; empty for the repository's own."""
        return self._private("_origins")

    @property
    def announced(self) -> bool:
        return bool(self.winners)

    @property
    def ceremony(self) -> Optional[Stage]:
        """The stage at which the awards were handed over or, failing that, announced."""
        for kind in CEREMONY_KINDS:
            for stage in self.stages:
                if stage.kind == kind and stage.date is not None:
                    return stage
        return None
