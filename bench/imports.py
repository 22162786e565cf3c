"""What `import spacy` costs, and which of it claimcheck needs.

Usage: python bench/imports.py [--repeat 5]

Runs `python -X importtime -c "import spacy"` in fresh processes and sums the
self time of the modules under each top-level part of what it imports
(spacy.cli, spacy.pipeline, thinc, weasel, pydantic, numpy...), median of the
runs. Then does the same for what a file with findings uses: the English
tokenizer, the matchers and the claim scorer's component
(claimcheck.nlp.make_tokenizer, spacy.matcher, spacy.pipeline.textcat_multilabel),
and sums the parts that none of those use but that load anyway, because
any ``import spacy.x`` first runs ``spacy/__init__.py``, which imports
``spacy.cli`` (and with it weasel, typer, requests, httpx...). A benchmark,
not a test.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
from collections import defaultdict

ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
LINE = re.compile(r"import time:\s+(\d+) \|\s+(\d+) \|(\s*)(\S+)")
# Parts of the import tree reported on their own (the longest prefix wins).
PARTS = ("spacy.cli", "spacy.pipeline", "spacy.lang", "spacy.tokens", "spacy.matcher", "spacy.ml", "spacy",
         "thinc", "confection", "weasel", "pydantic", "numpy", "srsly", "catalogue", "typer", "click", "jinja2",
         "requests", "urllib3", "httpx", "rich", "packaging", "langcodes", "cloudpathlib", "smart_open")
NEEDED = ("import claimcheck.nlp as n, spacy.matcher, spacy.pipeline.textcat_multilabel; "
          "n.make_tokenizer()")


def self_times(code: str) -> dict[str, float]:
    """Seconds of self import time per part, for one fresh process."""
    out = subprocess.run([sys.executable, "-X", "importtime", "-c", code], capture_output=True, text=True,
                         env=ENV, check=True).stderr
    parts: dict[str, float] = defaultdict(float)
    for match in LINE.finditer(out):
        module = match.group(4)
        part = next((p for p in PARTS if module == p or module.startswith(p + ".")), "other (stdlib and small packages)")
        parts[part] += int(match.group(1)) / 1e6
    return parts


def wall(code: str) -> float:
    import time

    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True, env=ENV)
    return time.perf_counter() - start


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    runs = {"import spacy": [self_times("import spacy") for _ in range(args.repeat)],
            "what a file with findings uses": [self_times(NEEDED) for _ in range(args.repeat)]}
    medians = {name: {part: statistics.median(r.get(part, 0.0) for r in results)
                      for part in {p for r in results for p in r}} for name, results in runs.items()}
    walls = {"python -c pass": statistics.median(wall("pass") for _ in range(args.repeat)),
             "import spacy": statistics.median(wall("import spacy") for _ in range(args.repeat)),
             "what a file with findings uses": statistics.median(wall(NEEDED) for _ in range(args.repeat))}
    spacy_parts, ours = medians["import spacy"], medians["what a file with findings uses"]
    print(f"wall time, median of {args.repeat} fresh processes: " +
          ", ".join(f"{name} {seconds * 1000:.0f} ms" for name, seconds in walls.items()))
    print("\nself import time by part (ms, median), sorted by `import spacy`:\n")
    print("| part | `import spacy` | + English tokenizer, matchers, textcat |\n|---|---|---|")
    for part in sorted(set(spacy_parts) | set(ours), key=lambda p: -spacy_parts.get(p, 0.0)):
        print(f"| {part} | {spacy_parts.get(part, 0.0) * 1000:.0f} | {ours.get(part, 0.0) * 1000:.0f} |")
    print(f"| total | {sum(spacy_parts.values()) * 1000:.0f} | {sum(ours.values()) * 1000:.0f} |")
    unused = ("spacy.cli", "weasel", "typer", "requests", "urllib3", "httpx", "rich", "cloudpathlib", "smart_open")
    print(f"\nparts no tokenizer, matcher or textcat uses, loaded because spacy/__init__.py imports spacy.cli: "
          f"{sum(spacy_parts.get(p, 0.0) for p in unused) * 1000:.0f} ms of self time ({', '.join(unused)})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
