"""Sectors, government sub-sectors and monitoring pools.

A *sector* is what an employer belongs to (Wfsv art. 38c; Regeling Wfsv 3.27/3.31). A *pool* is the
total a job adds to in the national monitoring: one per sector under the 2015 law, one national
pool under the 2025 law and the 2018 outline.
"""

from __future__ import annotations

import enum

__all__ = ["Pool", "Sector", "Subsector"]


class Sector(enum.StrEnum):
    """The sector an employer belongs to (Wfsv art. 38c; Regeling Wfsv art. 3.27, later 3.31).

    An *overheidswerkgever* (WW art. 1(i)) is ``GOVERNMENT`` unless at least half of its verloonde
    uren fall under a sectorfonds, judged on the last pay period of the previous year; every other
    employer is ``MARKET`` (*niet-overheid*). See :func:`banenafspraak.employers.derive_sector`.
    """

    MARKET = "market"
    """*sector niet-overheid* (the market sector, *markt*)."""
    GOVERNMENT = "government"
    """*sector overheid*."""

    @property
    def dutch(self) -> str:
        """The Dutch legal term."""
        return {"market": "niet-overheid", "government": "overheid"}[self.value]

    @property
    def pool(self) -> Pool:
        """The monitoring pool of this sector under the 2015 law."""
        return Pool(self.value)


class Subsector(enum.StrEnum):
    """Sub-sectors of the government sector, as the yearly progress letters report them (VSO).

    Not a legal category: sub-sector shares of the 25,000 government jobs are not binding
    (wbqa-2015 spec §5); they are used for reporting only.
    """

    RIJK = "rijk"
    """Central government, ministries and ZBOs (rechterlijke macht included)."""
    DEFENSIE = "defensie"
    POLITIE = "politie"
    GEMEENTEN = "gemeenten"
    """Municipalities, including gemeenschappelijke regelingen."""
    PROVINCIES = "provincies"
    WATERSCHAPPEN = "waterschappen"
    PRIMAIR_ONDERWIJS = "po"
    VOORTGEZET_ONDERWIJS = "vo"
    MBO = "mbo"
    HOGESCHOLEN = "hbo"
    UNIVERSITEITEN = "wo"
    UMC = "umc"
    """University medical centres (NFU)."""
    ONDERZOEKSINSTELLINGEN = "onderzoeksinstellingen"
    """Research institutions (WVOI)."""


class Pool(enum.StrEnum):
    """Where a job adds in the national monitoring of the banenafspraak.

    ``MARKET`` and ``GOVERNMENT`` under the 2015 law (Wfsv 122n, per sector); ``NATIONAL`` under the
    2025 law (Wet banenafspraak art. 4) and the 2018 outline.
    """

    MARKET = "market"
    GOVERNMENT = "government"
    NATIONAL = "national"

    @property
    def dutch(self) -> str:
        """The Dutch term."""
        return {"market": "markt", "government": "overheid", "national": "landelijk"}[self.value]
