"""Tables of the documentation, computed from the library itself when the docs are built.

A page asks for one with a comment line of its own::

    <!-- banenafspraak: decision-table wbqa-2015 -->

and the comment is replaced by Markdown before the page is read, so no table can drift from the
code: the decision tables come from running each registered rule set on one probe placement per
kind of situation, the parameter tables from :func:`banenafspraak.default_parameters`, the scenario
format from the JSON Schema the package ships (or, without it, from the nouns' own fields), the
command line from its ``--help``. An unknown name stops the build.
"""

from __future__ import annotations

import inspect
import json
import os
import re
import subprocess
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import attrs
import pendulum
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.errors import ExtensionError

import banenafspraak
from banenafspraak import (
    Attribution,
    Baseline,
    ContractKind,
    Employer,
    EmployerKind,
    Ground,
    PayPeriod,
    Person,
    Placement,
    PlacementKind,
    ProcurementContract,
    Reason,
    Registration,
    RuleSet,
    Scenario,
    Sector,
    available_rule_sets,
    count_jobs,
    default_parameters,
    rule_set,
)
from banenafspraak.people import SUPPORT_REQUIRED_FROM
from banenafspraak.periods import Period

MARKER = re.compile(r"^<!-- banenafspraak: ([\w-]+)(?: ([\w.-]+))? -->$", re.MULTILINE)
DOCS = Path(__file__).resolve().parent.parent


# -- Markdown helpers ----------------------------------------------------------------------------


def cell(value: object) -> str:
    """One table cell: no line breaks, pipes escaped."""
    return " ".join(str(value).split()).replace("|", "\\|")


