"""The columnar engine: the pure rule sets, asked once per distinct situation.

A rule set's answer for one pay period of one placement depends on a small *situation*: the
placement's kind, the formal employer's sector (of each year) and kind, the hirer's (if any), the
agreement to credit the hirer, the procurement contract's kind, buyer and which days of the pay
period it covers, which of these employers are the same, the registration found for the pay period
(its ground, or none), and the pay period's years. That is all a rule may read (the contract of
``RuleSet.attribute``). A national year holds millions of pay periods but only hundreds or a few
thousand situations.

The engine computes the situation of every row with column operations, takes one real row of
each distinct situation, asks the **pure** rule set (``rule_set.attribute``) what it decides for
that row (and for a second row of the situation, refusing a rule set that answers the two
differently), translates the answer into roles (credited to the formal employer, the hirer, the
contract's buyer or supplier, or nobody; pool; share of the hours; reason codes), joins the
decisions back onto the rows and adds up in whole ten-thousandths of an hour. The law lives in the
rule sets alone: the engine only groups and adds.

The core is additive: :func:`count_batch` turns any batch of flat rows into a small partial
table, partial tables of any split of the rows add up by :func:`combine`, and :func:`finish` turns
the sum into the exact result. That is what a distributed engine runs partition by partition.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Iterable, Mapping, Sequence
from decimal import Decimal
from fractions import Fraction
from typing import Any, Protocol

import attrs
import polars as pl

from banenafspraak._util import FrozenMap, paused_gc
from banenafspraak._version import __version__
from banenafspraak.baselines import Baseline
from banenafspraak.batch._checks import MAX_DAYS
from banenafspraak.batch._exact import exact_per_key
from banenafspraak.batch._formal import STAGE_COLUMNS, DeferredFormal, FormalColumns
from banenafspraak.batch._tables import HOURS_SCALE, Tables, kept_for_equal
from banenafspraak.counting import (
    Monitoring,
    QuotumReport,
    Receipt,
    Tally,
    assess_ledger,
    job_unit,
    monitor,
    parameters_for,
    period_warnings,
    rules_in_force,
)
from banenafspraak.counting import count_jobs as pure_count_jobs
from banenafspraak.employers import Employer, EmployerId
from banenafspraak.exceptions import (
    BanenafspraakError,
    InvalidTypeError,
    InvalidValueError,
    NotFoundError,
    OutOfRangeError,
)
from banenafspraak.parameters import Parameters, default_parameters
from banenafspraak.people import Ground, Person, Registration
from banenafspraak.periods import Period
from banenafspraak.placements import PayPeriod, Placement
from banenafspraak.procurement import ProcurementContract
from banenafspraak.rulesets import resolve
from banenafspraak.rulesets._protocol import Ledger, QuotumResult, RuleContext, RuleSet
from banenafspraak.rulesets.common import aow_age_reached, registration_last_day
from banenafspraak.scenario import Scenario
from banenafspraak.sectors import Pool

__all__ = [
    "FLAT_COLUMNS",
    "MAX_DAYS",
    "PARTIAL_SCHEMA",
    "BatchCount",
    "UnsupportedRuleSetError",
    "assess_quotum",
    "combine",
    "compare",
    "count_batch",
    "count_jobs",
    "decide",
    "finish",
    "flatten",
]

ParametersArg = Parameters | Mapping[str, Any] | None
Progress = Callable[[str, int, int], None]

ROLES = ("nobody", "employer", "hirer", "buyer", "supplier")
"""Whom a share is credited to, relative to the row: ``ROLES[role]``."""
_ROLE_COLUMN = {1: "employer", 2: "hirer", 3: "buyer", 4: "supplier"}

PARTIAL_SCHEMA: dict[str, Any] = {
    "target_kind": pl.String,
    "target": pl.String,
    "counted": pl.Boolean,
    "person": pl.String,
    "years_employed": pl.Int32,
    "pension_age": pl.Boolean,
    "placement_kind": pl.String,
    "overlap": pl.Int64,
    "days": pl.Int64,
    "fnum": pl.Int64,
    "fden": pl.Int64,
    "hours_e4": pl.Int64,
}
"""The partial result: hours (ten-thousandths) per pro-rata factor ``overlap/days`` and share
``fnum/fden``, per ``target_kind``:

* ``pool``: per pool (``target``);
* ``excluded``: per exclusion reason code (``target``);
* ``credit``: per credited employer (``target``), and whether the share adds to a pool
  (``counted``);
* ``formal`` (only when counted with ``ledger=True``): the hours that add to a pool, per formal
  employer (``target``), ``person`` and :class:`~banenafspraak.rulesets.Stage`
  (``years_employed``, ``pension_age``, ``placement_kind``): what a quotum instrument reads (the
  :class:`~banenafspraak.rulesets.Ledger`).

Partials add up by concatenation (:func:`combine`)."""
_PARTIAL_KEYS = tuple(c for c in PARTIAL_SCHEMA if c != "hours_e4")

_GROUNDS = {g.value: i for i, g in enumerate(Ground, start=1)}

# Bit layout of the situation key (an Int64): placement situation | ground | start year |
# year span | contract cover (none, all days, or which days: see _key).
_COVER_BITS, _SPAN_BITS, _YEAR_BITS, _GROUND_BITS = 23, 3, 8, 5
_MAX_PLACEMENT_SITUATIONS = 1 << (63 - _COVER_BITS - _SPAN_BITS - _YEAR_BITS - _GROUND_BITS)


class UnsupportedRuleSetError(BanenafspraakError, NotImplementedError):
    """A rule set answered in a way the batch engine cannot express as roles and shares."""


# -- encoding: the rows as integer columns with a way back to the nouns ----------------------------


def rules_for(
    tables_parameters: Mapping[str, Any],
    measured: Period,
    parameters: ParametersArg,
    rules: str | RuleSet | None,
) -> RuleSet:
    """``rules``, or the law in force on the last day of ``measured`` under the tables' parameters.

    The pure :func:`~banenafspraak.counting.rules_in_force`, with the tables' own parameters
    (``Tables.read(folder, parameters=...)``, or the scenario's that the tables were made from)
    and the call's, as the pure path reads a scenario's.
    """
    return rules_in_force(Scenario(parameters=tables_parameters), measured, parameters, rules)


def _parameters(
    tables_parameters: Mapping[str, Any], parameters: ParametersArg, rules: RuleSet | None = None
) -> Parameters:
    """The parameters in force, by the pure rule :func:`~banenafspraak.counting.parameters_for`.

    The defaults with the rule set's own tables, then the data's overrides, then the call's.
    """
    return parameters_for(Scenario(parameters=tables_parameters), parameters, rules)


def _registration_ends(
    registrations: pl.DataFrame, params: Parameters, last_day: dt.date | None
) -> pl.DataFrame:
    """Each registration with its last day (``reg_end``), by the pure ``registration_last_day``.

    ``last_day`` is the last day of any pay period of the tables (``None``: no pay periods).
    The end only decides which pay periods a registration covers, so ``reg_end`` is the day
    the pure rule gives when it falls by ``last_day``, and null otherwise (still registered
    after the last pay period).

    The end depends on the ground, the dates the conditions ceased and the registration was
    ended, and the person's dates of birth, death and beschut-werk finding (and on the
    parameters), so the pure function is asked once per distinct combination. Each of those
    dates ends the registration on or after itself, or (a date of birth) on the AOW age; the
    end is the earliest of them. A date after ``last_day`` (an AOW age reached after it) can
    only give an end after it, so it is left out of the key: the rule is asked once per kind of
    registration rather than once per person.
    """
    if last_day is None:
        return registrations.with_columns(reg_end=pl.lit(None, dtype=pl.Date))
    within = {c: pl.when(pl.col(c) <= last_day).then(pl.col(c)) for c in _END_DATES}
    # The date of birth reaches the end only through the AOW age, which ends a registration
    # whose conditions ceased (Wfsv 38b(6)): elsewhere it is left out too.
    ceased = pl.col("conditions_ceased").is_not_null()
    born = pl.when(ceased & _aow_within(registrations, params, last_day)).then(
        pl.col("date_of_birth")
    )
    keyed = registrations.with_columns(
        **{f"_{c}": within[c] for c in _END_DATES}, _date_of_birth=born
    )
    own = ["ground", "_conditions_ceased", "_ended_on_request"]
    keys = [*own, "_date_of_birth", "_date_of_death", "_sheltered_work_finding"]
    # The start does not reach the end, but the noun needs a valid one: the earliest of the
    # registrations with the same ground and dates, so that their combinations with the
    # people's dates share one noun (and each set of a person's dates one person).
    distinct = keyed.group_by(keys).agg(pl.col("start").min())
    distinct = distinct.with_columns(pl.col("start").min().over(own))
    registration_of = functools.cache(_registration)
    person_of = functools.cache(_person)
    with paused_gc():  # tens of thousands of acyclic nouns: nothing for the collector to find
        ends = [
            registration_last_day(
                registration_of(ground, start, ceased, requested),
                params,
                person_of(born, died, found),
            )
            for ground, ceased, requested, born, died, found, start in distinct.select(
                *keys, "start"
            ).iter_rows()
        ]
    table = distinct.select(keys).with_columns(pl.Series("reg_end", ends, dtype=pl.Date))
    return (
        keyed.join(table, on=keys, how="left", nulls_equal=True)
        .with_columns(reg_end=pl.when(pl.col("reg_end") <= last_day).then(pl.col("reg_end")))
        .drop(*keys[1:])
    )


_END_DATES = ("conditions_ceased", "ended_on_request", "date_of_death", "sheltered_work_finding")
"""The dates of a registration and its person that end it on or after themselves."""


def _aow_within(
    registrations: pl.DataFrame, params: Parameters, last_day: dt.date | None
) -> pl.Expr:
    """Whether the person reaches the AOW age (:func:`_aow_days`) by ``last_day``."""
    if last_day is None:
        return pl.lit(value=False)
    aow = _aow_days(registrations, params, last_day).filter(pl.col("aow_day") <= last_day)
    return pl.col("person").is_in(aow["person"].implode())


def _registration(
    ground: str, start: dt.date, ceased: dt.date | None, requested: dt.date | None
) -> Registration:
    """A registration of the registrations table, as the pure rules take it."""
    return Registration(
        ground=ground,
        start=min(d for d in (start, ceased, requested) if d is not None),
        conditions_ceased=ceased,
        ended_on_request=requested,
    )


def _person(
    date_of_birth: dt.date | None,
    date_of_death: dt.date | None,
    sheltered_work_finding: dt.date | None,
) -> Person:
    """A person with the dates of :data:`PERSON_COLUMNS`, as :func:`_registration_ends` asks."""
    return Person(
        id="registration",
        date_of_birth=date_of_birth,
        date_of_death=date_of_death,
        sheltered_work_finding=sheltered_work_finding,
    )


def _months(value: object) -> int:
    if not isinstance(value, int):  # pragma: no cover - the table holds whole months
        msg = f"an AOW age in whole months, not {value!r}"
        raise InvalidTypeError(msg, field="aow.pension_age_months", value=value)
    return value


def _month_index(day: pl.Expr) -> pl.Expr:
    return day.dt.year().cast(pl.Int64) * 12 + day.dt.month().cast(pl.Int64) - 1


def _aow_days(
    registrations: pl.DataFrame, params: Parameters, until: dt.date | None = None
) -> pl.DataFrame:
    """``person, aow_day``: the day each person reaches the AOW age (by the pure rule).

    The pure :func:`~banenafspraak.rulesets.common.aow_age_reached` adds the AOW age of the year
    it is reached (AOW art. 7a(1), in months) to the date of birth; which year that is does not
    depend on the day of the month of birth. So the pure function is asked once per month of
    birth (for its first day), and every date of birth of that month gets the same number of
    months added with the same calendar arithmetic (the last day of a shorter month when the
    day does not exist). With ``until``, months of birth whose people cannot reach the AOW age
    by then (the lowest age of the table) are left out: their ``aow_day`` is null.
    """
    people = (
        registrations.filter(pl.col("date_of_birth").is_not_null())
        .group_by("person")
        .agg(pl.col("date_of_birth").first())
        .with_columns(_month=pl.col("date_of_birth").dt.truncate("1mo"))
    )
    months = people.select(pl.col("_month").unique())
    if until is not None:
        youngest = min(_months(row.value) for row in params["aow.pension_age_months"].rows)
        last = until.year * 12 + until.month - 1
        months = months.filter(_month_index(pl.col("_month")) + youngest <= last)
    added = []
    for first in months["_month"]:
        reached = aow_age_reached(Person(id="born", date_of_birth=first), params)
        if reached is None:  # pragma: no cover - a date of birth is given
            msg = "no AOW age for a date of birth"
            raise AssertionError(msg)
        added.append((reached.year - first.year) * 12 + reached.month - first.month)
    table = months.with_columns(pl.Series("_months", added, dtype=pl.Int64))
    return people.join(table, on="_month", how="inner").select(
        "person",
        pl.col("date_of_birth").dt.offset_by(pl.format("{}mo", pl.col("_months"))).alias("aow_day"),
    )


def _last_day(tables: Tables) -> dt.date | None:
    """The last day of any pay period of ``tables`` (``None``: no pay periods)."""
    last = tables.hours["end"].max()
    return last if isinstance(last, dt.date) else None


def _first_days(tables: Tables) -> pl.Series:
    """Per placement (in table order): its first day, as :attr:`Placement.first_day`.

    ``employment_start``, or else the start of its first pay period.
    """
    firsts = tables.hours.group_by("p").agg(pl.col("start").min())
    empty = pl.Series("first_day", [None] * tables.placements.height, dtype=pl.Date)
    return (
        tables.placements["employment_start"]
        .fill_null(empty.scatter(firsts["p"], firsts["start"]))
        .alias("first_day")
    )


def _with_days(
    places: pl.DataFrame, tables: Tables, params: Parameters, until: dt.date | None = None
) -> pl.DataFrame:
    """The placements frame with ``first_day`` and the person's ``aow_day`` (see the above)."""
    aow = _aow_days(tables.registrations, params, until)
    return places.with_columns(_first_days(tables)).join(
        aow, on="person", how="left", maintain_order="left"
    )


