"""How well claimcheck finds claims: sentences and whole pages.

Usage:
    python bench/accuracy.py                 # corpus dev split + documents, packs / scorer / combined
    python bench/accuracy.py --cv            # also 5-fold family-grouped cross-validation (slow)
    python bench/accuracy.py --cv --seeds 4  # and 4 more with other training seeds: the noise of retraining
    python bench/accuracy.py --train-seeds 3 # dev and documents with the train-split scorer under seeds 1..3
    python bench/accuracy.py PATH.jsonl      # any labeled sentences (text, label claim|ok)
    python bench/accuracy.py FOLDER          # any labeled pages (labels.json, as in ../shared/eval/documents)
    python bench/accuracy.py FOLDER --pages-at REV  # only the pages FOLDER's labels.json held at git revision REV
    python bench/accuracy.py --show          # list misses and false alarms of the combined linter
    python bench/accuracy.py --per-rule      # each pack rule's true and false alarms on all labeled sentences

Sentences: every item is linted on its own, as one sentence checked alone
(``alone``), and on a page made of the items of its ``source`` (``on page``:
the page's voice and topic come from its other items). A sentence counts as
flagged when some sentence-level finding is on it. Borderline items (``note``
says so) are counted and also left out in a second line.

The scorer measured on ``dev`` must not have seen ``dev``: unless ``--model``
names one, a model is trained on the train split and ``documents-more`` first
(``python -m claimcheck.train``, under a minute) into a cache folder. The
shipped model was trained on every labeled item but ``documents/`` (its
meta.json says which).

Pages: ``../shared/eval/documents`` (and ``documents-more``), line 1 blanked:
expected claim lines found, false lines (flagged, neither expected nor
optional) on responsible and on promotional pages, and missing-disclaimer
verdicts. Then ``bench/data/pages``: pages we wrote ourselves in the same
format, which no model trains on, measured with
the train-split model and with the shipped one, and ``bench/data/pages-web``:
HTML and Markdown pages as sites publish them, linted as they are (the
shipped model). The sentences of
``bench/data/measure-only`` (grouped into pages by ``source``) are ours to
measure with too and are never trained on: pass one as ``PATH`` with
``--model src/claimcheck/scorer/model``. This is a benchmark, not a test: it
never fails.
"""

from __future__ import annotations

import argparse
import functools
import hashlib
import html
import json
import statistics
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

from claimcheck.api import Linter
from claimcheck.compiled import disclaimer_pattern
from claimcheck.files import decode
from claimcheck.findings import Level
from claimcheck.kinds.scorer import DEFAULT_THRESHOLD
from claimcheck.scorer.classifier import CLAIM, MODEL_DIR
from claimcheck.scorer.evaluate import prf

MISSING_DISCLAIMER = "missing-disclaimer"  # the category of the page-level disclaimer rules

