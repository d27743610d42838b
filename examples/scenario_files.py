"""From a CSV export to a table, a JSON result and a chart, in Python.

The same steps as the command line (see the README's "Command line" section)::

    python examples/scenario_files.py examples/scenarios/example-csv out
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from banenafspraak import count_jobs, load_scenario
from banenafspraak.render.export import count_document, count_tables, to_csv

EXAMPLE = Path(__file__).parent / "scenarios" / "example-csv"


def main(source: str = str(EXAMPLE), out: str | None = None) -> None:
    """Count the scenario at ``source`` in its last year; write a JSON result and a chart.

    Without ``out``, print the head of the JSON result and write nothing.
    """
    scenario = load_scenario(source)
    year = scenario.years[-1]
    count = count_jobs(scenario, rules="wbqa-2015", year=year)
    print(to_csv(count_tables(count)["pools"]), end="")
    document = json.dumps(count_document(count), indent=2)
    if out is None:
        print("\n".join(document.splitlines()[:12]))
        return
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    result = folder / f"count-{year}.json"
    result.write_text(document + "\n", encoding="utf-8")
    print(f"wrote {result}")
    try:
        from banenafspraak.render.charts import realisation_chart, save_chart  # noqa: PLC0415
    except ImportError:  # pragma: no cover - the plot extra is optional
        return
    counts = [count_jobs(scenario, rules="wbqa-2015", year=y) for y in scenario.years]
    print(f"wrote {save_chart(realisation_chart(counts), folder / 'realisation.svg')}")


if __name__ == "__main__":
    main(*sys.argv[1:3])
