"""Sentence context: negation, attribution, questions, quotes, hedges, pronouns."""

from __future__ import annotations

import pytest

from claimcheck.api import Linter
from claimcheck.loader import load_rules
from claimcheck.sentence import opens_a_question

from .test_loader import RULE, make_pack

DISEASE = "unapproved.disease-treatment"
OUTCOME = "testimonial.first-person-outcome"


def rules_of(linter, text):
    return {f.rule for f in linter.lint_text(text)}


def on_a_sellers_page(text):
    """``text`` after a line that makes its page a seller's."""
    return "Book your consultation at our clinic today.\n\n" + text + "\n"


@pytest.mark.parametrize(
    "text",
    [
        "Our exosomes may help heal arthritis.",  # hedges are still claims
        "Stem cells could reverse COPD.",
        "Arthritis is treated with amniotic injections here.",  # either order
        "Stem cells don't just relieve pain, they cure arthritis.",  # negation in another clause
        "Not only do stem cells repair cartilage, they cure arthritis too.",  # pseudo-negation
        "STEM CELLS CURE ARTHRITIS",  # case
        "Our experimental stem cell protocol reverses multiple sclerosis.",  # an adjective, not a status
        "Researchers found that our stem cells rebuild knee cartilage.",  # a seller's cited result stays a claim
        "We have explored every option: our exosomes heal tendon injuries.",  # "explored" alone is no research cue
        "Our stem cell infusions reverse anaemia and oedema.",  # British spellings of the packs' names
        "Our PRP injections cure tumours.",
        "Exosomes heal paediatric haemophilia.",  # ... and of ICD-10-CM's
    ],
)
def test_claims(linter, text):
    assert DISEASE in rules_of(linter, text)


@pytest.mark.parametrize("text, asks", [
    ("do you treat copd with stem cells", True),
    ("[10:02] Renee: is it safe for my knees", True),
    ("CHAT (dan_1988): is it fda approved", True),  # spaCy's one token "):" (thirty-second session)
    ("Can reduce swelling and heal tendons", False),  # a verb after "can": a bullet of benefits
    ("Do you suffer from knee pain. Our stem cells heal knees.", False),  # a full stop: a statement
    ("Our stem cells heal knees, do you", False),  # the opening is too far in to be a label's end
    ("is", False),
])
def test_a_question_written_without_its_question_mark(linter, text, asks):
    words = [t.text.lower() for t in linter.compiled.tokenize(text)]
    assert opens_a_question(words) is asks


@pytest.mark.parametrize(
    "text",
    [
        "Exosomes are not approved to treat any disease.",
        "There is no evidence that stem cells cure autism.",
        "IT HASN'T BEEN SHOWN THAT PRP HEALS TENDONS.",
        "Curing autism with stem cells is not possible.",
        "Amniotic injections remain an experimental treatment for knee arthritis.",  # the honest status
        "Stem cell therapy for lupus is still experimental.",
        "Exosome therapy for hair loss is considered investigational by insurers.",
        "The FDA warns that clinics claim stem cells cure Parkinson's disease.",
        "According to its promoters, the serum repairs damaged cartilage.",
        "Do stem cells cure arthritis?",
        "do you treat copd with stem cells",  # a question written without its question mark
        "Visitor: can stem cells cure my arthritis",  # ... after a speaker's label
        "Hi, does PRP heal torn tendons",  # ... after a greeting
        "Can PRP heal a torn tendon? (Short answer: we do not know.)",
        "Some ads promise that “stem cells heal arthritis” overnight.",
        "This stem cell therapy is not yet approved for knee arthritis.",  # "yet" inside "not yet"
        "Researchers have been studying how exosomes could treat lung disease.",  # research voice
        "A trial registry lists an evaluation of cord cells in the treatment of arthritis.",
        "PRP has been proposed as a treatment for tendon pain.",  # someone else's idea
        "Clinics are touting stem cells that reverse autism.",
        "Sellers must show that their cell products heal wounds before they sell them.",  # a requirement
        "In a pre-clinical study, exosomes healed damaged heart tissue.",  # spelling of preclinical
        "Stem cells are being explored as a cure for type 1 diabetes.",  # research under way
        "Our surgeons lead a study of cell therapy for cartilage defects in the knee.",  # a study named
        "Doctors are exploring how stem cells repair heart damage.",
        "In theory, stem cells could rebuild a damaged spinal cord.",  # a hypothesis, not a promise
        "She answered an ad promising that stem cells could regrow cartilage.",  # someone else's promise
    ],
)
def test_not_claims(linter, text):
    assert DISEASE not in rules_of(linter, text)


def test_the_arms_of_a_trial_are_research_voice(linter):
    """A trial's result told by its arms ("64% of the PRP group") or its
    participants is research, where the same percentage of a clinic's
    patients is a success rate, and their safety a safety claim."""
    trial = "At twelve weeks pain had improved in 64% of the PRP group and 48% of the other group."
    assert "efficacy.percent-improved" not in rules_of(linter, trial)
    assert "efficacy.percent-improved" in rules_of(linter, "At twelve weeks pain had improved in 64% of our patients.")
    early = "Several participants reported fewer seizures, and no serious side effects were linked to the cells."
    assert "safety.absolute-safety" not in rules_of(linter, early)
    assert "safety.absolute-safety" in rules_of(linter, "Our patients report no serious side effects from the cells.")


def test_a_follow_up_schedule_is_no_promise_of_experience(linter):
    """"You will have X-rays every six weeks until the bone has healed" tells
    a patient the follow-up plan; "you will have" near "healed" read as a
    promise of what the patient will experience."""
    plan = "You will have X-rays every six weeks until the bone has healed."
    assert "efficacy.experience-promise" not in rules_of(linter, plan)
    assert "efficacy.experience-promise" in rules_of(linter, "You will feel your knee heal within six weeks.")


def test_advice_on_what_not_to_promise_negates(linter):
    """A society's advice to dentists, "Avoid promising faster healing or
    guaranteed results", names the guarantee to rule it out."""
    advice = "Avoid promising faster healing or guaranteed results to your patients."
    assert "efficacy.guarantee" not in rules_of(linter, advice)
    assert "efficacy.guarantee" in rules_of(linter, "We promise faster healing and guaranteed results to our patients.")


@pytest.mark.parametrize("text", [
    "Several medicines are approved by the FDA to treat osteoporosis.",
    "Denosumab is FDA-approved and given as an injection every six months.",
    "Three drugs are approved for spinal muscular atrophy, including nusinersen.",
])
def test_approved_medicines_are_no_claim_of_approval(linter, text):
    """A doctor's list of the approved medicines for a condition states their
    true status, which says nothing about a clinic's product."""
    assert "fda.approved" not in rules_of(linter, text)


def test_a_product_called_approved_beside_a_medicine_still_is(linter):
    assert "fda.approved" in rules_of(linter, "Our exosome IV is FDA-approved for bone loss.")


def test_an_approved_use_in_other_words_is_no_claim(linter):
    """Cord blood transplants for blood cancers are an approved, established
    use, however the sentence orders its words, even on a seller's page."""
    page = ("# Cord blood banking\n\nOur bank stores your baby's cord blood stem cells. Ask us about the cost.\n\n"
            "Transplants of cord blood are an established treatment for some cancers of the blood.\n")
    assert DISEASE not in rules_of(linter, page)
    assert DISEASE in rules_of(linter, page.replace("some cancers of the blood", "autism"))


def test_pronoun_counts_as_the_product_after_it_was_named(linter):
    assert DISEASE not in rules_of(linter, "It heals arthritis.")
    assert DISEASE in rules_of(linter, "We offer PRP.\n\nIt heals arthritis.")


def test_question_policy_downgrade(tmp_path):
    rule = RULE + "context:\n  question: downgrade\n"
    linter = Linter(load_rules([make_pack(tmp_path, rule=rule)]))
    [finding] = linter.lint_text("Is RegenX serum right for you?")
    assert str(finding.level) == "info"
    [finding] = linter.lint_text("RegenX serum is right for you.")
    assert str(finding.level) == "error"


def test_negation_policy_flag(tmp_path):
    linter = Linter.from_folders([make_pack(tmp_path)], select=["acme"])
    assert not linter.lint_text("We do not sell RegenX serum.")
    linter = Linter.from_folders([make_pack(tmp_path / "b", rule=RULE + "context:\n  negation: flag\n")], select=["acme"])
    assert linter.lint_text("We do not sell RegenX serum.")


def test_overlapping_findings_of_one_category_keep_the_strongest(linter):
    findings = [f for f in linter.lint_text("PRP is completely safe.") if f.category == "safety"]
    assert [(f.rule, f.text) for f in findings] == [("safety.absolute-safety", "completely safe")]


def test_required_rule_reports_once_at_the_first_trigger(linter):
    text = "# Page\n\nStem cells cure autism.\n\nPRP heals tendons.\n"
    found = [f for f in linter.lint_text(text) if f.rule == "disclaimers.fda-status"]
    assert [(f.line, f.text) for f in found] == [(3, "Stem cells cure autism")]