def table(headers: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    """A Markdown table."""
    lines = [
        "| " + " | ".join(headers) + " |",
        "|" + "|".join("---" for _ in headers) + "|",
    ]
    lines.extend("| " + " | ".join(cell(v) for v in row) + " |" for row in rows)
    return "\n".join(lines) + "\n"


def link(reference: object) -> str:
    """A legal reference, linked to wetten.overheid.nl where the library knows the address."""
    url = getattr(reference, "url", None)
    if isinstance(url, str):
        url = url.rstrip(",")  # an article list such as "34, 38b" anchors on its first article
    text = str(reference)
    return f"[{text}]({url})" if isinstance(url, str) and url.startswith("http") else text


# -- the probe: one placement per kind of situation ---------------------------------------------

PROBE_YEAR = 2019


@attrs.frozen
class Situation:
    """One kind of placement, as a reader would name it, with its probe placement."""

    key: str
    label: str
    roles: Mapping[str, str]
    placement: Callable[[int], Placement]


def _months(year: int) -> tuple[PayPeriod, ...]:
    return PayPeriod.months(year, "110")


def _placement(key: str, person: str, employer: str, **extra: Any) -> Callable[[int], Placement]:  # noqa: ANN401
    def build(year: int) -> Placement:
        return Placement(id=key, person=person, employer=employer, hours=_months(year), **extra)

    return build


SITUATIONS: tuple[Situation, ...] = (
    Situation(
        "direct-market",
        "Direct employee of a market employer X",
        {"X": "the employer (X)"},
        _placement("direct-market", "P-REGULAR", "X"),
    ),
    Situation(
        "direct-government",
        "Direct employee of a government employer G",
        {"G": "the employer (G)"},
        _placement("direct-government", "P-REGULAR-2", "G"),
    ),
    Situation(
        "begeleid-werken",
        "Begeleid werken (Wsw art. 7): a Wsw-indicated person employed by market employer X",
        {"X": "the employer (X)"},
        _placement("begeleid-werken", "P-WSW-7", "X"),
    ),
    Situation(
        "agency-credited",
        "Uitzendkracht of agency U (market) at hirer G (government); U and G agreed to credit G",
        {"U": "the agency (U)", "G": "the hirer (G)"},
        _placement(
            "agency-credited",
            "P-AGENCY-1",
            "U",
            kind=PlacementKind.AGENCY,
            hirer="G",
            credited_to_hirer=True,
        ),
    ),
    Situation(
        "agency-not-credited",
        "Uitzendkracht of agency U (market) at hirer G (government), no agreement",
        {"U": "the agency (U)", "G": "the hirer (G)"},
        _placement("agency-not-credited", "P-AGENCY-2", "U", kind=PlacementKind.AGENCY, hirer="G"),
    ),
    Situation(
        "agency-unknown-hirer",
        "Uitzendkracht of agency U (market), hirer not known",
        {"U": "the agency (U)"},
        _placement("agency-unknown-hirer", "P-AGENCY-3", "U", kind=PlacementKind.AGENCY),
    ),
    Situation(
        "wsw-seconded",
        "Wsw art. 2 worker of SW-bedrijf S (government) seconded to market hirer X; "
        "credited to X by agreement",
        {"S": "the SW-bedrijf (S)", "X": "the hirer (X)"},
        _placement(
            "wsw-seconded",
            "P-WSW-2",
            "S",
            kind=PlacementKind.WSW_SECONDED,
            hirer="X",
            credited_to_hirer=True,
        ),
    ),
    Situation(
        "wsw-internal",
        "Wsw art. 2 worker inside SW-bedrijf S",
        {"S": "the SW-bedrijf (S)"},
        _placement("wsw-internal", "P-WSW-INTERNAL", "S", kind=PlacementKind.WSW_INTERNAL),
    ),
    Situation(
        "procurement",
        "Cleaner of supplier C (market) on a services contract for buyer G (government)",
        {"C": "the supplier (C)", "G": "the buyer (G)"},
        _placement("procurement", "P-CLEANER", "C", contract="cleaning"),
    ),
    Situation(
        "sroi",
        "Employee of supplier X (market) hired under an SROI condition of buyer G (government)",
        {"X": "the supplier (X)", "G": "the buyer (G)"},
        _placement("sroi", "P-SROI", "X", contract="sroi"),
    ),
    Situation(
        "collegial",
        "Collegial secondment: market employer X lends its own employee to G (government)",
        {"X": "the employer (X)", "G": "the borrower (G)"},
        _placement("collegial", "P-COLLEGIAL", "X", hirer="G"),
    ),
    Situation(
        "beschut-werk",
        "Beschut werk (Participatiewet 10b) at G",
        {"G": "the employer (G)"},
        _placement("beschut-werk", "P-BESCHUT", "G", kind=PlacementKind.SHELTERED_WORK),
    ),
    Situation(
        "young-disabled",
        "Jonggehandicapte with a provision (Wfsv 38b(2)), employed by X",
        {"X": "the employer (X)"},
        _placement("young-disabled", "P-38B2", "X"),
    ),
    Situation(
        "not-registered",
        "A person not (yet) in the doelgroepregister, employed by X",
        {"X": "the employer (X)"},
        _placement("not-registered", "P-LATER", "X"),
    ),
)


def _yearly(amount: int, year: int) -> dict[int, Decimal]:
    return {y: Decimal(amount) for y in (year - 1, year)}


def probe_scenario(year: int = PROBE_YEAR) -> Scenario:
    """One placement per situation, all registered all year unless the situation says not."""
    since = "2014-01-01"
    employers = (
        Employer(id="X", name="Fabriek X", sector=Sector.MARKET, total_hours=_yearly(90_000, year)),
        Employer(
            id="G", name="Gemeente G", sector=Sector.GOVERNMENT, total_hours=_yearly(90_000, year)
        ),
        Employer(
            id="U",
            name="Uitzendbureau U",
            sector=Sector.MARKET,
            kind=EmployerKind.AGENCY,
            total_hours=_yearly(90_000, year),
        ),
        Employer(
            id="S",
            name="SW-bedrijf S",
            sector=Sector.GOVERNMENT,
            kind=EmployerKind.SHELTERED_WORKSHOP,
            total_hours=_yearly(90_000, year),
        ),
        Employer(
            id="C", name="Schoonmaak C", sector=Sector.MARKET, total_hours=_yearly(90_000, year)
        ),
    )
    grounds = {
        "P-WSW-7": Ground.WSW_INDICATION,
        "P-WSW-2": Ground.WSW_INDICATION,
        "P-WSW-INTERNAL": Ground.WSW_INDICATION,
        "P-BESCHUT": Ground.PARTICIPATION_ACT,
        "P-38B2": Ground.YOUNG_DISABLED_WITH_PROVISION,
    }
    placements = tuple(s.placement(year) for s in SITUATIONS)
    people = []
    for placement in placements:
        pid = placement.person
        start = f"{year + 1}-01-01" if pid == "P-LATER" else since
        ground = grounds.get(pid, Ground.WAJONG)
        people.append(Person(id=pid, registrations=(Registration(ground=ground, start=start),)))
    contracts = (
        ProcurementContract(
            id="cleaning",
            buyer="G",
            supplier="C",
            period=Period.of(f"{year - 1}-01-01", f"{year + 1}-12-31"),
            kind=ContractKind.SERVICES,
        ),
        ProcurementContract(
            id="sroi",
            buyer="G",
            supplier="X",
            period=Period.of(f"{year - 1}-01-01", f"{year + 1}-12-31"),
            kind=ContractKind.SROI,
        ),
    )
    return Scenario(
        name="decision-table probe",
        employers=employers,
        people=tuple(people),
        placements=placements,
        contracts=contracts,
        baseline=Baseline(),
    )


def probe_year(rules: RuleSet) -> int:
    """A year in which ``rules`` apply: 2019, or the first year of a later rule set."""
    start = rules.starts(default_parameters())
    return max(PROBE_YEAR, start.year) if start is not None else PROBE_YEAR


def probe(rules: RuleSet) -> tuple[int, dict[str, tuple[Attribution, ...]]]:
    """The probe year and the attributions of each situation under ``rules``."""
    year = probe_year(rules)
    count = count_jobs(probe_scenario(year), rules=rules, year=year)
    return year, {s.key: count.for_placement(s.key) for s in SITUATIONS}


def _pools(attributions: Sequence[Attribution]) -> str:
    total = sum((a.hours for a in attributions), Fraction(0))
    shares: dict[str, Fraction] = {}
    for a in attributions:
        name = (
            a.pool.value
            if a.pool is not None
            else f"none ({a.excluded_because.code if a.excluded_because else '?'})"
        )
        shares[name] = shares.get(name, Fraction(0)) + a.hours
    if len(shares) == 1:
        return next(iter(shares))
    return " + ".join(
        f"{name} {float(part / total) * 100:.1f} %" for name, part in sorted(shares.items())
    )


def _credit(situation: Situation, attributions: Sequence[Attribution]) -> str:
    names = sorted(
        {situation.roles.get(a.credited_to, a.credited_to) for a in attributions if a.credited_to}
    )
    return ", ".join(names) if names else "nobody"


def _codes(attributions: Sequence[Attribution]) -> str:
    seen: dict[str, None] = {}
    for a in attributions:
        for reason in a.reasons:
            seen.setdefault(f"`{reason.code}`", None)
    return ", ".join(seen)


def decision_table(name: str) -> str:
    """Every situation under one rule set: pool, credit and the rules that decided it."""
    rules = rule_set(name)
    year, found = probe(rules)
    rows = [
        (s.label, _pools(found[s.key]), _credit(s, found[s.key]), _codes(found[s.key]))
        for s in SITUATIONS
    ]
    note = (
        f"*Computed when these pages were built: `{name}` (version {rules.version}) applied to "
        f"one probe placement per situation, registered all of {year} unless the row says "
        "otherwise. The rule codes are explained in the next table.*\n\n"
    )
    return note + table(["Situation", "Monitoring pool", "Credited to", "Rules applied"], rows)


def _module_reasons(rules: RuleSet) -> list[Reason]:
    module = sys.modules.get(type(rules).__module__)
    return [v for v in vars(module).values() if isinstance(v, Reason)] if module else []


def reasons_table(name: str) -> str:
    """Every rule a rule set cites: its code, what it says, its source and how sure it is."""
    rules = rule_set(name)
    _, found = probe(rules)
    reasons: dict[str, Reason] = {}
    for attributions in found.values():
        for a in attributions:
            for reason in a.reasons:
                reasons.setdefault(reason.code, attrs.evolve(reason, detail=""))
    for reason in _module_reasons(rules):
        reasons.setdefault(reason.code, reason)
    rows = [(f"`{r.code}`", r.text, link(r.reference), r.tag.value) for r in reasons.values()]
    return table(["Code", "Rule", "Source", "Tag"], rows)


def comparison_table(_: str | None = None) -> str:
    """Every situation under every registered rule set, side by side."""
    names = available_rule_sets()
    results = {name: probe(rule_set(name))[1] for name in names}
    rows = []
    for s in SITUATIONS:
        row = [s.label]
        for name in names:
            found = results[name][s.key]
            row.append(f"{_pools(found)}; credited to {_credit(s, found)}")
        rows.append(row)
    return table(["Situation", *(f"`{n}`" for n in names)], rows)


def rule_sets_table(_: str | None = None) -> str:
    """The registry: name, title, start, pools and main sources of every rule set."""
    rows = []
    for name in available_rule_sets():
        rules = rule_set(name)
        begins = rules.starts(default_parameters())
        start = begins.isoformat() if begins else "never enacted"
        if begins != rules.in_force_from:
            start += " (by the parameters)"
        rows.append(
            (
                f"`{name}`",
                rules.title,
                start,
                ", ".join(p.value for p in rules.pools),
                "; ".join(link(r) for r in rules.references),
            )
        )
    return table(["Name", "Law or proposal", "In force from", "Pools", "Main sources"], rows)


# -- parameters and decisions --------------------------------------------------------------------


def _value(value: object) -> str:
    if value is None:
        return "none"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, pendulum.Date):
        return value.isoformat()
    return str(value)


