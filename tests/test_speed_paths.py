"""The fast paths must not change results: the prefilter is a superset of the
engine, term docs equal the tokenizer's, parallel runs equal serial ones,
the pack cache follows the files, and huge paragraphs keep exact positions."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from click.testing import CliRunner

from claimcheck.api import Linter
from claimcheck.cli import main
from claimcheck.compiled import _phrase_keys, phrase_keys
from claimcheck.prefilter import term_forms
from claimcheck.readers import reader

from .conftest import EXAMPLES, ROOT


def _texts(linter):
    for rule in linter.ruleset.rules:
        yield from rule.examples.flag
        yield from rule.examples.ok
    for path in [*EXAMPLES.glob("*.md"), *(ROOT / "tests" / "pages").glob("*.md")]:
        yield path.read_text(encoding="utf-8")


def test_prefilter_never_rejects_a_text_with_findings(linter):
    checked = 0
    for text in _texts(linter):
        findings = linter.lint(reader("markdown")(text, "x.md"))  # the engine alone
        if findings:
            checked += 1
            assert linter.prefilter.may_match(text), text
    assert checked > 50


def test_prefilter_rejects_plain_clean_text(linter):
    assert not linter.prefilter.may_match("Our office is open Monday to Friday; parking is behind the building.")


def test_a_clean_file_is_checked_without_importing_spacy(tmp_path):
    page = tmp_path / "clean.md"
    page.write_text("# Hours\n\nWe are open on Saturdays.\n", encoding="utf-8")
    code = (
        "import sys\nfrom claimcheck.cli import main\n"
        f"try:\n    main([{str(page)!r}])\nexcept SystemExit as exit:\n    assert exit.code == 0, exit.code\n"
        "assert 'spacy' not in sys.modules, 'spacy was imported'\n"
    )
    subprocess.run([sys.executable, "-c", code.replace("assert 'spacy' not", "pass  #")],
                   check=True, capture_output=True)  # the first run fills the pack cache (and validates patterns)
    subprocess.run([sys.executable, "-c", code], check=True, capture_output=True)


def test_phrase_keys_are_the_tokenizers_lower_forms(linter):
    """Hashing plain words directly gives what tokenizing each form would, and
    the cached keys equal freshly computed ones."""
    from spacy.attrs import LOWER

    tokenizer = linter.compiled.tokenizer
    forms = sorted({form for found in term_forms(linter.ruleset).values() for form in found})
    fresh = _phrase_keys(tokenizer, forms)
    assert fresh == {f: tuple(int(k) for k in tokenizer(f).to_array([LOWER]).ravel()) for f in forms}
    assert phrase_keys(tokenizer, forms) == fresh == phrase_keys(tokenizer, forms)  # the second from the cache
    assert any(len(keys) > 1 for keys in fresh.values())


def test_phrase_matcher_from_keys_matches_as_from_docs(linter):
    """``PhraseMatcher.add`` with token keys (how patterns are compiled)
    finds exactly what the same patterns as Docs find."""
    from spacy.matcher import PhraseMatcher

    tokenizer = linter.compiled.tokenizer
    by_docs = PhraseMatcher(tokenizer.vocab, attr="LOWER")
    for label, forms in sorted(term_forms(linter.ruleset).items()):
        by_docs.add(label, [tokenizer(f) for f in sorted(forms)])
    compared = 0
    for text in _texts(linter):
        doc = tokenizer(text)
        expected = sorted(by_docs(doc))
        assert sorted(m for m in linter.compiled.phrases(doc) if m in expected or
                      not tokenizer.vocab.strings[m[0]].startswith("context:")) == expected
        compared += len(expected)
    assert compared > 500


def test_parallel_output_equals_serial(tmp_path):
    for number in range(12):
        text = (EXAMPLES / "clinic-page.md").read_text(encoding="utf-8") if number % 3 == 0 else "# Hi\n\nOpen daily.\n"
        (tmp_path / f"page-{number:02d}.md").write_text(text, encoding="utf-8")
    serial = CliRunner().invoke(main, ["--format", "json", "--jobs", "1", str(tmp_path)])
    parallel = CliRunner().invoke(main, ["--format", "json", "--jobs", "2", str(tmp_path)])
    assert serial.exit_code == parallel.exit_code == 1
    assert serial.stdout == parallel.stdout
    assert json.loads(serial.stdout)["summary"]["files"] == 12


def test_pack_cache_follows_the_pack_files(tmp_path, monkeypatch):
    from .test_loader import RULE, make_pack

    monkeypatch.setenv("CLAIMCHECK_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("CLAIMCHECK_NO_CACHE", raising=False)
    folder = make_pack(tmp_path)
    first = Linter.from_folders([folder], select=["acme"])
    assert first.lint_text("RegenX serum.")
    assert list((tmp_path / "cache").glob("packs-*.pickle"))
    rule = folder / "acme" / "brand-claim.yaml"
    rule.write_text(RULE.replace("[RegenX serum]", "[CellBoost]"), encoding="utf-8")
    os.utime(rule, ns=(1, 1))  # a different mtime even on coarse clocks
    second = Linter.from_folders([folder], select=["acme"])
    assert not second.lint_text("RegenX serum.") and second.lint_text("CellBoost.")


def test_a_huge_paragraph_is_cut_and_positions_stay_exact(linter):
    filler = "Opening hours are posted at the front desk. " * 5000  # ~220 KB, one paragraph
    text = filler + "Our stem cells cure autism. " + filler
    findings = [f for f in linter.lint_text(text, format="text") if f.rule == "unapproved.disease-treatment"]
    assert [f.text for f in findings] == ["stem cells cure autism"]
    assert text[findings[0].offset:findings[0].end_offset] == "stem cells cure autism"


@pytest.mark.slow
@pytest.mark.parametrize("lines", [200_000])
def test_many_short_lines_in_one_file(linter, lines):
    text = "".join(f"line {n}: parking.\n" if n % 5000 else f"line {n}: PRP heals tendons.\n" for n in range(lines))
    findings = [f for f in linter.lint_text(text, format="text") if f.rule == "unapproved.disease-treatment"]
    assert len(findings) == lines // 5000
    assert all(text[f.offset:f.end_offset] == "PRP heals tendons" for f in findings)


def test_a_renewed_tokenizer_finds_the_same(linter):
    """spaCy's vocabulary only grows; claimcheck swaps in a fresh tokenizer
    once it has learned many new words. The matchers compare hashes, so
    findings must not change across a swap."""
    from claimcheck.api import Linter
    from claimcheck.nlp import Tokenizer

    texts = [text + "\n\n" + " ".join(f"ref{n}w{k}" for k in range(60)) for n, text in enumerate(_texts(linter))]
    fresh = Linter(linter.ruleset)
    compiled = fresh.compiled
    object.__setattr__(compiled, "tokenize", Tokenizer(compiled.tokenizer, limit=2000))
    for text in texts:
        assert fresh.lint_text(text) == linter.lint_text(text), text
    assert compiled.tokenize.renewals >= 3


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab1 \t\n-é中", max_size=60), st.integers(1, 12))
def test_the_prefilter_reads_the_same_words_from_slices(text, size):
    """A huge file's words are collected slice by slice, never cut in a word."""
    import claimcheck.prefilter as prefilter

    saved = prefilter._SLICE
    prefilter._SLICE = size
    try:
        assert prefilter._words(text) == frozenset(prefilter.WORD.findall(text))
    finally:
        prefilter._SLICE = saved


