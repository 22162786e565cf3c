"""SARIF against the official schema and a real consumer; GitHub commands
escaping; reviewdog byte columns."""

from __future__ import annotations

import json

import pytest

from claimcheck.findings import Finding, Level
from claimcheck.formatters import github, rdjsonl, sarif
from claimcheck.report import Report, Suppressed

from .conftest import ROOT, SHARED

SCHEMA = SHARED / "schemas" / "sarif-schema-2.1.0.json"


def make(linter, text="Our stem cells cure autism.\n\nIt is completely safe, “café” 😀.\n", path="docs/page.md"):
    findings = linter.lint_text(text, path=path)
    lines = {(path, n + 1): line for n, line in enumerate(text.splitlines())}
    return Report(findings, 1, (), lines, rules=linter.ruleset.rules, root=str(ROOT))


def test_sarif_is_valid_against_the_official_schema(linter):
    jsonschema = pytest.importorskip("jsonschema")
    if not SCHEMA.is_file():
        pytest.skip(f"the official SARIF schema is not at {SCHEMA}")
    report = make(linter)
    suppressed = Suppressed(report.findings[0], "quoted from a warning letter")
    report = Report(report.findings[1:], 1, (("bad.md", "not valid UTF-8"),), report.lines,
                    (suppressed,), report.rules, report.root)
    data = json.loads(sarif.render(report))
    jsonschema.validate(data, json.loads(SCHEMA.read_text(encoding="utf-8")))
    run = data["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    rules = run["tool"]["driver"]["rules"]
    assert {"id", "shortDescription", "fullDescription", "help", "helpUri", "defaultConfiguration"} <= set(rules[0])
    result = run["results"][0]
    assert result["locations"][0]["physicalLocation"]["artifactLocation"] == {"uri": "docs/page.md", "uriBaseId": "SRCROOT"}
    assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
    assert any(r.get("suppressions") == [{"kind": "inSource", "justification": "quoted from a warning letter"}]
               for r in run["results"])


def test_sarif_fingerprints_survive_line_shifts(linter):
    before = json.loads(sarif.render(make(linter)))
    after = json.loads(sarif.render(make(linter, "# New heading\n\nIntro.\n\nOur stem cells cure autism.\n\n"
                                              "It is completely safe, “café” 😀.\n")))
    prints = lambda data: {r["ruleId"]: r["partialFingerprints"]["claimcheck/v1"] for r in data["runs"][0]["results"]}  # noqa: E731
    assert prints(before) == prints(after)


def test_sarif_is_read_back_by_sarif_tools(linter, tmp_path):
    loader = pytest.importorskip("sarif.loader")
    path = tmp_path / "out.sarif"
    path.write_text(sarif.render(make(linter)), encoding="utf-8")
    files = loader.load_sarif_files(str(path))
    assert files.get_distinct_tool_names() == ["claimcheck"]
    assert files.get_result_count() == len(make(linter).findings)
    records = files.get_records()
    assert {r["Location"] for r in records} == {"docs/page.md"}


def _finding(**changes):
    base = dict(path="a,b:c.md", line=1, column=5, end_line=1, end_column=9, offset=4, end_offset=8,
                rule="x.y", category="safety", level=Level.WARNING, message="50% safe\nreally",
                text="safe", suggestion="Say less.")
    base.update(changes)
    return Finding(**base)


def test_github_commands_escape_data_and_properties():
    out = github.render(Report((_finding(),), 1))
    assert out == ("::warning file=a%2Cb%3Ac.md,line=1,endLine=1,col=5,endColumn=9,title=claimcheck x.y"
                   "::50%25 safe%0Areally Say instead: Say less.\n")
    assert github.render(Report((_finding(level=Level.INFO),), 1)).startswith("::notice ")


def test_rdjsonl_columns_are_utf8_bytes():
    line = "中文 safe"
    report = Report((_finding(path="p.md", column=4, end_column=8),), 1, (), {("p.md", 1): line})
    data = json.loads(rdjsonl.render(report))
    assert data["location"]["range"]["start"] == {"line": 1, "column": len("中文 ".encode()) + 1}
    assert data["location"]["range"]["end"]["column"] == len("中文 safe".encode()) + 1
    assert data["severity"] == "WARNING" and data["code"] == {"value": "x.y"}
