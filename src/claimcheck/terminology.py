"""Condition names from a maintained terminology, for the packs' vocabularies.

The packs' own ``conditions`` list is short and hand-written; copy names
diseases it has never listed ("Stem cells cure glaucoma"). ICD-10-CM, the US
clinical modification of the WHO's classification of diseases, names them
all. Its tabular list ships inside the ``simple-icd-10-cm`` package (MIT, a
maintained copy of the CDC's yearly release). ``python -m
claimcheck.terminology`` reads it once and writes the short names that copy
uses, one per line, with their provenance, to ``data/icd10cm-conditions.txt``
in this package; the wheel ships that file, so nothing is read from the
package, or downloaded, at run time. A vocabulary takes the names with
``terminology: [icd10cm]`` (see ``rules/unapproved/pack.yaml``), and the pack
cache compiles them with the rest.

What is kept: category and subcategory titles and their inclusion terms
(synonyms such as "Paralysis agitans") from the chapters of diseases,
symptoms and injuries (not external causes, not the Z codes of encounters and
circumstances), with parentheses dropped, of one to three words, in plain
words: no qualifier that marks a code's detail ("other", "unspecified",
"with", "due to", "left"...), no inverted form ("Arrest, cardiac"), no
abbreviation, and no single word shorter than five letters or in
:data:`STOPWORDS` (anatomy and ordinary words that ICD uses as terms).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable
from pathlib import Path

# argparse, hashlib and xml.etree are imported where the build uses them: the
# pack loader imports this module on every run, for ``load`` only.

NAMES = {"icd10cm": "icd10cm-conditions.txt"}
DATA = Path(__file__).resolve().parent / "data"

# ICD-10-CM chapters read: 1-19 (diseases, symptoms, injuries) and 22 (special
# purposes: COVID-19). 20 is external causes ("Fall from ladder"), 21 the
# circumstances of an encounter ("Bankruptcy").
CHAPTERS = frozenset({str(n) for n in range(1, 20)} | {"22"})
MAX_WORDS = 3
MIN_SINGLE = 5  # letters in a one-word name

# Words that mark a code's detail, not a condition's name.
QUALIFIERS = frozenset("""
other unspecified specified with without due to in of for and or by from following classified elsewhere
encounter history status not than complicating affecting involving site region part left right
bilateral unilateral initial subsequent sequela stage type as at on use nos
""".split())

# One-word names that are anatomy, an event or an ordinary word before they
# are a condition in marketing copy.
STOPWORDS = frozenset("""
arrest atlas axis ganglion callus felon falling flushing fainting drowsiness contact exposure
bereavement blackout clavus denticles freckles ainhum calme gangosa hafous bejel frailty
problems disorder disorders disease diseases syndrome injury injuries complication complications
abnormal anomaly anomalies observation screening carrier donor findings results
astragalus malleus pannus bruit cocaine immersion infestation electrocution restzustand tokelau pinta
screaming sighing worries unhappiness hostility loneliness nervousness illness weakness shock
transgender transsexualism hermaphroditism pseudohermaphroditism overactivity lalling
death hanging confusion corrosion suffocation poisoning cloaca lichen worms hyperalimentation postmaturity
""".split())

_PARENS = re.compile(r"\s*[(\[][^()\[\]]*[)\]]")
_TAIL = re.compile(r"(?:,\s*(?:unspecified|not elsewhere classified|NEC)|,?\s+NOS)\s*$")
_WORD = re.compile(r"[A-Za-z][A-Za-z'\u2019-]*[A-Za-z]$|[A-Za-z]$")


def names(titles: Iterable[str]) -> list[str]:
    """The usable condition names among ICD titles and inclusion terms,
    lower-cased, sorted, each once."""
    found = set()
    for title in titles:
        name = _name(title)
        if name:
            found.add(name)
    return sorted(found)


def _name(title: str) -> str | None:
    text = _TAIL.sub("", _PARENS.sub("", title or "")).strip().rstrip(".")
    if not text or any(mark in text for mark in ",;:/&"):
        return None
    words = text.replace("\u2019", "'").split()
    if not 1 <= len(words) <= MAX_WORDS:
        return None
    for word in words:
        if not _WORD.match(word) or word.lower() in QUALIFIERS:
            return None
        if word.isupper() and len(word) > 1:
            return None  # an abbreviation ("CADASIL", "FPIES")
    name = " ".join(words).lower()
    if len(words) == 1 and (len(name) < MIN_SINGLE or name in STOPWORDS):
        return None
    return name


def titles(xml: Path, chapters=CHAPTERS) -> list[str]:
    """Every code title and inclusion term of the tabular list's ``chapters``."""
    import xml.etree.ElementTree as ET

    root = ET.parse(xml).getroot()
    found = []
    for chapter in root.iter("chapter"):
        if chapter.findtext("name") not in chapters:
            continue
        for diag in chapter.iter("diag"):
            found.append(diag.findtext("desc") or "")
            found += [note.text or "" for note in diag.findall("inclusionTerm/note")]
    return found


def load(name: str) -> tuple[str, ...]:
    """The shipped names of terminology ``name`` (``icd10cm``)."""
    if name not in NAMES:
        raise KeyError(name)
    text = (DATA / NAMES[name]).read_text(encoding="utf-8")
    return tuple(line for line in text.splitlines() if line and not line.startswith("#"))


def source_xml() -> tuple[Path, str]:
    """The tabular list inside the installed ``simple-icd-10-cm``, and the
    package's version."""
    from importlib import metadata, util

    version = metadata.version("simple-icd-10-cm")
    spec = util.find_spec("simple_icd_10_cm")  # found, not imported (it parses the list on import)
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError("simple_icd_10_cm is not importable")
    folder = Path(next(iter(spec.submodule_search_locations))) / "data"
    xml = sorted(folder.glob("icd10c-tabular*.xml"))
    if not xml:
        raise FileNotFoundError(f"no tabular list in {folder}")
    return xml[-1], version


def render(found: list[str], xml: Path, version: str) -> str:
    """The file's text: a header of provenance, then the names. No date: the
    same package gives the same bytes (a test regenerates it)."""
    import hashlib

    digest = hashlib.sha256(xml.read_bytes()).hexdigest()
    header = [
        "# Condition names from ICD-10-CM (the tabular list, chapters 1-19 and 22),",
        "# written by `python -m claimcheck.terminology` (see claimcheck/terminology.py).",
        f"# source: simple-icd-10-cm {version}, {xml.name}, sha256 {digest}",
        f"# names: {len(found)}",
    ]
    return "\n".join(header + found) + "\n"


def main(argv: list[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=DATA / NAMES["icd10cm"])
    args = parser.parse_args(argv)
    try:
        xml, version = source_xml()
    except (ImportError, FileNotFoundError, ValueError) as error:
        print(f"claimcheck.terminology: needs simple-icd-10-cm (pip install 'claimcheck[terminology]'): {error}",
              file=sys.stderr)
        return 2
    found = names(titles(xml))
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(render(found, xml, version), encoding="utf-8")
    print(f"{len(found)} names from {xml.name} (simple-icd-10-cm {version}) -> {args.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
