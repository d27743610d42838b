"""Dated parameters with legal references: every number the rules use, and where it comes from.

A :class:`Parameter` is a table of :class:`DatedValue` rows; the value in force on a date is the row
with the latest start on or before that date (as in OpenFisca). Every row names its legal source
and a :class:`~banenafspraak.references.Tag` saying how sure it is. Every default of the library's
decision table is one of these parameters, so any of them can be overridden per scenario or per
call (:meth:`Parameters.with_overrides`).
"""

from __future__ import annotations

import enum
import hashlib
import json
from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping
from decimal import Decimal
from typing import Any, TypeVar

import attrs
import pendulum

from banenafspraak._util import FrozenMap, to_date, to_decimal
from banenafspraak.exceptions import (
    InvalidTypeError,
    InvalidValueError,
    OutOfRangeError,
    UnknownParameterError,
)
from banenafspraak.references import LegalReference, Tag
from banenafspraak.sectors import Subsector

T = TypeVar("T")

__all__ = ["DatedValue", "Parameter", "ParameterKind", "Parameters", "default_parameters"]

Value = Decimal | int | bool | pendulum.Date | None

BEGINNING = pendulum.Date(1900, 1, 1)


class ParameterKind(enum.StrEnum):
    """The type of a parameter's values (used to read overrides)."""

    DECIMAL = "decimal"
    OPTIONAL_DECIMAL = "optional decimal"
    INTEGER = "integer"
    BOOLEAN = "boolean"
    DATE = "date"
    OPTIONAL_DATE = "optional date"


def _parse(kind: ParameterKind, raw: object) -> Value:
    if raw is None and kind in {ParameterKind.OPTIONAL_DECIMAL, ParameterKind.OPTIONAL_DATE}:
        return None
    if kind in {ParameterKind.DECIMAL, ParameterKind.OPTIONAL_DECIMAL}:
        return to_decimal(raw)
    if kind is ParameterKind.INTEGER:
        number = to_decimal(raw)
        if number != number.to_integral_value():
            msg = f"expected a whole number, got {raw!r}"
            raise InvalidValueError(msg)
        return int(number)
    if kind is ParameterKind.BOOLEAN:
        if not isinstance(raw, bool):
            msg = f"expected true or false, got {raw!r}"
            raise InvalidTypeError(msg)
        return raw
    return to_date(raw)


@attrs.frozen(kw_only=True)
class DatedValue:
    """One row of a parameter table: ``value`` in force from ``start``, with its source."""

    start: pendulum.Date = attrs.field(converter=to_date)
    value: Value
    reference: LegalReference
    tag: Tag = attrs.field(converter=Tag)
    note: str = ""


def _sorted_rows(rows: Iterable[DatedValue]) -> tuple[DatedValue, ...]:
    return tuple(sorted(rows, key=lambda r: r.start))


@attrs.frozen(kw_only=True)
class Parameter:
    """A named table of dated values (latest start on or before a date wins)."""

    name: str
    description: str
    unit: str
    kind: ParameterKind
    rows: tuple[DatedValue, ...] = attrs.field(converter=_sorted_rows)
    yearly: bool = False
    """Each row is the value of one calendar year (a target, a yearly variable of a formula).

    For a yearly parameter, a year after the year of its last row has no value of its own:
    the last value is carried forward, and :meth:`carried_past` says so, so that results can
    warn. Other parameters (an amount fixed by law until changed) carry their last row
    without a warning. A single override for every year (a row from 1900) is never carried.
    """

    @rows.validator
    def _not_empty(self, _a: object, value: tuple[DatedValue, ...]) -> None:
        if not value:
            msg = f"parameter {self.name!r} has no values"
            raise InvalidValueError(msg)

    _rows_on: dict[object, DatedValue] = attrs.field(
        factory=dict, init=False, repr=False, eq=False, hash=False
    )
    """The rows already looked up, by the date asked. The table is frozen, so a row found once
    is the row for good: rules look the same few dates up for every employer and situation."""
    _rows_in: dict[int, DatedValue] = attrs.field(
        factory=dict, init=False, repr=False, eq=False, hash=False
    )
    """The same, by the calendar year asked (:meth:`row_for_year`)."""

    def row_on(self, on: object) -> DatedValue:
        """The row in force on a date (latest start on or before it)."""
        try:
            found = self._rows_on.get(on)
        except TypeError:  # not a date at all: the lookup says what is wrong
            return self._row_on(on)
        if found is None:
            found = self._rows_on[on] = self._row_on(on)
        return found

    def _row_on(self, on: object) -> DatedValue:
        day = to_date(on)
        found: DatedValue | None = None
        for row in self.rows:
            if row.start <= day:
                found = row
            else:
                break
        if found is None:
            first = self.rows[0].start
            msg = (
                f"parameter {self.name!r} has no value on {day}; its data start on {first}, so "
                f"a date from {first} on is expected"
            )
            raise OutOfRangeError(msg, field=self.name, value=day, expected=f"from {first}")
        return found

    def carried_past(self, year: int) -> DatedValue | None:
        """The last row, when this yearly parameter has no value of its own for ``year``."""
        last = self.rows[-1]
        if not self.yearly or last.start == BEGINNING or year <= last.start.year:
            return None
        return last

    def row_for_year(self, year: int) -> DatedValue:
        """The row in force at the end of calendar year ``year``."""
        found = self._rows_in.get(year)
        if found is None:
            found = self._rows_in[year] = self.row_on(pendulum.Date(year, 12, 31))
        return found

    def on(self, on: object) -> Value:
        """The value in force on a date."""
        return self.row_on(on).value

    def for_year(self, year: int) -> Value:
        """The value in force at the end of calendar year ``year``."""
        return self.row_for_year(year).value


