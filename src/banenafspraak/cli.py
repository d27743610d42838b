"""The ``banenafspraak`` command line: scenario files in, tables, JSON, CSV and charts out.

Every command that reads a scenario takes a ``.json`` file, a folder of CSV files or an ``.xlsx``
workbook. Output is a readable table by default, ``--format json`` (stable keys, exact numbers as
decimal strings), ``--format csv`` or ``--format xlsx`` (a workbook, a sheet per table, written
to ``--out FILE.xlsx``). Exit codes: 0 fine, 1 bad input (the message names every problem and its
place), 2 wrong usage. Nine-digit person ids (BSNs) are shown masked unless ``--full-ids``.
Nothing is written anywhere but standard output, except charts and workbooks, and only where
``--out`` says.
"""

from __future__ import annotations

import contextlib
import contextvars
import enum
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import attrs

from banenafspraak.exceptions import (
    BanenafspraakError,
    InvalidScenarioError,
    MissingExtraError,
    Problem,
)

try:
    import typer
    from rich import box
    from rich.console import Console
    from rich.progress import BarColumn, Progress, SpinnerColumn, TaskID, TextColumn
    from rich.table import Table as RichTable
    from rich.text import Text
except ImportError as error:  # pragma: no cover - the extra is installed in development
    _FEATURE, _EXTRA = "banenafspraak.cli", "cli"
    raise MissingExtraError(_FEATURE, _EXTRA) from error

from banenafspraak._folders import batch_folder
from banenafspraak._i18n import NL, number_text, translate
from banenafspraak._printable import printable
from banenafspraak._util import display
from banenafspraak._version import __version__
from banenafspraak._workbook import MAX_BYTES
from banenafspraak.bsn import mask_text
from banenafspraak.comparing import compare as compare_rule_sets
from banenafspraak.counting import (
    JobCount,
    Receipt,
    assess_quotum,
    count_jobs,
    rules_in_force,
)
from banenafspraak.io import example_path, load_scenario, scenario_schema
from banenafspraak.periods import Period
from banenafspraak.render.explain import explain_placement, explain_quotum
from banenafspraak.render.export import (
    Table,
    attribution_document,
    attributions_table,
    comparison_document,
    comparison_rows,
    comparison_tables,
    count_document,
    count_tables,
    differences_table,
    masked_rows,
    masked_table,
    quotum_document,
    quotum_table,
    receipt_document,
    result_document,
    to_xlsx,
    totals_document,
    totals_tables,
    write_count_csv,
    write_csv,
    write_json,
)
from banenafspraak.render.layout import (
    column_groups,
    figures_table,
    fit_text,
    printable_table,
    render_plain,
)
from banenafspraak.render.text import Part, demo_parts, render_parts, report_tables
from banenafspraak.reports import (
    DurabilityReport,
    ProcurementReport,
    SubsectorMonitoring,
    Trend,
    durability,
    procurement_jobs,
    subsector_monitoring,
    trend,
)
from banenafspraak.rulesets import Figure, available_rule_sets, rule_sets
from banenafspraak.scenario import Scenario

if TYPE_CHECKING:
    from banenafspraak.batch import Tables

__all__ = ["app", "main"]

EXIT_OK, EXIT_BAD_INPUT, EXIT_USAGE = 0, 1, 2


class Format(enum.StrEnum):
    """How results are written."""

    TABLE = "table"
    JSON = "json"
    CSV = "csv"
    XLSX = "xlsx"


class ImageFormat(enum.StrEnum):
    """The file type of charts."""

    PNG = "png"
    SVG = "svg"


class Engine(enum.StrEnum):
    """Which engine counts."""

    AUTO = "auto"
    PURE = "pure"
    BATCH = "batch"


class CountTable(enum.StrEnum):
    """Which table of a count to write."""

    POOLS = "pools"
    EMPLOYERS = "employers"
    PLACEMENTS = "placements"
    ATTRIBUTIONS = "attributions"