def test_a_disclaimer_satisfies_the_required_rule_but_claims_stay(linter):
    text = "Stem cells cure autism.\n\nThis treatment has not been approved by the FDA.\n"
    found = rules_of(linter, text)
    assert "disclaimers.fda-status" not in found and DISEASE in found


@pytest.mark.parametrize("status", [
    "No exosome product is approved by the FDA, and the agency has warned about infections.",
    "No stem cell or exosome product is FDA-approved for arthritis or joint pain.",
    "No umbilical cord product has been approved by the FDA to treat arthritis.",
    "There is no FDA-approved stem cell treatment for autism.",
    "Clinics sell many cord products. None is approved.",
])
def test_the_status_of_a_whole_kind_of_product_states_it(linter, status):
    # (Tested here, not as examples of disclaimers.fda-status: the rules'
    # examples are also the scorer's training sentences.)
    text = f"Stem cells cure autism.\n\n{status}\n"
    assert "disclaimers.fda-status" not in rules_of(linter, text)
    assert "disclaimers.fda-status" in rules_of(linter, "Stem cells cure autism.\n\nNo appointment is needed.\n")


@pytest.mark.parametrize(
    "text, found",
    [
        ("Zero recorded allergic reactions across 6,000 amniotic injections.", True),
        ("Our clinic has seen no reported adverse events with cord cell infusions.", True),
        ("Adverse events were mild and self-limited in the cord cell trial.", False),
        ("Every injection can cause immune reactions; we discuss the risks first.", False),
    ],
)
def test_a_denied_adverse_event_is_a_safety_claim(linter, text, found):
    # Tested here, not as examples of safety.no-risk: as training sentences
    # such an example moved the retrained scorer (cross-validated F1 0.735 ->
    # 0.732, the mean over five training seeds; see docs/measurements.md).
    assert (rules_of(linter, text) & {"safety.no-risk", "safety.absolute-safety"} != set()) is found


def test_a_sellers_story_of_going_from_a_symptom_to_an_activity_is_a_testimonial(linter):
    # (Tested here, not as an example of testimonial.third-person: the rules'
    # examples are also the scorer's training sentences.)
    seller = "Our vet clinic offers stem cell injections for dogs. Call us to book.\n\n"
    story = "Within two months, Rocky went from limping to running with the other dogs at the park.\n"
    assert "testimonial.third-person" in rules_of(linter, seller + story)
    prices = "Within two months, our prices went from $400 to $450 a visit.\n"
    assert "testimonial.third-person" not in rules_of(linter, seller + prices)


@pytest.mark.parametrize(
    "design", ["In a double-blind study, ", "In a randomised study, ", "In a study against placebo, "]
)
def test_the_design_of_a_controlled_study_is_research_voice(linter, design):
    claim = "stem cells healed arthritis."
    assert DISEASE in rules_of(linter, claim.capitalize())
    assert DISEASE not in rules_of(linter, design + claim)


@pytest.mark.parametrize(
    "text",
    [
        "No pills, no pumps and no side effects.",  # a run of denials
        "No pumps and no side effects.",
        "Our injections are completely safe and will not cause side effects.",  # a denied harm after the claim
        "Exosomes are perfectly safe and don't trigger allergic reactions.",
    ],
)
def test_denials_in_a_row_are_safety_claims_not_negations(linter, text):
    assert "safety.absolute-safety" in rules_of(linter, text)


@pytest.mark.parametrize(
    "text",
    [
        "It is not true that PRP has no side effects.",  # "not" still negates
        "Never believe a clinic that says there are no side effects.",
    ],
)
def test_a_negation_before_a_denial_still_negates(linter, text):
    assert "safety.absolute-safety" not in rules_of(linter, text)


@pytest.mark.parametrize(
    "text,rule",
    [
        ("Our exosome shots heal rotator cuff tears in swimmers who haven't improved with therapy.", DISEASE),
        ("Cord blood cells reverse COPD for patients who can't tolerate inhalers.", DISEASE),
        ("Amniotic injections are totally safe for people whose kidneys cannot handle painkillers.",
         "safety.absolute-safety"),
    ],
)
def test_a_negation_in_a_relative_clause_after_the_claim_is_the_clauses(packs_only, text, rule):
    """"who haven't improved" speaks of the patients, not of the claim
    (``relative_clauses`` in rules/context.yaml)."""
    assert rule in rules_of(packs_only, text)


@pytest.mark.parametrize(
    "text",
    [
        "Cord blood cells do not reverse COPD in patients who smoke.",  # the claim itself is negated
        "Cord blood cells have never reversed COPD, even in patients who quit smoking.",
    ],
)
def test_a_negation_of_the_claim_itself_still_negates_beside_a_relative_clause(packs_only, text):
    assert DISEASE not in rules_of(packs_only, text)


def test_a_denied_harm_does_not_unnegate_another_claim(linter):
    assert DISEASE not in rules_of(linter, "PRP is safe but does not cause cartilage to regrow.")


def test_a_relatives_story_on_a_sellers_page_is_a_testimonial(linter):
    # (Tested here, not as an example of testimonial.third-person: the rules'
    # examples are also the scorer's training sentences.)
    seller = "Our clinic offers cord cell infusions for children. Book a visit with our team.\n\n"
    assert "testimonial.third-person" in rules_of(linter, seller + "Within a month our daughter could walk to school again.\n")
    assert "testimonial.third-person" not in rules_of(linter, seller + "Within a month our team could walk to the new office again.\n")


def test_patients_reports_are_endorsements_only_where_no_one_explains_or_reports(packs_only):
    # On an informational page (a regulator, news, patient education) a
    # mention of testimonials is reporting; on a seller's page, an endorsement.
    sentence = "The testimonials on such websites can be very convincing."
    informational = ("The FDA warns consumers about unproven stem cell clinics; the agency said "
                     "studies found no evidence of benefit.\n\n" + sentence + "\n")
    seller = "Our clinic offers stem cell injections. Book a consultation with our team today.\n\n" + sentence + "\n"
    assert "testimonial.patient-reports" not in rules_of(packs_only, informational)
    assert "testimonial.patient-reports" in rules_of(packs_only, seller)
    assert "testimonial.patient-reports" in rules_of(packs_only, sentence)  # a sentence alone: voice unknown


def test_how_common_a_disease_is_is_not_a_result(packs_only):
    assert "efficacy.percent-improved" not in rules_of(
        packs_only, "The incidence of arthritis has seen a steady increase: about 5% of adults now have it.")
    assert "efficacy.percent-improved" in rules_of(
        packs_only, "Arthritis pain has seen a steady improvement: about 85% of our patients now have less of it.")


def test_an_employers_benefits_team_is_no_treatments_benefit(linter):
    email = ("Our plan does not cover stem cell or PRP injections for joint pain; they are not FDA approved.\n\n"
             "If you have questions about a bill, call the benefits hotline at 555-0190.\n\nThanks,\n\n"
             "The Benefits Team\n")
    assert not [f for f in linter.lint_text(email) if f.line == 7]


def test_a_number_that_fell_with_the_treatment_is_a_result(packs_only, linter):
    """A number down or up by a percentage ("Inflammation markers down by an
    average of 45%") is a result told as a percentage (``efficacy.changes``,
    ``feature: false``); a price or a fee that fell is not."""
    for text in ("Inflammation markers down by an average of 45%.", "Clients report a 30% drop in migraines."):
        assert "efficacy.percent-improved" in rules_of(packs_only, text), text
    for text in ("Our prices dropped by 15% this winter.", "Consultation fees went down by 10 percent."):
        assert "efficacy.percent-improved" not in rules_of(packs_only, text), text
    assert "efficacy.changes" in linter.compiled.unfeatured and "efficacy.charges" in linter.compiled.unfeatured


@pytest.mark.parametrize("text", [
    "Eight out of 10 horses return to racing after our stem cell program.",
    "Our grafts close 9 out of 10 wounds in twelve weeks.",
    "7 out of 10 knees need no further treatment for two years.",
])
def test_a_share_of_animals_or_wounds_healed_is_a_success_rate(packs_only, text):
    assert "efficacy.success-rate" in rules_of(packs_only, text)


def test_a_share_of_patients_harmed_is_not_a_result(packs_only):
    assert "efficacy.percent-improved" not in rules_of(
        packs_only, "Of the complaints, 12% reported an infection or other harm after treatment.")
    assert "efficacy.percent-improved" in rules_of(
        packs_only, "Of our patients, 85% reported less pain after treatment.")


