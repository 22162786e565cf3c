"""Markdown (CommonMark + GFM tables + footnotes + YAML front matter) via markdown-it-pyrs.

markdown-it-pyrs (the Rust port of markdown-it) decides what is a paragraph,
heading, list item, table cell, code block or HTML block, so block structure
follows CommonMark, and it gives every node -- text included -- its exact
source range. Only text (including link text and image alt text) becomes
prose; code spans, raw HTML, autolinks, link destinations, reference
definitions, footnote references ("[^1]"), static-site template tags
(Hugo shortcodes, Liquid tags) and MDX's import / export lines never do (a
footnote's own text is prose): ``readers.defuse`` reads the syntax sites add
to Markdown before the parser sees it.
"""

from __future__ import annotations

import bisect
import contextlib
import dataclasses
import os
import re
import sys
from collections.abc import Sequence

from claimcheck.readers.document import Block, Document
from claimcheck.readers import items, tables
from claimcheck.readers.copynames import named_like_copy
from claimcheck.readers.defuse import defused, literal_ticks
from claimcheck.readers.prose import ProseBuilder

DEFAULT_COPY_FIELDS = ("title", "description", "summary", "excerpt")

# Nodes whose inline children are one block of prose, and its kind.
_BLOCK_KINDS = {
    "paragraph": "paragraph",
    "heading": "heading",
    "lheading": "heading",
    "tcell": "table-cell",
    "list_item": "list-item",  # tight lists put inline nodes straight in the item
}
# Inline nodes whose children are prose.
_INLINE_CONTAINERS = {"em", "strong", "link", "image", "strikethrough", "s"}
# Inline nodes that are never prose.
_INLINE_SKIPPED = {"code_inline", "html_inline", "autolink", "math_inline"}
# Nor a footnote reference ("ago.[^1]"), which is glued to its word, or the
# back-link markdown-it adds at the end of a footnote's text: dropped without
# a word break.
_INLINE_DROPPED = {"footnote_ref", "footnote_ref_anchor"}
_INLINE_BREAKS = {"softbreak", "hardbreak"}
_LISTS = {"bullet_list", "ordered_list"}


def make_parser():
    import markdown_it_pyrs

    return markdown_it_pyrs.MarkdownIt("commonmark").enable_many(["table", "front_matter", "footnote"])


# A parse tree costs about twenty times its text in memory, so long files are
# parsed a section at a time (see ``sections``).
SECTION_CHARS = 1_000_000


def read(source: str, path: str, parser=None, copy_fields: Sequence[str] = DEFAULT_COPY_FIELDS,
         section_chars: int = SECTION_CHARS) -> Document:
    blocks: list[Block] = []
    for start, end, tree, to_char, part in sections(source, parser or make_parser(), section_chars):
        found: list[Block] = []
        _collect(tree, part, to_char, found, copy_fields if start == 0 else ())
        blocks += found if not start else [block.shifted(start) for block in found]
    return Document(path, source, items.split(blocks, source, hard_breaks=True))


def sections(source: str, parser, size: int = SECTION_CHARS):
    """Parse ``source`` in sections of about ``size`` characters, cut only
    where parsing the sections one by one reads the same blocks as parsing the
    whole (a reference-style link defined in another section is read as its
    text). Yields ``(start, end, tree, to_char, part)`` per section, ``part``
    being the section's text as parsed (see ``defused``)."""
    start = 0
    while start < len(source):
        grow = size
        end = _next_cut(source, start, grow)
        while True:
            tree, part = _parse(parser, defused(source if (start, end) == (0, len(source)) else source[start:end]))
            to_char = _ByteToChar(part)
            if end == len(source) or not _open_at_end(tree, part, to_char):
                break
            grow *= 2  # the cut fell inside fenced code or an HTML block: take more
            end = _next_cut(source, end, grow)
        yield start, end, tree, to_char, part
        start = end


