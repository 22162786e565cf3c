"""Suppression comments, the baseline and --diff, through the CLI."""

from __future__ import annotations

import json
import subprocess

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from click.testing import CliRunner

from claimcheck.cli import main

PAGE = """\
<!-- claimcheck-disable-next-line safety -- quoted from the FDA alert -->
It is completely safe.

<!-- claimcheck-disable unapproved -- archived page -->
Stem cells cure autism.
<!-- claimcheck-enable unapproved -->

PRP heals tendons.

<!-- claimcheck-disable-next-line fda -- stale -->
Nothing to see here.
"""


def run(*args):
    result = CliRunner().invoke(main, ["--format", "json", "--ignore", "disclaimers", *args], catch_exceptions=False)
    return result, json.loads(result.stdout) if result.stdout.startswith("{") else None


def test_markdown_suppressions(tmp_path):
    page = tmp_path / "page.md"
    page.write_text(PAGE, encoding="utf-8")
    _, data = run(str(page))
    found = {(f["line"], f["rule"]) for f in data["findings"]}
    assert found == {(8, "unapproved.disease-treatment"), (10, "claimcheck.unused-suppression")}
    assert data["summary"]["suppressed"] == 2
    sarif = json.loads(CliRunner().invoke(main, ["--format", "sarif", "--ignore", "disclaimers", str(page)]).stdout)
    reasons = sorted(s["justification"] for r in sarif["runs"][0]["results"] for s in r.get("suppressions", []))
    assert reasons == ["archived page", "quoted from the FDA alert"]


def test_text_suppressions_and_file_level(tmp_path):
    page = tmp_path / "page.txt"
    page.write_text("# claimcheck-disable-next-line unapproved -- a quote\nStem cells cure autism.\n\n"
                    "PRP heals tendons.\n", encoding="utf-8")
    _, data = run(str(page))
    assert [f["line"] for f in data["findings"]] == [4]
    whole = tmp_path / "whole.md"
    whole.write_text("<!-- claimcheck-disable-file -->\n\nStem cells cure autism.\n", encoding="utf-8")
    _, data = run(str(whole))
    assert data["findings"] == [] and data["summary"]["suppressed"] == 1


def test_baseline_hides_old_findings_and_survives_edits_above(tmp_path):
    page = tmp_path / "page.md"
    page.write_text("Stem cells cure autism.\n\nIt is completely safe.\n", encoding="utf-8")
    baseline = tmp_path / "baseline.json"
    result = CliRunner().invoke(main, ["--ignore", "disclaimers", "--write-baseline", str(baseline), str(page)])
    assert result.exit_code == 0 and len(json.loads(baseline.read_text())["findings"]) == 2
    page.write_text("# New title\n\nIntro.\n\nStem cells cure autism.\n\nIt is completely safe.\n", encoding="utf-8")
    result, data = run("--baseline", str(baseline), str(page))
    assert result.exit_code == 0 and data["findings"] == [] and data["summary"]["suppressed"] == 2
    # fixing one claim and adding it again elsewhere reports the new one, and one entry goes stale
    page.write_text("Intro.\n\nIt is completely safe.\n\nAlso, stem cells cure autism in children.\n", encoding="utf-8")
    result, data = run("--baseline", str(baseline), str(page))
    assert result.exit_code == 1
    assert [f["line"] for f in data["findings"]] == [5]
    assert data["summary"]["stale_baseline"] == 1


def test_unreadable_baseline_is_exit_2(tmp_path):
    page = tmp_path / "page.md"
    page.write_text("Hi.\n", encoding="utf-8")
    (tmp_path / "bad.json").write_text("{nope", encoding="utf-8")
    result = CliRunner().invoke(main, ["--baseline", str(tmp_path / "bad.json"), str(page)])
    assert result.exit_code == 2 and "cannot read baseline" in result.stderr


@pytest.fixture
def repo(tmp_path, monkeypatch):
    def git(*args):
        subprocess.run(["git", *args], cwd=tmp_path, check=True, capture_output=True)

    git("init", "-q")
    git("config", "user.email", "t@example.com")
    git("config", "user.name", "t")
    (tmp_path / "old.md").write_text("Stem cells cure autism.\n\nWe are open daily.\n", encoding="utf-8")
    git("add", ".")
    git("commit", "-qm", "old copy")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_diff_reports_only_changed_lines(repo):
    (repo / "old.md").write_text("Stem cells cure autism.\n\nWe are open daily. PRP heals tendons.\n", encoding="utf-8")
    (repo / "new.md").write_text("It is completely safe.\n", encoding="utf-8")
    result, data = run("--diff", "HEAD", "old.md", "new.md")
    assert {(f["path"], f["line"]) for f in data["findings"]} == {("old.md", 3), ("new.md", 1)}


