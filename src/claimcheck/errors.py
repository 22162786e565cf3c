"""Errors that stop a run, each with what the user needs to fix it."""

from __future__ import annotations


class PackError(Exception):
    """A rule pack (or context file) is invalid: names the file, line and key."""

    def __init__(self, path: str, message: str, line: int | None = None, key: str | None = None):
        self.path, self.line, self.key, self.reason = path, line, key, message
        where = path if line is None else f"{path}:{line}"
        what = f"key '{key}': " if key else ""
        super().__init__(f"{where}: {what}{message}")


class InputError(Exception):
    """A file to check cannot be read or decoded."""

    def __init__(self, path: str, reason: str):
        self.path, self.reason = path, reason
        super().__init__(f"{path}: {reason}")


class SelectionError(Exception):
    """``--select`` / ``--ignore`` names a rule id or prefix that no rule has."""


def did_you_mean(name: str, known) -> str:
    """`` (did you mean 'x'?)`` for the closest known name, else ``""``."""
    import difflib

    close = difflib.get_close_matches(name, sorted(set(known)), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""