def parameters_table(_: str | None = None) -> str:
    """Every parameter with every dated row: value, source and tag."""
    rows = []
    for parameter in default_parameters():
        for index, row in enumerate(parameter.rows):
            rows.append(
                (
                    f"`{parameter.name}`" if index == 0 else "",
                    parameter.description if index == 0 else "",
                    row.start.isoformat(),
                    _value(row.value) + (f" {parameter.unit}" if parameter.unit else ""),
                    link(row.reference) + (f" ({row.note})" if row.note else ""),
                    row.tag.value,
                )
            )
    return table(["Parameter", "Meaning", "From", "Value", "Source", "Tag"], rows)


DECISIONS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("job unit", "V/S", ("job.hours_per_year", "job.hours_per_week")),
    (
        (
            "registration end by the text of Besluit SUWI 3.2 in force: t+2 (2016), suspended "
            "to 2028 (2018-01-01), Wfsv 38b(6) until the AOW age (2020-01-01)"
        ),
        "V",
        (
            "registration.years_after_ceasing",
            "registration.suspension_applies",
            "registration.suspension_ceased_before",
            "registration.suspension_ends_on",
            "registration.stays_under_38b6",
            "registration.request_ends_not_before",
            "registration.finding_ends_2_25",
            "aow.pension_age_months",
        ),
    ),
    (
        (
            "a t+2 end on 2017-12-31 (conditions ceased in 2015), the day before the "
            "suspension: the registration stays ended"
        ),
        "U",
        ("registration.suspension_keeps_ended_the_day_before",),
    ),
    (
        "38b(2) group: quotum only up to 2019, also in the sector monitoring from 2020",
        "V",
        ("monitoring.young_disabled_counts",),
    ),
    (
        "inleen in 2015 monitoring when the hirer is not known: the SEO key",
        "V/S",
        ("inleen.government_share",),
    ),
    (
        "inleen in the 2015 quotum: crediting the hirer from 2018; legal employer before",
        "V, D/U",
        ("quotum.inleen_rules",),
    ),
    (
        (
            "quotumpercentage: published, else computed from A-G only for a year whose D is given "
            "and before the 2020 text (whose formula with H is not reconstructed)"
        ),
        "V/D/U",
        ("quotum.percentage.government", "quotum.d.government", "quotum.formula_with_h"),
    ),
    ("market target end 2024: 90,000", "U", ("target.market",)),
    ("government targets", "S", ("target.government",)),
    ("quotum variable B (niet-overheid) 2022-2026", "D/U", ("quotum.b.market",)),
    ("quotum variables C, D (38g), E", "S/U", ("quotum.c", "quotum.employer_d", "quotum.e")),
    (
        "quotumpercentage: published, else computed from A-G",
        "V/D",
        (
            "quotum.percentage.government",
            "quotum.percentage.market",
            "quotum.d.government",
            "quotum.d.market",
        ),
    ),
    (
        "heffing EUR 5,000 x tekort, never levied before the 2025 law's art. 2",
        "V",
        (
            "quotum.levy_per_missing_job",
            "wet2025.article_2_in_force",
        ),
    ),
    (
        "government quotum active from 2018; market never",
        "V/S",
        ("quotum.active.government", "quotum.active.market"),
    ),
    ("size threshold of the 2015 quotum", "V", ("quotum.threshold_hours",)),
    ("small employer (2025 law)", "V rule, U value", ("wet2025.small_employer_wage_threshold",)),
    (
        "inclusiviteitsopslag and bonus (2025 law), illustrative",
        "D/U",
        (
            "wet2025.bonus_per_hour",
            "wet2025.quotum_share",
            "wet2025.average_hourly_wage",
        ),
    ),
    ("surcharge start: activation decision", "V", ("wet2025.activation_decided_on",)),
    (
        "LKV",
        "V",
        (
            "lkv.rate_per_hour",
            "lkv.cap_per_employee_year",
            "lkv.max_years",
            "lkv.declaration_required",
        ),
    ),
)
"""The open points of the decision table that are parameters, with the tag of the decision."""


