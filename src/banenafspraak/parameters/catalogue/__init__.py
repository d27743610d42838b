"""The catalogue: the library's default parameters, split by the law each table belongs to.

:func:`default_parameters` assembles the tables in a fixed order: the job unit
(:mod:`~banenafspraak.parameters.catalogue.shared`), the 2015 quotum
(:mod:`~banenafspraak.parameters.catalogue.wbqa_2015`), the monitoring and the sub-sectors
(:mod:`~banenafspraak.parameters.catalogue.targets`), the register and the AOW age
(:mod:`~banenafspraak.parameters.catalogue.shared`), and the 2025 law
(:mod:`~banenafspraak.parameters.catalogue.wet_2025`). Every row is written with the helpers of
:mod:`~banenafspraak.parameters.catalogue.rows`.
"""

from __future__ import annotations

from banenafspraak._util import FrozenMap
from banenafspraak.parameters.catalogue.shared import job_unit, register
from banenafspraak.parameters.catalogue.targets import monitoring, subsectors
from banenafspraak.parameters.catalogue.wbqa_2015 import quotum
from banenafspraak.parameters.catalogue.wet_2025 import wet_2025
from banenafspraak.parameters.model import Parameter, Parameters

__all__ = ["catalogue", "default_parameters"]


def catalogue() -> tuple[Parameter, ...]:
    """Every table of the library, in the catalogue's order."""
    return (
        *job_unit(),
        *quotum(),
        *monitoring(),
        *subsectors(),
        *register(),
        *wet_2025(),
    )


_DEFAULT = Parameters(FrozenMap({p.name: p for p in catalogue()}))


def default_parameters() -> Parameters:
    """The library's defaults: the values of the decision table, each with its source and tag."""
    return _DEFAULT
