"""The browser editor's configuration (Decap CMS `config.yml`), generated from the records' models.

`python build.py cms` writes it to `content/admin/config.yml`, and every build publishes it at
`/admin/config.yml`; the tests fail while the committed file is stale. Every field of a model gets
the widget its JSON Schema asks for (the same schema and Indonesian descriptions as `schemas/` and
the guide's field reference): a select with the Indonesian labels for an enum, a searchable select
of `content/regions.yml` for a region code and of `content/sectors.yml` for sector ids, a relation
to the innovations for an innovation id, dates, lists of objects. A field type it does not know
fails the generator (`CmsError`) instead of giving editors a widget that writes the wrong thing.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Any, Iterable, Mapping, Optional

import yaml
from pydantic import TypeAdapter

from .catalog import Catalog
from .guide import _PATTERNS
from .labels import LABELS, labels_of
from .loader import AWARDS_DIR, INDEX_DIR, INNOVATIONS_DIR
from .parse.yamlfile import DUMPER
from .records import Program, Region, Sector
from .records.common import InnovationId, RegionCode
from .schema import BY_NAME, schema_of

CONFIG_FILE = "content/admin/config.yml"
# Uploads land inside content/, where the validator looks for `media[].image` (paths relative to content/).
MEDIA_FOLDER = "content/images"
PUBLIC_FOLDER = "images"
BACKENDS = ("github", "gitlab")

_REGION_PATTERN = TypeAdapter(RegionCode).json_schema()["pattern"]
_INNOVATION_PATTERN = TypeAdapter(InnovationId).json_schema()["pattern"]
# Fields whose values are ids of reference data, by `<schema>.<field>`: a select of that data.
_SECTOR_FIELDS = {"innovation.sectors"}
# A text longer than this gets a multi-line box.
_LONG_TEXT = 200

_HEADER = """\
# Dibuat oleh `python build.py cms` dari model data (plugins/etalase/records/) dan pengaturan `cms`
# di mkdocs.yml. Jangan diubah dengan tangan: ubah model atau pengaturannya, lalu jalankan perintah itu lagi.
"""


class CmsError(Exception):
    """A model field the generator has no widget for, or settings it cannot use."""


@dataclass(frozen=True)
class CmsSettings:
    """The `cms:` block of the plugin's settings in mkdocs.yml (see site/config.py)."""

    backend: str = "github"
    repo: str = "pemilik/repositori"
    branch: str = "main"
    # GitHub: the address of the OAuth service that holds the OAuth app's secret.
    base_url: Optional[str] = None
    auth_endpoint: Optional[str] = None
    # GitLab: the application id of a PKCE application, and the instance for a self-hosted GitLab.
    app_id: Optional[str] = None
    api_root: Optional[str] = None
    gitlab_url: Optional[str] = None
    site_url: Optional[str] = None
    # Set by the local mode (`serve --cms`): the address of the local backend on 127.0.0.1.
    local_backend: Optional[str] = None


@dataclass
class References:
    """The reference data the selects offer, read from the repository's files."""

    regions: list[Region]
    sectors: list[Sector]
    programs: dict[str, Program]
    editions: list[tuple[str, int]]  # (program, year) of every edition file
    indexes: dict[int, str]  # the name of each year's innovation index file

    @classmethod
    def of(cls, catalog: Catalog) -> References:
        return cls(list(catalog.regions.values()), list(catalog.sectors.values()), catalog.programs,
                   list(catalog.editions), {year: index.name for year, index in catalog.indexes.items()})

    @cached_property
    def region_options(self) -> list[dict[str, str]]:
        # One list for every region select: the YAML writes it once (&id) and refers to it (*id).
        return [{"label": f"{region.name} ({region.code})", "value": region.code} for region in self.regions]


def backend(settings: CmsSettings) -> dict[str, Any]:
    if settings.backend not in BACKENDS:
        raise CmsError(f"cms.backend '{settings.backend}' tidak dikenal; pilihan: {', '.join(BACKENDS)}")
    result: dict[str, Any] = {"name": settings.backend, "repo": settings.repo, "branch": settings.branch,
                              "squash_merges": True}
    if settings.backend == "github":
        result |= {key: value for key, value in (("base_url", settings.base_url),
                                                  ("auth_endpoint", settings.auth_endpoint)) if value}
    else:
        if not settings.app_id:
            raise CmsError("cms.app_id wajib untuk backend gitlab: id aplikasi PKCE dari GitLab (lihat panduan)")
        result |= {"auth_type": "pkce", "app_id": settings.app_id}
        if settings.api_root:
            result["api_root"] = settings.api_root
        if settings.gitlab_url:
            result |= {"base_url": settings.gitlab_url, "auth_endpoint": "oauth/authorize"}
    result["commit_messages"] = {
        "create": "Tambah {{collection}} {{slug}} (lewat CMS)",
        "update": "Ubah {{collection}} {{slug}} (lewat CMS)",
        "delete": "Hapus {{collection}} {{slug}} (lewat CMS)",
        "uploadMedia": "Unggah {{path}} (lewat CMS)",
        "deleteMedia": "Hapus {{path}} (lewat CMS)",
        "openAuthoring": "{{message}}",
    }
    return result


