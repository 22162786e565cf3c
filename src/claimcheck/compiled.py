"""Compilation: rule packs + a spaCy vocabulary in, a :class:`Compiled` out.

Every literal term (vocabularies, rule terms, context cues) goes into one
``PhraseMatcher``, each token-pattern rule into a ``Matcher`` of its own
behind its own gate; rules are
indexed by the labels that trigger them; the page cues, the open-class
conditions and (when a scorer rule is on) the claim scorer are prepared for
the engine (:mod:`claimcheck.engine`), which runs all of it on documents.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from claimcheck.errors import PackError
from claimcheck.kinds import KINDS
from claimcheck.ruleset import Rule, RuleSet
from claimcheck.nlp import Tokenizer
from claimcheck.page import PageCues, compile_cues
from claimcheck.prefilter import Gate, gate, term_forms
from claimcheck.scorer.features import TOPIC_VOCABULARY, Conditions
from claimcheck.scorer.names import Names
from claimcheck.sentence import (
    ATTRIBUTION,
    BOUNDARY,
    CITATION,
    RELATIVE,
    NEGATION,
    NEGATION_AFTER,
    PSEUDO_NEGATION,
    RESEARCH,
)
from claimcheck.vocabulary import forms

if TYPE_CHECKING:  # spaCy is imported only when a page needs it
    from spacy.matcher import Matcher, PhraseMatcher
    from spacy.tokenizer import Tokenizer as SpacyTokenizer

    from claimcheck.scorer.classifier import Classifier
    from claimcheck.userregex import Pattern

_SIMPLE_FORM = re.compile(r"[a-z]+|[0-9]+")


@dataclass(frozen=True)
class Compiled:
    ruleset: RuleSet
    tokenizer: SpacyTokenizer  # whose vocabulary the matchers were built with
    tokenize: Tokenizer  # text -> Doc, with a bounded vocabulary
    phrases: PhraseMatcher
    tokens: Mapping[str, Matcher]  # a token-pattern rule's label -> its Matcher
    labels: Mapping[int, str]
    triggers: frozenset[int]  # match ids that make a sentence worth checking
    pattern_gate: Gate  # which token-pattern rules can a block match?
    rules_by_trigger: Mapping[str, tuple[Rule, ...]]
    punct_chars: frozenset[str]
    sentence_rules: tuple[Rule, ...]
    document_rules: tuple[Rule, ...]
    scorer_rules: Mapping[str, Rule]  # category -> the active scorer rule of that category
    scored_ids: frozenset[int]  # match ids that make a sentence worth scoring
    page_cues: PageCues
    conditions: Conditions
    names: Names
    classifier: Classifier | None  # when scorer rules are active
    # Any accepted disclaimer form of the active required rules (RE2), or None:
    # a sentence holding one is a disclaimer, which the scorer never reports.
    disclaimer: Pattern | None = None
    category_of: Mapping[str, str] = field(default_factory=dict)  # rule id -> its category
    # labels of the vocabularies the scorer does not read as words
    # (``feature: false``): they only make a sentence worth scoring
    unfeatured: frozenset[str] = frozenset()


def compile_rules(ruleset: RuleSet, tokenizer, model=None) -> Compiled:
    """Compile ``ruleset`` for the vocabulary of ``tokenizer`` (spaCy's, from
    :func:`claimcheck.nlp.make_tokenizer`); ``model`` is the claim scorer's
    model folder (default: the one shipped in the package)."""
    from spacy.matcher import Matcher, PhraseMatcher
    from spacy.pipeline import Sentencizer

    terms: dict[str, set[str]] = defaultdict(set)
    context = ruleset.context
    for label, cues in (
        (NEGATION, context.negation),
        (NEGATION_AFTER, context.negation_after),
        (PSEUDO_NEGATION, context.pseudo_negation),
        (ATTRIBUTION, context.attribution + context.citations),
        (CITATION, context.citations),
        (RESEARCH, context.research),
        (BOUNDARY, context.boundaries),
        (RELATIVE, context.relative_clauses),
    ):
        for cue in cues:
            terms[label] |= forms(cue, "none")
    for label, found in term_forms(ruleset).items():
        terms[label] |= found
    patterns: dict[str, tuple] = {}
    for rule in ruleset.rules:
        patterns.update({label: (rule, value) for label, value in KINDS[rule.kind].needs(rule).patterns.items()})

    phrases = PhraseMatcher(tokenizer.vocab, attr="LOWER")
    labels: dict[int, str] = {}
    keys = phrase_keys(tokenizer, sorted({form for found in terms.values() for form in found}))
    for label in sorted(terms):
        phrases.add(label, [keys[form] for form in sorted(terms[label])])
        labels[tokenizer.vocab.strings[label]] = label
    tokens = {}
    for label, (rule, value) in patterns.items():
        tokens[label] = Matcher(tokenizer.vocab, validate=True)
        try:
            tokens[label].add(label, [list(p) for p in value])
        except Exception as error:  # spaCy raises MatchPatternError, ValueError
            raise _pattern_error(rule, error) from None
        labels[tokenizer.vocab.strings[label]] = label
    by_scope = defaultdict(list)
    for rule in ruleset.rules:
        by_scope[KINDS[rule.kind].SCOPE].append(rule)
    by_trigger: dict[str, list[Rule]] = defaultdict(list)
    for rule in by_scope["sentence"]:
        for label in KINDS[rule.kind].needs(rule).triggers:
            by_trigger[label].append(rule)
    scorer_rules = {rule.category: rule for rule in by_scope["scorer"]}
    classifier = None
    if scorer_rules:
        from claimcheck.scorer.classifier import Classifier

        classifier = Classifier(model) if model is not None else Classifier()
    return Compiled(
        ruleset, tokenizer, Tokenizer(tokenizer), phrases, tokens, labels,
        frozenset(tokenizer.vocab.strings[label] for label in by_trigger if label in terms or label in patterns),
        gate({label: KINDS[rule.kind].requires(rule) for label, (rule, _) in patterns.items()}),
        {label: tuple(rules) for label, rules in by_trigger.items()},
        frozenset(Sentencizer.default_punct_chars),
        tuple(by_scope["sentence"]), tuple(by_scope["document"]),
        scorer_rules,
        # Literal terms only (as the prefilter sees them): a token pattern alone
        # does not make a sentence worth scoring.
        frozenset(tokenizer.vocab.strings[label] for label in terms if not label.startswith("context:")),
        page_cues(ruleset),
        Conditions.of(context.condition_suffixes, context.condition_heads, context.short_forms),
        Names.of(context.name_heads),
        classifier,
        disclaimer_pattern(by_scope["document"]) if classifier is not None else None,
        {rule.id: rule.category for rule in ruleset.rules},
        frozenset(name for name, vocabulary in ruleset.vocabularies.items() if not vocabulary.feature),
    )


def disclaimer_pattern(rules) -> Pattern | None:
    """One RE2 pattern matching any disclaimer form of ``rules`` (a required
    rule's ``disclaimers`` option, with the configuration's extra forms), or
    None. No labeled sentence that holds one is a claim (of 42 in
    ../shared/eval and our own sets), and the labelling guideline counts
    disclaimers as ``ok``."""
    from claimcheck.userregex import compile_pattern

    found = sorted({form for rule in rules for form in rule.options.get("disclaimers", ())})
    return compile_pattern("|".join(f"(?:{form})" for form in found)) if found else None


def page_cues(ruleset: RuleSet) -> PageCues:
    """The page's voice cues and product names, compiled (no spaCy needed)."""
    topic = ruleset.vocabularies.get(TOPIC_VOCABULARY)
    products = {f: t.lower() for t in (topic.terms if topic else ()) for f in forms(t, topic.inflect)}
    return compile_cues(ruleset.context.promotional, ruleset.context.informational, products,
                        ruleset.context.list_headings, ruleset.context.negation, ruleset.context.instructions,
                        ruleset.context.plain_promotional)


