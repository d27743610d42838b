"""The domain nouns: named constructors, validators, and messages that say what was seen."""

from __future__ import annotations

import datetime as dt
import pickle
from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction
from types import MappingProxyType
from typing import Any

import attrs
import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from banenafspraak import (
    Baseline,
    Employer,
    Ground,
    InvalidPeriodError,
    PayPeriod,
    Period,
    Person,
    Placement,
    PlacementKind,
    Pool,
    Registration,
    Sector,
    Subsector,
)
from banenafspraak._util import (
    FrozenMap,
    as_decimal,
    at_least,
    display,
    exact_dot,
    exact_sum,
    floor_to,
    keyword_maker,
    positional_maker,
    to_date,
    to_decimal,
    to_decimal_string,
)
from banenafspraak.exceptions import InvalidTypeError
from banenafspraak.strategies import baselines, pay_periods, periods


def test_a_calendar_year_has_all_its_days() -> None:
    assert Period.year(2018).days == 365
    assert Period.year(2020).days == 366
    assert Period.year(2018).length_in_years() == 1
    assert str(Period.year(2018)) == "2018"


def test_quarters_and_months_are_named_periods() -> None:
    q = Period.quarter(2019, 4)
    assert (q.start, q.end) == (pendulum.Date(2019, 10, 1), pendulum.Date(2019, 12, 31))
    assert str(q) == "2019-Q4"
    assert str(Period.month(2012, 12)) == "2012-12"
    assert Period.month(2012, 12).length_in_years() == Fraction(31, 366)
    assert len(Period.months_of(2019)) == 12


def test_a_period_across_new_year_counts_each_day_in_its_own_year() -> None:
    period = Period.of("2018-12-01", "2019-01-31")
    assert period.length_in_years() == Fraction(31, 365) + Fraction(31, 365)
    assert list(period.years) == [2018, 2019]
    assert str(period) == "2018-12-01..2019-01-31"


@pytest.mark.parametrize("text", ["2018", "2018-Q2", "2018-07", "2018-01-05..2018-02-04"])
def test_periods_parse_what_they_print(text: str) -> None:
    assert str(Period.parse(text)) == text


@pytest.mark.parametrize("text", ["18", "2018-Q5", "2018-13", "2018-01-05..2017-01-01", "x"])
def test_a_bad_period_text_is_refused_with_the_text(text: str) -> None:
    with pytest.raises(InvalidPeriodError, match="expected YYYY"):
        Period.parse(text)


def test_bad_quarters_and_months_are_refused() -> None:
    with pytest.raises(InvalidPeriodError, match="quarter"):
        Period.quarter(2018, 0)
    with pytest.raises(InvalidPeriodError, match="month"):
        Period.month(2018, 13)


def test_a_period_cannot_end_before_it_starts() -> None:
    with pytest.raises(InvalidPeriodError, match=r"ends \(2018-01-01\) before it starts"):
        Period.of("2018-02-01", "2018-01-01")


@given(periods(), periods())
def test_overlap_is_symmetric_and_matches_the_intersection(a: Period, b: Period) -> None:
    assert a.overlap_days(b) == b.overlap_days(a)
    both = a.intersection(b)
    assert (both is None) == (not a.overlaps(b))
    assert a.overlap_days(b) == (0 if both is None else both.days)
    if both is not None:
        assert both in a
        assert both in b
        assert a.start in a


def test_dates_convert_from_iso_strings_and_python_dates_but_not_datetimes() -> None:
    assert to_date("2018-01-01") == pendulum.Date(2018, 1, 1)
    assert to_date(dt.date(2018, 1, 1)) == pendulum.Date(2018, 1, 1)
    with pytest.raises(TypeError, match="without a time"):
        to_date(dt.datetime(2018, 1, 1, tzinfo=dt.UTC))
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        to_date("2018-1-1")
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        to_date("first of May")
    with pytest.raises(TypeError, match="expected a date"):
        to_date(20180101)


def test_hours_are_exact_and_floats_are_refused() -> None:
    assert to_decimal("25.5") == Decimal("25.5")
    assert to_decimal(Fraction(3)) == Decimal(3)
    with pytest.raises(TypeError, match="not a float"):
        to_decimal(0.1)
    with pytest.raises(TypeError, match="number"):
        to_decimal(True)  # noqa: FBT003 - the value under test
    with pytest.raises(ValueError, match="decimal number"):
        to_decimal("ten")
    with pytest.raises(ValueError, match="finite"):
        to_decimal("NaN")
    with pytest.raises(ValueError, match="fraction"):
        to_decimal(Fraction(1, 3))


def test_numbers_round_down_only_where_asked_and_print_exactly() -> None:
    assert floor_to(Fraction(28470, 10000), 1) == Decimal("2.8")
    assert floor_to(Fraction(-1, 3), 1) == Decimal("-0.4")
    assert to_decimal_string(Fraction(3, 4)) == "0.75"
    assert to_decimal_string(Decimal("1040.00")) == "1040"
    assert to_decimal_string(Fraction(1040, 1331)) == "0.781367392938"
    assert to_decimal_string(None) is None
    assert to_decimal_string(0) == "0"
    assert display(Fraction(1040, 1331), 3) == "0.781"
    assert display(None) == "-"


