"""The doelgroepregister by text version (Besluit SUWI art. 3.2, BWBR0013267; Wfsv art. 38b).

Every test names the article and the text version it reads; the same rules hold under every
registered rule set, because they all ask ``banenafspraak.rulesets.common.membership``.
"""

from __future__ import annotations

import pendulum
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from banenafspraak import (
    Employer,
    Ground,
    PayPeriod,
    Person,
    Placement,
    Pool,
    Registration,
    Scenario,
    Sector,
    available_rule_sets,
    count_jobs,
    default_parameters,
)
from banenafspraak.rulesets.common import (
    aow_age_reached,
    register_text,
    registration_end,
    registration_last_day,
)

ALL_RULES = available_rule_sets()


def year_of(year: int, hours: int = 1000) -> PayPeriod:
    return PayPeriod(start=f"{year}-01-01", end=f"{year}-12-31", hours=hours)


def one_job(person: Person, years: range | tuple[int, ...]) -> Scenario:
    return Scenario(
        employers=(Employer(id="shop", sector=Sector.MARKET),),
        people=(person,),
        placements=(
            Placement(
                id="job", person=person.id, employer="shop", hours=tuple(year_of(y) for y in years)
            ),
        ),
    )


def counts(scenario: Scenario, rules: str, year: int) -> bool:
    attribution = count_jobs(scenario, rules=rules, year=year).attributions[0]
    return attribution.excluded_because is None or attribution.excluded_because.code != "NOT-REG"


def wsw_lapsed(ceased: str, **person: object) -> Person:
    return Person(
        id="former",
        registrations=(
            Registration(
                ground=Ground.WSW_INDICATION, start="2014-01-01", conditions_ceased=ceased
            ),
        ),
        **person,  # type: ignore[arg-type]
    )


@pytest.mark.parametrize("rules", ALL_RULES)
def test_example_9_counts_in_every_year_from_2016_on_by_the_text_then_in_force(rules: str) -> None:
    """Spec wbqa-2015 §11 example 9, corrected: conditions ceased 2016-03-15. 2016-2018: the
    t+2 end of 31 December 2018 (Besluit SUWI 3.2(2), 2016-01-01 text) has not come; 2019: the
    suspension to 2028-12-31 (3.2(8), 2018-01-01 text); 2020 on: Wfsv 38b(6) (2020-01-01 text).
    """
    scenario = one_job(wsw_lapsed("2016-03-15"), range(2016, 2031))
    assert all(counts(scenario, rules, year) for year in range(2016, 2031))


@pytest.mark.parametrize("rules", ALL_RULES)
def test_a_registration_ended_by_t_plus_2_before_the_2018_text_stays_out(rules: str) -> None:
    """Conditions ceased 2015-06-30: t+2 (Besluit SUWI 3.2(2), 2016-01-01 text) ended the
    registration on 2017-12-31, the day before the suspension (3.2(8), 2018-01-01 text) took
    effect, and before Wfsv 38b(6) (2020-01-01 text): neither revives it.
    """
    scenario = one_job(wsw_lapsed("2015-06-30"), (2017, 2018, 2019, 2021))
    assert counts(scenario, rules, 2017)
    assert not any(counts(scenario, rules, year) for year in (2018, 2019, 2021))


@pytest.mark.parametrize("rules", ALL_RULES)
def test_a_38b6_registration_ends_on_the_day_the_aow_age_is_reached(rules: str) -> None:
    """Besluit SUWI 3.2(2)(a), 2020-01-01 text, with AOW art. 7a(1): born 1960-03-01, the AOW
    age of 2027 is 67 years, reached on 2027-03-01; the pay periods of 2028 no longer count.
    """
    person = wsw_lapsed("2016-03-15", date_of_birth="1960-03-01")
    assert aow_age_reached(person) == pendulum.Date(2027, 3, 1)
    scenario = one_job(person, (2026, 2027, 2028))
    assert counts(scenario, rules, 2027)
    assert not counts(scenario, rules, 2028)


