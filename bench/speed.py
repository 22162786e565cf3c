"""Speed and memory of claimcheck, against a plain-regex keyword baseline in
the same run (so the ratio is stable on a noisy machine).

Usage: python bench/speed.py [--files 1000] [--repeat 7] [--no-large] [--no-100mb]

Generates a seeded corpus (bench/corpus.py) in a temporary folder and reports:
throughput (MB/s, files/s) with all built-in packs and the claim scorer on 1
process and on all cores, and with the scorer off; start-up on one small clean file and one small file with findings
(median of whole-process runs, with `python -c pass` for reference); peak RSS
for 10 MB and 100 MB of input; a 50 MB file and a file of 1 M short lines;
and proselint if it is installed. This is a benchmark, not a test.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import baseline  # noqa: E402
import corpus  # noqa: E402

CLAIMCHECK = [sys.executable, "-m", "claimcheck"]
BUSY = "x = 0\nfor i in range(20_000_000):\n    x += i\n"
RSS = (
    "import resource, subprocess, sys\n"
    "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL)\n"
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
)


# Children run as after a normal install: Python may cache bytecode (an
# environment with PYTHONDONTWRITEBYTECODE would recompile claimcheck's modules
# on every start, which a user's installed copy never does).
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def run(args: list[str]) -> float:
    start = time.perf_counter()
    result = subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=ENV)
    if result.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(args)} failed ({result.returncode}): {result.stderr[-2000:]}")
    return time.perf_counter() - start


def peak_rss_mb(args: list[str]) -> float:
    out = subprocess.run([sys.executable, "-c", RSS, *args], capture_output=True, text=True, check=True, env=ENV)
    return int(out.stdout.strip()) / 1024


def size_mb(folder: Path) -> tuple[float, int]:
    files = [p for p in folder.rglob("*") if p.is_file()]
    return sum(p.stat().st_size for p in files) / 1e6, len(files)


def keyword_baseline(folder: Path) -> float:
    start = time.perf_counter()
    hits = 0
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            hits += len(baseline.findings(path.read_text(encoding="utf-8")))
    return time.perf_counter() - start


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--no-large", action="store_true", help="skip the 50 MB and 1 M-line files")
    parser.add_argument("--no-100mb", action="store_true", help="skip the 100 MB memory run")
    args = parser.parse_args(argv)
    cores = os.cpu_count() or 1
    work = Path(tempfile.mkdtemp(prefix="claimcheck-bench-"))
    env_note = f"python {sys.version.split()[0]}, {cores} cores"
    rows: list[tuple[str, str]] = []
    try:
        pages = work / "pages"
        corpus.generate(pages, files=args.files)
        mb, count = size_mb(pages)
        run([*CLAIMCHECK, "rules", "list"])  # warm the pack cache (and the bytecode cache)

        base = keyword_baseline(pages)
        rows.append((f"keyword regex baseline, {count} files, {mb:.1f} MB", f"{mb / base:.1f} MB/s"))
        one = run([*CLAIMCHECK, "--format", "json", "--jobs", "1", str(pages)])
        rows.append(("claimcheck, 1 process", f"{mb / one:.2f} MB/s, {count / one:.0f} files/s "
                     f"({base / one * 100:.1f}% of the baseline's speed)"))
        many = run([*CLAIMCHECK, "--format", "json", "--jobs", str(cores), str(pages)])
        rows.append((f"claimcheck, --jobs {cores}", f"{mb / many:.2f} MB/s, {count / many:.0f} files/s, "
                     f"{one / many:.2f}x one process"))
        # The machine's own ceiling for N processes: the same pure-Python loop
        # run alone and N times at once.
        alone = run([sys.executable, "-c", BUSY])
        start = time.perf_counter()
        procs = [subprocess.Popen([sys.executable, "-c", BUSY], env=ENV) for _ in range(cores)]
        for proc in procs:
            proc.wait()
        together = time.perf_counter() - start
        rows.append((f"this machine's ceiling for {cores} processes (a pure-Python loop, {cores} at once)",
                     f"{cores * alone / together:.2f}x one process"))
        # Steady state: the cost of a second corpus of the same size after the
        # first, which leaves out start-up (Python, spaCy, compiling the packs:
        # paid once per process). Another seed, not a copy: the claim scorer
        # remembers the sentences it has scored, so a copy would cost it nothing.
        double = work / "double"
        corpus.generate(double / "b", files=args.files, seed=99)
        shutil.copytree(pages, double / "a")
        one_double = run([*CLAIMCHECK, "--format", "json", "--jobs", "1", str(double)])
        many_double = run([*CLAIMCHECK, "--format", "json", "--jobs", str(cores), str(double)])
        one_steady, many_steady = one_double - one, many_double - many
        second_mb = size_mb(double)[0] - mb
        rows.append(("claimcheck, steady state (a second corpus after the first), 1 process",
                     f"{second_mb / one_steady:.2f} MB/s"))
        # The same with the claim scorer off (pack rules only).
        off = run([*CLAIMCHECK, "--no-scorer", "--format", "json", "--jobs", "1", str(pages)])
        off_double = run([*CLAIMCHECK, "--no-scorer", "--format", "json", "--jobs", "1", str(double)])
        rows.append(("claimcheck, scorer off (`--no-scorer`), 1 process", f"{mb / off:.2f} MB/s"))
        rows.append(("claimcheck, scorer off, steady state, 1 process",
                     f"{second_mb / (off_double - off):.2f} MB/s (the scorer on: {(off_double - off) / one_steady:.0%} "
                     f"of this speed)"))
        rows.append((f"claimcheck, steady state, --jobs {cores}",
                     f"{second_mb / many_steady:.2f} MB/s, {one_steady / many_steady:.2f}x one process"))
        beside = Path(sys.executable).parent / "proselint"  # installed in the same environment
        proselint = shutil.which("proselint") or (str(beside) if beside.is_file() else None)
        if proselint:
            # proselint 0.14+ has subcommands (`proselint check PATHS`), older releases take paths.
            modern = subprocess.run([proselint, "version"], capture_output=True).returncode == 0
            files = [str(p) for p in sorted(pages.iterdir()) if p.is_file()]
            prose = run([proselint, *(["check"] if modern else []), *files])
            rows.append(("proselint, the same corpus, 1 process",
                         f"{mb / prose:.2f} MB/s (claimcheck with the scorer: {prose / one:.1f}x as fast)"))

        clean, risky = work / "clean.md", work / "risky.md"
        clean.write_text("# Visiting us\n\nOur office is open Monday to Friday; parking is behind the building.\n")
        risky.write_text("# Knees\n\nOur stem cell injections heal arthritis without surgery.\n")
        # Interleaved (one of each in turn), so that each measure sees the same
        # moments of a busy host, and the ratio to `import spacy` is fair.
        commands = {"python": [sys.executable, "-c", "pass"], "clean": [*CLAIMCHECK, str(clean)],
                    "risky": [*CLAIMCHECK, str(risky)], "spacy": [sys.executable, "-c", "import spacy"]}
        times: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(args.repeat):
            for name, command in commands.items():
                times[name].append(run(command))
        python, start_clean, start_risky, spacy = (statistics.median(times[n]) for n in commands)
        rows.append(("`python -c pass`", f"{python * 1000:.0f} ms"))
        rows.append(("`python -c 'import spacy'` (the floor for a file with findings)", f"{spacy * 1000:.0f} ms"))
        rows.append(("start-up, small clean file", f"{start_clean * 1000:.0f} ms (median of {args.repeat})"))
        rows.append(("start-up, small file with findings", f"{start_risky * 1000:.0f} ms (median of {args.repeat}; "
                     f"{start_risky / spacy:.2f}x `import spacy`)"))

        for megabytes, seed in ((10, 11), (100, 13))[: 1 if args.no_100mb else 2]:
            folder = work / f"rss-{megabytes}"
            corpus.generate(folder, files=int(megabytes / (mb / count)), seed=seed)
            size, _ = size_mb(folder)
            rss = peak_rss_mb([*CLAIMCHECK, "--format", "json", "--jobs", "1", str(folder)])
            rows.append((f"peak RSS, {size:.0f} MB of pages, 1 process", f"{rss:.0f} MB"))
        if not args.no_large:
            big = work / "big"
            corpus.generate(big, files=0, large=1, large_mb=50, seed=17)
            big_mb, _ = size_mb(big)
            start = time.perf_counter()
            rss = peak_rss_mb([*CLAIMCHECK, "--format", "json", str(big)])
            took = time.perf_counter() - start
            rows.append((f"one {big_mb:.0f} MB Markdown file", f"{big_mb / took:.2f} MB/s, peak RSS {rss:.0f} MB"))
            lines = work / "lines.txt"
            with open(lines, "w", encoding="utf-8") as handle:
                for number in range(1_000_000):
                    handle.write(f"line {number}: stem cells cure autism\n" if number % 1000 == 0
                                 else f"line {number}: opening hours and parking\n")
            lines_mb = lines.stat().st_size / 1e6
            start = time.perf_counter()
            rss = peak_rss_mb([*CLAIMCHECK, "--format", "json", str(lines)])
            took = time.perf_counter() - start
            rows.append((f"one file of 1 M short lines ({lines_mb:.0f} MB)",
                         f"{lines_mb / took:.2f} MB/s, peak RSS {rss:.0f} MB"))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"claimcheck speed ({env_note})\n")
    print("| measure | result |\n|---|---|")
    for name, value in rows:
        print(f"| {name} | {value} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
