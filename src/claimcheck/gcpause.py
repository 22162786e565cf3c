"""Pause Python's cyclic garbage collector around bulk loading.

Importing spaCy and building its tokenizer, or unpickling a cache, creates
hundreds of thousands of long-lived objects and no garbage; the collector
would still walk them again and again on the way (about 0.1 s of `import
spacy` alone on the bench machine). Reference counting still frees what is
dropped; the collector runs as usual afterwards.
"""

from __future__ import annotations

import gc
from contextlib import contextmanager


@contextmanager
def paused():
    """The collector off inside the block, as it was after it."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
