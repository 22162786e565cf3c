"""``claim``: a subject term (a product) linked to a predicate term (a disease,
condition or therapeutic effect) in the same sentence, in either order.

The predicate is the anchor for negation; the finding spans from the first to
the last of the pair, so a claim wrapped across lines is reported at its start.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from collections.abc import Iterator

from claimcheck.findings import Hit
from claimcheck.kinds.base import judge, near_ok
from claimcheck.kinds.needs import Needs
from claimcheck.kinds.options import CHOICE, INTEGER, VOCABULARIES, Option
from claimcheck.ruleset import Rule
from claimcheck.requirements import AllOf, Requirement, any_label

if TYPE_CHECKING:
    from claimcheck.sentence import Sentence, Span

NAME = "claim"
SCOPE = "sentence"
DOC = "Flags a sentence that links a subject term to a predicate term, in either order."
OPTIONS = (
    Option("subject", VOCABULARIES, required=True, doc="vocabularies of subjects (e.g. products)"),
    Option("predicate", VOCABULARIES, required=True, doc="vocabularies of predicates (effects, conditions)"),
    Option("pronouns", VOCABULARIES, doc="count as subjects once a subject was named in an earlier sentence "
           "(on an informational page, in the same paragraph or the one just before it), "
           "or anywhere on a promotional page about a product, where a sentence with no subject that "
           "opens with a predicate in the third person (\"Regrows lashes...\") has the product for subject"),
    Option("referents", VOCABULARIES, doc="count as subjects (\"the treatment\", \"these injections\"), but on "
           "an informational page only where a subject was named close by or is in the sentence"),
    Option("implied", CHOICE, choices=("third-person", "titles"),
           doc="with `pronouns`, which subject-less sentences have the seller's product for subject: those "
           "opening with a predicate in the third person (the default), or those and titles, headings and "
           "bullets opening with a predicate in any form (\"Turn back your biological clock\")"),
    Option("also", VOCABULARIES, doc="the sentence must also contain a term of one of these"),
    Option("near", VOCABULARIES, doc="flag only if the sentence also has a term of one of these"),
    Option("not_near", VOCABULARIES, doc="do not flag if the sentence has a term of one of these"),
    Option("max_tokens", INTEGER, doc="at most this many tokens between subject and predicate"),
)


def needs(rule: Rule) -> Needs:
    return Needs(triggers=tuple(rule.options["predicate"]))


def requires(rule: Rule) -> Requirement:
    # Pronouns count only after a subject was named, so a subject is needed.
    parts = [any_label(_named(rule.options)), any_label(rule.options["predicate"])]
    if rule.options.get("also"):
        parts.append(any_label(rule.options["also"]))
    return AllOf(tuple(parts))


def check(rule: Rule, sentence: Sentence) -> Iterator[Hit]:
    options = rule.options
    if not sentence.has_any(options["predicate"]):
        return
    subjects = sentence.spans(options["subject"])
    referents = options.get("referents")
    if referents and _referents_count(options["subject"], subjects, sentence):
        subjects = sorted(subjects + sentence.spans(referents))
    # An informational page names a product and then moves on: its "they"
    # three paragraphs later is the approved care it describes, not the product.
    named = sentence.nearby if sentence.informational_page else sentence.seen
    if options.get("pronouns") and (sentence.topic_page or named.intersection(_named(options))):
        subjects = sorted(subjects + sentence.spans(options["pronouns"]))
    if not subjects:
        implied = _implied_subject(options, sentence)
        if implied is None:
            return
        subjects = [implied]
    also = sentence.spans(options["also"]) if options.get("also") else None
    limit = options.get("max_tokens")
    for predicate in sentence.spans(options["predicate"]):
        subject = _nearest(predicate, subjects)
        if subject is None or (limit is not None and _gap(subject, predicate) > limit):
            continue
        span = (min(subject[0], predicate[0]), max(subject[1], predicate[1]))
        if also is not None:
            extra = [a for a in also if _disjoint(a, subject) and _disjoint(a, predicate)]
            if not extra:
                continue
            nearest = min(extra, key=lambda a: (_gap(a, span), a[0] - a[1]))
            span = (min(span[0], nearest[0]), max(span[1], nearest[1]))
        if not near_ok(rule, sentence, span):
            continue
        hit = judge(rule, sentence, span, predicate[0], (subject, predicate))
        if hit is not None:
            yield hit  # one claim per sentence is enough to report it
            return


def _named(options) -> tuple[str, ...]:
    """The vocabularies that name a subject: ``subject`` and ``referents``."""
    return (*options["subject"], *options.get("referents", ()))


def _referents_count(names, subjects: list[Span], sentence: Sentence) -> bool:
    """Whether the rule's referents ("the treatment", "these injections") are
    subjects in ``sentence``: anywhere, but on an informational page only
    where a subject of ``names`` was named close by (:attr:`Sentence.nearby`)
    or in the sentence (``subjects``): otherwise the referent is the care the
    page describes ("A kidney diet is the treatment with the best evidence...")."""
    return not sentence.informational_page or bool(subjects) or not sentence.nearby.isdisjoint(names)


def _implied_subject(options, sentence: Sentence) -> Span | None:
    """On a seller's page about a product, a sentence with no subject that
    opens with a predicate in the third person ("Regrows lashes lost to
    chemotherapy", a product page's bullet) is about the page's product: the
    subject is implied, and stands at the sentence's first word (a zero-width
    span before it). With the rule's ``implied: titles``, so is a title that
    opens with its predicate in any form ("Turn back your biological clock",
    "Thicker hair in 90 days")."""
    if not options.get("pronouns") or not sentence.topic_page:
        return None
    first = _first_word(sentence)
    if first is None:
        return None
    third = _third_person(sentence.tokens.texts[first])
    titles = options.get("implied") == "titles" and _unstopped(sentence)
    # (an imperative, "Heal your gut", or an adjective, "Slow, heavy exercises", says no "it")
    for predicate in sentence.spans(options["predicate"]):
        if predicate[0] == first and (third or titles and not _listing(sentence, predicate)):
            return (first, first)
    return None


def _third_person(word: str) -> bool:
    """A verb's third person singular ("Regrows", "Repairs", "Relieves")."""
    return len(word) > 3 and word[-1] in "sS" and word[-2] not in "sS'\u2019"


