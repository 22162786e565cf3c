"""Page context: the voice and topic of a page, and what they change."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from claimcheck.cli import main
from claimcheck.page import INFORMATIONAL, PROMOTIONAL, UNKNOWN, compile_cues, decide

SELLER = """# Knee Relief With Exosome Injections

Our clinic offers exosome injections for active adults. Book a free
consultation with our team today.

Call us to schedule your visit. Pricing and financing are available.
"""

REGULATOR = """# What to know about unapproved cell products

The agency warns consumers that no exosome product is approved. A study of
clinics found misleading advertising, according to researchers. Talk to your
doctor and ask for published evidence.
"""


@pytest.fixture(scope="module")
def cues(linter):
    return linter.compiled.page_cues


def blocks(text: str) -> list[str]:
    return [" ".join(p.split()) for p in text.split("\n\n") if p.strip()]


def test_a_sellers_page_is_promotional_with_its_product_as_topic(cues):
    page = decide(blocks(SELLER), cues)
    assert page.voice == PROMOTIONAL
    assert page.topic == "exosome"
    assert dict(page.promotional)["our clinic"] == 1


def test_a_regulators_page_is_informational(cues):
    page = decide(blocks(REGULATOR), cues)
    assert page.voice == INFORMATIONAL
    assert page.topic == "exosome"  # a page about a product, whoever speaks


# Pages whose voice rests on cues of their own kind: an attorney general's
# alert names the seller's words it warns of ("sign up", "financing",
# "book") and says "our office"; a vendor's sheet for clinics says no "we",
# "book" or "price"; a landing page says little but "our" and its form's
# "See if you qualify". None of them is doubted by the scorer.
CUED_PAGES = [
    pytest.param(["Consumer alert: free-lunch seminars selling cord blood shots",
                  "Our office has received complaints from retirees who were told to sign up on the spot.",
                  "Never sign a financing contract at a seminar, and do not book a procedure the same day.",
                  "If you think you were misled, file a complaint with our consumer protection unit."],
                 INFORMATIONAL, {"consumer alert", "received complaints", "were misled", "file a complaint", "consumer protection"},
                 id="consumer-alert"),
    pytest.param(["CordGel flowable allograft: product details for practitioners", "Why practices choose CordGel",
                  "Reimbursement support for every account", "Questions? Ask your territory manager."],
                 PROMOTIONAL, {"for practitioners", "why practices choose", "reimbursement support", "territory manager"},
                 id="distributor"),
    pytest.param(["Numb, burning feet?", "Our nerve program wakes up sleeping nerves.", "Only five openings this month.",
                  "See if you qualify"],
                 PROMOTIONAL, {"see if you qualify"}, id="landing-page"),
    pytest.param(["Skin grafts: a guide for families", "Your care team may use a covering made from donated placenta.",
                  "These are not part of our treatment plans, and we do not recommend creams sold online.",
                  "Questions to ask", "Call the burn clinic nurse line day or night."],
                 INFORMATIONAL, {"questions to ask", "nurse line"}, id="patient-guide"),
    pytest.param(["Cord blood: your choices", "A public bank takes donations. Ask us before 34 weeks.",
                  "Tell your midwife what you want.", "Or ask your obstetrician at your next visit."],
                 INFORMATIONAL, {"your midwife", "your obstetrician"}, id="prenatal-class"),
    pytest.param(["Are PRP injections covered?", "Members often ask us about ads for these injections.",
                  "Talk with your primary care provider about other options.",
                  "Questions? Call the number on your member ID card."],
                 INFORMATIONAL, {"your primary care", "member id"}, id="insurer"),
    pytest.param(["Living with a rare joint condition", "Our support group meets on Tuesdays.",
                  "Bring any clinic's leaflet to your own doctor before you pay."],
                 INFORMATIONAL, {"support group", "your own doctor"}, id="patient-group"),
    pytest.param(["30-day reset starts Monday!", "What's included: a meal plan and a 30-day supply of capsules.",
                  "The challenge bundle is $129.", "DM me or message me for the link."],
                 PROMOTIONAL, {"what's included", "bundle", "dm me", "message me"}, id="coach"),
    pytest.param(["Press kit: GlowRoot scalp serum", "GlowRoot launches its first serum on March 1.",
                  "Reduces shedding by 68% in a consumer study"],
                 PROMOTIONAL, {"press kit", "launches", "consumer study"}, id="press-kit"),
    pytest.param(["GlowBand: a light band for sore knees", "Early bird backers save 40%.",
                  "Stretch goals: a travel pouch at $50,000.", "Estimated delivery: May. Ships worldwide."],
                 PROMOTIONAL, {"early bird", "stretch goals", "estimated delivery", "ships worldwide"},
                 id="crowdfunding"),
    pytest.param(["Bulletin: sore shoulders at work", "Our members report shoulder pain more than any other problem.",
                  "Members have asked about clinics selling injections.", "They are not covered by the health plan."],
                 INFORMATIONAL, {"members have asked", "health plan"}, id="union-bulletin"),
    pytest.param(["Piercing aftercare", "City Health Department, Body Art Program", "Clean it twice a day with saline.",
                  "Swelling is normal for a few days.", "See a doctor if it turns hot and red."],
                 INFORMATIONAL, {"health department", "see a doctor"}, id="aftercare-card"),
    pytest.param(["Healing eye drops bought online", "Some of you ask about eye drops you find online.",
                  "Contaminated drops have caused infections.", "If your eyes still hurt, see a doctor or see an eye doctor first."],
                 INFORMATIONAL, {"contaminated", "see a doctor", "see an eye doctor"}, id="doctors-blog"),
    pytest.param(["A toxicologist on detox drips", "I am often asked about detox drips.", "Your liver clears waste.",
                  "If you feel run down, see your doctor."],
                 INFORMATIONAL, {"often asked about", "see your doctor"}, id="toxicologist"),
    pytest.param(["Before you join a clinic's webinar", "Sign up for our network's newsletter.",
                  "These webinars are sales events.", "Talk with your child's pediatrician or your child's doctor first."],
                 INFORMATIONAL, {"sales events", "your child's pediatrician", "your child's doctor"},
                 id="parents-network"),
    pytest.param(["Torn knee ligaments in dogs: information for owners", "Surgery gives most large dogs a stable knee.",
                  "Ask your veterinarian to refer you to a surgeon."],
                 INFORMATIONAL, {"for owners", "refer you"}, id="vet-college"),
    pytest.param(["Two years after my knee treatment", "I was told it would work, and it did.",
                  "I'm a patient ambassador now, so I get a thank-you if you use my link."],
                 PROMOTIONAL, {"patient ambassador", "my link"}, id="ambassador"),
    pytest.param(["If your knees ache, call my friends at Peak Clinic.", "Mention the show for a free first visit.",
                  "Or mention this ad at the front desk."],
                 PROMOTIONAL, {"mention the show", "free first", "mention this"}, id="live-read"),
    pytest.param(["Drip menu", "The Morning After: cures any hangover, guaranteed. $179", "Walk-ins welcome."],
                 PROMOTIONAL, {"drip menu", "walk-ins welcome"}, id="menu-board"),
    pytest.param(["GlowCell Night Serum, 30 ml", "About this item", "- Firms skin while you sleep",
                  "Customer questions & answers", "Q: Is it vegan? A: Yes."],
                 PROMOTIONAL, {"about this item", "customer questions"}, id="marketplace-listing"),
    pytest.param(["Your newborn's cord blood", "Why families choose Cradle Cells", "- A lab open every day of the year",
                  "Why patients choose Cradle Cells"],
                 PROMOTIONAL, {"why families choose", "why patients choose"}, id="brochure-reasons"),
    pytest.param(["Gum lift with your own platelets", "Most patients need just one visit.",
                  "Most clients need no time off.", "Our spring dates are filling up."],
                 PROMOTIONAL, {"most patients need", "most clients need", "filling up"}, id="sessions-and-calendar"),
    pytest.param(["Before & After: Laser Hair Removal", "Before and after three sessions",
                  "Before and after five sessions"],
                 PROMOTIONAL, {"before & after", "before and after"}, id="results-gallery"),
    pytest.param(["Colostrum Recovery Blend", "Buy 2 tubs and we add a shaker.", "Free samples at the counter."],
                 PROMOTIONAL, {"buy 2", "free samples"}, id="shop-counter"),
    pytest.param(["Choosing a wellness vendor", "Ask where the figure came from and whether a comparison group was used.",
                  "Read the contract before you sign."],
                 INFORMATIONAL, {"ask where", "comparison group", "before you sign"}, id="vetting-a-vendor"),
    pytest.param(["Tennis elbow", "Shockwave has been studied in small trials.", "Results are mixed.",
                  "Injections of PRP have been studied too."],
                 INFORMATIONAL, {"has been studied", "results are mixed", "have been studied"}, id="handout-research"),
    pytest.param(["Chemical peels | Patient Education", "Members keep asking us about peels sold online.",
                  "Unlicensed sellers have caused burns."],
                 INFORMATIONAL, {"patient education", "asking us", "unlicensed"}, id="society-page"),
    pytest.param(["Patient of the Month: Rita K.", "Rita is hiking again.", "Request your free knee screening."],
                 PROMOTIONAL, {"patient of the month", "request your free"}, id="patient-spotlight"),
    pytest.param(["New on the health shelf", "A book review of three titles on sleep.",
                  "Place a hold with your library card."],
                 INFORMATIONAL, {"book review", "place a hold", "library card"}, id="library-column"),
    pytest.param(["Glow Bar: New this month - the Peptide Facial!", "Reply BOOK to grab a spot.",
                  "Reply STOP to opt out."],
                 PROMOTIONAL, {"new this month", "reply stop"}, id="text-blast"),
    pytest.param(["Fraud alert", "Watch out for mailers that offer free knee X-rays.",
                  "Watch out for callers who ask for your member number."],
                 INFORMATIONAL, {"watch out for", "fraud alert"}, id="fraud-newsletter"),
    pytest.param(["Tips for the health fair", "A free screening may be the start of a sales pitch.",
                  "Be careful with booths that take sign-ups.", "Talk it over with your family first."],
                 INFORMATIONAL, {"sales pitch", "be careful", "talk it over"}, id="fair-tips"),
    pytest.param(["Gold membership", "Members get same-day visits.", "Priority booking at every location.",
                  "Become a member today."],
                 PROMOTIONAL, {"members get", "priority booking", "become a member"}, id="membership-perks"),
    pytest.param(["Warts: what works", "Freezing works for many.",
                  "Home kits have not been compared with it in good trials."],
                 INFORMATIONAL, {"not been compared", "good trials"}, id="evidence-wanting"),
    pytest.param(["Treatment Menu", "Hydrafacial - $199", "Patient spotlight: Dana, 44"],
                 PROMOTIONAL, {"treatment menu", "patient spotlight"}, id="menu-and-spotlight"),
    pytest.param(["Gum recession", "Treatment depends on the cause.", "A soft brush stops further damage.",
                  "Gum creams sold online have not been tested in people, and gels have not been studied either."],
                 INFORMATIONAL, {"depends on the cause", "not been tested", "not been studied"}, id="dental-school"),
    pytest.param(["Health advisory: medical travel", "The Embassy cannot verify what these hospitals advertise and cannot "
                  "recommend any of them.", "Care there can cost a great deal.", "Do not sign a contract before you decide."],
                 INFORMATIONAL, {"health advisory", "cannot verify", "cannot recommend", "do not sign", "before you decide"},
                 id="embassy"),
    pytest.param(["Fish oil capsules", "High doses can interfere with blood thinners.",
                  "Ask your pharmacist what is in a product.", "Tell your doctor if you take it."],
                 INFORMATIONAL, {"interfere with", "ask your pharmacist", "tell your doctor"}, id="pharmacy-shelf"),
    pytest.param(["Collagen Peptide Powder - 30 servings", "4.4 out of 5 stars", "Free delivery on Monday"],
                 PROMOTIONAL, {"out of 5 stars", "free delivery"}, id="shop-listing"),
    pytest.param(["Position statement: laser vaginal rejuvenation", "The Association advises that it be offered only "
                  "within clinical trials.", "Each study needs approval from an ethics board."],
                 INFORMATIONAL, {"the association", "within clinical trials", "ethics board"}, id="society-statement"),
    pytest.param(["Diabetic foot care", "Check your feet every evening for cuts.",
                  "Creams sold to regrow nerves are many; no treatment has been shown to do it."],
                 INFORMATIONAL, {"check your feet", "no treatment has been shown"}, id="foot-care"),
    pytest.param(["Sponsored content", "Meet the city's busiest hand surgeon.", "This advertorial is paid content.",
                  "Free screenings all month."],
                 PROMOTIONAL, {"sponsored content", "advertorial", "paid content", "free screenings"}, id="advertorial"),
    pytest.param(["Liver injury after a weight-loss tea: a case report", "A 40-year-old woman developed jaundice.",
                  "Poison control was called by her sister."],
                 INFORMATIONAL, {"case report", "poison control"}, id="case-report"),
    pytest.param(["Cord tissue banking", "Storage starts at $29 a month.", "Order your kit today."],
                 PROMOTIONAL, {"starts at", "order your"}, id="banking-plans"),
    pytest.param(["Wisdom teeth", "Tell your dentist about any medicines you take.", "Ask your pharmacist about pain relief."],
                 INFORMATIONAL, {"tell your dentist", "ask your pharmacist"}, id="dental-leaflet"),
    pytest.param(["We tested five collagen drinks", "Our verdict: save your money.", "We buy every product we review."],
                 INFORMATIONAL, {"we tested", "our verdict", "save your money"}, id="product-test"),
    pytest.param(["A new cancer garden, thanks to our donors", "The Hospital Foundation raised $1 million, its director said.",
                  "Patients can sit outside between treatments."],
                 INFORMATIONAL, {"hospital foundation"}, id="donor-news"),
    pytest.param(["Group rules", "Posts that read like ads for a clinic will be removed.", "Thanks, the mod team"],
                 INFORMATIONAL, {"like ads", "will be removed", "mod team"}, id="forum-rules"),
    pytest.param(["Wine club", "Three bottles a quarter, shipped to your door.", "Cancel anytime.", "Join now."],
                 PROMOTIONAL, {"cancel anytime"}, id="subscription"),
    pytest.param(["Gene therapy for deafness: where the science stands",
                  "Two children in China heard sounds for the first time.", "Researchers caution that both are young."],
                 INFORMATIONAL, {"where the science stands"}, id="explainer"),
    pytest.param(["Do standing desks help back pain?", "Maybe, says a physiotherapist we spoke with.",
                  "We tried three desks for a month."],
                 INFORMATIONAL, {"says a", "we spoke with"}, id="feature-story"),
    pytest.param(["Why we don't offer ozone injections", "The research is mixed at best.",
                  "We do not offer treatments we cannot stand behind."],
                 INFORMATIONAL, {"we don't offer", "research is mixed", "we do not offer"}, id="declined-service"),
    pytest.param(["Sickle cell and gene therapy offers abroad", "We hear from families every week.",
                  "Some were contacted by clinics on social media."],
                 INFORMATIONAL, {"we hear from", "contacted by clinics"}, id="charity-helpline"),
    pytest.param(["Free webinar: sleep better tonight", "Seats are limited.", "Register now."],
                 PROMOTIONAL, {"free webinar", "seats are limited", "register now"}, id="webinar"),
    pytest.param(["Ozone for back pain?", "I don't recommend it.",
                  "Numb legs are a reason to go to an emergency room."],
                 INFORMATIONAL, {"i don't recommend", "go to an emergency room"}, id="surgeons-blog"),
    pytest.param(["Using unapproved fillers", "Record informed consent.", "Staff in the emergency department must be told."],
                 INFORMATIONAL, {"informed consent", "the emergency department"}, id="nursing-guidance"),
    pytest.param(["My travel picks", "As an affiliate I earn from qualifying purchases.", "Packing cubes for carry-on"],
                 PROMOTIONAL, {"as an affiliate", "qualifying purchases"}, id="storefront"),
    pytest.param(["Practice news", "Several of you have asked about ozone shots.", "We do not sell them."],
                 INFORMATIONAL, {"several of you", "have asked about", "we do not sell"}, id="care-team-answers"),
    pytest.param(["We tried a $300 LED mask", "Our beauty editor paid full price.", "Dermatologists we asked were unsure."],
                 INFORMATIONAL, {"beauty editor", "paid full price", "dermatologists we asked"}, id="hands-on-review"),
    pytest.param(["Should my son take fish oil?", "Parents often ask me about supplements.",
                  "Patients ask me the same about vitamin D."],
                 INFORMATIONAL, {"parents often ask", "patients ask me"}, id="doctors-column"),
    pytest.param(["Diet ads on video sites", "We reviewed 200 ads.", "Our findings are below; we analyzed each claim."],
                 INFORMATIONAL, {"we reviewed", "our findings", "we analyzed"}, id="watchdog-study"),
    pytest.param(["Ozone shots for back pain: a plain summary", "We wanted to know whether the shots ease pain.",
                  "We searched for trials and we included nine of them.", "We found that we could not be sure."],
                 INFORMATIONAL, {"we wanted to know", "we searched", "we included", "we found"}, id="review-summary"),
    pytest.param(["Exosome facial FAQ", "How much is it? $395 per session.", "Is there downtime? Most clients go back to work."],
                 PROMOTIONAL, {"per session", "most clients"}, id="price-faq"),
    pytest.param(["The Vigor Shot for men", "Discreet consultations.", "Same-week appointments available."],
                 PROMOTIONAL, {"discreet consultations", "same-week", "appointments available"}, id="mens-clinic"),
    pytest.param(["Exosome IV flash sale", "Sale ends Friday.", "Claim your spot; same-week slots open."],
                 PROMOTIONAL, {"claim your spot", "same-week"}, id="flash-sale"),
    pytest.param(["Stroke recovery with stem cells", "Our cells reach the brain.", "Speak to a patient advisor today."],
                 PROMOTIONAL, {"our", "patient advisor"}, id="advisor"),
    pytest.param(["The Longevity Plan", "Peptides shipped to your door.", "Doctor-designed, made in the USA.",
                  "$299 per month."],
                 PROMOTIONAL, {"shipped to your door", "doctor-designed", "made in the usa", "per month"},
                 id="mail-order-plan"),
    pytest.param(["Salon scalp treatments", "These serums have not been tested for hair loss.",
                  "If your hair is thinning, see a dermatologist."],
                 INFORMATIONAL, {"not been tested", "see a dermatologist"}, id="trichologist"),
    pytest.param(["Buying guide: peptide eye creams", "Prices run from $20 to $180 a jar.",
                  "Our testers used each cream for a month.", "None of them changed fine lines more than a plain moisturizer."],
                 INFORMATIONAL, {"buying guide", "our testers"}, id="buying-guide"),
    pytest.param(["Store your newborn's cells", "Plans start at $990, with a yearly storage fee.",
                  "Enroll today and the collection kit ships free."],
                 PROMOTIONAL, {"plans start at", "enroll today"}, id="storage-plan"),
    pytest.param(["Hair and Scalp Clinic", "Our clinic sees adults and children with every kind of hair loss.",
                  "We do not offer treatments that lack evidence.",
                  "Referrals are accepted from any provider. Call to schedule."],
                 INFORMATIONAL, {"referrals are accepted"}, id="hospital-clinic"),
]


@pytest.mark.parametrize("lines, voice, found", CUED_PAGES)
def test_an_alert_a_distributors_sheet_and_a_landing_page_speak_by_their_own_cues(cues, lines, voice, found):
    page = decide(lines, cues)
    assert page.voice == voice
    assert found <= set(dict(page.informational if voice == INFORMATIONAL else page.promotional))
    assert not page.doubtful


def test_a_care_teams_leaflet_names_the_patients_own_specialists(cues):
    """A hospital's leaflet says "we" and "us" as a seller does; the
    patient's own specialists, the ward and the helpline are its cues."""
    leaflet = ["Keloid scars: a guide from the skin clinic",
               "We will see you again in six weeks.",
               "Use the silicone gel as prescribed, and ask your dermatologist before any injection.",
               "Questions? Call the nurse helpline."]
    page = decide(leaflet, cues)
    assert page.voice == INFORMATIONAL
    assert {"as prescribed", "your dermatologist", "helpline"} <= set(dict(page.informational))


