"""Every fact of the five source articles (tests/seeds/) is in the sample content's records.

The facts are read out of the article text here, not copied into the test, so a test passes only
when the records say what the articles say; names are matched case-insensitively, and spellings that differ from the official name
("Pare-Pare", "Pangkal Pinang") are resolved by the same name lookup `new` and `import` use.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from etalase.catalog import Catalog
from etalase.records import Edition, Innovation, Source
from etalase.validate import check_repository

ROOT = Path(__file__).resolve().parents[1]
SEEDS = Path(__file__).resolve().parent / "seeds"  # the five articles, as given to the project

ORDINALS = {"pertama": 1, "kedua": 2, "ketiga": 3, "keempat": 4, "kelima": 5}


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    checked = check_repository(ROOT)
    assert checked.ok, checked.problems
    return checked.catalog


def article(marker: str) -> str:
    """The one seed article containing `marker`."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt")) if marker in p.read_text(encoding="utf-8")]
    assert len(texts) == 1, f"{len(texts)} articles contain {marker!r}"
    return texts[0]


def grab(pattern: str, text: str, flags: int = 0) -> re.Match:
    match = re.search(pattern, text, flags)
    assert match, f"the article no longer matches {pattern!r}"
    return match


def names(listing: str) -> list[str]:
    """`A, B, dan C` / `A, B serta C` → [A, B, C]."""
    return [n.strip() for n in re.split(r",\s*(?:dan\s+|serta\s+)?|\s+(?:dan|serta)\s+", listing) if n.strip()]


def fold(text: str | None) -> str:
    return " ".join((text or "").split()).casefold()


def edition_titled(catalog: Catalog, title: str) -> Edition:
    found = [e for e in catalog.editions.values() if fold(e.title) == fold(title)]
    assert len(found) == 1, f"no edition titled {title!r}"
    return found[0]


def innovation_titled(catalog: Catalog, title: str) -> Innovation:
    found = [i for i in catalog.innovations.values() if fold(i.title) == fold(title)]
    assert len(found) == 1, f"{len(found)} innovations titled {title!r}"
    return found[0]


def region_name(catalog: Catalog, code: str | None) -> str:
    return catalog.regions[code].name if code else ""


def stage(edition: Edition, kind: str):
    found = [s for s in edition.stages if s.kind == kind]
    assert found, f"{edition.path} has no stage '{kind}'"
    return found[0]


def all_sources(catalog: Catalog) -> list[Source]:
    sources = [s for i in catalog.innovations.values() for s in i.sources]
    for edition in catalog.editions.values():
        sources += edition.sources + [s for w in edition.winners for s in w.sources]
    return sources


# -- 000, 001: the 2020 New Normal innovation competition -------------------------------------

NADARIAU, MEDIA_CENTER = "Nadariau.com", "Media Center Batam"


@pytest.fixture(scope="module")
def new_normal(catalog) -> Edition:
    theme = grab(r"dengan tema (.+?) yang digelar", article(NADARIAU)).group(1)
    found = [e for e in catalog.editions.values() if fold(e.theme) == fold(theme)]
    assert len(found) == 1, f"no edition with the theme {theme!r}"
    return found[0]


def test_new_normal_organizer_year_and_ceremony(catalog, new_normal):
    text = article(NADARIAU)
    organizer = grab(r"yang digelar (Kementerian Dalam Negeri)", text).group(1)
    program = catalog.programs[new_normal.program]
    assert fold(organizer) in fold(new_normal.organizer or program.organizer)
    assert program.level == "nasional"
    day, month, year = map(int, grab(r"Senin \((\d+)/(\d+)/(\d{4})\)", text).groups())
    assert new_normal.year == year
    ceremony = new_normal.ceremony
    assert ceremony is not None and ceremony.kind == "penyerahan"
    assert ceremony.date == dt.date(year, month, day)
    presenter = grab(r"oleh Menteri Dalam Negeri (.+?) Kepada", text).group(1)
    assert fold(presenter) in fold(ceremony.presenter)
    place = grab(r"seremoni penyerahan penghargaan di (\w+)", article(MEDIA_CENTER)).group(1)
    assert fold(place) in fold(ceremony.place)


