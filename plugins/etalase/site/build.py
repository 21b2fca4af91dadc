"""Running MkDocs from the command line tool: `build` (strict) and `serve` of the repository's mkdocs.yml,
through the same setup and the same handling of failures."""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any, Callable, Optional

from mkdocs.commands.build import build
from mkdocs.commands.serve import serve
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, ConfigurationError, PluginError

from ..builddate import source_date_epoch
from ..validate import Checked
from .plugin import EtalasePlugin
from .sitedir import SiteDirError, claim


def build_site(root: Path, site_dir: Optional[Path] = None, checked: Optional[Checked] = None,
               incremental: bool = True) -> int:
    """Build the site; returns a process exit code (0 on success).

    `checked`: the repository as just validated. `incremental`: rewrite only what changed since the
    previous build into the same folder (see accel/incremental.py), else empty the folder first.
    """
    def run() -> None:
        options: dict[str, Any] = {"strict": True}
        if site_dir is not None:
            options["site_dir"] = str(site_dir.resolve())
        config = load_config(str(root / "mkdocs.yml"), **options)
        lock = claim(Path(config.site_dir), root)  # before anything is written or emptied (sitedir.py)
        try:
            plugin = config.plugins.get("etalase")
            dirty = incremental and isinstance(plugin, EtalasePlugin)
            config.plugins.on_startup(command="build", dirty=dirty)
            try:
                if isinstance(plugin, EtalasePlugin) and checked is not None:
                    plugin.use_checked(root, checked)
                build(config, dirty=dirty)
            finally:
                config.plugins.on_shutdown()
        finally:
            if lock is not None:
                os.close(lock)

    return _run(root, run)


def serve_site(root: Path, dev_addr: str) -> int:
    """Live preview: a dirty rebuild (only the pages whose output changed) after every saved change."""
    # MkDocs' serve tells the plugin the command (on_startup): it shows valid records despite problems.
    return _run(root, lambda: serve(str(root / "mkdocs.yml"), dev_addr=dev_addr, livereload=True, build_type="dirty"))


def _run(root: Path, action: Callable[[], None]) -> int:
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    os.environ.setdefault("SOURCE_DATE_EPOCH", source_date_epoch(root))
    logging.basicConfig(format="%(levelname)-7s -  %(message)s", level=logging.INFO)
    try:
        action()
    except (Abort, ConfigurationError, PluginError, SiteDirError) as exc:
        logging.getLogger("etalase").error("%s", exc)
        return 1
    except OSError as exc:  # a folder that cannot be written (read-only, full disk)
        where = f" ({exc.filename})" if exc.filename else ""
        logging.getLogger("etalase").error("Situs gagal ditulis%s: %s", where, exc.strerror or exc)
        return 1
    except Exception as exc:  # said with its page by the plugin (guard.py); no traceback
        logging.getLogger("etalase").error("Situs tidak dibangun: %s: %s", type(exc).__name__, exc)
        return 1
    return 0
