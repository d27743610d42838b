"""Charts of the policy reports (needs the optional extra ``plot``: matplotlib).

:func:`trend_chart` draws a :class:`~banenafspraak.reports.Trend`: realised extra jobs per pool
(and per sub-sector) against the targets, year by year, with met and missed years marked. The PNG
is deterministic: the same trend gives the same bytes (no software or date metadata).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from banenafspraak.exceptions import MissingExtraError
from banenafspraak.render.charts import save_chart

if TYPE_CHECKING:
    from matplotlib.axes import Axes

    from banenafspraak.reports import Trend, TrendSeries

__all__ = ["trend_chart"]

# A colour-blind-safe palette (Okabe and Ito).
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000")


def _draw(axes: Axes, series: tuple[TrendSeries, ...], title: str) -> None:
    for index, line in enumerate(series):
        colour = PALETTE[index % len(PALETTE)]
        years = list(line.years)
        extra = [float(value) for value in line.extra_jobs]
        axes.plot(years, extra, color=colour, marker="o", label=f"{line.label}: extra jobs")
        targets = [(p.year, float(p.target)) for p in line.points if p.target is not None]
        if targets:
            axes.plot(
                [year for year, _ in targets],
                [value for _, value in targets],
                color=colour,
                linestyle="--",
                marker="_",
                label=f"{line.label}: target",
            )
        missed = [(p.year, float(p.extra_jobs)) for p in line.points if p.met is False]
        if missed:
            axes.scatter(
                [year for year, _ in missed],
                [value for _, value in missed],
                facecolors="white",
                edgecolors=colour,
                s=80,
                zorder=3,
                label=f"{line.label}: target missed",
            )
    values = [float(v) for line in series for v in line.extra_jobs] + [
        float(p.target) for line in series for p in line.points if p.target is not None
    ]
    low, high = min([0.0, *values]), max([0.0, *values])
    axes.set_ylim(bottom=low, top=high * 1.1 if high else 1.0)
    axes.set_title(title)
    axes.set_xlabel("year")
    axes.set_ylabel("extra jobs (1 job = 25.5 hours a week)")
    axes.grid(visible=True, alpha=0.3)
    axes.legend(fontsize="small")


def trend_chart(
    trend: Trend,
    path: str | Path,
    *,
    subsectors: bool = True,
    width: float = 8.0,
    dpi: int = 100,
) -> Path:
    """Draw ``trend`` at ``path`` (PNG or SVG, by its suffix): extra jobs against targets.

    One panel for the pools and, when ``subsectors`` is true and the trend has sub-sector series,
    a second for the sub-sectors. Years whose target was missed have an open marker, named in
    the legend. The value axes start at zero; a footnote names the rule set, the years and the
    receipt. ``width`` is in inches (each panel is half as high), ``dpi`` the resolution.

    Raises:
        MissingExtraError: when matplotlib is not installed.
    """
    try:
        from matplotlib.backends.backend_agg import FigureCanvasAgg  # noqa: PLC0415
        from matplotlib.figure import Figure  # noqa: PLC0415
        from matplotlib.ticker import MaxNLocator  # noqa: PLC0415
    except ImportError:  # pragma: no cover - the test environment has the extra
        feature = "charts of the reports"
        raise MissingExtraError(feature, "plot") from None

    from banenafspraak.render.charts import law_name  # noqa: PLC0415 - the same optional extra

    law = law_name(trend.rules)
    panels: list[tuple[tuple[TrendSeries, ...], str]] = [
        (trend.pools, f"Extra jobs per pool: {law}")
    ]
    if subsectors and trend.subsectors:
        panels.append((trend.subsectors, f"Extra jobs per sub-sector: {law}"))
    figure = Figure(figsize=(width, width / 2 * len(panels)), dpi=dpi, layout="constrained")
    figure.get_layout_engine().set(rect=(0, 0.05, 1, 0.95))  # type: ignore[union-attr, call-arg]
    FigureCanvasAgg(figure)
    years = [year for line in trend.pools for year in line.years]
    receipt = trend.receipts[-1]
    figure.text(
        0.01,
        0.01,
        f"Rule set: {trend.rules}; year {min(years, default='-')}-{max(years, default='-')}; "
        f"receipt: banenafspraak {receipt.library_version}, parameters "
        f"{receipt.parameters_digest[:19]}, scenario {receipt.scenario_digest[:19]}",
        fontsize="x-small",
        color="#555555",
        wrap=True,
    )
    for number, (series, title) in enumerate(panels, start=1):
        axes = figure.add_subplot(len(panels), 1, number)
        _draw(axes, series, title)
        axes.xaxis.set_major_locator(MaxNLocator(integer=True))
    return save_chart(figure, path)
