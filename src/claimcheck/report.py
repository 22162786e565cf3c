"""The result of a run, as the formatters see it."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field

from claimcheck.findings import Finding, Level


@dataclass(frozen=True)
class Suppressed:
    finding: Finding
    justification: str  # the reason written in the suppression comment, or "baseline"
    kind: str = "inSource"  # SARIF suppression kind: inSource | external


@dataclass(frozen=True)
class Report:
    findings: tuple[Finding, ...]
    files: int  # files checked
    errors: tuple[tuple[str, str], ...] = ()  # (path, reason) for files not checked
    # The source lines findings point at: (path, line number) -> line text.
    lines: Mapping[tuple[str, int], str] = field(default_factory=dict)
    suppressed: tuple[Suppressed, ...] = ()
    rules: tuple = ()  # the Rule objects that were active (for SARIF's rule list)
    root: str = ""  # the working directory, for relative URIs
    stale_baseline: int = 0  # baseline entries that matched nothing

    def counts(self) -> Counter:
        return Counter(str(f.level) for f in self.findings)

    def failing(self, fail_on: Level) -> bool:
        return any(f.level >= fail_on for f in self.findings)
