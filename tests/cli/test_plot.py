"""Charts: written where asked, deterministic, with the data they claim to show."""

from __future__ import annotations

import builtins
import hashlib
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from golden_cases import JSON, run
from matplotlib.ticker import ScalarFormatter

from banenafspraak import MissingExtraError, count_jobs
from banenafspraak.demo import example_scenario
from banenafspraak.render.charts import OKABE_ITO, comparison_chart, realisation_chart, save_chart


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def counts() -> list[Any]:
    scenario = example_scenario()
    return [count_jobs(scenario, rules="wbqa-2015", year=year) for year in (2018, 2019)]


def test_the_realisation_chart_shows_realised_and_target_lines_per_pool() -> None:
    figure = realisation_chart(counts())
    (axes,) = figure.axes
    labels = [line.get_label() for line in axes.get_lines()]
    assert labels == [
        "market: realised",
        "market: target",
        "government: realised",
        "government: target",
    ]
    market = axes.get_lines()[0]
    expected = [float(c.monitoring_of("market").extra_jobs) for c in counts()]
    assert np.asarray(market.get_ydata(), dtype=float).tolist() == expected
    targets = axes.get_lines()[1].get_ydata()
    assert np.asarray(targets, dtype=float).tolist() == [3.0, 5.0]
    assert market.get_color() == OKABE_ITO[0]


def test_the_comparison_chart_has_one_bar_per_employer_and_rule_set() -> None:
    last = counts()[1]
    figure = comparison_chart({"wbqa-2015": last, "again": last})
    (axes,) = figure.axes
    assert len(axes.patches) == 2 * len(example_scenario().employers)
    widths = sorted({round(p.get_width(), 6) for p in axes.patches})  # type: ignore[attr-defined]
    assert widths[-1] == round(float(last.employers["G"].jobs), 6)
    # the employers in the canonical order of their ids: B first
    assert axes.get_yticklabels()[0].get_text() == "B (Bakkerij Brood)"


@pytest.mark.parametrize(("lang", "label", "tick"), [("en", "3.32", "1.5"), ("nl", "3,32", "1,5")])
def test_chart_numbers_are_written_as_the_language_writes_them(
    lang: str, label: str, tick: str
) -> None:
    last = counts()[1]
    figure = comparison_chart({"wbqa-2015": last}, lang=lang)
    (axes,) = figure.axes
    figure.canvas.draw()
    labels = [text.get_text() for text in axes.texts]
    assert label in labels
    ticks = [text.get_text() for text in axes.get_xticklabels()]
    assert tick in ticks
    realisation = realisation_chart(counts(), lang=lang)
    realisation.canvas.draw()
    (axes,) = realisation.axes
    values = axes.yaxis.get_major_formatter()
    if lang == "nl":
        assert (values(2.5), values(1500)) == ("2,5", "1.500")
    else:
        assert isinstance(values, ScalarFormatter)  # the charts in English are as they were
    assert [text.get_text() for text in axes.get_xticklabels()] == ["2018", "2019"]


@pytest.mark.parametrize("suffix", ["png", "svg"])
def test_a_saved_chart_is_the_same_bytes_every_time(tmp_path: Path, suffix: str) -> None:
    first = save_chart(realisation_chart(counts()), tmp_path / f"a.{suffix}")
    second = save_chart(realisation_chart(counts()), tmp_path / f"b.{suffix}")
    assert digest(first) == digest(second)
    assert b"Software" not in first.read_bytes()
    if suffix == "svg":
        assert "<dc:date>" not in first.read_text("utf-8")


def test_a_chart_is_png_or_svg(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match=r"\.png or \.svg"):
        save_chart(realisation_chart(counts()), tmp_path / "chart.pdf")


def test_the_plot_command_writes_both_charts(tmp_path: Path) -> None:
    out = tmp_path / "charts"
    code, text, err = run(
        ["plot", JSON, "--out", str(out), "--year", "2018", "--compare", "wbqa-2015"]
    )
    assert (code, err) == (0, "")
    assert sorted(p.name for p in out.iterdir()) == ["comparison.png", "realisation.png"]
    assert text.splitlines() == [
        f"wrote {out / 'realisation.png'}",
        f"wrote {out / 'comparison.png'}",
    ]
    assert (out / "realisation.png").read_bytes().startswith(b"\x89PNG")


def test_a_scenario_without_hours_has_nothing_to_chart(tmp_path: Path) -> None:
    from banenafspraak.io import save_scenario  # noqa: PLC0415 - only here

    empty = save_scenario(example_scenario().evolve(placements=()), tmp_path / "empty.json")
    code, _, err = run(["plot", str(empty), "--out", str(tmp_path / "charts")])
    assert code == 1
    assert "no pay periods: nothing to chart" in err
    assert not (tmp_path / "charts").exists()


def test_without_matplotlib_the_extra_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    real_import = builtins.__import__

    def refuse(name: str, *args: Any, **kwargs: Any) -> Any:
        if name.startswith("matplotlib"):
            raise ModuleNotFoundError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", refuse)
    with pytest.raises(MissingExtraError, match=r"banenafspraak\[plot\]"):
        realisation_chart(counts())


def test_an_employer_id_that_is_a_bsn_is_masked_on_the_comparison_chart(tmp_path: Path) -> None:
    from banenafspraak.io import load_scenario, save_scenario  # noqa: PLC0415 - only here

    bsn = "111222333"  # passes the elfproef
    text = save_scenario(example_scenario(), tmp_path / "s.json").read_text("utf-8")
    (tmp_path / "s.json").write_text(text.replace('"B"', f'"{bsn}"'), "utf-8")
    last = count_jobs(load_scenario(tmp_path / "s.json"), rules="wbqa-2015", year=2019)
    masked = comparison_chart({"wbqa-2015": last}).axes[0].get_yticklabels()
    ticks = [t.get_text() for t in masked]
    assert "*****2333 (Bakkerij Brood)" in ticks
    assert not any(bsn in tick for tick in ticks)
    shown = comparison_chart({"wbqa-2015": last}, full_ids=True).axes[0].get_yticklabels()
    assert f"{bsn} (Bakkerij Brood)" in [t.get_text() for t in shown]
