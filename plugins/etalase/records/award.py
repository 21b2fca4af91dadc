"""Award programs (`content/awards/<program>/program.yml`) and their editions (`<year>.yml`)."""

from __future__ import annotations

from typing import Annotated, Literal, Optional

from pydantic import Field, PrivateAttr, model_validator
from pydantic_core import PydanticCustomError

from .common import Date, InnovationId, Record, RegionCode, SafeUrl, Slug, Source, Text

Level = Literal["nasional", "provinsi", "kabupaten-kota"]
StageKind = Literal[
    "sosialisasi", "pendaftaran", "seleksi", "nominasi", "penjurian", "penetapan", "pengumuman", "penyerahan"
]


class Program(Record):
    """The id is the folder name under `content/awards/`."""

    _id: str = PrivateAttr("")
    name: Text
    short_name: Optional[Text] = None
    organizer: Text
    level: Level
    region: Optional[RegionCode] = None  # the organizing province or city, for non-national programs
    description: Optional[Text] = None
    website: Optional[SafeUrl] = None

    @property
    def id(self) -> str:
        return self._id


class Stage(Record):
    kind: StageKind
    date: Optional[Date] = None
    end: Optional[Date] = None
    place: Optional[Text] = None
    presenter: Optional[Text] = None
    note: Optional[Text] = None


class Figure(Record):
    label: Text
    value: Annotated[int, Field(ge=0)]


class Category(Record):
    id: Slug
    name: Text
    description: Optional[Text] = None
    ranked: bool = False  # ranked categories need a unique rank per winner


class Recipient(Record):
    """Who received an award: an innovation, a unit of a region (with the region), or a region."""

    innovation: Optional[InnovationId] = None
    region: Optional[RegionCode] = None
    unit: Optional[Text] = None

    @model_validator(mode="after")
    def _one_kind(self) -> "Recipient":
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


class Winner(Record):
    category: Optional[Slug] = None
    rank: Optional[Annotated[int, Field(ge=1)]] = None
    title: Text  # as announced: "Juara Favorit", "Top 5", "Sangat Inovatif", "Nominasi Top 30"
    recipients: Annotated[list[Recipient], Field(min_length=1)]
    received_by: Optional[Text] = None
    note: Optional[Text] = None
    sources: list[Source] = []


class Edition(Record):
    """One year of a program; program and year come from the path `<program>/<year>.yml`."""

    _program: str = PrivateAttr("")
    _year: int = PrivateAttr(0)
    title: Text
    organizer: Optional[Text] = None  # defaults to the program's organizer
    theme: Optional[Text] = None
    description: Optional[Text] = None
    website: Optional[SafeUrl] = None
    place: Optional[Text] = None
    presenter: Optional[Text] = None
    jury: Optional[Text] = None
    stages: list[Stage] = []
    figures: list[Figure] = []
    legal_basis: list[Text] = []
    clusters: list[Text] = []
    contested_sectors: list[Text] = []
    categories: list[Category] = []
    winners: list[Winner] = []
    sources: list[Source] = []

    @property
    def program(self) -> str:
        return self._program

    @property
    def year(self) -> int:
        return self._year

    @property
    def announced(self) -> bool:
        return bool(self.winners)

    @property
    def ceremony(self) -> Optional[Stage]:
        """The stage at which the awards were handed over or, failing that, announced."""
        for kind in ("penyerahan", "pengumuman", "penetapan"):
            for stage in self.stages:
                if stage.kind == kind and stage.date is not None:
                    return stage
        return None
