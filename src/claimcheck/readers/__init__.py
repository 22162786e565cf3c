"""Readers turn a file's text into a :class:`Document` of prose blocks.

One registry maps a format name to its reader module (imported on first
use, so a run that never reads a file never loads a parser); suffixes map to
formats.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import PurePath

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from claimcheck.readers.document import Document

Reader = Callable[[str, str], "Document"]

READERS: dict[str, str] = {
    "markdown": "claimcheck.readers.markdown",
    "text": "claimcheck.readers.text",
    "html": "claimcheck.readers.html",
}

SUFFIXES: dict[str, str] = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".mdown": "markdown",
    ".txt": "text",
    ".text": "text",
    # video captions (SubRip, WebVTT): text whose cue timings the text reader reads as spaces
    ".srt": "text",
    ".vtt": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
}


def reader(name: str) -> Reader:
    """The ``read(source, path)`` function of a format."""
    return importlib.import_module(READERS[name]).read


def format_for(path: str, default: str = "markdown") -> str:
    return SUFFIXES.get(PurePath(path).suffix.lower(), default)


__all__ = ["READERS", "SUFFIXES", "format_for", "reader"]
