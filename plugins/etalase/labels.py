"""Indonesian labels for the coded values of the records, shared by the site and the CLI."""

from __future__ import annotations

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

MONTHS = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
          "Oktober", "November", "Desember"]


def labels_of(values: list[str]) -> dict[str, str] | None:
    """The labels of an enum given its values (the guide and the CMS find them by the set of values)."""
    return next((labels for labels in LABELS.values() if set(labels) == set(values)), None)


def label(field: str, value: str) -> str:
    return LABELS.get(field, {}).get(value, value)
