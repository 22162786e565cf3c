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
                yield "\n".join(_finding(finding, event.lines, color, run.width)) + "\n"
    yield _summary(tally, color) + "\n"


def _style(text: str, color: bool, **style) -> str:
    return click.style(text, **style) if color else text


def _finding(finding: Finding, source_lines: Mapping[int, str], color: bool, width: int = 100) -> list[str]:
    where = _style(f"{finding.path}:{finding.line}:{finding.column}:", color, bold=True)
    level = _style(str(finding.level), color, fg=_COLORS[finding.level], bold=True)
    rule = _style(f"[{finding.rule}]", color, dim=True)
    lines = [f"{where} {level} {rule} {finding.message}"]
    source = source_lines.get(finding.line)
    if source is not None:
        number = str(finding.line)
        pad = " " * len(number)
        start = finding.column - 1
        end = finding.end_column - 1 if finding.end_line == finding.line else len(source)
        shown, before, marked = window(source, start, max(end, start + 1), max(20, width - len(number) - 5))
        marks = "^" * max(1, marked)
        lines.append(f"  {number} | {shown}")
        lines.append(f"  {pad} | {' ' * before}{_style(marks, color, fg=_COLORS[finding.level])}")
        lines.append(f"  {pad} = try: {finding.suggestion}")
    lines.append("")
    return lines


def char_width(char: str) -> int:
    """Terminal columns of one character: 2 for East Asian wide and
    fullwidth characters (CJK, most emoji), 0 for combining marks and
    zero-width characters, else 1."""
    if char.isascii():
        return 1 if char.isprintable() else 0
    import unicodedata

    if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def window(line: str, start: int, end: int, width: int) -> tuple[str, int, int]:
    """The part of ``line`` to show for the span ``[start, end)`` in at most
    about ``width`` columns, with "…" where it is cut: ``(text, columns
    before the span, columns of the span shown)``. Tabs and other control
    characters show as one space each. Only the characters near the span are
    measured, so many findings on one huge line cost no more than on short ones."""
    end = min(end, len(line))
    if len(line) <= width and line.isascii():  # the common case
        shown = _printable(line)
        return shown, start, max(1, end - start)
    reach = 4 * width  # characters looked at on each side (zero-width ones take no column)
    near = line[max(0, start - reach):min(len(line), end + 2 * reach)]
    if near.isascii() and near.isprintable():  # one column a character: the loops below in closed form
        budget = width - 2
        right = start + min(end - start, budget)
        left = start - min(start, (budget - (right - start)) // 3)
        right = min(len(line), right + budget - (right - left))
        left = max(0, left - (budget - (right - left)))
        prefix = "…" if left > 0 else ""
        suffix = "…" if right < len(line) else ""
        return prefix + line[left:right] + suffix, len(prefix) + start - left, max(1, min(end, right) - start)

    def columns(index: int) -> int:
        char = line[index]
        return 1 if char == "\t" else char_width(char)

    budget = width - 2  # room for the two "…"
    left, right = start, start
    used = 0
    while right < end and right - start < reach and used + columns(right) <= budget:  # the span first
        used += columns(right)
        right += 1
    context = max(0, budget - used)
    used_left = 0
    while left > 0 and start - left < reach and used_left + columns(left - 1) <= context // 3:  # a third before
        left -= 1
        used_left += columns(left)
    used += used_left
    while right < len(line) and right - start < 2 * reach and used + columns(right) <= budget:  # the rest after
        used += columns(right)
        right += 1
    while left > 0 and start - left < reach and used + columns(left - 1) <= budget:
        left -= 1
        used += columns(left)
    prefix = "…" if left > 0 else ""
    suffix = "…" if right < len(line) else ""
    before = len(prefix) + sum(columns(i) for i in range(left, start))
    marked = sum(columns(i) for i in range(start, min(end, right)))
    return prefix + _printable(line[left:right]) + suffix, before, max(1, marked)


def _printable(text: str) -> str:
    """Tabs and control characters as one space (so carets stay aligned)."""
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() or char_width(c) == 0 and not c.isascii() else " " for c in text)


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