def _parse(parser, part: str):
    """markdown-it-pyrs's tree of ``part``, and the text it parsed.

    markdown-it-pyrs 0.4 panics (a Rust panic, which Python raises as a
    ``BaseException``, not an ``Exception``, after Rust prints it on
    stderr) on a "[" followed by a backtick string that closes no code span
    ("see [`the study"). Such strings are literal backticks in CommonMark,
    so they are read as apostrophes before parsing: one character for one,
    so every offset stays exact. Should the parser panic all the same, the
    section is parsed again with every backtick read so (its code spans
    then read as prose)."""
    if "`" not in part or "[" not in part:
        return parser.tree(part), part
    part = literal_ticks(part)
    try:
        with _quiet_stderr():  # Rust prints a panic on stderr before Python sees it
            return parser.tree(part), part
    except (KeyboardInterrupt, SystemExit, GeneratorExit):
        raise
    except BaseException:  # noqa: BLE001 -- pyo3_runtime.PanicException
        safe = part.replace("`", "'")
        return parser.tree(safe), safe


@contextlib.contextmanager
def _quiet_stderr():
    """File descriptor 2 pointed at the null device for the block (what
    Rust's panic hook writes there is not claimcheck's output)."""
    try:
        sys.stderr.flush()
        saved = os.dup(2)
    except (OSError, ValueError, AttributeError):
        yield  # no stderr to quiet
        return
    null = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(null, 2)
        yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)
        os.close(null)




# A line that starts a top-level paragraph or heading when it follows a blank
# line: a letter or ATX "#" in column 0. Such a line closes every open block
# (lists, quotes, indented code, tables, paragraphs) except fenced code and
# HTML blocks of CommonMark types 1-5, which the parse of the section shows.
_SECTION_START = re.compile(r"\n[ \t]*\r?\n(?=[^\W\d_]|#{1,6}[ \t\r\n])")
_OPEN_KINDS = frozenset({"fence", "html_block"})


def _next_cut(source: str, start: int, size: int) -> int:
    """Where the section starting at ``start`` may end: the first line at
    least ``size`` characters on that starts a top-level paragraph or heading
    after a blank line (the end of the source if there is none)."""
    if len(source) - start <= size:
        return len(source)
    position = start + size
    if start == 0:
        position = max(position, _after_front_matter(source))
    found = _SECTION_START.search(source, position)
    return found.end() if found else len(source)


def _open_at_end(tree, part: str, to_char) -> bool:
    """Is the section's last top-level block fenced code or an HTML block
    still open? A section ends with a blank line; a closed block ends before
    it, an open one runs into it."""
    last = tree.children[-1] if tree.children else None
    if last is None or last.name not in _OPEN_KINDS:
        return False
    blank_line = part.rfind("\n", 0, len(part) - 1) + 1
    return to_char(last.srcmap[1]) >= blank_line


def _after_front_matter(source: str) -> int:
    """Past the closing fence of front matter (no cut inside it)."""
    if not source.startswith("---"):
        return 0
    close = re.compile(r"^---[ \t\r]*$", re.MULTILINE).search(source, source.find("\n") + 1 or len(source))
    return close.end() if close else len(source)


_INLINE = (frozenset({"text", "text_special"}) | _INLINE_BREAKS | _INLINE_CONTAINERS | _INLINE_SKIPPED
           | _INLINE_DROPPED)


def _collect(root, source: str, to_char, blocks: list[Block], fields) -> None:
    """The prose blocks under ``root``, in document order. An explicit stack,
    not recursion: any nesting depth (5,000 quote or list levels) works."""
    # Each frame: the node's block kind, its remaining children, its builder
    # (or None), and how many blocks there were when it began.
    stack = [[_BLOCK_KINDS.get(root.name, "paragraph"), iter(root.children), None, 0]]
    while stack:
        frame = stack[-1]
        for child in frame[1]:
            name = child.name
            if name in _INLINE:
                if frame[2] is None:
                    frame[2] = ProseBuilder(source)
                if name == "html_inline" and "=" in child.meta.get("content", ""):
                    # an inline tag with attributes: its alt, title or aria-label is copy
                    from claimcheck.readers import html

                    start, end = (to_char(b) for b in child.srcmap)
                    blocks.extend(html.blocks_of(source, start, end))
                if name == "text":  # the common case, inlined
                    start, end = child.srcmap
                    # A text node holds no line break: markdown-it-pyrs gives the
                    # text before a two-space hard break a range that runs on
                    # over the break and the next line ("O  \nPd" for "O"), so
                    # such a range is read through its content (_text).
                    if to_char.identity and "\\" not in source[start:end] and "\n" not in source[start:end]:
                        frame[2].add(start, end)
                    else:
                        _text(child, source, to_char, frame[2])
                else:
                    _inline(child, source, to_char, frame[2], blocks)
            elif name == "definition":  # a link reference definition: its title shows as a tooltip
                blocks.extend(_title(child, source, to_char))
            elif name == "front_matter":
                blocks.extend(_front_matter(source, to_char, child, fields))
            elif name == "table":
                if frame[2] is not None:
                    _flush(frame[2], frame[0], blocks)
                    frame[2] = None
                _table(child, source, to_char, blocks, fields)
            elif name == "html_block":  # raw HTML: read by the HTML reader
                from claimcheck.readers import html

                if frame[2] is not None:
                    _flush(frame[2], frame[0], blocks)
                    frame[2] = None
                start, end = (to_char(b) for b in child.srcmap)
                blocks.extend(html.blocks_of(source, start, end))
            else:
                if frame[2] is not None:
                    _flush(frame[2], frame[0], blocks)
                    frame[2] = None
                kind = _BLOCK_KINDS.get(name, "paragraph")
                if frame[0] == "list-item":
                    if name == "paragraph":
                        kind = "list-item"  # a loose list's item holds paragraphs
                    elif name in _LISTS and blocks and blocks[-1].kind == "list-item" and len(blocks) > frame[3]:
                        # the item's own text heads a list of its own: a group label
                        blocks[-1] = dataclasses.replace(blocks[-1], kind="list-group")
                stack.append([kind, iter(child.children), None, len(blocks)])
                break
        else:
            if frame[2] is not None:
                _flush(frame[2], frame[0], blocks)
            stack.pop()


