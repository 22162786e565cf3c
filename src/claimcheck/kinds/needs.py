"""What a rule asks the engine to match before the rule's kind looks at a sentence."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from claimcheck.ruleset import Rule


@dataclass(frozen=True)
class Needs:
    # label -> (terms, inflect): literal terms owned by the rule
    terms: Mapping[str, tuple[tuple[str, ...], str]] = field(default_factory=dict)
    # label -> spaCy token patterns owned by the rule
    patterns: Mapping[str, list] = field(default_factory=dict)
    # labels that alone make a sentence worth checking for this rule
    triggers: tuple[str, ...] = ()


def rule_label(rule: Rule) -> str:
    return "rule:" + rule.id
