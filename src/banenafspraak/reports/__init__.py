"""The reports sector teams and policy makers ask for, beyond the national count.

Four pure computations, each resting on :func:`~banenafspraak.counting.count_jobs` under a rule set
chosen by name or object, each carrying the :class:`~banenafspraak.counting.Receipt` of the
count(s) it rests on and the :class:`~banenafspraak.rulesets.Reason` of every step of its method:

* :func:`subsector_monitoring`: realised extra jobs per government sub-sector (Rijk, Defensie,
  Politie, Gemeenten, ..., UMC's, onderzoeksinstellingen) against a user-supplied sub-sector target,
  with the realisation percentage, as the yearly progress letters report it;
* :func:`procurement_jobs`: the jobs delivered through procurement contracts (services and social
  return), per buying employer and per buyer's sector, beside where they count under each
  rule set;
* :func:`durability`: how long placements last and the share still running twelve months after
  they started, per employer, sector and year of start;
* :func:`trend`: the yearly series of extra jobs per pool and sub-sector against the targets, with
  the year-on-year change and whether each target was met.

The method of each report is documented in ``docs/reports.md``. Each report is a module of its
own (:mod:`~banenafspraak.reports.subsectors`, :mod:`~banenafspraak.reports.procurement`,
:mod:`~banenafspraak.reports.durability`, :mod:`~banenafspraak.reports.trend`), and what they
share is in :mod:`~banenafspraak.reports.common`; the batch engine computes the same reports from
the same functions of these modules (``banenafspraak.batch``).
"""

from __future__ import annotations

from banenafspraak.reports.durability import (
    DurabilityLine,
    DurabilityReport,
    PlacementSpell,
    SpellStatus,
    durability,
)
from banenafspraak.reports.procurement import (
    ProcurementBuyer,
    ProcurementDestination,
    ProcurementReport,
    procurement_jobs,
)
from banenafspraak.reports.subsectors import (
    SubsectorBasis,
    SubsectorLine,
    SubsectorMonitoring,
    subsector_monitoring,
)
from banenafspraak.reports.trend import Trend, TrendPoint, TrendSeries, trend

__all__ = [
    "DurabilityLine",
    "DurabilityReport",
    "PlacementSpell",
    "ProcurementBuyer",
    "ProcurementDestination",
    "ProcurementReport",
    "SpellStatus",
    "SubsectorBasis",
    "SubsectorLine",
    "SubsectorMonitoring",
    "Trend",
    "TrendPoint",
    "TrendSeries",
    "durability",
    "procurement_jobs",
    "subsector_monitoring",
    "trend",
]
