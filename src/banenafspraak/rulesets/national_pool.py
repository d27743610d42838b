"""One national pool and its instrument: what the 2025 law and the 2018 outline share.

Neither is a rule set; both rule sets compose these functions (no law module imports another):

* the doelgroep test of the one national pool (:func:`doelgroep_reasons`) and the national target
  (:func:`national_targets`);
* the quotum instrument of the Wet banenafspraak: the inclusiviteitsopslag on the premium wage,
  the banenafspraakbonus paired with it, and the loonkostenvoordeel (LKV) of the Wtl, computed
  from a :class:`~banenafspraak.rulesets.Ledger` (:func:`assess_national_instrument`), as a
  :class:`NationalInstrument`.

References:
    * Wet banenafspraak (BWBR0051018), version 2026-07-01: art. 1, 2, 4, 5, 6.
      https://wetten.overheid.nl/BWBR0051018/2026-07-01
    * Wet tegemoetkomingen loondomein (BWBR0037522), versions 2018-01-01 (the first text, read
      up to 2025) and 2026-01-01: art. 2.10-2.13, 6.2 (transition).
      https://wetten.overheid.nl/BWBR0037522/2026-01-01
    * Besluit Wfsv (BWBR0019070), art. 2.19d (small employer, Aof premium), in the text of the
      year from 2022-01-01 (the threshold's rows cite each version).
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from fractions import Fraction

import attrs
import pendulum

from banenafspraak._util import as_decimal, keyword_maker
from banenafspraak.employers import Employer, EmployerId
from banenafspraak.parameters import Parameters
from banenafspraak.placements import PayPeriod, Placement, PlacementKind
from banenafspraak.references import LegalReference, Tag
from banenafspraak.rulesets import common
from banenafspraak.rulesets._protocol import (
    Figure,
    Ledger,
    Reason,
    RuleContext,
    Share,
    Stage,
)
from banenafspraak.sectors import Pool, Sector

__all__ = [
    "WBA_VERSION",
    "LkvPerson",
    "NationalInstrument",
    "activation_before_article_2",
    "assess_national_instrument",
    "bonus_hours",
    "doelgroep_reasons",
    "lkv_amount",
    "lkv_cut",
    "lkv_per_person",
    "national_targets",
    "surcharge_rate",
    "surcharge_start",
]

WBA_VERSION = "2026-07-01"
"""The text of the Wet banenafspraak (BWBR0051018) that the national rules cite."""


def _wba(article: str, version: str = WBA_VERSION) -> LegalReference:
    return LegalReference(law="Wet banenafspraak", article=article, version=version)


def _wtl(article: str, version: str = "2026-01-01") -> LegalReference:
    return LegalReference(law="Wtl", article=article, version=version)


ZERO = Decimal(0)

# -- the doelgroep test of the national pool ------------------------------------------------------

NATIONAL = Reason(
    code="W25-NATIONAL",
    text="one national count of the verloonde uren of arbeidsbeperkten against 1 January 2013, "
    "with no split into market and government",
    reference=_wba("4(1),(2)"),
)
WSW_INTERNAL = Reason(
    code="W25-WSW-INTERNAL",
    text="a Wsw employee counts only for pay periods in which he is seconded: work inside the "
    "SW-bedrijf counts nowhere",
    reference=_wba("4(3)"),
)
SHELTERED_WORK = Reason(
    code="W25-BESCHUT",
    text="beschut werk (Participatiewet 10b) is outside the doelgroep: a person found able to "
    "work only in a sheltered setting is not in the register",
    reference=_wba("2(3)"),
)
YOUNG_DISABLED_COUNTS = Reason(
    code="W25-38B2",
    text="a young disabled person with a provision (Wfsv 38b(2)) counts in the national "
    "monitoring (parameter wet2025.young_disabled_counts)",
    reference=_wba("2(1)(f), 4(2)"),
)
YOUNG_DISABLED_EXCLUDED = Reason(
    code="W25-38B2-EXCLUDED",
    text="a young disabled person with a provision (Wfsv 38b(2)) is left out of the national "
    "monitoring (parameter wet2025.young_disabled_counts)",
    reference=_wba("2(1)(f), 4(2)"),
    tag=Tag.UNVERIFIED,
)


def doelgroep_reasons(
    placement: Placement, pay_period: PayPeriod, context: RuleContext
) -> Share | tuple[Reason, ...]:
    """The doelgroep test of the one national pool.

    Returns the share that counts nowhere (internal Wsw work, beschut werk, not registered, a
    38b(2) person when the parameter leaves them out), or the reasons so far for a share that
    counts (the registration, and why a 38b(2) person counts).
    """
    if placement.kind is PlacementKind.WSW_INTERNAL:
        return common.excluded(WSW_INTERNAL)
    if placement.kind is PlacementKind.SHELTERED_WORK:
        return common.excluded(SHELTERED_WORK)
    params = context.parameters
    registration, registered = common.membership_in(placement, pay_period, context)
    if registration is None:
        return common.excluded(registered)
    reasons: tuple[Reason, ...] = (registered, NATIONAL)
    if common.is_young_disabled(registration):
        if not params.flag("wet2025.young_disabled_counts", pay_period.end.year):
            return common.excluded(YOUNG_DISABLED_EXCLUDED, (registered,))
        reasons = (*reasons, YOUNG_DISABLED_COUNTS)
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


# -- the instrument: activation, inclusiviteitsopslag, banenafspraakbonus, LKV --------------------

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
    reference=LegalReference(law="Besluit Wfsv", article="2.19d(1)", version="2022-01-01"),
)
SMALL_UNKNOWN = Reason(
    code="W25-SMALL-UNKNOWN",
    text="whether the employer is small for the Aof premium is not known: neither its status "
    "nor its premium wage of t-2 is given, so whether the inclusiviteitsopslag is due, and how "
    "much, is not known either (an employer since t-1 or t is small by art. 2.19d(4): give its "
    "status)",
    reference=LegalReference(law="Besluit Wfsv", article="2.19d(1),(4)", version="2022-01-01"),
    tag=Tag.DERIVED,
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
    text="banenafspraakbonus = bonus per verloond uur x the verloonde uren that give the LKV, "
    "before its cap: the quotumregeling raises the LKV by the bonus, so an hour without LKV "
    "(from the AOW age, in Wsw work that is not seconded) gets none (amount per hour: "
    "parameter wet2025.bonus_per_hour, illustrative)",
    reference=LegalReference(
        law="Wet banenafspraak",
        article="1",
        version=WBA_VERSION,
        source="'quotumregeling': the LKV of Wtl 2.10 raised by the banenafspraakbonus of Wtl "
        "2.13(2), a paragraph the Wtl text of 2026-01-01 does not have yet; the hours follow "
        "the LKV's, the cap per employee is the LKV's own (2.13)",
    ),
    tag=Tag.DERIVED,
)
LKV = Reason(
    code="W25-LKV",
    text="loonkostenvoordeel doelgroep banenafspraak: an amount per verloond uur, at most an "
    "amount per employee per year, to the formal employer",
    reference=_wtl("2.10, 2.13"),
)
LKV_UNLIMITED = Reason(
    code="W25-LKV-UNLIMITED",
    text="from 2026 the LKV runs as long as the employment lasts, for the pay periods in which "
    "the employee is an arbeidsbeperkte, with no doelgroepverklaring",
    reference=_wtl("2.10(1), 2.12(1)"),
)
LKV_LIMITED = Reason(
    code="W25-LKV-3Y",
    text="before 2026 the LKV runs at most a number of years from the start of the employment",
    reference=_wtl("2.12(1)", "2018-01-01"),
)
LKV_PENSION_AGE = Reason(
    code="W25-LKV-AOW",
    text="the LKV ends when the employee reaches the AOW age: pay periods from that day give none",
    reference=_wtl("2.10(2)(a)"),
)
LKV_WSW = Reason(
    code="W25-LKV-WSW",
    text="before 2026 work in a Wsw art. 2 dienstbetrekking, seconded or not, and beschut werk "
    "(Participatiewet 10b) give no LKV",
    reference=_wtl("2.10(2)(b)", "2018-01-01"),
)
LKV_WSW_INTERNAL = Reason(
    code="W25-LKV-WSW-INTERNAL",
    text="work in a Wsw art. 2 dienstbetrekking gives no LKV unless the worker is seconded to "
    "another employer",
    reference=_wtl("2.10(2)(b)"),
)
LKV_DECLARATION = Reason(
    code="W25-LKV-DECLARATION",
    text="before 2026 the LKV needs a doelgroepverklaring (parameter lkv.declaration_held)",
    reference=_wtl("2.10(1)(c), 2.11", "2018-01-01"),
    tag=Tag.UNVERIFIED,
)
NET_EFFECT = Reason(
    code="W25-NET",
    text="net effect = banenafspraakbonus - inclusiviteitsopslag (the LKV is paid whether or not "
    "the quotum is active, and is reported beside it)",
    reference=_wba("6"),
    tag=Tag.DERIVED,
)


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


_SMALL = "wet2025.small_employer_wage_threshold"
"""The parameter of the Aof small-employer threshold (Besluit Wfsv 2.19d(1), from 2022)."""


def small_employer(employer: Employer, year: int, params: Parameters) -> tuple[bool | None, Reason]:
    """The Aof small-employer test (Besluit Wfsv 2.19d): a given flag, or the wage of t-2.

    ``None`` when neither the status for ``year`` nor the premium wage of ``year - 2`` is given:
    a missing wage is never read as 0.
    """
    if year in employer.small_employer:
        small = employer.small_employer[year]
        # the same reason for every employer with the same answer: made once, shared
        given = params.derived(
            ("national.small.given", year, small),
            lambda: _small_reason(small, year, params).with_detail(f"given for {year}"),
        )
        return small, given
    if (year - 2) not in employer.premium_wage:
        unknown = params.derived(
            ("national.small.unknown", year),
            lambda: common.cited_as_row(SMALL_UNKNOWN, _SMALL, year, params).with_detail(
                f"no premium wage for {year - 2}"
            ),
        )
        return None, unknown
    threshold = params.decimal(_SMALL, year)
    wage = employer.premium_wage[year - 2]
    small = wage <= threshold
    why = _small_reason(small, year, params)
    return small, why.with_detail(f"premium wage {year - 2} EUR {wage}, threshold EUR {threshold}")


def _small_reason(small: bool, year: int, params: Parameters) -> Reason:  # noqa: FBT001
    """``SMALL_EMPLOYER``, or ``NOT_SMALL_EMPLOYER`` citing the text of 2.19d of ``year``.

    The latter is made once a year, when an employer first needs it.
    """
    if small:
        return SMALL_EMPLOYER
    return params.derived(
        ("national.small.not", year),
        lambda: common.cited_as_row(NOT_SMALL_EMPLOYER, _SMALL, year, params),
    )


@attrs.frozen
class _LeftOut:
    """The stages of work that gives no LKV: placements of these kinds (Wtl 2.10(2)(b)).

    ``why`` is the reason that names the people whose work it is, in the text it reads.
    """

    kinds: frozenset[PlacementKind]
    why: Reason

    def __call__(self, stage: Stage) -> bool:
        return stage.placement_kind in self.kinds


_WSW_AND_BESCHUT_WERK = _LeftOut(
    frozenset(
        {PlacementKind.WSW_INTERNAL, PlacementKind.WSW_SECONDED, PlacementKind.SHELTERED_WORK}
    ),
    LKV_WSW,
)
"""Wtl 2.10(2)(b), versions 2018-01-01 to 2025-01-01: a dienstbetrekking under Wsw art. 2
(seconded or not) or under Participatiewet 10b (beschut werk)."""
_WSW_NOT_SECONDED = _LeftOut(frozenset({PlacementKind.WSW_INTERNAL}), LKV_WSW_INTERNAL)
"""Wtl 2.10(2)(b), version 2026-01-01: a dienstbetrekking under Wsw art. 2 in which the worker
is not seconded to another employer."""


@attrs.frozen
class _GivesLkv:
    """The stages that give the LKV: before the AOW age, in work not left out, within the limit.

    The AOW age: Wtl 2.10(2)(a); the work left out: Wtl 2.10(2)(b) (see :func:`_lkv_terms`);
    the limit of whole years of employment: Wtl 2.12(1), three years in the 2018-2025 texts.
    """

    limit: int | None
    left_out: _LeftOut

    def __call__(self, stage: Stage) -> bool:
        return (
            not stage.pension_age
            and not self.left_out(stage)
            and (self.limit is None or stage.years_employed < self.limit)
        )


@attrs.frozen
class _BeyondLimit:
    """The stages the limit ends the LKV in: ``limit`` or more whole years of employment.

    Wtl 2.12(1) in the 2018-2025 texts; ``why`` cites the text of the year.
    """

    limit: int
    why: Reason

    def __call__(self, stage: Stage) -> bool:
        return stage.years_employed >= self.limit


def _at_pension_age(stage: Stage) -> bool:
    """The stages from the day the person reached the AOW age on (Wtl 2.10(2)(a))."""
    return stage.pension_age


@attrs.frozen
class _LkvTerms:
    """The LKV's terms in one year, the same for every employer (:func:`lkv_amount`)."""

    paid: bool
    """Whether it is paid at all (not without a doelgroepverklaring where one is needed)."""
    rate: Fraction
    full_hours: Fraction | None
    """The hours from which a person's LKV reaches the cap (``None`` when the rate is 0)."""
    reasons: tuple[Reason, ...]
    """The reasons that say so, the same for every employer."""
    gives: _GivesLkv
    """The stages whose hours give the LKV."""
    beyond: _BeyondLimit | None
    """The stages the limit of whole years of employment ends it in (``None``: no limit)."""
    pension_age: Reason
    """Why the LKV ends at the AOW age (Wtl 2.10(2)(a)), in the Wtl text of the year."""


