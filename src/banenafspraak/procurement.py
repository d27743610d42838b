"""Procurement contracts (*inkoop van diensten*) and social return (*SROI*).

A buyer buys services from a supplier (cleaning, catering) or sets a social-return condition in a
contract. Where the jobs the supplier fills for it count is exactly what the rule sets disagree on:
at the supplier under the 2015 and 2025 laws, at the buyer under the 2018 outline.
"""

from __future__ import annotations

import enum
from typing import NewType

import attrs

from banenafspraak.employers import EmployerId
from banenafspraak.periods import Period

__all__ = ["ContractId", "ContractKind", "ProcurementContract"]

ContractId = NewType("ContractId", str)


class ContractKind(enum.StrEnum):
    """What a procurement contract buys."""

    SERVICES = "services"
    """*Inkoop van diensten*: cleaning, catering, maintenance..."""
    SROI = "sroi"
    """*Social return on investment*: a contract condition to employ people from the doelgroep."""


@attrs.frozen(kw_only=True)
class ProcurementContract:
    """A contract by which ``buyer`` buys from ``supplier`` during ``period``."""

    id: ContractId = attrs.field(validator=attrs.validators.min_len(1))
    buyer: EmployerId = attrs.field(validator=attrs.validators.min_len(1))
    supplier: EmployerId = attrs.field(validator=attrs.validators.min_len(1))
    period: Period = attrs.field(validator=attrs.validators.instance_of(Period))
    kind: ContractKind = attrs.field(default=ContractKind.SERVICES, converter=ContractKind)
