"""Golden outputs: every example page in every format, compared byte for byte.

Regenerate after an intended change with CLAIMCHECK_UPDATE_GOLDEN=1 and review
the diff.
"""

from __future__ import annotations

import os

import pytest
from click.testing import CliRunner

from claimcheck.cli import main
from claimcheck.formatters import FORMATTERS

from .conftest import EXAMPLES, ROOT

GOLDEN = ROOT / "tests" / "golden"
PAGES = sorted(p.name for p in EXAMPLES.glob("*.md"))
SUFFIX = {"text": "txt", "json": "json", "sarif": "sarif", "github": "github", "rdjsonl": "rdjsonl", "html": "html"}


@pytest.mark.parametrize("fmt", sorted(FORMATTERS))
@pytest.mark.parametrize("page", PAGES)
def test_golden_output(page, fmt, monkeypatch):
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("COLUMNS", "100")  # the text format fits the terminal: the goldens are 100 columns wide
    result = CliRunner().invoke(main, ["--format", fmt, "--no-color", f"examples/{page}"])
    assert result.exit_code in (0, 1), result.output
    golden = GOLDEN / f"{page}.{SUFFIX[fmt]}"
    if os.environ.get("CLAIMCHECK_UPDATE_GOLDEN"):
        golden.write_text(result.stdout, encoding="utf-8")
    assert _portable(result.stdout) == _portable(golden.read_text(encoding="utf-8"))


def _portable(text: str) -> str:
    """SARIF names the working directory and the version; golden files must not depend on them."""
    import re

    text = re.sub(r'"uri": "file://[^"]*"', '"uri": "file:///ROOT/"', text)
    text = re.sub(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d", "TIME", text)  # the HTML report's run time
    text = re.sub(r"claimcheck \d+\.\d+\.\d+", "claimcheck X", text)
    text = re.sub(r"trained \d{4}-\d\d-\d\d on \d+ sentences", "trained DATE on N sentences", text)
    return re.sub(r'"(semanticVersion|version)": "\d+\.\d+\.\d+"', r'"\1": "X"', text)


def test_every_format_has_golden_files():
    assert set(SUFFIX) == set(FORMATTERS)


def test_the_compliant_page_has_no_findings():
    assert "No problems found" in (GOLDEN / "compliant-page.md.txt").read_text(encoding="utf-8")
