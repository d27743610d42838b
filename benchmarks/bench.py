"""Benchmarks of the pure path and the batch engine at the sizes S, M, L and XL.

Run ``make bench`` (or ``python benchmarks/bench.py``); ``BENCH_SIZES=S,M`` limits the sizes.
Every figure is measured in this run on this machine; the ratios compare figures of the same run.

* the pure path: placement-months per second per rule set, best of three counts at size M (or
  S), against the goal of 250,000; the scenario's digest, computed once per scenario, apart;
* the batch engine: wall time (best of a few runs) of the count, and of the count plus every
  employer's quotum instrument (``assess_quotum``: the year's ledger, then the rule set once per
  employer), and peak memory (the high-water mark of a fresh process that reads the Parquet
  tables, counts and assesses) per size and rule set. Every run starts from the tables as read:
  what a :class:`Tables` derives and keeps for later counts (the registrations' ends, the
  situations, the employer nouns) is dropped between runs, so each run pays for it as the
  first count after reading does;
* the comparison of every rule set (``compare``: count and quotum under each), per size;
* the floor: a hand-written columnar aggregation of the same hours per pool (polars joins and a
  group-by, no rules), timed in the same process; the batch engine's time over it;
* the pure path's time per placement-month over the batch engine's;
* the four reports (``banenafspraak report``) on the batch engine: wall time per size, rule set
  and report, tables in memory, in a fresh process per size and rule set (``--reports-worker``).

* the pure path's output: ``banenafspraak count`` of a scenario file of 100,000 placements
  (``BENCH_OUTPUT_PLACEMENTS``; about 1.1 million pay periods) as a table, as JSON and as CSV,
  and ``banenafspraak compare --format json``, each in a fresh process (``--output-worker``)
  that reads the file, counts and writes to a file: wall time and peak memory, against the goal
  of 2 GB. ``BENCH_OUTPUT=table,json`` limits the outputs, ``BENCH_OUTPUT=none`` skips them.

* reading a scenario: ``load_scenario`` of the same scenario of 10,000 and 100,000 placements
  (``BENCH_READ_PLACEMENTS``) as a JSON file, a CSV folder and a workbook, then ``count_jobs``
  under the law in force, each in a fresh process (``--read-worker``): wall time of the read and
  of the count, and peak memory, against the goals (10,000 in 2 s; 100,000 in 20 s and 1.5 GB).
  ``BENCH_READ=none`` skips them.

XL is ten national years, generated and counted one year at a time (a partition per year), as a
user with ten years or ten policy variants would run it.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import attrs
import polars as pl

from banenafspraak import available_rule_sets
from banenafspraak import count_jobs as pure_count_jobs
from banenafspraak.batch import (
    Tables,
    assess_quotum,
    compare,
    count_jobs,
    durability,
    procurement_jobs,
    subsector_monitoring,
    trend,
)
from banenafspraak.synthetic import SIZES, SizeSpec, generate

YEAR = 2019
XL_YEARS = 10
XL_FIRST_YEAR = 2016
GOAL_L_SECONDS = 0.5
GOAL_L_QUOTUM_SECONDS = 1.0
GOAL_L_COMPARE_SECONDS = 1.5
GOAL_L_MEMORY_MB = 1024
GOAL_FLOOR_RATIO = 3.0
GOAL_XL_QUOTUM_SECONDS = 8.0
GOAL_XL_MEMORY_MB = 2048
GOAL_PURE_RATE = 250_000
GOAL_L_REPORT_SECONDS = 2.0
GOAL_OUTPUT_MEMORY_MB = 2048
READ_PLACEMENTS = (10_000, 100_000)
GOAL_READ_SECONDS = {10_000: 2.0, 100_000: 20.0}
GOAL_READ_MEMORY_MB = 1536
READ_FORMATS = {"JSON file": "scenario.json", "CSV folder": "scenario", "workbook": "scenario.xlsx"}
OUTPUT_PLACEMENTS = 100_000
OUTPUTS: dict[str, list[str]] = {
    "table": ["count", "--format", "table"],
    "json": ["count", "--format", "json"],
    "csv": ["count", "--format", "csv"],
    "compare": ["compare", "--format", "json"],
}
"""The pure path's outputs measured, as the command line's arguments after the file."""
REPORTS = ("subsectors", "procurement", "durability", "trend")


def _peak_mb() -> float:
    """The process's peak resident memory (VmHWM: unlike ru_maxrss, fresh after exec)."""
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # pragma: no cover