@pytest.mark.parametrize(
    "text, rule, found",
    [
        ("Stem cells are unlikely to cure arthritis.", DISEASE, False),  # a hedge that denies
        ("Stem cells cure arthritis.", DISEASE, True),
        ("You may have seen adverts for clinics whose stem cells cure arthritis.", DISEASE, False),  # someone else's ads
        ("Physicians report excellent outcomes with our knee injections.", "testimonial.patient-reports", True),
        ("Chronic heel pain responds well to our amniotic injections.", DISEASE, True),  # the condition as subject
        ("Our allograft is regulated solely under Section 361, so no premarket approval is required.",
         "fda.exempt", True),
        ("Unlike treatments abroad, there is no harvesting, no liposuction and no downtime.", "safety.no-burden", True),
        ("The harvest took an hour and there was no bruising.", "safety.no-burden", False),  # one burden, no run
        ("Amniotic membrane helps the skin heal after burns.", DISEASE, True),
        ("Amniotic membrane helps the surface of the eye heal after burns.", DISEASE, False),  # a long-accepted use
        ("With our stem cell injections you don't have to live with arthritis.", DISEASE, True),  # relief, not denial
        ("Stem cells do not cure arthritis.", DISEASE, False),
        ("Some clinics tell patients that their injections have no side effects.", "safety.absolute-safety", False),
        ("Our umbilical cord cells have no secondary effects.", "safety.absolute-safety", True),  # translated copy
        ("Unlike chemotherapy, our cell infusions have no harsh side effects.", "safety.absolute-safety", True),
        ("Stronger joints without the side effects of painkillers.", "safety.absolute-safety", True),
        ("Our activated NK cells cure lung cancer.", DISEASE, True),  # immune cells sold as cancer treatments
        ("Natural killer cell infusions heal pancreatic cancer.", DISEASE, True),
        ("In this video I walk you through the stem cell procedure.", "testimonial.first-person-outcome", False),
        ("After my stem cell injection I walk my dog every morning.", "testimonial.first-person-outcome", True),
        ("With our donor stem cells there is nothing to worry about.", "safety.absolute-safety", True),
        ("Our exosome therapy will make knee replacements obsolete.", "superiority.versus-standard-care", True),
        ("Conditions we help:\n\n- Restless legs\n\n- Runner's knee", "unapproved.listed-use", True),  # consumers' names
        ("Download our free guide and discover:\n\n- How exosomes rebuild lost collagen\n\n- What to expect",
         "unapproved.listed-use", True),  # a lead magnet's teasers
        ("Download our free guide and discover:\n\n- What to expect at your visit\n\n- What it costs",
         "unapproved.listed-use", False),
        ("Our exosome serum is gentler than retinol, with none of the irritation.",
         "safety.absolute-safety", True),  # a comparison of safety, as "none of the side effects"
        ("Some brands claim their exosome serums cause none of the irritation of retinol, which is not proven.",
         "safety.absolute-safety", False),
        ("Forty dives in our chamber multiply the stem cells in your bloodstream eightfold.",
         "efficacy.stem-cell-boost", True),  # a count said to rise
        ("In the lab, technicians multiply the cells for two weeks before freezing them.",
         "efficacy.stem-cell-boost", False),
        ("Response from the owner: Thanks for the feedback, Raj. We added staff on Mondays.",
         "testimonial.patient-reports", False),  # an owner's thanks
        ("Our stem cell clinic loves the feedback: patients say their knees feel new.",
         "testimonial.patient-reports", True),
        ("Shares of the stem cell maker rose 18% after patients reported less pain and better mobility.",
         "efficacy.percent-improved", False),  # a share price, not a result
        ("Went to the clinic for my knee and honestly nothing changed after three stem cell shots.",
         "testimonial.likely-claim", False),  # no result is no testimonial
        ("Our exosome drip wards off colds and flu all season.", DISEASE, True),  # prevention idioms
        ("Flu season is here: get your flu shot at the pharmacy.", DISEASE, False),
        ("Many of our patients put off knee replacement for years with stem cells.",
         "superiority.versus-standard-care", True),  # "put off" is "delay"
        ("Please do not put off surgery if your surgeon recommends it.", "superiority.versus-standard-care", False),
        ("Avoid strenuous exercise for one week after your injection; walking is encouraged.",
         "superiority.likely-claim", False),  # care instructions
        ("Avoid taking anti-inflammatory medication for two weeks after PRP.",
         "superiority.versus-standard-care", False),
        ("Avoid pain medication for good with our stem cell injections.", "superiority.versus-standard-care", True),
        # from the pack rules' false alarms on the labeled sentences (bench/accuracy.py --per-rule)
        ("Ryoncil became the first mesenchymal cell therapy approved by the FDA.", "fda.approved", False),
        ("Bone marrow transplants have been FDA approved for decades.", "fda.approved", False),
        ("Our umbilical cord stem cell therapy is FDA approved.", "fda.approved", True),
        ("This exosome treatment is yet to be FDA-approved.", "fda.approved", False),
        ("A bone marrow transplant is the one established cure for sickle cell disease.", "efficacy.cure-noun", False),
        ("Our stem cells are the cure for your back pain.", "efficacy.cure-noun", True),
        ("Ryoncil treats steroid-refractory graft-versus-host disease in children.", DISEASE, False),  # approved
        # what a device is cleared for is regulatory information (not a YAML example: as a training
        # sentence it taught the scorer that "FDA cleared" is fine, and cross-validation fell)
        ("The centrifuge is cleared by the FDA for preparing platelet-rich plasma.", "fda.approved", False),
        ("Our kit is FDA cleared and heals knees without surgery.", "fda.approved", True),
        ("Kiss goodbye to knee pain: our amniotic injection puts an end to arthritis.", DISEASE, True),
        ("The clinic did not put an end to its advertising until the state sued.", DISEASE, False),
        ("Our exosome serum heals breakouts in a week.", DISEASE, True),  # consumers' words for conditions
        ("Our exosome serum fades dark circles and blemishes.", DISEASE, True),
        ("Our stem cell injection stops the ringing in your ears.", DISEASE, True),
        ("Our PRP kit is science-backed and it just works on tennis elbow.", "efficacy.proven", True),
        ("The science is not settled on exosome facials.", "efficacy.proven", False),
        ("Our exosome serum is non-toxic and hypoallergenic.", "safety.safe-claim", True),
        ("Our MSCs are immune privileged, so your body accepts them.", "safety.safe-claim", True),
        # a registered "laboratory" is a facility, not lab research (it had read as preclinical, and the
        # scorer's veto on a page of unknown voice then dropped the pack finding)
        ("All our cells are produced in a GMP-certified, FDA-registered laboratory.", "fda.registered", True),
        # a joint replacement named as translated copy names it
        ("Our stem cells help you avoid a knee prosthesis.", "superiority.versus-standard-care", True),
        ("Our stem cells grow new cartilage in the knee.", "unapproved.therapeutic-effect", True),
        # seventh session: advice and evidence are no ranking; anyone's confirmation is no proof
        ("The best thing you can do before any stem cell injection is talk to your own doctor.",
         "superiority.rank", False),
        ("If you smoke, stopping is one of the best things you can do for your circulation.", "superiority.rank",
         False),
        # twenty-eighth session: an organ transplant is standard care
        ("A stronger heart without a transplant.", "superiority.versus-standard-care", True),
        # thirty-second session: standard care spared
        ("Knee pain? You don't need surgery.", "superiority.versus-standard-care", True),
        ("With our stem cells you won't need a knee replacement.", "superiority.versus-standard-care", True),
        ("In most studies therapy shrank nodules enough that surgery was never needed.",
         "superiority.versus-standard-care", False),
        ("Our cord cells help patients avoid a liver transplant.", "superiority.versus-standard-care", True),
        ("In twelve years we have never had a serious reaction to our cord cells.", "safety.no-risk", True),
        ("The treatment not have secondary effects because the cells are pure.", "safety.no-risk", True),
        ("Our cells have never caused a serious complication.", "safety.no-risk", True),
        ("Steroids thin the skin. Our exosome balm carries none of those risks.", "safety.absolute-safety", True),
        # twenty-eighth session: nothing that could happen is absolute safety
        ("With our eye drops there is simply nothing that can go wrong.", "safety.absolute-safety", True),
        ("Aspirin remains the best-known treatment for this kind of pain, not stem cells.", "superiority.rank",
         False),
        ("Our clinic offers the best stem cell therapy in Texas.", "superiority.rank", True),
        ("The team confirmed that the striker had a PRP injection for a hamstring strain.", "efficacy.proven",
         False),
        ("Studies confirmed that our stem cell injections regrow cartilage.", "efficacy.proven", True),
        # a finding stated as small, or research as mixed, is no proof (thirty-second session)
        ("Some studies of PRP injections show small benefits for tendon pain.", "efficacy.proven", False),
        ("The research is mixed: studies show PRP injections help some tendons.", "efficacy.proven", False),
        ("Studies show PRP injections help tendon pain.", "efficacy.proven", True),
        ("Our exosome skincare line is backed by real science.", "efficacy.proven", True),
        ("MSC therapies have shown variable efficacy across trials.", "efficacy.proven", False),
        ("Unlike hormone therapy, our stem cell IV has no long-term risks.", "safety.no-risk", True),
        ("Every stem cell treatment has risks, including long-term risks nobody has measured.", "safety.no-risk",
         False),
        # twelfth session (a unit test, not a rule example: examples are training sentences)
        ("In eight years our cord cells have never caused a side effect.", "safety.no-risk", True),
        ("The drug caused a side effect in one patient in ten.", "safety.no-risk", False),
        ("The court permanently barred the clinic from selling its stem cell product.", "efficacy.permanent-results",
         False),
        ("Our stem cell injection permanently heals arthritic knees.", "efficacy.permanent-results", True),
        ("Our laboratory is licensed by the health ministry and inspected every year.",
         "fda.authority-approval", False),
        ("We hold a permit from the health ministry for our cord cell therapy.", "fda.authority-approval", True),
        ("Our cells are grown in our own laboratory, which guarantees their sterility.", "efficacy.guarantee",
         False),
        ("We guarantee your knee pain will be gone.", "efficacy.guarantee", True),
        ("Customers report sharper memory after a month of our exosome spray.", "testimonial.patient-reports",
         True),
        ("Most clients describe the PRP injections as mild pressure.", "testimonial.patient-reports", False),
        ("My neighbor spent her savings on stem cell shots for her MS and she is in a wheelchair now, so be "
         "careful.", "testimonial.likely-claim", False),
        ("Our stem cell injections rehydrate herniated discs.", DISEASE, True),
        ("She was left legally blind in both eyes after the stem cell procedure.", "testimonial.likely-claim", False),
        # eighth session: a legal standing claimed as approval; abbreviations sellers write
        ("Stem cell therapy is a legally approved treatment in our country.", "fda.approved", True),
        ("Stem cell therapy is not legally approved in most countries.", "fda.approved", False),
        ("Our stem cell infusions help children with CP and ASD.", DISEASE, True),
        ("Our exosome IV relieves ME/CFS and IBS.", DISEASE, True),
        # "F.D.A." as a newspaper writes it: one token, a form of every FDA term
        ("Our exosomes are approved by the F.D.A.", "fda.approved", True),
        ("This therapy is F.D.A.-approved for knee pain.", "fda.approved", True),
        ("The f.d.a. approved our exosome line last year.", "fda.approved", True),
        ("Exosomes are not approved by the F.D.A.", "fda.approved", False),
        # ninth session: others' offers reported by a critic
        ("We have seen more and more clinics proposing to treat autism with stem cells.", DISEASE, False),
        ("A clinic in Panama proposes to treat ASD with cord blood cells.", DISEASE, False),
        ("Our clinic treats autism with stem cells.", DISEASE, True),
        # a complaint gone, in the first person ("my X is gone"), and not a cell's fate in research voice
        ("My rosacea is gone after two sessions.", "testimonial.first-person-outcome", True),
        ('> "My migraines went away after the PRP shots." - Dana', "testimonial.first-person-outcome", True),
        # with a hedge between (thirtieth session)
        ("my joint pain from years of dance is basically gone", "testimonial.first-person-outcome", True),
        ("After the third session my melasma is almost gone.", "testimonial.first-person-outcome", True),
        ("In mice the injected cells were gone from the joint within weeks.", "testimonial.first-person-outcome",
         False),
        # a star rating over a review of no result, and no change seen (not rule examples: no labelled
        # sentence holds these words, and the scorer stays as trained)
        ("★★☆☆☆ Nice staff, but the injections didn't help my knee.", "testimonial.star-rating", False),
        ("★★★★★ The injections fixed my knee.", "testimonial.star-rating", True),
        ("3 out of 5 stars", "testimonial.star-rating", False),  # a review widget's label
        ("Rated 4.8 out of 5 stars by 300 customers", "testimonial.star-rating", False),
        ("Five stars, my knee pain is gone.", "testimonial.star-rating", True),
        # tenth session: a rating of no result (web pages round 4: a shop's review widget)
        ("★★★★★ Verified Buyer", "testimonial.star-rating", False),
        ("5-star service: the wait was short and the staff were kind.", "testimonial.star-rating", False),
        ("★★★★★ Verified Buyer: my neuropathy is better and I can feel my toes.", "testimonial.star-rating", True),
        # the quality of evidence is no ranking
        ("The best trials so far found no benefit from PRP for tendon pain.", "superiority.rank", False),
        ("The best evidence we have comes from small studies.", "superiority.rank", False),
        ("We offer the best PRP injections in Ohio.", "superiority.rank", True),
        # a message's "the best time to call"
        ("Leave your number and the best time to call, and we will get back to you about your knee.",
         "superiority.rank", False),
        ("Nice texture, but I didn't notice much of a change in my wrinkles.", "testimonial.likely-claim", False),
        ("Honestly I can't tell if my knee pain changed after three PRP sessions.", "testimonial.likely-claim",
         False),
        # tenth session: a device's clearance beside the treatment's status (web pages round 3)
        ("The devices used to prepare PRP are cleared by the FDA, but injecting it into a tendon is an off-label "
         "use.", "fda.approved", False),
        ("The centrifuge used to concentrate platelets is FDA cleared.", "fda.approved", False),
        ("Our PRP injections are cleared by the FDA for tendon repair.", "fda.approved", True),
        # eleventh session: a host's greeting (a video transcript, a radio call-in show)
        ("Welcome back to Ask the Joint Doctor, I'm Dr. Ray Collins.", "testimonial.first-person-outcome", False),
        ("Hey everybody, welcome back to the channel, today I want to talk about knees.",
         "testimonial.first-person-outcome", False),
        ("I'm back to golfing every weekend since my injections.", "testimonial.first-person-outcome", True),
        # thirteenth session: a party's position in a case (heldout41)
        ("The defendants argued their placental product was exempt from FDA approval.", "fda.exempt", False),
        ("The spa insists its exosome cream needs no FDA approval.", "fda.exempt", False),
        ("Being your own tissue, our graft needs no FDA approval.", "fda.exempt", True),
        # a risk denied as a possibility (heldout42)
        ("With donor-free plasma there is no possibility of an allergic reaction.", "safety.no-risk", True),
        ("Our serum carries no chance of an immune response.", "safety.no-risk", True),
        ("Any injection carries a small possibility of an allergic reaction.", "safety.no-risk", False),
    ],
)
def test_words_from_the_held_out_sets_misses(linter, text, rule, found):
    assert (rule in rules_of(linter, text)) is found


