"""Train the claim scorer from labeled sentences, reproducibly.

    python -m claimcheck.train ../shared/eval/corpus/claims.jsonl [MORE.jsonl | PAGES/ ...]
        [--split train|all] [--output DIR] [--cv 5]

Each labeled item (``text``, ``label`` claim|ok, ``category``, and in the
corpus ``source``, ``family``, ``split``) becomes the scorer's feature words
(:mod:`claimcheck.scorer.features`), computed by the engine with the packs'
vocabularies and context cues, twice: once on a page made of the items of its
``source`` (so the page voice and topic are those of that page) and once
alone (as a sentence checked on its own). spaCy's own training loop
(``spacy train`` with ``scorer/config.cfg``: fixed seed, fixed epochs, no
early stopping) fits a ``textcat_multilabel`` with the labels ``claim`` and
one per category (``secondary: ...`` notes add categories). The pipeline is
written to ``--output`` (the packaged ``scorer/model`` by default) with its
provenance in ``meta.json``: counts, sha256 of every training file, date.

A folder of labeled pages (``labels.json`` and one text file a page, like
``../shared/eval/documents-more``) adds its paragraphs as items on their
real pages (in that view only): expected claim lines are claims, optional
lines are left out.

Sentences we wrote ourselves join every training run and are never held
out or scored: the pack rules' examples (``flag`` as claims of the rule's
category, ``ok`` as not; not the scorer rules' own, which check the trained
model) unless ``--no-rule-examples``, and the JSONL files given with
``--own`` (our labeled sets in ``bench/data/``). They teach the scorer what
the packs' authors know about claims in words no labeled source used; they
measure nothing.

``--cv K`` instead reports K-fold cross-validation grouped by ``family``
(no family on both sides; our own sentences in every fold's training) and
writes nothing.
"""

from __future__ import annotations

import argparse
import datetime
import hashlib
import json
import random
import shutil
import sys
import tempfile
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from claimcheck.findings import CATEGORIES
from claimcheck.kinds.scorer import DEFAULT_THRESHOLD
from claimcheck.scorer.classifier import CLAIM, MODEL_DIR
from claimcheck.scorer.features import FEATURES_VERSION

CONFIG = Path(__file__).resolve().parent / "scorer" / "config.cfg"
LABELS = (CLAIM, *[c for c in CATEGORIES if c != "missing-disclaimer"])


@dataclass(frozen=True)
class Item:
    """One labeled item and its feature words (on its page, and alone)."""

    row: dict
    on_page: tuple[str, ...]
    alone: tuple[str, ...]
    reported: bool  # a pack rule reports it (on its page)
    candidate: bool  # the engine would hand it to the scorer (on its page)
    alone_reported: bool = False  # the same, the item checked alone
    alone_candidate: bool = False
    rules: int = 0  # of how many categories pack rules report it (on its page)
    alone_rules: int = 0
    # it holds a term of a ``feature: false`` vocabulary (on its page; alone):
    # the scorer's cutoffs read it (claimcheck.scorer.cutoffs.needed)
    signalled: bool = False
    alone_signalled: bool = False

    @property
    def cats(self) -> dict[str, float]:
        return cats_of(self.row)


def cats_of(row: dict) -> dict[str, float]:
    claim = row["label"] == "claim"
    cats = {label: 0.0 for label in LABELS}
    cats[CLAIM] = float(claim)
    if claim:
        if row.get("category") in cats:
            cats[row["category"]] = 1.0
        note = row.get("note") or ""
        if "secondary:" in note:
            for category in LABELS[1:]:
                if category in note.split("secondary:", 1)[1]:
                    cats[category] = 1.0
    return cats


def read_rows(paths: Sequence[Path]) -> list[dict]:
    """Labeled items from JSONL files, or from folders of labeled pages."""
    rows = []
    for path in paths:
        if Path(path).is_dir():
            rows += page_rows(Path(path))
            continue
        # JSON lines end at "\n" only: a JSON string may hold U+2028 or U+0085 as they are.
        for line in Path(path).read_text(encoding="utf-8").split("\n"):
            if line.strip():
                rows.append(json.loads(line))
    return rows