def floor(tables: Tables) -> pl.DataFrame:
    """The same hours per pool by hand: the hirer's sector, else the employer's; no rules."""
    sectors = tables.employers.select("id", "sector")
    return (
        tables.hours.select("placement", "hours_e4")
        .join(
            tables.placements.select("id", "employer", "hirer"), left_on="placement", right_on="id"
        )
        .join(sectors.rename({"id": "employer", "sector": "emp_sector"}), on="employer", how="left")
        .join(sectors.rename({"id": "hirer", "sector": "hirer_sector"}), on="hirer", how="left")
        .group_by(pl.coalesce("hirer_sector", "emp_sector").alias("pool"))
        .agg(pl.col("hours_e4").sum())
    )


def _best(runs: int, tables: Tables, action: Any) -> float:  # noqa: ANN401 - any callable
    """The best wall time of ``action(fresh tables)``; making the fresh tables is not timed."""
    best = float("inf")
    for _ in range(runs):
        fresh = _fresh(tables)
        start = time.perf_counter()
        action(fresh)
        best = min(best, time.perf_counter() - start)
    return best


def _fresh(tables: Tables) -> Tables:
    """The same tables, as read, without anything an earlier run derived from them.

    A :class:`Tables` keeps what it derives (the registrations' ends, the situations, the
    employer nouns) for later counts of the same tables; every timed run starts without them,
    as the first count after reading does.
    """
    gc.collect()
    return attrs.evolve(tables)


def worker(folders: list[str], rules: str, runs: int) -> dict[str, Any]:
    """Count and assess the Parquet folders (one per year) in this fresh process.

    ``rules`` is a rule set's name, or ``compare`` for the comparison of every rule set.
    """
    baseline_mb = _peak_mb()
    load = batch = floor_s = quotum = 0.0
    rows = 0
    after_load_mb = 0.0
    for folder in folders:
        start = time.perf_counter()
        tables = Tables.read(folder)
        load += time.perf_counter() - start
        year = int(tables.hours["start"].dt.year().mode().sort()[0])
        after_load_mb = max(after_load_mb, _peak_mb())
        rows += tables.hours.height
        if rules == "compare":
            batch += _best(runs, tables, lambda t, y=year: compare(t, year=y))
        else:
            batch += _best(runs, tables, lambda t, y=year: count_jobs(t, rules=rules, year=y))
            floor_s += _best(runs, tables, floor)
            quotum += _best(runs, tables, lambda t, y=year: assess_quotum(t, rules=rules, year=y))
        del tables
    return {
        "rows": rows,
        "load_s": load,
        "batch_s": batch,
        "floor_s": floor_s,
        "quotum_s": quotum,
        "peak_mb": _peak_mb(),
        "import_mb": baseline_mb,
        "after_load_mb": after_load_mb,
    }


def _report(name: str, tables: Tables, rules: str, year: int) -> object:
    """One report on the batch engine, as ``banenafspraak report NAME`` makes it."""
    if name == "subsectors":
        return subsector_monitoring(tables, rules=rules, year=year)
    if name == "procurement":
        return procurement_jobs(tables, rules=rules, year=year)
    if name == "durability":
        return durability(tables, rules=rules)
    return trend(tables, rules=rules)


