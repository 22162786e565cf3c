"""The context of a whole page: who is speaking, and about which product.

The *voice* is ``promotional`` (a seller speaking: offers, calls to action,
prices, booking, "our clinic"), ``informational`` (a regulator, journalist,
scientist, critic or patient educator) or ``unknown`` (too few cues either
way, as for a single sentence). It is decided by counting the cue phrases of
``context.yaml`` (``promotional`` and ``informational``) in the page's prose.

The *topic* is the product the page is about: the first product term of its
first block (a title or heading) if it has one, else the product term named
most often (the first named, on a tie).

The *listed* blocks are the list items under a heading that announces what a
product treats or does ("Conditions we treat", "Benefits", "Therapeutic
applications": ``list_headings`` in ``context.yaml``): on a seller's page
each item there is a claim even without a verb ("– Chronic back pain").
The labels of groups inside such a list (``list-group`` blocks, "3.
Neurological conditions" over its own bullets) are not.

A page is an *instruction sheet* when many of its sentences open with an
instruction ("Avoid...", "Do not...", "Keep the bandage dry": ``instructions``
in ``context.yaml``): care before or after a visit, which a bag of words
reads as claims (an imperative, a treatment, a time window). Sentences are
counted, not blocks, so that it does not matter whether each instruction is
a paragraph or a line of one. There the claim scorer does not report the
instructions themselves and needs, elsewhere on the page, the certainty it
needs on an informational page; pack rules are unchanged.

All four are decided from the normalized block texts (and, for lists, the
blocks' kinds) with a few regular expressions, before any sentence is looked
at, in time linear in the page.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

PROMOTIONAL = "promotional"
INFORMATIONAL = "informational"
UNKNOWN = "unknown"
VOICES = (PROMOTIONAL, INFORMATIONAL, UNKNOWN)

# A voice needs at least this many cue occurrences, and more than the other
# voice's. (An informational voice needed a lead of two until pages written
# against a treatment by a clinic, with as many "we" and "costs" as "the FDA"
# and "evidence", were read as of unknown voice: bench/accuracy.py's held-out
# pages, README "The page".)
MIN_CUES = 2

# An instruction sheet: at least this many sentences open with an
# instruction, and at least this share of the page's sentences (measured
# shares: docs/measurements.md).
MIN_INSTRUCTIONS = 3
INSTRUCTION_SHARE = 0.35


@dataclass(frozen=True)
class PageCues:
    """Compiled cue phrases (searched in lower-cased text)."""

    cues: re.Pattern  # group 1: a cue phrase of either voice
    voices: Mapping[str, str]  # cue phrase -> PROMOTIONAL or INFORMATIONAL
    products: re.Pattern | None
    product_terms: Mapping[str, str]  # a matched form -> its vocabulary term
    list_headings: re.Pattern | None = None
    negations: re.Pattern | None = None  # a heading with one announces nothing ("Conditions we do not treat")
    contractions: bool = False  # "n't" is a negation
    instructions: re.Pattern | None = None  # a sentence opening with one is an instruction
    instruction_starts: tuple[re.Pattern, ...] = ()  # the start of such a sentence, in a page's text
    plain: frozenset[str] = frozenset()  # promotional cues a care team says too ("we", "call us")


@dataclass(frozen=True)
class PageContext:
    voice: str = UNKNOWN
    topic: str | None = None
    promotional: tuple[tuple[str, int], ...] = ()  # cue -> occurrences, most frequent first
    informational: tuple[tuple[str, int], ...] = ()
    listed: frozenset[int] = frozenset()  # blocks that are items of a list of uses or benefits
    instructions: int = 0  # sentences that open with an instruction
    sentences: int = 0  # the page's sentences (see SENTENCES), counted only if MIN_INSTRUCTIONS open with one
    plain: bool = False  # its seller's cues, if any, are all ones a care team says too (PageCues.plain)

    @property
    def promotional_voice(self) -> bool:
        return self.voice == PROMOTIONAL

    @property
    def doubtful(self) -> bool:
        """A page of no voice, or a seller's only by cues that a care team
        says too ("we", "our", "call us"...: :attr:`plain`), whose scorer
        findings may go (:func:`claimcheck.scoring.unsure_page`); not an
        instruction sheet, where the scorer already needs an informational
        page's certainty."""
        return (self.voice == UNKNOWN or self.voice == PROMOTIONAL and self.plain) and not self.instruction_sheet

    @property
    def sparing(self) -> bool:
        """A page where the scorer's findings go when it is sure of little
        (:func:`claimcheck.scoring.unsure_page`): a doubtful page, or a
        reader's (informational, not an instruction sheet), whose lone sure
        sentence on a long page is mostly a description of the disease or of
        standard care ("Most runners get better within a year")."""
        return self.doubtful or self.voice == INFORMATIONAL and not self.instruction_sheet

    @property
    def productless(self) -> bool:
        """A page of no voice that names no product: where the scorer read
        enough of it, its findings need an informational page's certainty
        (:func:`claimcheck.scoring.unsure_page`): they are mostly a
        description of a condition ("It often comes with hearing loss", "it"
        being the condition) or a care team's advice."""
        return self.voice == UNKNOWN and self.topic is None

    @property
    def instruction_sheet(self) -> bool:
        """Whether the page is mostly care instructions (see the module)."""
        return self.instructions >= MIN_INSTRUCTIONS and self.instructions >= INSTRUCTION_SHARE * self.sentences


