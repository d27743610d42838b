"""The four policy reports on the batch engine: the same results as :mod:`banenafspraak.reports`.

Each report's logic lives once, in :mod:`banenafspraak.reports`: which employer's sub-sector a job
belongs to, where a procurement share counts, how a spell is measured, how a trend is drawn. The
pure path feeds that logic one attribution at a time; this module feeds it the same facts summed
by the batch engine. It takes the engine's count (its rows, keyed by situation, and its decision
table per situation key), adds the columns a report needs, asks the report's own small pure
functions once per distinct situation (as the engine asks the rule set), and adds up exactly, in
whole ten-thousandths of an hour turned into :class:`~fractions.Fraction`. The result types are
those of the pure path, and every number compares equal (``==``) to it; only the receipts differ,
because the engine identifies its input by :meth:`Tables.digest`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from fractions import Fraction
from typing import Any

import attrs
import pendulum
import polars as pl

from banenafspraak._util import paused_gc
from banenafspraak.batch._engine import (
    BatchCount,
    ParametersArg,
    _exact_per_key,
    _parameters,
    _receipt,
    count_jobs,
    decided,
    rules_for,
)
from banenafspraak.batch._tables import Tables, kept_for_equal
from banenafspraak.counting import Tally, measured_period
from banenafspraak.employers import Employer, EmployerId
from banenafspraak.exceptions import InvalidValueError
from banenafspraak.parameters import Parameters
from banenafspraak.periods import Period
from banenafspraak.placements import PlacementKind
from banenafspraak.procurement import ContractId, ContractKind
from banenafspraak.reports.durability import (
    DurabilityReport,
    PlacementSpell,
    SpellStatus,
    check_horizon,
    data_window,
    durability_report,
    placement_spell,
)
from banenafspraak.reports.procurement import (
    Part,
    ProcurementReport,
    credit_class,
    procurement_report,
    procurement_rule_sets,
)
from banenafspraak.reports.subsectors import (
    Holder,
    SubsectorBasis,
    SubsectorMonitoring,
    resolve_basis,
    subsector_bucket,
    subsector_holder,
    subsector_report,
)
from banenafspraak.reports.trend import Trend, trend_report, trend_years
from banenafspraak.rulesets._protocol import RuleSet
from banenafspraak.sectors import Pool, Sector, Subsector

__all__ = ["durability", "procurement_jobs", "subsector_monitoring", "trend"]

_CREDITED_COLUMN = {1: "employer", 2: "hirer", 3: "buyer", 4: "supplier"}
"""The engine's roles (``ROLES``) as the columns of the employer a share is credited to."""


# -- shared steps ---------------------------------------------------------------------------------


def _ask(
    frame: pl.DataFrame,
    columns: Sequence[str],
    question: Callable[..., Any],
    name: str,
    dtype: Any,  # noqa: ANN401 - a polars data type
) -> pl.DataFrame:
    """Add column ``name``: ``question(*row)`` asked once per distinct value of ``columns``."""
    distinct = frame.select(columns).unique()
    answers = [question(*row) for row in distinct.iter_rows()]
    table = distinct.with_columns(pl.Series(name, answers, dtype=dtype))
    return frame.join(table, on=list(columns), how="left", nulls_equal=True)


def _in_period(rows: pl.DataFrame, measured: Period) -> pl.DataFrame:
    """The rows inside ``measured``, with the pro-rata factor ``overlap/days`` as the engine's."""
    first, last = measured.start, measured.end
    whole = (pl.col("start") >= first) & (pl.col("end") <= last)
    overlap = (
        pl.min_horizontal("end", pl.lit(last)) - pl.max_horizontal("start", pl.lit(first))
    ).dt.total_days() + 1
    days = (pl.col("end") - pl.col("start")).dt.total_days() + 1
    return rows.filter((pl.col("start") <= last) & (pl.col("end") >= first)).with_columns(
        overlap=pl.when(whole).then(1).otherwise(overlap).cast(pl.Int64),
        days=pl.when(whole).then(1).otherwise(days).cast(pl.Int64),
    )


