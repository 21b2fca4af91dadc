"""Load, index and check a repository in one call: the core's single entry point."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .catalog import Catalog
from .loader import Content, Loader
from .parsecache import ParseCache
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
    content = Loader(root, cache).load()
    cache.save()
    catalog = Catalog(content)
    problems = content.problems + Checker(root, content, catalog).check()
    return Checked(content, catalog, sorted(problems))
