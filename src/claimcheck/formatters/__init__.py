"""The one registry of output formats: name -> module whose ``render`` is a
pure function of a run's event stream (see :mod:`claimcheck.report`),
yielding the output in pieces. Modules are imported only when used."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Iterator

from claimcheck.report import Event, Run

Formatter = Callable[[Iterable[Event], Run, bool], Iterator[str]]

FORMATTERS: dict[str, str] = {
    "text": "claimcheck.formatters.text",
    "json": "claimcheck.formatters.json",
    "sarif": "claimcheck.formatters.sarif",
    "github": "claimcheck.formatters.github",
    "rdjsonl": "claimcheck.formatters.rdjsonl",
    "html": "claimcheck.formatters.html",
}


def formatter(name: str) -> Formatter:
    return importlib.import_module(FORMATTERS[name]).render


def render(name: str, events: Iterable[Event], run: Run = Run(), color: bool = False) -> str:
    """The whole output at once (for the library and tests)."""
    return "".join(formatter(name)(events, run, color))