def _rows(count: BatchCount) -> tuple[pl.DataFrame, pl.DataFrame, Tables]:
    """The count's rows and decision table, and its tables (a count of :func:`count_jobs`)."""
    if count.rows is None or count.decisions is None or count.tables is None:
        msg = "the count was combined from partials: a report needs a count of batch.count_jobs"
        raise InvalidValueError(msg)
    return count.rows, count.decisions, count.tables


def _with_placements(rows: pl.DataFrame, tables: Tables) -> pl.DataFrame:
    """Add the placement's ``employer, hirer, kind, contract`` and the contract's parties."""
    places = tables.placements.select("employer", "hirer", "kind", "contract")
    p = rows["p"]
    frame = rows.with_columns(*(places[c].gather(p) for c in places.columns))
    contracts = tables.contracts.select(
        pl.col("id").alias("contract"),
        "buyer",
        "supplier",
        pl.col("start").alias("contract_start"),
        pl.col("end").alias("contract_end"),
    )
    return frame.join(contracts, on="contract", how="left", maintain_order="left")


def _shares(rows: pl.DataFrame, decisions: pl.DataFrame) -> pl.DataFrame:
    """One row per row and decided share: ``pool``, ``fnum, fden`` and ``credited`` (an id)."""
    frame = rows.join(
        decisions.select("key", "share", "role", "pool", "fnum", "fden"), on="key", how="inner"
    )
    credited = pl.lit(None, dtype=pl.String)
    for role, column in _CREDITED_COLUMN.items():
        credited = pl.when(pl.col("role") == role).then(pl.col(column)).otherwise(credited)
    return frame.with_columns(credited=credited)


def _exact(
    frame: pl.DataFrame, by: Sequence[str], numerator: str, denominator: str
) -> dict[tuple[Any, ...], Fraction]:
    """Exact hours per ``by``: ``sum(hours_e4 x numerator x fnum / (days' denominator x fden))``.

    Every group of ``by`` present in ``frame`` gets a value, even a zero one.
    """
    den = (pl.col(denominator) * pl.col("fden")).cast(pl.Int128).alias("_den")
    num = (
        pl.col("hours_e4").cast(pl.Int128)
        * pl.col(numerator).cast(pl.Int128)
        * pl.col("fnum").cast(pl.Int128)
    )
    return _exact_per_key(frame.group_by(*by, den).agg(num.sum().alias("_num")), len(by))


def _tallies(hours: dict[tuple[Any, ...], Fraction], unit: Fraction) -> dict[Any, Tally]:
    return {
        (key[0] if len(key) == 1 else key): Tally(hours=h, jobs=h / unit)
        for key, h in hours.items()
    }


def _with_sector(frame: pl.DataFrame, tables: Tables, employer: str, year: str) -> pl.DataFrame:
    """Add ``sector`` and ``subsector`` of ``employer`` in ``year`` (values; null without one).

    Worked out once per distinct employer and year of ``frame``, then joined to its rows; the
    pure :class:`Employer` is asked once per distinct kind of answer.
    """
    base = tables.employers.select(
        pl.col("id").alias(employer), pl.col("sector").alias("_base"), pl.col("subsector")
    )
    given = tables.employer_years.filter(pl.col("sector").is_not_null()).select(
        pl.col("employer").alias(employer),
        pl.col("year").cast(pl.Int32).alias(year),
        pl.col("sector").alias("_given"),
    )
    frame = frame.with_columns(pl.col(year).cast(pl.Int32))
    joined = (
        frame.select(employer, year)
        .unique()
        .join(base, on=employer, how="left")
        .join(given, on=[employer, year], how="left")
    )

    def sector(base_sector: str | None, year_sector: str | None, subsector: str | None) -> str:
        if base_sector is None:
            return ""
        noun = Employer(
            id=EmployerId("x"),
            sector=base_sector,
            sector_by_year={2000: year_sector} if year_sector else {},
            subsector=subsector,
        )
        found = noun.subsector_in(2000)
        return f"{noun.sector_in(2000).value}|{'' if found is None else found.value}"

    asked = _ask(joined, ["_base", "_given", "subsector"], sector, "_answer", pl.String)
    parts = pl.col("_answer").str.split_exact("|", 1)
    answers = asked.select(
        employer,
        year,
        sector=pl.when(pl.col("_answer") != "").then(parts.struct.field("field_0")),
        subsector=pl.when(parts.struct.field("field_1") != "").then(parts.struct.field("field_1")),
    )
    return frame.join(
        answers, on=[employer, year], how="left", maintain_order="left", nulls_equal=True
    )