# Negation cues that only make what follows a condition: a heading with one
# still announces its list ("You may benefit if you have:", "See whether you
# qualify").
_CONDITIONS = frozenset({"if", "whether"})


def compile_cues(promotional: Sequence[str], informational: Sequence[str],
                 products: Mapping[str, str], list_headings: Sequence[str] = (),
                 negations: Sequence[str] = (), instructions: Sequence[str] = (),
                 plain: Sequence[str] = ()) -> PageCues:
    """``products`` maps each surface form of a product term to the term. A
    phrase listed for both voices counts as informational."""
    voices = {_normal(p): PROMOTIONAL for p in promotional}
    voices.update({_normal(p): INFORMATIONAL for p in informational})
    voices.pop("", None)
    headings = {_normal(p) for p in list_headings} - {""}
    negating = {_normal(p) for p in negations} - {""} - _CONDITIONS
    contractions = {n for n in negating if n.startswith("n't")}  # no word boundary before them
    negating -= contractions
    openers = {_normal(p) for p in instructions} - {""}
    return PageCues(
        _whole_words(voices, after_hyphen=False),
        voices,
        _whole_words(products) if products else None,
        dict(products),
        _whole_words(headings) if headings else None,
        _whole_words(negating) if negating else None,
        bool(contractions),
        _whole_words(openers) if openers else None,
        _starts("(?:" + _alternation(openers) + r")(?![\w])") if openers else (),
        frozenset(_normal(p) for p in plain) - {""},
    )


def _normal(phrase: str) -> str:
    return " ".join(phrase.lower().replace("\u2019", "'").split())


def _whole_words(phrases, after_hyphen: bool = True) -> re.Pattern:
    """One regex for many phrases, as whole words, the longest at a place:
    a trie of alternatives (Python's ``re`` tries plain alternatives one by
    one at every position; a trie shares their prefixes, about twice as fast).
    Without ``after_hyphen`` a phrase right after a hyphen is not one: the
    "book" of an "e-book" is no booking."""
    before = r"(?<![\w])" if after_hyphen else r"(?<![\w-])"
    return re.compile(before + "(" + _alternation(phrases) + r")(?![\w])")


def _alternation(phrases) -> str:
    """The phrases as one regex alternation (a trie), the longest first."""
    trie: dict = {}
    for phrase in phrases:
        node = trie
        for char in phrase:
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie(trie) if trie else "(?!)"


