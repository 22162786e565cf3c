"""HTML character references in an attribute's value ("&rsquo;",
"&#8217;", "&lt;p&gt;"), decoded with each character tied to the source
characters it came from: the reference, or the plain character itself."""

from __future__ import annotations

import html
import re

from claimcheck.readers.prose import ProseBuilder

REFERENCE = re.compile(r"&(#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[A-Za-z][A-Za-z0-9]*;?)")


def add(builder: ProseBuilder, source: str, start: int, end: int) -> None:
    """Add ``source[start:end]`` (an attribute value), decoding character references."""
    position = start
    for match, decoded in _references(source, start, end):
        builder.add(position, match.start())
        for char in decoded:
            builder.add_char(char, match.start(), match.end() - match.start())
        position = match.end()
    builder.add(position, end)


def decode(source: str, start: int, end: int) -> tuple[str, list[int], list[int]]:
    """``source[start:end]`` (an attribute value) with its character
    references decoded, and for each decoded character where its source
    starts and ends."""
    parts: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    position = start
    for match, decoded in _references(source, start, end):
        parts.append(source[position:match.start()])
        starts.extend(range(position, match.start()))
        ends.extend(range(position + 1, match.start() + 1))
        parts.append(decoded)
        starts.extend([match.start()] * len(decoded))
        ends.extend([match.end()] * len(decoded))
        position = match.end()
    parts.append(source[position:end])
    starts.extend(range(position, end))
    ends.extend(range(position + 1, end + 1))
    return "".join(parts), starts, ends


def _references(source: str, start: int, end: int):
    """Each reference in ``source[start:end]`` that decodes to something
    else (an unknown name is the text itself), with what it decodes to."""
    for match in REFERENCE.finditer(source, start, end):
        decoded = html.unescape(match.group())
        if decoded != match.group():
            yield match, decoded
