"""Employers (*werkgevers*) and their yearly totals.

An employer is identified by its *loonheffingennummer* or any key; the quotum is computed at that
level (wbqa-2015 spec §4.1). Its sector is input (see :func:`derive_sector` for the legal test),
fixed per calendar year: :meth:`Employer.sector_in` gives the sector of a year.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any, NewType

import attrs

from banenafspraak._util import FrozenMap, to_decimal
from banenafspraak.exceptions import InvalidTypeError, InvalidValueError
from banenafspraak.sectors import Sector, Subsector

__all__ = ["Employer", "EmployerId", "EmployerKind", "derive_sector"]

EmployerId = NewType("EmployerId", str)
"""A key for an employer: a loonheffingennummer or any key."""


YEAR_TABLES: Mapping[str, str] = {
    "total_hours": "total_hours",
    "agency_or_wsw_staff_hours": "agency_or_wsw_staff_hours",
    "premium_wage": "premium_wage",
    "exempt_wage": "exempt_wage",
    "small_employer": "small_employer",
    "sector": "sector_by_year",
}
"""The columns of a table of employer years (a CSV folder, the batch engine's tables), each
with the :class:`Employer` table by year that it fills."""


def employer_id(value: str) -> EmployerId:
    """Attrs converter: a text key as an :data:`EmployerId`."""
    return EmployerId(value)


def optional_employer_id(value: str | None) -> EmployerId | None:
    """Attrs converter: like :func:`employer_id`, ``None`` stays ``None``."""
    return None if value is None else EmployerId(value)


class EmployerKind(enum.StrEnum):
    """What kind of employer, as far as the counting rules care."""

    REGULAR = "regular"
    """An ordinary employer."""
    AGENCY = "agency"
    """An *uitlener*: an uitzendbureau or payroll company (BW 7:690; Besluit Wfsv 2.27(a)).
    Payroll companies are treated as agencies (DECISIONS, tag U)."""
    SHELTERED_WORKSHOP = "sheltered_workshop"
    """An *SW-bedrijf*: the employer of Wsw art. 2 staff (Besluit Wfsv 2.27(b))."""

    @property
    def lends_staff(self) -> bool:
        """The kind may place its workers with a hirer (agency or Wsw-seconded placements).

        The inleen rules speak of the *uitlenende werkgever* with its uitzendpersoneel and of the
        SW-bedrijf that makes workers available (Besluit Wfsv art. 2.27, 2.31(a),(b), text of
        2018-01-01, BWBR0019070). A regular employer lending its own employee is no uitlener:
        that is collegial secondment, an ``employee`` placement with a hirer.
        """
        return self in {EmployerKind.AGENCY, EmployerKind.SHELTERED_WORKSHOP}


_NOTHING: FrozenMap[Any, Any] = FrozenMap()
"""The empty table most employers have for most figures: one shared, immutable map."""


def _year_table(value: object) -> FrozenMap[int, Decimal]:
    if value is None or value == {}:
        return _NOTHING
    if not hasattr(value, "items"):
        msg = f"expected a mapping of year to amount, got {value!r}"
        raise InvalidTypeError(msg)
    table: dict[int, Decimal] = {}
    for year, amount in value.items():
        number = to_decimal(amount)
        if number < 0:
            msg = f"amount for {year} must not be negative, got {amount!r}"
            raise InvalidValueError(msg)
        table[int(year)] = number
    return FrozenMap(table)


def _flag_table(value: object) -> FrozenMap[int, bool]:
    if value is None or value == {}:
        return _NOTHING
    if not hasattr(value, "items"):
        msg = f"expected a mapping of year to true/false, got {value!r}"
        raise InvalidTypeError(msg)
    table: dict[int, bool] = {}
    for year, flag in value.items():
        if not isinstance(flag, bool):
            msg = f"flag for {year} must be true or false, got {flag!r}"
            raise InvalidTypeError(msg)
        table[int(year)] = flag
    return FrozenMap(table)


def _sector_table(value: object) -> FrozenMap[int, Sector]:
    if value is None or value == {}:
        return _NOTHING
    if not hasattr(value, "items"):
        msg = f"expected a mapping of year to sector, got {value!r}"
        raise InvalidTypeError(msg)
    table: dict[int, Sector] = {}
    for year, sector in value.items():
        try:
            table[int(year)] = Sector(sector)
        except ValueError:
            allowed = ", ".join(s.value for s in Sector)
            msg = f"sector for {year} must be one of {allowed}, got {sector!r}"
            raise InvalidValueError(msg) from None
    return FrozenMap(table)


@attrs.frozen(kw_only=True)
class Employer:
    """An employer (*werkgever*, WW/ZW/WIA; Wfsv art. 1).

    Args:
        id: loonheffingennummer or any key.
        name: for reports.
        sector: ``MARKET`` (niet-overheid) or ``GOVERNMENT`` (overheid), Wfsv 38c: the sector of
            every year that ``sector_by_year`` does not name.
        sector_by_year: per calendar year, the sector where it differs from ``sector``. The
            sector is fixed for a whole year, judged on the last aangifte period of the year
            before (Regeling Wfsv art. 3.27); an employer that changes sector changes it on
            1 January.
        subsector: for government employers, the reporting sub-sector (optional); it applies in
            the years the employer is in the government sector.
        kind: regular, agency (uitlener) or sheltered workshop (SW-bedrijf).
        total_hours: per calendar year, all *verloonde uren* of all its employees (quotum variable
            A before deductions, and the size threshold of Wfsv 34(4),(6)). A year that is not
            given counts as no hours reported.
        agency_or_wsw_staff_hours: per year, the verloonde uren of its uitzendpersoneel (agency)
            or Wsw art. 2 staff (SW-bedrijf), all of them, registered or not. They are deducted
            from A and from the threshold test (Besluit Wfsv 2.31, 2.33).
        premium_wage: per year, its *premieplichtig loon* (2025 law: the surcharge base and the
            small-employer test of Besluit Wfsv 2.19d).
        exempt_wage: per year, the part of ``premium_wage`` exempt from the
            inclusiviteitsopslag: wages of lent-out agency and Wsw staff, non-seconded Wsw staff,
            beschut werk and benefits (Wet banenafspraak art. 6(3),(4),(8)).
        small_employer: per year, the Aof small-employer status if known (overrides the test on
            ``premium_wage``). An employer since the year or the year before, not by a transfer
            of undertaking, is small (Besluit Wfsv 2.19d(4)): give it here, as it has no
            premium wage of t-2.
    """

    id: EmployerId = attrs.field(converter=employer_id, validator=attrs.validators.min_len(1))
    name: str = ""
    sector: Sector = attrs.field(converter=Sector)
    sector_by_year: FrozenMap[int, Sector] = attrs.field(factory=FrozenMap, converter=_sector_table)
    subsector: Subsector | None = attrs.field(
        default=None, converter=attrs.converters.optional(Subsector)
    )
    kind: EmployerKind = attrs.field(default=EmployerKind.REGULAR, converter=EmployerKind)
    total_hours: FrozenMap[int, Decimal] = attrs.field(factory=FrozenMap, converter=_year_table)
    agency_or_wsw_staff_hours: FrozenMap[int, Decimal] = attrs.field(
        factory=FrozenMap, converter=_year_table
    )
    premium_wage: FrozenMap[int, Decimal] = attrs.field(factory=FrozenMap, converter=_year_table)
    exempt_wage: FrozenMap[int, Decimal] = attrs.field(factory=FrozenMap, converter=_year_table)
    small_employer: FrozenMap[int, bool] = attrs.field(factory=FrozenMap, converter=_flag_table)

    @subsector.validator
    def _subsector_only_for_government(self, _a: object, value: Subsector | None) -> None:
        if value is None:
            return
        if Sector.GOVERNMENT not in {self.sector, *self.sector_by_year.values()}:
            msg = f"a sub-sector ({value}) is given for a {self.sector} employer"
            raise InvalidValueError(msg)

    def sector_in(self, year: int) -> Sector:
        """The sector of calendar year ``year`` (Regeling Wfsv art. 3.27: fixed per year).

        >>> e = Employer(id="E", sector="market", sector_by_year={2019: "government"})
        >>> e.sector_in(2018), e.sector_in(2019)
        (<Sector.MARKET: 'market'>, <Sector.GOVERNMENT: 'government'>)
        """
        return self.sector_by_year.get(year, self.sector)

    def subsector_in(self, year: int) -> Subsector | None:
        """The sub-sector in ``year``: ``subsector`` when the employer is in government then."""
        return self.subsector if self.sector_in(year) is Sector.GOVERNMENT else None

    def hours_in(self, year: int) -> Decimal:
        """Total verloonde uren in ``year`` (0 when not given)."""
        return self.total_hours.get(year, Decimal(0))


def derive_sector(*, public_employer: bool, sectorfund_share: Decimal) -> Sector:
    """The sector by the legal test of Regeling Wfsv art. 3.27 (Stcrt. 2015, 31250).

    An *overheidswerkgever* (WW art. 1(i)) is in the government sector unless at least half of its
    verloonde uren fall under a sectorfonds premium; everyone else is in the market sector. The
    share is judged on the last pay period of the previous calendar year.

    >>> derive_sector(public_employer=True, sectorfund_share=Decimal("0.6"))
    <Sector.MARKET: 'market'>
    """
    if not Decimal(0) <= sectorfund_share <= Decimal(1):
        msg = f"sectorfund_share is a fraction from 0 to 1, got {sectorfund_share}"
        raise InvalidValueError(msg)
    if public_employer and sectorfund_share < Decimal("0.5"):
        return Sector.GOVERNMENT
    return Sector.MARKET


if TYPE_CHECKING:

    def _checked_employer(
        *,
        id: EmployerId,  # noqa: A002 - the field's name
        name: str,
        sector: Sector,
        sector_by_year: FrozenMap[int, Sector],
        subsector: Subsector | None,
        kind: EmployerKind,
        total_hours: FrozenMap[int, Decimal],
        agency_or_wsw_staff_hours: FrozenMap[int, Decimal],
        premium_wage: FrozenMap[int, Decimal],
        exempt_wage: FrozenMap[int, Decimal],
        small_employer: FrozenMap[int, bool],
    ) -> Employer:
        """An :class:`Employer` of fields already converted and checked (see below)."""

else:

    class _checked_employer(Employer):  # noqa: N801 - used as the function typed above
        """An :class:`Employer` of fields already converted and checked, without checking again.

        For the batch engine's tables, whose every cell the loader's checks have passed (the
        same bounds as :func:`~banenafspraak._util.to_decimal`, a sub-sector only for a
        government employer): tens of thousands of employers, whose converters would parse
        each amount a second time. This subclass adds nothing to the layout and lets its own
        ``__init__`` store the fields directly; it then turns the object into an
        :class:`Employer` proper (``type(e) is Employer``, frozen, equal to one made the usual
        way). The arguments are the fields, converted.
        """

        __slots__ = ()
        __setattr__ = object.__setattr__  # both: the one slot of setting and deleting
        __delattr__ = object.__delattr__

        def __init__(
            self,
            *,
            id: EmployerId,  # noqa: A002 - the field's name
            name: str,
            sector: Sector,
            sector_by_year: FrozenMap[int, Sector],
            subsector: Subsector | None,
            kind: EmployerKind,
            total_hours: FrozenMap[int, Decimal],
            agency_or_wsw_staff_hours: FrozenMap[int, Decimal],
            premium_wage: FrozenMap[int, Decimal],
            exempt_wage: FrozenMap[int, Decimal],
            small_employer: FrozenMap[int, bool],
        ) -> None:
            self.id = id
            self.name = name
            self.sector = sector
            self.sector_by_year = sector_by_year
            self.subsector = subsector
            self.kind = kind
            self.total_hours = total_hours
            self.agency_or_wsw_staff_hours = agency_or_wsw_staff_hours
            self.premium_wage = premium_wage
            self.exempt_wage = exempt_wage
            self.small_employer = small_employer
            self.__class__ = Employer
