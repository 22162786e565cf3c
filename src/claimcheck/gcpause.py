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
    """The collector off inside the block, as it was after it. What exists
    then is moved to the oldest generation at once (``gc.freeze`` then
    ``gc.unfreeze``, which walks nothing): left young, everything the block
    loaded would be walked by the next young collections, one after another
    (a 20 KB file checked right after loading took twice as long). Nothing
    is kept from collection: full collections still see all of it, so a
    program using claimcheck as a library loses no memory to this."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        gc.unfreeze()
        if enabled:
            gc.enable()
