"""The claim score a sentence needs before the scorer reports it.

One function, :func:`needed`, used by the engine and by the accuracy
benchmark's cross-validation alike, so that what is measured is what runs.
It reads only the scorer's words (:mod:`claimcheck.scorer.features`): the
flags (a title without a full stop is ``#heading``) and the labels that
stand for matched terms.

- A title whose only terms name a product ("Secretome Serum in Denver", "My
  story") is not scored at all, nor is a sentence of one or two words, nor
  one whose terms all lie in a clinic's name ("Peak Joint Clinic has
  offices in Denver": :mod:`claimcheck.scorer.names`), nor the myth of a
  myth-and-fact page ("Myth: it adds risk to my surgery"), nor a price
  offer that names only the product ("30% off any exosome treatment").
- A question (the scorer's ``#question`` flag) needs
  :data:`claimcheck.kinds.scorer.QUESTION_THRESHOLD`, unless it opens with
  "did you know" or "do you know", which assert what follows.
- On an informational page, a title naming only what the page is about
  ("Types of arthritis"), a lead-in ending with a colon, and a speaker's
  own situation right before a question ("My mother has COPD. Would she
  qualify?"), the rule's threshold is raised to the constants of
  :mod:`claimcheck.kinds.scorer`. The last one also reads the rest of the
  paragraph, which the engine passes and the cross-validation has not (its
  labelled items are paragraphs of their own).
- A pack rule's finding held for the scorer's confirmation on an
  informational page needs :data:`TOPIC_TITLE_THRESHOLD` on such a title
  too (:func:`confirming`).
"""

from __future__ import annotations

import re

from claimcheck.kinds.scorer import (
    ASKING_THRESHOLD,
    CONDITION_THRESHOLD,
    INFORMATIONAL_THRESHOLD,
    LEAD_IN_THRESHOLD,
    QUESTION_THRESHOLD,
    SHORT_TITLE_WORDS,
    TOPIC_TITLE_THRESHOLD,
)
from claimcheck.scorer.features import CONDITION, HEADING, NUMBER, QUESTION, TOPIC_VOCABULARY
from claimcheck.scorer.names import NAME
from claimcheck.sentence import opens_a_question

TOO_SHORT_WORDS = 2
# A "title" longer than this many words is a bullet that says something
# ("FALL ASLEEP IN MINUTES: plant exosomes reset the brain's sleep signals
# so you drift off naturally"), scored even if its only terms name products.
# Measured: no line of our pages or the shared pages changed, the
# cross-validation neither (docs/measurements.md, twenty-ninth session).
TITLE_MOST_WORDS = 12
# How far into the rest of a paragraph the next sentence's end is looked for
# (a bound, so that each sentence costs the same in a paragraph of any length).
NEXT_SENTENCE_CHARS = 300
_NEXT_STOP = re.compile(r"[.!?](?=[\s\"')\]]|$)")
_SPEAKER = frozenset({"<testimonial.first-person>", "<testimonial.narrative>"})
_WORD = re.compile(r"[^\W_]+")
PRODUCT = f"<{TOPIC_VOCABULARY}>"  # a product, as the scorer sees it
_STANDARD_CARE = "<superiority.standard-care>"  # PRP and platelet-rich plasma are products too
_EFFECT = "<unapproved.effects>"
# What a title may hold and still claim nothing: product names and numbers.
# A treatment word beside the product names a service ("Exosome Hair Therapy",
# "PRP Injections"); measured: --cv -0.001 on pages, one false line fewer on our pages.
# So does a place's word ("Lumiere Labs", "Stem Cell Laboratory", "Cord Blood
# Bank"): a title naming a seller or its premises, as does a seller's name
# ("Exosome Serum | Lumiere Labs": claimcheck.scorer.names).
_TITLE_TERMS = frozenset({PRODUCT, NUMBER, "<unapproved.treatment-words>", "<fda.premises>", NAME})
# In a short title, also words that only point at a product or a speaker
# ("Our treatment", "My story", "How it began", or "I" alone).
TITLE_POINTER_VOCABULARIES = ("unapproved.referents", "unapproved.pronouns", "testimonial.first-person")
_SHORT_TITLE_TERMS = _TITLE_TERMS | {f"<{name}>" for name in TITLE_POINTER_VOCABULARIES}
# What a title may hold and still only name what the page is about: also
# conditions, symptoms and words that stand for the product ("it", "the
# treatment"). See names_only_a_topic.
TOPIC_TITLE_VOCABULARIES = ("unapproved.conditions", "unapproved.symptoms", "unapproved.referents",
                            "unapproved.pronouns")
