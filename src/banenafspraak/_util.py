"""Small private helpers: exact numbers, an immutable mapping, date conversion, quick makers."""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import gc
import math
from collections.abc import (
    Callable,
    ItemsView,
    Iterable,
    Iterator,
    KeysView,
    Mapping,
    ValuesView,
)
from decimal import ROUND_FLOOR, Decimal, InvalidOperation
from fractions import Fraction
from typing import Any, TypeVar, overload

import attrs
import pendulum

from banenafspraak.exceptions import InvalidTypeError, InvalidValueError

K = TypeVar("K")
V = TypeVar("V")
D = TypeVar("D")
T = TypeVar("T", bound=attrs.AttrsInstance)

Number = int | Decimal | Fraction

ZERO = Fraction(0)


def positional_maker(cls: type[T]) -> Callable[..., T]:
    """A maker of ``cls`` from its fields in order, about five times faster than ``cls(...)``.

    For the frozen, slotted attrs classes made in bulk (an attribution per pay period, a spell
    per placement): their ``__init__`` sets each field through ``object.__setattr__``. The maker
    is a subclass that adds nothing to the layout, stores the fields directly and then turns
    the object into a ``cls`` proper (``type(made) is cls``, frozen, equal to one made the usual
    way). Every field is given, so a default is never read; it runs no validator, converter or
    ``__attrs_pre_init__``/``__attrs_post_init__``: ``cls`` must have none of them.
    """
    return _maker(cls, keywords=False)


def keyword_maker(cls: type[T]) -> type[T]:
    """:func:`positional_maker` with every field by keyword: for classes with many fields.

    A quotum result per employer (60,000 of them in a national year) is made this way by the
    built-in laws: the call names each field, as ``cls(...)`` does (and is type-checked as a
    call of ``cls``), and a field left out is an error rather than its default.
    """
    return _maker(cls, keywords=True)  # type: ignore[return-value]  # a subclass that makes cls


def _maker(cls: type[T], *, keywords: bool) -> Callable[..., T]:
    fields = attrs.fields(cls)
    hooks = ("__attrs_pre_init__", "__attrs_post_init__")
    if (
        "__slots__" not in vars(cls)
        or any(hasattr(cls, hook) for hook in hooks)
        or any(f.validator or f.converter for f in fields)
    ):
        msg = f"{cls.__name__} needs slots and no validator, converter or init hook"
        raise InvalidTypeError(msg)
    names = ", ".join(f.name for f in fields)
    parameters = f"*, {names}" if keywords else names
    body = "".join(f"    self.{f.name} = {f.name}\n" for f in fields)
    namespace: dict[str, Any] = {"cls": cls}
    # made from the field names, as attrs makes its own __init__ (nothing from outside)
    exec(f"def __init__(self, {parameters}):\n{body}    self.__class__ = cls\n", namespace)  # noqa: S102
    members = {
        "__slots__": (),
        "__setattr__": object.__setattr__,  # both: the one slot of setting and deleting
        "__delattr__": object.__delattr__,
        "__init__": namespace["__init__"],
        "__module__": cls.__module__,
        "__doc__": f"A maker of {cls.__name__} from all of its fields (see positional_maker).",
    }
    return type(f"{cls.__name__}Maker", (cls,), members)


