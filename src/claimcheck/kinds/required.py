"""``required``: document level. When a trigger is present (findings of given
categories, or terms of given vocabularies), the document must contain one of
the disclaimer forms; otherwise one finding at the first trigger. A page in
an informational voice (see :mod:`claimcheck.page`) needs no disclaimer,
unless findings of the trigger categories stand in ``SELLER_BLOCKS`` of its
blocks or more: a seller who cites studies reads as informational, and on
such a page a pack finding stands only where the scorer agrees it is a claim.
A claim scorer finding triggers only at ``SCORE_TO_REQUIRE`` or more: a page
whose one uncertain sentence is a false alarm would otherwise get a second;
on a seller's page about a product, scorer findings in ``SELLER_BLOCKS``
blocks or more (one of the rule's categories, the others of any) trigger
together at ``PAIRED_SCORE``.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from claimcheck.findings import Hit
from claimcheck.kinds.needs import Needs
from claimcheck.kinds.scorer import INFORMATIONAL_THRESHOLD
from claimcheck.requirements import AnyOf, Categories, Label, Requirement
from claimcheck.kinds.options import CATEGORIES, REGEXES, VOCABULARIES, Option
from claimcheck.ruleset import Rule
from claimcheck.page import INFORMATIONAL, PROMOTIONAL, PageContext

NAME = "required"
# Blocks with findings that make an informational page owe the disclaimer
# after all (measured in bench/accuracy.py: see docs/measurements.md).
SELLER_BLOCKS = 2
# A scorer finding obliges a disclaimer only when the scorer is as sure as it
# must be to speak on an informational page; measured in bench/accuracy.py:
# see docs/measurements.md.
SCORE_TO_REQUIRE = INFORMATIONAL_THRESHOLD
# ... and on a seller's page about a product (its own cues, not only a care
# team's: PageContext.doubtful; a product named: PageContext.topic), scorer
# findings in SELLER_BLOCKS blocks or more at this score oblige one together,
# one of them of the rule's categories and the others of any: two fairly sure
# claims in two places say what one sure claim says (a story of results
# beside a treatment claim; counting only the rule's own categories, 2
# verdicts fewer were right on our pages and 1 on the new rounds). Chosen
# on our pages in the thirty-sixth session (0.65: 2 verdicts right, none
# wrong; 0.6: 4 and 2; 0.45: 8 and 7, the wrong ones responsible pages read
# as sellers'), kept in the thirty-seventh when the rounds written after it
# gave 1 verdict right and none wrong (docs/measurements.md).
PAIRED_SCORE = 0.65
SCOPE = "document"
DOC = "When a trigger is present in a document, one of the disclaimer forms must be too."
OPTIONS = (
    Option("when_categories", CATEGORIES, doc="findings of these categories trigger the rule"),
    Option("when_vocabularies", VOCABULARIES, doc="terms of these vocabularies trigger the rule"),
    Option("disclaimers", REGEXES, required=True, doc="accepted disclaimer forms (case-insensitive regexes)"),
)


@dataclass(frozen=True)
class Summary:
    """What a document-level rule sees of a document."""

    hits: tuple[tuple[Hit, str], ...]  # (hit, category), in document order
    first_terms: Mapping[str, tuple[int, int, int]]  # label -> (block, start, end)
    texts: tuple[str, ...]  # normalized prose of each block
    page: "PageContext | None" = None  # the page's voice and topic


def needs(rule: Rule) -> Needs:
    return Needs()


def requires(rule: Rule) -> Requirement:
    return AnyOf((
        Categories(tuple(rule.options.get("when_categories", ()))),
        *(Label(label) for label in rule.options.get("when_vocabularies", ())),
    ))


def check_document(rule: Rule, summary: Summary) -> Iterator[Hit]:
    triggers: list[tuple[int, int, int]] = []
    categories = set(rule.options.get("when_categories", ()))
    triggers += [(h.block, h.start, h.end) for h, category in summary.hits
                 if category in categories and (h.score is None or h.score >= SCORE_TO_REQUIRE)]
    if not triggers and _sellers_product_page(summary.page):
        # the rule's own category in one of the blocks, any claim in the other
        paired = [(h.block, h.start, h.end, category in categories) for h, category in summary.hits
                  if h.score is not None and h.score >= PAIRED_SCORE]
        if any(own for *_, own in paired) and len({block for block, *_ in paired}) >= SELLER_BLOCKS:
            triggers += [(block, start, end) for block, start, end, own in paired if own]
    if summary.page is not None and summary.page.voice == INFORMATIONAL:
        # a regulator's, journalist's or scientist's page owes no product
        # disclaimer; a page with claims in several blocks does
        if len({block for block, _, _ in triggers}) < SELLER_BLOCKS:
            return
    for label in rule.options.get("when_vocabularies", ()):
        if label in summary.first_terms:
            triggers.append(summary.first_terms[label])
    if not triggers:
        return
    text = "\n".join(summary.texts)
    if _any_found(rule.options["disclaimers"], text):
        return
    block, start, end = min(triggers)
    yield Hit(rule.id, block, start, end)


def _sellers_product_page(page: PageContext | None) -> bool:
    """A seller's page by its own cues (not a doubtful one) that names a product."""
    return page is not None and page.voice == PROMOTIONAL and not page.doubtful and page.topic is not None


def _any_found(forms, text: str) -> bool:
    """Does any form match, case-insensitively (RE2: linear time in the page)?"""
    from claimcheck.userregex import found

    return any(found(form, text) for form in forms)
