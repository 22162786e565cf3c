"""Build a :class:`Block` from pieces of source text, keeping an offset map.

Pieces are recorded as they come (source ranges, single characters standing
for markup, word breaks) and normalized once per block: one ``translate``
(curly quotes to straight, each whitespace character to a space: both 1:1),
invisible characters inside words dropped, and one regex pass that
collapses whitespace runs and masks URLs and e-mail addresses.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from claimcheck.readers.document import INVISIBLE, LIGATURES, Block, runs_after, slice_runs, source_offset

_SEPARATOR = re.compile(
    r"(?:https?://|ftp://|www\.)[^\s<>()\"'`]+"
    r"|[\w.+-]+@[\w-]+\.[\w.-]+"
    r"| {2,}",
    re.IGNORECASE,
)
_SPACES = re.compile(r" {2,}")
# No word is this long; a longer run without spaces ("!!!!...", "[[[[...",
# a pasted blob) gets a word break every LONG_RUN characters, because spaCy's
# tokenizer strips affixes one at a time with a search over the rest of the
# run: quadratic in its length (20 KB of "!" took over a minute).
LONG_RUN = 64
_LONG = re.compile(r"[^ ]{%d,}" % (LONG_RUN + 1))
# One character for one character, so offsets stay exact.
_FOLD = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u02bc": "'", "\u201c": '"', "\u201d": '"',
    "\u2010": "-", "\u2011": "-", "\t": " ", "\n": " ", "\r": " ", "\f": " ", "\v": " ",
    "\u00a0": " ", "\u2028": " ", "\u2029": " ", "\ufeff": " ",
})
_BREAK = None
# (readers.document.INVISIBLE: dropped from a block's text, no word break,
# the offset map skipping them)
_INVISIBLE = re.compile("[" + INVISIBLE + "]+")
_LIGATURE = re.compile("[" + "".join(LIGATURES) + "]")


class ProseBuilder:
    """Accumulates prose pieces of one block; :meth:`build` normalizes them."""

    def __init__(self, source: str) -> None:
        self._source = source
        self._pieces: list = []
        self._wide: list[tuple[int, int]] = []

    def add(self, start: int, end: int) -> None:
        """Add ``source[start:end]`` as prose."""
        if end > start:
            self._pieces.append((start, end))

    def add_char(self, char: str, offset: int, length: int = 1) -> None:
        """Add one character that stands for ``length`` characters of source
        text at ``offset`` (an escape, an entity)."""
        self._pieces.append((char, offset))
        if length > 1:
            self._wide.append((offset, length))

    def separate(self) -> None:
        """Insert a word break."""
        self._pieces.append(_BREAK)

    def build(self, kind: str) -> Block | None:
        raw, runs = self._join()
        if not raw:
            return None
        text = raw.translate(_FOLD)
        if not text.isascii():
            if _INVISIBLE.search(text):
                text, runs = _replace(text, runs, ((m.start(), m.end()) for m in _INVISIBLE.finditer(text)), "")
            if _LIGATURE.search(text):
                spans = [(m.start(), m.end()) for m in _LIGATURE.finditer(text)]
                text, runs = _replace(text, runs, spans, [LIGATURES[text[a]] for a, _ in spans])
        pattern = _SEPARATOR if ("@" in text or "//" in text or "ww." in text) else _SPACES
        if pattern.search(text):
            text, runs = _collapse(text, runs, pattern)
        kept = text.strip(" ")
        if not kept:
            return None
        if len(kept) < len(text):
            start = len(text) - len(text.lstrip(" "))
            text, runs = _cut(text, runs, start, start + len(kept))
        if len(text) > LONG_RUN and _LONG.search(text):
            text, runs = _break_long_runs(text, runs)
        return Block(kind, text, tuple(runs), tuple(sorted(set(self._wide))) if self._wide else ())

    def _join(self) -> tuple[str, list[tuple[int, int]]]:
        source = self._source
        if len(self._pieces) == 1 and self._pieces[0] is not _BREAK and not isinstance(self._pieces[0][0], str):
            start, end = self._pieces[0]  # one stretch of source, as most of a text file's blocks are
            return source[start:end], [(0, start)]
        parts: list[str] = []
        runs: list[tuple[int, int]] = []
        length = 0
        following = -1  # source offset that continues the current run
        for piece in self._pieces:
            if piece is _BREAK:
                text, at = " ", (following if following >= 0 else 0)
                following = -1
            elif isinstance(piece[0], str):
                text, at = piece
                following = -1
            else:
                text, at = source[piece[0]:piece[1]], piece[0]
            if at != following:
                runs.append((length, at))
            parts.append(text)
            length += len(text)
            following = at + len(text) if piece is not _BREAK and not isinstance(piece[0], str) else -1
        return "".join(parts), runs


def mapped(block: Block, source: str, starts: Sequence[int], ends: Sequence[int]) -> Block | None:
    """``block``, read from a text decoded out of ``source`` (an attribute's
    value whose character ``k`` stands for ``source[starts[k]:ends[k]]``),
    as a block of ``source``: each character tied to the source it came from."""
    builder = ProseBuilder(source)
    wide = dict(block.wide)
    last = len(starts) - 1
    for index, char in enumerate(block.text):
        at = min(block.source_offset(index), last)
        first, end = starts[at], ends[min(at + wide.get(at, 1) - 1, last)]
        if end - first == 1 and source[first].translate(_FOLD) == char:
            builder.add(first, end)  # consecutive ones join one run
        else:
            builder.add_char(char, first, end - first)
    return builder.build(block.kind)


def _collapse(text: str, runs: list[tuple[int, int]], pattern) -> tuple[str, list[tuple[int, int]]]:
    """Replace each match of ``pattern`` by one space, keeping the map exact."""
    return _replace(text, runs, ((m.start(), m.end()) for m in pattern.finditer(text)))


def _break_long_runs(text: str, runs: list[tuple[int, int]]) -> tuple[str, list[tuple[int, int]]]:
    """Insert a space (standing for no source character) every ``LONG_RUN``
    characters of each run without spaces."""
    cuts = (at for match in _LONG.finditer(text) for at in range(match.start() + LONG_RUN, match.end(), LONG_RUN))
    return _replace(text, runs, ((at, at) for at in cuts))


def _replace(text: str, runs: list[tuple[int, int]], spans, by: str | list[str] = " ") -> tuple[str, list[tuple[int, int]]]:
    """Replace each ``[start, end)`` of ``spans`` (in order, not overlapping;
    empty to insert) by ``by`` (one space, or nothing; or a list, one
    replacement for each span), keeping the map exact: each character put in
    maps to the source of the character at ``start``."""
    out: list[str] = []
    new_runs: list[tuple[int, int]] = []
    length = 0
    pos = 0

    def keep(a: int, b: int) -> None:
        nonlocal length
        if b <= a:
            return
        new_runs.append((length, source_offset(runs, a)))
        k = runs_after(runs, a)
        while k < len(runs) and runs[k][0] < b:
            new_runs.append((length + runs[k][0] - a, runs[k][1]))
            k += 1
        out.append(text[a:b])
        length += b - a

    for number, (start, end) in enumerate(spans):
        keep(pos, start)
        put = by if isinstance(by, str) else by[number]
        if put:
            at = source_offset(runs, start)
            new_runs.extend((length + k, at) for k in range(len(put)))
            out.append(put)
            length += len(put)
        pos = end
    keep(pos, len(text))
    return "".join(out), new_runs


def _cut(text: str, runs: list[tuple[int, int]], start: int, end: int) -> tuple[str, list[tuple[int, int]]]:
    return text[start:end], slice_runs(runs, start, end)
