"""The trained text classifier, loaded from the package on first use.

``model/`` is a spaCy pipeline (``nlp.to_disk``) with one
``textcat_multilabel`` component, written by :mod:`claimcheck.train`. Its
labels are ``claim`` (the sentence is a claim) and one per claim category.
Loading it imports spaCy, so it happens only when a sentence needs a score.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from pathlib import Path

from claimcheck.errors import PackError
from claimcheck.scorer.features import FEATURES_VERSION

MODEL_DIR = Path(__file__).resolve().parent / "model"
CLAIM = "claim"


def provenance(path: Path = MODEL_DIR) -> Mapping:
    """What the shipped model says of itself (``claimcheck`` block of meta.json)."""
    meta = path / "meta.json"
    if not meta.is_file():
        return {}
    return json.loads(meta.read_text(encoding="utf-8")).get("claimcheck", {})


class Classifier:
    """Scores lists of feature words; the spaCy pipeline loads on first call."""

    def __init__(self, path: Path = MODEL_DIR) -> None:
        self.path = Path(path)
        self._textcat = None
        self._vocab = None

    def _load(self):
        info = provenance(self.path)
        if not info:
            raise PackError(str(self.path), "no trained claim scorer here: run `python -m claimcheck.train` "
                            "or turn the scorer off (--no-scorer)")
        if info.get("features_version") != FEATURES_VERSION:
            raise PackError(str(self.path), f"the claim scorer was trained on features version "
                            f"{info.get('features_version')}, this claimcheck makes version "
                            f"{FEATURES_VERSION}: retrain it with `python -m claimcheck.train`")
        # The component alone, built from the saved config and weights: a
        # whole ``spacy.load`` would also build an English language (its
        # tokenizer exceptions and lexical data, which the scorer never uses)
        # and costs about 0.2 s of start-up more; the scores are the same (tested).
        from spacy.pipeline.textcat_multilabel import MultiLabel_TextCategorizer
        from spacy.util import load_config, registry
        from spacy.vocab import Vocab

        config = load_config(self.path / "config.cfg", interpolate=True)["components"]["textcat_multilabel"]
        model = registry.resolve({"model": config["model"]})["model"]
        self._vocab = Vocab()
        self._textcat = MultiLabel_TextCategorizer(self._vocab, model, "textcat_multilabel",
                                                   threshold=config["threshold"], scorer=None)
        self._textcat.from_disk(self.path / "textcat_multilabel", exclude=("vocab",))

    def scores(self, items: Sequence[Sequence[str]]) -> list[dict[str, float]]:
        """One ``{label: probability}`` per item (a list of feature words)."""
        if not items:
            return []
        if self._textcat is None:
            self._load()
        from spacy.tokens import Doc

        # Pages repeat themselves (navigation, footers, a slogan in every
        # section): each distinct item is scored once.
        unique = list(dict.fromkeys(tuple(words) for words in items))
        docs = [Doc(self._vocab, words=list(words) or ["#empty"]) for words in unique]
        scored = {words: dict(doc.cats) for words, doc in zip(unique, self._textcat.pipe(docs, batch_size=256))}
        return [scored[tuple(words)] for words in items]