def config(settings: CmsSettings, refs: References) -> dict[str, Any]:
    """The whole configuration as a dict, in the order Decap CMS documents it."""
    result: dict[str, Any] = {
        "backend": backend(settings),
        # Every save becomes a branch and a pull request, checked by CI before anyone merges it.
        "publish_mode": "editorial_workflow",
        "locale": "id",
        "media_folder": MEDIA_FOLDER,
        "public_folder": PUBLIC_FOLDER,
        # File names the validator accepts: lower-case ASCII letters, digits and hyphens.
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
    }
    if settings.site_url:
        result["site_url"] = settings.site_url
    if settings.local_backend:
        # Used only when the editor is opened on 127.0.0.1 or localhost; elsewhere the real backend.
        result["local_backend"] = {"url": settings.local_backend, "allowed_hosts": ["127.0.0.1"]}
    result["collections"] = [innovations(refs), programs(refs), editions(refs), indexes(refs)]
    return result


def render(data: Mapping[str, Any]) -> str:
    # The same settings and models always give the same bytes.
    return _HEADER + yaml.dump(dict(data), Dumper=DUMPER, sort_keys=False, allow_unicode=True, width=100)


# -- collections -----------------------------------------------------------------------------


def innovations(refs: References) -> dict[str, Any]:
    spec = BY_NAME["innovation"]
    fields = _file_fields("innovation", f"{INNOVATIONS_DIR}/daerah/inovasi.md", refs)
    fields.append({"name": "body", "label": "Narasi", "widget": "markdown", "required": False,
                   "hint": "Rancang bangun, tujuan, manfaat dan hasil inovasi (Markdown)."})
    return {
        "name": "innovations", "label": "Inovasi", "label_singular": "Inovasi",
        "description": spec.description,
        "folder": INNOVATIONS_DIR, "extension": "md", "format": "yaml-frontmatter", "create": True,
        # One folder per region, chosen in the form (Decap cannot derive it from the region code; the
        # validator reports a folder that is not the region's). A new file is named after its title.
        "nested": {"depth": 2, "subfolders": False, "summary": "{{title}}"},
        "meta": {"path": {"widget": "select", "label": "Folder daerah",
                          "hint": "Folder berkas: pilih daerah yang sama dengan kolom Daerah di bawah.",
                          "options": [{"label": region.name, "value": region.slug} for region in refs.regions]}},
        "summary": "{{title}}", "sortable_fields": ["title", "region", "launched"],
        "view_filters": [{"label": LABELS["type"][value], "field": "type", "pattern": f"^{value}$"}
                         for value in LABELS["type"]],
        "fields": fields,
    }


def programs(refs: References) -> dict[str, Any]:
    """Each program file, content/awards/<id>/program.yml, as one entry of a files collection."""
    fields = _award_fields("program", refs)
    return {
        "name": "programs", "label": "Program penghargaan", "label_singular": "Program penghargaan",
        "description": BY_NAME["program"].description,
        "files": [{"name": program_id, "label": program.name, "file": f"{AWARDS_DIR}/{program_id}/program.yml",
                   "fields": fields} for program_id, program in sorted(refs.programs.items())],
    }


def editions(refs: References) -> dict[str, Any]:
    """Each edition file, content/awards/<program>/<year>.yml, as one entry of a files collection.

    Decap's folder collections cannot leave program.yml out of a program's folder (its `filter`
    matches one exact value), so new editions are made with `build.py new edition`.
    """
    fields = _award_fields("edition", refs)
    return {
        "name": "editions", "label": "Edisi penghargaan", "label_singular": "Edisi penghargaan",
        "description": BY_NAME["edition"].description,
        "files": [{"name": f"{program}-{year}", "label": f"{_short(refs.programs.get(program), program)} {year}",
                   "file": f"{AWARDS_DIR}/{program}/{year}.yml", "fields": fields}
                  for program, year in sorted(refs.editions, key=lambda key: (key[0], -key[1]))],
    }


def indexes(refs: References) -> dict[str, Any]:
    """Each year's innovation index, content/indeks/<year>.yml, as one entry of a files collection: its
    file is named after its year, which Decap cannot take from a field (a new year is a file copied in
    the repository)."""
    fields = _file_fields("index", f"{INDEX_DIR}/2020.yml", refs)
    return {
        "name": "indexes", "label": "Indeks inovasi daerah", "label_singular": "Indeks inovasi daerah",
        "description": BY_NAME["index"].description,
        "files": [{"name": f"indeks-{year}", "label": name, "file": f"{INDEX_DIR}/{year}.yml", "fields": fields}
                  for year, name in sorted(refs.indexes.items(), reverse=True)],
    }


