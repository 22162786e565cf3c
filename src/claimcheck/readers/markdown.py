"""Markdown (CommonMark + GFM tables + YAML front matter) via markdown-it-py.

markdown-it-py decides what is a paragraph, heading, list item, table cell,
code block or HTML block, so block structure follows CommonMark exactly. Its
inline tokens carry no offsets, so each token's text is located in the source
with a cursor that only moves forward; only text tokens (and image alt text)
become prose. Code spans, raw HTML, autolinks, link destinations and reference
definitions are never prose.
"""

from __future__ import annotations

from collections.abc import Sequence

from urllib.parse import unquote

import yaml
from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.front_matter import front_matter_plugin

from claimcheck.positions import LineTable
from claimcheck.readers.document import Block, Document
from claimcheck.readers.prose import ProseBuilder

DEFAULT_COPY_FIELDS = ("title", "description", "summary", "excerpt")

_BLOCK_KINDS = {
    "heading_open": "heading",
    "paragraph_open": "paragraph",
    "th_open": "table-cell",
    "td_open": "table-cell",
}


def make_parser() -> MarkdownIt:
    parser = MarkdownIt("commonmark").enable("table").use(front_matter_plugin)
    parser.disable("text_join")  # keep escapes and entities as separate tokens
    return parser


def read(
    source: str,
    path: str,
    parser: MarkdownIt | None = None,
    copy_fields: Sequence[str] = DEFAULT_COPY_FIELDS,
) -> Document:
    tokens = (parser or make_parser()).parse(source)
    lines = LineTable.of(source)
    blocks: list[Block] = []
    cursor = 0
    kind = "paragraph"
    for token in tokens:
        if token.type == "front_matter" and token.map:
            blocks.extend(_front_matter(source, lines, token, copy_fields))
        elif token.type in _BLOCK_KINDS:
            kind = _BLOCK_KINDS[token.type]
        elif token.type == "inline" and token.map:
            begin, stop = token.map
            cursor = max(cursor, lines.starts[begin])
            limit = lines.starts[stop] if stop < len(lines.starts) else len(source)
            builder = ProseBuilder(source)
            cursor = _walk(token.children or [], source, cursor, limit, builder)
            block = builder.build(kind)
            if block is not None:
                blocks.append(block)
    return Document(path, source, tuple(blocks))


def _walk(children: list[Token], source: str, cursor: int, limit: int, out: ProseBuilder) -> int:
    in_autolink = False
    href = ""
    for child in children:
        kind = child.type
        if in_autolink:
            if kind == "link_close":
                in_autolink = False
                end = source.find(">", cursor, limit)
                cursor = end + 1 if end >= 0 else cursor
            continue
        if kind == "text" and child.content:
            cursor = _add_text(child.content, source, cursor, limit, out)
        elif kind == "text_special":
            at = source.find(child.markup, cursor, limit)
            if at >= 0:
                out.add_char(child.content, at)
                cursor = at + len(child.markup)
        elif kind in ("softbreak", "hardbreak"):
            out.separate()
        elif kind == "code_inline":
            out.separate()
            cursor = _skip_code(child.markup, source, cursor, limit)
        elif kind == "html_inline":
            out.separate()
            at = source.find(child.content, cursor, limit)
            if at >= 0:
                cursor = at + len(child.content)
        elif kind == "link_open":
            if child.markup == "autolink":
                in_autolink = True
            href = child.attrs.get("href", "")
            out.separate()
        elif kind == "link_close":
            out.separate()
            cursor = _skip_destination(source, cursor, limit, href)
        elif kind == "image":
            out.separate()
            cursor = _walk(child.children or [], source, cursor, limit, out)
            out.separate()
            cursor = _skip_destination(source, cursor, limit, child.attrs.get("src", ""))
    return cursor


def _add_text(content: str, source: str, cursor: int, limit: int, out: ProseBuilder) -> int:
    at = source.find(content, cursor, limit)
    if at >= 0:
        out.add(at, at + len(content))
        return at + len(content)
    # The token's text differs from the source (e.g. "\|" in a table cell):
    # locate it word by word instead.
    for word in content.split():
        at = source.find(word, cursor, limit)
        if at < 0:
            continue
        out.add(at, at + len(word))
        out.separate()
        cursor = at + len(word)
    return cursor


def _skip_code(markup: str, source: str, cursor: int, limit: int) -> int:
    opening = source.find(markup, cursor, limit)
    if opening < 0:
        return cursor
    closing = source.find(markup, opening + len(markup), limit)
    return closing + len(markup) if closing >= 0 else opening + len(markup)


def _skip_destination(source: str, cursor: int, limit: int, href: str) -> int:
    """Move past ``](destination "title")`` or ``][label]`` after link text.

    A reference link followed by text in parentheses (``[foo](not a link)``)
    keeps that text: parentheses are skipped only if they hold ``href``.
    """
    bracket = source.find("]", cursor, limit)
    if bracket < 0:
        return cursor
    pos = bracket + 1
    if pos < limit and source[pos] == "(" and _holds_destination(source, pos, limit, href):
        depth = 0
        while pos < limit:
            char = source[pos]
            if char == "\\":
                pos += 2
                continue
            if char == "(":
                depth += 1
            elif char == ")":
                depth -= 1
                if depth == 0:
                    return pos + 1
            pos += 1
        return limit
    if pos < limit and source[pos] == "[":
        close = source.find("]", pos, limit)
        return close + 1 if close >= 0 else pos
    return pos


def _holds_destination(source: str, pos: int, limit: int, href: str) -> bool:
    inside = source[pos + 1 : limit].lstrip()
    if not href:
        return inside.startswith((")", "<>", '"', "'"))
    first = inside.split(None, 1)[0] if inside.split() else ""
    first = first.rstrip(")").strip("<>").replace("\\", "")
    return unquote(first) == unquote(href) or unquote(href).endswith(unquote(first))


def _front_matter(source: str, lines: LineTable, token: Token, fields: Sequence[str]) -> list[Block]:
    begin, stop = token.map
    start = lines.starts[begin + 1] if begin + 1 < len(lines.starts) else len(source)
    end = lines.starts[stop - 1]
    raw = source[start:end]
    try:
        root = yaml.compose(raw, Loader=yaml.SafeLoader)
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
        builder.add(start + first, start + last)
        block = builder.build("front-matter")
        if block is not None:
            blocks.append(block)
    return blocks
