"""``wbqa-2015``: the Wet banenafspraak en quotum arbeidsbeperkten, as applied from 2015.

Two sectors, each with its own monitoring pool and targets; placed workers (uitzendkrachten, Wsw
secondees) count in the hirer's sector; the quotum per employer with the EUR 5,000 levy, activated
for the government sector from 2018 and never levied (Wfsv 122na).

References:
    * Wfsv (BWBR0017745), version 2015-05-01: art. 34, 38b-38j, 122n; version 2018-01-01: 38f;
      version 2019-01-01: 38g(8); version 2020-01-01: 122n renumbered; version 2026-01-01: 122na.
      https://wetten.overheid.nl/BWBR0017745/2015-05-01
    * Besluit Wfsv (BWBR0019070), versions 2015-05-01 and 2017-01-01 (art. 2.20-2.23) and
      2018-01-01 (art. 2.27-2.33, inleen; 2.32, variables F and G).
      https://wetten.overheid.nl/BWBR0019070/2018-01-01
    * Besluit SUWI (BWBR0013267), versions 2016-01-01, 2018-01-01 and 2020-01-01: art. 3.2 (t+2,
      its suspension, the stay under Wfsv 38b(6)).
    * Regeling Wfsv (BWBR0019150), art. 3.27 (sectors), 3.34 (inleen correction), 3.35 (A, B).
    * Stcrt. 2017, 60073: quotumpercentage government 2018 (1.93 %).
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from fractions import Fraction

import attrs
import pendulum

from banenafspraak._util import floor_decimal, floor_to, keyword_maker
from banenafspraak.employers import Employer, EmployerId, EmployerKind
from banenafspraak.parameters import Parameter, Parameters
from banenafspraak.placements import PayPeriod, Placement, PlacementKind
from banenafspraak.references import LegalReference, Tag
from banenafspraak.rulesets import common
from banenafspraak.rulesets._protocol import Figure, Ledger, Reason, RuleContext, Share
from banenafspraak.sectors import Pool, Sector

__all__ = ["WBQA_2015", "SectorQuotum", "Wbqa2015"]


def _wfsv(article: str, version: str = "2015-05-01") -> LegalReference:
    return LegalReference(law="Wfsv", article=article, version=version)


def _besluit(article: str, version: str = "2018-01-01") -> LegalReference:
    return LegalReference(law="Besluit Wfsv", article=article, version=version)


# -- where a job counts -------------------------------------------------------------------------

DIRECT = Reason(
    code="W15-DIRECT",
    text="a job counts at the employer who reports its verloonde uren, in that employer's sector",
    reference=_wfsv("122n(2), 38g(3)"),
)
PLACED_AT_HIRER = Reason(
    code="W15-INLEEN-HIRER",
    text="a placed worker (uitzendkracht or Wsw secondee) counts in the hirer's sector",
    reference=_wfsv("122n(4)"),
)
DIRECT_2020 = attrs.evolve(DIRECT, reference=_wfsv("122n(3), 38g(3)", "2020-01-01"))
PLACED_AT_HIRER_2020 = attrs.evolve(PLACED_AT_HIRER, reference=_wfsv("122n(5)", "2020-01-01"))
"""From 2020 the two cite the renumbered Wfsv 122n (:func:`.common.by_122n_text`)."""


PLACED_BY_KEY = Reason(
    code="W15-INLEEN-KEY",
    text="the hirer is not known: the lent hours are split over the sectors by the published "
    "SEO key",
    reference=LegalReference(law="Regeling Wfsv", article="3.34(3)", source="SEO verdeelsleutel"),
    tag=Tag.SECONDARY,
)
CREDITED_TO_HIRER = Reason(
    code="W15-INLEEN-CREDIT",
    text="lender and hirer agreed by 1 August of the next year: the hirer's quotum variable C "
    "rises by these hours (never above the person's polis hours, which these are)",
    reference=_besluit("2.28(2)-(4)"),
)
NOT_CREDITED = Reason(
    code="W15-INLEEN-NO-CREDIT",
    text="no agreement to credit the hirer: the hours are in nobody's quotum variable C, and the "
    "lender's C falls by all hours it lends out",
    reference=_besluit("2.28(5)"),
)
PLACED_BEFORE_2018 = Reason(
    code="W15-INLEEN-LEGAL-EMPLOYER",
    text="before the inleen rules of 2018, an uitzendkracht stays with the legal employer (the "
    "agency) for the quotum",
    reference=_wfsv("38g(4)"),
    tag=Tag.UNVERIFIED,
)
WSW_SECONDED_BEFORE_2018 = Reason(
    code="W15-WSW-NO-QUOTUM",
    text="before the inleen rules of 2018, a seconded Wsw employee counts for no employer's "
    "quotum: 38g(2) leaves Wsw employees out of A and C unless designated under 38g(4), and "
    "no designation existed before Besluit Wfsv 2.27-2.33",
    reference=_wfsv("38g(2),(4)"),
)
PROCUREMENT_AT_SUPPLIER = Reason(
    code="W15-PROCUREMENT",
    text="a job delivered through a procurement contract counts at the supplier who employs the "
    "person, not at the buyer",
    reference=attrs.evolve(_wfsv("122n(2)"), source="kst-34352-66"),
    tag=Tag.SECONDARY,
)
PROCUREMENT_AT_SUPPLIER_2020 = attrs.evolve(
    PROCUREMENT_AT_SUPPLIER,
    reference=attrs.evolve(_wfsv("122n(3)", "2020-01-01"), source="kst-34352-66"),
)
"""The count at the employer that reports the hours (122n(2) of the 2015 text, (3) from 2020),
as the parliamentary papers apply it to procurement: cited as numbered in the year."""
COLLEGIAL_SECONDMENT = Reason(
    code="W15-COLLEGIAL",
    text="a regular employer lending its own employee is no uitlener: the job counts at the "
    "legal employer",
    reference=_besluit("2.27"),
    tag=Tag.DERIVED,
)
YOUNG_DISABLED_QUOTUM_ONLY = Reason(
    code="W15-38B2",
    text="a 38b(2) arbeidsbeperkte counts for the employer's quotum only, not in the sector "
    "monitoring of 122n",
    reference=_wfsv("38b(2), 122n(1)"),
)
"""Cites the row of ``monitoring.young_disabled_counts`` in force (the 2015 text of 122n(1))."""

# -- the quotum ---------------------------------------------------------------------------------

THRESHOLD = Reason(
    code="Q15-THRESHOLD",
    text="liable: at least 25 x the average verloonde uren in the previous year and in the year",
    reference=LegalReference(law="Wfsv", article="34(4),(6)", version="2015-05-01"),
)
EXEMPT_SMALL = Reason(
    code="Q15-EXEMPT",
    text="exempt: fewer verloonde uren than the threshold in the previous year or in the year",
    reference=LegalReference(law="Wfsv", article="34(4),(6)", version="2015-05-01"),
)
LENDER_DEDUCTION = Reason(
    code="Q15-LENDER-A",
    text="a lender's variable A and threshold test leave out its uitzendpersoneel or Wsw art. 2 "
    "staff",
    reference=_besluit("2.31, 2.33"),
)
WSW_STAFF_OUT_OF_A = Reason(
    code="Q15-LENDER-A",
    text="an SW-bedrijf's variable A leaves out its Wsw art. 2 staff (Wsw employees are outside A "
    "unless designated); the threshold test leaves them out too",
    reference=_wfsv("38g(2)"),
    tag=Tag.DERIVED,
)
"""Before the inleen rules of Besluit Wfsv 2.27-2.33 (heffing year 2018), the 2015 text of
Wfsv 38g(2) leaves Wsw employees out of A; that the threshold test leaves them out as well is
the library's reading (D)."""
PERCENTAGE_PUBLISHED = Reason(
    code="Q15-PCT-PUBLISHED",
    text="the sector's quotumpercentage as published",
    reference=_wfsv("38f(1)"),
)
PERCENTAGE_COMPUTED = Reason(
    code="Q15-PCT-COMPUTED",
    text="the sector's quotumpercentage computed as ((A+B)xC + FxG)/(DxE) x 100, rounded down "
    "to 2 decimals",
    reference=_wfsv("38f(1),(2)"),
    tag=Tag.DERIVED,
)
TEXTS_38F = (
    (2016, "2016-01-01"),  # A, B and C count the arbeidsbeperkten of 38b(1)
    (2017, "2017-01-01"),  # from the 2016-12-08 text: F and G only at liable employers (34(3),(4))
    (2018, "2018-01-01"),  # the same formula, in the text in force in 2018 and 2019
)
"""The texts of Wfsv 38f(1),(2) in force for a quotumpercentage of the year, up to the 2020-01-01
text that adds variable H (``quotum.formula_with_h``); before 2016 the 2015-05-01 text."""


