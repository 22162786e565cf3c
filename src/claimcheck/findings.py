"""The data a lint run produces: levels, hits from rule kinds, and findings."""

from __future__ import annotations

import enum
from dataclasses import dataclass


class Level(enum.IntEnum):
    """Severity of a rule; ordered so that ``Level.ERROR > Level.WARNING``."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def parse(cls, name: str) -> "Level":
        return cls[name.upper()]

    def __str__(self) -> str:  # "error", "warning", "info"
        return self.name.lower()


CATEGORIES = (
    "unapproved-treatment",
    "fda-status",
    "efficacy-guarantee",
    "safety",
    "testimonial",
    "superiority",
    "missing-disclaimer",
)


@dataclass(frozen=True)
class Hit:
    """What a rule kind reports: a rule matched prose text ``[start, end)``.

    Offsets are into the block's normalized prose text; only the engine turns
    them into source positions.
    """

    rule_id: str
    block: int
    start: int
    end: int
    downgraded: bool = False
    score: float | None = None  # the claim scorer's score, for its findings


@dataclass(frozen=True)
class Finding:
    """One reported problem, pointing at exact source characters.

    ``line``/``column`` are 1-based; columns count Unicode code points and the
    end is exclusive (as in SARIF). ``offset``/``end_offset`` index the decoded
    source text.
    """

    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    offset: int
    end_offset: int
    rule: str
    category: str
    level: Level
    message: str
    text: str
    suggestion: str
    score: float | None = None  # the claim scorer's score (scorer findings only)

    @property
    def sort_key(self) -> tuple:
        return (self.path, self.offset, self.end_offset, self.rule)