def test_a_sellers_voice_of_pronouns_only_is_doubtful(cues):
    """A page whose seller's cues are only "we", "our", "us" and "call us"
    (which a care team says too) is doubted as a page of no voice is; one with a
    seller's own cue ("book", a price) is not."""
    assert {"we", "our", "us", "call us"} <= cues.plain
    team = decide(["We will see you in six weeks.", "Call us with questions about our opening hours."], cues)
    assert team.voice == PROMOTIONAL and team.plain and team.doubtful
    seller = decide(["We will see you in six weeks.", "Book online today."], cues)
    assert seller.voice == PROMOTIONAL and not seller.plain and not seller.doubtful
    assert decide(["Knee pain is common."], cues).doubtful  # no voice


def test_a_care_teams_appointment_is_a_plain_cue(cues):
    """A doctor's reply says "we" and "your appointment", a surgeon's blog
    "why we use it", a handout "not offered in our clinic", as a seller does
    (thirtieth session): the page is a seller's only by plain cues, and
    doubted; "book an appointment" is still the seller's own cue."""
    reply = ["I'm happy to give you my view before your appointment.",
             "If you would like, we can look at your scars together."]
    page = decide(reply, cues)
    assert page.voice == PROMOTIONAL and dict(page.promotional) == {"we": 1, "appointment": 1}
    assert page.plain and page.doubtful
    booking = decide(reply + ["Book an appointment online."], cues)
    assert not booking.plain and not booking.doubtful
    surgeon = decide(["What is PRF, and why do we use it in surgery?", "We place the gel in the socket."], cues)
    assert "we use" in dict(surgeon.promotional) and surgeon.plain
    handout = decide(["PRP injections are not offered in our clinic.", "Bring this sheet to your next appointment."], cues)
    assert "our clinic" in dict(handout.promotional) and handout.plain


