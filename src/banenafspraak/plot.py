"""Charts of results: realisation against the targets over years, and rule sets side by side.

Needs the ``plot`` extra (matplotlib). The charts are drawn on matplotlib ``Figure`` objects
without pyplot, so nothing global is changed, and saved deterministically: the same results give
the same PNG or SVG bytes (no software or date stamp in the metadata, a fixed SVG id salt).
The colours are the Okabe-Ito palette, which colour-blind readers can tell apart; pass
``colours=`` to use a house style instead.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from banenafspraak._util import as_fraction
from banenafspraak.counting import JobCount, Tally
from banenafspraak.exceptions import InvalidValueError, MissingExtraError

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = ["OKABE_ITO", "comparison_chart", "realisation_chart", "save_chart"]

OKABE_ITO = (
    "#0072B2",  # blue
    "#E69F00",  # orange
    "#009E73",  # bluish green
    "#CC79A7",  # reddish purple
    "#56B4E9",  # sky blue
    "#D55E00",  # vermillion
    "#F0E442",  # yellow
    "#000000",  # black
)
"""A colour-blind-safe palette (Okabe and Ito, *Color Universal Design*, 2008)."""

FORMATS = ("png", "svg")
_SIZE = (8.0, 4.5)
_DPI = 100


def _figure() -> Figure:
    try:
        from matplotlib.figure import Figure  # noqa: PLC0415 - an optional extra
    except ModuleNotFoundError:
        feature = "charts"
        raise MissingExtraError(feature, "plot") from None
    return Figure(figsize=_SIZE, dpi=_DPI, layout="constrained")


def realisation_chart(
    counts: Sequence[JobCount], *, colours: Sequence[str] = OKABE_ITO, title: str = ""
) -> Figure:
    """Extra jobs per pool against the targets, one point per calendar year counted.

    ``counts`` are :func:`~banenafspraak.count_jobs` results of one rule set, one per year.
    Realised extra jobs are solid lines, the targets dashed lines of the same colour.
    """
    figure = _figure()
    axes = figure.add_subplot()
    ordered = sorted(counts, key=lambda c: c.period.start)
    years = [c.period.start.year for c in ordered]
    pools = list(dict.fromkeys(m.pool for c in ordered for m in c.monitoring))
    for number, pool in enumerate(pools):
        colour = colours[number % len(colours)]
        lines = [c.monitoring_of(pool) for c in ordered]
        axes.plot(
            years,
            [float(m.extra_jobs) for m in lines],
            marker="o",
            color=colour,
            label=f"{pool.value}: realised",
        )
        targets = [(y, float(m.target)) for y, m in zip(years, lines, strict=True) if m.target]
        if targets:
            axes.plot(
                [y for y, _ in targets],
                [t for _, t in targets],
                linestyle="--",
                marker="s",
                color=colour,
                label=f"{pool.value}: target",
            )
    rules = ordered[0].rules if ordered else ""
    axes.set_title(title or f"Extra jobs against the targets ({rules})")
    axes.set_xlabel("year")
    axes.set_ylabel("extra jobs (25.5 hours a week)")
    axes.set_xticks(years)
    axes.grid(visible=True, alpha=0.3)
    axes.legend(loc="best", fontsize="small")
    return figure


def comparison_chart(
    counts: Mapping[str, JobCount],
    *,
    colours: Sequence[str] = OKABE_ITO,
    title: str = "",
) -> Figure:
    """Jobs credited to each employer under each rule set, as grouped horizontal bars."""
    figure = _figure()
    axes = figure.add_subplot()
    employers: dict[str, str] = {}
    for count in counts.values():
        employers.update(
            {e.id: f"{e.id} ({e.name})" if e.name else e.id for e in count.scenario.employers}
        )
    names = list(employers)
    height = 0.8 / max(len(counts), 1)
    for number, (rules, count) in enumerate(counts.items()):
        values = [float(as_fraction(count.employers.get(e, Tally()).jobs)) for e in names]
        positions = [i + number * height for i in range(len(names))]
        axes.barh(
            positions, values, height=height, color=colours[number % len(colours)], label=rules
        )
    axes.set_yticks(
        [i + height * (len(counts) - 1) / 2 for i in range(len(names))], list(employers.values())
    )
    axes.invert_yaxis()
    year = next(iter(counts.values())).period if counts else ""
    axes.set_title(title or f"Jobs credited to each employer, {year}")
    axes.set_xlabel("jobs (25.5 hours a week)")
    axes.grid(visible=True, axis="x", alpha=0.3)
    axes.legend(loc="best", fontsize="small")
    return figure


def save_chart(figure: Figure, path: str | Path) -> Path:
    """Save a chart as PNG or SVG (by the file's suffix), without a date or software stamp."""
    import matplotlib as mpl  # noqa: PLC0415 - an optional extra

    where = Path(path)
    kind = where.suffix.lower().lstrip(".")
    if kind not in FORMATS:
        msg = f"a chart is saved as .png or .svg, got {where.name!r}"
        raise InvalidValueError(msg, field="path", value=where.name, expected=".png or .svg")
    metadata: dict[str, Any] = {"Software": None} if kind == "png" else {"Date": None}
    with mpl.rc_context({"svg.hashsalt": "banenafspraak"}):
        figure.savefig(where, format=kind, metadata=metadata)
    return where
