"""Precision, recall and F1 of claim scores against labeled items."""

from __future__ import annotations

from collections.abc import Sequence

from claimcheck.scorer.classifier import CLAIM


def prf(gold: Sequence[bool], flagged: Sequence[bool]) -> tuple[float, float, float, int, int, int]:
    tp = sum(1 for g, f in zip(gold, flagged) if g and f)
    fp = sum(1 for g, f in zip(gold, flagged) if not g and f)
    fn = sum(1 for g, f in zip(gold, flagged) if g and not f)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f, tp, fp, fn


def line(name: str, gold, flagged) -> str:
    p, r, f, tp, fp, fn = prf(gold, flagged)
    return f"{name:34} P {p:.3f}  R {r:.3f}  F1 {f:.3f}  (TP {tp}, FP {fp}, FN {fn})"


def report(items, scores: Sequence[dict], threshold: float = 0.5) -> str:
    """Scores of the scorer alone on ``items`` (with rows), all and without borderline ones."""
    gold = [i.row["label"] == "claim" for i in items]
    # the engine scores only candidates (sentences holding some vocabulary term)
    flagged = [i.candidate and s.get(CLAIM, 0.0) >= threshold for i, s in zip(items, scores)]
    plain = [n for n, i in enumerate(items) if "borderline" not in (i.row.get("note") or "")]
    lines = [line("scorer alone, all", gold, flagged),
             line("scorer alone, without borderline", [gold[n] for n in plain], [flagged[n] for n in plain])]
    return "\n".join(lines)
