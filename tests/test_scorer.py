"""The learned claim scorer: its features, its findings, its switches, its model."""

from __future__ import annotations

import hashlib
import json
import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from click.testing import CliRunner

from claimcheck.cli import main
from claimcheck.engine import analyse
from claimcheck.findings import Hit
from claimcheck.kinds.scorer import (DEFAULT_THRESHOLD, INFORMATIONAL_THRESHOLD, QUESTION_THRESHOLD, UNSURE_PAGE_READ,
                                     UNSURE_PAGE_SENTENCES, UNSURE_PAGE_THRESHOLD)
from claimcheck.page import PageContext, decide
from claimcheck.readers import reader
from claimcheck.scorer import cutoffs
from claimcheck.scorer.classifier import MODEL_DIR, provenance
from claimcheck.scorer.features import FEATURES_VERSION, Conditions
from claimcheck.scoring import unsure_page

from tests.conftest import ROOT, SHARED

# Sentences we wrote that no pack rule matches and the shipped scorer reports.
UNSEEN = "Our cord cells calm inflammation so that damaged joints can rebuild themselves."
STORY = "John can finally sleep through the night after his treatment with us."


def words_of(linter, text: str, page: PageContext | None = None) -> list[str]:
    compiled = linter.compiled
    _, candidates, _ = analyse([text], compiled, page or decide([text], compiled.page_cues))
    assert len(candidates) == 1
    return list(candidates[0].words)


def test_features_name_the_signals_and_keep_the_words(linter):
    words = words_of(linter, "Stem cells reverse Parkinson disease for 3 years?")
    assert words[:2] == ["#voice:unknown", "#topic"] and "#question" in words  # it names a product
    start = words.index("<unapproved.products>")
    assert words[start:start + 3] == ["<unapproved.products>", "<unapproved.effects>", "parkinson"]
    assert "<unapproved.conditions>" in words and "<num>" in words and words[-1] == "?"


def test_short_forms_read_as_the_words_spelled_out(linter):
    """A classified ad's short forms ("pts", "w/o", "wk") are the scorer's
    full words (``short_forms`` in rules/context.yaml): the sentence in short
    forms read as spelled out (the pack rules still read the words as
    written); a word that only looks like one ("PT", physical therapy)
    stays as written."""
    short = words_of(linter, "Most pts walking w/o a cane by wk 3.")
    assert {"patients", "without", "week"} <= set(short) and {"pts", "w/o", "wk"}.isdisjoint(short)
    assert "pt" in words_of(linter, "Our PT team treats knee pain after surgery.")


@pytest.mark.parametrize("text, negated", [
    ("Our injections have no side effects.", False),  # "no side effects" is a pseudo-negation: a claim, not a denial
    ("You don't have to live with knee pain after our stem cell shots.", False),
    ("Our injections do not cure knee pain.", True),
    ("No evidence shows that stem cells heal knee pain.", True),
    ("Stem cell therapy for knees: no surgery, no hospital stay, no rehab.", False),  # a pitch, not a denial
    # not needing a hospital stay is what the product spares you: a claim
    ("Stem cell therapy does not need a hospital stay to heal knees.", False),
    ("Stem cell therapy does not heal knees without a hospital stay.", True),
])
def test_the_negation_flag_leaves_out_cues_inside_a_pseudo_negation(linter, text, negated):
    assert ("#neg" in words_of(linter, text)) is negated


@pytest.mark.parametrize("text, negated", [
    ("Most of our knee patients never need surgery after a cord tissue injection.", False),
    ("With our stem cell shots you won't need a knee replacement.", False),
    ("Our amniotic injections do not require FDA approval.", False),
    ("Our amniotic injections do not cure arthritis.", True),
])
def test_not_needing_surgery_or_approval_is_no_denial(linter, text, negated):
    """"never need surgery", "does not require FDA approval" claim what a
    product spares you (``pseudo_negation`` in rules/context.yaml): the
    scorer sees no negation in them; "do not cure" still denies."""
    assert ("#neg" in words_of(linter, text)) is negated


def test_a_trial_registry_entry_is_research_voice(linter):
    assert "#research" in words_of(linter, "Primary outcome: change in knee pain after stem cell injection at 12 months.")


def test_a_regulator_addressing_the_firm_is_attribution(linter):
    assert "#attr" in words_of(linter, "Your website represents that your stem cell product treats arthritis.")
    assert "#attr" not in words_of(linter, "Our stem cell product treats arthritis.")


def test_a_result_in_cell_culture_is_research_voice(linter):
    assert "#research" in words_of(linter, "Our exosome powder increased collagen by 150% in fibroblast culture.")


def test_an_faq_answer_no_does_not_negate_what_follows(linter):
    words = words_of(linter, "No, the exosome injection is practically painless.")  # the answer to "Is it painful?"
    assert "<safety.risks>" in words and "#neg" not in words  # "painless" is a signal; "No," answers the question


@pytest.mark.parametrize("text, flag", [
    ("Exosomes calmed inflammation in vitro.", "#research"),  # a result in the lab
    ("Hair density rose by 18% on the PRP side against 3% on the saline side.", "#research"),  # a trial's arms
    ("Exosome facials are said to cure acne.", "#attr"),  # hearsay
    # a doctor or a patient group on others' offers (twenty-eighth session)
    ("Some private clinics offer stem cell injections for bladder pain.", "#attr"),
    ("Some spas now sell exosome facials for rosacea.", "#attr"),
    # a clinic's promise retold by a patient group (twenty-ninth session)
    ("A clinic that says it can end your pain is hard to ignore.", "#attr"),
    ("Be careful with clinics that promise to reverse arthritis.", "#attr"),
])
def test_more_research_and_attribution_cues(linter, text, flag):
    assert flag in words_of(linter, text)


@pytest.mark.parametrize("text", [
    "Our PRP injections heal the fingers of patients with Raynaud's.",
    "Our exosome drip calms Crohn's flares.",
    "Stem cells reverse Hashimoto's.",
])
def test_a_disease_named_after_a_person_alone_is_a_condition(linter, text):
    """ICD-10-CM names eponymous diseases with their head noun ("Raynaud's
    syndrome"); copy names them alone, as the conditions vocabulary now does."""
    assert "<unapproved.conditions>" in words_of(linter, text)
    assert "unapproved.disease-treatment" in {f.rule for f in linter.lint_text(text)}


def test_repigmentation_is_a_treatment_noun(linter):
    """A vitiligo gallery's caption "Hands, 4 months: 80% repigmentation"
    held no term of any vocabulary (twenty-ninth session)."""
    assert "<unapproved.treatment-nouns>" in words_of(linter, "Hands, 4 months: 80% repigmentation")


def test_a_leaky_gut_is_a_condition_and_gaining_back_a_change(linter):
    words = words_of(linter, "Our colostrum exosomes seal a leaky gut so patients gain back their energy.")
    assert "<unapproved.conditions>" in words and "<unapproved.change-words>" in words


def test_consumer_names_of_skin_conditions_and_ageing(linter):
    words = words_of(linter, "Our exosome serum erases fine lines and slows biological age.")
    assert words.count("<unapproved.conditions>") == 2


def test_mixed_evidence_is_named_for_the_scorer(linter):
    words = words_of(linter, "PRP may help tendons heal, but the evidence for knee arthritis is mixed at best.")
    assert "<efficacy.preclinical>" in words


def test_how_a_patient_moves_afterwards_is_an_outcome(linter):
    # no condition, effect or product named: the outcome words make it worth scoring
    words = words_of(linter, "Most owners notice their pets moving more freely within two to four weeks.")
    assert "<efficacy.outcomes>" in words


def test_open_class_conditions():
    conditions = Conditions.of(["itis", "pathy"], ["disease"])
    assert conditions.holds(["tendinopathy"], 0) and conditions.holds(["bursitis"], 0)
    assert conditions.holds(["parkinson", "disease"], 1)
    assert not conditions.holds(["disease"], 0)  # a head noun needs a word before it
    assert not conditions.holds(["pity"], 0) and not conditions.holds(["itis"], 0)
    assert conditions.holds(["arthritis"], 0) and conditions.holds(["tendinitis"], 0)


def test_features_depend_on_the_page(linter):
    page = PageContext("promotional", "exosome")
    words = words_of(linter, "Joint stiffness fades within weeks.", page)
    assert words[:2] == ["#voice:promotional", "#topic"] and "#heading" not in words
    assert "#heading" in words_of(linter, "Exosome Therapy for Knees")


@pytest.mark.parametrize("text", [
    '"My knees stopped hurting after one shot." - Ann',
    '"My knees stopped hurting after one shot." — Ann, 62',
    "Reduces wrinkles by 47% in 28 days.*",
    "Reduces wrinkles by 47% in 28 days.¹",
    "Reduces wrinkles in 28 days.**",
    "Reduces wrinkles in 28 days.†",
])
def test_a_sentence_ends_with_its_stop_before_a_dash_or_a_footnote_mark(linter, text):
    """A testimonial's speaker after a dash and a footnote mark after the
    stop leave a sentence a sentence, not a title (spaCy keeps some marks on
    the stop: "days.¹")."""
    assert "#heading" not in words_of(linter, text)


@pytest.mark.parametrize("text", ["Renew Exosome Serum *", "Knee pain —", "Results 1-2-3 †"])
def test_a_title_stays_a_title_before_a_mark(linter, text):
    assert "#heading" in words_of(linter, text)


def test_a_run_of_fragments_is_read_as_one_sentence(linter):
    """A slogan set as fragments ("No surgery. No steroids. No downtime.") is
    one sentence to the scorer, which reads no sentence of two words or fewer
    (thirty-fourth session); a fragment next to a full sentence stays alone,
    and a full sentence is never joined."""
    compiled = linter.compiled
    text = "Knee pain ends here. No surgery. No steroids. No downtime. We treat knees with PRP. Call today."
    _, candidates, _ = analyse([text], compiled, decide([text], compiled.page_cues))
    spans = [text[c.start:c.end] for c in candidates]
    assert "No surgery. No steroids. No downtime." in spans
    assert "We treat knees with PRP." in spans and "Knee pain ends here." in spans
    alone = "We treat knees with PRP. No surgery. We are open on Sundays."
    _, candidates, _ = analyse([alone], compiled, decide([alone], compiled.page_cues))
    assert [alone[c.start:c.end] for c in candidates] == ["We treat knees with PRP.", "No surgery."]


def test_an_unseen_claim_gets_one_scorer_finding_on_its_sentence(linter):
    text = f"We opened in 2019. {UNSEEN} Parking is free."
    found = [f for f in linter.lint_text(text, format="text") if f.category != "missing-disclaimer"]
    assert [f.rule for f in found] == ["unapproved.likely-claim"]
    finding = found[0]
    assert finding.text == UNSEEN and text[finding.offset:finding.end_offset] == UNSEEN
    assert str(finding.level) == "warning"
    assert DEFAULT_THRESHOLD <= finding.score <= 1 and f"{finding.score:.2f}" in finding.message


def test_a_sentence_a_pack_rule_reports_gets_no_scorer_finding(linter):
    found = linter.lint_text("Our stem cells cure autism in children.", format="text")
    assert {f.rule for f in found if f.category != "missing-disclaimer"} == {"unapproved.disease-treatment"}