def test_new_normal_figures_clusters_and_sectors(new_normal):
    text = article(NADARIAU)
    figures = {fold(f.label): f.value for f in new_normal.figures}
    videos = int(grab(r"total ([\d.]+) video", text).group(1).replace(".", ""))
    regions = int(grab(r"sebanyak (\d+) daerah", text).group(1))
    assert [v for label, v in figures.items() if "video" in label] == [videos]
    assert [v for label, v in figures.items() if "daerah" in label] == [regions]
    clusters = names(grab(r"terbagi dalam klaster (.+?)\.", text).group(1))
    assert [fold(c) for c in new_normal.clusters] == [fold(c) for c in clusters]
    assert len(clusters) == 4
    sectors = names(grab(r"sektor yang dilombakan yaitu (.+?)\.\s", text).group(1))
    assert [fold(s) for s in new_normal.contested_sectors] == [fold(s) for s in sectors]
    assert len(sectors) == 7


def test_new_normal_favourite_winners(catalog, new_normal):
    text = article(NADARIAU)
    others = grab(r"juara favorit lainnya adalah (Kota \w+) dan (Kota \w+)", text).groups()
    expected = {"Kota Batam", *others}
    winners = {region_name(catalog, r.region): w for w in new_normal.winners for r in w.recipients}
    assert set(winners) == expected
    assert all(fold(w.title) == "juara favorit" for w in winners.values())
    batam = winners["Kota Batam"]
    received_by = grab(r"Kepada Wakil Walikota Batam (.+?) di kantor", text).group(1)
    assert fold(received_by) in fold(batam.received_by)
    assert fold(grab(r"mengirimkan (\w+ video)", text).group(1)) in fold(batam.note)
    # The technical offices that made the videos, and the innovations shown in them.
    offices = grab(r"OPD\) teknis yakni (.+?), serta dibantu", text).group(1).split(", ")  # "X dan Y" is one office
    assert offices and all(fold(office) in fold(batam.note) for office in offices)
    for named in ("Wanderlink", "Pasar Mama"):
        assert named in article(MEDIA_CENTER) and fold(named) in fold(batam.note)


def test_new_normal_favourite_is_decided_by_likes(new_normal):
    assert "like" in article(NADARIAU)
    assert "like" in fold(new_normal.description) or any("like" in fold(c.description) for c in new_normal.categories)


# -- 001: Batam's innovations ------------------------------------------------------------------


@pytest.mark.parametrize("pattern", [r"penggunaan (\w+) sebagai inovasi new normal", r"Aplikasi bernama (.+?) dihadirkan"])
def test_batam_named_innovations(catalog, pattern):
    name = grab(pattern, article(MEDIA_CENTER)).group(1)
    innovation = innovation_titled(catalog, name)
    assert region_name(catalog, innovation.region) == "Kota Batam"
    assert innovation.summary and innovation.body.strip()


def test_batam_ptsp_services(catalog):
    text = article(MEDIA_CENTER)
    sites = grab(r"melalui laman (\S+) dan (\S+?)\.\s", text).groups()
    phone = grab(r"Call Center : ([\d-]+)", text).group(1)
    batam = catalog.innovations_by_region["21.71"]
    [ptsp] = [i for i in batam if all(any(site in link.url for link in i.links) for site in sites)]
    assert "PTSP" in ptsp.unit or "PTSP" in ptsp.summary
    body = fold(ptsp.body)
    for detail in (phone, "whatsapp", "zoom", "pengantaran dokumen"):
        assert fold(detail) in body, detail


def test_batam_cashless_public_transport(catalog):
    assert "non tunai atau digital payment juga dilaksanakan di sektor transportasi umum" in article(MEDIA_CENTER)
    found = [i for i in catalog.innovations_by_region["21.71"]
             if "nontunai" in fold(i.summary) and "transportasi umum" in fold(i.summary)]
    assert len(found) == 1


# -- 002: Batam's 2023 regional innovation competition -----------------------------------------


