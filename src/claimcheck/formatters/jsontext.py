"""JSON text as ``json.dumps(value, indent=2, ensure_ascii=False)`` writes it,
faster.

With ``indent`` set, the standard library encodes in pure Python, token by
token (its C encoder is used only for compact output); a SARIF log of 13,000
results spent a second there. :func:`dumps` writes the same bytes, walking
the containers in Python and encoding every string with the C function
:func:`json.encoder.encode_basestring`. It takes what the formatters build:
dicts with string keys, lists and tuples, strings, ints, floats, booleans and
None.
"""

from __future__ import annotations

import math
from json.encoder import encode_basestring

INDENT = "  "


def dumps(value, level: int = 0) -> str:
    """``json.dumps(value, indent=2, ensure_ascii=False)``, as if ``value``
    stood ``level`` levels deep (its inner lines indented by ``level + 1``
    steps; its first line not indented)."""
    parts: list[str] = []
    _write(value, level, parts.append)
    return "".join(parts)


def _write(value, level: int, out) -> None:
    if isinstance(value, str):
        out(encode_basestring(value))
    elif isinstance(value, dict):
        if not value:
            out("{}")
            return
        inner = "\n" + INDENT * (level + 1)
        first = True
        for key, item in value.items():
            if type(key) is not str:
                raise TypeError(f"keys must be str, not {type(key).__name__}")
            head = ("{" if first else ",") + inner + encode_basestring(key) + ": "
            first = False
            kind = type(item)  # the common leaves written here: one call fewer each
            if kind is str:
                out(head + encode_basestring(item))
            elif kind is int:
                out(head + int.__repr__(item))
            else:
                out(head)
                _write(item, level + 1, out)
        out("\n" + INDENT * level + "}")
    elif isinstance(value, (list, tuple)):
        if not value:
            out("[]")
            return
        inner = "\n" + INDENT * (level + 1)
        first = True
        for item in value:
            out(("[" if first else ",") + inner)
            first = False
            _write(item, level + 1, out)
        out("\n" + INDENT * level + "]")
    else:
        out(_scalar(value))


def _scalar(value) -> str:
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return int.__repr__(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(f"out of range float values are not JSON compliant: {value!r}")
        return float.__repr__(value)
    raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")
