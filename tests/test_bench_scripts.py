"""The README's speed figures come from scripts in bench/: they must keep
running. Small sizes here; the numbers themselves are not checked (timed
tests would only measure the CI machine)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from .conftest import ROOT, SHARED

pytestmark = pytest.mark.slow

ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def _run(*args: str) -> str:
    result = subprocess.run([sys.executable, *args], cwd=ROOT, capture_output=True, text=True, env=ENV, timeout=600)
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout


def test_stages_prints_every_stage():
    out = _run("bench/stages.py", "--files", "6")
    for stage in ("| tokenize |", "| token Matchers (each rule's gated blocks) |", "| claim scorer, per page, nothing remembered |",
                  "| engine, whole documents, nothing remembered across pages |", "| format: sarif |"):
        assert stage in out, out
    assert "seen on an earlier page" in out
    if (SHARED / "eval" / "documents").is_dir():
        assert "the scorer was asked" in out


def test_imports_sums_the_parts_of_import_spacy():
    out = _run("bench/imports.py", "--repeat", "1")
    rows = [line for line in out.splitlines() if line.startswith("| ") and not line.startswith("| part")]
    parts = {line.split("|")[1].strip(): line for line in rows}
    assert {"spacy", "thinc", "spacy.cli", "total"} <= parts.keys(), out
    total = [float(cell) for cell in parts["total"].split("|")[2:4]]
    assert total[0] > 0 and total[1] > 0, parts["total"]  # two timings: never compared (noise)
    assert "loaded because spacy/__init__.py imports spacy.cli" in out


def test_startup_prints_processes_and_phases():
    out = _run("bench/startup.py", "--repeat", "1")
    for row in ("| import spacy |", "| claimcheck, a file with findings |", "| build the English tokenizer |",
                "| compile the packs |", "| load the claim scorer |", "| check the file |"):
        assert row in out, out


def test_ab_prints_each_stage_for_both_builds():
    out = _run("bench/ab.py", "--other-src", str(ROOT / "src"), "--files", "4", "--repeat", "1", "--rounds", "1")
    rows = {line.split("|")[1].strip(): line for line in out.splitlines() if line.startswith("| ")}
    for stage in ("compile the packs (ms)", "read (s per MB)", "engine, scorer off (s per MB)",
                  "engine, scorer on (s per MB)"):
        cells = [cell.strip() for cell in rows[stage].split("|")[2:4]]
        assert all(float(cell) > 0 for cell in cells), rows[stage]  # both builds timed, never compared


def test_page_counts_score_lines_and_the_disclaimer_verdict(tmp_path, linter):
    """bench/accuracy.py's line-level scoring of a labeled page: the first
    line (the source) is blanked, a line counts when a finding starts on it."""
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        from accuracy import PageCounts
    finally:
        sys.path.remove(str(ROOT / "bench"))
    page = ("Stem cells cure autism. (this source line is blanked)\n"
            "Our stem cells cure autism.\nOur clinic is open on weekdays.\nPRP is completely safe.\n")
    (tmp_path / "promo_a.txt").write_text(page, encoding="utf-8")
    (tmp_path / "resp_b.txt").write_text("source\nStem cells cure autism, some clinics claim.\n", encoding="utf-8")
    labels = {"promo_a.txt": {"expected_claim_lines": [2, 3], "other_optional_lines": [4],
                              "expect_missing_disclaimer_finding": True},
              "resp_b.txt": {"expected_claim_lines": [], "expect_missing_disclaimer_finding": True}}
    counts = PageCounts()
    notes = [counts.add(tmp_path, name, label, linter) for name, label in sorted(labels.items())]
    assert (counts.found, counts.expected, counts.false_promo, counts.pages) == (1, 2, 0, 2)
    assert counts.verdicts == 1  # the responsible page gets no disclaimer finding, against its label
    assert "missed [3]" in notes[0] and "(expected True)" in notes[1]
    assert str(counts).startswith("claim lines found 1/2 (50%)")


def test_page_counts_of_a_packed_page_map_lines_back(tmp_path, linter):
    """``--packed``: the page is checked without its blank lines, and each
    finding's line is mapped back to the labeled numbering."""
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        from accuracy import PageCounts
    finally:
        sys.path.remove(str(ROOT / "bench"))
    page = "source\n\nKnee Clinic\n\nOur clinic is open on weekdays.\n\n\nOur stem cells cure autism.\n"
    (tmp_path / "promo_a.txt").write_text(page, encoding="utf-8")
    label = {"expected_claim_lines": [8], "expect_missing_disclaimer_finding": None}
    for packed in (False, True):
        counts = PageCounts()
        note = counts.add(tmp_path, "promo_a.txt", label, linter, packed=packed)
        assert (counts.found, counts.false_promo) == (1, 0), (packed, note)


def test_encoder_ceiling_explains_its_two_steps():
    """The encoder reference needs PyTorch in another environment; here only
    that the script loads and says how to run it (its `dump` step is
    claimcheck's own cross-validation, tested in test_scorer.py)."""
    result = subprocess.run([sys.executable, "bench/encoder_ceiling.py"], cwd=ROOT, capture_output=True,
                            text=True, env=ENV, timeout=60)
    assert result.returncode == 1
    assert "encoder_ceiling.py dump" in result.stderr and "encoder_ceiling.py score" in result.stderr


