"""Dated parameters: the value in force, the source of every value, overrides."""

from __future__ import annotations

from decimal import Decimal

import pendulum
import pytest

from banenafspraak import LegalReference, Tag, UnknownParameterError, default_parameters
from banenafspraak.exceptions import InvalidTypeError
from banenafspraak.parameters import DatedValue, Parameter, ParameterKind

PARAMS = default_parameters()


def test_every_value_names_its_legal_source_and_how_sure_it_is() -> None:
    for parameter in PARAMS:
        assert parameter.description
        for row in parameter.rows:
            assert row.reference.law, f"{parameter.name} at {row.start} has no source"
            assert row.tag in set(Tag)


def test_the_job_unit_threshold_and_levy_are_the_values_of_the_law() -> None:
    assert PARAMS.for_year("job.hours_per_year", 2018) == Decimal(1331)
    assert PARAMS.for_year("quotum.threshold_hours", 2018) == Decimal(40575)
    assert PARAMS.for_year("quotum.levy_per_missing_job", 2018) == Decimal(5000)
    assert PARAMS["quotum.levy_per_missing_job"].row_for_year(2018).tag is Tag.VERIFIED
    assert PARAMS.for_year("target.market", 2024) == Decimal(90000)
    assert PARAMS["target.market"].row_for_year(2024).tag is Tag.UNVERIFIED


def test_the_latest_start_on_or_before_a_date_wins() -> None:
    share = PARAMS["inleen.government_share"]
    assert share.on("2016-11-30") == Decimal("0.24")
    assert share.on("2016-12-01") == Decimal("0.278")
    assert share.for_year(2021) == Decimal("0.337")
    with pytest.raises(LookupError, match="no value on 2012-11-30"):
        share.on("2012-11-30")


def test_the_lkv_limit_ends_with_2025() -> None:
    assert PARAMS.for_year("lkv.max_years", 2025) == Decimal(3)
    assert PARAMS.for_year("lkv.max_years", 2026) is None
    assert PARAMS.flag("lkv.declaration_required", 2026) is False


def test_overrides_replace_rows_and_are_tagged_as_overrides() -> None:
    changed = PARAMS.with_overrides(
        {
            "target.government": {"2018": "13000", "2030-01-01": 30000},
            "wet2025.article_2_in_force": "2028-01-01",
            "quotum.active.market": {"2020": True},
            "registration.years_after_ceasing": "3",
            "quotum.percentage.market": None,
        }
    )
    assert changed.for_year("target.government", 2018) == Decimal(13000)
    assert changed.for_year("target.government", 2019) == Decimal(15000)
    assert changed.for_year("target.government", 2030) == Decimal(30000)
    assert changed["target.government"].row_for_year(2018).tag is Tag.OVERRIDE
    assert changed.for_year("wet2025.article_2_in_force", 2015) == pendulum.Date(2028, 1, 1)
    assert changed.flag("quotum.active.market", 2020) is True
    assert changed.for_year("registration.years_after_ceasing", 2020) == 3
    assert changed.digest() != PARAMS.digest()
    assert PARAMS.with_overrides({}) is PARAMS
    assert PARAMS.for_year("target.government", 2018) == Decimal(12500)


def test_an_unknown_parameter_is_refused_with_the_known_names() -> None:
    with pytest.raises(UnknownParameterError, match=r"unknown parameter 'target\.markt'") as caught:
        PARAMS.with_overrides({"target.markt": 1})
    assert "target.market" in caught.value.known
    assert isinstance(caught.value, LookupError)


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"quotum.active.market": "yes"}, r"quotum.active.market: expected true or false"),
        ({"registration.years_after_ceasing": "2.5"}, "whole number"),
        ({"target.market": {"20x8": 1}}, "starts at YYYY or YYYY-MM-DD"),
        ({"target.market": {"2018": 0.5}}, r"target.market\[2018\]: .*not a float"),
        ({"wet2025.article_2_in_force": "soon"}, "ISO date"),
    ],
)
def test_a_bad_override_names_the_parameter_and_the_value(
    overrides: dict[str, object], message: str
) -> None:
    with pytest.raises((TypeError, ValueError), match=message):
        PARAMS.with_overrides(overrides)


def test_a_missing_number_is_a_clear_error() -> None:
    with pytest.raises(LookupError, match="has no number for 2019"):
        PARAMS.decimal("quotum.percentage.market", 2019)


