"""The field reference of the editor's guide, written from the JSON Schemas so it cannot drift.

`python build.py schema` writes it to `content/panduan/referensi-kolom.md` next to the schemas:
one table per file type and per kind of list item, with every field, whether it is required,
what it holds (with the Indonesian label of each allowed value) and its description.
"""

from __future__ import annotations

from typing import Any

from pydantic import TypeAdapter

from .labels import CHOICES, label
from .records.common import MONTH_PATTERN, InnovationId, RegionCode, SafeUrl, Slug
from .schema import SCHEMAS, SchemaFile, schema_of

REFERENCE_PAGE = "content/panduan/referensi-kolom.md"

# What each pattern of the records means, keyed by the pattern the schemas actually carry.
_PATTERNS = {
    TypeAdapter(kind).json_schema()["pattern"]: text
    for kind, text in (
        (RegionCode, 'kode wilayah di dalam tanda kutip, misalnya "35.79"'),
        (Slug, "id: huruf kecil, angka dan tanda hubung"),
        (InnovationId, "id inovasi: &lt;folder daerah&gt;/&lt;nama berkas&gt;"),
        (SafeUrl, "tautan yang diawali https://, http:// atau mailto:"),
    )
}
_PATTERNS[MONTH_PATTERN] = "bulan TTTT-BB, misalnya 2020-03"
_FORMATS = {"date": "tanggal TTTT-BB-HH, misalnya 2020-06-22"}

_INTRO = """\
# Referensi kolom

<!-- Dibuat oleh `python build.py schema` dari model data. Jangan diubah dengan tangan: ubah modelnya
     di plugins/etalase/records/, lalu jalankan perintah itu lagi. -->

Halaman ini mencantumkan **semua** kolom yang boleh ditulis di setiap jenis berkas, diambil
langsung dari aturan yang dipakai `python build.py validate`. Kolom yang tidak ada di sini akan
ditolak. Kolom bertanda *wajib* harus diisi; kolom lain boleh dihapus bila tidak ada datanya.

Nilai berupa pilihan ditulis persis seperti di kolom *Isi* (huruf kecil, dengan tanda hubung);
teks dalam kurung adalah cara nilai itu tampil di situs.
"""


def reference_page() -> str:
    parts = [_INTRO]
    for spec in SCHEMAS:
        parts.append(_file_section(spec))
    return "\n".join(parts)


def _file_section(spec: SchemaFile) -> str:
    schema = schema_of(spec)
    definitions = schema.get("definitions", {})
    lines = [f"## {spec.title}", "", _cell(spec.description), "",
             f"Berkas: `{spec.files}` · skema: `{spec.path}`", ""]
    tables: list[tuple[str, dict[str, Any], str]] = []  # (field path, its record, the heading of its table)
    if schema.get("type") == "array":
        lines += ["Berkas ini berupa daftar; setiap butir (diawali `- `) berisi kolom berikut.", ""]
        tables.append(("", definitions[_ref_name(schema["items"])], ""))
    else:
        tables.append(("", schema, ""))
    seen: dict[str, str] = {}
    while tables:
        where, obj, heading = tables.pop(0)
        if heading:
            lines += [f"### {heading}", ""]
        lines += ["| Kolom | Wajib | Isi | Keterangan |", "|---|---|---|---|"]
        required = set(obj.get("required", []))
        for name, prop in obj["properties"].items():
            path = f"{where} → {name}" if where else name
            nested = _nested_ref(prop)
            if nested is not None and nested in seen:
                kind = f"daftar; setiap butir seperti butir `{seen[nested]}`"
            elif nested is not None:
                seen[nested] = path
                tables.append((path, definitions[nested], f"Setiap butir `{path}`"))
                kind = f"daftar; setiap butir dijelaskan di bagian *Setiap butir `{path}`*"
            elif (single := _single_ref(prop)) is not None:
                tables.append((path, definitions[single], f"Isi `{path}`"))
                kind = f"kolom bertingkat; isinya dijelaskan di bagian *Isi `{path}`*"
            else:
                kind = _kind(prop)
            lines.append(f"| `{name}` | {'wajib' if name in required else ''} | {kind} | {_cell(prop.get('description', ''))} |")
        lines.append("")
    return "\n".join(lines)


def _kind(prop: dict[str, Any]) -> str:
    """What a field holds, in words, e.g. 'teks, paling banyak 120 karakter'."""
    options = [option for option in prop.get("anyOf", [prop]) if option.get("type") != "null"]
    return " atau ".join(_one_kind(option) for option in options)


def _one_kind(prop: dict[str, Any]) -> str:
    if "enum" in prop:
        field = CHOICES[tuple(prop["enum"])]
        return "salah satu: " + ", ".join(f"`{value}` ({label(field, value)})" for value in prop["enum"])
    kind = prop["type"]
    if kind == "array":
        least = f", paling sedikit {prop['minItems']} butir" if "minItems" in prop else ""
        return f"daftar{least}; setiap butir: {_one_kind(prop['items'])}"
    if kind == "integer":
        return "bilangan bulat" + (f" mulai {prop['minimum']}" if "minimum" in prop else "")
    if kind == "number":
        return f"bilangan {prop['minimum']}–{prop['maximum']}" if "minimum" in prop else "bilangan"
    if kind == "boolean":
        return f"`true` atau `false` (bila tidak ditulis: `{str(prop.get('default', False)).lower()}`)"
    if "format" in prop:
        return _FORMATS[prop["format"]]
    if "pattern" in prop:
        return _PATTERNS[prop["pattern"]]
    return "teks" + (f", paling banyak {prop['maxLength']} karakter" if "maxLength" in prop else "")


def _nested_ref(prop: dict[str, Any]) -> str | None:
    items = prop.get("items", {})
    return _ref_name(items) if "$ref" in items else None


def _single_ref(prop: dict[str, Any]) -> str | None:
    """A field holding one nested record (budget, status), optional or not."""
    refs = [option for option in prop.get("anyOf", [prop]) if "$ref" in option]
    return _ref_name(refs[0]) if refs else None


def _ref_name(schema: dict[str, Any]) -> str:
    return schema["$ref"].rsplit("/", 1)[1]


def _cell(text: str) -> str:
    # Table cells are Markdown: keep <placeholders> visible and pipes from splitting the row.
    return text.replace("<", "&lt;").replace(">", "&gt;").replace("|", "\\|")
