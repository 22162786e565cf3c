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
    # Suppression comments are not prose: each ends the paragraph before it
    # (else "# claimcheck-disable-next-line ..." and the sentence after it
    # would be read, and scored, as one sentence).
    comments = iter(_comments(source) + [(len(source) + 1, len(source) + 1)])
    comment = next(comments)
    start = 0
    for match in _BLANK_LINES.finditer(source):
        comment = _paragraph(blocks, source, start, match.start(), comment, comments)
        start = match.end()
    _paragraph(blocks, source, start, len(source), comment, comments)
    return Document(path, source, items.split(blocks, source))


def _comments(source: str) -> list[tuple[int, int]]:
    if "claimcheck-" not in source:
        return []
    from claimcheck.suppress import directives

    return [(d.start, d.end) for d in directives(source, markdown=False)]


def _paragraph(blocks: list[Block], source: str, start: int, end: int, comment, comments):
    """The paragraph ``[start, end)`` less the comments in it; ``comment`` is
    the first comment not yet passed, ``comments`` the ones after it (in
    order: one walk over both for the whole file). Returns the first comment
    not passed."""
    first, last = comment
    while first < end:
        if last > start:
            _append(blocks, source, start, max(start, first))
            start = min(end, last)
        if last > end:
            return comment  # runs on into the next paragraph
        comment = next(comments)
        first, last = comment
    _append(blocks, source, start, end)
    return comment


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
