"""Plain text: every paragraph (separated by blank lines) is prose.

Text copied from a web page often has one paragraph a line and no blank
lines between them. So within a paragraph a line break also ends a block:

- every line break, when the paragraph is not hard-wrapped: one of its lines
  is longer than ``UNWRAPPED_LINE`` characters and has a space (a long URL
  alone does not count);
- in a hard-wrapped paragraph (its longest line at least ``MIN_WRAP``
  characters), the break after a short line (at most ``SHORT_LINE`` of the
  longest) that reads as a title or ends a sentence, when the next line
  does not start in lower case: a title over its prose. A line cut by the
  wrapping is close to the width (or goes on in lower case), and the
  paragraph's last line ends it anyway. In a paragraph narrower than
  ``MIN_WRAP``, which no one wraps, every line counts as short: a shelf
  card's "StemVive Daily Capsules, 60 ct" over its tag line (but a line in
  capitals over another: a flyer's sentence set in capitals). A line in
  title case of three words or more is a title at any length. A title is
  in title case ("Knee Care for Runners": every word of four letters or
  more capitalized) or of
  one or two words; a short line in sentence case ("Our stem cells cure",
  then "Parkinson's disease ...") may be a sentence broken by hand, and
  stays joined; but a short line of a label, a colon and words, with no
  stop ("New: PRP and stem cell injections"; one to three words before the
  colon), ends its block before a line that starts with a capital: a
  newsletter's announcement over its text. A paragraph of at least
  ``MENU_LINES`` lines, all narrower
  than ``MIN_WRAP`` and all reading as titles (a site's menu pasted with the
  page: "Home", "Stem Cell Therapy", "Knee Pain"...), was not wrapped: each
  line is a block of its own (but before a line that goes on in lower case).
- every line break before a line that does not start in lower case, when
  the paragraph is not wrapped though no line is that long: at least
  ``HAND_BROKEN_SHARE`` of its lines (the last one aside, three or more)
  are short. A web page's paragraphs pasted a line each, under a longest
  line of 125 characters ("Why clients love PRP", "All natural - your own
  plasma", "Visible regrowth in 3 months"), are not a wrapped text's lines,
  which run close to its width.
- in any paragraph, the break after a line laid out in columns (a gap of
  two spaces or more, or a tab, inside it: "Jenna R.  *****  2 weeks ago", a
  review's byline over its text; a directory's "Mon-Fri    9-5"), when the
  next line does not start in lower case: a record's fields, not prose. Two
  spaces after a sentence's stop before a capital ("...knee.  Then we...")
  are a typist's habit, not a column.
- in any paragraph, the break after a list item's line ("- Safer than
  cortisone, no steroids") before a line that is no item, starts with a
  capital and is not indented ("Medicare patients welcome..."): the list
  has ended. An item's line cut by a wrapping runs close to the
  paragraph's width (``WRAPPED_ITEM`` of its longest line).
- in any paragraph, the break after a line in capitals ("RESTORE ORTHOPEDIC
  & REGENERATIVE", a letterhead) before a line that is not, when that line
  does not start in lower case: the change of case ends the title. A
  flyer's sentence wrapped in capitals stays one block.

Never before a line that starts with a list marker or a label: ``items``
cuts there itself, and keeps a list's group labels with their items.

Video captions saved as text (a transcript copied from a video site,
SubRip or WebVTT cues) put a cue's timing on a line of its own
("00:00:13,000 --> 00:00:16,500", "0:13", "[00:13]"), SubRip its number on
the line before. Those lines are not prose: they are read as spaces, with
the line break (and SubRip's blank line) before them, so that a sentence
that runs on over two cues is one sentence. So are WebVTT's cue text tags
in a file with cues (a voice "<v Dr. Lane>", "<i>", "<c.yellow>", a
timestamp "<00:00:05.250>"). A paragraph of at least
``CAPTION_LINES`` lines, none longer than ``CAPTION_WIDTH`` characters and
none ending or holding a sentence-final stop (an automatic transcript has
none), is cut at every line break: read whole, it would be one sentence of
a hundred words. A video's description lists its chapters, a time and a
title a line ("3:40 How stem cells repair the gut"): two such lines or more
in a paragraph make each of them a block (but a time that goes on in lower
case, "at\n10:30 the doors open", is prose).

A line that only draws a rule ("=====", "-----", "* * *", "+------+") is read
as a blank line.
"""

