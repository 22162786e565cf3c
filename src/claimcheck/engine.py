"""The engine: compiled rules + a document in, sorted findings out.

Each block is tokenized once (blocks in groups); a sentence is looked at only
if something matched in it, and then each sentence-level rule's kind decides
on that sentence; sentences no rule reported go to the claim scorer in
batches. On a page that is not a seller's, a sentence a pack rule reported
is scored too (unless it is overlong, or rules of two categories agree on a
page of unknown voice), and the rule's findings stand only if the scorer does not
rule out a claim (``kinds.scorer.confirm_threshold``); a seller's page only by
cues a care team says too, with an informational cue, counts as of unknown voice
there. On a long doubtful
page (of no voice, or a seller's only by cues a care team says too:
``PageContext.doubtful``), or a reader's (``PageContext.sparing``), where no
pack rule spoke, the scorer's findings go when it is sure of one sentence at
most (``scoring.unsure_page``). Document-level rules
run last, over what the sentences produced.
Compilation is :mod:`claimcheck.compiled`; what the scorer reports on the
sentences it is given, :mod:`claimcheck.scoring`; the hits' places in the
source, :mod:`claimcheck.placing`.
"""

from __future__ import annotations

import bisect
import dataclasses
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from claimcheck.compiled import Compiled
from claimcheck.findings import Finding, Hit
from claimcheck.kinds import KINDS
from claimcheck.kinds.required import Summary
from claimcheck.kinds.scorer import AGREEING_RULES, CONFIRM_MAX_TOKENS, confirm_threshold
from claimcheck.page import INFORMATIONAL, UNKNOWN, PageContext, decide
from claimcheck.placing import findings_of
from claimcheck.readers.document import MAX_BLOCK_CHARS, Document
from claimcheck.readers.tables import stands_alone_in_lead
from claimcheck.scorer.cutoffs import too_short
from claimcheck.scorer.features import TOPIC_VOCABULARY, features
from claimcheck.scorer.names import Names
from claimcheck.scoring import Candidate, scored, unsure_page
from claimcheck.sentence import Sentence, Tokens


# Blocks are tokenized together, joined by newlines, in groups of about this
# many characters: one spaCy call per group instead of one per block (each call
# has a fixed cost), while a Doc stays small.
GROUP_CHARS = 100_000
# What joins the blocks of a group (see ``_matched_blocks`` for why a space).
JOINER = " "


@dataclass(frozen=True)
class BlockRows:
    """A block's tokens as spaCy gave them in its group's Doc: their
    character offsets in the tokenized text (``IDX``), lengths and
    trailing-space flags, where the block starts in that text, and its text."""

    starts: list[int]
    lengths: list[int]
    spaces: list[int]
    base: int
    text: str

    def tokens(self) -> Tokens:
        return Tokens.of_lists(self.starts, self.lengths, self.spaces, self.base, self.text)


def lint_document(document: Document, compiled: Compiled) -> tuple[Finding, ...]:
    """Lint one document. Pure: the same inputs give the same findings."""
    blocks = [piece for block in document.blocks for piece in block.pieces(MAX_BLOCK_CHARS)]
    page = decide([block.text for block in blocks], compiled.page_cues, [block.kind for block in blocks],
                  [block.lead for block in blocks])
    # what the rules read: a table cell's headers before its text (Block.lead;
    # placing.findings_of reports what matched in them on the cell)
    texts = [block.lead + block.text if block.lead else block.text for block in blocks]
    # On a regulator's, journalist's or scientist's page, what reads like a
    # claim is mostly reported speech: the scorer speaks there only when very
    # sure (kinds.scorer.INFORMATIONAL_THRESHOLD); so on an instruction sheet,
    # whose imperatives and time windows read like claims to a bag of words.
    scoring = compiled.classifier is not None
    informational = page.voice == INFORMATIONAL or page.instruction_sheet
    instructions = compiled.page_cues.instructions if page.instruction_sheet else None
    # A seller's page only by cues a care team says too, that also has an
    # informational cue (a physiotherapist's blog: "we", "our clinic",
    # "studies"), is as unsure of its speaker as a page of no voice.
    unsure_seller = page.promotional_voice and page.plain and bool(page.informational)
    cut = confirm_threshold(UNKNOWN if unsure_seller else page.voice) if scoring else None
    leads = [len(block.lead) for block in blocks] if any(block.lead for block in blocks) else None
    read = []  # how many sentences each batch put to the scorer held (for unsure_page)

    def score(found: list[Candidate]) -> list[Hit]:
        read.append(len(found))
        return scored(found, compiled, informational, cut, texts, instructions)

    hits, _, first_terms = analyse(texts, compiled, page, scoring=scoring, leads=leads,
                                   score=score if scoring else None, confirm=cut is not None)
    if scoring and page.sparing:
        hits = unsure_page(hits, sum(read), page.productless)
    if leads is not None:
        hits = [hit for hit in hits if hit.end > leads[hit.block] or stands_alone_in_lead(blocks[hit.block].text)]
    if compiled.document_rules:
        rules = {rule.id: rule for rule in compiled.ruleset.rules}
        ordered = sorted(hits, key=lambda h: (h.block, h.start))
        summary = Summary(tuple((h, rules[h.rule_id].category) for h in ordered), first_terms, tuple(texts), page)
        for rule in compiled.document_rules:
            hits.extend(KINDS[rule.kind].check_document(rule, summary))
    return findings_of(document.source, document.path, blocks, hits, compiled.ruleset)


