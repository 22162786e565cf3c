"""Configuration: discovery, every option, errors, `claimcheck config`."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from claimcheck.cli import main

CONFIG = """\
packs:
  testimonial: off
rules:
  superiority: info
  superiority.rank: off
vocabulary:
  unapproved.products: [RegenX serum]
exclude: ["content/archive/**"]
fail_on: error
overrides:
  - paths: ["content/legacy*.md"]
    rules: {unapproved: warning}
"""
PAGE = "RegenX serum heals arthritis. The #1 regenerative clinic. Unlike surgery, PRP heals tendons. My knee feels brand new.\n"


@pytest.fixture
def project(tmp_path, monkeypatch):
    (tmp_path / "content" / "archive").mkdir(parents=True)
    for name in ("content/a.md", "content/archive/b.md", "content/legacy1.md"):
        (tmp_path / name).write_text(PAGE, encoding="utf-8")
    (tmp_path / ".claimcheck.yaml").write_text(CONFIG, encoding="utf-8")
    (tmp_path / "content" / "sub").mkdir()
    monkeypatch.chdir(tmp_path / "content" / "sub")  # discovered by walking up
    return tmp_path


def run(*args):
    result = CliRunner().invoke(main, ["--format", "json", "--ignore", "disclaimers", *args], catch_exceptions=False)
    return result, json.loads(result.stdout) if result.stdout.startswith("{") else None


def test_configuration_applies(project):
    result, data = run(str(project / "content"))
    by_file = {}
    for f in data["findings"]:
        by_file.setdefault(f["path"].split("/")[-1], set()).add((f["rule"], f["level"]))
    assert "b.md" not in by_file  # excluded
    assert ("unapproved.disease-treatment", "error") in by_file["a.md"]  # brand name added to products
    assert ("unapproved.disease-treatment", "warning") in by_file["legacy1.md"]  # per-path override
    assert ("superiority.versus-standard-care", "info") in by_file["a.md"]  # prefix level
    assert not any(rule.startswith(("testimonial", "superiority.rank")) for rule, _ in by_file["a.md"])
    assert result.exit_code == 1  # fail_on: error, and a.md has an error


def test_fail_on_from_config_and_cli_override(project):
    (project / "content" / "a.md").write_text("Unlike surgery, PRP heals tendons.\n", encoding="utf-8")
    assert run("--select", "superiority", str(project / "content" / "a.md"))[0].exit_code == 0
    assert run("--select", "superiority", "--fail-on", "info", str(project / "content" / "a.md"))[0].exit_code == 1


def test_no_config_and_explicit_config(project, tmp_path_factory):
    _, data = run("--no-config", str(project / "content"))
    assert any(f["path"].endswith("b.md") for f in data["findings"])
    other = tmp_path_factory.mktemp("other") / "cc.yaml"
    other.write_text("packs:\n  unapproved: off\n", encoding="utf-8")
    _, data = run("--config", str(other), str(project / "content" / "a.md"))
    assert not any(f["rule"].startswith("unapproved") for f in data["findings"])


def test_pyproject_table(tmp_path, monkeypatch):
    (tmp_path / "pyproject.toml").write_text('[tool.claimcheck]\nrules = { safety = "off" }\n', encoding="utf-8")
    (tmp_path / "p.md").write_text("PRP is completely safe.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    _, data = run("p.md")
    assert data["findings"] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("rulez: {}\n", ":1: key 'rulez': unknown key"),
        ("rules:\n  safety: loud\n", "key 'rules.safety': must be one of error, warning, info, off"),
        ("rules:\n  nope: off\n", ":2: key 'rules.nope': unknown rule id or prefix 'nope'"),
        ("packs: [a]\n", "key 'packs': must be a mapping"),
        ("vocabulary:\n  unapproved.brands: [X]\n", "unknown vocabulary 'unapproved.brands'"),
        ("fail_on: never\n", "key 'fail_on': must be one of error, warning, info"),
        ("rules: [\n", "invalid YAML"),
        ("rule_dirs: [packs, missing]\n", ":1: key 'rule_dirs.1': no folder 'missing'"),
    ],
)
def test_bad_configuration_is_exit_3_with_file_line_and_key(tmp_path, text, expected):
    config = tmp_path / "c.yaml"
    config.write_text(text, encoding="utf-8")
    (tmp_path / "packs").mkdir()
    (tmp_path / "p.md").write_text("Hi.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["--config", str(config), str(tmp_path / "p.md")])
    assert result.exit_code == 3
    assert str(config) in result.stderr and expected in result.stderr


def test_config_command_shows_values_and_origins(project):
    result = CliRunner().invoke(main, ["config"])
    assert result.exit_code == 0
    assert f"fail_on: error    # {project / '.claimcheck.yaml'}:9" in result.stdout
    assert "include: []    # default" in result.stdout
