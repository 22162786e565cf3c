"""One bad file never loses the run: a file that makes claimcheck fail is
reported with its path and reason (exit 2), every other file is still
checked, and every output format stays valid and complete, with and without
worker processes. Any nesting depth is read."""

from __future__ import annotations

import json
import os
import re

import pytest
from click.testing import CliRunner

from claimcheck import engine
from claimcheck.api import Linter
from claimcheck.cli import main
from claimcheck.readers import reader

from .conftest import EXAMPLES, SHARED

SCHEMA = SHARED / "schemas" / "sarif-schema-2.1.0.json"
CLAIM = "Our stem cells cure autism.\n"


@pytest.fixture
def folder(tmp_path):
    """Five pages with a claim each; the middle one makes the engine fail."""
    for name in ("a", "b", "c-bad", "d", "e"):
        (tmp_path / f"{name}.md").write_text(f"# {name}\n\n{CLAIM}", encoding="utf-8")
    return tmp_path


def _fail_on_c_bad(monkeypatch, error: BaseException) -> None:
    """The engine raises ``error`` on the page named c-bad, works on the others."""
    real = engine.lint_document

    def lint_document(document, compiled):
        if "c-bad" in document.path:
            raise error
        return real(document, compiled)

    monkeypatch.setattr(engine, "lint_document", lint_document)


@pytest.fixture
def failing_engine(monkeypatch):
    _fail_on_c_bad(monkeypatch, RuntimeError("boom in the engine"))


def _parse(fmt: str, out: str) -> list[str]:
    """The paths with findings in an output, after checking that it parses."""
    if fmt == "json":
        data = json.loads(out)
        assert any("c-bad.md" in e["path"] and "RuntimeError" in e["message"] for e in data["errors"])
        return sorted({os.path.basename(f["path"]) for f in data["findings"]})
    if fmt == "sarif":
        data = json.loads(out)
        if SCHEMA.is_file():
            jsonschema = pytest.importorskip("jsonschema")
            jsonschema.validate(data, json.loads(SCHEMA.read_text(encoding="utf-8")))
        run = data["runs"][0]
        notes = run["invocations"][0]["toolExecutionNotifications"]
        assert any("c-bad.md" in json.dumps(n) for n in notes)
        return sorted({r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].rsplit("/", 1)[-1]
                       for r in run["results"]})
    if fmt == "rdjsonl":
        rows = [json.loads(line) for line in out.splitlines() if line.strip()]
        return sorted({os.path.basename(r["location"]["path"]) for r in rows})
    if fmt == "github":
        lines = out.splitlines()
        assert all(line.startswith("::") for line in lines)
        assert any("c-bad.md" in line and line.startswith("::error") for line in lines)
        return sorted({line.split("file=", 1)[1].split(",", 1)[0].rsplit("/", 1)[-1]
                       for line in lines if "file=" in line and "c-bad" not in line})
    if fmt == "html":
        assert "internal error while checking this file" in out and out.rstrip().endswith("</html>")
        return sorted({os.path.basename(path) for path in re.findall(r'data-path="([^"]+)"', out)})
    return sorted({os.path.basename(line.split(":", 1)[0]) for line in out.splitlines()
                   if line.endswith(".md") is False and ".md:" in line})


@pytest.mark.parametrize("jobs", ["1", "2"])
@pytest.mark.parametrize("fmt", ["json", "sarif", "rdjsonl", "github", "text", "html"])
def test_a_file_that_makes_claimcheck_fail_loses_nothing_else(folder, failing_engine, fmt, jobs):
    result = CliRunner().invoke(main, [str(folder), "--format", fmt, "--jobs", jobs, "--no-scorer", "-q"])
    assert result.exit_code == 2, result.output
    assert "c-bad.md" in result.stderr and "internal error" in result.stderr
    assert _parse(fmt, result.stdout) == ["a.md", "b.md", "d.md", "e.md"]