def test_a_frozen_map_is_hashable_ordered_and_equal_to_a_dict() -> None:
    table = FrozenMap({2019: 1, 2018: 2})
    assert list(table) == [2018, 2019]
    assert table == {2018: 2, 2019: 1}
    assert table == MappingProxyType({2019: 1, 2018: 2})  # any mapping, in any order
    assert table == FrozenMap.deferred(lambda: {2019: 1, 2018: 2})
    assert table != FrozenMap({2018: 2})
    assert hash(table) == hash(FrozenMap({2018: 2, 2019: 1}))
    assert "FrozenMap" in repr(table)
    assert table != 3
    assert len(FrozenMap({Pool.MARKET: 1, "x": 2})) == 2  # unorderable keys keep input order
    assert table.get(2018) == 2
    assert table.get(2020, 0) == 0
    assert 2019 in table
    assert list(table.keys()) == [2018, 2019]
    assert list(table.values()) == [2, 1]


def test_a_deferred_frozen_map_is_computed_once_when_first_read() -> None:
    """The same map as the content it is given, computed on first use only, and picklable."""
    calls: list[int] = []

    def content() -> dict[int, str]:
        calls.append(1)
        return {2018: "a", 2019: "b"}

    deferred = FrozenMap.deferred(content)
    assert calls == []
    assert deferred == FrozenMap(content())
    assert (len(deferred), list(deferred), 2018 in deferred) == (2, [2018, 2019], True)
    assert (deferred[2019], deferred.get(2020), list(deferred.items())) == (
        "b",
        None,
        [(2018, "a"), (2019, "b")],
    )
    assert (list(deferred.keys()), list(deferred.values())) == ([2018, 2019], ["a", "b"])
    assert hash(deferred) == hash(FrozenMap({2018: "a", 2019: "b"}))
    assert repr(deferred) == "FrozenMap({2018: 'a', 2019: 'b'})"
    assert len(calls) == 2  # once for the comparison's right side, once for the map itself
    copied = pickle.loads(pickle.dumps(deferred))  # noqa: S301 - its own bytes
    assert type(copied) is FrozenMap
    assert copied == deferred


def test_a_pay_period_cannot_hold_more_hours_than_it_has() -> None:
    with pytest.raises(ValueError, match=r"745 hours do not fit .* at most 744 hours"):
        PayPeriod.month(2018, 1, 745)
    with pytest.raises(ValueError, match="must not be negative"):
        PayPeriod.month(2018, 1, -1)
    with pytest.raises(InvalidPeriodError, match="before it starts"):
        PayPeriod(start="2018-02-01", end="2018-01-01", hours=1)


def test_a_placement_sorts_its_pay_periods_and_knows_its_first_day() -> None:
    placement = Placement(
        id="p",
        person="x",
        employer="e",
        hours=(PayPeriod.month(2018, 3, 10), PayPeriod.month(2018, 1, 5)),
    )
    assert placement.hours[0].start == pendulum.Date(2018, 1, 1)
    assert placement.total_hours == 15
    assert placement.first_day == pendulum.Date(2018, 1, 1)
    later = Placement(id="p", person="x", employer="e", employment_start="2015-06-01")
    assert later.first_day == pendulum.Date(2015, 6, 1)
    assert Placement(id="p", person="x", employer="e").first_day is None
    assert PlacementKind.AGENCY.lends_to_hirer
    assert not PlacementKind.EMPLOYEE.lends_to_hirer


def test_a_registration_cannot_cease_before_it_starts() -> None:
    with pytest.raises(ValueError, match="conditions_ceased"):
        Registration(ground="wajong", start="2018-01-01", conditions_ceased="2017-01-01")
    with pytest.raises(ValueError, match="ended_on_request"):
        Registration(ground="wajong", start="2018-01-01", ended_on_request="2017-01-01")
    with pytest.raises(ValueError, match="'none' is not a valid Ground"):
        Registration(ground="none", start="2018-01-01")


def test_every_ground_has_its_dutch_legal_description() -> None:
    assert all("Wfsv" in g.dutch or "Participatiewet" in g.dutch for g in Ground)
    person = Person.registered("x", ground="wajong", since="2015-01-01")
    assert person.registrations[0].ground is Ground.WAJONG
    assert Person(id="y", registrations=person.registrations[0]).registrations == (
        person.registrations
    )