HERE = Path(__file__).resolve().parent
SHARED = HERE.parents[1] / "shared" / "eval"
CORPUS = SHARED / "corpus" / "claims.jsonl"
OLD_DEV = SHARED / "dev" / "claims.jsonl"
PAGES = SHARED / "documents-more"  # labeled pages the scorer trains on
OWN = sorted((HERE / "data").glob("*.jsonl"))  # our own labeled sentences: always trained on
OWN_PAGES = HERE / "data" / "pages"  # our own labeled pages: never trained on, never tuned on
# ... and pages as sites publish them (HTML with menus and footers, Markdown
# with front matter), read in their own format
WEB_PAGES = HERE / "data" / "pages-web"
OUR_PAGES = (OWN_PAGES, WEB_PAGES)
WEB_FORMATS = {"html": "html", "md": "markdown"}
DOCUMENTS = (SHARED / "documents", PAGES, OWN_PAGES)
CACHE = Path.home() / ".cache" / "claimcheck" / "bench-models"
SYSTEMS = ("keywords", "packs", "scorer", "combined")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", type=Path, help="labeled JSONL (default: the corpus dev split)")
    parser.add_argument("--model", type=Path, help="scorer model to measure (default: one trained on train)")
    parser.add_argument("--threshold", type=float, default=None, help="claim score threshold (default: the rules')")
    parser.add_argument("--cv", action="store_true", help="also 5-fold family-grouped cross-validation")
    parser.add_argument("--our-pages", choices=("all", "candidates"), default="",
                        help="with --cv, every fold's training also holds our labeled pages' blocks (all, or the "
                             "claims and the blocks the engine scores): an experiment, see bench/our_pages_cv.py")
    parser.add_argument("--seeds", type=int, default=0, metavar="N",
                        help="with --cv, also N more cross-validations with other training seeds (1..N): how much "
                             "the figures move from retraining alone")
    parser.add_argument("--train-seeds", type=int, default=0, metavar="N",
                        help="also the dev split and the documents with the train-split scorer trained under seeds "
                             "1..N (combined figures only): how much one build's dev figure moves from retraining")
    parser.add_argument("--show", action="store_true", help="list misses and false alarms (combined)")
    parser.add_argument("--per-rule", action="store_true",
                        help="also each pack rule's findings on all labeled sentences (each alone, no scorer): "
                             "how many are on claims and how many on ok sentences")
    parser.add_argument("--no-documents", action="store_true", help="skip the whole pages")
    parser.add_argument("--packed", action="store_true",
                        help="pages also with their blank lines removed (one paragraph a line, as copied from a browser)")
    parser.add_argument("--markdown", action="store_true", help="pages also read as Markdown")
    parser.add_argument("--as-is", action="store_true",
                        help="pages also linted as the files are, their first line (the source) not blanked")
    parser.add_argument("--html", action="store_true",
                        help="pages also as HTML: a <p> a line, and a title in one <p> with its paragraph (<br> between)")
    parser.add_argument("--pages-at", metavar="REV",
                        help="with a FOLDER of labeled pages: only the pages its labels.json held at git revision REV "
                             "(an earlier set, as it reads today: \"the 575 pages of the thirty-first session's start\")")
    parser.add_argument("--leave-out", nargs="+", type=Path, default=[], metavar="JSONL",
                        help="sets of ours (files of bench/data): each measured by a scorer trained as shipped "
                             "but without it, then all of them pooled")
    args = parser.parse_args(argv)
    if args.leave_out:
        leave_out_report(args.leave_out, args.threshold)
        return 0
    if args.path is not None and (args.path / "labels.json").is_file():
        model = args.model or MODEL_DIR
        print(f"scorer model: {model}")
        names = _pages_at(args.path, args.pages_at) if args.pages_at else None
        documents_report(args.path, Systems(model, args.threshold), args.show, _forms(args), names)
        return 0
    sentences = args.path or CORPUS
    if not sentences.is_file():
        print(f"no labeled data at {sentences}; nothing to measure", file=sys.stderr)
        return 0
    model = args.model or _train_split_model()
    print(f"scorer model: {model}")
    systems = Systems(model, args.threshold)
    from claimcheck.train import read_rows

    rows = read_rows([sentences])
    if args.path is None:
        rows = [r for r in rows if r.get("split") == "dev"]
        print(f"\n== sentences: corpus dev split ({len(rows)} items, families never seen in training)")
    else:
        print(f"\n== sentences: {sentences} ({len(rows)} items)")
    sentence_report(rows, systems, args.show)
    if args.per_rule:
        per_rule_report()
    if args.train_seeds and args.path is None:
        seeds_report(rows, args.train_seeds, args.threshold)
    if args.cv:
        cv_report(args.seeds, args.threshold, args.our_pages)
        if (PAGES / "labels.json").is_file():
            pages_cv_report()
    if not args.no_documents:
        for folder in DOCUMENTS:
            if (folder / "labels.json").is_file():
                documents_report(folder, systems, args.show, _forms(args))
        print(f"\n(the shipped model, {MODEL_DIR.name}, on pages none of its training saw)")
        documents_report(OWN_PAGES, Systems(MODEL_DIR, args.threshold), args.show, _forms(args))
        documents_report(WEB_PAGES, Systems(MODEL_DIR, args.threshold), args.show)
    return 0


@functools.cache
def own_items(our_pages: str = "") -> list:
    """Our own labeled sentences (``OWN`` and the pack rules' examples) as
    the scorer reads them: featurized once a run, for every model trained
    here. ``our_pages`` ("all" or "candidates"): also our labeled pages'
    blocks (``bench/data/pages``, ``pages-web``), all of them or the claims
    and the blocks the engine would score (an experiment: the shipped
    scorer does not learn from them)."""
    from claimcheck import train

    return train.featurize(train.own_rows(OWN)) + (list(our_page_items(our_pages)) if our_pages else [])


@functools.cache
def our_page_items(our_pages: str = "all") -> tuple:
    """The blocks of our labeled pages (``OUR_PAGES``) as the scorer reads
    them (``claimcheck.train.read_page_rows``): all of them, or
    ("candidates") the claims and the blocks the engine would score."""
    from claimcheck import train

    pages = train.featurize([dict(row, own=True) for folder in OUR_PAGES for row in train.read_page_rows(folder)])
    return tuple(i for i in pages if our_pages == "all" or i.candidate or i.row["label"] == "claim")


