"""Make docs/report.png, the screenshot of the HTML report in the README.

Usage: python docs/screenshot.py [--chromium /usr/bin/chromium]

Runs claimcheck on the example pages (`--format html`), opens the report in
Debian's chromium through Playwright, filters it to errors and saves the top
of the page.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chromium", default=shutil.which("chromium") or "/usr/bin/chromium")
    parser.add_argument("--output", type=Path, default=ROOT / "docs" / "report.png")
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    pages = ["examples/clinic-page.md", "examples/testimonials.md", "tests/pages/wordpress-clinic.html"]
    report = subprocess.run([sys.executable, "-m", "claimcheck", *pages, "--format", "html"], cwd=ROOT,
                            capture_output=True, text=True).stdout
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        path = Path(tmp) / "report.html"
        path.write_text(report, encoding="utf-8")
        browser = playwright.chromium.launch(executable_path=args.chromium, args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1100, "height": 1300})
        page.goto(path.as_uri())
        page.select_option("#f-level", "error")
        page.screenshot(path=str(args.output))
        browser.close()
    print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