@contextlib.contextmanager
def paused_gc() -> Iterator[None]:
    """Pause CPython's cyclic garbage collector for a phase that only allocates.

    A count creates hundreds of thousands of acyclic objects (attributions, exact fractions);
    each full collection on the way would walk every object alive, the scenario's included,
    and cost about a third of the count. Reference counting frees them as before; the
    collector resumes afterwards, unless it was paused by the caller already.

    What the phase made and kept (a count's results) would otherwise all be young, and the
    first collections after it would walk every one of them: about a tenth of a count's time.
    So every object the collector tracks moves to the oldest generation at once (``gc.freeze``
    then ``gc.unfreeze``): what the phase kept, and whatever else of the process was young, where
    a full collection finds them as it finds any long-lived object. This is skipped when the
    process keeps objects frozen of its own (``gc.get_freeze_count()``: a server that freezes
    before it forks), so that those stay frozen.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            if not gc.get_freeze_count():
                gc.freeze()
                gc.unfreeze()
            gc.enable()


class FrozenMap(Mapping[K, V]):
    """An immutable, hashable mapping with a stable (sorted) iteration order.

    attrs' ``frozen`` is shallow; nouns keep their per-year tables in this so that a frozen noun
    is frozen all the way down.
    """

    __slots__ = ("_data", "_hash")

    def __init__(self, data: Mapping[K, V] | None = None) -> None:
        items = data if type(data) is dict else dict(data or {})  # sorted into a new dict
        try:  # the keys sorted, not the items: each comparison compares two keys, nothing more
            ordered = {key: items[key] for key in sorted(items)}  # type: ignore[type-var,unused-ignore]
        except TypeError:
            ordered = dict(items)
        self._data: dict[K, V] = ordered
        self._hash: int | None = None

    @classmethod
    def of_sorted(cls, data: dict[K, V]) -> FrozenMap[K, V]:
        """A map that takes ``data`` as it is, without a copy: its keys must be in sorted order.

        For builders that sort in bulk before (the batch engine's group-bys).
        """
        made = cls.__new__(cls)
        made._data = data  # noqa: SLF001 - its own slot, set once
        made._hash = None  # noqa: SLF001 - its own slot, set once
        return made

    @classmethod
    def deferred(cls, compute: Callable[[], dict[K, V]]) -> FrozenMap[K, V]:
        """A map whose content ``compute`` gives, sorted, when it is first read (not before).

        For what only some readers need: the batch engine's ledger defers its per-person hours,
        which the 2015 quotum never reads, until an instrument reads them.
        """
        return _DeferredMap(compute)

    def __getitem__(self, key: K) -> V:
        return self._data[key]

    @overload
    def get(self, key: K, /) -> V | None: ...
    @overload
    def get(self, key: K, default: V | D, /) -> V | D: ...
    def get(self, key: K, default: object = None, /) -> object:
        """The value of ``key``, else ``default`` (the dict's own, faster than Mapping's)."""
        return self._data.get(key, default)

    def __contains__(self, key: object) -> bool:
        return key in self._data

    def items(self) -> ItemsView[K, V]:
        """The dict's own (read-only) view, faster than Mapping's."""
        return self._data.items()

    def keys(self) -> KeysView[K]:
        """The dict's own (read-only) view."""
        return self._data.keys()

    def values(self) -> ValuesView[V]:
        """The dict's own (read-only) view."""
        return self._data.values()

    def __iter__(self) -> Iterator[K]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)

    def __hash__(self) -> int:
        if self._hash is None:
            self._hash = hash(tuple(self._data.items()))
        return self._hash

    def __eq__(self, other: object) -> bool:
        if type(other) is FrozenMap:  # not a deferred one, whose content may not be made yet
            return self._data == other._data
        if isinstance(other, Mapping):
            return self._data == (other if isinstance(other, dict) else dict(other.items()))
        return NotImplemented

    def __repr__(self) -> str:
        return f"FrozenMap({self._data!r})"


class _DeferredMap(FrozenMap[K, V]):
    """A :class:`FrozenMap` computed on first use (see :meth:`FrozenMap.deferred`)."""

    __slots__ = ("_compute",)

    def __init__(self, compute: Callable[[], dict[K, V]]) -> None:
        self._compute: Callable[[], dict[K, V]] | None = compute
        self._hash = None

    def _content(self) -> dict[K, V]:
        if self._compute is not None:
            self._data = self._compute()
            self._compute = None
        return self._data

    def __getitem__(self, key: K) -> V:
        return self._content()[key]

    @overload
    def get(self, key: K, /) -> V | None: ...
    @overload
    def get(self, key: K, default: V | D, /) -> V | D: ...
    def get(self, key: K, default: object = None, /) -> object:
        """The value of ``key``, else ``default``."""
        return self._content().get(key, default)

    def __contains__(self, key: object) -> bool:
        return key in self._content()

    def items(self) -> ItemsView[K, V]:
        """The content's (read-only) view."""
        return self._content().items()

    def keys(self) -> KeysView[K]:
        """The content's (read-only) view."""
        return self._content().keys()

    def values(self) -> ValuesView[V]:
        """The content's (read-only) view."""
        return self._content().values()

    def __iter__(self) -> Iterator[K]:
        return iter(self._content())

    def __len__(self) -> int:
        return len(self._content())

    def __hash__(self) -> int:
        self._content()
        return super().__hash__()

    def __eq__(self, other: object) -> bool:
        self._content()
        return super().__eq__(other)

    def __repr__(self) -> str:
        self._content()
        return super().__repr__()

    def __reduce__(self) -> tuple[Any, ...]:
        return FrozenMap.of_sorted, (self._content(),)


def frozen_map(value: Mapping[Any, Any] | None) -> FrozenMap[Any, Any]:
    """Attrs converter: any mapping (or None) to a :class:`FrozenMap`."""
    if isinstance(value, FrozenMap):
        return value
    return FrozenMap(value)


