"""The browser harness: the built site served over loopback HTTP, driven by Debian's Chromium.

Loaded by `tests/conftest.py` (`pytest_plugins`), so every test file can ask for:

- `site_url`: the base URL (`http://127.0.0.1:<port>/`) of the sample site built once per run
  (the `built_site` fixture of conftest);
- `browser`: one headless Chromium per run;
- `page` (a desktop window) and `phone` (390 px wide, touch): a fresh browser context per test,
  failing the test if the page raised a JavaScript error;
- `close_reloading(page)`: closes a tab that a preview may be reloading.

The bench scripts reuse `serve` and `launch`. A missing Chromium fails the run (never skips):
a skipped browser test would hide a broken setup, in CI and locally alike.
"""

from __future__ import annotations

import contextlib
import functools
import gzip
import io
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import BinaryIO, Iterator

import pytest
from playwright.sync_api import Browser, Page, Playwright, sync_playwright
from playwright.sync_api import Error as PlaywrightError

CHROMIUM = Path("/usr/bin/chromium")  # Debian's package; Playwright's own download is not reachable
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run",
]
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


# What GitHub Pages sends compressed when the browser accepts it.
COMPRESSED = {".html", ".css", ".js", ".mjs", ".json", ".svg", ".xml", ".txt", ".csv", ".map"}


class _CompressingHandler(_QuietHandler):
    """As GitHub Pages serves a site: text files gzip-compressed, cached for ten minutes."""

    def send_head(self) -> BinaryIO | None:
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?")[0].endswith("/"):
            path = path / "index.html"
        # Anything else (a folder without its slash, a missing file, a binary file) as http.server serves it.
        if not (path.is_file() and path.suffix in COMPRESSED and "gzip" in self.headers.get("Accept-Encoding", "")):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")
        self.end_headers()
        return io.BytesIO(body)


@contextlib.contextmanager
def serve(directory: Path, compressed: bool = False) -> Iterator[str]:
    """Serve `directory` on 127.0.0.1 at a free port (gzip-compressed: as GitHub Pages); yields the base URL."""
    handler = functools.partial(_CompressingHandler if compressed else _QuietHandler, directory=str(directory))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def launch(playwright: Playwright) -> Browser:
    if not CHROMIUM.exists():
        raise FileNotFoundError(f"{CHROMIUM} not found: install Debian's chromium package (`make browser`)")
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Iterator[str]:
    with serve(built_site) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        try:
            chromium = launch(playwright)
        except FileNotFoundError as missing:
            pytest.fail(str(missing))
        yield chromium
        chromium.close()


def _page(browser: Browser, **options) -> Iterator[Page]:
    context = browser.new_context(locale="id-ID", **options)
    context.set_default_timeout(10_000)  # a missing element fails in seconds, not half a minute
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    context.close()
    if errors:
        pytest.fail("JavaScript errors on the page: " + "; ".join(errors))


def close_reloading(page: Page) -> None:
    """Close a tab that a preview's livereload may be reloading. Chromium acknowledges a close that races
    a navigation's commit without closing the tab, and `page.close()` then waits forever
    (microsoft/playwright#42366): on a blank page first, no reload is left to race."""
    for _ in range(3):
        try:
            page.goto("about:blank")
            break
        except PlaywrightError:  # interrupted by the reload it raced: the blank page comes after it
            pass
    page.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    yield from _page(browser, viewport=DESKTOP)


@pytest.fixture
def phone(browser: Browser) -> Iterator[Page]:
    yield from _page(browser, viewport=PHONE, is_mobile=True, has_touch=True, device_scale_factor=2)
