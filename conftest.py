"""Run every example of the README, the docs and the docstrings as a test (Sybil).

* ```` ```python ```` blocks in ``README.md`` and ``docs/**/*.md`` run: with ``>>>`` prompts as
  doctests (output compared), without them as plain code. Blocks of one page share a namespace.
* ```` ```console ```` blocks run each ``$ banenafspraak ...`` line as a real command and compare
  its output (``...`` matches anything, as in doctests).
* ```` ```sh ```` blocks are set-up commands that are not run here (they would install things or
  call the test suite itself); each line is checked instead: a ``make`` target must exist in the
  Makefile, a ``pip install 'banenafspraak[extra]'`` must name a real extra, a ``banenafspraak``
  command runs as in a console block.
* ```` ```json ```` blocks must parse; a scenario file may hold only the documented keys.
* ```` ```toml ```` blocks must parse, and name entry points in the library's group.
* ``>>>`` examples in the docstrings of ``src/banenafspraak`` run as doctests.
"""

from __future__ import annotations

import doctest
import json
import os
import re
import shlex
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

from sybil import Example, Sybil
from sybil.parsers.myst import CodeBlockParser, PythonCodeBlockParser, SkipParser
from sybil.parsers.rest import DocTestParser

ROOT = Path(__file__).parent
FLAGS = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE
PROMPT = "$ "
SCENARIO_KEYS = {
    "format",
    "employers",
    "people",
    "placements",
    "contracts",
    "baseline",
    "parameters",
    "name",
}


def run_command(command: str, *, cwd: Path = ROOT) -> str:
    """Run one command line of the docs as a user would, in ``cwd``; return what it printed.

    The command is ``banenafspraak ...`` or ``python -m banenafspraak...``.
    """
    argv = shlex.split(command)
    if argv[:2] == ["python", "-m"] and argv[2:3] and argv[2].startswith("banenafspraak"):
        argv = [argv[2], *argv[3:]]
    if not argv or not argv[0].startswith("banenafspraak"):
        msg = f"only banenafspraak commands run in the docs, got {command!r}"
        raise ValueError(msg)
    env = {**os.environ, "NO_COLOR": "1", "TERM": "dumb", "COLUMNS": "100"}
    done = subprocess.run(  # noqa: S603 - the docs' own command, run with this interpreter
        [sys.executable, "-m", argv[0], *argv[1:]],
        capture_output=True,
        text=True,
        check=False,
        cwd=cwd,
        env=env,
        timeout=120,
    )
    if done.returncode != 0:
        msg = f"{command!r} exited with {done.returncode}:\n{done.stdout}{done.stderr}"
        raise AssertionError(msg)
    return done.stdout


def _compare(command: str, expected: str, got: str) -> None:
    checker = doctest.OutputChecker()
    if not checker.check_output(expected, got, FLAGS):
        msg = f"{command!r} printed:\n{got}\nexpected:\n{expected}"
        raise AssertionError(msg)


def evaluate_console(example: Example) -> None:
    """Run each ``$ banenafspraak`` line of a console block and compare the lines under it."""
    command: str | None = None
    expected: list[str] = []
    for line in [*str(example.parsed).splitlines(), f"{PROMPT}<end>"]:
        if line.startswith(PROMPT):
            if command is not None:
                _compare(command, "\n".join(expected) + "\n", run_command(command))
            command, expected = line.removeprefix(PROMPT), []
        elif command is None:
            if line.strip():
                msg = f"a console block starts with a {PROMPT!r} command, got {line!r}"
                raise ValueError(msg)
        else:
            expected.append(line)


def _make_targets() -> set[str]:
    text = (ROOT / "Makefile").read_text(encoding="utf-8")
    return set(re.findall(r"^([A-Za-z][\w-]*):", text, flags=re.MULTILINE))


def _extras() -> set[str]:
    with (ROOT / "pyproject.toml").open("rb") as file:
        return set(tomllib.load(file)["project"]["optional-dependencies"])


