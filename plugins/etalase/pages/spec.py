"""Generated pages: what each one is (URL, title, template, context) before MkDocs renders it."""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from typing import Any, Callable, TypeVar

import yaml

from ..parse.yamlfile import DUMPER
from .urls import Urls

T = TypeVar("T")


@dataclass(frozen=True)
class Derived:
    """A value of a page that code makes from other values, `make(*inputs)`, when the page is rendered.

    A rebuild makes the spec of every page, also of the many it keeps unchanged, and a preview holds
    them all: what only a rendered page needs (its JSON-LD, its narrative in the official order) is
    not made for the others. `make` is code, which every page's digest covers (the plugin's files);
    a page's own digest reads the function's name and the inputs (digest.py).
    """

    make: Callable[..., Any]
    inputs: tuple[Any, ...]

    def value(self) -> Any:
        return self.make(*self.inputs)


def made(value: Any) -> Any:
    """The value itself, or the one a Derived makes."""
    return value.value() if isinstance(value, Derived) else value


@dataclass
class PageSpec:
    url: str  # site-relative, with a trailing slash ("" for the home page)
    title: str
    template: str  # e.g. "etalase/innovation.html"; a site can override it in its custom_dir
    context: dict[str, Any] = field(default_factory=dict)  # values may be Derived
    markdown: str | Derived = ""  # rendered by MkDocs into `page.content` (the narrative of an innovation)
    description: str = ""  # the page's meta description, for search engines and link previews
    files: dict[str, bytes] = field(default_factory=dict)  # site path -> content published with the page (downloads)

    @property
    def src_uri(self) -> str:
        return Urls.src_uri(self.url)

    def rendered_context(self) -> dict[str, Any]:
        """The context its template reads: Derived values made."""
        return {key: made(value) for key, value in self.context.items()}

    def source(self) -> str:
        """The virtual Markdown file: front matter (safely dumped) and the body.

        Title and description are HTML-escaped here, once: Material prints them without escaping
        (in the header, <title> and <meta>), and they come from content files.
        """
        meta = {"title": html.escape(self.title), "template": self.template}
        if self.description:
            meta["description"] = html.escape(self.description)
        front = yaml.dump(meta, Dumper=DUMPER, allow_unicode=True, sort_keys=False)
        return "---\n" + front + "---\n\n" + made(self.markdown)


def chunks(items: list[T], size: int) -> list[list[T]]:
    """Split a listing into pages of `size` (at least one page, even when empty)."""
    return [items[i:i + size] for i in range(0, len(items), size)] or [[]]
