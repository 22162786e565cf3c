"""The result of a run, as the formatters see it: a stream.

A run is a stream of :class:`FileResult` (one per file, in input order) closed
by one :class:`End`. Formatters are pure functions of that stream (plus the
:class:`Run` known before the first file) that yield their output piece by
piece, so a run over a large corpus never holds all its findings.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field

from claimcheck.findings import Finding, Level


@dataclass(frozen=True)
class Suppressed:
    finding: Finding
    justification: str  # the reason written in the suppression comment, or "baseline"
    kind: str = "inSource"  # SARIF suppression kind: inSource | external


@dataclass(frozen=True)
class FileResult:
    """One file: its findings, or why it could not be read."""

    path: str
    findings: tuple[Finding, ...] = ()
    suppressed: tuple[Suppressed, ...] = ()
    # The source lines findings point at: line number -> line text.
    lines: Mapping[int, str] = field(default_factory=dict)
    error: str | None = None  # set when the file was not checked


@dataclass(frozen=True)
class End:
    """The end of a run: what is known only after every file."""

    stale_baseline: int = 0  # baseline entries that matched nothing


@dataclass(frozen=True)
class Run:
    """What is known before the first file."""

    rules: tuple = ()  # the Rule objects that are active (for SARIF's rule list)
    root: str = ""  # the working directory, for relative URIs
    width: int = 100  # terminal columns for the text output's source excerpts
    # For the HTML report's header (empty in tests, so output is reproducible):
    started: str = ""  # when the run started
    packs: tuple = ()  # pack names
    scorer: str = ""  # the claim scorer's provenance, when it is on


Event = FileResult | End


class Tally:
    """Counts over a stream, as it passes (for summaries and the exit code)."""

    def __init__(self) -> None:
        self.files = 0  # files checked
        self.errors: list[tuple[str, str]] = []  # (path, reason) of files not checked
        self.levels: Counter = Counter()  # findings by level name
        self.findings = 0
        self.suppressed = 0
        self.files_with_findings = 0
        self.stale_baseline = 0

    def add(self, event: Event) -> None:
        if isinstance(event, End):
            self.stale_baseline = event.stale_baseline
        elif event.error is not None:
            self.errors.append((event.path, event.error))
        else:
            self.files += 1
            self.findings += len(event.findings)
            self.suppressed += len(event.suppressed)
            self.files_with_findings += bool(event.findings)
            self.levels.update(str(f.level) for f in event.findings)

    def failing(self, fail_on: Level) -> bool:
        return any(count and Level.parse(name) >= fail_on for name, count in self.levels.items())


def tallied(events: Iterable[Event], tally: Tally) -> Iterator[Event]:
    """Pass ``events`` through, counting them into ``tally``."""
    for event in events:
        tally.add(event)
        yield event


def results(findings: Iterable[Finding], lines: Mapping[tuple[str, int], str] | None = None,
            suppressed: Iterable[Suppressed] = (), errors: Iterable[tuple[str, str]] = (),
            stale_baseline: int = 0) -> list[Event]:
    """A stream from loose findings (for the library and tests): one
    :class:`FileResult` per path, in order of first appearance."""
    lines = lines or {}
    by_path: dict[str, tuple[list, list]] = {}
    for finding in findings:
        by_path.setdefault(finding.path, ([], []))[0].append(finding)
    for item in suppressed:
        by_path.setdefault(item.finding.path, ([], []))[1].append(item)
    events: list[Event] = []
    for path, (found, hidden) in by_path.items():
        wanted = {(f.line, f.end_line) for f in found} | {(s.finding.line, s.finding.end_line) for s in hidden}
        numbers = {n for pair in wanted for n in pair}
        events.append(FileResult(path, tuple(found), tuple(hidden),
                                 {n: lines[(path, n)] for n in sorted(numbers) if (path, n) in lines}))
    events += [FileResult(path, error=reason) for path, reason in errors]
    return events + [End(stale_baseline)]
