"""Where the time goes: seconds per MB for each stage of linting, in one process.

Usage: python bench/stages.py [--files 300]

Stages on a seeded corpus (bench/corpus.py): the prefilter, reading (Markdown
and text), spaCy's tokenizer, the phrase matcher, the token-pattern gate and
Matcher, the page context, the claim scorer on the sentences it sees, and the
whole engine per document with the scorer off and on (tokenizer + matchers +
rule kinds + scorer + findings). A benchmark, not a test.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus  # noqa: E402

SCORER = "claim scorer, per page, as in a run"
MATCHERS = "token Matchers (each rule's gated blocks)"
SHARED_EVAL = Path(__file__).resolve().parent.parent.parent / "shared" / "eval"

from claimcheck import engine  # noqa: E402
from claimcheck.api import Linter  # noqa: E402
from claimcheck.readers import format_for, reader  # noqa: E402


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=300)
    args = parser.parse_args(argv)
    folder = Path(tempfile.mkdtemp(prefix="claimcheck-stages-"))
    try:
        corpus.generate(folder, files=args.files)
        linter = Linter.from_folders()
        compiled = linter.compiled
        sources = [(str(p), p.read_text(encoding="utf-8")) for p in sorted(folder.iterdir())]
        mb = sum(len(s.encode("utf-8")) for _, s in sources) / 1e6
        times: dict[str, float] = {}

        def timed(name, work):
            start = time.perf_counter()
            result = work()
            times[name] = time.perf_counter() - start
            return result

        markdown = [s for p, s in sources if p.endswith(".md")]
        md_mb = sum(len(s.encode("utf-8")) for s in markdown) / 1e6
        from claimcheck.readers.markdown import make_parser

        pyrs = make_parser()
        parse_rs = _seconds(lambda: [pyrs.tree(s) for s in markdown])
        parse_py = None
        try:
            from markdown_it import MarkdownIt
            from mdit_py_plugins.front_matter import front_matter_plugin

            py = MarkdownIt("commonmark").enable("table").use(front_matter_plugin)
            parse_py = _seconds(lambda: [py.parse(s) for s in markdown])
        except ImportError:  # markdown-it-py is a test dependency
            pass
        # The HTML reader beside the Markdown reader: the same pages rendered
        # to HTML (by markdown-it-pyrs) inside a WordPress-like page shell.
        shell = ('<!DOCTYPE html><html><head><meta charset="utf-8"><title>Clinic</title></head><body>'
                 '<nav><a href="/">Home</a></nav><main>{}</main><footer><p>Contact us.</p></footer></body></html>')
        pages_html = [shell.format(pyrs.render(s)) for s in markdown]
        html_mb = sum(len(s.encode("utf-8")) for s in pages_html) / 1e6
        read_markdown = _seconds(lambda: [reader("markdown")(s, "p.md") for s in markdown])
        read_html = _seconds(lambda: [reader("html")(s, "p.html") for s in pages_html])
        timed("prefilter", lambda: [linter.prefilter.may_match(s) for _, s in sources])
        docs = timed("read", lambda: [reader(format_for(p))(s, p) for p, s in sources])
        texts = [b.text for d in docs for b in d.blocks]
        per_doc = [[b.text for b in d.blocks] for d in docs]
        # As the engine does: each document's blocks in groups.
        groups = [engine.JOINER.join(t[a:b]) for t in per_doc for a, b in engine._groups(t, engine.GROUP_CHARS)]
        tokens = timed("tokenize", lambda: [compiled.tokenize(g) for g in groups])
        # Spaces against newlines (the old way) between blocks, each with a fresh
        # tokenizer (its cache outlives a call): a newline is a spaCy special
        # case, which stops the tokenizer's cache for the rest of the Doc.
        from claimcheck.nlp import make_tokenizer

        newline_groups = ["\n".join(t[a:b]) for t in per_doc for a, b in engine._groups(t, engine.GROUP_CHARS)]
        fresh_spaces, fresh_newlines = make_tokenizer(), make_tokenizer()
        joined = {"spaces": _seconds(lambda: [fresh_spaces(g) for g in groups]),
                  "newlines": _seconds(lambda: [fresh_newlines(g) for g in newline_groups])}
        timed("phrase matcher", lambda: [compiled.phrases(d) for d in tokens])
        gated = timed("pattern gate", lambda: [(t, labels) for t in texts if (labels := compiled.pattern_gate(t))])
        gated_docs = [(compiled.tokenize(t), labels) for t, labels in gated]
        timed(MATCHERS,
              lambda: [compiled.tokens[label](d) for d, labels in gated_docs for label in labels])
        from claimcheck.page import decide

        pages = timed("page context (voice, topic)", lambda: [decide(t, compiled.page_cues) for t in per_doc])
        per_page = [engine.analyse(t, compiled, page)[1] for t, page in zip(per_doc, pages)]
        candidates = [c for found in per_page for c in found]
        pending = [[c.words for c in found if not c.reported] for found in per_page]
        # The scorer as the engine calls it, one batch per page: with nothing
        # remembered from earlier pages, then as in a run (a sentence seen on
        # an earlier page is not scored again). Models load before the timing.
        from claimcheck.scorer.classifier import Classifier

        fresh = Classifier(compiled.classifier.path, memo_items=0)
        kept = Classifier(compiled.classifier.path)
        for classifier in (fresh, kept):
            classifier.scores([["warm", "up"]])
        timed("claim scorer, per page, nothing remembered", lambda: [fresh.scores(w) for w in pending if w])
        timed(SCORER, lambda: [kept.scores(w) for w in pending if w])
        plain = Linter.from_folders(scorer=False).compiled
        timed("engine, whole documents, scorer off", lambda: [engine.lint_document(d, plain) for d in docs])
        found = timed("engine, whole documents", lambda: [engine.lint_document(d, compiled) for d in docs])
        # The same without the scorer's memory of earlier pages: what pages that
        # share no sentences cost (this corpus repeats its sentence shapes).
        import dataclasses

        forgetful = dataclasses.replace(compiled, classifier=fresh)
        timed("engine, whole documents, nothing remembered across pages",
              lambda: [engine.lint_document(d, forgetful) for d in docs])
        labeled = _labeled_pages_memo(compiled)
        rest = times["engine, whole documents"] - sum(times[k] for k in (
            "tokenize", "phrase matcher", "pattern gate", MATCHERS,
            "page context (voice, topic)", SCORER))
        times["rule kinds and findings (the rest of the engine)"] = max(rest, 0.0)
        from claimcheck.formatters import render
        from claimcheck.report import Run, results

        every = [f for fs in found for f in fs]
        lines = {(d.path, n): line for d in docs for n, line in enumerate(d.source.splitlines(), 1)}
        stream = results(every, lines)
        run = Run(linter.ruleset.rules)
        for name in ("json", "sarif", "text"):
            timed(f"format: {name}", lambda: render(name, stream, run))
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    print(f"{len(sources)} files, {mb:.1f} MB, {len(texts)} blocks ({len(gated)} through the pattern gate), "
          f"{sum(map(len, found)) / len(sources):.1f} findings per file, {len(candidates)} candidate sentences "
          f"of which {sum(map(len, pending))} without a pack finding went to the scorer "
          f"({kept.memo_hits} of them seen on an earlier page)\n")
    print(f"Markdown parsing alone: markdown-it-pyrs {md_mb / parse_rs:.1f} MB/s"
          + (f", markdown-it-py {md_mb / parse_py:.1f} MB/s\n" if parse_py else "\n"))
    print(f"Readers: Markdown {md_mb / read_markdown:.1f} MB/s, HTML {html_mb / read_html:.1f} MB/s "
          f"(the same {len(markdown)} pages as HTML, {html_mb:.1f} MB)\n")
    print(f"Tokenizing with a fresh tokenizer, blocks joined by spaces {mb / joined['spaces']:.1f} MB/s, "
          f"by newlines (before) {mb / joined['newlines']:.1f} MB/s\n")
    if labeled:
        print(f"On the labeled pages of ../shared/eval ({labeled[0]} pages, each site's own), the scorer "
              f"was asked {labeled[1]} times and remembered {labeled[2]} of them\n")
    print("| stage | s per MB | MB/s |\n|---|---|---|")
    for name, seconds in times.items():
        print(f"| {name} | {seconds / mb:.3f} | {mb / seconds if seconds else float('inf'):.1f} |")
    return 0


def _labeled_pages_memo(compiled) -> tuple[int, int, int] | None:
    """Pages, scorer requests and remembered scores over the labeled pages of
    ``../shared/eval/documents*`` (real pages, each from its own site), with
    a fresh classifier; None when they are absent."""
    import dataclasses

    from claimcheck.scorer.classifier import Classifier

    pages = sorted(p for folder in SHARED_EVAL.glob("documents*") for p in folder.glob("*.txt"))
    if not pages:
        return None
    classifier = Classifier(compiled.classifier.path)
    fresh = dataclasses.replace(compiled, classifier=classifier)
    for page in pages:
        engine.lint_document(reader("text")(page.read_text(encoding="utf-8"), str(page)), fresh)
    return len(pages), classifier.asked, classifier.memo_hits


def _seconds(work) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


if __name__ == "__main__":
    raise SystemExit(main())