def _table(node, source: str, to_char, blocks: list[Block], fields) -> None:
    """A table's cells, a block each; a data cell's block with its column's
    and row's headers as its lead (claimcheck.readers.tables, whose cursor
    the HTML reader drives too). A table holds rows of cells, and a cell
    inline nodes only: no deeper nesting."""
    cursor = tables.Cursor()
    cursor.table()
    for part in node.children:  # thead, tbody
        cursor.head(part.name == "thead")
        for row in part.children:
            cursor.row()
            for cell in row.children:
                cursor.cell(False, None)
                found: list[Block] = []
                _collect(cell, source, to_char, found, fields)
                at = next((k for k, block in enumerate(found) if block.kind == "table-cell"), None)
                if at is not None:
                    lead = cursor.lead(found[at].text)
                    if lead:
                        found[at] = dataclasses.replace(found[at], lead=lead)
                blocks.extend(found)


def _flush(builder: ProseBuilder, kind: str, blocks: list[Block]) -> None:
    block = builder.build(kind)
    if block is not None:
        blocks.append(block)


def _text(node, source: str, to_char, out: ProseBuilder) -> None:
    start, end = (to_char(b) for b in node.srcmap)
    content = node.meta.get("content", "")
    if source[start:end] == content:
        out.add(start, end)
    else:  # the text differs from its source ("x \\| y" in a table cell)
        _add_words(content, source, start, end, out)


_SEPARATE = object()  # on the stack of ``_inline``: a word break


def _title(node, source: str, to_char) -> list[Block]:
    """The title of a link, an image or a link reference definition
    (``[Book](/book "Heal your elbow")``, ``[scan]: /a.png "Tendon healed"``),
    which a browser shows as a tooltip: copy, as an HTML ``title`` attribute
    is, a block of its own. Found as written inside the node's source (the
    title of a reference link stands in its definition); one written with an
    escape or an entity is not located, and not read."""
    title = node.meta.get("title") or ""
    if not title.strip():
        return []
    start, end = (to_char(b) for b in node.srcmap)
    at = source.rfind(title, start, end)
    if at < 0 or source[at - 1:at] not in ('"', "'", "("):
        return []
    builder = ProseBuilder(source)
    builder.add(at, at + len(title))
    block = builder.build("attribute")
    return [] if block is None else [block]