def test_a_rehab_sheet_names_the_patients_own_therapists(cues):
    """A therapy team's sheet: "your physio", "your podiatrist", an
    "information sheet" (twenty-ninth session)."""
    sheet = ["Plantar heel pain: information sheet",
             "We suggest these stretches twice a day.",
             "Your physio or your podiatrist can fit a heel cup if we think it will help."]
    page = decide(sheet, cues)
    assert page.voice == INFORMATIONAL
    assert {"information sheet", "your physio", "your podiatrist"} <= set(dict(page.informational))


def test_a_sponsored_post_in_the_first_person_is_promotional(cues):
    # no "we" or "our": the seller speaks through an affiliate's codes and commissions
    post = ["I tried the new exosome mist for a month.",
            "This post is sponsored by the brand and I earn a commission on every sale.",
            "Use my code SKIN10 for ten percent off your first order."]
    page = decide(post, cues)
    assert page.voice == PROMOTIONAL
    assert {"sponsored by", "earn a commission", "use my code", "percent off"} <= set(dict(page.promotional))
    assert decide(post[:1], cues).voice == UNKNOWN


def test_a_shops_page_with_its_fine_print_is_promotional(cues):
    # the supplement seller's statement names the FDA: informational cues that the shop's own words
    # and its fine print outweigh; its own "consumer study" is a seller's cue (thirty-second session)
    shop = ["Nova Exosome Cream",
            "Erases fine lines in two weeks.*",
            "Free shipping on every order.",
            "Jo K., verified buyer: my skin looks years younger.",
            "*In a consumer study of 20 women. These statements have not been evaluated by the Food and Drug "
            "Administration. This product is not intended to diagnose, treat, cure or prevent any disease."]
    page = decide(shop, cues)
    assert page.voice == PROMOTIONAL
    assert {"free shipping", "verified buyer", "these statements have not been evaluated",
            "not intended to diagnose"} <= set(dict(page.promotional))
    without_shop = decide(shop[:2] + shop[4:], cues)  # the fine print alone
    assert dict(without_shop.promotional) == {"these statements have not been evaluated": 1,
                                              "not intended to diagnose": 1, "consumer study": 1}


