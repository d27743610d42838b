"""Rules that every law shares, as plain functions and named reasons (public, for plug-ins too).

Nothing here knows which rule set calls it: the doelgroep test per pay period with the t+2 end of
a registration, the exclusions of internal Wsw work and beschut werk, and the job unit.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import attrs
import pendulum

from banenafspraak.employers import EmployerId
from banenafspraak.parameters import Parameters
from banenafspraak.people import Ground, Person, Registration
from banenafspraak.placements import PayPeriod, Placement, PlacementKind
from banenafspraak.references import LegalReference, Tag
from banenafspraak.rulesets._protocol import Figure, Reason, Share
from banenafspraak.sectors import Pool

__all__ = [
    "NOT_REGISTERED",
    "REGISTERED",
    "SHELTERED_WORK",
    "WSW_INTERNAL",
    "NoInstrument",
    "counted",
    "doelgroep_exclusion",
    "excluded",
    "is_young_disabled",
    "membership",
    "registration_end",
    "registration_in",
]

ONE = Fraction(1)

WFSV_2015 = "2015-05-01"

REGISTERED = Reason(
    code="REG",
    text="the person is in the doelgroepregister during this pay period; a pay period that "
    "overlaps a registration counts whole",
    reference=LegalReference(law="Wfsv", article="38e(2)", version=WFSV_2015),
    tag=Tag.VERIFIED,
)
NOT_REGISTERED = Reason(
    code="NOT-REG",
    text="the person is not in the doelgroepregister during this pay period",
    reference=LegalReference(law="Besluit SUWI", article="3.2", version="2016-01-01"),
    tag=Tag.DERIVED,
)
WSW_INTERNAL = Reason(
    code="WSW-INTERNAL",
    text="a Wsw art. 2 job inside the SW-bedrijf counts neither as a job of a werknemer nor "
    "of an arbeidsbeperkte",
    reference=LegalReference(law="Wfsv", article="38g(2), 122n(3)", version=WFSV_2015),
)
SHELTERED_WORK = Reason(
    code="BESCHUT",
    text="beschut werk (Participatiewet 10b) is outside the doelgroep",
    reference=LegalReference(law="Wfsv", article="38b(1)(a)", version=WFSV_2015),
)


def registration_end(
    registration: Registration, parameters: Parameters
) -> tuple[pendulum.Date | None, str]:
    """The last day of a registration, and how it was found (``None``: still running).

    Besluit SUWI 3.2(2) (BWBR0013267, 2016-01-01): conditions that cease on day *d* end the
    registration on 31 December of year(*d*) + 2 (*t+2*). Besluit SUWI 3.2(8) (2018-07-28): if
    they ceased before 1 January 2026, it ends on 31 December 2028 instead. A registration ended
    at the person's own request ends on that day.
    """
    ends: list[tuple[pendulum.Date, str]] = []
    if registration.ended_on_request is not None:
        ends.append((registration.ended_on_request, "ended at the person's request"))
    ceased = registration.conditions_ceased
    if ceased is not None:
        years = parameters.for_year("registration.years_after_ceasing", ceased.year)
        if not isinstance(years, int):
            msg = f"registration.years_after_ceasing must be a whole number, got {years!r}"
            raise TypeError(msg)
        t_plus = pendulum.Date(ceased.year + years, 12, 31)
        reason = f"conditions ceased {ceased}: t+{years} ends it {t_plus}"
        suspended = parameters.flag("registration.suspension_applies", ceased.year)
        before = parameters.for_year("registration.suspension_ceased_before", ceased.year)
        suspension_end = parameters.for_year("registration.suspension_ends_on", ceased.year)
        if (
            suspended
            and isinstance(before, pendulum.Date)
            and isinstance(suspension_end, pendulum.Date)
            and ceased < before
            and suspension_end > t_plus
        ):
            t_plus = suspension_end
            reason = (
                f"conditions ceased {ceased} (before {before}): the t+2 suspension of "
                f"Besluit SUWI 3.2(8) ends it {t_plus}"
            )
        ends.append((t_plus, reason))
    if not ends:
        return None, "registration still running"
    return min(ends)


def registration_in(
    person: Person, pay_period: PayPeriod, parameters: Parameters
) -> tuple[Registration, str] | None:
    """A registration of ``person`` that overlaps the pay period, with its end explained.

    The whole pay period counts when the person was registered on any day of it (Wfsv 38e(2);
    DECISIONS: "registration and pay periods", V for the quotum, D for monitoring). Where several
    registrations overlap, the earliest is reported.
    """
    first = pay_period.start
    last = pay_period.end
    for registration in sorted(person.registrations, key=lambda r: r.start):
        if registration.start > last:
            continue
        end, how = registration_end(registration, parameters)
        if end is None or end >= first:
            return registration, how
    return None


def counted(
    pool: Pool,
    credited_to: EmployerId | None,
    reasons: tuple[Reason, ...],
    fraction: Fraction = ONE,
) -> Share:
    """A share that adds to ``pool``."""
    return Share(
        fraction=fraction,
        pool=pool,
        credited_to=credited_to,
        excluded_because=None,
        reasons=reasons,
    )


def excluded(
    because: Reason,
    reasons: tuple[Reason, ...] = (),
    credited_to: EmployerId | None = None,
    fraction: Fraction = ONE,
) -> Share:
    """A share that adds to no pool, with the reason (it may still be credited to an employer)."""
    return Share(
        fraction=fraction,
        pool=None,
        credited_to=credited_to,
        excluded_because=because,
        reasons=(*reasons, because),
    )


def doelgroep_exclusion(placement: Placement) -> Reason | None:
    """The shared reason a placement's hours count nowhere, whatever the person's registration.

    Internal Wsw work (Wfsv 38g(2), 122n(3); Wet banenafspraak art. 4(3)) and beschut werk
    (Wfsv 38b(1)(a); Wet banenafspraak art. 2) count under no rule set.
    """
    if placement.kind is PlacementKind.WSW_INTERNAL:
        return WSW_INTERNAL
    if placement.kind is PlacementKind.SHELTERED_WORK:
        return SHELTERED_WORK
    return None


def membership(
    placement: Placement, pay_period: PayPeriod, person: Person, parameters: Parameters
) -> tuple[Registration | None, Reason]:
    """Whether the person counts in this pay period: the registration, and the reason."""
    found = registration_in(person, pay_period, parameters)
    if found is None:
        return None, NOT_REGISTERED.with_detail(f"placement {placement.id}")
    registration, how = found
    return registration, REGISTERED.with_detail(
        f"ground {registration.ground.value} since {registration.start}; {how}"
    )


def is_young_disabled(registration: Registration) -> bool:
    """A 38b(2) registration (jonggehandicapte with a provision)."""
    return registration.ground is Ground.YOUNG_DISABLED_WITH_PROVISION


@attrs.frozen(kw_only=True)
class NoInstrument:
    """The quotum result of a rule set that has no quotum instrument: nothing due, one reason.

    For plug-ins that only count; it satisfies :class:`~banenafspraak.rulesets.QuotumResult`.
    """

    employer: EmployerId
    year: int
    rules: str
    reasons: tuple[Reason, ...] = ()
    liable: bool = False
    active: bool = False
    net_effect: Decimal = Decimal(0)
    warnings: tuple[str, ...] = ()

    def figures(self) -> tuple[Figure, ...]:
        """No figures."""
        return ()
