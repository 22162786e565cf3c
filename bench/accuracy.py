"""Precision and recall of claimcheck on labeled sentences.

Usage: python bench/accuracy.py [PATH_TO_CLAIMS_JSONL] [--show]

Reads ../shared/eval/dev/claims.jsonl by default (one JSON object a line with
``text``, ``label`` = claim|ok and ``category``). A sentence counts as flagged
when claimcheck reports at least one sentence-level finding on it (document
rules such as missing disclaimers are left out: one sentence is not a page).
Prints precision, recall and F1 overall and per category, and with --show the
misses and false alarms. This is a benchmark, not a test: it never fails.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

from claimcheck.api import Linter

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "eval" / "dev" / "claims.jsonl"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--show", action="store_true", help="list misses and false alarms")
    parser.add_argument("--baseline", action="store_true", help="score the plain keyword baseline instead")
    args = parser.parse_args(argv)
    if not args.path.is_file():
        print(f"no labeled data at {args.path}; nothing to measure", file=sys.stderr)
        return 0
    rows = [json.loads(line) for line in args.path.read_text(encoding="utf-8").splitlines() if line.strip()]
    linter = Linter.from_folders(ignore=("disclaimers",))
    if args.baseline:
        from baseline import findings as keyword_findings
    counts = Counter()
    per_category = Counter()
    misses, alarms = [], []
    for row in rows:
        if args.baseline:
            findings = [_Keyword(row["text"][a:b]) for a, b in keyword_findings(row["text"])]
        else:
            findings = [f for f in linter.lint_text(row["text"], format="text") if f.category != "missing-disclaimer"]
        flagged = bool(findings)
        gold = row["label"] == "claim"
        counts[(gold, flagged)] += 1
        if gold:
            per_category[(row["category"], flagged)] += 1
            if flagged and any(f.category == row["category"] for f in findings):
                per_category[(row["category"], "same")] += 1
            if not flagged:
                misses.append(row)
        elif flagged:
            alarms.append((row, findings))
    tp, fp, fn = counts[(True, True)], counts[(False, True)], counts[(True, False)]
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    print(f"sentences: {len(rows)}  claims: {tp + fn}  ok: {len(rows) - tp - fn}")
    print(f"overall    precision {precision:.3f}  recall {recall:.3f}  F1 {f1:.3f}  (TP {tp}, FP {fp}, FN {fn})")
    print("per category (recall: claims flagged by any rule; same: flagged by a rule of that category)")
    for category in sorted({c for c, _ in per_category}):
        hit, miss = per_category[(category, True)], per_category[(category, False)]
        same = per_category[(category, "same")]
        print(f"  {category:22} recall {hit / (hit + miss):.3f}  ({hit}/{hit + miss}, same category {same})")
    if args.show:
        print("\nmisses:")
        for row in misses:
            print(f"  [{row['category']}] {row['text']}")
        print("\nfalse alarms:")
        for row, findings in alarms:
            rules = ", ".join(sorted({f'{f.rule} "{f.text}"' for f in findings}))
            print(f"  {row['text']}\n      -> {rules}")
    return 0


class _Keyword:
    """A keyword-baseline hit, shaped like a finding for the report."""

    category = rule = "keyword"

    def __init__(self, text: str):
        self.text = text


if __name__ == "__main__":
    raise SystemExit(main())