def reports_worker(folders: list[str], rules: str) -> dict[str, float]:
    """Make each report of the Parquet folders (one per year) in this fresh process; seconds.

    Each report is timed once on tables read once, in the order of :data:`REPORTS`. The reports
    of one set of tables share their counts (each rule set and period is counted once per
    tables): the first report counts the year and computes the tables' digest for the receipts;
    procurement reuses that count and adds the other rule sets; the trend reuses the year.
    """
    seconds = dict.fromkeys(REPORTS, 0.0)
    for folder in folders:
        tables = Tables.read(folder)
        year = int(tables.hours["start"].dt.year().mode().sort()[0])
        for name in REPORTS:
            start = time.perf_counter()
            _report(name, tables, rules, year)
            seconds[name] += time.perf_counter() - start
        del tables
    return seconds


def _run_reports_worker(folders: list[Path], rules: str) -> dict[str, float]:
    command = [sys.executable, __file__, "--reports-worker", rules, *map(str, folders)]
    done = subprocess.run(command, capture_output=True, text=True, check=True)  # noqa: S603
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def output_worker(name: str, scenario_file: str, out: str) -> dict[str, float]:
    """Run one output of the command line in this fresh process, writing to ``out``."""
    from banenafspraak.cli import main as cli_main  # noqa: PLC0415 - only in this worker

    arguments = [OUTPUTS[name][0], scenario_file, "--year", str(YEAR), *OUTPUTS[name][1:]]
    standard_output = sys.stdout
    start = time.perf_counter()
    with Path(out).open("w", encoding="utf-8") as written:
        sys.stdout = written
        try:
            code = cli_main(arguments)
        finally:
            sys.stdout = standard_output
    return {
        "seconds": time.perf_counter() - start,
        "peak_mb": _peak_mb(),
        "code": code,
        "bytes": Path(out).stat().st_size,
    }


def read_worker(path: str) -> dict[str, float]:
    """Read a scenario and count it under the law in force, in this fresh process."""
    from banenafspraak.io import load_scenario  # noqa: PLC0415 - only in this worker

    start = time.perf_counter()
    scenario = load_scenario(path)
    read = time.perf_counter() - start
    pure_count_jobs(scenario, year=YEAR)
    return {"read_s": read, "total_s": time.perf_counter() - start, "peak_mb": _peak_mb()}


def _reads(root: Path) -> dict[tuple[int, str], dict[str, float]]:
    """Each size of :data:`READ_PLACEMENTS` in each of :data:`READ_FORMATS`, read and counted."""
    if os.environ.get("BENCH_READ", "") == "none":
        return {}
    from banenafspraak.io import save_scenario  # noqa: PLC0415 - only where measured

    chosen = os.environ.get("BENCH_READ_PLACEMENTS")
    sizes = tuple(int(n) for n in chosen.split(",")) if chosen else READ_PLACEMENTS
    results: dict[tuple[int, str], dict[str, float]] = {}
    for placements in sizes:
        scenario = generate(SizeSpec(name="read", placements=placements), seed=0, year=YEAR)
        written = scenario.to_scenario()
        (root / f"read-{placements}").mkdir(parents=True)
        for form, name in READ_FORMATS.items():
            path = save_scenario(written, root / f"read-{placements}" / name)
            command = [sys.executable, __file__, "--read-worker", str(path)]
            done = subprocess.run(command, capture_output=True, text=True, check=True)  # noqa: S603
            r = results[placements, form] = json.loads(done.stdout.strip().splitlines()[-1])
            print(
                f"  read {placements:,} placements as a {form}: read {r['read_s']:.1f} s, "
                f"read and count {r['total_s']:.1f} s, {r['peak_mb']:.0f} MB peak",
                flush=True,
            )
        shutil.rmtree(root / f"read-{placements}", ignore_errors=True)
    return results


