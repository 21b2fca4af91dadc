"""Field types and small value objects shared by every record kind.

Field names are English, values and labels Indonesian (the editors' language). Every model forbids
unknown keys so a misspelled field is reported instead of silently ignored.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
from typing import Annotated, Any, Optional, Union
from urllib.parse import unquote

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainValidator,
    PrivateAttr,
    WithJsonSchema,
    model_validator,
)
from pydantic_core import PydanticCustomError

from ..builddate import build_date
from ..limits import markdown_problem

FIRST_YEAR = 1945  # the Republic's founding: no regional innovation is older


def last_year() -> int:
    """The latest year a record may name: the build's (builddate.py) and the next, for editions and
    launches announced ahead."""
    return build_date().year + 1


class Part(BaseModel):
    """Base of every model: strict keys, trimmed strings. Parts nested in a record (links, sources,
    winners…) have no private attributes: pydantic sets those up on every instance, and a catalog
    has hundreds of thousands of parts."""

    # Attribute docstrings are the fields' Indonesian descriptions in the JSON Schemas and the editor's guide.
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=True, use_attribute_docstrings=True)


class Record(Part):
    """A record of its own file (or of an item of a list file).

    `path` is the file the record came from (set by the loader, never read from the file itself),
    so cross-reference problems found later can still point at the file.
    """

    _path: str = PrivateAttr("")

    @property
    def path(self) -> str:
        return self._private("_path")

    def _private(self, name: str) -> Any:
        # Straight from pydantic's store of private attributes: `self._id` goes through
        # BaseModel.__getattr__ (slow), and ids are read hundreds of thousands of times a build.
        return self.__pydantic_private__[name]  # type: ignore[index]  # set for every record


def _safe_url(value: str) -> str:
    scheme = value.split(":", 1)[0].lower() if ":" in value else ""
    if scheme not in ("http", "https", "mailto"):
        raise PydanticCustomError(
            "unsafe_url", "tautan harus diawali http://, https:// atau mailto:, bukan '{value}'", {"value": value}
        )
    if scheme in ("http", "https") and not re.match(r"^https?://[^\s/]+\.[^\s/]+", value, re.I):
        raise PydanticCustomError(
            "unsafe_url", "'{value}' bukan alamat web yang lengkap, contoh: https://batam.go.id", {"value": value}
        )
    return value


def _repo_path(value: str) -> str:
    # Media files live inside the repository; a path that climbs out or is absolute is refused, and
    # so is one with a ':' (`javascript:alert(1)` is a file name to git, a script to a browser),
    # judged after decoding %-escapes as a browser would.
    decoded = unquote(value)
    normal = posixpath.normpath(decoded.replace("\\", "/"))
    if decoded.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:", decoded) or normal.startswith(".."):
        raise PydanticCustomError(
            "path_outside_repo",
            "berkas '{value}' berada di luar repositori; tulis path relatif di dalam repositori, misalnya images/foto.jpg",
            {"value": value},
        )
    if ":" in decoded or "%" in value:
        raise PydanticCustomError(
            "path_characters", "nama berkas '{value}' tidak boleh memuat ':' atau kode '%..'; ganti nama berkasnya, "
            "misalnya images/foto-kegiatan.jpg", {"value": value},
        )
    return normal


def _markdown_bounds(value: str) -> str:
    if (bound := markdown_problem(value)) is not None:
        raise PydanticCustomError("markdown_limit", "{message}", {"message": bound[1]})
    return value


def _check_year(value: int) -> int:
    last = last_year()
    if not FIRST_YEAR <= value <= last:
        raise PydanticCustomError(
            "year_out_of_range",
            "tahun {value} di luar rentang yang diizinkan ({first}–{last})",
            {"value": value, "first": FIRST_YEAR, "last": last},
        )
    return value


def _parse_date(value: object) -> dt.date:
    # Strict YYYY-MM-DD: pydantic alone would read a bare number as a Unix timestamp.
    if isinstance(value, dt.date):
        return _check_date_range(value)
    text = str(value).strip()
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        raise PydanticCustomError(
            "date_format", "'{value}' bukan tanggal; tulis dengan format TTTT-BB-HH, misalnya 2020-06-22", {"value": text}
        )
    try:
        date = dt.date.fromisoformat(text)
    except ValueError:
        raise PydanticCustomError(
            "date_impossible",
            "tanggal {value} tidak ada di kalender; periksa bulan dan harinya (format TTTT-BB-HH)",
            {"value": text},
        ) from None
    return _check_date_range(date)  # outside the try: its error is a ValueError too


def _check_date_range(value: dt.date) -> dt.date:
    _check_year(value.year)
    return value


def _parse_year_or_date(value: object) -> int | dt.date:
    # `2020` is a year, `2020-03-01` a full date.
    if isinstance(value, bool):
        value = str(value)
    if isinstance(value, int):
        return _check_year(value)
    if isinstance(value, str) and re.fullmatch(r"\d{4}", value.strip()):
        return _check_year(int(value))
    if isinstance(value, (str, dt.date)):
        return _parse_date(value)
    raise PydanticCustomError(
        "year_or_date", "isi dengan tahun (misalnya 2020) atau tanggal lengkap (misalnya 2020-06-22)"
    )


def _parse_moment(value: object) -> int | str | dt.date:
    # A year (2020), a month ("2020-03", kept as that text) or a full date (2020-03-01).
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}", value.strip()):
        text = value.strip()
        _check_year(int(text[:4]))
        if not 1 <= int(text[5:]) <= 12:
            raise PydanticCustomError("month_impossible", "bulan {value} tidak ada; tulis TTTT-BB dengan bulan 01–12, "
                                      "misalnya 2020-03", {"value": text})
        return text
    try:
        return _parse_year_or_date(value)
    except PydanticCustomError as error:
        if error.type != "date_format":
            raise
    raise PydanticCustomError(
        "moment_format", "'{value}' bukan waktu; tulis tahun (2020), bulan (2020-03) atau tanggal lengkap (2020-03-01)",
        {"value": str(value).strip()},
    )


def moment_key(value: int | str | dt.date) -> str:
    """A year, month or date as ISO text ("2020", "2020-03", "2020-03-01"): two of them compare on
    their common prefix, so 2020 is neither before nor after 2020-03."""
    return value.isoformat() if isinstance(value, dt.date) else str(value)


def _region_code(value: object) -> object:
    if isinstance(value, float):
        raise PydanticCustomError(
            "region_code_quotes",
            "kode wilayah harus ditulis di dalam tanda kutip, misalnya \"35.79\" (tanpa kutip, {value} dibaca sebagai angka)",
            {"value": value},
        )
    if isinstance(value, int):
        return f"{value:02d}"
    return value


Text = Annotated[str, Field(min_length=1)]
# A text rendered as Markdown (descriptions): bounded as a narrative is (limits.py).
MarkdownText = Annotated[str, Field(min_length=1), AfterValidator(_markdown_bounds)]
# The JSON Schema patterns let an editor flag the mistake while typing; the validators stay the judges.
SafeUrl = Annotated[
    str, AfterValidator(_safe_url),
    WithJsonSchema({"type": "string", "pattern": "^([Hh][Tt][Tt][Pp][Ss]?://|[Mm][Aa][Ii][Ll][Tt][Oo]:)"}),
]
RepoPath = Annotated[str, Field(min_length=1), AfterValidator(_repo_path)]
# Marked as an image in the schema, so the browser editor (cms.py) gives it an upload widget.
ImagePath = Annotated[RepoPath, WithJsonSchema({"type": "string", "minLength": 1, "contentMediaType": "image/*"})]
# A document (evidence: PDF or picture), so the editor gives it a file upload widget.
DocumentPath = Annotated[RepoPath, WithJsonSchema({"type": "string", "minLength": 1, "contentMediaType": "application/pdf"})]
Year = Annotated[int, AfterValidator(_check_year)]
Date = Annotated[dt.date, PlainValidator(_parse_date), WithJsonSchema({"type": "string", "format": "date"})]
MONTH_PATTERN = r"^\d{4}-\d{2}$"
Moment = Annotated[
    Union[int, str, dt.date],
    PlainValidator(_parse_moment),
    WithJsonSchema({"anyOf": [{"type": "integer", "minimum": FIRST_YEAR}, {"type": "string", "pattern": MONTH_PATTERN},
                              {"type": "string", "format": "date"}]}),
]
# The patterns of ids, here only: the models, the loader (folder and file names) and the messages use them.
REGION_CODE = r"^\d{2}(\.\d{2})?$"
_SLUG = r"[a-z0-9]+(-[a-z0-9]+)*"  # also a part of the site's URLs
SLUG = f"^{_SLUG}$"
INNOVATION_ID = f"^{_SLUG}/{_SLUG}$"  # <region folder>/<file name>
RegionCode = Annotated[
    str, BeforeValidator(_region_code), Field(pattern=REGION_CODE), WithJsonSchema({"type": "string", "pattern": REGION_CODE}),
]
Slug = Annotated[str, Field(pattern=SLUG)]
InnovationId = Annotated[str, Field(pattern=INNOVATION_ID)]


class Origin(Part):
    """Where a collected record comes from (`etalase collect`): another Etalase site."""

    name: Text  # the site, e.g. "Etalase Inovasi Kota Batu"
    site: str  # its address
    page: Optional[str] = None  # the record's own page there


class Link(Part):
    label: Text
    """Teks tautan yang ditampilkan, misalnya Aplikasi."""
    url: SafeUrl
    """Alamat tautan, diawali https://, http:// atau mailto:."""