# Sentences go to the scorer in batches of this many, so that a huge
# document never holds all its candidates.
SCORE_BATCH = 512


def analyse(texts: list[str], compiled: Compiled, page: PageContext, scoring: bool = True,
            whole_blocks: bool = False, score=None, confirm: bool = False,
            leads: Sequence[int] | None = None) -> tuple[list[Hit], list[Candidate], dict]:
    """The pack rules' hits in blocks ``texts``, (with ``scoring``) the
    sentences the scorer should look at, and where each label first matched
    (``label -> (block, start, end)``, characters). ``whole_blocks`` makes
    each block one unit instead of cutting it into sentences (for training
    on labeled items that may hold several sentences).

    With ``score`` (candidates -> hits), the sentences no pack rule reported
    are handed to it in batches as they come and its hits are returned with
    the others; without it every candidate is returned. With ``confirm``
    (and ``score``), sentences a pack rule reported go to ``score`` too, their
    hits held in :attr:`Candidate.pending`. ``leads`` gives each block's
    lead, in characters (a table cell's headers, Block.lead): the pack
    rules read it, the scorer reads the cell alone (it learned from
    sentences, not from headers joined to a cell), as it always did."""
    hits: list[Hit] = []
    candidates: list[Candidate] = []
    first_terms: dict[str, tuple[int, int, int]] = {}
    seen: frozenset[str] = frozenset()  # the labels matched up to this block
    # the last block with a match and its labels: a pronoun's antecedent on an
    # informational page (Sentence.nearby), not kept on other pages
    last_index, last_labels = -2, frozenset()
    near_blocks = page is not None and page.voice == INFORMATIONAL
    order = {rule.id: n for n, rule in enumerate(compiled.sentence_rules)}
    rules_for: dict[frozenset, list] = {}
    hold = confirm and score is not None
    # categories of pack rules that, agreeing on a sentence, need no confirmation
    agreeing = AGREEING_RULES if page is not None and page.voice == UNKNOWN else None
    category = compiled.category_of
    scored_labels = {compiled.labels[i] for i in compiled.scored_ids} if leads is not None else frozenset()
    unfeatured = compiled.unfeatured  # (labels the scorer reads as their words: see Vocabulary.feature)
    for index, block_rows, matches in _matched_blocks(texts, compiled):
        ids = {match_id for match_id, _, _ in matches}
        before = seen
        if any(compiled.labels[i] not in first_terms for i in ids):
            first_terms.update(_first_places(index, block_rows, matches, compiled.labels, first_terms))
            seen = frozenset(first_terms)  # every label matched so far
        previous = None  # (not tracked on other pages)
        if near_blocks:
            previous = last_labels if last_index == index - 1 else frozenset()
            last_index, last_labels = index, frozenset(compiled.labels[i] for i in ids)
        for sentence, triggered, scorable in _sentences(index, block_rows, matches, ids, compiled, before,
                                                        page, scoring, whole_blocks, previous):
            found: list[Hit] = []
            if triggered:
                found = _checked(sentence, compiled, rules_for, order)
                runs = _name_runs(sentence, compiled.names) if found and compiled.names.heads else None
                if runs:
                    found = _outside_names(found, sentence, runs)
                    unnamed = _unnamed(sentence, runs) if found else None
                    if unnamed is not None:
                        # a term inside a clinic's name ("Renew IV Clinic") is
                        # no effect: the rules again, without such terms
                        found = _outside_names(_checked(unnamed, compiled, rules_for, order), sentence, runs)
            held = (hold and scorable and bool(found) and 0 < sentence.end - sentence.start <= CONFIRM_MAX_TOKENS
                    and (agreeing is None or len({category[hit.rule_id] for hit in found}) < agreeing))
            if not held:
                hits.extend(found)
            if scorable and sentence.end > sentence.start and (held or not (found and score is not None)):
                first, terms = sentence.start, sentence.terms
                if leads is not None and leads[index]:
                    # the cell alone: a pack finding held for confirmation is
                    # confirmed by the cell's own words; nothing past the lead, no finding
                    first, terms = _past_lead(sentence, leads[index], None if held else scored_labels)
                if first is None:
                    continue
                start, end = sentence.chars(first, sentence.end)
                if score is not None and not held and too_short(texts[index][start:end]):
                    continue  # (what scoring.scored would not put to the model: no features needed)
                featured = terms if unfeatured.isdisjoint(terms) else {
                    k: v for k, v in terms.items() if k not in unfeatured}
                words = features(sentence.tokens.texts, first, sentence.end, featured, page, compiled.conditions,
                                 compiled.names)
                candidates.append(Candidate(index, start, end, tuple(words), bool(found), frozenset(terms),
                                            tuple(found) if held else ()))
                if score is not None and len(candidates) >= SCORE_BATCH:
                    hits.extend(score(candidates))
                    candidates = []
    if score is not None and candidates:
        hits.extend(score(candidates))
        candidates = []
    return hits, candidates, first_terms