def _ref(
    law: str, article: str = "", version: str | None = None, source: str = ""
) -> LegalReference:
    return LegalReference(law=law, article=article, version=version, source=source)


def _row(
    start: str | int, value: Value, ref: LegalReference, tag: str, note: str = ""
) -> DatedValue:
    day = f"{start}-01-01" if isinstance(start, int) else start
    return DatedValue(start=day, value=value, reference=ref, tag=Tag(tag), note=note)


def _param(
    name: str, description: str, unit: str, kind: ParameterKind, *rows: DatedValue
) -> Parameter:
    return Parameter(name=name, description=description, unit=unit, kind=kind, rows=rows)


D = Decimal
DEC, ODEC, INT, BOOL, DATE, ODATE = (
    ParameterKind.DECIMAL,
    ParameterKind.OPTIONAL_DECIMAL,
    ParameterKind.INTEGER,
    ParameterKind.BOOLEAN,
    ParameterKind.DATE,
    ParameterKind.OPTIONAL_DATE,
)

_B_WFSV_2018 = _ref("Besluit Wfsv", "2.32", "2018-01-01")
_R_WFSV_335 = _ref("Regeling Wfsv", "3.35", "2024-01-01")
_STCRT_2017 = _ref(
    "Regeling quotumpercentage 2018",
    source="Stcrt. 2017, 60073, https://zoek.officielebekendmakingen.nl/stcrt-2017-60073.html",
)
_NULMETING = _ref(
    "Nulmeting banenafspraak",
    source="AWVN 22-12-2014; SZW via quotumwet.nl/berekening-quotumheffing",
)
_TARGETS = _ref(
    "Sociaal akkoord 2013 targets",
    source="UWV and SZW result publications, wbqa-2015 spec §6 and §8",
)
_SEO = _ref(
    "SEO verdeelsleutel inleen",
    source="SEO Economisch Onderzoek, verdeling detacheringen en uitzendingen (spec §4.2)",
)
_SUWI_2016 = _ref("Besluit SUWI", "3.2(2)", "2016-01-01")
_SUWI_2018 = _ref("Besluit SUWI", "3.2(8)", "2018-01-01")
_SUWI_2020 = _ref("Besluit SUWI", "3.2(2)", "2020-01-01")
_SUWI_FINDING = _ref("Besluit SUWI", "3.2(5)", "2016-06-18")
_SUWI_2020_REQUEST = _ref("Besluit SUWI", "3.2(4),(5)", "2020-01-01")
_AOW_7A = _ref("AOW", "7a(1)", "2020-01-01")
_AOW_SVB = _ref(
    "AOW-leeftijd (pensioengerechtigde leeftijd) table",
    source="SVB, https://www.svb.nl/nl/aow/aow-leeftijd/uw-aow-leeftijd; AOW art. 7a(1) and the "
    "yearly regulations fixing the age five years ahead (Stcrt.)",
)
_AOW_AGE_ROWS: tuple[tuple[str, int, LegalReference, str, str], ...] = (
    ("1957-01-01", 65 * 12, _ref("AOW", "7", "2012-01-01"), "S", "65 years"),
    ("2013-01-01", 65 * 12 + 1, _AOW_SVB, "S", "65 years and 1 month"),
    ("2014-01-01", 65 * 12 + 2, _AOW_SVB, "S", "65 years and 2 months"),
    ("2015-01-01", 65 * 12 + 3, _AOW_SVB, "S", "65 years and 3 months"),
    ("2016-01-01", 65 * 12 + 6, _AOW_SVB, "S", "65 years and 6 months"),
    ("2017-01-01", 65 * 12 + 9, _AOW_SVB, "S", "65 years and 9 months"),
    ("2018-01-01", 66 * 12, _AOW_SVB, "S", "66 years"),
    ("2019-01-01", 66 * 12 + 4, _AOW_7A, "S", "66 years and 4 months (2019-2021)"),
    ("2022-01-01", 66 * 12 + 7, _AOW_7A, "S", "66 years and 7 months"),
    ("2023-01-01", 66 * 12 + 10, _AOW_7A, "S", "66 years and 10 months"),
    ("2024-01-01", 67 * 12, _AOW_7A, "S", "67 years (2024-2027)"),
    ("2028-01-01", 67 * 12 + 3, _AOW_SVB, "S", "67 years and 3 months (2028-2030)"),
    (
        "2031-01-01",
        67 * 12 + 3,
        _AOW_SVB,
        "U",
        "not yet fixed when read: the 2030 value carried forward",
    ),
)
_SUBSECTORS = _ref(
    "Sub-sector reporting of the banenafspraak",
    source="yearly progress letters to parliament and VSO sector tables (wbqa-2015 spec §5); "
    "Wet banenafspraak art. 4(4) (yearly report on government employers)",
)
_WBA = _ref("Wet banenafspraak", "6", "2026-07-01")
_WTL_FIRST = (
    "the Wtl takes effect on 2018-01-01: an earlier year, judged by a later law, reads its "
    "first text"
)
"""The note of the LKV's rows before the Wtl (2018): a counterfactual year reads its first text."""


def _small_ref(version: str) -> LegalReference:
    """Besluit Wfsv 2.19d(1) in the text of ``version``: the Aof small employer, from 2022."""
    return _ref("Besluit Wfsv", "2.19d(1)", version)


