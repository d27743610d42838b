"""banenafspraak: the Dutch banenafspraak counting rules as tested, explainable code.

Where does each job for a person with a work-limiting disability count, and what changes under
each law? Build a :class:`Scenario` of employers, people and placements, then ask a rule set:

>>> from banenafspraak import count_jobs
>>> from banenafspraak.demo import example_scenario
>>> count = count_jobs(example_scenario(), rules="wbqa-2015", year=2019)
>>> sorted(pool.value for pool in count.pools)
['government', 'market']
"""

from __future__ import annotations

import importlib.util
from typing import TYPE_CHECKING

from banenafspraak._util import display
from banenafspraak._version import __version__
from banenafspraak.baselines import Baseline
from banenafspraak.comparing import Comparison, compare
from banenafspraak.counting import (
    FigureTotal,
    JobCount,
    Monitoring,
    QuotumReport,
    Receipt,
    Tally,
    assess_quotum,
    baseline_from,
    count_jobs,
)
from banenafspraak.employers import Employer, EmployerId, EmployerKind, derive_sector
from banenafspraak.exceptions import (
    BanenafspraakError,
    InvalidPeriodError,
    InvalidScenarioError,
    MissingExtraError,
    NoRuleSetInForceError,
    Problem,
    UnknownParameterError,
    UnknownRuleSetError,
)
from banenafspraak.parameters import DatedValue, Parameter, Parameters, default_parameters
from banenafspraak.people import Ground, Person, PersonId, Registration
from banenafspraak.periods import Period
from banenafspraak.placements import PayPeriod, Placement, PlacementId, PlacementKind
from banenafspraak.procurement import ContractId, ContractKind, ProcurementContract
from banenafspraak.references import LegalReference, Tag
from banenafspraak.render.explain import explain_lkv, explain_placement, explain_quotum
from banenafspraak.reports import (
    DurabilityLine,
    DurabilityReport,
    PlacementSpell,
    ProcurementBuyer,
    ProcurementDestination,
    ProcurementReport,
    SpellStatus,
    SubsectorBasis,
    SubsectorLine,
    SubsectorMonitoring,
    Trend,
    TrendPoint,
    TrendSeries,
    durability,
    procurement_jobs,
    subsector_monitoring,
    trend,
)
from banenafspraak.rulesets import (
    Attribution,
    Figure,
    FormalQueries,
    Ledger,
    QuotumResult,
    Reason,
    RuleContext,
    RuleSet,
    Share,
    Stage,
    available_rule_sets,
    rule_set,
    rule_set_in_force,
)
from banenafspraak.rulesets.common import aow_age_reached
from banenafspraak.rulesets.national_pool import NationalInstrument
from banenafspraak.rulesets.wbqa_2015 import SectorQuotum
from banenafspraak.scenario import Scenario
from banenafspraak.sectors import Pool, Sector, Subsector

if TYPE_CHECKING:
    from pathlib import Path


def load_scenario(path: str | Path, *, full_ids: bool = False) -> Scenario:
    """A scenario from a ``.json`` file or a folder of CSV files (needs the ``io`` extra).

    See :func:`banenafspraak.io.load_scenario`.

    Raises:
        InvalidScenarioError: listing every problem of the file, each with its place.
        MissingExtraError: if cattrs or jsonschema is not installed.
    """
    _require_io()
    from banenafspraak.io import load_scenario as load  # noqa: PLC0415 - the optional io extra

    return load(path, full_ids=full_ids)


def save_scenario(scenario: Scenario, path: str | Path) -> Path:
    """Write a scenario as a ``.json`` file or a folder of CSV files (needs the ``io`` extra).

    See :func:`banenafspraak.io.save_scenario`.
    """
    _require_io()
    from banenafspraak.io import save_scenario as save  # noqa: PLC0415 - the optional io extra

    return save(scenario, path)


def _require_io() -> None:
    if any(importlib.util.find_spec(name) is None for name in ("cattrs", "jsonschema")):
        feature = "scenario files"
        raise MissingExtraError(feature, "io")


__all__ = [
    "Attribution",
    "BanenafspraakError",
    "Baseline",
    "Comparison",
    "ContractId",
    "ContractKind",
    "DatedValue",
    "DurabilityLine",
    "DurabilityReport",
    "Employer",
    "EmployerId",
    "EmployerKind",
    "Figure",
    "FigureTotal",
    "FormalQueries",
    "Ground",
    "InvalidPeriodError",
    "InvalidScenarioError",
    "JobCount",
    "Ledger",
    "LegalReference",
    "MissingExtraError",
    "Monitoring",
    "NationalInstrument",
    "NoRuleSetInForceError",
    "Parameter",
    "Parameters",
    "PayPeriod",
    "Period",
    "Person",
    "PersonId",
    "Placement",
    "PlacementId",
    "PlacementKind",
    "PlacementSpell",
    "Pool",
    "Problem",
    "ProcurementBuyer",
    "ProcurementContract",
    "ProcurementDestination",
    "ProcurementReport",
    "QuotumReport",
    "QuotumResult",
    "Reason",
    "Receipt",
    "Registration",
    "RuleContext",
    "RuleSet",
    "Scenario",
    "Sector",
    "SectorQuotum",
    "Share",
    "SpellStatus",
    "Stage",
    "Subsector",
    "SubsectorBasis",
    "SubsectorLine",
    "SubsectorMonitoring",
    "Tag",
    "Tally",
    "Trend",
    "TrendPoint",
    "TrendSeries",
    "UnknownParameterError",
    "UnknownRuleSetError",
    "__version__",
    "aow_age_reached",
    "assess_quotum",
    "available_rule_sets",
    "baseline_from",
    "compare",
    "count_jobs",
    "default_parameters",
    "derive_sector",
    "display",
    "durability",
    "explain_lkv",
    "explain_placement",
    "explain_quotum",
    "load_scenario",
    "procurement_jobs",
    "rule_set",
    "rule_set_in_force",
    "save_scenario",
    "subsector_monitoring",
    "trend",
]