def _lkv_terms(year: int, params: Parameters) -> _LkvTerms:
    """The year's :class:`_LkvTerms` from the parameters (amounts of 0 or more, as checked)."""
    max_years = params.for_year("lkv.max_years", year)
    declaration_needed = params.flag("lkv.declaration_required", year)
    rate = params.decimal("lkv.rate_per_hour", year)
    cap = params.decimal("lkv.cap_per_employee_year", year)
    limit = int(max_years) if isinstance(max_years, Decimal) else None
    seconded_wsw_out = params.flag("lkv.excludes_seconded_wsw", year)
    # each reason cites the text of the year that its parameter's row cites
    in_force = common.cited_as_row(LKV, "lkv.rate_per_hour", year, params)
    reasons: list[Reason] = [in_force.with_detail(f"EUR {rate} per hour, at most EUR {cap}")]
    paid = not declaration_needed or params.flag("lkv.declaration_held", year)
    if declaration_needed:
        held = "declaration held" if paid else "no declaration: no LKV"
        declaration = common.cited_as_row(LKV_DECLARATION, "lkv.declaration_required", year, params)
        reasons.append(declaration.with_detail(held))
    if paid and limit is None:
        reasons.append(common.cited_as_row(LKV_UNLIMITED, "lkv.max_years", year, params))
    left_out = _WSW_AND_BESCHUT_WERK if seconded_wsw_out else _WSW_NOT_SECONDED
    left_out = attrs.evolve(
        left_out,
        why=common.cited_as_row(left_out.why, "lkv.excludes_seconded_wsw", year, params),
    )
    # the selections and the cap in hours are made once a year: a ledger that answers for
    # every employer at once finds its answer by their identity
    return _LkvTerms(
        paid=paid,
        rate=Fraction(rate),
        full_hours=Fraction(cap) / Fraction(rate) if rate else None,
        reasons=tuple(reasons),
        gives=_GivesLkv(limit, left_out),
        pension_age=common.cited_as_row(LKV_PENSION_AGE, "lkv.rate_per_hour", year, params),
        beyond=(
            None
            if limit is None
            else _BeyondLimit(
                limit, common.cited_as_row(LKV_LIMITED, "lkv.max_years", year, params)
            )
        ),
    )


