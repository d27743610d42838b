"""Every rule cites the version of the text it applies: no reason of the library cites an act
of the consolidated collection (wetten.overheid.nl) without the date of its version.
"""

from __future__ import annotations

import importlib
from types import ModuleType

import pytest

from banenafspraak import default_parameters
from banenafspraak.rulesets import Reason

MODULES = (
    "banenafspraak.rulesets.common",
    "banenafspraak.rulesets.wbqa_2015",
    "banenafspraak.rulesets.contouren_2018",
    "banenafspraak.rulesets.wet_2025",
    "banenafspraak.rulesets.national_pool",
    "banenafspraak.reports.subsectors",
    "banenafspraak.reports.procurement",
    "banenafspraak.reports.durability",
    "banenafspraak.reports.trend",
    "banenafspraak.comparing",
)
NOT_READ_BY_VERSION = {"Regeling Wfsv"}
"""Ministerial regulations: their texts by version were not read, so their reasons name the
article and the publication (the SEO key of Regeling Wfsv 3.34(3)) without a version date."""


def _reasons(module: ModuleType) -> dict[str, Reason]:
    return {name: value for name, value in vars(module).items() if isinstance(value, Reason)}


@pytest.mark.parametrize("module_name", MODULES)
def test_every_reason_that_cites_an_act_names_its_version(module_name: str) -> None:
    reasons = _reasons(importlib.import_module(module_name))
    unversioned = {
        name: str(reason.reference)
        for name, reason in reasons.items()
        if reason.reference.bwb_id is not None
        and reason.reference.version is None
        and reason.reference.law not in NOT_READ_BY_VERSION
    }
    assert unversioned == {}


def test_the_check_reads_the_reasons_of_every_law() -> None:
    """The test above looks at the reasons it should: each module has some, and they cite acts."""
    counts = {name: len(_reasons(importlib.import_module(name))) for name in MODULES}
    assert all(counts.values()), counts
    wbqa = _reasons(importlib.import_module("banenafspraak.rulesets.wbqa_2015"))
    assert any(r.reference.bwb_id == "BWBR0017745" for r in wbqa.values())


def test_every_parameter_row_that_cites_an_act_names_its_version() -> None:
    params = default_parameters()
    unversioned = [
        f"{name} from {row.start}: {row.reference}"
        for name in params.names()
        for row in params[name].rows
        if row.reference.bwb_id is not None
        and row.reference.version is None
        and row.reference.law not in NOT_READ_BY_VERSION
    ]
    assert unversioned == []