def _aof_average(average: str, year: int) -> str:
    return (
        f"25 x EUR {average}, the average premium wage per employee of {year} (set by UWV, "
        "Besluit Wfsv 2.5(2)), as published for employers"
    )


_D_NOT_FOUND = (
    "set by ministerial regulation (art. 2.23(1)); the value was not found: the nulmeting average"
)
_G_2018 = _ref("Besluit Wfsv", "2.32(d)", "2018-01-01")
_G_FIRST = (
    "Besluit Wfsv 2.32 enters the text on 2018-01-01 (F is 0 before 2017): an earlier year reads "
    "its first text"
)
_SMALL_2022 = _small_ref("2022-01-01")
_AOF_FIRST = (
    "Besluit Wfsv 2.19d takes effect on 2022-01-01: an earlier year, judged by a later law, "
    "reads its first amount"
)
_AOF_NOT_FOUND = (
    "25 x the average premium wage per employee of t-2; the amount was not found: about "
    "EUR 1 million"
)
_DESIGN_2020 = _ref(
    "Concept Wet banenafspraak (consultation, February 2020)",
    source="rendement.nl 24-2-2020; rijksoverheid.nl quotumregeling page (illustrative)",
)


def _yearly(  # noqa: PLR0917 - mirrors a catalogue row
    name: str,
    description: str,
    unit: str,
    kind: ParameterKind,
    values: Mapping[int, Value],
    ref: LegalReference,
    tag: str,
    *,
    tags: Mapping[int, str] | None = None,
    note: str = "",
) -> Parameter:
    rows = [
        _row(year, value, ref, (tags or {}).get(year, tag), note) for year, value in values.items()
    ]
    return attrs.evolve(_param(name, description, unit, kind, *rows), yearly=True)


def _register_catalogue() -> list[Parameter]:
    """The register's parameters (Besluit SUWI art. 3.2 by text version; AOW art. 7a)."""
    p: list[Parameter] = []
    add = p.append
    # Each row starts on the day its text took effect. Before 2015-05-01 (the nulmeting of
    # 2013-01-01) the register rules read the first row (rulesets.common, D).
    add(
        _param(
            "registration.years_after_ceasing",
            "A registration ends on 31 December of this many years after the conditions "
            "ceased (t+2), while the t+2 texts are in force",
            "years",
            INT,
            _row(
                "2015-05-01",
                2,
                _SUWI_2016,
                "V",
                "read in the 2016-01-01 text; the 2015 texts were not read (start: D)",
            ),
        )
    )
    add(
        _param(
            "registration.suspension_applies",
            "The t+2 suspension of Besluit SUWI 3.2(8) is in force",
            "",
            BOOL,
            _row("2015-05-01", False, _SUWI_2016, "V", "the 2016 text has no suspension"),
            _row("2018-01-01", True, _SUWI_2018, "V", "not in the 2017-10-01 text"),
        )
    )
    add(
        _param(
            "registration.suspension_ceased_before",
            "The suspension covers conditions that ceased before this date",
            "date",
            DATE,
            _row("2018-01-01", pendulum.Date(2026, 1, 1), _SUWI_2018, "V"),
        )
    )
    add(
        _param(
            "registration.suspension_ends_on",
            "Registrations under the suspension end on this date",
            "date",
            DATE,
            _row("2018-01-01", pendulum.Date(2028, 12, 31), _SUWI_2018, "V"),
        )
    )
    add(
        _param(
            "registration.suspension_keeps_ended_the_day_before",
            "The suspension of Besluit SUWI 3.2(8) also keeps a registration that the t+2 rule "
            "ended on the day before the suspension took effect (31 December 2017)",
            "",
            BOOL,
            _row(
                "2018-01-01",
                False,
                _SUWI_2018,
                "U",
                "3.2(8) reads 'would end': it applies to registrations still running on "
                "2018-01-01; no transitional provision of the amending decree keeping those "
                "ended on 2017-12-31 was found",
            ),
        )
    )
    add(
        _param(
            "registration.finding_ends_2_25",
            "A beschut-werk finding ends a Besluit Wfsv 2.25 registration (amvb_indication) the "
            "next day (Besluit SUWI 3.2(5)), while the t+2 texts are in force",
            "",
            BOOL,
            _row("2015-05-01", False, _SUWI_2016, "V", "the 2016-01-01 text has no such rule"),
            _row("2016-06-18", True, _SUWI_FINDING, "V", "3.2(3)-(7) first in this text"),
        )
    )
    add(
        _param(
            "registration.stays_under_38b6",
            "A registered person who no longer meets the conditions stays registered "
            "(Wfsv 38b(6)) until the AOW age or death; no t+2 end",
            "",
            BOOL,
            _row("2015-05-01", False, _SUWI_2016, "V", "the t+2 texts"),
            _row("2020-01-01", True, _SUWI_2020, "V", "also Wfsv 38b(6), 2020-01-01 text"),
        )
    )
    add(
        _param(
            "registration.request_ends_not_before",
            "A registration ended at the person's request (Besluit SUWI 3.2(4)) ends no "
            "earlier than this date; not for a 38b(1)(f) registration (3.2(5))",
            "date",
            DATE,
            _row("2020-01-01", pendulum.Date(2021, 1, 1), _SUWI_2020_REQUEST, "V"),
        )
    )
    add(
        _param(
            "aow.pension_age_months",
            "The AOW pensioengerechtigde leeftijd in the calendar year, in months (AOW art. 7a(1))",
            "months",
            INT,
            *(
                _row(start, months, ref, tag, note)
                for start, months, ref, tag, note in _AOW_AGE_ROWS
            ),
        )
    )
    return p


