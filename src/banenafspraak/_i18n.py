"""The one table of translations: English (the default) to Dutch, for tables and charts.

The users are Dutch civil servants, sector teams and researchers; ``--lang nl`` on the command
line and ``lang="nl"`` on the chart functions use this table. A text is translated whole when it
is in :data:`NL`; otherwise the phrases of :data:`NL_PHRASES` inside it are (the titles with a
rule set or a year in them). Legal terms keep their legal Dutch names in both languages where
the English text uses them (LKV, Wfsv 122na). A text not in the table stays English.

Numbers in tables and charts are written the Dutch way under ``nl`` (:func:`number_text`):
``1.560,00`` for ``1,560.00``, ``3,5`` for ``3.5``. Only what is one number as a whole is
changed, never a number inside prose (``Besluit SUWI art. 3.2(8)`` is an article, not a number).
CSV, JSON and workbooks stay as programs read them, whatever the language.
"""

from __future__ import annotations

import re

from banenafspraak.exceptions import InvalidValueError

__all__ = ["LANGUAGES", "NL", "NL_PHRASES", "number_text", "translate"]

LANGUAGES = ("en", "nl")

NL: dict[str, str] = {
    # table headers
    "employer": "werkgever",
    "name": "naam",
    "liable": "plichtig",
    "active": "geactiveerd",
    "sector": "sector",
    "pool": "sector (monitor)",
    "hours": "uren",
    "jobs": "banen",
    "baseline (jobs)": "nulmeting (banen)",
    "extra jobs": "extra banen",
    "target (jobs)": "doel (banen)",
    "result": "resultaat",
    "placement": "plaatsing",
    "person": "persoon",
    "kind": "soort",
    "credited to": "toegerekend aan",
    "rule": "regel",
    "A total (h)": "A verloonde uren (u)",
    "B quotum (%)": "B quotumpercentage (%)",
    "C credited (h)": "C toegerekend (u)",
    "required (h)": "vereist (u)",
    "shortfall (jobs)": "quotumtekort (banen)",
    "levy (EUR)": "quotumheffing (EUR)",
    "levied": "geheven",
    "levy status": "heffing",
    "net effect (EUR)": "netto effect (EUR)",
    "small employer": "kleine werkgever",
    "surcharge base (EUR)": "grondslag opslag (EUR)",
    "rate (%)": "opslag (%)",
    "surcharge (EUR)": "inclusiviteitsopslag (EUR)",
    "credited hours (h)": "toegerekende uren (u)",
    "bonus hours (h)": "bonusuren (u)",
    "bonus (EUR)": "banenafspraakbonus (EUR)",
    "LKV (EUR)": "LKV (EUR)",
    "surcharge status": "opslag",
    "version": "versie",
    "in force from": "in werking vanaf",
    "pools": "sectoren",
    "title": "titel",
    "subject": "onderwerp",
    "measure": "maat",
    "rule set": "regelset",
    "before": "voor",
    "after": "na",
    "change": "verschil",
    "because of": "door",
    "excluded hours": "uitgesloten uren",
    # cells
    "yes": "ja",
    "no": "nee",
    "met": "gehaald",
    "missed": "niet gehaald",
    "market": "markt",
    "government": "overheid",
    "national": "landelijk",
    "never": "nooit",
    "quotum not activated": "quotum niet geactiveerd",
    "exempt: below the threshold": "vrijgesteld: onder de drempel",
    "no quotum percentage": "geen quotumpercentage",
    "no shortfall": "geen tekort",
    "waived by law (Wfsv 122na)": "niet geheven (Wfsv 122na)",
    "not yet due": "nog niet verschuldigd",
    "exempt: small employer": "vrijgesteld: kleine werkgever",
    "unknown: small employer?": "onbekend: kleine werkgever?",
    "due": "verschuldigd",
    "unknown": "onbekend",
    # chart texts
    "year": "jaar",
}
"""English text -> Dutch text, for a whole header, cell or label."""

NL_PHRASES: dict[str, str] = {
    "Quotum under": "Quotum volgens",
    "Pools against their baseline and target": "Sectoren tegen nulmeting en doel",
    "Credited to each employer": "Toegerekend aan elke werkgever",
    "Where each placement counts": "Waar elke plaatsing telt",
    "Jobs per pool": "Banen per sector",
    "Jobs credited to each employer": "Banen toegerekend aan elke werkgever",
    "What changes against": "Wat verandert ten opzichte van",
    "and why": "en waarom",
    "Rule sets": "Regelsets",
    "Extra jobs against the targets": "Extra banen tegen de doelen",
    "Jobs credited to each employer,": "Banen toegerekend aan elke werkgever,",
    "extra jobs (1 job = 25.5 hours a week)": "extra banen (1 baan = 25,5 uur per week)",
    "jobs (1 job = 25.5 hours a week)": "banen (1 baan = 25,5 uur per week)",
    ": realised": ": gerealiseerd",
    ": target": ": doel",
    "target missed": "doel niet gehaald",
    "Rule set": "Regelset",
    "receipt": "bewijs",
}
"""English phrase -> Dutch phrase, replaced inside titles and labels (longest first)."""


def translate(text: str, lang: str = "en") -> str:
    """``text`` in ``lang`` (``"en"``: as it is; ``"nl"``: from the table, else as it is)."""
    if lang == "en" or not text:
        return text
    if lang != "nl":
        msg = f"unknown language {lang!r}; the languages: {', '.join(LANGUAGES)}"
        raise InvalidValueError(msg, field="lang", value=lang, expected=", ".join(LANGUAGES))
    if text in NL:
        return NL[text]
    for phrase in sorted(NL_PHRASES, key=len, reverse=True):
        text = text.replace(phrase, NL_PHRASES[phrase])
    return text


_ENGLISH_NUMBER = re.compile(r"[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?( ?%)?")
"""A number as the English tables write it: ``1,560.00``, ``-2.5``, ``96.8 %``."""
_DUTCH_MARKS = str.maketrans(",.", ".,")


def number_text(text: str, lang: str = "en") -> str:
    """A number written the English way (``1,560.00``) as ``lang`` writes it (``1.560,00``).

    A text that is not one number as a whole stays as it is.

    >>> number_text("1,560.00", "nl"), number_text("3.5 %", "nl"), number_text("2018", "nl")
    ('1.560,00', '3,5 %', '2018')
    >>> number_text("art. 3.2(8)", "nl"), number_text("1,560.00")
    ('art. 3.2(8)', '1,560.00')
    """
    if lang == "en" or not _ENGLISH_NUMBER.fullmatch(text):
        return text
    translate(text, lang)  # refuses an unknown language
    return text.translate(_DUTCH_MARKS)
