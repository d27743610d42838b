"""Installable as users expect: each optional part names its extra, the script says how to get it.

Every check runs in a fresh interpreter in which the optional packages are made unimportable
(``sys.modules[name] = None``), as if the extra were not installed.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tomllib
from importlib.metadata import entry_points, metadata
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
EXTRAS = PYPROJECT["project"]["optional-dependencies"]
OPTIONAL = (
    "typer",
    "rich",
    "cattrs",
    "jsonschema",
    "matplotlib",
    "polars",
    "pyarrow",
    "pandas",
    "dask",
    "distributed",
    "hypothesis",
    "openpyxl",
)


def run_without(modules: tuple[str, ...], code: str) -> subprocess.CompletedProcess[str]:
    """Run ``code`` in a new interpreter in which ``modules`` cannot be imported."""
    prelude = f"import sys\nfor name in {modules!r}:\n    sys.modules[name] = None\n"
    return subprocess.run(  # noqa: S603 - this interpreter, our own code
        [sys.executable, "-c", prelude + code],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


CATCH = """
from banenafspraak import MissingExtraError
try:
{body}
except MissingExtraError as error:
    print("extra", error.extra)
    print(error)
else:
    print("no error")
"""


def missing_extra(modules: tuple[str, ...], body: str) -> tuple[str, str]:
    """The extra named by the MissingExtraError that ``body`` raises, and its message."""
    indented = "\n".join("    " + line for line in body.strip().splitlines())
    done = run_without(modules, CATCH.format(body=indented))
    assert done.returncode == 0, done.stderr
    first, _, message = done.stdout.partition("\n")
    return first.removeprefix("extra "), message.strip()


COUNT = """
from banenafspraak import count_jobs
from banenafspraak.demo import example_scenario
count = count_jobs(example_scenario(), rules="wbqa-2015", year=2019)
"""

CASES = {
    "io without cattrs": (("cattrs",), "import banenafspraak.io", "io"),
    "io without jsonschema": (("jsonschema",), "import banenafspraak.io", "io"),
    "cli without typer": (("typer",), "import banenafspraak.cli", "cli"),
    "cli without rich": (("rich",), "import banenafspraak.cli", "cli"),
    "batch without polars": (("polars",), "import banenafspraak.batch", "batch"),
    "batch without pyarrow": (("pyarrow",), "import banenafspraak.batch", "batch"),
    "dask without dask": (("dask",), "import banenafspraak.batch.dask", "dask"),
    "strategies without hypothesis": (
        ("hypothesis",),
        "import banenafspraak.strategies",
        "testing",
    ),
    "load_scenario without cattrs": (
        ("cattrs",),
        "from banenafspraak import load_scenario\nload_scenario('x.json')",
        "io",
    ),
    "charts without matplotlib": (
        ("matplotlib",),
        COUNT
        + "from banenafspraak.render.charts import realisation_chart\nrealisation_chart([count])",
        "plot",
    ),
    "a scenario workbook without openpyxl": (
        ("openpyxl",),
        (
            "import pathlib, tempfile\nfrom banenafspraak import load_scenario\n"
            "path = pathlib.Path(tempfile.mkdtemp()) / 'x.xlsx'\npath.write_bytes(b'PK')\n"
            "load_scenario(path)"
        ),
        "xlsx",
    ),
    "saving a workbook without openpyxl": (
        ("openpyxl",),
        (
            "import tempfile\nfrom banenafspraak import save_scenario\n"
            "from banenafspraak.demo import example_scenario\n"
            "save_scenario(example_scenario(), tempfile.mkdtemp() + '/s.xlsx')"
        ),
        "xlsx",
    ),
    "to_xlsx without openpyxl": (
        ("openpyxl",),
        COUNT + "from banenafspraak.render.export import count_tables, to_xlsx\n"
        "to_xlsx(count_tables(count), 'never.xlsx')",
        "xlsx",
    ),
    "to_arrow without pyarrow": (("pyarrow",), COUNT + "count.to_arrow()", "arrow"),
    "to_pandas without pandas": (("pandas",), COUNT + "count.to_pandas()", "pandas"),
    "to_pandas without pyarrow": (("pyarrow",), COUNT + "count.to_pandas()", "pandas"),
    "to_polars without polars": (("polars",), COUNT + "count.to_polars('pools')", "polars"),
    "quotum to_polars without pyarrow": (
        ("pyarrow",),
        COUNT + "from banenafspraak import assess_quotum\n"
        "assess_quotum(count.scenario, year=2018).to_polars()",
        "polars",
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_every_optional_part_names_the_extra_that_is_missing(case: str) -> None:
    modules, body, extra = CASES[case]
    named, message = missing_extra(modules, body)
    assert named == extra
    assert extra in EXTRAS
    assert f"pip install 'banenafspraak[{extra}]'" in message


def test_the_core_and_its_exporter_need_no_extra() -> None:
    """The core alone (attrs, pendulum): count, assess, compare, export to JSON, repr."""
    code = (
        COUNT
        + """
