"""The hours per formal employer, person and stage in columns, and the ledger's queries of them.

A quotum instrument reads these hours through its :class:`~banenafspraak.rulesets.Ledger`:
as maps (:attr:`~banenafspraak.rulesets.Ledger.formal`), or through the ledger's queries
(:meth:`~banenafspraak.rulesets.Ledger.capped_formal_hours`,
:meth:`~banenafspraak.rulesets.Ledger.formal_people`). :class:`FormalColumns` answers each
query for every employer at once, in polars, with the same exact numbers as the maps give; the
maps are made only when read.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable
from fractions import Fraction

import polars as pl

from banenafspraak._util import FrozenMap, at_least, paused_gc, summed_numerators
from banenafspraak.batch._tables import HOURS_SCALE
from banenafspraak.employers import EmployerId
from banenafspraak.rulesets._protocol import Stage, StageSelection

STAGE_COLUMNS = ("years_employed", "pension_age")
"""The columns of a :class:`~banenafspraak.rulesets.Stage`."""

Formal = dict[EmployerId, FrozenMap[str, FrozenMap[Stage, Fraction]]]
"""The ledger's ``formal`` as the engine builds it (per employer, person and stage)."""

_INT128_ROOM = 1 << 126
"""Products below this stay inside a 128-bit integer, with room for their comparison."""