def _catalogue() -> tuple[Parameter, ...]:
    p: list[Parameter] = []
    add = p.append
    # -- the job unit --------------------------------------------------------------------------
    add(
        _param(
            "job.hours_per_year",
            "Verloonde uren of one job (baan) per year",
            "h/year",
            DEC,
            _row(
                2012,
                D(1331),
                _ref("Besluit Wfsv", "2.32(d)", "2018-01-01"),
                "S",
                "nulmeting: 87,220,443 h / 65,509 relations = 1,331.4 h",
            ),
        )
    )
    add(
        _param(
            "job.hours_per_week",
            "Verloonde uren of one job per week",
            "h/week",
            DEC,
            _row(2012, D("25.5"), _ref("werkgeverslijn.nl FAQ", source="spec §2"), "S"),
        )
    )
    add(
        _param(
            "employee.average_hours_per_year",
            "Average verloonde uren per employee in the Netherlands",
            "h/year",
            DEC,
            _row(2012, D(1623), _ref("Besluit Wfsv", "2.20", "2015-05-01"), "V"),
            _row(2017, D(1623), _ref("Besluit Wfsv", "2.20", "2017-01-01"), "V"),
        )
    )
    # -- the 2015 quotum -----------------------------------------------------------------------
    add(
        _param(
            "quotum.threshold_hours",
            "Size threshold: 25 x the average verloonde uren (Wfsv 34(4),(6))",
            "h/year",
            DEC,
            _row(2012, D(40575), _ref("Besluit Wfsv", "2.21", "2015-05-01"), "V"),
            _row(2017, D(40575), _ref("Besluit Wfsv", "2.21", "2017-01-01"), "V"),
        )
    )
    add(
        _param(
            "quotum.levy_per_missing_job",
            "Quotumheffing per missing job",
            "EUR",
            DEC,
            _row("2015-05-01", D(5000), _ref("Wfsv", "38h(4)", "2015-05-01"), "V"),
        )
    )
    add(
        _param(
            "quotum.employer_d",
            "Variable D of 38g: average verloonde uren of arbeidsbeperkten",
            "h/year",
            DEC,
            _row(2012, D(1331), _ref("Besluit Wfsv", "2.23(1)", "2015-05-01"), "U", _D_NOT_FOUND),
            _row(2017, D(1331), _ref("Besluit Wfsv", "2.23(1)", "2017-01-01"), "U", _D_NOT_FOUND),
        )
    )
    add(
        _param(
            "quotum.a.government",
            "Variable A of 38f: nulmeting jobs at liable employers",
            "jobs",
            DEC,
            _row(2012, D(13504), _R_WFSV_335, "V"),
        )
    )
    add(
        _param(
            "quotum.a.market",
            "Variable A of 38f: nulmeting jobs at liable employers",
            "jobs",
            DEC,
            _row(2012, D(35927), _R_WFSV_335, "V"),
        )
    )
    add(
        _yearly(
            "quotum.b.government",
            "Variable B of 38f: extra jobs to realise",
            "jobs",
            DEC,
            {
                2017: D(8750),
                2018: D(11250),
                2019: D(13750),
                2020: D(16250),
                2021: D(18750),
                2022: D(21250),
                2023: D(23750),
                2024: D(25000),
            },
            _R_WFSV_335,
            "V",
        )
    )
    add(
        _yearly(
            "quotum.b.market",
            "Variable B of 38f: extra jobs to realise",
            "jobs",
            DEC,
            {
                2017: D(19500),
                2018: D(27000),
                2019: D(35500),
                2020: D(45000),
                2021: D(55000),
                2022: D(65000),
                2023: D(75000),
                2024: D(85000),
                2025: D(95000),
                2026: D(100000),
            },
            _R_WFSV_335,
            "V",
            tags={2022: "U", 2023: "U", 2024: "U", 2025: "U", 2026: "U"},
            note="2022 and later follow the t-1 plus half-increment pattern (D/U)",
        )
    )
    add(
        _param(
            "quotum.c",
            "Variable C of 38f: average verloonde uren of arbeidsbeperkten",
            "h/year",
            DEC,
            _row(2012, D(1331), _NULMETING, "S"),
        )
    )
    add(
        _param(
            "quotum.d.government",
            "Variable D of 38f: total jobs at liable employers",
            "jobs",
            ODEC,
            _row(2012, None, _STCRT_2017, "U", "not published before 2018"),
            _row(2018, D("1073426.07"), _STCRT_2017, "V"),
            _row(2019, None, _STCRT_2017, "U", "not published: D is a figure of one year"),
        )
    )
    add(
        _param(
            "quotum.d.market",
            "Variable D of 38f: total jobs at liable employers",
            "jobs",
            ODEC,
            _row(2012, None, _R_WFSV_335, "U", "not found"),
        )
    )
    add(
        _param(
            "quotum.e",
            "Variable E of 38f: average verloonde uren per employee",
            "h/year",
            DEC,
            _row(
                2012,
                D(1623),
                _ref("Besluit Wfsv", "2.20", "2015-05-01"),
                "D",
                "consistent with the published 2018 percentage",
            ),
            _row(
                2017,
                D(1623),
                _ref("Besluit Wfsv", "2.20", "2017-01-01"),
                "D",
                "consistent with the published 2018 percentage",
            ),
        )
    )
    add(
        _yearly(
            "quotum.f.government",
            "Variable F of 38f: number of 38b(2) arbeidsbeperkten",
            "persons",
            DEC,
            {
                2012: D(0),
                2017: D(256),
                2018: D(534),
                2019: D(811),
                2020: D(1089),
                2021: D(1367),
                2022: D(1644),
                2023: D(1922),
            },
            _B_WFSV_2018,
            "V",
            tags={2012: "D"},
        )
    )
    add(
        _yearly(
            "quotum.f.market",
            "Variable F of 38f: number of 38b(2) arbeidsbeperkten",
            "persons",
            DEC,
            {
                2012: D(0),
                2017: D(744),
                2018: D(1348),
                2019: D(1953),
                2020: D(2557),
                2021: D(3161),
                2022: D(3766),
                2023: D(4370),
                2024: D(4974),
                2025: D(5578),
            },
            _B_WFSV_2018,
            "V",
            tags={2012: "D"},
        )
    )
    add(
        _param(
            "quotum.g",
            "Variable G of 38f: average verloonde uren of 38b(2) people",
            "h/year",
            DEC,
            _row(2012, D(1331), _G_2018, "D", _G_FIRST),
            _row(2018, D(1331), _G_2018, "V"),
            _row(2020, D(1331), _ref("Besluit Wfsv", "2.32(d)", "2020-01-01"), "V"),
            _row(2022, D(1331), _ref("Besluit Wfsv", "2.32(d)", "2022-01-01"), "V"),
        )
    )
    add(
        _param(
            "quotum.percentage.government",
            "Published quotumpercentage (Wfsv 38f(1))",
            "%",
            ODEC,
            _row(2012, None, _STCRT_2017, "U", "not published: computed from A-G"),
            _row(2018, D("1.93"), _STCRT_2017, "V"),
            _row(2019, None, _STCRT_2017, "U", "not found: computed from A-G"),
            _row(2024, D("2.76"), _ref("UWV FAQ quotumpercentage", source="uwv.nl"), "S"),
            _row(2025, None, _STCRT_2017, "U", "not found: computed from A-G"),
        )
    )
    add(
        _param(
            "quotum.percentage.market",
            "Published quotumpercentage (Wfsv 38f(1))",
            "%",
            ODEC,
            _row(2012, None, _R_WFSV_335, "U", "never published: computed from A-G"),
        )
    )
    activation = _ref(
        "Regeling activering quotum overheid", source="Stcrt. 2017, 60073; kst-34352-65"
    )
    add(
        _param(
            "quotum.active.government",
            "The quotum is activated for the government sector",
            "",
            BOOL,
            _row(2012, False, _ref("Wfsv", "122n(1)", "2015-05-01"), "V"),
            _row(2018, True, activation, "V"),
        )
    )
    add(
        _param(
            "quotum.active.market",
            "The quotum is activated for the market sector",
            "",
            BOOL,
            _row(
                2012,
                False,
                _ref("Wfsv", "122n(1)", "2015-05-01"),
                "S",
                "never activated as far as the sources show",
            ),
        )
    )
    add(
        _param(
            "quotum.inleen_rules",
            "Inleen rules of the quotum apply: crediting to the hirer, "
            "lenders' deductions (Besluit Wfsv 2.27-2.33)",
            "",
            BOOL,
            _row(
                2012,
                False,
                _ref("Wfsv", "38g(4)", "2015-05-01"),
                "D",
                "before 2018 placed workers stay with the legal employer",
            ),
            _row(2018, True, _ref("Besluit Wfsv", "2.28", "2018-01-01"), "V"),
        )
    )
    add(
        _param(
            "quotum.formula_with_h",
            "The quotumpercentage formula of Wfsv 38f(2) includes variable H (realised extra jobs "
            "at liable employers); the statute prints the formula as an image, so the library "
            "computes a percentage only under the earlier text and otherwise needs it published",
            "",
            BOOL,
            _row(2012, False, _ref("Wfsv", "38f(2)", "2019-06-20"), "V", "variables A-G"),
            _row(2020, True, _ref("Wfsv", "38f(2)", "2020-01-01"), "V", "variable H added"),
        )
    )
    for sector in ("government", "market"):
        add(
            _param(
                f"quotum.h.{sector}",
                "Variable H of 38f(2): realised extra jobs at liable employers (from the 2020 "
                "text; the formula it enters is not reconstructed)",
                "jobs",
                ODEC,
                _row(2012, None, _ref("Wfsv", "38f(2)", "2020-01-01"), "U", "not published"),
            )
        )
    # -- monitoring ----------------------------------------------------------------------------
    add(
        _yearly(
            "target.market",
            "Cumulative extra jobs to realise by the end of the year",
            "jobs",
            DEC,
            {
                2012: D(0),
                2015: D(6000),
                2016: D(14000),
                2017: D(23000),
                2018: D(31000),
                2019: D(40000),
                2020: D(50000),
                2021: D(60000),
                2022: D(70000),
                2023: D(80000),
                2024: D(90000),
                2025: D(100000),
            },
            _TARGETS,
            "S",
            tags={2012: "D", 2024: "U"},
        )
    )
    add(
        _yearly(
            "target.government",
            "Cumulative extra jobs to realise by the end of the year",
            "jobs",
            DEC,
            {
                2012: D(0),
                2015: D(3000),
                2016: D(6500),
                2017: D(10000),
                2018: D(12500),
                2019: D(15000),
                2020: D(17500),
                2021: D(20000),
                2022: D(22500),
                2023: D(25000),
            },
            _TARGETS,
            "S",
            tags={2012: "D"},
        )
    )
    add(
        _param(
            "inleen.government_share",
            "Share of lent-out hours worked at government hirers (SEO key), used when the "
            "hirer is not known",
            "fraction",
            DEC,
            _row("2012-12-01", D("0.24"), _SEO, "S", "December 2012"),
            _row("2016-12-01", D("0.278"), _SEO, "S", "December 2016"),
            _row("2020-12-01", D("0.337"), _SEO, "S", "December 2020"),
        )
    )
    add(
        _param(
            "monitoring.young_disabled_counts",
            "38b(2) people count in the 2015 monitoring (not only for the quotum)",
            "",
            BOOL,
            _row(
                2012,
                False,
                _ref("Wfsv", "38b(2), 122n(1)", "2015-05-01"),
                "V",
                "122n(1) (2015-2019 texts) monitors 38b(1) people only; the row also serves "
                "the nulmeting of 2013-01-01",
            ),
            _row(
                "2020-01-01",
                True,
                _ref("Wfsv", "122n(1),(2)", "2020-01-01"),
                "V",
                "122n (2020 text) names 38b, first, second and sixth paragraph",
            ),
        )
    )
    # -- sub-sector reports (user-supplied) ------------------------------------------------------
    for subsector in Subsector:
        add(
            _param(
                f"target.subsector.{subsector.value}",
                f"Cumulative extra jobs sub-sector {subsector.value} is to realise by the end "
                "of the year (none: no target)",
                "jobs",
                ODEC,
                _row(
                    2012,
                    None,
                    _SUBSECTORS,
                    "U",
                    "user-supplied: sub-sector targets are not legally binding and no full "
                    "table was found",
                ),
            )
        )
        add(
            _param(
                f"baseline.subsector.{subsector.value}",
                f"Jobs of sub-sector {subsector.value} at the baseline date (nulmeting)",
                "jobs",
                DEC,
                _row(
                    2012,
                    D(0),
                    _SUBSECTORS,
                    "U",
                    "user-supplied: no published sub-sector nulmeting was found; 0 makes "
                    "extra jobs equal realised jobs",
                ),
            )
        )
    p.extend(_register_catalogue())
    # -- the 2025 law --------------------------------------------------------------------------
    add(
        _param(
            "wet2025.article_2_in_force",
            "Date art. 2 of the Wet banenafspraak takes effect "
            "(chapter I applies from this date; art. 12 keeps the 2015 rules before it)",
            "date",
            DATE,
            _row(
                2012,
                pendulum.Date(2027, 1, 1),
                _ref("Wet banenafspraak", "13(1)", "2026-01-01"),
                "U",
                "the KB date was not found",
            ),
        )
    )
    add(
        _param(
            "wet2025.activation_decided_on",
            "Date the national quotum activation was decided (none: not activated)",
            "date",
            ODATE,
            _row(2012, None, _ref("Wet banenafspraak", "5", "2026-07-01"), "V"),
        )
    )
    add(
        _param(
            "wet2025.bonus_per_hour",
            "Banenafspraakbonus per verloond uur (illustrative)",
            "EUR/h",
            DEC,
            _row(
                2012,
                D("3.76"),
                _DESIGN_2020,
                "U",
                "EUR 5,000 / 1,331 h; the final amount is not set",
            ),
        )
    )
    add(
        _param(
            "wet2025.quotum_share",
            "National quotum share for the net-zero calibration (illustrative)",
            "%",
            DEC,
            _row(2012, D("2.76"), _DESIGN_2020, "U", "the 2024 government percentage"),
        )
    )
    add(
        _param(
            "wet2025.average_hourly_wage",
            "Average premium wage per hour for the net-zero calibration (illustrative)",
            "EUR/h",
            DEC,
            _row(2012, D(30), _DESIGN_2020, "U"),
        )
    )
    add(
        _param(
            "wet2025.surcharge_rate",
            "Inclusiviteitsopslag as a percentage of the premium wage, when set by regulation "
            "(none: the net-zero calibration bonus x quotum share / average hourly wage)",
            "%",
            ODEC,
            _row(
                2012,
                None,
                _ref("Wet banenafspraak", "6(6)", "2026-07-01"),
                "U",
                "not set by any regulation yet",
            ),
        )
    )
    add(
        _param(
            "wet2025.young_disabled_counts",
            "Wfsv 38b(2) people (young disabled with a provision) count in the national "
            "monitoring of the 2025 law and the 2018 outline",
            "",
            BOOL,
            _row(
                2012,
                True,
                _ref("Wet banenafspraak", "2(1)(f), 4(2)", "2026-07-01"),
                "V",
                "art. 2(1)(f) makes a young disabled person who cannot earn the minimum wage "
                "without a provision an arbeidsbeperkte; art. 4(2) counts the jobs of all of them",
            ),
        )
    )
    add(
        _param(
            "wet2025.small_employer_wage_threshold",
            "Aof small employer: premium wage in t-2 at most this (25 x average premium wage)",
            "EUR",
            DEC,
            _row(2012, D(882500), _SMALL_2022, "D", _AOF_FIRST),
            _row(2022, D(882500), _SMALL_2022, "S", _aof_average("35,300", 2020)),
            _row(2023, D(905000), _small_ref("2023-01-01"), "S", _aof_average("36,200", 2021)),
            _row(2024, D(1000000), _small_ref("2024-01-01"), "U", _AOF_NOT_FOUND),
            _row(2025, D(1000000), _small_ref("2025-01-01"), "U", _AOF_NOT_FOUND),
            _row(2026, D(1000000), _small_ref("2026-01-01"), "U", _AOF_NOT_FOUND),
        )
    )
    add(
        _param(
            "lkv.rate_per_hour",
            "Loonkostenvoordeel doelgroep banenafspraak per verloond uur",
            "EUR/h",
            DEC,
            _row(2012, D("1.01"), _ref("Wtl", "2.13", "2018-01-01"), "D", _WTL_FIRST),
            _row(2018, D("1.01"), _ref("Wtl", "2.13", "2018-01-01"), "V"),
            _row(2026, D("1.01"), _ref("Wtl", "2.13", "2026-01-01"), "V"),
        )
    )
    add(
        _param(
            "lkv.cap_per_employee_year",
            "LKV at most per employee per year",
            "EUR",
            DEC,
            _row(2012, D(2000), _ref("Wtl", "2.13", "2018-01-01"), "D", _WTL_FIRST),
            _row(2018, D(2000), _ref("Wtl", "2.13", "2018-01-01"), "V"),
            _row(2026, D(2000), _ref("Wtl", "2.13", "2026-01-01"), "V"),
        )
    )
    add(
        _param(
            "lkv.max_years",
            "LKV runs at most this many years from the start of employment (none: no limit)",
            "years",
            ODEC,
            _row(2012, D(3), _ref("Wtl", "2.12(1)", "2018-01-01"), "D", _WTL_FIRST),
            _row(2018, D(3), _ref("Wtl", "2.12(1)", "2018-01-01"), "V"),
            _row(
                2026,
                None,
                _ref("Wtl", "2.12(1)", "2026-01-01"),
                "V",
                "as long as the employment lasts; 6.2(1)(b) gives this to an LKV begun earlier",
            ),
        )
    )
    add(
        _param(
            "lkv.declaration_required",
            "LKV needs a doelgroepverklaring",
            "",
            BOOL,
            _row(2012, True, _ref("Wtl", "2.10(1)(c), 2.11", "2018-01-01"), "D", _WTL_FIRST),
            _row(2018, True, _ref("Wtl", "2.10(1)(c), 2.11", "2018-01-01"), "V"),
            _row(
                2026,
                False,
                _ref("Wtl", "2.10(1)", "2026-01-01"),
                "V",
                "the test is the pay period's registration; art. 2.11 is repealed, and 6.2(2),(3) "
                "keep the declaration only for employments begun before the change",
            ),
        )
    )
    add(
        _param(
            "lkv.excludes_seconded_wsw",
            "The LKV leaves out a seconded Wsw worker (and beschut werk), not only Wsw work "
            "without secondment",
            "",
            BOOL,
            _row(2012, True, _ref("Wtl", "2.10(2)(b)", "2018-01-01"), "D", _WTL_FIRST),
            _row(2018, True, _ref("Wtl", "2.10(2)(b)", "2018-01-01"), "V"),
            _row(
                2025,
                True,
                _ref("Wtl", "2.10(2)(b)", "2025-01-01"),
                "V",
                "beschut werk is Participatiewet 10b(1), where the earlier texts said 10b(3)",
            ),
            _row(2026, False, _ref("Wtl", "2.10(2)(b)", "2026-01-01"), "V"),
        )
    )
    add(
        _param(
            "lkv.declaration_held",
            "Before 2026: the employer holds the doelgroepverklaring the LKV needs "
            "(requested within three months of the start of employment)",
            "",
            BOOL,
            _row(
                2012,
                True,
                _ref("Wtl", "2.10(1)(c), 2.11", "2018-01-01"),
                "U",
                "assumed: the scenario does not record declarations",
            ),
        )
    )
    return tuple(p)