def _percentage_computed(year: int) -> Reason:
    """:data:`PERCENTAGE_COMPUTED` citing the text of 38f in force for ``year``."""
    version = next((v for start, v in reversed(TEXTS_38F) if year >= start), None)
    if version is None:
        return PERCENTAGE_COMPUTED
    return attrs.evolve(PERCENTAGE_COMPUTED, reference=_wfsv("38f(1),(2)", version))


PERCENTAGE_MISSING = Reason(
    code="Q15-PCT-MISSING",
    text="no quotumpercentage: none published and variable D of 38f not given for the sector "
    "in this year (D is a figure of one year and is not carried forward)",
    reference=_wfsv("38f(1)"),
    tag=Tag.UNVERIFIED,
)
PERCENTAGE_WITH_H = Reason(
    code="Q15-PCT-FORMULA-H",
    text="no quotumpercentage: none published, and from the 2020 text the formula of 38f(2) "
    "includes variable H (realised extra jobs), which the statute prints as an image the "
    "library does not reconstruct",
    reference=_wfsv("38f(1),(2)", "2020-01-01"),
    tag=Tag.UNVERIFIED,
)
SHORTFALL = Reason(
    code="Q15-TEKORT",
    text="quotumtekort = (A x B/100 - C) / D, rounded down to 1 decimal, at least 0",
    reference=LegalReference(law="Besluit Wfsv", article="2.23(2),(3)", version="2017-01-01"),
    tag=Tag.DERIVED,
)
LEVY = Reason(
    code="Q15-HEFFING",
    text="quotumheffing = quotumtekort x the amount per missing job",
    reference=_wfsv("38h(4)"),
)
NOT_ACTIVE = Reason(
    code="Q15-NOT-ACTIVE",
    text="the quotum of this sector is not activated in this year (no activation regulation), "
    "so there is no quotumpercentage, tekort or heffing",
    reference=_wfsv("122n(1), 38e(1)"),
)
SUSPENDED_BEFORE = ((2022, "2020-01-01"), (2026, "2022-12-14"))
"""Wfsv 122na as it entered the text (2020-01-01): no heffing for the years before 2022; from the
2022-12-14 text before 2026 (the 2022-08-02 text still reads 2022); from the 2026-01-01 text
before art. 2 of the Wet banenafspraak takes effect (:data:`NOT_LEVIED`, which cites that
text)."""
NOT_LEVIED = Reason(
    code="Q15-NOT-LEVIED",
    text="the heffing is nominal: it is not levied for any year before art. 2 of the Wet "
    "banenafspraak takes effect, and from that date the 2015 quotum no longer applies",
    reference=LegalReference(
        law="Wfsv", article="122na", version="2026-01-01", source="Wet banenafspraak art. 12"
    ),
)


