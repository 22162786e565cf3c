"""What readers produce: a source text and its prose blocks with offset maps."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass


# A first line that names where the page came from, as archived and scraped
# copies carry it ("Source: https://...", "# Source: clinic page, 2025"):
# provenance, not copy.
_SOURCE_LINE = re.compile(r"\ufeff?[ \t]*(?:#{1,6}[ \t]*)?source:(?=[^\r\n])", re.IGNORECASE)
_LINE_END = re.compile(r"[\r\n]")


def blank_source_line(source: str, format: str) -> str:
    """``source`` (of ``format``) with a first line naming its source
    (``Source: ...``, also as a Markdown heading) turned into spaces, so
    that it is not read and every offset stays where it was; otherwise
    ``source``. HTML has its own places for provenance (``meta``, comments)."""
    if format not in ("text", "markdown") or not _SOURCE_LINE.match(source):
        return source
    stop = _LINE_END.search(source)
    end = stop.start() if stop else len(source)
    return " " * end + source[end:]


# Characters that show nothing inside a word: a soft hyphen (``&shy;``, a
# place a heading may break), zero-width spaces, joiners and non-joiners,
# and the word joiner. Pasted copy and CMS output carry them, and they can
# hide a word from a linter: "cu&shy;re" shows as "cure". The readers drop
# them from a block's text (readers.prose), the prefilter from its words.
INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060"
# Typographic ligatures, one character for two or three letters: text taken
# from a PDF (pdftotext, copy and paste) keeps them ("\ufb01bromyalgia",
# "signi\ufb01cant"), hiding the word from the packs. The readers spell them
# out (each letter mapped to the ligature), the prefilter too.
LIGATURES = {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl", "\ufb05": "st",
             "\ufb06": "st"}

# Longer blocks are cut: at line breaks by the text reader, else at sentence
# ends by the engine, so that spaCy never sees an enormous Doc.
MAX_BLOCK_CHARS = 100_000
_AFTER = float("inf")  # sorts after any source offset: (i, _AFTER) follows every run starting at i


def runs_after(runs, index: int) -> int:
    """How many runs of a run map (``(text_start, source_start)``, sorted)
    start at or before text index ``index``."""
    return bisect.bisect_right(runs, (index, _AFTER))


def slice_runs(runs, start: int, end: int) -> list[tuple[int, int]]:
    """The run map of text ``[start, end)`` (time in the runs it keeps)."""
    kept = [(0, source_offset(runs, start))]
    kept += [(t - start, s) for t, s in runs[runs_after(runs, start):runs_after(runs, end - 1)]]
    return kept


def source_offset(runs, index: int) -> int:
    """The source offset of text index ``index`` under a run map."""
    if len(runs) == 1 or index < runs[1][0]:  # most blocks are one run
        text_start, source_start = runs[0]
    else:
        text_start, source_start = runs[runs_after(runs, index) - 1]
    return source_start + index - text_start


@dataclass(frozen=True, slots=True)  # slots: a long file has hundreds of thousands of blocks
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
    # Characters that stand for longer source text (an entity, an escape):
    # ``(source_start, source_length)``, sorted, so a span ending in one
    # covers all of it ("it&rsquo;" rather than "it&").
    wide: tuple[tuple[int, int], ...] = ()
    # What the rules read before ``text`` and never report: a table cell's
    # column and row headers ("Cell therapy, Knee arthritis: "), so that
    # "✔ Regrows cartilage" is read as what it says about the column's
    # product (see claimcheck.readers.tables). Findings inside it are
    # reported on the cell.
    lead: str = ""

    def source_offset(self, index: int) -> int:
        return source_offset(self.runs, index)

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        last = self.source_offset(end - 1)
        if self.wide:
            k = bisect.bisect_left(self.wide, (last, 0))
            if k < len(self.wide) and self.wide[k][0] == last:
                return self.source_offset(start), last + self.wide[k][1]
        return self.source_offset(start), last + 1

    def shifted(self, offset: int) -> "Block":
        """The same block in a source that has ``offset`` more characters before it."""
        return Block(self.kind, self.text, tuple((t, s + offset) for t, s in self.runs),
                     tuple((s + offset, n) for s, n in self.wide), self.lead)

    def pieces(self, limit: int) -> list["Block"]:
        """This block cut into blocks of at most ``limit`` characters, at
        sentence ends where possible (else at spaces), offsets kept exact.
        Only pathological paragraphs (a whole file without a blank line) are
        cut; a claim that straddles a cut is not seen."""
        if len(self.text) <= limit:
            return [self]
        found = []
        start = 0
        while start < len(self.text):
            end = min(start + limit, len(self.text))
            if end < len(self.text):
                window = self.text[start:end]
                cut = max(window.rfind(". "), window.rfind("? "), window.rfind("! "))
                cut = cut + 2 if cut > limit // 2 else window.rfind(" ") + 1
                end = start + cut if cut > 0 else end
            found.append(self.part(start, end))
            start = end
        return found

    @staticmethod
    def joined(blocks: Sequence["Block"]) -> "Block":
        """``blocks`` (in source order) as one block of the first one's kind,
        a space between their texts (each space maps to the source after the
        block before it: no term starts or ends on it)."""
        runs: list[tuple[int, int]] = []
        wide: list[tuple[int, int]] = []
        length = 0
        for block in blocks:
            runs += [(t + length, s) for t, s in block.runs]
            wide += block.wide
            length += len(block.text) + 1
        return Block(blocks[0].kind, " ".join(block.text for block in blocks), tuple(runs), tuple(wide),
                     blocks[0].lead)

    def part(self, start: int, end: int) -> "Block":
        """The block's text ``[start, end)`` as a block."""
        return Block(self.kind, self.text[start:end], tuple(slice_runs(self.runs, start, end)), self.wide,
                     self.lead if start == 0 else "")


@dataclass(frozen=True)
class Document:
    path: str
    source: str
    blocks: tuple[Block, ...]
