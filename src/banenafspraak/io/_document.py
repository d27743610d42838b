"""A scenario document (plain JSON-like data) to a :class:`Scenario` and back.

Loading runs three kinds of checks in one pass and reports every problem at once; nothing is
half-loaded and no problem is reported twice:

1. the document against the shipped JSON Schema (types, required fields, known values, dates,
   non-negative hours), and the elfproef of nine-digit person ids; code compiled from the schema
   says whether the document conforms, and only a document that does not is walked again for
   the message and place of every problem;
2. structuring into the nouns with a private cattrs converter in detailed-validation mode (the
   nouns' own checks: an end before a start, more hours than a pay period holds, ...);
3. the scenario as a whole (unknown or duplicate ids, overlapping pay periods) and the parameter
   overrides.

An item with a problem of the first or second kind is left out of the later checks (a reference
to it is not also reported as unknown), so that one run names every independent problem.

A sound document (nearly every one) takes a fast path: the document itself is checked without
building a path for every node, and the placements and people of a document that conforms to the
schema are built by their own constructors, each distinct day and hours text read once. The
moment anything is wrong, the detailed checks above run as they always do, so that every problem
is named as before; a property test holds the two paths to equal scenarios.
"""

from __future__ import annotations

import datetime as dt
import difflib
import functools
import json
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from decimal import Decimal
from fractions import Fraction
from importlib import resources
from typing import Any, get_args, get_origin

import attrs
import cattrs
import fastjsonschema  # type: ignore[import-untyped,unused-ignore]
import jsonschema  # type: ignore[import-untyped,unused-ignore]
import pendulum
from cattrs.errors import BaseValidationError, ClassValidationError, IterableValidationError

from banenafspraak._util import FrozenMap, to_date, to_decimal, to_decimal_string
from banenafspraak.baselines import Baseline
from banenafspraak.bsn import elfproef, looks_like_bsn, mask_id
from banenafspraak.employers import Employer
from banenafspraak.exceptions import BanenafspraakError, InvalidScenarioError, Problem
from banenafspraak.io._places import MISSING, Path, Places, value_at
from banenafspraak.parameters import default_parameters
from banenafspraak.people import Person, Registration
from banenafspraak.placements import PayPeriod, Placement
from banenafspraak.procurement import ProcurementContract
from banenafspraak.scenario import Scenario

__all__ = [
    "FORMAT",
    "MAX_DEPTH",
    "DuplicateKeys",
    "scenario_from_document",
    "scenario_schema",
    "scenario_to_document",
]

FORMAT = "banenafspraak/scenario@1"
"""The format name and version a scenario document declares in its ``"format"`` key."""

_SECTIONS = {"employer": "employers", "person": "people", "placement": "placements"}
_SECTIONS["contract"] = "contracts"
_CORE_LOCATION = re.compile(r"^(employer|person|placement|contract) '(.*)'$")
_HOURS_FIELD = re.compile(r"^hours\[(\d+)\]$")

MAX_DEPTH = 32
"""The deepest nesting of objects and lists a scenario document may have (it needs five)."""


class DuplicateKeys(dict[str, Any]):
    """A JSON object in which some key was given more than once (the last value is kept).

    The JSON standard leaves the meaning of such an object open, so the loader refuses it and
    names every key given twice.
    """

    def __init__(self, data: Mapping[str, Any], *, twice: Iterable[str]) -> None:
        super().__init__(data)
        self.twice: tuple[str, ...] = tuple(dict.fromkeys(twice))


@functools.cache
def scenario_schema() -> dict[str, Any]:
    """The JSON Schema of the scenario format (Draft 2020-12), as shipped in the package."""
    text = resources.files("banenafspraak.io").joinpath("scenario.schema.json").read_text("utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


@functools.cache
def _validator() -> jsonschema.Draft202012Validator:
    cls = jsonschema.Draft202012Validator
    return cls(scenario_schema(), format_checker=cls.FORMAT_CHECKER)


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)


@functools.lru_cache(maxsize=4096)
def _is_date(text: str) -> bool:
    """The ``date`` format as :mod:`jsonschema` checks it: ``YYYY-MM-DD`` and a real day.

    A document names few distinct days many times over, so each answer is kept (a bounded few).
    """
    if not _ISO_DATE.fullmatch(text):
        return False
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return False
    return True