def test_a_parameter_needs_at_least_one_row() -> None:
    with pytest.raises(ValueError, match="has no values"):
        Parameter(name="x", description="x", unit="", kind=ParameterKind.DECIMAL, rows=())


def test_a_reference_links_to_the_version_on_wetten_overheid_nl() -> None:
    ref = LegalReference(law="Wfsv", article="38h(4)", version="2015-05-01")
    assert ref.url == "https://wetten.overheid.nl/BWBR0017745/2015-05-01#Artikel38h"
    assert LegalReference(law="Wfsv").url == "https://wetten.overheid.nl/BWBR0017745"
    other = LegalReference(law="Stcrt. 2017, 60073", source="https://example.org/stcrt")
    assert other.url == "https://example.org/stcrt"
    assert other.bwb_id is None
    assert str(other) == "Stcrt. 2017, 60073 (https://example.org/stcrt)"
    assert LegalReference(law="x", source="a letter").url is None
    assert str(LegalReference(law="x")) == "x"
    row = DatedValue(start="2018-01-01", value=None, reference=ref, tag="V")
    assert row.tag is Tag.VERIFIED


def test_a_reference_to_several_articles_links_to_the_first() -> None:
    ref = LegalReference(law="Wfsv", article="34, 38b-38j", version="2015-05-01")
    assert ref.url == "https://wetten.overheid.nl/BWBR0017745/2015-05-01#Artikel34"
    besluit = LegalReference(law="Besluit Wfsv", article="2.28(2)-(4)", version="2018-01-01")
    assert besluit.url is not None
    assert besluit.url.endswith("#Artikel2.28")
    assert LegalReference(law="Wfsv", article="122na").url == (
        "https://wetten.overheid.nl/BWBR0017745#Artikel122na"
    )


def _extra(description: str = "An amount of a plug-in rule set") -> Parameter:
    return Parameter(
        name="plugin.amount",
        description=description,
        unit="EUR",
        kind=ParameterKind.DECIMAL,
        rows=(
            DatedValue(
                start="2015-01-01", value=Decimal(10), reference=LegalReference(law="x"), tag="U"
            ),
        ),
    )


def test_a_rule_sets_own_table_is_included_once_and_keeps_its_overrides() -> None:
    """Including a plug-in's table again after an override keeps the overridden rows."""
    params = default_parameters().including([_extra()])
    overridden = params.with_overrides({"plugin.amount": "25"})
    again = overridden.including([_extra()])
    assert again.decimal("plugin.amount", 2019) == Decimal(25)
    assert again == overridden


def test_a_rule_sets_table_may_not_take_the_name_of_another_table() -> None:
    params = default_parameters().including([_extra()])
    with pytest.raises(ValueError, match="already defined differently"):
        params.including([_extra("Something else")])


def test_a_rule_derives_a_value_from_the_parameters_once_and_a_non_date_is_refused() -> None:
    params = PARAMS.with_overrides({"quotum.threshold_hours": "40000"})
    asked: list[int] = []

    def threshold_in_2019() -> Decimal:
        asked.append(2019)
        return params.decimal("quotum.threshold_hours", 2019)

    assert params.derived("threshold", threshold_in_2019) == Decimal(40000)
    assert params.derived("threshold", threshold_in_2019) == Decimal(40000)
    assert asked == [2019]
    assert PARAMS.derived("threshold", lambda: Decimal(1)) == Decimal(1)
    with pytest.raises(InvalidTypeError, match="expected a date"):
        PARAMS["quotum.threshold_hours"].row_on(["2019-01-01"])


@pytest.mark.parametrize(
    "name", ["employee.average_hours_per_year", "quotum.threshold_hours", "quotum.e"]
)
def test_the_besluit_wfsv_amounts_cite_the_text_in_force_in_the_year(name: str) -> None:
    """Besluit Wfsv 2.20, 2.21: the same amounts in the 2015-05-01 and 2017-01-01 texts; a year
    cites the text in force in it.
    """
    rows = default_parameters()[name]
    assert rows.row_for_year(2016).value == rows.row_for_year(2017).value
    assert str(rows.row_for_year(2016).reference.version) == "2015-05-01"
    assert str(rows.row_for_year(2017).reference.version) == "2017-01-01"