from __future__ import annotations

import re

from claimcheck.readers.document import MAX_BLOCK_CHARS, Block, Document
from claimcheck.readers import items
from claimcheck.readers.prose import ProseBuilder

_NEWLINE = r"(?:\r\n|\r(?!\n)|\n)"
_BLANK_LINES = re.compile(_NEWLINE + r"(?:[ \t\f\v]*" + _NEWLINE + ")+")
_LINE_BREAK = re.compile(_NEWLINE)
UNWRAPPED_LINE = 150  # characters: longer than any hard-wrapping width in use
SHORT_LINE = 0.6  # of the paragraph's longest line
MIN_WRAP = 40  # characters: no one wraps text narrower
MENU_LINES = 3  # a narrower paragraph of this many title lines or more is a list of them
HAND_BROKEN_SHARE = 2 / 3  # of a paragraph's lines (the last aside) short: its lines were ended by hand
MIN_HAND_LINES = 3  # lines (the last aside) a paragraph needs for that share to count
WRAPPED_ITEM = 0.9  # of the paragraph's longest line: a list item's line this long may be cut by a wrapping
CAPTION_LINES = 5  # an unpunctuated paragraph of this many short lines or more is captions, a line a block
CAPTION_WIDTH = 80  # characters: no caption line is longer
_COLUMN_GAP = re.compile(r"(?<=\S)(?:[ \t]{2,}|\t)(?=\S)")
# A label and what it labels, a line of its own: "New: PRP injections",
# "Featured: under-eye PRP" (one to three words before the colon).
_LABELLED = re.compile(r"[^\W\d_][\w'&-]*(?: [\w'&-]+){0,2}:[ \t]+\S")
_STOP = re.compile(r"[.!?\u2026](?:[\"')\]\u201d\u2019]*)(?:\s|$)")
# A caption cue's timing line, with SubRip's cue number on the line before it
# (bounded repeats: time stays linear in the text).
_TIME = r"(?:\d{1,2}:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?"
_CUE = re.compile(
    r"(?<![^\r\n])(?:\d{1,6}[ \t]*(?:\r\n|\r|\n))?[ \t]*[\[(]?" + _TIME + r"[\])]?"
    r"(?:[ \t]*-->[ \t]*" + _TIME + r"(?:[ \t]+[^\r\n]{0,200})?)?[ \t]*(?![^\r\n])")
# A time after a line break: what every cue but one at the file's start
# holds; 2.5 times as fast to rule out as the cue pattern.
_CUE_HINT = re.compile(r"[\r\n][ \t]*[\[(]?\d{1,2}:\d\d")
# A video's chapters, a line each: a time, then words ("3:40 How stem cells
# repair the gut", "[12:05] Q&A"). Two or more in a paragraph make each
# such line a block (joined, the list would be one sentence of every
# chapter's words). See _a_chapter.
_CHAPTER = re.compile(r"[\[(]?" + _TIME + r"[\])]?[ \t]+[^\W\d_]"
                      # ... or a chat export's stamp, a day or a date before the time or
                      # "AM"/"PM" after it ("[Tue 4:21 PM] Kayla:", "[09/03, 10:16] Ana:")
                      r"|\[[^\]\r\n]{0,16}\d{1,2}:\d{2}[^\]\r\n]{0,6}\][ \t]+[^\W\d_]")
MIN_CHAPTERS = 2
_BETWEEN_CUES = frozenset("\r\n \t")  # what lies between a cue and the caption line before it
# WebVTT's cue text tags: a voice ("<v Dr. Lane>", "</v>"), a class, italic,
# bold, underline, language or ruby span, and a karaoke timestamp
# ("<00:00:05.250>"). Markup, not prose: read as spaces in a file with cues.
_VTT_TAG = re.compile(r"</?(?:v|c|i|b|u|lang|ruby|rt)(?:[ .\t][^<>\r\n]{0,200})?>|<(?:\d{1,2}:)?\d{2}:\d{2}\.\d{3}>")


