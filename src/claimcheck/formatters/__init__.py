"""The one registry of output formats: name -> pure function of a Report."""

from __future__ import annotations

from collections.abc import Callable

from claimcheck.formatters import github, json, rdjsonl, sarif, text
from claimcheck.report import Report

Formatter = Callable[[Report, bool], str]

FORMATTERS: dict[str, Formatter] = {
    "text": text.render,
    "json": json.render,
    "sarif": sarif.render,
    "github": github.render,
    "rdjsonl": rdjsonl.render,
}
