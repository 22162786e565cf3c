"""What every sentence-level kind shares: turning a candidate into a hit."""

from __future__ import annotations

from typing import TYPE_CHECKING

from claimcheck.findings import Hit
from claimcheck.page import PROMOTIONAL
from claimcheck.ruleset import Rule
from claimcheck.requirements import AllOf, Requirement, any_label

if TYPE_CHECKING:
    from claimcheck.sentence import Sentence, Span


def judge(rule: Rule, sentence: Sentence, span: Span, anchor: int, parts: tuple[Span, ...] = ()) -> Hit | None:
    """Apply the rule's context policy to a candidate token span. On an
    informational page, research results and quoted claims are reported
    speech whatever the rule's policy."""
    if rule.voices and (sentence.page.voice if sentence.page else "unknown") not in rule.voices:
        return None
    downgraded = False
    informational = sentence.informational_page
    promotional = sentence.page is not None and sentence.page.voice == PROMOTIONAL
    for context in sentence.contexts(span[0], span[1], anchor, parts):
        if promotional and context == "quote":
            continue
        policy = "skip" if informational and context in ("research", "quote") else rule.policy(context)
        if policy == "skip":
            return None
        if policy == "downgrade":
            downgraded = True
    start, end = sentence.chars(*span)
    return Hit(rule.id, sentence.block, start, end, downgraded)


def longest(spans: list[Span]) -> list[Span]:
    """The longest match starting at each token, dropping matches inside another."""
    kept: list[Span] = []
    for span in sorted(spans, key=lambda s: (s[0], -s[1])):
        if kept and span[0] < kept[-1][1]:
            continue
        kept.append(span)
    return kept


def with_near(rule: Rule, found: Requirement) -> Requirement:
    """A prefilter requirement: ``found``, and a ``near`` (or ``near_pronouns``) term if the rule has that option."""
    near = (*rule.options.get("near", ()), *rule.options.get("near_pronouns", ()))
    if near:
        return AllOf((found, any_label(near)))
    return found


def near_ok(rule: Rule, sentence: Sentence, span: Span) -> bool:
    """``near``: some term of these vocabularies is in the sentence (outside the match);
    ``not_near``: none is. ``near_pronouns`` ("it") count as ``near`` terms,
    but on an informational page only where a term of ``near`` (a product)
    was named close by (:attr:`Sentence.nearby`), as a claim's pronoun does."""
    near = rule.options.get("near")
    pronouns = rule.options.get("near_pronouns")
    if pronouns and (not sentence.informational_page or not sentence.nearby.isdisjoint(near or ())):
        near = (*(near or ()), *pronouns)
    if near and not any(not _overlap(s, span) for s in sentence.spans(near)):
        return False
    not_near = rule.options.get("not_near")
    if not_near and sentence.spans(not_near):
        return False
    return True


def _overlap(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]