app = typer.Typer(
    name="banenafspraak",
    help="Count banenafspraak jobs in a scenario file under the Dutch counting rules.",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


def _check_rules(value: str | None) -> str | None:
    """Typer callback: a comma-separated list of registered rule-set names."""
    if value is None:
        return None
    names = [name.strip() for name in value.split(",") if name.strip()]
    unknown = [name for name in names if name not in available_rule_sets()]
    if unknown or not names:
        known = ", ".join(available_rule_sets())
        msg = f"unknown rule set {', '.join(unknown) or repr(value)}; available: {known}"
        raise typer.BadParameter(msg)
    return ",".join(names)


def _check_rule(value: str | None) -> str | None:
    """Typer callback: one registered rule-set name."""
    checked = _check_rules(value)
    if checked is not None and "," in checked:
        msg = f"one rule set, got {value!r} (compare takes several)"
        raise typer.BadParameter(msg)
    return checked


ScenarioPath = Annotated[
    Path,
    typer.Argument(
        help="A scenario: a .json file (format banenafspraak/scenario@1), a folder of CSV files "
        "or an .xlsx workbook.",
        metavar="FILE",
        show_default=False,
    ),
]
Rules = Annotated[
    str | None,
    typer.Option(
        "--rules",
        help="The rule set (default: the one in force at the end of the year).",
        callback=_check_rule,
        show_default=False,
    ),
]
Year = Annotated[int, typer.Option("--year", help="The calendar year.", min=1900, max=2200)]
OutputFormat = Annotated[
    Format,
    typer.Option(
        "--format", help="table, json, csv or xlsx (to --out FILE.xlsx).", case_sensitive=False
    ),
]
OutFile = Annotated[
    Path | None,
    typer.Option(
        "--out",
        help="The Excel workbook to write with --format xlsx (the xlsx extra).",
        show_default=False,
    ),
]
EngineOption = Annotated[
    Engine,
    typer.Option(
        "--engine",
        help="pure (every attribution), batch (columnar, for national-scale tables; the batch "
        "extra) or auto: batch for a folder with registrations.csv or a table as Parquet "
        "(registrations.parquet, hours.parquet, ...).",
        case_sensitive=False,
    ),
]
_FULL_IDS = contextvars.ContextVar("full_ids", default=False)


def _remember_full_ids(value: bool) -> bool:  # noqa: FBT001 - a typer callback
    """Typer callback: remember ``--full-ids`` for every writer of the command."""
    _FULL_IDS.set(value)
    return value


FullIds = Annotated[
    bool,
    typer.Option(
        "--full-ids",
        help="Show nine-digit ids (BSNs) in full (every run of nine digits is masked by default).",
        callback=_remember_full_ids,
    ),
]


def _check_size(value: str) -> str:
    """Typer callback: a chart size ``WIDTHxHEIGHT`` in inches."""
    _size(value)
    return value


def _size(value: str) -> tuple[float, float]:
    width, _, height = value.lower().partition("x")
    try:
        size = (float(width), float(height))
    except ValueError:
        msg = f"expected WIDTHxHEIGHT in inches, such as 8x4.5; got {value!r}"
        raise typer.BadParameter(msg) from None
    if not all(0 < side <= 100 for side in size):  # noqa: PLR2004 - inches
        msg = f"a chart's sides are more than 0 and at most 100 inches; got {value!r}"
        raise typer.BadParameter(msg)
    return size


ChartSize = Annotated[
    str,
    typer.Option("--size", help="The charts' size in inches, WIDTHxHEIGHT.", callback=_check_size),
]
ChartDpi = Annotated[
    int,
    typer.Option("--dpi", help="The PNG charts' resolution in dots per inch.", min=50, max=1200),
]


class Lang(enum.StrEnum):
    """The language of tables and charts."""

    EN = "en"
    NL = "nl"


_LANG = {"lang": Lang.EN}
_LIMITS = {"max_bytes": MAX_BYTES}
"""The most bytes of a scenario file read (``--max-bytes``)."""


def _load(file: Path, *, full_ids: bool) -> Scenario:
    """The scenario of ``file`` (:func:`load_scenario`), within ``--max-bytes``."""
    return load_scenario(file, full_ids=full_ids, max_bytes=_LIMITS["max_bytes"])


"""The language asked for with ``banenafspraak --lang``, for this run."""


# -- output ----------------------------------------------------------------------------------


_PIPE_WIDTH = 200


def _batch(file: Path, engine: Engine) -> bool:
    """Whether the batch engine counts ``file``."""
    if engine is Engine.AUTO:
        return file.is_dir() and batch_folder(file)
    return engine is Engine.BATCH


@contextlib.contextmanager
def _progress() -> Iterator[Callable[[str, int, int], None]]:
    """A progress display on the terminal (none when piped or under CI) for long runs."""
    shown = sys.stderr.isatty() and not os.environ.get("CI")
    with Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        TextColumn("{task.completed}/{task.total}"),
        console=Console(stderr=True),
        transient=True,
        disable=not shown,
    ) as progress:
        tasks: dict[str, TaskID] = {}

        def report(stage: str, done: int, total: int) -> None:
            if stage not in tasks:
                tasks[stage] = progress.add_task(stage, total=total)
            progress.update(tasks[stage], completed=done, total=total)

        yield report


class _Output:
    """Where tables and text go: a terminal (rich tables) or a pipe (plain text).

    On a terminal, tables are rich tables at the terminal's width; piped (or redirected), they
    are plain text with no box drawing and no trailing spaces, at the width in ``COLUMNS``
    (200 when unset). Either way a table wider than the page is cut into groups of columns,
    each repeating the key column, and no number or word is split over lines.
    """

    def __init__(self) -> None:
        self.terminal = sys.stdout.isatty()
        self.console = Console(highlight=False, soft_wrap=False, emoji=False)
        self.width = self.console.width if self.terminal else _pipe_width()

    def text(self, text: str) -> None:
        """Prose, wrapped between words at the page's width."""
        sys.stdout.write(fit_text(text, self.width) + "\n")

    def table(self, table: Table) -> None:
        """One table, then a blank line (in the language asked for)."""
        table = _translated(masked_table(table, full_ids=_full_ids()), _LANG["lang"])
        table = printable_table(table)  # no control character reaches the terminal raw
        if not self.terminal:
            sys.stdout.write(render_plain(table, self.width) + "\n\n")
            return
        if table.title:
            self.console.print(Text(fit_text(table.title, self.width), style="bold"))
        for group in column_groups(table, self.width, gap=3, wrap_headers=True):
            rich = RichTable(
                box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, header_style="bold"
            )
            for column, width in group:
                numeric = table.is_numeric(column)
                rich.add_column(
                    table.headers[column],
                    justify="right" if numeric else "left",
                    no_wrap=numeric,
                    overflow="ellipsis" if numeric else "fold",
                    min_width=width if numeric else None,
                    max_width=width,
                )
            for row in table.rows:
                rich.add_row(*(Text(row[column]) for column, _width in group))
            self.console.print(rich)
            self.console.print()

    def parts(self, parts: Sequence[Part]) -> None:
        """Paragraphs and tables of a text report."""
        if not self.terminal:
            sys.stdout.write(render_parts(parts, self.width) + "\n")
            return
        for part in parts:
            if isinstance(part, Table):
                self.table(part)
            else:
                self.text(part + "\n")