_BLOCK_WORDS = st.sampled_from([
    "Stem", "cells", "cure", "autism.", "Our", "PRP", "heals", "knees!", "don't", "U.S.", "(FDA-approved)",
    "\"guaranteed\"", "100%", "safe", "...", "it's", "can't", "e.g.", ":)", "[1]", "*", "café", "naïve",
])


@settings(max_examples=60, deadline=None)
@example(["Our office offers stem", "cells for knees."])  # a term across two blocks is in neither
@given(st.lists(st.lists(_BLOCK_WORDS, min_size=1, max_size=12).map(" ".join), min_size=1, max_size=8))
def test_blocks_tokenized_in_a_group_get_the_tokens_they_get_alone(linter, blocks):
    """The engine tokenizes a group of blocks joined by spaces (fast: no
    whitespace token stops spaCy's cache); each block's tokens, spacing and
    matches must be those of the block tokenized alone."""
    from claimcheck import engine

    compiled = linter.compiled
    grouped = dict((i, rows) for i, rows, _ in engine._matched_blocks(blocks, compiled))
    for index, text in enumerate(blocks):
        alone = dict((i, rows) for i, rows, _ in engine._matched_blocks([text], compiled))
        assert (index in grouped) == (0 in alone)
        if index in grouped:
            rows, rows_alone = grouped[index], alone[0]
            assert rows.text == rows_alone.text == text
            assert [i - rows.base for i in rows.starts] == rows_alone.starts
            assert (rows.lengths, rows.spaces) == (rows_alone.lengths, rows_alone.spaces)
            assert rows.tokens() == rows_alone.tokens()
    matches = {i: sorted(m) for i, _, m in engine._matched_blocks(blocks, compiled)}
    for index, text in enumerate(blocks):
        alone = {i: sorted(m) for i, _, m in engine._matched_blocks([text], compiled)}
        assert matches.get(index) == alone.get(0)


