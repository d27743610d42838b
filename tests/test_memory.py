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
from types import ModuleType

import pytest

import banenafspraak
from banenafspraak import available_rule_sets, batch
from banenafspraak._util import paused_gc
from banenafspraak.synthetic import SizeSpec, generate

RULE_SETS = available_rule_sets()
DATA = generate(SizeSpec(name="300", placements=300, years=2), seed=5, year=2019)


@pytest.fixture
def collector_paused() -> Iterator[None]:
    """The collector off for the test, so that only a cycle can keep what was dropped.

    Not :func:`paused_gc`, whose end moves what is kept to the oldest generation. Pytest runs
    what follows ``yield`` also when the test fails.
    """
    gc.collect()
    gc.disable()
    yield
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


RESULTS = (
    "count_jobs",
    "assess_quotum",
    "subsector_monitoring",
    "procurement_jobs",
    "durability",
    "trend",
)
"""Every count, quotum and report, each a function of the same name on both engines."""
ENGINES: dict[str, tuple[ModuleType, Callable[[], object]]] = {
    "pure": (banenafspraak, DATA.to_scenario),
    "batch": (batch, lambda: batch.Tables.from_columns(DATA.tables())),
}
"""Each engine's module, and a function that gives it the data anew."""


def result(module: ModuleType, name: str, data: object, rules: str) -> object:
    """``module.name`` of ``data`` under ``rules``, for 2019 (the whole data for a window)."""
    function = getattr(module, name)
    if name in {"durability", "trend"}:
        return function(data, rules=rules)
    return function(data, rules=rules, year=2019)


def asking(
    module: ModuleType, name: str, data: Callable[[], object], rules: str
) -> Callable[[], object]:
    """:func:`result` of new data, when called."""
    return lambda: result(module, name, data(), rules)


@pytest.mark.parametrize("rules", RULE_SETS)
@pytest.mark.usefixtures("collector_paused")
def test_tables_are_freed_when_dropped_with_every_count_and_report_they_keep(rules: str) -> None:
    tables = batch.Tables.from_columns(DATA.tables())
    for name in RESULTS:
        result(batch, name, tables, rules)
    dropped = weakref.ref(tables)
    del tables
    assert dropped() is None, "a reference cycle keeps the tables (and all they keep) alive"


@pytest.mark.parametrize("rules", RULE_SETS)
@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.usefixtures("collector_paused")
def test_no_count_quotum_or_report_leaves_cyclic_garbage(engine: str, rules: str) -> None:
    module, data = ENGINES[engine]
    left = {name: cyclic_garbage(asking(module, name, data, rules)) for name in RESULTS}
    assert {name: found for name, found in left.items() if found} == {}


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.usefixtures("collector_paused")
def test_a_comparison_of_every_law_leaves_no_cyclic_garbage(engine: str) -> None:
    module, data = ENGINES[engine]
    assert cyclic_garbage(lambda: module.compare(data(), year=2019)) == Counter()


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