def test_an_employer_checks_its_tables_and_subsector() -> None:
    with pytest.raises(ValueError, match="sub-sector"):
        Employer(id="e", sector=Sector.MARKET, subsector=Subsector.RIJK)
    with pytest.raises(ValueError, match="must not be negative"):
        Employer(id="e", sector="market", total_hours={2018: -1})
    with pytest.raises(TypeError, match="mapping of year"):
        Employer(id="e", sector="market", total_hours=5)
    with pytest.raises(TypeError, match="true or false"):
        Employer(id="e", sector="market", small_employer={2018: "yes"})
    with pytest.raises(TypeError, match="mapping of year"):
        Employer(id="e", sector="market", small_employer=5)
    employer = Employer(
        id="e",
        sector="government",
        subsector="rijk",
        total_hours={"2018": "1000.5"},
        small_employer={2018: True},
    )
    assert employer.hours_in(2018) == Decimal("1000.5")
    assert employer.hours_in(2017) == 0
    assert Sector.GOVERNMENT.dutch == "overheid"
    assert Pool.NATIONAL.dutch == "landelijk"


def test_a_baseline_gives_the_national_pool_as_the_sum_of_the_sectors() -> None:
    baseline = Baseline(jobs={"market": "35927", "government": 13504})
    assert baseline.jobs_in(Pool.NATIONAL) == 49431
    assert Baseline(jobs={"national": 7}).jobs_in(Pool.NATIONAL) == 7
    assert Baseline().jobs_in(Pool.MARKET) == 0
    with pytest.raises(ValueError, match="must not be negative"):
        Baseline(jobs={"market": -1})


@given(pay_periods(), baselines())
def test_generated_pay_periods_and_baselines_are_valid_nouns(
    pay: PayPeriod, baseline: Baseline
) -> None:
    assert pay.hours <= pay.period.days * 24
    assert all(jobs >= 0 for jobs in baseline.jobs.values())
    assert baseline.jobs_in(Pool.NATIONAL) == sum(baseline.jobs.values())


@given(st.lists(st.fractions()))
def test_the_sum_by_denominators_is_the_sum(values: list[Fraction]) -> None:
    """exact_sum adds numerators per denominator first: the same exact sum as ``sum``."""
    assert exact_sum(values) == sum(values, Fraction(0))
    assert type(exact_sum(values)) is Fraction


@given(st.fractions(), st.fractions())
def test_at_least_compares_as_fractions_do(value: Fraction, bound: Fraction) -> None:
    assert at_least(value, bound) is (value >= bound)


@given(st.integers(-(10**30), 10**30), st.integers(0, 12))
def test_a_decimal_fraction_becomes_its_exact_decimal(whole: int, places: int) -> None:
    """as_decimal writes a fraction with a finite expansion exactly, in its fewest decimals."""
    value = Fraction(whole, 10**places)
    decimal = as_decimal(value)
    assert Fraction(decimal) == value
    exponent = decimal.as_tuple().exponent
    assert isinstance(exponent, int)
    places_used = -exponent
    assert 10**places_used % value.denominator == 0  # enough decimals
    assert places_used == 0 or 10 ** (places_used - 1) % value.denominator  # and no more


@given(st.lists(st.tuples(st.integers() | st.fractions(), st.integers() | st.fractions())))
def test_the_dot_product_in_whole_numbers_is_the_dot_product(
    pairs: list[tuple[int | Fraction, int | Fraction]],
) -> None:
    """exact_dot keeps whole numerators over one denominator: the same sum of products."""
    assert exact_dot(pairs) == sum((a * b for a, b in pairs), Fraction(0))


@attrs.frozen
class _Pair:
    left: int
    right: str


@attrs.frozen
class _WithDefault:
    value: int = 0


@attrs.frozen
class _Checked:
    value: int = attrs.field(validator=attrs.validators.instance_of(int))


@attrs.frozen(slots=False)
class _WithoutSlots:
    value: int


def test_a_positional_maker_makes_the_class_itself_frozen_and_equal() -> None:
    made = positional_maker(_Pair)(1, "a")
    assert type(made) is _Pair
    assert made == _Pair(left=1, right="a")
    assert hash(made) == hash(_Pair(left=1, right="a"))
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        made.left = 2  # type: ignore[misc]


@attrs.frozen
class _WithHook:
    value: int

    def __attrs_post_init__(self) -> None:
        """Nothing: its presence is what the maker would skip."""


@pytest.mark.parametrize("cls", [_Checked, _WithoutSlots, _WithHook])
@pytest.mark.parametrize("maker", [positional_maker, keyword_maker])
def test_a_maker_refuses_a_class_whose_init_does_more(cls: type, maker: Callable[..., Any]) -> None:
    with pytest.raises(InvalidTypeError, match=cls.__name__):
        maker(cls)


def test_a_keyword_maker_takes_every_field_by_name_defaults_included() -> None:
    """A default is never read: the maker asks for every field, by its name only."""
    make = keyword_maker(_WithDefault)
    made = make(value=3)
    assert type(made) is _WithDefault
    assert made == _WithDefault(3)
    assert positional_maker(_WithDefault)(0) == _WithDefault()
    with pytest.raises(TypeError):
        make()
    with pytest.raises(TypeError):
        make(3)
