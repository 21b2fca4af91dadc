"""Rules that span records: references, uniqueness, folders, ranks and stage dates.

They run on the catalog, after every file was read on its own. Positions are found by reading the
offending file again, which only happens for the rare record that breaks a rule; a warning that many
records may get is placed from what the loader kept instead.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from functools import cache
from pathlib import Path
from typing import Annotated, Any, Optional, Sequence, TypeVar

from pydantic import BaseModel, TypeAdapter, ValidationError

from .catalog import Catalog
from .labels import label
from .loader import CONTENT_DIR, INNOVATIONS_DIR, REGIONS_FILE, SECTORS_FILE, Content
from .messages import did_you_mean
from .pages.options import SiteOptions
from .pages.urls import Urls
from .parse import ContentError, Document, locate, parse_front_matter, parse_yaml, read_text
from .paths import is_content_file
from .problems import Problem, Severity, field_path
from .records import (
    Edition,
    Evidence,
    IndexScore,
    Innovation,
    InnovationIndex,
    Media,
    Program,
    Recipient,
    Region,
    Replicates,
    Sector,
)
from .records.common import moment_key
from .records.index import predicate_of
from .records.innovation import NARRATIVE_SECTIONS
from .regionnames import closest_code

R = TypeVar("R", bound=BaseModel)


def _reserved_slugs() -> dict[str, str]:
    """The path segments generated pages use under the innovations prefix beside region slugs, each
    with an address that uses it (the listing's later pages, the status listings)."""
    urls = Urls(SiteOptions(today=dt.date.min))
    return {url.split("/")[1]: url for url in (Urls.paged(urls.innovations(), 2), urls.innovations_by_state("aktif"))}


RESERVED_SLUGS = _reserved_slugs()
MB = 1024 * 1024
IMAGE_WARN_BYTES = 1 * MB  # larger images are reported as warnings
IMAGE_MAX_BYTES = 10 * MB  # and past this, as errors
# What each official narrative section tells (IGA form), for the warning that one is missing.
_SECTION_CONTENT = {"rancang bangun": "cara kerja inovasi dan perubahan yang dibawanya",
                    "tujuan": "masalah yang hendak diatasi", "manfaat": "siapa yang terbantu dan bagaimana",
                    "hasil": "apa yang sudah dicapai, dengan angka bila ada"}
# Evidence files are published with the site: a bound keeps one scan from weighing down the site.
EVIDENCE_LIMITS = {".pdf": 5, ".jpg": 2, ".jpeg": 2, ".png": 2, ".webp": 2}  # megabytes, by extension


class Checker:
    def __init__(self, root: Path, content: Content, catalog: Catalog):
        # The catalog keeps the first of any duplicate id; the uniqueness rules need `content`.
        self.root, self.content, self.catalog = root, content, catalog
        self.problems: list[Problem] = []
        self._documents: dict[str, Document] = {}
        self._ids: Optional[list[str]] = None
        # The codes and ids of region and sector items left out for their field errors: a reference
        # to one is not "unknown" (its item's own errors say what to fix), nor to any item of a list
        # file that could not be read at all (content.unread).
        self._unlisted: dict[type, set[Any]] = {Region: set(), Sector: set()}
        for item in content.invalid:
            if item.model in self._unlisted and item.at and isinstance(item.data, dict):
                key = item.data.get("code" if item.model is Region else "id")
                if isinstance(key, str):
                    self._unlisted[item.model].add(key)

    def check(self, innovations: list[Innovation] | None = None, editions: list[Edition] | None = None) -> list[Problem]:
        """Check the reference data and the given records (by default all of them)."""
        self._check_regions()
        self._check_sectors()
        self._check_programs()
        self._check_indexes()
        checked = list(innovations if innovations is not None else self.catalog.innovations.values())
        for innovation in checked:
            self._check_innovation(innovation)
        self._check_replication_cycles(checked)
        for edition in editions if editions is not None else self.catalog.editions.values():
            self._check_edition(edition)
        for invalid in self.content.invalid:
            if isinstance(invalid.data, dict) and not invalid.at:
                self._check_invalid(invalid.path, invalid.model, invalid.data)
        return self.problems

    def _check_invalid(self, path: str, model: type, data: dict[str, Any]) -> None:
        """The references of a record left out of the catalog, checked from the parts of its data
        that are valid on their own: its field errors do not hide a dangling reference."""
        if model is Innovation:
            self._check_innovation_refs(path, path[len(INNOVATIONS_DIR) + 1:-3], _part(Innovation, data, "region"),
                                        _part(Innovation, data, "sectors") or [],
                                        _items(Media, data.get("media")), _items(Evidence, data.get("evidence")),
                                        _part(Innovation, data, "replicates"))
        elif model is Program:
            self._check_program_refs(path, _part(Program, data, "region"), _part(Program, data, "logo"))
        elif model is InnovationIndex:
            self._check_scores(path, _items(IndexScore, data.get("scores")))
        elif model is Edition:
            winners = data.get("winners")
            for index, winner in enumerate(winners if isinstance(winners, list) else []):
                recipients = winner.get("recipients") if isinstance(winner, dict) else None
                for r_index, recipient in enumerate(_items(Recipient, recipients)):
                    if recipient is not None:
                        self._check_recipient(path, ("winners", index, "recipients", r_index), recipient)

    # -- reference data --------------------------------------------------------------------

    def _check_regions(self) -> None:
        seen_codes: set[str] = set()
        seen_slugs: dict[str, str] = {}
        for index, region, raw in self._list_items(REGIONS_FILE, self.content.regions):
            at = (index,)
            code = region.code if region is not None else raw.get("code")
            if code in seen_codes:
                self._report(REGIONS_FILE, at + ("code",),
                             f"kode wilayah {code} sudah dipakai di atas; setiap kode hanya sekali")
            if isinstance(code, str):
                seen_codes.add(code)
            if region is None:
                continue
            if region.slug in seen_slugs and seen_slugs[region.slug] != region.code:
                self._report(REGIONS_FILE, at + ("name",), f"nama '{region.name}' sama dengan wilayah {seen_slugs[region.slug]}; "
                             "tambahkan 'Kota' atau 'Kabupaten' agar alamat halamannya berbeda")
            seen_slugs.setdefault(region.slug, region.code)
            if region.slug in RESERVED_SLUGS:
                self._report(REGIONS_FILE, at + ("name",), f"nama '{region.name}' menjadi alamat '{region.slug}', yang "
                             f"sudah dipakai halaman daftar inovasi ({RESERVED_SLUGS[region.slug]}); tulis nama resminya "
                             "lengkap, misalnya dengan 'Kota' atau 'Kabupaten'")
            if region.is_province != (region.kind == "provinsi"):
                expected = "provinsi" if region.is_province else "kota atau kabupaten"
                self._report(REGIONS_FILE, at + ("kind",), f"kode {region.code} adalah kode {expected}, tetapi jenisnya "
                             f"'{region.kind}'; kode provinsi dua angka (\"35\"), kota/kabupaten \"35.79\"")
            province = region.province_code
            if not region.is_province and province not in self.catalog.regions and province not in self._unlisted[Region]:
                self._report(REGIONS_FILE, at + ("code",), f"provinsi {region.province_code} untuk {region.name} belum "
                             "ada di daftar; tambahkan provinsinya")
        # A typed name must point at one region: an alias is never a second name for another.
        position_of = {region.code: index for index, region, _ in self._list_items(REGIONS_FILE, self.content.regions)
                       if region is not None}
        for region, name, other in self.catalog.region_names.clashes:
            if region.slug == other.slug:
                continue  # the same name twice: reported above
            field = "name" if name == region.name else "aliases"
            self._report(REGIONS_FILE, (position_of[region.code], field), f"nama '{name}' sudah menjadi nama wilayah "
                         f"{other.name} ({other.code}); setiap nama dan alias hanya untuk satu wilayah")

    def _check_sectors(self) -> None:
        seen: set[str] = set()
        for index, sector, raw in self._list_items(SECTORS_FILE, self.content.sectors):
            sector_id = sector.id if sector is not None else raw.get("id")
            if sector_id in seen:
                self._report(SECTORS_FILE, (index, "id"),
                             f"id urusan '{sector_id}' sudah dipakai di atas; setiap id hanya sekali")
            if isinstance(sector_id, str):
                seen.add(sector_id)

    def _list_items(self, rel: str, valid: Sequence[R]) -> list[tuple[int, Optional[R], dict[str, Any]]]:
        """(position in the file, record or None, data as written) of every item of a list file,
        the invalid ones (reported already) with their data, so that the rules count them too."""
        broken = {item.at[0]: item.data for item in self.content.invalid if item.path == rel and item.at}
        records = iter(valid)
        return [(index, None, broken[index] if isinstance(broken[index], dict) else {}) if index in broken
                else (index, next(records), {}) for index in range(len(valid) + len(broken))]

    def _check_programs(self) -> None:
        for program in self.catalog.programs.values():
            if program.region is None and program.level != "nasional":
                self._report(program.path, ("level",), f"program tingkat {program.level} perlu kolom 'region': kode "
                             "wilayah penyelenggaranya", severity="warning")
            self._check_program_refs(program.path, program.region, program.logo)

    def _check_program_refs(self, path: str, region: Optional[str], logo: Optional[str]) -> None:
        if region is not None:
            self._check_region_ref(path, ("region",), region)
        if logo:
            self._check_image(path, ("logo",), logo)

    # -- innovations -----------------------------------------------------------------------

    def _check_innovation(self, innovation: Innovation) -> None:
        self._check_innovation_refs(innovation.path, innovation.id, innovation.region, innovation.sectors,
                                    innovation.media, innovation.evidence, innovation.replicates)
        self._check_profile(innovation)

    def _check_innovation_refs(self, path: str, own_id: str, code: Optional[str], sectors: Sequence[Optional[str]],
                               media: Sequence[Optional[Media]], evidence: Sequence[Optional[Evidence]],
                               replicates: Optional[Replicates]) -> None:
        """What an innovation names outside itself; None for a part that is not valid (reported already)."""
        region = self._check_region_ref(path, ("region",), code) if code is not None else None
        folder = own_id.split("/")[0]
        if region is not None and region.slug != folder:
            self._report(path, ("region",), f"inovasi milik {region.name} harus disimpan di folder "
                         f"{INNOVATIONS_DIR}/{region.slug}/, bukan di {INNOVATIONS_DIR}/{folder}/")
        self._check_sector_refs(path, sectors)
        for index, item in enumerate(media):
            if item is not None and item.image:
                self._check_image(path, ("media", index, "image"), item.image)
        for index, document in enumerate(evidence):
            if document is not None and document.file:
                self._check_evidence_file(path, ("evidence", index, "file"), document.file)
        if replicates is not None:
            self._check_replicates(path, own_id, replicates)

    def _check_image(self, path: str, loc: tuple[Any, ...], image: str) -> None:
        file = self._content_file(path, loc, image, "gambar")
        if file is None:
            return
        # The limits the browser editor states too: a page loads its images on visitors' phones.
        size = file.stat().st_size
        if size > IMAGE_WARN_BYTES:
            too_big = size > IMAGE_MAX_BYTES
            self._report(path, loc, f"gambar {CONTENT_DIR}/{image} berukuran {size / MB:.1f} MB; "
                         + ("paling besar 10 MB, perkecil dulu" if too_big else
                            "sebaiknya paling besar 1 MB agar halaman cepat dibuka di ponsel (paling besar 10 MB)")
                         + " (misalnya lebar 1600 piksel, JPEG mutu 80)", severity="error" if too_big else "warning")

    def _check_sector_refs(self, path: str, sectors: Sequence[Optional[str]]) -> None:
        seen: set[str] = set()
        for index, sector in enumerate(sectors):
            if sector is None:
                continue
            if sector not in self.catalog.sectors and sector not in self._unlisted[Sector] \
                    and SECTORS_FILE not in self.content.unread:
                self._report(path, ("sectors", index), f"urusan '{sector}' tidak dikenal; "
                             f"{did_you_mean(sector, self.catalog.sectors)}daftar urusan ada di {SECTORS_FILE}")
            elif sector in seen:
                self._report(path, ("sectors", index), f"urusan '{sector}' ditulis dua kali", severity="warning")
            seen.add(sector)

    def _check_profile(self, innovation: Innovation) -> None:
        trial, launched = innovation.trial, innovation.launched
        if trial is not None and launched is not None:
            first, second = moment_key(trial), moment_key(launched)
            common = min(len(first), len(second))
            if first[:common] > second[:common]:
                self._report(innovation.path, ("trial",), f"waktu uji coba ({first}) sesudah waktu penerapan "
                             f"'launched' ({second}); uji coba berlangsung sebelum atau saat penerapan")
        if innovation.stage == "penerapan":
            written = innovation.narrative_sections()
            missing = [name for name in NARRATIVE_SECTIONS if name not in written]
            if missing:
                sections = ", ".join(f"'## {name.capitalize()}' ({_SECTION_CONTENT[name]})" for name in missing)
                # Reported on the closing '---', below which the headings go: many records of a large
                # catalog may lack them, and the loader knows that line without reading the file again.
                self.problems.append(Problem(
                    innovation.path, innovation.closing_line, 1, "warning", "narasi", f"inovasi tahap penerapan: "
                    f"narasinya belum punya bagian profil resmi IGA {sections}; tulis judul itu di bawah baris '---' "
                    "ini, masing-masing diikuti isinya (satu judul boleh memuat dua, misalnya '## Tujuan dan manfaat')"))

    def _content_file(self, path: str, at: tuple[Any, ...], rel: str, what: str) -> Path | None:
        """The file under content/ that a record names (media, evidence), or None once reported missing.

        One rule for both (paths.py): a link or special file is reported as such by the loader; here it
        is "not found" too."""
        if is_content_file(self.root, f"{CONTENT_DIR}/{rel}"):
            return self.root / CONTENT_DIR / rel
        self._report(path, at, f"{what} {CONTENT_DIR}/{rel} tidak ditemukan; simpan {what} di folder {CONTENT_DIR}/ "
                     "dan tulis path-nya relatif dari sana")
        return None

    def _check_evidence_file(self, path: str, at: tuple[Any, ...], rel: str) -> None:
        suffix = Path(rel).suffix.lower()
        limit = EVIDENCE_LIMITS.get(suffix)
        if limit is None:
            self._report(path, at, f"berkas bukti dukung {rel} bukan PDF atau gambar; yang diterima: "
                         f"{', '.join(EVIDENCE_LIMITS)}; dokumen lain cantumkan sebagai tautan 'url'")
            return
        file = self._content_file(path, at, rel, "berkas bukti dukung")
        if file is not None and (size := file.stat().st_size) > limit * MB:
            self._report(path, at, f"berkas bukti dukung {CONTENT_DIR}/{rel} berukuran {size / MB:.1f} MB, "
                         f"melebihi batas {limit} MB untuk berkas {suffix}; perkecil berkasnya, atau terbitkan di "
                         "tempat lain dan cantumkan tautannya di 'url'")

    def _check_replicates(self, path: str, own_id: str, source: Replicates) -> None:
        at = ("replicates",)
        if source.innovation is None:
            if source.region is not None:
                self._check_region_ref(path, at + ("region",), source.region)
            return
        if source.innovation == own_id:
            self._report(path, at + ("innovation",), f"inovasi tidak dapat mereplikasi dirinya sendiri "
                         f"('{own_id}'); tulis id inovasi asal yang ditiru")
        elif (source.innovation not in self.catalog.innovations
              and not (self.root / INNOVATIONS_DIR / f"{source.innovation}.md").is_file()):
            self._report(path, at + ("innovation",), f"inovasi asal '{source.innovation}' tidak ditemukan; "
                         f"{did_you_mean(source.innovation, self._innovation_ids())}untuk inovasi di luar katalog "
                         "tulis 'name' dan 'region' sebagai ganti 'innovation'")

    def _check_replication_cycles(self, innovations: list[Innovation]) -> None:
        """Each innovation replicates at most one other: following `replicates` from each one, every
        innovation is walked once (linear); a walk that comes back to itself is a cycle."""
        catalog = self.catalog.innovations
        checked = {innovation.id for innovation in innovations}
        state: dict[str, int] = {}  # 1: on the current walk, 2: done
        for start in innovations:
            walk: list[Innovation] = []
            current: Innovation | None = start
            while current is not None and current.id not in state:
                state[current.id] = 1
                walk.append(current)
                target = current.replicates.innovation if current.replicates else None
                current = catalog.get(target) if target and target != current.id else None
            if current is not None and state[current.id] == 1:
                cycle = walk[walk.index(current):]
                names = " → ".join(i.id for i in cycle + [current])
                for member in cycle:
                    if member.id in checked:
                        self._report(member.path, ("replicates", "innovation"), f"replikasi melingkar: {names}; "
                                     "sebuah inovasi tidak dapat meniru inovasi yang (lewat inovasi lain) menirunya")
            for member in walk:
                state[member.id] = 2

    # -- the innovation index --------------------------------------------------------------

    def _check_indexes(self) -> None:
        for index in self.catalog.indexes.values():
            self._check_scores(index.path, index.scores)

    def _check_scores(self, path: str, scores: Sequence[Optional[IndexScore]]) -> None:
        seen: dict[str, int] = {}
        for position, score in enumerate(scores):
            if score is not None:
                at = ("scores", position)
                region = self._check_region_ref(path, at + ("region",), score.region)
                if score.region in seen:
                    first = self._position(path, ("scores", seen[score.region]))[0]
                    name = region.name if region else score.region
                    self._report(path, at + ("region",), f"{name} sudah dinilai di baris {first}; setiap daerah "
                                 f"hanya sekali per tahun")
                else:
                    seen[score.region] = position
                if score.score is not None and (expected := predicate_of(score.score)) != score.predicate:
                    self._report(path, at + ("predicate",), f"nilai {score.score:.2f} berpredikat "
                                 f"'{expected}' ({label('predicate', expected)}), bukan '{score.predicate}'; "
                                 "Sangat Inovatif 60,01–100, Inovatif 35,00–60,00, Kurang Inovatif 0,01–34,99, "
                                 "Tidak Dapat Dinilai 0")

    # -- awards ----------------------------------------------------------------------------

    def _check_edition(self, edition: Edition) -> None:
        path = edition.path
        self._check_stages(edition)
        category_ids = [category.id for category in edition.categories]
        duplicates = {cid for cid, count in Counter(category_ids).items() if count > 1}
        for index, category in enumerate(edition.categories):
            if category.id in duplicates:
                self._report(path, ("categories", index, "id"), f"id kategori '{category.id}' dipakai lebih dari sekali")
        ranked = {category.id for category in edition.categories if category.ranked}
        ranks: dict[tuple[Optional[str], int], int] = {}
        recipients: dict[tuple[Any, ...], tuple[Any, ...]] = {}
        for index, winner in enumerate(edition.winners):
            at = ("winners", index)
            if edition.categories and winner.category is None:
                self._report(path, at, f"pemenang perlu kolom 'category'; kategori edisi ini: {', '.join(category_ids)}")
            elif winner.category is not None and winner.category not in category_ids:
                choices = ", ".join(category_ids) or "(belum ada kategori)"
                self._report(path, at + ("category",), f"kategori '{winner.category}' tidak ada di 'categories' edisi "
                             f"ini; {did_you_mean(winner.category, category_ids)}pilihan: {choices}")
            if winner.category in ranked:
                if winner.rank is None:
                    self._report(path, at,
                                 f"kategori '{winner.category}' berperingkat: setiap pemenang perlu 'rank' (1, 2, 3, …)")
                elif (winner.category, winner.rank) in ranks:
                    first = self._position(path, ("winners", ranks[(winner.category, winner.rank)]))[0]
                    self._report(path, at + ("rank",), f"peringkat {winner.rank} di kategori '{winner.category}' sudah "
                                 f"dipakai pemenang di baris {first}; di kategori berperingkat setiap peringkat hanya sekali")
                else:
                    ranks[(winner.category, winner.rank)] = index
            for r_index, recipient in enumerate(winner.recipients):
                self._check_recipient(path, at + ("recipients", r_index), recipient)
                # The same title for the same recipient twice is a pasted line, not a second award.
                key = (winner.category, winner.title, recipient.innovation, recipient.region, recipient.unit)
                if key in recipients:
                    first = self._position(path, recipients[key])[0]
                    self._report(path, at + ("recipients", r_index), f"penerima ini sudah tercatat dengan gelar "
                                 f"'{winner.title}' di baris {first}; hapus salah satunya", severity="warning")
                else:
                    recipients[key] = at + ("recipients", r_index)

    def _check_stages(self, edition: Edition) -> None:
        path, year = edition.path, edition.year
        ceremony = edition.ceremony
        previous = None
        for index, stage in enumerate(edition.stages):
            at = ("stages", index)
            if stage.date is None:
                if stage.end is not None:
                    self._report(path, at + ("end",), f"tahap '{stage.kind}' punya tanggal selesai ({stage.end}) tanpa "
                                 "tanggal mulai; isi juga 'date', atau hapus 'end'")
                continue
            if stage.end is not None and stage.end < stage.date:
                self._report(path, at + ("end",), f"tanggal selesai {stage.end} lebih awal dari tanggal mulai {stage.date}")
            if previous is not None and stage.date < previous[1]:
                self._report(path, at + ("date",), f"tahap '{stage.kind}' ({stage.date}) lebih awal dari tahap "
                             f"sebelumnya '{previous[0]}' ({previous[1]}); urutkan tahapan sesuai tanggalnya")
            previous = (stage.kind, stage.date)
            # The ceremony may fall early the next year (Kota Batu's 2020 awards: 17 February 2021);
            # other stages may also start the year before (registration).
            if stage is ceremony and not year <= stage.date.year <= year + 1:
                self._report(path, at + ("date",), f"edisi {year} tidak mungkin diserahkan pada {stage.date}; "
                             f"penyerahan jatuh pada tahun edisi atau tahun berikutnya ({year}–{year + 1}), "
                             "atau nama berkasnya salah")
            elif stage is not ceremony and not year - 1 <= stage.date.year <= year + 1:
                self._report(path, at + ("date",), f"tahap '{stage.kind}' ({stage.date}) terlalu jauh dari tahun edisi "
                             f"{year}; tahapan sebuah edisi berlangsung antara {year - 1} dan {year + 1}; periksa "
                             "tahunnya, atau nama berkas edisinya")

    def _check_recipient(self, path: str, at: tuple[Any, ...], recipient: Recipient) -> None:
        # An innovation whose file exists but is invalid already has its own errors; calling it "not
        # found" and suggesting another id would send the editor to the wrong file.
        if (recipient.innovation is not None and recipient.innovation not in self.catalog.innovations
                and not (self.root / INNOVATIONS_DIR / f"{recipient.innovation}.md").is_file()):
            self._report(path, at + ("innovation",), f"inovasi '{recipient.innovation}' tidak ditemukan; "
                         f"{did_you_mean(recipient.innovation, self._innovation_ids())}id inovasi adalah "
                         f"<folder daerah>/<nama berkas tanpa .md>, misalnya kota-batu/adiarta")
        if recipient.region is not None:
            self._check_region_ref(path, at + ("region",), recipient.region)

    # -- helpers ---------------------------------------------------------------------------

    def _check_region_ref(self, path: str, at: tuple[Any, ...], code: str) -> Optional[Region]:
        region = self.catalog.regions.get(code)
        if region is None and code not in self._unlisted[Region] and REGIONS_FILE not in self.content.unread:
            close = closest_code(code, self.catalog.regions)
            suggestion = f"maksud Anda '{close}' ({self.catalog.regions[close].name})? " if close else ""
            self._report(path, at, f"kode wilayah '{code}' tidak ada di {REGIONS_FILE}; {suggestion}daftar itu memuat "
                         "semua wilayah dengan kode resmi Kemendagri")
        return region

    def _innovation_ids(self) -> list[str]:
        """Every innovation file's id, for suggestions: a partial check has not loaded them all."""
        if self._ids is None:
            self._ids = sorted(f"{p.parent.name}/{p.stem}" for p in (self.root / INNOVATIONS_DIR).glob("*/*.md"))
        return self._ids

    def _report(self, path: str, at: tuple[Any, ...], message: str, severity: Severity = "error") -> None:
        line, column = self._position(path, at)
        self.problems.append(Problem(path, line, column, severity, field_path(at), message))

    def _position(self, path: str, at: tuple[Any, ...]) -> tuple[int, int]:
        if path not in self._documents:
            parse = parse_front_matter if path.endswith(".md") else parse_yaml
            try:
                self._documents[path] = parse(read_text(self.root / path))
            except (ContentError, OSError):
                return 1, 1
        document = self._documents[path]
        return locate(document.node, at, document.line_offset)


@cache
def _adapter(model: type[BaseModel], name: str) -> TypeAdapter[Any]:
    info = model.model_fields[name]
    kind = Annotated[info.annotation, *info.metadata] if info.metadata else info.annotation
    return TypeAdapter(kind)  # type: ignore[arg-type]  # a type made at run time


def _part(model: type[BaseModel], data: dict[str, Any], name: str) -> Any:
    """One field of a record that did not validate, if that field is valid on its own (else None)."""
    if data.get(name) is None:
        return None
    try:
        return _adapter(model, name).validate_python(data[name])
    except ValidationError:
        return None


def _items(model: type[R], raw: Any) -> list[Optional[R]]:
    """The items of a list field as written, each validated on its own (None where invalid), in place."""
    items: list[Optional[R]] = []
    for item in raw if isinstance(raw, list) else []:
        try:
            items.append(model.model_validate(item))
        except ValidationError:
            items.append(None)
    return items