def lkv_amount(
    employer: Employer, ledger: Ledger, params: Parameters
) -> tuple[Fraction, tuple[Reason, ...]]:
    """The loonkostenvoordeel of ``employer`` in ``ledger.year``, in EUR (exact), and why.

    Per person min(rate x hours, cap) (Wtl 2.13), added up. The LKV goes to the employer in
    whose loonaangifte the hours are (Wtl 2.1, 2.10): the ledger's counted hours at the formal
    employer. Before 2026 a pay period counts only if it starts within ``lkv.max_years`` whole
    years of the employment's first day (Wtl 2.12(1),(2), 2018-2025 texts) and only with a
    doelgroepverklaring (2.10(1)(c), 2.11; parameter ``lkv.declaration_held``); from 2026
    neither limit applies (2.10(1), 2.12(1), 2026-01-01 text). Work in a Wsw art. 2
    dienstbetrekking gives none: before 2026 seconded or not, and beschut werk neither (Wtl
    2.10(2)(b), 2018-2025 texts); from 2026 only when the worker is not seconded (2026-01-01
    text; parameter ``lkv.excludes_seconded_wsw``). In every version the LKV ends when the
    employee reaches the AOW age (Wtl 2.10(2)(a)): a pay period that starts on or after that
    day gives none. Each reason cites the text of the year its parameter's row cites.
    """
    year = ledger.year
    terms = params.derived(("lkv.terms", year), lambda: _lkv_terms(year, params))
    if not terms.paid:
        return Fraction(0), terms.reasons
    reasons = list(terms.reasons)
    if terms.beyond is not None:
        cut = ledger.formal_people(employer.id, terms.beyond)
        if cut:
            ended = f"{terms.beyond.limit} years: ended for person(s) {', '.join(cut)}"
            reasons.append(terms.beyond.why.with_detail(ended))
    pensioners = ledger.formal_people(employer.id, _at_pension_age)
    if pensioners:
        reasons.append(terms.pension_age.with_detail(f"person(s) {', '.join(pensioners)}"))
    left_out = terms.gives.left_out
    people = ledger.formal_people(employer.id, left_out)
    if people:
        reasons.append(left_out.why.with_detail(f"person(s) {', '.join(people)}"))
    if terms.full_hours is None:  # min(0 x hours, cap) is 0 for everyone (a cap is 0 or more)
        return Fraction(0), tuple(reasons)
    # min(rate x hours, cap) = rate x min(hours, cap / rate), as the rate is above 0
    hours = ledger.capped_formal_hours(employer.id, terms.gives, terms.full_hours)
    return (terms.rate * hours if hours else hours), tuple(reasons)


