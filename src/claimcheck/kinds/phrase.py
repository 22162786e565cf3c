"""``phrase``: any term of the rule's list (or of named vocabularies) is a finding."""

from __future__ import annotations

from typing import TYPE_CHECKING

from collections.abc import Iterator

from claimcheck.findings import Hit
from claimcheck.kinds.base import judge, longest, near_ok, with_near
from claimcheck.kinds.needs import Needs, rule_label
from claimcheck.kinds.options import CHOICE, TERMS, VOCABULARIES, Option
from claimcheck.ruleset import Rule
from claimcheck.requirements import Requirement, any_label

if TYPE_CHECKING:
    from claimcheck.sentence import Sentence

NAME = "phrase"
SCOPE = "sentence"
DOC = "Flags every occurrence of a term (case-insensitive, inflected if asked)."
OPTIONS = (
    Option("terms", TERMS, doc="literal terms to flag"),
    Option("inflect", CHOICE, doc="inflect `terms` as nouns or verbs", choices=("none", "noun", "verb")),
    Option("vocabularies", VOCABULARIES, doc="vocabularies whose terms are flagged"),
    Option("near", VOCABULARIES, doc="flag only if the sentence also has a term of one of these"),
    Option("not_near", VOCABULARIES, doc="do not flag if the sentence has a term of one of these"),
)


def needs(rule: Rule) -> Needs:
    terms = {}
    if rule.options.get("terms"):
        terms[rule_label(rule)] = (tuple(rule.options["terms"]), rule.options.get("inflect", "none"))
    return Needs(terms=terms, triggers=tuple(labels(rule)))


def requires(rule: Rule) -> Requirement:
    return with_near(rule, any_label(labels(rule)))


def labels(rule: Rule) -> list[str]:
    found = list(rule.options.get("vocabularies", ()))
    if rule.options.get("terms"):
        found.append(rule_label(rule))
    return found


def check(rule: Rule, sentence: Sentence) -> Iterator[Hit]:
    names = labels(rule)
    if not sentence.has_any(names):
        return
    for span in longest(sentence.spans(names)):
        if near_ok(rule, sentence, span):
            hit = judge(rule, sentence, span, span[0])
            if hit is not None:
                yield hit