@pytest.fixture(scope="module")
def batam_2023(catalog) -> Edition:
    name = grab(r"Sosialisasi terkait (Lomba Inovasi Daerah Kota Batam Tahun \d{4})", article(SOSIALISASI)).group(1)
    return edition_titled(catalog, name)


SOSIALISASI = "Sosialisasi terkait Lomba Inovasi Daerah Kota Batam"


def test_batam_2023_categories_and_participants(catalog, batam_2023):
    text = article(SOSIALISASI)
    assert catalog.programs[batam_2023.program].region == "21.71"
    categories = names(grab(r"lima kategori, yakni (.+?)\.", text).group(1))
    assert len(categories) == 5
    assert sorted(fold(c.name) for c in batam_2023.categories) == sorted(fold(c) for c in categories)
    opd, uptd, kelurahan = map(int, grab(r"terdiri dari (\d+) OPD .*?, (\d+) UPTD dan (\d+) kelurahan", text).groups())
    figures = {fold(f.label).split()[0]: f.value for f in batam_2023.figures}
    assert figures == {"opd": opd, "uptd": uptd, "kelurahan": kelurahan}


def test_batam_2023_stages_legal_basis_and_no_winners_yet(batam_2023):
    text = article(SOSIALISASI)
    day, month = map(int, grab(r"Selasa \((\d+)/(\d+)\)", text).groups())
    sosialisasi = stage(batam_2023, "sosialisasi")
    assert sosialisasi.date == dt.date(batam_2023.year, month, day)
    assert fold(grab(r"di (Kantor Wali Kota Batam)", text).group(1)) in fold(sosialisasi.place)
    assert "Jefridin" in text and "Jefridin" in sosialisasi.presenter
    # "diseleksi masuk nominator ..., lalu tahap penjurian dan penetapan pemenang"
    assert re.search(r"diseleksi .* penjurian dan penetapan pemenang", text)
    kinds = [s.kind for s in batam_2023.stages]
    assert kinds.index("sosialisasi") < kinds.index("seleksi") < kinds.index("penjurian") < kinds.index("penetapan")
    assert "akademisi" in text and "akademisi" in fold(batam_2023.jury)
    laws = [grab(r"(Surat Edaran Sekretaris Daerah Kota Batam nomor \S+?)\.\s", text).group(1),
            grab(r"(Peraturan Pemerintah Nomor \d+ Tahun \d{4})", text).group(1),
            grab(r"(Peraturan Wali Kota Batam Nomor \d+ tahun \d{4})", text).group(1)]
    for law in laws:
        assert any(fold(law) in fold(basis) for basis in batam_2023.legal_basis), law
    assert len(batam_2023.legal_basis) == len(laws)
    assert batam_2023.winners == [] and not batam_2023.announced
    assert "Muhammad Rudi" in text and "Muhammad Rudi" in batam_2023.description


# -- 003: Kota Batu's 2020 public-service innovation competition, and East Java's Top 30 -------

SUARA = "SUARA INDONESIA"
TOP_5 = re.compile(r"\b(pertama|kedua|ketiga|keempat|kelima) (?:diraih|didapatkan) oleh (.+?) dengan judul “(.+?)\.?[\"”]"
                   r"(?: \((.+?)\))?", re.I)


@pytest.fixture(scope="module")
def batu_2020(catalog) -> Edition:
    name = grab(r"Penghargaan Top 5/Top 10 (Kompetisi Inovasi Pelayanan Publik di Lingkungan Pemerintah Kota Batu "
                r"tahun \d{4})", article(SUARA)).group(1)
    return edition_titled(catalog, name)


