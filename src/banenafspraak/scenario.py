"""The scenario: every noun of one question, validated as a whole.

A :class:`Scenario` holds employers, people, placements, procurement contracts, an optional
baseline and optional parameter overrides. It checks everything that involves more than one field
or item, and reports **every** problem at once in one :class:`InvalidScenarioError`, each naming
the item, the field and the value seen.
"""

from __future__ import annotations

import hashlib
import itertools
import json
from collections import Counter
from collections.abc import Iterable, Mapping
from decimal import Decimal
from fractions import Fraction
from typing import Any

import attrs
import pendulum

from banenafspraak._util import FrozenMap, frozen_map, to_decimal_string
from banenafspraak.baselines import Baseline
from banenafspraak.employers import Employer, EmployerId, EmployerKind
from banenafspraak.exceptions import InvalidScenarioError, NotFoundError, Problem
from banenafspraak.people import Person, PersonId
from banenafspraak.placements import Placement, PlacementKind
from banenafspraak.procurement import ContractId, ProcurementContract

__all__ = ["Scenario", "lending_employer_problem", "scenario_problems"]


def _tuple_of(kind: type) -> Any:  # noqa: ANN401 - attrs validators are untyped callables
    return attrs.validators.deep_iterable(attrs.validators.instance_of(kind))


def _by_id(item: Employer | Person | Placement | ProcurementContract) -> str:
    return item.id


def _employers(items: Iterable[Employer]) -> tuple[Employer, ...]:
    return tuple(sorted(items, key=_by_id))


def _people(items: Iterable[Person]) -> tuple[Person, ...]:
    return tuple(sorted(items, key=_by_id))


def _placements(items: Iterable[Placement]) -> tuple[Placement, ...]:
    return tuple(sorted(items, key=_by_id))


def _contracts(items: Iterable[ProcurementContract]) -> tuple[ProcurementContract, ...]:
    return tuple(sorted(items, key=_by_id))


