"""Human-readable output: one block per finding, then a plain-English summary."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping

import click

from claimcheck.findings import Finding, Level
from claimcheck.report import Event, FileResult, Run, Tally

_COLORS = {Level.ERROR: "red", Level.WARNING: "yellow", Level.INFO: "blue"}


def render(events: Iterable[Event], run: Run, color: bool = False) -> Iterator[str]:
    tally = Tally()
    for event in events:
        tally.add(event)
        if isinstance(event, FileResult):
            for finding in event.findings:
                yield "\n".join(_finding(finding, event.lines, color)) + "\n"
    yield _summary(tally, color) + "\n"


def _style(text: str, color: bool, **style) -> str:
    return click.style(text, **style) if color else text


def _finding(finding: Finding, source_lines: Mapping[int, str], color: bool) -> list[str]:
    where = _style(f"{finding.path}:{finding.line}:{finding.column}:", color, bold=True)
    level = _style(str(finding.level), color, fg=_COLORS[finding.level], bold=True)
    rule = _style(f"[{finding.rule}]", color, dim=True)
    lines = [f"{where} {level} {rule} {finding.message}"]
    source = source_lines.get(finding.line)
    if source is not None:
        shown = source.replace("\t", " ")
        number = str(finding.line)
        pad = " " * len(number)
        start = finding.column - 1
        end = finding.end_column - 1 if finding.end_line == finding.line else len(shown)
        marks = "^" * max(1, end - start)
        lines.append(f"  {number} | {shown}")
        lines.append(f"  {pad} | {' ' * start}{_style(marks, color, fg=_COLORS[finding.level])}")
        lines.append(f"  {pad} = try: {finding.suggestion}")
    lines.append("")
    return lines


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def _summary(tally: Tally, color: bool) -> str:
    counts = tally.levels
    parts = []
    notes = []
    if tally.suppressed:
        notes.append(f"{tally.suppressed} suppressed")
    if tally.stale_baseline:
        notes.append(f"{_plural(tally.stale_baseline, 'baseline entry')} no longer found".replace("entrys", "entries"))
    if notes:
        parts.append(f"({'; '.join(notes)})")
    if tally.errors:
        parts.append(f"{_plural(len(tally.errors), 'file')} could not be read (see messages above).")
    if not tally.findings:
        parts.insert(0, f"No problems found in {_plural(tally.files, 'file')}.")
        return "\n".join(parts)
    files = tally.files_with_findings
    by_level = ", ".join(
        _plural(counts[name], name) if name != "info" else f"{counts[name]} info"
        for name in ("error", "warning", "info")
        if counts[name]
    )
    head = f"Found {_plural(tally.findings, 'problem')} in {files} of {_plural(tally.files, 'file')}: {by_level}."
    parts.insert(0, _style(head, color, bold=True))
    parts.append("Run `claimcheck explain RULE-ID` to see why a rule matters and how to fix it.")
    return "\n".join(parts)
