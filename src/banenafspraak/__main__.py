"""``python -m banenafspraak``: the command line."""

from banenafspraak.cli import main

raise SystemExit(main())
