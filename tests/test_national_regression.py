"""Published national results 2015-2022 against the targets of each rule set (spec §8).

Under ``wbqa-2015`` each sector is judged on its own; under the 2025 law (and the 2018 outline)
one national figure is judged against the national target, the sum of the sector targets.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from banenafspraak import Pool
from banenafspraak.national import (
    PUBLISHED,
    ROUNDING_TOLERANCE,
    PublishedYear,
    national_test,
)
from banenafspraak.references import Tag

# year: (market met, government met, national met under the 2025 law, national shortfall)
EXPECTED = {
    2015: (True, True, True, 0),
    2016: (True, False, True, 0),
    2017: (True, False, True, 0),
    2018: (True, False, True, 0),
    2019: (True, False, True, 0),
    2020: (True, False, False, 1_403),
    2021: (True, False, False, 7_191),
    2022: (True, False, False, 11_383),
}

# published targets (cumulative extra jobs), spec §8 of the wbqa-2015 note
TARGETS = {
    2015: (6_000, 3_000),
    2016: (14_000, 6_500),
    2017: (23_000, 10_000),
    2018: (31_000, 12_500),
    2019: (40_000, 15_000),
    2020: (50_000, 17_500),
    2021: (60_000, 20_000),
    2022: (70_000, 22_500),
}


def test_the_table_covers_2015_to_2022() -> None:
    assert [p.year for p in PUBLISHED] == list(range(2015, 2023))


@pytest.mark.parametrize("published", PUBLISHED, ids=lambda p: str(p.year))
def test_published_totals_are_the_sum_of_the_sectors_within_one_job(
    published: PublishedYear,
) -> None:
    """Totals are computed from hours and rounded per sector: 2017 36,904 vs 36,903 (±1)."""
    assert abs(published.total - published.market - published.government) <= ROUNDING_TOLERANCE


@pytest.mark.parametrize("published", PUBLISHED, ids=lambda p: str(p.year))
def test_met_or_missed_per_sector_under_the_2015_rules(published: PublishedYear) -> None:
    market, government = national_test(published, rules="wbqa-2015")
    assert (market.pool, government.pool) == (Pool.MARKET, Pool.GOVERNMENT)
    assert (market.target, government.target) == tuple(map(Decimal, TARGETS[published.year]))
    assert (market.met, government.met) == EXPECTED[published.year][:2]


@pytest.mark.parametrize("rules", ["wet-banenafspraak-2025", "contouren-2018"])
@pytest.mark.parametrize("published", PUBLISHED, ids=lambda p: str(p.year))
def test_the_single_national_test(published: PublishedYear, rules: str) -> None:
    (national,) = national_test(published, rules=rules)
    assert national.pool is Pool.NATIONAL
    assert national.target == sum(map(Decimal, TARGETS[published.year]))
    assert national.met is EXPECTED[published.year][2]
    assert national.shortfall == EXPECTED[published.year][3]


def test_2017_government_missed_but_the_nation_met_its_target() -> None:
    """Spec §8: 36,904 >= 33,000: no national activation, though government missed 10,000."""
    year_2017 = PUBLISHED[2]
    (national,) = national_test(year_2017, rules="wet-banenafspraak-2025")
    assert (national.realised, national.target, national.met) == (
        Decimal(36_904),
        Decimal(33_000),
        True,
    )
    assert not national_test(year_2017, rules="wbqa-2015")[1].met


def test_2021_missed_nationally_by_7191_jobs_as_in_the_ministers_letter_of_2022() -> None:
    """Results letter of 7 July 2022: 72,809 < 80,000, short by 7,191 (sectors sum to 72,808)."""
    (national,) = national_test(PUBLISHED[6], rules="wet-banenafspraak-2025")
    assert national.realised == 72_809
    assert national.shortfall == 7_191
    assert not national.met


def test_the_2018_total_is_the_sum_of_the_sector_figures_tagged_derived() -> None:
    """Vier-meting: 44,017 + 7,940 = 51,957; the letter's own total was not found, so tag D."""
    year_2018 = PUBLISHED[3]
    assert (year_2018.year, year_2018.total) == (2018, 44_017 + 7_940)
    assert year_2018.tag is Tag.DERIVED


@pytest.mark.parametrize("published", PUBLISHED, ids=lambda p: str(p.year))
def test_every_published_year_names_its_source_and_tag(published: PublishedYear) -> None:
    assert published.source
    assert published.tag in {Tag.SECONDARY, Tag.DERIVED}


def test_the_national_test_takes_the_sum_of_the_sectors_when_no_total_is_given() -> None:
    figures = {Pool.MARKET: Decimal(30_432), Pool.GOVERNMENT: Decimal(6_471)}
    (national,) = national_test(figures, year=2017, rules="wet-banenafspraak-2025")
    assert national.realised == 36_903
    assert abs(national.realised - PUBLISHED[2].total) <= ROUNDING_TOLERANCE


def test_the_national_test_says_what_is_missing() -> None:
    with pytest.raises(ValueError, match="needs year="):
        national_test({Pool.NATIONAL: Decimal(1)}, rules="wet-banenafspraak-2025")
    with pytest.raises(ValueError, match="no figure was given"):
        national_test({Pool.MARKET: Decimal(1)}, year=2017, rules="wbqa-2015")
