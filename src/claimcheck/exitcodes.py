"""Process exit codes."""

from __future__ import annotations

import enum


class ExitCode(enum.IntEnum):
    OK = 0  # no findings at or above the fail level
    FINDINGS = 1  # findings at or above the fail level
    USAGE = 2  # bad usage, or an input file could not be read
    CONFIG = 3  # a rule pack (or configuration) is invalid
