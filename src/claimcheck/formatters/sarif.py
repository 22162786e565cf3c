"""SARIF 2.1.0 for code scanning (GitHub, GitLab, Azure DevOps...).

Columns are Unicode code points (``columnKind: unicodeCodePoints``), end
exclusive; artifact URIs are relative to ``%SRCROOT%`` (the working directory).
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from pathlib import PurePath
from urllib.parse import quote

from claimcheck import __version__
from claimcheck.findings import Finding, Level
from claimcheck.fingerprints import fingerprints
from claimcheck.formatters import jsontext
from claimcheck.report import Event, FileResult, Run, Suppressed
from claimcheck.suppress import UNUSED

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {Level.ERROR: "error", Level.WARNING: "warning", Level.INFO: "note"}


def render(events: Iterable[Event], run: Run, color: bool = False) -> Iterator[str]:
    rules = list(run.rules)
    index = {rule.id: n for n, rule in enumerate(rules)}
    index[UNUSED] = len(rules)
    descriptors = [_descriptor(rule) for rule in rules] + [_meta_descriptor()]
    tool = {"driver": {
        "name": "claimcheck",
        "version": __version__,
        "semanticVersion": __version__,
        "rules": descriptors,
    }}

    def document(invocations: list) -> str:
        run_ = {
            "tool": tool,
            "columnKind": "unicodeCodePoints",
            "originalUriBaseIds": {"SRCROOT": {"uri": _root_uri(run.root)}},
            "results": [],
            "invocations": invocations,
        }
        return json.dumps({"$schema": SCHEMA, "version": "2.1.0", "runs": [run_]}, indent=2, ensure_ascii=False)

    # The document is written around its results, which are streamed.
    head, _ = document([]).split(_RESULTS, 1)
    errors: list[tuple[str, str]] = []
    artifacts: dict[str, dict] = {}  # path -> its artifactLocation (shared by its results)
    first = True
    for event in events:
        if not isinstance(event, FileResult):
            continue
        if event.error is not None:
            errors.append((event.path, event.error))
            continue
        every = [(f, None) for f in event.findings] + [(s.finding, s) for s in event.suppressed]
        every.sort(key=lambda pair: pair[0].sort_key)
        prints = fingerprints([f for f, _ in every], event.lines)
        for (finding, suppressed), fingerprint in zip(every, prints):
            artifact = artifacts.get(finding.path)
            if artifact is None:
                artifact = artifacts[finding.path] = _artifact(finding.path, run.root)
            result = _result(finding, suppressed, fingerprint, index[finding.rule], artifact)
            item = _RESULT_INDENT + jsontext.dumps(result, _RESULT_LEVEL)
            yield (head + _RESULTS[:-1] + "\n" if first else ",\n") + item
            first = False
    if errors:
        invocations = [{
            "executionSuccessful": False,
            "toolExecutionNotifications": [
                {"level": "error", "message": {"text": f"{path}: {reason}"},
                 "locations": [{"physicalLocation": {"artifactLocation": _artifact(path, run.root)}}]}
                for path, reason in errors
            ],
        }]
    else:
        invocations = [{"executionSuccessful": True}]
    _, tail = document(invocations).split(_RESULTS, 1)
    yield (head + _RESULTS if first else "\n" + _RESULT_INDENT[:-2] + "]") + tail + "\n"


_RESULTS = '"results": []'
_RESULT_LEVEL = 4  # results are items of runs[0].results
_RESULT_INDENT = jsontext.INDENT * _RESULT_LEVEL


def _descriptor(rule) -> dict:
    references = "\n".join(f"- [{r.title}]({r.url})" for r in rule.references)
    return {
        "id": rule.id,
        "name": "".join(part.title() for part in rule.id.replace(".", "-").split("-")),
        "shortDescription": {"text": rule.render("…")},
        "fullDescription": {"text": rule.rationale},
        "help": {
            "text": f"{rule.rationale}\n\nSay instead: {rule.suggestion}",
            "markdown": f"{rule.rationale}\n\n**Say instead:** {rule.suggestion}\n\n**References:**\n\n{references}",
        },
        "helpUri": rule.references[0].url,
        "defaultConfiguration": {"level": LEVELS[rule.level]},
        "properties": {"tags": [rule.category, rule.kind, "compliance"]},
    }


def _meta_descriptor() -> dict:
    return {
        "id": UNUSED,
        "shortDescription": {"text": "A claimcheck suppression comment that suppresses nothing."},
        "fullDescription": {"text": "Remove the comment, or fix the rule id it names."},
        "defaultConfiguration": {"level": LEVELS[Level.INFO]},
        "properties": {"tags": ["suppression"]},
    }


def _result(finding: Finding, suppressed: Suppressed | None, fingerprint: str, rule_index: int,
            artifact: dict) -> dict:
    region = {
        "startLine": finding.line,
        "startColumn": finding.column,
        "endLine": finding.end_line,
        "endColumn": finding.end_column,
        "snippet": {"text": finding.text},
    }
    result = {
        "ruleId": finding.rule,
        "ruleIndex": rule_index,
        "level": LEVELS[finding.level],
        "message": {"text": finding.message + (f" Say instead: {finding.suggestion}" if finding.suggestion else "")},
        "locations": [{"physicalLocation": {"artifactLocation": artifact, "region": region}}],
        "partialFingerprints": {"claimcheck/v1": fingerprint},
    }
    if finding.score is not None:
        result["properties"] = {"score": finding.score}
    if suppressed is not None:
        result["suppressions"] = [{"kind": suppressed.kind, "justification": suppressed.justification}]
    return result


def _artifact(path: str, root: str) -> dict:
    if os.path.isabs(path) and root:
        try:
            path = os.path.relpath(path, root)
        except ValueError:
            pass
    if os.path.isabs(path) or path.startswith(".."):
        return {"uri": PurePath(os.path.abspath(path)).as_uri()}
    return {"uri": quote(PurePath(path).as_posix()), "uriBaseId": "SRCROOT"}


def _root_uri(root: str) -> str:
    uri = PurePath(root or "/").as_uri() if os.path.isabs(root or "/") else "file:///"
    return uri if uri.endswith("/") else uri + "/"
