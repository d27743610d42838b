"""Outcomes of a fixed scenario catalogue, per rule set, against reviewed golden files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from banenafspraak import available_rule_sets
from golden_catalogue import golden

GOLDEN = Path(__file__).parent / "golden"


@pytest.mark.parametrize("rules", available_rule_sets())
def test_outcomes_match_the_reviewed_golden_file(rules: str) -> None:
    """A change of outcome must come with a regenerated, reviewed golden file
    (``python scripts/generate_golden.py``).
    """
    path = GOLDEN / f"{rules}.json"
    assert path.exists(), f"no golden file for {rules}: run scripts/generate_golden.py"
    expected = json.loads(path.read_text())
    assert golden(rules) == expected
