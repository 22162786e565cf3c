"""A baseline of accepted findings: ``--write-baseline FILE`` records the
current findings, ``--baseline FILE`` reports only findings not in it.

Entries are fingerprints (see :mod:`claimcheck.fingerprints`), so editing
above a finding does not resurrect it, while the same claim added elsewhere
is reported. Entries that match nothing any more are counted as stale.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path

from claimcheck.errors import InputError
from claimcheck.fingerprints import fingerprints
from claimcheck.report import End, Event, FileResult, Suppressed

VERSION = 1


def write(path: str, events: Iterable[Event]) -> int:
    """Record every finding of the stream; returns how many."""
    entries = []
    for event in events:
        if isinstance(event, FileResult) and event.findings:
            prints = fingerprints(event.findings, event.lines)
            entries += [{"fingerprint": fp, "path": f.path, "rule": f.rule, "text": f.text}
                        for fp, f in zip(prints, event.findings)]
    entries.sort(key=lambda entry: (entry["path"], entry["fingerprint"]))
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


def apply(events: Iterable[Event], accepted: Counter) -> Iterator[Event]:
    """The stream with findings in the baseline moved to ``suppressed``; the
    :class:`End` counts the entries that matched nothing."""
    remaining = Counter(accepted)
    for event in events:
        if isinstance(event, End):
            yield replace(event, stale_baseline=sum(remaining.values()))
            continue
        if not event.findings:
            yield event
            continue
        kept, suppressed = [], list(event.suppressed)
        for fingerprint, finding in zip(fingerprints(event.findings, event.lines), event.findings):
            if remaining[fingerprint] > 0:
                remaining[fingerprint] -= 1
                suppressed.append(Suppressed(finding, "baseline", kind="external"))
            else:
                kept.append(finding)
        yield replace(event, findings=tuple(kept), suppressed=tuple(suppressed))