def _stage(rows: pl.DataFrame) -> pl.DataFrame:
    """Add each row's :class:`~banenafspraak.rulesets.Stage` as ``years_employed, pension_age``.

    ``years_employed`` is :func:`~banenafspraak.rulesets.years_employed` from ``first_day`` to
    the pay period's ``start`` in columns: the years between, less one when the anniversary
    (29 February on 28 February in a common year, as pendulum adds years) comes after the
    start's day of the year. ``pension_age``: ``start`` is on or after ``aow_day``.
    """
    years, pension = _stage_on(pl.col("start"))
    return rows.with_columns(years_employed=years, pension_age=pension)


def _stage_on(start: pl.Expr) -> tuple[pl.Expr, pl.Expr]:
    """The stage of a pay period starting on ``start`` (see :func:`_stage`), as two expressions."""
    first = pl.col("first_day")

    def day_of_year(day: pl.Expr) -> pl.Expr:
        return day.dt.month().cast(pl.Int32) * 100 + day.dt.day().cast(pl.Int32)

    leap_day = 229
    anniversary = (
        pl.when((day_of_year(first) == leap_day) & ~start.dt.is_leap_year())
        .then(leap_day - 1)
        .otherwise(day_of_year(first))
    )
    years = (
        start.dt.year().cast(pl.Int32)
        - first.dt.year().cast(pl.Int32)
        - (anniversary > day_of_year(start)).cast(pl.Int32)
    )
    return (
        pl.when(first.is_null() | (start < first)).then(0).otherwise(years).cast(pl.Int32),
        (start >= pl.col("aow_day")).fill_null(value=False),
    )


class _FlatRows(Protocol):
    def __call__(self, indices: pl.Series, *, last: bool) -> list[dict[str, Any]]: ...


@attrs.frozen(kw_only=True)
class _Keyed:
    """Rows with their situation key and integer codes of the employers they may credit.

    ``rows`` has ``key, start, end, hours_e4`` and ``employer_c, hirer_c, buyer_c, supplier_c``
    (codes into ``ids``); ``flat_rows(indices, last)`` gives those rows as :func:`flatten` would,
    for the representatives of the situations (``last``: a collapsed row as its last pay period
    rather than its first; ``i_last``, where the rows have it, says which that is).
    """

    rows: pl.DataFrame
    ids: pl.Series
    flat_rows: _FlatRows

    @functools.cached_property
    def representatives(self) -> _Situations:
        """One pay period per situation, as the pure rules take it; made once per keyed rows.

        The keys in order of first appearance; each one's flat row; its placement and pay period
        with the layer of :class:`_Representatives` that holds its nouns; and each layer's
        scenario. The same for every rule set that decides these situations (:func:`_decide`).

        A situation of more than one row also gets a second representative, its last row (most
        often another placement's), with the first one's employers (:func:`_as_member_of`):
        :func:`_decide` asks the rule set about it too and refuses a rule set that answers the
        two differently.
        """
        # A collapsed row (one per placement, see _collapsed) stands for several pay periods:
        # its second representative is its last pay period.
        several = (
            pl.col("i_last") != pl.col("i")
            if "i_last" in self.rows.columns
            else pl.lit(value=False)
        )
        ends = (
            self.rows.select("key", several.alias("several"))
            .with_row_index("row")
            .group_by("key")
            .agg(
                pl.col("row").first(),
                pl.col("row").last().alias("last"),
                pl.col("several").last(),
            )
            .sort("row")
        )
        second = ends.with_row_index("n").filter(
            (pl.col("last") != pl.col("row")) | pl.col("several")
        )
        rows = self.flat_rows(ends["row"], last=False)
        seconds = self.flat_rows(second["last"], last=True)
        for n, row in zip(second["n"], seconds, strict=True):
            _as_member_of(row, rows[n], n)
        rows += seconds
        nouns = _Representatives()
        picked = [nouns.add(row) for row in rows]
        first = ends.height
        return _Situations(
            keys=ends["key"].to_list(),
            rows=rows[:first],
            picked=picked[:first],
            scenarios=nouns.scenarios(),
            seconds=list(zip(second["n"].to_list(), rows[first:], picked[first:], strict=True)),
        )


def _as_member_of(row: dict[str, Any], first: Mapping[str, Any], situation: int) -> None:
    """Give a second representative ``row`` the employers of the first one of its situation.

    The situation fixes the employers' kinds and sectors and which of them are the same, so the
    row stays a member of it, and it brings no employer nouns of its own (they are most of what a
    representative costs). Its contract keeps its own period and kind under an id of its own
    (one per situation).
    """
    for column in _ROLE_COLUMN.values():
        row[column] = first[column]
    if row["contract"] is not None:
        row["contract"] = f"{row['contract']} (second {situation})"


@attrs.frozen(kw_only=True)
class _Situations:
    """:attr:`_Keyed.representatives`.

    ``seconds``: per situation with a second representative, the situation's index in ``keys``,
    the second's flat row and its placement and pay period (as ``picked``).
    """

    keys: list[int]
    rows: list[dict[str, Any]]
    picked: list[tuple[int, Placement, PayPeriod]]
    scenarios: list[Scenario]
    seconds: list[tuple[int, dict[str, Any], tuple[int, Placement, PayPeriod]]]


