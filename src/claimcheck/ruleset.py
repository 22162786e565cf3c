"""Rule packs as data: rules, vocabularies and context triggers (all frozen)."""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass, field

from claimcheck.findings import Level

CONTEXTS = ("negation", "attribution", "question", "quote", "research")
POLICIES = ("skip", "flag", "downgrade")


@dataclass(frozen=True)
class Reference:
    title: str
    url: str


@dataclass(frozen=True)
class Examples:
    flag: tuple[str, ...]
    ok: tuple[str, ...]


@dataclass(frozen=True)
class Vocabulary:
    """A named list of terms; ``inflect`` adds plural (noun) or verb forms."""

    name: str  # qualified: "<pack>.<name>"
    terms: tuple[str, ...]
    inflect: str = "none"  # none | noun | verb
    # Names from a terminology (claimcheck.terminology): inflected, but
    # without the hyphen-for-space spellings of written terms.
    terminology: tuple[str, ...] = ()
    # Whether the claim scorer reads a term of it as one word, ``<label>``
    # (every vocabulary the model was trained with). With ``feature: false``
    # a term only makes its sentence one the scorer reads, in the term's own
    # words, so the vocabulary changes no feature and needs no retraining.
    feature: bool = True

    @functools.cached_property
    def forms(self) -> frozenset[str]:
        """Every surface form of every term. Computed once: the prefilter,
        built when the packs are cached, asks first, so the cached packs
        carry them (thousands of names with a terminology)."""
        from claimcheck.vocabulary import forms

        found = {form for term in self.terms for form in forms(term, self.inflect)}
        found.update(form for term in self.terminology for form in forms(term, self.inflect, spellings=False))
        return frozenset(found)


@dataclass(frozen=True)
class Rule:
    id: str
    kind: str
    level: Level
    category: str
    message: str
    rationale: str
    references: tuple[Reference, ...]
    suggestion: str
    examples: Examples
    options: Mapping = field(default_factory=dict)
    context: Mapping = field(default_factory=dict)
    source: str = ""
    voices: tuple[str, ...] = ()  # page voices the rule applies on (empty: every page)

    @property
    def pack(self) -> str:
        return self.id.split(".", 1)[0]

    def policy(self, context: str) -> str:
        return self.context.get(context, "skip")

    def render(self, text: str, score: float | None = None) -> str:
        message = self.message.replace("{text}", text)
        return message.replace("{score}", "…" if score is None else f"{score:.2f}")


@dataclass(frozen=True)
class Pack:
    name: str
    description: str
    source: str


@dataclass(frozen=True)
class RuleSet:
    """Everything loaded from pack folders, ready to be compiled by the engine."""

    packs: tuple[Pack, ...]
    rules: tuple[Rule, ...]
    vocabularies: Mapping[str, Vocabulary]
    context: "ContextTriggers"

    def rule(self, rule_id: str) -> Rule:
        for rule in self.rules:
            if rule.id == rule_id:
                return rule
        raise KeyError(rule_id)

    def select(self, select: tuple[str, ...] = (), ignore: tuple[str, ...] = ()) -> "RuleSet":
        """Keep rules whose id matches a ``select`` prefix and no ``ignore`` prefix."""
        rules = tuple(
            rule
            for rule in self.rules
            if (not select or any(matches_prefix(rule.id, p) for p in select))
            and not any(matches_prefix(rule.id, p) for p in ignore)
        )
        return RuleSet(self.packs, rules, self.vocabularies, self.context)


    def prefixes(self) -> set[str]:
        """Every id and id prefix a selection may name ("safety", "safety.safe-claim")."""
        found = set()
        for rule in self.rules:
            parts = rule.id.split(".")
            found.update(".".join(parts[:n]) for n in range(1, len(parts) + 1))
        return found

    def without_kind(self, kind: str) -> "RuleSet":
        return RuleSet(self.packs, tuple(r for r in self.rules if r.kind != kind), self.vocabularies, self.context)


def matches_prefix(rule_id: str, prefix: str) -> bool:
    """``unapproved`` and ``unapproved.`` match ``unapproved.x``; ids match whole segments."""
    prefix = prefix_key(prefix)
    return rule_id == prefix or rule_id.startswith(prefix + ".")


def prefix_key(prefix: str) -> str:
    """A prefix as :func:`matches_prefix` compares it (``safety.`` is ``safety``)."""
    return prefix.rstrip(".")


def prefixes(rule_id: str) -> list[str]:
    """Every prefix key that matches ``rule_id``: ``a``, ``a.b``, ``a.b.c``
    for ``a.b.c`` (the inverse of :func:`matches_prefix`)."""
    parts = rule_id.split(".")
    return [".".join(parts[:n]) for n in range(1, len(parts) + 1)]


@dataclass(frozen=True)
class ContextTriggers:
    """Words that change what a sentence means (from ``context.yaml``)."""

    negation: tuple[str, ...] = ()
    negation_after: tuple[str, ...] = ()
    pseudo_negation: tuple[str, ...] = ()
    attribution: tuple[str, ...] = ()
    citations: tuple[str, ...] = ()  # citations of the law: attribution on informational pages only
    research: tuple[str, ...] = ()
    boundaries: tuple[str, ...] = ()
    relative_clauses: tuple[str, ...] = ()  # a negation after one (and after a claim) is the clause's
    # the page (see claimcheck.page)
    promotional: tuple[str, ...] = ()
    informational: tuple[str, ...] = ()
    # promotional cues a care team says too ("we", "call us"): a page whose
    # seller's cues are all of these is doubted as a page of no voice is
    # (claimcheck.scoring.unsure_page)
    plain_promotional: tuple[str, ...] = ()
    list_headings: tuple[str, ...] = ()  # a list under a heading with one of these lists uses or benefits
    instructions: tuple[str, ...] = ()  # a sentence opening with one of these is an instruction ("Avoid...")
    # open-class conditions (see claimcheck.scorer.features)
    condition_suffixes: tuple[str, ...] = ()
    condition_heads: tuple[str, ...] = ()
    name_heads: tuple[str, ...] = ()  # the last word of a clinic's or company's name (claimcheck.scorer.names)
    short_forms: tuple[str, ...] = ()  # "pts = patients": what the scorer reads a short form as
