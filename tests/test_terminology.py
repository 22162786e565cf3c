"""Condition names from ICD-10-CM (claimcheck/terminology.py)."""

from __future__ import annotations

import importlib.util

import pytest

from claimcheck import terminology


def test_names_keep_plain_condition_names_and_drop_code_detail():
    titles = [
        "Cholera", "Cholera, unspecified", "Classical cholera", "Hepatitis NOS",
        "Parkinson's disease", "Essential (primary) hypertension", "Migraine without aura",
        "Other specified disorders of the eye", "Arrest, cardiac", "CADASIL", "Gout",
        "Fracture of left femur", "Atlas", "Tension-type headache", "Acute upper respiratory infection",
        "Type 2 diabetes mellitus", "Bilateral primary osteoarthritis of knee",
    ]
    assert terminology.names(titles) == [
        "cholera", "classical cholera", "essential hypertension", "hepatitis", "parkinson's disease",
        "tension-type headache"]


def test_the_shipped_list_has_its_provenance_and_common_conditions():
    header = (terminology.DATA / terminology.NAMES["icd10cm"]).read_text(encoding="utf-8").splitlines()[:4]
    assert header[2].startswith("# source: simple-icd-10-cm ") and "sha256 " in header[2]
    found = set(terminology.load("icd10cm"))
    assert int(header[3].split()[-1]) == len(found)
    assert {"glaucoma", "tinnitus", "psoriasis", "multiple sclerosis", "hepatitis"} <= found
    assert not found & {"atlas", "death", "transgender", "falling"}  # stop words
    assert all(name == name.lower() and name.strip() == name for name in found)


@pytest.mark.skipif(importlib.util.find_spec("simple_icd_10_cm") is None,
                    reason="simple-icd-10-cm is not installed (pip install 'claimcheck[terminology]')")
def test_the_shipped_list_is_what_the_script_writes(tmp_path):
    """Reproducible: the pinned package gives the committed bytes."""
    output = tmp_path / "names.txt"
    assert terminology.main(["--output", str(output)]) == 0
    shipped = terminology.DATA / terminology.NAMES["icd10cm"]
    assert output.read_bytes() == shipped.read_bytes()