def _award_fields(name: str, refs: References) -> list[dict[str, Any]]:
    return _file_fields(name, f"{AWARDS_DIR}/program/{name}.yml", refs)


def _file_fields(name: str, rel: str, refs: References) -> list[dict[str, Any]]:
    """The fields of a collection whose files are like `rel`. The modeline comes back as a comment above
    the first key: VS Code keeps its autocompletion. One list for every file of a files collection: the
    YAML writes it once and refers to it (&id/*id)."""
    fields = Fields(name, schema_of(BY_NAME[name]), refs).widgets()
    fields[0]["comment"] = BY_NAME[name].modeline(rel).removeprefix("# ")
    return fields


def _short(program: Optional[Program], program_id: str) -> str:
    return (program.short_name or program.name) if program else program_id


# -- fields ----------------------------------------------------------------------------------


class Fields:
    """The widgets of one schema's properties, nested objects through its definitions."""

    def __init__(self, name: str, schema: dict[str, Any], refs: References):
        self.name, self.schema, self.refs = name, schema, refs
        self.definitions = schema.get("definitions", {})

    def widgets(self, obj: Optional[dict[str, Any]] = None, where: str = "") -> list[dict[str, Any]]:
        obj = obj if obj is not None else self.schema
        required = set(obj.get("required", []))
        return [self._field(name, prop, name in required, f"{where}{name}") for name, prop in obj["properties"].items()]

    def _field(self, name: str, prop: dict[str, Any], required: bool, where: str) -> dict[str, Any]:
        options = [option for option in prop.get("anyOf", [prop]) if option.get("type") != "null"]
        result: dict[str, Any] = {"name": name, "label": _label(name, where), "required": required}
        if "default" in prop and prop["default"] not in (None, [], False):
            result["default"] = prop["default"]
        result |= self._widget(options, where)
        if result["widget"] == "object" and not required:
            # Decap checks the required fields of an optional object left empty too, so an editor could not
            # save without filling it in; `validate` still requires them once the object is given.
            result["fields"] = [field | {"required": False} for field in result["fields"]]
        if prop.get("description"):
            result["hint"] = prop["description"]
        return result

    def _widget(self, options: list[dict[str, Any]], where: str) -> dict[str, Any]:
        if len(options) == 3 and {o.get("type") for o in options} == {"integer", "string"}:
            # A year, a month or a full date (records.common.Moment: launched, trial): one text box, all shapes allowed.
            return {"widget": "string", "pattern": [r"^\d{4}(-\d{2}(-\d{2})?)?$",
                                                    "tahun (2020), bulan (2020-03) atau tanggal lengkap (2020-03-01)"]}
        if len(options) != 1:
            raise CmsError(f"kolom {self.name}.{where}: bentuk {options} belum punya widget CMS; tambahkan di cms.py")
        prop = options[0]
        if "$ref" in prop:
            return self._object(prop, where)
        if "enum" in prop:
            return {"widget": "select", "options": _enum_options(prop["enum"], f"{self.name}.{where}")}
        kind = prop.get("type")
        if kind == "array":
            return self._list(prop, where)
        if kind in ("integer", "number"):
            bounds = {key: prop[bound] for key, bound in (("min", "minimum"), ("max", "maximum")) if bound in prop}
            if kind == "integer":
                return {"widget": "number", "value_type": "int"} | bounds
            # A score with two decimals (the innovation index), e.g. 62.35.
            return {"widget": "number", "value_type": "float", "step": 0.01} | bounds
        if kind == "boolean":
            return {"widget": "boolean"}
        if kind == "string":
            return self._string(prop)
        raise CmsError(f"kolom {self.name}.{where}: tipe {prop} belum punya widget CMS; tambahkan di cms.py")

    def _string(self, prop: dict[str, Any]) -> dict[str, Any]:
        if prop.get("format") == "date":
            return {"widget": "datetime", "date_format": "YYYY-MM-DD", "time_format": False,
                    "format": "YYYY-MM-DD", "picker_utc": True}
        if prop.get("contentMediaType", "").startswith("image/"):
            return {"widget": "image", "choose_url": False}
        if "contentMediaType" in prop:  # a document (evidence): a PDF or a picture, uploaded like images
            return {"widget": "file", "choose_url": False}
        pattern = prop.get("pattern")
        if pattern == _REGION_PATTERN:
            return {"widget": "select", "options": self.refs.region_options}
        if pattern == _INNOVATION_PATTERN:
            return {"widget": "relation", "collection": "innovations", "value_field": "{{slug}}",
                    "search_fields": ["title", "subtitle"], "display_fields": ["{{title}} ({{slug}})"]}
        if pattern is not None:
            if pattern not in _PATTERNS:
                raise CmsError(f"kolom {self.name}: pola {pattern} belum punya keterangan; tambahkan di guide._PATTERNS")
            return {"widget": "string", "pattern": [pattern, _PATTERNS[pattern].replace("&lt;", "<").replace("&gt;", ">")]}
        if "maxLength" in prop:
            longest = prop["maxLength"]
            return {"widget": "text" if longest > _LONG_TEXT else "string",
                    "pattern": [f"^[\\s\\S]{{0,{longest}}}$", f"paling banyak {longest} karakter"]}
        return {"widget": "string"}

    def _list(self, prop: dict[str, Any], where: str) -> dict[str, Any]:
        items = prop["items"]
        bounds = {"min": prop["minItems"]} if "minItems" in prop else {}
        if f"{self.name}.{where}" in _SECTOR_FIELDS:
            return {"widget": "select", "multiple": True, "options": [
                {"label": sector.label, "value": sector.id} for sector in self.refs.sectors]} | bounds
        if "$ref" in items:
            definition = self.definitions[items["$ref"].rsplit("/", 1)[1]]
            fields = self.widgets(definition, f"{where}[].")
            return {"widget": "list", "fields": fields, "summary": f"{{{{fields.{fields[0]['name']}}}}}",
                    "collapsed": True} | bounds
        return {"widget": "list", "field": {"name": "item", "label": "Butir", **self._widget([items], where)}} | bounds

    def _object(self, prop: dict[str, Any], where: str) -> dict[str, Any]:
        definition = self.definitions[prop["$ref"].rsplit("/", 1)[1]]
        return {"widget": "object", "fields": self.widgets(definition, f"{where}.")}


