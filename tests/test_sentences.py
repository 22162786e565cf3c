"""Sentence splitting on token arrays: the fast path (jumping between
sentence-final punctuation) must agree with the token-by-token rule of spaCy's
Sentencizer, written out here as the reference, including the cap on long
sentences; claimcheck's one change to it is that a bracket or quotation mark
opening after a space starts the next sentence, where a citation's "[2]"
still ends the one it cites."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.pipeline import Sentencizer

from claimcheck.sentence import CUT_OVERLAP, MAX_SENTENCE_TOKENS, Tokens

PUNCT = frozenset(Sentencizer.default_punct_chars)
WORDS = st.sampled_from(["stem", "cells", "heal", "it", "\u00bf", ".", "!", "?", "...", '"', ")", ",", "\u3002", "-",
                         "[", "]", "2", "\u201c", "\u201d", "(", "M."])


OPENERS = {"(", "[", "{", '"', "\u201c", "\u2018", "\u00ab", "\u201e", "\u00bf", "\u00a1"}
QUOTES = {'"', "\u201c", "\u00ab", "\u201e"}


def initial(texts: list[str], spaced: list[bool], index: int) -> bool:
    """An initial ("M.") before a space and an opening quotation mark ends a sentence."""
    text = texts[index]
    return (len(text) == 2 and text[1] == "." and text[0].isupper() and index + 1 < len(texts)
            and texts[index + 1] in QUOTES and spaced[index])


def citation(texts: list[str], index: int) -> bool:
    """``texts[index:index + 3]`` is "[", digits, "]"."""
    return texts[index:index + 1] == ["["] and texts[index + 2:index + 3] == ["]"] and texts[index + 1].isdigit()


def reference(texts: list[str], spaced: list[bool] | None = None) -> list[tuple[int, int]]:
    spaced = spaced if spaced is not None else [True] * len(texts)
    found, start, seen_final = [], 0, False
    for index, text in enumerate(texts):
        final = text in PUNCT
        ends = final or initial(texts, spaced, index)  # (an initial ends a sentence but trails no other)
        punct = all(unicodedata.category(c).startswith("P") for c in text)
        opens = text in OPENERS and index > 0 and spaced[index - 1] and not citation(texts, index)
        cited = index > 0 and citation(texts, index - 1)
        if index - start >= MAX_SENTENCE_TOKENS and not ends:
            found.append((start, index))
            start, seen_final = index - CUT_OVERLAP, False  # forced cuts overlap
        elif seen_final and not final and (opens or not punct and not cited):
            found.append((start, index))
            start, seen_final = index, ends
        elif ends:
            seen_final = True
    found.append((start, len(texts)))
    return found


def tokens(texts: list[str], spaced: list[bool] | None = None) -> Tokens:
    spaced = spaced if spaced is not None else [True] * len(texts)
    return Tokens(tuple(texts), tuple(range(len(texts))), tuple(spaced))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(WORDS, st.booleans()), max_size=60))
def test_sentences_follow_the_sentencizer_rule(pairs):
    texts, spaced = [t for t, _ in pairs], [s for _, s in pairs]
    assert tokens(texts, spaced).sentences(PUNCT) == reference(texts, spaced)


@settings(max_examples=50, deadline=None)
@given(st.lists(WORDS, min_size=140, max_size=400), st.integers(0, 2))
def test_long_sentences_are_capped_like_the_reference(texts, stretch):
    # Long runs without a full stop exercise the cap.
    texts = [t for t in texts if t not in PUNCT or stretch == 0]
    assert tokens(texts).sentences(PUNCT) == reference(texts)
    assert all(end - start <= MAX_SENTENCE_TOKENS for start, end in tokens(texts).sentences(PUNCT))


def test_a_plain_paragraph():
    texts = ["Stem", "cells", "heal", ".", "It", "works", "!", '"', "Yes", "."]
    closing = [True, True, False, True, True, False, False, True, True, False]  # works!" Yes.
    assert tokens(texts, closing).sentences(PUNCT) == [(0, 4), (4, 8), (8, 10)]


def test_an_opening_mark_after_a_space_starts_the_next_sentence():
    # It works. "I walk again." [Launch] Dec 3.
    texts = ["It", "works", ".", '"', "I", "walk", "again", ".", '"', "[", "Launch", "]", "Dec", "3", "."]
    spaced = [True, False, True, False, True, True, False, False, True, False, False, True, True, False, False]
    assert tokens(texts, spaced).sentences(PUNCT) == [(0, 3), (3, 9), (9, 15)]


def test_an_initial_before_a_quotation_ends_the_sentence():
    # "I was booked," says Ellen M. "Six weeks later I walked." / Ellen M. Smith said so.
    texts = ['"', "I", "was", "booked", ",", '"', "says", "Ellen", "M.", '"', "Six", "weeks", "later", "I", "walked",
             ".", '"']
    spaced = [False, True, True, False, False, True, True, True, True, False, True, True, True, True, False, False,
              False]
    assert tokens(texts, spaced).sentences(PUNCT) == [(0, 9), (9, 17)]
    assert tokens(["Ellen", "M.", "Smith", "said", "so", "."]).sentences(PUNCT) == [(0, 6)]
    assert tokens(["Ellen", "M.", '"', "Hi", '"'], [True, False, True, False, False]).sentences(PUNCT) == [(0, 5)]


def test_a_citation_ends_the_sentence_it_cites():
    # It helps. [1] Cells regrow. (2) Next.
    texts = ["It", "helps", ".", "[", "1", "]", "Cells", "regrow", ".", "(", "2", ")", "Next", "."]
    spaced = [True, False, True, False, False, True, True, False, True, False, False, True, False, False]
    assert tokens(texts, spaced).sentences(PUNCT) == [(0, 6), (6, 9), (9, 14)]


def test_a_scored_sentence_stops_before_the_next_lines_bracket(linter):
    # Push notifications, one a line, each opening with its label in brackets:
    # the claim's sentence ends at its stop, on its own line.
    text = ("[Launch] Dec 1: NEW: Exosome facials are here! Erase acne scars and melasma in just 2 sessions.\n"
            "[Launch] Dec 3: Last chance: 20% off your first exosome facial ends tonight.\n")
    found = [f for f in linter.lint_text(text) if f.rule.endswith("likely-claim") and "acne" in f.text]
    assert found
    for finding in found:
        assert finding.end_line == 1 and finding.text.endswith("sessions.")


def _read(text: str) -> list[str]:
    """The sentences of ``text`` as the engine's tokenizer and sentence
    rule read them, their tokens joined by spaces."""
    from claimcheck.nlp import make_tokenizer

    doc = make_tokenizer()(text)
    found = Tokens(tuple(t.text for t in doc), tuple(t.idx for t in doc), tuple(bool(t.whitespace_) for t in doc))
    return [" ".join(found.texts[a:b]) for a, b in found.sentences(PUNCT)]


def test_an_abbreviation_before_a_number_keeps_its_stop():
    """"Ep. 12: ..." is one sentence (the stop is the abbreviation's, as in
    "Dr."); a "No." answering a question still ends one."""
    assert _read("Ep. 12: The patient who got her skin back") == ["Ep. 12 : The patient who got her skin back"]
    assert len(_read("See Fig. 2 and call Tel. 555-0100, approx. 3 weeks later.")) == 1
    assert len(_read("Is it approved? No. It is not.")) == 3


def test_a_title_in_capitals_keeps_its_stop():
    """A transcript's speaker "DR. REYES:" is no sentence of its own ("DR."
    ending one left "REYES: Hi, I'm Dr. Reyes." to be read); "MS." at a
    sentence's end is multiple sclerosis and still ends it."""
    assert _read("DR. REYES: Hi there. MRS. LANE: Thanks.") == ["DR. REYES : Hi there .", "MRS. LANE : Thanks ."]
    assert _read("PROF. KIM said so.") == ["PROF. KIM said so ."]
    assert len(_read("She has lived with MS. It changed her life.")) == 2
