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

import re
from dataclasses import dataclass

from claimcheck.findings import Finding, Level
from claimcheck.model import matches_prefix
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
        taken = [(m.start(), m.end()) for m in matches]
        matches += [m for m in _TEXT.finditer(source) if not any(a <= m.start() < b for a, b in taken)]
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
    for finding in findings:
        directive = _suppressing(found, finding)
        if directive is None:
            kept.append(finding)
        else:
            used.add(found.index(directive))
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


def _suppressing(found: list[Directive], finding: Finding) -> Directive | None:
    active: dict[int, Directive] = {}  # disable directives in force, by index
    for number, directive in enumerate(found):
        if directive.kind == "disable-file" and directive.covers(finding.rule):
            return directive
        if directive.kind == "disable-next-line":
            if finding.line == directive.end_line + 1 and directive.covers(finding.rule):
                return directive
            continue
        if directive.start > finding.offset:
            continue
        if directive.kind == "disable":
            active[number] = directive
        elif directive.kind == "enable":
            for key in [k for k, d in active.items() if not directive.rules or set(d.rules) <= set(directive.rules)]:
                del active[key]
    for directive in active.values():
        if directive.covers(finding.rule):
            return directive
    return None