def decisions_table(_: str | None = None) -> str:
    """The decisions that are parameters: their names, today's defaults and the rows' tags."""
    params = default_parameters()
    rows = []
    for point, tag, names in DECISIONS:
        for index, name in enumerate(names):
            parameter = params[name]  # an unknown name stops the build: the table cannot drift
            values = "; ".join(
                f"{_value(r.value)} from {r.start.isoformat()} [{r.tag.value}]"
                for r in parameter.rows
            )
            rows.append(
                (point if index == 0 else "", tag if index == 0 else "", f"`{name}`", values)
            )
    return table(["Decision", "Tag", "Parameter", "Default (from, tag of the row)"], rows)


# -- scenario format -----------------------------------------------------------------------------


def _schema_path() -> Path:
    return Path(inspect.getfile(banenafspraak)).parent / "io" / "scenario.schema.json"


def _type_of(schema: Mapping[str, Any]) -> str:
    if "$ref" in schema:
        return f"`{str(schema['$ref']).rsplit('/', 1)[-1]}`"
    if "enum" in schema:
        return "one of " + ", ".join(f"`{json.dumps(v)}`" for v in schema["enum"])
    if "const" in schema:
        return f"`{json.dumps(schema['const'])}`"
    for key in ("oneOf", "anyOf"):
        if key in schema:
            return " or ".join(_type_of(s) for s in schema[key])
    kind = schema.get("type", "any")
    if isinstance(kind, list):
        kind = " or ".join(kind)
    if kind == "array" and isinstance(schema.get("items"), Mapping):
        return f"list of {_type_of(schema['items'])}"
    extra = [f"{k} {schema[k]}" for k in ("format", "pattern", "minimum") if k in schema]
    return str(kind) + (f" ({', '.join(extra)})" if extra else "")


