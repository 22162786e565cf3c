"""``pattern``: spaCy ``Matcher`` token patterns, held verbatim in the rule's YAML."""

from __future__ import annotations

from collections.abc import Iterator

from claimcheck.findings import Hit
from claimcheck.kinds.base import judge, near_ok
from claimcheck.kinds.needs import Needs, rule_label
from claimcheck.kinds.options import PATTERNS, VOCABULARIES, Option
from claimcheck.model import Rule
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
    return Needs(patterns={rule_label(rule): list(rule.options["patterns"])})


def check(rule: Rule, sentence: Sentence) -> Iterator[Hit]:
    spans = sentence.spans([rule_label(rule)])
    # Keep the longest match starting at each token, and drop matches inside another.
    kept: list[tuple[int, int]] = []
    for span in sorted(spans, key=lambda s: (s[0], -s[1])):
        if kept and span[0] < kept[-1][1]:
            continue
        kept.append(span)
    for span in kept:
        if near_ok(rule, sentence, span):
            hit = judge(rule, sentence, span, span[0])
            if hit is not None:
                yield hit