def test_a_sentence_only_a_token_pattern_matches_is_checked_with_the_scorer_on(linter, packs_only):
    # No vocabulary term in it, so nothing to score; the pattern rule still
    # speaks, as it does with the scorer off (a bug until 2026-12-01).
    text = "In our clinic, 94% of clients saw a difference by spring."
    for checker in (linter, packs_only):
        assert [f.rule for f in checker.lint_text(text) if f.category != "missing-disclaimer"] == [
            "efficacy.success-rate"]
    compiled = linter.compiled
    _, candidates, _ = analyse([text], compiled, decide([text], compiled.page_cues))
    assert candidates == []  # reported, and not a sentence the scorer is asked about


def test_negative_outcomes_and_anticipation_are_no_testimonials(linter):
    for text in ("After the injection, my knee pain got worse.", "I have my first injection next week!"):
        assert not [f for f in linter.lint_text(text) if f.rule == "testimonial.likely-claim"], text


def test_a_holiday_notice_is_site_furniture_not_a_safety_claim(linter):
    """A clinic's closing notice wishes readers a safe weekend: site
    furniture, which no scorer rule reports. A safety claim on the same page
    still is."""
    page = ("Closed for the holidays. Have a safe weekend, everyone!\n\n"
            "Book your stem cell injection online with our team.\n")
    assert not [f for f in linter.lint_text(page) if f.rule.endswith("likely-claim") and f.line == 1]
    words = words_of(linter, "Have a safe weekend, everyone!")
    assert "<unapproved.site-furniture>" in words and "safe" not in words
    claim = page.replace("Have a safe weekend, everyone!", "Our stem cell injections are safe for everyone.")
    assert [f.line for f in linter.lint_text(claim) if f.category == "safety"] == [1]


def test_a_return_to_activity_plan_is_care_instructions(linter):
    """The steps back to sport after an injury are instructions, which the
    scorer's rules do not report, though "symptoms are gone" and "clearance"
    are a testimonial's and a regulator's words."""
    page = ("# The plan, step by step\n\n"
            "1. Rest until your symptoms are gone.\n2. Full training after a doctor's written clearance.\n")
    assert not [f for f in linter.lint_text(page, path="plan.md") if f.rule.endswith("likely-claim")]
    assert "<unapproved.aftercare>" in words_of(linter, "Rest until your symptoms are gone.")


def test_a_product_labels_warnings_are_care_instructions(linter):
    """"Stop use if a rash appears" on a cream's label is a warning: "stop"
    and "appears" read as an outcome and an effect to a bag of words."""
    label = "Our stem cell cream soothes tired skin.\n\nStop use if a rash appears.\n"
    assert not [f for f in linter.lint_text(label) if f.rule.endswith("likely-claim") and f.line == 3]
    assert "<unapproved.aftercare>" in words_of(linter, "Stop use if a rash appears.")


def test_a_recovery_aid_is_care_instructions(linter):
    """A seller's FAQ says how recovery goes ("You use crutches for a
    month"): "crutches" is a testimonial's outcome word ("off crutches"), but
    using them is the plan, not a result. Being off them stays a claim."""
    faq = ("# Core decompression with marrow cells\n\n"
           "Our marrow cell procedure rebuilds the dying bone.\n\n"
           "**How long is recovery?** You use crutches for about a month.\n")
    assert [f.line for f in linter.lint_text(faq, path="faq.md") if f.rule.endswith("likely-claim")] == [3]
    assert "<unapproved.aftercare>" in words_of(linter, "You use crutches for about a month.")
    result = faq.replace("You use crutches for about a month.", "Most patients are off crutches within a week.")
    assert 5 in [f.line for f in linter.lint_text(result, path="faq.md") if f.category != "missing-disclaimer"]


def test_lasting_harm_is_no_lasting_result(linter):
    """A case report's "permanent scarring" is harm: no efficacy claim is
    reported on it, where "permanent" alone read as a lasting result."""
    report = ("We saw two patients with nodules after an exosome facial. "
              "Both needed months of antibiotics, and one has permanent scarring.\n")
    assert not [f for f in linter.lint_text(report) if f.rule == "efficacy.likely-claim"]
    assert "<efficacy.lasting-harms>" in words_of(linter, "One has permanent scarring after the exosome facial.")


def run(*args: str, cwd=None):
    result = CliRunner().invoke(main, [*args, "--format", "json"], catch_exceptions=False)
    return result, json.loads(result.stdout) if result.stdout.startswith("{") else None


@pytest.fixture()
def page(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "page.md").write_text(f"{UNSEEN}\n\n{STORY}\n", encoding="utf-8")
    return tmp_path


def scorer_findings(data) -> list[dict]:
    return [f for f in data["findings"] if f["rule"].endswith(".likely-claim")]


def test_json_shows_the_score_and_no_scorer_turns_it_off(page):
    _, data = run("page.md")
    found = scorer_findings(data)
    # Both sentences (no pack rule knows their wording), each under the
    # category the model ranks highest.
    assert sorted(f["line"] for f in found) == [1, 3]
    assert all(f["rule"].endswith(".likely-claim") for f in found)
    assert all(DEFAULT_THRESHOLD <= f["score"] <= 1 for f in found)
    assert all("score" not in f for f in data["findings"] if f not in found)
    _, data = run("--no-scorer", "page.md")
    assert scorer_findings(data) == []


def test_sarif_carries_the_score(page):
    result = CliRunner().invoke(main, ["--format", "sarif", "page.md"])
    results = json.loads(result.stdout)["runs"][0]["results"]
    scored = [r for r in results if r["ruleId"].endswith(".likely-claim")]
    assert scored and all(DEFAULT_THRESHOLD <= r["properties"]["score"] <= 1 for r in scored)


def test_configuration_switches_the_scorer_and_sets_its_threshold(page):
    (page / ".claimcheck.yaml").write_text("scorer:\n  enabled: off\n", encoding="utf-8")
    assert scorer_findings(run("page.md")[1]) == []
    (page / ".claimcheck.yaml").write_text("scorer:\n  threshold: 0.999\n", encoding="utf-8")
    assert scorer_findings(run("page.md")[1]) == []
    (page / ".claimcheck.yaml").write_text("scorer:\n  threshold: 0.1\n", encoding="utf-8")
    assert len(scorer_findings(run("page.md")[1])) == 2
    (page / ".claimcheck.yaml").write_text("scorer:\n  threshold: 2\n", encoding="utf-8")
    result, _ = run("page.md")
    assert result.exit_code == 3 and "scorer.threshold" in result.stderr and "from 0 to 1" in result.stderr
    (page / ".claimcheck.yaml").write_text("scorer:\n  level: high\n", encoding="utf-8")
    result, _ = run("page.md")
    assert result.exit_code == 3 and "unknown key" in result.stderr


def test_a_category_turned_off_is_not_reported_under_another(page):
    story = next(f for f in scorer_findings(run("page.md")[1]) if f["line"] == 3)
    (page / ".claimcheck.yaml").write_text(f"rules:\n  {story['rule']}: off\n", encoding="utf-8")
    found = scorer_findings(run("page.md")[1])
    assert 3 not in [f["line"] for f in found]  # the story is not reported under its second-best category
    assert all(f["rule"] != story["rule"] for f in found)


# -- the shipped model ----------------------------------------------------------


def test_the_shipped_model_is_small_and_says_where_it_came_from():
    size = sum(f.stat().st_size for f in MODEL_DIR.rglob("*") if f.is_file())
    assert size <= 5_000_000
    info = provenance()
    assert info["features_version"] == FEATURES_VERSION
    assert info["items"] == info["claims"] + info["ok"] and info["claims"] > 500
    assert all(len(f["sha256"]) == 64 for f in info["files"])
    # the versions that give the same weights again (training is byte-reproducible with them)
    assert set(info["libraries"]) == {"spacy", "thinc", "numpy", "blis"}
    assert all(v[:1].isdigit() for v in info["libraries"].values())


def test_the_shipped_model_was_trained_on_the_shared_corpus():
    corpus = SHARED / "eval" / "corpus" / "claims.jsonl"
    if not corpus.is_file():
        if os.environ.get("CI"):
            pytest.fail("../shared/eval is missing in CI")
        pytest.skip("../shared/eval is not here")
    trained = {f["name"]: f["sha256"] for f in provenance()["files"]}
    assert trained["corpus/claims.jsonl"] == hashlib.sha256(corpus.read_bytes()).hexdigest()
    for own in sorted((ROOT / "bench" / "data").glob("*.jsonl")):  # and on our own labeled sentences
        assert trained[f"data/{own.name}"] == hashlib.sha256(own.read_bytes()).hexdigest()
    assert provenance()["own_sentences"] > 300  # those files and the rules' examples


def test_training_is_reproducible(tmp_path):
    """The same labeled items give byte-identical weights (fixed seed, spaCy's training loop)."""
    from claimcheck import train

    rows = []
    for n in range(12):
        rows.append({"text": f"Our exosome injection number {n} heals knee arthritis fast.", "label": "claim",
                     "category": "unapproved-treatment", "source": f"s{n % 3}"})
        rows.append({"text": f"The clinic car park has {n} spaces near the door.", "label": "ok",
                     "category": "none", "source": f"s{n % 3}"})
    items = train.featurize(rows)
    overrides = {"training.max_epochs": 3}
    first = train.fit(items, tmp_path / "a", overrides=overrides)
    second = train.fit(items, tmp_path / "b", overrides=overrides)
    for name in ("textcat_multilabel/model", "config.cfg", "vocab/strings.json"):
        assert (first / name).read_bytes() == (second / name).read_bytes(), name
    train.write_provenance(first, [], items, "train")
    from importlib.metadata import version

    assert provenance(first)["libraries"]["thinc"] == version("thinc")
    from claimcheck.scorer.classifier import Classifier

    claim, ok = Classifier(first).scores([items[0].alone, items[1].alone])
    assert claim["claim"] > ok["claim"]


def test_labeled_jsonl_lines_end_at_newlines_only(tmp_path):
    from claimcheck import train

    rows = [{"text": "Heals in days\u2028guaranteed.", "label": "claim"}, {"text": "Our office\x85is open.", "label": "ok"}]
    path = tmp_path / "mine.jsonl"
    path.write_bytes(("\r\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\r\n\r\n").encode())
    assert train.read_rows([path]) == rows


def test_train_cli_reports_missing_data(capsys):
    from claimcheck import train

    assert train.main([str(ROOT / "no-such.jsonl")]) == 2
    assert "no labeled data" in capsys.readouterr().err


def test_own_sentences_are_the_rules_examples_and_our_files(tmp_path, linter):
    from claimcheck import train

    mine = tmp_path / "mine.jsonl"
    mine.write_text(json.dumps({"text": "Our serum cures gout.", "label": "claim",
                                "category": "unapproved-treatment"}) + "\n\n", encoding="utf-8")
    rows = train.own_rows([mine], linter)
    assert rows[0]["text"] == "Our serum cures gout." and rows[0]["own"]
    examples = rows[1:]
    rules = {r.id: r for r in linter.ruleset.rules}
    packs = [r for r in rules.values() if r.category != "missing-disclaimer" and r.kind != "scorer"]
    flagged = sum(len(r.examples.flag) for r in packs)
    passed = sum(len(r.examples.ok) for r in packs)
    assert sum(r["label"] == "claim" for r in examples) == flagged
    assert sum(r["label"] == "ok" for r in examples) == passed
    for row in examples:
        rule = rules[row["source"].split(":")[1]]
        assert row["text"] in (rule.examples.flag if row["label"] == "claim" else rule.examples.ok)
        assert row["category"] == (rule.category if row["label"] == "claim" else "none")
    assert len({r["source"] for r in rows}) == len(rows)  # each alone: no page made of them
    assert train.own_rows([mine], linter, rule_examples=False) == rows[:1]


