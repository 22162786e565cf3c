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


# Scores of this many distinct items are remembered; then the memo starts over.
MEMO_ITEMS = 50_000


def _architecture(settings: dict, registry):
    """The model its config names. The bag-of-words architecture the scorer
    is trained with is built by calling spaCy's function for it directly
    (filling spaCy's registry first costs about 20 ms of start-up); any
    other goes through the registry."""
    name = settings.pop("@architectures")
    if name == "spacy.TextCatBOW.v3":
        from spacy.ml.models.textcat import build_bow_text_classifier_v3

        return build_bow_text_classifier_v3(**settings)
    return registry.resolve({"model": {"@architectures": name, **settings}})["model"]


class Classifier:
    """Scores lists of feature words; the spaCy pipeline loads on first call.

    An item's scores depend on its words alone (a bag-of-words model scores
    each Doc on its own, whatever the batch), so the scores of items already
    seen in this run are reused: sites repeat sentences from page to page
    (navigation, calls to action, footers, disclaimers). The memo holds at
    most ``MEMO_ITEMS`` items, so memory stays flat."""

    def __init__(self, path: Path = MODEL_DIR, memo_items: int = MEMO_ITEMS) -> None:
        self.path = Path(path)
        self._textcat = None
        self._vocab = None
        self._memo: dict[tuple[str, ...], dict[str, float]] = {}
        self._memo_items = memo_items
        self.asked = 0  # items scored so far, and of them
        self.memo_hits = 0  # ... those whose scores were remembered

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
        model = _architecture(dict(config["model"]), registry)
        self._vocab = Vocab()
        self._textcat = MultiLabel_TextCategorizer(self._vocab, model, "textcat_multilabel",
                                                   threshold=config["threshold"], scorer=None)
        self._textcat.from_disk(self.path / "textcat_multilabel", exclude=("vocab",))

    def scores(self, items: Sequence[Sequence[str]]) -> list[dict[str, float]]:
        """One ``{label: probability}`` per item (a list of feature words)."""
        if not items:
            return []
        if self._textcat is None:
            from claimcheck.gcpause import paused

            with paused():  # loading makes no garbage (see claimcheck.gcpause)
                self._load()
        from spacy.tokens import Doc

        # Pages repeat themselves (navigation, footers, a slogan in every
        # section): each distinct item is scored once.
        memo = self._memo
        keys = [tuple(words) for words in items]
        unique = [words for words in dict.fromkeys(keys) if words not in memo]
        if len(memo) + len(unique) > self._memo_items:
            memo.clear()
            unique = list(dict.fromkeys(keys))
        self.asked += len(keys)
        self.memo_hits += len(keys) - len(unique)
        docs = [Doc(self._vocab, words=list(words) or ["#empty"]) for words in unique]
        for words, doc in zip(unique, self._textcat.pipe(docs, batch_size=256)):
            memo[words] = dict(doc.cats)
        return [memo[words] for words in keys]
