"""What a count makes is freed as soon as it is dropped, and the collector does not walk it.

A national year keeps hundreds of megabytes in its tables and results. Reference counting
frees them the moment they are dropped only if nothing of the library holds a reference cycle:
an object in a cycle waits for a full collection of the cyclic garbage collector, which may come
late. And what a count keeps is moved to the collector's oldest generation when the count ends
(:func:`banenafspraak._util.paused_gc`), so the first collections after it do not walk it.
"""

from __future__ import annotations

import gc
import weakref
from collections import Counter
from collections.abc import Callable, Iterator

import pytest

import banenafspraak
from banenafspraak import available_rule_sets, batch
from banenafspraak._util import paused_gc
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


def test_what_a_paused_phase_keeps_is_moved_to_the_oldest_generation() -> None:
    with paused_gc():
        kept = [[n] for n in range(1000)]
    assert gc.isenabled()
    oldest = {id(o) for o in gc.get_objects(generation=2)}
    assert all(id(o) in oldest for o in kept)
    assert not any(id(o) in oldest for o in [[n] for n in range(10)])


def test_a_paused_phase_leaves_the_processs_own_frozen_objects_frozen() -> None:
    frozen = [[n] for n in range(10)]
    gc.freeze()
    try:
        with paused_gc():
            kept = [[n] for n in range(1000)]
        collected = {id(o) for o in gc.get_objects()}  # every generation but the frozen one
        assert not any(id(o) in collected for o in frozen)
        assert all(id(o) in collected for o in kept)
        oldest = {id(o) for o in gc.get_objects(generation=2)}
        assert not any(id(o) in oldest for o in kept)
    finally:
        gc.unfreeze()


def test_a_phase_inside_one_the_caller_paused_leaves_the_collector_paused() -> None:
    gc.disable()
    try:
        with paused_gc():
            kept = [[n] for n in range(1000)]
        assert not gc.isenabled()
        oldest = {id(o) for o in gc.get_objects(generation=2)}
        assert not any(id(o) in oldest for o in kept)
    finally:
        gc.enable()
