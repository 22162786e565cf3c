"""The one registry of rule kinds. A kind is a module with the same surface:

``NAME``, ``SCOPE`` (``sentence``, ``document`` or ``scorer``), ``DOC``, ``OPTIONS``,
``needs(rule)`` (terms and token patterns the engine must match for it),
``requires(rule)`` (what must be in a text for the rule to fire, for the
prefilter) and ``check(rule, sentence)`` or ``check_document(rule, summary)``.
"""

from __future__ import annotations

from types import ModuleType

from claimcheck.kinds import claim, listed, pattern, phrase, required, scorer

KINDS: dict[str, ModuleType] = {
    phrase.NAME: phrase,
    pattern.NAME: pattern,
    claim.NAME: claim,
    listed.NAME: listed,
    required.NAME: required,
    scorer.NAME: scorer,
}
