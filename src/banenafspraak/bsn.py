"""Personal data at the edge: the BSN (*burgerservicenummer*) check and masking.

A person's id may be a BSN. Where an id has nine digits, the library takes it for one: it must pass
the *elfproef* (the 11-test of Wet algemene bepalingen burgerservicenummer art. 1 and the
Regeling BSN; every BSN does). Every run of nine digits standing alone in a text the library
writes (an id, a name, a message; ``BSN111222333``, ``111222333-A``, a mistyped BSN that fails the
elfproef) is shown masked, ``*****2333``, unless the user asks for full ids: a BSN can hide in any
field. Numbers the library computes (hours, jobs) are not ids and are written in full.

>>> from banenafspraak.bsn import elfproef, mask_id, mask_text
>>> elfproef("111222333")
True
>>> mask_id("111222333")
'*****2333'
>>> mask_id("P1")
'P1'
"""

from __future__ import annotations

import re

__all__ = ["BSN_DIGITS", "elfproef", "is_bsn", "looks_like_bsn", "mask_id", "mask_text"]

BSN_DIGITS = 9
"""A BSN has nine digits (leading zeros included)."""

_WEIGHTS = (9, 8, 7, 6, 5, 4, 3, 2, -1)
_NINE_DIGITS = re.compile(r"(?<!\d)(?<!\d[.,])\d{9}(?!\d|[.,]\d)")
"""Nine digits standing alone: not part of a longer number such as 1,123456782 or 0.123456782."""
_DIGEST_OR_NINE_DIGITS = re.compile(rf"(sha256:[0-9a-f]{{64}})(?![0-9a-f])|{_NINE_DIGITS.pattern}")
"""A digest of the library's receipts (kept whole: it names data, not a person), or nine digits
standing alone."""
_SHOWN = 4


def looks_like_bsn(value: str) -> bool:
    """The id has exactly nine digits, so the library takes it for a BSN."""
    return len(value) == BSN_DIGITS and value.isascii() and value.isdigit()


def elfproef(value: str) -> bool:
    """The 11-test of a BSN: nine digits, weighted 9..2 and -1, add up to a multiple of 11.

    An all-zero number passes the arithmetic but is no BSN, so it fails here.
    """
    if not looks_like_bsn(value) or set(value) == {"0"}:
        return False
    total = sum(int(digit) * weight for digit, weight in zip(value, _WEIGHTS, strict=True))
    return total % 11 == 0


def is_bsn(value: str) -> bool:
    """The id is a valid BSN (nine digits passing the elfproef)."""
    return elfproef(value)


def _masked(digits: str) -> str:
    return "*" * (BSN_DIGITS - _SHOWN) + digits[-_SHOWN:]


def mask_id(value: str, *, full: bool = False) -> str:
    """An id with every run of nine digits in it (a BSN, or a mistyped one) masked.

    ``full=True`` returns the id unchanged, for a user who asked for full ids.

    A receipt's digest (``sha256:`` and 64 hex digits) is no id and stays whole, even where its
    hex digits start with nine digits.

    >>> mask_id("BSN111222333"), mask_id("111222333-A"), mask_id("123456780")
    ('BSN*****2333', '*****2333-A', '*****6780')
    """
    if full:
        return value
    return _DIGEST_OR_NINE_DIGITS.sub(lambda m: m.group(1) or _masked(m.group()), value)


def mask_text(text: str, *, full: bool = False) -> str:
    """Every run of nine digits standing alone in a text masked, BSN or not.

    Used on texts the library did not build field by field, such as explanations and errors.
    Digits inside a decimal number (``0.123456782``) or a longer run are left alone.

    >>> mask_text("person 111222333, employed by G")
    'person *****2333, employed by G'
    """
    return mask_id(text, full=full)
