"""Plain text: every paragraph (separated by blank lines) is prose."""

from __future__ import annotations

import re

from claimcheck.readers.document import MAX_BLOCK_CHARS, Block, Document
from claimcheck.readers import items
from claimcheck.readers.prose import ProseBuilder

_NEWLINE = r"(?:\r\n|\r(?!\n)|\n)"
_BLANK_LINES = re.compile(_NEWLINE + r"(?:[ \t\f\v]*" + _NEWLINE + ")+")


def read(source: str, path: str) -> Document:
    blocks: list[Block] = []
    start = 0
    for match in _BLANK_LINES.finditer(source):
        _append(blocks, source, start, match.start())
        start = match.end()
    _append(blocks, source, start, len(source))
    return Document(path, source, items.split(blocks, source))


def _append(blocks: list[Block], source: str, start: int, end: int) -> None:
    while end - start > MAX_BLOCK_CHARS:  # a huge paragraph: cut at a line break
        cut = source.rfind("\n", start, start + MAX_BLOCK_CHARS)
        cut = cut if cut > start else start + MAX_BLOCK_CHARS
        _append(blocks, source, start, cut)
        start = cut
    builder = ProseBuilder(source)
    builder.add(start, end)
    block = builder.build("paragraph")
    if block is not None:
        blocks.append(block)