@pytest.mark.parametrize("text, found", [
    ("PRP is no better than a saline injection for tendon pain.", False),
    ("In trials, PRP was not better than saline.", False),
    ("PRP works better than a cortisone shot for tendon pain.", True),
    ("Our PRP is better than surgery.", True),
])
def test_a_negated_comparison_on_a_sellers_page(linter, text, found):
    """On a seller's page "PRP" is both the product and standard care, so a
    comparison can have its predicate first: a negation between the two
    still negates it, whichever comes first."""
    page = "Our clinic offers PRP injections. Book a consultation with our team today.\n\n" + text + "\n"
    rules = {f.rule for f in linter.lint_text(page) if f.line == 3}
    assert ("superiority.versus-standard-care" in rules) is found


def test_a_safety_reassurance_with_its_risks_in_the_same_sentence_is_balanced(linter):
    """safety.safe-claim does not fire when the sentence also tells the risks
    (``not_near: [risk-disclosures]``); the reassurance alone still does."""
    assert "safety.safe-claim" in rules_of(linter, "PRP is generally well tolerated.")
    assert "safety.safe-claim" not in rules_of(
        linter, "PRP is generally well tolerated, but like any injection it carries some risk of infection.")


def test_the_approval_of_approved_products_is_no_claim_and_approval_idioms_are(linter):
    """"FDA-approved" said of an approved product (a neurotoxin, a hair loss
    medicine) is true; approval told as an idiom or a backing is a claim."""
    approval = {"fda.approved", "fda.authority-approval"}
    assert not approval & rules_of(linter, "We inject only FDA-approved Botox and dermal fillers.")
    assert not approval & rules_of(linter, "Minoxidil and finasteride are the two FDA-approved medicines for hair loss.")
    assert not approval & rules_of(linter, "Low-level laser caps are FDA-cleared and may help some people.")
    assert "fda.approved" in rules_of(linter, "Our FDA-approved exosome serum rebuilds collagen.")
    assert "fda.approved" in rules_of(linter, "This therapy has the FDA's green light for knee pain.")
    assert "fda.approved" in rules_of(linter, "PRP is an FDA-backed treatment for tendon pain.")
    assert "fda.authority-approval" in rules_of(linter, "Our cord cells were cleared by regulators for joint repair.")


def test_the_scorer_leaves_the_approval_of_approved_products_to_the_packs(linter):
    """fda.likely-claim is not near approved-products: the scorer's reading
    of "approved by the FDA" said of a hair loss medicine is a true
    statement, as the pack rules' is; an unapproved product's still counts."""
    assert "fda.likely-claim" not in rules_of(linter, "Rogaine is approved by the FDA for thinning hair on the crown.")
    assert rules_of(linter, "Our exosome drops are approved by the FDA for thinning hair on the crown.")


@pytest.mark.parametrize(
    "text,rule",
    [
        ("Our laser protocol clears neuropathy 100% of the time, no joke.", "efficacy.guarantee"),
        ("Cord blood shots reversed my wife's arthritis and I am not kidding.", DISEASE),
        ("PRP healed my tennis elbow in two weeks not even kidding.", DISEASE),
    ],
)
def test_emphasis_is_no_negation(packs_only, text, rule):
    """"not kidding", "no joke" and "not gonna lie" stress a claim
    (``pseudo_negation`` in rules/context.yaml); "100% of the time" is a guarantee."""
    assert rule in rules_of(packs_only, text)