def _key(frame: pl.DataFrame) -> pl.DataFrame:
    """Add the exact integer ``key`` of each row's situation (from ``_psit``, ``_ground`` etc.).

    The contract's part of the key says which days of the pay period the contract covers: none
    of them, all of them, or (a partial cover) the days before the first covered day, the days
    after the last one and the pay period's days, which fix the covered sub-interval relative to
    the pay period. Partial covers are numbered densely within the rows keyed together.
    """
    start = pl.col("start").cast(pl.Int32)
    end = pl.col("end").cast(pl.Int32)
    days = end - start + 1
    covered_from = pl.max_horizontal(start, pl.col("contract_start").cast(pl.Int32))
    covered_to = pl.min_horizontal(end, pl.col("contract_end").cast(pl.Int32))
    cover = (covered_to - covered_from + 1).clip(lower_bound=0)
    first_year = pl.col("start").dt.year()
    span = (pl.col("end").dt.year() - first_year).cast(pl.Int64)
    parts = frame.select(
        days.cast(pl.Int64).alias("_days"),
        cover.cast(pl.Int64).alias("_cover"),
        (covered_from - start).cast(pl.Int64).alias("_before"),
        (end - covered_to).cast(pl.Int64).alias("_after"),
        (first_year - 1900).clip(0, (1 << _YEAR_BITS) - 1).cast(pl.Int64).alias("_year"),
        span.alias("_span"),
    )
    if frame.height:
        longest, widest = parts.select(pl.col("_days").max(), pl.col("_span").max()).row(0)
        if longest > MAX_DAYS:  # pragma: no cover - the tables' checks refuse it first
            msg = f"a pay period longer than {MAX_DAYS} days cannot be counted by the batch engine"
            raise UnsupportedRuleSetError(msg)
        if widest >= 1 << _SPAN_BITS:
            msg = "a pay period spans too many calendar years for the batch engine's key"
            raise UnsupportedRuleSetError(msg)
        if frame["_psit"].max() >= _MAX_PLACEMENT_SITUATIONS:  # type: ignore[operator]  # pragma: no cover
            msg = "too many distinct placement situations for the batch engine's key"
            raise UnsupportedRuleSetError(msg)
    partial = (pl.col("_cover") > 0) & (pl.col("_cover") < pl.col("_days"))
    width = MAX_DAYS + 1
    which_days = (
        pl.when(partial)
        .then((pl.col("_before") * width + pl.col("_after")) * width + pl.col("_days"))
        .rank("dense")
    )
    parts = parts.with_columns(_which=which_days)
    if frame.height and (parts["_which"].max() or 0) >= (1 << _COVER_BITS) - 3:  # type: ignore[operator]  # pragma: no cover
        msg = "too many distinct partial contract covers for the batch engine's key"
        raise UnsupportedRuleSetError(msg)
    cover_code = (
        pl.when(pl.col("_cover").is_null())
        .then(0)
        .when(pl.col("_cover") == 0)
        .then(1)
        .when(pl.col("_cover") == pl.col("_days"))
        .then(2)
        .otherwise(2 + pl.col("_which").cast(pl.Int64))
    )
    key = pl.col("_psit").cast(pl.Int64)
    for value, bits in (
        (pl.col("_ground"), _GROUND_BITS),
        (pl.col("_year"), _YEAR_BITS),
        (pl.col("_span"), _SPAN_BITS),
    ):
        key = key * (1 << bits) + value
    key = key * (1 << _COVER_BITS) + cover_code
    parts = parts.with_columns(frame["_psit"], frame["_ground"])
    return frame.with_columns(parts.select(key.alias("key")).to_series())


def _placement_situation(*extra: str) -> pl.Expr:
    """A dense id of the placement's part of the situation (``extra``: more columns in it)."""
    return (
        pl.struct(
            *(pl.col(c) for c in extra),
            pl.col("kind"),
            pl.col("credited_to_hirer"),
            pl.col("emp_sector"),
            pl.col("emp_kind"),
            pl.col("hirer").is_not_null().alias("has_hirer"),
            pl.col("hirer_sector"),
            pl.col("hirer_kind"),
            pl.col("contract").is_not_null().alias("has_contract"),
            pl.col("contract_kind"),
            pl.col("buyer_sector"),
            pl.col("buyer_kind"),
            (pl.col("buyer") == pl.col("hirer")).alias("buyer_is_hirer"),
            (pl.col("buyer") == pl.col("employer")).alias("buyer_is_employer"),
            (pl.col("supplier") == pl.col("employer")).alias("supplier_is_employer"),
            (pl.col("supplier") == pl.col("hirer")).alias("supplier_is_hirer"),
        )
        .rank("dense")
        .cast(pl.Int64)
    )


_FLAT_PLACEMENT = (
    "placement",
    "person",
    "employer",
    "kind",
    "hirer",
    "credited_to_hirer",
    "contract",
    "employment_start",
    "emp_sector",
    "emp_kind",
    "hirer_sector",
    "hirer_kind",
    "buyer",
    "supplier",
    "contract_kind",
    "contract_start",
    "contract_end",
    "buyer_sector",
    "buyer_kind",
)
_FLAT_REGISTRATION = ("reg_ground", "reg_start", "reg_ceased", "reg_ended")
_FLAT_DAYS = ("first_day", "aow_day")
FLAT_COLUMNS = (*_FLAT_PLACEMENT, "start", "end", "hours_e4", *_FLAT_REGISTRATION, *_FLAT_DAYS)
"""The columns of a flat row (:func:`flatten`), the input of :func:`count_batch`."""


_HISTORY_COLUMNS = ("employer_history", "hirer_history", "buyer_history")


def _sector_years(tables: Tables) -> pl.DataFrame:
    """``employer, year, sector``: the sectors given per year (Regeling Wfsv 3.27)."""
    return tables.employer_years.filter(pl.col("sector").is_not_null()).select(
        "employer", "year", "sector"
    )


def _places(tables: Tables) -> pl.DataFrame:
    """One row per placement (in table order) with the employers' and contract's columns.

    An employer with sectors per year gets a ``history`` (``"2019=government;..."``) that is part
    of the placement's situation: with the pay period's year in the key, it fixes the sector of
    the year that the flat row carries (:func:`_gather_flat`).
    """
    history = (
        _sector_years(tables)
        .sort("employer", "year")
        .group_by("employer", maintain_order=True)
        .agg(
            pl.concat_str(pl.col("year").cast(pl.String), pl.lit("="), pl.col("sector"))
            .str.join(";")
            .alias("history")
        )
    )
    emp = (
        tables.employers.select("id", "sector", "kind")
        .with_row_index("code")
        .join(history, left_on="id", right_on="employer", how="left", maintain_order="left")
    )

    def employer_as(prefix: str, key: str) -> pl.DataFrame:
        return emp.select(
            pl.col("id").alias(key),
            pl.col("code").cast(pl.Int64).alias(f"{prefix}_c"),
            pl.col("sector").alias(f"{prefix}_sector"),
            pl.col("kind").alias(f"{prefix}_kind"),
            pl.col("history").alias(f"{prefix}_history"),
        )

    contracts = tables.contracts.select(
        pl.col("id").alias("contract"),
        "buyer",
        "supplier",
        pl.col("kind").alias("contract_kind"),
        pl.col("start").alias("contract_start"),
        pl.col("end").alias("contract_end"),
    )
    places = (
        tables.placements.rename({"id": "placement"})
        .with_row_index("p")
        .join(employer_as("employer", "employer"), on="employer", how="left")
        .join(employer_as("hirer", "hirer"), on="hirer", how="left")
        .join(contracts, on="contract", how="left")
        .join(employer_as("buyer", "buyer"), on="buyer", how="left")
        .join(
            employer_as("supplier", "supplier").select("supplier", "supplier_c"),
            on="supplier",
            how="left",
        )
        .rename({"employer_sector": "emp_sector", "employer_kind": "emp_kind"})
        .sort("p")
    )
    return places.with_columns(_psit=_placement_situation(*_HISTORY_COLUMNS))


def _row_frame(hours: pl.DataFrame, places: pl.DataFrame, regs: pl.DataFrame) -> pl.DataFrame:
    """Per pay period: the placement's columns and the registration that counts (``r``)."""
    p = hours["p"]
    r1 = places["r1"].gather(p)
    frame = pl.DataFrame(
        {
            "p": p,
            "i": hours["i"],
            "i_last": hours["i"],
            "start": hours["start"],
            "end": hours["end"],
            "hours_e4": hours["hours_e4"],
            "_psit": places["_psit"].gather(p),
            "contract_start": places["contract_start"].gather(p),
            "contract_end": places["contract_end"].gather(p),
            "employer_c": places["employer_c"].gather(p),
            "hirer_c": places["hirer_c"].gather(p),
            "buyer_c": places["buyer_c"].gather(p),
            "supplier_c": places["supplier_c"].gather(p),
            "_r1": r1,
            "_rs": regs["start"].gather(r1),
            "_re": regs["reg_end"].gather(r1),
        }
    )
    frame = frame.with_columns(
        r=pl.when(
            (pl.col("_rs") <= pl.col("end"))
            & (pl.col("_re").is_null() | (pl.col("_re") >= pl.col("start")))
        ).then(pl.col("_r1"))
    ).drop("_r1", "_rs", "_re")
    multi = places.filter(pl.col("n") > 1).select("p", "person")
    if multi.height:
        frame = frame.with_row_index("_row")
        found = (
            frame.join(multi, on="p")
            .select("_row", "person", "start", "end")
            .join(regs.select("person", "r", "start", "reg_end"), on="person", suffix="_reg")
            .filter(
                (pl.col("start_reg") <= pl.col("end"))
                & (pl.col("reg_end").is_null() | (pl.col("reg_end") >= pl.col("start")))
            )
            .sort("_row", "start_reg", "r")
            .unique("_row", keep="first")
            .select("_row", "r")
        )
        frame = frame.update(found, on="_row", how="left").drop("_row")
    return frame


