"""Adversarial inputs: claimcheck's time must stay linear in the input.

Usage: python bench/hostile.py [--size 1000000] [--line 20000] [--only NAME] [--limit 60]

Each generator writes one page of about ``--size`` characters (1 MB) and,
where it has lines, the same pattern as one line of ``--line`` characters
(20 KB). Each file is checked in a fresh process, after a warm-up (spaCy and the
scorer loaded), so the time is the input's own (checking, and rendering JSON and
the terminal text with its source windows); the table gives seconds,
MB/s, peak RSS and the number of findings. A file
that takes longer than ``--limit`` seconds is stopped and reported. The floor
(issue 10) is 0.2 MB/s for every generator. This is a benchmark, not a test
(tests/test_hostile.py checks smaller versions of the same inputs).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

CLAIM = "Our stem cells cure autism"
WORDS = "Our clinic offers regenerative care for joints and skin in a calm setting".split()
FLOOR_MB_S = 0.2
# Generators beyond the list: reported, and their floor shown apart.
EXTRA = frozenset({"tiny claims", "bulleted claims, one HTML line", "suppression comments",
                   "disable/enable, distinct ids", "disable/enable, one shared id",
                   "table cells under headers", "table cells under headers, Markdown",
                   "strings-file key lines"})


def _repeat(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def _prose(size: int) -> str:
    words = [WORDS[i % len(WORDS)] for i in range(size // 5)]
    return " ".join(words)[:size]


# name -> (generator of about `size` characters, suffix); each returns the whole text.
GENERATORS: dict[str, tuple[Callable[[int], str], str]] = {
    "claim + !!!": (lambda n: CLAIM + _repeat("!", n), ".md"),
    "claim + ?!.": (lambda n: CLAIM + _repeat("?!.", n), ".md"),
    "brackets [": (lambda n: CLAIM + " " + _repeat("[", n), ".md"),
    "brackets ([{": (lambda n: CLAIM + " " + _repeat("([{", n), ".md"),
    "emphasis *": (lambda n: CLAIM + " " + _repeat("*", n), ".md"),
    "emphasis _~": (lambda n: CLAIM + " " + _repeat("_~", n), ".md"),
    "nested emphasis": (lambda n: CLAIM + " " + "**" * (n // 4) + "cure" + "**" * (n // 4), ".md"),
    "nested quotes >": (lambda n: "> " * (n // 2) + CLAIM + ".\n", ".md"),
    "nested lists": (lambda n: "".join("  " * min(d, 2000) + "- item\n" for d in range(n // 2000 * 2 or 1))
                     + CLAIM + ".\n", ".md"),
    "one-line prose": (lambda n: _prose(n), ".txt"),
    "200k tiny paragraphs": (lambda n: _repeat("Hi.\n\nStem cells.\n\nOk.\n\nKnees.\n\nCall us.\n\n", n), ".md"),
    # Beyond the list: a finding in every 11 characters.
    "tiny claims": (lambda n: _repeat("It heals.\n\nCures pain.\n\nNo risk.\n\n", n), ".md"),
    "bulleted claims, one HTML line": (lambda n: "<p>" + _repeat("\u2714 Heals knees.<br>", n), ".html"),
    # twenty-first session: a line opening with "key =" is an item, found at every
    # space of a block broken over lines (readers/items.py)
    "strings-file key lines": (lambda n: _repeat('home.section.title = "Our knees feel great"\n', n), ".txt"),
    "claim x 100k": (lambda n: (CLAIM[4:] + ". ") * max(1, n // 10), ".txt"),  # 100k times at 1 MB
    # claims only a token pattern finds (no vocabulary term): with the scorer on
    # they went unchecked until 2026-12-01
    "token-pattern claims": (lambda n: _repeat("9 out of 10 patients. ", n), ".txt"),
    # "[" and stray backticks (markdown-it-pyrs panics on them; the reader rewrites them first)
    "stray backticks after [": (lambda n: CLAIM + ". [" + _repeat("see `the study and ", n // 2) + "\n"
                                + _prose(n // 2), ".md"),
    # text without blank lines: each line a block (lines over 150 characters), or a short line a title
    "a paragraph a line, text": (lambda n: _repeat("Knee care\n" + CLAIM + ". " + _prose(200) + "\n", n), ".txt"),
    "short titles over wrapped lines, text": (lambda n: _repeat(
        "Knees\nOur clinic opens at nine and our stem cells cure autism.\n", n), ".txt"),
    "NULs (binary: refused)": (lambda n: _repeat(CLAIM + ".\0\0\0 ", n), ".txt"),
    "NULs after 8 KB": (lambda n: _prose(9000) + " " + _repeat(CLAIM + ".\0\0\0 ", n - 9001), ".txt"),
    "lone surrogates (refused)": (lambda n: _repeat(CLAIM + " \ud800\udfff\udc00 ", n), ".txt"),
    "astral and combining": (lambda n: _repeat("Our \U0001f9ec stem cells cu\u0301re autism \U0001f600 ", n), ".md"),
    "template braces {{": (lambda n: CLAIM + " " + _repeat("{{< x >}} {{ y }", n), ".md"),
    "footnote references": (lambda n: _repeat(CLAIM + "[^1] ", n) + "\n\n[^1]: " + CLAIM + ".\n", ".md"),
    # a run of unclosed footnote references and of inline footnotes: the footnote parser's traps
    "footnote traps [^ ^[": (lambda n: CLAIM + " " + _repeat("[^[^^[^[", n), ".md"),
    # constructs html.parser cannot close: each was looked for to the end of the page
    "unclosed tags <a": (lambda n: "<p>" + CLAIM + ".</p>" + _repeat("<a ", n), ".html"),
    "unclosed comments <!--": (lambda n: "<p>" + CLAIM + ".</p>" + _repeat("<!--", n) + "<p>x</p>", ".html"),
    "marked sections <![": (lambda n: "<p>" + CLAIM + ".</p>" + _repeat("<![foo[ ", n), ".html"),
    # ordered list markers on one line nest a list in a list
    "ordered markers 1. 1.": (lambda n: _repeat("1. ", n) + CLAIM + ".\n", ".md"),
    # caption cues (a number, a timing line) between unpunctuated lines, and blank lines before each
    "caption cues": (lambda n: _repeat("7\n00:00:01,000 --> 00:00:02,000\nour stem cells cure autism\n\n\n", n), ".txt"),
    "digit lines": (lambda n: _repeat("1\n", n), ".txt"),
    # a sentence in one <p> a line, never ended: every paragraph joins the one before it
    "unended <p> lines": (lambda n: _repeat("<p>our stem cells cure autism</p>\n", n), ".html"),
    # typographic ligatures (text from a PDF), spelled out by the readers
    "ligatures \ufb01 \ufb02": (lambda n: _repeat("Our stem cells cure \ufb01bromyalgia and \ufb02are-ups. ", n), ".txt"),
    # a plain-text newsletter's ruled lines between short lines
    "rule lines ====": (lambda n: _repeat("=====\n* * *\nStem cells\n+---+\n", n), ".txt"),
    # MkDocs admonitions, each inside the last (the indentation grows with the depth)
    "nested admonitions !!!": (lambda n: _nested_admonitions(n), ".md"),
    # colon fences (Docusaurus, VitePress, Pandoc), opened with a title and closed, over long colon runs
    "colon fences :::": (lambda n: _repeat(":::tip Why " + CLAIM + "\n" + CLAIM + ".\n:::\n" + ":" * 200 + "x{\n", n),
                         ".md"),
    # fourteenth session's readers: dot leaders, comma-separated rows, callouts and wiki links, MDX elements
    # with JavaScript props (some never closed), template tags with copy parameters
    "dot leaders ....": (lambda n: _repeat("Facial " + "." * 40 + " $350\n   " + CLAIM + ".\n" + "." * 300 + "\n", n),
                         ".txt"),
    "comma-separated rows": (lambda n: _repeat('Facial,"' + CLAIM + ', fast",$350\n', n), ".txt"),
    "callouts and wiki links": (lambda n: _repeat("> [!tip] Why\n> " + CLAIM + " [[Page|alias]] ==x==\n\n", n), ".md"),
    "MDX elements {[": (lambda n: _repeat('<Grid items={[ { text: "' + CLAIM + '" },\n<Open b={' + "'" * 50 + "\n", n),
                        ".md"),
    "template parameters": (lambda n: _repeat('{{< cta text="' + CLAIM + '" url="/x" >}}\n', n), ".md"),
    # fifteenth session: WordPress shortcodes with copy parameters, and openings that never close
    "WordPress shortcodes": (lambda n: _repeat('[et_pb_blurb title="' + CLAIM + '" image="/a.jpg"]<p>' + CLAIM
                                               + '.</p>[/et_pb_blurb][vc_row][a_b ' + "=" * 300 + "\n", n), ".html"),
    "WordPress shortcodes, Markdown": (lambda n: _repeat('Intro [et_pb_blurb title="' + CLAIM + '"]' + CLAIM
                                                         + '. [/et_pb_blurb] [x] [a_b ' + "=" * 300 + "\n\n", n), ".md"),
    # fifteenth session: template comments over lines, comments on one line before text, and an opening that
    # never closes
    "template comments": (lambda n: _repeat("{% comment %}\n" + CLAIM + ".\n{% endcomment %}\n{# a #} {{!-- b --}} "
                                            + CLAIM + ".\n\n", n) + "{# never closed " + CLAIM, ".md"),
    # fifteenth session: links and images with titles, and reference definitions with titles
    "link titles": (lambda n: _repeat('[Book](/b "' + CLAIM + '") ![x](/i.png \'' + CLAIM + '\') [r' + "]" * 50
                                      + '\n\n[r]: /u "' + CLAIM + '"\n\n', n), ".md"),
    # fifteenth session: iframes whose srcdoc holds escaped HTML (and one srcdoc of the whole size)
    "iframe srcdoc": (lambda n: _repeat('<iframe srcdoc="&lt;p&gt;' + CLAIM + ' &amp;ndash; it&amp;rsquo;s '
                                        '&lt;b&gt;safe&lt;/b&gt;.&lt;/p&gt;"></iframe>\n', n // 2)
                      + '<iframe srcdoc="' + _repeat("&lt;p&gt;" + CLAIM + ".&lt;/p&gt;", n // 2) + '"></iframe>',
                      ".html"),
    # sixteenth session: table cells read with their headers (a lead of up to twice 60 characters before
    # each data cell): tiny cells under long headers, in HTML and Markdown
    "table cells under headers": (lambda n: "<table><tr><th>x</th>" + "<th>" + "Stem cells cure " * 3 + "</th>" * 20
                                  + _repeat("<tr><td>Knee arthritis heals</td><td>\u2714</td><td>y</td></tr>", n)
                                  + "</table>", ".html"),
    "table cells under headers, Markdown": (lambda n: "| x | " + "Stem cells cure " * 3 + " | y |\n|---|---|---|\n"
                                            + _repeat("| Knee arthritis heals | \u2714 | y |\n", n), ".md"),
    "long URLs": (lambda n: _repeat("See https://example.com/" + "a" * 2000 + " ", n), ".md"),
    "long word": (lambda n: CLAIM + " " + _repeat("x", n), ".txt"),
    "suppression comments": (lambda n: _repeat("<!-- claimcheck-disable-next-line safety -->\n"
                                               "# claimcheck-disable-next-line unapproved\n" + CLAIM + ".\n", n), ".txt"),
    # thousands of disable comments in force at once, each naming its own id, then each enabled before a claim
    "disable/enable, distinct ids": (lambda n: _disable_enable(n, shared=False), ".txt"),
    # ... each naming a shared id too, and an enable of that id alone (ending none) before each claim
    "disable/enable, one shared id": (lambda n: _disable_enable(n, shared=True), ".txt"),
}


def _nested_admonitions(size: int) -> str:
    found, depth = [], 0
    while sum(map(len, found)) < size:
        found.append("    " * depth + '!!! note "' + CLAIM + '"\n')
        depth += 1
    return "".join(found)


def _disable_enable(size: int, shared: bool) -> str:
    count = max(1, size // 120)
    also = "brand.all, " if shared else ""
    opened = "".join(f"# claimcheck-disable {also}brand.rule{i}\n" for i in range(count))
    return opened + "".join(f"# claimcheck-enable {'brand.all' if shared else f'brand.rule{i}'}\n{CLAIM}.\n"
                            for i in range(count))


def _as_line(text: str, size: int) -> str:
    """The generator's pattern as one line of about ``size`` characters."""
    return text[:size].replace("\n", " ") + "\n"