class FormalColumns:
    """The hours per formal employer, person and stage, as sums in columns.

    ``sums`` has ``target, person, years_employed, pension_age, den, num``, sorted by the first
    four and ``den``: the hours of a row are ``num / (HOURS_SCALE x den)``, never 0; a person
    has a row per stage and distinct denominator. The maps and every answer are made once, when
    first asked; the columns keep no reference to the tables they come from.
    """

    def __init__(self, sums: pl.DataFrame) -> None:
        self.sums = sums
        self._maps: Formal | None = None
        self._stages: list[Stage] | None = None
        self._capped: dict[tuple[StageSelection, Fraction], dict[EmployerId, Fraction]] = {}
        self._people: dict[StageSelection, dict[EmployerId, tuple[str, ...]]] = {}
        # A law asks the same query for one employer after the other: the last answers are
        # found by identity first, without hashing the selection and the cap again.
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
        key = (stages, cap)
        found = self._capped.get(key) or self._capped.setdefault(
            key, _capped(self._selected(stages), cap)
        )
        self._last_capped = (stages, cap, found)
        return found

    def people(self, stages: StageSelection) -> dict[EmployerId, tuple[str, ...]]:
        """Per employer, :meth:`Ledger.formal_people` of ``stages``."""
        for last, answer in self._last_people:
            if last is stages:
                return answer
        found = self._people.get(stages)
        if found is None:
            rows = self._selected(stages).select("target", "person").unique()
            grouped = (
                rows.sort("target", "person").group_by("target", maintain_order=True).agg("person")
            )
            found = self._people[stages] = {
                EmployerId(target): tuple(people) for target, people in grouped.iter_rows()
            }
        self._last_people = [(stages, found), *self._last_people[:1]]
        return found

    def _selected(self, stages: StageSelection) -> pl.DataFrame:
        """The rows of the stages ``stages`` selects: it is asked once per distinct stage."""
        if self._stages is None:
            distinct = self.sums.select(STAGE_COLUMNS).unique().iter_rows()
            self._stages = [Stage(years, pension_age=pension) for years, pension in distinct]
        chosen = [stage for stage in self._stages if stages(stage)]
        table = pl.DataFrame(
            {
                "years_employed": [s.years_employed for s in chosen],
                "pension_age": [s.pension_age for s in chosen],
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
            make, self._make = self._make, None
            if make is None:  # pragma: no cover - set together
                msg = "the formal hours were neither made nor given"
                raise AssertionError(msg)
            self._columns = make()
        return self._columns

    def capped(self, stages: StageSelection, cap: Fraction) -> dict[EmployerId, Fraction]:
        """See :meth:`FormalColumns.capped`."""
        return (self._columns or self.columns()).capped(stages, cap)

    def people(self, stages: StageSelection) -> dict[EmployerId, tuple[str, ...]]:
        """See :meth:`FormalColumns.people`."""
        return (self._columns or self.columns()).people(stages)


def _capped(rows: pl.DataFrame, cap: Fraction) -> dict[EmployerId, Fraction]:
    """Per employer: per person the hours of ``rows``, each at most ``cap``, added up (exact).

    A person whose hours have one denominator is compared with the cap in 128-bit integers
    (``num x q >= p x HOURS_SCALE x den`` for ``cap = p / q``); the hours below the cap are
    added up per employer over the least common denominator, in polars. The few people with
    hours over several denominators, and all of them when the numbers could outgrow 128 bits,
    are summed and compared in Python.
    """
    per_person = rows.group_by("target", "person", "den").agg(pl.col("num").sum())
    per_person = per_person.with_columns(_dens=pl.len().over("target", "person"))
    one = per_person.filter(pl.col("_dens") == 1)
    several = per_person.filter(pl.col("_dens") > 1)
    capped: dict[str, int] = {}
    hours: dict[EmployerId, Fraction] = {}
    if one.height and _fits(one, cap):
        capped, hours = _capped_in_columns(one, cap)
    else:
        several = per_person
    ordered = several.sort("target", "person").select("target", "person", "den", "num")
    for (target, _), parts in itertools.groupby(ordered.iter_rows(), key=lambda row: row[:2]):
        total = summed_numerators({HOURS_SCALE * den: num for _, _, den, num in parts})
        if at_least(total, cap):
            capped[target] = capped.get(target, 0) + 1
        else:
            hours[target] = hours.get(target, 0) + total
    for target, people in capped.items():
        hours[EmployerId(target)] = hours.get(EmployerId(target), 0) + cap * people
    return hours


def _capped_in_columns(
    one: pl.DataFrame, cap: Fraction
) -> tuple[dict[str, int], dict[EmployerId, Fraction]]:
    """Of people with one denominator: per employer, those at the cap, and the others' hours."""
    p, q = cap.numerator, cap.denominator
    common = math.lcm(*one["den"].unique().to_list())
    at_cap = pl.col("num") * pl.lit(q, dtype=pl.Int128) >= pl.col("den") * pl.lit(
        p * HOURS_SCALE, dtype=pl.Int128
    )
    capped = dict(one.filter(at_cap).group_by("target").agg(pl.len()).iter_rows())
    below = (
        one.filter(~at_cap)
        .group_by("target")
        .agg((pl.col("num") * (pl.lit(common, dtype=pl.Int128) // pl.col("den"))).sum())
    )
    return capped, {
        EmployerId(target): Fraction(num, HOURS_SCALE * common) for target, num in below.iter_rows()
    }


def _fits(rows: pl.DataFrame, cap: Fraction) -> bool:
    """Whether :func:`_capped_in_columns`' products and sums of ``rows`` stay inside 128 bits.

    ``num x q`` and ``num x common / den`` (``common``: the least common denominator), added
    up over all rows at most, and ``den x p x HOURS_SCALE``, for ``cap = p / q``.
    """
    common = math.lcm(*rows["den"].unique().to_list())
    most_num = int(rows["num"].max())  # type: ignore[arg-type]
    most_den = int(rows["den"].max())  # type: ignore[arg-type]
    return (
        most_num * max(cap.denominator, common) * rows.height < _INT128_ROOM
        and most_den * abs(cap.numerator) * HOURS_SCALE < _INT128_ROOM
    )


def formal_maps(sums: pl.DataFrame) -> Formal:
    """The maps of :class:`FormalColumns` from its sums, sorted by employer, person and stage."""
    employers: Formal = {}
    stages: dict[tuple[int, bool], Stage] = {}
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
    for target, person, years, pension, den, num in zip(*columns, strict=True):
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
        elif (years, pension) == last_stage:  # the same stage, another denominator
            per_stage[stage] += part
            continue
        stage = stages.get((years, pension)) or stages.setdefault(
            (years, pension), Stage(years, pension_age=pension)
        )
        per_stage[stage] = part
        last_target, last_person, last_stage = target, person, (years, pension)
    return employers
