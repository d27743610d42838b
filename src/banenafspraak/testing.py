"""The contract every rule set keeps, as a test suite a plug-in runs on itself.

Subclass :class:`RuleSetContract` in your own test suite and name your rule set; pytest then runs
every check below against it, with scenarios drawn by Hypothesis (extra ``testing``)::

    from banenafspraak.testing import RuleSetContract
    from my_policy_lab.rules import BUYER_CREDIT

    class TestBuyerCredit(RuleSetContract):
        rules = BUYER_CREDIT

The library runs the same suite against every registered rule set. The checks are the invariants
of the design (nothing lost; one pool or a reason; totals are sums; order and names do not
matter; monotone; additive; deterministic) and the contract of the protocol: every member
declared, shares that add up to one, targets for the rule set's own pools, and a quotum that reads
only the year's :class:`~banenafspraak.rulesets.Ledger` and returns a
:class:`~banenafspraak.rulesets.QuotumResult` with the same figures for every employer; and the
contract the batch engine relies on: a rule reads no more of a pay period and its context than
:meth:`~banenafspraak.rulesets.RuleSet.attribute` allows, so both engines count the same, to the
exact fraction. That check needs the ``batch`` extra besides ``testing``.
"""

from __future__ import annotations

import calendar
from collections import defaultdict
from decimal import Decimal
from fractions import Fraction
from typing import ClassVar

import attrs
import pendulum
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from banenafspraak.counting import assess_quotum, count_jobs, ledger_of, parameters_for
from banenafspraak.employers import Employer, EmployerId
from banenafspraak.parameters import Parameter, default_parameters
from banenafspraak.people import Ground, Person, Registration
from banenafspraak.periods import Period
from banenafspraak.placements import PayPeriod, Placement
from banenafspraak.procurement import ContractKind, ProcurementContract
from banenafspraak.references import LegalReference
from banenafspraak.rulesets import QuotumResult, Reason, RuleContext, RuleSet
from banenafspraak.scenario import Scenario
from banenafspraak.sectors import Pool, Sector
from banenafspraak.strategies import hours, scenarios

__all__ = ["RuleSetContract", "contracts_in_part", "input_hours", "placement_hours", "renamed"]

_SETTINGS = settings(deadline=None, suppress_health_check=[HealthCheck.differing_executors])
"""Every subclass runs the same methods on purpose (one per rule set)."""

MEASURED = st.sampled_from(
    [
        Period.year(2018),
        Period.year(2019),
        Period.quarter(2019, 2),
        Period.month(2018, 3),
        Period.of("2018-03-10", "2019-02-20"),
    ]
)


def placement_hours(placement: Placement, period: Period) -> Fraction:
    """The hours of one placement inside ``period`` (a straddling pay period pro rata by days)."""
    total = Fraction(0)
    for pay in placement.hours:
        overlap = period.overlap_days(pay.period)
        if overlap:
            total += Fraction(pay.hours) * overlap / pay.period.days
    return total


def input_hours(scenario: Scenario, period: Period) -> Fraction:
    """All hours of a scenario inside ``period``."""
    return sum((placement_hours(p, period) for p in scenario.placements), Fraction(0))


def renamed(scenario: Scenario, suffix: str) -> Scenario:
    """The same scenario with ``suffix`` appended to every id."""

    def rn(value: str) -> str:
        return f"{value}{suffix}"

    def rn_opt(value: str | None) -> str | None:
        return None if value is None else rn(value)

    return Scenario(
        employers=tuple(attrs.evolve(e, id=rn(e.id)) for e in scenario.employers),
        people=tuple(attrs.evolve(p, id=rn(p.id)) for p in scenario.people),
        placements=tuple(
            attrs.evolve(
                p,
                id=rn(p.id),
                person=rn(p.person),
                employer=rn(p.employer),
                hirer=rn_opt(p.hirer),
                contract=rn_opt(p.contract),
            )
            for p in scenario.placements
        ),
        contracts=tuple(
            attrs.evolve(c, id=rn(c.id), buyer=rn(c.buyer), supplier=rn(c.supplier))
            for c in scenario.contracts
        ),
        baseline=scenario.baseline,
        parameters=scenario.parameters,
    )


_SAME_LENGTH = ((1, 3, 5, 7, 8, 10, 12), (4, 6, 9, 11))
"""The months of 2019 with 31 days, and those with 30."""


