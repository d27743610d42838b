"""The glossary and the docs pages keep up with the code."""

from __future__ import annotations

import enum
import inspect
import re
from pathlib import Path

import pytest

import banenafspraak
from banenafspraak import (
    ContractKind,
    EmployerKind,
    Ground,
    PlacementKind,
    Pool,
    Sector,
    default_parameters,
)

DOCS = Path(__file__).parent.parent / "docs"
GLOSSARY = (DOCS / "glossary.md").read_text(encoding="utf-8")


def library_names() -> list[str]:
    """Every name in backticks in the last column of the glossary's tables."""
    names: list[str] = []
    for line in GLOSSARY.splitlines():
        if line.startswith("| ") and not line.startswith(("| Dutch term", "|---")):
            last = line.rstrip(" |").rsplit(" | ", 1)[-1]
            found = re.findall(r"`([^`]+)`", last)
            names.extend(n.removeprefix("~").removeprefix("banenafspraak.") for n in found)
    return names


def resolves(name: str) -> bool:
    """A parameter, a public name, an attribute of one, or a call with a real argument."""
    if name in default_parameters().names():
        return True
    call = re.fullmatch(r"(\w+)\((\w+)=.*\)", name)
    if call:
        function = getattr(banenafspraak, call.group(1), None)
        return function is not None and call.group(2) in inspect.signature(function).parameters
    head, *rest = name.split(".")
    if head not in banenafspraak.__all__:
        return False
    target: object = getattr(banenafspraak, head)
    for part in rest:
        if not hasattr(target, part):
            return False
        target = getattr(target, part)
    return True


def test_the_glossary_names_things_the_library_has() -> None:
    names = library_names()
    assert len(names) > 80
    assert [n for n in names if not resolves(n)] == []


@pytest.mark.parametrize(
    "kind",
    [PlacementKind, EmployerKind, ContractKind, Ground, Sector, Pool],
    ids=lambda k: k.__name__,
)
def test_every_kind_ground_sector_and_pool_has_its_dutch_term(kind: type[enum.Enum]) -> None:
    missing = [m.name for m in kind if f"`{kind.__name__}.{m.name}`" not in GLOSSARY]
    assert missing == []


def test_the_glossary_check_rejects_a_name_the_library_lacks() -> None:
    assert not resolves("Placement.no_such_field")
    assert not resolves("no.such.parameter")
    assert not resolves("derive_sector(no_such_argument=1)")
    assert resolves("Placement.credited_to_hirer")


PRIVATE = re.compile(
    r"banenafspraak(?:\.\w+)*\._(?!_)\w+|from banenafspraak(?:\.\w+)* import [^\n]*\b_(?!_)\w+"
)


def test_readme_docs_and_examples_use_no_private_name() -> None:
    """The public surface is what README, docs and examples use: no name with an underscore."""
    root = Path(__file__).parent.parent
    files = [root / "README.md", *(root / "docs").rglob("*.md"), *(root / "examples").glob("*.py")]
    found = {
        f"{path.relative_to(root)}: {match.group(0)}"
        for path in files
        if "_build" not in path.parts
        for match in PRIVATE.finditer(path.read_text(encoding="utf-8"))
    }
    assert found == set()


def test_the_private_name_check_finds_one() -> None:
    assert PRIVATE.search("from banenafspraak._util import display")
    assert PRIVATE.search("from banenafspraak.rulesets import _plugins")
    assert not PRIVATE.search("from banenafspraak.rulesets import common")
