"""Other Etalase sites' records in this catalog (a province collecting its regions' showcases).

`etalase collect` reads each site listed in content/sumber.yml: its published data/inovasi.json and
data/penghargaan.json (export.py), over http(s) or from a local folder. A source whose data is valid
is stored in collected/<id>/ (committed with the repository); an unreadable or invalid one is reported
and its previous copy kept. `build` and `validate` read only collected/, never the network, so a
build stays offline and reproducible. Collected records are read-only: they are checked like the
repository's own, attributed to their site and linked back to it; the repository's own records win
over a collected one with the same id, and an earlier source over a later one.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from http.client import HTTPMessage
from pathlib import Path
from typing import IO, Any, Optional
from urllib.parse import urljoin, urlparse

from pydantic import BaseModel, ValidationError

from .loader import Content, Loader
from .messages import explain
from .parse import locate, parse_yaml, read_text
from .problems import Problem, Severity, field_path
from .records import Edition, Innovation, Program, SiteSource
from .records.common import INNOVATION_ID, Origin

SOURCES_FILE = "content/sumber.yml"
COLLECTED_DIR = "collected"
INNOVATIONS_FILE = "inovasi.json"
AWARDS_FILE = "penghargaan.json"
TIMEOUT = 30  # seconds per request
MAX_BYTES = 64 * 1024 * 1024  # per file: a national catalog's JSON is a few tens of MB
_INNOVATION_ID = re.compile(INNOVATION_ID)
# The exported columns an innovation record is made of; the others (names, counts) are derived again here.
_INNOVATION_FIELDS = ("title", "subtitle", "unit", "sectors", "type", "form", "stage", "initiator", "launched", "summary")


class CollectError(Exception):
    """Why a source could not be read, in plain Indonesian."""


@dataclass(frozen=True)
class Sources:
    """content/sumber.yml: the valid sources, the line of each one's id, and the file's problems."""

    sources: list[SiteSource]
    lines: dict[str, int]
    problems: list[Problem]

    def problem(self, source: SiteSource, severity: Severity, field_name: str, message: str) -> Problem:
        return Problem(SOURCES_FILE, self.lines.get(source.id, 1), 1, severity, field_name, message)


def read_sources(root: Path) -> Sources:
    """The sources listed in content/sumber.yml (none without the file)."""
    if not (root / SOURCES_FILE).is_file():
        return Sources([], {}, [])
    loader = Loader(root)
    listed = loader.load_list(SOURCES_FILE, SiteSource)
    read = Sources([], _id_lines(root) if not loader.content.problems else {}, loader.content.problems)
    seen: set[str] = set()
    for source in listed:
        if not source.url.lower().startswith(("https://", "http://")):
            read.problems.append(read.problem(source, "error", "url", f"alamat sumber '{source.id}' harus diawali "
                                              "https:// (atau http://)"))
        elif source.id in seen:
            read.problems.append(read.problem(source, "error", "id", f"id sumber '{source.id}' dipakai dua kali"))
        else:
            read.sources.append(source)
        seen.add(source.id)
    return read


def _id_lines(root: Path) -> dict[str, int]:
    """The line of each source's `id:`, for the problems about that source (the file parsed without error)."""
    document = parse_yaml(read_text(root / SOURCES_FILE))
    items = document.data if isinstance(document.data, list) else []
    return {item["id"]: locate(document.tree(), (index, "id"), document.line_offset)[0]
            for index, item in enumerate(items) if isinstance(item, dict) and isinstance(item.get("id"), str)}


# -- reading a source --------------------------------------------------------------------------

def fetch(source: SiteSource, root: Path) -> dict[str, tuple[str, bytes]]:
    """The two data files of a source, from its local folder or its address: where each was read, and its bytes."""
    return {name: _fetch_one(source, root, name) for name in (INNOVATIONS_FILE, AWARDS_FILE)}


