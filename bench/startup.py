"""Start-up of a small file with findings: whole processes against `import
spacy`, and the phases inside one process.

Usage: python bench/startup.py [--repeat 11] [--other-src DIR]

1. Whole processes, interleaved (one of each in turn, so each sees the same
   moments of a busy host), medians: `python -c pass`; `import spacy`;
   `import spacy` with the garbage collector off; `import spacy` ending with
   ``os._exit`` (no teardown, as the claimcheck program ends); claimcheck on a small file
   with findings; with ``--other-src DIR``, the same claimcheck run with
   ``PYTHONPATH=DIR``: paired runs of two builds (e.g. ``git worktree add
   /tmp/previous <commit>`` and ``--other-src /tmp/previous/src``).
2. Phases inside a fresh process, in the order a run meets them (median
   over the processes): importing claimcheck, loading the packs (cache),
   importing spaCy, building the English tokenizer, compiling the packs,
   loading the claim scorer, checking the file. spaCy's import, the
   tokenizer and the compilation run with the garbage collector paused, as
   in ``Linter.compiled``.

A benchmark, not a test.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
PAGE = "# Knees\n\nOur stem cell injections heal arthritis without surgery.\n"
PHASES = r"""
import json, sys, time
marks = [("start", time.perf_counter())]
def mark(name):
    marks.append((name, time.perf_counter()))
from claimcheck.api import Linter
from claimcheck.gcpause import paused
mark("import claimcheck")
linter = Linter.from_folders()
mark("load the packs (cache)")
with paused():
    import spacy
    mark("import spacy")
    from claimcheck.nlp import make_tokenizer
    tokenizer = make_tokenizer()
    mark("build the English tokenizer")
    from claimcheck.compiled import compile_rules
    compiled = compile_rules(linter.ruleset, tokenizer)
    mark("compile the packs")
compiled.classifier.scores([["warm", "up"]])
mark("load the claim scorer")
from claimcheck.engine import lint_document
from claimcheck.readers import reader
found = lint_document(reader("markdown")(open(sys.argv[1], encoding="utf-8").read(), "page.md"), compiled)
assert found, "the page should have findings"
mark("check the file")
print(json.dumps({name: end - start for (_, start), (name, end) in zip(marks, marks[1:])}))
"""


def run(args: list[str], env: dict) -> float:
    start = time.perf_counter()
    result = subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env)
    if result.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(args)} failed ({result.returncode}): {result.stderr[-2000:]}")
    return time.perf_counter() - start


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=11)
    parser.add_argument("--other-src", type=Path, help="another build's source folder, run in turn with this one")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="claimcheck-startup-") as work:
        page = Path(work) / "page.md"
        page.write_text(PAGE, encoding="utf-8")
        claimcheck = [sys.executable, "-m", "claimcheck", str(page)]
        commands = {
            "python -c pass": ([sys.executable, "-c", "pass"], ENV),
            "import spacy": ([sys.executable, "-c", "import spacy"], ENV),
            "import spacy, garbage collector off": ([sys.executable, "-c", "import gc; gc.disable(); import spacy"],
                                                    ENV),
            # what freeing spaCy's objects at exit costs (claimcheck leaves with os._exit)
            "import spacy, leaving with os._exit": ([sys.executable, "-c", "import os, spacy; os._exit(0)"], ENV),
            "claimcheck, a file with findings": (claimcheck, ENV),
        }
        if args.other_src:
            other = {**ENV, "PYTHONPATH": str(args.other_src.resolve())}
            commands[f"claimcheck from {args.other_src}"] = (claimcheck, other)
        for command, env in commands.values():
            run(command, env)  # warm the caches (bytecode, packs, phrase keys)
        times: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(args.repeat):
            for name, (command, env) in commands.items():
                times[name].append(run(command, env))
        phases: list[dict] = []
        for _ in range(args.repeat):
            out = subprocess.run([sys.executable, "-c", PHASES, str(page)], capture_output=True, text=True,
                                 env=ENV, check=True).stdout
            phases.append(json.loads(out))
    spacy = statistics.median(times["import spacy"])
    print(f"whole processes, median of {args.repeat} (interleaved):\n")
    print("| command | ms | x `import spacy` |\n|---|---|---|")
    for name, seconds in times.items():
        median = statistics.median(seconds)
        print(f"| {name} | {median * 1000:.0f} | {median / spacy:.2f} |")
    print(f"\nphases inside one process, median of {args.repeat} processes:\n")
    print("| phase | ms |\n|---|---|")
    for name in phases[0]:
        print(f"| {name} | {statistics.median(p[name] for p in phases) * 1000:.0f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
