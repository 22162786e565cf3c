from __future__ import annotations

from pathlib import Path

import pytest

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
