"""``scorer``: the learned claim scorer's finding for one category.

The engine scores every sentence that holds a term of any vocabulary (those
the rules use, and the scorer rules' ``signals``), has no
finding from a pack rule, and passes the prefilter; a sentence whose claim
score reaches the threshold is reported once, under the scorer rule of the
category the model ranks highest (of the active scorer rules). The rule
carries that category's message, rationale, references and suggestion; its
``threshold`` can be set per rule or for all by the configuration's
``scorer.threshold``.
"""

from __future__ import annotations

from claimcheck.kinds.needs import Needs
from claimcheck.kinds.options import PROBABILITY, VOCABULARIES, Option
from claimcheck.ruleset import Rule
from claimcheck.requirements import AnyLabel, Requirement

NAME = "scorer"
SCOPE = "scorer"
# A title of at most this many words whose only terms point at a product or
# a speaker ("My story", "Our treatment", "I" alone) is not scored (see
# claimcheck.scorer.cutoffs.names_only_a_product).
SHORT_TITLE_WORDS = 6
DOC = ("Flags a sentence the learned claim scorer rates as a claim of the rule's category (a title, a heading "
       "or bullet without a full stop, is not scored when its only terms name a product and it holds no term of a "
       "feature: false vocabulary, or when it has at most "
       f"{SHORT_TITLE_WORDS} words whose only terms point at a product or a speaker: \"My story\", "
       "\"Our treatment\"; nor is a sentence of one or two words: \"Results\", \"Same-day care.\", nor a price "
       "offer whose other terms only name the product: \"30% off any exosome treatment\").")
