"""The context of a whole page: who is speaking, and about which product.

The *voice* is ``promotional`` (a seller speaking: offers, calls to action,
prices, booking, "our clinic"), ``informational`` (a regulator, journalist,
scientist, critic or patient educator) or ``unknown`` (too few cues either
way, as for a single sentence). It is decided by counting the cue phrases of
``context.yaml`` (``promotional`` and ``informational``) in the page's prose.

The *topic* is the product the page is about: the first product term of its
first block (a title or heading) if it has one, else the product term named
most often (the first named, on a tie).

Both are decided from the normalized block texts with two regular
expressions, before any sentence is looked at, in time linear in the page.
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
# voice's; an informational voice needs a lead of LEAD (sellers cite studies).
MIN_CUES = 2
LEAD = 2


@dataclass(frozen=True)
class PageCues:
    """Compiled cue phrases (searched in lower-cased text)."""

    cues: re.Pattern  # group 1: a cue phrase of either voice
    voices: Mapping[str, str]  # cue phrase -> PROMOTIONAL or INFORMATIONAL
    products: re.Pattern | None
    product_terms: Mapping[str, str]  # a matched form -> its vocabulary term


@dataclass(frozen=True)
class PageContext:
    voice: str = UNKNOWN
    topic: str | None = None
    promotional: tuple[tuple[str, int], ...] = ()  # cue -> occurrences, most frequent first
    informational: tuple[tuple[str, int], ...] = ()

    @property
    def promotional_voice(self) -> bool:
        return self.voice == PROMOTIONAL


def compile_cues(promotional: Sequence[str], informational: Sequence[str],
                 products: Mapping[str, str]) -> PageCues:
    """``products`` maps each surface form of a product term to the term. A
    phrase listed for both voices counts as informational."""
    voices = {_normal(p): PROMOTIONAL for p in promotional}
    voices.update({_normal(p): INFORMATIONAL for p in informational})
    voices.pop("", None)
    return PageCues(
        _whole_words(voices),
        voices,
        _whole_words(products) if products else None,
        dict(products),
    )


def _normal(phrase: str) -> str:
    return " ".join(phrase.lower().replace("\u2019", "'").split())


def _whole_words(phrases) -> re.Pattern:
    """One regex for many phrases, as whole words, the longest at a place:
    a trie of alternatives (Python's ``re`` tries plain alternatives one by
    one at every position; a trie shares their prefixes, about twice as fast)."""
    trie: dict = {}
    for phrase in phrases:
        node = trie
        for char in phrase:
            node = node.setdefault(char, {})
        node[""] = {}
    body = _trie(trie) if trie else "(?!)"
    return re.compile(r"(?<![\w])(" + body + r")(?![\w])")


def _trie(node: dict) -> str:
    branches = [re.escape(char) + _trie(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" in node:  # a phrase ends here; a longer one is tried first (greedy)
        body = ("(?:" + body + ")" if len(branches) == 1 else body) + "?"
    return body


def decide(texts: Sequence[str], cues: PageCues) -> PageContext:
    """The voice and topic of a page whose prose blocks are ``texts``."""
    promotional: Counter = Counter()
    informational: Counter = Counter()
    voices = cues.voices
    # One lower-cased text for the page: cue phrases hold no newline and the
    # patterns want whole words, so no match spans two blocks.
    page = "\n".join(texts).lower()
    for cue in cues.cues.findall(page):
        (promotional if voices[cue] == PROMOTIONAL else informational)[cue] += 1
    promo, info = sum(promotional.values()), sum(informational.values())
    if promo >= MIN_CUES and promo > info:
        voice = PROMOTIONAL
    elif info >= MIN_CUES and info >= promo + LEAD:
        voice = INFORMATIONAL
    else:
        voice = UNKNOWN
    return PageContext(voice, _topic(texts, page, cues),
                       tuple(promotional.most_common()), tuple(informational.most_common()))


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