@functools.cache
def _conforms() -> Callable[[object], object]:
    """The shipped schema compiled to Python code: a fast yes or no for a whole document.

    A document that conforms (nearly every one) is checked once by generated code; only a
    document that does not is walked again by :mod:`jsonschema`, whose errors name every problem
    and its place. The schema uses no keyword that differs between Draft 7, which
    :mod:`fastjsonschema` compiles, and Draft 2020-12, and the date format is the one
    :mod:`jsonschema` checks, so that the two agree on every document (a property test holds
    them to it).
    """
    schema = {key: value for key, value in scenario_schema().items() if key != "$id"}
    schema["$schema"] = "http://json-schema.org/draft-07/schema#"
    check: Callable[[object], object] = fastjsonschema.compile(
        schema, formats={"date": _is_date}, use_default=False
    )
    return check


def conforms_to_schema(document: object) -> bool:
    """Whether a parsed document conforms to the scenario's JSON Schema (no message)."""
    try:
        _conforms()(document)
    except fastjsonschema.JsonSchemaValueException:
        return False
    return True


# -- the converter ---------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class _Document:
    """The top level of a scenario document, as cattrs structures it."""

    format: str
    employers: tuple[Employer, ...]
    people: tuple[Person, ...]
    placements: tuple[Placement, ...]
    contracts: tuple[ProcurementContract, ...]
    baseline: Baseline | None = None
    parameters: dict[str, Any] = attrs.field(factory=dict)
    name: str = ""


def _fraction(value: object) -> Fraction:
    if isinstance(value, str) and "/" in value:
        return Fraction(value.replace(" ", ""))
    return Fraction(to_decimal(value))


def _fraction_text(value: Fraction) -> str:
    text = to_decimal_string(value, places=0)
    return text if Fraction(text) == value else f"{value.numerator}/{value.denominator}"


def _is_frozen_map(kind: Any) -> bool:  # noqa: ANN401 - any type cattrs asks about
    return kind is FrozenMap or get_origin(kind) is FrozenMap


def _frozen_map_structure(kind: Any, converter: cattrs.Converter) -> Callable[..., Any]:  # noqa: ANN401
    key, value = get_args(kind) or (Any, Any)
    as_dict = converter.get_structure_hook(dict[key, value])  # type: ignore[valid-type]

    def structure(data: object, _kind: object) -> FrozenMap[Any, Any]:
        return FrozenMap(as_dict(data, dict[key, value]))  # type: ignore[valid-type]

    return structure


def _frozen_map_unstructure(_kind: Any, converter: cattrs.Converter) -> Callable[..., Any]:  # noqa: ANN401
    def unstructure(data: FrozenMap[Any, Any]) -> dict[str, Any]:
        return {str(k): converter.unstructure(v) for k, v in data.items()}

    return unstructure


@functools.cache
def _converter() -> cattrs.Converter:
    converter = cattrs.Converter(
        detailed_validation=True, forbid_extra_keys=True, omit_if_default=True
    )
    converter.register_structure_hook(pendulum.Date, lambda value, _: to_date(value))
    converter.register_unstructure_hook(pendulum.Date, lambda day: day.isoformat())
    converter.register_structure_hook(Decimal, lambda value, _: to_decimal(value))
    converter.register_unstructure_hook(Decimal, to_decimal_string)
    converter.register_structure_hook(Fraction, lambda value, _: _fraction(value))
    converter.register_unstructure_hook(Fraction, _fraction_text)
    converter.register_structure_hook_factory(_is_frozen_map, _frozen_map_structure)
    converter.register_unstructure_hook_factory(_is_frozen_map, _frozen_map_unstructure)
    return converter


# -- stage 0: the document itself ---------------------------------------------------------------


