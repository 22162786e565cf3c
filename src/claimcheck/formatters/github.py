"""GitHub Actions workflow commands: one annotation per finding.

GitHub shows at most 10 annotations of each level per step and 50 per job in
the pull request (the rest stay in the log); upload SARIF for all of them.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from claimcheck.findings import Level
from claimcheck.report import Event, FileResult, Run

COMMANDS = {Level.ERROR: "error", Level.WARNING: "warning", Level.INFO: "notice"}


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def render(events: Iterable[Event], run: Run, color: bool = False) -> Iterator[str]:
    errors = []
    for event in events:
        if not isinstance(event, FileResult):
            continue
        if event.error is not None:
            errors.append(f"::error file={_property(event.path)},title=claimcheck::{_data(event.error)}\n")
        for f in event.findings:
            properties = ",".join([
                f"file={_property(f.path)}",
                f"line={f.line}",
                f"endLine={f.end_line}",
                f"col={f.column}",
                f"endColumn={f.end_column}",
                f"title={_property(f'claimcheck {f.rule}')}",
            ])
            yield f"::{COMMANDS[f.level]} {properties}::{_data(f.message + ' Say instead: ' + f.suggestion)}\n"
    yield from errors
