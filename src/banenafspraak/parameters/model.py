"""The types of the parameters: dated tables of values, and the set of them a computation uses.

A :class:`Parameter` is a table of :class:`DatedValue` rows; the value in force on a date is the row
with the latest start on or before that date (as in OpenFisca). Every row names its legal source
and a :class:`~banenafspraak.references.Tag` saying how sure it is. :class:`Parameters` holds the
tables of one computation and reads overrides (:meth:`Parameters.with_overrides`), each value by
its :class:`ParameterKind` and inside sane bounds. The library's own tables are the catalogue
(:mod:`banenafspraak.parameters.catalogue`).
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

T = TypeVar("T")

__all__ = [
    "BEGINNING",
    "DIVISORS",
    "MAX_PARAMETER",
    "DatedValue",
    "Parameter",
    "ParameterKind",
    "Parameters",
    "Value",
]

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


def _canonical(value: Value) -> object:
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, pendulum.Date):
        return value.isoformat()
    return value


@attrs.frozen
class Parameters:
    """All parameters in force for a computation: the defaults, plus any overrides.

    >>> from banenafspraak.parameters import default_parameters
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
