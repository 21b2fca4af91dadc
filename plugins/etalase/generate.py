"""A deterministic synthetic repository of national size, for benchmarks and scale tests.

`write_tree(out, innovations, seed)` writes every kind of content file a real repository has: all
38 provinces with several hundred plausibly coded cities and regencies, the real sectors, award
programs with editions, categories and winners, and innovations with full front matter and a
narrative of a few paragraphs. The same seed always gives byte-identical files. The site settings
(`mkdocs.yml`, the non-data files of `content/`, a theme `custom_dir`) are copied from this
repository when the tree is written, so a generated tree follows later edits of the real site.
"""

from __future__ import annotations

import random
import re
import shutil
from pathlib import Path
from typing import Any, Iterator

import yaml
from slugify import slugify

from .loader import AWARDS_DIR, INDEX_DIR, INNOVATIONS_DIR, REGIONS_FILE, SECTORS_FILE
from .parse.yamlfile import DUMPER
from .records.index import predicate_of

REPO_ROOT = Path(__file__).resolve().parents[2]
FIRST_YEAR, LAST_YEAR = 2017, 2024  # launch years; award editions run 2019..LAST_YEAR
EDITION_YEARS = range(2019, LAST_YEAR + 1)
INDEX_YEARS = range(LAST_YEAR - 4, LAST_YEAR + 1)  # five years of the innovation index
EVIDENCE_FILES = 20  # small PDFs under content/bukti/, shared by the innovations that name a file
# The official narrative sections an innovation at stage `penerapan` is written with.
_OFFICIAL_HEADINGS = ["Rancang bangun", "Tujuan dan manfaat", "Hasil"]
_STOP_REASONS = ["Anggaran tidak dilanjutkan", "Digantikan aplikasi nasional", "Perangkat daerah penggagas dilebur",
                 "Kebutuhan warga sudah terpenuhi"]

# Syllables of synthetic place names: they read like Indonesian names without being real ones.
_ONSETS = ["b", "c", "d", "g", "j", "k", "l", "m", "n", "p", "r", "s", "t", "w", "ng", "tj", "s", "k", "m"]
_VOWELS = ["a", "a", "a", "i", "u", "e", "o"]
_CODAS = ["", "", "", "n", "ng", "r", "k", "h", "m", "s"]
_PLACE_PARTS = ["", "", "", "", " Barat", " Timur", " Utara", " Selatan", " Tengah", " Raya", " Hulu", " Hilir"]

_PROGRAM_WORDS = [
    "Sistem Informasi", "Gerakan", "Layanan", "Aplikasi", "Program", "Kampung", "Sekolah", "Pojok",
    "Rumah", "Klinik", "Gerai", "Posko", "Sahabat", "Jemput Bola", "Mobil", "Kartu",
]
_TOPICS = {
    "pendidikan": ("Dinas Pendidikan", ["Literasi Anak", "Guru Penggerak", "Sekolah Ramah Anak", "Beasiswa Pelajar"]),
    "kesehatan": ("Dinas Kesehatan", ["Kesehatan Ibu dan Anak", "Cegah Stunting", "Posyandu Digital", "Rujukan Pasien"]),
    "administrasi-kependudukan": ("Dinas Kependudukan dan Pencatatan Sipil", ["Akta Kelahiran", "KTP Elektronik", "Dokumen Kependudukan"]),
    "sosial": ("Dinas Sosial", ["Bantuan Sosial Tepat Sasaran", "Lansia Sejahtera", "Disabilitas Mandiri"]),
    "perhubungan": ("Dinas Perhubungan", ["Angkutan Pelajar", "Parkir Nontunai", "Trayek Terpadu"]),
    "komunikasi-informatika": ("Dinas Komunikasi dan Informatika", ["Satu Data", "Aduan Warga", "Desa Digital"]),
    "pertanian": ("Dinas Pertanian", ["Petani Milenial", "Pupuk Bersubsidi", "Benih Unggul"]),
    "lingkungan-hidup": ("Dinas Lingkungan Hidup", ["Bank Sampah", "Kali Bersih", "Hutan Kota"]),
    "penanaman-modal": ("Dinas Penanaman Modal dan PTSP", ["Perizinan Daring", "Mal Pelayanan Publik", "Investasi Cepat"]),
    "koperasi-ukm": ("Dinas Koperasi dan UKM", ["UMKM Naik Kelas", "Pasar Daring", "Kredit Usaha Mikro"]),
    "keuangan": ("Badan Pengelolaan Keuangan dan Aset Daerah", ["Pajak Daerah Daring", "Retribusi Nontunai", "Transparansi Anggaran"]),
    "perencanaan": ("Bappeda", ["Musrenbang Digital", "Perencanaan Partisipatif", "Data Pembangunan"]),
    "pariwisata": ("Dinas Pariwisata", ["Desa Wisata", "Festival Budaya", "Promosi Wisata"]),
}
_DEFAULT_TOPIC = ("Sekretariat Daerah", ["Pelayanan Terpadu", "Tata Kelola Pemerintahan", "Reformasi Birokrasi"])