def test_the_aow_age_follows_the_table_of_aow_article_7a_by_date_of_birth() -> None:
    """AOW art. 7a(1): 66 years and 4 months in 2019; 65 years before 2013; 67 in 2024-2027."""
    assert aow_age_reached(Person(id="a", date_of_birth="1953-01-15")) == pendulum.Date(2019, 5, 15)
    assert aow_age_reached(Person(id="b", date_of_birth="1940-06-30")) == pendulum.Date(2005, 6, 30)
    assert aow_age_reached(Person(id="c", date_of_birth="1958-07-01")) == pendulum.Date(2025, 7, 1)
    assert aow_age_reached(Person(id="d")) is None


def test_a_registration_ends_on_the_day_of_death() -> None:
    """Besluit SUWI 3.2(2)(b), 2020-01-01 text: the registration ends on the day of death."""
    person = wsw_lapsed("2016-03-15", date_of_death="2022-08-09")
    end, how = registration_end(person.registrations[0], default_parameters(), person)
    assert end == pendulum.Date(2022, 8, 9)
    assert "death" in how


def test_a_beschut_werk_finding_ends_the_registration_the_next_day_from_the_2020_text() -> None:
    """Besluit SUWI 3.2(3), 2020-01-01 text: the day after the finding (Participatiewet 10b(1)).
    The 2016-01-01 text has no such rule: a finding of 2017 leaves a Wajong registration running.
    """
    wajong = Registration(ground=Ground.WAJONG, start="2014-01-01")
    found_2021 = Person(id="x", registrations=(wajong,), sheltered_work_finding="2021-04-12")
    assert registration_end(wajong, default_parameters(), found_2021)[0] == pendulum.Date(
        2021, 4, 13
    )
    found_2017 = Person(id="x", registrations=(wajong,), sheltered_work_finding="2017-04-12")
    assert registration_end(wajong, default_parameters(), found_2017)[0] is None


def test_a_finding_ends_a_besluit_wfsv_2_25_registration_from_the_suwi_text_of_2016_06_18() -> None:
    """Besluit SUWI 3.2(5), first in the 2016-06-18 text (the 2016-01-01 text has 3.2(1),(2)
    only): a 2.25 registration (``amvb_indication``) ends the day after the finding, and the
    explanation cites that text; other grounds have no such end before the 2020-01-01 text. A
    finding of 2016-06-17 leaves it running.
    """
    amvb = Registration(ground=Ground.AMVB_INDICATION, start="2016-01-01")
    for found, end in (("2016-06-18", pendulum.Date(2016, 6, 19)), ("2019-02-01", None)):
        person = Person(id="x", registrations=(amvb,), sheltered_work_finding=found)
        day, how = registration_end(amvb, default_parameters(), person)
        assert day == (end or pendulum.Date(2019, 2, 2))
        assert how.endswith(suwi("5", "2016-06-18"))
        wsw = Registration(ground=Ground.WSW_INDICATION, start="2016-01-01")
        assert registration_end(wsw, default_parameters(), person)[0] is None
    early = Person(id="x", registrations=(amvb,), sheltered_work_finding="2016-06-17")
    assert registration_end(amvb, default_parameters(), early)[0] is None


def test_a_request_to_leave_the_register_in_2020_ends_it_no_earlier_than_2021() -> None:
    """Besluit SUWI 3.2(4), 2020-01-01 text: not before 1 January 2021; 3.2(5): a registration
    only under Wfsv 38b(1)(f) ends on the day itself.
    """
    asked = Registration(
        ground=Ground.WSW_INDICATION,
        start="2014-01-01",
        conditions_ceased="2016-03-15",
        ended_on_request="2020-06-01",
    )
    assert registration_end(asked, default_parameters())[0] == pendulum.Date(2021, 1, 1)
    transitional = Registration(
        ground=Ground.TRANSITIONAL, start="2015-05-01", ended_on_request="2020-06-01"
    )
    assert registration_end(transitional, default_parameters())[0] == pendulum.Date(2020, 6, 1)


ONLY_2016 = {"registration.suspension_applies": False, "registration.stays_under_38b6": False}
UP_TO_2019 = {"registration.stays_under_38b6": False}
CEASED = "conditions ceased 2016-03-15"
STAYS = f"{CEASED}: registered under Wfsv 38b(6) from 2020-01-01"