@attrs.frozen(kw_only=True)
class SectorQuotum:
    """The 2015 quotum of one employer in one year (Wfsv 38e-38h; Besluit Wfsv 2.20-2.33).

    Attributes:
        employer, year, rules: what was assessed, under which rule set.
        sector: the employer's sector, whose quotumpercentage applies.
        liable: at least the threshold of verloonde uren in the year and the year before.
        active: the sector's quotum is activated in the year (Wfsv 122n(1)).
        total_hours: variable A, the verloonde uren (less a lender's placed staff), rounded down
            to 2 decimals.
        percentage: variable B, the quotumpercentage (``None`` when not active or not known).
        credited_hours: variable C, the verloonde uren of arbeidsbeperkten credited to it.
        job_hours: variable D of 38g, the hours of one job.
        required_hours: ``A x B / 100``.
        shortfall_jobs: the quotumtekort, rounded down to 1 decimal, at least 0.
        levy: the nominal quotumheffing in EUR.
        levied: always false: the heffing is not levied for any year (Wfsv 122na).
        warnings: what is missing for a full answer.
        reasons: the rules that decided it.
    """

    employer: EmployerId
    year: int
    rules: str
    sector: Sector
    liable: bool
    active: bool
    total_hours: Decimal
    credited_hours: Decimal
    job_hours: Decimal
    percentage: Decimal | None = None
    required_hours: Decimal | None = None
    shortfall_jobs: Decimal | None = None
    levy: Decimal | None = None
    levied: bool = False
    warnings: tuple[str, ...] = ()
    reasons: tuple[Reason, ...] = ()

    @property
    def net_effect(self) -> Decimal:
        """Minus the heffing when it is levied; 0 otherwise (always 0: Wfsv 122na)."""
        return -self.levy if self.levied and self.levy is not None else Decimal(0)

    @property
    def levy_status(self) -> str:
        """Why no heffing is paid, in words (``"levied"`` when it is).

        In order: the sector's quotum is not activated (Wfsv 122n(1)); the employer is below the
        threshold (Wfsv 34(4),(6)); no quotumpercentage is known; there is no tekort; the
        heffing is computed but not levied (Wfsv 122na).
        """
        if not self.active:
            return "quotum not activated"
        if not self.liable:
            return "exempt: below the threshold"
        if self.levy is None:
            return "no quotum percentage"
        if not self.levy:
            return "no shortfall"
        return "levied" if self.levied else "waived by law (Wfsv 122na)"

    def figures(self) -> tuple[Figure, ...]:
        """Sector, active, liable, A, B, C, required hours, tekort, heffing, levied, status."""
        return (
            Figure(key="sector", label="sector", value=self.sector.value),
            Figure(key="active", label="active", value=self.active),
            Figure(key="liable", label="liable", value=self.liable),
            Figure(key="total_hours", label="A total", value=self.total_hours, unit="h"),
            Figure(key="percentage", label="B quotum", value=self.percentage, unit="%"),
            Figure(key="credited_hours", label="C credited", value=self.credited_hours, unit="h"),
            Figure(key="required_hours", label="required", value=self.required_hours, unit="h"),
            Figure(key="shortfall_jobs", label="shortfall", value=self.shortfall_jobs, unit="jobs"),
            Figure(key="levy", label="levy", value=self.levy, unit="EUR"),
            Figure(key="levied", label="levied", value=self.levied),
            Figure(key="levy_status", label="levy status", value=self.levy_status),
        )


