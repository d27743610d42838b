"""The ``banenafspraak`` console script: the command line, or how to install it.

The script is installed with the library itself, but the command line needs the ``cli`` extra
(typer, rich and the scenario files' cattrs and jsonschema). Without it the script says so, with
the pip command that installs it, and exits with 1 instead of a traceback.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from banenafspraak.exceptions import MissingExtraError

__all__ = ["main"]

EXIT_BAD_INPUT = 1


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; without the ``cli`` extra, print how to install it and return 1."""
    try:
        from banenafspraak.cli import main as run  # noqa: PLC0415 - the optional cli extra
    except MissingExtraError as error:
        cause = error.__cause__
        missing = f" (missing: {cause.name})" if isinstance(cause, ImportError) else ""
        needed = MissingExtraError("the banenafspraak command", "cli")
        sys.stderr.write(f"banenafspraak: {needed}{missing}\n")
        return EXIT_BAD_INPUT
    return run(argv)
