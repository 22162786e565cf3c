"""Property tests: every finding points at exactly the source characters of
the claim, whatever the line endings, BOM, tabs, non-ASCII text, Markdown
containers or line wrapping around it."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimcheck.files import decode
from claimcheck.positions import LineTable

FILLER = [
    "The café opens at nine.",
    "Zoë parks behind the 中文 sign 😀.",
    "Tabs\tand  spaces\tstay here.",
    "Bring your insurance card.",
    "Naïve questions are welcome — always.",
]
# (sentence, words of the claim, rule that must flag exactly those words)
CLAIMS = [
    ("Stem cells cure autism.", ["Stem", "cells", "cure", "autism"], "unapproved.disease-treatment"),
    ("Our PRP is completely safe.", ["completely", "safe"], "safety.absolute-safety"),
    ("Results guaranteed, always.", ["Results", "guaranteed"], "efficacy.guarantee"),
    ("The serum is FDA-approved.", ["FDA-approved"], "fda.approved"),
]
CONTAINERS = {"": "", "# ": None, "- ": "  ", "> ": "> "}  # prefix -> continuation prefix (None: one line only)


@st.composite
def documents(draw, markdown=True):
    newline = draw(st.sampled_from(["\n", "\r\n"]))
    pieces: list[str] = []
    expected: list[tuple[int, int, str]] = []  # (start, end, rule)
    length = 0

    def emit(text: str):
        nonlocal length
        pieces.append(text)
        length += len(text)

    for _ in range(draw(st.integers(1, 4))):
        prefix = draw(st.sampled_from(list(CONTAINERS))) if markdown else ""
        continuation = CONTAINERS[prefix]
        emit(prefix)
        items = draw(st.lists(st.one_of(st.sampled_from(FILLER), st.integers(0, len(CLAIMS) - 1)), min_size=1, max_size=4))
        for index, item in enumerate(items):
            if index:
                emit(" ")
            if isinstance(item, str):
                emit(item)
                continue
            sentence, words, rule = CLAIMS[item]
            wrap = continuation is not None and len(words) > 1 and draw(st.booleans())
            # a soft line break, or a Markdown hard break (two spaces or a backslash before it)
            hard = draw(st.sampled_from(["", "  ", "\\"])) if markdown and wrap else ""
            emphasis = markdown and draw(st.booleans())
            start_word = sentence.index(words[0])
            emit(sentence[:start_word])
            if emphasis:
                emit("**")
            start = length
            for number, word in enumerate(words):
                if number:
                    emit(hard + newline + continuation if wrap and number == 1 else " ")
                emit(word)
                if emphasis and number == 0:
                    emit("**")
            end = length - (2 if emphasis and len(words) == 1 else 0)
            expected.append((start, end, rule))
            emit(sentence[start_word + len(" ".join(words)):])
        emit(newline + newline)
    bom = draw(st.booleans())
    return ("\ufeff" if bom else "") + "".join(pieces), expected


def _independent_position(source: str, offset: int) -> tuple[int, int]:
    before = source[:offset]
    line = len(re.findall(r"\r\n|\r|\n", before)) + 1
    last = max(before.rfind("\n"), before.rfind("\r"))
    return line, offset - last


def _check(linter, raw: str, expected, fmt: str):
    # Read the way files are read: a BOM is dropped, so expected offsets
    # (computed without it) must still hold.
    source = decode(raw.encode("utf-8"), "doc")
    findings = linter.lint_text(source, format=fmt)
    table = LineTable.of(source)
    for finding in findings:
        assert source[finding.offset:finding.end_offset] == finding.text
        assert (finding.line, finding.column) == _independent_position(source, finding.offset)
        assert (finding.end_line, finding.end_column) == _independent_position(source, finding.end_offset)
        assert table.position(finding.offset) == (finding.line, finding.column)
    spans = {(f.offset, f.end_offset, f.rule) for f in findings}
    for start, end, rule in expected:
        want = (start, end, rule)
        assert want in spans, (source[want[0]:want[1]], rule, [(f.text, f.rule) for f in findings])


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(documents(markdown=True))
def test_markdown_findings_point_at_exact_source(linter, case):
    _check(linter, *case, fmt="markdown")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(documents(markdown=False))
def test_text_findings_point_at_exact_source(linter, case):
    _check(linter, *case, fmt="text")


def test_a_wrapped_claim_is_reported_at_its_start(linter):
    source = "Intro line.\r\nOur stem cells\r\ncure autism in weeks.\r\n"
    [finding] = [f for f in linter.lint_text(source) if f.rule == "unapproved.disease-treatment"]
    assert (finding.line, finding.column, finding.end_line, finding.end_column) == (2, 5, 3, 12)
    assert finding.text == "stem cells\r\ncure autism"


def test_columns_count_code_points_and_tabs_as_one(linter):
    source = "中文😀\tStem cells cure autism.\n"
    [finding] = [f for f in linter.lint_text(source) if f.rule == "unapproved.disease-treatment"]
    assert finding.column == 5 and finding.end_column == 27
