"""Hostile inputs (bench/hostile.py's generators, at 20 KB) and fuzzed
documents go through readers, engine and every formatter: nothing escapes,
every output parses, and every finding's source slice is its text.

``pytest --hypothesis-profile=long tests/test_hostile.py`` runs many more
examples (the profiles are registered in tests/conftest.py)."""

from __future__ import annotations

import importlib.util
import json

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from claimcheck.formatters import FORMATTERS, render
from claimcheck.report import Run
from claimcheck.batch import check_paths

from .conftest import ROOT, SHARED

SCHEMA = SHARED / "schemas" / "sarif-schema-2.1.0.json"


def _generators():
    spec = importlib.util.spec_from_file_location("hostile", ROOT / "bench" / "hostile.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.GENERATORS


GENERATORS = _generators()
# The inputs that take seconds (a run with -m "not slow" leaves them out).
SLOW = {"claim x 100k", "bulleted claims, one HTML line"}


def _check_all_formats(linter, path, source: str | None = None):
    """Run ``path`` through every formatter; return the findings (JSON)."""
    events = list(check_paths([str(path)], linter))
    run = Run(linter.ruleset.rules, str(path.parent))
    outputs = {name: render(name, events, run) for name in FORMATTERS}
    data = json.loads(outputs["json"])
    sarif = json.loads(outputs["sarif"])
    if SCHEMA.is_file():
        jsonschema = pytest.importorskip("jsonschema")
        jsonschema.validate(sarif, json.loads(SCHEMA.read_text(encoding="utf-8")))
    # Lines end at "\n" only (what CI runners and reviewdog read): a finding's
    # text may hold U+001C or U+2028, which str.splitlines would also cut at.
    for line in filter(None, outputs["rdjsonl"].split("\n")):
        json.loads(line)
    assert all(line.startswith("::") for line in filter(None, outputs["github"].split("\n")))
    if source is not None:
        for result in events:
            for finding in getattr(result, "findings", ()):
                assert source[finding.offset:finding.end_offset] == finding.text
    return data


@pytest.mark.parametrize("name", [pytest.param(n, marks=pytest.mark.slow) if n in SLOW else n for n in sorted(GENERATORS)])
def test_hostile_inputs_give_valid_output_and_exact_slices(linter, tmp_path, name):
    generate, suffix = GENERATORS[name]
    text = generate(20_000)
    path = tmp_path / f"page{suffix}"
    path.write_bytes(text.encode("utf-8", "surrogatepass"))
    data = _check_all_formats(linter, path)
    if "refused" in name:
        assert data["errors"] and not data["findings"]
    else:
        assert not data["errors"], data["errors"]
        source = path.read_bytes().decode("utf-8-sig")
        events = list(check_paths([str(path)], linter))
        for finding in events[0].findings:
            assert source[finding.offset:finding.end_offset] == finding.text


_PIECES = st.sampled_from([
    "Our stem cells cure autism.", "It is completely safe!", "FDA-approved", "exosomes", "&amp;", "&rsquo;",
    "<b>", "</b>", "<!-- claimcheck-disable-next-line -->", "**", "_", "`code`", "[link](http://x.y)", "> ",
    "- ", "1. ", "# ", "| a | b |", "---", "\n", "\r\n", "\n\n", "\t", "    ", "é", "😀", "中文", "\u200b",
    "\u0301", "\ufeff", "\0", "\\", "\"", "'", "(", ")", "!!!", "...", "https://example.com/a_b*c",
    "{{< ", " >}}", "{{ ", " }}", "{% ", " %}", "[^1]", "[^1]: ",
    "00:00:01,000 --> 00:00:04,000", "0:13", "[00:13]", "1\n", "\n12:05\n", "[^", "^[", "1. ", "<![", "<![CDATA[", "]]>", "<a ", "<!--", "<?", "</", ">", "\u00ad", "&shy;", "\u200d",
    # twelfth session: admonitions, paragraphs typed a line each, rule lines, ligatures
    '!!! note "T"\n', "??? tip\n", '=== "Tab"\n', "<p>", "</p>", "=====\n", "+---+\n", "\ufb01", "\ufb03",
    # thirteenth session: colon fences
    ":::tip Title\n", ":::\n", ":::note[T]\n", "::: {.callout}\n",
    # fourteenth session: WebVTT cue tags, MDX component props
    "<v Dr. Lane>", "</v>", "<c.yellow>", "<00:00:05.250>", '<Hero subtitle="', '" ctaText=\'', "' />",
    "> [!tip] T\n", "> [!NOTE]\n", "[!", "==", "==x==", "[[", "]]", "[[a|b]]", "|",
    "Facial ........ $350\n", ". . . . ", "....", " 12\n",
    "<Grid items={[\n", '{ text: "', '" },\n', "]} />\n", "={", "}",
    "---\nhero:\n  heading: ", "\n  - text: ", '<x-card quote="', '" cta-label=\'',
    '<i data-bs-title="', '<meta itemprop="description" content="', '{{< cta text="', '" >}}',
    'a,"b, c",$1\n', ',"', '",',
    # fifteenth session: an iframe's srcdoc (escaped HTML, references within references)
    '<iframe srcdoc="', "&lt;p&gt;", "&amp;lt;", "&amp;rsquo;", "&quot;", '"></iframe>',
    # ... and WordPress shortcodes
    "[et_pb_text]", "[/et_pb_text]", '[et_pb_blurb title="', '"]', "[vc_row]", "[x]", "[a =",
    # ... and link and image titles, reference definitions with titles
    '[a](/b "', '")', "![i](/j '", "')", "[r]: /u (", "[r]: /u \"", "[r]",
    # ... and template comments
    "{% comment %}", "{% endcomment %}", "{# ", " #}", "{{!-- ", " --}}", "{{/* ", " */}}", "{#id}",
    # sixteenth session: table cells read with their headers
    "<table>", "</table>", "<tr>", "<th>", "<td>", '<th colspan="3">', "<thead>", "</thead>", "| Stem cells | ",
    "|---|---|\n", "| \u2714 |", "\u2718 No", "\u2714 Heals",
])


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(pieces=st.lists(_PIECES, max_size=40), suffix=st.sampled_from([".md", ".txt", ".html"]))
def test_fuzzed_documents_give_valid_output_and_exact_slices(linter, tmp_path, pieces, suffix):
    text = "".join(pieces)
    path = tmp_path / f"fuzz{suffix}"
    path.write_text(text, encoding="utf-8", newline="")
    data = _check_all_formats(linter, path)
    if not data["errors"]:
        source = path.read_bytes().decode("utf-8-sig")
        for finding in list(check_paths([str(path)], linter))[0].findings:
            assert source[finding.offset:finding.end_offset] == finding.text


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=2000))
def test_random_bytes_never_escape(linter, tmp_path, data):
    path = tmp_path / "bytes.md"
    path.write_bytes(data)
    result = _check_all_formats(linter, path)
    assert result["summary"]["files"] + result["summary"]["unreadable"] == 1


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=2000))
@example(data=b"\x1ci")  # found by a long run: U+001C in a finding's text (and "I" alone then read as a claim)
@example(data="Our stem cells cure autism \u2028 and lupus".encode())
@example(data=b"Our stem cells cure autism. [`")  # found by a long run: markdown-it-pyrs panicked on "[`"
def test_random_bytes_decoded_with_replacement_give_valid_output(linter, tmp_path, data):
    text = data.decode("utf-8", "replace").replace("\0", " ")
    path = tmp_path / "replaced.md"
    path.write_text(text, encoding="utf-8", newline="")
    result = _check_all_formats(linter, path)
    assert not result["errors"]
    source = path.read_bytes().decode("utf-8-sig")
    for finding in list(check_paths([str(path)], linter))[0].findings:
        assert source[finding.offset:finding.end_offset] == finding.text


