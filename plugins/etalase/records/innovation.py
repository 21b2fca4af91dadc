"""An innovation: `innovations/<region-slug>/<slug>.md`, YAML front matter and a Markdown narrative.

The fields follow the official innovation profile (Permendagri 104/2018, PP 38/2017).
"""

from __future__ import annotations

from typing import Annotated, Literal, Optional

from pydantic import Field, PrivateAttr

from .common import Link, Media, Record, RegionCode, Slug, Source, Text, YearOrDate

InnovationType = Literal["digital", "non-digital"]
InnovationForm = Literal["pelayanan-publik", "tata-kelola", "lainnya"]
InnovationStage = Literal["inisiatif", "uji-coba", "penerapan"]
Initiator = Literal["kepala-daerah", "anggota-dprd", "perangkat-daerah", "asn", "masyarakat"]


class Innovation(Record):
    """The id is `<region-slug>/<file-stem>`, taken from where the file lives."""

    _id: str = PrivateAttr("")
    _body: str = PrivateAttr("")
    title: Annotated[str, Field(min_length=1, max_length=120)]
    subtitle: Optional[Text] = None
    region: RegionCode
    unit: Optional[Text] = None
    sectors: Annotated[list[Slug], Field(min_length=1)]
    type: InnovationType
    form: InnovationForm
    stage: InnovationStage
    initiator: Optional[Initiator] = None
    launched: Optional[YearOrDate] = None
    summary: Annotated[str, Field(min_length=1, max_length=400)]
    links: list[Link] = []
    media: list[Media] = []
    sources: list[Source] = []

    @property
    def id(self) -> str:
        return self._id

    @property
    def slug(self) -> str:
        return self._id.split("/")[1]

    @property
    def body(self) -> str:
        """The Markdown narrative after the front matter."""
        return self._body

    @property
    def launched_year(self) -> Optional[int]:
        launched = self.launched
        return launched if isinstance(launched, int) or launched is None else launched.year