def test_the_pack_cache_keeps_only_the_newest_entries(tmp_path):
    import time

    from claimcheck import cache

    for n in range(12):
        entry = tmp_path / f"packs-{n:02d}.pickle"
        entry.write_bytes(b"x")
        os.utime(entry, (time.time() - 1000 + n, time.time() - 1000 + n))
    stale = tmp_path / "packs-99.1234.tmp"
    stale.write_bytes(b"x")
    os.utime(stale, (time.time() - 7200, time.time() - 7200))
    cache.prune(tmp_path, keep=tmp_path / "packs-00.pickle", entries=4)
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "packs-00.pickle", "packs-09.pickle", "packs-10.pickle", "packs-11.pickle"]



@pytest.fixture(scope="module")
def tokenizers():
    """``make_tokenizer`` and ``spacy.blank("en")``'s tokenizer with the same
    upper-case contractions added."""
    import spacy
    from spacy.attrs import ORTH

    from claimcheck.nlp import make_tokenizer

    blank = spacy.blank("en").tokenizer
    for text, pieces in list(blank.rules.items()):
        if "'" in text and text.islower() and len(pieces) > 1:
            blank.add_special_case(text.upper(), [{ORTH: p[ORTH].upper()} for p in pieces])
    return make_tokenizer(), blank


@settings(max_examples=200, deadline=None)
@given(words=st.lists(st.sampled_from(["Don't", "HASN'T", "hasn't", "e-mail", "3.5mg", "U.S.", "(PRP)", "http://x.org/a",
                                       "stem-cell", "cells.", "\u201cCured!\u201d", "can't", "Dr.", "50%", "knee's",
                                       "\u2026", "\u00e9t\u00e9", "a", "b", "1", ",", "!"]), max_size=30),
       joiner=st.sampled_from([" ", "  ", "\t", "\n"]))
def test_the_tokenizer_is_spacy_blank_english(tokenizers, words, joiner):
    """``make_tokenizer`` builds what ``spacy.blank("en")`` would: the same
    tokens at the same offsets."""
    ours, blank = tokenizers
    text = joiner.join(words)
    assert [(t.text, t.idx, t.whitespace_) for t in ours(text)] == [(t.text, t.idx, t.whitespace_) for t in blank(text)]


def test_a_cache_load_leaves_the_garbage_collector_as_it_was(tmp_path, monkeypatch):
    """Loading pauses the cyclic collector (faster unpickling) and restores
    it, enabled or not, and a memo gives back what it stored."""
    import gc

    from claimcheck import cache

    monkeypatch.setenv("CLAIMCHECK_CACHE_DIR", str(tmp_path))
    value = {f"form {n}": (n, n + 1) for n in range(2000)}
    assert cache.memo("phrases", ["a", "b"], lambda: value) == value  # built and stored
    assert list(tmp_path.glob("phrases-*.pickle"))
    was = gc.isenabled()
    try:
        for state in (True, False):
            (gc.enable if state else gc.disable)()
            assert cache.memo("phrases", ["a", "b"], lambda: pytest.fail("the cache was not used")) == value
            assert gc.isenabled() is state
    finally:
        (gc.enable if was else gc.disable)()
    assert cache.memo("phrases", ["a", "c"], lambda: {"other": (1,)}) == {"other": (1,)}  # other parts: rebuilt