def _count(tables: Tables, rules: RuleSet, period: Period, params: Parameters) -> BatchCount:
    """The engine's count of ``tables`` under ``rules`` over ``period``, made once per tables.

    The reports of one set of tables ask for the same counts (the year of the sub-sectors is a
    year of the trend and one of the procurement report's rule sets): each is counted once and
    kept with the tables, which are frozen. A rule set that cannot be a key is counted anew.
    The tables keep the count without its reference to them, so that they hold no cycle:
    dropped, they are freed at once with everything they keep.
    """
    key = ("report count", rules, str(period), params.digest())
    try:
        hash(key)
    except TypeError:
        return count_jobs(tables, rules=rules, period=period, parameters=params)
    kept = tables.kept(
        key,
        lambda: attrs.evolve(
            count_jobs(tables, rules=rules, period=period, parameters=params), tables=None
        ),
    )
    return attrs.evolve(kept, tables=tables)


def check_count(
    count: BatchCount, tables: Tables, rules: RuleSet, period: Period, params: Parameters
) -> None:
    """A count passed in must be of the same rules, period, parameters and tables."""
    _, _, counted = _rows(count)
    if count.rules != rules.name or count.period != period:
        msg = (
            f"the count given is of {count.rules}, {count.period}; "
            f"this report needs {rules.name}, {period}"
        )
        raise InvalidValueError(msg)
    if (count.parameters or params).digest() != params.digest():
        msg = "the count given was made with other parameters than this report's"
        raise InvalidValueError(msg)
    if counted is not tables and counted.digest() != tables.digest():
        msg = "the count given is of other tables"
        raise InvalidValueError(msg)


# -- 1. sub-sector monitoring ---------------------------------------------------------------------


def subsector_monitoring(
    tables: Tables,
    *,
    rules: str | RuleSet | None = None,
    year: int,
    parameters: ParametersArg = None,
    basis: SubsectorBasis | str = SubsectorBasis.AUTO,
    count: BatchCount | None = None,
) -> SubsectorMonitoring:
    """:func:`banenafspraak.subsector_monitoring` on columnar tables: the same report.

    ``count`` may pass a :func:`count_jobs` result of the same tables, rules and year. Without
    ``rules``, the law in force at the end of ``year`` under the tables' parameters, as the
    pure report chooses it.
    """
    measured = Period.year(year)
    rule_set = rules_for(tables.parameters, measured, parameters, rules)
    params = _parameters(tables.parameters, parameters)
    if count is None:
        count = _count(tables, rule_set, measured, params)
    else:
        check_count(count, tables, rule_set, measured, params)
    rows, decisions, _ = _rows(count)
    chosen = resolve_basis(basis, rule_set)
    shares = _shares(_with_placements(_in_period(rows, measured), tables), decisions)
    # Regeling Wfsv 3.27: the employer's sector of the pay period's year, as the rule sets;
    # the rows summed per what decides their line and their exact sum
    holders = ("employer", "hirer", "kind", "credited", "pool", "pay_year")
    frame = (
        shares.filter(pl.col("pool").is_not_null())
        .with_columns(pay_year=pl.col("end").dt.year())
        .group_by(*holders, "overlap", "days", "fnum", "fden")
        .agg(pl.col("hours_e4").sum())
    )

    def holder(kind: str, credited: bool) -> str:  # noqa: FBT001 - a row of distinct values
        lends = PlacementKind(kind).lends_to_hirer
        return subsector_holder(chosen, lends_to_hirer=lends, credited=credited).value

    frame = _ask(
        frame.with_columns(_credited=pl.col("credited").is_not_null()),
        ["kind", "_credited"],
        holder,
        "_holder",
        pl.String,
    )
    frame = frame.with_columns(
        holder=pl.when(pl.col("_holder") == Holder.HIRER.value)
        .then(pl.col("hirer"))
        .when(pl.col("_holder") == Holder.CREDITED.value)
        .then(pl.col("credited"))
        .otherwise(pl.col("employer")),
    )
    frame = _with_sector(frame, tables, "holder", "pay_year")
    buckets: dict[str, Subsector | str] = {}

    def bucket(pool: str, sector: str | None, subsector: str | None) -> str:
        found = subsector_bucket(
            Pool(pool),
            None if sector is None else Sector(sector),
            None if subsector is None else Subsector(subsector),
        )
        label = found.value if isinstance(found, Subsector) else f"-{found}"
        buckets[label] = found
        return label

    frame = _ask(frame, ["pool", "sector", "subsector"], bucket, "bucket", pl.String)
    sums = _tallies(_exact(frame, ["bucket"], "overlap", "days"), count.unit)
    lines = frame.filter(~pl.col("bucket").str.starts_with("-"))
    employers = lines.group_by("bucket").agg(pl.col("holder").unique())
    return subsector_report(
        rules=rule_set,
        year=year,
        basis=chosen,
        parameters=params,
        sums={buckets[label]: tally for label, tally in sums.items()},
        employers={
            Subsector(label): tuple(sorted(EmployerId(e) for e in ids))
            for label, ids in employers.iter_rows()
        },
        government_pool=count.pools.get(Pool.GOVERNMENT),
        receipt=count.receipt,
    )