def lkv_cut(stage: Stage, year: int, params: Parameters) -> Reason | None:
    """Why the hours of ``stage`` give no LKV in ``year`` (``None``: they give it).

    The reason cites the text of the year. In this order: no doelgroepverklaring where the
    text asks for one (Wtl 2.10(1)(c), 2.11, 2018-2025 texts); the AOW age reached
    (2.10(2)(a)); work that 2.10(2)(b) leaves out; the limit of whole years of employment
    (2.12(1), 2018-2025 texts).
    """
    terms = params.derived(("lkv.terms", year), lambda: _lkv_terms(year, params))
    if not terms.paid:
        return next(r for r in terms.reasons if r.code == LKV_DECLARATION.code)
    if terms.gives(stage):
        return None
    if stage.pension_age:
        return terms.pension_age
    if terms.gives.left_out(stage):
        return terms.gives.left_out.why
    if terms.beyond is not None:
        return terms.beyond.why
    return None  # pragma: no cover - a stage that does not give the LKV is one of the above


@attrs.frozen(kw_only=True)
class LkvPerson:
    """The LKV of one person at one employer in one year, worked out (Wtl 2.10-2.13).

    Attributes:
        person: the person's id.
        counted_hours: the counted hours in the employer's loonaangifte.
        cut: the hours that give no LKV, per reason (:func:`lkv_cut`), in the order above.
        eligible_hours: the hours that give the LKV (``counted_hours`` less ``cut``); the
            banenafspraakbonus is paid on these too (:func:`bonus_hours`).
        rate, cap: the LKV per hour and its cap per employee and year, in EUR.
        before_cap: ``rate x eligible_hours``.
        amount: ``min(before_cap, cap)``, what the person's hours add to the employer's LKV.
    """

    person: str
    counted_hours: Fraction
    cut: tuple[tuple[Reason, Fraction], ...]
    eligible_hours: Fraction
    rate: Fraction
    cap: Fraction
    before_cap: Fraction
    amount: Fraction

    @property
    def capped(self) -> bool:
        """The cap lowers the person's amount (Wtl 2.13: "ten hoogste")."""
        return self.amount < self.before_cap


