"""The README's speed figures come from scripts in bench/: they must keep
running. Small sizes here; the numbers themselves are not checked (timed
tests would only measure the CI machine)."""

from __future__ import annotations

import os
import subprocess
import sys

from .conftest import ROOT, SHARED

ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def _run(*args: str) -> str:
    result = subprocess.run([sys.executable, *args], cwd=ROOT, capture_output=True, text=True, env=ENV, timeout=600)
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout


def test_stages_prints_every_stage():
    out = _run("bench/stages.py", "--files", "6")
    for stage in ("| tokenize |", "| claim scorer, per page, nothing remembered |",
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
