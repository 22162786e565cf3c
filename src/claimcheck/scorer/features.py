"""What the scorer sees of a sentence: words, and the engine's signals as words.

A sentence becomes a list of strings (the "words" of the Doc the text
classifier reads):

- flags: the page's voice (``#voice:promotional``...), whether the page has
  a topic product, the sentence's context cues (negation, attribution,
  research, question, quote), and whether it ends without a full stop (a
  heading or bullet);
- the sentence with every matched term replaced by its label
  (``<unapproved.products> <unapproved.effects> <unapproved.conditions>``),
  open-class conditions ("Parkinson disease", "tendinopathy") as ``<cond>``
  and numbers as ``<num>``, so that n-grams generalize across products,
  diseases and figures (the other words lower-cased, a short form spelled
  out: "pts" is "patients").

A second copy of the sentence with its own words only was measured too
(5-fold cross-validation by family): it added nothing (F1 0.642 against
0.656 without it) and doubled the scorer's cost, so it was dropped.

Training (:mod:`claimcheck.train`) and the engine call the same function, so
the model sees at run time exactly what it learned from.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from claimcheck.page import PageContext
from claimcheck.scorer.names import NAME, Names
from claimcheck.sentence import (
    ATTRIBUTION,
    NEGATION,
    NEGATION_AFTER,
    PSEUDO_NEGATION,
    RESEARCH,
    inside_any,
    opens_a_question,
)

# Changes whenever what this module produces changes: a model trained on
# another version is refused.
FEATURES_VERSION = 7

# Words of the scorer's vocabulary that other modules read.
HEADING = "#heading"  # the sentence ends without a full stop: a title, heading or bullet
QUESTION = "#question"  # a question mark, or a question written without one
NUMBER = "<num>"
CONDITION = "<cond>"  # an open-class condition (see Conditions)
# The vocabulary whose terms name the products (and a page's topic product).
TOPIC_VOCABULARY = "unapproved.products"

_NAME_LABEL = NAME[1:-1]  # "<name>" as the label a cover is written with
_FLAGS = {NEGATION: "#neg", NEGATION_AFTER: "#neg-after", ATTRIBUTION: "#attr", RESEARCH: "#research"}
_DENIALS = frozenset({NEGATION, NEGATION_AFTER})  # cues a pseudo-negation ("not only") can hold
_NUMBER = re.compile(r"^[+-]?[\d.,]*\d[\d.,]*$")
_FINAL = frozenset({".", "!", "?", "...", "…", '"', ")", ":", ";"})
# What may follow a sentence's full stop and leave it a sentence: a dash
# before who said it ('"..." - Mia'), a footnote mark ("in 28 days.*").
_MARKS = "*†‡¹²³"
_TRAILING = frozenset({"-", "--", "–", "—", *_MARKS})


def _all_inside(spans, others) -> bool:
    """Whether every span lies inside one of ``others`` (a negation cue
    that is part of a pseudo-negation such as "not only" or "don't have to
    live with" is no negation, as :mod:`claimcheck.sentence` reads it)."""
    return bool(others) and all(inside_any(span, others) for span in spans)


@dataclass(frozen=True)
class Conditions:
    """What one word alone says to the scorer. Open-class conditions: a word
    of six letters or more ending in one of these suffixes (or that plus
    "s"), or one of these head nouns after another word. Numbers. And a
    short form's full spelling, as classified ads and text messages write
    them ("pts" patients, "w/o" without, "wk" week: ``short_forms`` in
    ``rules/context.yaml``), so that a sentence in short forms reads as the
    same sentence spelled out."""

    suffixes: tuple[str, ...]
    heads: frozenset[str]
    # word -> "<num>", "<cond>", its full spelling or the word: a memo
    classify: Callable[[str], str] = field(repr=False, compare=False, default=str)
    short_forms: tuple[str, ...] = ()  # "pts = patients"

    @classmethod
    def of(cls, suffixes: Sequence[str], heads: Sequence[str],
           short_forms: Sequence[str] = ()) -> "Conditions":
        """``short_forms``: entries "pts = patients" (the loader checked them)."""
        ending = tuple(sorted({s.lower() for s in suffixes}))
        spelled = {short.strip().lower(): full.strip().lower()
                   for short, _, full in (entry.partition(" = ") for entry in short_forms)}

        @functools.lru_cache(maxsize=1 << 16)
        def classify(word: str) -> str:
            if (word[:1].isdigit() or word[:1] in "+-.,") and _NUMBER.match(word):
                return NUMBER
            if len(word) >= 6 and (word.endswith(ending) or word[:-1].endswith(ending)) and word.isalpha():
                return CONDITION
            return spelled.get(word, word)

        return cls(ending, frozenset(h.lower() for h in heads), classify, tuple(short_forms))

    def holds(self, words: Sequence[str], index: int) -> bool:
        word = words[index]
        if word in self.heads:
            return index > 0 and words[index - 1].isalpha()
        return self.classify(word) == CONDITION


def features(texts: Sequence[str], start: int, end: int, terms, page: PageContext | None,
             conditions: Conditions, names: Names = Names()) -> list[str]:
    """The scorer's words for tokens ``[start, end)`` of a block whose token
    texts are ``texts``; ``terms`` maps labels to token spans (the engine's
    matches in that range); a clinic's or company's name (``names``) is one
    word, ``<name>``, whatever terms it holds."""
    voice = page.voice if page is not None else "unknown"
    words = [t.lower() for t in texts[start:end]]
    joined = " ".join(words)
    flags = [f"#voice:{voice}", "#topic" if page is not None and page.topic else "#no-topic"]
    pseudo = terms.get(PSEUDO_NEGATION, ())
    flags += sorted({_FLAGS[label] for label, spans in terms.items()
                     if label in _FLAGS and not (label in _DENIALS and _all_inside(spans, pseudo))})
    if "?" in joined or opens_a_question(words):
        flags.append(QUESTION)
    if '"' in joined:
        flags.append("#quote")
    if words and not _ends_a_sentence(words):
        flags.append(HEADING)
    covers: dict[int, tuple[int, list[str]]] = {}
    for label, spans in terms.items():
        if label.startswith("context:"):
            continue
        for s, e in spans:
            if s < start or e > end:
                continue
            held = covers.get(s)
            if held is None or e > held[0]:
                covers[s] = (e, [label])
            elif e == held[0] and label not in held[1]:
                held[1].append(label)
    # (a name ends in a head word: most sentences hold none, and need no walk)
    for s, e in (names.runs(texts, start, end) if not names.heads.isdisjoint(words) else ()):
        covers[s] = (e, [_NAME_LABEL])
        for inner in [k for k in covers if s < k < e]:
            del covers[inner]
    classed: list[str] = []
    index = 0  # the next word, relative to ``start``
    for first in sorted(covers):
        if first - start < index:
            continue  # inside a longer term already replaced
        classed += _plain(words, index, first - start, conditions)
        last, labels = covers[first]
        classed += [f"<{label}>" for label in sorted(labels)]
        index = last - start
    classed += _plain(words, index, len(words), conditions)
    return flags + classed


def _ends_a_sentence(words: list[str]) -> bool:
    """Whether the words end with a full stop (or a closing quote, a colon...),
    perhaps followed by a dash and who said it or a footnote mark, which
    spaCy may leave on the stop ("days.¹")."""
    last = len(words)
    while last > 1 and words[last - 1] in _TRAILING:
        last -= 1
    word = words[last - 1]
    if word in _FINAL:
        return True
    bare = word.rstrip(_MARKS)
    return bare != word and bare[-1:] in (".", "!", "?")


def _plain(words: list[str], first: int, last: int, conditions: Conditions) -> list[str]:
    """Words ``[first, last)``, no term among them: numbers become
    ``<num>``, open-class conditions ``<cond>`` (a head noun only after
    another word), the others stay."""
    segment = words[first:last]
    found = list(map(conditions.classify, segment))
    heads = conditions.heads
    if not heads.isdisjoint(segment):
        for offset, word in enumerate(segment):
            at = first + offset
            if word in heads and at > 0 and words[at - 1].isalpha():
                found[offset] = CONDITION
    return found
