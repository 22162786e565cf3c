"""reviewdog diagnostics, one JSON object a line (rdjsonl).

reviewdog counts columns in UTF-8 bytes, 1-based, end exclusive; claimcheck's
code-point columns are converted with the source line.
"""

from __future__ import annotations

import json

from claimcheck.findings import Level
from claimcheck.report import Report

SEVERITY = {Level.ERROR: "ERROR", Level.WARNING: "WARNING", Level.INFO: "INFO"}


def _byte_column(report: Report, path: str, line: int, column: int) -> int:
    text = report.lines.get((path, line))
    if text is None:
        return column
    return len(text[: column - 1].encode("utf-8")) + 1


def render(report: Report, color: bool = False) -> str:
    out = []
    for f in report.findings:
        diagnostic = {
            "message": f.message,
            "location": {
                "path": f.path,
                "range": {
                    "start": {"line": f.line, "column": _byte_column(report, f.path, f.line, f.column)},
                    "end": {"line": f.end_line, "column": _byte_column(report, f.path, f.end_line, f.end_column)},
                },
            },
            "severity": SEVERITY[f.level],
            "source": {"name": "claimcheck"},
            "code": {"value": f.rule},
        }
        out.append(json.dumps(diagnostic, ensure_ascii=False))
    return "".join(line + "\n" for line in out)