def test_cross_validation_trains_on_own_sentences_and_scores_only_the_labeled(monkeypatch, tmp_path):
    from claimcheck import train
    from claimcheck.scorer import classifier

    def item(n, family=None):
        return train.Item({"text": f"t{n}", "label": "ok", "family": family}, (f"w{n}",), (f"w{n}",), False, True)

    items = [item(n, f"family{n % 4}") for n in range(8)]
    own = [item(100), item(101)]
    trained = []

    def fit(chosen, output, **_):
        trained.append([i.row["text"] for i in chosen])
        output.mkdir(parents=True)
        (output / "meta.json").write_text("{}", encoding="utf-8")
        return output

    class Scores:
        def __init__(self, model):
            pass

        def scores(self, words):
            return [{"claim": float(w[0][1:])} for w in words]

    monkeypatch.setattr(train, "fit", fit)
    monkeypatch.setattr(classifier, "Classifier", Scores)
    scores = train.cross_validate(items, 4, own=own)
    assert [s["claim"] for s in scores] == list(range(8))  # every labeled item scored by a fold, own ones not
    assert len(trained) == 4
    for texts in trained:
        assert texts[-2:] == ["t100", "t101"] and len(texts) == 8  # 6 labeled + our 2


def test_train_cli_reports_missing_own_file(capsys, tmp_path):
    from claimcheck import train

    labeled = tmp_path / "l.jsonl"
    labeled.write_text("", encoding="utf-8")
    assert train.main([str(labeled), "--own", str(tmp_path / "none.jsonl")]) == 2
    assert "none.jsonl" in capsys.readouterr().err
    assert train.main([str(labeled), "--own-pages", str(tmp_path / "no-pages")]) == 2
    assert "no-pages" in capsys.readouterr().err


def test_training_reads_sentences_as_the_engine_does(linter):
    """The words a labeled sentence becomes for training are the words the
    engine hands the scorer at run time (signal vocabularies included)."""
    from claimcheck import train

    for text in (UNSEEN, STORY, "Joint stiffness fades within weeks of the injection."):
        item = train.featurize([{"text": text, "label": "claim", "category": "unapproved-treatment"}])[0]
        assert list(item.alone) == words_of(linter, text)


def test_what_the_scorer_reads_does_not_depend_on_the_rules_turned_on(linter):
    from claimcheck.api import Linter

    text = "PRP is completely safe and heals knees."
    narrowed = Linter.from_folders(select=["unapproved.likely-claim"])
    assert words_of(narrowed, text) == words_of(linter, text)
    assert "<safety.absolute>" in words_of(narrowed, text)


def test_the_scorer_loads_its_component_alone_with_the_scores_spacy_load_gives():
    import spacy

    from claimcheck.scorer.classifier import Classifier

    items = [["our", "<product>", "heals", "<cond>", "#voice:promotional"], ["we", "are", "open", "."], []]
    pipe = spacy.load(MODEL_DIR).get_pipe("textcat_multilabel")
    from spacy.tokens import Doc

    expected = [dict(d.cats) for d in pipe.pipe([Doc(pipe.vocab, words=list(w) or ["#empty"]) for w in items])]
    assert Classifier(MODEL_DIR).scores(items) == expected


def test_remembered_scores_equal_fresh_ones_and_the_memo_stays_bounded():
    """Scores reused from the memo are the ones a fresh classifier gives the
    item alone, whatever batch it first came in; the memo never holds more
    than its limit."""
    from claimcheck.scorer.classifier import Classifier

    items = [["our", "<product>", "heals", f"w{n}", "."] for n in range(30)] + [["we", "are", "open"], []]
    fresh = [Classifier(MODEL_DIR).scores([item])[0] for item in items]
    small = Classifier(MODEL_DIR, memo_items=8)
    assert small.scores(items[:5]) == fresh[:5]
    assert small.scores(items[3:5] + items[3:5]) == fresh[3:5] * 2
    assert small.memo_hits == 4
    for start in range(0, len(items), 3):
        assert small.scores(items[start:start + 3] + items[:2]) == fresh[start:start + 3] + fresh[:2]
        assert len(small._memo) <= 8
    assert small.scores(items) == fresh  # one call larger than the memo


def test_on_an_informational_page_the_scorer_speaks_only_when_very_sure(linter):
    from types import SimpleNamespace

    from claimcheck import scoring
    from claimcheck.kinds.scorer import INFORMATIONAL_THRESHOLD, threshold
    from claimcheck.scorer.cutoffs import needed

    rule = linter.ruleset.rule("efficacy.likely-claim")
    sentence = ("it", "works", "well", ".")
    assert needed(threshold(rule), sentence, informational=True) == INFORMATIONAL_THRESHOLD == 0.8
    assert needed(threshold(rule), sentence) == threshold(rule) == 0.45
    classifier = SimpleNamespace(scores=lambda items: [
        {"claim": value, "efficacy-guarantee": 0.9, "safety": 0.1} for value in (0.6, 0.85)])
    compiled = SimpleNamespace(classifier=classifier, scorer_rules={"efficacy-guarantee": rule}, unfeatured=frozenset())
    candidates = [scoring.Candidate(0, 0, 5, ("a", "b", "c"), False), scoring.Candidate(1, 0, 5, ("d", "e", "f"), False)]
    assert [h.block for h in scoring.scored(candidates, compiled)] == [0, 1]
    assert [h.block for h in scoring.scored(candidates, compiled, informational=True)] == [1]


def test_a_sentence_of_one_or_two_words_is_not_scored(linter):
    """No labelled sentence is that short: the scorer's reading of "Results"
    or "Same day." is a guess. Words are counted as written: a term of
    several words is one of the scorer's words. Pack rules still read them."""
    from claimcheck.kinds.scorer import threshold
    from claimcheck.scorer.cutoffs import TOO_SHORT_WORDS, needed, too_short

    rule = linter.ruleset.rule("efficacy.likely-claim")
    assert TOO_SHORT_WORDS == 2
    words = ("#voice:promotional", "#heading", "<efficacy.proof>")
    assert needed(threshold(rule), words, text="Results") is None
    assert needed(threshold(rule), words) == 0.45  # (no text: not counted)
    assert too_short("Same day.") and too_short("  Safety\u00a0first! ")
    assert not too_short("Life Without Pain!")  # two of the scorer's words: "life <testimonial.outcome>"
    assert not too_short("World's first enhancer")
    flagged = {f.rule for f in linter.lint_text("# Results\n\nStem cells cure autism.\n\n## Completely safe\n")}
    assert "safety.absolute-safety" in flagged  # a pack rule reads two words
    assert not any(f.line == 1 for f in linter.lint_text("# Results\n\nOur stem cell therapy heals knees.\n"))


def test_a_pack_finding_on_an_informational_pages_topic_title_needs_the_topic_titles_certainty(linter):
    """On an informational page a pack finding stands if the scorer gives
    its sentence the voice's confirmation score (0.3); on a title naming
    only the product and a condition ("Regenerative therapies for tendon
    injuries", a factsheet's title) it needs TOPIC_TITLE_THRESHOLD, as the
    scorer's own finding there would (forty-first session). A seller's page
    holds no finding for confirmation; a sentence is no title."""
    from types import SimpleNamespace

    from claimcheck import scoring
    from claimcheck.findings import Hit
    from claimcheck.kinds.scorer import CONFIRM_THRESHOLDS, TOPIC_TITLE_THRESHOLD

    given = (CONFIRM_THRESHOLDS["informational"] + TOPIC_TITLE_THRESHOLD) / 2
    compiled = SimpleNamespace(classifier=SimpleNamespace(scores=lambda items: [{"claim": given} for _ in items]),
                               scorer_rules={}, unfeatured=frozenset({"superiority.spine-care"}))
    title = ("#voice:informational", "#topic", "#heading", "<unapproved.products>", "for", "<unapproved.conditions>")
    sentence = ("#voice:informational", "#topic", "<unapproved.products>", "for", "<unapproved.conditions>", ".")

    def kept(words, informational=True, labels=frozenset()):
        hit = Hit("unapproved.disease-treatment", 0, 0, 3)
        candidate = scoring.Candidate(0, 0, 3, words, True, labels, (hit,))
        return scoring.scored([candidate], compiled, informational, CONFIRM_THRESHOLDS["informational"]) == [hit]

    assert not kept(title)
    assert kept(sentence)
    assert kept(title, informational=False)  # (a page of unknown voice: its own confirmation score)
    assert kept(title, labels=frozenset({"superiority.spine-care"}))  # a term the words do not show: no topic title
    assert cutoffs.confirming(0.3, title, True) == TOPIC_TITLE_THRESHOLD
    assert cutoffs.confirming(0.3, sentence, True) == 0.3


