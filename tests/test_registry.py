"""The registry, its selectors and its errors."""

from __future__ import annotations

import pytest

from banenafspraak import (
    NoRuleSetInForceError,
    RuleSet,
    UnknownRuleSetError,
    available_rule_sets,
    default_parameters,
    rule_set,
    rule_set_in_force,
)
from banenafspraak.rulesets import BUILT_IN, resolve, rule_sets


def test_every_registered_rule_set_is_listed_and_found_by_its_name() -> None:
    for name in available_rule_sets():
        rules = rule_set(name)
        assert rules.name == name
        assert isinstance(rules, RuleSet)
        assert resolve(name) is rules
        assert resolve(rules) is rules
    assert set(BUILT_IN) <= set(rule_sets())


def test_an_unknown_name_is_refused_with_the_names_that_exist() -> None:
    with pytest.raises(UnknownRuleSetError, match="available rule sets: wbqa-2015") as caught:
        rule_set("wbqa-2016")
    assert caught.value.name == "wbqa-2016"
    assert isinstance(caught.value, LookupError)


def test_the_2015_rules_are_in_force_from_1_may_2015_not_the_day_before() -> None:
    assert rule_set_in_force("2015-05-01").name == "wbqa-2015"
    assert rule_set_in_force("2020-06-30").name in available_rule_sets()
    with pytest.raises(NoRuleSetInForceError, match="on 2015-04-30; the earliest"):
        rule_set_in_force("2015-04-30")


def test_the_selector_accepts_parameters() -> None:
    params = default_parameters()
    assert rule_set_in_force("2016-01-01", parameters=params).name == "wbqa-2015"


class _EntryPoint:
    def __init__(self, name: str, value: object) -> None:
        self.name = name
        self.value = f"plugin:{name}"
        self._loaded = value

    def load(self) -> object:
        return self._loaded


def test_a_plugin_that_is_not_a_rule_set_is_refused_by_name(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import banenafspraak.rulesets as registry  # noqa: PLC0415

    monkeypatch.setattr(registry, "entry_points", lambda group: [_EntryPoint("bad", 42)])
    registry._plugins.cache_clear()
    try:
        with pytest.raises(TypeError, match=r"entry point 'bad' .* is not a rule set"):
            available_rule_sets()
    finally:
        monkeypatch.undo()
        registry._plugins.cache_clear()


def test_a_plugin_cannot_take_a_built_in_name(monkeypatch: pytest.MonkeyPatch) -> None:
    import banenafspraak.rulesets as registry  # noqa: PLC0415
    from banenafspraak.rulesets.wbqa_2015 import Wbqa2015  # noqa: PLC0415

    monkeypatch.setattr(registry, "entry_points", lambda group: [_EntryPoint("x", Wbqa2015)])
    registry._plugins.cache_clear()
    try:
        with pytest.warns(UserWarning, match="built-in rule set name; it is ignored"):
            names = available_rule_sets()
        assert names.count("wbqa-2015") == 1
    finally:
        monkeypatch.undo()
        registry._plugins.cache_clear()
