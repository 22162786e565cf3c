"""The command line, in-process with CliRunner: options, exit codes, bad input."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from claimcheck.cli import main

RISKY = "# Clinic\n\nOur stem cells cure autism.\n"
CLEAN = "# Clinic\n\nWe are open on Saturdays.\n"


@pytest.fixture
def run():
    def invoke(*args, input=None, env=None):
        return CliRunner().invoke(main, list(args), input=input, env=env, catch_exceptions=False)

    return invoke


@pytest.fixture
def pages(tmp_path):
    (tmp_path / "risky.md").write_text(RISKY, encoding="utf-8")
    (tmp_path / "clean.md").write_text(CLEAN, encoding="utf-8")
    return tmp_path


def test_findings_exit_1_with_path_line_col(run, pages):
    result = run(str(pages / "risky.md"))
    assert result.exit_code == 1
    assert f"{pages / 'risky.md'}:3:5: error [unapproved.disease-treatment]" in result.stdout
    assert "^^^^" in result.stdout and "Found 2 problems" in result.stdout


def test_clean_file_exits_0(run, pages):
    result = run(str(pages / "clean.md"))
    assert (result.exit_code, result.stdout) == (0, "No problems found in 1 file.\n")


def test_directories_are_recursed_in_sorted_order(run, pages):
    (pages / "sub").mkdir()
    (pages / "sub" / "a.txt").write_text("Stem cells cure autism.\n", encoding="utf-8")
    (pages / "page.html").write_text("<p>Stem cells cure autism.</p>", encoding="utf-8")
    (pages / "ignored.js").write_text("// Stem cells cure autism.", encoding="utf-8")
    (pages / ".hidden").mkdir()
    (pages / ".hidden" / "x.md").write_text(RISKY, encoding="utf-8")
    data = json.loads(run("--format", "json", str(pages)).stdout)
    assert data["summary"]["files"] == 4
    paths = [f["path"] for f in data["findings"]]
    assert paths == sorted(paths) and all(".hidden" not in p and ".js" not in p for p in paths)
    assert any(p.endswith("page.html") for p in paths)


def test_video_captions_in_a_folder_are_read_as_text(run, tmp_path):
    """.srt and .vtt files are found in a folder and read as text: the cue
    timings are not prose, and a claim that runs over two cues is found on
    the line where it starts."""
    (tmp_path / "promo.vtt").write_text("WEBVTT\n\n00:00.000 --> 00:02.000 align:start\nour stem cells cure\n\n"
                                       "00:02.000 --> 00:04.000\nautism in weeks\n", encoding="utf-8")
    (tmp_path / "promo.srt").write_text("1\r\n00:00:01,000 --> 00:00:02,000\r\nOur stem cells\r\n\r\n2\r\n"
                                       "00:00:02,000 --> 00:00:04,000\r\ncure autism.\r\n", encoding="utf-8")
    data = json.loads(run("--format", "json", "--no-scorer", str(tmp_path)).stdout)
    found = {(f["path"].rsplit("/", 1)[-1], f["line"], f["rule"]) for f in data["findings"]}
    assert ("promo.vtt", 4, "unapproved.disease-treatment") in found
    assert ("promo.srt", 3, "unapproved.disease-treatment") in found
    assert data["summary"]["files"] == 2


def test_fail_on_decides_the_exit_code_not_what_is_shown(run, pages):
    page = pages / "warn.md"
    page.write_text("Read our success stories.\n\n*Individual results vary.*\n", encoding="utf-8")
    assert run(str(page)).exit_code == 1
    result = run("--fail-on", "error", str(page))
    assert result.exit_code == 0 and "testimonial.patient-reports" in result.stdout


def test_select_and_ignore_by_prefix(run, pages):
    path = str(pages / "risky.md")
    assert "disclaimers" not in run("--ignore", "disclaimers", path).stdout
    result = run("--select", "safety,efficacy", path)
    assert result.exit_code == 0 and "No problems" in result.stdout


def test_stdin_with_filename(run):
    result = run("-", "--stdin-filename", "page.txt", input="Stem cells cure autism.\n")
    assert result.exit_code == 1 and "page.txt:1:1:" in result.stdout


def test_unreadable_files_exit_2_and_others_are_still_checked(run, pages):
    (pages / "latin1.md").write_bytes("Caf\xe9 stem cells cure autism.\n".encode("latin-1"))
    result = run("--format", "json", str(pages / "latin1.md"), str(pages / "missing.md"), str(pages / "risky.md"))
    assert result.exit_code == 2
    assert "latin1.md: not valid UTF-8 (byte 0xe9 at line 1" in result.stderr
    assert "missing.md: no such file or directory" in result.stderr
    data = json.loads(result.stdout)
    assert data["summary"]["unreadable"] == 2 and data["summary"]["files"] == 1
    assert {f["path"] for f in data["findings"]} == {str(pages / "risky.md")}


def test_binary_file_is_refused(run, pages):
    (pages / "x.md").write_bytes(b"\x00\x01\x02binary")
    result = run(str(pages / "x.md"))
    assert result.exit_code == 2 and "binary" in result.stderr


def test_files_are_never_modified(run, pages):
    before = {p: p.read_bytes() for p in pages.iterdir()}
    run(str(pages))
    assert before == {p: p.read_bytes() for p in pages.iterdir()}


def test_usage_errors_exit_2(run, pages):
    assert run().exit_code == 2
    assert run("--format", "xml", str(pages / "risky.md")).exit_code == 2


def test_color_only_when_asked_or_on_a_terminal(run, pages):
    path = str(pages / "risky.md")
    assert "\x1b[" not in run(path).stdout
    assert "\x1b[" in run("--color", path).stdout
    assert "\x1b[" not in run("--color", "--format", "json", path).stdout


def test_rules_list_json_has_all_metadata(run):
    data = json.loads(run("rules", "list", "--format", "json").stdout)
    rule = next(r for r in data["rules"] if r["id"] == "unapproved.disease-treatment")
    assert set(rule) == {"id", "kind", "level", "category", "message", "rationale", "references",
                         "suggestion", "examples", "voices"}
    assert rule["examples"]["flag"] and rule["references"][0]["url"].startswith("https://")
    assert rule["voices"] == [] and next(r for r in data["rules"] if r["id"] == "testimonial.third-person")[
        "voices"] == ["promotional"]


def test_rules_list_text(run):
    result = run("rules", "list")
    assert result.exit_code == 0 and "fda.approved" in result.stdout


def test_rules_test_runs_every_example(run):
    result = run("rules", "test")
    assert result.exit_code == 0 and result.stdout.strip().endswith(" passed, 0 failed")


def test_rules_test_reports_failures(run, tmp_path):
    from .test_loader import RULE, make_pack

    folder = make_pack(tmp_path, rule=RULE.replace("pass: [Try our moisturizer today.]", "pass: [RegenX serum.]"))
    result = run("rules", "test", "--rules", str(folder))
    assert result.exit_code == 1 and "FAIL acme.brand-claim: expected to pass" in result.stdout


def test_explain(run):
    result = run("explain", "safety.absolute-safety")
    assert result.exit_code == 0
    for part in ("Why it matters:", "Say instead:", "References:", "https://", "Flagged, for example:"):
        assert part in result.stdout


def test_explain_unknown_rule(run):
    result = run("explain", "safety.nope")
    assert result.exit_code == 2 and "safety.absolute-safety" in result.stderr


def test_no_color_env_is_honoured(pages):
    from claimcheck.cli import _use_color

    import os

    os.environ["NO_COLOR"] = "1"
    try:
        assert _use_color(None) is False
    finally:
        del os.environ["NO_COLOR"]


# -- the program itself: `claimcheck` / `python -m claimcheck` leave with os._exit --------


class _Left(Exception):
    def __init__(self, code):
        self.code = code


@pytest.fixture
def leave(monkeypatch):
    """``cli.run`` with ``os._exit`` replaced by an exception carrying its code."""
    from claimcheck import cli

    def fake_exit(code):
        raise _Left(code)

    monkeypatch.setattr(cli.os, "_exit", fake_exit)
    return cli


@pytest.mark.parametrize("raised, code", [(None, 0), (0, 0), (1, 1), (2, 2), ("a message", 1)])
def test_run_leaves_with_mains_exit_code(leave, monkeypatch, capsys, raised, code):
    def main():
        raise SystemExit(raised)

    monkeypatch.setattr(leave, "main", main)
    with pytest.raises(_Left) as left:
        leave.run()
    assert left.value.code == code
    assert capsys.readouterr().err == ("a message\n" if raised == "a message" else "")


def test_run_leaves_with_0_when_main_returns_and_lets_errors_through(leave, monkeypatch):
    monkeypatch.setattr(leave, "main", lambda: None)
    with pytest.raises(_Left) as left:
        leave.run()
    assert left.value.code == 0

    def broken():
        raise RuntimeError("a bug")

    monkeypatch.setattr(leave, "main", broken)
    with pytest.raises(RuntimeError):  # a traceback and the interpreter's own exit, as before
        leave.run()


def _program(*args, **kwargs):
    import subprocess
    import sys

    return subprocess.run([sys.executable, "-m", "claimcheck", *args], capture_output=True, text=True, **kwargs)


def test_the_program_prints_everything_main_prints_and_exits_as_it_does(run, pages):
    """Nothing is lost to leaving without the interpreter's teardown: the
    program's output and exit code are those of ``main`` in-process."""
    for args in (["--format", "json", str(pages / "risky.md")], [str(pages / "clean.md")],
                 ["--format", "sarif", str(pages / "risky.md"), str(pages / "missing.md")]):
        inside = run(*args)
        program = _program(*args)
        assert program.returncode == inside.exit_code, args
        assert program.stdout == inside.stdout, args
    assert "missing.md" in program.stderr and json.loads(program.stdout)["version"] == "2.1.0"


def test_a_reader_that_stops_early_gets_no_traceback(tmp_path):
    import subprocess
    import sys

    page = tmp_path / "many.md"
    page.write_text("".join(f"Our stem cells cure arthritis, case {n}.\n\n" for n in range(400)), encoding="utf-8")
    program = subprocess.Popen([sys.executable, "-m", "claimcheck", str(page)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert program.stdout.readline().startswith(str(page).encode())
    program.stdout.close()  # like `| head -1`
    stderr = program.stderr.read().decode()
    assert program.wait(timeout=120) == 1
    assert "Traceback" not in stderr