_TOPIC_TERMS = _TITLE_TERMS | {f"<{name}>" for name in TOPIC_TITLE_VOCABULARIES} | {CONDITION}
# A percentage as the scorer sees it: the label of the efficacy pack's rule
# that reads one ("40%", "ten percent"). tests/test_scorer.py's price offers
# fail if the packs stop producing it.
PERCENT = "<rule:efficacy.percent-improved>"
# What a price offer may hold and still claim nothing: the short title's
# terms and the discount's figure ("Our gift to you: 30% off any exosome
# treatment this month"). A word of effect, a condition or a result makes
# it an offer and a claim ("...15% off the serum that faded my melasma").
_OFFER_TERMS = _SHORT_TITLE_TERMS | {PERCENT}
_DISCOUNT_AFTER = frozenset({"off", "discount"})  # "20% off", "a 10 percent discount"


def needed(threshold: float, words: tuple[str, ...], informational: bool = False,
           text: str | None = None, following: str = "", signalled: bool = False) -> float | None:
    """The claim score the sentence ``words`` needs to be reported, given
    the rule's ``threshold``; None when it is not scored at all (a title
    naming only a product; with ``text``, the sentence as written, one of
    one or two words). ``informational``: the page is a regulator's,
    journalist's or scientist's (or an instruction sheet). ``following``:
    the rest of the sentence's paragraph (see :func:`asks_next`).
    ``signalled``: the sentence also held a term of a ``feature: false``
    vocabulary, which its words do not show (a comparison, a timeline):
    then a title is not a product's name ("- Why spinal fusion and steroid
    shots fail so many patients"), nor only the page's topic ("Melasma gone
    in 6 weeks")."""
    if ((names_only_a_product(words) and not signalled) or (text is not None and too_short(text))
            or only_a_name(words) or a_myth(words) or an_offer(words)):
        return None
    if informational:
        threshold = max(threshold, INFORMATIONAL_THRESHOLD)
    if QUESTION in words and not asserts(words):
        threshold = max(threshold, QUESTION_THRESHOLD)
    if names_only_a_topic(words) and not signalled:
        threshold = max(threshold, TOPIC_TITLE_THRESHOLD)
    if a_lead_in(words):
        threshold = max(threshold, LEAD_IN_THRESHOLD)
    if describes_a_condition(words) and not signalled:
        threshold = max(threshold, CONDITION_THRESHOLD)
    if following and asks_next(words, following):
        threshold = max(threshold, ASKING_THRESHOLD)
    return threshold


# What a scorer's word in angle brackets may be without being a term.
_NOT_TERMS = frozenset({NAME, NUMBER, CONDITION})


def only_a_name(words: tuple[str, ...]) -> bool:
    """Whether every term of the scorer's ``words`` was inside a name (the
    sentence was a candidate for the terms of "Renew Joint & Spine" alone)."""
    return NAME in words and not any(w[:1] == "<" and w not in _NOT_TERMS for w in words)


def an_offer(words: tuple[str, ...]) -> bool:
    """A price offer ("20% off your first exosome facial", "Book two
    sessions and save 10%", "Use code GLOW for $50 off"): its figure is a
    discount, which a bag of words reads as a success rate. The scorer is
    not asked when the offer's other terms only name the product or point
    at it (:data:`_OFFER_TERMS`); the pack rules still read the sentence."""
    # (asked of every candidate, twice: the words an offer needs are looked for first)
    if "off" not in words and "discount" not in words and "save" not in words:
        return False
    for index, word in enumerate(words):
        if word != PERCENT and word != NUMBER:
            continue
        after = words[index + 1] if index + 1 < len(words) else ""
        if after in _DISCOUNT_AFTER or (word == PERCENT and index and words[index - 1] == "save"):
            return all(w[:1] != "<" or w in _OFFER_TERMS for w in words)
    return False


def a_myth(words: tuple[str, ...]) -> bool:
    """A sentence a myth-and-fact page labels as the myth ("Myth: PRP is just
    a gimmick", "MYTH: Stem cells regrow cartilage"): what the writer is about
    to refute, on a seller's page and a critic's alike, so never the writer's
    claim. The scorer is not asked (its bag of words reads the myth's terms);
    the "Fact:" after it is scored as any sentence."""
    return _opening(words, 2) == ("myth", ":")


