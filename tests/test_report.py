"""The reviewer's HTML report: self-contained, escaped, readable without
JavaScript, and working in a real browser (Playwright driving Debian's
chromium; in CI a missing browser is a failure, not a skip)."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimcheck.cli import main

from .conftest import EXAMPLES, ROOT

PAGES = [*sorted(EXAMPLES.glob("*.md")), ROOT / "tests" / "pages" / "wordpress-clinic.html"]
ARTIFACTS = ROOT / "test-artifacts"
HOSTILE = '<script>alert("x")</script> Our stem cells cure autism. <img src=x onerror=alert(1)> </textarea>\n'


def _run(*args: str, cwd: Path = ROOT) -> str:
    old = os.getcwd()
    os.chdir(cwd)
    try:
        result = CliRunner().invoke(main, list(args))
    finally:
        os.chdir(old)
    assert result.exit_code in (0, 1), result.output
    return result.stdout


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> tuple[Path, dict]:
    """A report over the example pages and the WordPress page (one finding
    suppressed in the source, some in a baseline), and the same run as JSON."""
    folder = tmp_path_factory.mktemp("report")
    baseline = folder / "baseline.json"
    paths = [str(p.relative_to(ROOT)) for p in PAGES]
    _run(*paths[:1], "--write-baseline", str(baseline))
    html = _run(*paths, "--format", "html", "--baseline", str(baseline))
    data = json.loads(_run(*paths, "--format", "json", "--baseline", str(baseline)))
    path = folder / "report.html"
    path.write_text(html, encoding="utf-8")
    return path, data


def test_the_report_is_self_contained(report):
    path, _ = report
    text = path.read_text(encoding="utf-8")
    assert "Content-Security-Policy" in text and "default-src 'none'" in text
    for remote in ('src="http', "src='http", 'href="http://', "@import", "url(http"):
        assert remote not in text.split("<main>")[0], remote
    assert '<link rel="stylesheet"' not in text


def test_the_report_reads_without_javascript(report):
    lxml_html = pytest.importorskip("lxml.html")
    path, data = report
    tree = lxml_html.fromstring(path.read_text(encoding="utf-8"))
    cards = tree.xpath("//article[contains(@class, 'card')]")
    new = [c for c in cards if c.get("data-status") == "new"]
    assert len(new) == len(data["findings"])
    assert sorted(c.xpath(".//mark")[0].text_content() for c in new) == sorted(f["text"] for f in data["findings"])
    assert any(c.get("data-status") == "suppressed" for c in cards)
    assert any(c.get("data-status") == "baselined" for c in cards)
    first = new[0].text_content()
    assert "Why it matters" in first and "Say instead" in first
    assert new[0].xpath(".//a[starts-with(@href, 'https://')]")


def test_hostile_text_is_escaped(tmp_path):
    page = tmp_path / "<b>evil<b>.md"
    page.write_text(HOSTILE, encoding="utf-8")
    html = _run(str(page), "--format", "html", "--no-scorer", cwd=tmp_path)
    body = html.split("<body>", 1)[1]
    assert '<script>alert("x")' not in body
    assert "<img src=x" not in body and "<b>evil<b>" not in body
    assert "&lt;b&gt;evil&lt;b&gt;.md" in body
    data = body.split('id="findings-data">', 1)[1].split("</script>", 1)[0]
    assert "<" not in data and json.loads(data)


def _chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


@pytest.fixture(scope="module")
def browser():
    executable = _chromium()
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        executable = None
    if executable is None:
        if os.environ.get("CI"):
            pytest.fail("CI needs Debian's chromium and Playwright for the browser tests (.ci/run installs them)")
        pytest.skip("no chromium here (apt-get install chromium)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, headless=True,
                                             args=["--no-sandbox", "--disable-gpu"])
        yield browser
        browser.close()


def test_the_report_in_a_real_browser(report, browser):
    path, data = report
    url = path.as_uri()
    page = browser.new_page(viewport={"width": 1100, "height": 900})
    others: list[str] = []

    def route(request_route):
        if request_route.request.url == url:
            request_route.continue_()
        else:
            others.append(request_route.request.url)
            request_route.abort()

    page.route("**/*", route)
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("dialog", lambda dialog: errors.append(f"dialog: {dialog.message}") or dialog.dismiss())
    page.goto(url)
    assert page.evaluate("document.documentElement.classList.contains('js')")

    # Every highlighted span is exactly the finding's text from --format json.
    marks = page.eval_on_selector_all("article[data-status='new'] mark", "ms => ms.map(m => m.textContent)")
    assert sorted(marks) == sorted(f["text"] for f in data["findings"])

    # The level filter shows only that level, and the count says so.
    total = page.locator("article.card").count()
    page.select_option("#f-level", "error")
    errors_shown = page.locator("article.card:visible").count()
    assert errors_shown == page.locator("article.card[data-level='error']").count() > 0
    assert page.text_content("#visible-count") == f"{errors_shown} of {total} shown"
    page.select_option("#f-level", "")
    page.select_option("#f-status", "baselined")
    assert page.locator("article.card:visible").count() == page.locator("article[data-status='baselined']").count() > 0
    page.select_option("#f-status", "")

    # A reviewer's dismissal is kept and exported as a baseline-shaped JSON.
    card = page.locator("article[data-status='new']").first
    card.locator("textarea").fill("quoted from the FDA letter")
    card.locator("button[data-decision='dismiss']").click()
    exported = page.evaluate("window.claimcheckExport()")
    assert exported["version"] == 1 and len(exported["findings"]) == 1
    entry = exported["findings"][0]
    assert entry["note"] == "quoted from the FDA letter" and entry["fingerprint"] == card.get_attribute("data-id")
    assert entry["suppression"].startswith(f"<!-- claimcheck-disable-next-line {entry['rule']} -- quoted")
    page.reload()
    assert "dismissed" in page.locator(f"#f-{entry['fingerprint']}").get_attribute("class")

    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "report.png"), full_page=False)
    assert (ARTIFACTS / "report.png").stat().st_size > 10_000
    assert not others, others
    assert not errors, errors
    page.close()


def test_hostile_text_runs_no_script_in_a_real_browser(tmp_path, browser):
    page_file = tmp_path / "evil.md"
    page_file.write_text(HOSTILE, encoding="utf-8")
    report_file = tmp_path / "report.html"
    report_file.write_text(_run(str(page_file), "--format", "html", "--no-scorer", cwd=tmp_path), encoding="utf-8")
    page = browser.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: dialogs.append(dialog.message) or dialog.dismiss())
    page.goto(report_file.as_uri())
    page.wait_for_timeout(200)
    assert dialogs == []
    assert 'alert("x")' in page.text_content("article mark") + page.text_content("article blockquote")
    page.close()


def test_exported_fingerprints_are_the_baselines(tmp_path):
    """Dismissed cards exported from the report work as a --baseline, also
    when the same claim repeats and one copy is suppressed in the source."""
    page = tmp_path / "page.md"
    claim = "Our stem cells cure autism.\n\n"
    page.write_text(claim + "<!-- claimcheck-disable-next-line -- quoted -->\n" + claim + claim, encoding="utf-8")
    html = _run(str(page), "--format", "html", "--no-scorer", cwd=tmp_path)
    data = json.loads(html.split('id="findings-data">', 1)[1].split("</script>", 1)[0])
    dismissed = [{"fingerprint": f["id"], "path": f["path"], "rule": f["rule"], "text": f["text"]}
                 for f in data if f["status"] == "new"]
    assert len(dismissed) >= 2
    baseline = tmp_path / "decisions.json"
    baseline.write_text(json.dumps({"version": 1, "tool": "claimcheck", "findings": dismissed}), encoding="utf-8")
    result = json.loads(_run(str(page), "--format", "json", "--no-scorer", "--baseline", str(baseline), cwd=tmp_path))
    assert result["findings"] == [] and result["summary"]["stale_baseline"] == 0