def _groups(texts: list[str], size: int):
    """Consecutive ranges ``[first, last)`` of blocks of about ``size`` characters."""
    first, length = 0, 0
    for index, text in enumerate(texts):
        if length and length + len(text) > size:
            yield first, index
            first, length = index, 0
        length += len(text) + 1
    if first < len(texts):
        yield first, len(texts)


def _matched_blocks(texts: list[str], compiled: Compiled):
    """Each block with matches, in order: ``(index, BlockRows, matches)``,
    matches with token indices into the block. A group of blocks is
    tokenized as one Doc.

    Blocks are joined by one space. A block's text has no other whitespace
    and no space at either end, and spaCy splits at spaces before anything
    else, so every token is the one the block gives alone. A newline would
    cost speed: spaCy's tokenizer treats a whitespace token as a special
    case, and after a special case it stops filling its cache for the rest
    of the Doc, so every later word goes through the affix searches (2.6x
    slower on the bench pages: ``bench/stages.py``). Phrase matches across two blocks are dropped and
    the last token of a block is marked as followed by no space, as alone."""
    from spacy.attrs import IDX, LENGTH, SPACY

    for first, last in _groups(texts, GROUP_CHARS):
        doc = compiled.tokenize(JOINER.join(texts[first:last]))
        rows = doc.to_array([IDX, LENGTH, SPACY])
        bases, base = [], 0
        for index in range(first, last):
            bases.append(base)
            base += len(texts[index]) + 1
        token_starts = rows[:, 0].searchsorted(bases).tolist() + [len(doc)]
        idx, lengths, spaces = rows.T.tolist()  # plain lists: cheaper to slice and index than the array
        by_block: dict[int, list] = defaultdict(list)
        for match in compiled.phrases(doc):
            by_block[bisect.bisect_right(token_starts, match[1]) - 1].append(match)
        gate = compiled.pattern_gate if compiled.pattern_gate.any_may_match(texts[first:last]) else None
        for offset, index in enumerate(range(first, last)):
            phrases = by_block.get(offset)
            if phrases is None and gate is None:
                continue  # nothing matched and no token pattern can
            text = texts[index]
            start = token_starts[offset]
            end = bisect.bisect_left(idx, bases[offset] + len(text), start, token_starts[offset + 1])
            matches = [(m, s - start, e - start) for m, s, e in phrases or () if e <= end]
            gated = gate(text) if gate is not None else ()
            if gated:
                span = doc[start:end]
                for label in gated:
                    matches += compiled.tokens[label](span)
            if matches:
                spaced = spaces[start:end]
                if spaced:
                    spaced[-1] = 0  # no space after the block's last token
                yield index, BlockRows(idx[start:end], lengths[start:end], spaced, bases[offset], text), matches


