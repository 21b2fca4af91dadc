"""Load, index and check a repository in one call: the core's single entry point."""

from __future__ import annotations

import gc
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from .catalog import Catalog
from .collect import add_collected
from .configfile import check_config
from .loader import Content, Loader
from .parse import ParseCache
from .problems import Problem
from .rules import Checker


@dataclass
class Checked:
    content: Content
    catalog: Catalog
    problems: list[Problem]

    @property
    def ok(self) -> bool:
        return not any(problem.severity == "error" for problem in self.problems)


def check_repository(root: Path) -> Checked:
    cache = ParseCache.for_repository(root)
    with _collector_paused():
        content = Loader(root, cache).load()
        add_collected(root, content)  # other sites' records, stored by `etalase collect`
        catalog = Catalog(content)
        problems = check_config(root) + content.problems + Checker(root, content, catalog).check()
    cache.save()
    return Checked(content, catalog, sorted(problems))


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cycle collector walks every object made so far, again and again, while tens of
    thousands of long-lived records are made, more so the larger the catalog; loading leaves no
    garbage cycles to collect."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
