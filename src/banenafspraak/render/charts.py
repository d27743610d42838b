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

from banenafspraak._files import replacing
from banenafspraak._i18n import number_text, translate
from banenafspraak._util import as_fraction
from banenafspraak.bsn import mask_text
from banenafspraak.counting import JobCount, Tally
from banenafspraak.exceptions import InvalidValueError, MissingExtraError, UnknownRuleSetError
from banenafspraak.rulesets import rule_set

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure
    from matplotlib.ticker import FuncFormatter

__all__ = [
    "DPI",
    "FIGURE_SIZE",
    "OKABE_ITO",
    "comparison_chart",
    "footnote",
    "law_name",
    "realisation_chart",
    "save_chart",
]

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
FIGURE_SIZE = (8.0, 4.5)
"""The default size of a chart in inches (width, height)."""
DPI = 100
"""The default resolution of a PNG chart in dots per inch."""
_JOBS = "jobs (1 job = 25.5 hours a week)"


def _figure(size: tuple[float, float], dpi: int) -> Figure:
    try:
        from matplotlib.figure import Figure  # noqa: PLC0415 - an optional extra
    except ModuleNotFoundError:
        feature = "charts"
        raise MissingExtraError(feature, "plot") from None
    figure = Figure(figsize=size, dpi=dpi, layout="constrained")
    figure.get_layout_engine().set(rect=(0, 0.06, 1, 0.94))  # type: ignore[union-attr, call-arg]
    return figure


def law_name(rules: str) -> str:
    """A rule set's law in words for a legend, shortened (``"Wet banenafspraak (2025)"``).

    Its title without the parenthesis, with the year of its name; the name itself if unknown.
    """
    try:
        title = rule_set(rules).title
    except UnknownRuleSetError:
        return rules
    short = title.split(" (", 1)[0]
    year = rules.rsplit("-", 1)[-1]
    return f"{short} ({year})" if year.isdigit() else short


def footnote(figure: Figure, counts: Sequence[JobCount], *, lang: str = "en") -> None:
    """The rule set, the year(s) and the receipt under the chart, so that it can be reproduced."""
    if not counts:
        return
    rules = list(dict.fromkeys(c.rules for c in counts))
    years = sorted({c.period.end.year for c in counts})
    span = str(years[0]) if len(years) == 1 else f"{years[0]}-{years[-1]}"
    receipt = counts[-1].receipt
    text = (
        f"{translate('Rule set', lang)}: {', '.join(rules)}; {translate('year', lang)} {span}; "
        f"{translate('receipt', lang)}: banenafspraak {receipt.library_version}, "
        f"parameters {receipt.parameters_digest[:19]}, scenario {receipt.scenario_digest[:19]}"
    )
    figure.text(
        0.01, 0.01, text, fontsize="x-small", color="#555555", ha="left", va="bottom", wrap=True
    )


def _numbers(lang: str) -> FuncFormatter:
    """Tick labels of a value axis as ``lang`` writes numbers (Dutch: ``1.500``, ``2,5``)."""
    from matplotlib.ticker import FuncFormatter  # noqa: PLC0415 - an optional extra

    return FuncFormatter(lambda value, _position: number_text(f"{value:,g}", lang))


def _from_zero(axes: Axes, values: Sequence[float], *, axis: str = "y") -> None:
    """The value axis starts at 0 (or below, for negative values), so that heights compare."""
    low = min([0.0, *values])
    high = max([0.0, *values])
    if axis == "y":
        axes.set_ylim(bottom=low, top=high * 1.1 if high else 1.0)
    else:
        axes.set_xlim(left=low, right=high * 1.15 if high else 1.0)


