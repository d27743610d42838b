"""The ``banenafspraak`` command line (minimal: ``demo``)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from banenafspraak.report import demo_report

__all__ = ["main"]


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    parser = argparse.ArgumentParser(prog="banenafspraak", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("demo", help="the bundled example under every rule set")
    args = parser.parse_args(argv)
    if args.command == "demo":
        sys.stdout.write(demo_report())
    return 0
