"""The command lines whose output is kept as golden files under ``tests/cli/golden/``.

``scripts/generate_cli_golden.py`` writes the files; ``test_cli.py`` compares. Receipts are
normalised (library version and digests), so that a new release or a new parameter row does not
change every golden file; the receipts themselves are tested against the Python results.

Text outputs are kept at two page widths, ``COLUMNS=80`` and ``COLUMNS=200`` (``name@80.txt``,
``name@200.txt``); JSON and CSV do not depend on the width.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
from collections.abc import Iterator, Sequence
from pathlib import Path

from banenafspraak.cli import main

ROOT = Path(__file__).parents[2]
GOLDEN = Path(__file__).parent / "golden"
JSON = "examples/scenarios/example.json"
CSV = "examples/scenarios/example-csv"

_CASES: dict[str, tuple[str, ...]] = {
    "demo.txt": ("demo",),
    "rules.txt": ("rules",),
    "report-subsectors-2019.txt": (
        "report",
        "subsectors",
        JSON,
        "--rules",
        "wbqa-2015",
        "--year",
        "2019",
    ),
    "report-procurement-2019.json": (
        "report",
        "procurement",
        JSON,
        "--rules",
        "wbqa-2015",
        "--year",
        "2019",
        "--format",
        "json",
    ),
    "report-durability.txt": ("report", "durability", CSV),
    "report-trend.txt": ("report", "trend", JSON),
    "validate.txt": ("validate", JSON),
    "validate-csv.json": ("validate", CSV, "--format", "json"),
    "count-2019.txt": ("count", JSON, "--rules", "wbqa-2015", "--year", "2019"),
    "count-2019.json": (
        "count",
        JSON,
        "--rules",
        "wbqa-2015",
        "--year",
        "2019",
        "--format",
        "json",
    ),
    "count-2019-attributions.csv": (
        "count",
        CSV,
        "--rules",
        "wbqa-2015",
        "--year",
        "2019",
        "--format",
        "csv",
    ),
    "count-2018-pools.csv": (
        "count",
        JSON,
        "--rules",
        "wbqa-2015",
        "--year",
        "2018",
        "--format",
        "csv",
        "--table",
        "pools",
    ),
    "quotum-2018.txt": ("quotum", JSON, "--rules", "wbqa-2015", "--year", "2018"),
    "quotum-2018-wet2025.txt": (
        "quotum",
        JSON,
        "--rules",
        "wet-banenafspraak-2025",
        "--year",
        "2018",
    ),
    "quotum-2018.json": (
        "quotum",
        JSON,
        "--rules",
        "wbqa-2015",
        "--year",
        "2018",
        "--format",
        "json",
    ),
    "quotum-2018.csv": ("quotum", CSV, "--rules", "wbqa-2015", "--year", "2018", "--format", "csv"),
    "compare-2019.txt": ("compare", JSON, "--rules", "wbqa-2015", "--year", "2019"),
    "compare-2019.json": (
        "compare",
        JSON,
        "--rules",
        "wbqa-2015",
        "--year",
        "2019",
        "--format",
        "json",
    ),
    "compare-2019.csv": (
        "compare",
        JSON,
        "--rules",
        "wbqa-2015",
        "--year",
        "2019",
        "--format",
        "csv",
    ),
    "explain-u-z-2019.txt": ("explain", JSON, "u-z", "--rules", "wbqa-2015", "--year", "2019"),
    "count-2019-nl.txt": ("--lang", "nl", "count", JSON, "--rules", "wbqa-2015", "--year", "2019"),
    "quotum-2018-nl.txt": (
        "--lang",
        "nl",
        "quotum",
        JSON,
        "--rules",
        "wbqa-2015",
        "--year",
        "2018",
    ),
    "count-2019-nl.csv": (
        "--lang",
        "nl",
        "count",
        JSON,
        "--rules",
        "wbqa-2015",
        "--year",
        "2019",
        "--format",
        "csv",
        "--table",
        "pools",
    ),
    "explain-s-w-2018.json": (
        "explain",
        JSON,
        "s-w",
        "--rules",
        "wbqa-2015",
        "--year",
        "2018",
        "--format",
        "json",
    ),
}

WIDTHS = (80, 200)
"""The page widths of the text golden files."""


def _expanded() -> tuple[dict[str, tuple[str, ...]], dict[str, int]]:
    cases: dict[str, tuple[str, ...]] = {}
    widths: dict[str, int] = {}
    for name, args in _CASES.items():
        if not name.endswith(".txt"):
            cases[name] = args
            continue
        for width in WIDTHS:
            wide = f"{name.removesuffix('.txt')}@{width}.txt"
            cases[wide], widths[wide] = args, width
    return cases, widths


CASES, WIDTHS_OF = _expanded()
"""Golden file name -> command line; the page width of each text golden file."""

_RECEIPT = re.compile(r"(\"library_version\": \"|banenafspraak )\d[^\";\s]*|sha256:[0-9a-f]{12,64}")


def normalise(text: str) -> str:
    """Output with the library version and the digests replaced by placeholders."""
    return _RECEIPT.sub(
        lambda m: "sha256:<digest>" if m.group().startswith("sha256") else m.group(1) + "<version>",
        text,
    )


@contextlib.contextmanager
def _in(folder: Path) -> Iterator[None]:
    before = Path.cwd()
    os.chdir(folder)
    try:
        yield
    finally:
        os.chdir(before)


@contextlib.contextmanager
def _columns(width: int) -> Iterator[None]:
    before = os.environ.get("COLUMNS")
    os.environ["COLUMNS"] = str(width)
    try:
        yield
    finally:
        if before is None:
            del os.environ["COLUMNS"]
        else:
            os.environ["COLUMNS"] = before


def run(args: Sequence[str], *, cwd: Path = ROOT, columns: int = 200) -> tuple[int, str, str]:
    """Run the command line in this process at a page width; returns exit code, stdout, stderr."""
    out, err = io.StringIO(), io.StringIO()
    with (
        _in(cwd),
        _columns(columns),
        contextlib.redirect_stdout(out),
        contextlib.redirect_stderr(err),
    ):
        code = main(list(args))
    return code, out.getvalue(), err.getvalue()