def test_a_secret_the_seller_lets_out_is_no_negation(packs_only):
    """"The breakthrough your doctor hasn't heard of" says the product is a
    breakthrough (thirtieth session); "has not been shown" still denies."""
    assert "efficacy.hype" in rules_of(packs_only, "Prolozone: the back pain breakthrough your doctor hasn't heard of")
    assert "efficacy.hype" in rules_of(packs_only, "The stem cell breakthrough doctors don't want you to know about.")
    assert "efficacy.hype" not in rules_of(packs_only, "Stem cells are not a breakthrough for back pain.")


def test_irregular_past_forms_of_effect_verbs_are_matched(packs_only):
    """"rebuilt", "regrew", "overcame": the packs name the verbs, the
    vocabulary adds their irregular past forms ("rebuilded" too, harmlessly)."""
    from claimcheck.vocabulary import forms

    assert {"rebuilt", "regrew", "regrown", "overcame", "undid", "felt better", "got back to"} <= (
        forms("rebuild", "verb") | forms("regrow", "verb") | forms("overcome", "verb") | forms("undo", "verb")
        | forms("feel better", "verb") | forms("get back to", "verb"))
    assert "targot" not in forms("target", "verb")  # "get" only after a prefix such as "re", "for", "be"
    assert DISEASE in rules_of(packs_only, "The exosome injections rebuilt my torn rotator cuff.")


@pytest.mark.parametrize("idiom, outcome", [
    # "walked me through" is an idiom (explained to me), not a patient walking again
    ("My doctor walked me through my scan results.", "After my injection I walked again."),
    # "I will stop..." says what the writer will do, not a result
    ("I will stop writing after this one.", "After my injection I stopped taking pain pills."),
])
def test_idioms_and_futures_are_no_outcome(linter, idiom, outcome):
    """Rule tests rather than rule examples, because the packs' examples
    are training sentences for the scorer."""
    text = f"Book your consultation with our clinic today.\n\n{idiom}\n\n{outcome}\n"
    found = [(f.line, f.rule) for f in linter.lint_text(text, format="markdown")]
    assert (3, "testimonial.first-person-outcome") not in found
    assert (5, "testimonial.first-person-outcome") in found


def test_a_clinics_name_made_of_claim_words_is_no_claim(linter):
    """A pack rule's match wholly inside a clinic's name is not reported
    (the scorer reads the name as one word too); the same words outside a
    name still are."""
    text = ("# Renew Joint & Regenerative Center\n\n"
            "Renew Joint & Regenerative Center is open Monday to Friday.\n\n"
            "Our exosome injections renew joint cartilage in arthritic knees.\n")
    found = [(f.line, f.rule) for f in linter.lint_text(text, format="markdown")]
    assert not [rule for line, rule in found if line in (1, 3) and rule.startswith("unapproved.")]
    assert (5, "unapproved.disease-treatment") in found


def test_a_term_inside_a_clinics_name_links_to_nothing_outside_it(packs_only):
    """An effect inside a clinic's name ("Renew") does not join a product and
    a condition named after it; a product inside the name still makes the
    clinic's claim, and the same effect outside a name still counts."""
    page = ("Book your consultation at our clinic today.\n\n"
            "Tonight Dr. Patel from Renew IV Clinic is here to talk about exosomes and long COVID.\n\n"
            "The Stem Cell Institute of Dallas treats knee pain.\n\n"
            "Restore Knee Clinic uses exosomes to restore knee cartilage.\n")
    found = {(f.line, f.rule) for f in packs_only.lint_text(page, format="markdown")}
    assert (3, DISEASE) not in found
    assert (5, DISEASE) in found
    assert (7, DISEASE) in found


def test_a_quoted_claim_on_a_sellers_page_is_the_sellers(linter):
    """A seller who prints a claim in quotation marks (a tagline, a
    testimonial, a strings file's value) still publishes it: the pack rule
    reports it. A regulator quoting the same words does not make it."""
    claim = '"Our stem cell injections repair torn ligaments and worn cartilage."'
    seller = f"Book your free consultation at our clinic today. Call us for prices.\n\n{claim}\n"
    regulator = ("The FDA warns consumers about unapproved stem cell products, according to the agency's "
                 "report. The study found misleading advertising.\n\n"
                 f"One clinic's website said: {claim}\n")
    assert (3, "unapproved.disease-treatment") in [(f.line, f.rule) for f in linter.lint_text(seller, format="markdown")]
    assert not [f for f in linter.lint_text(regulator, format="markdown") if f.rule == "unapproved.disease-treatment"]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Every jar ships with a 30-day money-back guarantee.", False),  # a refund policy
        ("Refunds - 60 day guarantee", False),
        ("Satisfaction guaranteed, or return it for store credit.", False),
        ("Discretion is guaranteed for every guest of our clinic.", False),  # a promise of privacy
        ("Results guaranteed or your money back!", True),  # the result is still promised
        ("Guaranteed relief within a week, or a full refund.", True),
    ],
)
def test_a_shops_refund_policy_is_no_guaranteed_result(packs_only, text, found):
    assert ("efficacy.guarantee" in rules_of(packs_only, text)) is found


def test_a_citation_of_the_law_reports_only_on_an_informational_page(packs_only):
    # A regulator citing the law reports it; a seller citing it asserts it.
    sentence = "Products regulated solely under Section 361 of the PHS Act must meet every criterion of 21 CFR 1271.10."
    regulator = ("The FDA warns consumers about unproven stem cell clinics; the agency said studies found no "
                 "evidence of benefit.\n\n" + sentence + "\n")
    seller = ("Order our amniotic graft today: contact our sales representative for pricing.\n\n"
              "Our graft is regulated solely under Section 361 of the PHS Act and 21 CFR Part 1271.\n")
    assert "fda.exempt" not in rules_of(packs_only, regulator)
    assert "fda.exempt" in rules_of(packs_only, seller)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Protect your kidneys. Stay off dialysis.", True),  # a chronic disease's standard care
        ("Imagine a life without insulin shots.", True),
        ("After one infusion, many patients are taken off the transplant list.", True),
        ("Our COPD patients come off their oxygen tanks.", True),
        ("Stem cells have not been shown to delay dialysis.", False),
        ("Bring a list of your medicines, including insulin, to your first visit.", False),
    ],
)
def test_a_chronic_diseases_standard_care_is_a_comparator(packs_only, text, found):
    assert ("superiority.versus-standard-care" in rules_of(packs_only, text)) is found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Far more effective than laser resurfacing, at half the price.", True),  # an aesthetic clinic's standard
        ("Unlike dermal fillers, our exosome serum rebuilds collagen from within.", True),
        ("A natural alternative to Botox.", True),
        ("Better than a hair transplant, with no scars.", True),
        ("Exosomes are not an alternative to a hair transplant.", False),
        ("Avoid sun exposure for a week after a chemical peel.", False),
        ("Why exosomes beat PRP", True),  # a contest won (thirtieth session, `contests`, feature: false)
        ("Up to three times the growth factors of PRP.", True),
        ("Stem cells helped her beat cancer.", False),
    ],
)
def test_an_aesthetic_clinics_standard_procedures_are_comparators(packs_only, text, found):
    """Fillers, Botox, a facelift, laser resurfacing, a hair transplant
    (thirtieth session; `feature: false`, the model is unchanged)."""
    assert ("superiority.versus-standard-care" in rules_of(packs_only, text)) is found


def test_a_treatment_being_tried_is_research_on_an_informational_page(packs_only):
    page = ("The FDA warns consumers about unproven stem cell clinics; the agency said studies found no "
            "evidence of benefit.\n\nPRP injections are being tried to treat knee osteoarthritis.\n")
    assert "unapproved.disease-treatment" not in rules_of(packs_only, page)
    assert "unapproved.disease-treatment" in rules_of(packs_only, page.replace("are being tried to treat", "treat"))
    lab = page.replace("PRP injections are being tried to treat knee osteoarthritis.",
                       "My lab studies how stem cells might help repair the spinal cord after injury.")
    assert "unapproved.disease-treatment" not in rules_of(packs_only, lab)
    assert "unapproved.disease-treatment" in rules_of(packs_only, lab.replace("My lab studies how stem", "Our stem"))


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Read our success stories from real stem cell patients.", True),
        ("Guests tell us they ski harder on day six than on day one.", True),  # a resort clinic's guests
        ("Individual results vary. Testimonials reflect the experiences of individual patients.", False),
        ("Success stories shown on this page are not typical of every patient.", False),
        ("Testimonials may not represent what most patients experience.", False),
    ],
)
def test_a_disclosure_about_the_pages_testimonials_is_no_testimonial(packs_only, text, found):
    assert ("testimonial.patient-reports" in rules_of(packs_only, on_a_sellers_page(text))) is found


