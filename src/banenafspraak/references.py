"""Legal references: which article of which regulation, in which version.

Every rule and every parameter value of the library names its source with one of these. The
regulations are identified by their BWB id on wetten.overheid.nl and the date of the consolidated
version that was read.
"""

from __future__ import annotations

import enum
import re

import attrs
import pendulum

from banenafspraak._util import optional_date

__all__ = ["LAWS", "LegalReference", "Tag"]

_ARTICLE_NUMBER = re.compile(r"[0-9]+[a-z]*(\.[0-9]+[a-z]*)?")


class Tag(enum.StrEnum):
    """How sure a value or rule is (the tags of the research notes behind the library)."""

    VERIFIED = "V"
    """Read in the text of a law, AMvB or ministerial regulation."""
    SECONDARY = "S"
    """From a secondary source (ministry, UWV or sector text), not checked against the law."""
    DERIVED = "D"
    """Derived from verified inputs; the working is in the docs."""
    UNVERIFIED = "U"
    """A best understanding without a source: an assumption, kept configurable."""
    OVERRIDE = "override"
    """Given by the user (a scenario's ``parameters`` or a call's ``parameters=``)."""


LAWS: dict[str, tuple[str, str]] = {
    "Wfsv": ("Wet financiering sociale verzekeringen", "BWBR0017745"),
    "Besluit Wfsv": ("Besluit Wfsv", "BWBR0019070"),
    "Regeling Wfsv": ("Regeling Wfsv", "BWBR0019150"),
    "Besluit SUWI": ("Besluit SUWI", "BWBR0013267"),
    "Participatiewet": ("Participatiewet", "BWBR0015703"),
    "Wet banenafspraak": ("Wet banenafspraak (Wet van 23 april 2025)", "BWBR0051018"),
    "Wtl": ("Wet tegemoetkomingen loondomein", "BWBR0037522"),
    "AOW": ("Algemene Ouderdomswet", "BWBR0002221"),
}
"""Short name -> (full title, BWB id) of the regulations the library cites."""


@attrs.frozen(kw_only=True)
class LegalReference:
    """A citation: ``law`` (short name from :data:`LAWS` or any title), ``article``, ``version``.

    ``source`` replaces the BWB citation for documents outside wetten.overheid.nl (a Staatscourant
    publication, a letter to parliament, a secondary source).

    >>> str(LegalReference(law="Wfsv", article="38h(4)", version="2015-05-01"))
    'Wfsv art. 38h(4) (BWBR0017745, version 2015-05-01)'
    """

    law: str
    article: str = ""
    version: pendulum.Date | None = attrs.field(default=None, converter=optional_date)
    source: str = ""

    @property
    def bwb_id(self) -> str | None:
        """The BWB id of the regulation, if it is on wetten.overheid.nl."""
        known = LAWS.get(self.law)
        return known[1] if known else None

    @property
    def url(self) -> str | None:
        """The wetten.overheid.nl address of the cited version, if known."""
        if self.bwb_id is None:
            return self.source if self.source.startswith("http") else None
        version = f"/{self.version.isoformat()}" if self.version else ""
        anchor = ""
        if self.article:
            number = _ARTICLE_NUMBER.match(self.article)
            anchor = f"#Artikel{number.group(0)}" if number else ""
        return f"https://wetten.overheid.nl/{self.bwb_id}{version}{anchor}"

    def __str__(self) -> str:
        text = self.law + (f" art. {self.article}" if self.article else "")
        details = []
        if self.bwb_id:
            details.append(self.bwb_id)
        if self.version:
            details.append(f"version {self.version.isoformat()}")
        if self.source:
            details.append(self.source)
        return f"{text} ({', '.join(details)})" if details else text
