"""The example in ``examples/custom_rule_set.py`` runs, registers its rule set and cleans up."""

from __future__ import annotations

import importlib.util
import runpy
import sys
from pathlib import Path

import pytest

from banenafspraak import RuleSet, available_rule_sets
from banenafspraak.testing import RuleSetContract

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


def _example_rule_set() -> RuleSet:
    """``BUYER_2015`` of the example, loaded without running it."""
    spec = importlib.util.spec_from_file_location("custom_rule_set_contract", EXAMPLE)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    rules: RuleSet = module.BUYER_2015
    return rules


class TestTheExampleKeepsTheContract(RuleSetContract):
    """The library's contract suite, as a plug-in runs it on itself: both engines included."""

    rules = _example_rule_set()