def test_a_retailers_bag_is_a_sellers_cue(cues):
    # a beauty retailer's product page: its fine print's "consumer ... study" is two informational cues
    product = ["Exosome Renewal Serum", "Clinically proven to reverse visible aging in 14 days*",
               "*In a consumer perception study of 30 women.", "Add to bag", "Add to basket"]
    page = decide(product, cues)
    assert {"add to bag", "add to basket"} <= set(dict(page.promotional))
    assert page.voice != INFORMATIONAL


def test_a_landing_pages_counters_and_form_are_a_sellers_voice(cues):
    landing = ["Walk Again Without Knee Pain", "Our stem cell therapy treats arthritis at its source.",
               "3,000+ Happy Patients", "97% Patient Satisfaction", "Are you a good candidate? Get a free evaluation."]
    page = decide(landing, cues)
    assert page.voice == PROMOTIONAL
    assert {"happy patients", "patient satisfaction", "good candidate", "free evaluation"} <= set(dict(page.promotional))


def test_a_flyers_intro_offer_is_a_sellers_voice(cues):
    """A flyer says "our" once and prices its offer without "price" or
    "we": the offer is the seller's cue that was missing."""
    flyer = ["Bone Builder IV", "Our IV delivers exosomes to your bones.", "Intro offer: $295 per IV."]
    page = decide(flyer, cues)
    assert page.voice == PROMOTIONAL and "intro offer" in dict(page.promotional)
    assert decide(flyer[:2] + ["$295 per IV."], cues).voice == UNKNOWN
    landing = ["Smoother skin, week by week", "Offer ends in 2 days", "Book your glow"]
    assert decide(landing, cues).voice == PROMOTIONAL and "offer ends" in dict(decide(landing, cues).promotional)


