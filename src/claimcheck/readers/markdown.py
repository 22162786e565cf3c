"""Markdown (CommonMark + GFM tables + YAML front matter) via markdown-it-pyrs.

markdown-it-pyrs (the Rust port of markdown-it) decides what is a paragraph,
heading, list item, table cell, code block or HTML block, so block structure
follows CommonMark, and it gives every node -- text included -- its exact
source range. Only text (including link text and image alt text) becomes
prose; code spans, raw HTML, autolinks, link destinations and reference
definitions never do.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from claimcheck.readers.document import Block, Document
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
_INLINE_BREAKS = {"softbreak", "hardbreak"}


def make_parser():
    import markdown_it_pyrs

    return markdown_it_pyrs.MarkdownIt("commonmark").enable_many(["table", "front_matter"])


def read(source: str, path: str, parser=None, copy_fields: Sequence[str] = DEFAULT_COPY_FIELDS) -> Document:
    tree = (parser or make_parser()).tree(source)
    to_char = _ByteToChar(source)
    blocks: list[Block] = []
    _collect(tree, source, to_char, blocks, copy_fields)
    return Document(path, source, tuple(blocks))


_INLINE = frozenset({"text", "text_special"}) | _INLINE_BREAKS | _INLINE_CONTAINERS | _INLINE_SKIPPED


def _collect(node, source: str, to_char, blocks: list[Block], fields) -> None:
    builder = None
    kind = _BLOCK_KINDS.get(node.name, "paragraph")
    for child in node.children:
        name = child.name
        if name in _INLINE:
            if builder is None:
                builder = ProseBuilder(source)
            if name == "text":  # the common case, inlined
                start, end = child.srcmap
                if to_char.identity and "\\" not in source[start:end]:
                    builder.add(start, end)
                else:
                    _text(child, source, to_char, builder)
            else:
                _inline(child, source, to_char, builder)
        elif name == "front_matter":
            blocks.extend(_front_matter(source, to_char, child, fields))
        else:
            if builder is not None:
                _flush(builder, kind, blocks)
                builder = None
            _collect(child, source, to_char, blocks, fields)
    if builder is not None:
        _flush(builder, kind, blocks)


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


def _inline(node, source: str, to_char, out: ProseBuilder) -> None:
    name = node.name
    if name == "text":
        _text(node, source, to_char, out)
    elif name == "text_special":
        if node.meta.get("info") == "autolink":
            out.separate()
            return
        start, end = (to_char(b) for b in node.srcmap)
        content = node.meta.get("content", "")
        if source[start:end] == content:  # not an escape after all ("\\A")
            out.add(start, end)
        elif len(content) == 1:  # "\\*" or "&amp;": one character standing for the markup
            out.add_char(content, start)
        else:
            out.separate()
    elif name in _INLINE_BREAKS or name in _INLINE_SKIPPED:
        out.separate()
    elif name in _INLINE_CONTAINERS:
        boundary = name in ("link", "image")
        if boundary:
            out.separate()
        for child in node.children:
            _inline(child, source, to_char, out)
        if boundary:
            out.separate()


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
    for key, value in root.value:
        if key.value not in fields or not isinstance(value, yaml.ScalarNode):
            continue
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
