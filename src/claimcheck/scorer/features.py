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
  diseases and figures;
- ``#|`` and then the sentence's own lower-cased words.

Training (:mod:`claimcheck.train`) and the engine call the same function, so
the model sees at run time exactly what it learned from.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from claimcheck.page import PageContext
from claimcheck.sentence import ATTRIBUTION, NEGATION, NEGATION_AFTER, RESEARCH

# Changes whenever what this module produces changes: a model trained on
# another version is refused.
FEATURES_VERSION = 1

_FLAGS = {NEGATION: "#neg", NEGATION_AFTER: "#neg-after", ATTRIBUTION: "#attr", RESEARCH: "#research"}
_NUMBER = re.compile(r"^[+-]?[\d.,]*\d[\d.,]*$")
SEPARATOR = "#|"
_FINAL = frozenset({".", "!", "?", "...", "…", '"', ")", ":", ";"})


@dataclass(frozen=True)
class Conditions:
    """Open-class conditions: a word with one of these suffixes, or one of
    these head nouns after another word."""

    suffixes: re.Pattern
    heads: frozenset[str]

    @classmethod
    def of(cls, suffixes: Sequence[str], heads: Sequence[str]) -> "Conditions":
        ending = "|".join(sorted({re.escape(s.lower()) for s in suffixes}, key=len, reverse=True)) or "(?!)"
        return cls(re.compile(rf"^[a-z]{{3,}}(?:{ending})s?$"), frozenset(h.lower() for h in heads))

    def holds(self, words: Sequence[str], index: int) -> bool:
        word = words[index]
        return bool(self.suffixes.match(word)) or (word in self.heads and index > 0 and words[index - 1].isalpha())


def features(texts: Sequence[str], start: int, end: int, terms, page: PageContext | None,
             conditions: Conditions) -> list[str]:
    """The scorer's words for tokens ``[start, end)`` of a block whose token
    texts are ``texts``; ``terms`` maps labels to token spans (the engine's
    matches in that range)."""
    voice = page.voice if page is not None else "unknown"
    words = [t.lower() for t in texts[start:end]]
    flags = [f"#voice:{voice}", "#topic" if page is not None and page.topic else "#no-topic"]
    flags += sorted({_FLAGS[label] for label in terms if label in _FLAGS})
    if any(w.endswith("?") for w in words):
        flags.append("#question")
    if any('"' in w for w in words):
        flags.append("#quote")
    if words and words[-1] not in _FINAL:
        flags.append("#heading")  # a title, heading or bullet: no full stop
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
    classed: list[str] = []
    index = 0
    while index < len(words):
        held = covers.get(start + index)
        if held is not None:
            classed += [f"<{label}>" for label in sorted(held[1])]
            index = held[0] - start
            continue
        word = words[index]
        if _NUMBER.match(word):
            classed.append("<num>")
        elif conditions.holds(words, index):
            classed.append("<cond>")
        else:
            classed.append(word)
        index += 1
    return flags + classed + [SEPARATOR] + ["<num>" if _NUMBER.match(w) else w for w in words]
