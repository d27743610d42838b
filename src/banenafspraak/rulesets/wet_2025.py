"""``wet-banenafspraak-2025``: the Wet banenafspraak (Wet van 23 april 2025), chapter I and the Wtl.

One national pool against one national target (the sum of the former sector targets); a job counts
once, at its formal employer (the agency, the SW-bedrijf, the cleaning company), with no hirer
administration; seconded Wsw hours count, internal Wsw work and beschut werk do not. One national
activation; from 1 January of the second calendar year after it, the inclusiviteitsopslag on the
premium wage of every employer that is not small for the Aof premium, paired with the
banenafspraakbonus per verloond uur of a doelgroep employee; the loonkostenvoordeel (LKV) of
EUR 1.01 per hour, at most EUR 2,000 per employee per year, with no time limit from 2026.

Chapter I applies from the date of art. 2 (a parameter, ``wet2025.article_2_in_force``); for the
years before it the 2015 rules stay (art. 12), which is what :func:`rule_set_in_force` selects.
Counting a year before that date under this rule set is a what-if: the law applied to that year.

References:
    * Wet banenafspraak (BWBR0051018), versions 2026-01-01 and 2026-07-01: art. 1 (quotumregeling,
      uitgeleende werknemer), 2 (doelgroep), 4 (national count, art. 4(4) yearly government
      report), 5 (activation), 6 (inclusiviteitsopslag and exemptions), 12 (transition).
      https://wetten.overheid.nl/BWBR0051018/2026-07-01
    * Wet tegemoetkomingen loondomein (BWBR0037522), version 2026-01-01: art. 2.10-2.13 (LKV
      doelgroep banenafspraak, banenafspraakbonus in 2.13(2)), 6.2 (transition);
      version 2025-01-01 for the three-year limit and the doelgroepverklaring.
      https://wetten.overheid.nl/BWBR0037522/2026-01-01
    * Besluit Wfsv (BWBR0019070), art. 2.19d: the small employer for the Aof premium.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from decimal import Decimal
from fractions import Fraction

import attrs
import pendulum

from banenafspraak.employers import Employer, EmployerId
from banenafspraak.parameters import Parameters
from banenafspraak.periods import Period
from banenafspraak.placements import PayPeriod, Placement, PlacementKind
from banenafspraak.references import LegalReference, Tag
from banenafspraak.rulesets import common
from banenafspraak.rulesets._protocol import (
    Attribution,
    QuotumAssessment,
    Reason,
    RuleContext,
    Share,
)
from banenafspraak.sectors import Pool

__all__ = [
    "WET_2025",
    "Wet2025",
    "assess_national_quotum",
    "doelgroep_reasons",
    "lkv_hours",
    "national_targets",
    "surcharge_rate",
    "surcharge_start",
]

WBA_VERSION = "2026-07-01"


def _wba(article: str, version: str = WBA_VERSION) -> LegalReference:
    return LegalReference(law="Wet banenafspraak", article=article, version=version)


def _wtl(article: str, version: str = "2026-01-01") -> LegalReference:
    return LegalReference(law="Wtl", article=article, version=version)


# -- where a job counts -------------------------------------------------------------------------

NATIONAL = Reason(
    code="W25-NATIONAL",
    text="one national count of the verloonde uren of arbeidsbeperkten against 1 January 2013, "
    "with no split into market and government",
    reference=_wba("4(1),(2)"),
)
FORMAL_EMPLOYER = Reason(
    code="W25-FORMAL-EMPLOYER",
    text="a job counts once, at the employer who reports its verloonde uren in the "
    "loonaangifte; that employer gets the LKV and the bonus",
    reference=_wtl("2.10"),
    tag=Tag.DERIVED,
)
AGENCY_AT_LENDER = Reason(
    code="W25-AGENCY",
    text="an uitzendkracht or payroll worker counts at the agency that employs him; the hirer "
    "gets no credit and there is no inleenadministratie",
    reference=_wba("1, 4(1), 6(4)(a)"),
    tag=Tag.DERIVED,
)
WSW_SECONDED = Reason(
    code="W25-WSW-SECONDED",
    text="a Wsw employee counts for the pay periods in which he is seconded to another employer, "
    "at the SW-bedrijf that employs him",
    reference=_wba("4(3)"),
)
PROCUREMENT_AT_SUPPLIER = Reason(
    code="W25-PROCUREMENT",
    text="a job delivered through a procurement or SROI contract counts at the supplier who "
    "employs the person; the buyer gets no credit (the 2018 plan was dropped)",
    reference=LegalReference(
        law="Wet banenafspraak",
        article="4(1)",
        version=WBA_VERSION,
        source="opnaarde125000.nl ZPW 2020",
    ),
    tag=Tag.SECONDARY,
)
COLLEGIAL_SECONDMENT = Reason(
    code="W25-COLLEGIAL",
    text="a regular employer lending its own employee is no uitlener: the job counts at the "
    "legal employer",
    reference=_wba("1"),
    tag=Tag.DERIVED,
)
WSW_INTERNAL = Reason(
    code="W25-WSW-INTERNAL",
    text="a Wsw employee counts only for pay periods in which he is seconded: work inside the "
    "SW-bedrijf counts nowhere",
    reference=_wba("4(3)"),
)
SHELTERED_WORK = Reason(
    code="W25-BESCHUT",
    text="beschut werk (Participatiewet 10b) is outside the doelgroep",
    reference=_wba("2(1)"),
)
YOUNG_DISABLED_COUNTS = Reason(
    code="W25-38B2",
    text="a young disabled person with a provision (Wfsv 38b(2)) counts in the national "
    "monitoring (parameter wet2025.young_disabled_counts)",
    reference=_wba("2, 4(1)"),
    tag=Tag.UNVERIFIED,
)
YOUNG_DISABLED_EXCLUDED = Reason(
    code="W25-38B2-EXCLUDED",
    text="a young disabled person with a provision (Wfsv 38b(2)) is left out of the national "
    "monitoring (parameter wet2025.young_disabled_counts)",
    reference=_wba("2, 4(1)"),
    tag=Tag.UNVERIFIED,
)

# -- the quotum: activation, inclusiviteitsopslag, banenafspraakbonus, LKV ----------------------

NOT_ACTIVATED = Reason(
    code="W25-NOT-ACTIVATED",
    text="no national activation has been decided: no inclusiviteitsopslag and no "
    "banenafspraakbonus",
    reference=_wba("5"),
)
NOT_YET_DUE = Reason(
    code="W25-NOT-YET-DUE",
    text="activation decided, but the inclusiviteitsopslag (and the bonus with it) applies only "
    "from 1 January of the second calendar year after the year of the decision",
    reference=_wba("6(1)"),
)
ACTIVE = Reason(
    code="W25-ACTIVE",
    text="the quotumregeling is active: the inclusiviteitsopslag is due from 1 January of the "
    "second calendar year after the year of the activation decision",
    reference=_wba("5, 6(1)"),
)
SMALL_EMPLOYER = Reason(
    code="W25-SMALL",
    text="exempt: a small employer for the Aof premium (premium wage in t-2 at most 25 x the "
    "average premium wage)",
    reference=_wba("6(3),(5)"),
)
NOT_SMALL_EMPLOYER = Reason(
    code="W25-NOT-SMALL",
    text="not a small employer for the Aof premium (premium wage in t-2 above 25 x the average "
    "premium wage)",
    reference=LegalReference(law="Besluit Wfsv", article="2.19d", version="2025-01-01"),
)
EXEMPT_WAGE = Reason(
    code="W25-EXEMPT-WAGE",
    text="surcharge base = premium wage less exempt wages: lent-out agency and seconded Wsw "
    "staff, non-seconded Wsw staff, beschut werk, benefits paid through the employer",
    reference=_wba("6(4),(8)"),
)
RATE_SET = Reason(
    code="W25-RATE-SET",
    text="the inclusiviteitsopslag percentage set by ministerial regulation",
    reference=_wba("6(6)"),
)
RATE_CALIBRATED = Reason(
    code="W25-RATE-CALIBRATED",
    text="no percentage set: net-zero calibration, bonus per hour x national quotum share / "
    "average hourly wage, so that an employer exactly at the quotum pays nothing net "
    "(illustrative)",
    reference=LegalReference(
        law="Wet banenafspraak",
        article="6(6)",
        version=WBA_VERSION,
        source="kst-34352-137; recht.nl 2020 (net-zero design)",
    ),
    tag=Tag.UNVERIFIED,
)
SURCHARGE = Reason(
    code="W25-SURCHARGE",
    text="inclusiviteitsopslag = percentage x surcharge base, on top of the high Aof premium",
    reference=_wba("6(1),(2)"),
)
BONUS = Reason(
    code="W25-BONUS",
    text="banenafspraakbonus = bonus per verloond uur x verloonde uren of doelgroep employees "
    "(a raise of the LKV while the quotumregeling is active; amount illustrative)",
    reference=_wtl("2.13(2)"),
    tag=Tag.UNVERIFIED,
)
LKV = Reason(
    code="W25-LKV",
    text="loonkostenvoordeel doelgroep banenafspraak: EUR 1.01 per verloond uur, at most "
    "EUR 2,000 per employee per year, to the formal employer",
    reference=_wtl("2.10, 2.13"),
)
LKV_UNLIMITED = Reason(
    code="W25-LKV-UNLIMITED",
    text="from 2026 the LKV runs as long as the employment lasts, with no doelgroepverklaring",
    reference=_wtl("2.12, 6.2"),
)
LKV_THREE_YEARS = Reason(
    code="W25-LKV-3Y",
    text="before 2026 the LKV runs at most three years from the start of the employment",
    reference=_wtl("2.12", "2025-01-01"),
)
LKV_DECLARATION = Reason(
    code="W25-LKV-DECLARATION",
    text="before 2026 the LKV needs a doelgroepverklaring (parameter lkv.declaration_held)",
    reference=_wtl("2.10, 6.2", "2025-01-01"),
    tag=Tag.UNVERIFIED,
)
NET_EFFECT = Reason(
    code="W25-NET",
    text="net effect = banenafspraakbonus - inclusiviteitsopslag (the LKV is paid whether or not "
    "the quotum is active, and is reported beside it)",
    reference=_wba("6"),
    tag=Tag.DERIVED,
)

IN_FORCE = pendulum.Date(2027, 1, 1)
"""Default date of art. 2 (the parameter ``wet2025.article_2_in_force``; the KB was not found)."""

ZERO = Decimal(0)


def doelgroep_reasons(
    placement: Placement, pay_period: PayPeriod, context: RuleContext
) -> Share | tuple[Reason, ...]:
    """The doelgroep test of the one national pool, shared by the 2025 law and the 2018 outline.

    Returns the share that counts nowhere (internal Wsw work, beschut werk, not registered, a
    38b(2) person when the parameter leaves them out), or the reasons so far for a share that
    counts (the registration, and why a 38b(2) person counts).
    """
    if placement.kind is PlacementKind.WSW_INTERNAL:
        return common.excluded(WSW_INTERNAL)
    if placement.kind is PlacementKind.SHELTERED_WORK:
        return common.excluded(SHELTERED_WORK)
    params = context.parameters
    registration, registered = common.membership(
        placement, pay_period, context.person(placement.person), params
    )
    if registration is None:
        return common.excluded(registered)
    reasons: tuple[Reason, ...] = (registered, NATIONAL)
    if common.is_young_disabled(registration):
        if not params.flag("wet2025.young_disabled_counts", pay_period.end.year):
            return common.excluded(YOUNG_DISABLED_EXCLUDED, (registered,))
        reasons = (*reasons, YOUNG_DISABLED_COUNTS)
    return reasons


def _formal_employer_reasons(placement: Placement) -> tuple[Reason, ...]:
    if placement.kind is PlacementKind.AGENCY:
        return (AGENCY_AT_LENDER,)
    if placement.kind is PlacementKind.WSW_SECONDED:
        return (WSW_SECONDED,)
    reasons: tuple[Reason, ...] = (FORMAL_EMPLOYER,)
    if placement.hirer is not None:
        reasons = (*reasons, COLLEGIAL_SECONDMENT)
    if placement.contract is not None:
        reasons = (*reasons, PROCUREMENT_AT_SUPPLIER)
    return reasons


def national_targets(year: int, parameters: Parameters) -> Mapping[Pool, Decimal]:
    """The national target: the sum of the former sector targets (Wet banenafspraak art. 4(2)).

    The AMvB with the yearly numbers was not found; the sum of ``target.market`` and
    ``target.government`` is the decision table's default (DECISIONS, tag D).
    """
    return {
        Pool.NATIONAL: parameters.decimal("target.market", year)
        + parameters.decimal("target.government", year)
    }


# -- the quotum ---------------------------------------------------------------------------------


def surcharge_start(
    parameters: Parameters, year: int
) -> tuple[pendulum.Date, pendulum.Date] | None:
    """The activation decision and the first day the inclusiviteitsopslag is due, if decided.

    Art. 6(1): due from 1 January of the second calendar year after the year in which the
    activation was decided (decided in 2027: due from 1 January 2029).
    """
    decided = parameters.for_year("wet2025.activation_decided_on", year)
    if not isinstance(decided, pendulum.Date):
        return None
    return decided, pendulum.Date(decided.year + 2, 1, 1)


def surcharge_rate(parameters: Parameters, year: int) -> tuple[Decimal, Reason]:
    """The inclusiviteitsopslag in percent of the premium wage, and how it was found.

    The regulation's percentage (``wet2025.surcharge_rate``) when set; otherwise the net-zero
    calibration ``bonus per hour x quotum share / average hourly wage``: an employer whose
    doelgroep hours are exactly the quotum share of its hours gets back in bonus what it pays in
    surcharge (spec §7.3: 3.76 x 2.76 % / 30 = 0.34592 %). Exact where the quotient is a finite
    decimal; otherwise to 28 significant digits (illustrative values only).
    """
    given = parameters.for_year("wet2025.surcharge_rate", year)
    if isinstance(given, Decimal):
        return given, RATE_SET.with_detail(f"{given} %")
    bonus = parameters.decimal("wet2025.bonus_per_hour", year)
    share = parameters.decimal("wet2025.quotum_share", year)
    wage = parameters.decimal("wet2025.average_hourly_wage", year)
    rate = (bonus * share / wage).normalize()
    detail = f"{bonus} x {share} % / {wage} = {rate} %"
    return rate, RATE_CALIBRATED.with_detail(detail)


def _is_small(employer: Employer, year: int, params: Parameters) -> tuple[bool, Reason]:
    """The Aof small-employer test (Besluit Wfsv 2.19d): a given flag, or the wage of t-2."""
    if year in employer.small_employer:
        small = employer.small_employer[year]
        why = SMALL_EMPLOYER if small else NOT_SMALL_EMPLOYER
        return small, why.with_detail(f"given for {year}")
    threshold = params.decimal("wet2025.small_employer_wage_threshold", year)
    wage = employer.premium_wage.get(year - 2, ZERO)
    small = wage <= threshold
    why = SMALL_EMPLOYER if small else NOT_SMALL_EMPLOYER
    known = "" if (year - 2) in employer.premium_wage else " (not given: taken as 0)"
    return small, why.with_detail(
        f"premium wage {year - 2} EUR {wage}{known}, threshold EUR {threshold}"
    )


def _hours_in(pay_period: PayPeriod, measured: Period) -> Fraction:
    overlap = measured.overlap_days(pay_period.period)
    if overlap == pay_period.period.days:
        return Fraction(pay_period.hours)
    return Fraction(pay_period.hours) * overlap / pay_period.period.days


AttributeFunction = Callable[[Placement, PayPeriod, RuleContext], tuple[Share, ...]]


def _placement_lkv_hours(
    placement: Placement,
    measured: Period,
    ends: pendulum.Date | None,
    context: RuleContext,
    attribute: AttributeFunction,
) -> tuple[Fraction, bool]:
    """Counted hours of one placement in ``measured``, and whether the time limit cut some."""
    hours = Fraction(0)
    cut = False
    for pay_period in placement.hours:
        if not measured.overlap_days(pay_period.period):
            continue
        if ends is not None and pay_period.start >= ends:
            cut = True
            continue
        shares = attribute(placement, pay_period, context)
        counted = sum((s.fraction for s in shares if s.pool is not None), Fraction(0))
        hours += _hours_in(pay_period, measured) * counted
    return hours, cut


def lkv_hours(
    employer: Employer,
    year: int,
    context: RuleContext,
    attribute: AttributeFunction,
) -> tuple[Mapping[str, Fraction], tuple[Reason, ...]]:
    """Per person, the verloonde uren in ``year`` that give ``employer`` the LKV.

    The LKV goes to the employer in whose loonaangifte the hours are (Wtl 2.1, 2.10), so it walks
    the employer's own placements, whoever the hours are credited to: the hours that ``attribute``
    counts in a pool. A pay period straddling the year counts pro rata by days. Before 2026 a pay
    period counts only if it starts within three years of the employment's first day
    (``Placement.first_day``; Wtl 2.12, version 2025) and only with a doelgroepverklaring
    (parameter ``lkv.declaration_held``); from 2026 neither limit applies (Wtl 2.12, 6.2).
    """
    params = context.parameters
    measured = Period.year(year)
    max_years = params.for_year("lkv.max_years", year)
    declaration_needed = params.flag("lkv.declaration_required", year)
    reasons: list[Reason] = [LKV]
    if declaration_needed and not params.flag("lkv.declaration_held", year):
        return {}, (LKV, LKV_DECLARATION.with_detail("no declaration: no LKV"))
    if declaration_needed:
        reasons.append(LKV_DECLARATION.with_detail("declaration held"))
    if max_years is None:
        reasons.append(LKV_UNLIMITED)
    hours: defaultdict[str, Fraction] = defaultdict(Fraction)
    limited: list[str] = []
    for placement in context.scenario.placements_of(employer.id):
        first = placement.first_day
        ends = None
        if isinstance(max_years, Decimal) and first is not None:
            ends = first.add(years=int(max_years))
        found, cut = _placement_lkv_hours(placement, measured, ends, context, attribute)
        if found:
            hours[placement.person] += found
        if cut:
            limited.append(placement.id)
    if limited:
        names = ", ".join(sorted(limited))
        reasons.append(LKV_THREE_YEARS.with_detail(f"ended for {names}"))
    return dict(hours), tuple(reasons)


def assess_national_quotum(
    rules: str,
    employer: Employer,
    year: int,
    credited: Sequence[Attribution],
    context: RuleContext,
    *,
    attribute: AttributeFunction,
    preamble: tuple[Reason, ...] = (),
) -> QuotumAssessment:
    """Inclusiviteitsopslag, banenafspraakbonus, LKV and their net effect for one employer.

    * ``active``: the surcharge is due in ``year`` (art. 6(1)); the bonus is paid in the same
      years (it pairs with the surcharge, Wtl 2.13(2) via art. 1 "quotumregeling").
    * ``liable``: active and not a small employer for the Aof premium (art. 6(3)).
    * ``surcharge_base`` = premium wage - exempt wage (art. 6(4),(8)), never below 0.
    * ``bonus`` = bonus per hour x the counted hours credited to the employer.
    * ``lkv`` = per person min(EUR 1.01 x hours, EUR 2,000) (Wtl 2.13), see :func:`lkv_hours`.
    * ``net_effect`` = bonus - surcharge; the LKV is outside it, since it is paid whether or not
      the quotum is active.

    Used by ``wet-banenafspraak-2025`` and, with its own credit rule, ``contouren-2018``.
    """
    params = context.parameters
    reasons: list[Reason] = list(preamble)
    premium_wage = employer.premium_wage.get(year, ZERO)
    exempt_wage = min(employer.exempt_wage.get(year, ZERO), premium_wage)
    base = premium_wage - exempt_wage
    small, small_reason = _is_small(employer, year, params)
    credited_hours = sum((a.hours for a in credited if a.pool is not None), Fraction(0))
    start = surcharge_start(params, year)
    active = start is not None and year >= start[1].year
    if start is None:
        reasons.append(NOT_ACTIVATED)
    elif not active:
        reasons.append(NOT_YET_DUE.with_detail(f"decided {start[0]}, due from {start[1]}"))
    else:
        reasons.append(ACTIVE.with_detail(f"decided {start[0]}, due from {start[1]}"))
    reasons.append(small_reason)
    liable = active and not small
    rate = surcharge = bonus = ZERO
    if active:
        reasons.append(
            EXEMPT_WAGE.with_detail(f"EUR {premium_wage} - EUR {exempt_wage} = EUR {base}")
        )
        rate, rate_reason = surcharge_rate(params, year)
        reasons.append(rate_reason)
        if liable:
            surcharge = rate * base / 100
            reasons.append(SURCHARGE.with_detail(f"{rate} % x EUR {base} = EUR {surcharge}"))
        per_hour = params.decimal("wet2025.bonus_per_hour", year)
        bonus = _decimal(Fraction(per_hour) * credited_hours)
        reasons.append(BONUS.with_detail(f"EUR {per_hour} x {_decimal(credited_hours)} h"))
    per_person, lkv_reasons = lkv_hours(employer, year, context, attribute)
    lkv_rate = Fraction(params.decimal("lkv.rate_per_hour", year))
    cap = Fraction(params.decimal("lkv.cap_per_employee_year", year))
    lkv = _decimal(sum((min(lkv_rate * h, cap) for h in per_person.values()), Fraction(0)))
    reasons.extend(lkv_reasons)
    net = bonus - surcharge
    reasons.append(NET_EFFECT.with_detail(f"EUR {bonus} - EUR {surcharge} = EUR {net}"))
    return QuotumAssessment(
        employer=employer.id,
        year=year,
        rules=rules,
        sector=employer.sector_in(year),
        liable=liable,
        reasons=tuple(reasons),
        active=active,
        total_hours=employer.hours_in(year),
        credited_hours=_decimal(credited_hours),
        small_employer=small,
        surcharge_base=base,
        exempt_wage=exempt_wage,
        surcharge_rate=rate if active else None,
        surcharge=surcharge,
        bonus=bonus,
        lkv=lkv,
        net_effect=net,
    )


def _decimal(value: Fraction) -> Decimal:
    """An exact Fraction as a Decimal: exact when finite, else to 28 significant digits."""
    return Decimal(value.numerator) / Decimal(value.denominator)


@attrs.frozen
class Wet2025:
    """The Wet banenafspraak (Wet van 23 april 2025, Stb. 2025; BWBR0051018) with the Wtl LKV."""

    name: str = "wet-banenafspraak-2025"
    version: str = "1"
    title: str = "Wet banenafspraak (Wet van 23 april 2025)"
    in_force_from: pendulum.Date | None = IN_FORCE
    in_force_parameter: str = "wet2025.article_2_in_force"
    references: tuple[LegalReference, ...] = (
        _wba("1, 2, 4, 5, 6, 12", "2026-01-01"),
        _wba("1, 2, 4, 5, 6, 12"),
        _wtl("2.10-2.13, 6.2"),
        LegalReference(law="Besluit Wfsv", article="2.19d", version="2025-01-01"),
    )
    pools: tuple[Pool, ...] = (Pool.NATIONAL,)

    def attribute(
        self, placement: Placement, pay_period: PayPeriod, context: RuleContext
    ) -> tuple[Share, ...]:
        """One national pool; credited to the formal employer (art. 4; Wtl 2.10)."""
        checked = doelgroep_reasons(placement, pay_period, context)
        if isinstance(checked, Share):
            return (checked,)
        reasons = (*checked, *_formal_employer_reasons(placement))
        return (common.counted(Pool.NATIONAL, EmployerId(placement.employer), reasons),)

    def targets(self, year: int, parameters: Parameters) -> Mapping[Pool, Decimal]:
        """The national target (see :func:`national_targets`)."""
        return national_targets(year, parameters)

    def assess_quotum(
        self,
        employer: Employer,
        year: int,
        credited: Sequence[Attribution],
        context: RuleContext,
    ) -> QuotumAssessment:
        """Opslag, bonus, LKV and net effect (see :func:`assess_national_quotum`)."""
        return assess_national_quotum(
            self.name, employer, year, credited, context, attribute=self.attribute
        )


WET_2025 = Wet2025()
"""The ``wet-banenafspraak-2025`` rule set."""