# -- 2. jobs carried by procurement ---------------------------------------------------------------


def _contract_rows(rows: pl.DataFrame, tables: Tables, measured: Period) -> pl.DataFrame:
    """The rows of placements serving a contract, with their days inside its period (>0).

    The same for every rule set: counts of one tables and period have equal rows (they share
    their situations, see :func:`~banenafspraak.batch.count_jobs`), so the last ones made for a
    period are kept with the tables and given to a count of that period with equal rows.
    """

    def made() -> pl.DataFrame:
        frame = _with_placements(
            rows.filter((pl.col("start") <= measured.end) & (pl.col("end") >= measured.start)),
            tables,
        ).filter(pl.col("contract").is_not_null())
        first = pl.max_horizontal("start", pl.lit(measured.start), "contract_start")
        last = pl.min_horizontal("end", pl.lit(measured.end), "contract_end")
        return frame.with_columns(
            inside=((last - first).dt.total_days() + 1).clip(lower_bound=0).cast(pl.Int64),
            days=((pl.col("end") - pl.col("start")).dt.total_days() + 1).cast(pl.Int64),
            year=pl.col("end").dt.year(),
        ).filter(pl.col("inside") > 0)

    return kept_for_equal(tables, ("contract rows", str(measured)), rows, made)


def _parts(count: BatchCount) -> list[Part]:
    """The shares of placements serving a contract, inside its period, summed alike."""
    rows, decisions, tables = _rows(count)
    frame = _shares(_contract_rows(rows, tables, count.period), decisions)
    frame = _ask(
        frame,
        ["credited", "buyer", "supplier"],
        credit_class,
        "credit",
        pl.String,
    )
    by = ["buyer", "contract", "pool", "credit", "year"]
    return [
        Part(
            buyer=EmployerId(buyer),
            contract=ContractId(contract),
            pool=None if pool is None else Pool(pool),
            credit=credit,
            year=year,
            tally=tally,
        )
        for (buyer, contract, pool, credit, year), tally in _tallies(
            _exact(frame, by, "inside", "days"), count.unit
        ).items()
    ]