def suwi(paragraph: str, version: str) -> str:
    return f"(Besluit SUWI art. 3.2({paragraph}) (BWBR0013267, version {version}))"


@pytest.mark.parametrize(
    ("overrides", "person", "end", "how"),
    [
        (
            ONLY_2016,
            {},
            "2018-12-31",
            f"{CEASED}: t+2 ends it 2018-12-31 {suwi('2', '2016-01-01')}",
        ),
        (
            UP_TO_2019,
            {},
            "2028-12-31",
            f"{CEASED} (before 2026-01-01): suspended t+2 ends it 2028-12-31 "
            + suwi("8", "2018-01-01"),
        ),
        (
            {},
            {},
            None,
            (
                f"{STAYS} {suwi('2', '2020-01-01')} until the AOW age (no date of birth given), "
                "death, a finding or a request"
            ),
        ),
        (
            {},
            {"date_of_birth": "1960-03-01"},
            "2027-03-01",
            f"{STAYS} {suwi('2', '2020-01-01')} until the AOW age on 2027-03-01 (AOW art. 7a(1))",
        ),
        (
            {},
            {"date_of_death": "2022-08-09", "sheltered_work_finding": "2022-08-08"},
            "2022-08-09",
            f"beschut-werk finding 2022-08-08: ends the next day {suwi('2', '2020-01-01')}",
        ),
    ],
)
def test_each_end_of_example_9_explains_the_text_that_gives_it(
    overrides: dict[str, bool], person: dict[str, str], end: str | None, how: str
) -> None:
    """Example 9 (conditions ceased 2016-03-15) under each text of Besluit SUWI 3.2: t+2 (2016
    text), suspended to 2028-12-31 (3.2(8), 2018-01-01 text), Wfsv 38b(6) until the AOW age
    (2020-01-01 text). A finding the day before death ends it on the day of death as well; the
    explanation that reads first is given. The day alone (``registration_last_day``) is the same.
    """
    lapsed = wsw_lapsed("2016-03-15", **person)
    parameters = default_parameters().with_overrides(overrides)
    registration = lapsed.registrations[0]
    day = None if end is None else pendulum.Date(int(end[:4]), int(end[5:7]), int(end[8:]))
    assert registration_end(registration, parameters, lapsed) == (day, how)
    assert registration_last_day(registration, parameters, lapsed) == day


def test_a_request_ends_a_registration_on_the_day_of_death_explained_as_the_request() -> None:
    """Besluit SUWI 3.2(2)(b) and 3.2(4), 2020-01-01 text: a request from 2021 ends the
    registration on its day; death on the same day ends it too. One end, one explanation.
    """
    asked = Registration(ground=Ground.WAJONG, start="2014-01-01", ended_on_request="2022-08-09")
    person = Person(id="x", registrations=(asked,), date_of_death="2022-08-09")
    end, how = registration_end(asked, default_parameters(), person)
    assert (end, how) == (pendulum.Date(2022, 8, 9), "ended at the person's request on 2022-08-09")
    early = Registration(ground=Ground.WAJONG, start="2014-01-01", ended_on_request="2020-06-01")
    assert registration_end(early, default_parameters())[1] == (
        "ended at the person's request on 2020-06-01, not before 2021-01-01 "
        "(Besluit SUWI 3.2(4), version 2020-01-01)"
    )


def test_the_aow_age_follows_the_parameters_asked() -> None:
    """AOW art. 7a(1) by parameter ``aow.pension_age_months``: the same date of birth reaches
    the age on another day when the table differs (each set of parameters finds its own).
    """
    born = Person(id="a", date_of_birth="1953-01-15")
    assert aow_age_reached(born) == pendulum.Date(2019, 5, 15)
    at_65 = default_parameters().with_overrides({"aow.pension_age_months": 65 * 12})
    assert aow_age_reached(born, at_65) == pendulum.Date(2018, 1, 15)
    assert aow_age_reached(Person(id="b", date_of_birth="1953-01-31"), at_65) == pendulum.Date(
        2018, 1, 31
    )