# Run in a fresh process per input: build the linter and warm it up (spaCy and
# the scorer loaded), then time checking the file and rendering JSON, so that
# start-up does not hide (or dominate) the time spent on the input itself.
CHILD = """
import json, resource, sys, time
from claimcheck.api import Linter
from claimcheck.formatters import render
from claimcheck.report import Run
from claimcheck.batch import check_paths
linter = Linter.from_folders()
linter.check("# Knees\\n\\nOur stem cells cure autism. It is completely safe.\\n\\n"
              "Most patients walk without pain within weeks.\\n", "warm.md")  # loads spaCy and the scorer
start = time.perf_counter()
events = list(check_paths([sys.argv[1]], linter))
output = render("json", events, Run(linter.ruleset.rules))
"".join(render("text", events, Run(linter.ruleset.rules)))  # the terminal's source windows too
seconds = time.perf_counter() - start
data = json.loads(output)
print(json.dumps({"seconds": seconds, "rss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "findings": len(data["findings"]), "errors": [e["message"] for e in data["errors"]]}))
"""


def check(path: Path, limit: float) -> dict | None:
    """Seconds, peak RSS (MB), findings and errors of checking ``path``; None on timeout."""
    try:
        out = subprocess.run([sys.executable, "-c", CHILD, str(path)], capture_output=True, text=True,
                             timeout=limit, check=True)
    except subprocess.TimeoutExpired:
        return None
    return json.loads(out.stdout)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=1_000_000, help="characters per page (default 1 MB)")
    parser.add_argument("--line", type=int, default=20_000, help="characters of the one-line form (default 20 KB)")
    parser.add_argument("--only", action="append", default=[], help="only generators whose name contains this")
    parser.add_argument("--limit", type=float, default=60.0, help="seconds before a check is stopped")
    args = parser.parse_args(argv)
    print(f"{'input':<34} {'MB':>6} {'seconds':>8} {'MB/s':>7} {'peak RSS':>9} {'findings':>8}")
    slowest = float("inf")
    extra: list[tuple[str, float]] = []
    with tempfile.TemporaryDirectory(prefix="claimcheck-hostile-") as tmp:
        for name, (generate, suffix) in GENERATORS.items():
            if args.only and not any(o in name for o in args.only):
                continue
            text = generate(args.size)
            forms = [("", text)]
            if "\n" in text.rstrip("\n") or len(text) > args.line:
                forms.append((" (one line)", _as_line(text, args.line)))
            for label, body in forms:
                path = Path(tmp) / f"page{suffix}"
                path.write_bytes(body.encode("utf-8", "surrogatepass"))
                megabytes = path.stat().st_size / 1e6
                found = check(path, args.limit)
                if found is None:
                    slowest = 0.0
                    print(f"{name + label:<34} {megabytes:6.2f} {'> ' + str(args.limit):>8}", flush=True)
                    continue
                rate = megabytes / max(found["seconds"], 1e-6)
                if found["errors"]:  # refused with a clear message: not a throughput
                    print(f"{name + label:<34} {megabytes:6.2f} {found['seconds']:8.2f} {'-':>7} "
                          f"{found['rss']:6.0f} MB  refused: {found['errors'][0][:60]}", flush=True)
                    continue
                if name in EXTRA:
                    extra.append((name + label, rate))
                else:
                    slowest = min(slowest, rate)
                shown = found["findings"]
                print(f"{name + label:<34} {megabytes:6.2f} {found['seconds']:8.2f} {rate:7.2f} "
                      f"{found['rss']:6.0f} MB {shown:>8}", flush=True)
    print(f"\nslowest of the issue's generators: {slowest:.2f} MB/s (floor {FLOOR_MB_S} MB/s): "
          f"{'ok' if slowest >= FLOOR_MB_S else 'BELOW THE FLOOR'}")
    for name, rate in extra:
        print(f"beyond the list: {name}: {rate:.2f} MB/s{'' if rate >= FLOOR_MB_S else ' (below the floor)'}")
    return 0 if slowest >= FLOOR_MB_S else 1


if __name__ == "__main__":
    raise SystemExit(main())
