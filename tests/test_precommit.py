"""The hook, run by the real `pre-commit` program against this repository."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def content_repo(tmp_path_factory):
    if not (ROOT / ".git").exists():
        pytest.skip("needs this repository as a git checkout")
    folder = tmp_path_factory.mktemp("content")
    (folder / "risky.md").write_text("# Knees\n\nOur stem cells cure arthritis.\n", encoding="utf-8")
    (folder / "clean.md").write_text("# Hours\n\nWe are open on Saturdays.\n", encoding="utf-8")
    (folder / "notes.txt").write_text("Parking is behind the building.\n", encoding="utf-8")
    (folder / "script.py").write_text("print('stem cells cure arthritis')\n", encoding="utf-8")
    for args in (["init", "-q"], ["config", "user.email", "t@example.com"], ["config", "user.name", "t"],
                 ["add", "."], ["commit", "-qm", "content"]):
        subprocess.run(["git", *args], cwd=folder, check=True, capture_output=True)
    return folder


def try_repo(folder: Path, *files: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, PRE_COMMIT_HOME=str(folder.parent / "pre-commit-home"))
    env.pop("VIRTUAL_ENV", None)
    pre_commit = shutil.which("pre-commit") or str(Path(sys.executable).parent / "pre-commit")
    args = [pre_commit, "try-repo", str(ROOT), "claimcheck", "--verbose"]
    args += ["--files", *files] if files else ["--all-files"]
    return subprocess.run(args, cwd=folder, capture_output=True, text=True, env=env, timeout=1200)


def test_risky_file_fails_the_hook_with_the_finding(content_repo):
    result = try_repo(content_repo, "risky.md")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "risky.md:3:5: error [unapproved.disease-treatment]" in result.stdout


def test_clean_files_pass_and_other_types_are_not_passed(content_repo):
    result = try_repo(content_repo, "clean.md", "notes.txt", "script.py")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Passed" in result.stdout