DATES = st.dates(min_value=pendulum.Date(2013, 1, 1), max_value=pendulum.Date(2032, 12, 31))


@settings(max_examples=200, deadline=None)
@given(
    ground=st.sampled_from(list(Ground)),
    start=DATES,
    ceased=st.none() | st.integers(0, 4000),
    requested=st.none() | st.integers(0, 4000),
    born=st.none()
    | st.dates(min_value=pendulum.Date(1940, 1, 1), max_value=pendulum.Date(2000, 12, 31)),
    died=st.none() | DATES,
    found=st.none() | DATES,
    overrides=st.sampled_from([{}, ONLY_2016, UP_TO_2019]),
)
def test_the_last_day_is_the_day_registration_end_explains(
    *,
    ground: Ground,
    start: pendulum.Date,
    ceased: int | None,
    requested: int | None,
    born: pendulum.Date | None,
    died: pendulum.Date | None,
    found: pendulum.Date | None,
    overrides: dict[str, bool],
) -> None:
    """``registration_last_day`` gives the day of ``registration_end``, without its words."""
    begin = pendulum.Date(start.year, start.month, start.day)
    if ground.exists_from is not None:
        begin = max(begin, ground.exists_from[0])
    registration = Registration(
        ground=ground,
        start=begin,
        conditions_ceased=None if ceased is None else begin.add(days=ceased),
        ended_on_request=None if requested is None else begin.add(days=requested),
    )
    person = Person(
        id="p",
        registrations=(registration,),
        date_of_birth=born,
        date_of_death=died if born is None or died is None or died >= born else None,
        sheltered_work_finding=found,
    )
    parameters = default_parameters().with_overrides(overrides)
    for who in (person, None):
        assert (
            registration_last_day(registration, parameters, who)
            == (registration_end(registration, parameters, who)[0])
        )


@pytest.mark.parametrize(
    ("ground", "day"),
    [(Ground.OWN_REQUEST, "2015-12-10"), (Ground.WIA_EXPERIMENT, "2025-12-31")],
)
def test_a_registration_cannot_start_before_its_ground_exists(ground: Ground, day: str) -> None:
    """Wfsv 38b(1)(e) exists from the 2015-12-11 text, 38b(1)(g) from the 2026-01-01 text: a
    registration on them before that day is a scenario problem, not a silent exclusion.
    """
    with pytest.raises(ValueError, match="exists from"):
        Registration(ground=ground, start=day)
    exists = ground.exists_from
    assert exists is not None
    assert Registration(ground=ground, start=exists[0]).start == exists[0]


@pytest.mark.parametrize(
    ("day", "version"),
    [("2017-12-31", "2016-01-01"), ("2018-06-30", "2018-01-01"), ("2021-06-30", "2020-01-01")],
)
def test_explanations_cite_the_text_of_besluit_suwi_in_force_on_the_pay_period(
    day: str, version: str
) -> None:
    """The reason names the version of Besluit SUWI 3.2 in force on the pay period's last day,
    not the 2016 text for every year.
    """
    on = pendulum.Date(int(day[:4]), int(day[5:7]), int(day[8:]))
    assert str(register_text(default_parameters(), on)).endswith(f"version {version})")
    year = int(day[:4])
    count = count_jobs(one_job(wsw_lapsed("2016-03-15"), (year,)), rules="wbqa-2015", year=year)
    assert f"version {version}" in count.attributions[0].reasons[0].detail


def test_the_not_registered_reason_says_when_and_under_which_text_the_registration_ended() -> None:
    """A registration ended by t+2 on 2017-12-31 (Besluit SUWI 3.2(2), 2016-01-01 text): in 2021
    the NOT-REG reason cites that text and day, not the 2020-01-01 text in force in 2021.
    """
    count = count_jobs(one_job(wsw_lapsed("2015-06-30"), (2021,)), rules="wbqa-2015", year=2021)
    because = count.attributions[0].excluded_because
    assert because is not None
    assert because.code == "NOT-REG"
    assert str(because.reference.version) == "2016-01-01"
    assert because.detail == (
        "placement job; registration on ground wsw_indication since 2014-01-01 ended 2017-12-31: "
        f"conditions ceased 2015-06-30: t+2 ends it 2017-12-31 {suwi('2', '2016-01-01')}"
    )


