"""Build a :class:`Block` from pieces of source text, keeping an offset map."""

from __future__ import annotations

import re
from array import array

from claimcheck.readers.document import Block

# Whitespace runs collapse to one space; URLs and e-mail addresses are masked.
_SEPARATOR = re.compile(
    r"(?:https?://|ftp://|www\.)[^\s<>()\"'`]+"
    r"|[\w.+-]+@[\w-]+\.[\w.-]+"
    r"|[\s\u00a0\u2028\u2029\ufeff]+",
    re.IGNORECASE,
)
# One character for one character, so offsets stay exact.
_FOLD = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u02bc": "'", "\u201c": '"', "\u201d": '"',
    "\u2010": "-", "\u2011": "-",
})


class ProseBuilder:
    """Accumulates normalized prose and the source offset of every character."""

    def __init__(self, source: str) -> None:
        self._source = source
        self._parts: list[str] = []
        self._offsets = array("q")
        self._space = True  # at start: drop leading separators

    def add(self, start: int, end: int) -> None:
        """Add ``source[start:end]`` as prose."""
        source = self._source
        pos = start
        for match in _SEPARATOR.finditer(source, start, end):
            if match.start() > pos:
                self._run(pos, match.start())
            self.separate()
            pos = match.end()
        if pos < end:
            self._run(pos, end)

    def add_char(self, char: str, offset: int) -> None:
        """Add one character that stands for source text at ``offset`` (an escape, an entity)."""
        if char.isspace():
            self.separate()
            return
        self._parts.append(char.translate(_FOLD))
        self._offsets.append(offset)
        self._space = False

    def separate(self) -> None:
        """Insert a word break (one space), unless there is one already."""
        if not self._space:
            self._parts.append(" ")
            self._offsets.append(self._offsets[-1] + 1)
            self._space = True

    def _run(self, start: int, end: int) -> None:
        self._parts.append(self._source[start:end].translate(_FOLD))
        self._offsets.extend(range(start, end))
        self._space = False

    def build(self, kind: str) -> Block | None:
        text = "".join(self._parts)
        offsets = self._offsets
        if text.endswith(" "):
            text = text[:-1]
            offsets = offsets[:-1]
        if not text:
            return None
        return Block(kind, text, offsets)
