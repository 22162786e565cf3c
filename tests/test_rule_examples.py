"""Every example in every rule file runs as a test."""

from __future__ import annotations

import pytest

from claimcheck.api import Linter
from claimcheck.selftest import examples, passes

_ALL = examples(Linter.from_folders())


@pytest.mark.parametrize(
    "example",
    _ALL,
    ids=[f"{e.rule.id}:{'flag' if e.flag else 'pass'}:{i}" for i, e in enumerate(_ALL)],
)
def test_rule_example(linter, example):
    found = [f for f in linter.lint_text(example.text) if f.rule == example.rule.id]
    if example.flag:
        assert found, f"{example.rule.id} should flag: {example.text!r}"
        # the finding points at real source characters
        for f in found:
            assert example.text[f.offset:f.end_offset] == f.text
    else:
        assert not found, f"{example.rule.id} should not flag {example.text!r}: {[f.text for f in found]}"
    assert passes(linter, example)


def test_there_are_many_examples():
    assert len(_ALL) >= 100