def _train_split_model(seed: int = 0) -> Path:
    """A scorer trained on the train split only (under training ``seed``; 0:
    the config's), cached by the inputs' hashes."""
    from claimcheck import train
    from claimcheck.scorer import features

    digest = hashlib.sha256(f"seed {seed}".encode() if seed else b"")
    for path in (CORPUS, OLD_DEV, PAGES / "labels.json", train.CONFIG, *OWN):
        digest.update(path.read_bytes() if path.is_file() else b"")
    code = Path(features.__file__).resolve().parents[1]  # the features depend on the engine, packs and cues
    for path in sorted([*code.rglob("*.py"), *(HERE.parent / "rules").rglob("*.yaml")]):
        digest.update(path.read_bytes())
    folder = CACHE / digest.hexdigest()[:16]
    if not (folder / "meta.json").is_file():
        print("training a scorer on the train split (python -m claimcheck.train) ...", file=sys.stderr)
        paths = [p for p in (CORPUS, OLD_DEV) if p.is_file()] + ([PAGES] if (PAGES / "labels.json").is_file() else [])
        rows = train.select(train.read_rows(paths), "train")
        items = train.featurize(rows) + own_items()
        train.fit(items, folder, overrides={"system.seed": seed} if seed else None)
        train.write_provenance(folder, [*paths, *OWN], items, "train")
    return folder


class Systems:
    """The four systems measured: keyword regex, packs, scorer, packs + scorer."""

    def __init__(self, model: Path, threshold: float | None):
        # With the disclaimer rules, as shipped (the scorer never reports a
        # sentence holding a disclaimer); their page-level findings are not
        # counted on sentences (see sentence_flags).
        self.combined = Linter.from_folders(model=model)
        self.packs = Linter.from_folders(scorer=False)
        self.full = Linter.from_folders(model=model)  # with document rules, for pages
        self.threshold = threshold
        if threshold is not None:
            self.combined = _with_threshold(self.combined, threshold, model)
            self.full = _with_threshold(self.full, threshold, model)

    def scores(self, texts: list[str]) -> list[list[tuple[int, int, int, float]]]:
        """The scorer alone: (block, start, end, claim score) of every candidate
        sentence of a page made of ``texts`` (pack findings ignored)."""
        from claimcheck.engine import analyse
        from claimcheck.page import decide

        compiled = self.combined.compiled
        page = decide(texts, compiled.page_cues)
        _, candidates, _ = analyse(texts, compiled, page)
        scored = compiled.classifier.scores([c.words for c in candidates])
        found: list[list] = [[] for _ in texts]
        for candidate, score in zip(candidates, scored):
            found[candidate.block].append((candidate.block, candidate.start, candidate.end, score.get(CLAIM, 0.0)))
        return found

    @property
    def cut(self) -> float:
        from claimcheck.kinds.scorer import threshold

        if self.threshold is not None:
            return self.threshold
        rules = [r for r in self.combined.ruleset.rules if r.kind == "scorer"]
        return min((threshold(r) for r in rules), default=DEFAULT_THRESHOLD)


def _with_threshold(linter: Linter, value: float, model: Path) -> Linter:
    import dataclasses

    from claimcheck.ruleset import RuleSet

    rules = tuple(dataclasses.replace(r, options={**r.options, "threshold": value}) if r.kind == "scorer" else r
                  for r in linter.ruleset.rules)
    ruleset = linter.ruleset
    return Linter(RuleSet(ruleset.packs, rules, ruleset.vocabularies, ruleset.context), model)


# -- sentences ----------------------------------------------------------------


def sentence_flags(rows: list[dict], systems: Systems, on_page: bool) -> dict[str, list[bool]]:
    """For each system, whether each row is flagged."""
    sys.path.insert(0, str(HERE))
    from baseline import findings as keyword_findings

    from claimcheck.readers import reader

    read = reader("text")
    flags: dict[str, list[bool]] = {name: [False] * len(rows) for name in SYSTEMS}
    groups: dict[str, list[int]] = defaultdict(list)
    for index, row in enumerate(rows):
        groups[(row.get("source") or str(index)) if on_page else str(index)].append(index)
        flags["keywords"][index] = bool(keyword_findings(row["text"]))
    for members in groups.values():
        # one item a paragraph; each finding is mapped back to its item by offset
        texts = [" ".join(row["text"].split()) for row in (rows[i] for i in members)]
        source = "\n\n".join(texts)
        starts, position = [], 0
        for text in texts:
            starts.append(position)
            position += len(text) + 2

        def item_of(offset: int, members=members, starts=starts) -> int:
            return members[max(k for k, s in enumerate(starts) if s <= offset)]

        for name, linter in (("packs", systems.packs), ("combined", systems.combined)):
            for finding in linter.lint_text(source, format="text"):
                if finding.category != MISSING_DISCLAIMER:
                    flags[name][item_of(finding.offset)] = True
        blocks = read(source, "<page>").blocks
        for block_scores in systems.scores([b.text for b in blocks]):
            for block, start, _, score in block_scores:
                if score >= systems.cut:
                    flags["scorer"][item_of(blocks[block].source_offset(start))] = True
    return flags


