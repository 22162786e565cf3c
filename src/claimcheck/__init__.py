"""claimcheck: a linter for regulated health marketing copy.

The public API is small: :func:`lint_text` lints a string; a :class:`Linter`
compiles the packs once and lints many texts. Both return frozen
:class:`Finding` objects, sorted by position. Nothing is loaded at import
time; spaCy is imported on first use.
"""

from claimcheck.api import Linter, lint_text
from claimcheck.findings import Finding, Level

__all__ = ["Finding", "Level", "Linter", "lint_text", "__version__"]
__version__ = "0.1.0"