def test_a_title_naming_only_a_product_is_not_scored(linter):
    from types import SimpleNamespace

    from claimcheck import scoring

    asked = []

    def scores(items):
        asked.extend(items)
        return [{"claim": 0.9, "efficacy-guarantee": 0.9} for _ in items]

    rule = linter.ruleset.rule("efficacy.likely-claim")
    compiled = SimpleNamespace(classifier=SimpleNamespace(scores=scores), scorer_rules={"efficacy-guarantee": rule},
                               unfeatured=frozenset())
    title = ("#voice:promotional", "#topic", "#heading", "<unapproved.products>", "serum", "in", "denver")
    with_condition = ("#voice:promotional", "#topic", "#heading", "<unapproved.products>", "for", "<cond>")
    sentence = ("#voice:promotional", "#topic", "<unapproved.products>", "works", "well", ".")  # a full stop
    candidates = [scoring.Candidate(n, 0, 3, words, False) for n, words in enumerate((title, with_condition, sentence))]
    assert [h.block for h in scoring.scored(candidates, compiled)] == [1, 2]
    assert asked == [with_condition, sentence]
    # a title that also held a term of a `feature: false` vocabulary (a comparison, a timeline) is scored:
    # "- Why spinal fusion and steroid shots fail so many patients" is no product's name
    asked.clear()
    signalled = SimpleNamespace(classifier=compiled.classifier, scorer_rules=compiled.scorer_rules,
                                unfeatured=frozenset({"superiority.spine-care"}))
    pointed = [scoring.Candidate(0, 0, 3, title, False, frozenset({"unapproved.treatment-words", "superiority.spine-care"})),
               scoring.Candidate(1, 0, 3, title, False, frozenset({"unapproved.treatment-words"}))]
    assert [h.block for h in scoring.scored(pointed, signalled)] == [0]
    assert cutoffs.needed(0.45, title) is None and cutoffs.needed(0.45, title, signalled=True) is not None
    assert cutoffs.names_only_a_product(("#heading", "<unapproved.products>", "<num>", "clinics"))
    assert not cutoffs.names_only_a_product(("#heading", "<unapproved.products>", "<unapproved.effects>"))
    # "PRP" is a product and standard care: beside a product, standard care counts as the product
    assert cutoffs.names_only_a_product(("#heading", "the", "<superiority.standard-care>", "<unapproved.products>", "facial"))
    assert not cutoffs.names_only_a_product(("#heading", "<superiority.standard-care>", "recovery"))  # surgery alone
    # a service's name: the product and a treatment word ("Exosome Hair Therapy", "PRP Injections")
    assert cutoffs.names_only_a_product(("#heading", "<unapproved.products>", "hair", "<unapproved.treatment-words>"))
    assert not cutoffs.names_only_a_product(("#heading", "<unapproved.treatment-words>", "<unapproved.effects>"))
    # a brand name that is a verb of effect ("Renew Exosome Serum", as a shop's title, alt text and heading
    # repeat it); the effect claimed of something else, or after the product, is no name
    assert cutoffs.names_only_a_product(("#heading", "<unapproved.effects>", "<unapproved.products>", "serum"))
    assert cutoffs.names_only_a_product(("#heading", "<unapproved.effects>", "<unapproved.products>", "serum",
                                         "bottle", "with", "a", "dropper"))
    assert not cutoffs.names_only_a_product(("#heading", "<unapproved.effects>", "<unapproved.conditions>", "with",
                                             "<unapproved.products>"))
    assert not cutoffs.names_only_a_product(("#heading", "<unapproved.products>", "<unapproved.effects>", "knees"))
    # ...or between the product and what it is sold as ("LumaCell Exosome Repair Serum 30ml": forty-first session)
    assert cutoffs.names_only_a_product(("#heading", "lumacell", "<unapproved.products>", "<unapproved.effects>",
                                         "serum", "30ml"))
    assert not cutoffs.names_only_a_product(("#heading", "<unapproved.effects>", "serum"))  # no product before it
    assert not cutoffs.names_only_a_product(("<unapproved.effects>", "<unapproved.products>", "."))  # a sentence
    # a bullet of more than TITLE_MOST_WORDS words says something, whatever its terms (twenty-ninth session)
    bullet = ("#heading", "-", "fall", "asleep", "in", "minutes", ":", "plant", "<unapproved.products>", "reset", "the",
              "brain", "'s", "sleep", "signals")
    assert len(bullet) - 1 > cutoffs.TITLE_MOST_WORDS and not cutoffs.names_only_a_product(bullet)
    assert cutoffs.names_only_a_product(bullet[:1] + bullet[7:9])  # "plant <products>": a title
    # a seller's or place's name ("Renew Exosome Serum - 30 mL - Lumiere Labs", "Stem Cell Laboratory")
    assert cutoffs.names_only_a_product(("#heading", "<unapproved.effects>", "<unapproved.products>", "serum", "-",
                                         "<num>", "ml", "-", "lumiere", "<fda.premises>"))
    assert cutoffs.names_only_a_product(("#heading", "<unapproved.products>", "<fda.premises>"))
    assert not cutoffs.names_only_a_product(("#heading", "<fda.approval>", "<fda.premises>"))  # "FDA Approved Lab"
    # a bullet the scorer sees no term in was a candidate by a term it does not see, a result's timeline
    # ("Gums grow back in as little as 6 weeks": thirtieth session): scored
    assert not cutoffs.names_only_a_product(("#heading", "gums", "grow", "back", "in", "as", "little", "as", "<num>",
                                             "weeks"))


def test_a_short_title_that_only_points_at_a_product_or_speaker_is_not_scored(linter):
    """"I" alone, "My story", "Our treatment": no disease, effect or result
    to judge, so the score would be only the page's prior (a file holding
    "I" was reported as a testimonial at 0.68, found by fuzzing). A long
    line without a full stop is not a title and is still scored."""

    pointer = ("#voice:unknown", "#no-topic", "#heading", "<testimonial.first-person>", "story")
    assert cutoffs.names_only_a_product(pointer)
    assert cutoffs.names_only_a_product(("#heading", "<unapproved.referents>", "<unapproved.pronouns>"))
    long = ("#heading", "when", "you", "inject", "<unapproved.products>", "into", "someone", "<unapproved.pronouns>",
            "'s", "like", "putting", "good", "petrol")
    assert not cutoffs.names_only_a_product(long)
    assert not cutoffs.names_only_a_product(("#heading", "<testimonial.first-person>", "<unapproved.effects>"))
    for text in ("I\n", "Me\n", "My story\n", "Our treatment\n", "\x1ci\n"):
        assert not [f.rule for f in linter.lint_text(text)], text
    assert [f.rule for f in linter.lint_text("My knee pain is gone\n") if f.category == "testimonial"]



def test_a_title_naming_only_a_topic_needs_a_higher_score(linter):
    from types import SimpleNamespace

    from claimcheck import scoring
    from claimcheck.kinds.scorer import DEFAULT_THRESHOLD, TOPIC_TITLE_THRESHOLD

    claim = (DEFAULT_THRESHOLD + TOPIC_TITLE_THRESHOLD) / 2  # between the two thresholds

    def scores(items):
        return [{"claim": claim, "unapproved-treatment": 0.9} for _ in items]

    rule = linter.ruleset.rule("unapproved.likely-claim")
    compiled = SimpleNamespace(classifier=SimpleNamespace(scores=scores), scorer_rules={"unapproved-treatment": rule},
                               unfeatured=frozenset())
    topic = ("#voice:promotional", "#topic", "#heading", "types", "of", "<unapproved.conditions>")
    symptoms = ("#voice:promotional", "#topic", "#heading", "<cond>", "and", "<unapproved.symptoms>")
    offer = ("#voice:promotional", "#topic", "#heading", "<unapproved.products>", "for", "<unapproved.conditions>")
    effect = ("#voice:promotional", "#topic", "#heading", "<unapproved.effects>", "of", "<unapproved.conditions>")
    # (a sentence, not a title; one that names only the condition describes it: see
    # test_a_sentence_describing_a_condition_needs_more_certainty)
    sentence = ("#voice:promotional", "#topic", "<unapproved.products>", "for", "<unapproved.conditions>", ".")
    units = (topic, symptoms, offer, effect, sentence)
    candidates = [scoring.Candidate(n, 0, 3, words, False) for n, words in enumerate(units)]
    assert [h.block for h in scoring.scored(candidates, compiled)] == [3, 4]
    claim = TOPIC_TITLE_THRESHOLD
    assert [h.block for h in scoring.scored(candidates, compiled)] == [0, 1, 2, 3, 4]
    assert [cutoffs.names_only_a_topic(words) for words in units] == [True, True, True, False, False]


def test_a_topic_title_that_holds_a_signal_is_no_mere_topic():
    """"Watch: Melasma gone in 6 weeks": its only terms the scorer sees name a
    condition, but its timeline ("gone in 6 weeks", a ``feature: false`` term)
    makes it a result; it needs the rule's own threshold (thirty-third session)."""
    from claimcheck.kinds.scorer import DEFAULT_THRESHOLD, TOPIC_TITLE_THRESHOLD

    words = ("#voice:promotional", "#topic", "#heading", "watch", ":", "<unapproved.conditions>", "gone", "in",
             "<num>", "weeks")
    assert cutoffs.names_only_a_topic(words)
    assert cutoffs.needed(DEFAULT_THRESHOLD, words) == TOPIC_TITLE_THRESHOLD
    assert cutoffs.needed(DEFAULT_THRESHOLD, words, signalled=True) == DEFAULT_THRESHOLD


def test_a_pages_furniture_is_not_scored(linter):
    page = ("We use cookies to improve your experience. By continuing to browse you agree. Accept\n\n"
            "# Stem cell therapy for knees\n\n"
            "Our stem cell injections rebuild worn knee cartilage.\n\n"
            "Tags: stem cells, knee pain, arthritis, regenerative medicine\n\n"
            "Privacy Policy | Terms of Use | All rights reserved.\n")
    lines = {f.line for f in linter.lint_text(page, path="page.md") if f.rule.endswith("likely-claim")
             or f.rule.startswith("unapproved.")}
    assert 5 in lines and not lines & {1, 7, 9}


def test_a_lead_in_needs_a_higher_score(linter):
    from types import SimpleNamespace

    from claimcheck import scoring
    from claimcheck.kinds.scorer import DEFAULT_THRESHOLD, LEAD_IN_THRESHOLD

    claim = (DEFAULT_THRESHOLD + LEAD_IN_THRESHOLD) / 2

    def scores(items):
        return [{"claim": claim, "unapproved-treatment": 0.9} for _ in items]

    rule = linter.ruleset.rule("unapproved.likely-claim")
    compiled = SimpleNamespace(classifier=SimpleNamespace(scores=scores), scorer_rules={"unapproved-treatment": rule},
                               unfeatured=frozenset())
    lead_in = ("#voice:promotional", "#topic", "the", "clinic", "offers", "the", "following", "<unapproved.products>", ":")
    sentence = ("#voice:promotional", "#topic", "<unapproved.products>", "<unapproved.effects>", "knees", ".")
    colon_inside = ("#voice:promotional", "#topic", "results", ":", "<unapproved.products>", "<unapproved.effects>")
    units = (lead_in, sentence, colon_inside)
    candidates = [scoring.Candidate(n, 0, 3, words, False) for n, words in enumerate(units)]
    assert [h.block for h in scoring.scored(candidates, compiled)] == [1, 2]
    claim = LEAD_IN_THRESHOLD
    assert [h.block for h in scoring.scored(candidates, compiled)] == [0, 1, 2]
    assert [cutoffs.a_lead_in(words) for words in units] == [True, False, False]
    assert not cutoffs.a_lead_in(())


@pytest.mark.parametrize("following, asks", [
    (" Has anyone here tried it?", True),
    (' Would she qualify? Thanks.', True),
    (" Is it worth it?\" she asked.", True),
    (" Why did I wait? It was gone.", True),
    (" I will try it. Is it safe?", False),  # the next sentence is no question
    ("", False),
    (" " + "x" * 400 + "?", False),  # the next sentence's end is too far to look for
    # a chat's question written without its mark, to the end of the text
    (" can you help her", True),
    ("\nVisitor: do you take insurance", True),
    (" we flew home the next day", False),
])
def test_a_speakers_situation_before_a_question_is_asking(following, asks):
    speaker = ("#voice:promotional", "<testimonial.first-person>", "have", "<unapproved.conditions>", ".")
    narrator = ("#voice:promotional", "<testimonial.narrative>", "has", "<unapproved.conditions>", ".")
    seller = ("#voice:promotional", "<unapproved.products>", "<unapproved.effects>", "knees", ".")
    assert cutoffs.asks_next(speaker, following) is asks
    assert cutoffs.asks_next(narrator, following) is asks
    assert cutoffs.asks_next(seller, following) is False  # (no speaker: a claim before "Why wait?")
    assert cutoffs.needed(0.45, speaker, following=following) == (0.7 if asks else 0.45)