def seeds_report(rows: list[dict], seeds: int, threshold: float | None) -> None:
    """The dev split (packs + scorer, alone and on pages) and the documents'
    line counts with the train-split scorer trained under seeds 1..``seeds``."""
    gold = [r["label"] == "claim" for r in rows]
    labels = json.loads((DOCUMENTS[0] / "labels.json").read_text(encoding="utf-8")) \
        if (DOCUMENTS[0] / "labels.json").is_file() else {}
    print(f"\n== dev split and documents, the train-split scorer under training seeds 1 to {seeds} (combined)")
    for seed in range(1, seeds + 1):
        systems = Systems(_train_split_model(seed), threshold)
        figures = []
        for on_page in (False, True):
            p, r, f, *_ = prf(gold, sentence_flags(rows, systems, on_page)["combined"])
            figures.append(f"P {p:.3f} R {r:.3f} F1 {f:.3f}")
        print(f"  seed {seed}: dev alone {figures[0]}; on pages {figures[1]}")
        if labels:
            counts = PageCounts()
            for file, label in sorted(labels.items()):
                counts.add(DOCUMENTS[0], file, label, systems.full)
            print(f"          {DOCUMENTS[0].name}: {counts}")


def sentence_report(rows: list[dict], systems: Systems, show: bool) -> None:
    gold = [r["label"] == "claim" for r in rows]
    plain = [i for i, r in enumerate(rows) if "borderline" not in (r.get("note") or "")]
    for on_page in (False, True):
        if on_page and not any(r.get("source") for r in rows):
            continue
        flags = sentence_flags(rows, systems, on_page)
        print(f"\n-- {'on page (items of one source form a page)' if on_page else 'alone (each sentence checked on its own)'}")
        print(f"{'system':10} {'all items':36} {'without borderline':36}")
        for name in SYSTEMS:
            p, r, f, *_ = prf(gold, flags[name])
            p2, r2, f2, *_ = prf([gold[i] for i in plain], [flags[name][i] for i in plain])
            print(f"{name:10} P {p:.3f} R {r:.3f} F1 {f:.3f}       P {p2:.3f} R {r2:.3f} F1 {f2:.3f}")
        if not on_page:
            print("per category (recall of claims; combined)")
            by_category = defaultdict(list)
            for index, row in enumerate(rows):
                if gold[index]:
                    by_category[row["category"]].append(flags["combined"][index])
            for category, found in sorted(by_category.items()):
                print(f"  {category:22} R {sum(found) / len(found):.3f} ({sum(found)}/{len(found)})")
            ok_flags = [flags["combined"][i] for i, g in enumerate(gold) if not g]
            print(f"  {'ok items flagged':22} {sum(ok_flags)}/{len(ok_flags)}")
            if show:
                print("\nmisses (combined):")
                for index, row in enumerate(rows):
                    if gold[index] and not flags["combined"][index]:
                        print(f"  [{row['category']}] {row['text']}")
                print("\nfalse alarms (combined):")
                for index, row in enumerate(rows):
                    if not gold[index] and flags["combined"][index]:
                        print(f"  {row['text']}")
    print(f"(borderline items: {len(rows) - len(plain)} of {len(rows)})")


def leave_out_report(paths: list[Path], threshold: float | None = None) -> None:
    """Each of our sets (``paths``, files of ``OWN``) measured by a scorer
    trained as shipped (every labelled item and our other sentences) but
    without that set: what the set's sentences are to a scorer that never
    saw them, and so what our other sets taught it."""
    import tempfile

    from claimcheck import train

    shared = [p for p in (CORPUS, OLD_DEV) if p.is_file()] + ([PAGES] if (PAGES / "labels.json").is_file() else [])
    items = train.featurize(train.read_rows(shared))
    pooled: dict[bool, tuple[list, list]] = {False: ([], []), True: ([], [])}  # gold and flags, alone / on pages
    print("\n== our sets, each measured by a scorer trained as shipped without it (combined)")
    for path in paths:
        path = path.resolve()
        own = train.featurize(train.own_rows([p for p in OWN if p.resolve() != path]))
        rows = train.read_rows([path])
        gold = [r["label"] == "claim" for r in rows]
        figures = []
        with tempfile.TemporaryDirectory(prefix="claimcheck-leave-out-") as tmp:
            model = train.fit(items + own, Path(tmp) / "model")
            train.write_provenance(model, [], [], "leave-out")
            systems = Systems(model, threshold)
            for on_page in (False, True):
                flags = sentence_flags(rows, systems, on_page)["combined"]
                pooled[on_page][0].extend(gold)
                pooled[on_page][1].extend(flags)
                figures.append(prf(gold, flags)[2])
        print(f"  {path.name}: F1 {figures[0]:.3f} alone, {figures[1]:.3f} on pages ({len(rows)} sentences)")
    for on_page in (False, True):
        p, r, f, *_ = prf(*pooled[on_page])
        print(f"all {len(pooled[on_page][0])} sentences, {'on pages' if on_page else 'alone'}: "
              f"P {p:.3f} R {r:.3f} F1 {f:.3f}")