@pytest.mark.parametrize("product, heading, claim, seller_claim, rule", [
    # a guide's "they" two paragraphs on is the approved care it covers
    # (thirty-second session)
    ("Unproven stem cell shots are not approved, so be cautious.", "What your plan covers",
     "Physical therapy and knee replacement are covered when they treat arthritis.", "They treat arthritis.",
     DISEASE),
    # a feline society's "the treatment" with the best evidence is a kidney
    # diet (thirty-fourth session)
    ("Unproven stem cell infusions are not approved, so be cautious.", "Diet and fluids",
     "A kidney diet is the treatment with the best evidence for helping cats live longer.",
     "The treatment helps cats live longer.", "unapproved.therapeutic-effect"),
], ids=["pronoun", "referent"])
def test_on_an_informational_page_a_pronoun_or_referent_names_a_product_only_near_where_one_was_named(
        packs_only, product, heading, claim, seller_claim, rule):
    """On an informational page "they" or "the treatment" two paragraphs
    after a product is named is not that product; right after it is, and a
    seller's page reads it as its own product anywhere."""
    guide = f"Health department guidance\n\n{product}\n\n{heading}\n\n{claim}\n"
    assert rule not in rules_of(packs_only, guide)
    near = guide.replace(f"\n\n{heading}\n\n", " ")
    assert rule in rules_of(packs_only, near)
    seller = ("Book your consultation at our clinic today.\n\nOur stem cell products are here.\n\n"
              f"Pricing\n\n{seller_claim}\n")
    assert rule in rules_of(packs_only, seller)


def test_on_a_sellers_product_page_a_bullet_opening_with_an_effect_speaks_of_the_product(packs_only):
    """A product page's bullet has no subject: "Regrows lashes lost to
    alopecia" is the serum's claim (thirty-fourth session). An imperative
    ("Heal your gut"), an adjective ("Slow, heavy exercises") and a page of
    no product are no such claim."""
    page = "Shop our exosome lash serum. Add to bag.\n\n- {}\n"
    assert DISEASE in rules_of(packs_only, page.format("Regrows lashes lost to alopecia"))
    assert DISEASE in rules_of(packs_only, page.format("Treats eczema around the eyes"))
    assert DISEASE not in rules_of(packs_only, page.format("Slow, heavy exercises for tendinopathy"))
    assert DISEASE not in rules_of(packs_only, page.format("Heal eczema with a plan from your dermatologist"))
    guide = "Hair loss after chemotherapy\n\n- Regrows within months for most people with alopecia\n"
    assert DISEASE not in rules_of(packs_only, guide)


def test_a_sellers_title_that_opens_with_an_effect_promises_it_of_the_product(packs_only):
    """The therapeutic-effect rule's ``implied: titles``: over a seller's
    page about a product, a title opening with the effect in any form ("Turn
    back your biological clock", "Thicker hair in 90 days") is the product's
    promise (thirty-fifth session). Not so a sentence with a stop, a series of
    adjectives or a list ("Anti-aging, facials and massage"), a guide's title, or the disease rule (its imperative bullet
    "Heal eczema with a plan..." may name other care)."""
    effect = "unapproved.therapeutic-effect"
    page = "Ovarian PRP at our clinic. Book a consultation today.\n\n{}\n\nOur prices start at $900.\n"
    assert effect in rules_of(packs_only, page.format("Turn back your biological clock"))
    assert effect in rules_of(packs_only, page.format("## Thicker hair in 90 days"))
    assert effect not in rules_of(packs_only, page.format("Turn back your biological clock with daily sleep."))
    assert effect not in rules_of(packs_only, page.format("Anti-aging, facials and massage"))
    guide = "Fertility after 40: a guide from the health department\n\nTurn back your biological clock\n"
    assert effect not in rules_of(packs_only, guide)


def test_on_an_informational_page_a_paragraph_that_names_its_own_subject_leaves_the_one_before(packs_only):
    """A sleep doctor's post names exosome drips, then opens a paragraph on
    the therapy that works; its "It" is that therapy (thirty-third session).
    In the paragraph's first sentence the paragraph before is still near."""
    guide = ("Health department guidance on sleep\n\n"
             "Unproven exosome drips are not approved, so be cautious.\n\n"
             "What does work is talk therapy. It is the first treatment for insomnia.\n")
    assert DISEASE not in rules_of(packs_only, guide)
    first = guide.replace("What does work is talk therapy. ", "")
    assert DISEASE in rules_of(packs_only, first)


def test_families_approached_by_clinics_report_the_offer(packs_only):
    """A charity's "parents who have been approached by clinics offering stem
    cell treatment for autism" reports an offer (thirty-second session)."""
    page = ("We hear from many parents who have been approached by clinics offering stem cell treatment for "
            "autism, often abroad.\n")
    assert DISEASE not in rules_of(packs_only, page)
    assert DISEASE in rules_of(packs_only, page.replace("We hear from many parents who have been approached by "
                                                        "clinics offering", "We offer"))


def test_headlines_saying_a_product_cures_report_the_claim(packs_only):
    page = "You may have seen headlines saying stem cells can cure lupus. Here is what the evidence shows.\n"
    assert DISEASE not in rules_of(packs_only, page)
    assert DISEASE in rules_of(packs_only, page.replace("seen headlines saying", "heard that"))


def test_a_patients_own_story_is_an_endorsement_only_where_no_one_explains_or_reports(packs_only):
    story = "After two injections my knee pain is gone and I can walk again.\n"
    seller = "Book your consultation with our team today.\n\n" + story
    forum = ("Moderator note: the FDA warns consumers that studies found no evidence for these clinics; "
             "ask your doctor.\n\n" + story)
    assert "testimonial.first-person-outcome" in rules_of(packs_only, seller)
    assert "testimonial.first-person-outcome" not in rules_of(packs_only, forum)