def test_a_deadline_and_a_held_spot_are_a_sellers_voice(cues):
    """A newsletter says "our" once and "said" in a quote: its offer's
    deadline and the spot it holds for the reader are the seller's cues
    (thirtieth session)."""
    email = ["Our shockwave sessions restore blood flow.", "\"My wife noticed before I said a word.\"",
             "This month only: 6 sessions for $2,400.", "Reply to lock in your spot."]
    page = decide(email, cues)
    assert page.voice == PROMOTIONAL
    assert {"this month only", "lock in your spot"} <= set(dict(page.promotional))
    assert decide(email[:2], cues).voice == UNKNOWN
    for held in ("hold your spot", "save your spot", "secure your spot", "claim your spot", "today only"):
        assert held in dict(decide([f"Text YES: {held}.", "We open at nine."], cues).promotional)


def test_a_vendors_orders_and_representatives_are_a_sellers_voice(cues):
    """A vendor's paper to practitioners cites studies ("et al") but sells:
    an order and a sales representative are a seller's cues; a court's "to
    order" is not."""
    paper = ["Our allograft supports tendon repair (Lee et al. 2021; Kim et al. 2022).",
             "To order, contact your regional representative."]
    page = decide(paper, cues)
    assert page.voice == PROMOTIONAL
    assert {"to order,", "regional representative"} <= set(dict(page.promotional))
    court = decide(["The agency asks the court to order the clinic to stop selling the product."], cues)
    assert "to order," not in dict(court.promotional)


def test_a_companys_own_press_release_is_a_sellers_voice(cues):
    """A press release quotes its executives ("said") and names the FDA, an
    informational reading; its newswire dateline, safe-harbour paragraph and
    press contact are the company's own voice."""
    release = ["PHOENIX, May 2, 2026 /PRNewswire/ -- Helix Tissue Inc. today announced a new cord allograft.",
               "Helix Tissue's allograft is listed with the FDA, said its chief executive.",
               "Forward-Looking Statements: this release contains forward-looking statements.",
               "Media contact: Sam Lee, Helix Tissue Inc."]
    page = decide(release, cues)
    assert page.voice == PROMOTIONAL
    assert {"prnewswire", "forward-looking statements", "media contact"} <= set(dict(page.promotional))
    story = ["Helix Tissue today announced a new cord allograft, according to a press release.",
             "Its claims are not supported by evidence, said a researcher who studies the products."]
    assert decide(story, cues).voice != PROMOTIONAL