def cv_report(seeds: int = 0, threshold: float | None = None, our_pages: str = "") -> None:
    """Family-grouped cross-validation of the shared sentences, at the
    scorer rules' default threshold or at ``threshold`` (the per-seed lines
    too), with veto and threshold sweeps."""
    from claimcheck import train
    from claimcheck.scorer.evaluate import report

    at = DEFAULT_THRESHOLD if threshold is None else threshold
    paths = [p for p in (CORPUS, OLD_DEV) if p.is_file()]
    items = train.featurize(train.read_rows(paths))
    print("\n== 5-fold cross-validation grouped by family (all labeled sentences, on their pages)")
    by_view = train.cross_validate_views(items, 5, own=own_items(our_pages), views=("on_page", "alone"))
    scores = by_view["on_page"]
    print(report(items, scores, at))
    gold = [i.row["label"] == "claim" for i in items]
    from claimcheck.kinds.scorer import AGREEING_RULES, CONFIRM_MAX_TOKENS, confirm_threshold
    from claimcheck.scorer.cutoffs import confirming, needed

    def voice(words) -> str:  # the page's voice is the first feature word
        return words[0].partition(":")[2] if words else "unknown"

    def cut(words, rules: int = 1, signalled: bool = False) -> float:
        if sum(not w.startswith("#") for w in words) > CONFIRM_MAX_TOKENS:
            return 0.0  # an overlong sentence is not held for confirmation (its words stand in for tokens)
        if voice(words) == "unknown" and rules >= AGREEING_RULES:
            return 0.0  # two pack rules agree: not held either
        confirm = confirm_threshold(voice(words))
        return 0.0 if confirm is None else confirming(confirm, words, voice(words) == "informational", signalled)

    def flagged(threshold: float, veto=cut, view: str = "on_page", scored=by_view) -> list[bool]:
        """Pack findings that stand (``veto``: the score each needs), or the
        scorer's at ``threshold`` (raised or not scored by the engine's own
        :func:`~claimcheck.scorer.cutoffs.needed`), each item on its page or
        (``view="alone"``) alone, with the cross-validated scores ``scored``."""
        found = []
        for i, s, a_disclaimer in zip(items, scored[view], holds_disclaimer):
            words = getattr(i, view)
            reported, candidate, rules, signalled = (
                (i.reported, i.candidate, i.rules, i.signalled) if view == "on_page"
                else (i.alone_reported, i.alone_candidate, i.alone_rules, i.alone_signalled))
            claim = s.get(CLAIM, 0.0)
            cut = needed(threshold, words, voice(words) == "informational", i.row["text"], signalled=signalled)
            found.append((reported and claim >= veto(words, rules, signalled))
                         or (candidate and not a_disclaimer and cut is not None and claim >= cut))
        return found

    disclaimer = disclaimer_pattern(Linter.from_folders().ruleset.rules)  # as the engine's, without compiling
    holds_disclaimer = [disclaimer is not None and disclaimer.search(i.row["text"]) is not None for i in items]
    p, r, f, *_ = prf(gold, flagged(at, veto=lambda words, rules, signalled: 0.0))
    print(f"combined, no veto                   P {p:.3f}  R {r:.3f}  F1 {f:.3f}")
    p, r, f, *_ = prf(gold, flagged(at))
    print(f"combined, pack findings confirmed by voice (as shipped) P {p:.3f}  R {r:.3f}  F1 {f:.3f}")
    p, r, f, *_ = prf(gold, flagged(at, view="alone"))
    print(f"as shipped, each sentence checked alone           P {p:.3f}  R {r:.3f}  F1 {f:.3f}")
    print("if the scorer vetoed pack findings it scores below v on every page "
          "(shipped: 0.3 on informational pages, 0.2 on pages of unknown voice):")
    for value in (0.05, 0.1, 0.15, 0.2, 0.3):
        p, r, f, *_ = prf(gold, flagged(at, veto=lambda words, rules, signalled: value))
        print(f"  v = {value:.2f}                          P {p:.3f}  R {r:.3f}  F1 {f:.3f}")
    print(f"the scorer alone, and as shipped, at other thresholds (above: {at}):")
    for value in (0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.7):
        alone = [i.candidate and s.get(CLAIM, 0.0) >= value for i, s in zip(items, scores)]
        p, r, f, *_ = prf(gold, alone)
        sp, sr, sf, *_ = prf(gold, flagged(value))
        print(f"  t = {value:.2f}  alone P {p:.3f}  R {r:.3f}  F1 {f:.3f}; as shipped P {sp:.3f}  R {sr:.3f}  F1 {sf:.3f}")
    # What the engine's candidacy costs: a sentence holding no term of any
    # vocabulary is never scored. Flag those too, at a higher threshold.
    never = [not i.candidate and not i.reported for i in items]
    print(f"never scored (no term of any vocabulary): {sum(g and n for g, n in zip(gold, never))} of "
          f"{sum(gold)} claims, {sum(n and not g for g, n in zip(gold, never))} ok sentences; scored too at:")
    shipped_flags = flagged(at)
    cuts = [needed(at, i.on_page, voice(i.on_page) == "informational", i.row["text"]) if unscored else None
            for i, unscored in zip(items, never)]  # (the same at every value below)
    for value in (0.5, 0.6, 0.7, 0.8, 0.9):
        also = []
        for s, a_disclaimer, found, unscored, cut in zip(scores, holds_disclaimer, shipped_flags, never, cuts):
            also.append(found or (unscored and not a_disclaimer and cut is not None
                                  and s.get(CLAIM, 0.0) >= max(value, cut)))
        p, r, f, *_ = prf(gold, also)
        print(f"  {value:.1f}                              P {p:.3f}  R {r:.3f}  F1 {f:.3f}")
    if seeds:
        # The same folds and data, the scorer trained with other seeds: a
        # change to the training set moves the figures by about this much
        # whatever it teaches, so smaller differences between builds are noise.
        shipped = {0: (prf(gold, flagged(at))[2], prf(gold, flagged(at, view="alone"))[2])}
        for seed in range(1, seeds + 1):
            scored = train.cross_validate_views(items, 5, overrides={"system.seed": seed}, own=own_items(our_pages),
                                                views=("on_page", "alone"))
            shipped[seed] = (prf(gold, flagged(at, scored=scored))[2],
                             prf(gold, flagged(at, view="alone", scored=scored))[2])
        print("as shipped, by training seed (F1 on pages / each sentence alone):")
        for seed, (page, alone) in shipped.items():
            print(f"  seed {seed}{' (the config)' if seed == 0 else ''}: {page:.3f} / {alone:.3f}")
        for name, index in (("on pages", 0), ("alone", 1)):
            values = [v[index] for v in shipped.values()]
            print(f"  {name}: mean {statistics.mean(values):.3f}, range {min(values):.3f} to {max(values):.3f}")


