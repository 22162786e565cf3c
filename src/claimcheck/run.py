"""Check files: read each, lint it, and collect a :class:`Report`."""

from __future__ import annotations

from collections.abc import Sequence

from claimcheck.api import Linter
from claimcheck.errors import InputError
from claimcheck.files import STDIN, collect, read
from claimcheck.positions import LineTable
from claimcheck.readers import format_for
from claimcheck.report import Report


def check_paths(
    paths: Sequence[str],
    linter: Linter,
    stdin=None,
    stdin_filename: str | None = None,
    on_error=None,
) -> Report:
    """Lint every file; unreadable files are recorded (and passed to ``on_error``)
    and the others are still checked."""
    findings = []
    errors: list[tuple[str, str]] = []
    lines: dict[tuple[str, int], str] = {}
    files = 0
    for target in collect(paths):
        if isinstance(target, InputError):
            errors.append((target.path, target.reason))
            if on_error:
                on_error(target)
            continue
        try:
            source = read(target, stdin)
        except InputError as error:
            errors.append((error.path, error.reason))
            if on_error:
                on_error(error)
            continue
        if target.path == STDIN:
            path = stdin_filename or "<stdin>"
            kind = format_for(stdin_filename, "markdown") if stdin_filename else "markdown"
        else:
            path = target.path
            kind = format_for(path, "text")
        found = linter.lint_text(source, path, kind)
        files += 1
        if found:
            table = LineTable.of(source)
            for finding in found:
                start, end = table.line_span(finding.line, source)
                lines[(path, finding.line)] = source[start:end]
        findings.extend(found)
    return Report(tuple(findings), files, tuple(errors), lines)