def _print_reads(results: dict[tuple[int, str], dict[str, float]]) -> None:
    """The reads of a scenario and their goals."""
    print()
    if not results:
        print("reading a scenario: not run (BENCH_READ=none)")
        return
    print("reading a scenario, then counting it (a fresh process each; wall time, peak memory)")
    for (placements, form), r in results.items():
        goal = GOAL_READ_SECONDS.get(placements)
        text = (
            f"{placements:>7,} placements, {form:<10}: read {r['read_s']:6.1f} s, "
            f"and count {r['total_s']:6.1f} s, {r['peak_mb']:6.0f} MB"
        )
        if goal is None:
            print(f"  {text}")
            continue
        ok = r["total_s"] <= goal and r["peak_mb"] <= GOAL_READ_MEMORY_MB
        print("  " + _verdict(ok, f"{text} (goal {goal:.0f} s, {GOAL_READ_MEMORY_MB} MB)"))


def _run_output_worker(name: str, scenario_file: Path, out: Path) -> dict[str, float]:
    command = [sys.executable, __file__, "--output-worker", name, str(scenario_file), str(out)]
    done = subprocess.run(command, capture_output=True, text=True, check=True)  # noqa: S603
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    out.unlink(missing_ok=True)
    return result


def _outputs(root: Path) -> dict[str, dict[str, float]]:
    """The pure path's outputs of a scenario file of :data:`OUTPUT_PLACEMENTS` placements."""
    chosen = os.environ.get("BENCH_OUTPUT", ",".join(OUTPUTS))
    names = [n.strip() for n in chosen.split(",") if n.strip() in OUTPUTS]
    if not names:
        return {}
    placements = int(os.environ.get("BENCH_OUTPUT_PLACEMENTS", OUTPUT_PLACEMENTS))
    start = time.perf_counter()
    spec = SizeSpec(name="output", placements=placements)
    scenario_file = generate(spec, seed=0, year=YEAR).write_json(root / "scenario.json")
    print(
        f"  generated {placements:,} placements as a scenario file "
        f"({scenario_file.stat().st_size / 1e6:.0f} MB) in {time.perf_counter() - start:.1f} s",
        flush=True,
    )
    results = {}
    for name in names:
        r = results[name] = _run_output_worker(name, scenario_file, root / f"written.{name}")
        print(
            f"  pure path {' '.join(OUTPUTS[name])}: {r['seconds']:.1f} s, "
            f"{r['peak_mb']:.0f} MB peak, {r['bytes'] / 1e6:.0f} MB written (exit {r['code']:.0f})",
            flush=True,
        )
    return results


def _print_outputs(results: dict[str, dict[str, float]]) -> None:
    """The pure path's outputs and their goal of 2 GB."""
    print()
    if not results:
        print("pure path output: not run (BENCH_OUTPUT=none)")
        return
    placements = int(os.environ.get("BENCH_OUTPUT_PLACEMENTS", OUTPUT_PLACEMENTS))
    print(
        f"pure path output of {placements:,} placements from a scenario file: read, count and "
        "write, in a fresh process each (wall time, peak memory)"
    )
    for name, r in results.items():
        print(
            f"  {' '.join(OUTPUTS[name]):<26} {r['seconds']:>8.1f} s {r['peak_mb']:>8.0f} MB peak"
        )
    print()
    print("pure path output goals")
    for name, r in results.items():
        print(
            "  "
            + _verdict(
                r["peak_mb"] <= GOAL_OUTPUT_MEMORY_MB and r["code"] == 0,
                f"{' '.join(OUTPUTS[name])}: {r['peak_mb']:.0f} MB peak in {r['seconds']:.1f} s "
                f"(goal {GOAL_OUTPUT_MEMORY_MB} MB)",
            )
        )


def _run_worker(folders: list[Path], rules: str, runs: int) -> dict[str, Any]:
    command = [sys.executable, __file__, "--worker", rules, str(runs), *map(str, folders)]
    done = subprocess.run(command, capture_output=True, text=True, check=True)  # noqa: S603
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def _machine() -> str:
    cpu = "unknown CPU"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    memory = ""
    meminfo = Path("/proc/meminfo")
    if meminfo.exists():
        kb = int(meminfo.read_text().split()[1])
        memory = f", {kb / 1024 / 1024:.1f} GiB RAM"
    return (
        f"{os.cpu_count()} cores ({cpu}){memory}; Python {platform.python_version()}, "
        f"polars {pl.__version__}, {platform.system()} {platform.release()}"
    )