def per_rule_report() -> None:
    """Each pack rule on every labeled sentence of ``../shared/eval`` (corpus
    and first dev set), each checked alone with the scorer off: on how many
    claims and how many ok sentences it fires, most false alarms first. For
    the effect of a rule or vocabulary change on the packs."""
    from claimcheck.train import read_rows

    rows = read_rows([p for p in (CORPUS, OLD_DEV) if p.is_file()])
    linter = Linter.from_folders(scorer=False)
    on_claims: dict[str, int] = defaultdict(int)
    on_ok: dict[str, int] = defaultdict(int)
    for row in rows:
        fired = {f.rule for f in linter.check(row["text"], "<item>.txt", "text").findings
                 if f.category != MISSING_DISCLAIMER}
        for rule in fired:
            (on_claims if row["label"] == "claim" else on_ok)[rule] += 1
    print(f"\n== pack rules on the {len(rows)} labeled sentences (each alone, scorer off)")
    for rule in sorted(set(on_claims) | set(on_ok), key=lambda r: (-on_ok[r], r)):
        claims, ok = on_claims[rule], on_ok[rule]
        print(f"  {rule:45s} on claims {claims:4d}  on ok sentences {ok:4d}  P {claims / (claims + ok):.2f}")
    # The scorer never reports a sentence holding a disclaimer form: how many
    # labeled sentences (ours trained on too) hold one, and how many are claims.
    disclaimer = disclaimer_pattern(linter.ruleset.rules)
    held = [r for r in rows + read_rows(OWN) if disclaimer is not None and disclaimer.search(r["text"])]
    print(f"\n  labeled sentences holding a disclaimer form: {len(held)}, "
          f"of them claims: {sum(r['label'] == 'claim' for r in held)}")


# -- pages --------------------------------------------------------------------


