"""Write the golden snapshot files ``tests/golden/<rule set>.json`` (review the diff!)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from banenafspraak import available_rule_sets  # noqa: E402
from golden_catalogue import golden  # noqa: E402


def main() -> None:
    """Regenerate every golden file."""
    folder = ROOT / "tests" / "golden"
    folder.mkdir(exist_ok=True)
    for rules in available_rule_sets():
        path = folder / f"{rules}.json"
        path.write_text(json.dumps(golden(rules), indent=1, sort_keys=True) + "\n")
        print(f"wrote {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