_WORDS = (
    "pelayanan masyarakat warga daerah pemerintah inovasi data layanan program kegiatan desa kelurahan "
    "kecamatan petugas aplikasi laporan pengaduan waktu biaya proses antrean dokumen kebutuhan sasaran "
    "kelompok keluarga anak perempuan pelaku usaha sekolah puskesmas kader relawan mitra swasta anggaran "
    "capaian manfaat dampak tahun bulan minggu jumlah peserta keberlanjutan replikasi kolaborasi"
).split()
_VERBS = "mempercepat memudahkan menjangkau meningkatkan memantau mencatat menyederhanakan mendekatkan melibatkan".split()
_OPENERS = [
    "Sebelum inovasi ini dijalankan,", "Sejak diluncurkan,", "Dalam pelaksanaannya,", "Menurut data dinas,",
    "Pada tahap awal,", "Setelah uji coba,", "Bagi warga,", "Selain itu,", "Ke depan,",
]
_PUBLISHERS = ["Antara", "Kompas.com", "Detik.com", "Tribunnews", "Suara Indonesia", "Radar Daerah", "Berita Satu"]
_AUTHORS = ["Siti Rahmawati", "Budi Santoso", "Nuril Ayni", "Agus Prasetyo", "Dewi Lestari", "Rudi Hartono"]


def write_tree(out: Path, innovations: int, seed: int = 0, source: Path = REPO_ROOT) -> None:
    """Write a complete repository with `innovations` innovations into `out` (created if needed)."""
    (out / "content").mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    _copy_site(source, out)
    shutil.copyfile(source / SECTORS_FILE, out / SECTORS_FILE)
    sectors = [item["id"] for item in yaml.load((source / SECTORS_FILE).read_text("utf-8"), Loader=yaml.CSafeLoader)]
    provinces = [r for r in yaml.load((source / REGIONS_FILE).read_text("utf-8"), Loader=yaml.CSafeLoader)
                 if r["kind"] == "provinsi"]
    regions = _regions(rng, provinces)
    _write_yaml(out / REGIONS_FILE, provinces + regions,
                "# Wilayah sintetis untuk uji skala: 38 provinsi asli, kota/kabupaten rekaan berkode wajar.\n")
    records = list(_innovations(rng, innovations, regions, sectors))
    # The profile fields draw from a generator of their own: the rest of the tree stays as it was
    # before they existed, so benchmarks before and after compare the same records.
    profile_rng = random.Random(f"{seed}-profile")
    _profiles(profile_rng, out, records, regions)
    _indexes(profile_rng, out, provinces + regions)
    for region, slug, front, body in records:
        path = out / INNOVATIONS_DIR / region["slug"] / f"{slug}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"---\n{_dump(front)}---\n{body}", "utf-8")
    _awards(rng, out, provinces, regions, records)


# -- site settings -------------------------------------------------------------------------


