"""The ``banenafspraak`` command line (minimal: ``demo``)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import TextIO

from banenafspraak.counting import assess_quotum, count_jobs
from banenafspraak.demo import DEMO_YEARS, example_scenario
from banenafspraak.report import placements_table, pools_table, quotum_table
from banenafspraak.rulesets import available_rule_sets

__all__ = ["main", "run_demo"]


def run_demo(out: TextIO) -> None:
    """Print the bundled example under every rule set."""
    scenario = example_scenario()
    for rules in available_rule_sets():
        for year in DEMO_YEARS:
            count = count_jobs(scenario, rules=rules, year=year)
            out.write(f"\n=== {scenario.name}: {rules}, {year} ===\n\n")
            out.write("Where each placement counts\n")
            out.write(placements_table(count) + "\n\n")
            out.write("Pools against their targets\n")
            out.write(pools_table(count) + "\n\n")
            quotum = assess_quotum(scenario, rules=rules, year=year, count=count)
            out.write("Quotum of liable employers\n")
            out.write(quotum_table(quotum) + "\n")
    count = count_jobs(scenario, rules="wbqa-2015", year=2019)
    out.write("\n=== Why: three placements explained (wbqa-2015, 2019) ===\n\n")
    out.writelines(count.explain(placement) + "\n\n" for placement in ("s-w", "u-y", "f-r"))


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    parser = argparse.ArgumentParser(prog="banenafspraak", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("demo", help="the bundled example under every rule set")
    args = parser.parse_args(argv)
    if args.command == "demo":
        run_demo(sys.stdout)
    return 0