def own_rows(paths: Sequence[Path], linter=None, rule_examples: bool = True) -> list[dict]:
    """Labeled sentences we wrote: the JSONL files at ``paths`` and, with
    ``rule_examples``, the pack rules' examples (not a missing-disclaimer
    rule's, which are whole pages, nor the scorer rules', which
    ``claimcheck rules test`` runs against the trained model: learned from,
    they would check nothing). Each is its own source."""
    rows = [dict(row, source=f"own:{Path(path).name}:{n}", own=True)
            for path in paths for n, row in enumerate(read_rows([path]))]
    if rule_examples:
        from claimcheck.api import Linter
        from claimcheck.selftest import examples

        for n, example in enumerate(examples(linter or Linter.from_folders())):
            rule = example.rule
            if rule.category == "missing-disclaimer" or rule.kind == "scorer":
                continue  # whole pages; the scorer's own examples check the trained model
            rows.append({"text": example.text, "label": "claim" if example.flag else "ok",
                         "category": rule.category if example.flag else "none",
                         "source": f"own:{rule.id}:{n}", "own": True})
    return rows


def page_rows(folder: Path) -> list[dict]:
    """The paragraphs of labeled pages (``labels.json`` beside one text file
    a page, a paragraph a line, line 1 naming the source) as items: expected
    claim lines are claims, optional lines are left out, the rest is ok."""
    labels = json.loads((folder / "labels.json").read_text(encoding="utf-8"))
    rows = []
    for name, label in sorted(labels.items()):
        claims = {int(n): c for n, c in label.get("claim_line_categories", {}).items()}
        wanted = set(label["expected_claim_lines"])
        optional = set(label.get("quoted_claim_lines_optional", ())) | set(label.get("other_optional_lines", ()))
        lines = (folder / name).read_text(encoding="utf-8").split("\n")
        for number, text in enumerate(lines[1:], 2):
            if not text.strip() or (number in optional and number not in wanted):
                continue
            claim = number in wanted
            rows.append({"text": text, "label": "claim" if claim else "ok",
                         "category": claims.get(number, "unapproved-treatment") if claim else "none",
                         "source": f"{folder.name}/{name}", "family": f"{folder.name}/{name}",
                         "note": f"page line {number}", "page": True})
    return rows


def read_page_rows(folder: Path, names: Sequence[str] | None = None) -> list[dict]:
    """Labeled pages of any format (``labels.json`` beside the files) as
    items, each block as claimcheck reads it (a table cell with its
    headers): a block on an expected claim line is a claim, one only on
    optional lines is left out, the rest is ok. ``names``: only these pages."""
    from claimcheck.files import decode
    from claimcheck.positions import LineTable
    from claimcheck.readers import format_for, reader
    from claimcheck.readers.document import blank_source_line

    labels = json.loads((folder / "labels.json").read_text(encoding="utf-8"))
    rows = []
    for name in sorted(labels if names is None else names):
        label = labels[name]
        claims = {int(n): c for n, c in label.get("claim_line_categories", {}).items()}
        wanted = set(label["expected_claim_lines"])
        optional = set(label.get("quoted_claim_lines_optional", ())) | set(label.get("other_optional_lines", ()))
        fmt = format_for(name)
        source = blank_source_line(decode((folder / name).read_bytes(), name, html=fmt == "html"), fmt)
        table = LineTable.of(source)  # lines as findings count them
        for block in reader(fmt)(source, name).blocks:
            if not block.text.strip():
                continue
            first = table.position(block.source_offset(0))[0]
            last = table.position(block.source_offset(len(block.text) - 1))[0]
            lines = set(range(first, last + 1))
            claim = sorted(lines & wanted)
            if not claim and lines & optional:
                continue
            rows.append({"text": block.lead + block.text, "label": "claim" if claim else "ok",
                         "category": claims.get(claim[0], "unapproved-treatment") if claim else "none",
                         "source": f"{folder.name}/{name}", "family": f"{folder.name}/{name}",
                         "note": f"page lines {first}-{last}", "page": True})
    return rows


