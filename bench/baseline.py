"""A plain keyword baseline: one case-insensitive regex of risky words.

Used by bench/accuracy.py (--baseline) to show what a keyword list scores on
the same sentences, and by the speed benchmark as a same-run reference.
"""

from __future__ import annotations

import re

KEYWORDS = [
    "cure", "cures", "cured", "treat", "treats", "treated", "heal", "heals", "healed", "repair",
    "repairs", "regenerate", "regenerates", "reverse", "reverses", "restore", "restores",
    "FDA approved", "FDA-approved", "FDA cleared", "FDA registered", "proven", "clinically proven",
    "guarantee", "guaranteed", "miracle", "breakthrough", "safe", "no side effects", "no risk",
    "best", "#1", "better than", "alternative to surgery", "testimonial", "my pain",
]
PATTERN = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(k) for k in KEYWORDS) + r")(?!\w)", re.IGNORECASE)


def findings(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in PATTERN.finditer(text)]
