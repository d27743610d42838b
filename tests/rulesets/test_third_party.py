"""A third-party rule set registered through the entry-point group ``banenafspraak.rulesets``.

The tests write a tiny installed distribution (a ``*.dist-info`` with ``entry_points.txt``) into a
temporary folder on ``sys.path`` and clear the registry's cache, as a ``pip install`` would.
"""

from __future__ import annotations

import sys
import textwrap
from collections.abc import Iterator
from fractions import Fraction
from pathlib import Path

import attrs
import pytest

from banenafspraak import (
    LegalReference,
    Pool,
    Reason,
    RuleSet,
    assess_quotum,
    available_rule_sets,
    compare,
    count_jobs,
    rule_set,
    rule_set_in_force,
)
from banenafspraak.demo import example_scenario
from banenafspraak.rulesets import refresh

MODULE = "banenafspraak_flat_rules"

SOURCE = textwrap.dedent(
    '''
    """A flat rule set: every registered hour counts nationally at the formal employer."""

    from decimal import Decimal

    import attrs

    from banenafspraak import LegalReference, Pool, Reason
    from banenafspraak.rulesets import common

    FLAT = Reason(code="FLAT", text="counts at the formal employer",
                  reference=LegalReference(law="a thought experiment"))


    @attrs.frozen
    class Flat:
        name: str = "flat-national"
        version: str = "1"
        title: str = "A flat national count"
        in_force_from: None = None
        references: tuple = (FLAT.reference,)
        pools: tuple = (Pool.NATIONAL,)
        extra_parameters: tuple = ()

        def starts(self, parameters):
            return None

        def attribute(self, placement, pay_period, context):
            person = context.person(placement.person)
            registration, why = common.membership(
                placement, pay_period, person, context.parameters)
            if registration is None:
                return (common.excluded(why),)
            return (common.counted(Pool.NATIONAL, placement.employer, (why, FLAT)),)

        def targets(self, year, parameters):
            return {Pool.NATIONAL: Decimal(0)}

        def assess_quotum(self, employer, year, ledger, context):
            return common.NoInstrument(employer=employer.id, year=year, rules=self.name,
                                       reasons=(FLAT,))


    NOT_A_RULE_SET = object()
    '''
)


def _install(folder: Path, entries: str) -> None:
    (folder / f"{MODULE}.py").write_text(SOURCE)
    info = folder / "banenafspraak_flat_rules-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: banenafspraak-flat-rules\n")
    (info / "entry_points.txt").write_text(f"[banenafspraak.rulesets]\n{entries}\n")


@pytest.fixture
def installed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A folder on sys.path that acts as site-packages; the registry is reset afterwards."""
    monkeypatch.syspath_prepend(str(tmp_path))
    refresh()
    yield tmp_path
    refresh()
    sys.modules.pop(MODULE, None)


def test_a_third_party_class_is_listed_beside_the_built_in_rule_sets(installed: Path) -> None:
    _install(installed, f"flat = {MODULE}:Flat")
    names = available_rule_sets()
    assert names[:3] == ("wbqa-2015", "contouren-2018", "wet-banenafspraak-2025")
    assert names[3:] == ("flat-national",)
    assert isinstance(rule_set("flat-national"), RuleSet)


def test_the_third_party_rule_set_keeps_the_invariants_it_can(installed: Path) -> None:
    """Nothing lost; shares add to one pool; pool and employer totals are sums of attributions."""
    _install(installed, f"flat = {MODULE}:Flat")
    scenario = example_scenario()
    count = count_jobs(scenario, rules="flat-national", year=2019)
    assert count.input_hours == count.counted_hours + count.excluded_hours
    total_input = sum(
        (Fraction(p.hours) for pl in scenario.placements for p in pl.hours if p.start.year == 2019),
        start=Fraction(0),
    )
    assert count.input_hours == total_input
    assert count.pools[Pool.NATIONAL].hours == sum(
        (a.hours for a in count.attributions if a.pool is not None), Fraction(0)
    )
    for employer, tally in count.employers.items():
        assert tally.jobs == sum(
            (a.jobs for a in count.attributions if a.credited_to == employer), Fraction(0)
        )
    assert count_jobs(scenario, rules="flat-national", year=2019) == count
    assert not assess_quotum(scenario, rules="flat-national", year=2019).liable()


def test_the_third_party_rule_set_compares_with_the_built_in_ones(installed: Path) -> None:
    _install(installed, f"flat = {MODULE}:Flat")
    comparison = compare(
        example_scenario(), rules=["wet-banenafspraak-2025", "flat-national"], year=2019
    )
    national = comparison.pool("national").differences
    (difference,) = national
    # the flat rules count internal Wsw work and beschut werk, which the 2025 law excludes
    assert {c.placement for c in difference.placements} == {"s-v", "g-t"}


def test_a_rule_set_without_a_date_is_never_selected_by_date(installed: Path) -> None:
    _install(installed, f"flat = {MODULE}:Flat")
    assert rule_set_in_force("2030-01-01").name == "wet-banenafspraak-2025"


def test_a_third_party_cannot_take_a_built_in_name(installed: Path) -> None:
    source = SOURCE.replace('name: str = "flat-national"', 'name: str = "wbqa-2015"')
    _install(installed, f"flat = {MODULE}:Flat")
    (installed / f"{MODULE}.py").write_text(source)
    with pytest.warns(UserWarning, match="built-in rule set name"):
        names = available_rule_sets()
    assert names == ("wbqa-2015", "contouren-2018", "wet-banenafspraak-2025")


def test_an_entry_point_that_is_not_a_rule_set_is_refused(installed: Path) -> None:
    _install(installed, f"broken = {MODULE}:NOT_A_RULE_SET")
    with pytest.raises(TypeError, match="is not a rule set"):
        available_rule_sets()


def test_a_plug_in_reason_with_a_field_of_its_own_keeps_it_with_the_details_of_a_case() -> None:
    @attrs.frozen(kw_only=True)
    class LinkedReason(Reason):
        link: str = ""

    reason = LinkedReason(
        code="X-LINK", text="a rule", reference=LegalReference(law="Wfsv"), link="https://x"
    )
    detailed = reason.with_detail("employer E")
    assert isinstance(detailed, LinkedReason)
    assert (detailed.link, detailed.detail) == ("https://x", "employer E")
    plain = Reason(code="X", text="a rule", reference=LegalReference(law="Wfsv"))
    assert plain.with_detail("employer E") == attrs.evolve(plain, detail="employer E")