def featurize(rows: Sequence[dict], linter=None) -> list[Item]:
    """Feature words for every row, computed by the engine as at run time."""
    from claimcheck.api import Linter
    from claimcheck.page import decide
    from claimcheck.readers import reader

    # The scorer's rules stay in: their signal vocabularies are part of what
    # the scorer reads (the model itself is not needed to compute its words).
    linter = linter or Linter.from_folders()
    compiled = linter.compiled
    read = reader("text")
    pages: dict[str, list[int]] = defaultdict(list)
    texts = []
    for index, row in enumerate(rows):
        blocks = read(row["text"], "<item>").blocks
        texts.append(" ".join(b.text for b in blocks) or row["text"])
        pages[row.get("source") or f"item:{index}"].append(index)
    on_page: dict[int, tuple] = {}
    reported: dict[int, int] = {}
    for members in pages.values():
        page_texts = [texts[i] for i in members]
        words = _unit_words(page_texts, compiled, decide(page_texts, compiled.page_cues))
        for position, index in enumerate(members):
            on_page[index], reported[index] = words[position]
    items = []
    for index, row in enumerate(rows):
        single = [texts[index]]
        (alone, alone_candidate, alone_signalled), alone_rules = _unit_words(
            single, compiled, decide(single, compiled.page_cues))[0]
        items.append(Item(row, on_page[index][0], alone, reported[index] > 0, on_page[index][1],
                          alone_rules > 0, alone_candidate, reported[index], alone_rules,
                          on_page[index][2], alone_signalled))
    return items


def _unit_words(texts: list[str], compiled, page) -> list[tuple[tuple[tuple[str, ...], bool, bool], int]]:
    """For each block: ((feature words, is a candidate, holds a ``feature:
    false`` term), of how many categories pack rules report it)."""
    from claimcheck.engine import analyse
    from claimcheck.scorer.features import features
    from claimcheck.scoring import signalled

    hits, candidates, _ = analyse(texts, compiled, page, scoring=True, whole_blocks=True)
    by_block = {c.block: c for c in candidates}
    rules: dict[int, set[str]] = defaultdict(set)
    for hit in hits:
        rules[hit.block].add(compiled.category_of[hit.rule_id])
    found = []
    for index, text in enumerate(texts):
        if index in by_block:
            candidate = by_block[index]
            found.append(((candidate.words, True, signalled(candidate, compiled)), len(rules.get(index, ()))))
        else:
            tokens = [t.text for t in compiled.tokenize(text)]
            words = tuple(features(tokens, 0, len(tokens), {}, page, compiled.conditions, compiled.names))
            found.append(((words, False, False), len(rules.get(index, ()))))
    return found


def fit(items: Sequence[Item], output: Path, config: Path = CONFIG, overrides: dict | None = None,
        quiet: bool = True) -> Path:
    """Train with spaCy's training loop; the pipeline is written to ``output``."""
    import spacy
    from spacy.cli.train import train as spacy_train
    from spacy.tokens import Doc, DocBin

    vocab = spacy.blank("en").vocab
    bin_ = DocBin(store_user_data=False)
    for item in items:
        # Both views, once if equal; a paragraph of a labeled page only on its page
        # (alone, a page's many neutral paragraphs would teach that lone sentences are rarely claims).
        views = (item.on_page,) if item.row.get("page") else (item.on_page, item.alone)
        for words in dict.fromkeys(views):
            doc = Doc(vocab, words=list(words) or ["#empty"])
            doc.cats = item.cats
            bin_.add(doc)
    with tempfile.TemporaryDirectory(prefix="claimcheck-train-") as tmp:
        corpus = Path(tmp) / "train.spacy"
        bin_.to_disk(corpus)
        settings = {"paths.train": str(corpus), "paths.dev": str(corpus), **(overrides or {})}
        if quiet:
            import contextlib
            import io

            with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
                _quiet_train(spacy_train, config, Path(tmp) / "out", settings)
        else:
            spacy_train(config, Path(tmp) / "out", overrides=settings)
        if output.exists():
            shutil.rmtree(output)
        shutil.copytree(Path(tmp) / "out" / "model-last", output)
    _sort_strings(output / "vocab" / "strings.json")
    _forget_paths(output / "config.cfg", str(corpus))
    return output


