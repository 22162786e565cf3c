"""Whole pages: responsible pages produce no findings; a clinic blog page gets
the findings a compliance reviewer would mark, and only those."""

from __future__ import annotations

import pytest

from .conftest import EXAMPLES, ROOT

PAGES = ROOT / "tests" / "pages"


@pytest.mark.parametrize(
    "path",
    [PAGES / "consumer-alert.md", PAGES / "study-abstract.md", EXAMPLES / "compliant-page.md"],
    ids=lambda p: p.name,
)
def test_responsible_pages_have_no_findings(linter, path):
    findings = linter.lint_text(path.read_text(encoding="utf-8"), path=path.name)
    assert [(f.line, f.rule, f.text) for f in findings] == []


@pytest.fixture(scope="module")
def blog(linter):
    source = (EXAMPLES / "clinic-blog.md").read_text(encoding="utf-8")
    return source, linter.lint_text(source, path="clinic-blog.md")


def line_of(source: str, words: str) -> int:
    return source[: source.index(words)].count("\n") + 1


def test_blog_flags_what_a_reviewer_marks(blog):
    source, findings = blog
    found = {(f.line, f.rule) for f in findings}
    assert (line_of(source, "#1 Regenerative"), "superiority.rank") in found
    assert (line_of(source, "procedures can treat"), "unapproved.disease-treatment") in found
    assert (line_of(source, "can delay joint"), "superiority.versus-standard-care") in found
    assert (line_of(source, "may help heal"), "unapproved.disease-treatment") in found


def test_blog_leaves_informational_sentences_alone(blog):
    source, findings = blog
    quiet = [
        "Exosomes are tiny packets",
        "Scientists study them",
        "Exosome products made from cultured cells",
        "A visit takes about an hour",
        "I have my first injections",  # a reader looking forward to treatment
        "Booked my knee appointment",
    ]
    lines = {f.line for f in findings}
    for words in quiet:
        assert line_of(source, words) not in lines, words


def test_blog_disclaimer_satisfies_the_document_rules_but_claims_stay(blog):
    _, findings = blog
    rules = {f.rule for f in findings}
    assert not rules & {"disclaimers.fda-status", "disclaimers.results-vary"}
    assert "unapproved.disease-treatment" in rules


@pytest.mark.parametrize(
    "disclosure, satisfied",
    [
        ("Individual results vary.", True),
        ("Healing times differ from patient to patient.", True),
        ("Outcomes may vary between individuals.", True),
        ("Everyone responds differently to treatment.", True),
        ("Results are not guaranteed and vary by patient.", True),
        ("Results of PRP treatment may vary.", True),
        ("The results of each knee injection differ.", True),
        ("Our hours vary from week to week.", False),
    ],
)
def test_forms_of_a_results_vary_disclosure(linter, disclosure, satisfied):
    page = "## Patient stories\n\nAfter my injection I could walk without pain again.\n\n" + disclosure + "\n"
    found = "disclaimers.results-vary" in {f.rule for f in linter.lint_text(page)}
    assert found is not satisfied