# -- random configurations and packs: a clean error or a working linter ---------------

_SCALARS = st.one_of(st.none(), st.booleans(), st.integers(-2, 2), st.floats(-1, 2, allow_nan=False),
                     st.sampled_from(["on", "off", "error", "warning", "saftey", "safety", "(a+)+$", "[", "x\\1",
                                      "*.md", "", "unapproved.disease-treatment"]))
_VALUES = st.recursive(_SCALARS, lambda inner: st.one_of(
    st.lists(inner, max_size=3), st.dictionaries(st.sampled_from(
        ["safety", "enabled", "threshold", "paths", "rules", "disclaimers.fda-status", "unapproved.products", "x"]),
        inner, max_size=3)), max_leaves=8)
_CONFIG_KEYS = st.sampled_from(["packs", "rules", "vocabulary", "disclaimers", "include", "exclude", "fail_on",
                                "overrides", "scorer", "html_skip", "rule_dirs", "bogus"])


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(config=st.one_of(st.dictionaries(_CONFIG_KEYS, _VALUES, max_size=4), _VALUES))
def test_random_configurations_load_or_fail_cleanly(tmp_path, config):
    import yaml
    from click.testing import CliRunner

    from claimcheck.cli import main

    (tmp_path / ".claimcheck.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")
    page = tmp_path / "page.md"
    page.write_text("Our stem cells cure autism.\n", encoding="utf-8")
    result = CliRunner().invoke(main, [str(page), "--config", str(tmp_path / ".claimcheck.yaml"),
                                       "--format", "json", "--no-scorer"])
    assert result.exit_code in (0, 1, 2, 3), result.output
    assert not isinstance(result.exception, Exception) or isinstance(result.exception, SystemExit), result.exception
    if result.exit_code == 3:
        assert "invalid configuration" in result.stderr
    elif result.exit_code in (0, 1):
        json.loads(result.stdout)


_RULE_KEYS = st.sampled_from(["id", "kind", "level", "category", "message", "rationale", "references",
                              "suggestion", "examples", "options", "context", "voices", "bogus"])


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rule=st.dictionaries(_RULE_KEYS, _VALUES, max_size=8),
       patterns=st.lists(st.dictionaries(st.sampled_from(["LOWER", "OP", "POS", "BOGUS", "IN"]), _SCALARS,
                                         max_size=2), max_size=3))
def test_random_packs_load_or_fail_cleanly(tmp_path, rule, patterns):
    import yaml

    from claimcheck.errors import PackError
    from claimcheck.loader import load_rules

    pack = tmp_path / "packs" / "mine"
    pack.mkdir(parents=True, exist_ok=True)
    (pack / "pack.yaml").write_text("pack: mine\ndescription: fuzzed\n", encoding="utf-8")
    base = {"id": "mine.rule", "kind": "pattern", "level": "warning", "category": "safety", "message": "m",
            "rationale": "r", "references": [{"title": "t", "url": "https://example.com"}], "suggestion": "s",
            "options": {"patterns": [patterns]}, "examples": {"flag": ["x"], "pass": ["y"]}}
    base.update(rule)
    (pack / "rule.yaml").write_text(yaml.safe_dump(base), encoding="utf-8")
    try:
        from claimcheck.compiled import validate_patterns

        validate_patterns(load_rules([tmp_path / "packs"]))
    except PackError as error:
        assert str(error).startswith(str(pack)) or str(error).startswith(str(tmp_path)), str(error)
