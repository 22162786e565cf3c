"""Lines added or changed since a git ref (for ``--diff REF``)."""

from __future__ import annotations

import os
import re
import subprocess
from collections.abc import Iterable, Iterator
from dataclasses import replace

from claimcheck.errors import InputError
from claimcheck.report import Event, FileResult

_HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@", re.MULTILINE)


def changed_lines(ref: str) -> dict[str, set[int]] | None:
    """Absolute path -> changed line numbers; untracked files count as all
    changed (None for the set). Raises InputError if git cannot answer."""
    try:
        root = _git("rev-parse", "--show-toplevel").strip()
        diff = _git("diff", "--unified=0", "--no-color", "--no-ext-diff", "--relative=", ref, cwd=root)
        untracked = _git("ls-files", "-z", "--others", "--exclude-standard", cwd=root).split("\0")
    except (OSError, subprocess.CalledProcessError) as error:
        detail = getattr(error, "stderr", b"") or str(error)
        detail = os.fsdecode(detail) if isinstance(detail, bytes) else detail
        raise InputError(f"--diff {ref}", f"git could not list changes: {detail.strip()}") from None
    changed: dict[str, set[int] | None] = {}
    current = None
    for line in diff.split("\n"):  # only "\n" ends a line of git's output; a changed line may hold U+2028
        if line.startswith("+++ "):
            name = _path(line[4:])
            current = None if name == "/dev/null" else os.path.realpath(
                os.path.join(root, name[2:] if name.startswith("b/") else name))
            if current:
                changed.setdefault(current, set())
        elif line.startswith("@@") and current:
            match = _HUNK.match(line)
            if match:
                start, count = int(match.group(1)), int(match.group(2) or 1)
                changed[current].update(range(start, start + count))
    for name in filter(None, untracked):
        changed[os.path.realpath(os.path.join(root, name))] = None
    return changed


def keep(finding, changed: dict) -> bool:
    path = os.path.realpath(finding.path)
    if path not in changed:
        return False
    lines = changed[path]
    return lines is None or any(n in lines for n in range(finding.line, finding.end_line + 1))


def narrow(events: Iterable[Event], changed: dict) -> Iterator[Event]:
    """The stream with only the findings (and suppressions) on changed lines."""
    for event in events:
        if isinstance(event, FileResult) and (event.findings or event.suppressed):
            event = replace(
                event,
                findings=tuple(f for f in event.findings if keep(f, changed)),
                suppressed=tuple(s for s in event.suppressed if keep(s.finding, changed)),
            )
        yield event


def _git(*args: str, cwd: str | None = None) -> str:
    """git's output, its bytes decoded as the file system's names are: a
    changed line in another encoding than UTF-8 must not stop the run."""
    result = subprocess.run(["git", "-c", "core.quotePath=false", *args], cwd=cwd, capture_output=True, check=True)
    return os.fsdecode(result.stdout)


_ESCAPES = {"a": 7, "b": 8, "t": 9, "n": 10, "v": 11, "f": 12, "r": 13, '"': 34, "\\": 92}


def _path(name: str) -> str:
    """A file name from a ``+++`` line: git puts a name with a tab, newline,
    quote or backslash in double quotes with C escapes (octal for bytes), and
    ends a name holding a space with a tab."""
    if not name.startswith('"'):
        return name[:-1] if name.endswith("\t") else name
    if name.endswith("\t"):
        name = name[:-1]
    raw, index, end = bytearray(), 1, len(name) - 1  # inside the quotes
    while index < end:
        char = name[index]
        if char == "\\" and name[index + 1:index + 4].isdigit():
            raw.append(int(name[index + 1:index + 4], 8))
            index += 4
        elif char == "\\" and name[index + 1:index + 2] in _ESCAPES:
            raw.append(_ESCAPES[name[index + 1]])
            index += 2
        else:
            raw += os.fsencode(char)
            index += 1
    return os.fsdecode(bytes(raw))
