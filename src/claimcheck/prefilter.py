"""Decide cheaply, without spaCy, that nothing in a text can match.

Every rule kind states what must be present for it to fire (``requires``):
labels (vocabularies, rule terms, token-pattern literals) combined with
"all"/"any". A label can match only if all the words of one of its forms
occur in the text (case-insensitive); forms without words (``#1``, ``%``)
are looked up as substrings. This is a superset of what the engine matches,
so a text the prefilter rejects has no findings.

Requirements are the typed expressions of :mod:`claimcheck.requirements`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, fields, is_dataclass

from typing import TYPE_CHECKING

from claimcheck import cache
from claimcheck.readers.document import INVISIBLE, LIGATURES
from claimcheck.requirements import WORD, AnyOf, Requirement, longest, minimal, resolve

if TYPE_CHECKING:
    from claimcheck.ruleset import RuleSet

_ASCII_WORD = re.compile(r"[a-z]+|[0-9]+")  # WORD's words, in lower-cased ASCII text (faster)
_SPACE = re.compile(r"\s")
_FOLD = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'})
# What the readers drop inside a word (claimcheck.readers.document.INVISIBLE),
# as characters and, in HTML, as references (lower-cased).
_INVISIBLE = re.compile(
    "[" + INVISIBLE + "]|&(?:shy|zwj|zwnj|zerowidthspace|nobreak);?|&#0*(?:173|8203|8204|8205|8288);?"
    "|&#x0*(?:ad|200b|200c|200d|2060);?")
_SPELLED = str.maketrans(LIGATURES)  # ligatures spelled out, as the readers do


@dataclass(frozen=True)
class Prefilter:
    # key word -> (label, for each of its forms with that key word, the form's
    # other words): a form can match only if its key word (its longest word)
    # is present, and then all its words must be. One entry per label, its
    # shortest forms first, so a label found once (or a one-word form, whose
    # other words are none) ends the search. Tuples, not sets: the packs'
    # cache unpickles them three times faster (thousands of ICD-10-CM names).
    index: Mapping[str, tuple[tuple[str, tuple[tuple[str, ...], ...]], ...]]
    literals: tuple[tuple[str, str], ...]  # (label, form without words): substring checks
    requirements: tuple[Requirement, ...]  # one per rule (document rules resolved)

    def labels_in(self, text: str) -> tuple[str, frozenset[str]]:
        lowered = text.lower()
        if not lowered.isascii():
            lowered = lowered.translate(_FOLD)
        if "&" in lowered or not lowered.isascii():
            # the words as the readers see them, with the invisible characters
            # inside words dropped ("cu&shy;re" is "cure") and ligatures spelled
            # out, beside the words as written
            joined = _INVISIBLE.sub("", lowered)
            if not joined.isascii():
                joined = joined.translate(_SPELLED)
            if joined != lowered:
                lowered = lowered + "\n" + joined
        present = _words(lowered)
        found = set()
        index = self.index
        for word in present:  # the page's words: fewer than the index's thousands of keys
            entries = index.get(word)
            if entries is None:
                continue
            for label, forms in entries:
                if label not in found:
                    for others in forms:
                        if not others or present.issuperset(others):
                            found.add(label)
                            break
        for label, literal in self.literals:
            if label not in found and literal in lowered:
                found.add(label)
        return lowered, frozenset(found)

    def may_match(self, text: str) -> bool:
        """Could any rule fire on this text (a whole document)?"""
        lowered, labels = self.labels_in(text)
        return any(expr.holds(labels, lowered) for expr in self.requirements)


# Words are collected from slices of this many characters, so a huge file
# never becomes one list of millions of words.
_SLICE = 1_000_000


def _words(lowered: str) -> frozenset[str]:
    finder = (_ASCII_WORD if lowered.isascii() else WORD).findall
    if len(lowered) <= _SLICE:
        return frozenset(finder(lowered))
    found: set[str] = set()
    start = 0
    while start < len(lowered):
        end = start + _SLICE
        if end < len(lowered):  # cut after whitespace, never inside a word
            space = max(lowered.rfind(c, start, end) for c in " \n\t")
            if space < 0:  # no whitespace in the slice: take the word to its end
                after = _SPACE.search(lowered, end)
                space = after.start() if after else len(lowered) - 1
            end = space + 1
        found.update(finder(lowered, start, end))
        start = end
    return frozenset(found)


def build(ruleset: RuleSet) -> Prefilter:
    from claimcheck.kinds import KINDS

    label_forms = term_forms(ruleset)
    index: dict[str, dict[str, set[frozenset[str]]]] = {}
    literals = []
    for label, found in sorted(label_forms.items()):
        for form in sorted(found):
            words = frozenset(WORD.findall(form))
            if words:
                index.setdefault(longest(words), {}).setdefault(label, set()).add(words)
            else:
                literals.append((label, form))
    by_category: dict[str, list[Requirement]] = {}
    sentence_level = {}
    for rule in ruleset.rules:
        kind = KINDS[rule.kind]
        if kind.SCOPE in ("sentence", "scorer"):
            sentence_level[rule.id] = kind.requires(rule)
            by_category.setdefault(rule.category, []).append(sentence_level[rule.id])
    requirements = list(sentence_level.values())
    for rule in ruleset.rules:
        kind = KINDS[rule.kind]
        if kind.SCOPE == "document":
            requirements.append(resolve(kind.requires(rule), by_category))
    return Prefilter(
        {word: tuple((label, tuple(sorted((tuple(sorted(words - {word})) for words in sets),
                                          key=lambda others: (len(others), others))))
                     for label, sets in by_label.items())
         for word, by_label in index.items()},
        tuple(literals),
        tuple(requirements),
    )


def term_forms(ruleset: RuleSet) -> dict[str, set[str]]:
    """Every label the rules use (vocabularies, rule terms) with all its
    surface forms; with the claim scorer on, every vocabulary."""
    from claimcheck.kinds import KINDS
    from claimcheck.kinds.options import VOCABULARIES
    from claimcheck.vocabulary import forms

    found: dict[str, set[str]] = {}
    for rule in ruleset.rules:
        kind = KINDS[rule.kind]
        for option in kind.OPTIONS:
            if option.type == VOCABULARIES:
                for name in rule.options.get(option.name, ()):
                    if name not in found:
                        vocab = ruleset.vocabularies[name]
                        found[name] = set(vocab.forms)
        for label, (terms, inflect) in kind.needs(rule).terms.items():
            found.setdefault(label, set()).update(f for t in terms for f in forms(t, inflect))
    if any(rule.kind == "scorer" for rule in ruleset.rules):
        # The claim scorer reads every vocabulary, whichever rules are on, so
        # that turning a pack off does not change what the scorer sees.
        for name, vocab in ruleset.vocabularies.items():
            if name not in found:
                found[name] = set(vocab.forms)
    return found


@dataclass(frozen=True)
class Gate:
    """Which token-pattern rules a block can match: for each, the words and
    strings of one alternative of its requirement must all be in the block
    (labels, checked later by the engine, count as present). Each rule's
    Matcher runs only on the blocks its own gate passes, so a rule of common
    words costs its own Matcher, never every rule's.

    Alternatives are filed under their longest word, so a block looks only at
    those filed under its own words (walking the requirement trees for every
    block cost 0.05 s per MB: bench/stages.py)."""

    needles: "re.Pattern"  # quick reject: one of these must occur as a substring (an RE2 pattern)
    by_word: Mapping[str, tuple[tuple[frozenset, tuple[str, ...], str], ...]]  # (words, strings, label)
    keys: frozenset[str]  # by_word's keys (a set meets a frozenset faster than a dict)
    wordless: tuple[tuple[tuple[str, ...], str], ...]  # (strings only, label); () holds for every block
    labels: tuple[str, ...]  # every rule's label, sorted

    def any_may_match(self, texts: Sequence[str]) -> bool:
        """Whether some rule may match one of ``texts``: one search of them
        all, so that blocks with none of the needles (a list of numbers, a
        column of ticks) do not each pay for a search of their own."""
        return self.needles.search("\n".join(map(str.lower, texts))) is not None

    def __call__(self, text: str) -> tuple[str, ...]:
        """The labels of the rules that may match ``text``, sorted; () for none."""
        lowered = text.lower()
        if not self.needles.search(lowered):
            return ()
        found = {label for strings, label in self.wordless if all(string in lowered for string in strings)}
        if len(found) < len(self.labels):
            present = _words(lowered)
            by_word = self.by_word
            for word in present & self.keys:
                for words, strings, label in by_word[word]:
                    if label not in found and words <= present and all(string in lowered for string in strings):
                        found.add(label)
        return tuple(label for label in self.labels if label in found)


def _literals(needles: tuple[str, ...]) -> "re.Pattern":
    """A search for any of ``needles`` (as :func:`_kept` leaves them) as a
    substring: RE2 (a DFA, one pass over the text whatever the number of
    needles; Python's ``re`` tries each alternative at each position, 2.5
    times slower on the benchmark pages' blocks)."""
    import re2

    return re2.compile("|".join(re.escape(n) for n in needles))


def _kept(needles) -> tuple[str, ...]:
    """``needles`` without those that contain another (finding "effect"
    finds "effects"), sorted."""
    return tuple(sorted(n for n in needles if not any(other != n and other in n for other in needles)))


def _needles_and_alternatives(any_pattern: AnyOf) -> tuple:
    needles = any_pattern.needles()
    alternatives = any_pattern.alternatives()
    # (None: too many to list, so every block goes to the Matcher)
    alternatives = ((frozenset(), ()),) if alternatives is None else minimal(alternatives)
    return (None if needles is None else _kept(needles)), alternatives


def requirement_key(value) -> str:
    """A requirement as a string that does not depend on the order of its
    sets (frozensets iterate in a different order in every process)."""
    if is_dataclass(value):
        return f"{type(value).__name__}({','.join(requirement_key(getattr(value, f.name)) for f in fields(value))})"
    if isinstance(value, (frozenset, set)):
        return "{" + ",".join(sorted(requirement_key(v) for v in value)) + "}"
    if isinstance(value, (tuple, list)):
        return "[" + ",".join(requirement_key(v) for v in value) + "]"
    return repr(value)


def gate(requirements: Mapping[str, Requirement]) -> Gate:
    """The gate of each token-pattern rule, by its label."""
    labels = tuple(sorted(requirements))
    # Listing and pruning the alternatives is pure and, for patterns with long
    # word lists in a row, costs tens of milliseconds at every start: cached
    # beside the packs, keyed by the requirements themselves.
    per_label = cache.memo(
        "gate", [requirement_key(tuple((label, requirements[label]) for label in labels))],
        lambda: tuple(_needles_and_alternatives(AnyOf((requirements[label],))) for label in labels))
    by_word: dict[str, list[tuple[frozenset, tuple[str, ...], str]]] = {}
    wordless = []
    needles: set[str] | None = set()
    for label, (found_needles, alternatives) in zip(labels, per_label):
        if found_needles is None or needles is None:
            needles = None
        else:
            needles.update(found_needles)
        for words, strings in alternatives:
            if words:
                by_word.setdefault(longest(words), []).append((words, strings, label))
            else:
                wordless.append((strings, label))
    if needles is None:  # some pattern could match anywhere
        search = re.compile("")
    elif not needles:  # no pattern at all
        search = re.compile("(?!)")
    else:
        search = _literals(_kept(needles))
    return Gate(search, {word: tuple(found) for word, found in by_word.items()},
                frozenset(by_word), tuple(wordless), labels)  # searched in lower-cased text
