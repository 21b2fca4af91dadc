"""schema.org data (JSON-LD) of innovation, program and edition pages, for search engines.

Built here as plain dicts; partials/meta.html prints them with Jinja's `tojson`, which writes `<`, `>`,
`&` and `'` as \\u003c and the like, so no text of a content file can close the script element.
Addresses are absolute (SITE_URL) or left out: a relative one would be read against the page's address.
"""

from __future__ import annotations

import html
from typing import Any, Iterable, Optional

import markdown as md
import nh3

from ..catalog import Award
from ..records import Edition, Innovation, Program, Region
from .urls import Urls

Data = dict[str, Any]
CONTEXT = "https://schema.org"


def _clean(data: Data) -> Data:
    return {key: value for key, value in data.items() if value not in (None, "", [], {})}


def _url(urls: Urls, url: str) -> Optional[str]:
    return urls.absolute(url) if urls.site_url else None


def _plain(text: Optional[str]) -> Optional[str]:
    """A Markdown description as plain text: search engines read text, not Markdown or HTML."""
    return " ".join(html.unescape(nh3.clean(md.markdown(text), tags=set())).split()) if text else None


def area(region: Optional[Region], province: Optional[Region]) -> Optional[Data]:
    if region is None:
        return None
    return _clean({"@type": "AdministrativeArea", "name": region.name, "identifier": region.code,
                   "containedInPlace": area(province, None) or {"@type": "Country", "name": "Indonesia"}})


def award_text(award: Award) -> str:
    """`Top 5, peringkat pertama — Kompetisi … 2020`: what was won, in which edition."""
    return f"{award.winner.title} — {award.edition.title}"


def innovation(innovation: Innovation, region: Optional[Region], province: Optional[Region], sectors: Iterable[str],
               awards: Iterable[Award], images: Iterable[str], urls: Urls) -> Data:
    """A regional government's innovation as a GovernmentService: the schema.org type with both
    `areaServed` (its region) and `award` (what it won), run by its unit of that government."""
    government = ({"@type": "GovernmentOrganization", "name": f"Pemerintah {region.name}"} if region else None)
    return _clean({
        "@context": CONTEXT,
        "@type": "GovernmentService",
        "name": innovation.title,
        "alternateName": innovation.subtitle,
        "description": innovation.summary,
        "url": _url(urls, urls.innovation(innovation)),
        "image": [absolute for image in images if (absolute := _url(urls, image))],
        "serviceType": list(sectors),
        "areaServed": area(region, province),
        "provider": _clean({"@type": "GovernmentOrganization", "name": innovation.unit, "parentOrganization": government})
        if innovation.unit else government,
        "award": [award_text(award) for award in awards],
    })


def organization(name: Optional[str]) -> Optional[Data]:
    return {"@type": "Organization", "name": name} if name else None


def program(program: Program, editions: Iterable[Edition], urls: Urls) -> Data:
    """An award program as an EventSeries of its editions."""
    return _clean({
        "@context": CONTEXT,
        "@type": "EventSeries",
        "name": program.name,
        "alternateName": program.short_name,
        "description": _plain(program.description),
        "url": _url(urls, urls.program(program)),
        "sameAs": program.website,
        "organizer": organization(program.organizer),
        "subEvent": [_clean({"@type": "Event", "name": e.title, "url": _url(urls, urls.edition(e))}) for e in editions],
    })


def edition(edition: Edition, program: Program, organizer: Optional[str], urls: Urls) -> Data:
    """An edition as an Event: from its first dated stage to its ceremony (Google's Event rules
    want a start date and a place; a source without them leaves them out, never guessed)."""
    dates = sorted(d for stage in edition.stages for d in (stage.date, stage.end) if d)
    ceremony = edition.ceremony
    place = (ceremony.place if ceremony and ceremony.place else None) or edition.place
    return _clean({
        "@context": CONTEXT,
        "@type": "Event",
        "name": edition.title,
        "description": _plain(edition.description) or edition.theme,
        "url": _url(urls, urls.edition(edition)),
        "sameAs": edition.website,
        "startDate": dates[0].isoformat() if dates else None,
        "endDate": dates[-1].isoformat() if dates else None,
        "location": {"@type": "Place", "name": place, "address": place} if place else None,
        "organizer": organization(organizer),
        "superEvent": _clean({"@type": "EventSeries", "name": program.name, "url": _url(urls, urls.program(program))}),
    })