def _fetch_one(source: SiteSource, root: Path, name: str) -> tuple[str, bytes]:
    if source.folder:
        folder = (root / source.folder).resolve()
        path = folder / "data" / name if (folder / "data").is_dir() else folder / name
        if not path.is_file():
            raise CollectError(f"berkas {path} tidak ditemukan (folder sumber harus folder situs yang sudah dibangun)")
        if path.stat().st_size > MAX_BYTES:
            raise CollectError(f"{path} lebih besar dari {MAX_BYTES // 2**20} MB")
        return str(path), path.read_bytes()
    url = urljoin(source.url.rstrip("/") + "/", f"data/{name}")
    opener = urllib.request.build_opener(_HttpOnlyRedirects)
    request = urllib.request.Request(url, headers={"User-Agent": "etalase-inovasi collect"})
    try:
        with opener.open(request, timeout=TIMEOUT) as response:
            data = response.read(MAX_BYTES + 1)
    except urllib.error.HTTPError as exc:
        raise CollectError(f"{url} menjawab {exc.code} {exc.reason}") from None
    except (urllib.error.URLError, OSError, ValueError) as exc:
        reason = getattr(exc, "reason", exc)
        raise CollectError(f"{url} tidak dapat dibaca: {reason}") from None
    if len(data) > MAX_BYTES:
        raise CollectError(f"{url} lebih besar dari {MAX_BYTES // 2**20} MB")
    return url, data


class _HttpOnlyRedirects(urllib.request.HTTPRedirectHandler):
    """Follows a redirect only to another http(s) address (urllib would follow ftp:// too)."""

    def redirect_request(self, req: urllib.request.Request, fp: IO[bytes], code: int, msg: str,
                         headers: HTTPMessage, newurl: str) -> Optional[urllib.request.Request]:
        if urlparse(newurl).scheme not in ("http", "https"):
            raise urllib.error.HTTPError(newurl, code, f"pengalihan ke alamat bukan http(s): {newurl}", headers, fp)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


# -- checking a source's records ----------------------------------------------------------------

@dataclass
class Collected:
    """One source's records, checked, with every problem found in its files."""

    innovations: list[Innovation] = field(default_factory=list)
    awards: list[tuple[str, int, dict[str, Any]]] = field(default_factory=list)  # (file, line, row)
    problems: list[Problem] = field(default_factory=list)


def parse_source(source: SiteSource, files: dict[str, tuple[str, bytes]], content: Content) -> Collected:
    """Check a source's data files (by name: where they were read, their bytes) against this repository's
    reference data."""
    collected = Collected()
    origin_site = source.url
    regions = {r.code for r in content.regions}
    sectors = {s.id for s in content.sectors}
    for name, (rel, data) in files.items():
        rows = _rows(rel, data, collected.problems)
        for index, row in enumerate(rows):
            line = index + 2  # export.to_json writes one object a line, after "["
            if name == INNOVATIONS_FILE:
                innovation = _innovation(rel, line, row, source, origin_site, regions, sectors, collected.problems)
                if innovation is not None:
                    collected.innovations.append(innovation)
            elif _award_ok(rel, line, row, regions, collected.problems):
                collected.awards.append((rel, line, row))
    return collected


def _rows(rel: str, data: bytes, problems: list[Problem]) -> list[dict[str, Any]]:
    try:
        rows = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        problems.append(Problem(rel, 1, 1, "error", "", "berkas bukan teks UTF-8"))
        return []
    except json.JSONDecodeError as exc:
        problems.append(Problem(rel, exc.lineno, exc.colno, "error", "", f"bukan JSON yang sah: {exc.msg}"))
        return []
    if not isinstance(rows, list) or not all(isinstance(row, dict) for row in rows):
        problems.append(Problem(rel, 1, 1, "error", "", "harus berupa larik JSON berisi objek, seperti data/ "
                                "situs Etalase Inovasi"))
        return []
    return rows


def _innovation(rel: str, line: int, row: dict[str, Any], source: SiteSource, site: str, regions: set[str],
                sectors: set[str], problems: list[Problem]) -> Optional[Innovation]:
    where = f"[{line - 2}]"
    identifier = row.get("id")
    if not isinstance(identifier, str) or not _INNOVATION_ID.match(identifier):
        problems.append(Problem(rel, line, 1, "error", f"{where}.id", f"id inovasi '{identifier}' tidak sah; "
                                "bentuknya <folder daerah>/<nama berkas>, misalnya kota-batu/adiarta"))
        return None
    data = {key: row.get(key) for key in _INNOVATION_FIELDS if row.get(key) is not None}
    data["region"] = row.get("region_code")
    launched = data.get("launched")
    if isinstance(launched, str) and launched.isdigit():
        data["launched"] = int(launched)
    record = _validated(Innovation, data, rel, line, where, problems)
    if record is None:
        return None
    wrong = [f"region: kode wilayah '{record.region}' tidak ada di content/regions.yml"] * (record.region not in regions)
    wrong += [f"sectors: urusan '{s}' tidak ada di content/sectors.yml" for s in record.sectors if s not in sectors]
    for message in wrong:
        name, text = message.split(": ", 1)
        problems.append(Problem(rel, line, 1, "error", f"{where}.{name}", text))
    if wrong:
        return None
    page = urljoin(site.rstrip("/") + "/", row["url"]) if isinstance(row.get("url"), str) else ""
    record._id, record._path = identifier, rel
    # Only a web page of the source's is linked: its data could carry any scheme.
    record._origin = Origin(name=source.name, site=site, page=page if page.startswith(("https://", "http://")) else None)
    return record


