"""Broken packs stop the run with the file, the line and the key."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimcheck.api import Linter
from claimcheck.cli import main
from claimcheck.errors import PackError
from claimcheck.loader import load_rules

RULE = """\
id: acme.brand-claim
kind: phrase
level: error
category: unapproved-treatment
message: "{text} is a brand claim"
rationale: Brand names presented with a disease are drug claims and need approval first.
references:
  - title: FD&C Act 201(g)(1)
    url: https://www.law.cornell.edu/uscode/text/21/321
suggestion: Describe the product without a disease.
options:
  terms: [RegenX serum]
examples:
  flag: [Try RegenX serum today.]
  pass: [Try our moisturizer today.]
"""


def make_pack(tmp_path: Path, rule: str = RULE, pack: str = "pack: acme\n", name: str = "brand-claim") -> Path:
    folder = tmp_path / "packs"
    (folder / "acme").mkdir(parents=True)
    (folder / "acme" / "pack.yaml").write_text(pack, encoding="utf-8")
    (folder / "acme" / f"{name}.yaml").write_text(rule, encoding="utf-8")
    return folder


def error_for(tmp_path, **kwargs) -> PackError:
    folder = make_pack(tmp_path, **kwargs)
    with pytest.raises(PackError) as info:
        Linter(load_rules([folder])).compiled
    return info.value


def test_a_valid_extra_pack_loads_and_flags(tmp_path):
    linter = Linter.from_folders([make_pack(tmp_path)])
    assert "acme.brand-claim" in [f.rule for f in linter.lint_text("Buy REGENX SERUM now.")]


def test_invalid_yaml_names_file_and_line(tmp_path):
    error = error_for(tmp_path, rule=RULE.replace("kind: phrase", "kind: [phrase"))
    assert error.path.endswith("brand-claim.yaml")
    assert error.line is not None and "invalid YAML" in str(error)


def test_unknown_key(tmp_path):
    error = error_for(tmp_path, rule=RULE + "colour: red\n")
    assert (error.key, error.line) == ("colour", 16)


def test_unknown_kind_lists_the_known_ones(tmp_path):
    error = error_for(tmp_path, rule=RULE.replace("kind: phrase", "kind: regex"))
    assert error.key == "kind" and error.line == 2
    assert "phrase" in error.reason and "claim" in error.reason


def test_unknown_option(tmp_path):
    error = error_for(tmp_path, rule=RULE.replace("  terms:", "  termz:"))
    assert error.key == "options.termz" and error.line == 12


def test_missing_examples(tmp_path):
    error = error_for(tmp_path, rule=RULE.replace("  pass: [Try our moisturizer today.]\n", ""))
    assert error.key == "examples.pass"


def test_rule_id_must_match_file_name(tmp_path):
    error = error_for(tmp_path, name="other-name")
    assert error.key == "id" and "acme.other-name" in error.reason


def test_invalid_spacy_pattern_is_reported_with_its_line(tmp_path):
    rule = RULE.replace("kind: phrase", "kind: pattern").replace(
        "  terms: [RegenX serum]", "  patterns:\n    - [{LOWR: regenx}]"
    )
    error = error_for(tmp_path, rule=rule)
    assert error.key == "options.patterns" and error.line == 12
    assert "LOWR" in error.reason


def test_invalid_regex(tmp_path):
    rule = textwrap.dedent(RULE).replace("kind: phrase", "kind: required").replace(
        "  terms: [RegenX serum]", "  disclaimers: ['not (approved']"
    )
    error = error_for(tmp_path, rule=rule)
    assert error.key == "options.disclaimers[0]" and "regular expression" in error.reason


def test_unknown_vocabulary(tmp_path):
    rule = RULE.replace("  terms: [RegenX serum]", "  vocabularies: [brands]")
    error = error_for(tmp_path, rule=rule)
    assert error.key == "options.vocabularies[0]" and error.line == 12


def test_unquoted_yaml_boolean_gets_a_hint(tmp_path):
    error = error_for(tmp_path, rule=RULE.replace("[RegenX serum]", "[RegenX serum, no]"))
    assert "quote" in error.reason


def test_cli_exit_code_3_names_the_file(tmp_path):
    folder = make_pack(tmp_path, rule=RULE.replace("level: error", "level: critical"))
    page = tmp_path / "page.md"
    page.write_text("Hello.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["--rules", str(folder), str(page)])
    assert result.exit_code == 3
    assert "brand-claim.yaml:3: key 'level'" in result.stderr


def test_unknown_page_voice(tmp_path):
    error = error_for(tmp_path, rule=RULE + "voices: [promotional, salesy]\n")
    assert error.key == "voices[1]" and error.line == 16 and "informational" in error.reason


def test_a_rule_for_promotional_pages_stays_quiet_elsewhere(tmp_path):
    linter = Linter.from_folders([make_pack(tmp_path, rule=RULE + "voices: [promotional]\n")], select=["acme"])
    assert not linter.lint_text("Try RegenX serum today.")
    seller = "Our clinic offers facials. Book a free consultation with our team.\n\nTry RegenX serum today.\n"
    assert [f.rule for f in linter.lint_text(seller)] == ["acme.brand-claim"]


def test_scorer_message_may_show_the_score_but_other_kinds_may_not(tmp_path):
    error = error_for(tmp_path, rule=RULE.replace('"{text} is a brand claim"', '"{text} scored {score}"'))
    assert error.key == "message" and "{score}" in error.reason


def test_a_vocabulary_takes_names_from_a_terminology(tmp_path):
    pack = "pack: acme\nvocabularies:\n  ills:\n    inflect: noun\n    terminology: [icd10cm]\n"
    rule = RULE.replace("  terms: [RegenX serum]", "  vocabularies: [ills]").replace(
        "flag: [Try RegenX serum today.]", "flag: [It helps with glaucoma.]")
    linter = Linter.from_folders([make_pack(tmp_path, rule=rule, pack=pack)], builtin=False)
    vocab = linter.ruleset.vocabularies["acme.ills"]
    assert vocab.terms == () and "glaucoma" in vocab.terminology
    # inflected, but no hyphenated spelling of a name and no plural of an uncounted noun
    assert {"migraines", "cerebral palsy"} <= vocab.forms and "cerebral-palsy" not in vocab.forms
    assert "psoriasises" not in vocab.forms
    found = [(f.rule, f.text) for f in linter.lint_text("Tinnitus, migraines and plantar fasciitis.")]
    assert found == [("acme.brand-claim", "Tinnitus"), ("acme.brand-claim", "migraines"),
                     ("acme.brand-claim", "plantar fasciitis")]


def test_a_vocabulary_may_be_a_signal_the_scorer_does_not_read_as_a_word(tmp_path):
    pack = "pack: acme\nvocabularies:\n  spans:\n    feature: false\n    terms: [within six weeks]\n"
    rule = RULE.replace("  terms: [RegenX serum]", "  vocabularies: [spans]").replace(
        "flag: [Try RegenX serum today.]", "flag: [Softer within six weeks.]")
    linter = Linter.from_folders([make_pack(tmp_path, rule=rule, pack=pack)], select=["acme"])
    assert linter.ruleset.vocabularies["acme.spans"].feature is False
    assert "acme.spans" in linter.compiled.unfeatured
    error = error_for(tmp_path / "bad", pack=pack.replace("feature: false", "feature: maybe"))
    assert error.key == "vocabularies.spans.feature" and "true or false" in error.reason


def test_unknown_terminology_names_file_line_and_key(tmp_path):
    pack = "pack: acme\nvocabularies:\n  ills:\n    terminology: [snomed]\n"
    error = error_for(tmp_path, pack=pack)
    assert error.path.endswith("pack.yaml") and error.key == "vocabularies.ills.terminology"
    assert "unknown terminology 'snomed'" in error.reason and "icd10cm" in error.reason


def test_british_spellings_of_american_terms_are_forms_of_them():
    from claimcheck.vocabulary import british, forms

    assert {"anaemia", "leukaemia", "oedema", "tumours", "haemophilia", "paediatric epilepsy"} <= (
        forms("anemia", "noun") | forms("leukemia", "noun") | forms("edema", "noun") | forms("tumor", "noun")
        | forms("hemophilia", "noun") | forms("pediatric epilepsy", "noun"))
    assert {"revitalises", "revitalised", "revitalising"} <= forms("revitalize", "verb")
    assert "ischaemic heart disease" in forms("ischemic heart disease", "noun", spellings=False)  # terminology names too
    # -ize after four letters only: "size" and "prize" have no -ise form
    assert (british("size"), british("prize"), british("optimization")) == ("size", "prize", "optimisation")


def test_contractions_are_also_matched_without_their_apostrophe():
    """Forums and captions write "dont" and "cant"; spaCy splits them as it
    splits "don't" ("do" + "nt"), so every form with "n't" has one with "nt"."""
    from claimcheck.api import Linter
    from claimcheck.vocabulary import forms

    assert {"didn't help", "didnt help", "nt cause side effects"} <= (
        forms("didn't help", "none") | forms("n't cause side effects", "none"))
    assert forms("not approved", "none") == {"not approved", "not-approved"}
    linter = Linter.from_folders(scorer=False)
    for text in ("Stem cells don't cure arthritis.", "Stem cells dont cure arthritis.",
                 "Stem cells DON'T cure arthritis.", "Stem cells doesnt cure arthritis."):
        assert not [f.rule for f in linter.lint_text(text) if f.rule.startswith("unapproved.")], text
    assert [f.rule for f in linter.lint_text("Stem cells cure arthritis.") if f.rule.startswith("unapproved.")]


def test_a_dotted_fda_is_a_form_of_fda_and_satisfies_the_disclaimer():
    """"F.D.A." (a newspaper's style) is matched wherever "FDA" is, and a
    disclaimer that writes it counts."""
    from claimcheck.api import Linter
    from claimcheck.vocabulary import forms

    assert {"approved by the fda", "approved by the f.d.a.", "f.d.a.-approved"} <= (
        forms("approved by the FDA", "none") | forms("FDA-approved", "none"))
    assert forms("feedback", "none") == {"feedback"}  # a word holding the letters is no abbreviation
    linter = Linter.from_folders(scorer=False)
    claim = "Our stem cell injections cure arthritis.\n\n"
    assert [f.rule for f in linter.lint_text(claim) if f.rule == "disclaimers.fda-status"]
    for disclaimer in ("This treatment is not approved by the F.D.A.", "It is not F.D.A.-approved.",
                       "The F.D.A. has not approved it."):
        assert not [f.rule for f in linter.lint_text(claim + disclaimer + "\n")
                    if f.rule == "disclaimers.fda-status"], disclaimer


def test_a_short_form_without_its_spelling_names_file_line_and_key(tmp_path):
    """A folder's context.yaml may add short forms; each is "short = full"."""
    folder = make_pack(tmp_path)
    (folder / "context.yaml").write_text("short_forms:\n  - \"pts = patients\"\n  - \"wk week\"\n", encoding="utf-8")
    with pytest.raises(PackError) as info:
        Linter(load_rules([folder])).compiled
    assert info.value.path.endswith("context.yaml") and info.value.line == 3
    assert "'wk week' must be a short form" in str(info.value)
    (folder / "context.yaml").write_text("short_forms:\n  - \"pts = patients\"\n", encoding="utf-8")
    assert Linter(load_rules([folder])).compiled.conditions.classify("pts") == "patients"