class Panic(BaseException):
    """What a Rust extension's panic looks like from Python (pyo3's
    PanicException derives from BaseException, not Exception)."""


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_panic_in_an_extension_loses_nothing_else(folder, monkeypatch, jobs):
    _fail_on_c_bad(monkeypatch, Panic("index out of bounds: the len is 0 but the index is 1"))
    result = CliRunner().invoke(main, [str(folder), "--format", "json", "--jobs", jobs, "--no-scorer", "-q"])
    assert result.exit_code == 2, result.output
    data = json.loads(result.stdout)
    assert [e["message"][:56] for e in data["errors"]] == ["internal error while checking this file (Panic: index ou"]
    assert sorted({os.path.basename(f["path"]) for f in data["findings"]}) == ["a.md", "b.md", "d.md", "e.md"]


def test_a_stray_backtick_after_a_bracket_does_not_crash_the_markdown_parser(linter):
    """markdown-it-pyrs 0.4 panics on "[" then a backtick string that closes
    no code span; such strings are read as apostrophes before parsing."""
    from claimcheck.readers.defuse import literal_ticks as _literal_ticks

    source = "Our stem cells cure autism. See [`the study, or [``two, or \\`this` and `code` here.\n"
    findings = linter.lint_text(source, path="page.md")
    assert "unapproved.disease-treatment" in {f.rule for f in findings}
    assert all(source[f.offset:f.end_offset] == f.text for f in findings)
    assert _literal_ticks("a `code` [`x") == "a `code` ['x"  # a code span is kept, the stray string is not
    assert _literal_ticks("[\\`!`") == "[\\`!'"  # an escaped backtick opens nothing


def test_a_parser_panic_is_read_around_quietly(linter, capfd):
    """A "[" and a stray backtick on two lines of a paragraph still make
    markdown-it-pyrs panic: the section is parsed again with its backticks
    as apostrophes, and Rust's panic message does not reach stderr."""
    source = "Our stem cells cure autism.\n\nSee [the study\nand `this.\n"
    findings = linter.lint_text(source, path="page.md")
    assert "unapproved.disease-treatment" in {f.rule for f in findings}
    assert all(source[f.offset:f.end_offset] == f.text for f in findings)
    assert capfd.readouterr().err == ""


def test_the_reason_names_the_error_and_is_one_short_line(folder, failing_engine):
    result = CliRunner().invoke(main, [str(folder), "--format", "json", "--no-scorer"])
    errors = json.loads(result.stdout)["errors"]
    assert len(errors) == 1
    reason = errors[0]["message"]
    assert reason.startswith("internal error while checking this file (RuntimeError: boom in the engine)")
    assert "\n" not in reason


@pytest.mark.parametrize("text", [
    "> " * 5000 + "Our stem cells cure autism.\n",
    "".join("  " * depth + "- item\n" for depth in range(1500)) + "  " * 1500 + "- Our stem cells cure autism.\n",
    "Our stem cells " + "**" * 2000 + "cure autism" + "**" * 2000 + ".\n",
    "Our stem cells " + "*[" * 1000 + "cure autism" + "](x)*" * 1000 + ".\n",
])
def test_any_nesting_depth_is_read(linter, text):
    document = reader("markdown")(text, "deep.md")
    found = [(block, block.text.find("cure autism")) for block in document.blocks if "cure autism" in block.text]
    assert found
    block, at = found[0]
    start, end = block.source_span(at, at + len("cure autism"))
    assert text[start:end] == "cure autism"


def test_deep_quotes_still_report_their_claim(linter):
    text = "> " * 5000 + "Our stem cells cure autism.\n"
    found = linter.lint_text(text, "deep.md")
    assert any(f.text == "stem cells cure autism" for f in found), found


# -- one pipeline for the library and the CLI -------------------------------------

def _pages():
    return sorted([*EXAMPLES.glob("*.md"), *EXAMPLES.glob("*.txt")])


