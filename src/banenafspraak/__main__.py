"""``python -m banenafspraak``: the command line (or how to install it)."""

from banenafspraak._launcher import main

raise SystemExit(main())