def _forms(args) -> list[tuple[str, bool, str]]:
    """How to read the pages: (name, blank lines removed, format)."""
    forms = [("", False, "text")]
    if args.packed:
        forms.append((", blank lines removed", True, "text"))
    if args.markdown:
        forms.append((", read as Markdown", False, "markdown"))
    if args.html:
        forms.append((", as HTML (a <p> a line)", False, "html"))
        forms.append((", as HTML (a title, <br>, its paragraph in one <p>)", False, "html-br"))
    if args.as_is:
        forms.append((", the files as they are (source line not blanked)", False, "as-is"))
    return forms


def documents_report(folder: Path, systems: Systems, show: bool, forms=(("", False, "text"),),
                     names: frozenset[str] | None = None) -> None:
    """Line-level results on the labeled pages in ``folder`` (only ``names``, if given)."""
    labels = json.loads((folder / "labels.json").read_text(encoding="utf-8"))
    if names is not None:
        labels = {name: label for name, label in labels.items() if name in names}
    trained = " (the scorer trained on these pages: a fit, not a measurement)" if folder == PAGES else ""
    print(f"\n== pages: {folder} ({len(labels)} pages){trained}")
    voices = _voice_agreement(folder, labels)
    print(f"page voice (claimcheck --show-context) matches the kind of page: {voices}")
    runs = (("packs", Linter.from_folders(scorer=False), Level.INFO), ("combined", systems.full, Level.INFO),
            ("combined, warning and error findings only", systems.full, Level.WARNING))
    for name, linter, lowest in runs:
        for form, packed, fmt in forms:
            counts = PageCounts()
            notes = [counts.add(folder, file, label, linter, lowest, packed, fmt) for file, label in sorted(labels.items())]
            print(f"{name}{form}:\n  {counts}")
            if show:
                for note in notes:
                    if note:
                        print(note)


def _pages_at(folder: Path, revision: str) -> frozenset[str]:
    """The names of the pages ``folder``'s labels.json held at git ``revision``."""
    shown = subprocess.run(["git", "show", f"{revision}:./labels.json"], cwd=folder, capture_output=True, text=True)
    if shown.returncode:
        raise SystemExit(f"--pages-at {revision}: {shown.stderr.strip()}")
    return frozenset(json.loads(shown.stdout))


class PageCounts:
    """Line-level results summed over labeled pages."""

    def __init__(self) -> None:
        self.found = self.expected = self.false_resp = self.false_promo = self.verdicts = self.pages = 0

    def add(self, folder: Path, file: str, label: dict, linter: Linter, lowest=Level.INFO, packed: bool = False,
            fmt: str = "text") -> str:
        """Lint one page (its first line, the source, blanked, unless ``fmt``
        is ``"as-is"``: the file as it is, as text; ``packed``: without its
        blank lines, a paragraph a line, findings' lines mapped back; an
        ``.html`` or ``.md`` page as it is, in its format); a note of what
        went wrong on it, or ``""``."""
        suffix = file.rpartition(".")[2]
        lines = _page_lines(folder, file)
        if suffix in WEB_FORMATS:
            # a page as a site publishes it, linted as it is: its source is
            # in an HTML comment or a front-matter field, which are not copy
            numbers, kept, fmt = list(range(1, len(lines) + 1)), lines, WEB_FORMATS[suffix]
        else:
            numbers, kept, fmt = _as_read(lines, packed, fmt)
        findings = linter.lint_text("\n".join(kept), path=file, format=fmt)
        flagged = {numbers[f.line - 1] for f in findings if f.category != MISSING_DISCLAIMER and f.level >= lowest}
        wanted = set(label["expected_claim_lines"])
        optional = set(label.get("quoted_claim_lines_optional", ())) | set(label.get("other_optional_lines", ()))
        false = flagged - wanted - optional
        self.found += len(wanted & flagged)
        self.expected += len(wanted)
        if file.startswith("resp_"):
            self.false_resp += len(false)
        else:
            self.false_promo += len(false)
        missing = any(f.category == MISSING_DISCLAIMER for f in findings)
        want = label.get("expect_missing_disclaimer_finding")
        right = want is None or want == missing
        self.verdicts += right
        self.pages += 1
        if wanted - flagged or false or not right:
            return (f"  {file}: missed {sorted(wanted - flagged)}, false {sorted(false)}, "
                    f"disclaimer finding {missing} (expected {want})")
        return ""

    def __str__(self) -> str:
        return (f"claim lines found {self.found}/{self.expected} ({self.found / max(self.expected, 1):.0%}); "
                f"false lines: responsible pages {self.false_resp}, promotional pages {self.false_promo}; "
                f"disclaimer verdicts {self.verdicts}/{self.pages}")


def _page_lines(folder: Path, file: str) -> list[str]:
    """A labelled page's lines, decoded as claimcheck decodes the file (an
    HTML page may declare another charset in its ``<meta>``)."""
    return decode((folder / file).read_bytes(), file, html=file.endswith(".html")).split("\n")