def realisation_chart(
    counts: Sequence[JobCount],
    *,
    colours: Sequence[str] = OKABE_ITO,
    title: str = "",
    size: tuple[float, float] = FIGURE_SIZE,
    dpi: int = DPI,
    lang: str = "en",
) -> Figure:
    """Extra jobs per pool against the targets, one point per calendar year counted.

    ``counts`` are :func:`~banenafspraak.count_jobs` results of one rule set, one per year.
    Realised extra jobs are solid lines, the targets dashed lines of the same colour. The value
    axis starts at zero; a footnote names the rule set, the years and the receipt.
    """
    figure = _figure(size, dpi)
    axes = figure.add_subplot()
    ordered = sorted(counts, key=lambda c: c.period.start)
    years = [c.period.start.year for c in ordered]
    pools = list(dict.fromkeys(m.pool for c in ordered for m in c.monitoring))
    shown: list[float] = []
    for number, pool in enumerate(pools):
        colour = colours[number % len(colours)]
        lines = [c.monitoring_of(pool) for c in ordered]
        realised = [float(m.extra_jobs) for m in lines]
        shown += realised
        name = translate(pool.value, lang)
        axes.plot(
            years,
            realised,
            marker="o",
            color=colour,
            label=f"{name}{translate(': realised', lang)}",
        )
        targets = [(y, float(m.target)) for y, m in zip(years, lines, strict=True) if m.target]
        if targets:
            shown += [t for _, t in targets]
            axes.plot(
                [y for y, _ in targets],
                [t for _, t in targets],
                linestyle="--",
                marker="s",
                color=colour,
                label=f"{name}{translate(': target', lang)}",
            )
    rules = ordered[0].rules if ordered else ""
    default = f"{translate('Extra jobs against the targets', lang)}: {law_name(rules)}"
    axes.set_title(title or default)
    axes.set_xlabel(translate("year", lang))
    axes.set_ylabel(translate(f"extra {_JOBS}", lang))
    axes.set_xticks(years)
    if lang != "en":
        axes.yaxis.set_major_formatter(_numbers(lang))
    _from_zero(axes, shown)
    axes.grid(visible=True, alpha=0.3)
    axes.legend(loc="best", fontsize="small")
    footnote(figure, ordered, lang=lang)
    return figure


def comparison_chart(
    counts: Mapping[str, JobCount],
    *,
    colours: Sequence[str] = OKABE_ITO,
    title: str = "",
    size: tuple[float, float] = FIGURE_SIZE,
    dpi: int = DPI,
    lang: str = "en",
    full_ids: bool = False,
) -> Figure:
    """Jobs credited to each employer under each rule set, as grouped horizontal bars.

    The legend names each rule set's law; every bar carries its value, so that a zero bar reads
    as 0 and not as missing; the value axis starts at zero. Employers are named by their id and
    name, with every run of nine digits masked (an employer's id may be a BSN, as in every
    table the library writes) unless ``full_ids`` is true.
    """
    figure = _figure(size, dpi)
    axes = figure.add_subplot()
    employers: dict[str, str] = {}
    for count in counts.values():
        employers.update(
            {
                e.id: mask_text(f"{e.id} ({e.name})" if e.name else e.id, full=full_ids)
                for e in count.scenario.employers
            }
        )
    names = list(employers)
    height = 0.8 / max(len(counts), 1)
    shown: list[float] = []
    for number, (rules, count) in enumerate(counts.items()):
        values = [float(as_fraction(count.employers.get(e, Tally()).jobs)) for e in names]
        shown += values
        positions = [i + number * height for i in range(len(names))]
        bars = axes.barh(
            positions,
            values,
            height=height,
            color=colours[number % len(colours)],
            label=law_name(rules),
        )
        labels = [number_text(f"{value:.2f}", lang) for value in values]
        axes.bar_label(bars, labels=labels, padding=2, fontsize="x-small")
    axes.set_yticks(
        [i + height * (len(counts) - 1) / 2 for i in range(len(names))], list(employers.values())
    )
    axes.invert_yaxis()
    year = next(iter(counts.values())).period if counts else ""
    axes.set_title(title or f"{translate('Jobs credited to each employer,', lang)} {year}")
    axes.set_xlabel(translate(_JOBS, lang))
    if lang != "en":
        axes.xaxis.set_major_formatter(_numbers(lang))
    _from_zero(axes, shown, axis="x")
    axes.grid(visible=True, axis="x", alpha=0.3)
    axes.legend(loc="best", fontsize="small")
    footnote(figure, list(counts.values()), lang=lang)
    return figure


def save_chart(figure: Figure, path: str | Path) -> Path:
    """Save a chart as PNG or SVG (by the file's suffix), without a date or software stamp.

    The file is written whole or not at all, never through a link (a link under its name is
    replaced).
    """
    import matplotlib as mpl  # noqa: PLC0415 - an optional extra

    where = Path(path)
    kind = where.suffix.lower().lstrip(".")
    if kind not in FORMATS:
        msg = f"a chart is saved as .png or .svg, got {where.name!r}"
        raise InvalidValueError(msg, field="path", value=where.name, expected=".png or .svg")
    metadata: dict[str, Any] = {"Software": None} if kind == "png" else {"Date": None}
    with replacing(where) as handle, mpl.rc_context({"svg.hashsalt": "banenafspraak"}):
        figure.savefig(handle, format=kind, metadata=metadata)
    return where