def _canonical(value: Value) -> object:
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, pendulum.Date):
        return value.isoformat()
    return value


@attrs.frozen
class Parameters:
    """All parameters in force for a computation: the defaults, plus any overrides.

    >>> params = default_parameters()
    >>> params.for_year("target.government", 2018)
    Decimal('12500')
    >>> params.with_overrides({"target.government": {"2018": "13000"}}).for_year(
    ...     "target.government", 2018)
    Decimal('13000')
    """

    table: FrozenMap[str, Parameter]
    _derived: dict[Hashable, Any] = attrs.field(
        factory=dict, init=False, repr=False, eq=False, hash=False
    )

    def derived(self, key: Hashable, compute: Callable[[], T]) -> T:
        """What a rule derives from these parameters alone, computed on the first call only.

        ``key`` names the rule and every other value ``compute`` reads (a year, a sector). The
        parameters are frozen, so the answer stays right for as long as they live: a rule that
        reads the same year's numbers for every employer looks them up and explains them once.
        """
        try:
            return self._derived[key]  # type: ignore[no-any-return]
        except KeyError:
            value = self._derived[key] = compute()
            return value

    def __getitem__(self, name: str) -> Parameter:
        try:
            return self.table[name]
        except KeyError:
            raise UnknownParameterError(name, tuple(self.table)) from None

    def __iter__(self) -> Iterator[Parameter]:
        return iter(self.table.values())

    def names(self) -> tuple[str, ...]:
        """All parameter names, sorted."""
        return tuple(self.table)

    def on(self, name: str, on: object) -> Value:
        """The value of ``name`` on a date."""
        return self[name].on(on)

    def for_year(self, name: str, year: int) -> Value:
        """The value of ``name`` at the end of ``year``."""
        return self[name].for_year(year)

    def decimal(self, name: str, year: int) -> Decimal:
        """A decimal parameter's value for ``year`` (an error if it has none)."""
        value = self.for_year(name, year)
        if not isinstance(value, Decimal):
            msg = f"parameter {name!r} has no number for {year} (got {value!r})"
            raise OutOfRangeError(msg)
        return value

    def flag(self, name: str, year: int) -> bool:
        """A boolean parameter's value for ``year``."""
        return bool(self.for_year(name, year))

    def including(self, extra: Iterable[Parameter]) -> Parameters:
        """These parameters plus a rule set's own tables (:attr:`RuleSet.extra_parameters`).

        A table already here with the same name, description, unit and kind is the same table,
        perhaps with overridden rows (parameters that were included and overridden before): it
        is kept as it is, so that including twice changes nothing.

        Raises:
            ValueError: when an extra table takes the name of a different table already here.
        """
        table = dict(self.table)
        for parameter in extra:
            known = table.get(parameter.name)
            if known is None:
                table[parameter.name] = parameter
            elif _heading(known) != _heading(parameter):
                msg = f"parameter {parameter.name!r} is already defined differently"
                raise InvalidValueError(msg, field="name", value=parameter.name)
        return Parameters(FrozenMap(table))

    def with_overrides(self, overrides: Mapping[str, Any]) -> Parameters:
        """These parameters with some values replaced, tagged ``override``.

        Each override is either a single value, which replaces the whole table, or a mapping of
        ``"YYYY"`` or ``"YYYY-MM-DD"`` to values, whose rows replace the rows with the same start
        and are added otherwise. Values are read according to the parameter's kind (numbers as
        strings or ints, ``true``/``false``, ISO dates, ``null`` where the parameter allows it).

        Raises:
            UnknownParameterError: for a name the library does not know.
            ValueError, TypeError: for a value of the wrong kind, naming the parameter.
        """
        if not overrides:
            return self
        table = dict(self.table)
        override_ref = LegalReference(law="user override")
        for name, raw in overrides.items():
            parameter = self[name]
            if isinstance(raw, Mapping):
                rows = {row.start: row for row in parameter.rows}
                for key, value in raw.items():
                    start = f"{key}-01-01" if str(key).isdigit() else str(key)
                    row = DatedValue(
                        start=_at(name, start),
                        value=_checked(parameter, f"{name}[{key}]", value),
                        reference=override_ref,
                        tag=Tag.OVERRIDE,
                    )
                    rows[row.start] = row
                new_rows: tuple[DatedValue, ...] = tuple(rows.values())
            else:
                new_rows = (
                    DatedValue(
                        start=BEGINNING,
                        value=_checked(parameter, name, raw),
                        reference=override_ref,
                        tag=Tag.OVERRIDE,
                    ),
                )
            table[name] = attrs.evolve(parameter, rows=new_rows)
        return Parameters(FrozenMap(table))

    def carried_forward(self, year: int, names: Iterable[str]) -> tuple[str, ...]:
        """A warning for each of ``names`` that is yearly and has no value of its own for ``year``.

        See :attr:`Parameter.yearly`: the last value is used, and the warning says which one.
        """
        warnings = []
        for name in names:
            last = self[name].carried_past(year)
            if last is not None:
                warnings.append(
                    f"parameter {name} has no value for {year}: its {last.start.year} value "
                    f"{last.value} is carried forward [{last.tag.value}]"
                )
        return tuple(warnings)

    def digest(self) -> str:
        """A SHA-256 of every value in force, for receipts."""
        plain = {
            p.name: [[r.start.isoformat(), _canonical(r.value), r.tag.value] for r in p.rows]
            for p in self
        }
        text = json.dumps(plain, sort_keys=True, separators=(",", ":"))
        return "sha256:" + hashlib.sha256(text.encode()).hexdigest()


