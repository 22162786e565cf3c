"""SARIF 2.1.0 for code scanning (GitHub, GitLab, Azure DevOps...).

Columns are Unicode code points (``columnKind: unicodeCodePoints``), end
exclusive; artifact URIs are relative to ``%SRCROOT%`` (the working directory).
"""

from __future__ import annotations

import json
import os
from pathlib import PurePath
from urllib.parse import quote

from claimcheck import __version__
from claimcheck.findings import Finding, Level
from claimcheck.fingerprints import fingerprints
from claimcheck.report import Report, Suppressed

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {Level.ERROR: "error", Level.WARNING: "warning", Level.INFO: "note"}
UNUSED_SUPPRESSION = "claimcheck.unused-suppression"


def render(report: Report, color: bool = False) -> str:
    rules = list(report.rules)
    index = {rule.id: n for n, rule in enumerate(rules)}
    descriptors = [_descriptor(rule) for rule in rules]
    every = [(f, None) for f in report.findings] + [(s.finding, s) for s in report.suppressed]
    every.sort(key=lambda pair: pair[0].sort_key)
    prints = fingerprints([f for f, _ in every], report.lines)
    results = []
    for (finding, suppressed), fingerprint in zip(every, prints):
        if finding.rule not in index:  # e.g. unused-suppression notes
            index[finding.rule] = len(descriptors)
            descriptors.append(_meta_descriptor(finding))
        results.append(_result(finding, suppressed, fingerprint, index[finding.rule], report))
    run = {
        "tool": {"driver": {
            "name": "claimcheck",
            "version": __version__,
            "semanticVersion": __version__,
            "informationUri": "https://pypi.org/project/claimcheck/",
            "rules": descriptors,
        }},
        "columnKind": "unicodeCodePoints",
        "originalUriBaseIds": {"SRCROOT": {"uri": _root_uri(report.root)}},
        "results": results,
    }
    if report.errors:
        run["invocations"] = [{
            "executionSuccessful": False,
            "toolExecutionNotifications": [
                {"level": "error", "message": {"text": f"{path}: {reason}"},
                 "locations": [{"physicalLocation": {"artifactLocation": _artifact(path, report.root)}}]}
                for path, reason in report.errors
            ],
        }]
    else:
        run["invocations"] = [{"executionSuccessful": True}]
    sarif = {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}
    return json.dumps(sarif, indent=2, ensure_ascii=False) + "\n"


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


def _meta_descriptor(finding: Finding) -> dict:
    return {
        "id": finding.rule,
        "shortDescription": {"text": "A claimcheck suppression comment that suppresses nothing."},
        "fullDescription": {"text": "Remove the comment, or fix the rule id it names."},
        "defaultConfiguration": {"level": LEVELS[finding.level]},
        "properties": {"tags": [finding.category]},
    }


def _result(finding: Finding, suppressed: Suppressed | None, fingerprint: str, rule_index: int, report: Report) -> dict:
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
        "locations": [{"physicalLocation": {"artifactLocation": _artifact(finding.path, report.root), "region": region}}],
        "partialFingerprints": {"claimcheck/v1": fingerprint},
    }
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