def _copy_site(source: Path, out: Path) -> None:
    config = (source / "mkdocs.yml").read_text("utf-8")
    (out / "mkdocs.yml").write_text(config, "utf-8")
    # Pages and assets an editor keeps in content/ (index.md, stylesheets...), not the data files.
    data = {REGIONS_FILE, SECTORS_FILE}
    for path in sorted((source / "content").rglob("*")):
        rel = path.relative_to(source).as_posix()
        if path.is_file() and rel not in data and not rel.startswith((AWARDS_DIR + "/", INDEX_DIR + "/")):
            (out / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, out / rel)
    custom_dir = re.search(r"^\s+custom_dir:\s*['\"]?([^'\"\s#]+)", config, re.M)
    if custom_dir and (source / custom_dir.group(1)).is_dir():
        shutil.copytree(source / custom_dir.group(1), out / custom_dir.group(1), dirs_exist_ok=True)


# -- regions -------------------------------------------------------------------------------


def _regions(rng: random.Random, provinces: list[dict]) -> list[dict]:
    """Regencies coded NN.01.., cities NN.71..: about 600 in all, every name unique."""
    used: set[str] = set()
    regions = []
    for province in provinces:
        for kind, first, count in (("kabupaten", 1, rng.randint(5, 20)), ("kota", 71, rng.randint(1, 5))):
            for number in range(first, first + count):
                name = _place_name(rng, used)
                label = f"{'Kabupaten' if kind == 'kabupaten' else 'Kota'} {name}"
                regions.append({"code": f"{province['code']}.{number:02d}", "name": label, "kind": kind,
                                "slug": slugify(label), "province": province["name"]})
    return regions


def _place_name(rng: random.Random, used: set[str]) -> str:
    while True:
        syllables = "".join(rng.choice(_ONSETS) + rng.choice(_VOWELS) + rng.choice(_CODAS)
                            for _ in range(rng.randint(2, 3)))
        name = syllables.capitalize() + rng.choice(_PLACE_PARTS)
        if slugify(name) not in used:
            used.add(slugify(name))
            return name


# -- innovations ---------------------------------------------------------------------------


def _innovations(rng: random.Random, count: int, regions: list[dict], sectors: list[str]) -> Iterator[tuple]:
    # A few regions report many innovations and most report a few, as in the national reports.
    weights = [1.0 / (rank + 1) ** 0.6 for rank in range(len(regions))]
    order = regions[:]
    rng.shuffle(order)
    slugs: set[tuple[str, str]] = set()
    for region in rng.choices(order, weights, k=count):
        main = rng.choice(sectors)
        unit, topics = _TOPICS.get(main, _DEFAULT_TOPIC)
        topic = rng.choice(topics)
        word = rng.choice(_PROGRAM_WORDS)
        acronym = "".join(w[0] for w in f"{word} {topic}".split() if w[0].isupper())[:5]
        title = f"{acronym} {rng.randint(1, 99)}" if rng.random() < 0.4 else f"{word} {topic}"
        slug = slugify(title)
        while (region["slug"], slug) in slugs:
            slug = f"{slugify(title)}-{rng.randint(2, 9999)}"
        slugs.add((region["slug"], slug))
        place = region["name"]
        extra = rng.sample([s for s in sectors if s != main], rng.randint(0, 2))
        year = rng.randint(FIRST_YEAR, LAST_YEAR)
        site = f"https://{region['slug'].replace('-', '')}.go.id"
        front: dict[str, Any] = {
            "title": title,
            "subtitle": f"{word} {topic} {place}",
            "region": region["code"],
            "unit": f"{unit} {place}",
            "sectors": [main] + extra,
            "type": rng.choice(["digital", "non-digital"]),
            "form": rng.choice(["pelayanan-publik", "pelayanan-publik", "tata-kelola", "lainnya"]),
            "stage": rng.choice(["inisiatif", "uji-coba", "penerapan", "penerapan"]),
            "initiator": rng.choice(["kepala-daerah", "anggota-dprd", "perangkat-daerah", "asn", "masyarakat"]),
            "launched": year if rng.random() < 0.5 else f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
            "summary": f"{word} {topic.lower()} dari {unit} {place} untuk {_sentence(rng, 8, 14).lower()}",
            "links": [{"label": "Situs layanan", "url": f"{site}/layanan/{slug}"}],
            "media": [{"video": f"https://www.youtube.com/watch?v={_token(rng, 11)}", "caption": f"Video {title}"}]
            if rng.random() < 0.3 else [],
            "sources": [{
                "title": f"{title}, inovasi {place} {_sentence(rng, 3, 6).lower().rstrip('.')}",
                "publisher": rng.choice(_PUBLISHERS),
                "author": rng.choice(_AUTHORS),
                "date": f"{min(year + 1, LAST_YEAR)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                "url": f"https://berita.example.id/{year}/{region['slug']}/{slug}",
            }],
        }
        if not front["media"]:
            del front["media"]
        yield region, slug, front, _body(rng, title, place, unit, official=front["stage"] == "penerapan")