def _objects(title: str, schema: Mapping[str, Any]) -> Iterator[tuple[str, Mapping[str, Any]]]:
    if isinstance(schema.get("properties"), Mapping):
        yield title, schema
        for name, sub in schema["properties"].items():
            items = sub.get("items") if sub.get("type") == "array" else None
            for candidate in (sub, items):
                if isinstance(candidate, Mapping) and "$ref" not in candidate:
                    yield from _objects(f"{title}.{name}", candidate)


def schema_from_file(path: Path) -> str:
    """The JSON Schema the package ships, as one table per object."""
    schema = json.loads(path.read_text(encoding="utf-8"))
    title = schema.get("$id", schema.get("title", "scenario schema"))
    parts = [f"*Generated from `{path.relative_to(path.parents[2])}` ({title}).*\n"]
    sections = list(_objects("scenario", schema))
    for key in ("$defs", "definitions"):
        for name, sub in (schema.get(key) or {}).items():
            sections.extend(_objects(name, sub))
    for title, obj in sections:
        required = set(obj.get("required", ()))
        rows = [
            (
                f"`{name}`",
                _type_of(sub),
                "yes" if name in required else "no",
                sub.get("description", ""),
            )
            for name, sub in obj["properties"].items()
        ]
        parts.append(f"### `{title}`\n\n{obj.get('description', '')}\n")
        parts.append(table(["Field", "Type", "Required", "Meaning"], rows))
    return "\n".join(parts)


