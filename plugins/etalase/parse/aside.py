"""The parse in a second process: on a first run (nothing cached yet) parsing is most of `validate`."""

from __future__ import annotations

from contextlib import contextmanager, nullcontext
from typing import Callable, ContextManager, Iterator, Optional, Sequence

from ..processes import can_fork, compute_aside, result
from .cache import ParseCache
from .yamlfile import parse_yaml

# Below this many texts to parse, starting a second process costs more than it saves.
ASIDE_MIN = 400
# The second process takes the later 60 % of what is to be parsed: meanwhile the first one reads
# the awards and parses and validates the earlier 40 %, then validates the rest.
ASIDE_SHARE = 0.6


def parse_aside(texts: Sequence[Optional[str]], cache: ParseCache) -> ContextManager[Callable[[int], None]]:
    """Parse YAML `texts` the cache does not know yet in a second process, where that helps (parsing
    is most of a first `validate`); gives `ready(index)`, to call before using texts[index].

    Only the cache is filled: the caller still goes through every file in order, finds what was
    parsed aside and parses the rest itself (texts with an error or a value JSON cannot keep), so
    problems, positions and order are exactly those of a run without this step.
    """
    missing = [index for index, text in enumerate(texts) if text is not None and not cache.knows(text)]
    if len(missing) < ASIDE_MIN or not can_fork():
        return nullcontext(lambda index: None)
    first = missing[int(len(missing) * (1 - ASIDE_SHARE))]
    # Only the second process's texts are kept past this point (the YAML of a national catalog is tens of megabytes).
    return _parsing_aside([text for index in missing if index >= first and (text := texts[index]) is not None],
                          first, cache)


@contextmanager
def _parsing_aside(theirs: list[str], first: int, cache: ParseCache) -> Iterator[Callable[[int], None]]:
    child = compute_aside(lambda: _parsed(theirs))
    joined = child is None  # no fork today (too many processes): the caller parses everything

    def ready(index: int) -> None:
        nonlocal joined
        if index >= first and not joined:
            joined = True
            assert child is not None
            entries = result(child)
            if entries is not None:  # else the caller parses whatever is still missing
                cache.add(entries)

    try:
        yield ready
    finally:
        if not joined and child is not None:
            child.wait()  # leave no process behind


def _parsed(texts: list[str]) -> dict[str, str]:
    """In the second process: the cache entries of `texts`."""
    cache = ParseCache(None)
    for text in texts:
        try:
            parse_yaml(text, cache=cache)
        except Exception:  # reported (or raised) by the caller's own pass over the file
            continue
    return cache.used