def _write_sizes(sizes: list[str], root: Path) -> dict[str, list[Path]]:
    folders: dict[str, list[Path]] = {}
    for size in sizes:
        start = time.perf_counter()
        if size == "XL":
            spec = SizeSpec(name="XL-year", placements=SIZES["L"].placements)
            folders[size] = []
            for offset in range(XL_YEARS):
                data = generate(spec, seed=offset, year=XL_FIRST_YEAR + offset)
                folders[size].append(data.write_parquet(root / f"XL-{offset}"))
                del data
        else:
            folders[size] = [generate(size, seed=0, year=YEAR).write_parquet(root / size)]
        print(f"  generated {size} in {time.perf_counter() - start:.1f} s", flush=True)
    return folders


PURE_RUNS = 3
"""The pure path's count is timed this many times per rule set; the best run counts."""


def _pure_rates(sizes: list[str], rule_sets: tuple[str, ...]) -> dict[str, float]:
    """Placement-months per second of the pure path, measured at the largest of S and M.

    The scenario's digest (for the receipt) is computed once per scenario and kept: it is timed
    on its own, before the counts. Each rule set's count is timed :data:`PURE_RUNS` times, in
    wall time and in the process's CPU time; the best wall time gives the rate.
    """
    measured = [s for s in ("M", "S") if s in sizes] or ["S"]
    size = measured[0]
    data = generate(size, seed=0, year=YEAR)
    scenario = data.to_scenario()
    start = time.perf_counter()
    scenario.digest()
    print(f"  pure: the scenario's digest on {size} (once): {time.perf_counter() - start:.2f} s")
    rates = {}
    for rules in rule_sets:
        wall = cpu = float("inf")
        months = 0
        for _ in range(PURE_RUNS):
            start, start_cpu = time.perf_counter(), time.process_time()
            count = pure_count_jobs(scenario, rules=rules, year=YEAR)
            wall = min(wall, time.perf_counter() - start)
            cpu = min(cpu, time.process_time() - start_cpu)
            months = len(count.attributions)
            del count
        rates[rules] = months / wall
        print(
            f"  pure {rules} on {size}: {months:,} placement-months in {wall:.2f} s "
            f"(best of {PURE_RUNS}; CPU {cpu:.2f} s, {months / cpu:,.0f} /s)",
            flush=True,
        )
    return rates


def _verdict(ok: bool, text: str) -> str:  # noqa: FBT001 - a verdict is a yes or no
    return ("met    " if ok else "MISSED ") + text