def _args(cls: type) -> dict[str, str]:
    """The ``Args:`` section of a Google-style class docstring, by name."""
    doc = inspect.getdoc(cls) or ""
    found: dict[str, str] = {}
    inside, current = False, ""
    for line in doc.splitlines():
        if line.strip() in {"Args:", "Attributes:"}:
            inside = True
            continue
        if inside:
            match = re.match(r"^    (\w+): (.*)$", line)
            if match:
                current = match.group(1)
                found[current] = match.group(2)
            elif line.startswith("        ") and current:
                found[current] += " " + line.strip()
            elif line.strip():
                inside = False
    return found


NOUNS: tuple[tuple[str, type], ...] = (
    ("employers", Employer),
    ("people", Person),
    ("people[].registrations", Registration),
    ("placements", Placement),
    ("placements[].hours", PayPeriod),
    ("contracts", ProcurementContract),
    ("baseline", Baseline),
)


def _field_type(field: attrs.Attribute[Any]) -> str:
    text = str(field.type)
    return text.replace("pendulum.Date", "date").replace("FrozenMap", "mapping")


def schema_from_nouns() -> str:
    """The fields of the nouns that a scenario file holds, when no schema file ships yet."""
    intro = (
        "*Generated from the fields of the library's nouns: the scenario file names them the same "
        "way, in snake_case.*\n"
    )
    parts = [intro]
    for key, cls in NOUNS:
        described = _args(cls)
        rows = []
        for field in attrs.fields(cls):
            if not field.init or field.name.startswith("_"):
                continue
            required = field.default is attrs.NOTHING
            rows.append(
                (
                    f"`{field.name}`",
                    _field_type(field),
                    "yes" if required else "no",
                    re.sub(r":\w+:`~?([^`]+)`", r"`\1`", described.get(field.name, "")),
                )
            )
        parts.append(f"### `{key}`: {cls.__name__}\n")
        parts.append(table(["Field", "Type", "Required", "Meaning"], rows))
    return "\n".join(parts)


def scenario_schema(_: str | None = None) -> str:
    """The scenario format: from the shipped schema if there is one, else from the nouns."""
    path = _schema_path()
    return schema_from_file(path) if path.is_file() else schema_from_nouns()


# -- command line --------------------------------------------------------------------------------


def _command_paths() -> list[tuple[str, ...]]:
    """Every command of the installed command line, groups included, in the order defined."""
    import typer  # noqa: PLC0415 - installed with the cli extra

    from banenafspraak.cli import app  # noqa: PLC0415

    def walk(command: object, path: tuple[str, ...]) -> list[tuple[str, ...]]:
        found = [path]
        for name, sub in getattr(command, "commands", {}).items():  # a group's commands
            found.extend(walk(sub, (*path, name)))
        return found

    return walk(typer.main.get_command(app), ())