def _body(rng: random.Random, title: str, place: str, unit: str, official: bool) -> str:
    """About 300-700 words: an opening paragraph and a few sections, as editors write them; those of
    an innovation in `penerapan` are the official profile's (rancang bangun, tujuan, manfaat, hasil)."""
    parts = [f"{title} adalah inovasi {unit} {place}. {_paragraph(rng)}\n"]
    headings = rng.sample(["Latar belakang", "Cara kerja", "Hasil", "Manfaat bagi warga", "Keberlanjutan"], 3)
    for heading in _OFFICIAL_HEADINGS if official else headings:
        parts.append(f"## {heading}\n\n" + "\n\n".join(_paragraph(rng) for _ in range(rng.randint(1, 2))) + "\n")
    if rng.random() < 0.5:
        parts.append("\n".join(f"- {_sentence(rng, 4, 9)}" for _ in range(rng.randint(2, 5))) + "\n")
    return "\n".join(parts)


def _profiles(rng: random.Random, out: Path, records: list[tuple], regions: list[dict]) -> None:
    """The official profile, evidence, status and replication of each innovation (in its front matter)."""
    files = [f"bukti/dokumen-{n:02d}.pdf" for n in range(1, EVIDENCE_FILES + 1)]
    for rel in files:
        (out / "content" / rel).parent.mkdir(parents=True, exist_ok=True)
        (out / "content" / rel).write_bytes(b"%PDF-1.4\n% bukti dukung sintetis\n%%EOF\n")
    for position, (region, slug, front, _body_text) in enumerate(records):
        year = int(str(front["launched"])[:4])
        front["covid19"] = rng.random() < 0.1
        if rng.random() < 0.5:
            front["trial"] = f"{year - 1}-{rng.randint(1, 12):02d}"
        if rng.random() < 0.6:
            front["budget"] = {"amount": rng.randint(10, 2000) * 1_000_000, "source": rng.choice(["apbd", "apbd", "apbn", "lainnya"])}
        front["evidence"] = [
            {"title": f"SK penetapan {front['title']}", "kind": "sk", "date": f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
             **({"file": rng.choice(files)} if rng.random() < 0.1 else {"url": f"https://jdih.{region['slug'].replace('-', '')}.go.id/sk/{slug}"})},
        ] + [{"title": f"Laporan {front['title']} {year + n}", "kind": rng.choice(["laporan", "foto", "berita"]),
              "url": f"https://{region['slug'].replace('-', '')}.go.id/laporan/{slug}-{n}"} for n in range(rng.randint(0, 2))]
        if rng.random() < 0.7:
            confirmed = f"{rng.randint(2021, LAST_YEAR)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            if rng.random() < 0.15:
                front["status"] = {"state": "berhenti", "confirmed": confirmed, "since": min(year + 2, LAST_YEAR),
                                   "reason": rng.choice(_STOP_REASONS)}
            else:
                front["status"] = {"state": "aktif", "confirmed": confirmed}
        # Copies of earlier innovations only: the relation has no cycles. The first few hundred are
        # copied most, so some originals have more replications than their page lists.
        if position and rng.random() < 0.15:
            original_region, original_slug = records[min(int(rng.paretovariate(1.2)) - 1, position - 1)][:2]
            if original_region["code"] != region["code"]:
                front["replicates"] = {"innovation": f"{original_region['slug']}/{original_slug}"}
        elif rng.random() < 0.04:
            front["replicates"] = {"name": f"Inovasi {rng.choice(_PROGRAM_WORDS)} Daerah Lain",
                                   "region": rng.choice(regions)["code"]}


