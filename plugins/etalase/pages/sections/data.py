"""The data page: the catalog and the innovation index as CSV and JSON downloads, and an Atom feed of the
latest awards."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import Iterator

from ...areadata import SOURCE as AREA_SOURCE
from ...catalog import Catalog
from ...export import (
    AWARD_COLUMNS,
    FEED_ENTRIES,
    FEED_FILE,
    INDEX_COLUMNS,
    INNOVATION_COLUMNS,
    LIST_SEPARATOR,
    DataFile,
    data_files,
)
from ...images import CatalogPictures
from ...labels import LABELS
from ..options import SiteOptions
from ..spec import PageSpec
from ..urls import Urls

# Material's script takes every `<link rel="alternate">` for a translation of the site and reads the
# sitemap beside it: the home page's link to the feed makes it ask for this one.
SITEMAP = "sitemap.xml"
FEED_TITLE = "Penghargaan inovasi daerah terbaru"

# What each column holds, for the people who open the files (site text: Indonesian).
COLUMNS = {
    "inovasi": {
        "id": "Id inovasi: folder daerah/nama berkas, tetap selama inovasi ada",
        "title": "Nama inovasi",
        "subtitle": "Kepanjangan atau nama lengkap",
        "region_code": "Kode wilayah Kemendagri daerah pemilik",
        "region_name": "Nama daerah pemilik",
        "province_code": "Kode wilayah provinsinya",
        "province_name": "Nama provinsinya",
        "unit": "Perangkat daerah yang menjalankan",
        "sectors": f"Id urusan pemerintahan, dipisah '{LIST_SEPARATOR.strip()}'",
        "sector_names": "Nama urusan pemerintahan, dalam urutan yang sama",
        "type": "Jenis: " + ", ".join(LABELS["type"]),
        "form": "Bentuk: " + ", ".join(LABELS["form"]),
        "stage": "Tahapan: " + ", ".join(LABELS["stage"]),
        "initiator": "Penggagas: " + ", ".join(LABELS["initiator"]),
        "covid19": "Inovasi penanganan atau dampak Covid-19: true atau false",
        "trial": "Waktu uji coba: tahun, bulan (TTTT-BB) atau tanggal (TTTT-BB-HH)",
        "launched": "Waktu penerapan (mulai diterapkan): tahun, bulan (TTTT-BB) atau tanggal (TTTT-BB-HH)",
        "summary": "Ringkasan",
        "url": "Alamat halaman inovasi di situs ini",
        "award_count": "Jumlah penghargaan yang tercatat",
        "budget_amount": "Anggaran dalam rupiah",
        "budget_source": "Sumber anggaran: " + ", ".join(LABELS["budget_source"]),
        "status": "Keadaan: aktif (masih berjalan) atau berhenti",
        "status_confirmed": "Tanggal keadaan terakhir dipastikan (TTTT-BB-HH)",
        "status_since": "Khusus yang berhenti: sejak kapan",
        "status_reason": "Khusus yang berhenti: alasannya",
        "replicates_id": "Id inovasi asal yang direplikasi, bila ada di katalog ini",
        "replicates_name": "Nama inovasi asal yang direplikasi",
        "replicates_region_code": "Kode wilayah daerah inovasi asal",
        "replication_count": "Jumlah inovasi di katalog ini yang mereplikasinya",
        "evidence_urls": f"Alamat bukti dukung (berkas di situs ini atau tautan), dipisah '{LIST_SEPARATOR.strip()}'",
    },
    "penghargaan": {
        "program": "Id program penghargaan",
        "program_name": "Nama program",
        "program_level": "Tingkat program: " + ", ".join(LABELS["level"]),
        "program_region": "Kode wilayah penyelenggara program daerah (kosong untuk program nasional)",
        "organizer": "Penyelenggara edisi",
        "year": "Tahun edisi",
        "edition_title": "Nama resmi edisi",
        "category": "Id kategori (bila ada)",
        "category_name": "Nama kategori",
        "rank": "Peringkat (bila ada)",
        "title": "Gelar seperti diumumkan",
        "recipient_kind": "Jenis penerima: inovasi, unit, atau daerah",
        "recipient_id": "Id inovasi, atau kode wilayah untuk unit dan daerah",
        "recipient_name": "Nama penerima",
        "region_code": "Kode wilayah daerah penerima",
        "region_name": "Nama daerah penerima",
        "province_name": "Nama provinsinya",
        "ceremony_date": "Tanggal penyerahan atau pengumuman (TTTT-BB-HH)",
        "url": "Alamat halaman edisi di situs ini",
    },
    "indeks": {
        "year": "Tahun penilaian Indeks Inovasi Daerah",
        "index_title": "Nama penilaian",
        "region_code": "Kode wilayah Kemendagri daerah yang dinilai",
        "region_name": "Nama daerah",
        "province_code": "Kode wilayah provinsinya",
        "province_name": "Nama provinsinya",
        "score": "Nilai indeks 0–100 (kosong bila sumber hanya menyebut predikatnya)",
        "predicate": "Predikat: " + ", ".join(LABELS["predicate"]),
        "predicate_name": "Nama predikat",
        "note": "Catatan, misalnya dari mana predikat diketahui",
        "url": "Alamat halaman peringkat tahun itu di situs ini",
    },
}
DESCRIPTIONS = {
    "inovasi.csv": "Satu baris per inovasi, dengan baris judul kolom.",
    "inovasi.json": "Larik JSON, satu objek per inovasi; sektor sebagai larik.",
    "penghargaan.csv": "Satu baris per penerima penghargaan, terbaru lebih dulu.",
    "penghargaan.json": "Larik JSON, satu objek per penerima penghargaan.",
    "indeks.csv": "Satu baris per daerah per tahun Indeks Inovasi Daerah: nilai dan predikat, tahun terbaru lebih dulu.",
    "indeks.json": "Larik JSON, satu objek per daerah per tahun indeks.",
    FEED_FILE: f"Umpan Atom {FEED_ENTRIES} penghargaan terbaru, untuk pembaca umpan (feed reader).",
}


def pages(catalog: Catalog, urls: Urls, options: SiteOptions, pictures: CatalogPictures) -> Iterator[PageSpec]:
    files = data_files(
        catalog,
        title=FEED_TITLE,
        innovation_url=lambda innovation: urls.absolute(urls.innovation(innovation)),
        edition_url=lambda edition: urls.absolute(urls.edition(edition)),
        index_url=lambda year: urls.absolute(urls.index_year(year)),
        feed_url=urls.absolute(urls.feed()),
        home_url=urls.absolute(urls.home()),
        file_url=urls.absolute,  # evidence files keep their path under content/, the site's root
        # Without the site's address the feed's links are site-relative: resolved from data/ up.
        base=None if urls.site_url else "../" * urls.data().count("/"),
    )
    downloads = [
        {"name": f.name, "url": urls.data_file(f.name), "rows": f.rows, "size": _size(len(f.content)),
         "description": DESCRIPTIONS[f.name]}
        for f in files
    ]
    yield PageSpec(
        url=urls.data(),
        title="Data",
        template="etalase/data.html",
        context={
            "downloads": downloads,
            "tables": [
                ("Inovasi", "inovasi", [(c, COLUMNS["inovasi"][c]) for c in INNOVATION_COLUMNS]),
                ("Penghargaan", "penghargaan", [(c, COLUMNS["penghargaan"][c]) for c in AWARD_COLUMNS]),
                ("Indeks inovasi daerah", "indeks", [(c, COLUMNS["indeks"][c]) for c in INDEX_COLUMNS]),
            ],
            "feed": urls.feed(),
            "attributions": [AREA_SOURCE],
        },
        description="Unduh data inovasi daerah, penghargaannya dan indeks inovasi daerah (CSV, JSON) dan umpan Atom "
                    "penghargaan terbaru.",
        files={urls.data_file(f.name): f.content for f in files} | {urls.data_file(SITEMAP): _sitemap(urls, files)},
    )


def _sitemap(urls: Urls, files: list[DataFile]) -> bytes:
    """The downloads as a sitemap (full addresses when the site's address is set, as the feed's links)."""
    urlset = ET.Element("urlset", xmlns="http://www.sitemaps.org/schemas/sitemap/0.9")
    for file in files:
        ET.SubElement(ET.SubElement(urlset, "url"), "loc").text = urls.absolute(urls.data_file(file.name))
    return ET.tostring(urlset, encoding="utf-8", xml_declaration=True)


def _size(size: int) -> str:
    """`4325` → `4,2 KB` (Indonesian decimal comma)."""
    for unit, scale in (("MB", 1024 * 1024), ("KB", 1024)):
        if size >= scale:
            return f"{size / scale:.1f}".replace(".", ",") + f" {unit}"
    return f"{size} B"