def test_a_question_needs_a_higher_score(linter):
    """A question (with its question mark or without one) is reported only at
    QUESTION_THRESHOLD or more."""
    question = ("#voice:promotional", "#topic", "#question", "#heading", "do", "you", "<unapproved.effects>")
    statement = ("#voice:promotional", "#topic", "<unapproved.products>", "<unapproved.effects>", ".")
    assert cutoffs.needed(0.45, question) == QUESTION_THRESHOLD > 0.45
    assert cutoffs.needed(0.45, statement) == 0.45
    knowing = ("#voice:promotional", "#question", "did", "you", "know", "that", "<unapproved.products>", "?")
    assert cutoffs.needed(0.45, knowing) == 0.45  # asserts what follows
    page = ("Our clinic offers stem cell infusions. Book a consultation with our team today.\n\n"
            "[10:02:40] Visitor: do you treat copd with stem cells\n\n"
            "[10:03:05] Renee: Yes! Our stem cell infusions repair damaged lungs.\n")
    lines = {f.line for f in linter.lint_text(page, path="chat.txt") if f.category != "missing-disclaimer"}
    assert 5 in lines and 3 not in lines


def test_asking_on_a_page_needs_a_higher_score(linter):
    """A caller's or poster's own situation before their question is not
    reported; a story of results before a rhetorical question still is."""
    page = ("Our clinic offers stem cell and PRP injections. Book a consultation with our team today.\n\n"
            "I am 68 and have been told I need a knee replacement. Is there anything else I can try first?\n\n"
            "My husband has COPD and uses oxygen at night. Would he qualify for the infusions?\n\n"
            "After two PRP shots my shoulder pain was gone. Why did I wait so long?\n")
    lines = {f.line for f in linter.lint_text(page, path="page.txt") if f.category != "missing-disclaimer"}
    assert 7 in lines and not lines & {3, 5}


def test_a_lead_in_on_a_page_is_read_with_its_colon(linter):
    # the features end with the colon as the engine cuts the sentence, in every reader (a text file's
    # lines without a blank line between are one paragraph, and the colon is then inside it)
    for text, fmt in (("Our clinic offers the following stem cell procedures:\n\n- Knee injections\n", "markdown"),
                      ("Our clinic offers the following stem cell procedures:\n\nKnee injections\n", "text"),
                      ("<p>Our clinic offers the following stem cell procedures:</p><ul><li>Knee injections</li></ul>",
                       "html")):
        document = reader(fmt)(text, "<p>")
        texts = [b.text for b in document.blocks]
        compiled = linter.compiled
        _, candidates, _ = analyse(texts, compiled, decide(texts, compiled.page_cues))
        assert any(cutoffs.a_lead_in(c.words) for c in candidates), (fmt, [c.words for c in candidates])


# An informational page of our own: a regulator's voice, then sentences pack rules match.
REGULATOR = (
    "# What the regulator says about cell therapies\n\n"
    "The health department said in its published guidance that researchers found no evidence for most offers.\n\n"
    "According to the study, trials are under way and the evidence is weak.\n\n"
)
REQUIREMENT = "Every stem cell product must be authorized to ensure that it is safe and effective before sale."
PLAIN_CLAIM = "Our PRP is 100% safe with no side effects."


def test_on_an_informational_page_a_pack_finding_stands_only_if_the_scorer_agrees(linter, packs_only):
    from claimcheck.readers import markdown

    source = REGULATOR + REQUIREMENT + "\n\n" + PLAIN_CLAIM + "\n"
    compiled = linter.compiled
    texts = [block.text for block in markdown.read(source, "page.md").blocks]
    assert decide(texts, compiled.page_cues).voice == "informational"
    lines = lambda findings: sorted({f.line for f in findings if f.category != "missing-disclaimer"})
    assert lines(packs_only.lint_text(source, format="markdown")) == [7, 9]
    assert lines(linter.lint_text(source, format="markdown")) == [9]  # the requirement is not a claim
    # On a seller's page the pack rule's finding needs no agreement.
    seller = "Book your consultation at our clinic today.\n\n" + REQUIREMENT + "\n\n" + PLAIN_CLAIM + "\n"
    texts = [block.text for block in markdown.read(seller, "page.md").blocks]
    assert decide(texts, compiled.page_cues).voice == "promotional"
    assert lines(linter.lint_text(seller, format="markdown")) == [3, 5]


def test_an_informational_page_with_claims_in_two_blocks_owes_the_disclaimer(linter):
    from claimcheck.kinds.required import SELLER_BLOCKS

    assert SELLER_BLOCKS == 2
    missing = lambda source: [f.line for f in linter.lint_text(source, format="markdown")
                              if f.category == "missing-disclaimer"]
    one = REGULATOR + PLAIN_CLAIM + "\n"
    assert missing(one) == []  # a regulator quoting one claim owes no product disclaimer
    assert missing(one + "\nStem cells cure autism.\n") == [7]  # a seller citing studies does
    assert missing(one + "\nStem cells cure autism.\n\nStem cell therapy is not FDA-approved.\n") == []


@pytest.mark.parametrize("voice", ["informational", "unknown"])
def test_pending_pack_hits_are_kept_at_the_confirm_threshold_and_get_no_scorer_finding(voice):
    from types import SimpleNamespace

    from claimcheck import scoring
    from claimcheck.findings import Hit
    from claimcheck.kinds.scorer import confirm_threshold

    cut = confirm_threshold(voice)
    assert confirm_threshold("promotional") is None and 0 < cut < 0.5
    classifier = SimpleNamespace(scores=lambda items: [
        {"claim": value, "safety": 0.9} for value in (cut - 0.01, cut, 0.99)])
    compiled = SimpleNamespace(classifier=classifier, scorer_rules={}, unfeatured=frozenset())
    candidates = [scoring.Candidate(n, 0, 5, ("a",), True, frozenset(), (Hit("safety.safe-claim", n, 0, 5),))
                  for n in range(3)]
    assert [(h.rule_id, h.block) for h in scoring.scored(candidates, compiled, voice == "informational", cut)] == [
        ("safety.safe-claim", 1), ("safety.safe-claim", 2)]
    assert len(scoring.scored(candidates, compiled, False, None)) == 3  # a seller's page: no agreement needed


def test_pack_rules_of_two_categories_are_not_held_for_the_scorer_on_a_page_of_unknown_voice(linter):
    """Where no cue tells who speaks, the scorer may veto a pack finding it
    all but rules out; not when pack rules of two categories report the
    sentence (a coupon's "Save $50" reads as a price list to the bag of words)."""
    import dataclasses
    from types import SimpleNamespace

    from claimcheck import engine
    from claimcheck.kinds.scorer import AGREEING_RULES
    from claimcheck.readers import reader

    assert AGREEING_RULES == 2
    unsure = SimpleNamespace(scores=lambda items: [{"claim": 0.01, "efficacy-guarantee": 0.01} for _ in items])
    compiled = dataclasses.replace(linter.compiled, classifier=unsure)

    def rules(text):
        found = engine.lint_document(reader("text")(text + "\n", "x.txt"), compiled)
        return sorted({f.rule for f in found if f.category != "missing-disclaimer"})

    two = "Save $50 on your first exosome hair treatment, clinically proven to regrow thinning hair."
    assert rules(two) == ["efficacy.proven", "unapproved.disease-treatment"]
    assert rules("Exosomes are completely safe.") == []  # rules of one category: vetoed
    assert rules("Our clinic offers exosomes. Book today. Exosomes are completely safe.")  # a seller's page


def test_a_care_teams_page_with_an_informational_cue_holds_pack_findings_for_the_scorer(linter):
    """A page that is a seller's only by cues a care team says too ("we",
    "our clinic", "call us") and that has an informational cue is as unsure
    as a page of no voice: a pack finding the scorer all but rules out falls
    (thirty-second session). With no informational cue, or with a seller's
    own cue ("book online"), it stands."""
    import dataclasses
    from types import SimpleNamespace

    from claimcheck import engine
    from claimcheck.readers import reader

    unsure = SimpleNamespace(scores=lambda items: [{"claim": 0.01, "efficacy-guarantee": 0.01} for _ in items])
    compiled = dataclasses.replace(linter.compiled, classifier=unsure)

    def rules(opening, evidence="Studies of injections in children are small."):
        text = f"Sports injuries in children\n\nWe see many young athletes in our clinic. {opening}\n\n{evidence}\n\n"
        text += 'Some clinics use wording such as "FDA registered" that sounds like approval but is not.\n'
        found = engine.lint_document(reader("text")(text, "x.txt"), compiled)
        return sorted({f.rule for f in found if f.category != "missing-disclaimer"})

    assert rules("Call us with questions.") == []
    assert rules("Call us with questions.", evidence="Injections in children are rare.") == ["fda.authority-approval"]
    assert rules("Book online today.") == ["fda.authority-approval"]


def test_the_scorer_architecture_built_directly_is_the_registrys():
    """The bag-of-words model is built by calling spaCy's function for it
    (no registry fill); the registry builds the same model, and builds any
    other architecture the config may name."""
    from spacy.util import load_config, registry

    from claimcheck.scorer.classifier import _architecture

    settings = dict(load_config(MODEL_DIR / "config.cfg", interpolate=True)["components"]["textcat_multilabel"]["model"])
    direct = _architecture(dict(settings), registry)
    resolved = registry.resolve({"model": dict(settings)})["model"]
    assert direct.name == resolved.name
    assert [layer.name for layer in direct.walk()] == [layer.name for layer in resolved.walk()]
    assert direct.attrs.keys() == resolved.attrs.keys()
    assert direct.attrs["multi_label"] == resolved.attrs["multi_label"] is True
    assert [(layer.name, layer.get_dim("nO") if layer.has_dim("nO") is True else None) for layer in direct.walk()] == \
        [(layer.name, layer.get_dim("nO") if layer.has_dim("nO") is True else None) for layer in resolved.walk()]
    from thinc.api import Model

    other = {**{k: v for k, v in settings.items() if k != "length"}, "@architectures": "spacy.TextCatBOW.v2"}
    assert isinstance(_architecture(dict(other), registry), Model)  # not built directly: the registry's path


# Sentences of every sort: pack claims, claims only a token pattern finds (no
# vocabulary term), negated and attributed claims, neutral copy.
_BANK = (
    "Our stem cells cure autism.", "9 out of 10 patients walk again.", "In our clinic, 94% of clients saw a difference.",
    "We achieve a success rate above most clinics.", "PRP is not approved to treat arthritis.",
    "The FDA warns that clinics claim exosomes heal lungs.", "Parking is free.", "Call us today.",
    "Exosomes are completely safe.", "Our team has 20 years of experience.", "Is PRP right for you?",
    "No pills, no pumps and no side effects.", "Results vary.",
)
_SELLER = "Our clinic offers stem cell and PRP injections. Book a consultation with our team today.\n\n"


@settings(deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(_BANK), min_size=1, max_size=12), st.sampled_from([" ", "\n\n"]))
def test_on_a_sellers_page_the_scorer_never_changes_the_pack_findings(linter, packs_only, sentences, joiner):
    # Where no seller speaks the scorer may veto a pack finding; on a seller's
    # page it only adds its own. A pack finding lost with the scorer on is a bug
    # (one was: sentences only a token pattern matched were never checked).
    from hypothesis import assume

    from claimcheck.page import PROMOTIONAL
    from claimcheck.readers import reader

    text = _SELLER + joiner.join(sentences) + "\n"
    blocks = [b.text for b in reader("markdown")(text, "page.md").blocks]
    assume(decide(blocks, linter.compiled.page_cues).voice == PROMOTIONAL)

    def packs(found):
        # (the page-level disclaimer rules anchor at the first claim, which
        # may be the scorer's)
        return sorted((f.line, f.column, f.rule) for f in found if f.score is None and f.category != "missing-disclaimer")

    assert packs(linter.lint_text(text)) == packs(packs_only.lint_text(text))


