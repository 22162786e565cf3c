"""Check files: read each, lint it, and collect a :class:`Report`.

Files are streamed: each is read, linted and dropped, so memory does not grow
with the corpus. With ``jobs > 1`` files go to worker processes (forked, so
they inherit the loaded packs; each loads spaCy once, on first need) that
return findings only; results come back in input order.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence

from claimcheck import suppress
from claimcheck.api import Linter
from claimcheck.errors import InputError
from claimcheck.files import STDIN, Target, collect, read
from claimcheck.positions import LineTable
from claimcheck.readers import format_for
from claimcheck.report import Report

# Below this many files one process is faster than starting workers.
PARALLEL_MIN_FILES = 100


def default_jobs(files: int) -> int:
    return (os.cpu_count() or 1) if files >= PARALLEL_MIN_FILES else 1


def check_paths(
    paths: Sequence[str],
    linter: Linter,
    stdin=None,
    stdin_filename: str | None = None,
    on_error: Callable[[InputError], None] | None = None,
    jobs: int | None = None,
    on_progress: Callable[[int, int], None] | None = None,
    config=None,
) -> Report:
    """Lint every file; unreadable files are recorded (and passed to ``on_error``)
    and the others are still checked."""
    findings = []
    suppressed = []
    errors: list[tuple[str, str]] = []
    lines: dict[tuple[str, int], str] = {}
    files = 0
    targets: list[Target] = []
    wanted = None
    if config is not None and (config.include or config.exclude):
        from claimcheck.config import matches_path

        def wanted(path: str, explicit: bool) -> bool:
            if config.exclude and matches_path(path, config.exclude, config):
                return False
            return explicit or not config.include or matches_path(path, config.include, config)

    for item in collect(paths, wanted):
        if isinstance(item, InputError):
            errors.append((item.path, item.reason))
            if on_error:
                on_error(item)
        else:
            targets.append(item)
    jobs = default_jobs(len(targets)) if jobs is None else jobs
    if jobs > 1 and len(targets) > 1 and not any(t.path == STDIN for t in targets):
        results = _parallel(targets, linter, jobs, config)
    else:
        results = (_check_one(target, linter, stdin, stdin_filename, config) for target in targets)
    for done, (found, found_suppressed, found_lines, error) in enumerate(results, 1):
        if error is not None:
            errors.append((error.path, error.reason))
            if on_error:
                on_error(error)
        else:
            files += 1
            findings.extend(found)
            suppressed.extend(found_suppressed)
            lines.update(found_lines)
        if on_progress:
            on_progress(done, len(targets))
    return Report(tuple(findings), files, tuple(errors), lines, suppressed=tuple(suppressed),
                  rules=linter.ruleset.rules, root=os.getcwd())


def _check_one(target: Target, linter: Linter, stdin=None, stdin_filename=None, config=None):
    try:
        source = read(target, stdin)
    except InputError as error:
        return (), (), {}, error
    if target.path == STDIN:
        path = stdin_filename or "<stdin>"
        kind = format_for(stdin_filename, "markdown") if stdin_filename else "markdown"
    else:
        path = target.path
        kind = format_for(path, "text")
    found = linter.lint_text(source, path, kind)
    if config is not None:
        from claimcheck.config import override

        found = override(found, config, path)
    found, suppressed = suppress.apply(source, kind == "markdown", found, path)
    lines = {}
    if found or suppressed:
        table = LineTable.of(source)
        for finding in (*found, *(s.finding for s in suppressed)):
            for number in {finding.line, finding.end_line}:
                start, end = table.line_span(number, source)
                lines[(path, number)] = source[start:end]
    return found, suppressed, lines, None


# -- worker processes ---------------------------------------------------------

_WORKER: tuple = (None, None)


def _init_worker(linter: Linter, config) -> None:
    global _WORKER  # one per worker process, set once before any work
    _WORKER = (linter, config)


def _work(target: Target):
    linter, config = _WORKER
    return _check_one(target, linter, config=config)


def _parallel(targets: list[Target], linter: Linter, jobs: int, config=None):
    import multiprocessing

    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    context = multiprocessing.get_context(method)
    with context.Pool(jobs, initializer=_init_worker, initargs=(linter, config)) as pool:
        yield from pool.imap(_work, targets, chunksize=16)
