"""Write the charts shown in the docs (``docs/images/``) from the bundled example.

``tests/test_doc_charts.py`` checks that the committed images are current; run this after a
change to the charts, the example or the parameters, and look at the images before committing::

    .venv/bin/python scripts/generate_doc_charts.py
"""

from __future__ import annotations

import sys
from pathlib import Path

from banenafspraak import available_rule_sets, count_jobs
from banenafspraak.demo import example_scenario
from banenafspraak.render.charts import comparison_chart, realisation_chart, save_chart
from banenafspraak.render.report_charts import trend_chart
from banenafspraak.reports import trend

IMAGES = Path(__file__).parents[1] / "docs" / "images"
DPI = 72


def write(folder: Path = IMAGES) -> list[Path]:
    """Write the doc charts into ``folder``; returns their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    scenario = example_scenario()
    counts = [count_jobs(scenario, rules="wbqa-2015", year=year) for year in (2018, 2019)]
    compared = {name: count_jobs(scenario, rules=name, year=2019) for name in available_rule_sets()}
    return [
        save_chart(realisation_chart(counts, dpi=DPI), folder / "realisation.png"),
        save_chart(comparison_chart(compared, dpi=DPI), folder / "comparison.png"),
        save_chart(realisation_chart(counts, dpi=DPI, lang="nl"), folder / "realisation-nl.png"),
        trend_chart(trend(scenario, rules="wbqa-2015"), folder / "trend.png", dpi=DPI),
    ]


def main() -> int:
    """Write the charts; returns the exit code."""
    for path in write():
        sys.stdout.write(f"wrote {path}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