@pytest.mark.parametrize("page", _pages(), ids=lambda p: p.name)
def test_the_api_reports_what_the_cli_reports(linter, page):
    result = CliRunner().invoke(main, [str(page), "--format", "json", "--no-config"])
    cli = [(f["rule"], f["line"], f["column"], f["text"]) for f in json.loads(result.stdout)["findings"]]
    kind = "markdown" if page.suffix == ".md" else "text"
    api = [(f.rule, f.line, f.column, f.text) for f in linter.lint_text(page.read_text(encoding="utf-8"), str(page), kind)]
    assert api == cli


def test_the_api_honours_suppression_comments(linter):
    text = "<!-- claimcheck-disable-next-line unapproved -- quoted from a warning letter -->\nOur stem cells cure autism.\n"
    assert not [f for f in linter.lint_text(text, "page.md") if f.rule.startswith("unapproved")]
    suppressed = linter.check(text, "page.md").suppressed
    assert [s.justification for s in suppressed][:1] == ["quoted from a warning letter"]


def test_the_api_honours_per_path_overrides(tmp_path):
    from claimcheck.config import load

    config_file = tmp_path / ".claimcheck.yaml"
    config_file.write_text("overrides:\n  - paths: ['legal/*']\n    rules: {unapproved: 'off', safety: error}\n",
                           encoding="utf-8")
    config = load(config_file)
    linter = Linter.from_folders(config=config, scorer=False)
    text = "Our stem cells cure autism. It is completely safe.\n"
    other = linter.lint_text(text, str(tmp_path / "blog" / "p.md"))
    legal = linter.lint_text(text, str(tmp_path / "legal" / "p.md"))
    assert any(f.rule.startswith("unapproved") for f in other)
    assert not any(f.rule.startswith("unapproved") for f in legal)
    assert {str(f.level) for f in legal if f.rule.startswith("safety")} == {"error"}
    assert linter.for_path(str(tmp_path / "legal" / "q.md")) is linter.for_path(str(tmp_path / "legal" / "p.md"))


# -- inputs that are not plain UTF-8 files ----------------------------------------

@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"])
def test_utf16_and_utf32_files_with_a_bom_are_read(tmp_path, encoding):
    text = "# Café\r\n\r\nOur stem cells cure autism 😀.\r\n"
    data = text.encode(encoding)
    if not encoding.endswith(("-le", "-be")):
        assert data[:2] in (b"\xff\xfe", b"\xfe\xff")
    else:
        bom = {"utf-16-le": b"\xff\xfe", "utf-16-be": b"\xfe\xff",
               "utf-32-le": b"\xff\xfe\x00\x00", "utf-32-be": b"\x00\x00\xfe\xff"}[encoding]
        data = bom + data
    path = tmp_path / "page.md"
    path.write_bytes(data)
    result = CliRunner().invoke(main, [str(path), "--format", "json", "--no-scorer"])
    found = json.loads(result.stdout)["findings"]
    assert [(f["line"], f["column"], f["text"]) for f in found if f["rule"].startswith("unapproved")] == \
        [(3, 5, "stem cells cure autism")]


def test_a_broken_utf16_file_names_its_encoding(tmp_path):
    path = tmp_path / "page.md"
    path.write_bytes(b"\xff\xfe" + "Our stem cells".encode("utf-16-le") + b"\x00\xd8")  # a lone high surrogate
    result = CliRunner().invoke(main, [str(path)])
    assert result.exit_code == 2
    assert "UTF-16" in result.stderr


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_in_a_folder_is_skipped_with_a_notice(tmp_path):
    (tmp_path / "page.md").write_text(CLAIM, encoding="utf-8")
    os.mkfifo(tmp_path / "pipe.md")
    result = CliRunner().invoke(main, [str(tmp_path), "--format", "json", "--no-scorer"])
    assert result.exit_code == 1, result.output  # findings; the FIFO is no error and never blocks
    assert "pipe.md: skipped: a FIFO" in result.stderr
    assert {os.path.basename(f["path"]) for f in json.loads(result.stdout)["findings"]} == {"page.md"}


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_named_explicitly_is_read(tmp_path):
    import threading

    fifo = tmp_path / "pipe.md"
    os.mkfifo(fifo)
    writer = threading.Thread(target=lambda: fifo.write_text(CLAIM, encoding="utf-8"))
    writer.start()
    result = CliRunner().invoke(main, [str(fifo), "--format", "json", "--no-scorer"])
    writer.join()
    assert result.exit_code == 1
    assert json.loads(result.stdout)["findings"]


