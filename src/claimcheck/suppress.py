"""Suppression comments: a filter after detection.

Markdown (and HTML):
    <!-- claimcheck-disable-next-line RULE[, RULE] -- reason -->
    <!-- claimcheck-disable RULE -- reason --> ... <!-- claimcheck-enable RULE -->
    <!-- claimcheck-disable-file [RULE] -- reason -->
Plain text: the same directives alone on a line, optionally after ``#`` or
``//`` (``# claimcheck-disable-next-line safety -- quoted from a study``).

Rule ids match by prefix (``safety`` covers ``safety.safe-claim``); no ids
means every rule. A directive that suppresses nothing becomes an ``info``
finding, ``claimcheck.unused-suppression``.
"""

from __future__ import annotations

import bisect
import heapq
import re
from dataclasses import dataclass

from claimcheck.findings import Finding, Level
from claimcheck.ruleset import matches_prefix, prefix_key, prefixes
from claimcheck.positions import LineTable
from claimcheck.report import Suppressed

UNUSED = "claimcheck.unused-suppression"
_DIRECTIVES = "disable-next-line|disable-file|disable|enable"
_HTML = re.compile(r"<!--\s*claimcheck-(?P<directive>" + _DIRECTIVES + r")\b(?P<rest>.*?)-->", re.DOTALL)
_TEXT = re.compile(
    # "$" in MULTILINE mode stands only before "\n": "\r?" lets a CRLF line end too
    r"^[ \t]*(?:#|//)?[ \t]*claimcheck-(?P<directive>" + _DIRECTIVES + r")\b(?P<rest>[^\r\n]*)\r?$", re.MULTILINE
)


@dataclass(frozen=True)
class Directive:
    kind: str
    rules: tuple[str, ...]  # empty: every rule
    reason: str
    start: int  # offsets of the comment
    end: int
    line: int  # line of the comment's start
    end_line: int  # line of the comment's end

    def covers(self, rule: str) -> bool:
        return not self.rules or any(matches_prefix(rule, prefix) for prefix in self.rules)


def directives(source: str, markdown: bool) -> list[Directive]:
    if "claimcheck-" not in source:
        return []
    table = LineTable.of(source)
    found = []
    matches = list(_HTML.finditer(source))
    if not markdown:
        starts = [m.start() for m in matches]  # in order, and HTML comments never overlap
        ends = [m.end() for m in matches]

        def inside_a_comment(offset: int) -> bool:
            index = bisect.bisect_right(starts, offset) - 1
            return index >= 0 and offset < ends[index]

        matches += [m for m in _TEXT.finditer(source) if not inside_a_comment(m.start())]
    for match in sorted(matches, key=lambda m: m.start()):
        rest = match.group("rest").strip()
        if rest.endswith("-->"):
            rest = rest[:-3].strip()
        ids, _, reason = rest.partition(" -- ")
        if ids.startswith("--"):
            ids, reason = "", ids[2:]
        rules = tuple(part for part in re.split(r"[\s,]+", ids.strip()) if part)
        found.append(Directive(
            match.group("directive"), rules, reason.strip(), match.start(), match.end(),
            table.position(match.start())[0], table.position(max(match.start(), match.end() - 1))[0],
        ))
    return found


def apply(source: str, markdown: bool, findings: tuple[Finding, ...], path: str):
    """Split findings into (kept, suppressed); add unused-suppression notes to kept."""
    found = directives(source, markdown)
    if not found:
        return findings, ()
    used: set[int] = set()
    kept: list[Finding] = []
    suppressed: list[Suppressed] = []
    for finding, number in zip(findings, _suppressing(found, findings)):
        if number is None:
            kept.append(finding)
        else:
            used.add(number)
            directive = found[number]
            suppressed.append(Suppressed(finding, directive.reason or f"claimcheck-{directive.kind}"))
    table = LineTable.of(source)
    for number, directive in enumerate(found):
        if directive.kind != "enable" and number not in used:
            line, column = table.position(directive.start)
            end_line, end_column = table.position(directive.end)
            kept.append(Finding(
                path=path, line=line, column=column, end_line=end_line, end_column=end_column,
                offset=directive.start, end_offset=directive.end, rule=UNUSED, category="suppression",
                level=Level.INFO, message=f"this claimcheck-{directive.kind} comment suppresses nothing",
                text=source[directive.start:directive.end],
                suggestion="Remove the comment, or correct the rule id it names.",
            ))
    kept.sort(key=lambda f: f.sort_key)
    return tuple(kept), tuple(suppressed)


