"""The hours per formal employer, person and stage in columns, and the ledger's queries of them.

A quotum instrument reads these hours through its :class:`~banenafspraak.rulesets.Ledger`:
as maps (:attr:`~banenafspraak.rulesets.Ledger.formal`), or through the ledger's queries
(:meth:`~banenafspraak.rulesets.Ledger.capped_formal_hours`,
:meth:`~banenafspraak.rulesets.Ledger.formal_hours_in`,
:meth:`~banenafspraak.rulesets.Ledger.formal_people`). :class:`FormalColumns` answers each
query for every employer at once, in polars, with the same exact numbers as the maps give; the
maps are made only when read.
"""

from __future__ import annotations

from collections.abc import Callable
from fractions import Fraction

import polars as pl

from banenafspraak._util import FrozenMap, at_least, paused_gc
from banenafspraak.batch._exact import INT128_ROOM, common_denominator, exact_per_key, per_key
from banenafspraak.batch._tables import HOURS_SCALE
from banenafspraak.employers import EmployerId
from banenafspraak.placements import PlacementKind
from banenafspraak.rulesets._protocol import Stage, StageSelection

STAGE_COLUMNS = ("years_employed", "pension_age", "placement_kind")
"""The columns of a :class:`~banenafspraak.rulesets.Stage`."""

Formal = dict[EmployerId, FrozenMap[str, FrozenMap[Stage, Fraction]]]
"""The ledger's ``formal`` as the engine builds it (per employer, person and stage)."""

_RECENT = 4
"""How many of the last selections :meth:`FormalColumns.people` finds by identity: a law asks
the same few questions (the LKV: three) for one employer after the other."""


class FormalColumns:
    """The hours per formal employer, person and stage, as sums in columns.

    ``sums`` has ``target, person, years_employed, pension_age, placement_kind, den, num``,
    sorted by the first five and ``den``: the hours of a row are ``num / (HOURS_SCALE x den)``,
    never 0; a person has a row per stage and distinct denominator. The maps and every answer
    are made once, when first asked; the columns keep no reference to the tables they come
    from.
    """

    def __init__(self, sums: pl.DataFrame) -> None:
        self.sums = sums
        self._maps: Formal | None = None
        self._stages: list[Stage] | None = None
        self._capped: dict[tuple[frozenset[Stage], Fraction], dict[EmployerId, Fraction]] = {}
        self._people: dict[frozenset[Stage], dict[EmployerId, tuple[str, ...]]] = {}
        self._hours: dict[frozenset[Stage], dict[EmployerId, Fraction]] = {}
        # A law asks the same question for one employer after the other: the last answers are
        # found by the selection's identity first, without asking it again.
        self._last_capped: tuple[object, object, dict[EmployerId, Fraction]] = (None, None, {})
        self._last_people: list[tuple[object, dict[EmployerId, tuple[str, ...]]]] = []

    def maps(self) -> Formal:
        """Per employer, person and stage, the hours (:attr:`Ledger.formal`), made once."""
        if self._maps is None:
            with paused_gc():  # hundreds of thousands of acyclic maps and fractions
                self._maps = formal_maps(self.sums)
        return self._maps

    def capped(self, stages: StageSelection, cap: Fraction) -> dict[EmployerId, Fraction]:
        """Per employer, :meth:`Ledger.capped_formal_hours` of ``stages`` and ``cap``."""
        last_stages, last_cap, found = self._last_capped
        if last_stages is stages and last_cap is cap:
            return found
        key = (self._chosen(stages), cap)
        known = self._capped.get(key)
        if known is None:
            known = self._capped[key] = _capped(self._rows_of(key[0]), cap)
        self._last_capped = (stages, cap, known)
        return known

    def people(self, stages: StageSelection) -> dict[EmployerId, tuple[str, ...]]:
        """Per employer, :meth:`Ledger.formal_people` of ``stages``."""
        for last, answer in self._last_people:
            if last is stages:
                return answer
        chosen = self._chosen(stages)
        found = self._people.get(chosen)
        if found is None:
            rows = self._rows_of(chosen).select("target", "person").unique()
            grouped = (
                rows.sort("target", "person").group_by("target", maintain_order=True).agg("person")
            )
            found = self._people[chosen] = {
                EmployerId(target): tuple(people) for target, people in grouped.iter_rows()
            }
        self._last_people = [(stages, found), *self._last_people[: _RECENT - 1]]
        return found

    def hours(self, stages: StageSelection) -> dict[EmployerId, Fraction]:
        """Per employer, :meth:`Ledger.formal_hours_in` of ``stages`` (exact sums)."""
        chosen = self._chosen(stages)
        found = self._hours.get(chosen)
        if found is None:
            summed = exact_per_key(self._rows_of(chosen), ("target",), "den", "num", ordered=False)
            found = self._hours[chosen] = {
                EmployerId(target): total for (target,), total in summed.items() if total
            }
        return found

    def _chosen(self, stages: StageSelection) -> frozenset[Stage]:
        """The stages of the columns that ``stages`` selects: answers are kept by these.

        So a selection made anew for every employer (a lambda) finds the answers of an equal
        one, at the cost of asking it once per distinct stage of the columns.
        """
        if self._stages is None:
            distinct = self.sums.select(STAGE_COLUMNS).unique().iter_rows()
            self._stages = [_stage(*columns) for columns in distinct]
        return frozenset(stage for stage in self._stages if stages(stage))

    def _rows_of(self, chosen: frozenset[Stage]) -> pl.DataFrame:
        """The rows of the ``chosen`` stages."""
        table = pl.DataFrame(
            {
                "years_employed": [s.years_employed for s in chosen],
                "pension_age": [s.pension_age for s in chosen],
                "placement_kind": [s.placement_kind.value for s in chosen],
            },
            schema={c: self.sums.schema[c] for c in STAGE_COLUMNS},
        )
        return self.sums.join(table, on=list(STAGE_COLUMNS), how="semi")