def _full_ids() -> bool:
    """Whether the running command was given ``--full-ids`` (nine-digit runs are masked if not)."""
    return _FULL_IDS.get()


def _write_csv(table: Table) -> None:
    write_csv(table, sys.stdout, rows=masked_rows(table, table.rows, full_ids=_full_ids()))


def _check_out(format_: Format, out: Path | None) -> None:
    """``--out`` is the workbook of ``--format xlsx``: given then, a plain ``.xlsx`` file.

    A workbook is a binary file, so it is never written to standard output.
    """
    if format_ is not Format.XLSX:
        if out is not None:
            msg = "--out is the workbook of --format xlsx; other formats go to standard output"
            raise typer.BadParameter(msg, param_hint="--out")
        return
    if out is None or str(out) == "-":
        msg = "an xlsx workbook is a binary file, not for standard output: give --out FILE.xlsx"
        raise typer.BadParameter(msg, param_hint="--out")
    if out.suffix.lower() != ".xlsx":
        msg = f"the workbook's name must end in .xlsx, got {out.name!r}"
        raise typer.BadParameter(msg, param_hint="--out")
    if out.is_symlink() or out.is_dir():
        msg = f"{out} is a link or a folder; the workbook is written only to a plain file"
        raise typer.BadParameter(msg, param_hint="--out")


def _write_xlsx(tables: dict[str, Table], out: Path | None) -> None:
    """The tables (masked unless ``--full-ids``) as a workbook at ``out``, a sheet per table."""
    assert out is not None  # noqa: S101 - checked by _check_out before any work
    to_xlsx({name: masked_table(t, full_ids=_full_ids()) for name, t in tables.items()}, out)
    sys.stderr.write(f"wrote {out}\n")


def _translated(table: Table, lang: str) -> Table:
    """The table's title, headers and word cells in ``lang``, its numbers written as there."""
    if lang == Lang.EN:
        return table
    numeric = [table.is_numeric(i) for i in range(len(table.headers))]
    return attrs.evolve(
        table,
        title=translate(table.title, lang),
        headers=tuple(translate(h, lang) for h in table.headers),
        rows=tuple(
            tuple(
                number_text(cell, lang) if number else NL.get(cell, cell)
                for cell, number in zip(row, numeric, strict=True)
            )
            for row in table.rows
        ),
        numeric=frozenset(translate(h, lang) for h in table.numeric),
    )


def _shown(value: Any) -> str:  # noqa: ANN401 - any exact number
    """A number for a person to read, in the language of this run (``1,560.00``, ``1.560,00``)."""
    return number_text(display(value), _LANG["lang"])


def _pipe_width() -> int:
    """The page width of piped output: ``COLUMNS`` if it is a number, else 200."""
    try:
        width = int(os.environ.get("COLUMNS", ""))
    except ValueError:
        return _PIPE_WIDTH
    return width if width > 0 else _PIPE_WIDTH


def _print_json(document: object) -> None:
    """The document as JSON, its lazy lists written item by item (:func:`write_json`)."""
    write_json(document, sys.stdout, full_ids=_full_ids())


def _read(file: Path, progress: Callable[[str, int, int], None], *, full_ids: bool) -> Scenario:
    """The scenario of ``file``, as the stage ``read`` of the progress display."""
    progress("read", 0, 1)
    scenario = _load(file, full_ids=full_ids)
    progress("read", 1, 1)
    return scenario


def _warn(warnings: Sequence[str]) -> None:
    """Each warning on standard error: the answer is plausible but may be empty or assumed."""
    for warning in warnings:
        sys.stderr.write(f"banenafspraak: warning: {printable(warning, lines=True)}\n")


def _receipt_line(r: Receipt) -> str:
    return (
        f"receipt: banenafspraak {r.library_version}; rules {r.rules} {r.rules_version}; "
        f"parameters {r.parameters_digest[:19]}; scenario {r.scenario_digest[:19]}"
    )


def _jobs(value: Any) -> str | None:  # noqa: ANN401 - any exact number
    return None if value is None else display(value, 3)


def _hours(value: Any) -> str | None:  # noqa: ANN401 - any exact number
    return None if value is None else display(value, 2)


