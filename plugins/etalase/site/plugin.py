"""The `etalase` MkDocs plugin. Handlers read top to bottom in MkDocs' event order.

The repository is checked (validate.py) and turned into page specs (pages/); each spec becomes a
virtual Markdown file that MkDocs renders with its template and the spec's context. What only
makes the build faster is the accelerator's (accel/), called at each event.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any, Optional

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from ..builddate import build_date
from ..catalog import Catalog
from ..images import catalog_pictures, site_card
from ..loader import CONTENT_DIR
from ..pages import search
from ..pages.edited import Edited, edited_pages
from ..pages.options import SiteOptions
from ..pages.search import SearchRecords
from ..pages.sections import SameAddress, page_specs
from ..pages.spec import PageSpec
from ..pages.urls import Urls
from ..problems import render, summary
from ..validate import Checked, check_repository
from . import accessibility, admin, filters, lean, localcms, search_index
from .accel import Accelerator
from .config import EtalaseConfig
from .guard import SourceNames, clean_page, drop_unpublishable, refuse_shadowed

log = logging.getLogger("mkdocs.plugins.etalase")
TEMPLATES = Path(__file__).parent / "templates"
# Scripts and pictures of the plugin, published under the same path (e.g. assets/etalase/search.js).
ASSETS = Path(__file__).parent / "assets"
# The plugin's stylesheets (assets/etalase/*.css) published as one, in the order of their names:
# one link in every page's head, one request.
STYLESHEET = "assets/etalase/etalase.css"
# The link preview picture of pages without their own (partials/meta.html), with the site's name.
SITE_CARD = "assets/etalase/kartu-situs.png"


class EtalasePlugin(BasePlugin[EtalaseConfig]):
    # Known once the configuration is (on_config).
    root: Path
    options: SiteOptions
    urls: Urls

    def __init__(self) -> None:
        self.accel = Accelerator()
        self.preview = False
        self.given: Optional[tuple[Path, Checked]] = None  # see `use_checked`
        self.checked: Optional[Checked] = None
        self.specs: dict[str, PageSpec] = {}
        self.sources = SourceNames()  # messages name the content file of a generated page
        # The local backend's address (decap-server on 127.0.0.1), from `build.py serve --cms`.
        self.local_backend: Optional[str] = None

    def use_checked(self, root: Path, checked: Checked) -> None:
        """The repository as the caller (`build.py build`) has just validated it: the first build uses it
        instead of reading every file a second time."""
        self.given = (root.resolve(), checked)

    # A live preview (`serve`) shows every valid record and prints the problems.
    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.preview = command == "serve"
        self.accel.startup(command, dirty)

    # Our templates come after the site's custom_dir (so a site can override them), before the theme's.
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.sources.install()
        self.root = Path(self.config.root or Path(config.config_file_path).parent).resolve()
        self.local_backend = os.environ.get(localcms.ENVIRONMENT) if self.preview else None
        self.options = site_options(self.config, config.site_url)
        self.urls = Urls(self.options)
        if str(TEMPLATES) not in config.theme.dirs:  # once, when a configuration is built again (tests)
            config.theme.dirs.insert(1 if config.theme.custom_dir else 0, str(TEMPLATES))
        accessibility.configure(config, TEMPLATES)
        if STYLESHEET not in config.extra_css:
            config.extra_css.append(STYLESHEET)
        self.accel.configure(config, self.config.accelerate)
        return config

    # A preview's previous catalog and specs go before the next are made, not after.
    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        self.checked, self.specs = None, {}
        self.sources.specs = {}
        self.accel.pre_build(config)

    # Content that may be published (guard.py), the catalog, checked; then a virtual Markdown file per
    # generated page, and the plugin's assets.
    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        drop_unpublishable(files, config, self.root)
        self.checked = self._check()
        self.accel.begin_files(config, self._write_index)
        self.specs = self._page_specs(self.checked, files)
        for file in self.accel.page_files(config, self.specs) + assets(config):
            files.append(file)
        admin.add_editor(files, config, admin.settings(self.config, config.site_url, self.local_backend),
                         self.checked.catalog)
        return files

    @event_priority(-100)  # after every plugin's on_nav: both processes go on with the same navigation
    def on_nav(self, nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
        self.accel.nav(config, files, nav, self.specs)
        return nav

    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        self.sources.current = page.file.src_uri  # for a failure's message (on_build_error)
        return markdown

    # Narratives and the editor's pages alike come from files that may arrive from outside the office.
    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> Optional[str]:
        return self.accel.page_content(page, clean_page(html, page, generated=page.file.src_uri in self.specs))

    def on_env(self, env: jinja2.Environment, config: MkDocsConfig, files: Files) -> jinja2.Environment:
        lean.install(env, config)
        filters.install(env, self.urls)
        search_index.install_header_search(env)
        self.accel.env(env)
        accessibility.install(env)
        return env

    # A generated page's template reads its spec's context (and the URLs), never the catalog.
    def on_page_context(self, context: dict[str, Any], /, *, page: Page,  # type: ignore[override]  # with our keys
                        config: MkDocsConfig, nav: Navigation) -> dict[str, Any]:
        self.accel.page_context(page)
        spec = self.specs.get(page.file.src_uri)
        if spec is not None:
            context.update(spec.rendered_context(), urls=self.urls, preview=self.preview)
        return context

    def on_template_context(self, context: dict[str, Any], /, *,  # type: ignore[override]  # as on_page_context
                            template_name: str, config: MkDocsConfig) -> dict[str, Any]:
        self.accel.template_context(template_name, context)
        return context

    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        self.accel.post_page(page)
        return lean.blank_lines(output)

    def on_post_template(self, output_content: str, template_name: str, config: MkDocsConfig) -> str:
        return lean.blank_lines(output_content) if template_name.endswith(".html") else output_content  # 404.html

    @event_priority(100)  # the forked writer ends before any other plugin's post_build could run twice
    def on_post_build(self, config: MkDocsConfig) -> None:
        self.accel.post_build(config, self.specs, self._write_index)

    def on_build_error(self, error: Exception) -> None:
        self.sources.failed(error, in_writer=self.accel.is_writer)
        self.accel.build_error()

    # content/ is the docs_dir, watched by MkDocs; the innovations live beside it.
    def on_serve(self, server: LiveReloadServer, config: MkDocsConfig, builder: Any) -> LiveReloadServer:
        server.watch(str(self.root / "innovations"))
        if (self.root / "collected").is_dir():  # other sites' records, refreshed by `etalase collect`
            server.watch(str(self.root / "collected"))
        self.accel.watch_saves(server, self.root, self._edited_pages, self._records,
                               lambda catalog, saved: search.placed(catalog, self.urls, saved), self._write_index)
        return server

    def on_shutdown(self) -> None:
        self.accel.shutdown()

    def _check(self) -> Checked:
        """The repository checked (by the caller for the first build); invalid records fail a build
        that publishes, and are reported and left out of a preview."""
        root, checked = self.given or (None, None)
        self.given = None
        if checked is None or root != self.root:
            checked = check_repository(self.root)
        problems = checked.problems
        report = f"{render(problems, 'text')}\n{summary(problems, checked.content.files_checked)}"
        if not checked.ok and self._strict():
            raise PluginError(f"Data tidak valid, situs tidak dibangun:\n{report}")
        if problems:
            log.info("Masalah pada data (catatan yang bermasalah tidak ditampilkan):\n%s", report)
        return checked

    def _page_specs(self, checked: Checked, files: Files) -> dict[str, PageSpec]:
        """Every generated page; none at the address of another, or of a content page in `files`."""
        try:
            specs = page_specs(checked.catalog, self.urls, self.options, catalog_pictures(self.root / CONTENT_DIR))
        except SameAddress as clash:
            raise PluginError(str(clash)) from None
        refuse_shadowed(files, specs, strict=self._strict())
        self.sources.specs = specs
        return specs

    def _edited_pages(self, edited: list[str]) -> Optional[Edited]:
        """The pages of the saved innovation files, made before the rebuild that makes all (accel/instant.py)."""
        if self.checked is None:
            return None
        made = edited_pages(self.root, self.checked, edited, self.urls, self.options,
                            catalog_pictures(self.root / CONTENT_DIR))
        if made is None or any(spec.src_uri not in self.specs for spec in made.specs):
            return None
        self.specs.update((spec.src_uri, spec) for spec in made.specs)  # what on_page_context gives their templates
        return made

    def _strict(self) -> bool:
        """Whether a problem fails the build: as the plugin's `strict` says, never in a preview (it shows what it can)."""
        return self.config.strict and not self.preview

    def _records(self, catalog: Optional[Catalog] = None) -> SearchRecords:
        """The search records of `catalog`, the checked one's if not given."""
        assert self.checked is not None
        return SearchRecords.of(search.records(catalog or self.checked.catalog, self.urls), packed=self.preview)

    def _write_index(self, records: Optional[SearchRecords] = None) -> str:
        """Write the search index of `records` (the checked catalog's if not given), unless the one in the
        site folder holds the same records; returns their digest."""
        records = self._records() if records is None else records
        if not self.accel.search_unchanged(records.digest):
            self.accel.write_search_index(records)
            log.info("Indeks pencarian: %d inovasi", records.count)
        return records.digest


def site_options(config: EtalaseConfig, site_url: Optional[str]) -> SiteOptions:
    """The plugin's options as the site model takes them, dated by MkDocs' build date (SOURCE_DATE_EPOCH)."""
    prefixes = {name: config[name] for name in config if name.endswith("_prefix")}
    return SiteOptions(today=build_date(), page_size=config.page_size, site_url=site_url, **prefixes)


def assets(config: MkDocsConfig) -> list[File]:
    """The plugin's stylesheet, scripts and pictures, and the site's link preview card."""
    files = sorted(p for p in ASSETS.rglob("*") if p.is_file())
    stylesheet = "\n".join(path.read_text("utf-8") for path in files if path.suffix == ".css")
    found = [File.generated(config, path.relative_to(ASSETS.parent).as_posix(), abs_src_path=str(path))
             for path in files if path.suffix != ".css"]
    return [*found, File.generated(config, STYLESHEET, content=stylesheet),
            File.generated(config, SITE_CARD, content=site_card(config.site_name, config.site_description or ""))]
