"""A cache of loaded rule packs (and their prefilter), so a run on a clean
file needs neither YAML parsing nor spaCy.

The key is claimcheck's version, Python's version, and the path, size and
modification time of every file in claimcheck's package and the pack folders;
any change rebuilds it.
It lives in ``$CLAIMCHECK_CACHE_DIR``, else ``$XDG_CACHE_HOME/claimcheck``,
else ``~/.cache/claimcheck``, never beside the files being checked. Set
``CLAIMCHECK_NO_CACHE=1`` to bypass it. A cache that cannot be read or
written is ignored.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
from collections.abc import Callable, Sequence
from pathlib import Path


def cache_dir() -> Path:
    if os.environ.get("CLAIMCHECK_CACHE_DIR"):
        return Path(os.environ["CLAIMCHECK_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "claimcheck"


def key(folders: Sequence[Path]) -> str:
    from claimcheck import __version__

    digest = hashlib.sha256(f"{__version__}|{sys.version}".encode())
    # claimcheck's own code too: a changed loader or prefilter in a checkout
    # (same version number) must not be served an old pickle.
    for folder in [Path(__file__).parent, *folders]:
        if os.path.isfile(folder):  # a configuration file
            stat = os.stat(folder)
            digest.update(f"{os.path.abspath(folder)}|{stat.st_size}|{stat.st_mtime_ns}\n".encode())
            continue
        for root, dirs, files in os.walk(folder):
            dirs[:] = sorted(d for d in dirs if d != "__pycache__")
            for name in sorted(files):
                path = os.path.join(root, name)
                stat = os.stat(path)
                digest.update(f"{os.path.abspath(path)}|{stat.st_size}|{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def cached(folders: Sequence[Path], build: Callable[[], object]) -> object:
    """``build()``'s result for these pack folders, from the cache if it is current."""
    if os.environ.get("CLAIMCHECK_NO_CACHE"):
        return build()
    try:
        path = cache_dir() / f"packs-{key(folders)}.pickle"
    except OSError:
        return build()
    return _stored(path, build)


def memo(name: str, parts: Sequence[str], build: Callable[[], object]) -> object:
    """``build()``'s result, cached under ``name`` for the exact ``parts``
    (strings that decide the result) and claimcheck's own code, as the packs
    are: the phrase matcher's token keys of the vocabulary terms, which need
    spaCy's tokenizer to compute."""
    if os.environ.get("CLAIMCHECK_NO_CACHE"):
        return build()
    digest = hashlib.sha256(key([]).encode())
    for part in parts:
        digest.update(part.encode("utf-8", "surrogatepass") + b"\0")
    try:
        path = cache_dir() / f"{name}-{digest.hexdigest()}.pickle"
    except OSError:
        return build()
    return _stored(path, build)


def _stored(path: Path, build: Callable[[], object]) -> object:
    try:
        with open(path, "rb") as handle:
            return _load(handle)
    except Exception:  # missing, stale format, unreadable: rebuild
        pass
    value = build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(f".{os.getpid()}.tmp")
        with open(temporary, "wb") as handle:
            pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, path)
        prune(path.parent, keep=path, prefix=path.name.split("-", 1)[0])
    except (OSError, pickle.PicklingError, TypeError):
        pass
    return value


def _load(handle) -> object:
    """Unpickle with the cyclic garbage collector paused: the thousands of
    tuples a cache holds would otherwise set off a full collection of
    everything spaCy has loaded (about 50 ms, measured, instead of 3)."""
    from claimcheck.gcpause import paused

    with paused():
        return pickle.load(handle)


# Each claimcheck version, Python and set of pack folders has its own entry;
# only the most recently used ones are kept.
KEEP_ENTRIES = 8


def prune(folder: Path, keep: Path, entries: int = KEEP_ENTRIES, prefix: str = "packs") -> None:
    """Delete all but the ``entries`` newest caches named ``prefix-*`` (never
    ``keep``), and temporary files left by interrupted writes."""
    import time

    found = []
    for path in folder.glob(f"{prefix}-*"):
        try:
            mtime = path.stat().st_mtime
        except OSError:
            continue
        if path.suffix == ".tmp":
            if time.time() - mtime > 3600:
                path.unlink(missing_ok=True)
        elif path != keep:
            found.append((mtime, path))
    for _, path in sorted(found, reverse=True)[max(0, entries - 1):]:
        try:
            path.unlink()
        except OSError:
            pass
