"""The charts in the docs are the ones the library draws today (issue 13, item 8)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

pytest.importorskip("matplotlib")

SCRIPT = Path(__file__).parents[1] / "scripts" / "generate_doc_charts.py"


def test_the_doc_charts_are_current(tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location("generate_doc_charts", SCRIPT)
    assert spec is not None
    assert spec.loader is not None
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    fresh = script.write(tmp_path)
    assert fresh
    for path in fresh:
        committed = script.IMAGES / path.name
        assert committed.read_bytes() == path.read_bytes(), (
            f"{committed} is stale: run scripts/generate_doc_charts.py"
        )
