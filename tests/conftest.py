from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import settings

# Property tests and fuzzing: a fixed seed and a small budget by default (CI);
# `pytest --hypothesis-profile=long` for a long local run.
settings.register_profile("default", max_examples=40, derandomize=True, deadline=None)
settings.register_profile("long", max_examples=3000, derandomize=False, deadline=None)
settings.load_profile("default")

from claimcheck.api import Linter

def pytest_configure(config):
    """The pack cache of the test run lives in a temporary folder (inherited
    by the claimcheck processes tests start), never in ~/.cache."""
    if not os.environ.get("CLAIMCHECK_TEST_KEEP_CACHE"):
        os.environ["CLAIMCHECK_CACHE_DIR"] = tempfile.mkdtemp(prefix="claimcheck-test-cache-")


def pytest_unconfigure(config):
    folder = os.environ.get("CLAIMCHECK_CACHE_DIR", "")
    if "claimcheck-test-cache-" in folder:
        shutil.rmtree(folder, ignore_errors=True)


ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
EXAMPLES = ROOT / "examples"


@pytest.fixture(scope="session")
def linter() -> Linter:
    """The built-in packs, compiled once for the whole session."""
    return Linter.from_folders()


@pytest.fixture(scope="session")
def packs_only() -> Linter:
    """The built-in packs without the claim scorer (``--no-scorer``), compiled once."""
    return Linter.from_folders(scorer=False)


def codes(findings) -> list[str]:
    return [f.rule for f in findings]