class Source(Part):
    """A published article or document that backs a fact."""

    title: Text
    """Judul berita atau dokumen."""
    publisher: Optional[Text] = None
    """Media atau lembaga penerbit, misalnya Suara Indonesia."""
    author: Optional[Text] = None
    """Penulis."""
    date: Optional[Date] = None
    """Tanggal terbit, format TTTT-BB-HH, misalnya 2021-02-17."""
    url: Optional[SafeUrl] = None
    """Alamat berita atau dokumen, diawali https://."""


class Media(Part):
    """A video link or an image file; exactly one of the two."""

    video: Optional[SafeUrl] = None
    """Tautan video, diawali https://, misalnya dari YouTube."""
    image: Optional[ImagePath] = None
    """Berkas gambar, ditulis relatif dari folder content/, misalnya images/adiarta.jpg; sebaiknya paling besar 1 MB, lebih dari 10 MB ditolak."""
    alt: Optional[Text] = None
    """Teks pengganti gambar untuk pembaca layar; wajib untuk gambar."""
    caption: Optional[Text] = None
    """Keterangan yang tampil di bawah gambar atau video."""

    @model_validator(mode="after")
    def _one_kind(self) -> Media:
        if (self.video is None) == (self.image is None):
            raise PydanticCustomError("media_kind", "setiap media berisi tepat satu dari 'video' (tautan) atau 'image' (berkas)")
        if self.image is not None and self.alt is None:
            raise PydanticCustomError("image_alt", "gambar wajib punya 'alt': teks pengganti untuk pembaca layar")
        return self
