"""The claim scorer's side of the engine: the sentences it may look at
(:class:`Candidate`, gathered by :func:`claimcheck.engine.analyse`) and the
hits it reports on them (:func:`scored`): a sentence no pack rule reported,
scored at or above its rule's threshold; a sentence a pack rule reported on
a page that is not a seller's, whose pack hits stand if the scorer agrees;
and what is left of them on a doubtful page where little is sure
(:func:`unsure_page`)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from claimcheck.compiled import Compiled
from claimcheck.findings import Hit
from claimcheck.page import opens_with_instruction
from claimcheck.scorer.cutoffs import NEXT_SENTENCE_CHARS, confirming, needed


@dataclass(frozen=True)
class Candidate:
    """A sentence the scorer may look at: its characters in block ``block``,
    its feature words, and whether a pack rule already reported it."""

    block: int
    start: int
    end: int
    words: tuple[str, ...]
    reported: bool
    labels: frozenset[str] = frozenset()  # the labels matched in it
    # On a page that is not a seller's: the pack rules' hits on it, which
    # stand only if the scorer does not rule out a claim (see :func:`scored`).
    pending: tuple[Hit, ...] = ()


def scored(candidates: list[Candidate], compiled: Compiled, informational: bool = False,
           confirm: float | None = None, texts: Sequence[str] = (),
           instructions: re.Pattern | None = None) -> list[Hit]:
    """One hit per candidate (sentences no pack rule reported) whose claim
    score reaches the threshold of its best category's scorer rule (if that
    rule is active), that holds no disclaimer (:attr:`Compiled.disclaimer`,
    looked up in ``texts``, the blocks) and that does not open with one of
    ``instructions`` (given on an instruction sheet). A candidate with pending pack hits
    keeps them if its claim score reaches ``confirm`` (on an informational page or
    an instruction sheet, a title naming only the topic needs more:
    :func:`claimcheck.scorer.cutoffs.confirming`), and gets no scorer hit."""
    from claimcheck.kinds.scorer import threshold
    from claimcheck.scorer.classifier import CLAIM

    found = []
    best: dict[int, str] = {}  # id of a scores dict (repeated sentences share one) -> its category
    # (what needed() would not score anyway is not put to the model)
    # (analyse has left out the sentences too short to score: no text needed here)
    flagged = [(c, signalled(c, compiled)) for c in candidates]  # (a title holding a signal is scored)
    flagged = [(c, flag) for c, flag in flagged if c.reported or needed(1.0, c.words, signalled=flag) is not None]
    for (candidate, flag), scores in zip(flagged, compiled.classifier.scores([c.words for c, _ in flagged])):
        if candidate.reported:
            if confirm is None or scores.get(CLAIM, 0.0) >= confirming(confirm, candidate.words, informational, flag):
                found.extend(candidate.pending)
            continue
        # The category the model ranks highest; a category whose scorer rule is
        # turned off (``safety: off``) is not reported under another one.
        category = best.get(id(scores))
        if category is None:
            category = best[id(scores)] = max((label for label in scores if label != CLAIM),
                                              key=lambda c: (scores[c], c))
        rule = compiled.scorer_rules.get(category)
        if rule is None or (instructions is not None and candidate.block < len(texts) and opens_with_instruction(
                texts[candidate.block][candidate.start:candidate.end], instructions)):
            continue
        claim = scores.get(CLAIM, 0.0)
        cut = needed(threshold(rule), candidate.words, informational, following=_following(candidate, texts),
                     signalled=flag)
        if (cut is not None and claim >= cut
                and candidate.labels.isdisjoint(rule.options.get("not_near", ()))
                and not _a_disclaimer(candidate, compiled, texts)):
            found.append(Hit(rule.id, candidate.block, candidate.start, candidate.end, score=round(claim, 3)))
    return found


def signalled(candidate: Candidate, compiled: Compiled) -> bool:
    """Whether ``candidate`` held a term of a ``feature: false`` vocabulary,
    which its feature words do not show (see
    :func:`claimcheck.scorer.cutoffs.needed`)."""
    return not compiled.unfeatured.isdisjoint(candidate.labels)


def _text_of(candidate: Candidate, texts: Sequence[str]) -> str | None:
    """The candidate's sentence as written (None without the blocks)."""
    return texts[candidate.block][candidate.start:candidate.end] if candidate.block < len(texts) else None


def _following(candidate: Candidate, texts: Sequence[str]) -> str:
    """What follows the candidate's sentence in its block, up to
    :data:`claimcheck.scorer.cutoffs.NEXT_SENTENCE_CHARS` characters."""
    if candidate.block >= len(texts):
        return ""
    return texts[candidate.block][candidate.end:candidate.end + NEXT_SENTENCE_CHARS]


def _a_disclaimer(candidate: Candidate, compiled: Compiled, texts: Sequence[str]) -> bool:
    text = _text_of(candidate, texts)
    if text is None:
        return False  # (no blocks given)
    pattern = compiled.disclaimer
    return pattern is not None and pattern.search(text) is not None


def unsure_page(hits: list[Hit], read: int, productless: bool = False) -> list[Hit]:
    """The sentence-level ``hits`` of a doubtful page (of no voice, or a
    seller's only by cues a care team says too: :meth:`PageContext.doubtful`),
    or a reader's (:meth:`PageContext.sparing`), on which the scorer read
    ``read`` sentences: none, when it read
    :data:`claimcheck.kinds.scorer.UNSURE_PAGE_SENTENCES` or more, no pack
    rule spoke (every hit is the scorer's) and the scorer was sure
    (:data:`claimcheck.kinds.scorer.INFORMATIONAL_THRESHOLD`) of
    :data:`claimcheck.kinds.scorer.UNSURE_PAGE_SURE` sentences at most;
    otherwise, when it read :data:`claimcheck.kinds.scorer.UNSURE_PAGE_READ`
    or more, only the pack rules' hits and the scorer's of
    :data:`claimcheck.kinds.scorer.UNSURE_PAGE_THRESHOLD` or more (of
    :data:`claimcheck.kinds.scorer.INFORMATIONAL_THRESHOLD` on a page of no
    voice that names no product: :meth:`PageContext.productless`)."""
    from claimcheck.kinds.scorer import (INFORMATIONAL_THRESHOLD, UNSURE_PAGE_READ, UNSURE_PAGE_SENTENCES,
                                         UNSURE_PAGE_SURE, UNSURE_PAGE_THRESHOLD)

    if read >= UNSURE_PAGE_READ:
        least = INFORMATIONAL_THRESHOLD if productless else UNSURE_PAGE_THRESHOLD
        hits = [h for h in hits if h.score is None or h.score >= least]
    if read < UNSURE_PAGE_SENTENCES or any(h.score is None for h in hits):
        return hits
    sure = sum(h.score >= INFORMATIONAL_THRESHOLD for h in hits)
    return [] if sure <= UNSURE_PAGE_SURE else hits