def test_one_sentence_has_no_voice(cues):
    assert decide(["Our stem cells heal knees."], cues).voice == UNKNOWN
    assert decide([], cues) == decide([], cues)


def test_topic_is_the_most_named_product_when_the_title_names_none():
    cues = compile_cues(["we offer"], ["study"], {"prp": "prp", "exosome": "exosome", "exosomes": "exosome"})
    page = decide(["Welcome", "We offer PRP.", "Exosomes help. Exosome care.", "More exosomes."], cues)
    assert page.topic == "exosome"
    assert decide(["Welcome", "PRP and exosomes."], cues).topic == "prp"  # a tie: the first named


def test_voice_cues_are_whole_words(cues):
    assert decide(["Gourmet ours study"], cues).promotional == ()
    # nor the end of a hyphenated word: an "e-book" is no booking (thirty-third session)
    assert decide(["Download our free e-book about knees."], cues).promotional == (("our", 1),)
    assert dict(decide(["Book a visit, or pre-book online."], cues).promotional) == {"book": 1}


def test_pronouns_count_as_the_topic_product_on_a_sellers_page(linter):
    opening = "It rebuilds worn cartilage in arthritic knees.\n\n"
    later = "Our exosome therapy is offered at our clinic. Book a free consultation with our team.\n"
    found = linter.lint_text(opening + later, path="p.md")
    assert any(f.rule == "unapproved.disease-treatment" and f.line == 1 for f in found)
    # the same sentence on a page without a seller's voice: "it" is nobody's product yet
    neutral = linter.lint_text(opening + "Exosome therapy is offered in some places.\n", path="p.md")
    assert not any(f.rule == "unapproved.disease-treatment" and f.line == 1 for f in neutral)


def test_an_informational_page_owes_no_disclaimer_and_quotes_are_reported_speech(linter):
    page = REGULATOR + '\nOne ad quoted a patient: "my knee pain was gone after one shot".\n'
    found = linter.lint_text(page, path="p.md")
    assert not any(f.category == "missing-disclaimer" for f in found)
    assert not any(f.category == "testimonial" for f in found)
    # the same quote on a seller's page is a testimonial (testimonial rules flag quotes)
    sold = linter.lint_text(SELLER + '\n"My knee pain was gone after one shot."\n', path="p.md")
    assert any(f.category == "testimonial" for f in sold)


def test_show_context_prints_voice_topic_and_cues(tmp_path):
    (tmp_path / "seller.md").write_text(SELLER, encoding="utf-8")
    (tmp_path / "agency.md").write_text(REGULATOR, encoding="utf-8")
    result = CliRunner().invoke(main, ["--show-context", str(tmp_path / "seller.md"), str(tmp_path / "agency.md"),
                                       str(tmp_path / "missing.md")])
    assert result.exit_code == 2  # the missing file
    out = result.stdout
    assert f"{tmp_path / 'seller.md'}: voice promotional; topic exosome" in out
    assert "'our clinic'" in out and "'free consultation'" in out
    assert f"{tmp_path / 'agency.md'}: voice informational; topic exosome" in out
    assert "missing.md" in result.stderr


# -- lists announced as uses or benefits ------------------------------------------

LISTS = """# Regenerative Joint Care

Conditions we treat:

- Knee osteoarthritis
- Chronic low back pain
- Our team explains every option to you at your first visit, in plain words.

Our clinic is open on weekdays:

- Monday to Friday

Conditions we do not treat:

- Multiple sclerosis
"""


def test_items_under_a_heading_of_uses_are_listed_fragments_only(linter, cues):
    from claimcheck.readers import markdown

    blocks = markdown.read(LISTS, "p.md").blocks
    page = decide([b.text for b in blocks], cues, [b.kind for b in blocks])
    assert sorted(blocks[i].text for i in page.listed) == ["Chronic low back pain", "Knee osteoarthritis"]
    assert decide([b.text for b in blocks], cues).listed == frozenset()  # no kinds, no lists


def test_a_listed_condition_is_a_claim_except_on_an_informational_page(linter):
    found = [(f.rule, f.line) for f in linter.lint_text(LISTS, path="p.md")]
    assert ("unapproved.listed-use", 5) in found and ("unapproved.listed-use", 6) in found
    assert not any(rule == "unapproved.listed-use" and line > 6 for rule, line in found)
    quoted = REGULATOR + "\nClinics list what they say they treat:\n\n- Knee osteoarthritis\n- Chronic low back pain\n"
    assert not any(f.rule == "unapproved.listed-use" for f in linter.lint_text(quoted, path="p.md"))
    # the same lines as plain text, with bullets the reader turns into list items
    text = "Benefits\n\u2022 Knee osteoarthritis relief\n\u2022 Tissue regeneration (no surgery) -\n"
    found = [f for f in linter.lint_text(text, format="text") if f.rule == "unapproved.listed-use"]
    assert [(f.line, f.column, f.text) for f in found] == [
        (2, 3, "Knee osteoarthritis relief"), (3, 3, "Tissue regeneration (no surgery)")]


@pytest.mark.parametrize("heading", ["Conditions we commonly see", "Who we help", "Problems we address",
                                     "Symptoms our program addresses", "What our protocol can address",
                                     "What parents see", "What patients notice"])
def test_a_heading_in_the_sellers_first_person_lists_uses(linter, heading):
    # (Tested here, not as an example of unapproved.listed-use: the rules'
    # examples are also the scorer's training sentences.)
    page = f"Our cord cell clinic\n\n{heading}:\n\n- Rotator cuff tears\n- Plantar fasciitis\n"
    found = [f.line for f in linter.lint_text(page, path="p.md") if f.rule == "unapproved.listed-use"]
    assert found == [5, 6]
    assert not any(f.rule == "unapproved.listed-use"
                   for f in linter.lint_text(page.replace(f"{heading}:", "Our opening hours:"), path="p.md"))


