"""Every script in ``examples/`` runs and prints something a person would want to read."""

from __future__ import annotations

import re
import runpy
import sys
from pathlib import Path

import pytest

from banenafspraak import available_rule_sets

EXAMPLES = sorted((Path(__file__).parent.parent / "examples").glob("*.py"))

# What each script of this repository must say; a script added later needs only to run and print.
MUST_SAY: dict[str, tuple[str, ...]] = {
    "single_employer.py": (
        "Quotum of G in 2018 under wbqa-2015",
        "B quotum (%): 1.93",
        "dewi-beschut",
        "BESCHUT",
        "no pool (NOT-REG)",
    ),
    "agency_and_wsw.py": (
        "omar-hirer-unknown  government 27.8% + market 72.2%",
        "WSW-INTERNAL",
        "Q15-LENDER-A",
        "380000 h left out in 2019",
    ),
    "procurement_and_sroi.py": ("W15-PROCUREMENT", "Jobs credited to the buying municipality"),
    "sector_monitoring.py": ("2015  market", "met", "missed", "gemeenten"),
}


def run(script: Path, capsys: pytest.CaptureFixture[str]) -> str:
    """Run a script as ``python examples/NAME.py`` with no arguments would."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(sys, "argv", [str(script)])
        runpy.run_path(str(script), run_name="__main__")
    return capsys.readouterr().out


def test_there_are_at_least_the_four_examples() -> None:
    assert {p.name for p in EXAMPLES} >= set(MUST_SAY)


@pytest.mark.parametrize("script", EXAMPLES, ids=lambda p: p.name)
def test_the_example_runs_and_prints_a_readable_result(
    script: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = run(script, capsys)
    lines = [line for line in out.splitlines() if line.strip()]
    assert len(lines) >= 5, out
    assert re.search(r"\d", out), "a result without a single number"
    for phrase in MUST_SAY.get(script.name, ()):
        assert phrase in out


@pytest.mark.parametrize(
    "script", ["procurement_and_sroi.py", "agency_and_wsw.py", "sector_monitoring.py"]
)
def test_the_comparing_examples_show_every_registered_rule_set(
    script: str, capsys: pytest.CaptureFixture[str]
) -> None:
    out = run(next(p for p in EXAMPLES if p.name == script), capsys)
    for name in available_rule_sets():
        assert f"{name}" in out
    # every rule set gets its own section
    assert out.count("== ") >= len(available_rule_sets())
