"""Indonesian labels for the coded values of the records, shared by the site and the CLI."""

from __future__ import annotations

from typing import get_args

from .records.award import Level, StageKind
from .records.index import Predicate
from .records.innovation import (
    BudgetSource,
    EvidenceKind,
    Initiator,
    InnovationForm,
    InnovationStage,
    InnovationType,
    StatusState,
)
from .records.reference import RegionKind, SectorGroup

LABELS: dict[str, dict[str, str]] = {
    "type": {"digital": "Digital", "non-digital": "Non-digital"},
    "form": {
        "pelayanan-publik": "Pelayanan publik",
        "tata-kelola": "Tata kelola pemerintahan daerah",
        "lainnya": "Bentuk lainnya",
    },
    "stage": {"inisiatif": "Inisiatif", "uji-coba": "Uji coba", "penerapan": "Penerapan"},
    "initiator": {
        "kepala-daerah": "Kepala daerah",
        "anggota-dprd": "Anggota DPRD",
        "perangkat-daerah": "Perangkat daerah",
        "asn": "Aparatur sipil negara",
        "masyarakat": "Masyarakat",
    },
    "kind": {"provinsi": "Provinsi", "kota": "Kota", "kabupaten": "Kabupaten"},
    "level": {"nasional": "Nasional", "provinsi": "Provinsi", "kabupaten-kota": "Kabupaten/kota"},
    "group": {
        "wajib-pelayanan-dasar": "Urusan wajib pelayanan dasar",
        "wajib-non-pelayanan-dasar": "Urusan wajib non-pelayanan dasar",
        "pilihan": "Urusan pilihan",
        "penunjang": "Fungsi penunjang",
    },
    "budget_source": {"apbd": "APBD", "apbn": "APBN", "lainnya": "Sumber lain"},
    "evidence_kind": {
        "sk": "SK atau regulasi",
        "laporan": "Laporan",
        "foto": "Foto",
        "video": "Video",
        "berita": "Berita",
        "lainnya": "Dokumen lainnya",
    },
    "state": {"aktif": "Masih berjalan", "berhenti": "Berhenti"},
    "predicate": {
        "sangat-inovatif": "Sangat Inovatif",
        "inovatif": "Inovatif",
        "kurang-inovatif": "Kurang Inovatif",
        "tidak-dapat-dinilai": "Tidak Dapat Dinilai",
    },
    "stage_kind": {
        "sosialisasi": "Sosialisasi",
        "pendaftaran": "Pendaftaran",
        "seleksi": "Seleksi",
        "nominasi": "Nominasi",
        "penjurian": "Penjurian",
        "penetapan": "Penetapan pemenang",
        "pengumuman": "Pengumuman",
        "penyerahan": "Penyerahan penghargaan",
    },
}

# Indonesian names of the innovation's fields, as the site's profile table and a spreadsheet's
# column headers (`import`) write them; a field without one is known by its own name.
FIELD_LABELS = {
    "title": "Nama inovasi",
    "subtitle": "Kepanjangan",
    "region": "Daerah",
    "unit": "Perangkat daerah",
    "sectors": "Urusan pemerintahan",
    "type": "Jenis",
    "form": "Bentuk",
    "stage": "Tahapan",
    "initiator": "Inisiator",
    "covid19": "Terkait Covid-19",
    "trial": "Mulai uji coba",
    "launched": "Mulai diterapkan",
    "summary": "Ringkasan",
}

MONTHS = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
          "Oktober", "November", "Desember"]


# Which labels name the values of each choice, keyed by its values as the schemas list them (its Literal type's).
CHOICES: dict[tuple[str, ...], str] = {
    get_args(kind): field
    for kind, field in (
        (InnovationType, "type"), (InnovationForm, "form"), (InnovationStage, "stage"), (Initiator, "initiator"),
        (RegionKind, "kind"), (SectorGroup, "group"), (Level, "level"), (StageKind, "stage_kind"),
        (BudgetSource, "budget_source"), (EvidenceKind, "evidence_kind"), (StatusState, "state"), (Predicate, "predicate"),
    )
}


def labels_of(values: list[str]) -> dict[str, str] | None:
    """The labels of a choice given its values as a schema lists them (the guide and the CMS), if it has them."""
    field = CHOICES.get(tuple(values))
    return LABELS[field] if field is not None else None


def label(field: str, value: str) -> str:
    return LABELS.get(field, {}).get(value, value)


def number_id(value: int) -> str:
    """`2517` → `2.517` (Indonesian thousands separator)."""
    return f"{value:,}".replace(",", ".")
