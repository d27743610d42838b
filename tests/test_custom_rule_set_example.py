"""The example in ``examples/custom_rule_set.py`` runs, registers its rule set and cleans up."""

from __future__ import annotations

import runpy
import sys
from pathlib import Path

import pytest

from banenafspraak import available_rule_sets

EXAMPLE = Path(__file__).parent.parent / "examples" / "custom_rule_set.py"


def test_the_custom_rule_set_example_registers_and_compares(
    capsys: pytest.CaptureFixture[str],
) -> None:
    before = list(sys.path)
    runpy.run_path(str(EXAMPLE), run_name="__main__")
    out = capsys.readouterr().out
    assert "under wbqa-2015-buyer" in out
    assert "employer G: 3.322 under wbqa-2015 -> 4.882 under wbqa-2015-buyer (+1.560 jobs)" in out
    assert "X-BUYER" in out
    # the example leaves the registry and sys.path as it found them
    assert "wbqa-2015-buyer" not in available_rule_sets()
    assert sys.path == before
    sys.modules.pop("custom_rule_set", None)