@st.composite
def contracts_in_part(draw: st.DrawFn) -> Scenario:
    """Jobs of 2019 at one supplier for contracts of one buyer that start and end inside months.

    Every pay period is a calendar month. A contract starts ``c`` days before the end of one
    month and ends on day ``c`` of a later month of the same length, so that the pay periods
    of those two months are covered for as many days, one at its end and one at its start:
    what the batch engine's situations must tell apart. The jobs' pay periods fall in the
    contracts' first and last months.
    """
    found = []
    months: set[int] = set()
    for i in range(draw(st.integers(1, 3))):
        first, last = sorted(
            draw(
                st.lists(
                    st.sampled_from(draw(st.sampled_from(_SAME_LENGTH))),
                    min_size=2,
                    max_size=2,
                    unique=True,
                )
            )
        )
        length = calendar.monthrange(2019, first)[1]
        covered = draw(st.integers(1, length - 1))
        months.update((first, last))
        found.append(
            ProcurementContract(
                id=f"K{i}",
                buyer="B",
                supplier="S",
                period=Period(
                    start=pendulum.Date(2019, first, length - covered + 1),
                    end=pendulum.Date(2019, last, covered),
                ),
                kind=draw(st.sampled_from(ContractKind)),
            )
        )
    grounds = st.sampled_from([Ground.WAJONG, Ground.PARTICIPATION_ACT, Ground.WSW_INDICATION])
    jobs = draw(st.integers(1, 6))
    people = tuple(
        Person(id=f"P{i}", registrations=(Registration(ground=draw(grounds), start="2016-01-01"),))
        for i in range(jobs)
    )
    worked = st.lists(st.sampled_from(sorted(months)), min_size=1, max_size=4, unique=True)
    placements = tuple(
        Placement(
            id=f"L{i}",
            person=f"P{i}",
            employer="S",
            contract=draw(st.sampled_from(found)).id,
            hours=tuple(PayPeriod.month(2019, m, draw(hours())) for m in sorted(draw(worked))),
        )
        for i in range(jobs)
    )
    return Scenario(
        employers=(
            Employer(id="S", sector=Sector.MARKET),
            Employer(id="B", sector=draw(st.sampled_from(Sector))),
        ),
        people=people,
        placements=placements,
        contracts=tuple(found),
    )


def _same_on_both_engines(rules: RuleSet, scenario: Scenario, period: Period) -> None:
    """Pools, credits, monitoring and exclusions of both engines are equal (exact)."""
    from banenafspraak import batch  # noqa: PLC0415 - the batch extra, only for this check

    pure = count_jobs(scenario, rules=rules, period=period)
    counted = batch.count_jobs(batch.Tables.from_scenario(scenario), rules=rules, period=period)
    assert counted.pools == pure.pools
    assert counted.employers == pure.employers
    assert counted.monitoring == pure.monitoring
    excluded: defaultdict[str, Fraction] = defaultdict(Fraction)
    for a in pure.attributions:
        if a.excluded_because is not None:
            excluded[a.excluded_because.code] += a.hours
    assert dict(counted.excluded) == dict(excluded)


def _grown(scenario: Scenario, data: st.DataObject) -> tuple[Scenario, int] | None:
    """The scenario with more hours in one pay period, and that pay period's year."""
    if not scenario.placements:
        return None
    placement = data.draw(st.sampled_from(scenario.placements))
    pay = data.draw(st.sampled_from(placement.hours))
    extra = data.draw(st.decimals(min_value=0, max_value=100, places=2))
    more = attrs.evolve(pay, hours=pay.hours + extra)
    grown = attrs.evolve(
        placement, hours=tuple(p if p is not pay else more for p in placement.hours)
    )
    bigger = scenario.evolve(
        placements=tuple(grown if p is placement else p for p in scenario.placements)
    )
    return bigger, pay.end.year


