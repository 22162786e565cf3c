"""A baseline of accepted findings: ``--write-baseline FILE`` records the
current findings, ``--baseline FILE`` reports only findings not in it.

Entries are fingerprints (see :mod:`claimcheck.fingerprints`), so editing
above a finding does not resurrect it, while the same claim added elsewhere
is reported. Entries that match nothing any more are counted as stale.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from claimcheck.errors import InputError
from claimcheck.fingerprints import fingerprints
from claimcheck.report import Report, Suppressed

VERSION = 1


def write(path: str, report: Report) -> int:
    prints = fingerprints(report.findings, report.lines)
    entries = [
        {"fingerprint": fp, "path": f.path, "rule": f.rule, "text": f.text}
        for fp, f in sorted(zip(prints, report.findings), key=lambda pair: (pair[1].path, pair[0]))
    ]
    data = {"version": VERSION, "tool": "claimcheck", "findings": entries}
    Path(path).write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return len(entries)


def read(path: str) -> Counter:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        if data.get("version") != VERSION or not isinstance(data.get("findings"), list):
            raise ValueError("not a claimcheck baseline (version 1)")
        return Counter(entry["fingerprint"] for entry in data["findings"])
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as error:
        raise InputError(path, f"cannot read baseline: {error}") from None


def apply(report: Report, accepted: Counter) -> Report:
    remaining = Counter(accepted)
    kept, suppressed = [], list(report.suppressed)
    for fingerprint, finding in zip(fingerprints(report.findings, report.lines), report.findings):
        if remaining[fingerprint] > 0:
            remaining[fingerprint] -= 1
            suppressed.append(Suppressed(finding, "baseline", kind="external"))
        else:
            kept.append(finding)
    from dataclasses import replace

    return replace(report, findings=tuple(kept), suppressed=tuple(suppressed),
                   stale_baseline=sum(remaining.values()))
