"""The exceptions of `banenafspraak`: one root, builtin mix-ins, messages that say what was seen.

Every exception derives from :class:`BanenafspraakError`, so ``except BanenafspraakError`` catches
everything this library raises on purpose. Each one also derives from the builtin a caller would
expect (``LookupError`` for an unknown name, ``ValueError`` for a bad value), as attrs and
hypothesis do.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

import attrs

from banenafspraak._printable import printable

__all__ = [
    "BanenafspraakError",
    "InvalidPeriodError",
    "InvalidScenarioError",
    "InvalidTypeError",
    "InvalidValueError",
    "MissingExtraError",
    "NoRuleSetInForceError",
    "NotFoundError",
    "OutOfRangeError",
    "Problem",
    "UnknownParameterError",
    "UnknownRuleSetError",
    "summary_lines",
]


class BanenafspraakError(Exception):
    """Root of every error this library raises on purpose."""


class _ValueDescribedError(BanenafspraakError):
    """An error about one value: it names the field, the value seen and what is accepted.

    The message says all three; the same are kept as attributes (``field``, ``value``,
    ``expected``) for a program that wants to show them its own way.
    """

    def __init__(
        self, message: str, *, field: str = "", value: object = None, expected: str = ""
    ) -> None:
        self.field = field
        self.value = value
        self.expected = expected
        super().__init__(message)

    def __str__(self) -> str:
        # KeyError would quote the message; every error here reads as its plain message.
        return str(self.args[0]) if self.args else ""


class InvalidValueError(_ValueDescribedError, ValueError):
    """A value of the right type that the field does not accept (a negative amount, ...)."""


class InvalidTypeError(_ValueDescribedError, TypeError):
    """A value of the wrong type (a float where an exact number is expected, ...)."""


class NotFoundError(_ValueDescribedError, KeyError):
    """No item of that id or name in a result or scenario; the message lists what there is."""


class OutOfRangeError(_ValueDescribedError, LookupError):
    """A date, year or item outside the data the library has (before a law's first value, ...)."""


@attrs.frozen
class Problem:
    """One thing wrong with an input, with the place it was found and the value seen.

    ``location`` names the item (``placement 'p1'``, ``people.csv row 4``, ``$.placements[2]``),
    ``field`` the attribute within it, ``value`` the value seen (as text), ``message`` what is
    wrong with it.
    """

    location: str
    field: str
    value: str
    message: str

    def __str__(self) -> str:
        r"""The problem on one line, its control characters written as escapes (``\x1b``)."""
        where = f"{self.location}, {self.field}" if self.field else self.location
        return printable(f"{where}: {self.message} (got {self.value})")


class InvalidScenarioError(BanenafspraakError, ValueError):
    """A scenario (or a file holding one) has problems; all of them are listed.

    Attributes:
        problems: every problem found, in input order.
    """

    def __init__(self, problems: Iterable[Problem], *, source: str = "scenario") -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        self.source = source
        count = len(self.problems)
        lines = "\n".join(f"  - {line}" for line in summary_lines(self.problems))
        noun = "problem" if count == 1 else "problems"
        super().__init__(f"{printable(source)} has {count} {noun}:\n{lines}")


GROUPED_FROM = 4
"""Problems of one kind (file, field and message) from this many on are told in one line."""
_SHOWN = 3
_ROW = re.compile(r"^(?P<file>.*?) row (?P<row>\d+)(?: \(.*\))?$")
"""A place in a file: ``hours.csv row 7``, also with the item it holds: ``(placement 'x')``."""
_INDEX = re.compile(r"\[\d+\]")


def _kind(problem: Problem) -> tuple[str, str, str]:
    match = _ROW.match(problem.location)
    where = match["file"] if match else _INDEX.sub("[*]", problem.location)
    return where, problem.field, problem.message


def _group_line(group: list[Problem]) -> str:
    where, field, message = _kind(group[0])
    shown = group[:_SHOWN]
    rows = [_ROW.match(p.location) for p in shown]
    if all(rows):
        places = f"{where} rows {', '.join(m['row'] for m in rows if m)}"
    else:
        places = "; ".join(p.location for p in shown)
    more = f" and {len(group) - _SHOWN} more" if len(group) > _SHOWN else ""
    values = "; ".join(p.value for p in shown)
    column = f", {field}" if field else ""
    return printable(f"{len(group)} times {places}{more}{column}: {message} (got {values}, ...)")


def summary_lines(problems: Iterable[Problem]) -> list[str]:
    """One line per problem, except that many problems of one kind share a line.

    Problems with the same file (or JSON path without indexes), field and message, from
    :data:`GROUPED_FROM` on, become one line with their count, the first places and the values
    seen there; the line stands where the first of them was.
    """
    listed = list(problems)
    groups: dict[tuple[str, str, str], list[Problem]] = {}
    for problem in listed:
        groups.setdefault(_kind(problem), []).append(problem)
    lines: list[str] = []
    for problem in listed:
        group = groups[_kind(problem)]
        if len(group) < GROUPED_FROM:
            lines.append(str(problem))
        elif problem is group[0]:
            lines.append(_group_line(group))
    return lines


class InvalidPeriodError(_ValueDescribedError, ValueError):
    """A period or pay period whose dates do not make sense (for example end before start)."""


class UnknownRuleSetError(BanenafspraakError, LookupError):
    """No rule set of that name is registered; the message lists the names that are."""

    def __init__(self, name: str, available: Sequence[str]) -> None:
        self.name = name
        self.available = tuple(available)
        super().__init__(
            f"unknown rule set {name!r}; available rule sets: {', '.join(self.available)}"
        )


class NoRuleSetInForceError(BanenafspraakError, LookupError):
    """No rule set was in force on the date asked for (it lies before the earliest start)."""

    def __init__(self, on: object, earliest: object) -> None:
        self.on = on
        self.earliest = earliest
        super().__init__(
            f"no rule set was in force on {on}; the earliest rule set starts on {earliest}"
        )


class UnknownParameterError(BanenafspraakError, LookupError):
    """A parameter name that the library does not know; the message lists the close ones."""

    def __init__(self, name: str, known: Sequence[str]) -> None:
        self.name = name
        self.known = tuple(known)
        super().__init__(f"unknown parameter {name!r}; known parameters: {', '.join(known)}")


class MissingExtraError(BanenafspraakError, ImportError):
    """A feature needs an optional extra that is not installed; the message says which."""

    def __init__(self, feature: str, extra: str) -> None:
        self.feature = feature
        self.extra = extra
        super().__init__(
            f"{feature} needs the optional extra {extra!r}: pip install 'banenafspraak[{extra}]'"
        )
