"""Write the golden outputs of the command line (``tests/cli/golden/``).

Run it after a change that is meant to change the output, then read the diff before committing::

    .venv/bin/python scripts/generate_cli_golden.py
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

CASES_FILE = Path(__file__).parents[1] / "tests" / "cli" / "golden_cases.py"


def main() -> int:
    """Regenerate every golden file; returns the exit code."""
    spec = importlib.util.spec_from_file_location("golden_cases", CASES_FILE)
    if spec is None or spec.loader is None:  # pragma: no cover - the file is in the repository
        return 1
    cases = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(cases)
    cases.GOLDEN.mkdir(exist_ok=True)
    for stale in cases.GOLDEN.iterdir():
        if stale.name not in cases.CASES:
            stale.unlink()
    for name, args in cases.CASES.items():
        code, out, err = cases.run(args, columns=cases.WIDTHS_OF.get(name, 200))
        if code != 0:
            sys.stderr.write(f"{name}: exit {code}\n{err}")
            return 1
        (cases.GOLDEN / name).write_text(cases.normalise(out), encoding="utf-8")
        print(f"wrote {cases.GOLDEN / name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