def test_a_sentence_holding_a_disclaimer_gets_no_scorer_finding(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    lines = ["Our knee injections helped Dana walk her dog again without pain.",
             "As we told Dana at her consultation, results differ from patient to patient.",  # a results-vary form
             "As we told Dana at her consultation, her knee has a lot of wear and tear."]
    (tmp_path / "page.md").write_text("\n\n".join(lines) + "\n", encoding="utf-8")
    # At threshold 0 the scorer reports every sentence it is asked about, but not a disclaimer.
    (tmp_path / ".claimcheck.yaml").write_text("scorer:\n  threshold: 0\n", encoding="utf-8")
    assert sorted(f["line"] for f in scorer_findings(run("page.md")[1])) == [1, 5]
    # An extra disclaimer form from the configuration counts too.
    (tmp_path / ".claimcheck.yaml").write_text(
        "scorer:\n  threshold: 0\ndisclaimers:\n  disclaimers.results-vary: ['wear and tear']\n", encoding="utf-8")
    assert [f["line"] for f in scorer_findings(run("page.md")[1])] == [1]


@pytest.mark.parametrize("score, owed", [(None, True), (0.95, True), (0.8, True), (0.79, False), (0.55, False)])
def test_a_scorer_finding_obliges_a_disclaimer_only_when_sure(linter, score, owed):
    """A pack finding (no score) or a sure scorer finding makes a seller's page
    owe the disclaimer; one uncertain scorer finding does not (a false alarm
    would otherwise bring a second)."""
    from claimcheck.findings import Hit
    from claimcheck.kinds.required import SCORE_TO_REQUIRE, Summary, check_document

    assert SCORE_TO_REQUIRE == 0.8
    rule = {r.id: r for r in linter.ruleset.rules}["disclaimers.fda-status"]
    category = rule.options["when_categories"][0]
    text = "Our exosome therapy helps your knees."
    summary = Summary(hits=((Hit("x.likely-claim", 0, 0, len(text), score=score), category),),
                      first_terms={}, texts=(text,), page=PageContext("promotional", "exosome"))
    assert bool(list(check_document(rule, summary))) is owed


@pytest.mark.parametrize("scores, page, owed", [
    ((0.7, 0.66), PageContext("promotional", "exosome"), True),  # two blocks, fairly sure
    ((0.7, 0.6), PageContext("promotional", "exosome"), False),  # one of them unsure
    ((0.7,), PageContext("promotional", "exosome"), False),  # one block
    ((0.7, 0.66), PageContext("promotional", None), False),  # no product named
    ((0.7, 0.66), PageContext("promotional", "exosome", plain=True), False),  # a care team's cues only
    ((0.7, 0.66), PageContext("unknown", "exosome"), False),
])
def test_fairly_sure_scorer_findings_in_two_blocks_of_a_sellers_product_page_oblige_together(
        linter, scores, page, owed):
    from claimcheck.findings import Hit
    from claimcheck.kinds.required import PAIRED_SCORE, Summary, check_document

    assert PAIRED_SCORE == 0.65
    rule = {r.id: r for r in linter.ruleset.rules}["disclaimers.fda-status"]
    category = rule.options["when_categories"][0]
    texts = ("Our exosome therapy helps your knees.", "It helps your back too.")
    hits = tuple((Hit("x.likely-claim", block, 0, 5, score=score), category) for block, score in enumerate(scores))
    summary = Summary(hits=hits, first_terms={}, texts=texts, page=page)
    assert bool(list(check_document(rule, summary))) is owed


@pytest.mark.parametrize("categories, owed", [
    (("unapproved-treatment", "testimonial"), True),  # a treatment claim beside a story of results
    (("testimonial", "testimonial"), False),  # none of the rule's own categories
])
def test_the_pair_needs_one_finding_of_the_rules_categories_and_another_of_any(linter, categories, owed):
    from claimcheck.findings import Hit
    from claimcheck.kinds.required import Summary, check_document

    rule = {r.id: r for r in linter.ruleset.rules}["disclaimers.fda-status"]
    texts = ("Our exosome therapy helps your knees.", "I walk again!")
    hits = tuple((Hit("x.likely-claim", block, 0, 5, score=0.7), category)
                 for block, category in enumerate(categories))
    summary = Summary(hits=hits, first_terms={}, texts=texts, page=PageContext("promotional", "exosome"))
    assert bool(list(check_document(rule, summary))) is owed


def test_a_result_shown_in_a_post_is_a_story_for_the_scorer(linter):
    words = words_of(linter, "Swipe to see her 6-month result after exosome scalp sessions!")
    assert "<testimonial.narrative>" in words


def test_a_condition_explained_gets_no_scorer_finding(linter, tmp_path, monkeypatch):
    """On a seller's page the bag of words reads a condition and the seller's
    voice as a claim; a sentence explaining the condition holds none."""
    explained = "Frozen shoulder occurs when the capsule around the joint thickens and tightens."
    assert "<unapproved.explanations>" in words_of(linter, explained)
    monkeypatch.chdir(tmp_path)
    lines = ["Our clinic offers exosome injections for sore knees.", explained,
             "Knee pain affects millions of adults over fifty.", UNSEEN]
    (tmp_path / "page.md").write_text("\n\n".join(lines) + "\n", encoding="utf-8")
    # At threshold 0 the scorer reports every sentence it is asked about, but not an explanation.
    (tmp_path / ".claimcheck.yaml").write_text("scorer:\n  threshold: 0\n", encoding="utf-8")
    assert sorted(f["line"] for f in scorer_findings(run("page.md")[1])) == [1, 7]
    # pack rules still read an explanation
    claim = "Knee pain occurs when cartilage wears away, and our stem cells regrow it."
    assert "unapproved.disease-treatment" in {f.rule for f in linter.lint_text(claim, format="text")}


def test_where_a_condition_comes_from_is_an_explanation(linter):
    """A patient guide says what a condition follows ("It can follow an
    injury, gout or years of wear"): conditions, "it" and "walk" read as a
    claim to a bag of words (0.92 before), on a page whose voice is not
    known; no scorer finding, and so no missing-disclaimer finding either."""
    guide = ("# Stiff big toe\n\nHallux rigidus is arthritis of the big toe joint. "
             "It can follow an injury, gout or years of wear, and it makes walking painful.\n")
    assert not [f for f in linter.lint_text(guide, path="guide.md") if f.rule.startswith("unapproved.")]
    assert "<unapproved.explanations>" in words_of(linter, "It can follow an injury or years of wear.")
    assert "<unapproved.explanations>" in words_of(linter, "Tendon pain is often caused by overuse.")
    assert "<unapproved.explanations>" in words_of(linter, "Pregnancy and menopause make it more likely.")


def test_the_myth_of_a_myth_and_fact_page_is_not_scored(linter, tmp_path, monkeypatch):
    """"Myth: it adds risk to my surgery" is what the page refutes; the
    "Fact:" after it is the page's own claim, scored as any sentence."""
    from claimcheck.scorer.cutoffs import needed

    myth = words_of(linter, "Myth: It adds risk to my surgery.")
    assert needed(0.5, tuple(myth)) is None
    assert needed(0.5, tuple(words_of(linter, "Fact: It heals your gums twice as fast."))) == 0.5
    monkeypatch.chdir(tmp_path)
    page = ("We add PRF to every implant surgery.\n\n**Myth: It adds risk to my surgery.**\n"
            "Fact: PRF makes your gums heal twice as fast.\n")
    (tmp_path / "myths.md").write_text(page, encoding="utf-8")
    (tmp_path / ".claimcheck.yaml").write_text("scorer:\n  threshold: 0\n", encoding="utf-8")
    lines = {f["line"] for f in scorer_findings(run("myths.md")[1])}
    assert 3 not in lines and 4 in lines


def test_a_result_on_a_timeline_is_read_by_the_scorer(linter):
    """A result told on a timeline and in no other word of any vocabulary
    ("Most clients notice familiar scents coming back by the third week")
    was never a candidate; its timeline (``efficacy.timelines``) makes it
    one now. The scorer reads the timeline's own words (``feature: false``),
    as the model was trained. A refund's days are no timeline of results."""
    words = words_of(linter, "Most clients notice familiar scents coming back by the third week.")
    assert words[-6:] == ["back", "by", "the", "third", "week", "."]
    assert not any(w.startswith("<efficacy.timelines") for w in words)
    for text in ("Three sessions later, her friends kept asking about her skin.",
                 "Most horses are back in full work within four to six months."):
        assert words_of(linter, text)  # a candidate, though no other term is in it
    assert "efficacy.timelines" in linter.compiled.unfeatured
    compiled = linter.compiled
    refund = "Free returns within 30 days."
    assert analyse([refund], compiled, decide([refund], compiled.page_cues))[1] == []
    page = ("# Smell Restore\n\nOur exosome nasal drops come in a 10 mL bottle.\n\n"
            "Most clients notice familiar scents coming back by the third week.\n")
    assert 5 in [f.line for f in linter.lint_text(page, path="smell.md") if f.rule == "efficacy.likely-claim"]


def test_a_refund_that_hangs_on_the_result_is_a_guarantee(linter):
    """A refund promised if the result does not come ("Thicker lashes in
    three weeks or your money back") guarantees the result without the word:
    the guarantee rule reads ``efficacy.money-back``. The scorer reads the
    phrase's own words (``feature: false``). A shop's refund policy, and a
    deposit refunded on cancelling, are no guarantee of a result."""
    assert "efficacy.money-back" in linter.compiled.unfeatured
    for text in ("Thicker lashes in three weeks or your money back.",
                 "If your knees do not feel better after a month, we will refund every cent."):
        assert "efficacy.guarantee" in {f.rule for f in linter.lint_text(text)}, text
    words = words_of(linter, "Thicker lashes in three weeks or your money back.")
    assert words[-4:] == ["your", "money", "back", "."]
    assert not any(w.startswith("<efficacy.money-back") for w in words)
    for text in ("Satisfaction guaranteed or your money back.",
                 "If you cancel a week ahead, we refund your deposit in full."):
        assert "efficacy.guarantee" not in {f.rule for f in linter.lint_text(text)}, text


def test_where_cells_come_from_is_neither_an_approval_nor_a_recovery(linter):
    # "obtained" alone is regulatory information ("approval was obtained") and
    # "recovered" an outcome; with "from" they tell where the cells came from
    words = words_of(linter, "The cells are obtained from your own fat tissue.")
    assert "<unapproved.sources>" in words and "<fda.regulatory-information>" not in words
    words = words_of(linter, "The tissue is recovered from consenting mothers after birth.")
    assert "<unapproved.sources>" in words and "<unapproved.effects>" not in words
    assert "<unapproved.effects>" in words_of(linter, "I recovered from my knee injury in weeks.")


@pytest.mark.parametrize("text, names", [
    ("Thank you for writing to Vida Nueva Regenerative Clinic in Guadalajara!", ["Vida Nueva Regenerative Clinic"]),
    ("RESTORE ORTHOPEDIC & REGENERATIVE", ["RESTORE ORTHOPEDIC & REGENERATIVE"]),
    ("Welcome to Restore Pain & Wellness Center", ["Restore Pain & Wellness Center"]),
    # capitalised function words end a run: a title keeps its claim
    ("Heal Your Knees At Our Regenerative Clinic", ["Regenerative Clinic"]),
    ("I went to the Cleveland Clinic and Dr. Smith said no.", ["Cleveland Clinic"]),
    ("STEM CELLS HEAL KNEES AT OUR CLINIC", []),  # one word before the head
    ("Supports Joint Health", []),  # "Health" ends titles, not names
    ("Our regenerative clinic heals knees.", []),  # not capitalised
    # a studio's, a lab's or a bar's name (thirtieth session)
    ("Thanks for visiting Thicker Hair Studio today!", ["Thicker Hair Studio"]),
    ("Book at Miami Hair Lab.", ["Miami Hair Lab"]),
    ("Velvet Skin Bar opens at nine.", ["Velvet Skin Bar"]),
    ("Our lab tests every batch.", []),
])
def test_names_of_clinics_are_runs_of_capitalised_words_ending_in_a_head(linter, text, names):
    compiled = linter.compiled
    tokens = [t.text for t in compiled.tokenize(text)]
    assert [" ".join(tokens[a:b]) for a, b in compiled.names.runs(tokens, 0, len(tokens))] == names


def test_the_scorer_reads_a_name_as_one_word_and_does_not_score_names_alone(linter):
    """A clinic's name made of a claim's words ("Restore", "Pain",
    "Regenerative") is one word to the scorer; a sentence whose only terms
    are inside a name is not scored at all."""
    from claimcheck.scorer.cutoffs import needed, only_a_name
    from claimcheck.scorer.names import NAME

    words = words_of(linter, "Call Restore Pain & Wellness Center to heal your knee pain.")
    assert words.count(NAME) == 1 and "<unapproved.effects>" in words  # "heal" outside the name still counts
    assert "restore" not in words and "wellness" not in words
    alone = words_of(linter, "Restore Pain & Wellness Center has offices in Denver and Boulder.")
    assert only_a_name(tuple(alone)) and needed(0.45, tuple(alone)) is None
    assert not only_a_name(tuple(words))
    page = "Restore Pain & Wellness Center has offices in Denver and Boulder.\n\nParking is free.\n"
    assert not [f for f in linter.lint_text(page) if f.rule.endswith("likely-claim")]
    assert [f.rule for f in linter.lint_text("Restore Pain & Wellness Center: our stem cells regrow cartilage.\n")]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(["Renew", "Clinic", "&", "and", "Our", "knee", "REGENERATIVE", "Pain", "O'Neil",
                                 ".", "Institute", "of", "Spine"]), max_size=40))
