"""Procurement contracts (*inkoop van diensten*) and social return (*SROI*).

A buyer buys services from a supplier (cleaning, catering) or sets a social-return condition in a
contract. Where the jobs the supplier fills for it count is exactly what the rule sets disagree on:
at the supplier under the 2015 and 2025 laws, at the buyer under the 2018 outline.
"""

from __future__ import annotations

import enum
from typing import NewType

import attrs

from banenafspraak.employers import EmployerId, employer_id
from banenafspraak.periods import Period

__all__ = ["ContractId", "ContractKind", "ProcurementContract"]

ContractId = NewType("ContractId", str)


def contract_id(value: str) -> ContractId:
    """Attrs converter: a text key as a :data:`ContractId`."""
    return ContractId(value)


def optional_contract_id(value: str | None) -> ContractId | None:
    """Attrs converter: like :func:`contract_id`, ``None`` stays ``None``."""
    return None if value is None else ContractId(value)


class ContractKind(enum.StrEnum):
    """What a procurement contract buys."""

    SERVICES = "services"
    """*Inkoop van diensten*: cleaning, catering, maintenance..."""
    SROI = "sroi"
    """*Social return on investment*: a contract condition to employ people from the doelgroep."""


@attrs.frozen(kw_only=True)
class ProcurementContract:
    """A contract by which ``buyer`` buys from ``supplier`` during ``period``."""

    id: ContractId = attrs.field(converter=contract_id, validator=attrs.validators.min_len(1))
    buyer: EmployerId = attrs.field(converter=employer_id, validator=attrs.validators.min_len(1))
    supplier: EmployerId = attrs.field(converter=employer_id, validator=attrs.validators.min_len(1))
    period: Period = attrs.field(validator=attrs.validators.instance_of(Period))
    kind: ContractKind = attrs.field(default=ContractKind.SERVICES, converter=ContractKind)