@attrs.frozen(kw_only=True)
class Scenario:
    """Employers, people, placements and contracts of one question, validated as a whole.

    The scenario keeps each list in the canonical order of its ids (code-point order, as
    :func:`sorted` orders text; pay periods and registrations by their dates), whatever the
    order they were given in, so that every result lists its employers, placements,
    attributions and rows in that one order: the same input in another order gives the same
    output, byte for byte.

    Args:
        employers: every employer a placement or contract refers to.
        people: every person a placement refers to.
        placements: the employment relations with their paid hours.
        contracts: procurement contracts.
        baseline: the nulmeting; none means zero jobs in every pool.
        parameters: overrides of dated parameters, in the form of
            :meth:`banenafspraak.parameters.Parameters.with_overrides`.
        name: for reports.

    Raises:
        InvalidScenarioError: listing every problem (unknown or duplicate ids, a hirer equal to
            the employer, overlapping pay periods of one placement, ...).
    """

    employers: tuple[Employer, ...] = attrs.field(
        factory=tuple, converter=_employers, validator=_tuple_of(Employer)
    )
    people: tuple[Person, ...] = attrs.field(
        factory=tuple, converter=_people, validator=_tuple_of(Person)
    )
    placements: tuple[Placement, ...] = attrs.field(
        factory=tuple, converter=_placements, validator=_tuple_of(Placement)
    )
    contracts: tuple[ProcurementContract, ...] = attrs.field(
        factory=tuple, converter=_contracts, validator=_tuple_of(ProcurementContract)
    )
    baseline: Baseline = attrs.field(factory=Baseline)
    parameters: FrozenMap[str, Any] = attrs.field(factory=FrozenMap, converter=frozen_map)
    name: str = ""

    _employers: Mapping[EmployerId, Employer] = attrs.field(init=False, eq=False, repr=False)
    _people: Mapping[PersonId, Person] = attrs.field(init=False, eq=False, repr=False)
    _contracts: Mapping[ContractId, ProcurementContract] = attrs.field(
        init=False, eq=False, repr=False
    )
    _placements: Mapping[str, Placement] = attrs.field(init=False, eq=False, repr=False)
    _by_employer: Mapping[str, tuple[Placement, ...]] = attrs.field(
        init=False, eq=False, repr=False
    )
    _digest: str | None = attrs.field(init=False, eq=False, repr=False, default=None)

    def __attrs_post_init__(self) -> None:
        problems = scenario_problems(self)
        if problems:
            raise InvalidScenarioError(problems, source=f"scenario {self.name!r}".strip())
        object.__setattr__(self, "_employers", {e.id: e for e in self.employers})
        object.__setattr__(self, "_people", {p.id: p for p in self.people})
        object.__setattr__(self, "_contracts", {c.id: c for c in self.contracts})
        object.__setattr__(self, "_placements", {p.id: p for p in self.placements})
        by_employer: dict[str, list[Placement]] = {}
        for placement in self.placements:
            by_employer.setdefault(placement.employer, []).append(placement)
        object.__setattr__(
            self, "_by_employer", {key: tuple(found) for key, found in by_employer.items()}
        )

    def employer(self, employer_id: str) -> Employer:
        """The employer with this id."""
        return self._employers[EmployerId(employer_id)]

    def person(self, person_id: str) -> Person:
        """The person with this id."""
        return self._people[PersonId(person_id)]

    def contract(self, contract_id: str) -> ProcurementContract:
        """The procurement contract with this id."""
        return self._contracts[ContractId(contract_id)]

    def placement(self, placement_id: str) -> Placement:
        """The placement with this id."""
        try:
            return self._placements[placement_id]
        except KeyError:
            msg = f"no placement {placement_id!r} in {self.name or 'the scenario'}"
            raise NotFoundError(msg) from None

    def placements_of(self, employer_id: str) -> tuple[Placement, ...]:
        """The placements whose formal employer is ``employer_id``, in the order of ids."""
        return self._by_employer.get(employer_id, ())

    @property
    def years(self) -> range:
        """The calendar years the pay periods cover (empty if there are none)."""
        starts = [p.start.year for pl in self.placements for p in pl.hours]
        ends = [p.end.year for pl in self.placements for p in pl.hours]
        if not starts:
            return range(0)
        return range(min(starts), max(ends) + 1)

    def evolve(self, **changes: Any) -> Scenario:  # noqa: ANN401 - any field of the scenario
        """A changed copy (validated again)."""
        return attrs.evolve(self, **changes)

    def merge(self, other: Scenario) -> Scenario:
        """Both scenarios in one (ids must not clash; the baselines are added)."""
        jobs = {
            pool: self.baseline.jobs.get(pool, Fraction(0)) + other.baseline.jobs.get(pool, 0)
            for pool in {*self.baseline.jobs, *other.baseline.jobs}
        }
        return Scenario(
            employers=self.employers + other.employers,
            people=self.people + other.people,
            placements=self.placements + other.placements,
            contracts=self.contracts + other.contracts,
            baseline=Baseline(jobs=jobs),
            parameters={**self.parameters, **other.parameters},
            name=" + ".join(n for n in (self.name, other.name) if n),
        )

    def digest(self) -> str:
        """A SHA-256 of the scenario's content, for receipts.

        Independent of the Python version and of the order of the input: the employers, people,
        placements and contracts enter it sorted (by id, then by content). Computed once: the
        scenario is frozen all the way down.
        """
        digest = self._digest
        if digest is None:
            plain = _plain(self)
            assert isinstance(plain, dict)  # noqa: S101 - a scenario is an attrs class
            for key in ("employers", "people", "placements", "contracts"):
                plain[key] = sorted(plain[key], key=lambda item: (item["id"], json.dumps(item)))
            canonical = json.dumps(plain, sort_keys=True, separators=(",", ":"))
            digest = "sha256:" + hashlib.sha256(canonical.encode()).hexdigest()
            object.__setattr__(self, "_digest", digest)
        return digest


def _plain(value: object) -> object:
    """A JSON-able, canonical form of nouns and values (for digests)."""
    return _Plain().of(value)