def main() -> int:
    """Run the benchmarks and print the table."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--worker", nargs="+")
    parser.add_argument("--reports-worker", nargs="+")
    parser.add_argument("--output-worker", nargs=3)
    parser.add_argument("--read-worker", nargs=1)
    args = parser.parse_args()
    if args.read_worker:
        print(json.dumps(read_worker(args.read_worker[0])))
        return 0
    if args.output_worker:
        print(json.dumps(output_worker(*args.output_worker)))
        return 0
    if args.worker:
        rules, runs, *folders = args.worker
        print(json.dumps(worker(folders, rules, int(runs))))
        return 0
    if args.reports_worker:
        rules, *folders = args.reports_worker
        print(json.dumps(reports_worker(folders, rules)))
        return 0
    sizes = [s.strip().upper() for s in os.environ.get("BENCH_SIZES", "S,M,L,XL").split(",")]
    rule_sets = available_rule_sets()
    print(f"machine: {_machine()}")
    print(f"sizes: {', '.join(sizes)}; rule sets: {', '.join(rule_sets)}", flush=True)
    root = Path(tempfile.mkdtemp(prefix="banenafspraak-bench-"))
    try:
        folders = _write_sizes(sizes, root)
        rates = _pure_rates(sizes, rule_sets)
        results: dict[tuple[str, str], dict[str, Any]] = {}
        for size in sizes:
            runs = 3 if size in {"S", "M", "L"} else 1
            for rules in (*rule_sets, "compare"):
                r = results[size, rules] = _run_worker(folders[size], rules, runs)
                quotum = f", with every employer's instrument {r['quotum_s']:.3f} s"
                print(
                    f"  batch {rules} on {size}: {r['batch_s']:.3f} s"
                    + (quotum if rules != "compare" else ""),
                    flush=True,
                )
        reports: dict[tuple[str, str], dict[str, float]] = {}
        for size in sizes:
            for rules in rule_sets:
                reports[size, rules] = _run_reports_worker(folders[size], rules)
                figures = ", ".join(f"{n} {s:.2f} s" for n, s in reports[size, rules].items())
                print(f"  reports {rules} on {size}: {figures}", flush=True)
        outputs = _outputs(root)
        reads = _reads(root)
    finally:
        shutil.rmtree(root, ignore_errors=True)
    _print_table(sizes, rule_sets, rates, results)
    _print_reports(sizes, rule_sets, reports)
    _print_outputs(outputs)
    _print_reads(reads)
    return 0


def _print_reports(
    sizes: list[str], rule_sets: tuple[str, ...], reports: dict[tuple[str, str], dict[str, float]]
) -> None:
    """The reports' table and their goal at L."""
    print()
    print(
        "reports on the batch engine: wall time in seconds (tables in memory, one run, in this "
        "order; the reports of one set of tables count each rule set and period once)"
    )
    header = f"{'size':<4} {'rule set':<26} " + " ".join(f"{n:>12}" for n in REPORTS)
    print(header)
    print("-" * len(header))
    for size in sizes:
        for rules in rule_sets:
            times = reports[size, rules]
            print(f"{size:<4} {rules:<26} " + " ".join(f"{times[n]:>12.2f}" for n in REPORTS))
    print()
    print("report goals")
    if not any(size == "L" for size in sizes):
        print(f"  (not measured: the goal is each report <= {GOAL_L_REPORT_SECONDS} s at L)")
        return
    for rules in rule_sets:
        for name in REPORTS:
            seconds = reports["L", rules][name]
            print(
                "  "
                + _verdict(
                    seconds <= GOAL_L_REPORT_SECONDS,
                    f"L {rules} report {name}: {seconds:.2f} s (goal {GOAL_L_REPORT_SECONDS} s)",
                )
            )


def _print_table(
    sizes: list[str],
    rule_sets: tuple[str, ...],
    rates: dict[str, float],
    results: dict[tuple[str, str], dict[str, Any]],
) -> None:
    print()
    print("pure path (reference): placement-months per second (best wall time)")
    for rules in rule_sets:
        print(f"  {rules:<26} {rates[rules]:>12,.0f} /s")
    print()
    header = (
        f"{'size':<4} {'rule set':<26} {'placement-months':>16} {'count s':>8} {'+quotum s':>10} "
        f"{'peak MB':>8} {'load s':>7} {'floor s':>8} {'x floor':>8} {'pure/batch':>11}"
    )
    print(
        "batch engine: wall time (tables in memory as read, nothing derived from them kept "
        "between runs; best of 3 below XL, XL: ten years one after the other) of the count, and "
        "of the count with every employer's quotum instrument; peak memory of the whole process"
    )
    print(header)
    print("-" * len(header))
    for size in sizes:
        for rules in rule_sets:
            r = results[size, rules]
            per_row_batch = r["batch_s"] / r["rows"]
            speedup = (1 / rates[rules]) / per_row_batch
            print(
                f"{size:<4} {rules:<26} {r['rows']:>16,} {r['batch_s']:>8.3f} "
                f"{r['quotum_s']:>10.3f} {r['peak_mb']:>8.0f} {r['load_s']:>7.2f} "
                f"{r['floor_s']:>8.3f} {r['batch_s'] / r['floor_s']:>8.1f} {speedup:>11.0f}"
            )
    print()
    print("compare: count and every employer's instrument under every rule set")
    for size in sizes:
        r = results[size, "compare"]
        print(f"{size:<4} {r['batch_s']:>8.3f} s {r['peak_mb']:>8.0f} MB peak")
    print()
    print("goals")
    for line in _goals(sizes, rule_sets, rates, results):
        print("  " + line)


