"""JSON-LD (``<script type="application/ld+json">``): each string value
that reads as copy (not a key, a URL, an identifier or an ``@`` field) is a
block, its escapes ("\\u00e9", "\\"") decoded to the source characters
they came from."""

from __future__ import annotations

import re

from claimcheck.readers.document import Block
from claimcheck.readers.prose import ProseBuilder

# Keys whose string values are not copy.
_SKIPPED_KEYS = re.compile(r"^(@.*|url|image|logo|sameAs|email|telephone|.*Url|.*URL|identifier|sku|gtin.*)$")
_STRING = re.compile(r'"((?:[^"\\]|\\.)*)"(\s*:)?', re.DOTALL)
_ESCAPE = re.compile(r"\\(u[0-9a-fA-F]{4}(?:\\u[0-9a-fA-F]{4})?|.)", re.DOTALL)
_SIMPLE = {'"': '"', "\\": "\\", "/": "/", "b": " ", "f": " ", "n": " ", "r": " ", "t": " "}


def blocks(source: str, start: int, length: int) -> list[Block]:
    """The copy of the JSON in ``source[start:start + length]``, a block per string value."""
    text = source[start:start + length]
    found = []
    key = None
    for match in _STRING.finditer(text):
        if match.group(2):  # a key
            key = match.group(1)
            continue
        if key is not None and _SKIPPED_KEYS.match(key):
            key = None
            continue
        key = None
        value_start, value_end = start + match.start(1), start + match.end(1)
        raw = source[value_start:value_end]
        if " " not in raw or raw.startswith(("http://", "https://")):
            continue  # a name, a type, an identifier: not copy
        builder = ProseBuilder(source)
        _add_json_string(builder, source, value_start, value_end)
        block = builder.build("json-ld")
        if block is not None:
            found.append(block)
    return found


def _add_json_string(builder: ProseBuilder, source: str, start: int, end: int) -> None:
    """Add a JSON string's contents, decoding escapes (``\\u00e9``, ``\\"``) to their source."""
    position = start
    for match in _ESCAPE.finditer(source, start, end):
        builder.add(position, match.start())
        escape = match.group(1)
        if escape[0] == "u" and len(escape) >= 5:
            try:
                decoded = match.group().encode("ascii").decode("unicode_escape").encode(
                    "utf-16", "surrogatepass").decode("utf-16")
            except (UnicodeDecodeError, UnicodeEncodeError):
                decoded = " "
        else:
            decoded = _SIMPLE.get(escape, escape)
        for char in decoded:
            builder.add_char(char, match.start(), match.end() - match.start())
        position = match.end()
    builder.add(position, end)
