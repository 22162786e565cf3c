"""SARIF against the official schema and a real consumer; GitHub commands
escaping; reviewdog byte columns."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.findings import Finding, Level
from claimcheck.formatters import render
from claimcheck.report import Run, Suppressed, results

from .conftest import ROOT, SHARED

SCHEMA = SHARED / "schemas" / "sarif-schema-2.1.0.json"


TEXT = "Our stem cells cure autism.\n\nIt is completely safe, “café” 😀.\n"


def lines_of(text, path="docs/page.md"):
    return {(path, n + 1): line for n, line in enumerate(text.splitlines())}


def sarif(linter, text=TEXT, path="docs/page.md", **stream):
    findings = stream.pop("findings", None)
    findings = linter.lint_text(text, path=path) if findings is None else findings
    events = results(findings, lines_of(text, path), **stream)
    return render("sarif", events, Run(linter.ruleset.rules, str(ROOT)))


def test_sarif_is_valid_against_the_official_schema(linter):
    jsonschema = pytest.importorskip("jsonschema")
    if not SCHEMA.is_file():
        pytest.skip(f"the official SARIF schema is not at {SCHEMA}")
    findings = linter.lint_text(TEXT, path="docs/page.md")
    suppressed = Suppressed(findings[0], "quoted from a warning letter")
    data = json.loads(sarif(linter, findings=findings[1:], suppressed=(suppressed,),
                            errors=(("bad.md", "not valid UTF-8"),)))
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
    before = json.loads(sarif(linter))
    after = json.loads(sarif(linter, "# New heading\n\nIntro.\n\nOur stem cells cure autism.\n\n"
                                     "It is completely safe, “café” 😀.\n"))
    prints = lambda data: {r["ruleId"]: r["partialFingerprints"]["claimcheck/v1"] for r in data["runs"][0]["results"]}  # noqa: E731
    assert prints(before) == prints(after)


def test_sarif_is_read_back_by_sarif_tools(linter, tmp_path):
    loader = pytest.importorskip("sarif.loader")
    path = tmp_path / "out.sarif"
    path.write_text(sarif(linter), encoding="utf-8")
    files = loader.load_sarif_files(str(path))
    assert files.get_distinct_tool_names() == ["claimcheck"]
    assert files.get_result_count() == len(linter.lint_text(TEXT, path="docs/page.md"))
    records = files.get_records()
    assert {r["Location"] for r in records} == {"docs/page.md"}


def _finding(**changes):
    base = dict(path="a,b:c.md", line=1, column=5, end_line=1, end_column=9, offset=4, end_offset=8,
                rule="x.y", category="safety", level=Level.WARNING, message="50% safe\nreally",
                text="safe", suggestion="Say less.")
    base.update(changes)
    return Finding(**base)


@pytest.mark.parametrize("fmt", ["json", "sarif"])
def test_text_with_unicode_line_separators_is_written_unchanged(linter, fmt):
    # U+0085, U+2028 and U+2029 end a line for str.splitlines; in a JSON
    # string they are plain characters (an earlier SARIF writer indented
    # after them, inside the snippet).
    text = "safe\x85now\u2028and\u2029then"
    finding = _finding(rule="safety.safe-claim", text=text, message="m\u2028n")
    data = json.loads(render(fmt, results([finding]), Run(linter.ruleset.rules, str(ROOT))))
    if fmt == "sarif":
        result = data["runs"][0]["results"][0]
        assert result["locations"][0]["physicalLocation"]["region"]["snippet"]["text"] == text
        assert result["message"]["text"].startswith("m\u2028n Say instead")
    else:
        assert data["findings"][0]["text"] == text and data["findings"][0]["message"] == "m\u2028n"


def test_github_commands_escape_data_and_properties():
    out = render("github", results([_finding()]))
    assert out == ("::warning file=a%2Cb%3Ac.md,line=1,endLine=1,col=5,endColumn=9,title=claimcheck x.y"
                   "::50%25 safe%0Areally Say instead: Say less.\n")
    assert render("github", results([_finding(level=Level.INFO)])).startswith("::notice ")


def test_rdjsonl_columns_are_utf8_bytes():
    line = "中文 safe"
    data = json.loads(render("rdjsonl", results([_finding(path="p.md", column=4, end_column=8)], {("p.md", 1): line})))
    assert data["location"]["range"]["start"] == {"line": 1, "column": len("中文 ".encode()) + 1}
    assert data["location"]["range"]["end"]["column"] == len("中文 safe".encode()) + 1
    assert data["severity"] == "WARNING" and data["code"] == {"value": "x.y"}


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "github", "rdjsonl"])
def test_formats_stream_each_file_before_the_next_is_checked(linter, fmt):
    """A formatter writes a file's findings as soon as the file is done, so a
    run never holds all its findings."""
    from claimcheck.formatters import formatter

    def events():
        yield from results(linter.lint_text(TEXT, path="docs/page.md"), lines_of(TEXT))[:-1]
        raise RuntimeError("the second file is still being checked")

    chunks = formatter(fmt)(events(), Run(linter.ruleset.rules, str(ROOT)), False)
    assert "docs/page.md" in next(chunks)
    with pytest.raises(RuntimeError):
        list(chunks)


# -- jsontext: the JSON and SARIF formatters' indented encoder ---------------

_JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner, max_size=4),
    max_leaves=25,
)


@given(_JSON_VALUES, st.integers(min_value=0, max_value=5))
@settings(max_examples=300)
def test_jsontext_writes_the_bytes_of_json_dumps_with_indent(value, level):
    import json

    from claimcheck.formatters import jsontext

    expected = json.dumps(value, indent=2, ensure_ascii=False)
    assert jsontext.dumps(value) == expected
    # At a depth: inner lines indented as if the value were nested ``level``
    # deep. (Not textwrap.indent: it also breaks lines at U+0085 and U+2028.)
    prefix = "  " * level
    assert prefix + jsontext.dumps(value, level) == prefix + expected.replace("\n", "\n" + prefix)


def test_jsontext_refuses_values_it_cannot_write():
    # Non-string keys too (json.dumps would turn 1 into "1"; no formatter builds them).
    from claimcheck.formatters import jsontext

    for bad, error in (({1: "x"}, TypeError), (float("nan"), ValueError), (float("inf"), ValueError),
                       (object(), TypeError), ({"a": [set()]}, TypeError)):
        with pytest.raises(error):
            jsontext.dumps(bad)
    assert jsontext.dumps(("a", 1, 2.5, True, None)) == '[\n  "a",\n  1,\n  2.5,\n  true,\n  null\n]'


def test_fingerprints_keep_their_values_on_short_lines_and_hash_long_lines_once(linter, monkeypatch):
    import hashlib

    from claimcheck import fingerprints as module

    short = "Our stem cells cure autism."
    [finding] = [f for f in linter.lint_text(short, path="p.txt", format="text") if f.rule.startswith("unapproved")]
    base = f"p.txt\0{finding.rule}\0{finding.text.lower()}\0{short.lower()}\0{1}"
    assert module.fingerprints([finding], {1: short}) == [hashlib.sha256(base.encode()).hexdigest()[:32]]
    # one long line with many findings: the line is normalized once, not once a finding
    long_line = "Stem cells cure autism. " * 400
    found = [f for f in linter.lint_text(long_line, path="p.txt", format="text") if f.line == 1]
    assert len(found) > 300
    calls = []
    normal = module._normal
    monkeypatch.setattr(module, "_normal", lambda text: calls.append(len(text)) or normal(text))
    prints = module.fingerprints(found, {1: long_line})
    assert len(set(prints)) == len(prints)
    assert sum(1 for n in calls if n > module.LONG_LINE) == 1


def test_lint_text_reads_a_path_in_its_own_format_as_the_cli_does(linter, tmp_path):
    """Without ``format``, the path's suffix decides (plain text for other
    suffixes), and ``"<text>"`` is Markdown, as standard input is."""
    from click.testing import CliRunner

    from claimcheck.cli import main

    html = "<p>Our stem cells cure <b>autism</b>.</p>\n<!-- Stem cells cure lupus. -->\n"
    for name in ("page.html", "page.txt", "page.rst"):
        (tmp_path / name).write_text(html, encoding="utf-8")
        result = CliRunner().invoke(main, [str(tmp_path / name), "--format", "json"])
        cli = [(f["line"], f["column"], f["rule"]) for f in json.loads(result.output)["findings"]]
        api = [(f.line, f.column, f.rule) for f in linter.lint_text(html, path=str(tmp_path / name))]
        assert api == cli, name
    as_html = linter.lint_text(html, path="page.html")
    assert as_html and all(f.line == 1 for f in as_html)  # the comment is not prose in HTML
    assert any(f.line == 2 for f in linter.lint_text(html, path="page.txt"))
    assert linter.lint_text(html) == linter.lint_text(html, path="<text>", format="markdown")
