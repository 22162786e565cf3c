"""Run every rule's examples: flag examples must be flagged by that rule, pass
examples must not. Used by ``claimcheck rules test`` and by the test suite."""

from __future__ import annotations

from dataclasses import dataclass

from claimcheck.api import Linter
from claimcheck.ruleset import Rule


@dataclass(frozen=True)
class Example:
    rule: Rule
    flag: bool
    text: str


def examples(linter: Linter) -> list[Example]:
    found = []
    for rule in linter.ruleset.rules:
        found += [Example(rule, True, text) for text in rule.examples.flag]
        found += [Example(rule, False, text) for text in rule.examples.ok]
    return found


def passes(linter: Linter, example: Example) -> bool:
    """Examples run through all loaded rules (so document rules see the others)."""
    flagged = any(f.rule == example.rule.id for f in linter.lint_text(example.text, path="<example>"))
    return flagged == example.flag