def test_an_unreadable_subfolder_is_an_error_and_the_rest_is_checked(tmp_path, monkeypatch):
    (tmp_path / "page.md").write_text(CLAIM, encoding="utf-8")
    (tmp_path / "locked").mkdir()
    real_walk = os.walk

    def walk(top, onerror=None, **kwargs):
        for root, dirs, files in real_walk(top, onerror=onerror, **kwargs):
            if "locked" in dirs and onerror:
                onerror(PermissionError(13, "Permission denied", str(tmp_path / "locked")))
                dirs.remove("locked")
            yield root, dirs, files

    monkeypatch.setattr(os, "walk", walk)
    result = CliRunner().invoke(main, [str(tmp_path), "--format", "json", "--no-scorer"])
    assert result.exit_code == 2
    data = json.loads(result.stdout)
    assert [e["message"] for e in data["errors"]] == ["cannot read this folder: Permission denied"]
    assert data["findings"]


@pytest.mark.skipif(os.name != "posix", reason="POSIX file names are bytes")
@pytest.mark.parametrize("fmt", ["sarif", "json", "text", "github", "rdjsonl"])
def test_a_file_name_that_is_not_utf8_is_escaped_in_every_format(tmp_path, fmt):
    folder = os.fsencode(tmp_path)
    with open(os.path.join(folder, b"caf\xe9.md"), "wb") as handle:
        handle.write(CLAIM.encode())
    result = CliRunner().invoke(main, [str(tmp_path), "--format", fmt, "--no-scorer"])
    assert result.exit_code == 1, result.output
    shown = result.stdout.replace("\\\\", "\\").replace("%5C", "\\")  # JSON and URI escapes undone
    assert "caf\\xe9.md" in shown
    if fmt in ("sarif", "json"):
        data = json.loads(result.stdout)
        if fmt == "sarif" and SCHEMA.is_file():
            jsonschema = pytest.importorskip("jsonschema")
            jsonschema.validate(data, json.loads(SCHEMA.read_text(encoding="utf-8")))


# -- readable text output on real pages ----------------------------------------------

def test_text_output_stays_proportional_to_findings_not_line_length(tmp_path):
    path = tmp_path / "one-line.md"
    path.write_text("Our stem cells cure autism. " + "Filler words here. " * 2600 + "Our PRP heals arthritis.\n",
                    encoding="utf-8")
    assert path.stat().st_size > 48_000
    result = CliRunner().invoke(main, [str(path), "--no-scorer"])
    findings = result.stdout.count("= try:")
    assert findings >= 2
    assert len(result.stdout) < 1500 * findings
    assert "…" in result.stdout


from hypothesis import given
from hypothesis import strategies as st

from claimcheck.formatters.text import char_width, window

_CHARS = st.sampled_from(list("abc xyz.") + ["中", "文", "😀", "é", "e\u0301"[1], "\t", "\u200b", "ｗ"])


@given(line=st.lists(_CHARS, min_size=1, max_size=400).map("".join), data=st.data(),
       width=st.integers(min_value=20, max_value=120))