def test_a_person_never_registered_is_explained_by_the_text_in_force_on_the_pay_period() -> None:
    """No registration at all: the NOT-REG reason cites Besluit SUWI 3.2 in force on the pay
    period's last day (2020-01-01 text in 2021) and names the placement only.
    """
    never = Person(id="never")
    count = count_jobs(one_job(never, (2021,)), rules="wbqa-2015", year=2021)
    because = count.attributions[0].excluded_because
    assert because is not None
    assert str(because.reference.version) == "2020-01-01"
    assert because.detail == "placement job"


def test_the_t_plus_2_suspension_is_first_in_the_besluit_suwi_text_of_2018_01_01() -> None:
    """Besluit SUWI 3.2(8) is in the 2018-01-01 text, not in the 2017-10-01 text: conditions
    ceased 2016-03-15, the registration runs past 2018-12-31 (the t+2 end) to 2028-12-31; the
    explanation on 2018-01-01 already cites the 2018-01-01 text, on 2017-12-31 the 2016 text.
    """
    params = default_parameters()
    assert register_text(params, pendulum.Date(2017, 12, 31)).version == pendulum.Date(2016, 1, 1)
    text_2018 = register_text(params, pendulum.Date(2018, 1, 1))
    assert (text_2018.article, str(text_2018.version)) == ("3.2(8)", "2018-01-01")
    up_to_2019 = params.with_overrides(UP_TO_2019)
    end, how = registration_end(wsw_lapsed("2016-03-15").registrations[0], up_to_2019)
    assert end == pendulum.Date(2028, 12, 31)
    assert how.endswith(suwi("8", "2018-01-01"))


@pytest.mark.parametrize("rules", ALL_RULES)
def test_a_t_plus_2_end_on_2017_12_31_stays_ended_by_default_under_besluit_suwi_3_2_8(
    rules: str,
) -> None:
    """Conditions ceased 2015-06-30: t+2 ends the registration on 2017-12-31, the day before the
    suspension of 3.2(8) (2018-01-01 text) takes effect. 3.2(8) applies to a registration that
    "would end", one still running on 2018-01-01; no transitional provision was found that keeps
    those ended the day before. The parameter ``registration.suspension_keeps_ended_the_day_before``
    (default false, tag U) keeps them: then it runs to 2028-12-31 and from the 2020-01-01 text
    stays under Wfsv 38b(6).
    """
    params = default_parameters()
    row = params["registration.suspension_keeps_ended_the_day_before"].rows[0]
    assert (row.value, row.tag.value, str(row.start)) == (False, "U", "2018-01-01")
    lapsed = wsw_lapsed("2015-06-30")
    assert registration_last_day(lapsed.registrations[0], params) == pendulum.Date(2017, 12, 31)
    scenario = one_job(lapsed, (2017, 2018, 2021))
    assert [counts(scenario, rules, year) for year in (2017, 2018, 2021)] == [True, False, False]
    kept = scenario.evolve(parameters={"registration.suspension_keeps_ended_the_day_before": True})
    assert all(counts(kept, rules, year) for year in (2017, 2018, 2021))
    under_2019 = params.with_overrides(
        {**UP_TO_2019, "registration.suspension_keeps_ended_the_day_before": True}
    )
    end, how = registration_end(lapsed.registrations[0], under_2019)
    assert end == pendulum.Date(2028, 12, 31)
    assert how.endswith(suwi("8", "2018-01-01"))


def test_young_disabled_people_count_in_the_sector_monitoring_from_2020() -> None:
    """Wfsv 122n(1),(2), 2020-01-01 text: 38b(2) people are monitored from 2020; in 2019 the
    2015 text of 122n(1) leaves them out, and the reason cites that text.
    """
    young = Person(
        id="young",
        registrations=(
            Registration(ground=Ground.YOUNG_DISABLED_WITH_PROVISION, start="2016-01-01"),
        ),
    )
    scenario = one_job(young, (2019, 2020))
    before = count_jobs(scenario, rules="wbqa-2015", year=2019)
    because = before.attributions[0].excluded_because
    assert because is not None
    assert because.code == "W15-38B2"
    assert str(because.reference.version) == "2015-05-01"
    after = count_jobs(scenario, rules="wbqa-2015", year=2020)
    assert after.attributions[0].excluded_because is None
    assert after.pools[Pool.MARKET].hours == 1000