# A rule drawn with characters (an e-mail newsletter's "=====", "-----",
# "* * *", a box's "+------+", box-drawing lines): not prose, and the end
# of the paragraph above it, as a blank line is. (Three rule characters or
# more and nothing else on the line; bounded repeats: linear time.)
_RULE_CHARS = "-=_*~#+\u2500-\u257f"
_RULE_LINE = re.compile(r"^[ \t]*[%s](?:[ \t]{0,8}[%s]){2,}[ \t]*\r?$" % (_RULE_CHARS, _RULE_CHARS), re.MULTILINE)
_RULE_HINT = re.compile(r"([%s])[ \t]?\1[ \t]?\1" % _RULE_CHARS)  # three alike: most pages have none

# Rows of comma-separated values (a spreadsheet saved as text): every line
# of the paragraph holds the same number of commas outside double quotes,
# two or more, and some field is quoted or a number ('Exosome Facial,"Fades
# scars, in one visit",$350'). Each row is a block (joined, a sheet's rows
# would be one sentence), and the quotes around fields are read as spaces
# (they delimit a field; they do not quote someone).
_CSV_FIELD = re.compile(r',[ \t]*(?:"|[$\u20ac\u00a3]?\d)')


def _csv(texts: list[str]) -> bool:
    """Whether a paragraph of lines ``texts`` is comma-separated rows."""
    texts = [text for text in texts if text]  # (a blank line of spaces stays in its paragraph)
    if len(texts) < 2 or "," not in texts[0]:
        return False
    counts = {_commas(text) for text in texts}
    return len(counts) == 1 and counts.pop() >= 2 and any(_CSV_FIELD.search(text) for text in texts)


def _csv_rows(text: str) -> tuple[str, frozenset[int]]:
    """``text`` with the field quotes of its comma-separated paragraphs read
    as spaces, and the starts of those paragraphs' lines."""
    chars: list[str] | None = None
    rows: set[int] = set()
    start = 0
    for end in [m.start() for m in _BLANK_LINES.finditer(text)] + [len(text)]:
        lines, at = [], start  # (start, text) of each line
        for match in _LINE_BREAK.finditer(text, start, end):
            lines.append((at, text[at:match.start()]))
            at = match.end()
        lines.append((at, text[at:end]))
        if _csv([line.strip() for _, line in lines]):
            chars = chars if chars is not None else list(text)
            for first, line in lines:
                rows.add(first)
                for index, char in enumerate(line):
                    if char == '"':
                        chars[first + index] = " "
        following = _BLANK_LINES.match(text, end)
        start = following.end() if following else end
    return ("".join(chars) if chars is not None else text), frozenset(rows)


def _commas(line: str) -> int:
    """The commas of ``line`` outside double-quoted fields."""
    return sum(part.count(",") for part in line.split('"')[::2])


# A leader: a run of dots between an entry and its price or page number at
# the end of its line ("Exosome Glow Facial ........ $350", a table of
# contents' "Aftercare . . . . 12"; an ellipsis before words, "It
# worked.... amazing", is prose). Not prose (its dots would read as a
# row of full stops): read as spaces. The line is a row of a list, so it is
# a block of its own (the description under a menu's entry is not the
# entry's sentence). Starts only after a character that is neither a space
# nor a dot, and what follows is bounded: linear time.
_LEADER = re.compile(r"(?<=[^\s.])[ \t]*(?:\.{4,}|(?:\.[ \t]){3,}\.?)[ \t]*"
                     r"(?=[$\u20ac\u00a3\u00a5]?[ \t]?\d[^\r\n]{0,30}(?:\r?\n|\r|$))")


def read(source: str, path: str) -> Document:
    text = _without_cues(source) if ":" in source else source
    if _RULE_HINT.search(text):
        text = _RULE_LINE.sub(lambda m: " " * len(m.group()), text)
    text, rows = _without_leaders(text) if "...." in text or ". . ." in text else (text, frozenset())
    if _CSV_FIELD.search(text):
        text, csv_rows = _csv_rows(text)
        rows |= csv_rows
    blocks: list[Block] = []
    # Suppression comments are not prose: each ends the paragraph before it
    # (else "# claimcheck-disable-next-line ..." and the sentence after it
    # would be read, and scored, as one sentence).
    comments = iter(_comments(source) + [(len(source) + 1, len(source) + 1)])
    comment = next(comments)
    start = 0
    for match in _BLANK_LINES.finditer(text):
        comment = _paragraph(blocks, text, start, match.start(), comment, comments, rows)
        start = match.end()
    _paragraph(blocks, text, start, len(text), comment, comments, rows)
    return Document(path, source, items.split(blocks, text))


