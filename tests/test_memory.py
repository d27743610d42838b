"""What a count makes is freed as soon as it is dropped.

A national year keeps hundreds of megabytes in its tables and results. Reference counting
frees them the moment they are dropped only if nothing of the library holds a reference cycle:
an object in a cycle waits for a full collection of the cyclic garbage collector, which may come
late.
"""

from __future__ import annotations

import gc
import weakref
from collections import Counter
from collections.abc import Callable, Iterator

import pytest

import banenafspraak
from banenafspraak import available_rule_sets, batch
from banenafspraak.synthetic import SizeSpec, generate

RULE_SETS = available_rule_sets()
DATA = generate(SizeSpec(name="300", placements=300, years=2), seed=5, year=2019)


@pytest.fixture
def collector_paused() -> Iterator[None]:
    """The collector off for the test (so that only a cycle can keep what was dropped)."""
    gc.collect()
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def cyclic_garbage(action: Callable[[], object]) -> Counter[str]:
    """The objects in reference cycles that ``action`` leaves once its result is dropped."""
    gc.collect()
    gc.set_debug(gc.DEBUG_SAVEALL)
    try:
        action()
        gc.collect()
        found = Counter(type(o).__name__ for o in gc.garbage)
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
        gc.collect()
    return found


def batch_actions(rules: str) -> dict[str, Callable[[batch.Tables], object]]:
    return {
        "count": lambda t: batch.count_jobs(t, rules=rules, year=2019),
        "assess_quotum": lambda t: batch.assess_quotum(t, rules=rules, year=2019),
        "subsector_monitoring": lambda t: batch.subsector_monitoring(t, rules=rules, year=2019),
        "procurement_jobs": lambda t: batch.procurement_jobs(t, rules=rules, year=2019),
        "durability": lambda t: batch.durability(t, rules=rules),
        "trend": lambda t: batch.trend(t, rules=rules),
    }


@pytest.mark.parametrize("rules", RULE_SETS)
@pytest.mark.usefixtures("collector_paused")
def test_tables_are_freed_when_dropped_with_every_count_and_report_they_keep(rules: str) -> None:
    tables = batch.Tables.from_columns(DATA.tables())
    for action in batch_actions(rules).values():
        action(tables)
    dropped = weakref.ref(tables)
    del tables
    assert dropped() is None, "a reference cycle keeps the tables (and all they keep) alive"


def on_new_tables(action: Callable[[batch.Tables], object]) -> Callable[[], object]:
    return lambda: action(batch.Tables.from_columns(DATA.tables()))


@pytest.mark.parametrize("rules", RULE_SETS)
@pytest.mark.usefixtures("collector_paused")
def test_no_count_quotum_or_report_leaves_cyclic_garbage(rules: str) -> None:
    scenario = DATA.to_scenario()
    actions = {f"batch {name}": on_new_tables(a) for name, a in batch_actions(rules).items()}
    actions.update(
        {
            "count_jobs": lambda: banenafspraak.count_jobs(scenario, rules=rules, year=2019),
            "assess_quotum": lambda: banenafspraak.assess_quotum(scenario, rules=rules, year=2019),
            "durability": lambda: banenafspraak.durability(scenario, rules=rules),
        }
    )
    left = {name: cyclic_garbage(action) for name, action in actions.items()}
    assert {name: found for name, found in left.items() if found} == {}