OPTIONS = (
    Option("threshold", PROBABILITY, doc="the lowest claim score that is reported (default 0.45; "
           "on an informational page at least 0.8, for a title naming only products, conditions or symptoms at least 0.6, "
           "for a lead-in ending with a colon at least 0.8, for a sentence that opens with a condition and holds "
           "no other term at least 0.8)"),
    Option("not_near", VOCABULARIES, doc="do not report a sentence that holds a term of one of these"),
    Option("signals", VOCABULARIES, doc="more vocabularies whose terms make a sentence worth scoring "
           "(and that the scorer sees as features, unless a vocabulary says feature: false)"),
)
# Chosen by the family-grouped cross-validation of the scorer trained with
# our own sentence sets (`bench/accuracy.py --cv --seeds 2 [--threshold T]`:
# 0.743 on pages and 0.743 alone at 0.45, 0.735 and 0.737 at 0.5; README
# "Accuracy").
DEFAULT_THRESHOLD = 0.45
# On an informational page (a regulator, journalist or scientist speaking),
# what reads like a claim is mostly reported speech: the scorer reports a
# sentence there only when it is this sure. (Off entirely, it missed the
# claims of sellers whose pages read as informational; measured in
# bench/accuracy.py: see docs/measurements.md.)
INFORMATIONAL_THRESHOLD = 0.8
# A title (heading or bullet, no full stop) whose only terms name products,
# conditions or symptoms ("Types of arthritis") is mostly a section title naming
# what the page is about: reported only at this score or more (see
# claimcheck.scorer.cutoffs.names_only_a_topic). Measured in bench/accuracy.py: on
# held-out pages 4 of 27 false lines on sellers' pages fewer, every claim
# line kept; see docs/measurements.md.
TOPIC_TITLE_THRESHOLD = 0.6
# A page of no voice (no seller's cue outweighs a reader's), or a seller's
# only by cues a care team says too (`plain_promotional` in
# rules/context.yaml: claimcheck.page.PageContext.doubtful), on which no pack
# rule spoke and the scorer is sure (INFORMATIONAL_THRESHOLD) of
# UNSURE_PAGE_SURE sentences at most, though it read UNSURE_PAGE_SENTENCES
# or more: its findings are mostly a care team's advice and descriptions of
# standard care and of a disease ("Most people wear a special shoe for about
# six weeks", "poor circulation slows healing"), which a bag of words reads
# as claims. None of them is reported (see claimcheck.scoring.unsure_page).
# A sentence, a snippet or a short ad keeps them. Measured in
# bench/accuracy.py: see docs/measurements.md (twenty-ninth session).
UNSURE_PAGE_SENTENCES = 8
UNSURE_PAGE_SURE = 1
# On such a page (doubtful) of UNSURE_PAGE_READ sentences read or more,
# whatever it keeps, a scorer finding needs UNSURE_PAGE_THRESHOLD: below it,
# on our pages, two findings in three were not claims (a care team's "Most
# people improve over three to six months"). A snippet keeps the rule's own
# threshold. Measured in bench/accuracy.py and on our pages (thirty-fifth
# session, docs/measurements.md): 85 false lines fewer (34 of them on
# responsible pages) and 24 optional ones, for 41 claim lines; the CV
# unchanged, `dev` on pages 0.689 -> 0.692 (an ok sentence fewer).
# On a page of no voice that names no product (PageContext.productless), the
# same number of sentences read, a scorer finding needs INFORMATIONAL_THRESHOLD
# instead: its findings were mostly a condition described ("It often comes
# with hearing loss") and a care team's advice. Measured on our pages
# (thirty-sixth session, docs/measurements.md): 10 false lines fewer and 3
# optional, for 4 claim lines; `dev` unchanged.
UNSURE_PAGE_READ = 5
UNSURE_PAGE_THRESHOLD = 0.6
# A lead-in, a sentence that ends with a colon ("The department offers the
# following procedures:", "How it works:"), introduces what follows: on
# pages mostly a list's announcement, reported only when the scorer is this
# sure (see claimcheck.scorer.cutoffs.a_lead_in). The lists it announces are read by
# their own rules (``list_headings`` in rules/context.yaml).
LEAD_IN_THRESHOLD = 0.8
# A sentence that opens with a condition and holds no other term describes
# it ("Chronic sinusitis means inflamed sinuses for 12 weeks or more"):
# reported only when the scorer is this sure (see
# claimcheck.scorer.cutoffs.describes_a_condition). Measured (fortieth
# session): our pages 12 false lines and 8 optional lines fewer for 2 claim
# lines; the cross-validation and the shared pages unchanged; at 0.6 the
# same 2 claim lines for 6 false lines.
CONDITION_THRESHOLD = 0.8
# A speaker's own situation told right before a question in the same
# paragraph ("I'm 71 and my surgeon says I need a new hip. Is there anything
# else I can try?", "My mother has COPD. Would she qualify?") is someone
# asking, on a forum, a call-in show or in a quoted inquiry, not a patient's
# results: reported only at this score or more (a story of results told
# before a rhetorical question, "my knee pain was gone. Why did I wait?",
# scores far above it). See claimcheck.scorer.cutoffs.asks_next.
ASKING_THRESHOLD = 0.7
# A question (a question mark, or a question written without one: "Visitor:
# do you treat copd with stem cells") mostly asks, on a forum, in a chat or
# an FAQ's heading; rhetorical questions that claim ("Hard to believe these
# cells can heal your pain?") score higher. Reported only at this score or
# more (see claimcheck.scorer.cutoffs.needed). Chosen on the out-of-fold
# scores of the labelled sentences (64 questions, 9 claims: at 0.45, 3
# claims and 4 ok sentences reported; at 0.6, 2 and none).
QUESTION_THRESHOLD = 0.6
# A pack rule's finding stands only if the scorer gives its sentence at
# least this claim score, by the page's voice. On an informational page the
# rules mostly fire on reported speech, requirements and research ("must be
# shown to be safe", "approved for graft versus host disease"); 0.3 is low on
# purpose, so that a seller's page misread as informational keeps its plainer
# claims. On a page of unknown voice (too few cues either way, as for a lone
# sentence) only findings the scorer all but rules out (below 0.2) fall: the
# critic's and the journalist's sentences that no page cue marked. A
# promotional page needs no agreement. Measured in bench/accuracy.py (see
# docs/measurements.md).
# On an informational page a title naming only what the page is about needs
# TOPIC_TITLE_THRESHOLD instead (claimcheck.scorer.cutoffs.confirming).
CONFIRM_THRESHOLDS = {"informational": 0.3, "unknown": 0.2}
# ... and only in a sentence of at most this many tokens: a bag of words
# over a long run-on window (up to 150 tokens) is mostly neutral words and
# says little about the one clause that holds the claim.
CONFIRM_MAX_TOKENS = 60
# ... and only when pack rules of fewer than this many categories report the
# sentence, on a page of unknown voice: two that agree ("clinically proven",
# a proof; a product that "regrows thinning hair", a treatment) stand even
# where the scorer reads a coupon's "Save $50" as a price list (two rules of
# one category, "completely safe" read by two safety rules, are one piece of
# evidence). Measured in bench/accuracy.py's
# cross-validation (seed 0): 0.7440 -> 0.7447 on pages, 0.7457 -> 0.7470
# alone; the vetoes it lifts were 2 claims and 1 sentence that is not (see
# docs/measurements.md).
AGREEING_RULES = 2


def confirm_threshold(voice: str) -> float | None:
    """The claim score a pack finding needs on a page of ``voice`` (None: none)."""
    return CONFIRM_THRESHOLDS.get(voice)


def needs(rule: Rule) -> Needs:
    return Needs()


def requires(rule: Rule) -> Requirement:
    # Any term of any vocabulary makes a sentence a candidate.
    return AnyLabel()


def threshold(rule: Rule) -> float:
    """The rule's own threshold (the configuration's ``scorer.threshold`` or
    the default); :func:`claimcheck.scorer.cutoffs.needed` raises it by page
    and by what the sentence is."""
    return rule.options.get("threshold", DEFAULT_THRESHOLD)