def test_loading_spacy_and_the_scorer_leaves_the_garbage_collector_on(tmp_path):
    """The collector is paused while spaCy, the packs and the scorer load
    (claimcheck.gcpause), and on again for the run, with nothing frozen for
    good and what loaded moved out of the young generation (else the next
    young collections walk all of it)."""
    code = ("import gc\nfrom claimcheck.api import lint_text\n"
            "assert any(f.score for f in lint_text('Most patients walk without pain after treatment.', path='x.md'))\n"
            "assert gc.isenabled()\n"
            "assert gc.get_freeze_count() == 0, 'objects left frozen'\n")
    subprocess.run([sys.executable, "-c", code], check=True, capture_output=True)


def test_what_loads_while_the_collector_is_paused_goes_to_the_oldest_generation():
    """Left young, everything loaded would be walked by the next young
    collections; it is moved to the oldest generation at once, and not frozen."""
    import gc

    from claimcheck.gcpause import paused

    with paused():
        made = [[n] for n in range(20_000)]
        assert not gc.isenabled()
    oldest = {id(o) for o in gc.get_objects(generation=2)}
    assert all(id(item) in oldest for item in made)
    assert gc.get_freeze_count() == 0


def _tree_gate(requirements, text):
    """The token-pattern gate as the requirement trees decide it: the labels
    of the rules whose requirement holds, sorted."""
    from claimcheck.prefilter import _words

    lowered = text.lower()
    present = _words(lowered)
    return tuple(label for label, expr in sorted(requirements.items()) if expr.holds(None, lowered, present))


def _pattern_requirements(linter):
    from claimcheck.kinds import KINDS
    from claimcheck.kinds.needs import rule_label

    return {rule_label(rule): KINDS["pattern"].requires(rule) for rule in linter.ruleset.rules
            if rule.kind == "pattern"}


def test_pattern_gate_decides_as_the_requirement_trees_on_the_examples(linter):
    requirements = _pattern_requirements(linter)
    gate = linter.compiled.pattern_gate
    passed, some_not_all = 0, 0
    for text in _texts(linter):
        for block in text.split("\n\n"):
            assert gate(block) == _tree_gate(requirements, block), block
            passed += bool(gate(block))
            some_not_all += 0 < len(gate(block)) < len(requirements)
    assert passed > 10 and some_not_all > 10  # each rule's own gate: most blocks pass only some


def test_a_token_pattern_rule_runs_only_on_the_blocks_its_gate_passes(linter, monkeypatch):
    """Each rule has its own Matcher: a block that only one rule's gate
    passes is matched by that rule's Matcher alone, and finds the same."""
    compiled = linter.compiled
    calls = []
    for label, matcher in list(compiled.tokens.items()):
        monkeypatch.setitem(compiled.tokens, label, lambda span, m=matcher, label=label: calls.append(label) or m(span))
    text = "We have treated 500 patients with zero complications and no risk of rejection."
    gated = compiled.pattern_gate(text)
    assert gated and len(gated) < len(compiled.tokens)
    found = linter.lint_text(text)
    assert calls == list(gated)
    assert "safety.no-risk" in {f.rule for f in found}


_GATE_WORDS = ["no", "zero", "never", "rejection", "infection", "complications", "tumors", "patients", "of",
               "report", "%", "percent", "success", "rate", "90", "the", "risk", "Rejection", "side", "effects",
               "surgery", "stitches", "downtime", "without", "weeks", "with", "arthritis", "reported", "clients",
               "cannot", "don't", "won't", "not", "cause"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_GATE_WORDS), max_size=12), st.sampled_from([" ", "", "-", ", "]))
def test_pattern_gate_decides_as_the_requirement_trees_on_any_words(linter, words, joiner):
    text = joiner.join(words)
    assert linter.compiled.pattern_gate(text) == _tree_gate(_pattern_requirements(linter), text)


