"""The interface every rule set implements, and the values rules hand back.

A rule set answers three questions, each as a small function over frozen values:

* :meth:`RuleSet.attribute`: for one pay period of one placement, which share of its hours adds
  to which monitoring pool, which employer it is credited to, or why it counts nowhere;
* :meth:`RuleSet.targets`: the cumulative extra jobs each pool must reach by the end of a year;
* :meth:`RuleSet.assess_quotum`: the quotum instrument of one employer in one year, from the
  year's count summed in a :class:`Ledger`, as the law's own :class:`QuotumResult`.

Rule sets compose shared rules (:mod:`banenafspraak.rulesets.common`); they do not inherit.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Protocol, runtime_checkable

import attrs
import pendulum

from banenafspraak._util import (
    FrozenMap,
    at_least,
    display,
    exact_dot,
    exact_sum,
    positional_maker,
    to_decimal_string,
)
from banenafspraak.employers import Employer, EmployerId
from banenafspraak.exceptions import InvalidValueError
from banenafspraak.parameters import Parameter, Parameters
from banenafspraak.placements import PlacementKind
from banenafspraak.references import LegalReference, Tag
from banenafspraak.sectors import Pool

if TYPE_CHECKING:
    from banenafspraak.people import Person
    from banenafspraak.placements import PayPeriod, Placement
    from banenafspraak.procurement import ProcurementContract
    from banenafspraak.scenario import Scenario

__all__ = [
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
    "years_employed",
]


@attrs.frozen(kw_only=True)
class Reason:
    """One step of an explanation: a rule that applied, with its legal source.

    ``code`` is short and stable (it is what the batch engine and the JSON carry); ``text`` says
    the rule in a sentence; ``detail`` adds the facts of the case where they matter.
    """

    code: str
    text: str
    reference: LegalReference
    tag: Tag = Tag.VERIFIED
    detail: str = ""

    def with_detail(self, detail: str) -> Reason:
        """The same rule, with the facts of this case."""
        if type(self) is not Reason:  # a subclass may hold more fields
            return attrs.evolve(self, detail=detail)
        return Reason(
            code=self.code, text=self.text, reference=self.reference, tag=self.tag, detail=detail
        )

    def __str__(self) -> str:
        detail = f" ({self.detail})" if self.detail else ""
        return f"[{self.code}] {self.text}{detail} - {self.reference} [{self.tag.value}]"


@attrs.frozen(kw_only=True)
class Share:
    """What a rule set decides for a share of one pay period's hours.

    ``fraction`` of the pay period's hours adds to ``pool`` (or to no pool: then
    ``excluded_because`` says why) and is credited to ``credited_to`` (or to nobody). The shares
    a rule set returns for one pay period add up to exactly 1.
    """

    fraction: Fraction
    pool: Pool | None
    credited_to: EmployerId | None
    excluded_because: Reason | None
    reasons: tuple[Reason, ...]

    def __attrs_post_init__(self) -> None:
        if (self.pool is None) == (self.excluded_because is None):
            msg = "a share adds to exactly one pool, or gives the reason it is excluded"
            raise InvalidValueError(msg)


@attrs.frozen(kw_only=True)
class Attribution:
    """Where the hours of one pay period of one placement count, within a measured period.

    Attributes:
        placement: the placement's id.
        person: the person's id.
        employer: the formal employer.
        pay_period: the pay period the hours come from.
        hours: the hours of this share inside the measured period (exact).
        jobs: ``hours`` in jobs of 1,331 h per year, for the measured period (exact).
        pool: the monitoring pool the hours add to, or ``None`` when excluded.
        credited_to: the employer whose own figure they add to (quotum variable C under the
            2015 law, the bonus/LKV employer under the 2025 law, the buyer under the 2018
            outline), or ``None``.
        excluded_because: why the hours add to no pool.
        reasons: the rules that decided it, in order.
    """

    placement: str
    person: str
    employer: str
    pay_period: PayPeriod
    hours: Fraction
    jobs: Fraction
    pool: Pool | None
    credited_to: EmployerId | None
    excluded_because: Reason | None
    reasons: tuple[Reason, ...]

    @property
    def counted(self) -> bool:
        """The hours add to a pool."""
        return self.pool is not None


if TYPE_CHECKING:

    def attribution(  # noqa: PLR0917 - the fields in order, as fast as calls go
        placement: str,
        person: str,
        employer: str,
        pay_period: PayPeriod,
        hours: Fraction,
        jobs: Fraction,
        pool: Pool | None,
        credited_to: EmployerId | None,
        excluded_because: Reason | None,
        reasons: tuple[Reason, ...],
    ) -> Attribution:
        """An :class:`Attribution` with these fields, in field order (:func:`positional_maker`)."""

else:
    attribution = positional_maker(Attribution)
    """An :class:`Attribution` from its fields in order: a count makes one per pay period."""


FigureValue = Decimal | Fraction | bool | str | None
"""The value of a :class:`Figure`: an exact number, a yes/no, a word, or nothing."""


@attrs.frozen(kw_only=True)
class Figure:
    """One figure of a quotum result, as a table, a CSV column or a JSON key shows it.

    ``key`` is stable snake_case (the JSON key and CSV column); ``label`` is the human header;
    ``unit`` is ``"h"``, ``"jobs"``, ``"EUR"``, ``"%"`` or ``""``. ``unknown`` says that a value
    of ``None`` is not known from the input (shown as ``unknown``), rather than not applicable
    (shown as ``-``).
    """

    key: str
    label: str
    value: FigureValue
    unit: str = ""
    unknown: bool = False

    @property
    def header(self) -> str:
        """The label with its unit, for a column header (``"surcharge (EUR)"``)."""
        return f"{self.label} ({self.unit})" if self.unit else self.label

    def text(self) -> str:
        """The value for a person to read: ``yes``/``no``, ``-`` for nothing, rounded numbers.

        ``unknown`` for a value of ``None`` that the input does not give (:attr:`unknown`).

        Rounding is for display only (half to even: amounts and hours to 2 decimals, jobs to 1;
        a percentage as it is, or to 3 decimals when it has no end); the value stays exact.
        """
        value = self.value
        if value is None:
            return "unknown" if self.unknown else "-"
        if isinstance(value, bool):
            return "yes" if value else "no"
        if isinstance(value, str):
            return value
        if self.unit == "%":
            return to_decimal_string(value, 3)
        return display(value, 1 if self.unit == "jobs" else 2)


@runtime_checkable
class QuotumResult(Protocol):
    """What every law's quotum result shares, whatever its own figures.

    A law returns its own frozen type (the 2015 quotum with A-D, tekort and heffing; the national
    instrument with surcharge, bonus and LKV; a plug-in's own). Tables, JSON, CSV and
    :func:`~banenafspraak.compare` read it through this protocol alone.
    """

    @property
    def employer(self) -> EmployerId:
        """The employer assessed."""

    @property
    def year(self) -> int:
        """The calendar year assessed."""

    @property
    def rules(self) -> str:
        """The rule set's name."""

    @property
    def liable(self) -> bool | None:
        """The employer falls under the instrument in this year (size, exemptions).

        ``None`` when that cannot be known from the input (the 2025 law's small-employer test
        without the premium wage of t-2); the warnings say what is missing.
        """

    @property
    def active(self) -> bool:
        """The instrument is switched on for the employer's pool in this year."""

    @property
    def net_effect(self) -> Decimal | None:
        """What the instrument pays the employer (positive) or costs it (negative) in the year.

        ``0`` when nothing is due, for example a heffing that is computed but not levied;
        ``None`` when it cannot be known from the input (a surcharge whose liability is
        unknown), never a guess: a total leaves such an employer out and says so
        (:meth:`~banenafspraak.QuotumReport.total`).
        """

    @property
    def reasons(self) -> tuple[Reason, ...]:
        """The rules that decided it, in order."""

    @property
    def warnings(self) -> tuple[str, ...]:
        """What the answer lacks (an input not given, a value assumed); empty when complete."""

    def figures(self) -> tuple[Figure, ...]:
        """The figures a table shows, in the law's order (the same keys for every employer)."""


@attrs.frozen(order=True, cache_hash=True)
class Stage:
    """Where in an employment a pay period lies: what a wage-cost subsidy's limits read.

    ``years_employed`` is the number of whole years from the placement's first day to the pay
    period's first day (the LKV's three-year limit, Wtl 2.12, version 2025-01-01);
    ``pension_age`` says the person had reached the AOW age on the pay period's first day (the
    LKV ends then, Wtl 2.10(2)(a)); ``placement_kind`` is the kind of the placement the hours
    are worked in (the LKV leaves out work in a Wsw art. 2 dienstbetrekking, seconded or not,
    and beschut werk in the 2025-01-01 text of Wtl 2.10(2)(b); Wsw work without secondment in
    the 2026-01-01 text).
    """

    years_employed: int
    pension_age: bool = False
    placement_kind: PlacementKind = PlacementKind.EMPLOYEE


def years_employed(first_day: pendulum.Date | None, day: pendulum.Date) -> int:
    """Whole years from ``first_day`` to ``day`` (``0`` before or without a first day).

    The largest ``n`` with ``first_day + n years <= day``, with pendulum's calendar arithmetic
    (29 February plus one year is 28 February).
    """
    if first_day is None or day < first_day:
        return 0
    years = day.year - first_day.year
    if first_day.add(years=years) > day:
        years -= 1
    return years


def _hours_table(value: Mapping[EmployerId, Fraction]) -> FrozenMap[EmployerId, Fraction]:
    return value if isinstance(value, FrozenMap) else FrozenMap(value)


_NO_HOURS = Fraction(0)
_NO_PEOPLE: FrozenMap[str, FrozenMap[Stage, Fraction]] = FrozenMap()

StageSelection = Callable[[Stage], bool]
"""Which stages a query of a ledger's formal hours reads (:meth:`Ledger.capped_formal_hours`).

Any function of a stage works. The same object for every employer (a module-level function, or
a frozen attrs instance with ``__call__``) is fastest: a ledger that answers for every employer
at once (:class:`FormalQueries`) then finds its answer without asking the selection again.
"""


class FormalQueries(Protocol):
    """How a ledger answers the queries of its formal hours for every employer at once.

    Each answer equals what :class:`Ledger` works out from :attr:`Ledger.formal` for one
    employer; an employer that is not in an answer has none (0 hours, no people). The batch
    engine answers from its columns; a ledger without queries reads its maps.
    """

    def capped(self, stages: StageSelection, cap: Fraction) -> Mapping[EmployerId, Fraction]:
        """Per employer, :meth:`Ledger.capped_formal_hours` of ``stages`` and ``cap``."""

    def people(self, stages: StageSelection) -> Mapping[EmployerId, tuple[str, ...]]:
        """Per employer, :meth:`Ledger.formal_people` of ``stages``."""

    def hours(self, stages: StageSelection) -> Mapping[EmployerId, Fraction]:
        """Per employer, :meth:`Ledger.formal_hours_in` of ``stages``."""


@attrs.frozen(kw_only=True)
class Ledger:
    """A count of one calendar year, summed the ways a quotum instrument reads it.

    Both engines build the same ledger: the pure path from its attributions, the batch engine
    from its columns. A rule set's :meth:`RuleSet.assess_quotum` reads only this, the employer
    and the parameters, which is what lets every law's instrument run at national scale.

    Attributes:
        year: the calendar year counted.
        credited: per employer, all hours credited to it (in a pool or excluded from the
            monitoring but credited, such as a 38b(2) person under the 2015 quotum).
        credited_counted: per employer, the credited hours that add to a pool.
        formal: per formal employer (the one whose loonaangifte holds the hours), per person,
            per :class:`Stage`, the hours that add to a pool.
        formal_queries: answers :meth:`capped_formal_hours`, :meth:`formal_hours_in` and
            :meth:`formal_people` for every employer at once (the batch engine gives its
            columns); ``None``: they are worked out from ``formal``, one employer at a time.
            Not part of equality: the answers are the same.
    """

    year: int
    credited: FrozenMap[EmployerId, Fraction] = attrs.field(
        factory=FrozenMap, converter=_hours_table
    )
    credited_counted: FrozenMap[EmployerId, Fraction] = attrs.field(
        factory=FrozenMap, converter=_hours_table
    )
    formal: FrozenMap[EmployerId, FrozenMap[str, FrozenMap[Stage, Fraction]]] = attrs.field(
        factory=FrozenMap
    )
    formal_queries: FormalQueries | None = attrs.field(default=None, eq=False, repr=False)

    def credited_hours(self, employer: str) -> Fraction:
        """All hours credited to ``employer``."""
        return self.credited.get(EmployerId(employer), _NO_HOURS)

    def credited_counted_hours(self, employer: str) -> Fraction:
        """The hours credited to ``employer`` that add to a pool."""
        return self.credited_counted.get(EmployerId(employer), _NO_HOURS)

    def formal_hours(self, employer: str) -> Mapping[str, Mapping[Stage, Fraction]]:
        """Per person, per stage: the counted hours in ``employer``'s own loonaangifte."""
        return self.formal.get(EmployerId(employer), _NO_PEOPLE)

    def capped_formal_hours(self, employer: str, stages: StageSelection, cap: Fraction) -> Fraction:
        """The hours in ``employer``'s loonaangifte, each person's at most ``cap``, added up.

        Per person, the hours in the stages ``stages`` selects: the shape of a subsidy per hour
        with a cap per employee and year (the LKV, Wtl 2.13). A person with no hours in a
        selected stage adds nothing.
        """
        if self.formal_queries is not None:
            return self.formal_queries.capped(stages, cap).get(EmployerId(employer), _NO_HOURS)
        capped = 0
        below: list[Fraction] = []
        for per_stage in self.formal_hours(employer).values():
            hours = [h for stage, h in per_stage.items() if h and stages(stage)]
            if not hours:
                continue
            total = hours[0] if len(hours) == 1 else exact_sum(hours)
            if at_least(total, cap):
                capped += 1
            else:
                below.append(total)
        return exact_dot(((capped, cap), (1, exact_sum(below))))

    def formal_hours_in(self, employer: str, stages: StageSelection) -> Fraction:
        """All hours in ``employer``'s loonaangifte in the stages ``stages`` selects, uncapped.

        The hours an amount per hour with no cap reads: the banenafspraakbonus, which raises
        the LKV on the hours that give it (Wet banenafspraak art. 1, "quotumregeling").
        """
        if self.formal_queries is not None:
            return self.formal_queries.hours(stages).get(EmployerId(employer), _NO_HOURS)
        return exact_sum(
            [
                h
                for per_stage in self.formal_hours(employer).values()
                for stage, h in per_stage.items()
                if h and stages(stage)
            ]
        )

    def formal_people(self, employer: str, stages: StageSelection) -> tuple[str, ...]:
        """The people with hours in ``employer``'s loonaangifte in a stage ``stages`` selects.

        In the order of their ids.
        """
        if self.formal_queries is not None:
            return self.formal_queries.people(stages).get(EmployerId(employer), ())
        return tuple(
            person
            for person, per_stage in self.formal_hours(employer).items()
            if any(h and stages(stage) for stage, h in per_stage.items())
        )

    @classmethod
    def build(
        cls,
        year: int,
        credited: Mapping[EmployerId, Fraction],
        credited_counted: Mapping[EmployerId, Fraction],
        formal: _FormalHours | Callable[[], _FormalHours],
    ) -> Ledger:
        """A ledger from plain mappings (zero entries dropped, so equal sums give equal ledgers).

        ``formal`` may be a function that gives its mapping: it is called when an instrument
        first reads the hours per formal employer and person, so that a law that never reads
        them (the 2015 quotum) never pays for them.
        """
        return cls(
            year=year,
            credited={k: v for k, v in credited.items() if v},
            credited_counted={k: v for k, v in credited_counted.items() if v},
            formal=(
                FrozenMap.deferred(lambda: dict(_nonzero_formal(formal()).items()))
                if callable(formal)
                else _nonzero_formal(formal)
            ),
        )


_FormalHours = Mapping[EmployerId, Mapping[str, Mapping[Stage, Fraction]]]
"""Hours per formal employer, person and stage, as :meth:`Ledger.build` takes them."""


def _nonzero_formal(
    formal: _FormalHours,
) -> FrozenMap[EmployerId, FrozenMap[str, FrozenMap[Stage, Fraction]]]:
    """``formal`` as frozen maps, without the zero hours and what holds only zeros."""
    return FrozenMap(
        {
            employer: FrozenMap(
                {
                    person: FrozenMap({s: h for s, h in stages.items() if h})
                    for person, stages in people.items()
                    if any(stages.values())
                }
            )
            for employer, people in formal.items()
            if any(any(s.values()) for s in people.values())
        }
    )


@attrs.frozen(kw_only=True, eq=False)
class RuleContext:
    """What a rule may look up: the scenario's nouns and the parameters in force."""

    scenario: Scenario
    parameters: Parameters

    def employer(self, employer_id: str) -> Employer:
        """The employer with this id."""
        return self.scenario.employer(employer_id)

    def person(self, person_id: str) -> Person:
        """The person with this id."""
        return self.scenario.person(person_id)

    def contract(self, contract_id: str) -> ProcurementContract:
        """The procurement contract with this id."""
        return self.scenario.contract(contract_id)


@runtime_checkable
class RuleSet(Protocol):
    """The interface of a rule set.

    Built-in rule sets are registered in :mod:`banenafspraak.rulesets`; third-party ones through
    the entry-point group ``banenafspraak.rulesets``. What :meth:`attribute` may read of a pay
    period and its context is part of the protocol (see there): both engines count the same
    only for a rule set that reads no more.
    """

    @property
    def name(self) -> str:
        """Registry name, for example ``"wbqa-2015"``."""

    @property
    def version(self) -> str:
        """Version of this encoding of the rules (changes when an outcome changes)."""

    @property
    def title(self) -> str:
        """The law or proposal, in words."""

    @property
    def in_force_from(self) -> pendulum.Date | None:
        """First day the rules applied by default; ``None`` for a proposal never enacted."""

    def starts(self, parameters: Parameters) -> pendulum.Date | None:
        """First day the rules apply with these parameters (``None``: never selected by date).

        :func:`~banenafspraak.rule_set_in_force` chooses by this. A rule set whose start is a
        parameter (the 2025 law's art. 2 date) reads it here; others return ``in_force_from``.
        """

    @property
    def references(self) -> tuple[LegalReference, ...]:
        """The main legal sources."""

    @property
    def pools(self) -> tuple[Pool, ...]:
        """The monitoring pools this rule set counts in."""

    @property
    def extra_parameters(self) -> tuple[Parameter, ...]:
        """Dated parameters of the rule set's own, added to the library's catalogue.

        Empty for the built-in rule sets (their parameters are in the catalogue); a plug-in
        brings its numbers here, each with its source and tag, and they can be overridden like
        any other parameter.
        """

    def attribute(
        self, placement: Placement, pay_period: PayPeriod, context: RuleContext
    ) -> tuple[Share, ...]:
        """Where the hours of one pay period count; the shares' fractions add up to 1.

        The answer (each share's fraction, pool, exclusion code, reason codes, and whom it is
        credited to: the formal employer, the hirer, the contract's buyer or supplier, or
        nobody) may depend on these, and on nothing else:

        * of the pay period: the calendar years of its first and last day;
        * of the placement: its kind, whether it has a hirer and the agreement to credit the
          hirer (``credited_to_hirer``), whether it serves a contract, and which of its
          employer, hirer and the contract's buyer and supplier are the same employer;
        * of those employers (``context.employer``): the kind, and the sector of each year;
        * of the contract (``context.contract``): its kind, and which days of the pay period it
          covers: none, all, or a part, given by the days before the first covered day, the
          days after the last one, and the pay period's days (so ``pay_period.end in
          contract.period`` and ``contract.period.overlap_days(pay_period) / pay_period.days``
          may be read);
        * of the person (``context.person``): the registration that counts for the pay period,
          the earliest-starting one that covers a day of it (with its end by
          :func:`~banenafspraak.rulesets.common.registration_last_day`): its ground, or that
          there is none;
        * all of ``context.parameters``.

        Not the ids (other than to look a noun up or to credit it), the pay period's hours,
        dates or length otherwise, the placement's other pay periods or first day, the
        person's dates, other registrations or the registered days of the pay period, nor an
        employer's other figures (subsector, totals). A reason's ``detail`` may say anything:
        only its code is part of the answer.

        This is the contract the batch engine relies on: it asks a rule set once per
        *situation*, the pay periods that agree on all of the above, and gives that answer to
        every pay period of the situation. :class:`banenafspraak.testing.RuleSetContract`
        holds a rule set to it (both engines count the same, to the exact fraction), and the
        batch engine refuses, with an error naming the placements, a rule set it sees answer
        two pay periods of one situation differently.
        """

    def targets(self, year: int, parameters: Parameters) -> Mapping[Pool, Decimal]:
        """Cumulative extra jobs each pool must reach by the end of ``year``."""

    def assess_quotum(
        self,
        employer: Employer,
        year: int,
        ledger: Ledger,
        context: RuleContext,
    ) -> QuotumResult:
        """The quotum instrument of ``employer`` in ``year``, from the year's :class:`Ledger`.

        It reads the ledger, the employer's own figures and ``context.parameters``; it must not
        walk the scenario's placements (the batch engine hands it no placements).
        """