def test_batu_top_5_in_order(catalog, batu_2020):
    announced = sorted((ORDINALS[o.lower()], unit, title, subtitle) for o, unit, title, subtitle in TOP_5.findall(article(SUARA)))
    assert [rank for rank, *_ in announced] == [1, 2, 3, 4, 5]
    top = [c for c in batu_2020.categories if c.ranked]
    assert len(top) == 1 and "top 5" in fold(top[0].name)
    winners = sorted((w for w in batu_2020.winners if w.category == top[0].id), key=lambda w: w.rank)
    assert [w.rank for w in winners] == [rank for rank, *_ in announced]
    for winner, (_, unit, title, subtitle) in zip(winners, announced):
        [recipient] = winner.recipients
        innovation = catalog.innovations[recipient.innovation]
        assert fold(innovation.title) == fold(title)
        assert fold(unit) in fold(innovation.unit)
        if subtitle:
            assert fold(innovation.subtitle) == fold(subtitle)
        assert region_name(catalog, innovation.region) == "Kota Batu"


def test_batu_ceremony_best_support_and_sakip(catalog, batu_2020):
    text = article(SUARA)
    place = grab(r"digelar di (Hotel [\w ]+?), Rabu \((\d+)/(\d+)/(\d{4})\)", text)
    ceremony = batu_2020.ceremony
    assert fold(place.group(1)) in fold(ceremony.place)
    assert ceremony.date == dt.date(int(place.group(4)), int(place.group(3)), int(place.group(2)))
    assert "Dewanti Rumpoko" in text and "Dewanti Rumpoko" in ceremony.presenter
    name, unit = grab(r"“(Best Support [^\"”]+)[\"”] diraih oleh (.+?)\.", text).groups()
    [best] = [w for w in batu_2020.winners if fold(w.title) == fold(name)]
    assert [(r.unit, region_name(catalog, r.region)) for r in best.recipients] == [(unit, "Kota Batu")]
    total = int(grab(r"dari (\d+) OPD, sebanyak", text).group(1))
    assert [f.value for f in batu_2020.figures if "opd" in fold(f.label)] == [total]
    for count, grade in re.findall(r"(\d+) OPD (?:mendapat|mendapatkan) predikat (\w+)", text):
        assert f"{count} opd" in fold(batu_2020.description) and fold(grade) in fold(batu_2020.description)
    organizer = grab(r"Oleh karena itu, sebagai apresiasi kepada OPD Kota Batu, (Biro Organisasi Setda Provinsi Jawa Timur)",
                     text).group(1)
    assert fold(organizer) in fold(batu_2020.organizer)


def test_east_java_top_30_nomination(catalog):
    text = article(SUARA)
    match = grab(r"nominasi (Top 30) (Kompetisi Inovasi Pelayanan Publik Provinsi Jawa Timur Tahun \d{4}) yang berhasil "
                 r"diraih oleh (.+?) dengan judul “(.+?) \((.+?)\)", text)
    label, competition, unit, title, subtitle = match.groups()
    edition = edition_titled(catalog, competition)
    program = catalog.programs[edition.program]
    assert program.level == "provinsi" and region_name(catalog, program.region) == "Jawa Timur"
    [winner] = [w for w in edition.winners if fold(label) in fold(w.title)]
    [recipient] = winner.recipients
    innovation = catalog.innovations[recipient.innovation]
    assert (fold(innovation.title), fold(innovation.subtitle), fold(innovation.unit)) == \
        (fold(title), fold(subtitle), fold(unit))
    assert region_name(catalog, innovation.region) == "Kota Batu"


# -- 004: Innovative Government Award 2020 -----------------------------------------------------

KLIK = "Klikkalimantan.com"


@pytest.fixture(scope="module")
def iga_2020(catalog) -> Edition:
    name, short, year = grab(r"Anugerah (Innovative Government Award) \((\w+)\) (\d{4})", article(KLIK)).groups()
    [edition] = [e for e in catalog.editions.values()
                 if fold(catalog.programs[e.program].name) == fold(name) and e.year == int(year)]
    assert catalog.programs[edition.program].short_name == short
    return edition


