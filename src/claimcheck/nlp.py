"""The spaCy pipeline: ``spacy.blank("en")``, whose tokenizer the engine uses
with its matchers. Sentence ends follow the rule of spaCy's rule-based
Sentencizer, applied by the engine on token arrays (see ``sentence.Tokens``).

No trained model is needed and nothing is downloaded. spaCy is imported here,
on first use, never at import time of claimcheck.
"""

from __future__ import annotations

# Blocks are paragraphs, so a Doc this long means one enormous paragraph; the
# blank pipeline only tokenizes, so memory stays linear.
MAX_LENGTH = 50_000_000


def make_nlp():
    import spacy
    from spacy.attrs import ORTH

    nlp = spacy.blank("en")
    nlp.max_length = MAX_LENGTH
    # spaCy splits "hasn't" and "Hasn't" but not "HASN'T"; headlines shout.
    for text, pieces in list(nlp.tokenizer.rules.items()):
        if "'" in text and text.islower() and len(pieces) > 1:
            nlp.tokenizer.add_special_case(text.upper(), [{ORTH: p[ORTH].upper()} for p in pieces])
    return nlp


# spaCy keeps every word form it has seen in its vocabulary for good; a
# tokenizer that has added this many is replaced by a fresh one (about 0.2 s),
# so memory stays flat however many new words (numbers, names) a run meets.
VOCAB_LIMIT = 50_000


class Tokenizer:
    """spaCy's English tokenizer, renewed when its vocabulary has grown by
    ``limit`` strings. The matchers compare hashes, so they match Docs of any
    vocabulary built the same way."""

    def __init__(self, nlp, limit: int = VOCAB_LIMIT) -> None:
        self._nlp = nlp
        self._limit = limit
        self._start = len(nlp.vocab.strings)
        self.renewals = 0

    def __call__(self, text: str):
        if len(self._nlp.vocab.strings) - self._start > self._limit:
            self._nlp = make_nlp()
            self._start = len(self._nlp.vocab.strings)
            self.renewals += 1
        return self._nlp.tokenizer(text)
