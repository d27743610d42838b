"""The contract of a rule set (:mod:`banenafspraak.testing`), run against every registered one.

The same suite a plug-in runs on itself: one test class per registered rule set.
"""

from __future__ import annotations

from banenafspraak import available_rule_sets, rule_set
from banenafspraak.testing import RuleSetContract

RULE_SETS = available_rule_sets()

for _name in RULE_SETS:
    _cls = type(
        f"TestContractOf_{_name.replace('-', '_')}", (RuleSetContract,), {"rules": rule_set(_name)}
    )
    globals()[_cls.__name__] = _cls


def test_the_contract_runs_against_every_built_in_rule_set() -> None:
    assert {"wbqa-2015", "contouren-2018", "wet-banenafspraak-2025"} <= set(RULE_SETS)
    assert all(any(name.endswith(n.replace("-", "_")) for name in globals()) for n in RULE_SETS)