class DeferredFormal:
    """The :class:`~banenafspraak.rulesets.FormalQueries` of a ledger, made when first asked.

    A law that never reads the formal hours (the 2015 quotum) never pays for them.
    """

    def __init__(self, make: Callable[[], FormalColumns]) -> None:
        self._make: Callable[[], FormalColumns] | None = make
        self._columns: FormalColumns | None = None

    def columns(self) -> FormalColumns:
        """The columns, made on the first call."""
        if self._columns is None:
            if self._make is None:  # pragma: no cover - dropped only once the columns are made
                msg = "the formal hours were neither made nor given"
                raise AssertionError(msg)
            self._columns = self._make()
            self._make = None  # what it read (a count's rows, the tables) is not kept
        return self._columns

    def capped(self, stages: StageSelection, cap: Fraction) -> dict[EmployerId, Fraction]:
        """See :meth:`FormalColumns.capped`."""
        return (self._columns or self.columns()).capped(stages, cap)

    def people(self, stages: StageSelection) -> dict[EmployerId, tuple[str, ...]]:
        """See :meth:`FormalColumns.people`."""
        return (self._columns or self.columns()).people(stages)

    def hours(self, stages: StageSelection) -> dict[EmployerId, Fraction]:
        """See :meth:`FormalColumns.hours`."""
        return (self._columns or self.columns()).hours(stages)


def _capped(rows: pl.DataFrame, cap: Fraction) -> dict[EmployerId, Fraction]:
    """Per employer: per person the hours of ``rows``, each at most ``cap``, added up (exact).

    A person whose hours have one denominator is compared with the cap in 128-bit integers
    (``num x q >= p x HOURS_SCALE x den`` for ``cap = p / q``); the hours below the cap are
    added up per employer over the least common denominator, in polars. The few people with
    hours over several denominators, and all of them when the numbers could outgrow 128 bits,
    are summed per person (:func:`~banenafspraak.batch._exact.exact_per_key`) and compared one
    by one.
    """
    per_person = rows.group_by("target", "person", "den").agg(pl.col("num").sum())
    per_person = per_person.with_columns(_dens=pl.len().over("target", "person"))
    one = per_person.filter(pl.col("_dens") == 1)
    several = per_person.filter(pl.col("_dens") > 1)
    capped: dict[str, int] = {}
    hours: dict[EmployerId, Fraction] = {}
    common = _fits(one, cap) if one.height else None
    if common is not None:
        capped, hours = _capped_in_columns(one, cap, common)
    else:
        several = per_person
    totals = exact_per_key(several, ("target", "person"), "den", "num", ordered=False)
    for (target, _), total in totals.items():
        if at_least(total, cap):
            capped[target] = capped.get(target, 0) + 1
        else:
            hours[EmployerId(target)] = hours.get(EmployerId(target), 0) + total
    for target, people in capped.items():
        hours[EmployerId(target)] = hours.get(EmployerId(target), 0) + cap * people
    return hours