def _goals(
    sizes: list[str],
    rule_sets: tuple[str, ...],
    rates: dict[str, float],
    results: dict[tuple[str, str], dict[str, Any]],
) -> list[str]:
    lines = []
    for rules in rule_sets:
        rate = rates[rules]
        short = f"; x{GOAL_PURE_RATE / rate:.1f} short" if rate < GOAL_PURE_RATE else ""
        lines.append(
            _verdict(
                rate >= GOAL_PURE_RATE,
                f"pure {rules}: {rate:,.0f} placement-months/s "
                f"(goal >= {GOAL_PURE_RATE:,} placement-months/s{short})",
            )
        )
    if "L" in sizes:
        for rules in rule_sets:
            r = results["L", rules]
            ratio = r["batch_s"] / r["floor_s"]
            lines += [
                _verdict(
                    r["batch_s"] <= GOAL_L_SECONDS,
                    f"L {rules}: count {r['batch_s']:.2f} s (goal {GOAL_L_SECONDS} s)",
                ),
                _verdict(
                    r["quotum_s"] <= GOAL_L_QUOTUM_SECONDS,
                    f"L {rules}: count + every employer's instrument {r['quotum_s']:.2f} s "
                    f"(goal {GOAL_L_QUOTUM_SECONDS} s)",
                ),
                _verdict(
                    r["peak_mb"] <= GOAL_L_MEMORY_MB,
                    f"L {rules}: {r['peak_mb']:.0f} MB peak (goal {GOAL_L_MEMORY_MB} MB)",
                ),
                _verdict(
                    ratio <= GOAL_FLOOR_RATIO,
                    f"L {rules}: {ratio:.1f} x the floor (goal {GOAL_FLOOR_RATIO})",
                ),
            ]
        r = results["L", "compare"]
        lines += [
            _verdict(
                r["batch_s"] <= GOAL_L_COMPARE_SECONDS,
                f"L compare of {len(rule_sets)} rule sets: {r['batch_s']:.2f} s "
                f"(goal {GOAL_L_COMPARE_SECONDS} s)",
            ),
            _verdict(
                r["peak_mb"] <= GOAL_L_MEMORY_MB,
                f"L compare: {r['peak_mb']:.0f} MB peak (goal {GOAL_L_MEMORY_MB} MB)",
            ),
        ]
    else:
        lines.append("not run  the goals of size L (a national year): BENCH_SIZES has no L")
    if "XL" in sizes:
        for rules in rule_sets:
            r = results["XL", rules]
            lines += [
                _verdict(
                    r["quotum_s"] <= GOAL_XL_QUOTUM_SECONDS,
                    f"XL {rules}: count + every employer's instrument {r['quotum_s']:.2f} s "
                    f"(goal {GOAL_XL_QUOTUM_SECONDS} s)",
                ),
                _verdict(
                    r["peak_mb"] <= GOAL_XL_MEMORY_MB,
                    f"XL {rules}: {r['peak_mb']:.0f} MB peak (goal {GOAL_XL_MEMORY_MB} MB)",
                ),
            ]
    else:
        lines.append("not run  the goals of size XL (ten national years): BENCH_SIZES has no XL")
    return lines


if __name__ == "__main__":
    raise SystemExit(main())