def _plural(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


# -- commands --------------------------------------------------------------------------------


@app.command()
def demo(
    *,
    out: Annotated[
        Path | None,
        typer.Option("--out", help="Also write the two charts of the example to this folder."),
    ] = None,
    image: Annotated[
        ImageFormat, typer.Option("--image", help="png or svg.", case_sensitive=False)
    ] = ImageFormat.PNG,
    size: ChartSize = "8x4.5",
    dpi: ChartDpi = 100,
) -> None:
    """The bundled example scenario under every rule set, side by side."""
    _Output().parts(demo_parts())
    if out is not None:
        scenario = load_scenario(example_path())
        charts = _write_charts(
            scenario, out, rules="wbqa-2015", year=None, image=image, size=_size(size), dpi=dpi
        )
        for path in charts:
            sys.stdout.write(f"wrote {path}\n")


@app.command("rules")
def rules_command(*, format_: OutputFormat = Format.TABLE, out: OutFile = None) -> None:
    """The rule sets the library knows."""
    _check_out(format_, out)
    listed = rule_sets()
    table = Table(
        title="Rule sets",
        headers=("name", "version", "in force from", "pools", "title"),
        rows=tuple(
            (
                name,
                rs.version,
                rs.in_force_from.isoformat() if rs.in_force_from else "never",
                ", ".join(p.value for p in rs.pools),
                rs.title,
            )
            for name, rs in listed.items()
        ),
    )
    if format_ is Format.JSON:
        _print_json(
            [
                {
                    "name": name,
                    "version": rs.version,
                    "in_force_from": rs.in_force_from.isoformat() if rs.in_force_from else None,
                    "pools": [p.value for p in rs.pools],
                    "title": rs.title,
                    "references": [str(ref) for ref in rs.references],
                }
                for name, rs in listed.items()
            ]
        )
    elif format_ is Format.CSV:
        _write_csv(table)
    elif format_ is Format.XLSX:
        _write_xlsx({"rules": table}, out)
    else:
        _Output().table(table)


@app.command()
def schema() -> None:
    """The JSON Schema of scenario files (format banenafspraak/scenario@1)."""
    _print_json(scenario_schema())


def _scenario_summary(file: Path, scenario: Scenario) -> dict[str, Any]:
    """What ``validate`` tells of a valid scenario file."""
    return {
        "valid": True,
        "source": str(file),
        "name": scenario.name,
        "employers": len(scenario.employers),
        "people": len(scenario.people),
        "placements": len(scenario.placements),
        "contracts": len(scenario.contracts),
        "pay_periods": sum(len(p.hours) for p in scenario.placements),
        "years": [scenario.years[0], scenario.years[-1]] if scenario.years else [],
        "scenario_digest": scenario.digest(),
    }


def _tables_summary(file: Path, tables: Tables) -> dict[str, Any]:
    """What ``validate`` tells of a valid folder of the batch engine's tables.

    The tables are checked by the scenario loader's own checks (:func:`batch.read_tables`); a
    folder has no name, and its digest is the tables' own (:meth:`Tables.digest`).
    """
    years = sorted(tables.employer_years["year"].unique().to_list())
    return {
        "valid": True,
        "source": str(file),
        "name": "",
        "employers": tables.employers.height,
        "people": tables.registrations["person"].n_unique(),
        "placements": tables.placements.height,
        "contracts": tables.contracts.height,
        "pay_periods": tables.hours.height,
        "years": [years[0], years[-1]] if years else [],
        "scenario_digest": tables.digest(),
    }


@app.command()
def validate(
    file: ScenarioPath,
    *,
    format_: OutputFormat = Format.TABLE,
    out: OutFile = None,
    full_ids: FullIds = False,
) -> None:
    """Check a scenario file and list every problem with its place."""
    _check_out(format_, out)
    try:
        summary = (
            _tables_summary(file, _tables(file))
            if _batch(file, Engine.AUTO)
            else _scenario_summary(file, _load(file, full_ids=full_ids))
        )
    except InvalidScenarioError as error:
        if format_ is not Format.JSON:
            raise
        problems = [
            {"location": p.location, "field": p.field, "value": p.value, "message": p.message}
            for p in error.problems
        ]
        _print_json({"valid": False, "source": str(file), "problems": problems})
        raise typer.Exit(EXIT_BAD_INPUT) from None
    if format_ is Format.JSON:
        _print_json(summary)
    elif format_ in {Format.CSV, Format.XLSX}:
        table = Table(
            title="",
            headers=tuple(summary),
            rows=(
                tuple(
                    "-".join(map(str, v)) if isinstance(v, list) else str(v)
                    for v in summary.values()
                ),
            ),
        )
        if format_ is Format.CSV:
            _write_csv(table)
        else:
            _write_xlsx({"validate": table}, out)
    else:
        years = "-".join(str(y) for y in summary["years"]) or "none"
        what = "folder of tables" if _batch(file, Engine.AUTO) else f"scenario {summary['name']!r}"
        _Output().text(
            f"{file}: a valid {what} with "
            f"{_plural(summary['employers'], 'employer')}, {summary['people']} people, "
            f"{_plural(summary['placements'], 'placement')} "
            f"({_plural(summary['pay_periods'], 'pay period')}), "
            f"{_plural(summary['contracts'], 'contract')}; years {years}"
        )


@app.command()
def count(
    file: ScenarioPath,
    *,
    year: Year,
    rules: Rules = None,
    format_: OutputFormat = Format.TABLE,
    table: Annotated[
        CountTable | None,
        typer.Option(
            "--table",
            help="Only this table (csv writes attributions unless told otherwise; xlsx every "
            "table).",
            case_sensitive=False,
        ),
    ] = None,
    out: OutFile = None,
    full_ids: FullIds = False,
    engine: EngineOption = Engine.AUTO,
) -> None:
    """Where every hour of a year counts: pools, employer credits, placements."""
    _check_out(format_, out)
    if _batch(file, engine):
        _count_batch(file, rules=rules, year=year, format_=format_, table=table, out=out)
        return
    with _progress() as progress:
        scenario = _read(file, progress, full_ids=full_ids)
        result = count_jobs(scenario, rules=rules, year=year, progress=progress)
    _warn(result.warnings)
    if format_ is Format.JSON:
        _print_json(count_document(result, full_ids=full_ids, lazy=True))
        return
    if format_ is Format.CSV:
        chosen = (table or CountTable.ATTRIBUTIONS).value
        write_count_csv(result, sys.stdout, table=chosen, full_ids=full_ids)
        return
    if format_ is Format.XLSX:
        exact_tables = count_tables(result, full_ids=full_ids)
        _write_xlsx({k: t for k, t in exact_tables.items() if table in {None, k}}, out)
        return
    tables = count_tables(result, number=_jobs, hours=_hours, full_ids=full_ids)
    names = [table.value] if table else ["pools", "employers", "placements"]
    page = _Output()
    page.text(f"{scenario.name or file}: {result.rules}, {result.period}\n")
    for name in names:
        page.table(tables[name])
    page.text(
        f"hours: {_shown(result.input_hours)} in = {_shown(result.counted_hours)} counted "
        f"+ {_shown(result.excluded_hours)} excluded"
    )
    page.text(_receipt_line(result.receipt))


@app.command()
def quotum(
    file: ScenarioPath,
    *,
    year: Year,
    rules: Rules = None,
    format_: OutputFormat = Format.TABLE,
    out: OutFile = None,
    full_ids: FullIds = False,
    engine: EngineOption = Engine.AUTO,
    explain: Annotated[
        str | None,
        typer.Option(
            "--explain",
            help="One employer's result in words: its figures and reasons, and under the "
            "national instrument its LKV per person (hours, pay periods cut and why, the cap). "
            "As a table, by the pure engine.",
            metavar="EMPLOYER",
            show_default=False,
        ),
    ] = None,
) -> None:
    """The quotum (or, under the 2025 law, the surcharge and bonus) of every employer."""
    _check_out(format_, out)
    if explain is not None:
        _explain_employer(file, explain, year=year, rules=rules, full_ids=full_ids)
        return
    if _batch(file, engine):
        from banenafspraak import batch  # noqa: PLC0415 - the batch extra, only when asked for

        with _progress() as progress:
            report = batch.quotum_files(file, rules=rules, year=year, progress=progress)
    else:
        with _progress() as progress:
            scenario = _read(file, progress, full_ids=full_ids)
            rule_set = rules_in_force(scenario, Period.year(year), rules=rules)
            counted = count_jobs(scenario, rules=rule_set, year=year, progress=progress)
            report = assess_quotum(scenario, rules=rule_set, year=year, count=counted)
    _warn(report.warnings)
    if format_ is Format.JSON:
        _print_json(quotum_document(report))
    elif format_ is Format.CSV:
        _write_csv(quotum_table(report))
    elif format_ is Format.XLSX:
        _write_xlsx({"quotum": quotum_table(report)}, out)
    else:
        page = _Output()
        title = f"Quotum under {report.rules}, {report.year}"
        page.table(figures_table(report.assessments, title=title, cell=Figure.text))
        page.text(_receipt_line(report.receipt))


def _count_batch(
    file: Path,
    *,
    rules: str | None,
    year: int,
    format_: Format,
    table: CountTable | None,
    out: Path | None = None,
) -> None:
    """``count`` by the batch engine: totals only (``explain`` gives a placement's reasons)."""
    from banenafspraak import batch  # noqa: PLC0415 - the batch extra, only when asked for

    if table in {CountTable.PLACEMENTS, CountTable.ATTRIBUTIONS}:
        msg = f"the batch engine writes the pools and employers tables, not {table}"
        raise typer.BadParameter(msg, param_hint="--table")
    with _progress() as report:
        result = batch.count_files(file, rules=rules, year=year, progress=report)
    _warn(result.warnings)
    if format_ is Format.JSON:
        _print_json(totals_document(result, engine="batch"))
        return
    if format_ is Format.CSV:
        _write_csv(totals_tables(result)[(table or CountTable.POOLS).value])
        return
    if format_ is Format.XLSX:
        totals = totals_tables(result)
        _write_xlsx({k: t for k, t in totals.items() if table in {None, k}}, out)
        return
    page = _Output()
    page.text(f"{file}: {result.rules}, {result.period} (batch engine)\n")
    tables = totals_tables(result, number=_jobs, hours=_hours)
    for name in [table.value] if table else ["pools", "employers"]:
        page.table(tables[name])
    page.text(
        f"hours: {_shown(result.input_hours)} in = {_shown(result.counted_hours)} counted "
        f"+ {_shown(result.excluded_hours)} excluded"
    )
    page.text(_receipt_line(result.receipt))


def count_each(scenario: Scenario, rules: Sequence[str], year: int) -> dict[str, JobCount]:
    """The scenario counted under each rule set in ``rules``, by name."""
    return {name: count_jobs(scenario, rules=name, year=year) for name in rules}


@app.command()
def compare(
    file: ScenarioPath,
    *,
    year: Year,
    rules: Annotated[
        str | None,
        typer.Option(
            "--rules",
            help="Comma-separated rule sets (default: every one).",
            callback=_check_rules,
            show_default=False,
        ),
    ] = None,
    format_: OutputFormat = Format.TABLE,
    out: OutFile = None,
    full_ids: FullIds = False,
    engine: EngineOption = Engine.AUTO,
) -> None:
    """The same scenario under several rule sets: pools and employer credits side by side."""
    _check_out(format_, out)
    names = rules.split(",") if rules else list(available_rule_sets())
    if _batch(file, engine):
        _compare_batch(file, names, year=year, format_=format_, out=out)
        return
    with _progress() as progress:
        scenario = _read(file, progress, full_ids=full_ids)
        comparison = compare_rule_sets(scenario, rules=names, year=year, progress=progress)
    counts = {name: comparison.counts[name] for name in comparison.rules}
    _warn(list(dict.fromkeys(w for count in counts.values() for w in count.warnings)))
    if format_ is Format.JSON:
        _print_json(comparison_document(counts, year=year, comparison=comparison, lazy=True))
        return
    if format_ is Format.CSV:
        _write_csv(comparison_rows(counts))
        return
    if format_ is Format.XLSX:
        tables = {
            "comparison": comparison_rows(counts),
            "differences": differences_table(comparison),
        }
        _write_xlsx(tables, out)
        return
    page = _Output()
    page.text(f"{scenario.name or file}: {year}, jobs under each rule set\n")
    for table in comparison_tables(counts, number=_jobs, hours=_hours).values():
        page.table(table)
    page.table(differences_table(comparison, number=_jobs))


def _compare_batch(
    file: Path, names: Sequence[str], *, year: int, format_: Format, out: Path | None = None
) -> None:
    """``compare`` by the batch engine: the figures side by side.

    The placements behind each difference come from the pure engine (``--engine pure``).
    """
    from banenafspraak import batch  # noqa: PLC0415 - the batch extra, only when asked for

    with _progress() as report:
        results = batch.compare_files(file, rules=list(names), year=year, progress=report)
    counts = {name: count for name, (count, _quotum) in results.items()}
    _warn(list(dict.fromkeys(w for count in counts.values() for w in count.warnings)))
    if format_ is Format.JSON:
        document = comparison_document(counts, year=year)
        document["engine"] = "batch"
        _print_json(document)
        return
    if format_ is Format.CSV:
        _write_csv(comparison_rows(counts))
        return
    if format_ is Format.XLSX:
        _write_xlsx({"comparison": comparison_rows(counts)}, out)
        return
    page = _Output()
    page.text(f"{file}: {year}, jobs under each rule set (batch engine)\n")
    for table in comparison_tables(counts, number=_jobs, hours=_hours).values():
        page.table(table)


@app.command()
def explain(
    file: ScenarioPath,
    placement: Annotated[
        str, typer.Argument(help="The placement's id.", show_default=False, metavar="PLACEMENT")
    ],
    *,
    year: Year,
    rules: Rules = None,
    format_: OutputFormat = Format.TABLE,
    out: OutFile = None,
    full_ids: FullIds = False,
) -> None:
    """Where one placement's hours count, and by which rules (with their legal sources)."""
    _check_out(format_, out)
    with _progress() as progress:
        scenario = _read(file, progress, full_ids=full_ids)
        known = [p.id for p in scenario.placements]
        if placement not in known:
            raise InvalidScenarioError([_no_such_placement(placement, known)], source=str(file))
        result = count_jobs(scenario, rules=rules, year=year, progress=progress)
    _warn(result.warnings)
    if format_ is Format.TABLE:
        _Output().text(mask_text(explain_placement(result, placement), full=full_ids))
        return
    attributions = [
        attribution_document(a, full_ids=full_ids) for a in result.for_placement(placement)
    ]
    if format_ is Format.JSON:
        _print_json(
            {
                "kind": "explanation",
                "placement": placement,
                "rules": result.rules,
                "year": year,
                "attributions": attributions,
                "receipt": receipt_document(result.receipt),
            }
        )
    elif format_ is Format.CSV:
        write_count_csv(result, sys.stdout, placement=placement, full_ids=full_ids)
    else:
        mine = attributions_table(result, placement=placement, full_ids=full_ids)
        _write_xlsx({"attributions": attrs.evolve(mine, title="")}, out)


def _explain_employer(
    file: Path, employer: str, *, year: int, rules: str | None, full_ids: bool
) -> None:
    """``quotum --explain EMPLOYER``: one result by :func:`explain_quotum`, with its count."""
    with _progress() as progress:
        scenario = _read(file, progress, full_ids=full_ids)
        known = [e.id for e in scenario.employers]
        if employer not in known:
            shown = ", ".join(known[:10]) + (", ..." if len(known) > 10 else "")  # noqa: PLR2004
            problem = Problem(
                "employers", "id", employer, f"no such employer; the employers: {shown}"
            )
            raise InvalidScenarioError([problem], source=str(file))
        rule_set = rules_in_force(scenario, Period.year(year), rules=rules)
        counted = count_jobs(scenario, rules=rule_set, year=year, progress=progress)
        report = assess_quotum(
            scenario, rules=rule_set, year=year, employers=[employer], count=counted
        )
    _warn(report.warnings)
    text = explain_quotum(report[employer], count=counted)
    _Output().text(mask_text(text, full=full_ids))


def _no_such_placement(placement: str, known: Sequence[str]) -> Problem:
    shown = ", ".join(known[:10]) + (", ..." if len(known) > 10 else "")  # noqa: PLR2004
    return Problem("placements", "id", placement, f"no such placement; the placements: {shown}")


def _write_charts(
    scenario: Scenario,
    out: Path,
    *,
    rules: str | None,
    year: int | None,
    image: ImageFormat,
    compare_rules: Sequence[str] | None = None,
    size: tuple[float, float] = (8.0, 4.5),
    dpi: int = 100,
) -> list[Path]:
    from banenafspraak.render.charts import (  # noqa: PLC0415 - the plot extra is optional
        comparison_chart,
        realisation_chart,
        save_chart,
    )

    years = list(scenario.years)
    if not years:
        raise InvalidScenarioError(
            [Problem("placements", "hours", "nothing", "no pay periods: nothing to chart")],
            source=scenario.name or "scenario",
        )
    chosen = rules_in_force(scenario, Period.year(years[-1]), rules=rules)
    counts = [count_jobs(scenario, rules=chosen, year=y) for y in years]
    last = year or years[-1]
    compared = count_each(scenario, compare_rules or list(available_rule_sets()), last)
    out.mkdir(parents=True, exist_ok=True)
    return [
        save_chart(
            realisation_chart(counts, size=size, dpi=dpi, lang=_LANG["lang"]),
            _inside(out, f"realisation.{image.value}"),
        ),
        save_chart(
            comparison_chart(
                compared, size=size, dpi=dpi, lang=_LANG["lang"], full_ids=_full_ids()
            ),
            _inside(out, f"comparison.{image.value}"),
        ),
    ]


def _inside(folder: Path, name: str) -> Path:
    """``folder / name``, refused if it is a link or leads out of ``folder``.

    A chart never overwrites a file elsewhere through a link placed in the ``--out`` folder.
    """
    target = folder / name
    if target.is_symlink() or not target.resolve().is_relative_to(folder.resolve()):
        msg = f"{target}: a link; charts are written only to plain files inside --out"
        raise BanenafspraakError(msg)
    return target


def _chart_path(chart: Path) -> Path:
    """The ``--chart`` file: a .png or .svg name, and not a link."""
    if chart.suffix.lower() not in {".png", ".svg"}:
        msg = f"the chart file must end in .png or .svg, got {chart.name!r}"
        raise typer.BadParameter(msg, param_hint="--chart")
    if chart.is_symlink():
        msg = f"{chart} is a link; the chart is written only to a plain file"
        raise typer.BadParameter(msg, param_hint="--chart")
    return chart


@app.command()
def plot(
    file: ScenarioPath,
    *,
    out: Annotated[Path, typer.Option("--out", help="The folder to write the charts to.")],
    rules: Rules = None,
    year: Annotated[
        int | None,
        typer.Option(
            "--year",
            help="The year of the comparison chart (default: the last).",
            min=1900,
            max=2200,
        ),
    ] = None,
    compare_rules: Annotated[
        str | None,
        typer.Option(
            "--compare", help="Rule sets to compare (default: every one).", callback=_check_rules
        ),
    ] = None,
    image: Annotated[
        ImageFormat, typer.Option("--image", help="png or svg.", case_sensitive=False)
    ] = ImageFormat.PNG,
    full_ids: FullIds = False,
    size: ChartSize = "8x4.5",
    dpi: ChartDpi = 100,
) -> None:
    """Two charts: realisation against the targets per pool, and rule sets per employer."""
    scenario = _load(file, full_ids=full_ids)
    paths = _write_charts(
        scenario,
        out,
        rules=rules,
        year=year,
        image=image,
        compare_rules=compare_rules.split(",") if compare_rules else None,
        size=_size(size),
        dpi=dpi,
    )
    for path in paths:
        sys.stdout.write(f"wrote {path}\n")


report_app = typer.Typer(
    name="report",
    help="The reports sector teams and policy makers ask for (see docs/reports.md).",
    no_args_is_help=True,
)
app.add_typer(report_app)

_Report = TypeVar("_Report", SubsectorMonitoring, ProcurementReport, DurabilityReport, Trend)

ReportFormat = Annotated[
    Format, typer.Option("--format", help="table or json.", case_sensitive=False)
]
ReportRules = Annotated[
    str | None,
    typer.Option(
        "--rules",
        help="The rule set (default: the one in force at the end of the data, for every year).",
        callback=_check_rule,
        show_default=False,
    ),
]


def _emit_report(
    kind: str,
    result: SubsectorMonitoring | ProcurementReport | DurabilityReport | Trend,
    format_: Format,
    receipt: Receipt,
) -> None:
    if format_ is Format.JSON:
        _print_json(result_document(kind, result, lazy=True))
        return
    if format_ in {Format.CSV, Format.XLSX}:
        msg = f"the {kind} report is written as a table or as json, not as {format_.value}"
        raise typer.BadParameter(msg, param_hint="--format")
    page = _Output()
    for table in report_tables(result):
        page.table(table)
    page.text(mask_text(_receipt_line(receipt), full=_full_ids()))


def _pure_report(file: Path, make: Callable[[Scenario], _Report], *, full_ids: bool) -> _Report:
    """A report of the scenario in ``file`` by the pure path, with a progress display."""
    with _progress() as progress:
        scenario = _read(file, progress, full_ids=full_ids)
        progress("report", 0, 1)
        result = make(scenario)
        progress("report", 1, 1)
    return result


def _tables(file: Path) -> Tables:
    """The batch engine's tables of ``file`` (the ``batch`` extra, only when asked for)."""
    from banenafspraak import batch  # noqa: PLC0415 - the batch extra, only when asked for

    with _progress() as progress:
        progress("read", 0, 1)
        tables = batch.read_tables(file)
        progress("read", 1, 1)
    return tables


@report_app.command("subsectors")
def report_subsectors(
    file: ScenarioPath,
    *,
    year: Year,
    rules: Rules = None,
    format_: ReportFormat = Format.TABLE,
    full_ids: FullIds = False,
    engine: EngineOption = Engine.AUTO,
) -> None:
    """Extra jobs per government sub-sector against its target (targets are parameters)."""
    if _batch(file, engine):
        from banenafspraak import batch  # noqa: PLC0415 - the batch extra, only when asked for

        result = batch.subsector_monitoring(_tables(file), rules=rules, year=year)
    else:
        result = _pure_report(
            file, lambda s: subsector_monitoring(s, rules=rules, year=year), full_ids=full_ids
        )
    _emit_report("subsectors", result, format_, result.receipt)


@report_app.command("procurement")
def report_procurement(
    file: ScenarioPath,
    *,
    year: Year,
    rules: Rules = None,
    format_: ReportFormat = Format.TABLE,
    full_ids: FullIds = False,
    engine: EngineOption = Engine.AUTO,
) -> None:
    """Jobs carried by procurement contracts per buyer, and where they count under each law."""
    if _batch(file, engine):
        from banenafspraak import batch  # noqa: PLC0415 - the batch extra, only when asked for

        result = batch.procurement_jobs(_tables(file), rules=rules, year=year)
    else:
        result = _pure_report(
            file, lambda s: procurement_jobs(s, rules=rules, year=year), full_ids=full_ids
        )
    _emit_report("procurement", result, format_, result.receipt)


@report_app.command("durability")
def report_durability(
    file: ScenarioPath,
    *,
    rules: ReportRules = None,
    format_: ReportFormat = Format.TABLE,
    full_ids: FullIds = False,
    engine: EngineOption = Engine.AUTO,
) -> None:
    """How long placements last, and the share still running 12 months after they started."""
    if _batch(file, engine):
        from banenafspraak import batch  # noqa: PLC0415 - the batch extra, only when asked for

        result = batch.durability(_tables(file), rules=rules)
    else:
        result = _pure_report(file, lambda s: durability(s, rules=rules), full_ids=full_ids)
    _emit_report("durability", result, format_, result.receipt)


@report_app.command("trend")
def report_trend(
    file: ScenarioPath,
    *,
    rules: ReportRules = None,
    format_: ReportFormat = Format.TABLE,
    chart: Annotated[
        Path | None,
        typer.Option(
            "--chart", help="Also write the trend chart to this .png or .svg file (by its suffix)."
        ),
    ] = None,
    full_ids: FullIds = False,
    size: ChartSize = "8x4",
    dpi: ChartDpi = 100,
    engine: EngineOption = Engine.AUTO,
) -> None:
    """Extra jobs per pool and sub-sector, year by year, against the targets."""
    if chart is not None:
        chart = _chart_path(chart)
    no_years = f"{file}: the scenario has no pay periods, so there is no year to follow"
    if _batch(file, engine):
        from banenafspraak import batch  # noqa: PLC0415 - the batch extra, only when asked for

        tables = _tables(file)
        if not tables.hours.height:
            raise BanenafspraakError(no_years)
        result = batch.trend(tables, rules=rules)
    else:

        def followed(scenario: Scenario) -> Trend:
            if not scenario.years:
                raise BanenafspraakError(no_years)
            return trend(scenario, rules=rules)

        result = _pure_report(file, followed, full_ids=full_ids)
    if chart is not None:
        from banenafspraak.render.report_charts import trend_chart  # noqa: PLC0415 - the plot extra

        trend_chart(result, chart, width=_size(size)[0], dpi=dpi)
        sys.stderr.write(f"wrote {chart}\n")
    _emit_report("trend", result, format_, result.receipts[-1])


def _version(value: bool) -> None:  # noqa: FBT001 - a typer callback
    if value:
        sys.stdout.write(f"banenafspraak {__version__}\n")
        raise typer.Exit


@app.callback()
def _root(
    *,
    version: Annotated[
        bool, typer.Option("--version", help="Print the version.", callback=_version, is_eager=True)
    ] = False,
    lang: Annotated[
        Lang,
        typer.Option(
            "--lang",
            help="The language of table headers, words and chart texts: en or nl.",
            case_sensitive=False,
        ),
    ] = Lang.EN,
    max_bytes: Annotated[
        int,
        typer.Option(
            "--max-bytes",
            help="The most bytes of a JSON scenario file or an Excel workbook (unpacked) that "
            "are read; a larger one is refused before it is parsed.",
            min=1,
        ),
    ] = MAX_BYTES,
) -> None:
    """Count banenafspraak jobs in a scenario file under the Dutch counting rules."""
    del version  # handled by its eager callback
    _FULL_IDS.set(False)
    _LANG["lang"] = lang
    _LIMITS["max_bytes"] = max_bytes


def _for_a_person(message: str, *, full: bool) -> str:
    """An error message as shown: nine-digit runs masked, control characters escaped."""
    return printable(mask_text(message, full=full), lines=True)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code (0 fine, 1 bad input, 2 usage)."""
    command = typer.main.get_command(app)
    args = list(sys.argv[1:] if argv is None else argv)
    full = "--full-ids" in args
    try:
        command.main(args=args, prog_name="banenafspraak", standalone_mode=True)
    except SystemExit as done:
        return done.code if isinstance(done.code, int) else EXIT_BAD_INPUT
    except BanenafspraakError as error:
        sys.stderr.write(f"banenafspraak: {_for_a_person(str(error), full=full)}\n")
        return EXIT_BAD_INPUT
    except OSError as error:
        where = f": {error.filename}" if error.filename else ""
        message = f"{error.strerror or type(error).__name__}{where}"
        sys.stderr.write(f"banenafspraak: {_for_a_person(message, full=full)}\n")
        return EXIT_BAD_INPUT
    return EXIT_OK  # pragma: no cover - click's standalone mode always exits
