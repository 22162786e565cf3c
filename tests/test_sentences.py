"""Sentence splitting on token arrays: the fast path (jumping between
sentence-final punctuation) must agree with the token-by-token rule of spaCy's
Sentencizer, written out here as the reference, including the cap on long
sentences."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.pipeline import Sentencizer

from claimcheck.sentence import CUT_OVERLAP, MAX_SENTENCE_TOKENS, Tokens

PUNCT = frozenset(Sentencizer.default_punct_chars)
WORDS = st.sampled_from(["stem", "cells", "heal", "it", "\u00bf", ".", "!", "?", "...", '"', ")", ",", "\u3002", "-"])


def reference(texts: list[str]) -> list[tuple[int, int]]:
    found, start, seen_final = [], 0, False
    for index, text in enumerate(texts):
        final = text in PUNCT
        if index - start >= MAX_SENTENCE_TOKENS and not final:
            found.append((start, index))
            start, seen_final = index - CUT_OVERLAP, False  # forced cuts overlap
        elif seen_final and not final and not all(unicodedata.category(c).startswith("P") for c in text):
            found.append((start, index))
            start, seen_final = index, False
        elif final:
            seen_final = True
    found.append((start, len(texts)))
    return found


def tokens(texts: list[str]) -> Tokens:
    return Tokens(tuple(texts), tuple(range(len(texts))), tuple(True for _ in texts))


@settings(max_examples=300, deadline=None)
@given(st.lists(WORDS, max_size=60))
def test_sentences_follow_the_sentencizer_rule(texts):
    assert tokens(texts).sentences(PUNCT) == reference(texts)


@settings(max_examples=50, deadline=None)
@given(st.lists(WORDS, min_size=140, max_size=400), st.integers(0, 2))
def test_long_sentences_are_capped_like_the_reference(texts, stretch):
    # Long runs without a full stop exercise the cap.
    texts = [t for t in texts if t not in PUNCT or stretch == 0]
    assert tokens(texts).sentences(PUNCT) == reference(texts)
    assert all(end - start <= MAX_SENTENCE_TOKENS for start, end in tokens(texts).sentences(PUNCT))


def test_a_plain_paragraph():
    texts = ["Stem", "cells", "heal", ".", "It", "works", "!", '"', "Yes", "."]
    assert tokens(texts).sentences(PUNCT) == [(0, 4), (4, 8), (8, 10)]