class _Plain:
    """:func:`_plain`, knowing once what repeats in a scenario: a class's fields, a number."""

    def __init__(self) -> None:
        self.numbers: dict[Decimal, str] = {}

    def of(self, value: object) -> object:  # noqa: PLR0911 - one branch per kind of value
        """The plain form of ``value``: the kinds a scenario is made of first, by exact type."""
        kind = type(value)
        if value is None or kind is str or kind is int or kind is bool:
            return value
        if kind is pendulum.Date:
            return value.isoformat()  # type: ignore[attr-defined]
        if kind is Decimal:
            return self.number(value)  # type: ignore[arg-type]
        if kind is tuple:
            return [self.of(v) for v in value]  # type: ignore[attr-defined]
        names = _plain_fields(kind)
        if names is not None:
            return {name: self.of(getattr(value, name)) for name in names}
        if _is_text(kind):  # an enum of text
            return value
        return self.other(value)

    def number(self, value: Decimal) -> str:
        """59.0 and 59 are the same number: one digest."""
        text = self.numbers.get(value)
        if text is None:
            text = self.numbers[value] = to_decimal_string(value)
        return text

    def other(self, value: object) -> object:  # noqa: PLR0911 - one branch per kind of value
        """Any other value, by what it is an instance of."""
        if isinstance(value, Mapping):
            return {str(self.of(k)): self.of(v) for k, v in value.items()}
        if isinstance(value, tuple | list):
            return [self.of(v) for v in value]
        if isinstance(value, Decimal):
            return to_decimal_string(value)
        if isinstance(value, Fraction):
            return str(value)
        if isinstance(value, pendulum.Date):
            return value.isoformat()
        if isinstance(value, str | int | bool):
            return value
        return str(value)


_TEXT_KINDS: dict[type, bool] = {}
_FIELDS: dict[type, tuple[str, ...] | None] = {}


def _is_text(kind: type) -> bool:
    """A subclass of ``str`` that is not one of the kinds :class:`_Plain` writes otherwise."""
    found = _TEXT_KINDS.get(kind)
    if found is None:
        others = (Mapping, tuple, list, Decimal, Fraction, pendulum.Date)
        found = _TEXT_KINDS[kind] = (
            issubclass(kind, str) and not issubclass(kind, others) and not attrs.has(kind)
        )
    return found


def _plain_fields(kind: type) -> tuple[str, ...] | None:
    """The fields of an attrs class that a digest reads (given and compared), else ``None``."""
    if kind not in _FIELDS:
        _FIELDS[kind] = (
            tuple(f.name for f in attrs.fields(kind) if f.init and f.eq)
            if attrs.has(kind)
            else None
        )
    return _FIELDS[kind]


FIRST_YEAR = 2012
"""The first year of pay periods: the nulmeting counts December 2012 (Wet banenafspraak, 2015)."""
LAST_YEAR = 2100
"""The last year of pay periods: later dates are typing errors (a pay period in 9999)."""


def _duplicates(ids: Iterable[str]) -> list[str]:
    return [key for key, count in Counter(ids).items() if count > 1]


def lending_employer_problem(
    where: str, kind: PlacementKind, employer: str, employer_kind: EmployerKind
) -> Problem:
    """The problem of an agency or Wsw-seconded placement whose employer lends no staff.

    Only an uitlener (agency) or an SW-bedrijf places workers with a hirer (Besluit Wfsv 2.27,
    2.31, text of 2018-01-01); a regular employer lending its own employee is modelled as an
    ``employee`` placement with a hirer (collegial secondment). The scenario and the batch
    engine's tables refuse such input with this same problem.
    """
    return Problem(
        where,
        "kind",
        str(kind),
        f"a placement of kind {kind} needs an employer of kind agency or sheltered_workshop; "
        f"employer "
        f"{employer!r} is {employer_kind} (a regular employer lending its own employee is kind "
        "employee with a hirer: collegial secondment)",
    )