def test_a_gate_too_big_to_list_sends_every_block_to_the_matcher():
    from claimcheck.prefilter import gate
    from claimcheck.requirements import AllOf, AnyOf, Text, Words

    parts = tuple(AnyOf(tuple(Words(frozenset({f"w{n}x{m}"})) for m in range(12))) for n in range(5))
    huge = gate({"huge": AllOf(parts)})  # 12 ** 5 alternatives
    assert huge("w0x1 w1x2 w2x3 w3x4 w4x5") and huge("w0x1 only")  # only the needles reject
    assert not huge("nothing here")
    small = gate({"a": AllOf((Words(frozenset({"stem", "cells"})), Text("%"))), "b": Words(frozenset({"guaranteed"}))})
    assert small("Stem cells: 90% better") == ("a",) and small("results GUARANTEED") == ("b",)
    assert small("Stem cells: 90% guaranteed") == ("a", "b")
    assert not small("stem cells only") and not small("90% of cells") and not small("guarantee")


def test_alternatives_drop_repeats_and_supersets():
    """"no X ... no Y" needs {no, X} or {no, Y}: listing {no, X, Y} for every
    pair too would decide nothing more (and a list of 30 burdens twice made
    the gate give up and send every block to the Matcher)."""
    from claimcheck.requirements import AllOf, AnyOf, Text, Words, minimal

    def word(w):
        return Words(frozenset({w}))

    denial = AnyOf((word("no"), word("zero")))
    burdens = AnyOf(tuple(word(f"b{n}") for n in range(40)))
    listed = AllOf((denial, burdens, denial, burdens)).alternatives()
    assert sorted(sorted(words) for words, _ in listed) == sorted(
        sorted({d, f"b{n}"}) for d in ("no", "zero") for n in range(40))
    assert minimal([(frozenset({"a", "b"}), ()), (frozenset({"a"}), ()), (frozenset({"a"}), ("%",)),
                    (frozenset({"c"}), ("%", "#")), (frozenset({"c"}), ("#",))]) == (
        (frozenset({"a"}), ()), (frozenset({"c"}), ("#",)))
    assert minimal([(frozenset({"a"}), ()), (frozenset(), ())]) == ((frozenset(), ()),)
    assert AllOf((Text("%"), AnyOf((Text("%"), word("x"))))).alternatives() == ((frozenset(), ("%",)),)


def test_the_gate_needles_are_substrings_found_in_one_pass():
    from claimcheck.prefilter import gate
    from claimcheck.requirements import AnyOf, Text, Words

    found = gate({"x": AnyOf((Words(frozenset({"effect"})), Words(frozenset({"effects"})), Text("+/-"),
                         Words(frozenset({"naïve"}))))})
    assert found("side EFFECTS") and found("an effect") and found("a +/- b") and found("naïve cells")
    assert not found("affects") and not found("+/ -") and not found("naive")



def test_the_gate_read_from_the_cache_is_the_gate_built_fresh(linter, monkeypatch, tmp_path):
    from claimcheck.prefilter import gate

    requirements = _pattern_requirements(linter)
    monkeypatch.setenv("CLAIMCHECK_CACHE_DIR", str(tmp_path))  # an empty cache: built, then stored, then read
    monkeypatch.delenv("CLAIMCHECK_NO_CACHE", raising=False)
    first, second = gate(requirements), gate(requirements)
    monkeypatch.setenv("CLAIMCHECK_NO_CACHE", "1")
    fresh = gate(requirements)
    assert list(tmp_path.rglob("gate-*.pickle"))
    for built in (first, second):
        assert built.needles.pattern == fresh.needles.pattern and built.wordless == fresh.wordless
        assert built.by_word == fresh.by_word and built.keys == fresh.keys