def _without_cues(source: str) -> str:
    """``source`` with its caption cues' timing lines (and SubRip numbers)
    read as spaces, one character for one, with the line breaks and blank
    lines before each (SubRip's cue separator): the caption lines around a
    cue are one paragraph, as they are one text."""
    if _CUE.match(source) is None and _CUE_HINT.search(source) is None:
        return source
    chars = list(source)
    floor = 0  # the end of the last cue: each character is walked back over once
    for match in _CUE.finditer(source):
        start = match.start()
        while start > floor and source[start - 1] in _BETWEEN_CUES:
            start -= 1
        chars[start:match.end()] = " " * (match.end() - start)
        floor = match.end()
    if "<" in source:
        for match in _VTT_TAG.finditer(source):
            chars[match.start():match.end()] = " " * (match.end() - match.start())
    return "".join(chars)


def _without_leaders(text: str) -> tuple[str, frozenset[int]]:
    """``text`` with its leaders read as spaces, one character for one (see
    ``_LEADER``), and the starts of the lines that held one."""
    leaders = list(_LEADER.finditer(text))
    if not leaders:
        return text, frozenset()
    chars = list(text)
    for match in leaders:
        chars[match.start():match.end()] = " " * (match.end() - match.start())
    rows = frozenset(max(text.rfind("\n", 0, m.start()), text.rfind("\r", 0, m.start())) + 1 for m in leaders)
    return "".join(chars), rows


def _comments(source: str) -> list[tuple[int, int]]:
    if "claimcheck-" not in source:
        return []
    from claimcheck.suppress import directives

    return [(d.start, d.end) for d in directives(source, markdown=False)]


def _paragraph(blocks: list[Block], source: str, start: int, end: int, comment, comments, rows=frozenset()):
    """The paragraph ``[start, end)`` less the comments in it; ``comment`` is
    the first comment not yet passed, ``comments`` the ones after it (in
    order: one walk over both for the whole file). Returns the first comment
    not passed. ``rows`` holds the starts of the lines that held a leader."""
    first, last = comment
    while first < end:
        if last > start:
            _append(blocks, source, start, max(start, first), rows)
            start = min(end, last)
        if last > end:
            return comment  # runs on into the next paragraph
        comment = next(comments)
        first, last = comment
    _append(blocks, source, start, end, rows)
    return comment


def _append(blocks: list[Block], source: str, start: int, end: int, rows=frozenset()) -> None:
    """The paragraph ``[start, end)``, cut into blocks at the line breaks that end one."""
    for first, last in lines(source, start, end, rows):
        _block(blocks, source, first, last)