def _forget_paths(config: Path, corpus: str) -> None:
    """The shipped config names no temporary folder (the same bytes on every run)."""
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace(f'"{corpus}"', '"train.spacy"'), encoding="utf-8")


def _sort_strings(path: Path) -> None:
    """spaCy writes its string store in the order it met the strings, which
    would replay the training sentences word by word; the order carries no
    meaning (strings are looked up by hash), so it is written sorted."""
    strings = json.loads(path.read_text(encoding="utf-8"))
    path.write_text(json.dumps(sorted(set(strings)), ensure_ascii=False), encoding="utf-8")


def _quiet_train(spacy_train, config, out, settings):
    import logging

    logger = logging.getLogger("spacy")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        spacy_train(config, out, overrides=settings)
    finally:
        logger.setLevel(level)


def write_provenance(output: Path, paths: Sequence[Path], items: Sequence[Item], split: str) -> None:
    meta_path = output / "meta.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    claims = sum(1 for i in items if i.row["label"] == "claim")
    meta["name"] = "claim_scorer"
    meta["claimcheck"] = {
        "features_version": FEATURES_VERSION,
        "trained": datetime.date.today().isoformat(),
        "split": split,
        "items": len(items),
        "claims": claims,
        "ok": len(items) - claims,
        "families": len({i.row.get("family") or i.row.get("source") for i in items if not i.row.get("own")}),
        "own_sentences": sum(1 for i in items if i.row.get("own")),
        "labels": list(LABELS),
        "files": [{"name": f"{Path(p).resolve().parent.name}/{Path(p).name}", "sha256": _sha256(Path(p))}
                  for p in paths],
        "config_sha256": hashlib.sha256(CONFIG.read_bytes()).hexdigest(),
        "libraries": _versions(LIBRARIES),
    }
    meta_path.write_text(json.dumps(meta, indent=2, sort_keys=True) + "\n", encoding="utf-8")


# The libraries whose arithmetic the weights depend on: the same inputs give
# byte-identical weights with the same versions; other versions may differ in
# the last bits of a float (thinc 8.3.14 and numpy 2.4.6 against the versions
# of an earlier session: at most 1.5e-7, findings identical on every labelled page).
LIBRARIES = ("spacy", "thinc", "numpy", "blis")


def _versions(names: Sequence[str]) -> dict[str, str]:
    from importlib.metadata import PackageNotFoundError, version

    found = {}
    for name in names:
        try:
            found[name] = version(name)
        except PackageNotFoundError:
            found[name] = "not installed"
    return found


def _sha256(path: Path) -> str:
    """Of a file's bytes, or of a folder's files (names and contents, in order)."""
    if path.is_file():
        return hashlib.sha256(path.read_bytes()).hexdigest()
    digest = hashlib.sha256()
    for file in sorted(path.rglob("*")):
        if file.is_file():
            digest.update(file.name.encode() + b"\0" + file.read_bytes())
    return digest.hexdigest()


def select(rows: Sequence[dict], split: str) -> list[dict]:
    """``train``: the corpus train split and items without a split (other
    labeled sets); ``all``: everything."""
    if split == "all":
        return list(rows)
    return [r for r in rows if r.get("split", "train") == "train"]


def folds(items: Sequence[Item], k: int, seed: int = 0) -> list[list[int]]:
    """Indices of ``k`` folds, grouped by family (or source), balanced by size."""
    groups: dict[str, list[int]] = defaultdict(list)
    for index, item in enumerate(items):
        groups[item.row.get("family") or item.row.get("source") or str(index)].append(index)
    names = sorted(groups)
    random.Random(seed).shuffle(names)
    names.sort(key=lambda n: -len(groups[n]))
    found: list[list[int]] = [[] for _ in range(k)]
    for name in names:
        min(found, key=len).extend(groups[name])
    return found


