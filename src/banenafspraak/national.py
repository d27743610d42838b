"""Published national results 2015-2022, and the test each rule set applies to such figures.

The raw data behind the national monitoring are not public, so these figures cannot be recomputed;
they serve as a regression table of targets against realisations: met or missed per sector under
``wbqa-2015``, and what the single national test of the 2025 law (and the 2018 outline) would have
said. Published totals are computed from hours and rounded per sector, so a published total may
differ by one job from the sum of its sector figures (2017: 36,904 against 30,432 + 6,471 =
36,903; 2021: 72,809 against 60,966 + 11,842 = 72,808); :data:`ROUNDING_TOLERANCE` says so.

Every year names its source and carries a tag as the parameters do (``V`` verified in the source
itself, ``S`` secondary, ``D`` derived, ``U`` unverified).
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

import attrs

from banenafspraak.exceptions import InvalidValueError
from banenafspraak.parameters import Parameters, default_parameters
from banenafspraak.references import Tag
from banenafspraak.rulesets import resolve
from banenafspraak.rulesets._protocol import RuleSet
from banenafspraak.sectors import Pool

__all__ = ["PUBLISHED", "ROUNDING_TOLERANCE", "NationalResult", "PublishedYear", "national_test"]

ROUNDING_TOLERANCE = 1
"""Jobs by which a published total may differ from the sum of its published sector figures."""


@attrs.frozen(kw_only=True)
class PublishedYear:
    """Extra jobs against the nulmeting at the end of a year, as published (spec §8).

    ``source`` names where the figures were read; ``tag`` says how sure they are (``S`` for a
    secondary source quoting the monitoring, ``D`` when the total is derived from the sector
    figures because the total itself was not found in a source).
    """

    year: int
    market: int
    government: int
    total: int
    source: str
    tag: Tag = attrs.field(converter=Tag)

    @property
    def realised(self) -> Mapping[Pool, Decimal]:
        """The figures per pool: the two sectors and the published national total."""
        return {
            Pool.MARKET: Decimal(self.market),
            Pool.GOVERNMENT: Decimal(self.government),
            Pool.NATIONAL: Decimal(self.total),
        }


PUBLISHED: tuple[PublishedYear, ...] = (
    PublishedYear(
        year=2015,
        market=15_604,
        government=5_453,
        total=21_057,
        source="een-meting; binnenlandsbestuur.nl",
        tag="S",
    ),
    PublishedYear(
        year=2016,
        market=18_957,
        government=3_597,
        total=22_554,
        source="twee-meting; UWV 30-6-2017, kst-34956-3",
        tag="S",
    ),
    PublishedYear(
        year=2017,
        market=30_432,
        government=6_471,
        total=36_904,
        source="drie-meting; UWV jaarverslag 2017, quotumwet.nl (some sources 36,903)",
        tag="S",
    ),
    PublishedYear(
        year=2018,
        market=44_017,
        government=7_940,
        total=51_957,
        source="vier-meting; sector figures from quotumwet.nl/uitslag-viermeting (market "
        "44,017, government 7,940, against the 2018 target of 43,500); the total is their sum: "
        "the results letter of 2019 itself was not found, and a total of 51,956 seen elsewhere "
        "could not be checked against it",
        tag="D",
    ),
    PublishedYear(
        year=2019,
        market=51_829,
        government=9_786,
        total=61_615,
        source="vijf-meting; UWV 11-8-2020, opnaarde100000.nl",
        tag="S",
    ),
    PublishedYear(
        year=2020,
        market=53_799,
        government=12_298,
        total=66_097,
        source="SZW press release via medicalfacts.nl",
        tag="S",
    ),
    PublishedYear(
        year=2021,
        market=60_966,
        government=11_842,
        total=72_809,
        source="the minister's results letter of 7 July 2022 (Schouten), as quoted by "
        "wspmiddenutrecht.nl: 72,809 extra jobs against a target of 80,000 (sector figures "
        "60,966 and 11,842 sum to 72,808)",
        tag="S",
    ),
    PublishedYear(
        year=2022,
        market=71_113,
        government=10_004,
        total=81_117,
        source="kst-36449-3; rendement.nl, AWVN",
        tag="S",
    ),
)
"""The published national results per year (wbqa-2015 spec §8, wet-banenafspraak-2025 spec §8)."""


@attrs.frozen(kw_only=True)
class NationalResult:
    """One pool's published realisation against a rule set's target for the year."""

    rules: str
    year: int
    pool: Pool
    realised: Decimal
    target: Decimal
    met: bool
    shortfall: Decimal


def national_test(
    realised: Mapping[Pool, Decimal] | PublishedYear,
    *,
    year: int | None = None,
    rules: str | RuleSet,
    parameters: Parameters | None = None,
) -> tuple[NationalResult, ...]:
    """The test ``rules`` applies to national figures: realised extra jobs per pool vs target.

    ``realised`` gives extra jobs per pool (a :class:`PublishedYear` gives its own year). A rule
    set with a national pool is judged on the national figure, or on the sum of the sectors when
    no national figure is given.

    >>> [r.met for r in national_test(PUBLISHED[2], rules="wbqa-2015")]
    [True, False]
    >>> national_test(PUBLISHED[6], rules="wet-banenafspraak-2025")[0].shortfall
    Decimal('7191')

    Raises:
        ValueError: when the year is missing, or a pool of the rule set has no figure.
    """
    if isinstance(realised, PublishedYear):
        year = realised.year if year is None else year
        figures = realised.realised
    else:
        figures = realised
    if year is None:
        msg = "national_test needs year= when the figures are not a PublishedYear"
        raise InvalidValueError(msg)
    rule_set = resolve(rules)
    params = parameters or default_parameters()
    targets = rule_set.targets(year, params)
    results = []
    for pool in rule_set.pools:
        value = figures.get(pool)
        if value is None and pool is Pool.NATIONAL:
            parts = [figures.get(Pool.MARKET), figures.get(Pool.GOVERNMENT)]
            value = None if None in parts else sum((p for p in parts if p), Decimal(0))
        if value is None:
            msg = f"{rule_set.name} judges pool {pool} in {year}, but no figure was given for it"
            raise InvalidValueError(msg)
        target = targets[pool]
        results.append(
            NationalResult(
                rules=rule_set.name,
                year=year,
                pool=pool,
                realised=value,
                target=target,
                met=value >= target,
                shortfall=max(Decimal(0), target - value),
            )
        )
    return tuple(results)
