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