def _trie(node: dict) -> str:
    branches = [re.escape(char) + _trie(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" in node:  # a phrase ends here; a longer one is tried first (greedy)
        body = ("(?:" + body + ")" if len(branches) == 1 else body) + "?"
    return body


def decide(texts: Sequence[str], cues: PageCues, kinds: Sequence[str] | None = None,
           leads: Sequence[str] | None = None) -> PageContext:
    """The voice, topic and (given the blocks' ``kinds``, and their table
    headers as ``leads``: :attr:`claimcheck.readers.document.Block.lead`)
    listed blocks of a page whose prose blocks are ``texts``."""
    promotional: Counter = Counter()
    informational: Counter = Counter()
    voices = cues.voices
    # One lower-cased text for the page: cue phrases hold no newline and the
    # patterns want whole words, so no match spans two blocks.
    page = "\n".join(texts)
    if "US" in page:
        page = _COUNTRY.sub(_country, page)
    page = page.lower()
    for cue in cues.cues.findall(page):
        (promotional if voices[cue] == PROMOTIONAL else informational)[cue] += 1
    promo, info = sum(promotional.values()), sum(informational.values())
    if promo >= MIN_CUES and promo > info:
        voice = PROMOTIONAL
    elif info >= MIN_CUES and info > promo:
        voice = INFORMATIONAL
    else:
        voice = UNKNOWN
    listed = _listed(texts, kinds, leads, cues) if kinds is not None and cues.list_headings else frozenset()
    return PageContext(voice, _topic(texts, page, cues),
                       tuple(promotional.most_common()), tuple(informational.most_common()), listed,
                       *_instructions(page, cues.instruction_starts), plain=cues.plain.issuperset(promotional))


# "US" as the country ("in the US", "Austin, TX (US)", "US patients"), which
# lower-cased would be read as the seller's "us", is masked, keeping the
# page's length: where the word before it on its line is in capitals ("CALL
# US TODAY") or, opening a line, the word after it is, it is the pronoun.
_COUNTRY = re.compile(r"(?<![A-Za-z0-9])US(?![A-Za-z0-9])")
_WORD_BEFORE = re.compile(r"([A-Za-z']+)[^A-Za-z'\n]{0,3}\Z")
_WORD_AFTER = re.compile(r"[^A-Za-z'\n]{0,3}([A-Za-z']+)")
_COUNTRY_MASK = "u_"


def _country(match: re.Match) -> str:
    text, start = match.string, match.start()
    if start and text[start - 1] == "(":
        return _COUNTRY_MASK
    before = _WORD_BEFORE.search(text, max(0, start - 40), start)  # (never across a line break)
    if before is not None:
        word = before.group(1)
    else:
        after = _WORD_AFTER.match(text, match.end())
        word = after.group(1) if after is not None else ""
    return match.group() if len(word) > 1 and word.isupper() else _COUNTRY_MASK


# What may come before an instruction: a bullet, a number, a bold mark. No
# line break (the page's text is a block a line), and at most ``_LEAD_MOST``
# of them where a sentence starts: a lead that could run on over the lines
# after it ("1\n1\n1\n...") was read to the end of the page from every line,
# time quadratic in the number of lines.
_LEAD_CHARS = r"[ \t*•·\-–—>#\d.)]"
_LEAD_MOST = 24
_LEAD = re.compile(_LEAD_CHARS + "*")
# Where a sentence starts, for counting instructions (a rough split; the
# rules' sentences come from the engine), in "\n" and a page's lower-cased
# text, a block a line: after a line break, or after ".", "!" or "?" and a
# space; then its lead. A list number alone ("1." before "Keep the dressing
# dry") starts no sentence. One pattern for each kind of start, each
# beginning with its literal character, which the regex engine finds fast
# (one pattern with the four as alternatives took twice as long).
_SENTENCE_ENDS = (r"\n", r"\.[ \t]+", r"![ \t]+", r"\?[ \t]+")
_LEADING = _LEAD_CHARS + "{0,%d}" % _LEAD_MOST
_AFTER_START = r"(?!" + _LEADING + r"(?:[.!?][ \t]|\n|$))" + _LEADING


def _starts(then: str = "") -> tuple[re.Pattern, ...]:
    return tuple(re.compile(end + _AFTER_START + then) for end in _SENTENCE_ENDS)


SENTENCES = _starts()
# How much of a sentence's start is read for an instruction (the longest
# opener, after a bullet or a number, fits well within it).
_OPENING = 120


def opens_with_instruction(text: str, openers: re.Pattern | None) -> bool:
    """Whether ``text`` (a sentence) opens with an instruction."""
    if openers is None:
        return False
    lowered = text[:_OPENING].lower().replace("\u2019", "'")
    return openers.match(lowered, _LEAD.match(lowered).end()) is not None


def _instructions(page: str, starts: tuple[re.Pattern, ...]) -> tuple[int, int]:
    """How many sentences of a page's lower-cased text (a block a line) open
    with an instruction (``starts``), of how many."""
    if not starts:
        return 0, 0
    page = "\n" + (page.replace("\u2019", "'") if "\u2019" in page else page)
    found = _count(starts, page)
    return found, (_count(SENTENCES, page) if found >= MIN_INSTRUCTIONS else 0)


def _count(patterns: tuple[re.Pattern, ...], text: str) -> int:
    return sum(len(pattern.findall(text)) for pattern in patterns)  # (no match objects: twice as fast)


# A heading of a list: at most this many words and no full stop at its end,
# or a line that ends with a colon ("Our therapy can help with:").
HEADING_WORDS = 12
_SENTENCE_END = re.compile(r"[.!?][\"')\]]*$")


def _listed(texts: Sequence[str], kinds: Sequence[str], leads: Sequence[str] | None,
            cues: PageCues) -> frozenset[int]:
    """The items of a list right after a heading (or the line before a list)
    that names uses or benefits and negates nothing, up to the first block
    that is not a list item; only items that are fragments (an item that
    explains in sentences is prose, and the rules read it as such). A table's
    cell is such an item when its headers (its lead) announce uses: a
    product table's "Indications" column."""
    listed: set[int] = set()
    if leads is not None:
        listed.update(index for index, lead in enumerate(leads)
                      if lead and kinds[index] == "table-cell" and _fragment(texts[index]) and _announces(lead, cues))
    index = 1
    while index < len(texts):
        if _in_list(kinds[index]) and not _in_list(kinds[index - 1]) and _announces(texts[index - 1], cues):
            while index < len(texts) and _in_list(kinds[index]):
                if _item(kinds[index]) and _fragment(texts[index]):
                    listed.add(index)
                index += 1
        index += 1
    return frozenset(listed)


def _fragment(text: str) -> bool:
    return len(text.split()) <= HEADING_WORDS and not _SENTENCE_END.search(text.strip())


def _asking(text: str) -> bool:
    """A short question, as a heading over a list asks one."""
    return text.rstrip().endswith("?") and len(text.split()) <= HEADING_WORDS


def _item(kind: str) -> bool:
    return kind.endswith("list-item")


def _in_list(kind: str) -> bool:
    """An item, or the label of a group of items ("2. Skin" over its own
    bullets): a group label is part of the list but names no use itself."""
    return kind.endswith(("list-item", "list-group"))


def _announces(text: str, cues: PageCues) -> bool:
    """A heading (or a line ending in a colon) that names uses or benefits
    and negates nothing (``cues.list_headings`` is set); a heading may ask
    ("Who can benefit?", "Is PRP right for me?")."""
    if not (text.rstrip().endswith(":") or _fragment(text) or _asking(text)):
        return False
    lower = text.lower().replace("\u2019", "'")
    if cues.negations is not None and cues.negations.search(lower) or cues.contractions and "n't" in lower:
        return False
    return cues.list_headings.search(lower) is not None


def _topic(texts: Sequence[str], page: str, cues: PageCues) -> str | None:
    products, terms = cues.products, cues.product_terms
    if products is None or not texts:
        return None
    first = products.search(page, 0, len(texts[0].lower()))  # the first block (lower() may change lengths)
    if first:
        return terms.get(first.group(1), first.group(1))
    counts: Counter = Counter()
    order: dict[str, int] = {}
    for match in products.findall(page):
        found = terms.get(match, match)
        counts[found] += 1
        order.setdefault(found, len(order))
    if not counts:
        return None
    return min(counts, key=lambda found: (-counts[found], order[found]))
