"""What must be present in a text for a rule to fire: small typed expressions.

Every rule kind states its requirement (``requires(rule)``); the prefilter
evaluates them over a whole document without spaCy, and the engine's token
pattern gate over a block. This module is a leaf: kinds and the prefilter
both depend on it, and on nothing of each other.

Each expression answers three questions:

- ``holds(labels, lowered, present)``: does it hold for a text, given the
  labels found in it (``None`` counts every label as present: the caller
  checks labels later), the lower-cased text, and optionally its set of words
  (which makes word checks exact instead of substring checks)?
- ``needles()``: strings one of which must occur for it to hold, or ``None``
  when there is no such set (a cheap first reject);
- ``alternatives()``: the same test as alternatives, each a set of words and
  a tuple of strings that must all be in the text, labels counting as
  present (what ``holds(None, lowered, present)`` decides), or ``None``
  when there would be more than ``MAX_ALTERNATIVES``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Union

WORD = re.compile(r"[^\W\d_]+|\d+")

# "all of" multiplies its parts' alternatives; past this many,
# ``alternatives()`` gives up (``None``) and a caller must do without them.
MAX_ALTERNATIVES = 10_000
Alternative = tuple[frozenset, tuple[str, ...]]  # (words, strings)
_ANYTHING: tuple[Alternative, ...] = ((frozenset(), ()),)


def longest(words) -> str:
    """The word a set of words is filed under (its rarest, by length; ties
    broken alphabetically so that the choice is the same on every run)."""
    return max(sorted(words), key=len)


@dataclass(frozen=True)
class Label:
    """A vocabulary or rule label (one of its forms) is in the text."""

    name: str

    def holds(self, labels, lowered: str, present=None) -> bool:
        return labels is None or self.name in labels

    def needles(self):
        return None

    def alternatives(self):
        return _ANYTHING


@dataclass(frozen=True)
class AnyLabel:
    """Some label of any vocabulary or rule is in the text (the claim scorer's)."""

    def holds(self, labels, lowered: str, present=None) -> bool:
        return labels is None or bool(labels)

    def needles(self):
        return None

    def alternatives(self):
        return _ANYTHING


@dataclass(frozen=True)
class Always:
    """Could match any text (a token pattern without literals)."""

    def holds(self, labels, lowered: str, present=None) -> bool:
        return True

    def needles(self):
        return None

    def alternatives(self):
        return _ANYTHING


@dataclass(frozen=True)
class Words:
    """All these words are in the text."""

    words: frozenset

    def holds(self, labels, lowered: str, present=None) -> bool:
        if present is not None:
            return self.words <= present
        return all(word in lowered for word in self.words)

    def needles(self):
        return {longest(self.words)} if self.words else None

    def alternatives(self):
        return ((self.words, ()),)


@dataclass(frozen=True)
class Text:
    """This string (with no words: "#1", "%") is in the lower-cased text."""

    text: str

    def holds(self, labels, lowered: str, present=None) -> bool:
        return self.text in lowered

    def needles(self):
        return {self.text}

    def alternatives(self):
        return ((frozenset(), (self.text,)),)


@dataclass(frozen=True)
class AnyOf:
    parts: tuple

    def holds(self, labels, lowered: str, present=None) -> bool:
        return any(part.holds(labels, lowered, present) for part in self.parts)

    def needles(self):
        found: set[str] = set()
        for part in self.parts:
            choice = part.needles()
            if choice is None:
                return None
            found |= choice
        return found

    def alternatives(self):
        found: list[Alternative] = []
        for part in self.parts:
            choice = part.alternatives()
            if choice is None or len(found) + len(choice) > MAX_ALTERNATIVES:
                return None
            found += choice
        return tuple(found)


@dataclass(frozen=True)
class AllOf:
    parts: tuple

    def holds(self, labels, lowered: str, present=None) -> bool:
        return all(part.holds(labels, lowered, present) for part in self.parts)

    def needles(self):
        options = [c for c in (part.needles() for part in self.parts) if c is not None]
        return min(options, key=_rarity) if options else None

    def alternatives(self):
        found: tuple[Alternative, ...] = _ANYTHING
        for part in self.parts:
            choice = part.alternatives()
            if choice is None or len(found) * len(choice) > MAX_ALTERNATIVES:
                return None
            found = tuple(dict.fromkeys(combined for alternative in found for combined in _with(alternative, choice)))
        return found


def _with(alternative: Alternative, choice) -> list[Alternative]:
    """``alternative`` joined with each of ``choice``; just itself when it
    already holds one of them (each other join would hold only where it does)."""
    words, strings = alternative
    if any(more <= words and set(others) <= set(strings) for more, others in choice):
        return [alternative]
    return [(words | more, strings + others) for more, others in choice]


@dataclass(frozen=True)
class Categories:
    """Some sentence-level rule of these finding categories could fire (a
    document rule's trigger); :func:`resolve` replaces it by those rules'
    requirements."""

    names: tuple

    def holds(self, labels, lowered: str, present=None) -> bool:
        raise TypeError("resolve() a Categories requirement before evaluating it")

    def needles(self):
        return None

    def alternatives(self):
        raise TypeError("resolve() a Categories requirement before evaluating it")


Requirement = Union[Label, AnyLabel, Always, Words, Text, AnyOf, AllOf, Categories]


def literal(value: str) -> Requirement:
    """The requirement for a literal string (a token pattern's LOWER/ORTH
    value). A token spaCy cuts out of a written word (:data:`CUT_FROM`) is
    required as that word or itself, a contraction's tail
    (:data:`CONTRACTIONS`) as text."""
    lowered = value.lower()
    if lowered in CUT_FROM:
        return AnyOf((Words(frozenset({lowered})),) + tuple(Words(frozenset({w})) for w in CUT_FROM[lowered]))
    if lowered in CONTRACTIONS:
        return Text(lowered)
    found = frozenset(WORD.findall(lowered))
    return Words(found) if found else Text(lowered)


# Tokens spaCy's English tokenizer cuts out of one written word, which the
# word gate sees whole: "not" and "can" of "cannot". A pattern's "not" holds
# in "Exosomes cannot cause an immune reaction".
CUT_FROM = {"not": ("cannot",), "can": ("cannot",)}
# A contraction's tail ("n't" of "don't", "won't"): no word of its own, so
# it is looked for as text (its words, "n" and "t", are not those of
# "don't": "don" and "t").
CONTRACTIONS = frozenset({"n't"})


def any_label(names: Sequence[str]) -> AnyOf:
    return AnyOf(tuple(Label(name) for name in names))


def resolve(requirement: Requirement, by_category: Mapping[str, Sequence[Requirement]]) -> Requirement:
    """``requirement`` with every :class:`Categories` replaced by the
    requirements of the sentence-level rules of those categories."""
    if isinstance(requirement, Categories):
        return AnyOf(tuple(r for name in requirement.names for r in by_category.get(name, ())))
    if isinstance(requirement, (AnyOf, AllOf)):
        return type(requirement)(tuple(resolve(part, by_category) for part in requirement.parts))
    return requirement


def minimal(alternatives) -> tuple[Alternative, ...]:
    """The alternatives without repeats and without any that holds only where
    a smaller one holds (a superset of another's words and strings): "no X
    ... no Y" lists ``{no, X}`` once, not once for every Y. Same decisions,
    far fewer alternatives."""
    unique = {(words, tuple(sorted(set(strings)))) for words, strings in alternatives}
    # Each kept alternative is filed under one of its items, so one that is
    # a subset of a candidate is filed under one of the candidate's items.
    filed: dict[tuple[str, str], list[frozenset]] = {}
    found: list[Alternative] = []
    for words, strings in sorted(unique, key=lambda a: (len(a[0]) + len(a[1]), sorted(a[0]), a[1])):
        items = frozenset([("w", w) for w in words] + [("s", t) for t in strings])
        if not items:
            return ((words, strings),)  # holds everywhere: nothing else matters
        if any(other <= items for item in items for other in filed.get(item, ())):
            continue
        filed.setdefault(max(items, key=_length), []).append(items)  # its longest: the rarest
        found.append((words, strings))
    return tuple(found)


def _length(item: tuple[str, str]) -> tuple[int, tuple[str, str]]:
    return len(item[1]), item


def _rarity(needles: set[str]) -> tuple:
    """Lower is rarer in prose: symbols ("%", "#") first, then long words, then few alternatives."""
    symbols_only = all(not WORD.search(n) for n in needles)
    return (0 if symbols_only else 1, -min(len(n) for n in needles), len(needles))