def _indexes(rng: random.Random, out: Path, regions: list[dict]) -> None:
    """Five years of the innovation index for every region; a few known only by their predicate."""
    for year in INDEX_YEARS:
        scores = []
        for region in regions:
            score = round(rng.uniform(0, 100) if rng.random() < 0.97 else 0.0, 2)
            entry: dict[str, Any] = {"region": region["code"], "predicate": predicate_of(score)}
            if rng.random() < 0.9:
                entry = {"region": region["code"], "score": score, "predicate": entry["predicate"]}
            scores.append(entry)
        _write_yaml(out / INDEX_DIR / f"{year}.yml", {"title": f"Indeks Inovasi Daerah {year}", "scores": scores})


def _paragraph(rng: random.Random) -> str:
    return " ".join(_sentence(rng, 10, 22) for _ in range(rng.randint(3, 6)))


def _sentence(rng: random.Random, low: int, high: int) -> str:
    words = [rng.choice(_WORDS) for _ in range(rng.randint(low, high))]
    words.insert(rng.randint(1, len(words) - 1), rng.choice(_VERBS))
    text = " ".join(words)
    if rng.random() < 0.4:
        text = f"{rng.choice(_OPENERS)} {text}"
    return text[0].upper() + text[1:] + "."


def _token(rng: random.Random, length: int) -> str:
    return "".join(rng.choice("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789_-") for _ in range(length))


# -- awards --------------------------------------------------------------------------------