def test_names_are_ordered_disjoint_runs_that_open_and_end_with_a_word_of_a_name(linter, tokens):
    from claimcheck.scorer.names import _capitalised

    heads = linter.compiled.names.heads
    runs = linter.compiled.names.runs(tokens, 0, len(tokens))
    last = 0
    for first, end in runs:
        assert last <= first < end <= len(tokens)
        assert _capitalised(tokens[first]) and tokens[end - 1].lower() in heads
        assert sum(map(_capitalised, tokens[first:end])) >= 2
        last = end
    words = features_of(linter, tokens)
    assert words.count("<name>") == len(runs)


def features_of(linter, tokens):
    from claimcheck.scorer.features import features

    compiled = linter.compiled
    return features(tokens, 0, len(tokens), {}, None, compiled.conditions, compiled.names)


def test_labeled_pages_of_any_format_become_items_block_by_block(tmp_path):
    """``read_page_rows``: each block as claimcheck reads it, labelled by the
    lines it covers (a claim line makes it a claim, optional lines alone
    leave it out), decoded and read as the linter reads the file."""
    from claimcheck.train import read_page_rows

    (tmp_path / "promo_a.html").write_text(
        "<!-- Source: written for a test -->\n<h1>Knee Clinic</h1>\n"
        "<p>Our stem cells regrow cartilage.</p>\n<p>We are open on Saturdays.</p>\n"
        "<table><tr><th>Plan</th><th>Price</th></tr>\n<tr><td>Basic</td><td>$99</td></tr></table>\n"
        "<p>Rated five stars.</p>\n", encoding="utf-8")
    (tmp_path / "promo_b.txt").write_text(
        "# Source: written for a test\nExosome Serum, 30 mL\nReverses arthritis in weeks.\n\n"
        "Call us today.\n", encoding="utf-8")
    labels = {"promo_a.html": {"expected_claim_lines": [3], "claim_line_categories": {"3": "unapproved-treatment"},
                               "other_optional_lines": [7]},
              "promo_b.txt": {"expected_claim_lines": [3], "claim_line_categories": {"3": "efficacy-guarantee"}}}
    (tmp_path / "labels.json").write_text(json.dumps(labels), encoding="utf-8")
    rows = read_page_rows(tmp_path)
    by_text = {row["text"]: row for row in rows}
    assert by_text["Our stem cells regrow cartilage."]["label"] == "claim"
    assert by_text["Our stem cells regrow cartilage."]["category"] == "unapproved-treatment"
    assert by_text["We are open on Saturdays."]["label"] == "ok"
    assert by_text["Reverses arthritis in weeks."]["category"] == "efficacy-guarantee"
    assert by_text["Exosome Serum, 30 mL"]["label"] == "ok"  # a narrow card: its own block
    assert "Rated five stars." not in by_text  # optional: left out
    assert by_text["Price, Basic: $99"]["note"] == "page lines 6-6"  # a cell with its headers, as the engine reads it
    assert not any("Source" in text for text in by_text)  # the source line and comment are not read
    assert {row["source"] for row in rows} == {f"{tmp_path.name}/promo_a.html", f"{tmp_path.name}/promo_b.txt"}
    assert read_page_rows(tmp_path, ["promo_b.txt"]) == [row for row in rows if row["source"].endswith("promo_b.txt")]


def test_a_complaint_gone_on_a_timeline_is_a_candidate(linter):
    """"Dryness gone in 10 days" holds no term of any vocabulary but its
    timeline (``efficacy.timelines``, ``feature: false``): a candidate the
    scorer reads in its own words."""
    words = words_of(linter, "Our drops work fast: dryness gone in 10 days.")
    assert words[-5:] == ["gone", "in", "<num>", "days", "."]
    compiled = linter.compiled
    parcel = "The parcel arrived in 10 days."  # a time alone is no result
    assert analyse([parcel], compiled, decide([parcel], compiled.page_cues))[1] == []


def test_the_soonest_result_is_a_candidate(linter):
    """"New gum tissue in as little as 6 weeks": the soonest result promised
    (``efficacy.timelines``, thirtieth session) makes a sentence of no other
    term one the scorer reads."""
    compiled = linter.compiled
    for text in ("Most clients see new gum tissue in as little as 6 weeks.",
                 "Most clients sleep through the night in as few as three sessions."):
        assert analyse([text], compiled, decide([text], compiled.page_cues))[1], text
    plain = "Most clients see new gum tissue by the summer."
    assert analyse([plain], compiled, decide([plain], compiled.page_cues))[1] == []
    # a bullet of no other term is scored too (a heading whose only terms name a product is not)
    found = linter.lint_text("## Why PRF\n\n- Gums grow back in as little as 6 weeks\n- Natural\n", path="p.md")
    assert [f.line for f in found if f.rule.endswith("likely-claim")] == [3]
    # a price's heading is scored too now, and reads as no claim
    prices = linter.lint_text("## Packages and pricing for the spring season\n\n## Our fees for new clients\n",
                              path="p.md")
    assert not [f for f in prices if f.rule.endswith("likely-claim")]


@pytest.mark.parametrize("text", [
    "Since her third infusion she hasn't had a flare.",
    "I have been flare-free since March.",
    "Two months later Omar got his sense of smell back.",
])
def test_a_complaint_that_has_not_come_back_is_an_outcome(linter, text):
    """A complaint that has not come back, or a sense that has, is an
    outcome of the story told (twenty-ninth session)."""
    assert "<testimonial.outcome>" in words_of(linter, text)


_CARE = ["Knee arthritis often flares in cold weather.",
         "Gentle cycling keeps the joint moving.",
         "Ice can ease swelling after a long walk.",
         "Physiotherapy helps most people with knee pain.",
         "A brace may support a weak knee on hikes.",
         "Weight loss takes load off the joint.",
         "Painkillers can help on bad days.",
         "Steroid injections may calm a flare for a few weeks.",
         "A knee replacement is an option when the joint is worn out."]


