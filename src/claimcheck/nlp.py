"""spaCy's English tokenizer, which the engine runs with its matchers.
Sentence ends follow the rule of spaCy's rule-based Sentencizer, applied by
the engine on token arrays (see ``sentence.Tokens``).

No trained model is needed and nothing is downloaded. spaCy is imported here,
on first use, never at import time of claimcheck.
"""

from __future__ import annotations


def make_tokenizer():
    """The tokenizer of ``spacy.blank("en")``, built directly from spaCy's
    English defaults (the same vocabulary, exceptions and affix rules; the
    tokens are the same, tested): a blank ``Language`` would also fill its
    configuration through the registry, about 0.03 s of start-up for objects
    claimcheck never uses. Plus one change: spaCy splits "hasn't" and
    "Hasn't" but not "HASN'T"; headlines shout."""
    from spacy import util
    from spacy.lang.en import English
    from spacy.vocab import create_vocab

    defaults = English.Defaults
    # All special cases at once: each later ``add_special_case`` would flush
    # the tokenizer's cache and cost more (about 13 ms in all).
    return _tokenizer_class()(
        create_vocab(English.lang, defaults),
        rules=special_cases(),
        prefix_search=util.compile_prefix_regex(defaults.prefixes).search,
        suffix_search=util.compile_suffix_regex(defaults.suffixes).search,
        infix_finditer=util.compile_infix_regex(defaults.infixes).finditer,
        token_match=defaults.token_match,
        url_match=defaults.url_match,
    )


def special_cases() -> dict:
    """spaCy's English tokenizer exceptions, with the upper-case forms of
    its split contractions ("HASN'T"), the lower-case dotted
    abbreviations of the vocabularies as one token ("f.d.a.", which spaCy
    splits before its last dot, while "F.D.A." stays whole), and the
    :data:`ABBREVIATIONS` with their stop, and the :data:`SHOUTED_TITLES`."""
    from spacy.attrs import ORTH
    from spacy.lang.en import English

    from claimcheck.vocabulary import DOTTED

    rules = dict(English.Defaults.tokenizer_exceptions)
    for text, pieces in list(rules.items()):
        if "'" in text and text.islower() and len(pieces) > 1:
            rules[text.upper()] = [{ORTH: p[ORTH].upper()} for p in pieces]
    for dotted in DOTTED.values():
        rules[dotted] = [{ORTH: dotted}]
    for abbreviation in ABBREVIATIONS:
        for form in (abbreviation, abbreviation.capitalize()):
            rules[form] = [{ORTH: form}]
    for title in SHOUTED_TITLES:
        rules[title] = [{ORTH: title}]
    return rules


# Abbreviations spaCy splits from their stop, which then ended a sentence:
# ones written before a number or a name, never at a sentence's end ("Ep. 12:
# The patient who...", "Fig. 2", "Tel. 555-0100", "approx. 3 weeks"). Not
# "No." ("Is it approved? No.") or "etc.", which end sentences. Each is also
# read capitalized ("Fig.", "Approx.").
ABBREVIATIONS = ("ep.", "vol.", "fig.", "tel.", "ext.", "approx.", "dept.", "incl.")

# Titles before a name in capitals, which spaCy keeps whole only in title
# case ("Dr.", "Mrs.", "Prof."): a transcript's speaker ("DR. REYES: Hi,
# I'm...") or a headline's name, never a sentence's end. Not "MS."
# (multiple sclerosis: "living with MS.").
SHOUTED_TITLES = ("DR.", "MR.", "MRS.", "PROF.")


def _tokenizer_class():
    """spaCy's Tokenizer, less its check of each special case as it is
    added (that its pieces spell it: a third of building the tokenizer,
    about 12 ms of every start that needs spaCy). The special cases are
    spaCy's own, checked by spaCy when spaCy builds them, and our upper-case
    copies; a test runs spaCy's check on all of them."""
    from spacy.tokenizer import Tokenizer

    class TrustedRulesTokenizer(Tokenizer):
        def _validate_special_case(self, chunk, substrings):
            pass  # (see _tokenizer_class)

    return TrustedRulesTokenizer


# spaCy keeps every word form it has seen in its vocabulary for good; a
# tokenizer that has added this many is replaced by a fresh one (about 0.1 s),
# so memory stays flat however many new words (numbers, names) a run meets.
VOCAB_LIMIT = 50_000


class Tokenizer:
    """spaCy's English tokenizer, renewed when its vocabulary has grown by
    ``limit`` strings. The matchers compare hashes, so they match Docs of any
    vocabulary built the same way."""

    def __init__(self, tokenizer, limit: int = VOCAB_LIMIT) -> None:
        self._tokenizer = tokenizer
        self._limit = limit
        self._start = len(tokenizer.vocab.strings)
        self.renewals = 0

    def __call__(self, text: str):
        if len(self._tokenizer.vocab.strings) - self._start > self._limit:
            self._tokenizer = make_tokenizer()
            self._start = len(self._tokenizer.vocab.strings)
            self.renewals += 1
        return self._tokenizer(text)
