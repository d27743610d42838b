"""Spans of whole days: calendar years, quarters, months, pay periods.

Dutch: *tijdvak*. A :class:`Period` holds a first and a last day, **both inclusive**: the year 2018
is ``Period(start=2018-01-01, end=2018-12-31)`` and has 365 days. pendulum does the calendar
arithmetic; nothing here reads today's date.
"""

from __future__ import annotations

import calendar
from fractions import Fraction
from typing import Protocol

import attrs
import pendulum

from banenafspraak._util import to_date
from banenafspraak.exceptions import InvalidPeriodError

__all__ = ["Period", "Span"]


def _ordinal(day: pendulum.Date) -> int:
    return day.toordinal()


class Span(Protocol):
    """Anything with a first and a last day, both inclusive (a :class:`Period`, a pay period)."""

    @property
    def start(self) -> pendulum.Date:
        """The first day."""

    @property
    def end(self) -> pendulum.Date:
        """The last day."""


@attrs.frozen(kw_only=True, order=False)
class Period:
    """A span of whole days; ``start`` and ``end`` are both inclusive.

    Build one with a named constructor (:meth:`year`, :meth:`quarter`, :meth:`month`,
    :meth:`of`) or directly with two dates (``datetime.date``, ``pendulum.Date`` or ISO strings).

    >>> Period.year(2018).days
    365
    >>> str(Period.quarter(2019, 2))
    '2019-Q2'
    >>> Period.month(2018, 12) in Period.year(2018)
    True
    """

    start: pendulum.Date = attrs.field(converter=to_date)
    end: pendulum.Date = attrs.field(converter=to_date)

    @end.validator
    def _end_not_before_start(self, _attribute: object, value: pendulum.Date) -> None:
        if value < self.start:
            msg = f"period ends ({value}) before it starts ({self.start})"
            raise InvalidPeriodError(msg)

    # -- named constructors -------------------------------------------------------------------

    @classmethod
    def of(cls, start: object, end: object) -> Period:
        """A period from ``start`` to ``end`` inclusive."""
        return cls(start=start, end=end)

    @classmethod
    def day(cls, day: object) -> Period:
        """A period of one day."""
        return cls(start=day, end=day)

    @classmethod
    def year(cls, year: int) -> Period:
        """Calendar year ``year`` (1 January to 31 December)."""
        return cls(start=pendulum.Date(year, 1, 1), end=pendulum.Date(year, 12, 31))

    @classmethod
    def quarter(cls, year: int, quarter: int) -> Period:
        """Quarter ``quarter`` (1-4) of ``year``."""
        if quarter not in {1, 2, 3, 4}:
            msg = f"a quarter is 1, 2, 3 or 4, got {quarter!r}"
            raise InvalidPeriodError(msg)
        first = pendulum.Date(year, 3 * quarter - 2, 1)
        return cls(start=first, end=first.last_of("quarter"))

    @classmethod
    def month(cls, year: int, month: int) -> Period:
        """Month ``month`` (1-12) of ``year``."""
        if not 1 <= month <= 12:  # noqa: PLR2004 - months of the year
            msg = f"a month is 1 to 12, got {month!r}"
            raise InvalidPeriodError(msg)
        last = calendar.monthrange(year, month)[1]
        return cls(start=pendulum.Date(year, month, 1), end=pendulum.Date(year, month, last))

    @classmethod
    def months_of(cls, year: int) -> tuple[Period, ...]:
        """The twelve months of ``year``, in order."""
        return tuple(cls.month(year, m) for m in range(1, 13))

    # -- measures -------------------------------------------------------------------------------

    @property
    def days(self) -> int:
        """Number of days, both ends included."""
        return _ordinal(self.end) - _ordinal(self.start) + 1

    @property
    def years(self) -> range:
        """The calendar years this period touches."""
        return range(self.start.year, self.end.year + 1)

    def length_in_years(self) -> Fraction:
        """Length as an exact fraction of calendar years, year by year.

        Each day counts as ``1 / (days in its calendar year)``: a whole calendar year is exactly 1,
        and December 2012 is 31/366. This is the denominator of the job count of a period
        (DECISIONS: "a period's job count", tag D).
        """
        total = Fraction(0)
        for year in self.years:
            part = self.overlap_days(Period.year(year))
            total += Fraction(part, 366 if calendar.isleap(year) else 365)
        return total

    # -- relations ------------------------------------------------------------------------------

    def __contains__(self, item: object) -> bool:
        """A date lies in the period, or another period lies wholly inside it."""
        if isinstance(item, Period):
            return self.start <= item.start and item.end <= self.end
        day = to_date(item)
        return self.start <= day <= self.end

    def overlaps(self, other: Period) -> bool:
        """The two periods share at least one day."""
        return self.start <= other.end and other.start <= self.end

    def overlap_days(self, other: Span) -> int:
        """Number of days the two periods share (0 if none); ``other`` may be a pay period."""
        first = max(_ordinal(self.start), _ordinal(other.start))
        last = min(_ordinal(self.end), _ordinal(other.end))
        return max(0, last - first + 1)

    def intersection(self, other: Period) -> Period | None:
        """The days both periods share, or ``None``."""
        if not self.overlaps(other):
            return None
        return Period(start=max(self.start, other.start), end=min(self.end, other.end))

    def is_calendar_year(self) -> bool:
        """The period is exactly one calendar year."""
        return self == Period.year(self.start.year)

    def __str__(self) -> str:
        s, e = self.start, self.end
        if self.is_calendar_year():
            return str(s.year)
        if s.day == 1 and e.year == s.year and e == s.last_of("quarter") and s.month % 3 == 1:
            return f"{s.year}-Q{(s.month + 2) // 3}"
        if s.day == 1 and e == s.last_of("month"):
            return f"{s.year}-{s.month:02d}"
        return f"{s.isoformat()}..{e.isoformat()}"

    @classmethod
    def parse(cls, text: str) -> Period:
        """Read ``2018``, ``2018-Q3``, ``2018-07`` or ``2018-01-05..2018-02-04``."""
        value = text.strip()
        try:
            if ".." in value:
                start, end = value.split("..", 1)
                return cls(start=start, end=end)
            if len(value) == 4 and value.isdigit():  # noqa: PLR2004 - YYYY
                return cls.year(int(value))
            year, rest = value.split("-", 1)
            if rest.upper().startswith("Q"):
                return cls.quarter(int(year), int(rest[1:]))
            return cls.month(int(year), int(rest))
        except (ValueError, TypeError) as error:
            msg = f"expected YYYY, YYYY-Qn, YYYY-MM or START..END, got {text!r} ({error})"
            raise InvalidPeriodError(msg) from None