def procurement_jobs(
    tables: Tables,
    *,
    rules: str | RuleSet | None = None,
    year: int | None = None,
    period: Period | None = None,
    parameters: ParametersArg = None,
    compare_with: Sequence[str | RuleSet] | None = None,
) -> ProcurementReport:
    """:func:`banenafspraak.procurement_jobs` on columnar tables: the same report."""
    measured = measured_period(year, period)
    chosen = rules_for(tables.parameters, measured, parameters, rules)
    rule_sets = procurement_rule_sets(chosen, compare_with)
    params = _parameters(tables.parameters, parameters)
    counts = [_count(tables, r, measured, params) for r in rule_sets]
    parts = [_parts(c) for c in counts]
    buyers = {part.buyer for of_rule_set in parts for part in of_rule_set}
    return procurement_report(
        rule_sets=rule_sets,
        period=measured,
        employers=sorted(  # the canonical order of ids, as the pure path's scenario keeps them
            tables.employer_objects(pl.Series(sorted(buyers), dtype=pl.String)),
            key=lambda e: e.id,
        ),
        kinds={
            ContractId(c): ContractKind(k)
            for c, k in tables.contracts.select("id", "kind").iter_rows()
        },
        parts=parts,
        receipts=[c.receipt for c in counts],
    )


# -- 3. durability --------------------------------------------------------------------------------


def _counted_pay_periods(
    rows: pl.DataFrame, decisions: pl.DataFrame, tables: Tables, measured: Period
) -> pl.DataFrame:
    """``p, start, end``: each pay period with hours that count in a pool.

    ``rows`` and ``decisions`` are those of a count of ``tables`` over ``measured``
    (:func:`decided`). A pay period is one row of the count (the tables' checks refuse a
    placement's repeated or overlapping pay periods), so none comes twice.
    """
    counting = decisions.filter(pl.col("pool").is_not_null() & (pl.col("fnum") > 0))["key"]
    collapsed = rows.filter(pl.col("collapsed")).select("p", "key")
    each = pl.concat(
        [
            rows.filter(~pl.col("collapsed")).select("p", "start", "end", "hours_e4", "key"),
            tables.hours.select("p", "start", "end", "hours_e4").join(collapsed, on="p"),
        ]
    )
    return each.filter(
        pl.col("key").is_in(counting.implode())
        & (pl.col("hours_e4") > 0)
        & (pl.col("start") <= measured.end)
        & (pl.col("end") >= measured.start)
    ).select("p", "start", "end")


def durability(
    tables: Tables,
    *,
    rules: str | RuleSet | None = None,
    parameters: ParametersArg = None,
    observed_until: object = None,
    horizon_months: int = 12,
) -> DurabilityReport:
    """:func:`banenafspraak.durability` on columnar tables: the same report."""
    check_horizon(horizon_months)
    hours = tables.hours
    first, last = (None, None) if not hours.height else (hours["start"].min(), hours["end"].max())
    observed = data_window(
        None if first is None else pendulum.instance(first),  # type: ignore[arg-type]
        None if last is None else pendulum.instance(last),  # type: ignore[arg-type]
        observed_until,
    )
    rule_set = rules_for(tables.parameters, observed, parameters, rules)
    # Only which pay periods count is read: the rule set's decisions, without the count's sums.
    params = _parameters(tables.parameters, parameters, rule_set)
    rows, decisions = decided(tables, rule_set, params, observed)
    periods = _counted_pay_periods(rows, decisions, tables, observed)
    # A spell runs from its first pay period's start to its last one's end, cut at the end of
    # the data; each pay period starts inside it and ends by its last day, so the days it covers
    # in the spell are those up to its own end or the end of the data, whichever comes first.
    inside = pl.min_horizontal("end", pl.lit(observed.end)) - pl.col("start")
    spells = (
        periods.group_by("p")
        .agg(
            pl.col("start").min().alias("first"),
            pl.col("end").max().alias("last"),
            (inside.dt.total_days() + 1).clip(lower_bound=0).sum().alias("covered"),
        )
        .sort("p")
    )
    places = tables.placements.select(pl.col("id").alias("placement"), "employer")
    spells = spells.with_columns(
        places["placement"].gather(spells["p"]),
        places["employer"].gather(spells["p"]),
        year=pl.col("first").dt.year(),
    )
    # the canonical order of ids, as the pure path keeps them
    spells = _with_sector(spells, tables, "employer", "year").sort("placement")
    with paused_gc():  # a spell per placement and a tally per employer: acyclic objects
        result = _spells(spells, observed, horizon_months)
        tallies = _employer_tallies(spells, result)
    return durability_report(
        rules=rule_set,
        observed=observed,
        horizon_months=horizon_months,
        spells=result,
        receipt=_receipt(rule_set, params, tables, observed),
        tallies=tallies,
    )