def _check_page_labels(name: str, label: dict, lines: list[str]) -> None:
    """A page's labels make sense: every labelled line holds text, no line is
    both a claim and optional or a disclaimer, the categories are known ones,
    testimonials are claims, and a responsible page (resp_*) has no claim
    (a seller's care sheet may have none either)."""
    from claimcheck.findings import CATEGORIES

    claims = set(label["expected_claim_lines"])
    others = set(label["quoted_claim_lines_optional"]) | set(label["other_optional_lines"]) | set(
        label["disclaimer_lines"])
    assert not claims & others, name
    for number in claims | others | set(label["testimonial_lines"]):
        assert 1 < number <= len(lines) and lines[number - 1].strip(), (name, number)
    assert {int(n) for n in label["claim_line_categories"]} == claims, name
    assert set(label["claim_line_categories"].values()) <= set(CATEGORIES), name
    assert set(label["testimonial_lines"]) <= claims, name
    assert name.startswith(("promo_", "resp_")), name
    assert not (name.startswith("resp_") and claims), name


def test_our_labeled_pages_are_consistent():
    """bench/data/pages: every labeled line holds a paragraph, the claim
    categories are known ones, and no line is both a claim and optional or a
    disclaimer; train.page_rows reads the set (so no run can train on it by
    accident without its labels making sense)."""
    from claimcheck.train import page_rows

    folder = ROOT / "bench" / "data" / "pages"
    labels = json.loads((folder / "labels.json").read_text(encoding="utf-8"))
    assert sorted(labels) == sorted(p.name for p in folder.glob("*.txt"))
    for name, label in labels.items():
        _check_page_labels(name, label, (folder / name).read_text(encoding="utf-8").split("\n"))
    rows = page_rows(folder)
    assert sum(r["label"] == "claim" for r in rows) == sum(len(v["expected_claim_lines"]) for v in labels.values())


def test_accuracy_measures_a_folder_of_labeled_pages():
    out = _run("bench/accuracy.py", "bench/data/pages")
    assert "== pages: bench/data/pages (1297 pages)" in out
    assert out.count("claim lines found") == 3  # packs, combined, combined at warning and above


def test_accuracy_measures_the_pages_a_folder_held_at_an_earlier_revision():
    """--pages-at REV: only the pages whose names labels.json held at REV
    (the README's "the 575 pages of the session's start"), read as they are
    labelled today. The first revision of our text pages held 8."""
    found = subprocess.run(["git", "log", "--format=%H", "--diff-filter=A", "--", "bench/data/pages/labels.json"],
                           cwd=ROOT, capture_output=True, text=True)
    if found.returncode or not found.stdout.strip():
        pytest.skip("no git history of bench/data/pages")
    first = found.stdout.split()[-1]
    out = _run("bench/accuracy.py", "bench/data/pages", "--pages-at", first)
    assert "== pages: bench/data/pages (8 pages)" in out
    assert out.count("claim lines found") == 3


def test_our_web_pages_are_labeled_consistently():
    """bench/data/pages-web: pages as sites publish them (HTML with head,
    menus and footers; Markdown with front matter), linted as they are. Each
    labelled line holds text, the categories are known ones, and each page
    says where it comes from in a part claimcheck does not check (an HTML
    comment, a front-matter field it does not read)."""
    from claimcheck.files import decode
    from claimcheck.readers import reader

    folder = ROOT / "bench" / "data" / "pages-web"
    labels = json.loads((folder / "labels.json").read_text(encoding="utf-8"))
    assert sorted(labels) == sorted(p.name for p in folder.iterdir() if p.suffix in (".html", ".md"))
    for name, label in labels.items():
        # decoded as claimcheck decodes it (a page may declare another charset)
        source = decode((folder / name).read_bytes(), name, html=name.endswith(".html"))
        lines = source.split("\n")
        _check_page_labels(name, label, lines)
        assert "written for claimcheck's own benchmark" in "".join(lines[:4]), name
        blocks = reader("html" if name.endswith(".html") else "markdown")(source, name).blocks
        assert blocks and not any("benchmark" in block.text for block in blocks), name


def test_accuracy_measures_a_set_of_ours_with_a_scorer_trained_without_it():
    if not (SHARED / "eval" / "corpus").is_dir() and not os.environ.get("CI"):
        pytest.skip(f"no labelled data at {SHARED / 'eval'}")
    out = _run("bench/accuracy.py", "--leave-out", "bench/data/heldout14.jsonl")
    assert "== our sets, each measured by a scorer trained as shipped without it" in out
    assert "heldout14.jsonl: F1 " in out and "(28 sentences)" in out
    assert out.count("all 28 sentences, ") == 2  # alone, on pages


def test_accuracy_reads_web_pages_in_their_own_format():
    out = _run("bench/accuracy.py", "bench/data/pages-web")
    assert "== pages: bench/data/pages-web (1796 pages)" in out
    assert out.count("claim lines found") == 3


def test_measure_only_sentences_are_labeled_and_never_trained_on():
    """bench/data/measure-only: sentences we wrote to measure with, grouped
    into pages by ``source``; the training command's ``--own
    bench/data/*.jsonl`` and bench/accuracy.py's own sets leave them out."""
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        from accuracy import OWN
    finally:
        sys.path.remove(str(ROOT / "bench"))
    files = sorted((ROOT / "bench" / "data" / "measure-only").glob("*.jsonl"))
    assert files and not set(files) & set(OWN)
    assert sorted((ROOT / "bench" / "data").glob("*.jsonl")) == OWN
    for path in files:
        rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        assert len({r["id"] for r in rows}) == len(rows)
        for row in rows:
            assert row["label"] in ("claim", "ok") and row["text"].strip() and row["source"]
            assert (row["category"] == "none") == (row["label"] == "ok"), row
