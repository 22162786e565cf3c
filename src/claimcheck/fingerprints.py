"""Stable fingerprints of findings: rule, normalized matched text and the
normalized text of its source line, never line numbers, so editing above a
finding keeps its fingerprint, while the same claim in a new place (a
different line) gets a new one. Repeats on identical lines are told apart by
their order (``#2``, ``#3``...)."""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Mapping, Sequence

from claimcheck.findings import Finding

_SPACE = re.compile(r"\s+")


def _normal(text: str) -> str:
    return _SPACE.sub(" ", text).strip().lower()


# A normalized line longer than this stands in a fingerprint as its sha256:
# hashing a whole long line for each of its findings made SARIF, HTML and
# the baseline quadratic on one-line files (40,000 findings on a 1 MB line).
LONG_LINE = 2_000


def _contexts(lines: Mapping[int, str]):
    """Line number -> the line as a fingerprint holds it, computed once a line."""
    memo: dict[int, str] = {}

    def context(number: int) -> str:
        found = memo.get(number)
        if found is None:
            found = _normal(lines.get(number, ""))
            if len(found) > LONG_LINE:
                found = "sha256:" + hashlib.sha256(found.encode("utf-8")).hexdigest()
            memo[number] = found
        return found

    return context


def fingerprints(findings: Sequence[Finding], lines: Mapping[int, str]) -> list[str]:
    """One fingerprint per finding of one file, in order; ``lines`` maps line
    numbers to the file's source lines."""
    seen: Counter = Counter()
    found = []
    context_of = _contexts(lines)
    for finding in findings:
        context = context_of(finding.line)
        base = f"{finding.path}\0{finding.rule}\0{_normal(finding.text)}\0{context}"
        seen[base] += 1
        digest = hashlib.sha256(f"{base}\0{seen[base]}".encode("utf-8")).hexdigest()[:32]
        found.append(digest)
    return found
