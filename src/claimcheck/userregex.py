"""Regular expressions written by users (pack ``regexes`` options such as a
required rule's ``disclaimers``, and the configuration's ``disclaimers``).

They run on whole pages, so they are compiled with RE2 (``google-re2``),
whose matching time is linear in the text whatever the pattern: ``(a+)+$``
cannot hang a run the way it does with Python's backtracking ``re``. RE2 has
no backreferences or lookaround; a pattern that uses them is rejected when
the pack or configuration loads.
"""

from __future__ import annotations

import functools
from typing import Protocol


class Pattern(Protocol):
    """A compiled RE2 pattern, as claimcheck uses one."""

    def search(self, text: str, pos: int = ..., endpos: int = ...) -> object | None: ...


class UserRegexError(ValueError):
    """A pattern RE2 cannot take, with RE2's reason."""


@functools.lru_cache(maxsize=1024)
def compile_pattern(pattern: str) -> Pattern:
    """The compiled case-insensitive pattern; raises :class:`UserRegexError`."""
    import re2

    options = re2.Options()
    options.log_errors = False
    options.case_sensitive = False
    try:
        return re2.compile(pattern, options)
    except re2.error as error:
        reason = error.args[0] if error.args else str(error)
        if isinstance(reason, bytes):
            reason = reason.decode("utf-8", "replace")
        raise UserRegexError(f"{reason} (patterns run on RE2, which has no backreferences or lookaround)") from None


def found(pattern: str, text: str) -> bool:
    """Does ``pattern`` match anywhere in ``text`` (case-insensitively)?"""
    return compile_pattern(pattern).search(text) is not None