def test_iga_2020_every_city_and_regency(catalog, iga_2020):
    text = article(KLIK)
    cities = names(grab(r"level pemerintah kota, penghargaan diberikan kepada Kota (.+?)\.\s", text).group(1))
    regencies = [n for part in grab(r"level kabupaten apresiasi diberikan kepada Kabupaten (.+?)\. Kemudian Kabupaten "
                                    r"(.+?)\.\(", text).groups() for n in names(part)]
    assert len(cities) == len(set(cities)) > 10 and len(regencies) == len(set(regencies)) > 10
    typed = [f"Kota {n}" for n in cities] + [f"Kabupaten {n}" for n in regencies]
    expected = {(region.kind, region.name) for region in (catalog.regions[catalog.region_names.code(n)] for n in typed)}
    assert len(expected) == len(typed)
    categories = {c.id: fold(c.name) for c in iga_2020.categories}
    given = set()
    for winner in iga_2020.winners:
        for recipient in winner.recipients:
            region = catalog.regions[recipient.region]
            assert region.kind in categories[winner.category], f"{region.name} listed under {winner.category}"
            given.add((region.kind, region.name))
    assert given == expected


def test_iga_2020_banjarmasin_sangat_inovatif(catalog, iga_2020):
    text = article(KLIK)
    title = grab(r"penghargaan sebagai (Kota Sangat Inovatif)", text).group(1)
    [banjarmasin] = [w for w in iga_2020.winners if any(region_name(catalog, r.region) == "Kota Banjarmasin"
                                                         for r in w.recipients)]
    assert fold(banjarmasin.title) == fold(title)
    mayor = grab(r"kepada Walikota Banjarmasin (.+?), yang diwakili", text).group(1)
    assert mayor in banjarmasin.received_by and "Doyo" in banjarmasin.received_by
    assert "pertama" in text and "pertama" in fold(iga_2020.description)
    handover = stage(iga_2020, "penyerahan")
    presenter = grab(r"diserahkan Sekjen Kemendagri, (.+?), kepada", text).group(1)
    assert presenter in handover.presenter
    assert "Jakarta" in handover.place
    organizer = grab(r"dari (Badan Penelitian dan Pengembangan) \(BPP\)", text).group(1)
    assert fold(organizer) in fold(iga_2020.organizer or catalog.programs[iga_2020.program].organizer)


# -- all five: the innovations named, and every article cited -----------------------------------


@pytest.mark.parametrize("name, marker, region", [
    ("Wanderlink", MEDIA_CENTER, "Kota Batam"),
    ("Pasar Mama", MEDIA_CENTER, "Kota Batam"),
    ("TV Desa", SUARA, "Kota Batu"),
    ("ADIARTA", SUARA, "Kota Batu"),
    ("AMONG ABDI PRAJA", SUARA, "Kota Batu"),
    ("PUSPAGA", SUARA, "Kota Batu"),
    ("Ada Kelas di ATV", SUARA, "Kota Batu"),
    ("PENAKK PKK", SUARA, "Kota Batu"),
])
def test_named_innovation_has_its_record_and_cites_its_article(catalog, name, marker, region):
    text = article(marker)
    assert name in text
    innovation = innovation_titled(catalog, name)
    assert region_name(catalog, innovation.region) == region
    assert any(_cites(source, text) for source in innovation.sources), innovation.sources
    assert innovation.summary.strip() and innovation.body.strip()


def _cites(source: Source, text: str) -> bool:
    """Whether `source` names this article: by its headline when it has one, else its publisher or reporter."""
    first = text.splitlines()[0].strip()
    if len(first) < 100:  # a headline, not the first paragraph
        return fold(source.title) == fold(first)
    reporter = re.search(r"Pewarta \| : (.+?) \(", text)
    return ((source.publisher is not None and fold(source.publisher) in fold(text[:200] + text[-300:]))
            or (reporter is not None and source.author == reporter.group(1)))


@pytest.mark.parametrize("marker", [NADARIAU, MEDIA_CENTER, SOSIALISASI, SUARA, KLIK])
def test_every_article_is_cited(catalog, marker):
    text = article(marker)
    sources = all_sources(catalog)
    if marker == SOSIALISASI:  # the article has no headline, publisher or reporter: cited by its subject
        subject = grab(r"Sosialisasi terkait (.+?), di", text).group(1)
        assert any(fold(subject) in fold(s.title) for s in sources)
    else:
        assert any(_cites(source, text) for source in sources)