def test_the_source_window_fits_and_its_carets_sit_under_the_span(line, data, width):
    start = data.draw(st.integers(min_value=0, max_value=len(line) - 1))
    end = data.draw(st.integers(min_value=start + 1, max_value=len(line)))
    shown, before, marked = window(line, start, end, width)
    columns = [char_width(c) for c in shown]
    assert sum(columns) <= max(width, 2) + 2
    # The carets start where the span starts on screen.
    span_text = line[start:end].replace("\t", " ")[:3]
    starts = [i for i in range(len(shown)) if shown[i:].startswith(span_text) or
              shown[i:].startswith(span_text[:1]) and shown[i + 1:i + 2] == "…"]
    assert any(sum(char_width(c) for c in shown[:i]) == before for i in starts), (shown, before)
    # ... and cover at most the span's own columns.
    assert 1 <= marked <= max(1, sum(char_width(c) if c != "\t" else 1 for c in line[start:end]))


class _Watched(str):
    """A line that records which characters are read one at a time."""

    def __new__(cls, text):
        line = super().__new__(cls, text)
        line.read = set()
        return line

    def __getitem__(self, key):
        if isinstance(key, int):
            self.read.add(key)
        return str.__getitem__(self, key)


def test_the_source_window_reads_only_characters_near_the_span():
    # Many findings on one huge line (a minified page) must not each measure the whole line.
    line = _Watched("é" * 1_000_000)
    window(line, 500_000, 500_004, 80)
    assert line.read and max(line.read) - min(line.read) < 1_000


class _Measured(str):
    """A line that claims not to be ASCII: window() then measures it character by character."""

    def __getitem__(self, key):
        part = str.__getitem__(self, key)
        return _Measured(part) if isinstance(key, slice) else part

    def isascii(self):
        return False


@given(data=st.data(), width=st.integers(min_value=20, max_value=120))
def test_the_ascii_window_shortcut_equals_measuring_each_character(data, width):
    line = data.draw(st.text(alphabet="abc xyz.", min_size=width + 1, max_size=3 * width + 50))
    start = data.draw(st.integers(min_value=0, max_value=len(line) - 1))
    end = data.draw(st.integers(min_value=start + 1, max_value=len(line)))
    shown, before, marked = window(_Measured(line), start, end, width)
    assert window(line, start, end, width) == (str(shown), before, marked)


# -- user regular expressions run in linear time ---------------------------------------

def test_a_catastrophic_disclaimer_pattern_runs_in_linear_time(tmp_path):
    (tmp_path / ".claimcheck.yaml").write_text(
        "disclaimers:\n  disclaimers.fda-status: ['(a+)+$']\n", encoding="utf-8")
    page = tmp_path / "page.md"
    page.write_text("Our stem cells cure autism.\n\n" + "a" * 50_000 + "!\n", encoding="utf-8")
    # With Python's re this pattern backtracks for longer than anyone waits.
    result = CliRunner().invoke(main, [str(page), "--format", "json", "--no-scorer",
                                       "--config", str(tmp_path / ".claimcheck.yaml")])
    assert result.exit_code == 1, result.output
    assert any(f["rule"] == "disclaimers.fda-status" for f in json.loads(result.stdout)["findings"])


def test_a_pattern_re2_cannot_take_is_rejected_at_load_with_its_line(tmp_path):
    config = tmp_path / ".claimcheck.yaml"
    config.write_text("fail_on: error\ndisclaimers:\n  disclaimers.fda-status: ['(not) approved \\1']\n",
                      encoding="utf-8")
    (tmp_path / "clean.md").write_text("We are open on Saturdays.\n", encoding="utf-8")
    result = CliRunner().invoke(main, [str(tmp_path / "clean.md"), "--config", str(config)])
    assert result.exit_code == 3
    assert ".claimcheck.yaml:3" in result.stderr and "disclaimers" in result.stderr
    assert "backreferences" in result.stderr


# -- claims across forced cuts --------------------------------------------------------

@pytest.mark.parametrize("filler", [140, 147, 149, 150, 151, 260, 297])
def test_a_claim_across_a_forced_cut_is_found_once(linter, filler):
    text = "word " * filler + "and our stem cells cure autism and more words " + "word " * 40 + "\n"
    found = [f for f in linter.lint_text(text, "page.txt", "text") if f.rule == "unapproved.disease-treatment"]
    assert [f.text for f in found] == ["stem cells cure autism"]