@pytest.mark.parametrize("name", ["café.md", "a page.md", "tab\there.md", 'quote"and\\backslash.md'])
def test_diff_finds_changed_lines_in_files_whose_names_git_quotes(repo, name):
    """git writes such names quoted with C escapes, or with a tab after a
    space; and a changed line that is not UTF-8 (another file) stops nothing."""
    subprocess.run(["git", "add", "."], cwd=repo, check=True)
    (repo / name).write_text("We are open daily.\n", encoding="utf-8")
    (repo / "latin1.txt").write_bytes(b"Caf\xe9 hours.\n")
    subprocess.run(["git", "add", "."], cwd=repo, check=True)
    subprocess.run(["git", "commit", "-qm", "more"], cwd=repo, check=True)
    (repo / name).write_text("We are open daily.\nStem cells cure autism.\n", encoding="utf-8")
    (repo / "latin1.txt").write_bytes(b"Caf\xe9 hours.\nOpen \xe9t\xe9.\n")
    (repo / "new\u00e9.md").write_text("PRP is completely safe.\n", encoding="utf-8")  # untracked
    result, data = run("--diff", "HEAD", name, "old.md", "new\u00e9.md")
    assert {(f["path"], f["line"]) for f in data["findings"]} >= {(name, 2), ("new\u00e9.md", 1)}
    assert all(f["path"] != "old.md" for f in data["findings"])


def test_diff_with_a_bad_ref_is_exit_2(repo):
    result = CliRunner().invoke(main, ["--diff", "no-such-ref", "old.md"])
    assert result.exit_code == 2 and "git could not list changes" in result.stderr


@pytest.mark.parametrize("comment", ["# claimcheck-disable-next-line safety -- a note",
                                     "// claimcheck-disable-next-line safety",
                                     "<!-- claimcheck-disable-next-line safety -- a note -->"])
def test_a_suppression_comment_in_plain_text_is_not_prose(linter, comment):
    """The comment ends the paragraph before it: the sentence after it is read
    (and scored) alone, as without the comment."""
    from claimcheck.readers import reader

    text = f"Book a visit.\n{comment}\nStem cells cure autism.\nCall us today.\n"
    blocks = [block.text for block in reader("text")(text, "p.txt").blocks]
    assert blocks == ["Book a visit.", "Stem cells cure autism.", "Call us today."]
    alone = linter.detect("Book a visit.\n\nStem cells cure autism.\nCall us today.\n", "p.txt", format="text")
    found = linter.detect(text, "p.txt", format="text")
    assert [(f.rule, f.column, f.text, f.score) for f in found] == [(f.rule, f.column, f.text, f.score) for f in alone]
    assert any(f.rule == "unapproved.disease-treatment" and f.line == 3 for f in found)
    # the comment and the sentence after it read as one scored below the veto (a pack finding fell)
    assert not any(f.category == "suppression" for f in linter.lint_text(text.replace("safety", "unapproved"),
                                                                          path="p.txt", format="text"))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["# claimcheck-disable-next-line unapproved", "Stem cells cure autism.",
                                 "", "We are open on Saturdays. claimcheck-enable", "<!-- claimcheck-enable -->"]),
                max_size=12), st.sampled_from(["\n", "\r\n"]))
def test_plain_text_blocks_hold_no_suppression_comment_and_keep_positions(lines, newline):
    from claimcheck.readers import reader

    source = newline.join(lines)
    document = reader("text")(source, "p.txt")
    for block in document.blocks:
        assert "claimcheck-disable" not in block.text and "<!--" not in block.text
        for word in ("cure", "Saturdays"):
            at = block.text.find(word)
            if at >= 0:
                start, end = block.source_span(at, at + len(word))
                assert source[start:end] == word
    sentences = sum(block.text.count("Stem cells cure autism.") for block in document.blocks)
    assert sentences == lines.count("Stem cells cure autism.")