@pytest.mark.parametrize(
    ("text", "rule", "found"),
    [
        ("Our exosome balm clears eczema patches in a week.", DISEASE, True),
        ("Our stem cell serum helps clear psoriasis.", DISEASE, True),
        ("PRP kits are cleared by the FDA for preparing blood, not for treating arthritis.", DISEASE, False),
        ("Three months after ovarian PRP I conceived naturally.", "testimonial.first-person-outcome", True),
        ("After my exosome treatment we got pregnant on the first try.", "testimonial.first-person-outcome", True),
        ("Book with our team today.\n\nEight weeks later she's back at work and her knee pain is gone.",
         "testimonial.third-person", True),
        # an approved cell therapy's approval, stated for its indications
        ("Our center is certified to give the FDA-approved CAR T-cell therapies for certain lymphomas and "
         "leukemias.", "fda.authority-approval", False),
        ("Our center is certified to give the FDA-approved CAR T-cell therapies for certain lymphomas and "
         "leukemias.", "fda.approved", False),
        ("Our center is certified to give FDA-approved stem cell injections for knees.", "fda.approved", True),
        # the burdens of spine and joint surgery spared: its hardware, its pills, its recovery
        ("Disc repair with no cutting, no hardware and no recovery.", "safety.no-burden", True),
        ("Knee relief with no pills and no screws.", "safety.no-burden", True),
        ("There were no implants left in the joint and no pills were needed after the first week.",
         "safety.no-burden", False),
        # the procedures of spine and pain clinics as the standard care a seller beats
        ("Unlike spinal fusion, our disc injections keep your spine moving.", "superiority.versus-standard-care", True),
        ("A safer alternative to epidural injections for sciatica.", "superiority.versus-standard-care", True),
        ("Spinal fusion joins two vertebrae with bone graft and screws.", "superiority.versus-standard-care", False),
        # the last treatment a patient will ever need
        ("The last knee treatment you'll ever need.", "efficacy.permanent-results", True),
        ("After our cord cell shot, most patients never need another knee injection.",
         "efficacy.permanent-results", True),
        ("Will I ever need another knee injection?", "efficacy.permanent-results", False),
        # a licence stated with the approved use beside it
        ("Donated cord blood used in transplants is licensed by the FDA for some blood disorders.",
         "fda.authority-approval", False),
        ("Our cord blood shots are licensed by the FDA for knee repair.", "fda.authority-approval", True),
        # a mouse study told with the animals as subject is research
        ("Mice that inhaled the exosomes had about 40 percent less scar tissue than untreated mice.",
         "efficacy.percent-improved", False),
        ("Patients who got our exosomes had about 40 percent less scar tissue.", "efficacy.percent-improved", True),
        ("My surgeon wanted to fuse two levels. I said no and have zero pain today.",
         "testimonial.first-person-outcome", True),
        # a product matched to a condition
        ("PRP is ideal for early knee arthritis.", DISEASE, True),
        ("Our amniotic injections are best for chronic back pain.", DISEASE, True),
        ("PRP is not recommended for people with blood disorders.", DISEASE, False),
        # ... but "recommended for" is no such word: "Larger studies are needed
        # before PRP can be recommended for knee osteoarthritis."
        ("Larger studies are needed before PRP can be recommended for knee osteoarthritis.", DISEASE, False),
        ("Mornings are best for appointments at our clinic.", DISEASE, False),
        # lost skin colour coming back
        ("Our exosome facials repigment vitiligo patches in weeks.", DISEASE, True),
        # thirty-second session: a doctor's "I stopped prescribing" tells of the
        # doctor's practice, "I stopped taking" of a patient's result; a seller's
        # "message me to save your spot" is a call to write, not a "saved"
        ("Why I stopped prescribing steroid shots for tennis elbow", OUTCOME, False),
        ("Why I stopped taking steroid shots for tennis elbow", OUTCOME, True),
        ("Why I stopped recommending cortisone for knee pain", OUTCOME, False),
        ("Why I stopped needing cortisone for knee pain", OUTCOME, True),
        ('Comment "ENERGY" or message me to save your spot - only 6 left!', OUTCOME, False),
        ("The injections saved my knee and I walk again.", OUTCOME, True),
        # thirty-third session: a ranking of the trouble ("more careers than any
        # other problem") is no ranking of the treatment; an agency that need
        # not act is an exemption (a clinic's answer to its critics); cells a
        # device "wakes up" are a boost (a crowdfunding campaign's title)
        ("Shoulder injuries end more swimming careers than any other problem, and our stem cell team sees them "
         "daily.", "superiority.rank", False),
        ("Our stem cell injections heal shoulders faster than any other treatment.", "superiority.rank", True),
        ("Our treatment uses your own cells, which the FDA does not need to approve.", "fda.exempt", True),
        ("Because it is your own tissue, the graft doesn't need to be approved by the FDA.", "fda.exempt", True),
        ("HALO-R: Wake up your stem cells at home", "efficacy.stem-cell-boost", True),
        ("The band awakens your stem cells overnight.", "efficacy.stem-cell-boost", True),
        # thirty-fourth session: the last resort that worked
        ("Our PRP-and-shockwave combo works when nothing else has.", "superiority.only-option", True),
        ("Try our exosome drip when all else fails.", "superiority.only-option", True),
        ("Surgery is considered for the few whose pain lasts after a year of stretching.",
         "superiority.only-option", False),
        # safety for every reader, and permanence said of the results
        ("Our colostrum blend is safe for all ages.", "safety.absolute-safety", True),
        ("The exosome serum is safe for anyone, even in pregnancy.", "safety.absolute-safety", True),
        ("We enrich the graft with your own stem cells, so your results are permanent.",
         "efficacy.permanent-results", True),
        ("No surgeon can promise that fat graft results are permanent.", "efficacy.permanent-results", False),
        # thirty-fifth session: a disease sent into remission
        ("How umbilical cord stem cells put my lupus into remission", DISEASE, True),
        ("Our exosome infusions induce remission in Crohn's disease.", DISEASE, True),
        ("Her lupus has been in remission for two years.", DISEASE, False),
        # a peak is no ranking
        ("Bank your stem cells now, while they are at their strongest.", "superiority.rank", False),
        ("Our stem cells are the strongest on the market.", "superiority.rank", True),
        # a stem cell boost without "of": "releases your stem cells"
        ("Our algae blend releases your stem cells into the blood.", "efficacy.stem-cell-boost", True),
        ("No capsule has been shown to release stem cells.", "efficacy.stem-cell-boost", False),
        # a reply names what it answers
        ("Thank you for your message about stem cell treatment for Parkinson's disease.", DISEASE, False),
        ("We offer stem cell treatment for Parkinson's disease.", DISEASE, True),
        # proven care named as such is a guide's pointer, not a product's proof
        ("Patients should discuss proven options for hair loss, such as minoxidil, with a dermatologist.",
         "efficacy.proven", False),
        ("Our exosome therapy is proven to regrow hair.", "efficacy.proven", True),
        # an indirect question about the proof
        ("We'll talk with you about what the evidence shows for each option for rosacea.", "efficacy.proven", False),
        ("The evidence shows our exosome facial clears rosacea.", "efficacy.proven", True),
        # a cell-based injection is a product
        ("Cell-based injections repair worn cartilage and ease arthritis pain.", DISEASE, True),
        # thirty-sixth session: the law's test a product must pass before sale
        ("A vaccine needs a licence showing it is safe and effective before it can be marketed.",
         "safety.safe-claim", False),
        ("Our exosome serum is safe and effective, so it can be marketed to spas.", "safety.safe-claim", True),
        # a record of side effects denied with "been" ("there have never been any side effects")
        ("In eight years there have never been any side effects from our cord blood infusions.", "safety.no-risk", True),
        ("Side effects have been reported after cord blood infusions.", "safety.no-risk", False),
        # sellers' words retold by a critic
        ("Brands say their exosome creams heal eczema; I have seen no data.", DISEASE, False),
        ("Our exosome cream heals eczema.", DISEASE, True),
        # what others sell a product for
        ("Pharmacies now stock exosome shots sold to heal eczema.", DISEASE, False),
        # a seller's promise retold by the writer
        ("One brochure promises that stem cells reverse arthritis in a week.", DISEASE, False),
        # what an ad implied, as a ruling puts it
        ("The poster implied that stem cell injections rebuild worn knee cartilage.", DISEASE, False),
        # the particle after the object
        ("Our stem cell infusions turn your biological clock back by ten years.", "unapproved.therapeutic-effect", True),
        # an effect said as a switch ("switch off the inflammation")
        ("Exosomes switch off the inflammation that keeps joints hurting.", DISEASE, True),
        ("Switch off your phone before the infusion.", DISEASE, False),
        # a price held, not a result promised
        ("Every storage plan comes with our price-lock guarantee.", "efficacy.guarantee", False),
        ("Every plan comes with our guarantee that the cells will work.", "efficacy.guarantee", True),
    ],
)
def test_words_of_skin_fertility_stories_approved_therapies_and_mouse_studies(packs_only, text, rule, found):
    assert (rule in rules_of(packs_only, on_a_sellers_page(text))) is found


def test_an_off_label_use_stated_as_such_is_the_pages_status_not_a_claim(packs_only):
    status = ("Book a visit with our sports medicine physicians.\n\n"
              "Using PRP to treat tendon or joint conditions is considered off-label.\n")
    found = rules_of(packs_only, status)
    assert DISEASE not in found and "disclaimers.fda-status" not in found
    assert DISEASE in rules_of(packs_only, status.replace(" is considered off-label", " works"))


@pytest.mark.parametrize("text, flagged", [
    # a negation before a list reaches its last item
    ("Providers may not describe these services as covered, approved or guaranteed to work.", False),
    ("We do not promise fast, easy or guaranteed results.", False),
    # a list after the negated clause, and a list with no negation, are claims
    ("Exosomes are not drugs, so they are safe, natural and guaranteed to work.", True),
    ("Our PRP is quick, affordable and guaranteed to work.", True),
    # an item longer than a list's item ends the list
    ("We never use steroids or fillers in our clinic, and results are guaranteed.", True),
])
def test_a_negation_before_a_list_reaches_its_last_item(packs_only, text, flagged):
    found = [f for f in packs_only.lint_text(text) if f.rule == "efficacy.guarantee"]
    assert bool(found) == flagged


@pytest.mark.parametrize("text, flagged", [
    # a negation after a list the claim runs into reaches back past its commas
    # (thirty-second session)
    ("Stem cell treatment for autism, stroke or arthritis is not approved.", False),
    ("Packages that offer stem cell treatment for conditions such as autism, stroke or arthritis are usually not "
     "approved treatments where you live.", False),
    ("Stem cell treatment for autism or arthritis is not approved.", False),
    # a clause after the list holds its own negations
    ("Our stem cells treat autism, stroke and arthritis, and they are not expensive.", True),
    ("Our stem cells treat autism, and we do not charge for the consultation.", True),
])
def test_a_negation_after_a_list_reaches_back_to_the_claim(packs_only, text, flagged):
    assert (DISEASE in rules_of(packs_only, text + "\n")) is flagged


@pytest.mark.parametrize("text, story", [
    # a cancer patient's story of a tumour that shrank is a testimonial ...
    ("Eight months later her scans showed the liver tumors had shrunk by half.", True),
    # (a percentage would make it a result told as one: efficacy.percent-improved)
    ("After two cycles of our cells, his tumor markers fell by more than half and he went back to work.", True),
    # ... a tumour as the harm done is not
    ("Two months after the injection she developed a tumor in her spine.", False),
    ("I developed a tumor on my spine after the stem cell shots.", False),
])
def test_a_tumour_is_a_bad_outcome_only_as_the_harm_done(linter, text, story):
    found = {f.rule for f in linter.lint_text(on_a_sellers_page(text)) if f.category == "testimonial"}
    assert bool(found) is story


def test_a_run_of_denials_is_no_negation_of_its_last(packs_only):
    text = "Unlike surgery there's no hardware, no hospital stay and no risk of complications."
    assert "safety.absolute-safety" in {f.rule for f in packs_only.lint_text(text)}