_sector_quotum = keyword_maker(SectorQuotum)
"""A :class:`SectorQuotum` of every field: one per employer, 60,000 in a national year."""


IN_FORCE = pendulum.Date(2015, 5, 1)
"""Stb. 2015, 156: the law and its AMvB took effect on 1 May 2015."""


_NO_HOURS = floor_to(Fraction(0), 2)
"""Variable C of an employer credited with no hours."""


def _pool(sector: Sector) -> Pool:
    return sector.pool


@attrs.frozen
class Wbqa2015:
    """The 2015 rules (Wet banenafspraak en quotum arbeidsbeperkten, Stb. 2015, 155/156)."""

    name: str = "wbqa-2015"
    version: str = "2"
    title: str = "Wet banenafspraak en quotum arbeidsbeperkten (2015)"
    in_force_from: pendulum.Date | None = IN_FORCE
    references: tuple[LegalReference, ...] = (
        _wfsv("34, 38b-38j, 122n"),
        _wfsv("122na", "2026-01-01"),
        _besluit("2.20-2.33"),
        LegalReference(law="Besluit SUWI", article="3.2", version="2018-01-01"),
        LegalReference(law="Regeling Wfsv", article="3.27, 3.34, 3.35"),
    )
    extra_parameters: tuple[Parameter, ...] = ()
    pools: tuple[Pool, ...] = (Pool.MARKET, Pool.GOVERNMENT)

    def starts(self, parameters: Parameters) -> pendulum.Date | None:  # noqa: ARG002
        """1 May 2015 (Stb. 2015, 156), whatever the parameters."""
        return self.in_force_from

    # -- where each job counts ------------------------------------------------------------------

    def attribute(
        self, placement: Placement, pay_period: PayPeriod, context: RuleContext
    ) -> tuple[Share, ...]:
        """Pool and quotum credit of one pay period's hours (spec §4.6, the decision table).

        The answer reads the pay period's year and the registration found, nothing else of it:
        within a count it is decided once per placement and situation (:func:`.decided_once`).
        """
        return common.decided_once(self, self._decide, placement, pay_period, context)

    def _decide(
        self, placement: Placement, pay_period: PayPeriod, context: RuleContext
    ) -> tuple[Share, ...]:
        year = pay_period.end.year
        exclusion = common.doelgroep_exclusion(placement, year)
        if exclusion is not None:
            return (common.excluded(exclusion),)
        params = context.parameters
        registration, registered = common.membership_in(placement, pay_period, context)
        if registration is None:
            return (common.excluded(registered),)
        employer = context.employer(placement.employer)
        reasons: tuple[Reason, ...] = (registered,)

        if placement.kind.lends_to_hirer:
            shares = self._placed(placement, year, employer, reasons, context)
        else:
            reasons = (*reasons, common.by_122n_text(year, DIRECT, DIRECT_2020))
            if placement.hirer is not None:
                reasons = (*reasons, COLLEGIAL_SECONDMENT)
            if placement.contract is not None:
                reasons = (
                    *reasons,
                    common.by_122n_text(
                        year, PROCUREMENT_AT_SUPPLIER, PROCUREMENT_AT_SUPPLIER_2020
                    ),
                )
            shares = (common.counted(_pool(employer.sector_in(year)), employer.id, reasons),)

        if not common.is_young_disabled(registration):
            return shares
        young_disabled = params["monitoring.young_disabled_counts"].row_for_year(year)
        if not young_disabled.value:
            # Wfsv 122n(1) of the 2015-2019 texts monitors 38b(1) people only; from the
            # 2020-01-01 text 122n(1),(2) name 38b(2) too: the row in force says which.
            because = attrs.evolve(YOUNG_DISABLED_QUOTUM_ONLY, reference=young_disabled.reference)
            return tuple(
                common.excluded(
                    because,
                    share.reasons,
                    credited_to=share.credited_to,
                    fraction=share.fraction,
                )
                for share in shares
            )
        return shares

    def _placed(
        self,
        placement: Placement,
        year: int,
        employer: Employer,
        reasons: tuple[Reason, ...],
        context: RuleContext,
    ) -> tuple[Share, ...]:
        """An uitzendkracht or Wsw secondee: the hirer's sector; credit by agreement from 2018."""
        params = context.parameters
        credited_to: EmployerId | None
        if not params.flag("quotum.inleen_rules", year):
            if placement.kind is PlacementKind.WSW_SECONDED:
                credit_reason, credited_to = WSW_SECONDED_BEFORE_2018, None
            else:
                credit_reason, credited_to = PLACED_BEFORE_2018, employer.id
        elif placement.credited_to_hirer and placement.hirer is not None:
            credit_reason, credited_to = CREDITED_TO_HIRER, placement.hirer
        else:
            credit_reason, credited_to = NOT_CREDITED, None
        if placement.hirer is not None:
            hirer = context.employer(placement.hirer)
            sector = hirer.sector_in(year)  # Regeling Wfsv 3.27: the hirer's sector of the year
            placed = common.by_122n_text(year, PLACED_AT_HIRER, PLACED_AT_HIRER_2020)
            why = (*reasons, placed.with_detail(f"hirer {hirer.id}, {sector}"))
            return (common.counted(_pool(sector), credited_to, (*why, credit_reason)),)
        share = Fraction(params.decimal("inleen.government_share", year))
        row = params["inleen.government_share"].row_for_year(year)
        keyed = PLACED_BY_KEY.with_detail(f"government share {row.value} ({row.note})")
        why = (*reasons, keyed, credit_reason)
        split = (
            common.counted(Pool.GOVERNMENT, credited_to, why, share),
            common.counted(Pool.MARKET, credited_to, why, 1 - share),
        )
        return tuple(s for s in split if s.fraction)

    # -- monitoring ------------------------------------------------------------------------------

    def targets(self, year: int, parameters: Parameters) -> Mapping[Pool, Decimal]:
        """Cumulative extra jobs per sector by the end of ``year`` (spec §6)."""
        return {
            Pool.MARKET: parameters.decimal("target.market", year),
            Pool.GOVERNMENT: parameters.decimal("target.government", year),
        }

    # -- the quotum -----------------------------------------------------------------------------

    def assess_quotum(
        self, employer: Employer, year: int, ledger: Ledger, context: RuleContext
    ) -> SectorQuotum:
        """Liability, variables A-D, quotumtekort and the nominal heffing (Wfsv 38e-38h)."""
        params = context.parameters
        terms = params.derived(("wbqa.terms", year), lambda: _YearTerms.of(year, params))
        reasons: list[Reason] = []
        agency = terms.lender_agency
        total = self._quotum_hours(employer, year, reasons, lender_agency=agency)
        previous = self._quotum_hours(employer, year - 1, reasons, lender_agency=agency)
        threshold = terms.threshold
        liable = previous >= threshold and total >= threshold
        facts = f"{previous} h in {year - 1}, {total} h in {year}, threshold {threshold} h"
        reasons.append((THRESHOLD if liable else EXEMPT_SMALL).with_detail(facts))
        sector = employer.sector_in(year)
        active = terms.active[sector]
        credited = ledger.credited.get(employer.id)
        credited_hours = floor_to(credited, 2) if credited else _NO_HOURS
        job_hours = terms.job_hours
        warnings: tuple[str, ...] = ()
        missing = [y for y in (year - 1, year) if y not in employer.total_hours]
        if missing:
            # Wfsv 34(4),(6): the threshold reads the verloonde uren of the year and the year
            # before; a year not given reads as 0 h, which makes the employer exempt.
            years = " and ".join(str(y) for y in missing)
            warning = (
                f"employer {employer.id}: no verloonde uren given for {years}; the threshold "
                "test (Wfsv 34(4)) reads them as 0 h"
            )
            warnings = (warning,)
        percentage = required = shortfall = levy = None
        if not active:
            reasons.append(
                params.derived(
                    ("wbqa.not-active", sector, year),
                    lambda: NOT_ACTIVE.with_detail(f"{sector} in {year}"),
                )
            )
        elif liable:
            percentage, notes = params.derived(
                ("wbqa.percentage", sector, year),
                lambda: self._percentage_explained(sector, year, params),
            )
            reasons.extend(notes)
            if percentage is not None:
                required, shortfall, levy = self._levy(
                    year=year,
                    total=total,
                    percentage=percentage,
                    hours=(credited_hours, job_hours),
                    terms=terms,
                    params=params,
                    reasons=reasons,
                )
        return _sector_quotum(
            employer=employer.id,
            year=year,
            rules=self.name,
            sector=sector,
            liable=liable,
            active=active,
            total_hours=floor_decimal(total, 2),
            credited_hours=credited_hours,
            job_hours=job_hours,
            warnings=warnings,
            reasons=tuple(reasons),
            percentage=percentage,
            required_hours=required,
            shortfall_jobs=shortfall,
            levy=levy,
            levied=False,
        )

    def _levy(
        self,
        *,
        year: int,
        total: Decimal,
        percentage: Decimal,
        hours: tuple[Decimal, Decimal],
        terms: _YearTerms,
        params: Parameters,
        reasons: list[Reason],
    ) -> tuple[Decimal, Decimal, Decimal]:
        """Required hours, quotumtekort and the nominal heffing of a liable employer.

        ``hours`` are variables C (credited) and D (the hours of one job).
        """
        credited_hours, job_hours = hours
        required = floor_decimal(total, 2) * percentage / 100
        gap = (Fraction(required) - Fraction(credited_hours)) / Fraction(job_hours)
        shortfall = max(Decimal(0), floor_to(gap, 1))
        reasons.append(
            terms.shortfall.with_detail(
                f"({floor_decimal(total, 2)} x {percentage}/100 - {credited_hours}) / {job_hours}"
            )
        )
        per_job = terms.levy_per_job
        levy = shortfall * per_job
        reasons.append(LEVY.with_detail(f"{shortfall} x EUR {per_job} = EUR {levy}"))
        reasons.append(
            params.derived(("wbqa.not-levied", year), lambda: self._not_levied(year, params))
        )
        return required, shortfall, levy

    def _not_levied(self, year: int, params: Parameters) -> Reason:
        """Why the heffing of ``year`` is not levied, in the text of 122na that says so.

        A year from the start of art. 2 of the Wet banenafspraak on (moved earlier as a what-if)
        is past the 2015 quotum (art. 12) whatever the year, as the 2026-01-01 text says.
        """
        art2 = self.ends(params)
        for before, version in SUSPENDED_BEFORE:
            if year < before and (art2 is None or year < art2.year):
                reference = attrs.evolve(NOT_LEVIED.reference, version=version, source="")
                return attrs.evolve(NOT_LEVIED, reference=reference).with_detail(
                    f"not levied for the years before {before} ({version} text)"
                )
        return NOT_LEVIED.with_detail(
            f"art. 2 of the Wet banenafspraak from {art2}" if art2 else ""
        )

    @staticmethod
    def ends(params: Parameters) -> pendulum.Date | None:
        """The day the 2015 quotum stops applying: art. 2 of the Wet banenafspraak (art. 12)."""
        art2 = params.for_year("wet2025.article_2_in_force", IN_FORCE.year)
        return art2 if isinstance(art2, pendulum.Date) else None

    @staticmethod
    def _quotum_hours(
        employer: Employer, year: int, reasons: list[Reason], *, lender_agency: bool
    ) -> Decimal:
        """Verloonde uren of ``year`` for A and the threshold, less a lender's placed staff.

        Besluit Wfsv 2.31, 2.33 (2018-01-01): a lender (uitlener, SW-bedrijf) leaves out its
        uitzendpersoneel or Wsw art. 2 staff. Whether an agency does follows the **heffing
        year** (``lender_agency``, see :class:`_YearTerms`): for the heffing year 2018 the 2017
        hours of the threshold test are taken without them too. Before those articles an
        SW-bedrijf leaves its Wsw staff out by Wfsv 38g(2) (2015 text), tagged derived for the
        threshold test.
        """
        total = employer.hours_in(year)
        if employer.kind is EmployerKind.SHELTERED_WORKSHOP:
            why = LENDER_DEDUCTION if lender_agency else WSW_STAFF_OUT_OF_A
        elif employer.kind is EmployerKind.AGENCY and lender_agency:
            why = LENDER_DEDUCTION
        else:
            return total
        staff = employer.agency_or_wsw_staff_hours.get(year, Decimal(0))
        reasons.append(why.with_detail(f"{staff} h left out in {year}"))
        return max(Decimal(0), total - staff)

    @classmethod
    def _percentage_explained(
        cls, sector: Sector, year: int, params: Parameters
    ) -> tuple[Decimal | None, tuple[Reason, ...]]:
        """:meth:`quotum_percentage` with the reasons it gives (the same for every employer)."""
        notes: list[Reason] = []
        return cls.quotum_percentage(sector, year, params, notes), tuple(notes)

    @staticmethod
    def quotum_percentage(
        sector: Sector, year: int, params: Parameters, reasons: list[Reason] | None = None
    ) -> Decimal | None:
        """The sector's quotumpercentage for ``year``: published, or computed from A-G.

        ``((A + B) x C + F x G) / (D x E) x 100``, rounded down to 2 decimals (Wfsv 38f(1),(2);
        the statute prints the formula as an image, reconstructed and checked against the
        published 2018 value of 1.93 %: spec §7.3, tag D).
        """
        notes = reasons if reasons is not None else []
        key = sector.value
        published = params.for_year(f"quotum.percentage.{key}", year)
        if isinstance(published, Decimal):
            notes.append(PERCENTAGE_PUBLISHED.with_detail(f"{published} % for {sector} {year}"))
            return published
        if params.flag("quotum.formula_with_h", year):
            notes.append(PERCENTAGE_WITH_H.with_detail(f"{sector} {year}"))
            return None
        d_row = params[f"quotum.d.{key}"].row_for_year(year)
        total_jobs = d_row.value if d_row.start.year == year else None
        if not isinstance(total_jobs, Decimal):
            notes.append(PERCENTAGE_MISSING.with_detail(f"{sector} {year}"))
            return None
        a = params.decimal(f"quotum.a.{key}", year)
        b = params.decimal(f"quotum.b.{key}", year)
        c = params.decimal("quotum.c", year)
        f = params.decimal(f"quotum.f.{key}", year)
        g = params.decimal("quotum.g", year)
        e = params.decimal("quotum.e", year)
        exact = (Fraction((a + b) * c + f * g) / Fraction(total_jobs * e)) * 100
        percentage = floor_to(exact, 2)
        computed = _percentage_computed(year)
        notes.append(
            computed.with_detail(
                f"(({a}+{b})x{c} + {f}x{g}) / ({total_jobs}x{e}) x 100 = {percentage} %"
            )
        )
        return percentage