def _award_ok(rel: str, line: int, row: dict[str, Any], regions: set[str], problems: list[Problem]) -> bool:
    where = f"[{line - 2}]"
    wrong = []
    for key in ("program", "program_name", "program_level", "edition_title", "title", "recipient_kind", "recipient_id"):
        if not isinstance(row.get(key), str) or not row[key].strip():
            wrong.append((key, "kolom wajib ini kosong atau tidak ada (situs sumber memakai versi mesin yang lama?)"))
    if not isinstance(row.get("year"), int):
        wrong.append(("year", "tahun edisi harus bilangan bulat"))
    if row.get("recipient_kind") not in ("inovasi", "unit", "daerah"):
        wrong.append(("recipient_kind", "jenis penerima harus inovasi, unit atau daerah"))
    code = row.get("region_code")
    if code is not None and code not in regions:
        wrong.append(("region_code", f"kode wilayah '{code}' tidak ada di content/regions.yml"))
    for key, message in wrong:
        problems.append(Problem(rel, line, 1, "error", f"{where}.{key}", message))
    return not wrong


def _validated(model: type[BaseModel], data: dict[str, Any], rel: str, line: int, where: str,
               problems: list[Problem]) -> Any:
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        for error in exc.errors():
            problems.append(Problem(rel, line, 1, "error", f"{where}.{field_path(error['loc'])}", explain(error, model)))
        return None


# -- into the catalog --------------------------------------------------------------------------

def add_collected(root: Path, content: Content) -> None:
    """Add every listed source's stored records (collected/) to the content, after the repository's own."""
    listed = read_sources(root)
    content.problems.extend(listed.problems)
    known = {i.id for i in content.innovations}
    awards: list[tuple[SiteSource, str, int, dict[str, Any]]] = []
    for source in listed.sources:
        folder = f"{COLLECTED_DIR}/{source.id}"
        if not (root / folder).is_dir():
            content.problems.append(listed.problem(source, "warning", "", f"sumber '{source.id}' belum dihimpun; "
                                                   "jalankan etalase collect"))
            continue
        files = {}
        for name in (INNOVATIONS_FILE, AWARDS_FILE):
            path = root / folder / name
            content.files_checked += 1
            if path.is_file():
                files[name] = (f"{folder}/{name}", path.read_bytes())
            else:
                content.problems.append(Problem(f"{folder}/{name}", 1, 1, "error", "", "berkas himpunan ini hilang; "
                                                "jalankan etalase collect lagi"))
        collected = parse_source(source, files, content)
        content.problems.extend(collected.problems)
        for innovation in collected.innovations:
            if innovation.id in known:  # the repository's own, or an earlier source's, is kept
                continue
            known.add(innovation.id)
            content.innovations.append(innovation)
        awards.extend((source, rel, line, row) for rel, line, row in collected.awards)
    _add_awards(content, awards, known)


