"""The columnar engine: the pure rule sets, asked once per distinct situation.

A rule set's answer for one pay period of one placement depends on a small *situation*: the
placement's kind, the formal employer's sector and kind, the hirer's (if any), the agreement to
credit the hirer, the procurement contract's kind, buyer and how much of the pay period it covers,
the registration found for the pay period (its ground, or none), and the pay period's years. A
national year holds millions of pay periods but only hundreds or a few thousand situations.

The engine computes the situation of every row with column operations, takes one real row of
each distinct situation, asks the **pure** rule set (``rule_set.attribute``) what it decides for
that row, translates the answer into roles (credited to the formal employer, the hirer, the
contract's buyer or supplier, or nobody; pool; share of the hours; reason codes), joins the
decisions back onto the rows and adds up in whole ten-thousandths of an hour. The law lives in the
rule sets alone: the engine only groups and adds.

The core is additive: :func:`count_batch` turns any batch of flat rows into a small partial
table, partial tables of any split of the rows add up by :func:`combine`, and :func:`finish` turns
the sum into the exact result. That is what a distributed engine runs partition by partition.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Mapping, Sequence
from decimal import Decimal
from fractions import Fraction
from typing import Any

import attrs
import polars as pl

from banenafspraak._util import FrozenMap
from banenafspraak.baselines import Baseline
from banenafspraak.counting import Monitoring, QuotumReport, Receipt, Tally, parameters_for
from banenafspraak.counting import _monitor as monitor_pools
from banenafspraak.counting import assess_quotum as pure_assess_quotum
from banenafspraak.counting import count_jobs as pure_count_jobs
from banenafspraak.counting import job_unit
from banenafspraak._version import __version__
from banenafspraak.employers import Employer, EmployerId
from banenafspraak.exceptions import BanenafspraakError
from banenafspraak.parameters import Parameters
from banenafspraak.people import Ground, Person, Registration
from banenafspraak.periods import Period
from banenafspraak.placements import PayPeriod, Placement
from banenafspraak.procurement import ProcurementContract
from banenafspraak.rulesets import resolve
from banenafspraak.rulesets._protocol import Attribution, RuleContext, RuleSet
from banenafspraak.rulesets._shared import registration_end
from banenafspraak.scenario import Scenario
from banenafspraak.sectors import Pool

from banenafspraak.batch._tables import HOURS_SCALE, Tables

__all__ = [
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
    "overlap": pl.Int64,
    "days": pl.Int64,
    "fnum": pl.Int64,
    "fden": pl.Int64,
    "hours_e4": pl.Int64,
}
"""The partial result: hours (ten-thousandths) per pool, exclusion reason or credited employer,
per pro-rata factor ``overlap/days`` and share ``fnum/fden``. Partials add up by concatenation."""

_GROUNDS = {g.value: i for i, g in enumerate(Ground, start=1)}

# The columns of a placement that make up its part of the situation.
_PLACEMENT_SITUATION = (
    "kind",
    "credited_to_hirer",
    "emp_sector",
    "emp_kind",
    "has_hirer",
    "hirer_sector",
    "hirer_kind",
    "has_contract",
    "contract_kind",
    "buyer_sector",
    "buyer_kind",
    "buyer_is_hirer",
    "supplier_is_employer",
    "supplier_is_hirer",
)

# Bit layout of the situation key (an Int64): placement situation | ground | start year |
# year span | contract cover.
_COVER_BITS, _SPAN_BITS, _YEAR_BITS, _GROUND_BITS = 23, 3, 8, 5
_MAX_DAYS = 2047
_MAX_PLACEMENT_SITUATIONS = 1 << (63 - _COVER_BITS - _SPAN_BITS - _YEAR_BITS - _GROUND_BITS)


class UnsupportedRuleSetError(BanenafspraakError, NotImplementedError):
    """A rule set answered in a way the batch engine cannot express as roles and shares."""


# -- flat rows ------------------------------------------------------------------------------------


def _parameters(tables_parameters: Mapping[str, Any], parameters: ParametersArg) -> Parameters:
    """The parameters in force, by the pure rule (defaults, the data's overrides, the call's)."""
    return parameters_for(Scenario(parameters=tables_parameters), parameters)


def _registration_ends(registrations: pl.DataFrame, params: Parameters) -> pl.DataFrame:
    """Each registration with its last day, by the pure ``registration_end`` (once per kind)."""
    keys = ["ground", "conditions_ceased", "ended_on_request"]
    distinct = registrations.group_by(keys).agg(pl.col("start").min())
    ends = []
    for ground, ceased, ended, start in distinct.select(*keys, "start").iter_rows():
        first = min(d for d in (start, ceased, ended) if d is not None)
        registration = Registration(
            ground=ground, start=first, conditions_ceased=ceased, ended_on_request=ended
        )
        end, _how = registration_end(registration, params)
        ends.append(None if end is None else end.isoformat())
    table = distinct.select(keys).with_columns(
        pl.Series("reg_end", ends, dtype=pl.String).str.to_date("%Y-%m-%d")
    )
    return registrations.join(table, on=keys, how="left", nulls_equal=True)


def flatten(tables: Tables, *, parameters: ParametersArg = None) -> pl.DataFrame:
    """One flat row per pay period, with everything its situation needs.

    Columns: the placement's (``placement, person, employer, kind, hirer, credited_to_hirer,
    contract, employment_start``), the employers' sector and kind (``emp_*``, ``hirer_*``,
    ``buyer_*``), the contract's (``buyer, supplier, contract_kind, contract_start,
    contract_end``), the pay period's (``start, end, hours_e4``) and the registration that counts
    for it (``reg_ground, reg_start, reg_ceased, reg_ended``; null when none does), chosen as the
    pure path chooses it: the earliest-starting registration that overlaps the pay period.
    """
    params = _parameters(tables.parameters, parameters)
    emp = tables.employers.select("id", "sector", "kind")

    def employer_as(prefix: str, key: str) -> pl.DataFrame:
        return emp.rename({"id": key, "sector": f"{prefix}_sector", "kind": f"{prefix}_kind"})

    contracts = tables.contracts.select(
        pl.col("id").alias("contract"),
        "buyer",
        "supplier",
        pl.col("kind").alias("contract_kind"),
        pl.col("start").alias("contract_start"),
        pl.col("end").alias("contract_end"),
    )
    placements = (
        tables.placements.rename({"id": "placement"})
        .join(employer_as("emp", "employer"), on="employer", how="left")
        .join(employer_as("hirer", "hirer"), on="hirer", how="left")
        .join(contracts, on="contract", how="left")
        .join(employer_as("buyer", "buyer"), on="buyer", how="left")
    )
    rows = tables.hours.join(placements, on="placement", how="inner")
    regs = _registration_ends(
        tables.registrations.with_row_index("reg_order"), params
    ).rename(
        {
            "ground": "reg_ground",
            "start": "reg_start",
            "conditions_ceased": "reg_ceased",
            "ended_on_request": "reg_ended",
        }
    )
    reg_columns = ["reg_ground", "reg_start", "reg_ceased", "reg_ended"]
    overlaps = (pl.col("reg_start") <= pl.col("end")) & (
        pl.col("reg_end").is_null() | (pl.col("reg_end") >= pl.col("start"))
    )
    multi = regs.group_by("person").len().filter(pl.col("len") > 1).select("person")
    single = regs.join(multi, on="person", how="anti").select("person", *reg_columns, "reg_end")
    rows = rows.join(single, on="person", how="left").with_columns(
        [pl.when(overlaps).then(pl.col(c)).otherwise(None).alias(c) for c in reg_columns]
    )
    if multi.height:
        rows = rows.with_row_index("_row")
        candidates = (
            rows.filter(pl.col("person").is_in(multi["person"].implode()))
            .select("_row", "person", "start", "end")
            .join(regs.select("person", "reg_order", *reg_columns, "reg_end"), on="person")
            .filter(overlaps)
            .sort("_row", "reg_start", "reg_order")
            .unique("_row", keep="first")
            .select("_row", *reg_columns)
        )
        rows = rows.update(candidates, on="_row", how="left").drop("_row")
    return rows.drop("reg_end")


# -- situations and decisions ---------------------------------------------------------------------


def _with_keys(rows: pl.DataFrame) -> pl.DataFrame:
    """Add the situation key of every row (an exact packing of the situation's columns)."""
    days = (pl.col("end") - pl.col("start")).dt.total_days() + 1
    cover_first = pl.max_horizontal("start", "contract_start")
    cover_last = pl.min_horizontal("end", "contract_end")
    cover = ((cover_last - cover_first).dt.total_days() + 1).clip(lower_bound=0)
    situation = rows.with_columns(
        has_hirer=pl.col("hirer").is_not_null(),
        has_contract=pl.col("contract").is_not_null(),
        buyer_is_hirer=pl.col("buyer") == pl.col("hirer"),
        supplier_is_employer=pl.col("supplier") == pl.col("employer"),
        supplier_is_hirer=pl.col("supplier") == pl.col("hirer"),
        _days=days,
        _cover=cover,
    )
    if situation.height and situation["_days"].max() > _MAX_DAYS:  # type: ignore[operator]
        msg = f"a pay period longer than {_MAX_DAYS} days cannot be counted by the batch engine"
        raise UnsupportedRuleSetError(msg)
    psit = pl.struct(list(_PLACEMENT_SITUATION)).rank("dense").cast(pl.Int64)
    cover_code = (
        pl.when(pl.col("contract").is_null())
        .then(0)
        .when(pl.col("_cover") == 0)
        .then(1)
        .when(pl.col("_cover") == pl.col("_days"))
        .then(2)
        .otherwise(3 + pl.col("_cover") * (_MAX_DAYS + 1) + pl.col("_days"))
        .cast(pl.Int64)
    )
    ground = pl.col("reg_ground").replace_strict(_GROUNDS, default=0, return_dtype=pl.Int64)
    year = (pl.col("start").dt.year() - 1900).clip(0, (1 << _YEAR_BITS) - 1).cast(pl.Int64)
    span = (pl.col("end").dt.year() - pl.col("start").dt.year()).cast(pl.Int64)
    keyed = situation.with_columns(_psit=psit)
    if keyed.height and keyed["_psit"].max() >= _MAX_PLACEMENT_SITUATIONS:  # type: ignore[operator]
        msg = "too many distinct placement situations for the batch engine's key"
        raise UnsupportedRuleSetError(msg)
    if keyed.height and keyed.select(span.max()).item() >= 1 << _SPAN_BITS:
        msg = "a pay period spans too many calendar years for the batch engine's key"
        raise UnsupportedRuleSetError(msg)
    key = pl.col("_psit")
    for value, bits in ((ground, _GROUND_BITS), (year, _YEAR_BITS), (span, _SPAN_BITS)):
        key = key * (1 << bits) + value
    key = key * (1 << _COVER_BITS) + cover_code
    return keyed.with_columns(key=key).drop(
        "has_hirer",
        "has_contract",
        "buyer_is_hirer",
        "supplier_is_employer",
        "supplier_is_hirer",
        "_days",
        "_cover",
        "_psit",
    )


def _representative(row: Mapping[str, Any]) -> tuple[Placement, PayPeriod, Scenario]:
    """The pure nouns of one flat row: its placement, pay period and a scenario around it."""
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
    registrations = ()
    if row["reg_ground"] is not None:
        registrations = (
            Registration(
                ground=row["reg_ground"],
                start=row["reg_start"],
                conditions_ceased=row["reg_ceased"],
                ended_on_request=row["reg_ended"],
            ),
        )
    employers = {row["employer"]: Employer(id=row["employer"], sector=row["emp_sector"], kind=row["emp_kind"])}
    if row["hirer"] is not None:
        employers[row["hirer"]] = Employer(
            id=row["hirer"], sector=row["hirer_sector"], kind=row["hirer_kind"]
        )
    contracts = ()
    if row["contract"] is not None:
        employers[row["buyer"]] = Employer(
            id=row["buyer"], sector=row["buyer_sector"], kind=row["buyer_kind"]
        )
        contracts = (
            ProcurementContract(
                id=row["contract"],
                buyer=row["buyer"],
                supplier=row["supplier"],
                period=Period(start=row["contract_start"], end=row["contract_end"]),
                kind=row["contract_kind"],
            ),
        )
    scenario = Scenario(
        employers=tuple(employers.values()),
        people=(Person(id=row["person"], registrations=registrations),),
        placements=(placement,),
        contracts=contracts,
    )
    return placement, pay_period, scenario


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


def decide(rows: pl.DataFrame, rules: RuleSet, params: Parameters) -> pl.DataFrame:
    """The decision table: for every situation key, the pure rule set's shares as roles.

    Columns: ``key, share, role`` (index into :data:`ROLES`), ``pool`` (null when excluded),
    ``excluded`` (the reason code, or null), ``fnum, fden`` (the share of the hours) and
    ``reasons`` (the reason codes, ``|``-separated).
    """
    representatives = rows.unique("key", keep="first", maintain_order=True)
    out: dict[str, list[Any]] = {
        c: [] for c in ("key", "share", "role", "pool", "excluded", "fnum", "fden", "reasons")
    }
    for row in representatives.iter_rows(named=True):
        placement, pay_period, scenario = _representative(row)
        context = RuleContext(scenario=scenario, parameters=params)
        shares = rules.attribute(placement, pay_period, context)
        total = sum((s.fraction for s in shares), Fraction(0))
        if total != 1:
            msg = f"rule set {rules.name!r}: the shares of placement {row['placement']!r} add up to {total}, not 1"
            raise UnsupportedRuleSetError(msg)
        for index, share in enumerate(shares):
            out["key"].append(row["key"])
            out["share"].append(index)
            out["role"].append(_role(share.credited_to, row, rules))
            out["pool"].append(None if share.pool is None else share.pool.value)
            out["excluded"].append(share.excluded_because.code if share.excluded_because else None)
            out["fnum"].append(share.fraction.numerator)
            out["fden"].append(share.fraction.denominator)
            out["reasons"].append("|".join(r.code for r in share.reasons))
    return pl.DataFrame(
        out,
        schema={
            "key": pl.Int64,
            "share": pl.Int32,
            "role": pl.Int8,
            "pool": pl.String,
            "excluded": pl.String,
            "fnum": pl.Int64,
            "fden": pl.Int64,
            "reasons": pl.String,
        },
    )


# -- the additive core ----------------------------------------------------------------------------


def _measured(year: int | None, period: Period | None) -> Period:
    if (year is None) == (period is None):
        msg = "give exactly one of year= or period="
        raise TypeError(msg)
    return period if period is not None else Period.year(year)  # type: ignore[arg-type]


def _as_frame(batch: object) -> pl.DataFrame:
    if isinstance(batch, pl.DataFrame):
        return batch
    frame = pl.from_arrow(batch)  # type: ignore[arg-type]
    if not isinstance(frame, pl.DataFrame):  # pragma: no cover - a single column was given
        msg = f"expected a table of flat rows, got {type(batch).__name__}"
        raise TypeError(msg)
    return frame


def _partial(
    keyed: pl.DataFrame, decisions: pl.DataFrame, measured: Period
) -> pl.DataFrame:
    first, last = measured.start, measured.end
    inside = keyed.filter((pl.col("start") <= last) & (pl.col("end") >= first))
    days = (pl.col("end") - pl.col("start")).dt.total_days() + 1
    overlap = (
        pl.min_horizontal("end", pl.lit(last)) - pl.max_horizontal("start", pl.lit(first))
    ).dt.total_days() + 1
    joined = (
        inside.select(
            "key",
            "hours_e4",
            "employer",
            "hirer",
            "buyer",
            "supplier",
            overlap.cast(pl.Int64).alias("_ov"),
            days.cast(pl.Int64).alias("_days"),
        )
        .with_columns(
            overlap=pl.when(pl.col("_ov") == pl.col("_days")).then(1).otherwise(pl.col("_ov")),
            days=pl.when(pl.col("_ov") == pl.col("_days")).then(1).otherwise(pl.col("_days")),
        )
        .join(decisions.select("key", "role", "pool", "excluded", "fnum", "fden"), on="key")
    )
    dims = ["overlap", "days", "fnum", "fden"]
    pools = (
        joined.group_by("pool", "excluded", *dims)
        .agg(pl.col("hours_e4").sum())
        .select(
            pl.when(pl.col("pool").is_null())
            .then(pl.lit("excluded"))
            .otherwise(pl.lit("pool"))
            .alias("target_kind"),
            pl.coalesce("pool", "excluded").alias("target"),
            *dims,
            "hours_e4",
        )
    )
    credited = pl.when(pl.col("role") == 1).then(pl.col("employer"))
    for role, column in list(_ROLE_COLUMN.items())[1:]:
        credited = credited.when(pl.col("role") == role).then(pl.col(column))
    credits = (
        joined.filter(pl.col("role") > 0)
        .group_by(credited.otherwise(None).alias("target"), *dims)
        .agg(pl.col("hours_e4").sum())
        .select(pl.lit("credit").alias("target_kind"), "target", *dims, "hours_e4")
    )
    return pl.concat([pools, credits]).cast(PARTIAL_SCHEMA)  # type: ignore[arg-type]


def count_batch(
    batch: object,
    *,
    rules: str | RuleSet = "wbqa-2015",
    year: int | None = None,
    period: Period | None = None,
    parameters: ParametersArg = None,
) -> pl.DataFrame:
    """The additive core: the partial result of one batch of flat rows (see :func:`flatten`).

    ``batch`` is a polars data frame, an Arrow table or an Arrow record batch. The partials of
    any split of the rows add up (:func:`combine`) to the partial of all of them; :func:`finish`
    makes the exact result. Parameters here are the *complete* parameters (overrides included).
    """
    rule_set = resolve(rules)
    params = parameters if isinstance(parameters, Parameters) else _parameters({}, parameters)
    keyed = _with_keys(_as_frame(batch))
    return _partial(keyed, decide(keyed, rule_set, params), _measured(year, period))


def combine(partials: Iterable[pl.DataFrame | Any]) -> pl.DataFrame:
    """Add partial results up (Arrow tables or polars frames)."""
    frames = [_as_frame(p).cast(PARTIAL_SCHEMA) for p in partials]  # type: ignore[arg-type]
    if not frames:
        return pl.DataFrame(schema=PARTIAL_SCHEMA)
    return (
        pl.concat(frames)
        .group_by("target_kind", "target", "overlap", "days", "fnum", "fden")
        .agg(pl.col("hours_e4").sum())
    )


def _exact(hours_e4: int, overlap: int, days: int, fnum: int, fden: int) -> Fraction:
    return Fraction(hours_e4 * overlap * fnum, HOURS_SCALE * days * fden)


@attrs.frozen(kw_only=True, eq=False)
class BatchCount:
    """A :func:`banenafspraak.count_jobs` result, computed by the batch engine.

    The totals compare equal (``==``) to the pure path's: ``pools``, ``employers``,
    ``input_hours``, ``counted_hours``, ``excluded_hours`` and ``monitoring``. Per placement,
    :meth:`reason_codes` gives the compact codes of every pay period, and :meth:`explain` expands
    them by running the pure path on that placement alone.
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

    @functools.cached_property
    def employers(self) -> FrozenMap[EmployerId, Tally]:
        """Hours and jobs credited to each employer (exact), as the pure ``JobCount.employers``."""
        hours: dict[EmployerId, Fraction] = {}
        for target, overlap, days, fnum, fden, e4 in self.credits.select(
            "target", "overlap", "days", "fnum", "fden", "hours_e4"
        ).iter_rows():
            key = EmployerId(target)
            hours[key] = hours.get(key, Fraction(0)) + _exact(e4, overlap, days, fnum, fden)
        return FrozenMap({k: Tally(hours=v, jobs=v / self.unit) for k, v in hours.items()})

    def monitoring_of(self, pool: Pool | str) -> Monitoring:
        """The monitoring line of one pool."""
        wanted = Pool(pool)
        for line in self.monitoring:
            if line.pool is wanted:
                return line
        msg = f"{self.rules} counts no pool {wanted}"
        raise KeyError(msg)

    def reason_codes(self, placement_id: str) -> pl.DataFrame:
        """The compact explanation of one placement: per pay period and share, the codes."""
        if self.rows is None or self.decisions is None:
            msg = "this result was combined from partials: it keeps no rows to explain"
            raise LookupError(msg)
        return (
            self.rows.filter(pl.col("placement") == placement_id)
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
            raise LookupError(msg)
        scenario = self.tables.to_scenario([placement_id])
        count = pure_count_jobs(
            scenario, rules=self.rules, period=self.period, parameters=self.parameters
        )
        return count.explain(placement_id)


def finish(
    partial: pl.DataFrame | Any,
    *,
    rules: str | RuleSet = "wbqa-2015",
    year: int | None = None,
    period: Period | None = None,
    parameters: ParametersArg = None,
    baseline: Baseline | None = None,
) -> BatchCount:
    """The exact result from the (combined) partial of all rows."""
    rule_set = resolve(rules)
    measured = _measured(year, period)
    params = parameters if isinstance(parameters, Parameters) else _parameters({}, parameters)
    unit = job_unit(measured, params)
    summed = combine([partial])
    pools_hours: dict[Pool, Fraction] = dict.fromkeys(rule_set.pools, Fraction(0))
    excluded: dict[str, Fraction] = {}
    for kind, target, overlap, days, fnum, fden, e4 in summed.filter(
        pl.col("target_kind") != "credit"
    ).iter_rows():
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
        monitoring=monitor_pools(rule_set, measured, pools, baseline or Baseline(), params),
        credits=summed.filter(pl.col("target_kind") == "credit"),
        unit=unit,
        parameters=params,
    )


# -- single machine --------------------------------------------------------------------------------


def _chunks(rows: pl.DataFrame, size: int) -> Iterable[pl.DataFrame]:
    for offset in range(0, max(rows.height, 1), size):
        yield rows.slice(offset, size)


def count_jobs(
    tables: Tables,
    *,
    rules: str | RuleSet = "wbqa-2015",
    year: int | None = None,
    period: Period | None = None,
    parameters: ParametersArg = None,
    progress: Progress | None = None,
    chunk_rows: int | None = None,
) -> BatchCount:
    """:func:`banenafspraak.count_jobs` on columnar tables: the same numbers, exactly.

    Args:
        tables: the input (:class:`Tables`).
        rules: a rule set name or object; every registered rule set works.
        year: the measured calendar year (or give ``period``).
        period: any measured period.
        parameters: a :class:`Parameters` or overrides, as in the pure path.
        progress: called as ``progress(stage, done, total)`` while counting.
        chunk_rows: count in chunks of this many rows (the result is the same; the progress
            display is finer and the peak memory lower).
    """
    rule_set = resolve(rules)
    measured = _measured(year, period)
    params = _parameters(tables.parameters, parameters)
    report = progress or (lambda _stage, _done, _total: None)
    report("flatten", 0, 1)
    rows = _with_keys(flatten(tables, parameters=params))
    report("flatten", 1, 1)
    decisions = decide(rows, rule_set, params)
    report("decide", 1, 1)
    size = chunk_rows or max(rows.height, 1)
    total = max(1, -(-rows.height // size))
    partials = []
    for done, chunk in enumerate(_chunks(rows, size), start=1):
        partials.append(_partial(chunk, decisions, measured))
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
        rows=rows.select("placement", "start", "end", "hours_e4", "key"),
        decisions=decisions,
        tables=tables,
    )


def _receipt(rules: RuleSet, params: Parameters, tables: Tables, period: Period) -> Receipt:
    digest = 0
    for name in ("employers", "employer_years", "registrations", "placements", "hours", "contracts"):
        frame: pl.DataFrame = getattr(tables, name)
        digest ^= int(frame.hash_rows(seed=0).sum()) if frame.height else 0
    return Receipt(
        library_version=__version__,
        rules=rules.name,
        rules_version=rules.version,
        parameters_digest=params.digest(),
        scenario_digest=f"polars-rows:{digest & ((1 << 64) - 1):016x}",
        period=str(period),
    )


def assess_quotum(
    tables: Tables,
    *,
    rules: str | RuleSet = "wbqa-2015",
    year: int,
    parameters: ParametersArg = None,
    count: BatchCount | None = None,
) -> QuotumReport:
    """:func:`banenafspraak.assess_quotum` on columnar tables: the same assessments.

    A rule set whose quotum reads only the credited hours says so with the class attribute
    ``quotum_reads = "credited_hours"``; the engine then hands it, per employer, one attribution
    with the exact sum of the hours credited to it (``placement="*"``). Any other rule set gets
    the pure path on the scenario rebuilt from the tables (exact, slower).
    """
    rule_set = resolve(rules)
    params = _parameters(tables.parameters, parameters)
    if getattr(rule_set, "quotum_reads", None) != "credited_hours":
        scenario = tables.to_scenario()
        return pure_assess_quotum(scenario, rules=rule_set, year=year, parameters=params)
    if count is None:
        count = count_jobs(tables, rules=rule_set, year=year, parameters=params)
    employers = tables.employer_objects()
    context = RuleContext(
        scenario=Scenario(employers=employers, parameters=tables.parameters), parameters=params
    )
    credits = count.employers
    whole_year = Period.year(year)
    summary_period = PayPeriod(start=whole_year.start, end=whole_year.end, hours=0)
    assessments = []
    for employer in employers:
        tally = credits.get(employer.id)
        credited: tuple[Attribution, ...] = ()
        if tally is not None:
            credited = (
                Attribution(
                    placement="*",
                    person="*",
                    employer=employer.id,
                    pay_period=summary_period,
                    hours=tally.hours,
                    jobs=tally.jobs,
                    pool=None,
                    credited_to=employer.id,
                    excluded_because=None,
                    reasons=(),
                ),
            )
        assessments.append(rule_set.assess_quotum(employer, year, credited, context))
    return QuotumReport(
        rules=rule_set.name,
        year=year,
        assessments=tuple(assessments),
        receipt=_receipt(rule_set, params, tables, whole_year),
    )


def compare(
    tables: Tables,
    *,
    rules: Sequence[str | RuleSet] | None = None,
    year: int,
    parameters: ParametersArg = None,
) -> dict[str, tuple[BatchCount, QuotumReport]]:
    """Count and assess the quotum under several rule sets (default: every registered one)."""
    from banenafspraak.rulesets import available_rule_sets  # noqa: PLC0415 - read when called

    chosen = [resolve(r) for r in (rules or available_rule_sets())]
    results: dict[str, tuple[BatchCount, QuotumReport]] = {}
    for rule_set in chosen:
        count = count_jobs(tables, rules=rule_set, year=year, parameters=parameters)
        quotum = assess_quotum(
            tables, rules=rule_set, year=year, parameters=parameters, count=count
        )
        results[rule_set.name] = (count, quotum)
    return results

