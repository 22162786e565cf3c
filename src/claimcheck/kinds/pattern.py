"""``pattern``: spaCy ``Matcher`` token patterns, held verbatim in the rule's YAML."""

from __future__ import annotations

from typing import TYPE_CHECKING

from collections.abc import Iterator

from claimcheck.findings import Hit
from claimcheck.kinds.base import judge, longest, near_ok, with_near
from claimcheck.kinds.needs import Needs, rule_label
from claimcheck.kinds.options import PATTERNS, VOCABULARIES, Option
from claimcheck.ruleset import Rule
from claimcheck.requirements import AllOf, AnyOf, Always, Requirement, literal

if TYPE_CHECKING:
    from claimcheck.sentence import Sentence

NAME = "pattern"
SCOPE = "sentence"
DOC = "Flags spans matched by spaCy token patterns (validated when the pack loads)."
OPTIONS = (
    Option("patterns", PATTERNS, required=True, doc="a list of spaCy Matcher patterns"),
    Option("near", VOCABULARIES, doc="flag only if the sentence also has a term of one of these"),
    Option("not_near", VOCABULARIES, doc="do not flag if the sentence has a term of one of these"),
)


def needs(rule: Rule) -> Needs:
    return Needs(patterns={rule_label(rule): list(rule.options["patterns"])}, triggers=(rule_label(rule),))


_LITERAL_KEYS = ("LOWER", "ORTH", "TEXT", "NORM")


def requires(rule: Rule) -> Requirement:
    """A pattern needs each of its non-optional literal tokens; a pattern
    without any literal could match anything."""
    alternatives = []
    for pattern in rule.options["patterns"]:
        needed = []
        for token in pattern:
            if _optional(token.get("OP")):
                continue
            for key in _LITERAL_KEYS:
                value = token.get(key)
                if isinstance(value, str):
                    needed.append(literal(value))
                elif isinstance(value, dict) and isinstance(value.get("IN"), list):
                    needed.append(AnyOf(tuple(literal(str(v)) for v in value["IN"])))
        alternatives.append(AllOf(tuple(needed)) if needed else Always())
    return with_near(rule, AnyOf(tuple(alternatives)))


def _optional(op: str | None) -> bool:
    """Whether a token with this operator may match nothing (so it is not a
    literal the pattern needs): "?", "*", "!", and "{0,3}" or "{,3}"."""
    if op in ("?", "*", "!"):
        return True
    return op is not None and op.startswith("{") and op[1:].split(",")[0].strip("}") in ("", "0")


def check(rule: Rule, sentence: Sentence) -> Iterator[Hit]:
    label = rule_label(rule)
    if label not in sentence.terms:
        return
    for span in longest(sentence.spans([label])):
        if near_ok(rule, sentence, span):
            hit = judge(rule, sentence, span, span[0])
            if hit is not None:
                yield hit
