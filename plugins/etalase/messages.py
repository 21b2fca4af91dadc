"""Pydantic's validation errors, retold in plain Indonesian for the editors who fix them.

Each message says what is wrong and what is allowed; near misses get a "maksud Anda …?".
Errors raised by our own field types already carry their message (PydanticCustomError).
"""

from __future__ import annotations

import difflib
import typing
from typing import Any, Iterable, Mapping, Optional

from pydantic import BaseModel

from .records.common import INNOVATION_ID, REGION_CODE, SLUG

# By the pattern pydantic reports (the field types' own, from records/common.py).
_PATTERN_HINTS = {
    REGION_CODE: 'kode wilayah Kemendagri, misalnya "35" (provinsi) atau "35.79" (kota/kabupaten)',
    SLUG: "hanya huruf kecil, angka dan tanda hubung, misalnya 'pelayanan-publik'",
    INNOVATION_ID: "id inovasi berbentuk '<daerah>/<nama-berkas>', misalnya 'kota-batu/adiarta'",
}


def closest(value: object, allowed: Iterable[str]) -> Optional[str]:
    close = difflib.get_close_matches(str(value), list(allowed), n=1, cutoff=0.6)
    return close[0] if close else None


def did_you_mean(value: object, allowed: Iterable[str]) -> str:
    close = closest(value, allowed)
    return f"maksud Anda '{close}'? " if close else ""


def allowed_list(allowed: Iterable[str], limit: int = 12) -> str:
    values = sorted(allowed)
    shown = ", ".join(values[:limit])
    return shown + (f", … ({len(values)} pilihan)" if len(values) > limit else "")


def explain(error: Mapping[str, Any], model: Any) -> str:
    """A sentence for one pydantic error dict, given the model the document was validated as."""
    kind, loc, value = error["type"], error["loc"], error.get("input")
    ctx = error.get("ctx") or {}
    if kind == "missing":
        return f"kolom wajib '{loc[-1]}' belum diisi"
    if kind == "extra_forbidden":
        keys = _field_names(_annotation_at(model, loc[:-1]))
        return f"kolom '{loc[-1]}' tidak dikenal; {did_you_mean(loc[-1], keys)}kolom yang diizinkan: {allowed_list(keys, 40)}"
    if kind == "literal_error":
        choices = [str(c) for c in typing.get_args(_leaf(_annotation_at(model, loc)))]
        return f"nilai '{value}' tidak diizinkan; {did_you_mean(value, choices)}pilihan: {', '.join(choices)}"
    if kind == "string_pattern_mismatch":
        hint = _PATTERN_HINTS.get(ctx.get("pattern", ""), f"pola {ctx.get('pattern')}")
        return f"'{value}' tidak sesuai format; yang diizinkan: {hint}"
    if kind == "string_too_short":
        return "tidak boleh kosong"
    if kind == "string_too_long":
        return f"terlalu panjang ({len(str(value))} karakter); maksimal {ctx.get('max_length')} karakter"
    if kind == "too_short":
        return f"daftar ini minimal berisi {ctx.get('min_length')} butir"
    if kind in ("string_type", "string_unicode"):
        return f"harus berupa teks, bukan {_describe(value)}"
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return f"harus berupa bilangan bulat (misalnya 3), bukan {_describe(value)}"
    if kind in ("bool_type", "bool_parsing"):
        return f"harus true atau false, bukan {_describe(value)}"
    if kind == "list_type":
        return f"harus berupa daftar (setiap butir diawali '- '), bukan {_describe(value)}"
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return f"harus berupa kumpulan kolom 'nama: isi', bukan {_describe(value)}"
    if kind in ("greater_than_equal", "greater_than"):
        return f"harus bernilai {ctx.get('ge', ctx.get('gt'))} atau lebih, bukan {value}"
    return str(error["msg"])  # our own PydanticCustomError messages, already in plain words


def _describe(value: object) -> str:
    if value is None:
        return "kosong"
    if isinstance(value, bool):
        return f"nilai ya/tidak ({str(value).lower()})"
    if isinstance(value, (int, float)):
        return f"angka {value}"
    if isinstance(value, list):
        return "daftar"
    if isinstance(value, dict):
        return "kumpulan kolom"
    return f"'{value}'"


def _leaf(annotation: Any) -> Any:
    """Strip Optional[...] and Annotated[...] down to the type that matters."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin is typing.Union:
            args = [a for a in typing.get_args(annotation) if a is not type(None)]
            annotation = args[0] if len(args) == 1 else annotation
            if len(args) != 1:
                return annotation
        else:
            return annotation


def _annotation_at(model: Any, loc: tuple[Any, ...]) -> Any:
    """The declared type at path `loc` inside `model` (None when the path leaves the model)."""
    annotation: Any = model
    for part in loc:
        annotation = _leaf(annotation)
        if typing.get_origin(annotation) is list:
            annotation = _leaf(typing.get_args(annotation)[0])
            if isinstance(part, int):
                continue
        if isinstance(annotation, type) and issubclass(annotation, BaseModel) and part in annotation.model_fields:
            annotation = annotation.model_fields[part].annotation
        else:
            return None
    return annotation


def _field_names(annotation: Any) -> list[str]:
    model: Optional[Any] = _leaf(annotation)
    if typing.get_origin(model) is list:
        model = _leaf(typing.get_args(model)[0])
    return list(model.model_fields) if isinstance(model, type) and issubclass(model, BaseModel) else []