def to_date(value: object) -> pendulum.Date:
    """Convert a ``pendulum.Date``, ``datetime.date`` or ISO ``YYYY-MM-DD`` string to a Date.

    A ``datetime.datetime`` is refused: the library counts whole days, and a time of day would be
    silently dropped.
    """
    if isinstance(value, dt.datetime):
        msg = f"expected a date without a time of day, got {value!r}"
        raise InvalidTypeError(msg)
    if isinstance(value, pendulum.Date):
        return value
    if isinstance(value, dt.date):
        return pendulum.Date(value.year, value.month, value.day)
    if isinstance(value, str):
        try:
            parsed = dt.date.fromisoformat(value)
        except ValueError:
            msg = f"expected an ISO date YYYY-MM-DD, got {value!r}"
            raise InvalidValueError(msg) from None
        if len(value) != 10:  # noqa: PLR2004 - YYYY-MM-DD
            msg = f"expected an ISO date YYYY-MM-DD, got {value!r}"
            raise InvalidValueError(msg)
        return pendulum.Date(parsed.year, parsed.month, parsed.day)
    msg = f"expected a date (YYYY-MM-DD), got {value!r}"
    raise InvalidTypeError(msg)


def optional_date(value: object) -> pendulum.Date | None:
    """Attrs converter: like :func:`to_date`, but ``None`` stays ``None``."""
    return None if value is None else to_date(value)


def to_decimal(value: object) -> Decimal:
    """Convert an int, Decimal or decimal string to a finite ``Decimal``, exactly.

    Floats are refused: ``0.1`` is not one tenth, and the library promises exact arithmetic.
    Pass hours as strings (``"25.5"``) or ``Decimal``. The digits are kept exactly as written;
    a number of :data:`MAX_MAGNITUDE` digits or more before the point, or more than
    :data:`MAX_PLACES` after it, is refused rather than rounded.
    """
    if isinstance(value, bool):
        msg = f"expected a number, got {value!r}"
        raise InvalidTypeError(msg)
    if isinstance(value, Decimal):
        result = value
    elif isinstance(value, int):
        result = Decimal(value)
    elif isinstance(value, str):
        try:
            result = Decimal(value.strip())
        except InvalidOperation:
            msg = f"expected a decimal number, got {value!r}"
            raise InvalidValueError(msg) from None
    elif isinstance(value, Fraction):
        if value.denominator != 1:
            msg = f"expected a decimal number, got the fraction {value}"
            raise InvalidValueError(msg)
        result = Decimal(value.numerator)
    else:
        msg = f"expected an int, Decimal or decimal string (not a float), got {value!r}"
        raise InvalidTypeError(msg)
    if not result.is_finite():
        msg = f"expected a finite number, got {value!r}"
        raise InvalidValueError(msg, value=value, expected="a finite number")
    if result and (result.adjusted() >= MAX_MAGNITUDE or _too_many_places(result)):
        msg = (
            f"expected a number below 10^{MAX_MAGNITUDE} with at most {MAX_PLACES} decimals, "
            f"got {_short(value)}"
        )
        raise InvalidValueError(msg, value=value, expected=f"below 10^{MAX_MAGNITUDE}")
    return result


MAX_MAGNITUDE = 15
"""Numbers read from input lie below 10^15 in absolute value (hours and euros alike)."""

MAX_PLACES = 20
"""Numbers read from input have at most 20 decimals; more are refused, never rounded."""


def _too_many_places(value: Decimal) -> bool:
    """Whether a finite, non-zero Decimal needs more than :data:`MAX_PLACES` decimals.

    Trailing zeros do not count. A whole number needs none; a number written with at most that
    many digits after the point needs no more; only longer ones are counted digit by digit.
    """
    if value == value.to_integral_value():
        return False
    _, digits, exponent = value.as_tuple()
    assert isinstance(exponent, int)  # noqa: S101 - a finite Decimal has a whole exponent
    if -exponent <= MAX_PLACES:
        return False
    trailing = len(digits) - len("".join(map(str, digits)).rstrip("0"))
    return -(exponent + trailing) > MAX_PLACES


