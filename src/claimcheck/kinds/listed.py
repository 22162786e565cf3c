"""``listed``: a term of the rule's vocabularies in an item of a list that a
heading announces as uses or benefits ("Conditions we treat", "Benefits":
``list_headings`` in ``context.yaml``; the page decides which blocks those
items are, see :mod:`claimcheck.page`). The heading is the claim's verb: the
item needs none ("– Chronic back pain"). One finding per item, from its
first word (after any marker) to its end.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from collections.abc import Iterator

from claimcheck.findings import Hit
from claimcheck.kinds.base import judge, near_ok
from claimcheck.kinds.needs import Needs
from claimcheck.kinds.options import VOCABULARIES, Option
from claimcheck.ruleset import Rule
from claimcheck.requirements import Requirement, any_label

if TYPE_CHECKING:
    from claimcheck.sentence import Sentence

NAME = "listed"
SCOPE = "sentence"
DOC = "Flags a term in an item of a list announced as uses or benefits (\"Conditions we treat:\")."
OPTIONS = (
    Option("vocabularies", VOCABULARIES, required=True, doc="vocabularies whose terms make an item a claim"),
    Option("not_near", VOCABULARIES, doc="do not flag if the item has a term of one of these"),
)


def needs(rule: Rule) -> Needs:
    return Needs(triggers=tuple(rule.options["vocabularies"]))


def requires(rule: Rule) -> Requirement:
    return any_label(rule.options["vocabularies"])


def check(rule: Rule, sentence: Sentence) -> Iterator[Hit]:
    if not sentence.listed:
        return
    spans = sentence.spans(rule.options["vocabularies"])
    if not spans or not near_ok(rule, sentence, spans[0]):
        return
    texts = sentence.tokens.texts
    first = next((i for i in range(sentence.start, spans[0][0]) if texts[i][:1].isalnum()), spans[0][0])
    last = sentence.end
    while last > spans[-1][1] and texts[last - 1] in (",", ";", ":", "-", "\u2013", "\u2014"):
        last -= 1
    hit = judge(rule, sentence, (first, last), spans[0][0])
    if hit is not None:
        yield hit
