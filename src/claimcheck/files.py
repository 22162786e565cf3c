"""Find the files to check and read them without losing anything."""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from claimcheck.errors import InputError
from claimcheck.readers import SUFFIXES

STDIN = "-"
SKIPPED_DIRS = {"node_modules", "__pycache__", "venv"}


@dataclass(frozen=True)
class Target:
    path: str  # as shown to the user


def collect(paths: Sequence[str], wanted=None) -> Iterator[Target | InputError]:
    """Yield files to check in a deterministic order; directories are recursed
    for known suffixes (hidden folders and ``node_modules`` are skipped).
    ``wanted(path, explicit)`` (configured include/exclude) may drop files."""
    for path in paths:
        if path == STDIN:
            yield Target(STDIN)
        elif os.path.isdir(path):
            found = False
            for file in _walk(Path(path)):
                if wanted is None or wanted(str(file), False):
                    found = True
                    yield Target(str(file))
            if not found:
                yield InputError(path, "no Markdown or text files to check in this folder")
        elif os.path.exists(path):
            if wanted is None or wanted(path, True):
                yield Target(path)
        else:
            yield InputError(path, "no such file or directory")


def _walk(folder: Path) -> Iterator[Path]:
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in SKIPPED_DIRS)
        for name in sorted(files):
            if Path(name).suffix.lower() in SUFFIXES:
                yield Path(root) / name


def decode(data: bytes, path: str) -> str:
    """UTF-8 (with or without BOM) only; anything else is a clear error."""
    if b"\0" in data[:8192]:
        raise InputError(path, "looks like a binary file (it contains NUL bytes); not checked")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise InputError(
            path,
            f"not valid UTF-8 (byte 0x{data[error.start]:02x} at line {line}, byte offset {error.start}); "
            "save the file as UTF-8 and try again",
        ) from None


def read(target: Target, stdin=None) -> str:
    if target.path == STDIN:
        import sys

        stream = stdin if stdin is not None else sys.stdin.buffer
        return decode(stream.read(), "<stdin>")
    try:
        data = Path(target.path).read_bytes()
    except IsADirectoryError:
        raise InputError(target.path, "is a directory") from None
    except PermissionError:
        raise InputError(target.path, "permission denied") from None
    except OSError as error:
        raise InputError(target.path, error.strerror or str(error)) from None
    return decode(data, target.path)
