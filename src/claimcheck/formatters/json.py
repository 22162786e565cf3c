"""Machine-readable output (schema version 1, documented in the README).

Rendered one finding at a time (the same bytes as one ``json.dumps`` with
``indent=2``), so a large report is not held twice as Python objects.
"""

from __future__ import annotations

import json
import textwrap

from claimcheck.report import Report

VERSION = 1


def _finding(f) -> dict:
    return {
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


def render(report: Report, color: bool = False) -> str:
    counts = report.counts()
    summary = {
        "files": report.files,
        "findings": len(report.findings),
        "error": counts["error"],
        "warning": counts["warning"],
        "info": counts["info"],
        "unreadable": len(report.errors),
        "suppressed": len(report.suppressed),
        "stale_baseline": report.stale_baseline,
    }
    errors = [{"path": path, "message": reason} for path, reason in report.errors]
    if report.findings:
        items = ",\n".join(
            textwrap.indent(json.dumps(_finding(f), indent=2, ensure_ascii=False), "    ") for f in report.findings
        )
        findings = "[\n" + items + "\n  ]"
    else:
        findings = "[]"
    rest = {"summary": summary, "errors": errors}
    tail = json.dumps(rest, indent=2, ensure_ascii=False)[1:]  # drop the opening brace
    return f'{{\n  "version": {VERSION},\n  "findings": {findings},' + tail + "\n"