def _check_install(line: str, packages: list[str], extras: set[str]) -> None:
    for word in packages:
        named = re.fullmatch(r"banenafspraak(?:\[([\w,-]+)\])?", word)
        if named is None:
            msg = f"{line!r}: installs {word!r}, not banenafspraak"
            raise AssertionError(msg)
        unknown = set((named.group(1) or "").split(",")) - extras - {""}
        if unknown:
            msg = f"{line!r}: no extra {', '.join(sorted(unknown))} in pyproject.toml"
            raise AssertionError(msg)


def _without_writes(words: list[str]) -> list[str]:
    """A documented command, made to write nothing into the project.

    A ``> file`` redirect is dropped (the output is captured instead) and the folder of ``--out``
    becomes a fresh temporary folder (a file of ``--out``, such as ``count.xlsx``, goes into one).
    """
    if ">" in words:
        words = words[: words.index(">")]
    if "--out" in words:
        at = words.index("--out") + 1
        scratch = Path(tempfile.mkdtemp(prefix="banenafspraak-docs-"))
        name = Path(words[at]).name if Path(words[at]).suffix else ""
        words = [*words[:at], str(scratch / name if name else scratch), *words[at + 1 :]]
    return words


def evaluate_shell(example: Example) -> None:
    """Check the set-up commands of a sh block (see the module docstring)."""
    targets, extras = _make_targets(), _extras()
    scratch = Path(tempfile.mkdtemp(prefix="banenafspraak-sh-"))
    (scratch / "examples").symlink_to(ROOT / "examples")
    for raw in str(example.parsed).splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        words = shlex.split(line)
        if words[0] == "make":
            missing = [w for w in words[1:] if w not in targets]
            if missing:
                msg = f"{line!r}: no make target {', '.join(missing)} in the Makefile"
                raise AssertionError(msg)
        elif words[:2] == ["pip", "install"]:
            _check_install(line, words[2:], extras)
        elif words[0] == "banenafspraak" or words[:2] == ["python", "-m"]:
            run_command(shlex.join(_without_writes(words)), cwd=scratch)
        elif words[0] not in {"git", "cd", ".ci/run"}:
            msg = f"{line!r}: a sh block in the docs may only hold make, pip, git, cd and "
            msg += "banenafspraak commands"
            raise AssertionError(msg)


def evaluate_toml(example: Example) -> None:
    """A TOML block parses, and any entry points it declares are in the library's group."""
    from banenafspraak.rulesets import ENTRY_POINT_GROUP  # noqa: PLC0415 - the library under test

    data = tomllib.loads(str(example.parsed))
    groups = data.get("project", {}).get("entry-points", {})
    wrong = [g for g in groups if g != ENTRY_POINT_GROUP]
    if wrong:
        msg = f"entry-point group {wrong} is not {ENTRY_POINT_GROUP!r}"
        raise AssertionError(msg)
    for name, target in groups.get(ENTRY_POINT_GROUP, {}).items():
        if not re.fullmatch(r"[\w.]+:[\w.]+", target):
            msg = f"entry point {name} = {target!r} is not 'module:object'"
            raise AssertionError(msg)


def evaluate_json(example: Example) -> None:
    """A JSON block parses; a scenario file names its format and only the top-level keys."""
    data = json.loads(str(example.parsed))
    if isinstance(data, dict) and "format" in data:
        if not str(data["format"]).startswith("banenafspraak/scenario@"):
            msg = f"unknown format {data['format']!r}"
            raise AssertionError(msg)
        unknown = set(data) - SCENARIO_KEYS
        if unknown:
            msg = f"unknown top-level keys {sorted(unknown)}"
            raise AssertionError(msg)


markdown = Sybil(
    parsers=[
        PythonCodeBlockParser(doctest_optionflags=FLAGS),
        CodeBlockParser(language="console", evaluator=evaluate_console),
        CodeBlockParser(language="sh", evaluator=evaluate_shell),
        CodeBlockParser(language="toml", evaluator=evaluate_toml),
        CodeBlockParser(language="json", evaluator=evaluate_json),
        SkipParser(),
    ],
    patterns=["*.md"],
    excludes=["_build/*", "_build/*/*", "_build/*/*/*", "_build/*/*/*/*"],
    name="markdown",
)

docstrings = Sybil(
    parsers=[DocTestParser(optionflags=FLAGS)],
    path="src",
    patterns=["*.py"],
    name="docstrings",
)

pytest_collect_file = (markdown + docstrings).pytest()