def _short(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."  # noqa: PLR2004 - a readable excerpt


def as_fraction(value: Number) -> Fraction:
    """An exact ``Fraction`` of an int, Decimal or Fraction."""
    if isinstance(value, Fraction):
        return value
    return Fraction(value)


def floor_to(value: Number, places: int) -> Decimal:
    """Round *down* (towards minus infinity) to ``places`` decimals, as the law rounds.

    Used only where a legal text rounds down (Wfsv 38f(1); Besluit Wfsv 2.22(2), 2.23(2)-(3)).
    """
    return scaled_fraction(as_fraction(value), places)


@overload
def to_decimal_string(value: None, places: int = ...) -> None: ...
@overload
def to_decimal_string(value: Number, places: int = ...) -> str: ...
def to_decimal_string(value: Number | None, places: int = 12) -> str | None:
    """Write an exact number as a decimal string for JSON, CSV and tables.

    A value with a finite decimal expansion is written exactly (trailing zeros removed); a value
    without one (``1040/1331``) is written to ``places`` decimals, rounded half to even. This is
    rounding for display only: the Python results keep the exact ``Fraction``.
    """
    if value is None:
        return None
    exact = as_fraction(value)
    exact_places = decimal_places(exact)
    if exact_places is not None:
        text = format(scaled_fraction(exact, exact_places), "f")
        if "." in text:
            text = text.rstrip("0").rstrip(".")
        return "0" if text in {"-0", ""} else text
    return format(_rounded(exact, places), "f")


def decimal_places(value: Fraction) -> int | None:
    """The decimals that write ``value`` exactly, or ``None`` if its expansion never ends."""
    return _places_of(value.denominator)


@functools.lru_cache(maxsize=4096)
def _places_of(denominator: int) -> int | None:
    """:func:`decimal_places` of a reduced fraction with this denominator (a few recur)."""
    twos = fives = 0
    while denominator % 2 == 0:
        denominator //= 2
        twos += 1
    while denominator % 5 == 0:
        denominator //= 5
        fives += 1
    return max(twos, fives) if denominator == 1 else None


def scaled_fraction(value: Fraction, places: int) -> Decimal:
    """``value`` cut to ``places`` decimals, as a Decimal: exact when ``places`` suffice.

    No Decimal context is involved, so no digit is lost however long the number is.
    """
    return scaled_decimal(value.numerator * 10**places // value.denominator, places)


def _rounded(value: Fraction, places: int) -> Decimal:
    """``value`` rounded half to even to ``places`` decimals, exactly (no Decimal context)."""
    return scaled_decimal(round(value * 10**places), places)


def scaled_decimal(whole: int, places: int) -> Decimal:
    """``whole / 10**places`` as an exact Decimal (read from its digits: no context rounds it)."""
    return Decimal(f"{whole}e-{places}")


def display(value: Number | None, places: int = 2) -> str:
    """Round half to even to ``places`` decimals, for a person to read (never for computing)."""
    if value is None:
        return "-"
    return format(_rounded(as_fraction(value), places), ",f")


def floor_decimal(value: Decimal, places: int) -> Decimal:
    """Round a Decimal down to ``places`` decimals."""
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_FLOOR)


def as_decimal(value: Fraction) -> Decimal:
    """An exact Fraction as a Decimal: exact when it has a finite decimal expansion.

    Otherwise (a third of a euro) the quotient to 28 significant digits: an amount the law
    would round anyway, and only ever in illustrative computations.
    """
    if value.denominator == 1:
        return Decimal(value.numerator)
    places = decimal_places(value)
    if places is not None:
        return scaled_fraction(value, places)
    return Decimal(value.numerator) / Decimal(value.denominator)


def exact_sum(values: Iterable[Fraction]) -> Fraction:
    """The exact sum of ``values``, made as one fraction at the end.

    The numerators are added per denominator first (whole numbers, no common factor sought on
    every step): the hours of a ledger share a few denominators, so this is many times faster
    than adding the fractions one by one, and the same sum.
    """
    by_denominator: dict[int, int] = {}
    for value in values:
        denominator = value.denominator
        by_denominator[denominator] = by_denominator.get(denominator, 0) + value.numerator
    return summed_numerators(by_denominator)


def summed_numerators(by_denominator: Mapping[int, int]) -> Fraction:
    """The exact sum of whole numerators kept per denominator, as one fraction (0 if none).

    Over the least common denominator, so the fraction is reduced once, at the end.
    """
    common = math.lcm(*by_denominator)  # 1 when there are none
    return Fraction(sum(n * (common // d) for d, n in by_denominator.items()), common)


def exact_dot(pairs: Iterable[tuple[Fraction | int, Fraction | int]]) -> Fraction:
    """The exact sum of the products of ``pairs``, made as one fraction at the end.

    Whole numerators over a growing denominator, reduced once: a few terms (a count times an
    amount, plus a rate times hours) cost one fraction instead of one per operation.
    """
    numerator, denominator = 0, 1
    for left, right in pairs:
        term = left.denominator * right.denominator
        numerator = numerator * term + left.numerator * right.numerator * denominator
        denominator *= term
    return Fraction(numerator, denominator)


def at_least(value: Fraction, bound: Fraction) -> bool:
    """``value >= bound``, compared as whole numbers: the same answer, many times faster."""
    return value.numerator * bound.denominator >= bound.numerator * value.denominator