def lkv_per_person(employer: str, ledger: Ledger, params: Parameters) -> tuple[LkvPerson, ...]:
    """The LKV of ``employer`` in ``ledger.year`` per person, worked out, in the order of ids.

    The amounts add up to :func:`lkv_amount` exactly. Reads the ledger's hours per person
    (:meth:`Ledger.formal_hours`): for explaining one employer, not for a national year.
    """
    year = ledger.year
    rate = Fraction(params.decimal("lkv.rate_per_hour", year))
    cap = Fraction(params.decimal("lkv.cap_per_employee_year", year))
    people = []
    for person, per_stage in sorted(ledger.formal_hours(employer).items()):
        cut: dict[Reason, Fraction] = {}
        eligible = Fraction(0)
        for stage, hours in sorted(per_stage.items()):
            why = lkv_cut(stage, year, params)
            if why is None:
                eligible += hours
            else:
                cut[why] = cut.get(why, Fraction(0)) + hours
        before_cap = rate * eligible
        people.append(
            LkvPerson(
                person=person,
                counted_hours=sum(per_stage.values(), Fraction(0)),
                cut=tuple(cut.items()),
                eligible_hours=eligible,
                rate=rate,
                cap=cap,
                before_cap=before_cap,
                amount=min(before_cap, cap),
            )
        )
    return tuple(people)