def phrase_keys(tokenizer, forms_: list[str]) -> dict[str, tuple[int, ...]]:
    """Each term form as the PhraseMatcher sees a pattern: the hashes of its
    tokens' lower-case forms (``LOWER``), which ``PhraseMatcher.add`` takes in
    place of a Doc. Plain words ("stem cells") get their string ids directly, which is
    the tokenizer's result for them; a form with punctuation, digits mixed
    with letters, or a tokenizer special case ("cannot") is tokenized. The
    result is kept in the cache beside the packs' (keyed by the forms,
    spaCy's version and claimcheck's code), so a warm start builds no Doc."""
    import spacy

    from claimcheck import cache

    return cache.memo("phrases", [spacy.__version__, *forms_], lambda: _phrase_keys(tokenizer, forms_))


def _phrase_keys(tokenizer, forms_: list[str]) -> dict[str, tuple[int, ...]]:
    from spacy.attrs import LOWER
    from spacy.strings import get_string_id

    special = tokenizer.rules
    keys = {}
    for form in forms_:
        words = form.split(" ")
        if all(_SIMPLE_FORM.fullmatch(w) and w not in special for w in words):
            keys[form] = tuple(get_string_id(w) for w in words)
        else:
            keys[form] = tuple(int(k) for k in tokenizer(form).to_array([LOWER]).ravel())
    return keys


def validate_patterns(ruleset) -> None:
    """Raise a PackError (file, line, key) for the first invalid spaCy token
    pattern. Run when packs are loaded, so a bad pattern stops every run,
    whatever the input; the pack cache keeps only packs that passed."""
    rules = [rule for rule in ruleset.rules if "patterns" in rule.options]
    if not rules:
        return
    from spacy.matcher import Matcher
    from spacy.vocab import Vocab

    matcher = Matcher(Vocab(), validate=True)
    for rule in rules:
        try:
            matcher.add(rule.id, [list(p) for p in rule.options["patterns"]])
        except Exception as error:  # spaCy raises MatchPatternError, ValueError
            raise _pattern_error(rule, error) from None


def _pattern_error(rule: Rule, error: Exception) -> PackError:
    from pathlib import Path

    from claimcheck.loader import line_of

    text = Path(rule.source).read_text(encoding="utf-8")
    detail = " ".join(str(error).split())
    return PackError(rule.source, f"invalid spaCy token pattern: {detail}",
                     line=line_of(text, ("options", "patterns")), key="options.patterns")
