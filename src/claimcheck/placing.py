"""Hits to findings: each hit's characters mapped back to the source (a
table cell's lead left out), its line and column from the line table, and of
overlapping findings of one category the most severe, then the longest."""

from __future__ import annotations

from collections import defaultdict

from claimcheck.findings import Finding, Hit, Level
from claimcheck.positions import LineTable
from claimcheck.ruleset import RuleSet


def _in_cell(start: int, end: int, length: int) -> tuple[int, int]:
    """A span of a table cell's text (``length`` characters) read after its
    lead, in the cell's own offsets: what lies in the lead is left out; a
    span wholly inside it (a header's words made the claim) is the whole cell."""
    if end <= 0:
        return 0, length
    return max(start, 0), end


def findings_of(source: str, path: str, blocks, hits: list[Hit], ruleset: RuleSet) -> tuple[Finding, ...]:
    """The findings of ``hits`` (character spans of ``blocks``, the pieces the
    engine read) in ``source``: each with its rule's message, level and
    suggestion, its line and column, sorted, nested ones dropped."""
    if not hits:
        return ()
    rules = {rule.id: rule for rule in ruleset.rules}
    table = LineTable.of(source)
    found = {}
    for hit in hits:
        rule = rules[hit.rule_id]
        block = blocks[hit.block]
        words = block.text[hit.start:hit.end]
        at, to = hit.start, hit.end
        if block.lead:
            words = (block.lead + block.text)[at:to]
            at, to = _in_cell(at - len(block.lead), to - len(block.lead), len(block.text))
        start, end = block.source_span(at, to)
        line, column = table.position(start)
        end_line, end_column = table.position(end)
        finding = Finding(
            path=path,
            line=line,
            column=column,
            end_line=end_line,
            end_column=end_column,
            offset=start,
            end_offset=end,
            rule=rule.id,
            category=rule.category,
            level=Level.INFO if hit.downgraded else rule.level,
            message=rule.render(words, hit.score),
            text=source[start:end],
            suggestion=rule.suggestion,
            score=hit.score,
        )
        found[(finding.rule, start, end)] = finding
    return tuple(sorted(_drop_nested(found.values()), key=lambda f: f.sort_key))


def _drop_nested(findings) -> list[Finding]:
    """Of overlapping findings of one category, keep the most severe, then the
    longest ("completely safe" rather than also "safe")."""
    kept: list[Finding] = []
    by_category: dict[str, list[Finding]] = defaultdict(list)
    for finding in findings:
        by_category[finding.category].append(finding)
    for group in by_category.values():
        # Overlaps are local: walk clusters of overlapping findings in order.
        group.sort(key=lambda f: f.offset)
        cluster: list[Finding] = []
        cluster_end = -1
        for finding in group + [None]:
            if finding is None or finding.offset >= cluster_end:
                kept.extend(_best_of(cluster))
                cluster, cluster_end = [], -1
                if finding is None:
                    break
            cluster.append(finding)
            cluster_end = max(cluster_end, finding.end_offset)
    return kept


def _best_of(cluster: list[Finding]) -> list[Finding]:
    chosen: list[Finding] = []
    for finding in sorted(cluster, key=lambda f: (-f.level, f.offset - f.end_offset, f.offset)):
        if not any(k.offset < finding.end_offset and finding.offset < k.end_offset for k in chosen):
            chosen.append(finding)
    return chosen
