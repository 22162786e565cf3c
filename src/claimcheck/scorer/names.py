"""Names of clinics and companies, which the scorer reads as one word.

A clinic's name is often made of the words of a claim: "Restore Orthopedic
& Regenerative", "Renew Pain & Wellness Center", "Vida Nueva Regenerative
Clinic". Read word by word, a header, an address line or "Thank you for
writing to ..." holds an effect, a condition and a product, and was scored as
a claim. A name is a run of two or more capitalised words (joined by "&",
"and", "of") whose last word is a name's head ("Clinic", "Institute",
"Regenerative": ``name_heads`` in ``rules/context.yaml``); the scorer sees
it as ``<name>``.

Capitalised function words ("Your", "For", "At"...) end a run, so a title
written in title case keeps its claim: in "Heal Your Knees At Our
Regenerative Clinic" only "Regenerative Clinic" is a name.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

NAME = "<name>"

# Words that join the words of a name ("Spine & Joint", "Institute of ...").
_JOINERS = frozenset({"&", "and", "of", "+"})
# Capitalised words that are never inside a name: they open or break a run
# ("Visit Renew Clinic", "Heal Your Knees At Our Clinic").
_BREAKS = frozenset({
    "a", "about", "an", "are", "at", "by", "call", "can", "contact", "for", "from", "get", "how", "in", "is",
    "my", "near", "on", "our", "the", "to", "visit", "we", "welcome", "what", "why", "will", "with", "you",
    "your",
})


@dataclass(frozen=True)
class Names:
    heads: frozenset[str] = frozenset()  # lower-cased last words of a name

    @classmethod
    def of(cls, heads: Sequence[str]) -> "Names":
        return cls(frozenset(h.lower() for h in heads))

    def runs(self, texts: Sequence[str], start: int, end: int) -> list[tuple[int, int]]:
        """The names among tokens ``[start, end)`` as token spans ``(first, last)``."""
        if not self.heads:
            return []
        found: list[tuple[int, int]] = []
        index = start
        while index < end:
            if not _capitalised(texts[index]):
                index += 1
                continue
            first, words, last = index, 0, index  # last: one past the run's last capitalised word
            while index < end:
                text = texts[index]
                if _capitalised(text):
                    words += 1
                    index += 1
                    last = index
                elif text.lower() in _JOINERS and words:
                    index += 1
                else:
                    break
            if words >= 2 and texts[last - 1].lower() in self.heads:
                found.append((first, last))
        return found


def _capitalised(text: str) -> bool:
    """A word of a name: a capital first letter, letters only (an
    apostrophe or a hyphen inside), not a function word."""
    return (text[:1].isupper() and text.replace("'", "").replace("-", "").replace("’", "").isalpha()
            and text.lower() not in _BREAKS)
