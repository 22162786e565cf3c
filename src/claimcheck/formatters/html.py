"""The reviewer's report: one self-contained HTML page.

CSS and JavaScript are inline and the findings are embedded as JSON; a
Content-Security-Policy allows no remote loads. The cards are rendered here,
so the report reads fully with JavaScript off; the script adds filters and
reviewer decisions (kept in the browser, exportable as JSON that is also a
claimcheck baseline). Every string from the checked files goes through
Jinja2's autoescaping; the embedded JSON escapes ``<``, ``>`` and ``&``.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Iterator
from importlib import resources

from claimcheck.fingerprints import fingerprints
from claimcheck.report import Event, FileResult, Run, Tally

CONTEXT_CHARS = 120  # characters of context shown on each side of a finding


def render(events: Iterable[Event], run: Run, color: bool = False) -> Iterator[str]:
    """The whole report (written at the end: its summary comes first on the page)."""
    import jinja2

    tally = Tally()
    cards, files = [], []
    for event in events:
        tally.add(event)
        if not isinstance(event, FileResult):
            continue
        if event.error is not None:
            files.append({"path": event.path, "error": event.error, "counts": {}, "disclaimer": "not checked"})
            continue
        file_cards = _cards(event)
        cards += file_cards
        counts = Counter(card["level"] for card in file_cards if card["status"] == "new")
        missing = [c["rule"] for c in file_cards if c["category"] == "missing-disclaimer" and c["status"] == "new"]
        files.append({"path": event.path, "error": None, "counts": dict(counts),
                      "disclaimer": ("missing: " + ", ".join(sorted(set(missing)))) if missing else "ok"})
    rules = {rule.id: rule for rule in run.rules}
    new = [c for c in cards if c["status"] == "new"]
    summary = {
        "levels": Counter(c["level"] for c in new),
        "categories": Counter(c["category"] for c in new),
        "rules": Counter(c["rule"] for c in new),
        "suppressed": sum(1 for c in cards if c["status"] == "suppressed"),
        "baselined": sum(1 for c in cards if c["status"] == "baselined"),
    }
    environment = jinja2.Environment(autoescape=True, trim_blocks=True, lstrip_blocks=True,
                                     undefined=jinja2.StrictUndefined)
    template = environment.from_string(
        resources.files("claimcheck.formatters").joinpath("report.html.j2").read_text(encoding="utf-8"))
    data = [{key: card[key] for key in ("id", "path", "line", "column", "rule", "category", "level", "status",
                                        "text", "message", "note")} for card in cards]
    from claimcheck import __version__

    yield template.render(
        run=run, version=__version__, tally=tally, cards=cards, files=files, summary=summary, rules=rules,
        levels=("error", "warning", "info"), data_json=_script_json(data),
        categories=sorted({c["category"] for c in cards}), rule_ids=sorted({c["rule"] for c in cards}),
        paths=sorted({c["path"] for c in cards}),
    )


def _cards(result: FileResult) -> list[dict]:
    items = [(f, "new", "") for f in result.findings]
    for hidden in result.suppressed:
        status = "baselined" if hidden.kind == "external" else "suppressed"
        items.append((hidden.finding, status, "" if status == "baselined" else hidden.justification))
    items.sort(key=lambda item: item[0].sort_key)
    # Fingerprints as --baseline computes them on the next run: over the
    # findings that survive suppression comments (new and baselined), in order;
    # those suppressed in the source are numbered apart.
    prints: dict[int, str] = {}
    for group in (("new", "baselined"), ("suppressed",)):
        members = [n for n, (_, status, _) in enumerate(items) if status in group]
        prints.update(zip(members, fingerprints([items[n][0] for n in members], result.lines)))
    cards = []
    for n, (finding, status, note) in enumerate(items):
        fingerprint = prints[n]
        first = result.lines.get(finding.line, "")
        last = result.lines.get(finding.end_line, first)
        before = first[:finding.column - 1]
        after = last[finding.end_column - 1:]
        cards.append({
            "id": fingerprint,
            "finding": finding,
            "path": finding.path, "line": finding.line, "column": finding.column,
            "rule": finding.rule, "category": finding.category, "level": str(finding.level),
            "message": finding.message, "text": finding.text, "status": status, "note": note,
            "before": ("…" if len(before) > CONTEXT_CHARS else "") + before[-CONTEXT_CHARS:].lstrip(),
            "after": after[:CONTEXT_CHARS].rstrip() + ("…" if len(after) > CONTEXT_CHARS else ""),
        })
    return cards


def _script_json(value) -> str:
    """JSON safe inside a ``<script>`` element (no ``</script>``, no ``<!--``)."""
    text = json.dumps(value, ensure_ascii=False)
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e") \
        .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