def scenario_problems(scenario: Scenario) -> list[Problem]:  # noqa: C901, PLR0912
    """Every cross-item problem of a scenario (empty if it is sound)."""
    problems: list[Problem] = []
    for noun, items in (
        ("employer", scenario.employers),
        ("person", scenario.people),
        ("placement", scenario.placements),
        ("contract", scenario.contracts),
    ):
        problems.extend(
            Problem(location=f"{noun} {key!r}", field="id", value=key, message="duplicate id")
            for key in _duplicates(item.id for item in items)
        )
    employers = {e.id for e in scenario.employers}
    kinds: dict[str, EmployerKind] = {}
    for employer in scenario.employers:
        kinds.setdefault(employer.id, employer.kind)
    people = {p.id for p in scenario.people}
    contracts = {c.id: c for c in scenario.contracts}

    for contract in scenario.contracts:
        where = f"contract {contract.id!r}"
        for field in ("buyer", "supplier"):
            ref = getattr(contract, field)
            if ref not in employers:
                problems.append(Problem(where, field, str(ref), "unknown employer"))
        if contract.buyer == contract.supplier:
            problems.append(
                Problem(where, "supplier", contract.supplier, "a buyer cannot buy from itself")
            )

    for person in scenario.people:
        ordered = sorted(person.registrations, key=lambda r: r.start)
        for earlier, later in itertools.pairwise(ordered):
            if earlier.ground == later.ground and earlier.conditions_ceased is None:
                problems.append(
                    Problem(
                        f"person {person.id!r}",
                        "registrations",
                        f"{later.ground} from {later.start}",
                        "a second registration on the same ground while the first still runs",
                    )
                )

    for placement in scenario.placements:
        where = f"placement {placement.id!r}"
        if placement.person not in people:
            problems.append(Problem(where, "person", placement.person, "unknown person"))
        if placement.employer not in employers:
            problems.append(Problem(where, "employer", placement.employer, "unknown employer"))
        elif placement.kind.lends_to_hirer and not kinds[placement.employer].lends_staff:
            problems.append(
                lending_employer_problem(
                    where, placement.kind, placement.employer, kinds[placement.employer]
                )
            )
        if placement.hirer is not None:
            if placement.hirer not in employers:
                problems.append(Problem(where, "hirer", placement.hirer, "unknown employer"))
            if placement.hirer == placement.employer:
                problems.append(
                    Problem(where, "hirer", placement.hirer, "the hirer is the employer itself")
                )
            if placement.kind in {PlacementKind.WSW_INTERNAL, PlacementKind.SHELTERED_WORK}:
                problems.append(
                    Problem(where, "hirer", placement.hirer, f"a {placement.kind} job has no hirer")
                )
        if placement.credited_to_hirer and placement.hirer is None:
            problems.append(
                Problem(where, "credited_to_hirer", "true", "crediting needs a known hirer")
            )
        if placement.credited_to_hirer and not placement.kind.lends_to_hirer:
            problems.append(
                Problem(
                    where,
                    "credited_to_hirer",
                    "true",
                    f"only agency and Wsw-seconded hours can be credited, not {placement.kind}",
                )
            )
        if placement.contract is not None:
            served = contracts.get(placement.contract)
            if served is None:
                problems.append(Problem(where, "contract", placement.contract, "unknown contract"))
            elif served.supplier != placement.employer:
                problems.append(
                    Problem(
                        where,
                        "contract",
                        placement.contract,
                        f"the contract's supplier is {served.supplier!r}, "
                        f"not the placement's employer {placement.employer!r}",
                    )
                )
        problems.extend(
            Problem(
                where,
                f"hours[{index}]",
                f"{pay.start}..{pay.end}",
                f"a pay period lies in the years {FIRST_YEAR} to {LAST_YEAR}, "
                "the years the library has rules and parameters for",
            )
            for index, pay in enumerate(placement.hours)
            if pay.start.year < FIRST_YEAR or pay.end.year > LAST_YEAR
        )
        for index, (previous, current) in enumerate(itertools.pairwise(placement.hours), start=1):
            if current.start <= previous.end:
                problems.append(
                    Problem(
                        where,
                        f"hours[{index}]",
                        f"{current.start}..{current.end}",
                        f"overlaps the pay period {previous.start}..{previous.end}: "
                        "hours would count twice",
                    )
                )
    return problems