@attrs.frozen
class _YearTerms:
    """What the quotum of a heffing year reads of the parameters, the same for every employer.

    ``threshold``: the verloonde uren from which an employer is liable (Wfsv 34(4),(6); Besluit
    Wfsv 2.21); ``job_hours``: variable D, the hours of one job (Besluit Wfsv 2.23(1));
    ``shortfall``: the reason of the quotumtekort's rounding (2.23(2),(3)), citing the same text;
    ``lender_agency``: an agency leaves out its uitzendpersoneel (Besluit Wfsv 2.27-2.33, from
    the heffing year the parameter ``quotum.inleen_rules`` names); ``active``: per sector,
    whether the quotum is activated (Wfsv 122n(1)); ``levy_per_job``: the heffing per missing
    job (Wfsv 38h(4)). Each comes from its parameter, which cites the version it follows.
    """

    threshold: Decimal
    job_hours: Decimal
    shortfall: Reason
    lender_agency: bool
    active: Mapping[Sector, bool]
    levy_per_job: Decimal

    @classmethod
    def of(cls, year: int, params: Parameters) -> _YearTerms:
        """The terms of heffing year ``year``."""
        return cls(
            threshold=params.decimal("quotum.threshold_hours", year),
            job_hours=params.decimal("quotum.employer_d", year),
            # the rounding of 2.23(2),(3), in the text of 2.23 that variable D's row cites
            shortfall=common.cited_as_row(SHORTFALL, "quotum.employer_d", year, params),
            lender_agency=params.flag("quotum.inleen_rules", year),
            active={s: params.flag(f"quotum.active.{s.value}", year) for s in Sector},
            levy_per_job=params.decimal("quotum.levy_per_missing_job", year),
        )


WBQA_2015 = Wbqa2015()
"""The ``wbqa-2015`` rule set."""