def test_plain_text_directives_work_with_crlf_line_ends(tmp_path):
    page = tmp_path / "page.txt"
    page.write_bytes(b"# claimcheck-disable-next-line unapproved -- quoted\r\nStem cells cure autism.\r\n\r\n"
                     b"// claimcheck-disable-next-line efficacy\r\nRead the label.\r\n")
    _, data = run(str(page))
    assert [(f["line"], f["rule"]) for f in data["findings"]] == [(4, "claimcheck.unused-suppression")]
    assert data["summary"]["suppressed"] == 1


def _suppressing_pair_by_pair(found, finding):
    """The rule of :func:`claimcheck.suppress._suppressing`, one finding at a time (the reference)."""
    active = {}
    for number, directive in enumerate(found):
        if directive.kind == "disable-file" and directive.covers(finding.rule):
            return number
        if directive.kind == "disable-next-line":
            if finding.line == directive.end_line + 1 and directive.covers(finding.rule):
                return number
            continue
        if directive.start > finding.offset:
            continue
        if directive.kind == "disable":
            active[number] = directive
        elif directive.kind == "enable":
            for key in [k for k, d in active.items() if not directive.rules or set(d.rules) <= set(directive.rules)]:
                del active[key]
    return next((n for n, d in active.items() if d.covers(finding.rule)), None)


_KINDS = ["disable-next-line", "disable", "enable", "disable-file"]
_RULES = ["safety", "safety.absolute-safety", "unapproved", "efficacy.hype", "safety.", "."]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.one_of(st.tuples(st.sampled_from(_KINDS), st.lists(st.sampled_from(_RULES), max_size=3)),
                          st.just("text")), max_size=14),
       st.lists(st.tuples(st.integers(0, 14), st.sampled_from(_RULES[:4] + ["fda.approved", "safety.safe-claim"])),
                max_size=10),
       st.booleans())
@example([("disable", ["safety"]), "text", ("enable", ["safety"]), "text"], [(1, "safety"), (3, "safety")], True)
@example([("disable", ["safety"]), ("disable", []), "text", ("enable", ["safety"]), "text"],
         [(2, "unapproved"), (2, "safety"), (4, "safety")], False)
def test_suppressions_are_decided_as_pair_by_pair(lines, findings, html):
    from collections import namedtuple

    from claimcheck.suppress import _suppressing, directives

    text = []
    for line in lines:
        if line == "text":
            text.append("Stem cells cure autism.")
            continue
        kind, rules = line
        body = f"claimcheck-{kind} {', '.join(rules)} -- why"
        text.append(f"<!-- {body} -->" if html else f"# {body}")
    source = "\n".join(text) + "\n"
    starts = [0]
    for row in text:
        starts.append(starts[-1] + len(row) + 1)
    Finding = namedtuple("Finding", "line offset rule")
    made = [Finding(line + 1, starts[min(line, len(text))], rule) for line, rule in findings]
    found = directives(source, markdown=html)
    assert _suppressing(found, made) == [_suppressing_pair_by_pair(found, f) for f in made]


@pytest.mark.parametrize("named", [3, 12])
def test_an_enable_naming_many_ids_ends_what_the_pair_by_pair_rule_ends(named):
    """Up to ``_InForce.SUBSET_IDS`` ids an enable looks up every subset of
    them; past that it scans the disables in force. Both decide alike."""
    from collections import namedtuple

    from claimcheck.suppress import _InForce, _suppressing, directives

    ids = [f"brand.r{n}" for n in range(named)]
    assert (named > _InForce.SUBSET_IDS) == (named == 12)
    text = [f"# claimcheck-disable {ids[0]}, {ids[1]}", f"# claimcheck-disable {ids[2]}",
            "# claimcheck-disable brand.other, brand.r0", f"# claimcheck-enable {', '.join(ids)}", "Claim."]
    source = "\n".join(text) + "\n"
    Finding = namedtuple("Finding", "line offset rule")
    offset = source.index("Claim.")
    made = [Finding(5, offset, rule) for rule in ("brand.r0", "brand.r1", "brand.r2", "brand.other", "safety")]
    found = directives(source, markdown=False)
    # the first two disables are ended; the third names an id the enable does not
    assert _suppressing(found, made) == [_suppressing_pair_by_pair(found, f) for f in made] == [2, None, None, 2, None]