def lines(source: str, start: int, end: int, rows=frozenset()) -> list[tuple[int, int]]:
    """The parts of paragraph ``[start, end)`` that are blocks of their own
    (see the module's doc): ``(start, end)`` pairs, each part ending before
    its line break; a line that starts at one of ``rows`` is a block."""
    if _LINE_BREAK.search(source, start, end) is None:
        return [(start, end)]
    spans = []  # (start, end of text, start of the next line) of each line
    at = start
    for match in _LINE_BREAK.finditer(source, start, end):
        spans.append((at, match.start(), match.end()))
        at = match.end()
    spans.append((at, end, end))
    texts = [source[a:b].strip() for a, b, _ in spans]
    longest = max(map(len, texts))
    unwrapped = any(len(text) > UNWRAPPED_LINE and " " in text for text in texts)
    # (most lines short, in a paragraph wide enough to have been wrapped: ended by hand)
    inner = [text for text in texts[:-1] if text]
    by_hand = (not unwrapped and longest >= MIN_WRAP and len(inner) >= MIN_HAND_LINES
               and sum(len(text) <= SHORT_LINE * longest for text in inner) >= HAND_BROKEN_SHARE * len(inner))
    # (no one wraps narrower than MIN_WRAP: every line of a narrower paragraph was
    # ended by hand, as a short line of a wrapped one; but a line in capitals,
    # which reads as a title whatever it says, over another goes on)
    narrow = longest < MIN_WRAP
    short = SHORT_LINE * longest if not narrow else MIN_WRAP
    # (lines with text: the end of a file leaves an empty last line)
    captions = (longest <= CAPTION_WIDTH and sum(map(bool, texts)) >= CAPTION_LINES
                and not any(_STOP.search(text) for text in texts))
    # (captions cut at every line already: no need to ask whether it is a menu)
    menu = (narrow and not captions and sum(map(bool, texts)) >= MENU_LINES
            and all(map(items.reads_as_title, texts)))
    # (a chapter line starts with a digit or a bracket: most lines are ruled out by one character)
    chapter = [(text[:1].isdigit() or text[:1] in "[(") and _a_chapter(text) for text in texts]
    if sum(chapter) < MIN_CHAPTERS:
        chapter = None
    parts = []
    first = start
    for number, (_, text_end, following) in enumerate(spans[:-1]):
        text, after = texts[number], texts[number + 1]
        if (captions or unwrapped and not items.starts_item(after)
                or by_hand and not after[:1].islower() and not items.starts_item(after)
                or (menu or len(text) <= short and not (narrow and _in_capitals(text) and _in_capitals(after))
                    or _in_capitals(text) and not _in_capitals(after) or _in_title_case(text))
                and items.heads_next_line(text, after)
                or len(text) <= short and _LABELLED.match(text) and not _STOP.search(text)
                and after[:1].isupper() and not items.starts_item(after)
                or _in_columns(text) and not after[:1].islower() and not items.starts_item(after)
                or _ends_a_list(text, after, source[following:following + 1], longest)
                or rows and (spans[number][0] in rows or following in rows)
                or chapter is not None and (chapter[number] or chapter[number + 1])):
            parts.append((first, text_end))
            first = following
    parts.append((first, end))
    return parts


def _ends_a_list(text: str, after: str, indent: str, longest: int) -> bool:
    """A list item's line ("- Safer than cortisone, no steroids") over a
    line that is no item, starts with a capital and is not indented
    ("Medicare pts welcome"): the list has ended, as an ad's bullets over its
    terms. An item's line cut by a wrapping runs close to the paragraph's
    width (``WRAPPED_ITEM`` of its longest line), or its next line goes on
    indented or in lower case."""
    return (after[:1].isupper() and indent not in (" ", "\t") and len(text) < WRAPPED_ITEM * longest
            and items.starts_item(text) and not items.starts_item(after))


def _a_chapter(text: str) -> bool:
    """A video's chapter: a time, then a word that does not start in lower
    case ("3:40 How stem cells repair the gut"; "10:30 the doors open" goes
    on from the line before)."""
    match = _CHAPTER.match(text)
    return match is not None and not text[match.end() - 1].islower()


def _in_columns(text: str) -> bool:
    """A gap of two spaces or more (or a tab) between two words of the
    line, but for two spaces after a sentence's stop before a capital."""
    for gap in _COLUMN_GAP.finditer(text):
        if not (text[gap.start() - 1] in ".!?" and text[gap.end()].isupper()):
            return True
    return False


def _in_title_case(text: str) -> bool:
    """Three words or more, at least two of them of four letters or more and
    all of those capitalized, some letter in lower case: "StemVive Daily
    Capsules, 60 ct", a name over its text. A line cut by wrapping prose
    is almost never one."""
    words = text.split()
    if len(words) < 3 or text.upper() == text:
        return False
    long_words = [w for w in words if len(w) >= 4 and w[:1].isalpha()]
    return len(long_words) >= 2 and all(w[:1].isupper() for w in long_words)


def _in_capitals(text: str) -> bool:
    """Two letters or more, none of them in lower case."""
    return text.upper() == text and sum(c.isalpha() for c in text[:200]) >= 2


def _block(blocks: list[Block], source: str, start: int, end: int) -> None:
    while end - start > MAX_BLOCK_CHARS:  # a huge paragraph: cut at a line break
        cut = source.rfind("\n", start, start + MAX_BLOCK_CHARS)
        cut = cut if cut > start else start + MAX_BLOCK_CHARS
        _block(blocks, source, start, cut)
        start = cut
    builder = ProseBuilder(source)
    builder.add(start, end)
    block = builder.build("paragraph")
    if block is not None:
        blocks.append(block)
