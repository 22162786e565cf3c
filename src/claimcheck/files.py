"""Find the files to check and read them without losing anything."""

from __future__ import annotations

import os
import re
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


@dataclass(frozen=True)
class Skipped:
    """A file a folder walk passed over, and why (a notice, not an error)."""

    path: str
    reason: str


def collect(paths: Sequence[str], wanted=None) -> Iterator[Target | InputError | Skipped]:
    """Yield files to check in a deterministic order; directories are recursed
    for known suffixes (hidden folders and ``node_modules`` are skipped).
    ``wanted(path, explicit)`` (configured include/exclude) may drop files.
    A folder that cannot be read is an ``InputError``; a FIFO, socket or
    device met in a walk is ``Skipped`` (named explicitly, it is read as given)."""
    for path in paths:
        if path == STDIN:
            yield Target(STDIN)
        elif os.path.isdir(path):
            found = False
            for file in _walk(Path(path)):
                if isinstance(file, (InputError, Skipped)):
                    found = found or isinstance(file, InputError)
                    yield file
                elif wanted is None or wanted(str(file), False):
                    found = True
                    yield Target(str(file))
            if not found:
                yield InputError(path, "no Markdown, HTML or text files to check in this folder")
        elif os.path.exists(path):
            if wanted is None or wanted(path, True):
                yield Target(path)
        else:
            yield InputError(path, "no such file or directory")


def _walk(folder: Path) -> Iterator[Path | InputError | Skipped]:
    errors: list[OSError] = []

    def unreadable(error: OSError, where: str) -> InputError:
        return InputError(error.filename or where, f"cannot read this folder: {error.strerror or error}")

    for root, dirs, files in os.walk(folder, onerror=errors.append):
        while errors:
            yield unreadable(errors.pop(0), root)
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in SKIPPED_DIRS)
        for name in sorted(files):
            if Path(name).suffix.lower() in SUFFIXES:
                path = Path(root) / name
                kind = _special_kind(path)
                yield path if kind is None else Skipped(str(path), f"skipped: {kind}, not a regular file")
    for error in errors:  # the top folder itself
        yield unreadable(error, str(folder))


def _special_kind(path: Path) -> str | None:
    """What a non-regular file is ("a FIFO"), or None for a regular file
    (or one that cannot be inspected: reading it will say why)."""
    import stat

    try:
        mode = os.stat(path).st_mode
    except OSError:
        return None
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a regular file"


# Byte-order marks, longest first (the UTF-32 LE mark begins with UTF-16 LE's).
_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"),
)


def printable(path: str) -> str:
    """A path as every output can show it: a file name that is not valid
    UTF-8 (Python holds its bytes as lone surrogates) gets ``\\xNN`` escapes
    for those bytes, the way ``ls -b`` shows them; the file is still read by
    its real name."""
    if path.isascii():
        return path
    try:
        path.encode("utf-8")
        return path
    except UnicodeEncodeError:
        return path.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


_META_CHARSET = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE)


def decode(data: bytes, path: str, html: bool = False) -> str:
    """UTF-8 (with or without BOM), or UTF-16 / UTF-32 with a BOM; for HTML,
    then the ``<meta charset>`` (or ``http-equiv`` content type) of the first
    2 KB; anything else is a clear error. Columns count characters of the
    decoded text."""
    for bom, encoding in _BOMS:
        if not data.startswith(bom):
            continue
        if encoding == "utf-8-sig":
            html = False  # a BOM says the encoding before any <meta charset> does
            break
        try:
            return data.decode(encoding)
        except UnicodeDecodeError as error:
            raise InputError(path, f"starts with a {encoding.upper()} byte-order mark but is not valid "
                                   f"{encoding.upper()} (at byte offset {error.start})") from None
    if html:
        declared = _META_CHARSET.search(data[:2048])
        charset = declared.group(1).decode("ascii").lower() if declared else "utf-8"
        if charset.replace("_", "-") not in ("utf-8", "utf8"):
            return _decode_declared(data, path, charset)
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


def _decode_declared(data: bytes, path: str, charset: str) -> str:
    import codecs

    try:
        codec = codecs.lookup(charset)
    except LookupError:
        raise InputError(path, f"declares charset '{charset}', which Python does not know") from None
    try:
        return data.decode(codec.name)
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise InputError(path, f"not valid {charset} as its <meta charset> declares (byte 0x{data[error.start]:02x} "
                               f"at line {line}, byte offset {error.start})") from None


def read(target: Target, stdin=None, html: bool = False) -> str:
    if target.path == STDIN:
        import sys

        stream = stdin if stdin is not None else sys.stdin.buffer
        return decode(stream.read(), "<stdin>", html)
    try:
        data = Path(target.path).read_bytes()
    except IsADirectoryError:
        raise InputError(target.path, "is a directory") from None
    except PermissionError:
        raise InputError(target.path, "permission denied") from None
    except OSError as error:
        raise InputError(target.path, error.strerror or str(error)) from None
    return decode(data, target.path, html)