def bonus_hours(employer: Employer, ledger: Ledger, params: Parameters) -> Fraction:
    """The hours the banenafspraakbonus of ``employer`` is paid on in ``ledger.year`` (exact).

    Wet banenafspraak art. 1 defines the quotumregeling as the LKV of Wtl 2.10 "verhoogd met de
    banenafspraakbonus" of Wtl 2.13(2): the bonus raises the LKV, so it is paid on the hours
    that give the LKV (before the AOW age, Wtl 2.10(2)(a); not in Wsw work left out, 2.10(2)(b);
    within the years of 2.12(1) and with a doelgroepverklaring where the text of the year asks
    for them), in the loonaangifte of the employer that gets the LKV, without the LKV's cap per
    employee (2.13 caps the LKV's amount, not the hours). 2.13(2) is in no consolidated text
    yet (2026-01-01): derived.
    """
    year = ledger.year
    terms = params.derived(("lkv.terms", year), lambda: _lkv_terms(year, params))
    if not terms.paid:
        return Fraction(0)
    return ledger.formal_hours_in(employer.id, terms.gives)


@attrs.frozen(kw_only=True)
class NationalInstrument:
    """The quotum instrument of the Wet banenafspraak for one employer in one year.

    Attributes:
        employer, year, rules: what was assessed, under which rule set.
        sector: the employer's sector (for reports; the instrument is national).
        active: the inclusiviteitsopslag is due in the year (art. 5, 6(1)); the bonus is paid
            in the same years.
        liable: active and not a small employer for the Aof premium (art. 6(3)); ``None`` when
            active and the small-employer status cannot be known.
        small_employer: the Aof small-employer status; ``None`` when it cannot be known.
        premium_wage, exempt_wage, surcharge_base: art. 6(4),(8), in EUR.
        surcharge_rate: the inclusiviteitsopslag in percent (``None`` when not active).
        surcharge: the inclusiviteitsopslag in EUR; ``None`` when ``liable`` is unknown.
        credited_hours: the counted doelgroep hours credited to the employer.
        bonus_hours: the hours the bonus is paid on: those that give the LKV, before its cap
            (:func:`bonus_hours`; computed also when the quotum is not active).
        bonus: the banenafspraakbonus in EUR.
        lkv: the loonkostenvoordeel in EUR (paid whether or not the quotum is active).
        net_effect: bonus - surcharge, in EUR (the LKV is outside it); ``None`` when the
            surcharge is unknown.
        warnings: what is missing for a full answer.
        reasons: the rules that decided it.
    """

    employer: EmployerId
    year: int
    rules: str
    sector: Sector
    active: bool
    liable: bool | None
    small_employer: bool | None
    premium_wage: Decimal
    exempt_wage: Decimal
    surcharge_base: Decimal
    surcharge_rate: Decimal | None
    surcharge: Decimal | None
    credited_hours: Decimal
    bonus_hours: Decimal
    bonus: Decimal
    lkv: Decimal
    net_effect: Decimal | None
    warnings: tuple[str, ...] = ()
    reasons: tuple[Reason, ...] = ()

    @property
    def surcharge_status(self) -> str:
        """Why no inclusiviteitsopslag is due, in words (``"due"`` when it is).

        In order: no activation decided (art. 5); decided but not yet due (art. 6(1)); a small
        employer (art. 6(3)); the small-employer status unknown (no premium wage of t-2).
        """
        if not self.active:
            codes = {r.code for r in self.reasons}
            return "not yet due" if NOT_YET_DUE.code in codes else "quotum not activated"
        if self.small_employer is None:
            return "unknown: small employer?"
        return "exempt: small employer" if self.small_employer else "due"

    def figures(self) -> tuple[Figure, ...]:
        """The figures: sector, active, liable, small, base, rate, surcharge, hours, bonus, LKV.

        The hours are those credited and those the bonus is paid on; the last figure is the
        surcharge status in words.
        """
        return (
            Figure(key="sector", label="sector", value=self.sector.value),
            Figure(key="active", label="active", value=self.active),
            Figure(key="liable", label="liable", value=self.liable, unknown=True),
            Figure(
                key="small_employer",
                label="small employer",
                value=self.small_employer,
                unknown=True,
            ),
            Figure(
                key="surcharge_base", label="surcharge base", value=self.surcharge_base, unit="EUR"
            ),
            Figure(key="surcharge_rate", label="rate", value=self.surcharge_rate, unit="%"),
            Figure(
                key="surcharge",
                label="surcharge",
                value=self.surcharge,
                unit="EUR",
                unknown=True,
            ),
            Figure(
                key="credited_hours", label="credited hours", value=self.credited_hours, unit="h"
            ),
            Figure(key="bonus_hours", label="bonus hours", value=self.bonus_hours, unit="h"),
            Figure(key="bonus", label="bonus", value=self.bonus, unit="EUR"),
            Figure(key="lkv", label="LKV", value=self.lkv, unit="EUR"),
            Figure(key="surcharge_status", label="surcharge status", value=self.surcharge_status),
        )


