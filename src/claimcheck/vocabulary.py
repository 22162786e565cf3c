"""Expand vocabulary terms into the surface forms that are matched.

Matching is case-insensitive (spaCy ``LOWER``), so only inflection and
spelling variants are generated here: plurals for nouns (last word), -s/-ed/
-ing forms for verbs (first word), hyphen/space variants of compounds,
contractions without their apostrophe ("doesnt"), "F.D.A." for "FDA", and
British spellings of American ones ("leukaemia", "oedema", "tumour",
"revitalise": the packs and ICD-10-CM are written in American English,
and sellers in Britain, Australia, India or the Gulf write British).
Over-generation is harmless: a form that is not a word never matches (the
British rules only rewrite fragments whose rewriting is no other English
word: "academic" becomes "acadaemic", which nobody writes).
"""

from __future__ import annotations

import re

_VOWELS = set("aeiou")
# American -> British spelling, by fragment (applied to every fragment of a
# form, in this order; a fragment already British is left: "anaesthetic"
# holds "esthetic" once "anesthe" is rewritten).
_BRITISH = (
    ("anesthe", "anaesthe"), ("esthetic", "aesthetic"), ("edema", "oedema"), ("esophag", "oesophag"),
    ("estrogen", "oestrogen"), ("fetal", "foetal"), ("fetus", "foetus"), ("diarrhea", "diarrhoea"),
    ("celiac", "coeliac"), ("pediatric", "paediatric"), ("orthopedic", "orthopaedic"), ("gynecolog", "gynaecolog"),
    ("apnea", "apnoea"), ("dyspnea", "dyspnoea"), ("cesarean", "caesarean"), ("ameb", "amoeb"),
    ("hemo", "haemo"), ("hema", "haema"), ("emia", "aemia"), ("emic", "aemic"),
    ("tumor", "tumour"), ("behavior", "behaviour"), ("fiber", "fibre"), ("center", "centre"),
)
# -ize and -yze after four letters or more ("revitalize", "paralyze"; not
# "size" or "prize", whose -ise forms are other words).
_IZE = re.compile(r"(?<=[a-z]{4})([iy])z(?=e|ing|ation)")
# Abbreviations some copy writes with dots ("approved by the F.D.A.", a
# newspaper's style): each dotted form is one token (claimcheck.nlp makes the
# lower-case one so too), matched wherever the plain one is.
DOTTED = {"fda": "f.d.a."}
_DOTTED_WORD = re.compile(r"\b(" + "|".join(DOTTED) + r")\b")


def forms(term: str, inflect: str, spellings: bool = True) -> set[str]:
    """``term``'s forms; with ``spellings``, also its compounds spelled with
    hyphens for spaces and spaces for hyphens."""
    term = " ".join(term.lower().replace("\u2019", "'").split())
    words = term.split(" ")
    found = {term}
    if inflect == "noun":
        found |= {" ".join([*words[:-1], plural]) for plural in noun_forms(words[-1])}
    elif inflect == "verb":
        found |= {" ".join([verb, *words[1:]]) for verb in verb_forms(words[0])}
    found |= {british(form) for form in found}
    if _DOTTED_WORD.search(term):
        found |= {_DOTTED_WORD.sub(lambda m: DOTTED[m.group(1)], form) for form in found}
    if "n't" in term:
        # Informal copy drops the apostrophe ("dont", "cant", "doesnt"), and
        # spaCy splits those the same way ("do" + "nt"): the cue is then "nt".
        found |= {form.replace("n't", "nt") for form in found}
    if not spellings:
        return found
    spelled = set()
    for form in found:
        if "-" in form:
            spelled.add(form.replace("-", " "))
        if " " in form:
            spelled.add(form.replace(" ", "-"))
    return found | spelled


def british(form: str) -> str:
    """``form`` in British spelling (itself when nothing changes)."""
    for american, british_form in _BRITISH:
        if american in form and british_form not in form:
            form = form.replace(american, british_form)
    return _IZE.sub(r"\1s", form) if "z" in form else form


# Endings of nouns used without a plural (arthritis, fibrosis, anemia,
# albinism, stiffness): "arthritises" is never written.
_UNCOUNTED = ("itis", "sis", "emia", "uria", "ism", "ness")


def noun_forms(word: str) -> set[str]:
    if not word[-1:].isalpha() or word.endswith(_UNCOUNTED):
        return {word}
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return {word, word + "es"}
    if word.endswith("y") and word[-2:-1] not in _VOWELS:
        return {word, word[:-1] + "ies"}
    return {word, word + "s"}


# Irregular past forms of the verbs the packs use ("rebuilt", "regrew",
# "felt better", "went back to golf", "got my life back"), also after a
# prefix ("re", "over", "un"...: "overcame", "undid"). The regular rule's
# forms ("rebuilded") are kept: a form that is not a word never matches.
_IRREGULAR = {
    "beat": ("beaten",), "bring": ("brought",), "build": ("built",), "come": ("came",), "do": ("did", "done"),
    "feel": ("felt",), "fight": ("fought",), "get": ("got", "gotten"), "give": ("gave", "given"),
    "go": ("went", "gone"), "grow": ("grew", "grown"), "keep": ("kept",), "lose": ("lost",), "make": ("made",),
    "run": ("ran",), "say": ("said",), "sleep": ("slept",), "stand": ("stood",), "take": ("took", "taken"),
    "wake": ("woke", "woken"), "win": ("won",),
}
_PREFIXES = ("", "re", "over", "under", "out", "up", "un", "with", "for", "be")


def verb_forms(word: str) -> set[str]:
    if not word[-1:].isalpha():
        return {word}
    result = {word} | noun_forms(word)  # third person -s equals the plural rule
    for prefix in _PREFIXES:
        if word.startswith(prefix) and word[len(prefix):] in _IRREGULAR:
            result |= {prefix + past for past in _IRREGULAR[word[len(prefix):]]}
    if word.endswith("e"):
        result |= {word + "d", word[:-1] + "ing"}
    elif word.endswith("y") and word[-2:-1] not in _VOWELS:
        result |= {word[:-1] + "ied", word + "ing"}
    else:
        result |= {word + "ed", word + "ing"}
        if _ends_cvc(word):
            result |= {word + word[-1] + "ed", word + word[-1] + "ing"}
    return result


def _ends_cvc(word: str) -> bool:
    return (
        len(word) >= 3
        and word[-1] not in _VOWELS | set("wxy")
        and word[-2] in _VOWELS
        and word[-3] not in _VOWELS
    )