def _help(*argv: str) -> str | None:
    env = {**os.environ, "NO_COLOR": "1", "TERM": "dumb", "COLUMNS": "100"}
    done = subprocess.run(  # noqa: S603 - the library's own command line
        [sys.executable, "-m", "banenafspraak", *argv, "--help"],
        capture_output=True,
        text=True,
        check=False,
        env=env,
        timeout=60,
    )
    return done.stdout if done.returncode == 0 and done.stdout.strip() else None


def cli_help(_: str | None = None) -> str:
    """``banenafspraak --help`` and the help of every command the command line knows."""
    parts = []
    for argv in _command_paths():
        text = _help(*argv)
        if text is None:
            continue
        title = " ".join(("banenafspraak", *argv))
        parts.append(f"### `{title}`\n\n```text\n{text.rstrip()}\n```\n")
    return "\n".join(parts)


# -- API reference -------------------------------------------------------------------------------

SECTIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "Counting",
        ("banenafspraak.counting", "banenafspraak.render.explain", "banenafspraak.compare"),
    ),
    ("Rule sets", ("banenafspraak.rulesets",)),
    (
        "Scenario and its nouns",
        (
            "banenafspraak.scenario",
            "banenafspraak.employers",
            "banenafspraak.people",
            "banenafspraak.placements",
            "banenafspraak.procurement",
            "banenafspraak.baselines",
            "banenafspraak.periods",
            "banenafspraak.sectors",
        ),
    ),
    ("Parameters and sources", ("banenafspraak.parameters", "banenafspraak.references")),
    ("Errors", ("banenafspraak.exceptions",)),
)


def _home(name: str) -> str:
    obj = getattr(banenafspraak, name)
    module = getattr(obj, "__module__", "") or ""
    for title, prefixes in SECTIONS:
        if any(module.startswith(prefix) for prefix in prefixes):
            return title
    return "Other"


def _directive(name: str) -> str:
    obj = getattr(banenafspraak, name)
    if inspect.isclass(obj):
        return f".. autoclass:: banenafspraak.{name}\n   :members:\n"
    if inspect.isfunction(obj):
        return f".. autofunction:: banenafspraak.{name}\n"
    return f".. autodata:: banenafspraak.{name}\n   :annotation:\n"


def api_reference(_: str | None = None) -> str:
    """One section per part of the public surface (``banenafspraak.__all__``), from docstrings."""
    public = [n for n in banenafspraak.__all__ if not n.startswith("_")]
    parts = []
    for title in [*(t for t, _ in SECTIONS), "Other"]:
        names = [n for n in public if _home(n) == title]
        if names:
            body = "\n".join(_directive(n) for n in names)
            parts.append(f"## {title}\n\n```{{eval-rst}}\n{body}```\n")
    return "\n".join(parts)


# -- the timeline: which text applies from which date ---------------------------------------------

_START_PARAMETERS = {"wet-banenafspraak-2025": "wet2025.article_2_in_force"}
"""The rule sets whose start is a parameter: the date of art. 2 of the Wet banenafspraak is set
by royal decree (art. 13(1)), which was not found."""
_TIMELINE_LEFT_OUT = ("aow.", "target.", "baseline.")
"""Yearly number tables (AOW ages, targets, sub-sector baselines) are in the parameter table."""


