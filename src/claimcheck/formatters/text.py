"""Human-readable output: one block per finding, then a plain-English summary."""

from __future__ import annotations

import click

from claimcheck.findings import Finding, Level
from claimcheck.report import Report

_COLORS = {Level.ERROR: "red", Level.WARNING: "yellow", Level.INFO: "blue"}


def render(report: Report, color: bool = False) -> str:
    out: list[str] = []
    for finding in report.findings:
        out.extend(_finding(finding, report, color))
    out.append(_summary(report, color))
    return "\n".join(out) + "\n"


def _style(text: str, color: bool, **style) -> str:
    return click.style(text, **style) if color else text


def _finding(finding: Finding, report: Report, color: bool) -> list[str]:
    where = _style(f"{finding.path}:{finding.line}:{finding.column}:", color, bold=True)
    level = _style(str(finding.level), color, fg=_COLORS[finding.level], bold=True)
    rule = _style(f"[{finding.rule}]", color, dim=True)
    lines = [f"{where} {level} {rule} {finding.message}"]
    source = report.lines.get((finding.path, finding.line))
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


def _summary(report: Report, color: bool) -> str:
    counts = report.counts()
    parts = []
    notes = []
    if report.suppressed:
        notes.append(f"{len(report.suppressed)} suppressed")
    if report.stale_baseline:
        notes.append(f"{_plural(report.stale_baseline, 'baseline entry')} no longer found".replace("entrys", "entries"))
    if notes:
        parts.append(f"({'; '.join(notes)})")
    if report.errors:
        parts.append(f"{_plural(len(report.errors), 'file')} could not be read (see messages above).")
    if not report.findings:
        parts.insert(0, f"No problems found in {_plural(report.files, 'file')}.")
        return "\n".join(parts)
    files = len({f.path for f in report.findings})
    by_level = ", ".join(
        _plural(counts[name], name) if name != "info" else f"{counts[name]} info"
        for name in ("error", "warning", "info")
        if counts[name]
    )
    head = f"Found {_plural(len(report.findings), 'problem')} in {files} of {_plural(report.files, 'file')}: {by_level}."
    parts.insert(0, _style(head, color, bold=True))
    parts.append("Run `claimcheck explain RULE-ID` to see why a rule matters and how to fix it.")
    return "\n".join(parts)
