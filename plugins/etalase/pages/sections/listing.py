"""Paginated listings shared by the catalog sections: pages of entries and a pager of bounded size."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Iterator, Optional, Sequence, TypeVar

from ..spec import PageSpec, chunks
from ..urls import Urls

# Pages shown on each side of the current one; the pager links the first and last page too, so it
# stays a dozen links long whether the listing has 2 pages or 900.
PAGER_WINDOW = 2
T = TypeVar("T")


@dataclass(frozen=True)
class PagerLink:
    label: str
    url: Optional[str]  # None for the "…" between distant pages
    current: bool = False


@dataclass(frozen=True)
class Pager:
    number: int
    count: int
    first: int  # position (1-based) of the page's first entry in the whole listing
    total: int
    previous: Optional[str]
    next: Optional[str]
    links: list[PagerLink]


def paginate(base: str, items: Sequence[T], size: int) -> Iterator[tuple[str, list[T], Pager]]:
    """Yield (url, entries, pager) for each page of a listing."""
    pages = chunks(list(items), size)
    count = len(pages)
    for number, entries in enumerate(pages, start=1):
        shown = sorted({1, count, *range(max(1, number - PAGER_WINDOW), min(count, number + PAGER_WINDOW) + 1)})
        links: list[PagerLink] = []
        for previous, page in zip([0, *shown], shown, strict=False):
            if page - previous > 1:
                links.append(PagerLink("…", None))
            links.append(PagerLink(str(page), Urls.paged(base, page), page == number))
        yield Urls.paged(base, number), entries, Pager(
            number=number,
            count=count,
            first=(number - 1) * size + 1,
            total=len(items),
            previous=Urls.paged(base, number - 1) if number > 1 else None,
            next=Urls.paged(base, number + 1) if number < count else None,
            links=links,
        )


def listing_pages(base: str, items: Sequence[T], size: int, title: str, template: str, context: dict[str, Any],
                  description: str, extra: Optional[Callable[[list[T]], dict[str, Any]]] = None) -> Iterator[PageSpec]:
    """The pages of one listing; each gets `items` (its entries), `pager` and `extra(entries)` besides `context`."""
    for url, entries, pager in paginate(base, items, size):
        yield PageSpec(
            url=url,
            title=title if pager.number == 1 else f"{title}, halaman {pager.number}",
            template=template,
            context={**context, "items": entries, "pager": pager, **(extra(entries) if extra else {})},
            description=description,
        )