@attrs.frozen
class _Terms:
    """What the instrument reads of the parameters of one year, the same for every employer."""

    active: bool
    activation: Reason
    rate: tuple[Decimal, Reason] | None
    bonus_per_hour: Decimal
    warnings: tuple[str, ...] = ()
    """The same for every employer: an activation decided before art. 2 applies."""


def _instrument_terms(year: int, params: Parameters) -> _Terms:
    """The year's :class:`_Terms`: activation (art. 5, 6(1)), rate and bonus per hour.

    The rate and the bonus are read only in a year the surcharge is due.
    """
    start = surcharge_start(params, year)
    active = start is not None and year >= start[1].year
    if start is None:
        activation = NOT_ACTIVATED
    elif not active:
        activation = NOT_YET_DUE.with_detail(f"decided {start[0]}, due from {start[1]}")
    else:
        activation = ACTIVE.with_detail(f"decided {start[0]}, due from {start[1]}")
    rate = surcharge_rate(params, year) if active else None
    per_hour = params.decimal("wet2025.bonus_per_hour", year) if active else ZERO
    early = () if start is None else activation_before_article_2(start[0], year, params)
    return _Terms(
        active=active,
        activation=activation,
        rate=rate,
        bonus_per_hour=per_hour,
        warnings=early,
    )


ARTICLE_2 = "wet2025.article_2_in_force"
"""The parameter of the date art. 2 of the Wet banenafspraak takes effect (art. 12, 13)."""


def activation_before_article_2(
    decided: pendulum.Date, year: int, params: Parameters
) -> tuple[str, ...]:
    """A warning when the activation was decided before art. 2 takes effect; else none.

    Art. 12(1) (text of 2026-07-01): arts. 1-6, the activation of art. 5 among them, do not
    apply to calendar years before the date art. 2 takes effect. An activation decided before
    that date has no article to rest on unless art. 5 took effect earlier by a KB of its own
    (art. 13(1)), which the library does not know: the decision is applied as given, and the
    warning says that this is assumed, as for other dates the library assumes.
    """
    row = params[ARTICLE_2].row_for_year(year)
    art2 = row.value
    if not isinstance(art2, pendulum.Date) or decided >= art2:
        return ()
    warning = (
        f"parameter wet2025.activation_decided_on: the activation decided on {decided} lies "
        f"before {art2}, the day art. 2 of the Wet banenafspraak takes effect (parameter "
        f"{ARTICLE_2} [{row.tag.value}]); arts. 1-6 do not apply to calendar years before that "
        "day (art. 12(1)), so the activation is assumed to stand as given"
    )
    return (warning,)


_instrument = keyword_maker(NationalInstrument)
"""A :class:`NationalInstrument` of every field: one per employer, 60,000 in a national year."""


def _net_effect(bonus: Decimal, surcharge: Decimal) -> Reason:
    return NET_EFFECT.with_detail(f"EUR {bonus} - EUR {surcharge} = EUR {bonus - surcharge}")


