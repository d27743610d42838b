"""Sphinx configuration of the banenafspraak documentation (MyST Markdown, furo, autodoc)."""

from __future__ import annotations

import sys
from pathlib import Path

from banenafspraak import __version__

sys.path.insert(0, str(Path(__file__).parent / "_ext"))

project = "banenafspraak"
copyright = "banenafspraak contributors, EUPL-1.2"
release = __version__
version = __version__

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "banenafspraak_docs",
]

source_suffix = {".md": "markdown"}
exclude_patterns = ["_build", "_ext"]
root_doc = "index"
nitpicky = False

myst_enable_extensions = ["colon_fence", "deflist", "attrs_inline"]
myst_heading_anchors = 3

autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_default_options = {"members": True, "show-inheritance": False}
napoleon_google_docstring = True
napoleon_numpy_docstring = False

html_theme = "furo"
html_title = f"banenafspraak {release}"