def test_show_context_counts_the_listed_items(tmp_path):
    (tmp_path / "lists.md").write_text(LISTS, encoding="utf-8")
    result = CliRunner().invoke(main, ["--show-context", str(tmp_path / "lists.md")])
    assert "items of lists of uses or benefits: 2" in result.stdout, result.stdout


def test_group_labels_inside_a_list_of_uses_are_not_listed(linter):
    source = ("Therapeutic applications\n1. Neurological conditions\n\u2013 Stroke recovery\n"
              "\u2013 Parkinson's disease\n2. Joint disorders\n\u2013 Knee osteoarthritis\n")
    found = sorted((f.line, f.text) for f in linter.lint_text(source, format="text")
                   if f.rule == "unapproved.listed-use")
    assert found == [(3, "Stroke recovery"), (4, "Parkinson's disease"), (6, "Knee osteoarthritis")]
    loose = "## Benefits\n\n- Joint disorders\n\n  - Knee osteoarthritis\n\n- Back pain relief\n"
    found = sorted(f.line for f in linter.lint_text(loose, path="p.md") if f.rule == "unapproved.listed-use")
    assert found == [5, 7]


def test_one_informational_cue_more_than_promotional_ones_is_informational(cues):
    # a clinic's page written against a treatment: "we" and prices beside the evidence
    against = ["We see many of our patients asking about exosomes for thinning hair.",
               "The FDA has not approved them, and the evidence so far is weak.",
               "A study of such products found little benefit for the cost."]
    page = decide(against, cues)
    promo, info = sum(n for _, n in page.promotional), sum(n for _, n in page.informational)
    assert info == promo + 1 and promo >= 1
    assert page.voice == INFORMATIONAL
    # two cues more for the seller turn it promotional
    assert decide(against + ["Book a consultation with our team."], cues).voice == PROMOTIONAL


def test_methods_is_a_cue_only_as_an_abstracts_heading(cues):
    # A clinic's "newest methods of treatment" says nothing about who speaks.
    clinic = ["Our center applies the newest methods of cell therapy.", "Other methods of treatment are offered too."]
    assert dict(decide(clinic, cues).informational).get("methods") is None
    abstract = ["Methods: 40 patients were randomised to PRP or saline.", "Conclusions: no difference at one year."]
    assert {"methods:", "conclusions"} <= set(dict(decide(abstract, cues).informational))


SHEET = """# After your visit

- Avoid hot baths for two days.
- Keep the dressing on overnight.
- Wear a knee sleeve on long walks so the joint feels supported.
- Call our office with any questions.

Thank you for trusting our clinic.
"""

NOT_A_SHEET = """# Our knee clinic

Wear a knee sleeve on long walks so the joint feels supported.

Our clinic offers consultations for active adults.

We see patients on weekdays and Saturday mornings.

Book a visit with our team.
"""


def test_a_page_of_care_instructions_is_an_instruction_sheet(cues):
    sheet = decide(["After your visit", "- Avoid hot baths.", "1. Keep the dressing on.", "Thank you!"], cues)
    assert (sheet.instructions, sheet.sentences) == (3, 4) and sheet.instruction_sheet
    # counted in sentences: the same sheet as one paragraph is still one
    packed = decide(["After your visit. Avoid hot baths. Keep the dressing on. Thank you!"], cues)
    assert (packed.instructions, packed.sentences) == (3, 4) and packed.instruction_sheet
    # a curly apostrophe and list numbers inside a paragraph
    numbered = decide(["Don\u2019t soak it. 1. Keep it dry. 2. Avoid the sun. Our team is here."], cues)
    assert (numbered.instructions, numbered.sentences) == (3, 4) and numbered.instruction_sheet
    # a claim in the imperative is no instruction; two instructions among
    # many sentences make no sheet
    assert decide(["Stop living with knee pain.", "Walk pain-free again."], cues).instructions == 0
    page = decide(["Avoid surgery.", "Keep moving.", "Our clinic is new.", "We treat knees.", "We love sport.",
                   "Our team is here.", "Prices are fair.", "We are open daily.", "Parking is free."], cues)
    assert page.instructions == 2 and not page.instruction_sheet
    # "see a doctor" when something goes wrong is an instruction too
    tattoo = decide(["A new tattoo is a wound.", "Most heal in weeks.", "Wash it gently.", "Keep it moist.",
                     "See a doctor if it oozes pus."], cues)
    assert tattoo.instructions == 3 and tattoo.instruction_sheet


def test_a_lead_before_an_instruction_stays_on_its_line(cues):
    """Numbers alone on their lines (list numbers split from their items)
    start no sentence, and the lead before an instruction is read on its own
    line only: read on over the lines after it, each line's lead ran to the
    end of the page (time quadratic in the number of lines)."""
    lines = ["1", "2.", "- 3", "Avoid hot baths.", "Keep the dressing on.", "Call us if it bleeds.", "Rest."]
    sheet = decide(lines, cues)
    assert (sheet.instructions, sheet.sentences) == (4, 4)
    many = decide(["1"] * 5000 + lines[3:], cues)  # what a lead may be is bounded: the same counts
    assert (many.instructions, many.sentences) == (4, 4)


def test_on_an_instruction_sheet_the_scorer_does_not_report_instructions(linter):
    line = "Wear a knee sleeve on long walks so the joint feels supported."
    elsewhere = [f for f in linter.lint_text(NOT_A_SHEET, format="markdown") if f.rule.endswith(".likely-claim")]
    assert [f.line for f in elsewhere] == [3]  # the scorer reads it as a claim on a seller's page
    on_sheet = linter.lint_text(SHEET, format="markdown")
    assert line in SHEET and not [f for f in on_sheet if f.rule.endswith(".likely-claim")]
    # pack rules still read instructions
    claim = SHEET.replace("- Keep the dressing on overnight.", "- Avoid knee replacement: our stem cells regrow cartilage.")
    rules = {f.rule for f in linter.lint_text(claim, format="markdown")}
    assert {"superiority.versus-standard-care", "unapproved.disease-treatment"} <= rules