def _enum_options(values: Iterable[str], where: str) -> list[dict[str, str]]:
    values = list(values)
    labels = labels_of(values)
    if labels is None:
        raise CmsError(f"kolom {where}: nilai {values} tidak punya label di labels.py; tambahkan labelnya")
    return [{"label": labels[value], "value": value} for value in values]


# Field labels shown above each widget: Indonesian names for the English keys.
FIELD_LABELS = {
    "title": "Judul", "subtitle": "Kepanjangan", "region": "Daerah", "unit": "Perangkat daerah",
    "sectors": "Urusan pemerintahan", "type": "Jenis", "form": "Bentuk", "stage": "Tahapan",
    "initiator": "Penggagas", "launched": "Mulai diterapkan", "summary": "Ringkasan", "links": "Tautan",
    "media": "Media", "sources": "Sumber", "label": "Label", "url": "Alamat", "publisher": "Penerbit",
    "author": "Penulis", "date": "Tanggal", "video": "Video", "image": "Gambar", "alt": "Teks pengganti",
    "caption": "Keterangan", "name": "Nama", "short_name": "Nama singkat", "organizer": "Penyelenggara",
    "level": "Tingkat", "description": "Deskripsi", "website": "Situs web", "theme": "Tema",
    "place": "Tempat", "presenter": "Penyerah", "jury": "Juri", "stages": "Tahapan", "figures": "Angka",
    "legal_basis": "Dasar hukum", "clusters": "Klaster", "contested_sectors": "Bidang yang dilombakan",
    "categories": "Kategori", "winners": "Pemenang", "kind": "Jenis", "end": "Tanggal selesai",
    "note": "Catatan", "value": "Jumlah", "id": "Id", "ranked": "Berperingkat", "category": "Kategori",
    "rank": "Peringkat", "recipients": "Penerima", "received_by": "Diterima oleh", "innovation": "Inovasi",
    "covid19": "Terkait Covid-19", "trial": "Mulai uji coba", "budget": "Anggaran", "amount": "Jumlah (rupiah)",
    "source": "Sumber", "evidence": "Bukti dukung", "file": "Berkas", "status": "Keadaan", "state": "Keadaan",
    "confirmed": "Terakhir dipastikan", "since": "Berhenti sejak", "reason": "Alasan", "replicates": "Mereplikasi",
    "scores": "Nilai daerah", "score": "Nilai indeks", "predicate": "Predikat",
}
# Where one key means different things in different records, by its path in its schema (`Fields._field`'s `where`).
FIELD_LABELS_AT = {"stages[].kind": "Jenis tahap", "evidence[].kind": "Jenis dokumen"}


def _label(name: str, where: str) -> str:
    # A field added to a model without a label here still gets a readable one from its key.
    return FIELD_LABELS_AT.get(where) or FIELD_LABELS.get(name, name.replace("_", " ").capitalize())