def _awards(rng: random.Random, out: Path, provinces: list[dict], regions: list[dict], records: list[tuple]) -> None:
    """Two national programs and, as the catalog grows, provincial and city competitions."""
    by_province: dict[str, list[tuple]] = {}
    by_region: dict[str, list[tuple]] = {}
    for record in records:
        by_province.setdefault(record[0]["code"][:2], []).append(record)
        by_region.setdefault(record[0]["code"], []).append(record)
    national = [
        ("penghargaan-pemerintah-daerah-inovatif", "Penghargaan Pemerintah Daerah Inovatif", "PPDI", "regions"),
        ("kompetisi-inovasi-pelayanan-publik-nasional", "Kompetisi Inovasi Pelayanan Publik Nasional", "KIPP", "ranked"),
    ]
    for slug, name, short, style in national:
        program = {"name": name, "short_name": short, "organizer": "Kementerian Dalam Negeri", "level": "nasional",
                   "description": f"{name}: {_sentence(rng, 12, 20)}", "website": f"https://{slug}.go.id"}
        pool = records if style == "ranked" else regions
        _program(rng, out, slug, program, pool, style, winners=max(5, min(60, len(records) // 200)))
    for province in provinces[: max(1, min(len(provinces), len(records) // 400))]:
        pool = by_province.get(province["code"], [])
        if len(pool) < 3:
            continue
        name = f"Lomba Inovasi Daerah Provinsi {province['name']}"
        program = {"name": name, "organizer": f"Pemerintah Provinsi {province['name']}", "level": "provinsi",
                   "region": province["code"], "description": _sentence(rng, 12, 20)}
        _program(rng, out, slugify(name), program, pool, "ranked", winners=min(10, len(pool)))
    biggest = sorted(by_region, key=lambda code: (-len(by_region[code]), code))
    for code in biggest[: max(1, min(40, len(records) // 1000))]:
        pool = by_region[code]
        if len(pool) < 3:
            continue
        place = pool[0][0]["name"]
        name = f"Kompetisi Inovasi Perangkat Daerah {place}"
        program = {"name": name, "organizer": f"Pemerintah {place}", "level": "kabupaten-kota", "region": code,
                   "description": _sentence(rng, 12, 20)}
        _program(rng, out, slugify(name), program, pool, "units", winners=min(8, len(pool)))


def _program(rng: random.Random, out: Path, slug: str, program: dict, pool: list, style: str, winners: int) -> None:
    folder = out / AWARDS_DIR / slug
    _write_yaml(folder / "program.yml", program)
    years = [year for year in EDITION_YEARS if rng.random() < 0.8] or [LAST_YEAR]
    for year in years:
        _write_yaml(folder / f"{year}.yml", _edition(rng, program, year, pool, style, winners))


def _edition(rng: random.Random, program: dict, year: int, pool: list, style: str, count: int) -> dict:
    month = rng.randint(2, 5)
    stages = [
        {"kind": "pendaftaran", "date": f"{year}-{month:02d}-01", "end": f"{year}-{month + 1:02d}-15"},
        {"kind": "penjurian", "date": f"{year}-{month + 3:02d}-{rng.randint(1, 28):02d}", "place": "Daring"},
        {"kind": "penyerahan", "date": f"{year}-{month + 6:02d}-{rng.randint(1, 28):02d}",
         "place": "Jakarta" if program["level"] == "nasional" else f"Aula Kantor {program['organizer']}",
         "presenter": "Menteri Dalam Negeri" if program["level"] == "nasional" else "Kepala Daerah"},
    ]
    picked = rng.sample(pool, min(count, len(pool)))
    if style == "regions":
        categories: list[dict[str, object]] = [{"id": "kota", "name": "Pemerintah kota"}, {"id": "kabupaten", "name": "Pemerintah kabupaten"}]
        winners = [{"category": region["kind"], "title": rng.choice(["Sangat Inovatif", "Inovatif", "Terinovatif"]),
                    "recipients": [{"region": region["code"]}]} for region in picked]
    else:
        half = (len(picked) + 1) // 2
        categories = [
            {"id": "terbaik", "name": "Inovasi terbaik", "ranked": True, "description": _sentence(rng, 6, 10)},
            {"id": "nominasi", "name": "Nominasi"},
        ]
        winners, units = [], set()
        for index, (region, slug, front, _body_text) in enumerate(picked):
            ranked = index < half
            unit = (region["code"], front["unit"])
            # Some city awards go to a unit; a unit is awarded at most once per edition.
            if style == "units" and index % 2 and unit not in units:
                units.add(unit)
                recipient = {"region": region["code"], "unit": front["unit"]}
            else:
                recipient = {"innovation": f"{region['slug']}/{slug}"}
            winner: dict[str, Any] = {"category": "terbaik" if ranked else "nominasi",
                                      "title": f"Juara {index + 1}" if ranked else "Nominasi",
                                      "recipients": [recipient]}
            if ranked:
                winner["rank"] = index + 1
            winners.append(winner)
    return {
        "title": f"{program['name']} {year}",
        "theme": _sentence(rng, 4, 8).rstrip("."),
        "description": _paragraph(rng),
        "place": stages[-1]["place"],
        "jury": "Tim penilai independen dari perguruan tinggi dan Kemendagri",
        "stages": stages,
        "figures": [{"label": "Inovasi yang mendaftar", "value": rng.randint(len(pool), len(pool) * 3 + 10)}],
        "legal_basis": ["Peraturan Pemerintah Nomor 38 Tahun 2017 tentang Inovasi Daerah"],
        "categories": categories,
        "winners": winners,
        "sources": [{"title": f"Pemenang {program['name']} {year} diumumkan", "publisher": rng.choice(_PUBLISHERS),
                     "date": stages[-1]["date"]}],
    }


# -- writing -------------------------------------------------------------------------------


def _dump(data: Any) -> str:
    return yaml.dump(data, Dumper=DUMPER, allow_unicode=True, sort_keys=False, width=100)


def _write_yaml(path: Path, data: Any, header: str = "") -> None:
    if isinstance(data, list):  # the helper keys (slug, province) are not part of the file format
        data = [{key: item[key] for key in ("code", "name", "kind")} if "kind" in item else item for item in data]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(header + _dump(data), "utf-8")
