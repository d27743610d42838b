"""Dated parameters with legal references: every number the rules use, and where it comes from.

A :class:`Parameter` is a table of :class:`DatedValue` rows; the value in force on a date is the row
with the latest start on or before that date (as in OpenFisca). Every row names its legal source
and a :class:`~banenafspraak.references.Tag` saying how sure it is. Every default of the library's
decision table is one of these parameters, so any of them can be overridden per scenario or per
call (:meth:`Parameters.with_overrides`).

The types are in :mod:`~banenafspraak.parameters.model`; the library's own tables, split by the
law each belongs to, are the catalogue (:mod:`~banenafspraak.parameters.catalogue`), which
:func:`default_parameters` assembles.
"""

from __future__ import annotations

from banenafspraak.parameters.catalogue import default_parameters
from banenafspraak.parameters.catalogue.rows import BOOL as BOOL
from banenafspraak.parameters.catalogue.rows import DATE as DATE
from banenafspraak.parameters.catalogue.rows import DEC as DEC
from banenafspraak.parameters.catalogue.rows import INT as INT
from banenafspraak.parameters.catalogue.rows import ODATE as ODATE
from banenafspraak.parameters.catalogue.rows import ODEC as ODEC
from banenafspraak.parameters.catalogue.rows import D as D
from banenafspraak.parameters.model import (
    BEGINNING as BEGINNING,
)
from banenafspraak.parameters.model import (
    DIVISORS as DIVISORS,
)
from banenafspraak.parameters.model import (
    MAX_PARAMETER as MAX_PARAMETER,
)
from banenafspraak.parameters.model import (
    DatedValue,
    Parameter,
    ParameterKind,
    Parameters,
)
from banenafspraak.parameters.model import (
    T as T,
)
from banenafspraak.parameters.model import (
    Value as Value,
)

__all__ = ["DatedValue", "Parameter", "ParameterKind", "Parameters", "default_parameters"]
