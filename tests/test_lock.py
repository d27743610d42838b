"""The lock of the development environment (``requirements/dev.txt``) agrees with the project.

``make demo``, ``make test`` and ``.ci/run`` install the lock, not the ranges: a dependency added
to ``pyproject.toml`` without ``make lock`` would be missing from a fresh clone's environment, and
a range narrowed past the pinned version would be tested on a version users cannot get.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from packaging.markers import Marker
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parent.parent
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^ ;\\]+)(?: ; (.+?))?\s*\\?$")


def _pins(text: str) -> dict[str, list[tuple[str, str | None]]]:
    """Every pinned package of a lock: its versions, each with its environment marker."""
    pins: dict[str, list[tuple[str, str | None]]] = {}
    for line in text.splitlines():
        found = PIN.match(line)
        if found:
            pins.setdefault(canonicalize_name(found[1]), []).append((found[2], found[3]))
    return pins


def _requirements(project: dict[str, object]) -> list[Requirement]:
    """The project's dependencies, every extra's and every dependency group's, by name."""
    table = project["project"]
    assert isinstance(table, dict)
    texts = list(table["dependencies"])
    for extra in table["optional-dependencies"].values():
        texts += extra
    groups = project["dependency-groups"]
    assert isinstance(groups, dict)
    for group in groups.values():
        texts += [item for item in group if isinstance(item, str)]
    return [r for r in map(Requirement, texts) if canonicalize_name(r.name) != "banenafspraak"]


def _locked_versions(
    requirement: Requirement, pins: dict[str, list[tuple[str, str | None]]]
) -> list[str]:
    """The versions the lock pins for ``requirement`` on this Python."""
    return [
        version
        for version, marker in pins.get(canonicalize_name(requirement.name), [])
        if marker is None or Marker(marker).evaluate()
    ]


def test_every_dependency_is_locked_at_a_version_its_range_allows() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    pins = _pins((ROOT / "requirements" / "dev.txt").read_text("utf-8"))
    wrong = {}
    for requirement in _requirements(project):
        versions = _locked_versions(requirement, pins)
        if not versions or not all(requirement.specifier.contains(v) for v in versions):
            wrong[str(requirement)] = versions
    assert wrong == {}


def _entries(text: str) -> list[list[str]]:
    """The lock's entries: a pinned line and the lines that continue it (hashes, comments)."""
    entries: list[list[str]] = []
    for line in text.splitlines():
        if PIN.match(line):
            entries.append([line])
        elif entries and line.startswith(" "):
            entries[-1].append(line)
    return entries


def test_every_locked_package_is_pinned_with_hashes() -> None:
    entries = _entries((ROOT / "requirements" / "dev.txt").read_text("utf-8"))
    unhashed = [e[0].split()[0] for e in entries if not any("--hash=sha256:" in x for x in e)]
    assert len(entries) > 50
    assert unhashed == []


def test_the_check_finds_a_dependency_the_lock_lacks() -> None:
    pins = _pins("attrs==25.4.0 \\\n    --hash=sha256:00\n")
    assert _locked_versions(Requirement("attrs>=25.4"), pins) == ["25.4.0"]
    assert _locked_versions(Requirement("pendulum>=3.0"), pins) == []
    assert not Requirement("attrs>=26").specifier.contains("25.4.0")