def cross_validate(items: Sequence[Item], k: int = 5, overrides: dict | None = None,
                   config: Path = CONFIG, own: Sequence[Item] = ()) -> list[dict[str, float]]:
    """Out-of-fold scores for every item (on its page), folds grouped by
    family; ``own`` items are in every fold's training and are not scored."""
    return cross_validate_views(items, k, overrides, config, own)["on_page"]


def cross_validate_views(items: Sequence[Item], k: int = 5, overrides: dict | None = None,
                         config: Path = CONFIG, own: Sequence[Item] = (),
                         views: Sequence[str] = ("on_page",)) -> dict[str, list[dict[str, float]]]:
    """:func:`cross_validate`'s out-of-fold scores for each of ``views``
    (``on_page``, ``alone``: the item checked on its page or on its own),
    each fold's model trained once."""
    from claimcheck.scorer.classifier import Classifier

    scores: dict[str, list] = {view: [None] * len(items) for view in views}
    for fold in folds(items, k):
        held = set(fold)
        with tempfile.TemporaryDirectory(prefix="claimcheck-cv-") as tmp:
            model = fit([it for i, it in enumerate(items) if i not in held] + list(own), Path(tmp) / "model",
                        config=config, overrides=overrides)
            write_provenance(model, [], [], "cv")
            classifier = Classifier(model)
            for view in views:
                for index, found in zip(fold, classifier.scores([getattr(items[i], view) for i in fold])):
                    scores[view][index] = found
    return scores


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m claimcheck.train", description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+", type=Path, help="labeled JSONL files or folders of labeled pages")
    parser.add_argument("--split", choices=("train", "all"), default="train",
                        help="train on the corpus train split (default) or on every item")
    parser.add_argument("--output", type=Path, default=MODEL_DIR, help=f"where to write the model ({MODEL_DIR})")
    parser.add_argument("--own", nargs="+", action="extend", type=Path, default=[], metavar="JSONL",
                        help="labeled sentences we wrote: always trained on, never held out or scored")
    parser.add_argument("--own-pages", nargs="+", action="extend", type=Path, default=[], metavar="DIR",
                        help="folders of labeled pages we wrote (any format, read as claimcheck reads them): "
                             "always trained on, never held out or scored")
    parser.add_argument("--no-rule-examples", action="store_true",
                        help="leave the pack rules' examples out of training")
    parser.add_argument("--cv", type=int, default=0, metavar="K", help="report K-fold family-grouped CV instead")
    parser.add_argument("--set", action="append", default=[], metavar="KEY=VALUE", dest="settings",
                        help="a spaCy config override for --cv, e.g. "
                             "components.textcat_multilabel.model.ngram_size=3 (repeatable)")
    args = parser.parse_args(argv)
    missing = [p for p in [*args.paths, *args.own, *args.own_pages]
               if not p.is_file() and not (p / "labels.json").is_file()]
    if missing:
        print(f"no labeled data at {missing[0]}", file=sys.stderr)
        return 2
    rows = select(read_rows(args.paths), args.split)
    items = featurize(rows)
    own = featurize(own_rows(args.own, rule_examples=not args.no_rule_examples)
                    + [dict(row, own=True) for folder in args.own_pages for row in read_page_rows(folder)])
    if args.cv:
        from claimcheck.scorer.evaluate import report

        overrides = {}
        for setting in args.settings:
            key, _, value = setting.partition("=")
            try:
                overrides[key] = json.loads(value)  # numbers, true/false, lists
            except ValueError:
                overrides[key] = value
        print(report(items, cross_validate(items, args.cv, overrides=overrides or None, own=own), DEFAULT_THRESHOLD))
        return 0
    fit([*items, *own], args.output)
    write_provenance(args.output, [*args.paths, *args.own, *(f / "labels.json" for f in args.own_pages)],
                     [*items, *own], args.split)
    size = sum(f.stat().st_size for f in args.output.rglob("*") if f.is_file())
    print(f"trained on {len(items)} labeled items ({args.split}) and {len(own)} of our own sentences; "
          f"model in {args.output} ({size / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
