"""Lines that start with a list marker are blocks of their own.

Copy pasted from a page keeps its bullets as characters ("✔ Heals tendons",
"• No downtime", "– Cartilage repair", "2. Hair regrowth") on lines of one
paragraph, and HTML puts them after ``<br>``. Read as one block they would be
one sentence, reported on its first line. So a block is cut before a list
marker that follows a line break in the source (a newline or a ``<br>``):
the same marker inside a line ("cells - and more") does not cut.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from claimcheck.readers.document import Block

# A list marker between two spaces of the normalized text: a bullet or dash,
# a symbol or emoji, or an enumerator ("1.", "12)", "(a)", "b)").
_MARKER = re.compile(
    r"(?<= )(?:[*+\-\u2012-\u2015\u2022\u2023\u2043\u00b7\u25a0-\u25ff\u2190-\u21ff\u2600-\u27bf\u2b00-\u2bff"
    r"\U0001f300-\U0001faff]\ufe0f?|\d{1,3}[.)]|\(?[a-z]\))(?= )"
)
_LINE_BREAK = re.compile(r"[\n\r\u2028\u2029]|<br\b", re.IGNORECASE)


def split(blocks: Iterable[Block], source: str) -> tuple[Block, ...]:
    """``blocks`` with each cut before its list-marker lines."""
    found: list[Block] = []
    for block in blocks:
        if " " in block.text and _MARKER.search(block.text):
            found.extend(_cut(block, source))
        else:
            found.append(block)
    return tuple(found)


def _cut(block: Block, source: str) -> list[Block]:
    text = block.text
    cuts = []
    for match in _MARKER.finditer(text):
        at = match.start()  # text[at - 1] is the space standing for the gap
        gap_start = block.source_offset(at - 2) + 1 if at >= 2 else block.source_offset(at - 1)
        if _LINE_BREAK.search(source, gap_start, block.source_offset(at)):
            cuts.append(at)
    if not cuts:
        return [block]
    pieces, start = [], 0
    for at in cuts:
        if at - 1 > start:
            pieces.append(block.part(start, at - 1))
        start = at
    pieces.append(block.part(start, len(text)))
    return pieces