def timeline_table(_: str | None = None) -> str:
    """Every dated change the library knows, in date order, from the rules and parameters.

    The rule sets' dates of entry into force, the dates the grounds of Wfsv 38b entered the law,
    and every row of a rule-like parameter (flags, dates, whole numbers) that starts on or after
    1 January 2015, each with the text it reads and what it changes.
    """
    events: list[tuple[str, str, str, str]] = []
    parameters = default_parameters()
    for name in available_rule_sets():
        rules = rule_set(name)
        if rules.in_force_from is None:
            continue
        start = rules.starts(parameters) or rules.in_force_from
        source = ", ".join(link(r) for r in rules.references[:2])
        change, tag = f"rule set `{name}` takes effect", ""
        set_by = _START_PARAMETERS.get(name)
        if set_by is not None:
            row = parameters[set_by].row_on(start)
            source = f"{link(row.reference)} ({row.note})" if row.note else link(row.reference)
            change += (
                f": the date is set by royal decree and is the library's assumption, the "
                f"parameter `{set_by}` (set it to move the start)"
            )
            tag = row.tag.value
        events.append((start.isoformat(), source, change, tag))
    for ground in Ground:
        exists = ground.exists_from
        if exists is not None:
            day, reference = exists
            change = f"ground `{ground.value}` exists ({ground.dutch})"
            events.append((day.isoformat(), link(reference), change, "V"))
    day, reference = SUPPORT_REQUIRED_FROM
    change = (
        f"ground `{Ground.OWN_REQUEST.value}` asks for the municipality's support towards a job "
        "(Participatiewet 7(1)(a)): `Registration.municipal_support`"
    )
    events.append((day.isoformat(), link(reference), change, "V"))
    first_day = pendulum.Date(2015, 1, 1)
    for parameter in default_parameters():
        if parameter.name.startswith(_TIMELINE_LEFT_OUT) or parameter.kind.value.endswith(
            "decimal"
        ):
            continue
        for row in parameter.rows:
            if row.start < first_day:
                continue
            change = f"`{parameter.name}` = {_value(row.value)}: {parameter.description}"
            source = link(row.reference) + (f" ({row.note})" if row.note else "")
            events.append((row.start.isoformat(), source, change, row.tag.value))
    events.sort(key=lambda e: (e[0], e[2]))
    return table(["From", "Text", "What changes", "Tag"], events)


# -- the guide's table of contents ---------------------------------------------------------------

GUIDE = (
    "getting-started",
    "concepts",
    "glossary",
    "rulesets/index",
    "what-changes",
    "timeline",
    "decisions",
    "scenario-format",
    "command-line",
    "custom-rule-sets",
    "batch",
    "reports",
    "results",
    "api",
    "changelog",
)


def guide_toctree(_: str | None = None) -> str:
    """The toctree of the pages that exist, in reading order; pages not listed come last."""
    existing = {p.relative_to(DOCS).with_suffix("").as_posix() for p in DOCS.glob("*.md")}
    existing.discard("index")
    ordered = [name for name in GUIDE if name == "rulesets/index" or name in existing]
    ordered += sorted(existing - set(GUIDE))
    return "```{toctree}\n:maxdepth: 2\n\n" + "\n".join(ordered) + "\n```\n"


GENERATORS: Mapping[str, Callable[[str | None], str]] = {
    "api": api_reference,
    "comparison": comparison_table,
    "cli-help": cli_help,
    "decision-table": lambda name: decision_table(_required(name)),
    "decisions": decisions_table,
    "guide-toctree": guide_toctree,
    "parameters": parameters_table,
    "reasons": lambda name: reasons_table(_required(name)),
    "rule-sets": rule_sets_table,
    "scenario-schema": scenario_schema,
    "timeline": timeline_table,
}


def _required(argument: str | None) -> str:
    if argument is None:
        msg = "this table needs the name of a rule set"
        raise ExtensionError(msg)
    return argument


def expand(text: str) -> str:
    """Replace every marker in a page's text by its table."""

    def replace(match: re.Match[str]) -> str:
        name, argument = match.group(1), match.group(2)
        if name not in GENERATORS:
            msg = f"unknown table {name!r}; known: {', '.join(sorted(GENERATORS))}"
            raise ExtensionError(msg)
        return GENERATORS[name](argument)

    return MARKER.sub(replace, text)


def _source_read(_app: Sphinx, _docname: str, source: list[str]) -> None:
    source[0] = expand(source[0])


def _always_fresh(
    _app: Sphinx, env: BuildEnvironment, _added: set[str], _changed: set[str], _removed: set[str]
) -> list[str]:
    """Pages with tables are read again on every build: the code may have changed, not the page."""
    return [
        name
        for name in env.found_docs
        if "<!-- banenafspraak:" in env.doc2path(name).read_text(encoding="utf-8")
    ]


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the table expansion with Sphinx."""
    app.connect("source-read", _source_read)
    app.connect("env-get-outdated", _always_fresh)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