def _inline(node, source: str, to_char, out: ProseBuilder, blocks: list[Block] | None = None) -> None:
    """Add an inline node's prose (without recursion: emphasis may nest
    deeply); the titles of its links and images go to ``blocks``."""
    stack = [node]
    while stack:
        node = stack.pop()
        if node is _SEPARATE:
            out.separate()
            continue
        name = node.name
        if name == "text":
            _text(node, source, to_char, out)
        elif name == "text_special":
            if node.meta.get("info") == "autolink":
                out.separate()
                continue
            start, end = (to_char(b) for b in node.srcmap)
            content = node.meta.get("content", "")
            if source[start:end] == content:  # not an escape after all ("\\A")
                out.add(start, end)
            elif len(content) == 1:  # "\\*" or "&amp;": one character standing for the markup
                out.add_char(content, start, end - start)
            else:
                out.separate()
        elif name in _INLINE_BREAKS or name in _INLINE_SKIPPED:
            out.separate()
        elif name in _INLINE_DROPPED:
            continue
        elif name in _INLINE_CONTAINERS:
            boundary = name in ("link", "image")
            if boundary and blocks is not None and node.meta.get("title"):
                blocks.extend(_title(node, source, to_char))
            children = list(node.children)
            # Pushed in reverse, so that they come off in document order.
            stack.extend(([_SEPARATE] if boundary else []) + children[::-1] + ([_SEPARATE] if boundary else []))


def _add_words(content: str, source: str, start: int, end: int, out: ProseBuilder) -> None:
    """The node's text differs from its source (an escape inside): locate it word by word."""
    cursor = start
    for word in content.split():
        at = source.find(word, cursor, end)
        if at < 0:
            continue
        out.add(at, at + len(word))
        out.separate()
        cursor = at + len(word)


class _ByteToChar:
    """markdown-it-pyrs reports UTF-8 byte offsets; claimcheck counts characters."""

    def __init__(self, source: str):
        self.identity = source.isascii()
        if self.identity:
            return
        self.byte_starts: list[int] = []  # byte offset of each non-ASCII character
        self.extra: list[int] = []  # bytes beyond one per character, up to and including it
        extra = 0
        for match in re.finditer(r"[^\x00-\x7f]", source):
            self.byte_starts.append(match.start() + extra)
            extra += len(match.group().encode("utf-8", "surrogatepass")) - 1
            self.extra.append(extra)

    def __call__(self, offset: int) -> int:
        if self.identity:
            return offset
        k = bisect.bisect_left(self.byte_starts, offset)
        return offset - (self.extra[k - 1] if k else 0)


_FAQ_PAIR = frozenset({"q", "a"})  # a question and its answer under one-letter keys


def _copy_values(root, fields: Sequence[str], is_copy, yaml) -> list:
    """The scalar values of ``root`` (a YAML mapping) that are copy, in the
    order they are written: the top-level ``fields``, and at any depth the
    values of keys ``is_copy`` accepts (a theme's ``hero: {subheading: ...}``,
    ``features: [{title: ..., text: ...}]``, ``testimonials: [{quote: ...}]``),
    and an FAQ's pair written ``{q: ..., a: ...}``."""
    found = []
    stack = [(root, True)]  # (node, whether it is the top-level mapping)
    while stack:
        node, top = stack.pop()
        if isinstance(node, yaml.SequenceNode):
            stack.extend((item, False) for item in node.value)
        elif isinstance(node, yaml.MappingNode):
            pair = _FAQ_PAIR <= {str(key.value).lower() for key, _ in node.value}
            for key, value in node.value:
                name = str(key.value)
                if not isinstance(value, yaml.ScalarNode):
                    stack.append((value, False))
                elif (top and name.lower() in fields) or is_copy(name) or pair and name.lower() in _FAQ_PAIR:
                    found.append(value)
    return sorted(found, key=lambda value: value.start_mark.index)


def _front_matter(source: str, to_char, node, fields: Sequence[str]) -> list[Block]:
    import yaml

    start, end = (to_char(b) for b in node.srcmap)
    first_newline = source.find("\n", start, end)
    closing = max(source.rfind("\n", start, end - 1), first_newline)  # start of the closing fence line
    if first_newline < 0:
        return []
    body_start = first_newline + 1
    raw = source[body_start:closing + 1]
    try:
        root = yaml.compose(raw, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError:
        return []
    if not isinstance(root, yaml.MappingNode):
        return []

    blocks: list[Block] = []
    for value in _copy_values(root, fields, named_like_copy, yaml):
        first, last = value.start_mark.index, value.end_mark.index
        if value.style in ("'", '"'):
            first, last = first + 1, last - 1
        elif value.style in ("|", ">"):
            first = raw.find("\n", first) + 1
        builder = ProseBuilder(source)
        builder.add(body_start + first, body_start + last)
        block = builder.build("front-matter")
        if block is not None:
            blocks.append(block)
    return blocks