def _collapsed(
    hours: pl.DataFrame, places: pl.DataFrame, regs: pl.DataFrame, measured: Period
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Placements whose pay periods all share one situation, as one row each; and the rest.

    ``hours`` are the pay periods that overlap the measured period. A placement collapses when
    all of them lie in the measured period and in one calendar year, it serves no contract, and
    one registration (or none) decides every one alike. They then have one key; ``i`` keeps a
    real one as representative, ``i_last`` the last one (a second representative).
    """
    first, last = measured.start, measured.end
    if hours["p"].is_sorted():  # the usual order: a placement's pay periods together
        hours = hours.with_columns(pl.col("p").set_sorted())
    spans = hours.group_by("p", maintain_order=True).agg(
        pl.col("start").min().alias("first_start"),
        pl.col("start").max().alias("last_start"),
        pl.col("end").min().alias("first_end"),
        pl.col("end").max().alias("last_end"),
        pl.col("hours_e4").sum(),
        pl.col("i").first(),
        pl.col("i").last().alias("i_last"),
    )
    p = spans["p"]
    r1 = places["r1"].gather(p)
    rs = regs["start"].gather(r1)
    re = regs["reg_end"].gather(r1)
    whole = spans.select(
        (pl.col("first_start") >= first)
        & (pl.col("last_end") <= last)
        & (pl.col("first_start").dt.year() == pl.col("last_end").dt.year())
    ).to_series()
    all_in = (rs <= spans["first_end"]) & (re.is_null() | (re >= spans["last_start"]))
    all_out = (rs > spans["last_end"]) | (re < spans["first_start"])
    no_reg = places["n"].gather(p).is_null()
    single = places["n"].gather(p) == 1
    uniform = (
        whole
        & places["contract_start"].gather(p).is_null()
        & (no_reg | (single & (all_in.fill_null(value=False) | all_out.fill_null(value=False))))
    ).fill_null(value=False)
    counted = spans.with_columns(
        r=pl.when(all_in.fill_null(value=False)).then(r1),
        _uniform=uniform,
    )
    simple = counted.filter(pl.col("_uniform"))
    sp = simple["p"]
    rows = pl.DataFrame(
        {
            "p": sp,
            "i": simple["i"],
            "i_last": simple["i_last"],
            "start": simple["first_start"],
            "end": simple["last_end"],
            "hours_e4": simple["hours_e4"],
            "_psit": places["_psit"].gather(sp),
            "contract_start": places["contract_start"].gather(sp),
            "contract_end": places["contract_end"].gather(sp),
            "employer_c": places["employer_c"].gather(sp),
            "hirer_c": places["hirer_c"].gather(sp),
            "buyer_c": places["buyer_c"].gather(sp),
            "supplier_c": places["supplier_c"].gather(sp),
            "r": simple["r"],
        }
    )
    per_placement = pl.Series(values=[False] * places.height, dtype=pl.Boolean).scatter(
        counted["p"], ~counted["_uniform"]
    )
    return rows, hours.filter(per_placement.gather(hours["p"]))


def _registrations(tables: Tables, params: Parameters) -> pl.DataFrame:
    """The registrations of the people with a placement, numbered ``r``, with their ends.

    Made once per tables and parameters (:func:`_registration_ends`). A national register
    holds about as many people without a placement as with one: their registrations decide
    nothing, so they are left out before the ends are worked out.
    """

    def made() -> pl.DataFrame:
        placed = tables.registrations.filter(
            pl.col("person").is_in(tables.placements["person"].unique().implode())
        )
        return _registration_ends(placed.with_row_index("r"), params, _last_day(tables))

    return tables.kept(f"registration ends {params.digest()}", made)


def _encode(
    tables: Tables, params: Parameters, measured: Period | None = None
) -> tuple[_Keyed, pl.DataFrame]:
    """Key the pay periods of ``tables``; also return the placements frame (for flattening).

    With a ``measured`` period, pay periods outside it are left out and placements whose pay
    periods share one situation are collapsed into one row (see :func:`_collapsed`); the rows
    then carry a ``collapsed`` flag. Without one, every pay period is a row.
    """
    places = tables.kept("places", lambda: _places(tables))  # the same for every period
    regs = _registrations(tables, params)
    per_person = regs.group_by("person").agg(pl.len().alias("n"), pl.col("r").first())
    places = places.join(per_person, on="person", how="left").sort("p")
    places = places.with_columns(r1=pl.when(pl.col("n") == 1).then(pl.col("r")))
    hours = tables.hours.with_row_index("i")
    if measured is None:
        frame = _row_frame(hours, places, regs).with_columns(collapsed=pl.lit(value=False))
    else:
        # A pay period outside the measured period adds nothing and decides nothing for the
        # others: only the ones that overlap it are keyed (a placement's first day, which the
        # ledger reads, is taken from all of its pay periods, see _first_days).
        inside = hours.filter((pl.col("start") <= measured.end) & (pl.col("end") >= measured.start))
        simple, rest = _collapsed(inside, places, regs, measured)
        frame = pl.concat(
            [
                simple.with_columns(collapsed=pl.lit(value=True)),
                _row_frame(rest, places, regs).with_columns(collapsed=pl.lit(value=False)),
            ],
            how="diagonal_relaxed",
        )
    ground_codes = regs.select(
        pl.col("ground").replace_strict(_GROUNDS, return_dtype=pl.Int64)
    ).to_series()
    frame = frame.with_columns(
        _ground=pl.when(pl.col("r").is_null())
        .then(0)
        .otherwise(ground_codes.gather(frame["r"].fill_null(0)) if regs.height else 0)
    )
    keyed = _key(frame).drop("_psit", "_ground", "contract_start", "contract_end")
    employers = tables.employers
    sectors = _sector_years(tables)

    def flat_rows(indices: pl.Series, *, last: bool) -> list[dict[str, Any]]:
        picked = keyed[indices]
        real = hours[picked["i_last" if last else "i"]]  # not tables.hours: kept with this
        picked = picked.with_columns(
            start=real["start"], end=real["end"], hours_e4=real["hours_e4"]
        )
        return _gather_flat(picked, places, regs, sectors).to_dicts()

    return _Keyed(rows=keyed, ids=employers["id"], flat_rows=flat_rows), places


def flatten(
    tables: Tables, *, parameters: ParametersArg = None, rules: str | RuleSet | None = None
) -> pl.DataFrame:
    """One flat row per pay period, with everything its situation needs (:data:`FLAT_COLUMNS`).

    The placement's columns, the employers' sector of the pay period's year (Regeling Wfsv 3.27)
    and kind (``emp_*``, ``hirer_*``, ``buyer_*``), the contract's (``buyer, supplier,
    contract_kind, contract_start, contract_end``), the pay period's (``start, end, hours_e4``)
    and the registration that counts for it (``reg_ground, reg_start, reg_ceased, reg_ended``;
    null when none does), chosen as the pure path chooses it: the earliest-starting registration
    that overlaps the pay period; and what a quotum instrument's ledger reads: the placement's
    ``first_day`` (``employment_start`` or its first pay period's start, over all its pay
    periods) and the day the person reaches the AOW age (``aow_day``, null without a date of
    birth). Flat rows are what :func:`count_batch` takes, partition by partition. ``rules``
    is needed only when ``parameters`` override a rule set's own tables.
    """
    params = _parameters(tables.parameters, parameters, None if rules is None else resolve(rules))
    keyed, places = _encode(tables, params)
    places = _with_days(places, tables, params)
    return _gather_flat(keyed.rows, places, _registrations(tables, params), _sector_years(tables))


def _gather_flat(
    rows: pl.DataFrame, places: pl.DataFrame, regs: pl.DataFrame, sectors: pl.DataFrame
) -> pl.DataFrame:
    """Flat rows from keyed rows (``p``, ``r``), the placements frame and the registrations.

    ``sectors`` (``employer, year, sector``) replaces an employer's sector by the one of the pay
    period's year where it is given (Regeling Wfsv 3.27: the sector is fixed per year).
    """
    r = rows["r"]
    columns: dict[str, pl.Series] = {
        name: places[name].gather(rows["p"]) for name in _FLAT_PLACEMENT
    }
    columns.update(start=rows["start"], end=rows["end"], hours_e4=rows["hours_e4"])
    for name, source in zip(
        _FLAT_REGISTRATION,
        ("ground", "start", "conditions_ceased", "ended_on_request"),
        strict=True,
    ):
        columns[name] = regs[source].gather(r).alias(name)
    columns.update({name: places[name].gather(rows["p"]) for name in _FLAT_DAYS if name in places})
    flat = pl.DataFrame(columns)
    if not sectors.height:
        return flat
    flat = flat.with_columns(_year=pl.col("end").dt.year().cast(pl.Int32))
    for key, column in (
        ("employer", "emp_sector"),
        ("hirer", "hirer_sector"),
        ("buyer", "buyer_sector"),
    ):
        given = sectors.select(
            pl.col("employer").alias(key),
            pl.col("year").alias("_year"),
            pl.col("sector").alias("_given"),
        )
        flat = (
            flat.join(given, on=[key, "_year"], how="left", maintain_order="left")
            .with_columns(pl.coalesce("_given", column).alias(column))
            .drop("_given")
        )
    return flat.drop("_year")


def _keyed_flat(frame: pl.DataFrame, *, ledger: bool = False) -> _Keyed:
    """Key flat rows (the distributed path: any partition of :func:`flatten`'s rows).

    With ``ledger``, the rows keep what the ledger reads: ``employer, person`` and the days.
    """
    missing = [c for c in FLAT_COLUMNS if c not in frame.columns]
    if missing:
        msg = f"flat rows lack the columns {missing}; build them with banenafspraak.batch.flatten"
        raise InvalidValueError(msg)
    ids = (
        pl.concat([frame[c] for c in ("employer", "hirer", "buyer", "supplier")])
        .drop_nulls()
        .unique()
        .sort()
    )
    codes = {name: i for i, name in enumerate(ids.to_list())}
    rows = frame.with_columns(
        _psit=_placement_situation(),
        _ground=pl.col("reg_ground").replace_strict(_GROUNDS, default=0, return_dtype=pl.Int64),
        **{
            f"{c}_c": pl.col(c).replace_strict(codes, default=None, return_dtype=pl.Int64)
            for c in ("employer", "hirer", "buyer", "supplier")
        },
    )
    keyed = _key(rows)
    kept = (
        ("employer", "person", *_FLAT_DAYS, pl.col("kind").alias("placement_kind"))
        if ledger
        else ()
    )
    return _Keyed(
        rows=keyed.select(
            "key",
            "start",
            "end",
            "hours_e4",
            "employer_c",
            "hirer_c",
            "buyer_c",
            "supplier_c",
            *kept,
        ),
        ids=ids,
        flat_rows=lambda indices, *, last: keyed[indices].select(FLAT_COLUMNS).to_dicts(),  # noqa: ARG005
    )


# -- decisions: the pure rule set, once per situation ---------------------------------------------


class _Representatives:
    """The pure nouns of representative flat rows, gathered into as few scenarios as possible.

    A scenario is validated as a whole; one per representative would cost more than the rule
    set itself. Representatives go into *layers*: within a layer each placement and each person
    appears once, so a layer is one valid scenario.
    """

    def __init__(self) -> None:
        self.kinds: dict[str, str] = {}
        self.sectors: dict[str, dict[int, str]] = {}
        self.layers: list[dict[str, dict[str, Any]]] = []

    def employer(self, ident: str, sector: str, kind: str, year: int) -> str:
        """Note an employer of a flat row: its kind, and its sector in the pay period's year."""
        self.kinds.setdefault(ident, kind)
        known = self.sectors.setdefault(ident, {}).setdefault(year, sector)
        if known != sector:
            msg = f"flat rows give employer {ident!r} two sectors in {year}: {known}, {sector}"
            raise InvalidValueError(msg)
        return ident

    def _employer_noun(self, ident: str) -> Employer:
        by_year = self.sectors[ident]
        return Employer(
            id=EmployerId(ident),
            sector=next(iter(by_year.values())),
            sector_by_year=by_year,
            kind=self.kinds[ident],
        )

    def add(self, row: Mapping[str, Any]) -> tuple[int, Placement, PayPeriod]:
        pay_period = PayPeriod(
            start=row["start"], end=row["end"], hours=Decimal(row["hours_e4"]).scaleb(-4)
        )
        placement = Placement(
            id=row["placement"],
            person=row["person"],
            employer=row["employer"],
            kind=row["kind"],
            hirer=row["hirer"],
            credited_to_hirer=bool(row["credited_to_hirer"]),
            contract=row["contract"],
            hours=(pay_period,),
            employment_start=row["employment_start"],
        )
        registrations: tuple[Registration, ...] = ()
        if row["reg_ground"] is not None:
            registrations = (
                Registration(
                    ground=row["reg_ground"],
                    start=row["reg_start"],
                    conditions_ceased=row["reg_ceased"],
                    ended_on_request=row["reg_ended"],
                ),
            )
        person = Person(id=row["person"], registrations=registrations)
        year = pay_period.end.year
        employers = [self.employer(row["employer"], row["emp_sector"], row["emp_kind"], year)]
        if row["hirer"] is not None:
            employers.append(
                self.employer(row["hirer"], row["hirer_sector"], row["hirer_kind"], year)
            )
        contract = None
        if row["contract"] is not None:
            employers.append(
                self.employer(row["buyer"], row["buyer_sector"], row["buyer_kind"], year)
            )
            contract = ProcurementContract(
                id=row["contract"],
                buyer=row["buyer"],
                supplier=row["supplier"],
                period=Period(start=row["contract_start"], end=row["contract_end"]),
                kind=row["contract_kind"],
            )
        index = self._layer_for(person, placement)
        layer = self.layers[index]
        layer["people"][person.id] = person
        layer["placements"][placement.id] = placement
        layer["employers"].update(dict.fromkeys(employers))
        if contract is not None:
            layer["contracts"][contract.id] = contract
        return index, placement, pay_period

    def _layer_for(self, person: Person, placement: Placement) -> int:
        """The first layer where the person (with these registrations) and placement fit."""
        for index, layer in enumerate(self.layers):
            known = layer["people"].get(person.id)
            if placement.id not in layer["placements"] and known in {None, person}:
                return index
        self.layers.append({"people": {}, "placements": {}, "employers": {}, "contracts": {}})
        return len(self.layers) - 1

    def scenarios(self) -> list[Scenario]:
        nouns = {e: self._employer_noun(e) for e in self.kinds}  # one noun for every layer
        return [
            Scenario(
                employers=tuple(nouns[e] for e in layer["employers"]),
                people=tuple(layer["people"].values()),
                placements=tuple(layer["placements"].values()),
                contracts=tuple(layer["contracts"].values()),
            )
            for layer in self.layers
        ]


def _role(credited_to: str | None, row: Mapping[str, Any], rules: RuleSet) -> int:
    if credited_to is None:
        return 0
    for role, column in _ROLE_COLUMN.items():
        if row[column] is not None and row[column] == credited_to:
            return role
    msg = (
        f"rule set {rules.name!r} credits placement {row['placement']!r} to {credited_to!r}, "
        "which is not its employer, hirer, or its contract's buyer or supplier: the batch engine "
        "cannot express that; use the pure path (banenafspraak.count_jobs)"
    )
    raise UnsupportedRuleSetError(msg)


_DECISION_SCHEMA = {
    "key": pl.Int64,
    "share": pl.Int32,
    "role": pl.Int8,
    "pool": pl.String,
    "excluded": pl.String,
    "fnum": pl.Int64,
    "fden": pl.Int64,
    "reasons": pl.String,
}


_Decision = tuple[int, str | None, str | None, Fraction, str]
"""One share of a situation's decision: role, pool, exclusion code, fraction, reason codes."""


def _decision(
    rules: RuleSet,
    row: Mapping[str, Any],
    picked: tuple[int, Placement, PayPeriod],
    contexts: Sequence[RuleContext],
) -> list[_Decision]:
    """The pure rule set's shares for one representative row, as roles."""
    layer, placement, pay_period = picked
    shares = rules.attribute(placement, pay_period, contexts[layer])
    total = sum((s.fraction for s in shares), Fraction(0))
    if total != 1:
        msg = (
            f"rule set {rules.name!r}: the shares of placement {row['placement']!r} add up "
            f"to {total}, not 1"
        )
        raise UnsupportedRuleSetError(msg)
    return [
        (
            _role(share.credited_to, row, rules),
            None if share.pool is None else share.pool.value,
            share.excluded_because.code if share.excluded_because else None,
            share.fraction,
            "|".join(r.code for r in share.reasons),
        )
        for share in shares
    ]


def _disagreement(
    rules: RuleSet,
    first: tuple[Mapping[str, Any], PayPeriod],
    second: tuple[Mapping[str, Any], PayPeriod],
) -> UnsupportedRuleSetError:
    """The error for a rule set that answers two pay periods of one situation differently."""
    (row, pay), (other, other_pay) = first, second
    msg = (
        f"rule set {rules.name!r} decides placement {row['placement']!r} (pay period "
        f"{pay.start}..{pay.end}) and placement {other['placement']!r} (pay period "
        f"{other_pay.start}..{other_pay.end}) differently, although they share one situation: "
        "it reads more of a pay period or its context than a rule may (see RuleSet.attribute); "
        "the batch engine would count one of them wrong, so it counts neither. Read only what the "
        "contract allows, or count with banenafspraak.count_jobs"
    )
    return UnsupportedRuleSetError(msg)


def _decide(keyed: _Keyed, rules: RuleSet, params: Parameters) -> pl.DataFrame:
    """The decision table: for every situation key, the pure rule set's shares as roles.

    Columns: ``key, share, role`` (index into :data:`ROLES`), ``pool`` (null when excluded),
    ``excluded`` (the reason code, or null), ``fnum, fden`` (the share of the hours) and
    ``reasons`` (the reason codes, ``|``-separated).

    A situation with a second representative (:attr:`_Keyed.representatives`) is decided for
    both; a rule set that answers them differently breaks the contract the engine relies on,
    and :func:`_disagreement` says so rather than count one of them wrong.

    Raises:
        UnsupportedRuleSetError: shares that do not add up to 1, a credit to an employer the
            row does not name, or two answers within one situation.
    """
    out: dict[str, list[Any]] = {c: [] for c in _DECISION_SCHEMA}
    situations = keyed.representatives
    contexts = [RuleContext(scenario=s, parameters=params) for s in situations.scenarios]
    decided = [
        _decision(rules, row, picked, contexts)
        for row, picked in zip(situations.rows, situations.picked, strict=True)
    ]
    for index, row, picked in situations.seconds:
        if _decision(rules, row, picked, contexts) != decided[index]:
            first = (situations.rows[index], situations.picked[index][2])
            raise _disagreement(rules, first, (row, picked[2]))
    for key, shares in zip(situations.keys, decided, strict=True):
        for index, (role, pool, excluded, fraction, reasons) in enumerate(shares):
            out["key"].append(key)
            out["share"].append(index)
            out["role"].append(role)
            out["pool"].append(pool)
            out["excluded"].append(excluded)
            out["fnum"].append(fraction.numerator)
            out["fden"].append(fraction.denominator)
            out["reasons"].append(reasons)
    return pl.DataFrame(out, schema=_DECISION_SCHEMA)


# -- the additive core ----------------------------------------------------------------------------


def _measured(year: int | None, period: Period | None) -> Period:
    if (year is None) == (period is None):
        msg = "give exactly one of year= or period="
        raise InvalidTypeError(msg)
    return period if period is not None else Period.year(year)  # type: ignore[arg-type]


def _as_frame(batch: object) -> pl.DataFrame:
    if isinstance(batch, pl.DataFrame):
        return batch
    frame = pl.from_arrow(batch)  # type: ignore[arg-type,unused-ignore]
    if not isinstance(frame, pl.DataFrame):  # pragma: no cover - a single column was given
        msg = f"expected a table, got {type(batch).__name__}"
        raise InvalidTypeError(msg)
    return frame


_DIMS = ("overlap", "days", "fnum", "fden")


def _inside(rows: pl.DataFrame, measured: Period) -> pl.DataFrame:
    """The rows that overlap ``measured``, with their pro-rata factor ``overlap/days``.

    A pay period wholly inside gets ``1/1``, so that most rows share one factor.
    """
    first, last = measured.start, measured.end
    days = (pl.col("end") - pl.col("start")).dt.total_days() + 1
    overlap = (
        pl.min_horizontal("end", pl.lit(last)) - pl.max_horizontal("start", pl.lit(first))
    ).dt.total_days() + 1
    whole = (pl.col("start") >= first) & (pl.col("end") <= last)
    return rows.filter((pl.col("start") <= last) & (pl.col("end") >= first)).with_columns(
        overlap=pl.when(whole).then(1).otherwise(overlap).cast(pl.Int64),
        days=pl.when(whole).then(1).otherwise(days).cast(pl.Int64),
    )


def _partial(
    rows: pl.DataFrame, ids: pl.Series, decisions: pl.DataFrame, measured: Period
) -> pl.DataFrame:
    """Sum the hours of keyed rows per pool, exclusion and credited employer (exact parts)."""
    inside = _inside(rows, measured)
    by_key = inside.group_by("key", "overlap", "days").agg(pl.col("hours_e4").sum())
    pools = (
        by_key.join(decisions.select("key", "pool", "excluded", "fnum", "fden"), on="key")
        .group_by("pool", "excluded", *_DIMS)
        .agg(pl.col("hours_e4").sum())
        .select(
            pl.when(pl.col("pool").is_null())
            .then(pl.lit("excluded"))
            .otherwise(pl.lit("pool"))
            .alias("target_kind"),
            pl.coalesce("pool", "excluded").alias("target"),
            *_DIMS,
            "hours_e4",
        )
    )
    parts = [pools]
    for role, column in _ROLE_COLUMN.items():
        shares = decisions.filter(pl.col("role") == role).select(
            "key", "fnum", "fden", pl.col("pool").is_not_null().alias("counted")
        )
        if not shares.height:
            continue
        code = f"{column}_c"
        credited = (
            inside.filter(pl.col("key").is_in(shares["key"].unique().implode()))
            .group_by("key", code, "overlap", "days")
            .agg(pl.col("hours_e4").sum())
            .join(shares, on="key")
            .group_by(pl.col(code).alias("code"), "counted", *_DIMS)
            .agg(pl.col("hours_e4").sum())
        )
        parts.append(
            credited.select(
                pl.lit("credit").alias("target_kind"),
                ids.gather(credited["code"]).alias("target"),
                "counted",
                *_DIMS,
                "hours_e4",
            )
        )
    return pl.concat([p.select(_partial_columns(p)) for p in parts])


def _partial_columns(frame: pl.DataFrame) -> list[pl.Expr]:
    """The columns of :data:`PARTIAL_SCHEMA` from ``frame`` (null where it lacks one)."""
    return [
        (pl.col(c) if c in frame.columns else pl.lit(None)).cast(t).alias(c)
        for c, t in PARTIAL_SCHEMA.items()
    ]


def _formal(
    rows: pl.DataFrame, by: Sequence[str], counted: pl.DataFrame, measured: Period
) -> pl.DataFrame:
    """The counted hours per ``by`` (the formal employer and the person) and stage.

    ``rows`` are keyed rows, one per pay period, with ``first_day``, ``aow_day``,
    ``placement_kind`` and the ``by`` columns. Returns ``*by, years_employed, pension_age,
    placement_kind, overlap, days, fnum, fden, hours_e4``: the hours that add to a pool, in
    exact parts as the other partials. The formal employer holds all of a pay period's counted
    hours, whichever employers they are credited to: the shares that add to a pool are taken
    together first (``fnum / fden`` is their sum), so two laws that count the same hours give
    the same parts however they share them out.
    """
    wanted = rows.filter(pl.col("key").is_in(counted["key"].implode()))
    staged = _stage(_inside(wanted, measured))
    return (
        staged.group_by(*by, *STAGE_COLUMNS, "key", "overlap", "days")
        .agg(pl.col("hours_e4").sum())
        .join(counted, on="key")
        .group_by(*by, *STAGE_COLUMNS, *_DIMS)
        .agg(pl.col("hours_e4").sum())
    )


def _counted_share(decisions: pl.DataFrame) -> pl.DataFrame:
    """``key, fnum, fden``: per situation, the share of its hours that adds to a pool (reduced)."""
    shares: dict[int, Fraction] = {}
    for key, fnum, fden in (
        decisions.filter(pl.col("pool").is_not_null()).select("key", "fnum", "fden").iter_rows()
    ):
        shares[key] = shares.get(key, 0) + Fraction(fnum, fden)
    return pl.DataFrame(
        {
            "key": list(shares),
            "fnum": [share.numerator for share in shares.values()],
            "fden": [share.denominator for share in shares.values()],
        },
        schema={"key": pl.Int64, "fnum": pl.Int64, "fden": pl.Int64},
    ).sort("key")


def _formal_partial(formal: pl.DataFrame) -> pl.DataFrame:
    """:func:`_formal`'s sums (by ``employer, person``) as partial rows of kind ``formal``."""
    named = formal.rename({"employer": "target"}).with_columns(target_kind=pl.lit("formal"))
    return named.select(_partial_columns(named))


def count_batch(
    batch: object,
    *,
    rules: str | RuleSet | None = None,
    year: int | None = None,
    period: Period | None = None,
    parameters: ParametersArg = None,
    ledger: bool = False,
) -> pl.DataFrame:
    """The additive core: the partial result of one batch of flat rows (see :func:`flatten`).

    ``batch`` is a polars data frame, an Arrow table or an Arrow record batch of flat rows. The
    partials of any split of the rows add up (:func:`combine`) to the partial of all of them;
    :func:`finish` makes the exact result. ``parameters`` must be the ones the rows were
    flattened with. With ``ledger`` (a calendar year), the partial also holds the counted hours
    per formal employer, person and stage, from which :func:`finish` makes the year's
    :class:`~banenafspraak.rulesets.Ledger` (what every quotum instrument reads). Without
    ``rules``, the law in force at the end of the period under ``parameters``
    (:func:`rules_for`).
    """
    measured = _measured(year, period)
    rule_set = rules_for({}, measured, parameters, rules)
    params = _parameters({}, parameters, rule_set)
    keyed = _keyed_flat(_as_frame(batch), ledger=ledger)
    decisions = _decide(keyed, rule_set, params)
    partial = _partial(keyed.rows, keyed.ids, decisions, measured)
    if not ledger:
        return partial
    _calendar_year(measured)
    formal = _formal(keyed.rows, ("employer", "person"), _counted_share(decisions), measured)
    return pl.concat([partial, _formal_partial(formal)])


def _calendar_year(measured: Period) -> int:
    if not measured.is_calendar_year():
        msg = f"a quotum is assessed over a calendar year, not {measured}"
        raise InvalidValueError(msg, field="period", value=str(measured), expected="a year")
    return measured.end.year


def decide(
    batch: object, *, rules: str | RuleSet, parameters: ParametersArg = None
) -> pl.DataFrame:
    """The decision table of a batch of flat rows: per situation key, the pure rule set's shares.

    ``rules`` is named: a decision table has no period to find the law in force by.

    Columns ``key, share, role`` (index into :data:`ROLES`), ``pool``, ``excluded``,
    ``fnum, fden`` (the share of the hours) and ``reasons`` (the reason codes, ``|``-separated).
    """
    rule_set = resolve(rules)
    params = _parameters({}, parameters, rule_set)
    return _decide(_keyed_flat(_as_frame(batch)), rule_set, params)


def combine(partials: Iterable[pl.DataFrame | Any]) -> pl.DataFrame:
    """Add partial results up (Arrow tables or polars frames)."""
    frames = [_as_frame(p).cast(PARTIAL_SCHEMA) for p in partials]  # type: ignore[arg-type]
    if not frames:
        return pl.DataFrame(schema=PARTIAL_SCHEMA)
    return (
        pl.concat(frames)
        .group_by(*_PARTIAL_KEYS)
        .agg(pl.col("hours_e4").sum())
        .select(*PARTIAL_SCHEMA)
    )


def _exact(hours_e4: int, overlap: int, days: int, fnum: int, fden: int) -> Fraction:
    return Fraction(hours_e4 * overlap * fnum, HOURS_SCALE * days * fden)


def _exact_sums(parts: pl.DataFrame, keys: Sequence[str]) -> pl.DataFrame:
    """Exact hours per ``keys`` as ``num / den`` (``den`` in ten-thousandths), few rows per key.

    The parts (``hours_e4 x overlap x fnum / (days x fden)``) are added up in polars per
    denominator, in 128-bit integers; a key has one row per distinct denominator (usually one).
    """
    return parts.group_by(
        *keys, (pl.col("days") * pl.col("fden")).cast(pl.Int128).alias("den")
    ).agg(
        (
            pl.col("hours_e4").cast(pl.Int128)
            * pl.col("overlap").cast(pl.Int128)
            * pl.col("fnum").cast(pl.Int128)
        )
        .sum()
        .alias("num")
    )


def _exact_per_key(sums: pl.DataFrame, width: int) -> dict[tuple[Any, ...], Fraction]:
    """Exact hours per key from rows of ``*key, den, num``, as :func:`_exact_sums` gives them.

    The key is the first ``width`` columns, ``den`` is in ten-thousandths of an hour; the keys
    come in the order of their first row (:func:`~banenafspraak.batch._exact.exact_per_key`).
    """
    keys, (den, num) = sums.columns[:width], sums.columns[width : width + 2]
    return exact_per_key(sums, keys, den, num)


_NONZERO = (pl.col("hours_e4") > 0) & (pl.col("fnum") > 0)
"""The parts that add to a sum: never negative, so the zero ones are dropped first."""


def _ledger(year: int, credit: pl.DataFrame, formal: Callable[[], FormalColumns]) -> Ledger:
    """The year's :class:`~banenafspraak.rulesets.Ledger` from the partial's credit rows.

    The same as :func:`banenafspraak.counting.ledger_of` gives from the pure attributions: sums
    that are zero are left out (the parts are never negative, so zero parts are dropped first).
    The rows come sorted from polars, in the order of the ledger's maps. The hours per formal
    employer and person (``formal`` makes their columns, see :func:`_formal_columns`) are made
    when an instrument first reads them, as maps or through the ledger's queries: the 2015
    quotum never does.
    """
    credited: dict[EmployerId, Fraction] = {}
    credited_counted: dict[EmployerId, Fraction] = {}
    sums = _exact_sums(credit.filter(_NONZERO), ("target", "counted")).sort("target")
    exact = _exact_per_key(sums.select("target", "counted", "den", "num"), 2)
    for (target, counted), hours in exact.items():
        credited[target] = credited[target] + hours if target in credited else hours
        if counted:
            credited_counted[target] = hours
    queries = DeferredFormal(formal)
    return Ledger(
        year=year,
        credited=FrozenMap.of_sorted(credited),
        credited_counted=FrozenMap.of_sorted(credited_counted),
        formal=FrozenMap.deferred(lambda: queries.columns().maps()),
        formal_queries=queries,
    )


def _formal_columns(formal: pl.DataFrame) -> FormalColumns:
    """The hours per formal employer, person and stage from the formal rows, in columns."""
    sums = _exact_sums(formal.filter(_NONZERO), ("target", "person", *STAGE_COLUMNS)).sort(
        "target", "person", *STAGE_COLUMNS, "den"
    )
    return FormalColumns(sums)


def _shared(
    tables: Tables,
    params: Parameters,
    period: Period,
    counted: pl.DataFrame,
    formal: Callable[[], FormalColumns],
) -> FormalColumns:
    """The hours per formal employer and person, shared by the counts that count alike.

    Counts of the same tables, parameters and period share their situations (:func:`count_jobs`);
    two rule sets whose situations add the same share of their hours to a pool (``counted``, see
    :func:`_counted_share`) have the same hours at every formal employer: the laws of a
    comparison that share the same hours out differently. The last ones made are kept with the
    tables and given to a count with an equal ``counted``, with their maps and the answers to
    the ledger's queries once made.
    """
    return kept_for_equal(tables, ("formal hours", params.digest(), str(period)), counted, formal)


@attrs.frozen(kw_only=True, eq=False)
class BatchCount:
    """A :func:`banenafspraak.count_jobs` result, computed by the batch engine.

    The totals compare equal (``==``) to the pure path's: ``pools``, ``employers``,
    ``input_hours``, ``counted_hours``, ``excluded_hours`` and ``monitoring``; for a calendar
    year, :attr:`ledger` equals :func:`banenafspraak.counting.ledger_of` of the pure count. Per
    placement, :meth:`reason_codes` gives the compact codes of every pay period, and
    :meth:`explain` expands them by running the pure path on that placement alone.
    """

    rules: str
    period: Period
    pools: FrozenMap[Pool, Tally]
    excluded: FrozenMap[str, Fraction]
    input_hours: Fraction
    counted_hours: Fraction
    excluded_hours: Fraction
    monitoring: tuple[Monitoring, ...]
    credits: pl.DataFrame = attrs.field(repr=False)
    unit: Fraction
    rows: pl.DataFrame | None = attrs.field(default=None, repr=False)
    decisions: pl.DataFrame | None = attrs.field(default=None, repr=False)
    tables: Tables | None = attrs.field(default=None, repr=False)
    parameters: Parameters | None = attrs.field(default=None, repr=False)
    formal: pl.DataFrame | None = attrs.field(default=None, repr=False)
    warnings: tuple[str, ...] = ()
    """Where the answer is plausible but may be empty or assumed, as the pure count's
    (:func:`banenafspraak.counting.count_warnings`): no hours in the period although the tables
    have pay periods (known only to :func:`count_jobs`, which has the tables), a target carried
    past its last year."""

    @functools.cached_property
    def ledger(self) -> Ledger:
        """The year's :class:`~banenafspraak.rulesets.Ledger`: what every quotum instrument reads.

        Computed from the kept rows (a count of :func:`count_jobs`), or from the partial's formal
        rows (counted with ``ledger=True``, see :func:`count_batch`).

        Raises:
            ValueError: the measured period is not a calendar year.
            LookupError: the result was combined from partials counted without the ledger.
        """
        year = _calendar_year(self.period)
        given = self.formal
        if given is not None:
            return _ledger(year, self.credits, lambda: _formal_columns(given))
        rows, decisions, tables = self.rows, self.decisions, self.tables
        if rows is None or decisions is None or tables is None:
            msg = (
                "this result was combined from partials counted without the ledger: count "
                "with ledger=True to assess the quotum"
            )
            raise OutOfRangeError(msg, field="ledger")
        params, period = self.parameters or default_parameters(), self.period

        def formal() -> FormalColumns:
            counted = _counted_share(decisions)
            return _shared(
                tables,
                params,
                period,
                counted,
                lambda: _formal_columns(_formal_from_rows(rows, counted, tables, params, period)),
            )

        return _ledger(year, self.credits, formal)

    @functools.cached_property
    def employers(self) -> FrozenMap[EmployerId, Tally]:
        """Hours and jobs credited to each employer (exact), as the pure ``JobCount.employers``."""
        sums = _exact_sums(self.credits, ("target",)).select("target", "den", "num")
        return FrozenMap(
            {
                EmployerId(target): Tally(hours=hours, jobs=hours / self.unit)
                for (target,), hours in _exact_per_key(sums, 1).items()
            }
        )

    @functools.cached_property
    def receipt(self) -> Receipt:
        """What makes the result reproducible (the input is identified by :meth:`Tables.digest`)."""
        rules = resolve(self.rules)
        return Receipt(
            library_version=__version__,
            rules=rules.name,
            rules_version=rules.version,
            parameters_digest=(self.parameters or default_parameters()).digest(),
            scenario_digest=self.tables.digest() if self.tables is not None else "combined",
            period=str(self.period),
        )

    def monitoring_of(self, pool: Pool | str) -> Monitoring:
        """The monitoring line of one pool."""
        wanted = Pool(pool)
        for line in self.monitoring:
            if line.pool is wanted:
                return line
        msg = f"{self.rules} counts no pool {wanted}"
        raise NotFoundError(msg)

    def reason_codes(self, placement_id: str) -> pl.DataFrame:
        """The compact explanation of one placement, per pay period and share.

        For the pay periods in the measured period: whom the share is credited to, the pool or
        the exclusion, the share and the reason codes.
        """
        if self.rows is None or self.decisions is None or self.tables is None:
            msg = "this result was combined from partials: it keeps no rows to explain"
            raise OutOfRangeError(msg)
        index = self.tables.placements["id"].index_of(placement_id)
        if index is None:
            msg = f"no placement {placement_id!r}"
            raise NotFoundError(msg)
        own = self.rows.filter(pl.col("p") == index)
        collapsed = own.filter(pl.col("collapsed"))
        if collapsed.height:  # one key for every pay period of the placement
            own = (
                self.tables.hours.filter(pl.col("p") == index)
                .select("p", "start", "end", "hours_e4")
                .with_columns(key=pl.lit(collapsed["key"][0], dtype=pl.Int64))
            )
        return (
            own.filter((pl.col("start") <= self.period.end) & (pl.col("end") >= self.period.start))
            .with_columns(placement=pl.lit(placement_id))
            .select("placement", "start", "end", "hours_e4", "key")
            .join(self.decisions, on="key")
            .sort("start", "share")
            .select(
                "placement",
                "start",
                "end",
                (pl.col("hours_e4").cast(pl.Decimal(38, 4)) / HOURS_SCALE).alias("hours"),
                pl.col("role").replace_strict(dict(enumerate(ROLES)), return_dtype=pl.String),
                "pool",
                "excluded",
                "fnum",
                "fden",
                "reasons",
            )
        )

    def explain(self, placement_id: str) -> str:
        """The full explanation of one placement, by the pure path (the reference)."""
        if self.tables is None:
            msg = "this result keeps no tables: explain with the pure path on the scenario"
            raise OutOfRangeError(msg)
        scenario = self.tables.to_scenario([placement_id])
        count = pure_count_jobs(
            scenario, rules=self.rules, period=self.period, parameters=self.parameters
        )
        return count.explain(placement_id)


def finish(
    partial: object,
    *,
    rules: str | RuleSet | None = None,
    year: int | None = None,
    period: Period | None = None,
    parameters: ParametersArg = None,
    baseline: Baseline | None = None,
    ledger: bool = False,
) -> BatchCount:
    """The exact result from the (combined) partial of all rows.

    With ``ledger``, the partials were counted with ``ledger=True`` and the result has a
    :attr:`BatchCount.ledger`. Without ``rules``, the law in force at the end of the period
    under ``parameters`` (:func:`rules_for`), as :func:`count_batch` chose it.
    """
    measured = _measured(year, period)
    rule_set = rules_for({}, measured, parameters, rules)
    params = _parameters({}, parameters, rule_set)
    unit = job_unit(measured, params)
    summed = combine([partial])
    pools_hours: dict[Pool, Fraction] = dict.fromkeys(rule_set.pools, Fraction(0))
    excluded: dict[str, Fraction] = {}
    for kind, target, overlap, days, fnum, fden, e4 in (
        summed.filter(pl.col("target_kind").is_in(["pool", "excluded"]))
        .select("target_kind", "target", *_DIMS, "hours_e4")
        .iter_rows()
    ):
        exact = _exact(e4, overlap, days, fnum, fden)
        if kind == "pool":
            pool = Pool(target)
            pools_hours[pool] = pools_hours.get(pool, Fraction(0)) + exact
        else:
            excluded[target] = excluded.get(target, Fraction(0)) + exact
    pools = {pool: Tally(hours=h, jobs=h / unit) for pool, h in pools_hours.items()}
    counted = sum(pools_hours.values(), Fraction(0))
    excluded_total = sum(excluded.values(), Fraction(0))
    return BatchCount(
        rules=rule_set.name,
        period=measured,
        pools=FrozenMap(pools),
        excluded=FrozenMap(excluded),
        input_hours=counted + excluded_total,
        counted_hours=counted,
        excluded_hours=excluded_total,
        monitoring=monitor(rule_set, measured, pools, baseline or Baseline(), params),
        credits=summed.filter(pl.col("target_kind") == "credit"),
        unit=unit,
        parameters=params,
        formal=summed.filter(pl.col("target_kind") == "formal") if ledger else None,
        warnings=period_warnings(range(0), measured, counted + excluded_total, params),
    )


def _formal_from_rows(
    rows: pl.DataFrame,
    counted: pl.DataFrame,
    tables: Tables,
    params: Parameters,
    measured: Period,
) -> pl.DataFrame:
    """The formal rows of the ledger from :func:`count_jobs`' kept rows (keyed by placement).

    ``counted`` is the share of each situation's hours that adds to a pool (:func:`_counted_share`).
    A collapsed row stands for all pay periods of its placement in the measured period, inside
    one year; it keeps one stage when the stage is the same on its first and its last day (a
    stage only grows), and is taken apart into its pay periods otherwise. A placement's first
    day comes from all of its pay periods (:func:`_first_days`). Sums per placement first, then
    per employer and person.
    """
    placements = tables.placements
    aow = _aow_days(tables.registrations, params, measured.end)
    per_placement = placements.select("person").join(
        aow, on="person", how="left", maintain_order="left"
    )
    first_day = _first_days(tables)
    single = rows.filter(~pl.col("collapsed"))
    keys = counted["key"].implode()

    kinds = placements["kind"].alias("placement_kind")

    def with_days(frame: pl.DataFrame) -> pl.DataFrame:
        p = frame["p"]
        return frame.with_columns(
            first_day.gather(p), per_placement["aow_day"].gather(p), kinds.gather(p)
        )

    collapsed = with_days(rows.filter(pl.col("collapsed") & pl.col("key").is_in(keys)))
    at_start, at_end = _stage_on(pl.col("start")), _stage_on(pl.col("end"))
    uniform = (at_start[0] == at_end[0]) & (at_start[1] == at_end[1])
    parts = [
        with_days(single.filter(pl.col("key").is_in(keys))),
        collapsed.filter(uniform),
    ]
    mixed = collapsed.filter(~uniform)
    if mixed.height:
        hours = tables.hours.filter(pl.col("p").is_in(mixed["p"].implode()))
        parts.append(
            hours.select("p", "start", "end", "hours_e4").join(
                mixed.select("p", "key", "first_day", "aow_day", "placement_kind"), on="p"
            )
        )
    columns = ("p", "start", "end", "hours_e4", "key", "first_day", "aow_day", "placement_kind")
    per_pay_period = pl.concat([part.select(columns) for part in parts])
    by_placement = _formal(per_pay_period, ("p",), counted, measured)
    p = by_placement["p"]
    return (
        by_placement.with_columns(placements["employer"].gather(p), placements["person"].gather(p))
        .group_by("employer", "person", *STAGE_COLUMNS, *_DIMS)
        .agg(pl.col("hours_e4").sum())
        .rename({"employer": "target"})
    )


# -- single machine --------------------------------------------------------------------------------


def _chunks(rows: pl.DataFrame, size: int) -> Iterable[pl.DataFrame]:
    for offset in range(0, max(rows.height, 1), size):
        yield rows.slice(offset, size)


def count_jobs(
    tables: Tables,
    *,
    rules: str | RuleSet | None = None,
    year: int | None = None,
    period: Period | None = None,
    parameters: ParametersArg = None,
    progress: Progress | None = None,
    chunk_rows: int | None = None,
) -> BatchCount:
    """:func:`banenafspraak.count_jobs` on columnar tables: the same numbers, exactly.

    Args:
        tables: the input (:class:`Tables`).
        rules: a rule set name or object; every registered rule set works. Without it, the
            law in force at the end of the period under the tables' and the call's parameters
            (:func:`rules_for`), as the pure path chooses it.
        year: the measured calendar year (or give ``period``).
        period: any measured period.
        parameters: a :class:`Parameters` or overrides, as in the pure path.
        progress: called as ``progress(stage, done, total)`` while counting.
        chunk_rows: count in chunks of this many rows (the result is the same; the progress
            display is finer and the peak memory lower).
    """
    measured = _measured(year, period)
    rule_set = rules_for(tables.parameters, measured, parameters, rules)
    params = _parameters(tables.parameters, parameters, rule_set)
    report = progress or (lambda _stage, _done, _total: None)
    report("situations", 0, 1)
    keyed = _situations(tables, params, measured)
    rows = keyed.rows
    report("situations", 1, 1)
    decisions = _decide(keyed, rule_set, params)
    report("decide", 1, 1)
    size = chunk_rows or max(rows.height, 1)
    total = max(1, -(-rows.height // size))
    partials = []
    for done, chunk in enumerate(_chunks(rows, size), start=1):
        partials.append(_partial(chunk, keyed.ids, decisions, measured))
        report("count", done, total)
    result = finish(
        combine(partials),
        rules=rule_set,
        period=measured,
        parameters=params,
        baseline=tables.baseline,
    )
    return attrs.evolve(
        result,
        rows=rows.select("p", "start", "end", "hours_e4", "key", "collapsed"),
        decisions=decisions,
        tables=tables,
        warnings=period_warnings(_years(tables), measured, result.input_hours, params),
    )


def _years(tables: Tables) -> range:
    """The calendar years the pay periods cover (:attr:`banenafspraak.Scenario.years`)."""
    if not tables.hours.height:
        return range(0)
    first, last = tables.hours.select(pl.col("start").min(), pl.col("end").max()).row(0)
    return range(first.year, last.year + 1)


def _situations(tables: Tables, params: Parameters, measured: Period) -> _Keyed:
    """The rows of ``tables`` in ``measured``, keyed by situation (:func:`_encode`).

    The situations do not depend on the rule set: counts of the same tables, period and
    parameters under several rule sets (compare, the procurement report) key them once.
    """
    keyed, _places = tables.kept(
        ("situations", params.digest(), str(measured)), lambda: _encode(tables, params, measured)
    )
    return keyed


def decided(
    tables: Tables, rules: RuleSet, params: Parameters, measured: Period
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """What a count reads before it adds up: its rows and the rule set's decision table.

    The rows (``p, start, end, hours_e4, key, collapsed``) and decisions are those a
    :func:`count_jobs` result keeps; a report that reads only which hours count (durability)
    takes them without the count's sums.
    """
    keyed = _situations(tables, params, measured)
    rows = keyed.rows.select("p", "start", "end", "hours_e4", "key", "collapsed")
    return rows, _decide(keyed, rules, params)


def _receipt(rules: RuleSet, params: Parameters, tables: Tables, period: Period) -> Receipt:
    return Receipt(
        library_version=__version__,
        rules=rules.name,
        rules_version=rules.version,
        parameters_digest=params.digest(),
        scenario_digest=tables.digest(),
        period=str(period),
    )


def assess_quotum(
    tables: Tables,
    *,
    rules: str | RuleSet | None = None,
    year: int,
    parameters: ParametersArg = None,
    count: BatchCount | None = None,
) -> QuotumReport[QuotumResult]:
    """:func:`banenafspraak.assess_quotum` on columnar tables: the same results.

    The year is counted (or ``count`` is taken: a :func:`count_jobs` result of the same tables,
    rules and year, or a :func:`finish` result counted with ``ledger=True``), summed into the
    year's :class:`~banenafspraak.rulesets.Ledger`, and the rule set's own ``assess_quotum`` is
    asked once per employer of ``tables``, as the pure path asks it. Without ``rules``, the law
    in force at the end of ``year`` (:func:`rules_for`).
    """
    measured = Period.year(year)
    rule_set = rules_for(tables.parameters, measured, parameters, rules)
    params = _parameters(tables.parameters, parameters, rule_set)
    if count is None:
        count = count_jobs(tables, rules=rule_set, year=year, parameters=params)
    elif count.rules != rule_set.name or count.period != measured:
        msg = (
            f"the count is of {count.rules} over {count.period}, not of {rule_set.name} "
            f"over {measured}"
        )
        raise InvalidValueError(msg, field="count", value=count.rules)
    # the employers as one scenario, checked once per tables: every law of a comparison reads it
    scenario = tables.kept(
        "quotum scenario",
        lambda: Scenario(employers=tables.employer_objects(), parameters=tables.parameters),
    )
    report = assess_ledger(
        rule_set,
        count.ledger,
        scenario,
        params,
        receipt=_receipt(rule_set, params, tables, measured),
    )
    return attrs.evolve(report, count_warnings=count.warnings)


def compare(
    tables: Tables,
    *,
    rules: Sequence[str | RuleSet] | None = None,
    year: int,
    parameters: ParametersArg = None,
) -> dict[str, tuple[BatchCount, QuotumReport[QuotumResult]]]:
    """Count and assess the quotum under several rule sets (default: every registered one)."""
    from banenafspraak.rulesets import available_rule_sets  # noqa: PLC0415 - read when called

    chosen = [resolve(r) for r in (rules or available_rule_sets())]
    results: dict[str, tuple[BatchCount, QuotumReport[QuotumResult]]] = {}
    for rule_set in chosen:
        count = count_jobs(tables, rules=rule_set, year=year, parameters=parameters)
        quotum = assess_quotum(
            tables, rules=rule_set, year=year, parameters=parameters, count=count
        )
        results[rule_set.name] = (count, quotum)
    return results
