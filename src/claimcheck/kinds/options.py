"""How a rule kind declares its options, so the loader can validate them."""

from __future__ import annotations

from dataclasses import dataclass

# Option types the loader knows how to check.
VOCABULARIES = "vocabularies"  # list of vocabulary names (resolved in the rule's pack)
TERMS = "terms"  # list of literal terms
STRINGS = "strings"  # list of strings
REGEXES = "regexes"  # list of regular expressions (compiled at load)
PATTERNS = "patterns"  # list of spaCy token patterns (validated when the packs load)
CATEGORIES = "categories"  # list of finding categories
INTEGER = "integer"
PROBABILITY = "probability"  # a number from 0 to 1
CHOICE = "choice"


@dataclass(frozen=True)
class Option:
    name: str
    type: str
    required: bool = False
    doc: str = ""
    choices: tuple[str, ...] = ()