def test_a_page_of_no_voice_where_the_scorer_is_sure_of_little_gets_no_scorer_findings(tmp_path, monkeypatch):
    """On a page of no voice that no pack rule spoke on, where the scorer
    read ``UNSURE_PAGE_SENTENCES`` sentences or more and was sure of none
    but one (a care team's advice, here with the threshold at 0 so that
    every sentence it reads would be reported), nothing is reported; a short
    text keeps its findings, and so does a page a pack rule spoke on, or a
    page with two sure sentences."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".claimcheck.yaml").write_text("scorer:\n  threshold: 0\n", encoding="utf-8")
    (tmp_path / "short.txt").write_text("\n\n".join(_CARE[:3]) + "\n", encoding="utf-8")
    (tmp_path / "care.txt").write_text("\n\n".join(_CARE) + "\n", encoding="utf-8")
    (tmp_path / "sold.txt").write_text("\n\n".join(_CARE + ["Our stem cell injections regrow cartilage."]) + "\n",
                                       encoding="utf-8")
    short = scorer_findings(run("short.txt")[1])
    assert short and all(f["score"] < INFORMATIONAL_THRESHOLD for f in short)  # unsure, and reported
    assert len(_CARE) >= UNSURE_PAGE_SENTENCES
    assert scorer_findings(run("care.txt")[1]) == []
    assert scorer_findings(run("sold.txt")[1])  # a pack rule spoke: the scorer's findings stand
    # a care team's "we" and "us" make a seller's voice of cues a care team says too: doubted alike
    team = "We will see you again in six weeks. Call us with any questions."
    (tmp_path / "team.txt").write_text("\n\n".join(_CARE + [team]) + "\n", encoding="utf-8")
    assert scorer_findings(run("team.txt")[1]) == []
    (tmp_path / "seller.txt").write_text("\n\n".join(_CARE + [team, "Book your consultation online."]) + "\n",
                                         encoding="utf-8")
    assert scorer_findings(run("seller.txt")[1])  # a seller's own cue: its findings stand
    unsure, sure = (Hit("efficacy.likely-claim", 0, 0, 5, score=0.6), Hit("efficacy.likely-claim", 1, 0, 5, score=0.85))
    assert unsure_page([unsure, sure], UNSURE_PAGE_SENTENCES) == []  # one sure sentence on a long page: no more
    assert unsure_page([unsure, sure, sure], UNSURE_PAGE_SENTENCES) == [unsure, sure, sure]
    assert unsure_page([unsure], UNSURE_PAGE_SENTENCES - 1) == [unsure]  # a short text
    assert unsure_page([unsure, Hit("efficacy.proven", 2, 0, 5)], UNSURE_PAGE_SENTENCES) != []  # a pack rule spoke


def test_a_readers_page_where_the_scorer_is_sure_of_one_sentence_gets_no_scorer_findings(linter, tmp_path, monkeypatch):
    """A reader's page (informational) is spared as a page of no voice is
    (thirty-sixth session): its one sure sentence on a long page where no pack
    rule spoke is mostly a description of standard care; two sure sentences
    stand."""
    monkeypatch.chdir(tmp_path)
    lead = ["Researchers reviewed every trial of knee treatments published since 2000.",
            "The study appeared in a medical journal."]
    sure = ["Hyaluronic acid shots ease arthritis pain and help the knee move freely.",
            "Surgery repairs the torn ligament and most athletes return to sport."]
    (tmp_path / "one.txt").write_text("\n\n".join(lead + _CARE + sure[:1]) + "\n", encoding="utf-8")
    (tmp_path / "two.txt").write_text("\n\n".join(lead + _CARE + sure) + "\n", encoding="utf-8")
    page = decide(lead + _CARE + sure[:1], linter.compiled.page_cues)
    assert page.voice == "informational" and page.sparing and not page.doubtful
    assert scorer_findings(run("one.txt")[1]) == []
    assert len(scorer_findings(run("two.txt")[1])) == 2


def test_on_a_doubtful_page_of_some_length_a_scorer_finding_needs_more(tmp_path, monkeypatch):
    """On a doubtful page where the scorer read ``UNSURE_PAGE_READ``
    sentences or more, whatever it keeps (a pack rule spoke, or it was sure
    of two), its findings below ``UNSURE_PAGE_THRESHOLD`` are dropped; a
    snippet of fewer sentences keeps them, and the pack rules' hits stand."""
    low = Hit("efficacy.likely-claim", 0, 0, 5, score=UNSURE_PAGE_THRESHOLD - 0.01)
    high = Hit("unapproved.likely-claim", 1, 0, 5, score=UNSURE_PAGE_THRESHOLD)
    sure = Hit("testimonial.likely-claim", 2, 0, 5, score=0.9)
    pack = Hit("efficacy.proven", 3, 0, 5)
    assert unsure_page([low, high, pack], UNSURE_PAGE_READ) == [high, pack]
    assert unsure_page([low, high, sure, sure], UNSURE_PAGE_SENTENCES) == [high, sure, sure]
    assert unsure_page([low, high], UNSURE_PAGE_READ - 1) == [low, high]  # a snippet
    # on a page of no voice that names no product, they need an informational page's certainty
    assert unsure_page([low, high, sure, pack], UNSURE_PAGE_READ, productless=True) == [sure, pack]
    assert unsure_page([low, high], UNSURE_PAGE_READ - 1, productless=True) == [low, high]  # a snippet
    # through the engine: a page of no voice naming a product, the threshold at 0 so that all are read
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".claimcheck.yaml").write_text("scorer:\n  threshold: 0\n", encoding="utf-8")
    named = ["PRP is one of the options for knee arthritis."]
    (tmp_path / "care.txt").write_text("\n\n".join(named + _CARE[:UNSURE_PAGE_READ]) + "\n", encoding="utf-8")
    (tmp_path / "snippet.txt").write_text("\n\n".join(named + _CARE[:UNSURE_PAGE_READ - 3]) + "\n", encoding="utf-8")
    (tmp_path / "unnamed.txt").write_text("\n\n".join(_CARE[:UNSURE_PAGE_READ]) + "\n", encoding="utf-8")
    kept = scorer_findings(run("care.txt")[1])
    assert kept and all(f["score"] >= UNSURE_PAGE_THRESHOLD for f in kept)
    assert any(f["score"] < INFORMATIONAL_THRESHOLD for f in kept)
    assert any(f["score"] < UNSURE_PAGE_THRESHOLD for f in scorer_findings(run("snippet.txt")[1]))
    assert all(f["score"] >= INFORMATIONAL_THRESHOLD for f in scorer_findings(run("unnamed.txt")[1]))


@pytest.mark.parametrize("offer", [
    "Our gift to you: 30% off any exosome treatment this month.",
    "Book two exosome sessions this month and save 10%.",
    "Add it to your next visit for 50% off with this receipt.",
    "Use code GLOW at checkout for $50 off your first exosome facial.",
])
def test_a_price_offer_is_not_scored(linter, offer):
    """A discount's figure is no success rate: the scorer is not asked about
    an offer whose other terms only name the product (fortieth session). The
    words are the engine's own, so a pack that stops labelling a percentage
    as the scorer expects fails here."""
    page = "# Glow Studio\n\nOur exosome facials are booked by appointment at our studio.\n\n" + offer + "\n"
    words = [c.words for c in _page_candidates(linter, page) if "off" in c.words or "save" in c.words]
    assert words and all(cutoffs.an_offer(w) for w in words), words
    assert not any(f.line == 5 for f in linter.lint_text(page))


@pytest.mark.parametrize("claim", [
    "This serum faded my melasma in two weeks, and my link gets you 15% off.",
    "Get 20% off the exosome drip that reverses arthritis.",
])
def test_an_offer_with_a_claim_is_still_read(linter, claim):
    page = "# Glow Studio\n\nOur exosome facials are booked by appointment at our studio.\n\n" + claim + "\n"
    words = [c.words for c in _page_candidates(linter, page) if "off" in c.words]
    assert words and not any(cutoffs.an_offer(w) for w in words), words
    assert any(f.line == 5 for f in linter.lint_text(page))


def _page_candidates(linter, page: str):
    """The scorer's candidates of a Markdown page, as the engine builds them."""
    compiled = linter.compiled
    blocks = [b.text for b in reader("markdown")(page, "page.md").blocks]
    return analyse(blocks, compiled, decide(blocks, compiled.page_cues))[1]


@pytest.mark.parametrize("text", [
    "Our exosome gel closes diabetic foot ulcers in weeks, not months.",
    "Relief in days, not years.",
])
def test_a_contrast_of_times_is_no_negation(linter, text):
    """"in weeks, not months" promises the shorter time: the scorer is not
    told the sentence holds a negation (fortieth session; ``pseudo_negation``
    in rules/context.yaml). A "not" that denies still is."""
    words = words_of(linter, text)
    assert "#neg" not in words and "#neg-after" not in words, words
    denied = words_of(linter, "Our exosome gel does not close diabetic foot ulcers.")
    assert "#neg" in denied or "#neg-after" in denied


@pytest.mark.parametrize(("text", "label"), [
    ("Her acne scars are barely visible after three sessions.", "<testimonial.outcome>"),
    ("The age spots are hardly noticeable now.", "<testimonial.outcome>"),
    ("There is no recovery period after the exosome facial.", "<safety.risks>"),
    ("Since the infusions I have had no flares at all.", "<testimonial.outcome>"),
    ("Two years later she is off prednisone.", "<superiority.standard-care>"),
])
def test_a_result_or_a_risk_in_other_words_is_a_signal(linter, text, label):
    """A complaint all but gone ("barely visible") or that has not come back
    ("no flares") is a patient's result, a recovery period denied is a burden
    denied, as "gone" and "no downtime" are, and prednisone is standard care
    (forty-first session). "no recovery period" and "no flares" are
    pseudo-negations: the scorer is not told the sentence holds a negation."""
    words = words_of(linter, text)
    assert label in words, words
    assert "#neg" not in words, words


@pytest.mark.parametrize(("text", "rule"), [
    ("The serum causes no irritation, even on freshly treated skin.", "safety.no-risk"),
    ("Many of our patients have canceled their scheduled knee surgery.", "superiority.versus-standard-care"),
    ("Two of last month's patients cancelled their hip replacement.", "superiority.versus-standard-care"),
])
def test_a_reaction_denied_and_a_surgery_called_off_are_claims(linter, text, rule):
    """Pack terms added in the forty-first session: irritation is a risk the
    no-risk patterns read, and standard care canceled is standard care
    avoided. (Not rule examples: those are the scorer's training sentences,
    and two more moved the model by tens of lines on our pages.)"""
    assert rule in {f.rule for f in linter.lint_text(text)}


def test_a_subscription_cancelled_is_no_comparison(linter):
    """"canceled" needs standard care within a few words."""
    found = {f.rule for f in linter.lint_text("Memberships renew monthly until cancelled by the member.")}
    assert "superiority.versus-standard-care" not in found


def test_a_sentence_describing_a_condition_needs_more_certainty(linter):
    """A sentence that opens with a condition and holds no other term
    describes it; the scorer needs CONDITION_THRESHOLD for it (fortieth
    session). A list of three conditions is a seller's list of what it
    treats; a product, an effect or a timeline makes it a sentence like any."""
    from claimcheck.kinds.scorer import CONDITION_THRESHOLD

    sinusitis = words_of(linter, "Chronic sinusitis means inflamed sinuses for 12 weeks or more.")
    assert cutoffs.describes_a_condition(tuple(sinusitis))
    assert cutoffs.needed(0.45, tuple(sinusitis)) == CONDITION_THRESHOLD
    assert cutoffs.needed(0.45, tuple(sinusitis), signalled=True) == 0.45
    for text in ("Our exosome rinse clears chronic sinusitis for good.",
                 "Sinusitis, asthma, eczema and psoriasis.",
                 "Chronic sinusitis"):  # a title: names_only_a_topic's
        assert not cutoffs.describes_a_condition(tuple(words_of(linter, text))), text
    seller = ("# Clear Breath Clinic\n\nOur clinic offers exosome sinus rinses. Book your visit today.\n\n"
              "Chronic sinusitis means inflamed sinuses for 12 weeks or more.\n\n"
              "Our exosome rinse clears chronic sinusitis for good.\n")
    lines = {f.line for f in linter.lint_text(seller) if f.category != "missing-disclaimer"}
    assert 5 not in lines and 7 in lines


_WORDS = st.sampled_from(["#voice:promotional", "#heading", "#neg", "<unapproved.conditions>", "<unapproved.symptoms>",
                          "<cond>", "<num>", "<unapproved.products>", "<unapproved.effects>",
                          "<rule:efficacy.percent-improved>", "off", "save", "discount", "means", "the", ".", ""])


@given(st.lists(_WORDS, max_size=12).map(tuple))
def test_the_one_pass_cutoffs_agree_with_their_definitions(words):
    """describes_a_condition and an_offer run as early-exit loops (they are
    asked of every candidate twice); here each against its definition
    written plainly, on any run of the scorer's words."""
    plain = [w for w in words if not w.startswith("#")]
    terms = [w for w in plain if w.startswith("<")]
    condition = (cutoffs.HEADING not in words and bool(terms) and terms[0] != cutoffs.NUMBER
                 and set(terms) <= {"<unapproved.conditions>", "<unapproved.symptoms>", cutoffs.CONDITION,
                                    cutoffs.NUMBER}
                 and sum(t != cutoffs.NUMBER for t in terms) <= 2 and plain.index(terms[0]) < 4)
    assert cutoffs.describes_a_condition(words) == condition
    offer = False
    for index, word in enumerate(words):
        if word in (cutoffs.PERCENT, cutoffs.NUMBER):
            after = words[index + 1] if index + 1 < len(words) else ""
            if after in ("off", "discount") or (word == cutoffs.PERCENT and index and words[index - 1] == "save"):
                offer = {w for w in words if w.startswith("<")} <= cutoffs._OFFER_TERMS
                break
    assert cutoffs.an_offer(words) == offer