def _heading(parameter: Parameter) -> tuple[str, str, str, ParameterKind]:
    """What makes a table the same table, whatever its rows."""
    return (parameter.name, parameter.description, parameter.unit, parameter.kind)


def _at(name: str, start: str) -> pendulum.Date:
    try:
        return to_date(start)
    except (TypeError, ValueError):
        msg = f"parameter {name!r}: a row starts at YYYY or YYYY-MM-DD, got {start!r}"
        raise InvalidValueError(msg) from None


MAX_PARAMETER = Decimal(10) ** 12
"""The largest number an override may give: larger ones are typing errors, not amounts."""

DIVISORS = frozenset(
    {
        "job.hours_per_year",
        "quotum.employer_d",
        "quotum.d.government",
        "quotum.d.market",
        "quotum.e",
        "wet2025.average_hourly_wage",
    }
)
"""Parameters the rules divide by: an override of one of them must be more than 0."""


def _checked(parameter: Parameter, where: str, raw: object) -> Value:
    """An override's value, read by the parameter's kind and inside sane bounds.

    Numbers lie from 0 to :data:`MAX_PARAMETER`; a parameter the rules divide by
    (:data:`DIVISORS`) is more than 0.
    """
    try:
        value = _parse(parameter.kind, raw)
    except (TypeError, ValueError) as error:
        msg = f"parameter {where}: {error} (a {parameter.kind.value} is expected)"
        kind = InvalidTypeError if isinstance(error, TypeError) else InvalidValueError
        raise kind(msg, field=where, value=raw, expected=parameter.kind.value) from None
    if isinstance(value, Decimal | int) and not isinstance(value, bool):
        divisor = parameter.name in DIVISORS
        low = "more than 0" if divisor else "0 or more"
        if value < 0 or (value == 0 and divisor) or value > MAX_PARAMETER:
            expected = f"a number {low}, at most {MAX_PARAMETER:,} ({parameter.unit})"
            msg = f"parameter {where}: expected {expected}, got {raw!r}"
            raise InvalidValueError(msg, field=where, value=raw, expected=expected)
    return value


_DEFAULT = Parameters(FrozenMap({p.name: p for p in _catalogue()}))


def default_parameters() -> Parameters:
    """The library's defaults: the values of the decision table, each with its source and tag."""
    return _DEFAULT