def test_on_an_informational_page_a_pronoun_is_near_a_phrase_rule_only_near_its_product(packs_only):
    """A society's page on a thyroid condition: "It works well ... and is
    safe" is the hormone tablet named just before, not a product (thirty-third
    session). Right after a product is named, "it" is near as it always was,
    and on a seller's page anywhere."""
    guide = ("Patient information from the endocrinology society.\n\n"
             "Stem cell clinics advertise to patients, but see your endocrinologist first.\n\n"
             "Treatment is a daily hormone tablet. It works well and is safe when the dose is checked.\n")
    assert "safety.safe-claim" not in rules_of(packs_only, guide)
    near = guide.replace("Treatment is a daily hormone tablet.", "Exosome drops are sold online.")
    assert "safety.safe-claim" in rules_of(packs_only, near)
    seller = "Book your consultation at our clinic today.\n\nOur exosome drops are here.\n\nPricing\n\nIt is safe.\n"
    assert "safety.safe-claim" in rules_of(packs_only, seller)


def test_results_said_to_last_speak_of_a_sellers_product(packs_only):
    """On a seller's page about a product, "Results are permanent" needs no
    product named beside it (thirty-sixth session); on a seller's page about
    no product it stays unread, as a badge does."""
    lasting = "Results are permanent for most patients."
    about = "Book your exosome facial at our clinic today.\n\n" + lasting + "\n"
    assert "efficacy.permanent-results" in rules_of(packs_only, about)
    assert "efficacy.permanent-results" not in rules_of(packs_only, on_a_sellers_page(lasting))


def test_a_price_lists_best_for_column_announces_uses(packs_only):
    """A table column "Best for" (or a heading "Ideal for:") announces what
    each product is sold for, as "Good for" does (thirty-sixth session)."""
    table = ("Book your visit at our regenerative clinic today.\n\n"
             "| Treatment | Price | Best for |\n|---|---|---|\n"
             "| Stem cell joint injection | $4,500 | Bone-on-bone knees and hips |\n")
    assert "unapproved.listed-use" in rules_of(packs_only, table)
    assert "unapproved.listed-use" not in rules_of(packs_only, table.replace("Best for", "Clinic"))


def test_what_patients_report_heads_a_list_of_results(packs_only):
    """A seller's list under "What patients report" names the product's
    results, as one under "What parents see" does (thirty-sixth session)."""
    page = ("Book your exosome infusion at our clinic today.\n\n"
            "## What patients report\n\n- Joint pain gone\n- Energy back\n")
    assert "unapproved.listed-use" in rules_of(packs_only, page)
    assert "unapproved.listed-use" not in rules_of(packs_only, page.replace("What patients report", "Parking"))
    # a membership clinic's members, too (thirty-eighth session)
    assert "unapproved.listed-use" in rules_of(packs_only, page.replace("What patients report", "What members report"))


@pytest.mark.parametrize("text, rule, flagged", [
    # a denial right after the match denies its object (thirty-seventh session)
    ("The FDA has approved no amniotic or cord product to treat arthritis.", "fda.approved", False),
    ("FDA has approved none of the exosome products sold for hair loss.", "fda.approved", False),
    # ... but not a phrase of degree or time that opens with "no"
    ("Our stem cells heal arthritis no matter how old you are.", DISEASE, True),
    ("The FDA has approved our exosome serum.", "fda.approved", True),
])
def test_a_denial_of_the_object_right_after_the_match_negates_it(packs_only, text, rule, flagged):
    assert (rule in rules_of(packs_only, text + "\n")) is flagged


@pytest.mark.parametrize("text, found", [
    # the percentage of a refund policy is the price refunded (thirty-seventh session)
    ("100% SATISFACTION GUARANTEE: love it or your money back", False),
    ("A 100% money-back guarantee on every jar.", False),
    ("Patient satisfaction rose by 40% after our exosome program.", True),
])
def test_a_refund_policys_percentage_is_no_result(packs_only, text, found):
    assert ("efficacy.percent-improved" in rules_of(packs_only, text + "\n")) is found


def test_the_scorer_reads_no_promised_result_in_a_refund_policy(linter):
    text = "Exosome Glow Serum\n\n- 100% SATISFACTION GUARANTEE: love it or your money back\n"
    assert not [f for f in linter.lint_text(text) if f.line == 3]


@pytest.mark.parametrize("text, found", [
    # an age taken off, promised in years (thirty-seventh session)
    ("Headline 2: Feel 10 Years Younger", True),
    ("Your cells, 20 years younger", True),
    ("Skin that looks ten years younger in a month.", True),
    # ... not one person's age beside another's, nor a denial
    ("My sister is four years younger than me.", False),
    ("No cream will make you look ten years younger.", False),
])
def test_years_taken_off_are_a_promised_result(packs_only, text, found):
    assert ("efficacy.outcome-promise" in rules_of(packs_only, text + "\n")) is found


@pytest.mark.parametrize("text, found", [
    # a farewell to standard care, or to its devices (thirty-seventh session)
    ("Say goodbye to dentures", True),
    ("Say no to a lifetime on dialysis", True),
    ("Get off your inhaler for good.", True),
    ("Use your inhaler as prescribed and bring it to every visit.", False),
    ("Say goodbye to our old phone number: call 555-0100 now.", False),
])
def test_a_farewell_to_standard_care_or_its_devices_is_a_comparison(packs_only, text, found):
    page = "Book now at our clinic. Our team is ready.\n\n" + text + "\n"
    assert ("superiority.versus-standard-care" in rules_of(packs_only, page)) is found


@pytest.mark.parametrize("text", [
    # a harm stated as the treatment's risk is a disclosure (thirty-seventh session)
    "A stem cell transplant can slow scleroderma. It carries a real risk of death.",
    "The procedure carries serious risks, including infection.",
])
def test_a_risk_stated_is_no_safety_claim(linter, text):
    assert not [f for f in linter.lint_text(text + "\n") if f.category == "safety"]


def test_the_most_trusted_clinic_is_a_ranking(packs_only):
    # (thirty-seventh session)
    assert "superiority.rank" in rules_of(packs_only, "Boise's most trusted stem cell clinic\n")


def test_a_group_report_given_another_cause_is_weighed_not_cited(packs_only):
    """testimonial.group-reports is not near `other-causes`: a guide that
    offers another cause for what a group reports weighs the reports
    (thirty-eighth session); the report alone is still a testimonial."""
    report = "People with spinal cord injuries who went abroad report small changes in feeling"
    assert "testimonial.group-reports" in rules_of(packs_only, report + ".")
    assert "testimonial.group-reports" not in rules_of(
        packs_only, report + ", which may also come from the rehabilitation that comes with the package.")


def test_a_sellers_list_of_benefits_without_verbs_is_a_list_of_uses(packs_only):
    """unapproved.listed-use reads `benefit-phrases` (thirty-eighth session):
    under a seller's "Results you can expect", "Deeper sleep" and "Clearer
    skin" are what the product is said to do, as "Less knee pain" is; on a
    reader's page the same list is not reported."""
    seller = ("Book your exosome facial at our clinic today.\n\n"
              "## Results you can expect\n\n- Clearer skin after the first session\n- Deeper sleep within a week\n")
    found = [f for f in packs_only.lint_text(seller, "t.md") if f.rule == "unapproved.listed-use"]
    assert [f.line for f in found] == [5, 6]
    reader = ("A systematic review of the studies found that regular exercise helps most adults.\n\n"
              "## Results you can expect\n\n- Clearer skin after the first session\n- Deeper sleep within a week\n")
    assert "unapproved.listed-use" not in rules_of(packs_only, reader)


def test_a_finding_stated_as_modest_is_no_proof_claimed(packs_only):
    """efficacy.proven is not near `modest-findings` (thirty-eighth
    session): trials that "have shown, at most, modest changes" report a
    small finding; "have shown" a repair still claims proof."""
    assert "efficacy.proven" in rules_of(packs_only, "Trials of cord blood have shown that it repairs the brain in children.")
    assert "efficacy.proven" not in rules_of(
        packs_only, "Trials of cord blood have shown, at most, modest changes in some children.")
    assert "efficacy.proven" not in rules_of(
        packs_only, "Studies show small improvements in scars after several sessions of microneedling.")


@pytest.mark.parametrize(
    "text, flagged",
    [
        # tokens spaCy cuts out of a written word: "can" + "not", "do" + "n't",
        # "wo" + "n't" (the pattern gate once looked for them as whole words)
        ("Exosomes cannot cause an immune reaction.", True),
        ("Our drops don't cause side effects.", True),
        ("The cord cells won't be rejected.", True),
        ("Patients don't experience any side effects from the infusion.", True),
        # the record told the other way round
        ("Serious side effects have never been reported at our clinic.", True),
        ("Side effects have never been studied in people who take it for years.", False),
        ("Does the infusion cause side effects? Some people feel tired for a day.", False),
    ],
)
def test_a_risk_denied_with_a_contraction_or_after_its_noun(packs_only, text, flagged):
    assert ("safety.no-risk" in rules_of(packs_only, text)) is flagged


def test_a_refund_asked_for_is_no_outcome_story(packs_only):
    """"my money back" is a refund, not a patient's result (a result told
    in the next sentence still is)."""
    assert OUTCOME not in rules_of(packs_only, "When I asked for my money back they stopped answering my calls.")
    assert OUTCOME in rules_of(packs_only, "I got my money back. After my second injection I could climb the "
                                           "stairs again.")
