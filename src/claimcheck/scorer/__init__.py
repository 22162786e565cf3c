"""The learned claim scorer: a spaCy text classifier over a sentence's words
and the engine's signals (see :mod:`claimcheck.scorer.features`), trained by
:mod:`claimcheck.train` and shipped in ``scorer/model``."""