class RuleSetContract:
    """The contract of a rule set, as pytest tests. Set ``rules`` in a subclass."""

    rules: ClassVar[RuleSet]

    # -- the protocol ------------------------------------------------------------------------

    def test_every_member_of_the_protocol_is_declared(self) -> None:
        rules = self.rules
        assert isinstance(rules, RuleSet)
        assert rules.name
        assert isinstance(rules.version, str)
        assert rules.version
        assert rules.title
        assert rules.pools
        assert all(isinstance(pool, Pool) for pool in rules.pools)
        assert all(isinstance(ref, LegalReference) for ref in rules.references)
        assert all(isinstance(p, Parameter) for p in rules.extra_parameters)
        start = rules.starts(default_parameters().including(rules.extra_parameters))
        assert start is None or isinstance(start, pendulum.Date)
        assert rules.in_force_from is None or isinstance(rules.in_force_from, pendulum.Date)

    def test_targets_name_only_the_rule_sets_own_pools(self) -> None:
        params = default_parameters().including(self.rules.extra_parameters)
        for year in (2015, 2018, 2024):
            targets = self.rules.targets(year, params)
            assert set(targets) <= set(self.rules.pools)
            assert all(isinstance(v, Decimal) for v in targets.values())

    @_SETTINGS
    @given(scenario=scenarios())
    def test_the_shares_of_a_pay_period_add_up_to_one(self, scenario: Scenario) -> None:
        params = parameters_for(scenario, None, self.rules)
        context = RuleContext(scenario=scenario, parameters=params)
        employers = {e.id for e in scenario.employers}
        for placement in scenario.placements:
            for pay in placement.hours:
                shares = self.rules.attribute(placement, pay, context)
                assert sum((s.fraction for s in shares), Fraction(0)) == 1
                for share in shares:
                    assert 0 < share.fraction <= 1
                    assert share.pool is None or share.pool in self.rules.pools
                    assert share.credited_to is None or share.credited_to in employers
                    assert share.reasons
                    assert all(isinstance(r, Reason) for r in share.reasons)

    @_SETTINGS
    @given(scenario=scenarios(), period=MEASURED)
    def test_both_engines_count_the_same(self, scenario: Scenario, period: Period) -> None:
        """The batch engine asks a rule once per situation; every hour still counts the same.

        Scenarios with pay periods and registrations that start or end inside a month, and
        contracts that cover part of a pay period: a rule set that reads only what
        :meth:`~banenafspraak.rulesets.RuleSet.attribute` allows gives, on the batch engine,
        exactly the pure path's pools, credits, exclusions and monitoring. A rule set that
        answers two pay periods of one situation differently fails here: with a different total,
        or with the engine's error naming the placements.
        """
        _same_on_both_engines(self.rules, scenario, period)

    @_SETTINGS
    @given(scenario=contracts_in_part())
    def test_both_engines_count_the_same_where_contracts_cover_part_of_a_pay_period(
        self, scenario: Scenario
    ) -> None:
        """The same, where it is hardest: jobs for contracts that start and end inside a month.

        A rule may read which days of the pay period a contract covers (whether it runs on the
        pay period's last day, say): two jobs covered for as many days, one at the start and one
        at the end of their pay periods, must still count apart on the batch engine.
        """
        _same_on_both_engines(self.rules, scenario, Period.year(2019))

    # -- the invariants of the count ---------------------------------------------------------

    @_SETTINGS
    @given(scenario=scenarios(), period=MEASURED)
    def test_nothing_is_lost_input_hours_are_counted_or_excluded(
        self, scenario: Scenario, period: Period
    ) -> None:
        """Input hours = counted + excluded, per placement and in total."""
        count = count_jobs(scenario, rules=self.rules, period=period)
        assert count.input_hours == input_hours(scenario, period)
        assert count.input_hours == count.counted_hours + count.excluded_hours
        attributed: defaultdict[str, Fraction] = defaultdict(Fraction)
        for a in count.attributions:
            attributed[a.placement] += a.hours
        for placement in scenario.placements:
            assert attributed[placement.id] == placement_hours(placement, period)

    @_SETTINGS
    @given(scenario=scenarios())
    def test_an_hour_adds_to_exactly_one_pool_or_is_excluded(self, scenario: Scenario) -> None:
        count = count_jobs(scenario, rules=self.rules, year=2019)
        employer_ids = {e.id for e in scenario.employers}
        for a in count.attributions:
            assert (a.pool is None) != (a.excluded_because is None)
            assert a.pool is None or a.pool in count.pools
            assert a.credited_to is None or a.credited_to in employer_ids
            assert a.reasons, "every share is explained"
            assert a.hours >= 0

    @_SETTINGS
    @given(scenario=scenarios())
    def test_totals_are_sums_of_attributions(self, scenario: Scenario) -> None:
        count = count_jobs(scenario, rules=self.rules, year=2018)
        pools: defaultdict[Pool, Fraction] = defaultdict(Fraction)
        employers: defaultdict[str, Fraction] = defaultdict(Fraction)
        for a in count.attributions:
            if a.pool is not None:
                pools[a.pool] += a.jobs
            if a.credited_to is not None:
                employers[a.credited_to] += a.jobs
        assert {p: t.jobs for p, t in count.pools.items() if t.jobs} == {
            p: j for p, j in pools.items() if j
        }
        assert {e: t.jobs for e, t in count.employers.items()} == dict(employers)
        for line in count.monitoring:
            assert line.jobs == count.pools[line.pool].jobs

    @_SETTINGS
    @given(scenario=scenarios(), data=st.data())
    def test_order_and_names_do_not_matter(self, scenario: Scenario, data: st.DataObject) -> None:
        shuffled = Scenario(
            employers=data.draw(st.permutations(scenario.employers)),
            people=data.draw(st.permutations(scenario.people)),
            placements=data.draw(st.permutations(scenario.placements)),
            contracts=data.draw(st.permutations(scenario.contracts)),
        )
        original = count_jobs(scenario, rules=self.rules, year=2019)
        again = count_jobs(shuffled, rules=self.rules, year=2019)
        assert again.pools == original.pools
        assert again.employers == original.employers
        other = count_jobs(renamed(scenario, "-x"), rules=self.rules, year=2019)
        assert other.pools == original.pools
        assert dict(other.employers) == {f"{e}-x": t for e, t in original.employers.items()}

    @_SETTINGS
    @given(scenario=scenarios(), data=st.data())
    def test_adding_hours_never_lowers_a_pool_or_a_credit(
        self, scenario: Scenario, data: st.DataObject
    ) -> None:
        grown = _grown(scenario, data)
        if grown is None:
            return
        bigger, year = grown
        before = count_jobs(scenario, rules=self.rules, year=year)
        after = count_jobs(bigger, rules=self.rules, year=year)
        for pool, tally in before.pools.items():
            assert after.pools[pool].hours >= tally.hours
        for employer, tally in before.employers.items():
            assert after.employers[employer].hours >= tally.hours

    @_SETTINGS
    @given(left=scenarios(prefix="a"), right=scenarios(prefix="b"))
    def test_disjoint_scenarios_add_up(self, left: Scenario, right: Scenario) -> None:
        both = count_jobs(left.merge(right), rules=self.rules, year=2018)
        a = count_jobs(left, rules=self.rules, year=2018)
        b = count_jobs(right, rules=self.rules, year=2018)
        for pool in both.pools:
            assert both.pools[pool] == a.pools[pool] + b.pools[pool]
        assert dict(both.employers) == {**a.employers, **b.employers}
        assert both.excluded_hours == a.excluded_hours + b.excluded_hours

    @_SETTINGS
    @given(scenario=scenarios())
    def test_inputs_are_never_mutated_and_results_are_deterministic(
        self, scenario: Scenario
    ) -> None:
        digest = scenario.digest()
        first = count_jobs(scenario, rules=self.rules, year=2019)
        second = count_jobs(scenario, rules=self.rules, year=2019)
        assert scenario.digest() == digest
        assert first.attributions == second.attributions
        assert first.receipt == second.receipt

    def test_a_scenario_without_placements_counts_nothing(self) -> None:
        count = count_jobs(Scenario(), rules=self.rules, year=2019)
        assert count.input_hours == 0
        assert all(t.hours == 0 for t in count.pools.values())
        assert all(m.extra_jobs == 0 for m in count.monitoring)

    # -- the quotum --------------------------------------------------------------------------

    @_SETTINGS
    @given(scenario=scenarios(), year=st.sampled_from([2018, 2019]))
    def test_every_quotum_result_keeps_the_shared_protocol(
        self, scenario: Scenario, year: int
    ) -> None:
        report = assess_quotum(scenario, rules=self.rules, year=year)
        assert len(report) == len(scenario.employers)
        keys: tuple[str, ...] | None = None
        for employer in scenario.employers:
            result = report[employer.id]
            assert isinstance(result, QuotumResult)
            assert (result.employer, result.year, result.rules) == (
                employer.id,
                year,
                self.rules.name,
            )
            assert result.net_effect is None or isinstance(result.net_effect, Decimal)
            assert result.liable in {True, False, None}
            assert all(isinstance(r, Reason) for r in result.reasons)
            assert all(isinstance(w, str) for w in result.warnings)
            own = tuple(f.key for f in result.figures())
            assert len(set(own)) == len(own), "figure keys are unique"
            keys = own if keys is None else keys
            assert own == keys, "every employer has the same figures"

    @_SETTINGS
    @given(scenario=scenarios(), year=st.sampled_from([2018, 2019]))
    def test_the_quotum_reads_only_the_ledger(self, scenario: Scenario, year: int) -> None:
        """What lets the batch engine assess every law at national scale: no placement is read."""
        params = parameters_for(scenario, None, self.rules)
        count = count_jobs(scenario, rules=self.rules, year=year, parameters=params)
        ledger = ledger_of(count, params)
        full = RuleContext(scenario=scenario, parameters=params)
        bare = RuleContext(
            scenario=Scenario(employers=scenario.employers, parameters=scenario.parameters),
            parameters=params,
        )
        for employer in scenario.employers:
            assert self.rules.assess_quotum(
                employer, year, ledger, bare
            ) == self.rules.assess_quotum(employer, year, ledger, full)

    def test_an_employer_with_nothing_credited_gets_a_result(self) -> None:
        scenario = Scenario(employers=(Employer(id="lonely", sector="market"),))
        report = assess_quotum(scenario, rules=self.rules, year=2019)
        assert list(report) == [EmployerId("lonely")]
