"""claimcheck: a linter for regulated health marketing copy.

The public API is small: :func:`lint_text` lints a string, :func:`lint_paths`
lints files. Both return frozen :class:`Finding` objects, sorted by position.
Nothing is loaded at import time; spaCy is imported on first use.
"""

from claimcheck.api import Linter, lint_text
from claimcheck.findings import Finding, Level

__all__ = ["Finding", "Level", "Linter", "lint_text", "__version__"]
__version__ = "0.1.0"