def _employer_tallies(
    frame: pl.DataFrame, spells: Sequence[PlacementSpell]
) -> list[tuple[tuple[int, Sector, EmployerId], tuple[list[int], list[int]]]]:
    """Per employer, the days and counts of its spells, in year, sector and employer order.

    ``spells`` are made from the rows of ``frame``, in its order; their days, running and
    status are put beside its year, sector and employer and grouped by polars (the tallies
    :func:`banenafspraak.reports.durability` makes from the spells, in the same order).
    """
    survived, ended = SpellStatus.SURVIVED, SpellStatus.ENDED
    groups = (
        frame.select("year", "sector", "employer")
        .with_columns(
            pl.Series("days", [spell.days for spell in spells], dtype=pl.Int64),
            pl.Series("running", [spell.running_at_end for spell in spells], dtype=pl.Int64),
            pl.Series("survived", [spell.status is survived for spell in spells], dtype=pl.Int64),
            pl.Series("ended", [spell.status is ended for spell in spells], dtype=pl.Int64),
        )
        .group_by("year", "sector", "employer")
        .agg(pl.col("days"), pl.col("running", "survived", "ended").sum())
        .sort("year", "sector", "employer")
    )
    sectors = {s.value: s for s in Sector}
    columns = ("year", "sector", "employer", "days", "running", "survived", "ended")
    return [
        ((year, sectors[sector], EmployerId(employer)), (days, [running, alive, gone]))
        for year, sector, employer, days, running, alive, gone in zip(
            *(groups[c].to_list() for c in columns), strict=True
        )
    ]


_EPOCH = dt.date(1970, 1, 1).toordinal()
"""The ordinal of polars' day 0: a date column's whole numbers are days since this day."""


def _spells(
    spells: pl.DataFrame, observed: Period, horizon_months: int
) -> tuple[PlacementSpell, ...]:
    """The spells of :func:`durability`'s frame, one per row in its order (that of the ids).

    The dates are read as polars keeps them, whole numbers of days, and each distinct day is
    made a date once (a national year has a few hundred, for hundreds of thousands of spells).
    """
    first, last = (spells[c].to_physical().to_list() for c in ("first", "last"))
    dates = {day: pendulum.Date.fromordinal(day + _EPOCH) for day in {*first, *last}}
    horizons = {day: dates[day].add(months=horizon_months) for day in set(first)}
    sectors = {s.value: s for s in Sector}
    return tuple(
        placement_spell(
            placement=placement,
            employer=employer,
            sector=sectors[sector],
            start=dates[start],
            last=dates[end],
            covered=covered_days,
            observed=observed,
            horizon=horizons[start],
        )
        for placement, employer, sector, start, end, covered_days in zip(
            *(spells[c].to_list() for c in ("placement", "employer", "sector")),
            first,
            last,
            spells["covered"].to_list(),
            strict=True,
        )
    )


# -- 4. trend over years --------------------------------------------------------------------------


def trend(
    tables: Tables,
    *,
    rules: str | RuleSet | None = None,
    years: Iterable[int] | None = None,
    parameters: ParametersArg = None,
    basis: SubsectorBasis | str = SubsectorBasis.AUTO,
) -> Trend:
    """:func:`banenafspraak.trend` on columnar tables: the same report."""
    hours = tables.hours
    first = None if not hours.height else hours["start"].dt.year().min()
    last = None if not hours.height else hours["end"].dt.year().max()
    wanted = trend_years(first, last, years)  # type: ignore[arg-type]
    rule_set = rules_for(tables.parameters, Period.year(wanted[-1]), parameters, rules)
    params = _parameters(tables.parameters, parameters)
    counts = []
    for year in wanted:
        count = _count(tables, rule_set, Period.year(year), params)
        report = subsector_monitoring(
            tables, rules=rule_set, year=year, parameters=params, basis=basis, count=count
        )
        counts.append((count.receipt, count.monitoring, report))
    return trend_report(rules=rule_set, years=wanted, counts=counts)
