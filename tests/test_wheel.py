"""Smoke test of the real artifact: build the wheel, install it into a fresh
virtual environment (no editable install, no source tree on the path) and run
the installed `claimcheck` console script."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import venv
import zipfile

import pytest

from .conftest import EXAMPLES, ROOT

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    if os.environ.get("CLAIMCHECK_SKIP_WHEEL_TEST"):
        pytest.skip("CLAIMCHECK_SKIP_WHEEL_TEST is set")
    work = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--outdir", str(work / "dist"), str(ROOT)],
        check=True, capture_output=True,
    )
    [wheel] = (work / "dist").glob("claimcheck_health-*.whl")
    venv.create(work / "venv", with_pip=True)
    bindir = work / "venv" / ("Scripts" if os.name == "nt" else "bin")
    subprocess.run(
        [str(bindir / "python"), "-m", "pip", "install", "--quiet", str(wheel)],
        check=True, capture_output=True,
    )
    return wheel, bindir, work


def test_wheel_contains_the_rule_packs(installed):
    wheel, _, _ = installed
    names = zipfile.ZipFile(wheel).namelist()
    assert "claimcheck/rules/context.yaml" in names
    assert "claimcheck/rules/unapproved/disease-treatment.yaml" in names


def test_installed_console_script_checks_a_page(installed):
    _, bindir, work = installed
    page = work / "page.md"
    shutil.copy(EXAMPLES / "clinic-page.md", page)
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    result = subprocess.run(
        [str(bindir / "claimcheck"), "--format", "json", "page.md"],
        cwd=work, capture_output=True, text=True, env=env,
    )
    assert result.returncode == 1, result.stderr
    assert '"rule": "unapproved.disease-treatment"' in result.stdout
    where = subprocess.run(
        [str(bindir / "python"), "-c", "import claimcheck, claimcheck.loader as l; print(claimcheck.__file__); print(l.builtin_rules_dir())"],
        cwd=work, capture_output=True, text=True, env=env, check=True,
    ).stdout
    assert str(ROOT / "src") not in where and "site-packages" in where
    tested = subprocess.run([str(bindir / "claimcheck"), "rules", "test"], cwd=work, capture_output=True, text=True, env=env)
    assert tested.returncode == 0 and tested.stdout.strip().endswith("0 failed")