def _opening(words: tuple[str, ...], count: int) -> tuple[str, ...]:
    """The first ``count`` of the scorer's ``words`` after its flags."""
    first = 0
    while first < len(words) and words[first].startswith("#"):
        first += 1
    return tuple(words[first:first + count])


# Questions that assert what follows them ("Did you know that most of our
# patients avoid surgery?").
_ASSERTING = (("did", "you", "know"), ("do", "you", "know"))


def asserts(words: tuple[str, ...]) -> bool:
    """Whether the scorer's ``words`` (flags first) open with a question
    that asserts what follows it ("did you know that...")."""
    return _opening(words, 3) in _ASSERTING


def too_short(text: str) -> bool:
    """A sentence of at most ``TOO_SHORT_WORDS`` words as written ("Results",
    "Safety first"): no labelled sentence is that short, so the scorer's
    reading of it is a guess. The pack rules still read it ("FDA-approved",
    "Completely safe"). Counted in the text, not in the scorer's words, where
    a term of several words is one label ("Life Without Pain!" is three words,
    two of the scorer's)."""
    count = 0
    for _ in _WORD.finditer(text):  # (the first few words only: every candidate is asked, twice)
        count += 1
        if count > TOO_SHORT_WORDS:
            return False
    return True


def asks_next(words: tuple[str, ...], following: str) -> bool:
    """A speaker's own situation ("I", "my mother") whose next sentence in
    the paragraph, ``following``, is a question: someone asking ("I have had
    Achilles pain for months and my physio mentioned PRP. Has anyone tried
    it?"). The scorer needs more certainty for it
    (:data:`claimcheck.kinds.scorer.ASKING_THRESHOLD`)."""
    if _SPEAKER.isdisjoint(words):
        return False
    stop = _NEXT_STOP.search(following, 0, NEXT_SENTENCE_CHARS)
    if stop is None:  # a question written without its mark, as in a chat: "my mom has copd. can you help her"
        return opens_a_question(following[:NEXT_SENTENCE_CHARS].lower().split())
    return stop.group() == "?"


def a_lead_in(words: tuple[str, ...]) -> bool:
    """A sentence that ends with a colon: it announces what follows ("We offer
    the following procedures:", "How it works:"). The scorer needs more
    certainty for it (:data:`claimcheck.kinds.scorer.LEAD_IN_THRESHOLD`)."""
    return bool(words) and words[-1] == ":"


def names_only_a_product(words: tuple[str, ...]) -> bool:
    """A heading or bullet (no full stop) whose only terms are products
    ("Secretome Serum in Denver"): a title, not a claim (the labelling
    guideline asks for a disease, an effect, proof, safety, approval, a
    patient's result or a comparison). The scorer is not asked: a bag of
    words over two or three words says little, and read titles as claims
    now and then. A short title (at most ``SHORT_TITLE_WORDS`` words) may
    also hold words that only point at a product or a speaker ("My story",
    "I" alone: a bag of words over them is only the prior of the page). One
    of more than ``TITLE_MOST_WORDS`` words is no title, nor is one that holds
    no term the scorer sees: it was a candidate by a term of a ``feature:
    false`` vocabulary ("Gums grow back in as little as 6 weeks", a result's
    timeline)."""
    if HEADING not in words:
        return False  # (both tests below need a title: cheaper first)
    length = sum(not w.startswith("#") for w in words)
    if length > TITLE_MOST_WORDS:
        return False
    if not _any_term(words):
        return False  # a candidate by a term the scorer does not see (a timeline, a price, a contest)
    if _a_title_whose_terms_are(words, _TITLE_TERMS):
        return True
    return length <= SHORT_TITLE_WORDS and _a_title_whose_terms_are(words, _SHORT_TITLE_TERMS)


def _any_term(words: tuple[str, ...]) -> bool:
    """Whether the scorer's ``words`` hold a term of a vocabulary the scorer
    sees (not a number alone)."""
    return any(w[:1] == "<" and w != NUMBER for w in words)


def names_only_a_topic(words: tuple[str, ...]) -> bool:
    """A heading or bullet (no full stop) whose only terms are products,
    conditions and symptoms ("Types of arthritis", "Living with lupus and its
    symptoms", "Stem cells and multiple sclerosis"): mostly a section
    title naming what the page is about, sometimes an offer ("Stem cell
    treatment for lupus"). The scorer needs more certainty for it
    (:data:`claimcheck.kinds.scorer.TOPIC_TITLE_THRESHOLD`); a title with a
    word of effect, proof, safety, approval, comparison or a patient's
    result ("Gentle, safe and quick", "Results within two weeks") is scored as
    any sentence."""
    return _a_title_whose_terms_are(words, _TOPIC_TERMS)


