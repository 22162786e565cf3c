"""Readers turn a file's text into a :class:`Document` of prose blocks.

One registry maps a format name to its reader; suffixes map to formats.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import PurePath

from claimcheck.readers import markdown, text
from claimcheck.readers.document import Block, Document

Reader = Callable[[str, str], Document]

READERS: dict[str, Reader] = {
    "markdown": markdown.read,
    "text": text.read,
}

SUFFIXES: dict[str, str] = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".mdown": "markdown",
    ".txt": "text",
    ".text": "text",
}


def format_for(path: str, default: str = "markdown") -> str:
    return SUFFIXES.get(PurePath(path).suffix.lower(), default)


__all__ = ["Block", "Document", "READERS", "SUFFIXES", "format_for"]
