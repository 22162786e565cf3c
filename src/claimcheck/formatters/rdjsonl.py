"""reviewdog diagnostics, one JSON object a line (rdjsonl).

reviewdog counts columns in UTF-8 bytes, 1-based, end exclusive; claimcheck's
code-point columns are converted with the source line.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping

from claimcheck.findings import Level
from claimcheck.report import Event, FileResult, Run

SEVERITY = {Level.ERROR: "ERROR", Level.WARNING: "WARNING", Level.INFO: "INFO"}


def _byte_column(lines: Mapping[int, str], line: int, column: int) -> int:
    text = lines.get(line)
    if text is None:
        return column
    return len(text[: column - 1].encode("utf-8")) + 1


def render(events: Iterable[Event], run: Run, color: bool = False) -> Iterator[str]:
    for event in events:
        if not isinstance(event, FileResult):
            continue
        for f in event.findings:
            diagnostic = {
                "message": f.message,
                "location": {
                    "path": f.path,
                    "range": {
                        "start": {"line": f.line, "column": _byte_column(event.lines, f.line, f.column)},
                        "end": {"line": f.end_line, "column": _byte_column(event.lines, f.end_line, f.end_column)},
                    },
                },
                "severity": SEVERITY[f.level],
                "source": {"name": "claimcheck"},
                "code": {"value": f.rule},
            }
            yield json.dumps(diagnostic, ensure_ascii=False) + "\n"