def _lone_surrogate(text: str) -> int | None:
    """The position of the first lone surrogate in ``text`` (text no file can hold), if any."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as error:
        return error.start
    return None


def _sound(node: object, depth: int = 0) -> bool:
    """Whether a document has none of the problems of :func:`_document_problems` (a fast yes).

    It builds no paths: only a document that is not sound is walked again for the places. The
    keys of an object, and its values when they are all text, are joined and checked at once
    (text that is all ASCII holds no lone surrogate, and joining never pairs two lone ones). The
    recursion stops at :data:`MAX_DEPTH`, so that no document can exhaust Python's stack.
    """
    if isinstance(node, Mapping):
        if getattr(node, "twice", ()) or not _sound_text(_joined(node)):
            return False
        values: Iterable[object] = node.values()
    elif isinstance(node, list):
        values = node
    else:
        return not isinstance(node, str) or _sound_text(node)
    if depth >= MAX_DEPTH and len(node) > 0:
        return False
    return _sound_values(values, depth)


def _sound_values(values: Iterable[object], depth: int) -> bool:
    """Whether the values of an object or list at ``depth`` are sound (see :func:`_sound`)."""
    try:
        text = "".join(values)  # type: ignore[arg-type]
    except TypeError:  # not all text: each value on its own
        pass
    else:
        return _sound_text(text)
    for value in values:
        kind = type(value)
        if kind is str:
            if not _sound_text(value):  # type: ignore[arg-type]
                return False
        elif not (kind is int or kind is Decimal or value is None) and not _sound(value, depth + 1):
            return False
    return True


def _joined(keys: Iterable[object]) -> str:
    try:
        return "".join(keys)  # type: ignore[arg-type]
    except TypeError:  # a key that is not text, as a mapping built in Python may have
        return "".join(map(str, keys))


def _sound_text(text: str) -> bool:
    return text.isascii() or _lone_surrogate(text) is None


def _document_problems(document: object, places: Places) -> Iterator[tuple[Problem, bool]]:
    """Keys given twice, nesting deeper than :data:`MAX_DEPTH`, and text that is not Unicode.

    Each problem comes with whether it stops the checks (no other check can read deeper nesting
    or text that is not Unicode). The walk keeps its own stack, so that no document can exhaust
    Python's.
    """
    stack: list[tuple[Path, object]] = [((), document)]
    while stack:
        path, node = stack.pop()
        if len(path) > MAX_DEPTH:
            message = f"nested deeper than {MAX_DEPTH} levels"
            yield places.problem(path[:MAX_DEPTH], message, "deeper nesting"), True
            continue
        if isinstance(node, str):
            at = _lone_surrogate(node)
            if at is not None:
                message = "not Unicode text: a lone surrogate (an unpaired \\ud800-\\udfff escape)"
                yield places.problem(path, message, f"character {at + 1}"), True
        elif isinstance(node, Mapping):
            for key in getattr(node, "twice", ()):
                message = "key given more than once in one object (only one value may be given)"
                yield places.problem((*path, key), message, node[key]), False
            for key, value in reversed(list(node.items())):
                at = _lone_surrogate(str(key))
                if at is not None:
                    message = "not Unicode text: a key with a lone surrogate"
                    yield places.problem(path, message, f"character {at + 1}"), True
                    continue
                stack.append(((*path, key), value))
        elif isinstance(node, list):
            stack.extend(
                ((*path, index), value) for index, value in reversed(list(enumerate(node)))
            )


# -- stage 1: the schema and the elfproef ----------------------------------------------------


def _schema_message(error: jsonschema.ValidationError) -> str:
    description = error.schema.get("description") if isinstance(error.schema, dict) else None
    if not error.absolute_path:
        description = "a JSON object with the keys format, employers, people, placements, contracts"
    expected = f"expected {description}" if description else error.message
    messages = {
        "required": "required field missing",
        "additionalProperties": "unknown field",
        "minLength": "must not be empty",
        "minimum": "must not be negative",
        "const": f"expected {error.validator_value!r}",
    }
    return messages.get(str(error.validator), expected)


def _schema_problems(document: object, places: Places) -> Iterator[tuple[Path, Problem]]:
    """Every place where the document departs from the schema (none, at once, if it conforms)."""
    if not conforms_to_schema(document):
        yield from _schema_errors(document, places)


def _schema_errors(document: object, places: Places) -> Iterator[tuple[Path, Problem]]:
    errors = sorted(
        _validator().iter_errors(document),
        key=lambda e: [(isinstance(p, str), str(p).zfill(9)) for p in e.absolute_path],
    )
    for error in errors:
        path: Path = tuple(error.absolute_path)
        message = _schema_message(error)
        if error.validator == "required":
            present = error.instance if isinstance(error.instance, Mapping) else {}
            for name in error.validator_value:
                if name not in present:
                    yield (*path, name), places.problem((*path, name), message, MISSING)
        elif error.validator == "additionalProperties":
            known = set(error.schema.get("properties", {}))
            for name in error.instance:
                if name not in known:
                    hint = difflib.get_close_matches(name, sorted(known), n=1)
                    extra = f" (did you mean {hint[0]!r}?)" if hint else ""
                    where = (*path, name)
                    yield where, places.problem(where, message + extra, error.instance[name])
        elif "propertyNames" in error.schema_path:
            key = message.removeprefix("expected ")
            where = (*path, error.instance)
            yield where, places.problem(where, f"a key must be {key}", error.instance)
        else:
            if isinstance(error.instance, str) and _DECIMAL_COMMA.match(error.instance):
                message += (
                    " (a decimal comma? Write a decimal point; a semicolon-separated CSV file "
                    "may use decimal commas)"
                )
            yield path, places.problem(path, message, error.instance)


_DECIMAL_COMMA = re.compile(r"^[+-]?[\d.]*\d,\d+$")


def _bsn_problems(document: Mapping[str, Any], places: Places) -> Iterator[tuple[Path, Problem]]:
    for section, field in (("people", "id"), ("placements", "person")):
        items = document.get(section)
        for index, item in enumerate(items if isinstance(items, list) else []):
            value = item.get(field) if isinstance(item, Mapping) else None
            if isinstance(value, str) and looks_like_bsn(value) and not elfproef(value):
                yield (
                    (section, index, field),
                    places.problem(
                        (section, index, field),
                        "a nine-digit id is taken for a BSN and must pass the elfproef (11-test)",
                        mask_id(value, full=places.full_ids),
                    ),
                )


# -- stage 2: structuring --------------------------------------------------------------------


def _failures(error: BaseException, path: Path = ()) -> Iterator[tuple[Path, BaseException]]:
    """The leaf exceptions of a cattrs validation error, each with its document path."""
    if isinstance(error, IterableValidationError):
        with_notes, without = error.group_exceptions()
        for inner, note in with_notes:
            yield from _failures(inner, (*path, note.index))
        for inner in without:
            yield path, inner
    elif isinstance(error, ClassValidationError):
        with_notes_c, without_c = error.group_exceptions()
        for inner, note_c in with_notes_c:
            yield from _failures(inner, (*path, note_c.name))
        for inner in without_c:
            yield path, inner
    else:
        yield path, error


def _failure_message(error: BaseException) -> str:
    if isinstance(error, KeyError):
        return "required field missing"
    return str(error) or type(error).__name__


class _Nouns:
    """The nouns of a document that conforms, built without cattrs (the fast path).

    A conforming document holds only the types the schema names, so its placements and people
    are built by their own constructors (whose converters read the same text cattrs would hand
    them), and the days and hours of its pay periods are read once per distinct text: a document
    names few distinct days, and its pay periods repeat. Anything the constructors refuse sends
    the document down the detailed path, which names the problem and its place; a property test
    holds the two paths to equal scenarios.
    """

    def __init__(self) -> None:
        self.days: dict[str, pendulum.Date] = {}
        self.hours: dict[str, Decimal] = {}
        self.periods: dict[tuple[str, str, str], PayPeriod] = {}

    def day(self, text: str) -> pendulum.Date:
        found = self.days.get(text)
        if found is None:
            found = self.days[text] = to_date(text)
        return found

    def pay_period(self, item: Mapping[str, Any]) -> PayPeriod:
        start, end, hours = item.get("start"), item.get("end"), item.get("hours")
        if not (len(item) == 3 and type(start) is str and type(end) is str and type(hours) is str):  # noqa: PLR2004
            return PayPeriod(**item)
        key = (start, end, hours)
        found = self.periods.get(key)
        if found is None:
            amount = self.hours.get(hours)
            if amount is None:
                amount = self.hours[hours] = to_decimal(hours)
            found = PayPeriod(start=self.day(start), end=self.day(end), hours=amount)
            self.periods[key] = found
        return found

    def placement(self, item: Mapping[str, Any]) -> Placement:
        fields = dict(item)
        fields["hours"] = tuple(map(self.pay_period, fields.get("hours", ())))
        return Placement(**fields)

    def person(self, item: Mapping[str, Any]) -> Person:
        fields = dict(item)
        registrations = fields.get("registrations", ())
        fields["registrations"] = tuple(Registration(**each) for each in registrations)
        return Person(**fields)


def _structured_fast(document: Mapping[str, Any]) -> _Document | None:
    """The document structured on the fast path, or ``None`` if anything in it was refused."""
    nouns = _Nouns()
    try:
        rest = _converter().structure({**document, "placements": [], "people": []}, _Document)
        placements = tuple(map(nouns.placement, document["placements"]))
        people = tuple(map(nouns.person, document["people"]))
    except (BanenafspraakError, TypeError, ValueError, LookupError, BaseValidationError):
        return None
    return attrs.evolve(rest, placements=placements, people=people)


# -- stage 3: the scenario as a whole --------------------------------------------------------


def _canonical_parameter(value: object) -> object:
    """Parameter values as the file holds them: numbers as decimal strings."""
    if isinstance(value, Mapping):
        return {str(k): _canonical_parameter(v) for k, v in value.items()}
    if isinstance(value, int | Decimal) and not isinstance(value, bool):
        return to_decimal_string(value)
    return value


def _parameter_problems(parameters: Mapping[str, Any], places: Places) -> Iterator[Problem]:
    defaults = default_parameters()
    for name, raw in parameters.items():
        if name not in defaults.names():
            close = difflib.get_close_matches(name, defaults.names(), n=3)
            hint = f"; close: {', '.join(close)}" if close else ""
            yield places.problem(("parameters", name), f"unknown parameter{hint}", name)
            continue
        rows = raw.items() if isinstance(raw, Mapping) else [(None, raw)]
        for start, value in rows:
            path: Path = ("parameters", name) if start is None else ("parameters", name, start)
            try:
                defaults.with_overrides({name: value if start is None else {start: value}})
            except (TypeError, ValueError) as error:
                yield places.problem(path, str(error), value)


def _relocated(problem: Problem, kept: _Kept, places: Places) -> Problem:
    """A problem the :class:`Scenario` found, moved to the place in the file."""
    match = _CORE_LOCATION.match(problem.location)
    if match is None:  # pragma: no cover - every scenario problem names its item
        return places.masked(problem)
    noun, key = match.groups()
    section = _SECTIONS[noun]
    index = kept.index(section).get(key, 0)
    path: Path = (section, index)
    hours = _HOURS_FIELD.match(problem.field)
    if hours is not None:
        path = (*path, "hours", kept.order(section, index)[int(hours.group(1))], "start")
    else:
        path = (*path, problem.field)
    location, field = places.place(kept.original(path))
    note = f"{noun} {mask_id(key, full=places.full_ids)!r}"
    return places.masked(Problem(f"{location} ({note})", field, problem.value, problem.message))


_ITEMS = {"employers": (), "people": ("registrations",), "placements": ("hours",)}
_ITEMS["contracts"] = ()
"""The lists of a document whose items are left out one by one when they have a problem."""
_LOOSE_KEYS = ("name", "baseline", "parameters")
"""Top-level keys whose problems leave the key out, not the whole document."""
_REFERENCES = {"employer": "employers", "person": "people", "contract": "contracts"}


def _item_of(path: Path) -> Path | None:
    """The item a problem at ``path`` belongs to: a pay period, registration or whole item."""
    inner = len(path) >= 4 and path[0] in _ITEMS and path[2] in _ITEMS[str(path[0])]  # noqa: PLR2004
    if inner and isinstance(path[1], int) and isinstance(path[3], int):
        return path[:4]
    if len(path) >= 2 and path[0] in _ITEMS and isinstance(path[1], int):  # noqa: PLR2004
        return path[:2]
    if path and path[0] in _LOOSE_KEYS:
        return path[:1]
    return None


@attrs.frozen
class _Kept:
    """A document with the items that have problems left out, and where each kept item was."""

    document: dict[str, Any]
    moved: dict[Path, Path]
    """The path of each kept list item in :attr:`document` -> its path in the original."""
    left_out: dict[str, set[str]]
    """The ids of the items left out, by section: references to them are not unknown."""
    indexes: dict[str, dict[str, int]] = attrs.field(factory=dict)
    orders: dict[tuple[str, int], list[int]] = attrs.field(factory=dict)

    def order(self, section: str, index: int) -> list[int]:
        """The positions of an item's pay periods in the scenario's order (by date), found once.

        A problem report stays linear however many problems one item's pay periods have.
        """
        found = self.orders.get((section, index))
        if found is None:
            periods = self.document[section][index].get("hours", [])
            found = self.orders[section, index] = sorted(
                range(len(periods)), key=lambda i: (periods[i]["start"], periods[i]["end"])
            )
        return found

    def index(self, section: str) -> Mapping[str, int]:
        """The first index of each id in a section (built once: problems are many at times)."""
        found = self.indexes.get(section)
        if found is None:
            found = self.indexes[section] = {}
            for number, item in enumerate(self.document.get(section, [])):
                found.setdefault(item.get("id"), number)
        return found

    def original(self, path: Path) -> Path:
        """The path in the original document of a path in :attr:`document`."""
        for cut in (4, 2):
            if len(path) >= cut and path[:cut] in self.moved:
                return self.moved[path[:cut]] + path[cut:]
        return path


def _keep(document: Mapping[str, Any], drop: set[Path], broken: set[Path]) -> _Kept:
    """The document without the items in ``drop`` (paths of the original document).

    ``broken`` holds the paths of every problem found, so that a stand-in keeps only the
    references that are sound.
    """
    kept: dict[str, Any] = {k: v for k, v in document.items() if (k,) not in drop}
    moved: dict[Path, Path] = {}
    left_out: dict[str, set[str]] = {section: set() for section in _ITEMS}
    if not drop:  # every item kept, each in its place
        return _Kept(kept, moved, left_out)
    for section, inner in _ITEMS.items():
        items = document.get(section)
        if not isinstance(items, list):
            continue
        new_items: list[Any] = []
        for index, item in enumerate(items):
            if (section, index) in drop:
                if isinstance(item, Mapping) and isinstance(item.get("id"), str):
                    left_out[section].add(item["id"])
                item = _stand_in(section, index, item, broken)  # noqa: PLW2901 - its pay periods
                if item is None:
                    continue
                left_out["employers"].add(_STAND_IN)
                left_out["people"].add(_STAND_IN)
            moved[(section, len(new_items))] = (section, index)
            new_items.append(
                _keep_inner(item, (section, index), len(new_items), inner, drop=drop, moved=moved)
            )
        kept[section] = new_items
    return _Kept(kept, moved, left_out)


_STAND_IN = "\x00left out"
_STAND_IN_MARKS = (_STAND_IN, repr(_STAND_IN)[1:-1])
"""The stand-in as it is, and as a message quotes it (``repr``)."""
"""The employer and person of a stand-in: an id no file can hold, never reported as unknown."""


def _stand_in(section: str, index: int, item: object, broken: set[Path]) -> dict[str, Any] | None:
    """A placement left out for a problem of its own, with its pay periods and sound references.

    Its pay periods (if any) are checked as any others (their own values, overlaps, the years),
    and its references that have no problem of their own (employer, person, hirer, contract) are
    looked up, so that one broken field of a placement does not hide the problems of the others.
    Its kind and crediting, which the other checks read together, are left out.
    """
    if section != "placements" or not isinstance(item, Mapping):
        return None
    hours = item.get("hours")
    if not isinstance(hours, list):
        hours = []
    key = item.get("id")
    if not isinstance(key, str) or not key:
        key = f"{_STAND_IN} {index}"
    stand_in: dict[str, Any] = {"id": key, "person": _STAND_IN, "employer": _STAND_IN}
    for field in ("person", "employer", "hirer", "contract"):
        value = item.get(field)
        if isinstance(value, str) and value and (section, index, field) not in broken:
            stand_in[field] = value
    return {**stand_in, "hours": hours}


def _keep_inner(
    item: object,
    was: Path,
    at: int,
    inner: tuple[str, ...],
    *,
    drop: set[Path],
    moved: dict[Path, Path],
) -> object:
    """An item with its broken pay periods or registrations left out (a copy if any are)."""
    if not (isinstance(item, Mapping) and any(isinstance(item.get(k), list) for k in inner)):
        return item
    copy = dict(item)
    for key in inner:
        if not isinstance(copy.get(key), list):
            continue
        sub: list[Any] = []
        for number, value in enumerate(copy[key]):
            if (*was, key, number) in drop:
                continue
            moved[(was[0], at, key, len(sub))] = (*was, key, number)
            sub.append(value)
        copy[key] = sub
    return copy


def _known_elsewhere(problem: Problem, left_out: Mapping[str, set[str]], places: Places) -> bool:
    """A reference to an item left out for a problem of its own, or to a file not read.

    So is any check that met the stand-in of a reference left out (:data:`_STAND_IN`).
    """
    if any(mark in text for mark in _STAND_IN_MARKS for text in (problem.message, problem.value)):
        return True
    noun = problem.message.removeprefix("unknown ")
    section = _REFERENCES.get(noun)
    if section is None:
        return False
    return section in places.unread or problem.value in left_out[section]


def scenario_from_document(
    document: object, places: Places, *, problems: Iterable[Problem] = ()
) -> Scenario:
    """A :class:`Scenario` from a parsed scenario document.

    ``problems`` found while reading the file (a CSV row that points to nothing) are reported
    with the rest. Every check runs in one pass: an item (an employer, person, placement,
    contract, pay period or registration) with a problem of its own is left out of the later
    checks, and a reference to it is not reported as unknown, so that the checks of the whole
    scenario still run on the rest.

    Raises:
        InvalidScenarioError: listing every problem found.
    """
    found = [] if _sound(document) else list(_document_problems(document, places))
    problems = [*problems, *(problem for problem, _ in found)]
    if any(fatal for _, fatal in found):
        raise InvalidScenarioError(problems, source=places.source)
    first = list(dict.fromkeys(_schema_problems(document, places)))
    problems += [problem for _, problem in first]
    if isinstance(document, Mapping):
        problems += [problem for _, problem in _bsn_problems(document, places)]
    drop = {_item_of(path) for path, _ in first}
    if None in drop or not isinstance(document, Mapping):
        raise InvalidScenarioError(problems, source=places.source)
    broken = {path for path, _ in first}
    kept = _keep(document, {path for path in drop if path is not None}, broken)
    parsed = None if drop else _structured_fast(document)
    while parsed is None:
        try:
            parsed = _converter().structure(kept.document, _Document)
        except (ClassValidationError, IterableValidationError) as error:
            failures = list(_failures(error))
            problems += [
                places.problem(
                    kept.original(path), _failure_message(failure), value_at(kept.document, path)
                )
                for path, failure in failures
            ]
            more = {_item_of(kept.original(path)) for path, _ in failures}
            if None in more:  # pragma: no cover - the schema admits only items that structure
                raise InvalidScenarioError(problems, source=places.source) from None
            drop |= more
            broken |= {kept.original(path) for path, _ in failures}
            kept = _keep(document, {path for path in drop if path is not None}, broken)
    parameters = {name: _canonical_parameter(v) for name, v in parsed.parameters.items()}
    problems += _parameter_problems(parameters, places)
    try:
        scenario = Scenario(
            name=parsed.name,
            employers=parsed.employers,
            people=parsed.people,
            placements=parsed.placements,
            contracts=parsed.contracts,
            baseline=parsed.baseline or Baseline(),
            parameters=parameters,
        )
    except InvalidScenarioError as error:
        problems += [
            _relocated(p, kept, places)
            for p in error.problems
            if not _known_elsewhere(p, kept.left_out, places)
        ]
        # Every problem left may be one of a table not read, told by its reader: still no
        # scenario (the batch engine tells those of its tables itself).
        raise InvalidScenarioError(problems, source=places.source) from None
    if problems:
        raise InvalidScenarioError(problems, source=places.source)
    return scenario


def scenario_to_document(scenario: Scenario) -> dict[str, Any]:
    """A scenario as a plain document of the scenario format (numbers as decimal strings)."""
    converter = _converter()
    document: dict[str, Any] = {"format": FORMAT}
    if scenario.name:
        document["name"] = scenario.name
    document["employers"] = converter.unstructure(scenario.employers, tuple[Employer, ...])
    document["people"] = converter.unstructure(scenario.people, tuple[Person, ...])
    document["placements"] = converter.unstructure(scenario.placements, tuple[Placement, ...])
    document["contracts"] = converter.unstructure(
        scenario.contracts, tuple[ProcurementContract, ...]
    )
    if scenario.baseline != Baseline():
        baseline = converter.unstructure(scenario.baseline, Baseline)
        baseline.setdefault("jobs", {})
        document["baseline"] = baseline
    if scenario.parameters:
        document["parameters"] = {
            name: _plain_parameter(value) for name, value in scenario.parameters.items()
        }
    return document


def _plain_parameter(value: object) -> object:
    if isinstance(value, Mapping):
        return {str(k): _plain_parameter(v) for k, v in value.items()}
    if isinstance(value, pendulum.Date):
        return value.isoformat()
    return _canonical_parameter(value)
