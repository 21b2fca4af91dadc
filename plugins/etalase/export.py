"""The catalog and the innovation index as data files for journalists and other regions: CSV, JSON, and
an Atom feed of awards.

Knows nothing of MkDocs: the caller says where each page lives. Every file is a pure function of
the catalog, so two builds of the same input give the same bytes.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import uuid
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from typing import Any, Callable, Optional

from .catalog import Award, Catalog
from .labels import label
from .records import Edition, Innovation

INNOVATION_COLUMNS = (
    "id", "title", "subtitle", "region_code", "region_name", "province_code", "province_name", "unit",
    "sectors", "sector_names", "type", "form", "stage", "initiator", "covid19", "trial", "launched", "summary", "url",
    "award_count", "budget_amount", "budget_source", "status", "status_confirmed", "status_since", "status_reason",
    "replicates_id", "replicates_name", "replicates_region_code", "replication_count", "evidence_urls",
)
AWARD_COLUMNS = (
    "program", "program_name", "program_level", "program_region", "organizer", "year", "edition_title", "category",
    "category_name", "rank", "title",
    "recipient_kind", "recipient_id", "recipient_name", "region_code", "region_name", "province_name",
    "ceremony_date", "url",
)
INDEX_COLUMNS = (
    "year", "index_title", "region_code", "region_name", "province_code", "province_name", "score", "predicate",
    "predicate_name", "note", "url",
)
FEED_FILE = "penghargaan.xml"  # the Atom feed's name among the downloads (the home page links to it)
FEED_ENTRIES = 50  # the feed is for "what is new": bounded, so it stays small however long the catalog grows
ATOM = "http://www.w3.org/2005/Atom"
_XML = "{http://www.w3.org/XML/1998/namespace}"  # ElementTree writes it as the xml: prefix
# Atom ids are URNs derived from what an award is (program, year, category, recipient), not from
# where the site is hosted, so a feed reader keeps recognising an entry if the site moves.
_ID_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_DNS, "penghargaan.etalase-inovasi")
# A spreadsheet runs a cell starting with one of these as a formula (CSV injection); content files
# can come from outside the office.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# Characters XML 1.0 cannot carry at all (YAML's "\x07" escapes can produce them).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
# The separator of list values (sectors) inside one CSV cell.
LIST_SEPARATOR = "; "


@dataclass(frozen=True)
class DataFile:
    name: str  # e.g. "inovasi.csv"
    content: bytes
    rows: int  # rows of the table, entries of the feed


def innovation_rows(catalog: Catalog, url: Callable[[Innovation], str],
                    file_url: Callable[[str], str] = lambda path: path) -> list[dict[str, Any]]:
    """One row per innovation, sorted by id; `file_url` gives the address of a file under content/ (evidence)."""
    rows = []
    for innovation in sorted(catalog.innovations.values(), key=lambda i: i.id):
        region = catalog.regions.get(innovation.region)
        province = catalog.province_of(region) if region else None
        budget, status, source = innovation.budget, innovation.status, innovation.replicates
        original = catalog.innovations.get(source.innovation) if source and source.innovation else None
        rows.append({
            "id": innovation.id,
            "title": innovation.title,
            "subtitle": innovation.subtitle,
            "region_code": innovation.region,
            "region_name": region.name if region else None,
            "province_code": innovation.region.split(".")[0],
            "province_name": (province or region).name if region else None,
            "unit": innovation.unit,
            "sectors": list(innovation.sectors),
            "sector_names": [catalog.sectors[s].label if s in catalog.sectors else s for s in innovation.sectors],
            "type": innovation.type,
            "form": innovation.form,
            "stage": innovation.stage,
            "initiator": innovation.initiator,
            "covid19": innovation.covid19,
            "trial": None if innovation.trial is None else str(innovation.trial),
            "launched": None if innovation.launched is None else str(innovation.launched),
            "summary": innovation.summary,
            "url": url(innovation),
            "award_count": len(catalog.awards_by_innovation.get(innovation.id, [])),
            "budget_amount": budget.amount if budget else None,
            "budget_source": budget.source if budget else None,
            "status": status.state if status else None,
            "status_confirmed": status.confirmed.isoformat() if status else None,
            "status_since": None if status is None or status.since is None else str(status.since),
            "status_reason": status.reason if status else None,
            "replicates_id": source.innovation if source else None,
            "replicates_name": original.title if original else (source.name if source else None),
            "replicates_region_code": original.region if original else (source.region if source else None),
            "replication_count": len(catalog.replications.get(innovation.id, [])),
            "evidence_urls": [file_url(e.file) if e.file else e.url for e in innovation.evidence],
        })
    return rows


def award_rows(catalog: Catalog, url: Callable[[Edition], str]) -> list[dict[str, Any]]:
    """One row per award recipient, newest first (the catalog's order)."""
    return [_award_row(catalog, award, url) for award in catalog.awards]


def _award_row(catalog: Catalog, award: Award, url: Callable[[Edition], str]) -> dict[str, Any]:
    edition, winner, recipient = award.edition, award.winner, award.recipient
    program = catalog.programs.get(edition.program)
    category = next((c for c in edition.categories if c.id == winner.category), None)
    code = catalog.recipient_region(recipient)
    region = catalog.regions.get(code) if code else None
    province = (catalog.province_of(region) or region) if region else None
    kind: str
    key: Optional[str]
    name: Optional[str]
    if recipient.innovation:
        innovation = catalog.innovations.get(recipient.innovation)
        kind, key, name = "inovasi", recipient.innovation, innovation.title if innovation else recipient.innovation
    elif recipient.unit:
        kind, key, name = "unit", recipient.region, recipient.unit
    else:
        kind, key, name = "daerah", recipient.region, region.name if region else recipient.region
    return {
        "program": edition.program,
        "program_name": program.name if program else None,
        "program_level": program.level if program else None,
        "program_region": program.region if program else None,
        "organizer": edition.organizer or (program.organizer if program else None),
        "year": edition.year,
        "edition_title": edition.title,
        "category": winner.category,
        "category_name": category.name if category else None,
        "rank": winner.rank,
        "title": winner.title,
        "recipient_kind": kind,
        "recipient_id": key,
        "recipient_name": name,
        "region_code": code,
        "region_name": region.name if region else None,
        "province_name": province.name if province else None,
        "ceremony_date": award.date.isoformat() if award.date else None,
        "url": url(edition),
    }


def index_rows(catalog: Catalog, url: Callable[[int], str]) -> list[dict[str, Any]]:
    """One row per region per year of the innovation index, newest year first, then by region code."""
    rows = []
    for year in sorted(catalog.indexes, reverse=True):
        index = catalog.indexes[year]
        for score in sorted(index.scores, key=lambda s: s.region):
            region = catalog.regions.get(score.region)
            province = (catalog.province_of(region) or region) if region else None
            rows.append({
                "year": year,
                "index_title": index.name,
                "region_code": score.region,
                "region_name": region.name if region else None,
                "province_code": score.region.split(".")[0],
                "province_name": province.name if province else None,
                "score": score.score,
                "predicate": score.predicate,
                "predicate_name": label("predicate", score.predicate),
                "note": score.note,
                "url": url(year),
            })
    return rows


def to_csv(columns: tuple[str, ...], rows: list[dict[str, Any]]) -> bytes:
    """A header row, then one line per row; lists joined with "; ", empty for missing values."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")  # RFC 4180 line ends, whatever the build machine
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_cell(row[column]) for column in columns])
    # UTF-8 with a byte order mark: without it Excel (the journalists' usual tool) reads the file
    # in the machine's legacy code page and garbles non-ASCII names; other readers skip the mark.
    return out.getvalue().encode("utf-8-sig")


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        value = LIST_SEPARATOR.join(value)
    text = str(value)
    # A leading apostrophe makes spreadsheets show the text instead of evaluating it (OWASP's advice).
    return "'" + text if isinstance(value, str) and text.startswith(_FORMULA_START) else text


def to_json(rows: list[dict[str, Any]]) -> bytes:
    """A JSON array, one object a line, keys sorted: the same catalog always gives the same bytes.

    Not `indent`: Python's JSON encoder falls back from C to pure Python for it.
    """
    lines = ",\n".join(json.dumps(row, ensure_ascii=False, sort_keys=True) for row in rows)
    return f"[\n{lines}\n]\n".encode() if rows else b"[]\n"


def atom_feed(
    catalog: Catalog, *, title: str, feed_url: str, home_url: str, edition_url: Callable[[Edition], str],
    base: Optional[str] = None, limit: int = FEED_ENTRIES,
) -> tuple[bytes, int]:
    """An Atom feed of the `limit` latest awards, newest first; returns the bytes and the entry count.

    `base` (xml:base) resolves relative links when the site's address is unknown. Dates are the
    ceremony's (31 December of the edition's year without one, as the catalog orders them), so the
    feed changes only when the data does.
    """
    ET.register_namespace("", ATOM)
    awards = catalog.awards[:limit]
    feed = ET.Element(f"{{{ATOM}}}feed", {_XML + "lang": "id"} | ({_XML + "base": base} if base else {}))
    _sub(feed, "id", _urn("feed"))
    # type="text", said outright: a reader shows it as text, never as markup (some treat an untyped title as HTML).
    _sub(feed, "title", title, type="text")
    _sub(feed, "updated", _timestamp(awards[0]) if awards else "1970-01-01T00:00:00Z")
    _sub(_sub(feed, "author"), "name", title)
    _sub(feed, "link", rel="self", type="application/atom+xml", href=feed_url)
    _sub(feed, "link", rel="alternate", type="text/html", href=home_url)
    for award in awards:
        row = _award_row(catalog, award, edition_url)
        entry = _sub(feed, "entry")
        _sub(entry, "id", _urn(f"{row['program']}/{row['year']}/{row['category'] or row['title']}/"
                              f"{row['recipient_kind']}/{row['recipient_id']}/{award.recipient.unit or ''}"))
        _sub(entry, "title", f"{row['title']}: {row['recipient_name']}", type="text")
        _sub(entry, "updated", _timestamp(award))
        _sub(entry, "link", rel="alternate", type="text/html", href=row["url"])
        where = f" ({row['region_name']})" if row["region_name"] and row["recipient_kind"] != "daerah" else ""
        category = f", kategori {row['category_name']}" if row["category_name"] else ""
        _sub(entry, "summary", f"{row['recipient_name']}{where} meraih {row['title']} pada {row['edition_title']}{category}.",
             type="text")
    ET.indent(feed)
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True) + b"\n", len(awards)


def data_files(
    catalog: Catalog, *, title: str, innovation_url: Callable[[Innovation], str], edition_url: Callable[[Edition], str],
    index_url: Callable[[int], str], feed_url: str, home_url: str, base: Optional[str] = None,
    file_url: Callable[[str], str] = lambda path: path,
) -> list[DataFile]:
    """Every downloadable file, in the order the data page lists them."""
    innovations = innovation_rows(catalog, innovation_url, file_url)
    awards = award_rows(catalog, edition_url)
    indexes = index_rows(catalog, index_url)
    feed, entries = atom_feed(catalog, title=title, feed_url=feed_url, home_url=home_url, edition_url=edition_url,
                              base=base)
    return [
        DataFile("inovasi.csv", to_csv(INNOVATION_COLUMNS, innovations), len(innovations)),
        DataFile("inovasi.json", to_json(innovations), len(innovations)),
        DataFile("penghargaan.csv", to_csv(AWARD_COLUMNS, awards), len(awards)),
        DataFile("penghargaan.json", to_json(awards), len(awards)),
        DataFile("indeks.csv", to_csv(INDEX_COLUMNS, indexes), len(indexes)),
        DataFile("indeks.json", to_json(indexes), len(indexes)),
        DataFile(FEED_FILE, feed, entries),
    ]


def _sub(parent: ET.Element, tag: str, text: Optional[str] = None, **attributes: str) -> ET.Element:
    # ElementTree escapes &, < and > in text and quotes in attributes; characters XML cannot hold go.
    element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", {k: _NOT_XML.sub("", v) for k, v in attributes.items()})
    if text is not None:
        element.text = _NOT_XML.sub("", text)
    return element


def _urn(key: str) -> str:
    return uuid.uuid5(_ID_NAMESPACE, key).urn


def _timestamp(award: Award) -> str:
    date = award.date or dt.date(award.edition.year, 12, 31)
    return f"{date.isoformat()}T00:00:00Z"