def _a_title_whose_terms_are(words: tuple[str, ...], allowed: frozenset[str]) -> bool:
    """A heading or bullet (no full stop) whose term words are all in
    ``allowed``. Standard care named beside a product counts as the product:
    "PRP" is both ("The PRP Facial")."""
    if HEADING not in words:
        return False
    terms = {w for n, w in enumerate(words) if w.startswith("<") and not _a_brand_word(words, n)}
    if PRODUCT in terms:
        terms.discard(_STANDARD_CARE)
    return terms <= allowed


# What a product sold in a jar or a box is called after its name ("Exosome
# Repair Serum", "Stem Cell Renewal Cream", "PRP Restore Kit").
_PRODUCT_FORMS = frozenset({
    "serum", "serums", "cream", "creme", "crème", "gel", "mask", "lotion", "ampoule", "ampoules", "ampule",
    "essence", "booster", "kit", "complex", "formula", "spray", "drops", "shampoo", "tonic", "oil", "balm",
    "patch", "patches", "capsules", "concentrate",
})


def _a_brand_word(words: tuple[str, ...], index: int) -> bool:
    """A word of effect in a product's own name in a title: right before the
    product ("Renew Exosome Serum", "Restore PRP Clinic") or between the
    product and what it is sold as ("Exosome Repair Serum", "Stem Cell
    Renewal Cream"), as a seller's title tags, alt texts, headings and
    marketplace listings repeat it. A title that claims the effect names
    what it acts on ("Regrow Cartilage with Stem Cells") or puts it after
    the product ("Stem Cells Heal Knees")."""
    if words[index] != _EFFECT or index + 1 >= len(words):
        return False
    after = words[index + 1]
    return after == PRODUCT or (after in _PRODUCT_FORMS and index > 0 and words[index - 1] == PRODUCT)


# What a sentence describing a condition holds: conditions and symptoms (two
# at most: a list of three is a seller's list of what it treats) and numbers.
_CONDITION_TERMS = frozenset({"<unapproved.conditions>", "<unapproved.symptoms>", CONDITION, NUMBER})
_MOST_CONDITIONS = 2
_CONDITION_OPENS_WITHIN = 4  # the condition among the sentence's first four words ("Chronic sinusitis means...")


def describes_a_condition(words: tuple[str, ...]) -> bool:
    """A sentence (with its stop) that opens with a condition and holds no
    other term the scorer sees: what the condition is, whom it strikes, how
    it feels ("Chronic sinusitis means inflamed sinuses for 12 weeks or
    more", "Achilles tendinopathy sidelines thousands of runners every
    spring"). Sellers' pages explain the disease before the offer, and a bag
    of words reads their voice and the condition as a claim; the labelling
    guideline calls such descriptions ok. The scorer needs
    :data:`claimcheck.kinds.scorer.CONDITION_THRESHOLD` for it; a sentence
    that also holds a term of a ``feature: false`` vocabulary (a timeline)
    does not count (see :func:`needed`)."""
    if HEADING in words:
        return False
    # (asked of every candidate, twice: one pass that stops at the first other term)
    position = conditions = 0
    for word in words:
        first = word[:1]
        if first == "#":
            continue
        if first == "<":
            if word not in _CONDITION_TERMS:
                return False
            if word != NUMBER:
                if not conditions and position >= _CONDITION_OPENS_WITHIN:
                    return False  # the first condition too late: not what the sentence opens with
                conditions += 1
            elif not conditions:
                return False  # a number first: "3 in 4 patients..."
        position += 1
    return 0 < conditions <= _MOST_CONDITIONS


def confirming(confirm: float, words: tuple[str, ...], informational: bool, signalled: bool = False) -> float:
    """The claim score a pack finding held for confirmation needs: ``confirm``
    (by the page's voice), or on an ``informational`` page (or an instruction
    sheet, as the engine passes it; the cross-validation knows voices only),
    for a title naming only what the page is about ("Stem cell therapy for
    dogs with arthritis: client information"), :data:`TOPIC_TITLE_THRESHOLD`,
    as the scorer's own finding there would need."""
    if informational and names_only_a_topic(words) and not signalled:
        return max(confirm, TOPIC_TITLE_THRESHOLD)
    return confirm