def test_show_context_counts_the_instructions(tmp_path):
    page = tmp_path / "aftercare.md"
    page.write_text(SHEET, encoding="utf-8")
    out = CliRunner().invoke(main, ["--show-context", str(page)]).output
    assert "sentences opening with an instruction: 5 of 6 (an instruction sheet)" in out


@pytest.mark.parametrize("country", [
    "Inventors: Priya Raman, Austin, TX (US); Dan Ode, Austin, TX (US)",
    "Most clinics in the US sell these injections without approval.",
    "US patients pay cash for these visits.",
    "Ships free in the US.\nUS Bioclinic, our partner, ships abroad.",
])
def test_us_as_the_country_is_not_the_sellers_us(cues, country):
    assert not [cue for cue, _ in decide([country], cues).promotional if "us" in cue.split()]


@pytest.mark.parametrize("pronoun", ["CALL US TODAY FOR A FREE VISIT", "TRUST US WITH YOUR KNEES",
                                     "Contact us for prices.", "Let us help."])
def test_us_in_capitals_among_capitals_is_still_the_pronoun(cues, pronoun):
    # "us" alone or in a longer cue ("call us", "contact us", "let us")
    assert [cue for cue, _ in decide([pronoun], cues).promotional if "us" in cue.split()]


def test_masking_the_country_keeps_the_topic_where_it_is(cues):
    # the mask keeps the page's length: the first block's product is still its topic
    assert decide(["PRP in the US (US) for knees", "Our exosome therapy."], cues).topic == "prp"


def test_a_research_proposal_in_the_first_person_plural_is_not_a_sellers_page(cues):
    aims = ["Our central hypothesis is that cord cells reduce inflammation after stroke in aged rats.",
            "We will test three doses, based on our preliminary data in mice.",
            "We expect the middle dose to improve grip strength in the animal model."]
    assert decide(aims, cues).voice != PROMOTIONAL


@pytest.mark.parametrize("page, found", [
    # a hospital's patient page: its costs and "our" against what the research found
    (["Most plans do not cover PRP. At our hospital one injection costs $700.",
      "For knee arthritis, results have been mixed, and PRP has not been shown to regrow cartilage.",
      "Some trials found less pain at six months.",
      "Talk with your surgeon about the other treatments you have tried."],
     {"results have been mixed", "has not been shown"}),
    # a radiologist's report of a knee after an injection elsewhere: its headings speak
    (["CLINICAL HISTORY: Knee pain. PRP injection at an outside clinic 3 months ago.",
      "TECHNIQUE: MRI of the right knee.",
      "IMPRESSION: Advanced medial osteoarthritis, unchanged. No cartilage regrowth is seen.",
      "Electronically signed by R. Lee, MD"],
     {"clinical history", "impression:", "electronically signed"}),
])
def test_what_the_evidence_has_not_shown_and_a_clinicians_record_are_informational(cues, page, found):
    decided = decide(page, cues)
    assert found <= set(dict(decided.informational))
    assert decided.voice == INFORMATIONAL


@pytest.mark.parametrize("heading", ["## Is PRP right for me?", "## Who can benefit?", "Who can benefit?",
                                     "## Are you a candidate?", "## Who qualifies?", "## Is it for me?",
                                     "## Who is it for?", "## Who it\u2019s for", "## Common conditions"])
def test_a_heading_that_asks_announces_a_list_of_uses(linter, heading):
    page = f"Our clinic offers PRP. Book now.\n\n{heading}\n\n- Knee osteoarthritis\n- Meniscus tears\n"
    found = [f.line for f in linter.lint_text(page, path="p.md") if f.rule == "unapproved.listed-use"]
    assert found == [5, 6]
    long_question = "## Have you ever wondered whether the pain in your knees could one day be right for me?"
    assert not any(f.rule == "unapproved.listed-use"
                   for f in linter.lint_text(page.replace(heading, long_question), path="p.md"))


@pytest.mark.parametrize("heading", ["## You may benefit if you have", "See if you qualify:",
                                     "## Find out whether you qualify"])
def test_a_heading_that_sets_a_condition_still_announces_its_list(linter, heading):
    # "if" and "whether" negate a claim in a sentence ("whether stem cells
    # help is unknown"), not the list under a heading.
    page = f"Our clinic offers PRP. Book now.\n\n{heading}\n\n- Knee osteoarthritis\n- Meniscus tears\n"
    found = [f.line for f in linter.lint_text(page, path="p.md") if f.rule == "unapproved.listed-use"]
    assert found == [5, 6]
    negated = page.replace(heading, "## Conditions we do not treat")
    assert not any(f.rule == "unapproved.listed-use" for f in linter.lint_text(negated, path="p.md"))


def test_show_context_says_when_the_scorer_doubts_the_page(tmp_path):
    """A page of no voice, or a seller's only by plain cues ("we", "call
    us"), is one whose unsure scorer findings may go: --show-context says so;
    a seller's page with its own cues ("book", a price) is not."""
    (tmp_path / "team.md").write_text("# Knee care\n\nWe will see you in six weeks. Call us with questions.\n",
                                      encoding="utf-8")
    (tmp_path / "seller.md").write_text("# Knee care\n\nBook online today. Packages from $900.\n", encoding="utf-8")
    out = CliRunner().invoke(main, ["--show-context", str(tmp_path / "team.md"), str(tmp_path / "seller.md")]).output
    team, seller = out.split(str(tmp_path / "seller.md"))
    assert "the claim scorer doubts this page" in team
    assert "the claim scorer doubts this page" not in seller
