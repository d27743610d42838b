"""The rule-set registry: one explicit table, a selector by name, a selector by date, a lister.

Built-in rule sets are listed here by hand (no import side effects). Third-party rule sets arrive
through the entry-point group ``banenafspraak.rulesets``: each entry point names a rule-set object
(or a class to instantiate without arguments). They are loaded lazily, the first time the registry
is asked, and listed beside the built-in ones; a built-in name cannot be taken over.
"""

from __future__ import annotations

import functools
import warnings
from collections.abc import Mapping
from importlib.metadata import entry_points
from types import MappingProxyType

from banenafspraak._util import to_date
from banenafspraak.exceptions import InvalidTypeError, NoRuleSetInForceError, UnknownRuleSetError
from banenafspraak.parameters import Parameters, default_parameters
from banenafspraak.rulesets._protocol import (
    Attribution,
    Figure,
    FigureValue,
    FormalQueries,
    Ledger,
    QuotumResult,
    Reason,
    RuleContext,
    RuleSet,
    Share,
    Stage,
    StageSelection,
    years_employed,
)
from banenafspraak.rulesets.contouren_2018 import CONTOUREN_2018
from banenafspraak.rulesets.wbqa_2015 import WBQA_2015
from banenafspraak.rulesets.wet_2025 import WET_2025

__all__ = [
    "BUILT_IN",
    "ENTRY_POINT_GROUP",
    "Attribution",
    "Figure",
    "FigureValue",
    "FormalQueries",
    "Ledger",
    "QuotumResult",
    "Reason",
    "RuleContext",
    "RuleSet",
    "Share",
    "Stage",
    "StageSelection",
    "available_rule_sets",
    "refresh",
    "resolve",
    "rule_set",
    "rule_set_in_force",
    "rule_sets",
    "years_employed",
]

ENTRY_POINT_GROUP = "banenafspraak.rulesets"

BUILT_IN: Mapping[str, RuleSet] = MappingProxyType(
    {
        WBQA_2015.name: WBQA_2015,
        CONTOUREN_2018.name: CONTOUREN_2018,
        WET_2025.name: WET_2025,
    }
)
"""The rule sets that ship with the library, by name."""


@functools.cache
def _plugins() -> Mapping[str, RuleSet]:
    found: dict[str, RuleSet] = {}
    for entry in sorted(entry_points(group=ENTRY_POINT_GROUP), key=lambda e: e.name):
        loaded = entry.load()
        candidate = loaded() if isinstance(loaded, type) else loaded
        if not isinstance(candidate, RuleSet):
            msg = f"entry point {entry.name!r} ({entry.value}) is not a rule set: {candidate!r}"
            raise InvalidTypeError(msg)
        if candidate.name in BUILT_IN:
            warnings.warn(
                f"entry point {entry.value} registers {candidate.name!r}, "
                "a built-in rule set name; it is ignored",
                stacklevel=2,
            )
            continue
        found[candidate.name] = candidate
    return MappingProxyType(found)


def refresh() -> None:
    """Read the entry points again (after installing or removing a plug-in in this process)."""
    _plugins.cache_clear()


def rule_sets() -> Mapping[str, RuleSet]:
    """Every registered rule set by name: the built-in ones, then third-party ones."""
    return MappingProxyType({**BUILT_IN, **_plugins()})


def available_rule_sets() -> tuple[str, ...]:
    """The names of every registered rule set.

    >>> "wbqa-2015" in available_rule_sets()
    True
    """
    return tuple(rule_sets())


def rule_set(name: str) -> RuleSet:
    """The rule set registered as ``name``.

    Raises:
        UnknownRuleSetError: naming the rule sets that are available.
    """
    registry = rule_sets()
    try:
        return registry[name]
    except KeyError:
        raise UnknownRuleSetError(name, tuple(registry)) from None


def resolve(rules: str | RuleSet) -> RuleSet:
    """A rule set given by name or as an object."""
    return rule_set(rules) if isinstance(rules, str) else rules


def rule_set_in_force(on: object, *, parameters: Parameters | None = None) -> RuleSet:
    """The rule set in force on a date: the latest start on or before it.

    Each rule set says when it starts (:meth:`RuleSet.starts`); one that never started (``None``)
    is never selected. The start of the 2025 law is the parameter
    ``wet2025.article_2_in_force`` (override it in ``parameters``).

    Raises:
        NoRuleSetInForceError: for a date before the earliest start.
    """
    day = to_date(on)
    params = parameters or default_parameters()
    dated = sorted(
        ((start, rs) for rs in rule_sets().values() if (start := rs.starts(params)) is not None),
        key=lambda pair: pair[0],
    )
    chosen: RuleSet | None = None
    for start, candidate in dated:
        if start <= day:
            chosen = candidate
    if chosen is None:
        earliest = dated[0][0] if dated else None
        raise NoRuleSetInForceError(day, earliest)
    return chosen
