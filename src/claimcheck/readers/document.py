"""What readers produce: a source text and its prose blocks with offset maps."""

from __future__ import annotations

from array import array
from dataclasses import dataclass


@dataclass(frozen=True)
class Block:
    """One unit of prose (a paragraph, heading, list item, table cell, field).

    ``text`` is normalized for matching: whitespace runs are one space, curly
    quotes are straight, markup and URLs are gone. ``offsets[i]`` is the source
    offset of ``text[i]``, so any span of ``text`` maps back to exact source
    characters.
    """

    kind: str
    text: str
    offsets: array

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        return self.offsets[start], self.offsets[end - 1] + 1


@dataclass(frozen=True)
class Document:
    path: str
    source: str
    blocks: tuple[Block, ...]
