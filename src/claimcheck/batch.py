"""Check files: read each, lint it, and yield its :class:`FileResult`.

Files are streamed: each is read, linted, handed on and dropped, so memory
does not grow with the corpus. With ``jobs > 1`` files go to worker processes (forked, so
they inherit the loaded packs; each loads spaCy once, on first need) that
return findings only; results come back in input order.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence

from claimcheck.api import Linter
from claimcheck.errors import InputError, PackError
from claimcheck.files import STDIN, Skipped, Target, collect, printable, read
from claimcheck.readers import format_for
from claimcheck.report import End, Event, FileResult

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
    on_notice: Callable[[Skipped], None] | None = None,
) -> Iterator[Event]:
    """Lint every file, yielding one :class:`FileResult` per file as it is
    done (in input order) and then an :class:`End`. Unreadable files are
    results with an error (also passed to ``on_error``); the others are still
    checked."""
    targets: list[Target] = []
    for item in _targets(paths, config):
        if isinstance(item, Skipped):
            if on_notice:
                on_notice(Skipped(printable(item.path), item.reason))
        elif isinstance(item, InputError):
            item = InputError(printable(item.path), item.reason)
            if on_error:
                on_error(item)
            yield FileResult(item.path, error=item.reason)
        else:
            targets.append(item)
    jobs = default_jobs(len(targets)) if jobs is None else jobs
    if jobs > 1 and len(targets) > 1 and not any(t.path == STDIN for t in targets):
        results = _parallel(targets, linter, jobs)
    else:
        results = (_check_one(target, linter, stdin, stdin_filename) for target in targets)
    for done, result in enumerate(results, 1):
        if result.error is not None and on_error:
            on_error(InputError(result.path, result.error))
        if on_progress:
            on_progress(done, len(targets))
        yield result
    yield End()


def _targets(paths: Sequence[str], config=None):
    """The files to check (``Target``), or an ``InputError`` for each path that cannot be."""
    wanted = None
    if config is not None and (config.include or config.exclude):
        from claimcheck.config import matches_path

        def wanted(path: str, explicit: bool) -> bool:
            if config.exclude and matches_path(path, config.exclude, config):
                return False
            return explicit or not config.include or matches_path(path, config.include, config)

    return collect(paths, wanted)


def page_contexts(paths: Sequence[str], linter: Linter, stdin=None, stdin_filename: str | None = None,
                  config=None) -> Iterator[tuple]:
    """``(path, PageContext, None)`` for each file, or ``(path, None, reason)``
    (without loading spaCy: the page context needs none)."""
    from claimcheck.compiled import page_cues
    from claimcheck.page import decide
    from claimcheck.readers import reader
    from claimcheck.readers.document import blank_source_line

    cues = page_cues(linter.ruleset)
    for target in _targets(paths, config):
        if isinstance(target, Skipped):
            continue
        if isinstance(target, InputError):
            yield target.path, None, target.reason
            continue
        path, kind = _name_and_format(target, stdin_filename)
        try:
            source = read(target, stdin, html=kind == "html")
        except InputError as error:
            yield error.path, None, error.reason
            continue
        document = reader(kind)(blank_source_line(source, kind), path)
        blocks = document.blocks
        yield path, decide([b.text for b in blocks], cues, [b.kind for b in blocks], [b.lead for b in blocks]), None


def _name_and_format(target: Target, stdin_filename: str | None) -> tuple[str, str]:
    if target.path == STDIN:
        path = stdin_filename or "<stdin>"
        return path, format_for(stdin_filename, "markdown") if stdin_filename else "markdown"
    return target.path, format_for(target.path, "text")


def _check_one(target: Target, linter: Linter, stdin=None, stdin_filename=None) -> FileResult:
    """One file, never raising for it: a file that cannot be read, or that
    makes claimcheck fail, becomes a result with an error, and the run goes on."""
    path, kind = _name_and_format(target, stdin_filename)
    try:
        source = read(target, stdin, html=kind == "html")
    except InputError as error:
        return FileResult(printable(error.path), error=error.reason)
    path = printable(path)
    try:
        return linter.check(source, path, kind)
    except PackError:
        raise  # a pack is broken: the whole run stops (exit 3)
    except (KeyboardInterrupt, SystemExit, GeneratorExit):
        raise
    except BaseException as error:  # noqa: BLE001 -- reported for this file, the others still checked
        # (BaseException: a panic in a Rust extension, such as the Markdown
        # parser's, is raised as pyo3's PanicException, not an Exception)
        return FileResult(path, error=internal_error(error))


def internal_error(error: BaseException) -> str:
    """The reason given for a file that made claimcheck fail."""
    detail = " ".join(str(error).split())
    detail = detail[:200] + "…" if len(detail) > 200 else detail
    return f"internal error while checking this file ({type(error).__name__}{': ' + detail if detail else ''}); please report it"


# -- worker processes ---------------------------------------------------------

_WORKER: list = [None]


def _init_worker(linter: Linter) -> None:
    _WORKER[0] = linter  # one per worker process, set once before any work


def _work(target: Target):
    return _check_one(target, _WORKER[0])


def _parallel(targets: list[Target], linter: Linter, jobs: int):
    import multiprocessing

    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    context = multiprocessing.get_context(method)
    with context.Pool(jobs, initializer=_init_worker, initargs=(linter,)) as pool:
        yield from pool.imap(_work, targets, chunksize=16)
