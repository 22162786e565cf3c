"""Machine-readable output (schema version 1, documented in docs/output.md)."""

from __future__ import annotations

import json

from claimcheck.report import Report

VERSION = 1


def render(report: Report, color: bool = False) -> str:
    counts = report.counts()
    data = {
        "version": VERSION,
        "findings": [
            {
                "path": f.path,
                "line": f.line,
                "column": f.column,
                "end_line": f.end_line,
                "end_column": f.end_column,
                "rule": f.rule,
                "category": f.category,
                "level": str(f.level),
                "message": f.message,
                "text": f.text,
                "suggestion": f.suggestion,
            }
            for f in report.findings
        ],
        "summary": {
            "files": report.files,
            "findings": len(report.findings),
            "error": counts["error"],
            "warning": counts["warning"],
            "info": counts["info"],
            "unreadable": len(report.errors),
            "suppressed": len(report.suppressed),
            "stale_baseline": report.stale_baseline,
        },
        "errors": [{"path": path, "message": reason} for path, reason in report.errors],
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
