"""What readers produce: a source text and its prose blocks with offset maps."""

from __future__ import annotations

import bisect
from dataclasses import dataclass


@dataclass(frozen=True)
class Block:
    """One unit of prose (a paragraph, heading, list item, table cell, field).

    ``text`` is normalized for matching: every whitespace run is one space,
    curly quotes are straight, markup and URLs are gone. ``runs`` maps it back
    to the source run-length style: ``runs[k] = (text_start, source_start)``
    starts a stretch where ``text[i]`` is ``source[source_start + i -
    text_start]``, so any span of ``text`` maps back to exact source
    characters, and memory stays small for long blocks.
    """

    kind: str
    text: str
    runs: tuple[tuple[int, int], ...]

    def source_offset(self, index: int) -> int:
        k = bisect.bisect_right(self.runs, (index, float("inf"))) - 1
        text_start, source_start = self.runs[k]
        return source_start + index - text_start

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        return self.source_offset(start), self.source_offset(end - 1) + 1


@dataclass(frozen=True)
class Document:
    path: str
    source: str
    blocks: tuple[Block, ...]