def test_the_register_parameters_start_on_the_dates_of_their_texts() -> None:
    """Rows start on the day each text took effect: 2015-05-01, 2018-01-01 and 2020-01-01."""
    params = default_parameters()
    starts = {
        name: [str(row.start) for row in params[name].rows]
        for name in (
            "registration.suspension_applies",
            "registration.stays_under_38b6",
            "registration.request_ends_not_before",
            "monitoring.young_disabled_counts",
        )
    }
    assert starts["registration.suspension_applies"] == ["2015-05-01", "2018-01-01"]
    assert starts["registration.stays_under_38b6"] == ["2015-05-01", "2020-01-01"]
    assert starts["registration.request_ends_not_before"] == ["2020-01-01"]
    assert starts["monitoring.young_disabled_counts"][-1] == "2020-01-01"


NO_AOW_GROUNDS = [g for g in Ground if g.exists_from is None or g.exists_from[0].year <= 2019]


@settings(max_examples=25, deadline=None)
@given(
    ground=st.sampled_from(NO_AOW_GROUNDS),
    start=st.dates(min_value=pendulum.Date(2015, 5, 1), max_value=pendulum.Date(2019, 6, 30)),
    ceased_day=st.integers(0, 180),
    rules=st.sampled_from(ALL_RULES),
)
def test_a_person_registered_in_2019_with_ceased_conditions_counts_in_every_later_year(
    ground: Ground, start: pendulum.Date, ceased_day: int, rules: str
) -> None:
    """Wfsv 38b(6) with Besluit SUWI 3.2(2), 2020-01-01 text: registered in 2019, conditions
    ceased in 2019, no AOW age, death, finding or request: counted in every year 2020-2030.
    """
    begin = max(pendulum.Date(start.year, start.month, start.day), pendulum.Date(2019, 1, 1))
    if ground.exists_from is not None:
        begin = max(begin, ground.exists_from[0])
    ceased = begin.add(days=ceased_day)
    person = Person(
        id="p",
        registrations=(Registration(ground=ground, start=begin, conditions_ceased=ceased),),
    )
    scenario = one_job(person, range(2020, 2031))
    for year in range(2020, 2031):
        attribution = count_jobs(scenario, rules=rules, year=year).attributions[0]
        reasons = {r.code for r in attribution.reasons}
        assert "REG" in reasons, (year, attribution)


@pytest.mark.parametrize("rules", ALL_RULES)
def test_a_pay_period_the_registration_starts_in_counts_whole_by_wfsv_38g_8_from_2019(
    rules: str,
) -> None:
    """Wfsv 38g(8), 2019-01-01 text: the period as arbeidsbeperkte begins in the aangiftetijdvak,
    so the whole of it counts (V). No text before 2019 says so; the library applies the same
    rule to 2018 and says it is derived (D).
    """
    person = Person.registered("p", ground=Ground.WAJONG, since="2018-06-15")
    june = {
        year: PayPeriod(start=f"{year}-06-01", end=f"{year}-06-30", hours=100)
        for year in (2018, 2019)
    }
    scenario = Scenario(
        employers=(Employer(id="shop", sector=Sector.MARKET),),
        people=(person,),
        placements=(Placement(id="job", person="p", employer="shop", hours=tuple(june.values())),),
    )
    for year, tag in ((2018, "D"), (2019, "V")):
        count = count_jobs(scenario, rules=rules, year=year)
        assert count.counted_hours == 100
        registered = next(r for r in count.attributions[0].reasons if r.code == "REG")
        assert (registered.reference.article, str(registered.reference.version)) == (
            "38g(8)",
            "2019-01-01",
        )
        assert registered.tag.value == tag


def own_request(start: str, **facts: object) -> Person:
    return Person(
        id="asked",
        registrations=(Registration(ground=Ground.OWN_REQUEST, start=start, **facts),),  # type: ignore[arg-type]
    )


