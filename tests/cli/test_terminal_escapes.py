"""Control characters in ids and names reach no terminal raw: they are shown as escapes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from golden_cases import run

from banenafspraak import InvalidScenarioError
from banenafspraak._printable import printable
from banenafspraak.io import example_path, load_scenario
from banenafspraak.render.layout import Table, printable_table, render_plain

CLEAR = "\x1b[2J"


def scenario_file(tmp_path: Path, *, name: str = "", employer: str = "") -> Path:
    document = json.loads(example_path().read_text("utf-8"))
    if name:
        document["employers"][0]["name"] = name
    if employer:
        document["placements"][0]["employer"] = employer
    path = tmp_path / "scenario.json"
    path.write_text(json.dumps(document), "utf-8")
    return path


def test_a_control_character_is_written_as_its_escape() -> None:
    assert printable(f"A{CLEAR}\u202eB\r") == "A\\x1b[2J\\u202eB\\x0d"
    assert printable("two\nlines") == "two\\x0alines"
    assert printable("two\nlines", lines=True) == "two\nlines"
    assert printable(printable(CLEAR)) == printable(CLEAR)  # escaping twice changes nothing
    assert printable("Bakkerij Brood, 1.560,00 \u20ac") == "Bakkerij Brood, 1.560,00 \u20ac"


def test_an_escape_in_a_name_is_shown_escaped_in_a_table_of_the_command_line(
    tmp_path: Path,
) -> None:
    code, text, err = run(
        ["count", str(scenario_file(tmp_path, name=f"Brood{CLEAR}")), "--year", "2019"]
    )
    assert (code, err) == (0, "")
    assert "\x1b" not in text
    assert "Brood\\x1b[2J" in text


def test_an_escape_in_an_id_is_shown_escaped_in_the_message_that_names_it(
    tmp_path: Path,
) -> None:
    path = scenario_file(tmp_path, employer=f"{CLEAR}X")
    code, text, err = run(["validate", str(path)])
    assert code == 1
    assert "\x1b" not in text + err
    assert "unknown employer (got \\x1b[2JX)" in err
    with pytest.raises(InvalidScenarioError) as raised:
        load_scenario(path)
    assert "\x1b" not in str(raised.value)  # the library's own message, printed or logged
    assert raised.value.problems[0].value == f"{CLEAR}X"  # the problem keeps the value


def test_a_plain_table_escapes_its_cells_titles_and_headers() -> None:
    table = Table(title=f"t{CLEAR}", headers=("h\u202e", "n"), rows=((f"a\nb{CLEAR}", "1"),))
    assert printable_table(table).rows == (("a\\x0ab\\x1b[2J", "1"),)
    plain = render_plain(table)
    assert "\x1b" not in plain
    assert "\u202e" not in plain
    assert plain.splitlines()[0] == "t\\x1b[2J"