import json
from banenafspraak import assess_quotum, compare
from banenafspraak.render.export import count_document, quotum_document
report = assess_quotum(count.scenario, rules="wbqa-2015", year=2018)
comparison = compare(count.scenario, rules=["wbqa-2015", "wet-banenafspraak-2025"], year=2019)
json.dumps([count.to_dict(), report.to_dict(), comparison.to_dict(), count_document(count)])
print(repr(count))
print(sorted(n for n, m in sys.modules.items() if m and n.split(".")[0] in {optional}))
""".replace("{optional}", repr(set(OPTIONAL)))
    )
    done = run_without(OPTIONAL, code)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("<JobCount wbqa-2015 2019:")
    assert done.stdout.splitlines()[-1] == "[]"


SCRIPT = """
from importlib.metadata import entry_points
(script,) = entry_points(group="console_scripts", name="banenafspraak")
raise SystemExit(script.load()(["rules"]))
"""


@pytest.mark.parametrize("missing", [("typer",), ("rich",), ("cattrs", "jsonschema")])
def test_the_script_without_the_cli_extra_prints_the_pip_command(missing: tuple[str, ...]) -> None:
    done = run_without(missing, SCRIPT)
    assert done.returncode == 1
    assert done.stdout == ""
    assert "pip install 'banenafspraak[cli]'" in done.stderr
    assert f"missing: {missing[0]}" in done.stderr
    assert "Traceback" not in done.stderr


def test_python_dash_m_without_the_cli_extra_prints_the_pip_command() -> None:
    done = run_without(
        ("typer",), "import runpy\nrunpy.run_module('banenafspraak', run_name='__main__')"
    )
    assert done.returncode == 1
    assert "pip install 'banenafspraak[cli]'" in done.stderr


def test_the_installed_script_without_the_cli_extra_prints_the_pip_command(tmp_path: Path) -> None:
    """The real console script, with typer hidden by a ``sitecustomize`` on the path."""
    (tmp_path / "sitecustomize.py").write_text("import sys\nsys.modules['typer'] = None\n")
    script = Path(sys.executable).parent / "banenafspraak"
    env = {**os.environ, "PYTHONPATH": str(tmp_path)}
    done = subprocess.run(  # noqa: S603 - the installed script of this package
        [str(script), "rules"], capture_output=True, text=True, env=env, check=False, timeout=120
    )
    assert (done.returncode, done.stdout) == (1, "")
    assert "banenafspraak: the banenafspraak command needs the optional extra 'cli'" in done.stderr


def test_the_script_with_the_cli_extra_runs_the_command_line() -> None:
    done = run_without((), SCRIPT)
    assert done.returncode == 0, done.stderr
    assert "wbqa-2015" in done.stdout


# -- metadata ----------------------------------------------------------------------------------

URLS = ("Homepage", "Documentation", "Source", "Issues", "Changelog")


def test_the_project_has_its_urls_a_licence_file_and_the_launcher_script() -> None:
    urls = PYPROJECT["project"]["urls"]
    assert tuple(urls) == URLS
    assert all(url.startswith("https://") for url in urls.values())
    assert PYPROJECT["project"]["license"] == "EUPL-1.2"
    assert PYPROJECT["project"]["license-files"] == ["LICENSE"]
    licence = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert licence.startswith("EUROPEAN UNION PUBLIC LICENCE v. 1.2\n")
    assert "15. Applicable Law" in licence
    assert "All other changes or additions to this Appendix" in licence
    (script,) = entry_points(group="console_scripts", name="banenafspraak")
    assert script.value == "banenafspraak._launcher:main"
    assert metadata("banenafspraak")["License-Expression"] == "EUPL-1.2"


LINK = re.compile(r"\]\(([^)\s]+)\)|<(https?://[^>]+)>")


def test_readme_links_are_absolute_and_point_to_the_project_urls() -> None:
    """A package index shows the README without the repository around it: no relative links."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    targets = [a or b for a, b in LINK.findall(readme)]
    assert targets, "the README links to the documentation"
    relative = [t for t in targets if not t.startswith("https://")]
    assert relative == []
    documentation = PYPROJECT["project"]["urls"]["Documentation"]
    source = PYPROJECT["project"]["urls"]["Source"]
    ours = [t for t in targets if "banenafspraak" in t.split("/")[2]]
    assert ours
    assert all(t.startswith((documentation, source)) for t in ours)
