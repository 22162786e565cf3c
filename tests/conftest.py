from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import settings

# Property tests and fuzzing: a fixed seed and a small budget by default (CI);
# `pytest --hypothesis-profile=long` for a long local run.
settings.register_profile("default", max_examples=40, derandomize=True, deadline=None)
settings.register_profile("long", max_examples=3000, derandomize=False, deadline=None)
settings.load_profile("default")

from claimcheck.api import Linter

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
EXAMPLES = ROOT / "examples"


@pytest.fixture(scope="session")
def linter() -> Linter:
    """The built-in packs, compiled once for the whole session."""
    return Linter.from_folders()


def codes(findings) -> list[str]:
    return [f.rule for f in findings]
