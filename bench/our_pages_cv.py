"""Our labeled pages, each checked by a scorer trained as shipped plus the
other folds of our pages: what the shipped scorer would gain on pages like
ours if it learned from them. An experiment, not a test.

Usage: python bench/our_pages_cv.py [--folds 5] [--candidates]

Pages of ``bench/data/pages`` and ``bench/data/pages-web`` go to ``--folds``
folds (by name, in turn). Each fold's scorer is trained on what the shipped
one learns from (the corpus and the first dev set, all splits, the pages of
``../shared/eval/documents-more``, our sentences and the rules' examples)
and on the blocks of the other folds' pages (``claimcheck.train.read_page_rows``:
each block as claimcheck reads it, labelled by the lines it covers);
``--candidates``: only the claims and the blocks the engine would score.
Compare with ``bench/accuracy.py bench/data/pages --model
src/claimcheck/scorer/model`` (the shipped scorer, which never saw them),
and with ``bench/accuracy.py --cv --our-pages all`` for what the same
training does to the shared sentences.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import accuracy  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--candidates", action="store_true",
                        help="learn only from the claims and the blocks the engine would score")
    args = parser.parse_args(argv)
    from claimcheck import train
    from claimcheck.api import Linter

    shared = [p for p in (accuracy.CORPUS, accuracy.OLD_DEV, accuracy.PAGES) if p.exists()]
    if not shared:
        print(f"no shared data at {accuracy.SHARED}: nothing to measure", file=sys.stderr)
        return 0
    base = train.featurize(train.select(train.read_rows(shared), "all")) + accuracy.own_items()
    labels = {folder: json.loads((folder / "labels.json").read_text(encoding="utf-8")) for folder in accuracy.OUR_PAGES}
    blocks: dict[tuple[Path, str], list] = defaultdict(list)
    by_name = {folder.name: folder for folder in accuracy.OUR_PAGES}
    for item in accuracy.our_page_items("candidates" if args.candidates else "all"):
        folder, name = item.row["source"].split("/", 1)
        blocks[by_name[folder], name].append(item)
    fold_of = {(folder, name): n % args.folds for folder in labels for n, name in enumerate(sorted(labels[folder]))}
    counts = {folder: accuracy.PageCounts() for folder in labels}
    for fold in range(args.folds):
        extra = [item for key, items in sorted(blocks.items()) if fold_of[key] != fold for item in items]
        with tempfile.TemporaryDirectory(prefix="claimcheck-our-pages-cv-") as tmp:
            model = train.fit(base + extra, Path(tmp) / "model")
            train.write_provenance(model, [], [], "cv")
            linter = Linter.from_folders(model=model)
            for (folder, name), n in sorted(fold_of.items()):
                if n == fold:
                    counts[folder].add(folder, name, labels[folder][name], linter)
    kind = "the claims and scored blocks of" if args.candidates else "every block of"
    print(f"{args.folds} folds; each fold's scorer also learned from {kind} the other folds' pages")
    for folder, found in counts.items():
        print(f"{folder.relative_to(accuracy.HERE.parent)} ({len(labels[folder])} pages): {found}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
