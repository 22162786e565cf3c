"""Meta-tests on the built-in packs: the data every rule must carry."""

from __future__ import annotations

from pathlib import Path

from claimcheck.findings import CATEGORIES
from claimcheck.kinds import KINDS
from claimcheck.loader import builtin_rules_dir
from claimcheck.ruledoc import markdown

from .conftest import ROOT


def test_builtin_packs_cover_every_category(linter):
    assert {rule.category for rule in linter.ruleset.rules} == set(CATEGORIES)


def test_the_design_packs_exist(linter):
    packs = {pack.name for pack in linter.ruleset.packs}
    assert {"unapproved", "disclaimers", "efficacy"} <= packs


def test_rule_ids_are_unique_and_match_their_files(linter):
    ids = [rule.id for rule in linter.ruleset.rules]
    assert len(ids) == len(set(ids))
    for rule in linter.ruleset.rules:
        path = Path(rule.source)
        assert rule.id == f"{path.parent.name}.{path.stem}"


def test_every_rule_is_documented(linter):
    for rule in linter.ruleset.rules:
        assert rule.kind in KINDS
        assert len(rule.rationale) > 80, rule.id
        assert len(rule.suggestion) > 20, rule.id
        assert rule.references and all(r.url.startswith("https://") for r in rule.references), rule.id
        assert rule.examples.flag and rule.examples.ok, rule.id
        # a message quotes what was found; the scorer's, which spans a sentence, gives its score
        assert ("{score}" if rule.kind == "scorer" else "{text}") in rule.message, rule.id


def test_every_kind_is_used(linter):
    assert {rule.kind for rule in linter.ruleset.rules} == set(KINDS)


def test_every_vocabulary_is_used(linter):
    used = set()
    for rule in linter.ruleset.rules:
        for value in rule.options.values():
            if isinstance(value, tuple):
                used.update(v for v in value if isinstance(v, str))
    assert set(linter.ruleset.vocabularies) <= used


def test_builtin_dir_is_the_repository_rules_folder_in_a_checkout():
    assert (builtin_rules_dir() / "context.yaml").is_file()


def test_the_readme_counts_the_rules(linter):
    """The README's count of rules follows the packs (it had fallen one behind)."""
    rules = linter.ruleset.rules
    scorer = sum(rule.kind == "scorer" for rule in rules)
    packs = len({rule.id.split(".")[0] for rule in rules})
    expected = (f"{len(rules)} rules in {packs} packs, one per category ({len(rules) - scorer} pack rules "
                f"and {scorer} `likely-claim` scorer rules)")
    assert expected in (ROOT / "README.md").read_text(encoding="utf-8")


def test_rule_docs_are_current(linter):
    """docs/rules.md is generated from the rules; regenerate it with
    `python -m claimcheck.ruledoc > docs/rules.md`."""
    assert (ROOT / "docs" / "rules.md").read_text(encoding="utf-8") == markdown(linter.ruleset)
