"""The engine: compiled rules + a document in, sorted findings out.

Compilation puts every literal term (vocabularies, rule terms, context cues)
into one ``PhraseMatcher`` and every token pattern into one ``Matcher``. Each
block is tokenized once; a sentence is looked at only if something matched in
it, and then each sentence-level rule's kind decides on that sentence.
Document-level rules run last, over what the sentences produced.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass

from claimcheck.errors import PackError
from claimcheck.findings import Finding, Hit, Level
from claimcheck.kinds import KINDS
from claimcheck.kinds.required import Summary
from claimcheck.model import Rule, RuleSet
from claimcheck.positions import LineTable
from claimcheck.readers.document import MAX_BLOCK_CHARS, Document
from claimcheck.sentence import (
    ATTRIBUTION,
    BOUNDARY,
    RESEARCH,
    NEGATION,
    NEGATION_AFTER,
    PSEUDO_NEGATION,
    Sentence,
    Tokens,
)
from claimcheck.nlp import Tokenizer
from claimcheck.prefilter import gate, term_forms
from claimcheck.vocabulary import forms


_SIMPLE_FORM = re.compile(r"[a-z]+|[0-9]+")


@dataclass(frozen=True)
class Compiled:
    ruleset: RuleSet
    nlp: object  # the pipeline whose vocabulary the matchers were built with
    tokenize: object  # claimcheck.nlp.Tokenizer: text -> Doc, with a bounded vocabulary
    phrases: object  # spacy.matcher.PhraseMatcher
    tokens: object | None  # spacy.matcher.Matcher
    labels: Mapping[int, str]
    triggers: frozenset[int]  # match ids that make a sentence worth checking
    pattern_gate: object  # claimcheck.prefilter.Gate: can a block match any token pattern?
    rules_by_trigger: Mapping[str, tuple[Rule, ...]]
    punct_chars: frozenset[str]
    sentence_rules: tuple[Rule, ...]
    document_rules: tuple[Rule, ...]


def compile_rules(ruleset: RuleSet, nlp) -> Compiled:
    from spacy.matcher import Matcher, PhraseMatcher
    from spacy.pipeline import Sentencizer

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
    for label, found in term_forms(ruleset).items():
        terms[label] |= found
    patterns: dict[str, tuple] = {}
    for rule in ruleset.rules:
        patterns.update({label: (rule, value) for label, value in KINDS[rule.kind].needs(rule).patterns.items()})

    phrases = PhraseMatcher(nlp.vocab, attr="LOWER")
    labels: dict[int, str] = {}
    for label in sorted(terms):
        phrases.add(label, term_docs(nlp, sorted(terms[label])))
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
    by_trigger: dict[str, list[Rule]] = defaultdict(list)
    for rule in by_scope["sentence"]:
        for label in KINDS[rule.kind].needs(rule).triggers:
            by_trigger[label].append(rule)
    return Compiled(
        ruleset, nlp, Tokenizer(nlp), phrases, tokens, labels,
        frozenset(nlp.vocab.strings[label] for label in by_trigger if label in terms or label in patterns),
        gate(KINDS["pattern"].requires(rule) for rule, _ in patterns.values()),
        {label: tuple(rules) for label, rules in by_trigger.items()},
        frozenset(Sentencizer.default_punct_chars),
        tuple(by_scope["sentence"]), tuple(by_scope["document"]),
    )


def term_docs(nlp, forms_: list[str]) -> list:
    """Docs for the PhraseMatcher. Plain words ("stem cells") are built
    directly, which is the tokenizer's result for them and much faster; any
    form with punctuation, digits mixed with letters, or a tokenizer special
    case ("cannot") goes through the tokenizer."""
    from spacy.tokens import Doc

    special = nlp.tokenizer.rules
    docs = []
    for form in forms_:
        words = form.split(" ")
        if all(_SIMPLE_FORM.fullmatch(w) and w not in special for w in words):
            docs.append(Doc(nlp.vocab, words=words))
        else:
            docs.append(nlp.make_doc(form))
    return docs


def _pattern_error(rule: Rule, error: Exception) -> PackError:
    from pathlib import Path

    from claimcheck.loader import line_of

    text = Path(rule.source).read_text(encoding="utf-8")
    detail = " ".join(str(error).split())
    return PackError(rule.source, f"invalid spaCy token pattern: {detail}",
                     line=line_of(text, ("options", "patterns")), key="options.patterns")


# Blocks are tokenized together, joined by newlines, in groups of about this
# many characters: one spaCy call per group instead of one per block (each call
# has a fixed cost), while a Doc stays small.
GROUP_CHARS = 100_000


def lint_document(document: Document, compiled: Compiled) -> tuple[Finding, ...]:
    """Lint one document. Pure: the same inputs give the same findings."""
    hits: list[Hit] = []
    first_terms: dict[str, tuple[int, int, int]] = {}
    seen: set[str] = set()
    blocks = [piece for block in document.blocks for piece in block.pieces(MAX_BLOCK_CHARS)]
    order = {rule.id: n for n, rule in enumerate(compiled.sentence_rules)}
    texts = [block.text for block in blocks]
    for index, block_rows, matches in _matched_blocks(texts, compiled):
        for sentence in _sentences(index, block_rows, matches, compiled, first_terms, seen):
            candidates = {r.id: r for label in sentence.terms for r in compiled.rules_by_trigger.get(label, ())}
            for rule in sorted(candidates.values(), key=lambda r: order[r.id]):
                hits.extend(KINDS[rule.kind].check(rule, sentence))
    if compiled.document_rules:
        rules = {rule.id: rule for rule in compiled.ruleset.rules}
        ordered = sorted(hits, key=lambda h: (h.block, h.start))
        summary = Summary(tuple((h, rules[h.rule_id].category) for h in ordered), first_terms, tuple(texts))
        for rule in compiled.document_rules:
            hits.extend(KINDS[rule.kind].check_document(rule, summary))
    return _findings(document.source, document.path, blocks, hits, compiled.ruleset)


def _groups(texts: list[str], size: int):
    """Consecutive ranges ``[first, last)`` of blocks of about ``size`` characters."""
    first, length = 0, 0
    for index, text in enumerate(texts):
        if length and length + len(text) > size:
            yield first, index
            first, length = index, 0
        length += len(text) + 1
    if first < len(texts):
        yield first, len(texts)


def _matched_blocks(texts: list[str], compiled: Compiled):
    """Each block with matches, in order: ``(index, (rows, base, text),
    matches)`` with token indices into the block. A group of blocks is tokenized as one Doc
    (newlines between blocks keep every token the same as alone)."""
    from spacy.attrs import IDX, LENGTH, SPACY

    for first, last in _groups(texts, GROUP_CHARS):
        doc = compiled.tokenize("\n".join(texts[first:last]))
        rows = doc.to_array([IDX, LENGTH, SPACY])
        bases, base = [], 0
        for index in range(first, last):
            bases.append(base)
            base += len(texts[index]) + 1
        token_starts = rows[:, 0].searchsorted(bases).tolist() + [len(doc)]
        by_block: dict[int, list] = defaultdict(list)
        for match in compiled.phrases(doc):
            by_block[bisect.bisect_right(token_starts, match[1]) - 1].append(match)
        for offset, index in enumerate(range(first, last)):
            text = texts[index]
            start = token_starts[offset]
            end = start + int(rows[start:token_starts[offset + 1], 0].searchsorted(bases[offset] + len(text)))
            matches = [(m, s - start, e - start) for m, s, e in by_block.get(offset, ())]
            if compiled.tokens is not None and compiled.pattern_gate(text):
                matches += compiled.tokens(doc[start:end])
            if matches:
                yield index, (rows[start:end], bases[offset], text), matches


def _sentences(index: int, block_rows: tuple, matches: list, compiled: Compiled, first_terms: dict, seen: set):
    """The sentences of a block that hold a trigger, with their terms.
    ``block_rows`` are the block's spaCy token rows (IDX, LENGTH, SPACY), the
    character where the block starts in the tokenized text, and its text."""
    labels = compiled.labels
    ids = {match_id for match_id, _, _ in matches}
    rows, base, text = block_rows
    if any(labels[i] not in first_terms for i in ids):
        for match_id, start, end in matches:
            label = labels[match_id]
            if label not in first_terms:
                first_terms[label] = (index, int(rows[start, 0]) - base, int(rows[end - 1, 0] + rows[end - 1, 1]) - base)
    if compiled.triggers.isdisjoint(ids):
        seen.update(labels[i] for i in ids)
        return
    tokens = Tokens.of_rows(rows, base, text)
    sents = tokens.sentences(compiled.punct_chars)
    starts = [s for s, _ in sents]
    grouped: dict[int, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    triggered: set[int] = set()
    triggers = compiled.triggers
    for match_id, start, end in sorted(matches, key=_match_order):
        number = bisect.bisect_right(starts, start) - 1
        grouped[number][labels[match_id]].append((start, end))
        if match_id in triggers:
            triggered.add(number)
    for number in sorted(grouped):
        terms = grouped[number]
        if number in triggered:
            start, end = sents[number]
            yield Sentence(index, tokens, start, end, {k: tuple(v) for k, v in terms.items()}, frozenset(seen))
        seen.update(terms)


def _match_order(match: tuple[int, int, int]) -> tuple[int, int]:
    return match[1], match[2]


def _findings(source: str, path: str, blocks, hits: list[Hit], ruleset: RuleSet) -> tuple[Finding, ...]:
    if not hits:
        return ()
    rules = {rule.id: rule for rule in ruleset.rules}
    table = LineTable.of(source)
    found = {}
    for hit in hits:
        rule = rules[hit.rule_id]
        block = blocks[hit.block]
        start, end = block.source_span(hit.start, hit.end)
        line, column = table.position(start)
        end_line, end_column = table.position(end)
        finding = Finding(
            path=path,
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
            text=source[start:end],
            suggestion=rule.suggestion,
        )
        found[(finding.rule, start, end)] = finding
    return tuple(sorted(_drop_nested(found.values()), key=lambda f: f.sort_key))


def _drop_nested(findings) -> list[Finding]:
    """Of overlapping findings of one category, keep the most severe, then the
    longest ("completely safe" rather than also "safe")."""
    kept: list[Finding] = []
    by_category: dict[str, list[Finding]] = defaultdict(list)
    for finding in findings:
        by_category[finding.category].append(finding)
    for group in by_category.values():
        # Overlaps are local: walk clusters of overlapping findings in order.
        group.sort(key=lambda f: f.offset)
        cluster: list[Finding] = []
        cluster_end = -1
        for finding in group + [None]:
            if finding is None or finding.offset >= cluster_end:
                kept.extend(_best_of(cluster))
                cluster, cluster_end = [], -1
                if finding is None:
                    break
            cluster.append(finding)
            cluster_end = max(cluster_end, finding.end_offset)
    return kept


def _best_of(cluster: list[Finding]) -> list[Finding]:
    chosen: list[Finding] = []
    for finding in sorted(cluster, key=lambda f: (-f.level, f.offset - f.end_offset, f.offset)):
        if not any(k.offset < finding.end_offset and finding.offset < k.end_offset for k in chosen):
            chosen.append(finding)
    return chosen
