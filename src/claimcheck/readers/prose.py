"""Build a :class:`Block` from pieces of source text, keeping an offset map."""

from __future__ import annotations

import re

from claimcheck.readers.document import Block

# Masked: URLs, e-mail addresses, and whitespace runs that are not a single
# character (a single whitespace character maps 1:1 to one space).
_SEPARATOR = re.compile(
    r"(?:https?://|ftp://|www\.)[^\s<>()\"'`]+"
    r"|[\w.+-]+@[\w-]+\.[\w.-]+"
    r"|[\s\u00a0\u2028\u2029\ufeff]{2,}",
    re.IGNORECASE,
)
# One character for one character, so offsets stay exact.
_FOLD = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u02bc": "'", "\u201c": '"', "\u201d": '"',
    "\u2010": "-", "\u2011": "-", "\t": " ", "\n": " ", "\r": " ", "\f": " ", "\v": " ",
    "\u00a0": " ", "\u2028": " ", "\u2029": " ", "\ufeff": " ",
})


class ProseBuilder:
    """Accumulates normalized prose and run-length offsets into the source."""

    def __init__(self, source: str) -> None:
        self._source = source
        self._parts: list[str] = []
        self._runs: list[tuple[int, int]] = []
        self._length = 0
        self._next_source = -1  # source offset that would continue the last run
        self._space = True  # at start: drop leading separators

    def add(self, start: int, end: int) -> None:
        """Add ``source[start:end]`` as prose."""
        pos = start
        for match in _SEPARATOR.finditer(self._source, start, end):
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
        self._append(char.translate(_FOLD), offset)
        self._next_source = -1  # the next character does not continue this one
        self._space = False

    def separate(self) -> None:
        """Insert a word break (one space), unless there is one already."""
        if not self._space:
            self._append(" ", self._next_source if self._next_source >= 0 else self._last_source() + 1)
            self._space = True

    def _run(self, start: int, end: int) -> None:
        text = self._source[start:end].translate(_FOLD)
        if self._space and text[0] == " ":  # a single leading whitespace character
            text, start = text[1:], start + 1
            if not text:
                return
        self._append(text, start)
        self._space = text.endswith(" ")

    def _append(self, text: str, source_start: int) -> None:
        if source_start != self._next_source:
            self._runs.append((self._length, source_start))
        self._parts.append(text)
        self._length += len(text)
        self._next_source = source_start + len(text)

    def _last_source(self) -> int:
        text_start, source_start = self._runs[-1]
        return source_start + self._length - 1 - text_start

    def build(self, kind: str) -> Block | None:
        text = "".join(self._parts)
        if text.endswith(" "):
            text = text[:-1]
        if not text:
            return None
        return Block(kind, text, tuple(self._runs))
