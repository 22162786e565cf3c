"""Machine-readable output (schema version 1, documented in the README).

Rendered one finding at a time as the files are checked (the same bytes as
one ``json.dumps`` with ``indent=2``, see :mod:`claimcheck.formatters.jsontext`),
so a large report is never held.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

from claimcheck.formatters import jsontext
from claimcheck.report import Event, FileResult, Run, Tally

VERSION = 1


def _finding(f) -> dict:
    found = {
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
    if f.score is not None:  # the claim scorer's findings
        found["score"] = f.score
    return found


def _indented(fields: dict) -> str:
    """``json.dumps(fields, indent=2)`` as an item of the findings list."""
    return "    " + jsontext.dumps(fields, 2)


def render(events: Iterable[Event], run: Run, color: bool = False) -> Iterator[str]:
    tally = Tally()
    first = True
    for event in events:
        tally.add(event)
        if isinstance(event, FileResult):
            for finding in event.findings:
                item = _indented(_finding(finding))
                yield ('{\n  "version": %d,\n  "findings": [\n' % VERSION if first else ",\n") + item
                first = False
    summary = {
        "files": tally.files,
        "findings": tally.findings,
        "error": tally.levels["error"],
        "warning": tally.levels["warning"],
        "info": tally.levels["info"],
        "unreadable": len(tally.errors),
        "suppressed": tally.suppressed,
        "stale_baseline": tally.stale_baseline,
    }
    errors = [{"path": path, "message": reason} for path, reason in tally.errors]
    tail = json.dumps({"summary": summary, "errors": errors}, indent=2, ensure_ascii=False)[1:]  # drop the brace
    yield ('{\n  "version": %d,\n  "findings": [],' % VERSION if first else "\n  ],") + tail + "\n"