@pytest.mark.parametrize("start", ["2015-05-01", "2015-07-01", "2015-12-10"])
def test_the_wfsv_texts_of_2015_05_01_and_2015_07_01_have_no_own_request_ground(
    start: str,
) -> None:
    """Wfsv 38b(1) of the 2015-05-01 and 2015-07-01 texts ends at (d): a registration on
    38b(1)(e) before the 2015-12-11 text is refused, naming the text that added the ground.
    """
    with pytest.raises(ValueError, match=r"exists from 2015-12-11 \(Wfsv art. 38b\(1\)\(e\)"):
        own_request(start)


@pytest.mark.parametrize("rules", ALL_RULES)
@pytest.mark.parametrize(
    ("start", "year"),
    [("2015-12-11", 2015), ("2016-01-01", 2016), ("2017-02-01", 2017)],
)
def test_own_request_is_a_ground_from_the_wfsv_text_of_2015_12_11(
    rules: str, start: str, year: int
) -> None:
    """Wfsv 38b(1)(e) is in the texts of 2015-12-11, 2016-01-01 and 2017-02-01 (UWV's finding on
    the person's own request, without the municipality's support): a registration from the
    text's date loads and counts in its year, support not asked.
    """
    exists = Ground.OWN_REQUEST.exists_from
    assert exists is not None
    assert (str(exists[0]), str(exists[1].version)) == ("2015-12-11", "2015-12-11")
    asked = own_request(start)
    assert counts(one_job(asked, (year,)), rules, year)


@pytest.mark.parametrize("rules", ALL_RULES)
def test_own_request_asks_municipal_support_from_the_wfsv_text_of_2018_01_01(rules: str) -> None:
    """Wfsv 38b(1)(e), 2018-01-01 text: the person is also led to a job with the municipality's
    support (Participatiewet 7(1)(a)). A registration from that day without it is refused; one
    given the support (or not saying) loads and counts.
    """
    with pytest.raises(ValueError, match=r"version 2018-01-01\) asks for the municipality's"):
        own_request("2018-01-01", municipal_support=False)
    for support in (True, None):
        supported = own_request("2018-01-01", municipal_support=support)
        assert counts(one_job(supported, (2018,)), rules, 2018)


@pytest.mark.parametrize("rules", ALL_RULES)
def test_without_municipal_support_own_request_conditions_cease_by_the_wfsv_text_of_2018_01_01(
    rules: str,
) -> None:
    """A 38b(1)(e) registration of 2016 (2015-12-11 text) without the municipality's support no
    longer meets the conditions of the 2018-01-01 text: ``conditions_ceased`` must be that day or
    earlier. Ceased on 2018-01-01, the end follows Besluit SUWI 3.2 as for any ground: the
    suspension to 2028-12-31 (3.2(8), 2018-01-01 text), then Wfsv 38b(6) (2020-01-01 text).
    """
    with pytest.raises(ValueError, match="conditions_ceased is not given: give 2018-01-01"):
        own_request("2016-01-01", municipal_support=False)
    with pytest.raises(ValueError, match="conditions_ceased is 2018-01-02"):
        own_request("2016-01-01", municipal_support=False, conditions_ceased="2018-01-02")
    lost = own_request("2016-01-01", municipal_support=False, conditions_ceased="2018-01-01")
    params = default_parameters()
    end, how = registration_end(lost.registrations[0], params.with_overrides(UP_TO_2019))
    assert end == pendulum.Date(2028, 12, 31)
    assert how.endswith(suwi("8", "2018-01-01"))
    assert all(counts(one_job(lost, (year,)), rules, year) for year in (2017, 2018, 2021))


def test_municipal_support_belongs_to_the_own_request_ground_only() -> None:
    """Participatiewet 7(1)(a) support is a condition Wfsv 38b(1)(e) names; on another ground the
    field is refused rather than ignored.
    """
    with pytest.raises(ValueError, match="leave it empty on ground wajong"):
        Registration(ground=Ground.WAJONG, start="2016-01-01", municipal_support=True)