def _suppressing(found: list[Directive], findings) -> list[int | None]:
    """For each finding, the number of the directive that suppresses it: the
    first (in the file) ``disable-file`` covering its rule or
    ``disable-next-line`` on the line before it covering its rule, else the
    first ``disable`` in force at its offset covering its rule (a ``disable``
    is in force from its start until an ``enable`` naming all its rules, or
    naming none). One sweep over the directives, findings in offset order,
    with answers remembered per rule and line, and the ``disable`` directives
    in force indexed by the ids they name (:class:`_InForce`), so that a file
    of thousands of comments and findings is not checked pair by pair."""
    file_wide = [n for n, d in enumerate(found) if d.kind == "disable-file"]
    next_line: dict[int, list[int]] = {}
    for number, directive in enumerate(found):
        if directive.kind == "disable-next-line":
            next_line.setdefault(directive.end_line + 1, []).append(number)
    first_file: dict[str, int | None] = {}
    first_line: dict[tuple[int, str], int | None] = {}
    in_force = _InForce()
    answers: list[int | None] = [None] * len(findings)
    sweep = [n for n, d in enumerate(found) if d.kind in ("disable", "enable")]
    at = 0
    for index in sorted(range(len(findings)), key=lambda i: findings[i].offset):
        finding = findings[index]
        rule = finding.rule
        if rule not in first_file:
            first_file[rule] = next((n for n in file_wide if found[n].covers(rule)), None)
        key = (finding.line, rule)
        if key not in first_line:
            first_line[key] = next((n for n in next_line.get(finding.line, ()) if found[n].covers(rule)), None)
        early = [n for n in (first_file[rule], first_line[key]) if n is not None]
        if early:
            answers[index] = min(early)
            continue
        while at < len(sweep) and found[sweep[at]].start <= finding.offset:
            number = sweep[at]
            at += 1
            if found[number].kind == "disable":
                in_force.disable(number, found[number].rules)
            else:
                in_force.enable(found[number].rules)
        answers[index] = in_force.first(rule)
    return answers


class _InForce:
    """The ``disable`` directives in force, by number, indexed so that the
    first one covering a rule is found among the heaps of the rule's own
    prefixes (``a``, ``a.b``, ``a.b.c`` for ``a.b.c``; each heap emptied
    lazily), and an ``enable`` finds the directives it ends by the sets of
    ids they name: every subset of its own ids (an ``enable`` naming more
    than ``SUBSET_IDS`` ids looks at every directive in force instead)."""

    SUBSET_IDS = 8

    def __init__(self) -> None:
        self.rules: dict[int, frozenset[str]] = {}  # number -> the ids it names as written (empty: every rule)
        self.by_ids: dict[frozenset[str], set[int]] = {}  # those ids -> the numbers in force naming exactly them
        self.heaps: dict[str | None, list[int]] = {}  # prefix (None: every rule) -> numbers, some ended

    def disable(self, number: int, rules: tuple[str, ...]) -> None:
        ids = frozenset(rules)
        self.rules[number] = ids
        self.by_ids.setdefault(ids, set()).add(number)
        for prefix in {prefix_key(rule) for rule in rules} if rules else {None}:
            heapq.heappush(self.heaps.setdefault(prefix, []), number)

    def enable(self, rules: tuple[str, ...]) -> None:
        ids = frozenset(rules)
        if not ids:
            self.rules.clear()
            self.by_ids.clear()
            self.heaps.clear()
            return
        if len(ids) <= self.SUBSET_IDS:
            ordered = sorted(ids)
            sets = [frozenset(r for bit, r in enumerate(ordered) if mask >> bit & 1) for mask in range(1 << len(ordered))]
        else:
            sets = [named for named in self.by_ids if named <= ids]
        for named in sets:
            for number in self.by_ids.pop(named, ()):
                del self.rules[number]

    def first(self, rule: str) -> int | None:
        found = None
        for key in [None, *prefixes(rule)]:
            heap = self.heaps.get(key)
            while heap and heap[0] not in self.rules:
                heapq.heappop(heap)
            if heap and (found is None or heap[0] < found):
                found = heap[0]
        return found