def _unstopped(sentence: Sentence) -> bool:
    """A title, heading or bullet: the sentence ends without a stop."""
    return sentence.tokens.texts[sentence.end - 1][-1:].isalnum()


def _listing(sentence: Sentence, predicate: Span) -> bool:
    """Whether a comma follows the predicate: the first of a series ("Slow,
    heavy exercises", "Anti-aging, facials and massage") names no effect
    promised but one thing among others."""
    return predicate[1] < sentence.end and sentence.tokens.texts[predicate[1]] == ","


def _first_word(sentence: Sentence) -> int | None:
    """The index of the sentence's first token with a letter."""
    texts = sentence.tokens.texts
    for index in range(sentence.start, min(sentence.end, sentence.start + 4)):
        if any(char.isalpha() for char in texts[index]):
            return index
    return None


def _nearest(predicate: Span, subjects: list[Span]) -> Span | None:
    """The closest subject before the predicate, else the closest one after
    it. A subject that ends inside the predicate counts ("cell therapy" in
    "cell therapy for": the predicate "therapy for" shares its word)."""
    candidates = [s for s in subjects if _disjoint(s, predicate) or s[0] < predicate[0] < s[1] < predicate[1]]
    return min(candidates, key=lambda s: (s[0] > predicate[0], _gap(s, predicate)), default=None)


def _gap(a: Span, b: Span) -> int:
    return max(a[0] - b[1], b[0] - a[1], 0)


def _disjoint(a: Span, b: Span) -> bool:
    return a[1] <= b[0] or b[1] <= a[0]