def _capped_in_columns(
    one: pl.DataFrame, cap: Fraction, common: int
) -> tuple[dict[str, int], dict[EmployerId, Fraction]]:
    """Of people with one denominator: per employer, those at the cap, and the others' hours."""
    p, q = cap.numerator, cap.denominator
    at_cap = pl.col("num") * pl.lit(q, dtype=pl.Int128) >= pl.col("den") * pl.lit(
        p * HOURS_SCALE, dtype=pl.Int128
    )
    capped = dict(one.filter(at_cap).group_by("target").agg(pl.len()).iter_rows())
    below = per_key(one.filter(~at_cap), ("target",), "den", "num", common, ordered=False)
    return capped, {EmployerId(target): hours for (target,), hours in below.items()}


def _fits(rows: pl.DataFrame, cap: Fraction) -> int | None:
    """The least common denominator of ``rows``, if :func:`_capped_in_columns` fits 128 bits.

    Its comparison (``num x q`` and ``den x p x HOURS_SCALE`` for ``cap = p / q``) and its sums
    over that denominator (:func:`~banenafspraak.batch._exact.common_denominator`). ``None``:
    they might not.
    """
    most_den = int(rows["den"].max())  # type: ignore[arg-type]
    if most_den * abs(cap.numerator) * HOURS_SCALE >= INT128_ROOM:
        return None
    return common_denominator(rows, "den", "num", cap.denominator)


def formal_maps(sums: pl.DataFrame) -> Formal:
    """The maps of :class:`FormalColumns` from its sums, sorted by employer, person and stage."""
    employers: Formal = {}
    stages: dict[tuple[int, bool, str], Stage] = {}
    # Many people work the same hours: one fraction per value keeps a national year's maps
    # about a tenth smaller in memory (a comparison's peak stays within 1 GB).
    fractions: dict[tuple[int, int], Fraction] = {}
    # Sorted by employer, person and stage, so each map is filled in order, one after the other
    # (a map made with ``of_sorted`` shares the dict it is filled through).
    people: dict[str, FrozenMap[Stage, Fraction]] = {}
    per_stage: dict[Stage, Fraction] = {}
    last_target = last_person = last_stage = None
    stage = Stage(0)
    columns = (sums[c].to_list() for c in ("target", "person", *STAGE_COLUMNS, "den", "num"))
    for target, person, years, pension, kind, den, num in zip(*columns, strict=True):
        part = fractions.get((num, den))
        if part is None:
            part = fractions[num, den] = Fraction(num, HOURS_SCALE * den)
        if target != last_target:
            people = {}
            employers[target] = FrozenMap.of_sorted(people)
            last_person = None
        if person != last_person:
            per_stage = {}
            people[person] = FrozenMap.of_sorted(per_stage)
        elif (years, pension, kind) == last_stage:  # the same stage, another denominator
            per_stage[stage] += part
            continue
        stage = stages.get((years, pension, kind)) or stages.setdefault(
            (years, pension, kind), _stage(years, pension, kind)
        )
        per_stage[stage] = part
        last_target, last_person, last_stage = target, person, (years, pension, kind)
    return employers


def _stage(years: int, pension: bool, kind: str) -> Stage:  # noqa: FBT001 - a column's value
    """The :class:`~banenafspraak.rulesets.Stage` of one row of :data:`STAGE_COLUMNS`."""
    return Stage(years, pension_age=pension, placement_kind=PlacementKind(kind))
