r"""Text for a person to read: control characters written as escapes, never sent raw.

An id, a name or a cell of an input file may hold a control character: an escape sequence of a
terminal (``\x1b[2J`` clears the screen), a carriage return that overwrites what came before,
a right-to-left override that shows text in another order than it is. Every table, text and
message the library writes for a person passes through :func:`printable`, which writes each of
them as its escape (``\x1b``, ``\u202e``), so that what is seen is what the file holds.
Files written for programs (CSV, JSON, workbooks) keep the text as it is.

>>> printable("A\x1b[2J")
'A\\x1b[2J'
>>> printable("two\nlines", lines=True)
'two\nlines'
"""

from __future__ import annotations

import re

__all__ = ["printable"]

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
"""The C0 and C1 control characters, DEL, and the marks and overrides of the text direction."""


def _escape(character: str) -> str:
    code = ord(character)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"  # noqa: PLR2004 - one byte


def printable(text: str, *, lines: bool = False) -> str:
    r"""``text`` with every control character written as its escape (``\x1b``).

    ``lines=True`` keeps line breaks (``\n``) as they are, for a message of several lines;
    otherwise they are escaped too, as in a table's cell.
    """
    if _CONTROL.search(text) is None:
        return text
    return _CONTROL.sub(
        lambda match: match.group() if lines and match.group() == "\n" else _escape(match.group()),
        text,
    )