def assess_national_instrument(
    rules: str,
    employer: Employer,
    year: int,
    ledger: Ledger,
    params: Parameters,
    *,
    preamble: tuple[Reason, ...] = (),
    bonus_on_credit: Reason | None = None,
    before_article_2: bool = True,
) -> NationalInstrument:
    """Inclusiviteitsopslag, banenafspraakbonus, LKV and their net effect for one employer.

    * ``active``: the surcharge is due in ``year`` (art. 6(1)); the bonus is paid in the same
      years (it pairs with the surcharge, Wtl 2.13(2) via art. 1 "quotumregeling").
    * ``liable``: active and not a small employer for the Aof premium (art. 6(3)); ``None``
      when active and the status is unknown, and then ``surcharge`` and ``net_effect`` too.
    * ``surcharge_base`` = premium wage - exempt wage (art. 6(4),(8)), never below 0.
    * ``bonus`` = bonus per hour x the hours that give the LKV, before its cap
      (:func:`bonus_hours`): the quotumregeling raises the LKV by the bonus (art. 1). Given
      ``bonus_on_credit`` (the 2018 outline, whose bonus is its own and no raise of the LKV),
      on all the counted hours credited to the employer instead, with that reason.
    * ``lkv`` = per person min(rate x hours, cap) (Wtl 2.13), see :func:`lkv_amount`.
    * ``warnings``: what is missing; with ``before_article_2`` (the 2025 law) also an
      activation decided before art. 2 takes effect (:func:`activation_before_article_2`).
    * ``net_effect`` = bonus - surcharge; the LKV is outside it, since it is paid whether or not
      the quotum is active.
    """
    terms = params.derived(("national.terms", year), lambda: _instrument_terms(year, params))
    reasons: list[Reason] = [*preamble, terms.activation]
    warnings: list[str] = list(terms.warnings) if before_article_2 else []
    premium_wage = employer.premium_wage.get(year, ZERO)
    exempt_wage = min(employer.exempt_wage.get(year, ZERO), premium_wage)
    base = premium_wage - exempt_wage
    small, small_reason = small_employer(employer, year, params)
    credited_hours = ledger.credited_counted_hours(employer.id)
    hours_for_bonus = (
        bonus_hours(employer, ledger, params) if bonus_on_credit is None else credited_hours
    )
    active = terms.active
    reasons.append(small_reason)
    # active and the status unknown: whether the surcharge is due is unknown, never "no"
    liable = None if active and small is None else active and small is False
    rate: Decimal | None = None
    surcharge: Decimal | None = None if liable is None else ZERO
    bonus = ZERO
    if active:
        if small is None:
            warnings.append(
                f"employer {employer.id}: premium wage of {year - 2} not given, so whether it is "
                f"a small employer in {year} is unknown: whether it is liable, its surcharge and "
                f"its net effect are unknown (an employer since {year - 1} or later is small: "
                "give its status)"
            )
        reasons.append(
            EXEMPT_WAGE.with_detail(f"EUR {premium_wage} - EUR {exempt_wage} = EUR {base}")
        )
        rate, rate_reason = terms.rate or surcharge_rate(params, year)
        reasons.append(rate_reason)
        if liable:
            surcharge = rate * base / 100
            reasons.append(SURCHARGE.with_detail(f"{rate} % x EUR {base} = EUR {surcharge}"))
        per_hour = terms.bonus_per_hour
        bonus = as_decimal(Fraction(per_hour) * hours_for_bonus)
        bonus_rule = BONUS if bonus_on_credit is None else bonus_on_credit
        reasons.append(bonus_rule.with_detail(f"EUR {per_hour} x {as_decimal(hours_for_bonus)} h"))
    amount, lkv_reasons = lkv_amount(employer, ledger, params)
    lkv = as_decimal(amount) if amount else ZERO
    reasons.extend(lkv_reasons)
    net = None if surcharge is None else bonus - surcharge
    if surcharge is not None and active:
        reasons.append(_net_effect(bonus, surcharge))
    elif active:
        reasons.append(NET_EFFECT.with_detail(f"EUR {bonus} - an unknown surcharge: unknown"))
    else:  # no surcharge and no bonus: the same reason for every employer, made once
        reasons.append(params.derived("national.net.none", lambda: _net_effect(ZERO, ZERO)))
    return _instrument(
        employer=employer.id,
        year=year,
        rules=rules,
        sector=employer.sector_in(year),
        active=active,
        liable=liable,
        small_employer=small,
        premium_wage=premium_wage,
        exempt_wage=exempt_wage,
        surcharge_base=base,
        surcharge_rate=rate,
        surcharge=surcharge,
        credited_hours=as_decimal(credited_hours),
        bonus_hours=as_decimal(hours_for_bonus),
        bonus=bonus,
        lkv=lkv,
        net_effect=net,
        warnings=tuple(warnings),
        reasons=tuple(reasons),
    )