def test_the_gate_cache_key_does_not_depend_on_the_hash_seed():
    """Frozensets iterate in another order in every process; the key sorts them."""
    script = ("from claimcheck.api import Linter\n"
              "from claimcheck.kinds import KINDS\n"
              "from claimcheck.prefilter import requirement_key\n"
              "from claimcheck.requirements import AnyOf\n"
              "rules = [r for r in Linter.from_folders(scorer=False).ruleset.rules if r.kind == 'pattern']\n"
              "print(requirement_key(AnyOf(tuple(KINDS['pattern'].requires(r) for r in rules))))\n")
    keys = {subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True,
                           env={**os.environ, "PYTHONHASHSEED": str(seed)}).stdout for seed in range(1, 9)}
    assert len(keys) == 1 and len(next(iter(keys))) > 1000
    from claimcheck.prefilter import requirement_key
    from claimcheck.requirements import Words

    words = [f"w{n:02d}" for n in range(30)]
    assert requirement_key(Words(frozenset(words))) == "Words({" + ",".join(repr(w) for w in words) + "})"


def test_every_special_case_of_the_tokenizer_passes_spacys_own_check():
    """``make_tokenizer`` skips spaCy's check of each special case as it is
    added (start-up); spaCy's check, run here on all of them, passes, and a
    broken one would be caught."""
    import spacy

    from claimcheck.nlp import special_cases

    check = spacy.blank("en").tokenizer._validate_special_case
    rules = special_cases()
    assert "HASN'T" in rules and len(rules) > 1000
    for text, pieces in rules.items():
        check(text, pieces)
    with pytest.raises(ValueError):
        check("HASN'T", [{"ORTH": "HAS"}, {"ORTH": "NT"}])


def test_a_pattern_needs_no_token_that_may_match_nothing(tmp_path):
    """The gate that hands a sentence to a pattern rule asks only for the
    pattern's literals that must be there: a token repeated "{0,3}" times
    may be absent ("in 90 days" has no "just")."""
    from claimcheck.api import Linter
    from claimcheck.loader import load_rules

    folder = tmp_path / "packs" / "acme"
    folder.mkdir(parents=True)
    (folder / "pack.yaml").write_text("pack: acme\n", encoding="utf-8")
    (folder / "deadline.yaml").write_text(
        "id: acme.deadline\nkind: pattern\nlevel: warning\ncategory: efficacy-guarantee\n"
        "message: a deadline\nrationale: A result by a date is a promise.\nsuggestion: Drop the date.\n"
        "references: [{title: FTC, url: 'https://www.ftc.gov/'}]\n"
        "options:\n  patterns:\n    - [{LOWER: in}, {LOWER: {IN: [just, only]}, OP: '{0,3}'}, {LIKE_NUM: true},"
        " {LOWER: days}]\n"
        "examples:\n  flag: [Smoother skin in just 9 days.]\n  pass: [Open on Sundays.]\n", encoding="utf-8")
    linter = Linter(load_rules([tmp_path / "packs"]))
    assert [f.rule for f in linter.lint_text("Smoother skin in 90 days.")] == ["acme.deadline"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(st.sampled_from(_GATE_WORDS + ["1", "2.", "✔", "Σ", "İ"]), max_size=6).map(" ".join),
                max_size=8))
def test_one_search_of_a_group_rejects_only_blocks_the_gate_rejects(linter, blocks):
    """The engine asks the gate once per group of blocks whether any needle
    occurs: when none does, every block's own gate must pass no rule."""
    gate = linter.compiled.pattern_gate
    some = gate.any_may_match(blocks)
    assert some == any(gate.needles.search(block.lower()) for block in blocks)
    if not some:
        assert all(gate(block) == () for block in blocks)


def test_blocks_with_no_needle_are_not_gated_one_by_one(linter, monkeypatch):
    """A list of numbers costs one search of the group, not one per line."""
    from claimcheck import engine, prefilter

    calls = []
    original = prefilter.Gate.__call__
    monkeypatch.setattr(prefilter.Gate, "__call__", lambda self, text: calls.append(text) or original(self, text))
    blocks = [str(n) for n in range(50)]
    assert list(engine._matched_blocks(blocks, linter.compiled)) == []
    assert calls == []
    found = list(engine._matched_blocks(blocks + ["We guarantee zero complications."], linter.compiled))
    assert [index for index, _, _ in found] == [50] and len(calls) == 51
