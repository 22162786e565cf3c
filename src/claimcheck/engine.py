"""The engine: compiled rules + a document in, sorted findings out.

Compilation puts every literal term (vocabularies, rule terms, context cues)
into one ``PhraseMatcher`` and every token pattern into one ``Matcher``. Each
block is tokenized once; a sentence is looked at only if something matched in
it, and then each sentence-level rule's kind decides on that sentence.
Document-level rules run last, over what the sentences produced.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass

from claimcheck.errors import PackError
from claimcheck.findings import Finding, Hit, Level
from claimcheck.kinds import KINDS
from claimcheck.kinds.options import VOCABULARIES
from claimcheck.kinds.required import Summary
from claimcheck.model import Rule, RuleSet
from claimcheck.positions import LineTable
from claimcheck.readers.document import Document
from claimcheck.sentence import (
    ATTRIBUTION,
    BOUNDARY,
    RESEARCH,
    CONTEXT_LABELS,
    NEGATION,
    NEGATION_AFTER,
    PSEUDO_NEGATION,
    Sentence,
)
from claimcheck.vocabulary import forms


@dataclass(frozen=True)
class Compiled:
    ruleset: RuleSet
    nlp: object
    phrases: object  # spacy.matcher.PhraseMatcher
    tokens: object | None  # spacy.matcher.Matcher
    labels: Mapping[int, str]
    sentence_rules: tuple[Rule, ...]
    document_rules: tuple[Rule, ...]


def compile_rules(ruleset: RuleSet, nlp) -> Compiled:
    from spacy.matcher import Matcher, PhraseMatcher

    terms: dict[str, set[str]] = defaultdict(set)
    context = ruleset.context
    for label, cues in (
        (NEGATION, context.negation),
        (NEGATION_AFTER, context.negation_after),
        (PSEUDO_NEGATION, context.pseudo_negation),
        (ATTRIBUTION, context.attribution),
        (RESEARCH, context.research),
        (BOUNDARY, context.boundaries),
    ):
        for cue in cues:
            terms[label] |= forms(cue, "none")
    patterns: dict[str, list] = {}
    for rule in ruleset.rules:
        kind = KINDS[rule.kind]
        for option in kind.OPTIONS:
            if option.type == VOCABULARIES:
                for name in rule.options.get(option.name, ()):
                    vocab = ruleset.vocabularies[name]
                    for term in vocab.terms:
                        terms[name] |= forms(term, vocab.inflect)
        needs = kind.needs(rule)
        for label, (words, inflect) in needs.terms.items():
            for word in words:
                terms[label] |= forms(word, inflect)
        patterns.update({label: (rule, value) for label, value in needs.patterns.items()})

    phrases = PhraseMatcher(nlp.vocab, attr="LOWER")
    labels: dict[int, str] = {}
    for label in sorted(terms):
        phrases.add(label, list(nlp.tokenizer.pipe(sorted(terms[label]))))
        labels[nlp.vocab.strings[label]] = label
    tokens = None
    if patterns:
        tokens = Matcher(nlp.vocab, validate=True)
        for label, (rule, value) in patterns.items():
            try:
                tokens.add(label, [list(p) for p in value])
            except Exception as error:  # spaCy raises MatchPatternError, ValueError
                raise _pattern_error(rule, error) from None
            labels[nlp.vocab.strings[label]] = label
    by_scope = defaultdict(list)
    for rule in ruleset.rules:
        by_scope[KINDS[rule.kind].SCOPE].append(rule)
    return Compiled(
        ruleset, nlp, phrases, tokens, labels,
        tuple(by_scope["sentence"]), tuple(by_scope["document"]),
    )


def _pattern_error(rule: Rule, error: Exception) -> PackError:
    from pathlib import Path

    from claimcheck.loader import _line_of

    text = Path(rule.source).read_text(encoding="utf-8")
    detail = " ".join(str(error).split())
    return PackError(rule.source, f"invalid spaCy token pattern: {detail}",
                     line=_line_of(text, ("options", "patterns")), key="options.patterns")


def lint_document(document: Document, compiled: Compiled) -> tuple[Finding, ...]:
    """Lint one document. Pure: the same inputs give the same findings."""
    hits: list[Hit] = []
    first_terms: dict[str, tuple[int, int, int]] = {}
    seen: set[str] = set()
    texts = [block.text for block in document.blocks]
    for index, doc in enumerate(compiled.nlp.pipe(texts)):
        for sentence in _sentences(index, doc, compiled, first_terms, seen):
            for rule in compiled.sentence_rules:
                hits.extend(KINDS[rule.kind].check(rule, sentence))
    if compiled.document_rules:
        rules = {rule.id: rule for rule in compiled.ruleset.rules}
        ordered = sorted(hits, key=lambda h: (h.block, h.start))
        summary = Summary(tuple((h, rules[h.rule_id].category) for h in ordered), first_terms, tuple(texts))
        for rule in compiled.document_rules:
            hits.extend(KINDS[rule.kind].check_document(rule, summary))
    return _findings(document, hits, compiled.ruleset)


def _sentences(index: int, doc, compiled: Compiled, first_terms: dict, seen: set):
    matches = list(compiled.phrases(doc))
    if compiled.tokens is not None:
        matches += compiled.tokens(doc)
    if not any(compiled.labels[m[0]] not in CONTEXT_LABELS for m in matches):
        return
    sents = [(s.start, s.end) for s in doc.sents]
    starts = [s for s, _ in sents]
    grouped: dict[int, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    for match_id, start, end in sorted(matches, key=lambda m: (m[1], m[2])):
        label = compiled.labels[match_id]
        grouped[bisect.bisect_right(starts, start) - 1][label].append((start, end))
        if label not in first_terms:
            first_terms[label] = (index, doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text))
    for number in sorted(grouped):
        terms = grouped[number]
        if all(label in CONTEXT_LABELS for label in terms):
            continue
        start, end = sents[number]
        yield Sentence(index, doc, start, end, {k: tuple(v) for k, v in terms.items()}, frozenset(seen))
        seen.update(terms)


def _findings(document: Document, hits: list[Hit], ruleset: RuleSet) -> tuple[Finding, ...]:
    rules = {rule.id: rule for rule in ruleset.rules}
    table = LineTable.of(document.source)
    found = {}
    for hit in hits:
        rule = rules[hit.rule_id]
        block = document.blocks[hit.block]
        start, end = block.source_span(hit.start, hit.end)
        line, column = table.position(start)
        end_line, end_column = table.position(end)
        finding = Finding(
            path=document.path,
            line=line,
            column=column,
            end_line=end_line,
            end_column=end_column,
            offset=start,
            end_offset=end,
            rule=rule.id,
            category=rule.category,
            level=Level.INFO if hit.downgraded else rule.level,
            message=rule.render(block.text[hit.start:hit.end]),
            text=document.source[start:end],
            suggestion=rule.suggestion,
        )
        found[(finding.rule, start, end)] = finding
    return tuple(sorted(_drop_nested(found.values()), key=lambda f: f.sort_key))


def _drop_nested(findings) -> list[Finding]:
    """Of overlapping findings of one category, keep the most severe, then the
    longest ("completely safe" rather than also "safe")."""
    kept: list[Finding] = []
    for finding in sorted(findings, key=lambda f: (-f.level, f.offset - f.end_offset, f.offset)):
        if not any(
            k.category == finding.category and k.offset < finding.end_offset and finding.offset < k.end_offset
            for k in kept
        ):
            kept.append(finding)
    return kept