def _as_read(lines: list[str], packed: bool, fmt: str) -> tuple[list[int], list[str], str]:
    """A page of ours (a paragraph a line, the source on line 1) in the form
    ``fmt`` names: the numbers of the lines kept, the text's lines, and the
    format to read it in."""
    if fmt == "as-is":
        fmt = "text"  # claimcheck itself skips a "Source: ..." first line
    else:
        lines = ["", *lines[1:]]  # the source line
    numbers = [n for n, line in enumerate(lines, 1) if not packed or n == 1 or line.strip()]
    kept = [lines[n - 1] for n in numbers]
    if fmt == "html":  # each paragraph a <p> on its own line, so line numbers stay
        kept = [f"<p>{html.escape(line, quote=False)}</p>" if line.strip() else "" for line in kept]
    elif fmt == "html-br":
        kept, fmt = _titles_with_breaks(kept), "html"
    return numbers, kept, fmt


def _titles_with_breaks(lines: list[str]) -> list[str]:
    """A page as HTML where a title (a line of at most 12 words without a
    final stop) and the paragraph after it share one ``<p>``, a ``<br>``
    between ("<p><b>Knee care</b><br>Our cells..."), each on its own line."""
    paragraphs = [n for n, line in enumerate(lines) if line.strip()]
    out = list(lines)
    opened = set()
    for this, following in zip(paragraphs, paragraphs[1:]):
        line = lines[this].strip()
        if this not in opened and len(line.split()) <= 12 and line[-1:] not in ".!?:":
            out[this] = "<p>" + html.escape(line, quote=False) + "<br>"
            out[following] = html.escape(lines[following], quote=False) + "</p>"
            opened.add(following)
        elif this not in opened:
            out[this] = "<p>" + html.escape(line, quote=False) + "</p>"
    last = paragraphs[-1] if paragraphs else None
    if last is not None and last not in opened:
        out[last] = "<p>" + html.escape(lines[last].strip(), quote=False) + "</p>"
    return out


def pages_cv_report(k: int = 5, thresholds=(DEFAULT_THRESHOLD, 0.6, 0.7)) -> None:
    """The labeled pages the shipped scorer learns from (``documents-more``),
    each checked by a scorer trained without it: pages in ``k`` folds, each
    fold's model trained on the sentences and the other folds' pages; at
    the default threshold (the first) and others."""
    import tempfile

    from claimcheck import train

    labels = json.loads((PAGES / "labels.json").read_text(encoding="utf-8"))
    paths = [p for p in (CORPUS, OLD_DEV) if p.is_file()] + [PAGES]
    items = train.featurize(train.select(train.read_rows(paths), "train"))
    own = own_items()
    names = sorted(labels)
    counts = {value: PageCounts() for value in thresholds}
    for fold in range(k):
        held = {f"{PAGES.name}/{name}" for name in names[fold::k]}
        kept = [item for item in items if item.row.get("source") not in held]
        with tempfile.TemporaryDirectory(prefix="claimcheck-pages-cv-") as tmp:
            model = train.fit(kept + own, Path(tmp) / "model")
            train.write_provenance(model, [], [], "cv")
            shipped = Linter.from_folders(model=model)
            for value in thresholds:
                linter = shipped if value == thresholds[0] else _with_threshold(shipped, value, model)
                for name in names[fold::k]:
                    counts[value].add(PAGES, name, labels[name], linter)
    print(f"\n== pages: {PAGES} ({len(names)} pages), each checked by a scorer trained without it ({k} folds)")
    for value in thresholds:
        print(f"combined, scorer threshold {value}{' (the default)' if value == thresholds[0] else ''}:\n"
              f"  {counts[value]}")


def _voice_agreement(folder: Path, labels: dict) -> str:
    """How often the decided voice is the page's kind (promo_* promotional,
    resp_* informational), and what the others were decided as."""
    from collections import Counter

    from claimcheck.compiled import page_cues
    from claimcheck.page import decide
    from claimcheck.readers import reader

    cues = page_cues(Linter.from_folders(scorer=False).ruleset)
    right, others = 0, Counter()
    for file in sorted(labels):
        lines = _page_lines(folder, file)
        fmt = WEB_FORMATS.get(file.rpartition(".")[2])
        if fmt is None:
            fmt, lines[0] = "text", ""
        voice = decide([b.text for b in reader(fmt)("\n".join(lines), file).blocks], cues).voice
        kind = "promotional" if file.startswith("promo_") else "informational"
        if voice == kind:
            right += 1
        else:
            others[f"{kind} as {voice}"] += 1
    return f"{right}/{len(labels)} ({', '.join(f'{n} {k}' for k, n in sorted(others.items()))})"


if __name__ == "__main__":
    raise SystemExit(main())
