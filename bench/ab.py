"""Two builds side by side, stage by stage: compiling the packs, reading the
pages, the engine with the scorer off and on.

Usage: python bench/ab.py --other-src DIR [--files 300] [--repeat 3] [--rounds 2]

For paired numbers where one `bench/stages.py` run of each build is too
noisy to compare (stage timings move by 10-30% from run to run on a busy
host). Each build runs in its own process (``PYTHONPATH`` set to its source
folder), on the same seeded corpus of pages, the two in turn for
``--rounds`` rounds; each timing is the best of ``--repeat``. Check out the
other build with ``git worktree add /tmp/previous <commit>`` and pass
``--other-src /tmp/previous/src``. A benchmark, not a test.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus  # noqa: E402

HERE = Path(__file__).resolve().parent
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
# Run in the build under test: its own claimcheck, the same pages.
CHILD = r"""
import json, sys, time
from pathlib import Path
from claimcheck import engine
from claimcheck.api import Linter
from claimcheck.compiled import compile_rules
from claimcheck.nlp import make_tokenizer
from claimcheck.readers import format_for, reader

folder, repeat = Path(sys.argv[1]), int(sys.argv[2])
sources = [(str(p), p.read_text(encoding="utf-8")) for p in sorted(folder.iterdir())]
mb = sum(len(s.encode("utf-8")) for _, s in sources) / 1e6

def best(work):
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)

linter = Linter.from_folders()
linter.compiled  # the phrase keys are cached on the first compile
tokenizer = make_tokenizer()
result = {"compile the packs (ms)": best(lambda: compile_rules(linter.ruleset, tokenizer)) * 1000}
docs = [reader(format_for(p))(s, p) for p, s in sources]
result["read (s per MB)"] = best(lambda: [reader(format_for(p))(s, p) for p, s in sources]) / mb
for name, scorer in (("engine, scorer off (s per MB)", False), ("engine, scorer on (s per MB)", True)):
    compiled = Linter.from_folders(scorer=scorer).compiled
    [engine.lint_document(d, compiled) for d in docs]  # warm: the scorer loads, its memory fills
    result[name] = best(lambda: [engine.lint_document(d, compiled) for d in docs]) / mb
print(json.dumps(result))
"""


def measure(src: Path, folder: Path, repeat: int) -> dict[str, float]:
    env = {**ENV, "PYTHONPATH": str(src.resolve())}
    out = subprocess.run([sys.executable, "-c", CHILD, str(folder), str(repeat)], capture_output=True,
                         text=True, env=env)
    if out.returncode != 0:
        raise SystemExit(f"the build in {src} failed: {out.stderr[-2000:]}")
    return json.loads(out.stdout)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--other-src", type=Path, required=True, help="the other build's source folder")
    parser.add_argument("--files", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args(argv)
    builds = {"this build": HERE.parent / "src", str(args.other_src): args.other_src}
    with tempfile.TemporaryDirectory(prefix="claimcheck-ab-") as work:
        folder = Path(work) / "pages"
        corpus.generate(folder, files=args.files)
        rounds = [{name: measure(src, folder, args.repeat) for name, src in builds.items()}
                  for _ in range(args.rounds)]
    measures = list(rounds[0]["this build"])
    names = list(builds)
    print(f"{args.files} pages, best of {args.repeat}, {args.rounds} rounds (the builds in turn):\n")
    print("| measure | " + " | ".join(names) + " |\n|---|" + "---|" * len(names))
    for measure_name in measures:
        cells = [" / ".join(f"{r[name][measure_name]:.3f}" if "MB" in measure_name else f"{r[name][measure_name]:.0f}"
                            for r in rounds) for name in names]
        print(f"| {measure_name} | " + " | ".join(cells) + " |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
