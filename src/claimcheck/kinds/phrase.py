"""``phrase``: any term of the rule's list (or of named vocabularies) is a finding."""

from __future__ import annotations

from typing import TYPE_CHECKING

from collections.abc import Iterator

from claimcheck.findings import Hit
from claimcheck.kinds.base import judge, longest, near_ok, with_near
from claimcheck.kinds.needs import Needs, rule_label
from claimcheck.kinds.options import CHOICE, STRINGS, TERMS, VOCABULARIES, Option
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
    Option("near_pronouns", VOCABULARIES, doc="count as `near` terms (\"it\"), but on an informational page only "
           "where a term of `near` (a product) was named close by"),
    Option("alone_on_topic", STRINGS, doc="these terms need no `near` term on a seller's page about a product "
           "(the page's topic is what they speak of: \"Clinically proven\" as a badge)"),
    Option("not_before", STRINGS, doc="do not flag a term that the next word is one of these (\"permanently\" "
           "before \"enjoined\" or \"blinded\" is no lasting result)"),
    Option("title_words", STRINGS, doc="do not flag a title (no full stop) whose other words are all of these "
           "(a section heading: \"What our patients say\"); a page title's site name after a separator "
           "(\" | \", \" - \") is left out"),
)
# What ends a sentence (a title has none of these at its end) and what
# separates a page title from the site's name.
_FINAL = frozenset({".", "!", "?", "...", "\u2026"})
_SEPARATORS = frozenset({"-", "|", "\u2013", "\u2014", "\u00b7", "::"})


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
        if _a_section_title(rule, sentence, span) or _before(rule, sentence, span):
            continue
        if near_ok(rule, sentence, span) or _alone_on_topic(rule, sentence, span):
            hit = judge(rule, sentence, span, span[0])
            if hit is not None:
                yield hit


def _a_section_title(rule: Rule, sentence: Sentence, span) -> bool:
    """The sentence is a title (it ends without a full stop) whose words
    around the term ``span`` are all the rule's ``title_words``, up to a
    separator after it."""
    words = rule.options.get("title_words")
    texts = sentence.tokens.texts
    if not words or texts[sentence.end - 1] in _FINAL:
        return False
    allowed = {w.lower() for w in words}
    for index in range(sentence.start, sentence.end):
        if span[0] <= index < span[1]:
            continue
        text = texts[index]
        if text in _SEPARATORS and index >= span[1]:
            return True  # the site's name follows
        if text.lower() not in allowed and any(c.isalnum() for c in text):
            return False
    return True


def _alone_on_topic(rule: Rule, sentence: Sentence, span) -> bool:
    """A term of ``alone_on_topic`` on a seller's page about a product, no
    ``not_near`` term in the sentence: it speaks of the page's product."""
    alone = rule.options.get("alone_on_topic")
    if not alone or not sentence.topic_page:
        return False
    said = " ".join(sentence.tokens.texts[span[0]:span[1]]).lower()
    not_near = rule.options.get("not_near")
    return said in {a.lower() for a in alone} and not (not_near and sentence.spans(not_near))


def _before(rule: Rule, sentence: Sentence, span) -> bool:
    """The word after the term ``span`` is one of the rule's ``not_before``."""
    words = rule.options.get("not_before")
    if not words or span[1] >= sentence.end:
        return False
    return sentence.tokens.texts[span[1]].lower() in {w.lower() for w in words}
