"""One sentence with the vocabulary terms found in it and its context cues.

Context is decided per candidate match:

- ``question``: the sentence ends with a question mark, or, ending with no
  stop at all, opens as a question does ("do you treat copd with stem
  cells", a chat's or a search box's question);
- ``negation``: a negation cue stands before the match's anchor in the same
  clause ("not approved to treat", "no evidence that ... cures"), or a
  predicate negation follows it in the same clause ("curing X is not
  possible"; not one in a relative clause about people after it, "heals
  knees in patients who don't want surgery"); pseudo-negations ("not only") do not count, nor does a "no"
  or "without" before a term that is itself a denial ("no pills and no side
  effects");
- ``attribution``: the sentence attributes the statement to someone else
  ("the FDA warns", "clinics claim", "according to its promoters"); a
  citation of the law ("21 CFR 1271") only on an informational page;
- ``quote``: the match lies inside double quotes (a mention, not a use);
- ``research``: the sentence reports preclinical or future research ("in
  mice", "scientists hope that one day").
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass

from claimcheck.page import INFORMATIONAL, PageContext

NEGATION = "context:negation"
NEGATION_AFTER = "context:negation-after"
PSEUDO_NEGATION = "context:pseudo-negation"
ATTRIBUTION = "context:attribution"
CITATION = "context:citation"  # also an attribution cue (see Sentence.contexts)
RESEARCH = "context:research"
BOUNDARY = "context:boundary"
RELATIVE = "context:relative"

MAX_SENTENCE_TOKENS = 150
CUT_OVERLAP = 40  # tokens shared by two windows of an overlong sentence
_PUNCT_BOUNDARIES = frozenset({",", ";", ":", "(", ")", "-", "--", "\u2014", "\u2013", "|", "/"})

Span = tuple[int, int]
# A sentence that ends with no stop and opens with one of these, then a
# subject ("do you", "can stem cells", "is it"), is a question written without
# its question mark; so is one whose first words are a speaker's label or a
# greeting before a colon or comma ("Visitor: do you treat copd", "Hi, is it
# safe"). A verb after the auxiliary is no question ("Can reduce swelling" is
# a bullet of benefits).
ASKING = frozenset("do does did can could is are was were will would should has have may might".split())
ASKED = frozenset("""you i we they it he she this that these those there my your our his her their the a an any
anyone someone anybody somebody stem prp exosomes exosome""".split())
_STOPS = frozenset({".", "!", "...", "\u2026"})
_LIST_JOINS = frozenset({"or", "and", "nor"})
LIST_ITEM_TOKENS = 3  # the longest item, in tokens, of a list read as one (see Sentence._list_head)
# A citation's number in square brackets ("[2]", "[1,3]"); "(2)" after a
# stop is as often the next item's number.
_CITING = {"[": "]"}
_CITATION = re.compile(r"^\d[\d,\u2013-]*$")
# Marks that open a quotation, after which an initial's stop ends a sentence
# (Tokens._initial_ends).
_QUOTES = frozenset({'"', "\u201c", "\u00ab", "\u201e"})
# Marks that open a bracket or a quotation ("'" is also an apostrophe, and
# is left out).
_OPENERS = frozenset({"(", "[", "{", '"', "\u201c", "\u2018", "\u00ab", "\u201e", "\u00bf", "\u00a1"})
_LABEL_WORDS = 8  # how far into a sentence a speaker's label or greeting may end
OPENING_WORDS = _LABEL_WORDS + 2  # the first words opens_a_question reads (and the last two)


def opens_a_question(words) -> bool:
    """Whether lower-cased ``words`` (a sentence's: its first
    ``OPENING_WORDS`` and last two suffice) read as a question written
    without its question mark: no stop at its end, an auxiliary and a
    subject first, or right after a colon or comma among its first words."""
    if len(words) < 3 or any(word in _STOPS or word.endswith("?") for word in words[-2:]):
        return False
    # (spaCy keeps a bracket on the label's colon: "CHAT (dan_1988): is it ...")
    return any((at == 0 or words[at - 1][-1:] in (":", ",")) and words[at] in ASKING and words[at + 1] in ASKED
               for at in range(min(_LABEL_WORDS, len(words) - 2)))


# Words that open a denial ("no side effects", "without surgery"). One before
# another in the same clause is a list of denials, not a negation of it.
_DENIALS = frozenset({"no", "without"})
# A denial of the object right after the match ("FDA has approved no cord
# product", "cures none of them"), unless it opens a pseudo-negation ("works
# no matter how old you are", "no less than half": `pseudo_negation` in
# rules/context.yaml).
_OBJECT_DENIALS = frozenset({"no", "none"})


@dataclass(frozen=True)
class Tokens:
    """The tokens of one block, as plain lists (cheaper than spaCy Token objects)."""

    texts: tuple[str, ...]
    starts: tuple[int, ...]  # character offset of each token in the block text
    spaced: tuple[bool, ...]  # token is followed by whitespace

    @classmethod
    def of_lists(cls, starts: list[int], lengths: list[int], spaces: list[int], base: int, text: str) -> "Tokens":
        """From spaCy's ``IDX``, ``LENGTH`` and ``SPACY`` values of a block's
        tokens, where the block starts at character ``base`` of the tokenized text."""
        if base:
            starts = [i - base for i in starts]
        return cls(
            tuple([text[i:i + n] for i, n in zip(starts, lengths)]),
            tuple(starts),
            tuple(map(bool, spaces)),
        )

    def chars(self, start: int, end: int) -> tuple[int, int]:
        """The characters of tokens ``[start, end)``."""
        return self.starts[start], self.starts[end - 1] + len(self.texts[end - 1])

    def sentences(self, punct_chars) -> list[tuple[int, int]]:
        """Sentence spans, by the rule of spaCy's rule-based Sentencizer: a
        sentence ends after a run of sentence-final punctuation, and of the
        punctuation and citations that trail it, but before a bracket or
        quotation mark that opens the next (:meth:`_trails`). Text without
        any (a list of short lines) is cut every ``MAX_SENTENCE_TOKENS``."""
        texts = self.texts
        found = []
        start = 0
        ends = [i for i, text in enumerate(texts) if text in punct_chars or len(text) == 2 and self._initial_ends(i)]
        for index in ends:
            if index < start:
                continue  # inside the run of punctuation that ended the last sentence
            after = index + 1
            while after < len(texts) and self._trails(after, punct_chars):
                after += 1
            if after == len(texts):
                break  # the run of punctuation ends the block (and the last sentence)
            found.append((start, after))
            start = after
        found.append((start, len(texts)))
        if any(end - begin > MAX_SENTENCE_TOKENS for begin, end in found):
            return self._capped_sentences(punct_chars)
        return found

    def _initial_ends(self, index: int) -> bool:
        """Whether token ``index`` is an initial whose stop ends a sentence:
        a quotation opens the next after a space ("...says Ellen M. \u201cSix
        weeks later..."). The tokenizer keeps an initial's stop on it."""
        text = self.texts[index]
        return (text[1] == "." and text[0].isupper() and index + 1 < len(self.texts)
                and self.texts[index + 1] in _QUOTES and self.spaced[index])

    def _trails(self, index: int, punct_chars) -> bool:
        """Whether token ``index``, after a sentence's final punctuation,
        still belongs to that sentence: more punctuation (a closing quote or
        bracket, "?!") or a citation ("...a heart attack. [1,2]"), but not a
        mark that opens what follows (:meth:`_opens`)."""
        text = self.texts[index]
        if text in punct_chars:
            return True
        if _is_punct(text):
            return not self._opens(index)
        return index > 0 and self._cites(index - 1)  # a citation's number

    def _opens(self, index: int) -> bool:
        """Whether token ``index`` opens what follows it and so starts the
        next sentence: an opening bracket or quotation mark after a space
        ("...sessions. [Launch] Dec 3", "...it works. \u201cI walk again"), but
        not a citation's number ("...a heart attack. [1,2]"). spaCy's
        Sentencizer keeps any punctuation after a stop with the sentence it
        ends; a closing mark written without a space ("...again.\u201d") still
        does."""
        return self.texts[index] in _OPENERS and index > 0 and self.spaced[index - 1] and not self._cites(index)

    def _cites(self, index: int) -> bool:
        """Whether tokens ``index`` to ``index + 2`` are a citation's number
        in square brackets ("[2]", "[1,3]", "[4\u20136]")."""
        texts = self.texts
        return (texts[index] in _CITING and index + 2 < len(texts) and texts[index + 2] == _CITING[texts[index]]
                and _CITATION.match(texts[index + 1]) is not None)

    def _capped_sentences(self, punct_chars) -> list[tuple[int, int]]:
        """:meth:`sentences` token by token, cutting overlong sentences into
        windows of ``MAX_SENTENCE_TOKENS`` that overlap by ``CUT_OVERLAP``
        tokens, so that a claim across a cut is whole in one of them (the
        engine reports a span found in two windows once)."""
        found = []
        start = 0
        seen_final = False
        for index, text in enumerate(self.texts):
            final = text in punct_chars or len(text) == 2 and self._initial_ends(index)
            if index - start >= MAX_SENTENCE_TOKENS and not final:
                found.append((start, index))
                start = index - CUT_OVERLAP
                seen_final = False
            elif seen_final and not self._trails(index, punct_chars):
                found.append((start, index))
                start = index
                seen_final = False
            elif final:
                seen_final = True
        found.append((start, len(self.texts)))
        return found


@dataclass(frozen=True)
class Sentence:
    """A sentence of block ``block``; token indices are into the block's tokens."""

    block: int
    tokens: Tokens
    start: int
    end: int
    terms: Mapping[str, tuple[Span, ...]]
    seen: frozenset = frozenset()  # labels matched in earlier sentences of the document
    page: PageContext | None = None  # the voice and topic of the page
    nearby: frozenset = frozenset()  # labels of the block just before (a block's first sentence) or of this block's earlier sentences (informational pages)

    @property
    def topic_page(self) -> bool:
        """On a seller's page about a product: "it" and subject-less
        sentences are about that product."""
        return self.page is not None and self.page.promotional_voice and self.page.topic is not None

    @property
    def listed(self) -> bool:
        """An item of a list announced as uses or benefits (see claimcheck.page)."""
        return self.page is not None and self.block in self.page.listed

    @property
    def informational_page(self) -> bool:
        return self.page is not None and self.page.voice == INFORMATIONAL

    def has_any(self, labels) -> bool:
        terms = self.terms
        return any(label in terms for label in labels)

    def spans(self, labels) -> list[Span]:
        found: list[Span] = []
        for label in labels:
            found.extend(self.terms.get(label, ()))
        return sorted(found)

    def chars(self, start: int, end: int) -> tuple[int, int]:
        return self.tokens.chars(start, end)

    # -- context ---------------------------------------------------------

    def contexts(self, start: int, end: int, anchor: int, parts: tuple[Span, ...] = ()) -> frozenset[str]:
        """Contexts of a match ``[start, end)``; ``parts`` are the matched terms
        in it (cues inside them belong to the term: "no side effects")."""
        parts = parts or ((start, end),)
        found = set()
        if self.is_question(anchor):
            found.add("question")
        if self._negated(parts, anchor):
            found.add("negation")
        # a citation of the law marks reported speech only on an informational
        # page: a regulator quoting the law reports it, a seller citing it
        # ("regulated solely under ... 21 CFR Part 1271") asserts it
        cues = [span for span in self.terms.get(ATTRIBUTION, ()) if not _overlaps_any(span, parts)]
        citations = self.terms.get(CITATION, ())
        if cues and (self.informational_page or not all(inside_any(span, citations) for span in cues)):
            found.add("attribution")
        if any(not _overlaps_any(span, parts) for span in self.terms.get(RESEARCH, ())):
            found.add("research")
        if self._quoted(start, end):
            found.add("quote")
        return frozenset(found)

    def is_question(self, anchor: int) -> bool:
        """The clause holding ``anchor`` ends with a question mark, or the
        sentence is a question written without one (:func:`opens_a_question`)."""
        texts = self.tokens.texts
        for index in range(anchor, self.end):
            text = texts[index]
            if text.endswith("?"):
                return True
            if text in {".", "!", "..."}:
                return False
        first = min(self.start + OPENING_WORDS, self.end)
        return opens_a_question([texts[i].lower() for i in range(self.start, first)]
                                + [texts[i].lower() for i in range(max(first, self.end - 2), self.end)])

    def _clause(self, anchor: int, punctuation: bool = True) -> Span:
        first, last = self.start, self.end
        # a boundary word inside a negation cue ("not yet") does not end a clause
        negations = self.terms.get(NEGATION, ())
        boundaries = [s for s, e in self.terms.get(BOUNDARY, ()) if not inside_any((s, e), negations)]
        if punctuation:
            texts = self.tokens.texts
            boundaries += [
                i for i in range(self.start, self.end)
                if texts[i] in _PUNCT_BOUNDARIES and not _infix(self.tokens, i)
            ]
        for index in boundaries:
            if index < anchor:
                first = max(first, index + 1)
            elif index > anchor:
                last = min(last, index)
        return first, last

    def _negated(self, parts: tuple[Span, ...], anchor: int) -> bool:
        first, last = self._clause(anchor)
        pseudo = self.terms.get(PSEUDO_NEGATION, ())
        if self._denied_between(first, anchor, parts, pseudo) or self._denied_object(parts, pseudo):
            return True
        # a relative clause after the claim ("... in patients who don't want
        # surgery") holds its own negations
        last = min([last] + [s for s, _ in self.terms.get(RELATIVE, ()) if s > anchor])
        # ... and the commas of a list the claim runs into do not end its
        # clause ("treatment for autism, stroke or arthritis is not approved")
        last = self._past_lists(last)
        for cue in self.terms.get(NEGATION_AFTER, ()):
            if anchor < cue[0] < last and not _overlaps_any(cue, parts) and not inside_any(cue, pseudo):
                return True
        # The last item of a list ("...may not describe them as covered,
        # approved or guaranteed to work") is in the clause of the list's
        # first item.
        first_item = self._list_head(parts[0][0])
        if first_item is not None and self._denied_between(self._clause(first_item)[0], first_item, parts, pseudo):
            return True
        # A negation between a claim's subject and its predicate negates the
        # link even across list commas ("X is not approved for A, B or C"),
        # whichever comes first ("PRP is no better than a saline injection").
        if len(parts) > 1:
            first, _ = self._clause(anchor, punctuation=False)
            start = max(first, min(end for _, end in parts))
            stop = max(anchor, max(begin for begin, _ in parts))
            for cue in self.terms.get(NEGATION, ()):
                if start <= cue[0] < stop and not _overlaps_any(cue, parts) and not inside_any(cue, pseudo):
                    return True
        return False

    def _denied_object(self, parts: tuple[Span, ...], pseudo) -> bool:
        """Whether the word right after the match denies its object ("FDA has
        approved no amniotic product to treat arthritis"), outside any
        pseudo-negation."""
        after = max(end for _, end in parts)
        return (after < self.end and self.tokens.texts[after].lower() in _OBJECT_DENIALS
                and not inside_any((after, after + 1), pseudo))

    def _denied_between(self, first: int, stop: int, parts: tuple[Span, ...], pseudo) -> bool:
        """Whether a negation cue starts in tokens ``[first, stop)``, outside
        the match's ``parts`` and any pseudo-negation; a one-word denial
        before a match that is itself a denial is a run of denials, not a
        negated claim ("no pills and no side effects", "no hardware, no
        hospital stay and no risk")."""
        parallel = self._denial(parts[0][0])
        for cue in self.terms.get(NEGATION, ()):
            if first <= cue[0] < stop and not _overlaps_any(cue, parts) and not inside_any(cue, pseudo):
                if parallel and cue[1] - cue[0] == 1 and self._denial(cue[0]):
                    continue
                return True
        return False

    def _list_head(self, index: int) -> int | None:
        """When token ``index`` opens the last item of a list of short items
        ("covered, approved or guaranteed": "or" before it, commas between
        items of at most ``LIST_ITEM_TOKENS`` tokens), the token that ends
        the list's first item (the one before its first comma); else None."""
        texts = self.tokens.texts
        if index - 1 <= self.start or texts[index - 1].lower() not in _LIST_JOINS:
            return None
        at = index - 2
        head = None
        while True:
            item = 0
            while at >= self.start and texts[at] != "," and item <= LIST_ITEM_TOKENS:
                if texts[at] in _PUNCT_BOUNDARIES or texts[at] in _STOPS:
                    return head
                item += 1
                at -= 1
            if item == 0 or item > LIST_ITEM_TOKENS or at <= self.start:
                return head  # the first item runs on into what comes before it
            head = at - 1  # (texts[at] is a comma)
            at -= 1

    def _past_lists(self, boundary: int) -> int:
        """Where a clause ending at ``boundary`` ends once the commas of a
        list of short items that a join word closes ("autism, stroke or
        arthritis") no longer count: the clause of the list's last item
        ends there."""
        texts = self.tokens.texts
        while boundary < self.end and texts[boundary] == ",":
            last_item = self._list_tail(boundary)
            if last_item is None:
                break
            boundary = self._clause(last_item)[1]
        return boundary

    def _list_tail(self, comma: int) -> int | None:
        """When the comma at ``comma`` is followed by items of at most
        ``LIST_ITEM_TOKENS`` tokens, between commas, up to a join word, the
        token after the join word (the list's last item); else None."""
        texts = self.tokens.texts
        at = comma + 1
        while True:
            item = 0
            while at < self.end and texts[at] != "," and texts[at].lower() not in _LIST_JOINS:
                if texts[at] in _PUNCT_BOUNDARIES or texts[at] in _STOPS or item == LIST_ITEM_TOKENS:
                    return None
                item += 1
                at += 1
            if item == 0 or at + 1 >= self.end:
                return None
            if texts[at] != ",":
                return at + 1
            at += 1

    def _denial(self, index: int) -> bool:
        return self.tokens.texts[index].lower() in _DENIALS

    def _quoted(self, start: int, end: int) -> bool:
        inside = False
        texts = self.tokens.texts
        for index in range(self.start, self.end):
            text = texts[index]
            if index == start:
                return inside and all('"' not in texts[i] for i in range(start, end))
            if '"' in text:
                inside = not inside
        return False


def _infix(tokens: Tokens, index: int) -> bool:
    """A hyphen or slash inside a word ("adipose-derived"), not a dash between clauses."""
    return index > 0 and not tokens.spaced[index - 1] and not tokens.spaced[index]


@functools.lru_cache(maxsize=4096)
def _is_punct(text: str) -> bool:
    return all(unicodedata.category(char).startswith("P") for char in text)


def _overlaps(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _overlaps_any(span: Span, others) -> bool:
    return any(_overlaps(span, other) for other in others)


def inside_any(span: Span, others) -> bool:
    """Whether ``span`` lies inside one of the spans ``others``."""
    return any(o[0] <= span[0] and span[1] <= o[1] for o in others)
