"""Character offsets to 1-based line and column, computed from one line table.

Lines end at ``\\n``, ``\\r\\n`` or a lone ``\\r``. Columns count code points,
starting at 1; an end column is exclusive.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

_NEWLINE = re.compile(r"\r\n|\r|\n")


@dataclass(frozen=True)
class LineTable:
    starts: tuple[int, ...]

    @classmethod
    def of(cls, text: str) -> "LineTable":
        return cls((0, *(m.end() for m in _NEWLINE.finditer(text))))

    def position(self, offset: int) -> tuple[int, int]:
        """Return ``(line, column)`` of a character offset, both 1-based."""
        index = bisect.bisect_right(self.starts, offset) - 1
        return index + 1, offset - self.starts[index] + 1

    def line_span(self, line: int, text: str) -> tuple[int, int]:
        """Return the ``[start, end)`` offsets of a 1-based line, without its newline."""
        start = self.starts[line - 1]
        end = self.starts[line] if line < len(self.starts) else len(text)
        while end > start and text[end - 1] in "\r\n":
            end -= 1
        return start, end