def _add_awards(content: Content, rows: list[tuple[SiteSource, str, int, dict[str, Any]]], innovations: set[str]) -> None:
    """Collected award rows as editions, one per program and year, each winner once.

    An edition the repository holds itself is its own file's (that is the authority); a program it
    holds keeps its own description, and gains the collected editions."""
    own_editions = {(e.program, e.year) for e in content.editions}
    programs = {p.id for p in content.programs}
    editions: dict[tuple[str, int], dict[str, Any]] = {}
    for source, rel, _, row in rows:
        key = (row["program"], row["year"])
        if key in own_editions:
            continue
        edition = editions.setdefault(key, {"rel": rel, "row": row, "origins": {}, "categories": {}, "winners": {}})
        winner = (row.get("category"), row.get("rank"), row["title"], row["recipient_kind"], row["recipient_id"],
                  row.get("recipient_name"))
        if winner in edition["winners"]:  # the same award, published by another source too
            continue
        edition["winners"][winner] = row
        edition["origins"].setdefault(source.id, Origin(name=source.name, site=source.url))
        if row.get("category"):
            edition["categories"].setdefault(row["category"], row.get("category_name") or row["category"])
    for (program_id, year), edition in editions.items():
        row, rel = edition["row"], edition["rel"]
        if program_id not in programs:
            program = Program.model_validate({"name": row["program_name"], "organizer": row.get("organizer") or
                                              row["program_name"], "level": row["program_level"],
                                              "region": row.get("program_region")})
            program._id, program._path = program_id, rel
            content.programs.append(program)
            programs.add(program_id)
        data = {
            "title": row["edition_title"],
            "organizer": row.get("organizer"),
            "stages": [{"kind": "pengumuman", "date": row["ceremony_date"]}] if row.get("ceremony_date") else [],
            "categories": [{"id": c, "name": n} for c, n in edition["categories"].items()],
            "winners": [_winner(w, innovations) for w in edition["winners"].values()],
        }
        problems: list[Problem] = []
        record = _validated(Edition, data, rel, 1, f"{program_id}/{year}", problems)
        content.problems.extend(problems)
        if record is not None:
            record._program, record._year, record._path = program_id, year, rel
            record._origins = tuple(edition["origins"].values())
            content.editions.append(record)


def _winner(row: dict[str, Any], innovations: set[str]) -> dict[str, Any]:
    kind, key, name = row["recipient_kind"], row["recipient_id"], row.get("recipient_name")
    if kind == "inovasi" and key in innovations:
        recipient: dict[str, Any] = {"innovation": key}
    elif kind == "daerah":
        recipient = {"region": key}
    else:  # a unit, or an innovation not in this catalog: its region and the name as announced
        recipient = {"region": row.get("region_code"), "unit": name}
    return {"category": row.get("category"), "rank": row.get("rank"), "title": row["title"], "recipients": [recipient]}


# -- the command --------------------------------------------------------------------------------

@dataclass(frozen=True)
class Report:
    source: str
    ok: bool
    message: str


def collect(root: Path) -> tuple[list[Report], list[Problem]]:
    """Read every listed source and store the valid ones in collected/; a failing source keeps its old copy."""
    from .validate import check_repository  # the reference data every collected record is checked against

    listed = read_sources(root)
    problems = listed.problems
    if any(p.severity == "error" for p in problems):
        return [], problems
    content = check_repository(root).content
    reports = []
    for source in listed.sources:
        folder = root / COLLECTED_DIR / source.id
        kept = " Salinan sebelumnya tetap dipakai." if folder.is_dir() else ""
        try:
            files = fetch(source, root)
        except CollectError as exc:
            reports.append(Report(source.id, False, f"tidak dapat dibaca: {exc}.{kept}"))
            continue
        collected = parse_source(source, files, content)
        collected.problems += _rule_problems(root, content, collected)
        if collected.problems:
            problems.extend(collected.problems)
            reports.append(Report(source.id, False, f"datanya tidak sah ({len(collected.problems)} masalah, "
                                  f"lihat di atas).{kept}"))
            continue
        _store(folder, {name: data for name, (_, data) in files.items()})
        reports.append(Report(source.id, True, f"{len(collected.innovations)} inovasi, {len(collected.awards)} "
                              "penghargaan dihimpun"))
    return reports, problems


def _rule_problems(root: Path, content: Content, collected: Collected) -> list[Problem]:
    """The cross-record rules `validate` applies, run on a source's innovations beside this repository's own."""
    from .catalog import Catalog
    from .rules import Checker

    trial = Content(regions=content.regions, sectors=content.sectors, programs=content.programs,
                    editions=content.editions, innovations=content.innovations + collected.innovations)
    paths = {innovation.path for innovation in collected.innovations}
    checked = Checker(root, trial, Catalog(trial)).check(innovations=collected.innovations, editions=[])
    return [p for p in checked if p.path in paths and p.severity == "error"]


def _store(folder: Path, files: dict[str, bytes]) -> None:
    """Replace a source's stored copy whole: a half-written pair of files is never left behind."""
    staging = folder.with_name(f".{folder.name}-baru")
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    for name, data in files.items():
        (staging / name).write_bytes(data)
    shutil.rmtree(folder, ignore_errors=True)
    os.replace(staging, folder)