def _first_places(index: int, block_rows: BlockRows, matches: list, labels: Sequence[str],
                  known: dict) -> dict[str, tuple[int, int, int]]:
    """Where each label matched in block ``index`` that ``known`` has no
    place for first matched: ``label -> (block, start, end)``, characters."""
    places: dict[str, tuple[int, int, int]] = {}
    offsets, lengths, base = block_rows.starts, block_rows.lengths, block_rows.base
    for match_id, start, end in matches:
        label = labels[match_id]
        if label not in known and label not in places:
            places[label] = (index, offsets[start] - base, offsets[end - 1] + lengths[end - 1] - base)
    return places


FRAGMENT_WORDS = 2  # a sentence of at most this many words is a fragment
FRAGMENT_TOKENS = 6  # ... and of at most this many tokens (its words, their hyphens and its stop)


def _fragments_joined(tokens: Tokens, found: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The sentences ``found`` with each run of two or more fragments (at
    most ``FRAGMENT_WORDS`` words each) read as one sentence: a slogan set
    as fragments ("No surgery. No opioids. No downtime.", "Real patients.
    Real regrowth.") says one thing, and a fragment alone is too short for
    the scorer to read (claimcheck.scorer.cutoffs.too_short)."""
    short = [end - begin <= FRAGMENT_TOKENS for begin, end in found]
    if sum(short) < 2:
        return found  # (most blocks: no two sentences short enough)
    joined: list[tuple[int, int]] = []
    run: list[tuple[int, int]] = []
    for span, few in zip(found, short):
        if few and _words(tokens, span) <= FRAGMENT_WORDS:
            run.append(span)
            continue
        joined.extend([(run[0][0], run[-1][1])] if len(run) > 1 else run)
        run = []
        joined.append(span)
    joined.extend([(run[0][0], run[-1][1])] if len(run) > 1 else run)
    return joined


def _words(tokens: Tokens, span: tuple[int, int]) -> int:
    """The words of tokens ``span`` (tokens with a letter or a digit), counted up to one past ``FRAGMENT_WORDS``."""
    count = 0
    for text in tokens.texts[span[0]:span[1]]:
        if any(char.isalnum() for char in text):
            count += 1
            if count > FRAGMENT_WORDS:
                break
    return count


def _sentences(index: int, block_rows: BlockRows, matches: list, ids: set[int], compiled: Compiled,
               before: frozenset[str], page: PageContext, scoring: bool, whole_blocks: bool = False,
               previous: frozenset[str] | None = None):
    """The sentences of a block that hold a rule's trigger or (with
    ``scoring``) a term of any vocabulary, each with whether a trigger is in
    it and whether it is worth scoring (a term of a vocabulary is: a token
    pattern's match alone is not). ``block_rows`` are the block's tokens as
    :func:`_matched_blocks` gives them, ``ids`` the match ids in
    ``matches``, ``before`` the labels matched in the blocks before it (a
    sentence also sees those of the sentences before it in its block), and
    ``previous`` those of the block just before it (a block's first
    sentence's :attr:`Sentence.nearby`, a later sentence's being those of
    the sentences before it in its block; None on a page that does not read
    them)."""
    labels = compiled.labels
    triggers = compiled.triggers
    wanted = compiled.scored_ids if scoring else triggers
    if wanted.isdisjoint(ids) and triggers.isdisjoint(ids):
        return
    tokens = block_rows.tokens()
    if whole_blocks:
        sents = [(0, len(tokens.texts))]
    else:
        sents = _fragments_joined(tokens, tokens.sentences(compiled.punct_chars))
    starts = [s for s, _ in sents]
    grouped: dict[int, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    triggered: set[int] = set()
    worth: set[int] = set()
    for match_id, start, end in sorted(matches, key=_match_order):
        number = bisect.bisect_right(starts, start) - 1
        numbers = [number]
        while number > 0 and sents[number - 1][1] >= end:  # overlapping windows of a long sentence
            number -= 1
            numbers.append(number)
        for number in numbers:
            grouped[number][labels[match_id]].append((start, end))
            if match_id in triggers:
                triggered.add(number)
            if match_id in wanted:
                worth.add(number)
    seen = before
    earlier: frozenset = frozenset()  # the labels of the block's earlier sentences
    for number in sorted(grouped):
        terms = grouped[number]
        if number in worth or number in triggered:
            start, end = sents[number]
            # the block before is near the block's first sentence only: after
            # it, the block has named its own subject ("What does work is
            # CBT-I. It has strong evidence...")
            nearby = (previous or frozenset()) if number == 0 else earlier
            yield (Sentence(index, tokens, start, end, {k: tuple(v) for k, v in terms.items()}, seen, page, nearby),
                   number in triggered, scoring and number in worth)
        if not seen.issuperset(terms):
            seen = seen.union(terms)
        if previous is not None and not earlier.issuperset(terms):
            earlier = earlier.union(terms)


def _checked(sentence: Sentence, compiled: Compiled, rules_for: dict, order: dict) -> list[Hit]:
    """The hits of the rules that ``sentence``'s labels trigger, in rule
    order (the rules of a set of labels are cached in ``rules_for``)."""
    labels = frozenset(sentence.terms)
    rules = rules_for.get(labels)
    if rules is None:
        chosen = {r.id: r for label in labels for r in compiled.rules_by_trigger.get(label, ())}
        rules = rules_for[labels] = sorted(chosen.values(), key=lambda r: order[r.id])
    return [hit for rule in rules for hit in KINDS[rule.kind].check(rule, sentence)]


def _name_runs(sentence: Sentence, names: Names) -> list[tuple[int, int]]:
    """The clinics' and companies' names in ``sentence``, as token spans
    (none without a name's head among its words, most sentences)."""
    texts = sentence.tokens.texts
    if names.heads.isdisjoint(text.lower() for text in texts[sentence.start:sentence.end]):
        return []
    return names.runs(texts, sentence.start, sentence.end)


def _outside_names(found: list[Hit], sentence: Sentence, runs: list[tuple[int, int]]) -> list[Hit]:
    """The hits of ``found`` that are not wholly inside one of the names
    ``runs`` ("Restore Joint & Regenerative Center" names a clinic; it does
    not say that anything restores a joint)."""
    spans = [sentence.chars(first, last) for first, last in runs]
    return [hit for hit in found if not any(start <= hit.start and hit.end <= end for start, end in spans)]


def _unnamed(sentence: Sentence, runs: list[tuple[int, int]]) -> Sentence | None:
    """``sentence`` without the terms that lie wholly inside one of the
    names ``runs`` ("Renew" in "Renew IV Clinic"), but for the products (a
    clinic named for its product that treats a disease still makes the
    claim); None when no term does."""
    terms = {}
    changed = False
    for label, spans in sentence.terms.items():
        kept = spans if label == TOPIC_VOCABULARY else tuple(
            span for span in spans if not any(first <= span[0] and span[1] <= last for first, last in runs))
        changed = changed or len(kept) != len(spans)
        if kept:
            terms[label] = kept
    return dataclasses.replace(sentence, terms=terms) if changed else None


def _past_lead(sentence: Sentence, lead: int, scored: set[str] | None) -> tuple[int | None, dict]:
    """Where a sentence of a block with a lead of ``lead`` characters starts
    past the lead (its first token there), and its terms from there on;
    None when nothing is past the lead or (given ``scored``) nothing there
    holds a term worth scoring."""
    first = sentence.start
    while first < sentence.end and sentence.chars(first, first + 1)[0] < lead:
        first += 1
    terms = {label: kept for label, spans in sentence.terms.items()
             if (kept := tuple(span for span in spans if span[0] >= first))}
    wanted = first < sentence.end and (scored is None or not scored.isdisjoint(terms))
    return (first if wanted else None), terms


def _match_order(match: tuple[int, int, int]) -> tuple[int, int]:
    return match[1], match[2]
