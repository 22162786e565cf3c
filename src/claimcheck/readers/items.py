"""Lines that start with a list marker or a label are blocks of their own.

Copy pasted from a page keeps its bullets as characters ("✔ Heals tendons",
"• No downtime", "– Cartilage repair", "2. Hair regrowth") on lines of one
paragraph, and HTML puts them after ``<br>``; fact sheets put a label on
each line ("Recovery: same day"), and a strings or settings file a key
("home.hero.title = ..."). Read as one block they would be one
sentence, reported on its first line. So a block is cut before a list
marker or a label that follows a line break in the source (a newline or a
``<br>``): the same marker inside a line ("cells - and more") does not cut.

A list of lists written with two kinds of marker ("1. Tissue repair" over
"– Cartilage", "– Tendons", then "2. Skin" over its own dashes) has group
labels: the items of the first item's marker, each followed by an item of
another marker, are ``list-group`` blocks (the sub-headings of the list,
not items of it). So is a Markdown or HTML list item cut by such lines
(the dashes of "1. Skin" over "– Fine lines" are not Markdown bullets, so
they are lines of the item).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable

from claimcheck.readers.document import Block

# What starts an item, after a space of the normalized text: a bullet or dash
# or an enumerator ("1.", "12)", "(a)", "b)") before a space; a symbol or
# emoji, with or without a space after it ("\u2705Recovery: same day"); or a
# short label and its colon ("Recovery: same day", "Side effects: none").
_SYMBOL = (r"[\u2190-\u21ff\u2300-\u23ff\u25a0-\u25ff\u2600-\u27bf\u2b00-\u2bff\U0001f000-\U0001faff]"
           r"[\ufe0f\u200d\U0001f3fb-\U0001f3ff]*")
_BULLET_MARK = r"(?:[*+\-\u2012-\u2015\u2022\u2023\u2043\u00b7]|\d{1,3}[.)]|\(?[a-z]\))"  # bullet, dash, enumerator
# A key and its equals sign, as a strings or settings file writes a field
# ("home.hero.title = ...", "HERO_SUBTITLE = ..."): a name of letters, digits,
# dots, dashes and underscores, starting with a letter or underscore.
_KEY = r"[A-Za-z_][\w.-]{0,60} ?=(?= )"
_ITEM = (r"(?:" + _BULLET_MARK + r"(?= )"
         r"|" + _SYMBOL + r"|[A-Z][\w'-]*(?: [\w'-]+){0,2}:(?= )|" + _KEY + ")")
# A literal space first (the search skips to spaces); the item itself in a
# lookahead, so that a label that overlaps the next line's ("Skin Note:") does
# not hide it.
_MARKER = re.compile(r" (?=" + _ITEM + ")")
_STARTS = re.compile(_ITEM)


def split(blocks: Iterable[Block], source: str, hard_breaks: bool = False) -> tuple[Block, ...]:
    """``blocks`` with each cut before its list-marker lines; a paragraph
    that starts with a marker is a list item (``list-item``, ``html-list-item``),
    or the label of a group of items (``list-group``: see the module's doc).
    With ``hard_breaks`` (HTML and Markdown), a block is also cut after a
    title or a sentence's end at a hard line break (see :func:`_titled`)."""
    pieces: list[Block] = []
    if hard_breaks and _has_hard_break(source):
        blocks = [part for block in blocks for part in _titled(block, source)]
    for block in blocks:
        if _broken(block, source) and _MARKER.search(block.text):
            cut = _cut(block, source)
            if len(cut) > 1 and block.kind.endswith("list-item"):
                # A Markdown or HTML item whose own lines start items of another
                # marker ("1. Skin" over "– Fine lines"): it heads them, as an
                # item with a nested list does.
                cut[0] = dataclasses.replace(cut[0], kind=block.kind[:-len("list-item")] + "list-group")
            pieces.extend(cut)
        else:
            pieces.append(block)
    return tuple(_grouped(pieces))


def _grouped(pieces: list[Block]) -> list[Block]:
    """Items, group labels and prose. Consecutive paragraphs that start with
    a marker are one list, whether they are lines of one paragraph or
    paragraphs of their own (an HTML ``<p>`` a line); its first item heads
    the items of another marker that follow it."""
    shapes = [_shape(piece) if _starts_item(piece) else None for piece in pieces]
    shapes.append(None)  # the end
    found = []
    group = None
    for number, piece in enumerate(pieces):
        shape, following = shapes[number], shapes[number + 1]
        if shape is None:
            found.append(piece)
            continue
        if number == 0 or shapes[number - 1] is None:  # a list starts
            group = shape if following is not None and following != shape else None
        if shape == group and following not in (None, group):
            found.append(_as_item(piece, "list-group"))
        else:
            found.append(_as_item(piece))
    return found


def _shape(block: Block) -> str:
    """What kind of marker starts an item: an enumerator (``1.``, ``(b)``),
    a label (``Recovery:``) or the bullet or symbol itself."""
    marker = _STARTS.match(block.text).group()
    if marker[-1] in ":=":  # a label or a key
        return "label"
    if marker[-1] in ".)":
        return "enumerator"
    return marker


# A hard line break: HTML's <br>, Markdown's two spaces or backslash before a newline.
_HARD_BREAK = re.compile(r"<br\b|(?:  |\\)(?:\r\n|\r|\n)", re.IGNORECASE)
_BR_TAG = re.compile(r"<[bB][rR]\b")  # <br>, any case; starts with a literal: the search skips to each "<"


def _has_hard_break(source: str) -> bool:
    """Whether ``_HARD_BREAK`` occurs in ``source``, six times faster on a
    page without any (the case-insensitive alternation tries every position)."""
    return ("  \n" in source or "  \r" in source or "\\\n" in source or "\\\r" in source
            or _BR_TAG.search(source) is not None)


_SENTENCE_END = re.compile(r"[.!?:][\"')\]\u201d\u2019]*$")
# An item's bullet or number, which is no word of its title ("\u2022 Restless legs").
_BULLET = re.compile(r"^(?:" + _BULLET_MARK + r" +|" + _SYMBOL + " *)")


def _title_or_sentence_end(line: str) -> bool:
    """A line that reads as a title (:func:`reads_as_title`) or ends a
    sentence."""
    return bool(_SENTENCE_END.search(_BULLET.sub("", line.strip(), count=1))) or reads_as_title(line)


# A line that is one label in square brackets: a section's tag in an export
# ("[Follow-up - week 6]", "[Slide 3 of 8]", "[Music]").
_BRACKETED = re.compile(r"\[[^\[\]]+\]")


def reads_as_title(line: str) -> bool:
    """One or two words, or title case: every word of four letters or more
    capitalized (a bullet is no word); or one label in square brackets."""
    bare = _BULLET.sub("", line.strip(), count=1)
    words = bare.split()
    return (len(words) <= 2 or all(not w[:1].isalpha() or w[:1].isupper() for w in words if len(w) >= 4)
            or _BRACKETED.fullmatch(bare) is not None)


def heads_next_line(line: str, after: str) -> bool:
    """Does ``line`` end its block before the line ``after`` it? When it
    reads as a title or ends a sentence, or ``after`` opens a quotation
    ("What patients say" over a quoted review), and ``after`` neither goes
    on in lower case nor starts an item (an item's own marker cuts there,
    keeping its list whole). The text reader and :func:`_titled` both ask."""
    return ((_title_or_sentence_end(line) or after[:1] in _QUOTES and not _QUOTES.intersection(line))
            and not after[:1].islower() and not starts_item(after))


# What opens a quotation at a line's start.
_QUOTES = frozenset("\"\u201c\u201e\u00ab")


def _titled(block: Block, source: str) -> list[Block]:
    """The block cut at each hard line break after a line that heads the
    next (:func:`heads_next_line`): "<b>Knee Care</b><br>Our cells..."; not
    "Medicine<br>that heals"."""
    text = block.text
    if not text or _HARD_BREAK.search(source, block.source_offset(0), block.source_offset(len(text) - 1) + 1) is None:
        return [block]
    cuts, line_start = [], 0
    for run_start, _ in block.runs[1:]:
        space = run_start - 1 if text[run_start - 1:run_start] == " " else run_start
        if not 0 < space < len(text) - 1 or text[space] != " " or space < line_start:
            continue
        if _HARD_BREAK.search(source, *_gap(block, space)) is None:
            continue
        if block.kind == "heading" and not _SENTENCE_END.search(text, line_start, space):
            continue  # a title set on two lines ("Live Life Without<br>Chronic Pain") is one title
        if heads_next_line(text[line_start:space], text[space + 1:space + 60]):
            cuts.append(space)
        line_start = space + 1
    if not cuts:
        return [block]
    parts, start = [], 0
    for at in cuts:
        parts.append(block.part(start, at))
        start = at + 1
    parts.append(block.part(start, len(text)))
    return parts


def starts_item(line: str) -> bool:
    """Does this line of source start with a list marker or a label?"""
    return _STARTS.match(line.lstrip()) is not None


def _starts_item(block: Block) -> bool:
    return _STARTS.match(block.text) is not None and block.kind.endswith("paragraph")


def _broken(block: Block, source: str) -> bool:
    """Does the block's source hold a line break (else nothing can cut it)?"""
    runs = block.runs
    return _line_break(source, runs[0][1], runs[-1][1] + len(block.text) - runs[-1][0])


def _line_break(source: str, start: int, end: int) -> bool:
    """A line end that positions count (``\n``, ``\r``) or a ``<br>`` in
    ``source[start:end]``."""
    return (source.find("\n", start, end) >= 0 or source.find("\r", start, end) >= 0
            or _BR_TAG.search(source, start, end) is not None)


def _as_item(block: Block, kind: str = "list-item") -> Block:
    return dataclasses.replace(block, kind=block.kind[:-len("paragraph")] + kind)


def _gap(block: Block, space: int) -> tuple[int, int]:
    """The source that the space at ``block.text[space]`` stands for (markup,
    a line break, whitespace), between the characters around it."""
    start = block.source_offset(space - 1) + 1 if space >= 1 else block.source_offset(space)
    return start, block.source_offset(space + 1)


def _cut(block: Block, source: str) -> list[Block]:
    text = block.text
    cuts = []
    for match in _MARKER.finditer(text):
        at = match.start() + 1  # text[at - 1] is the space standing for the gap
        if _line_break(source, *_gap(block, at - 1)):
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
