"""The catalogue's rows of the 2025 law: the surcharge, the bonus, the LKV and the small employer.

The Wet banenafspraak (BWBR0051018, wet-banenafspraak-2025): the entry into force of art. 2 and the
activation, the bonus per hour and the surcharge (opslag), who counts, the Aof small employer
(Besluit Wfsv 2.19d), and the loonkostenvoordeel (LKV) of the Wtl.
"""

from __future__ import annotations

import pendulum

from banenafspraak.parameters.catalogue.rows import (
    BOOL,
    DATE,
    DEC,
    ODATE,
    ODEC,
    D,
    param,
    ref,
    row,
)
from banenafspraak.parameters.model import Parameter
from banenafspraak.references import LegalReference

_WBA = ref("Wet banenafspraak", "6", "2026-07-01")
_WTL_FIRST = (
    "the Wtl takes effect on 2018-01-01: an earlier year, judged by a later law, reads its "
    "first text"
)
"""The note of the LKV's rows before the Wtl (2018): a counterfactual year reads its first text."""


def _small_ref(version: str) -> LegalReference:
    """Besluit Wfsv 2.19d(1) in the text of ``version``: the Aof small employer, from 2022."""
    return ref("Besluit Wfsv", "2.19d(1)", version)


def _aof_average(average: str, year: int) -> str:
    return (
        f"25 x EUR {average}, the average premium wage per employee of {year} (set by UWV, "
        "Besluit Wfsv 2.5(2)), as published for employers"
    )


_SMALL_2022 = _small_ref("2022-01-01")
_AOF_FIRST = (
    "Besluit Wfsv 2.19d takes effect on 2022-01-01: an earlier year, judged by a later law, "
    "reads its first amount"
)
_AOF_NOT_FOUND = (
    "25 x the average premium wage per employee of t-2; the amount was not found: about "
    "EUR 1 million"
)
_DESIGN_2020 = ref(
    "Concept Wet banenafspraak (consultation, February 2020)",
    source="rendement.nl 24-2-2020; rijksoverheid.nl quotumregeling page (illustrative)",
)


def wet_2025() -> list[Parameter]:
    """The rows of the Wet banenafspraak (2025) and of the LKV."""
    p: list[Parameter] = []
    add = p.append
    add(
        param(
            "wet2025.article_2_in_force",
            "Date art. 2 of the Wet banenafspraak takes effect "
            "(chapter I applies from this date; art. 12 keeps the 2015 rules before it)",
            "date",
            DATE,
            row(
                2012,
                pendulum.Date(2027, 1, 1),
                ref("Wet banenafspraak", "13(1)", "2026-01-01"),
                "U",
                "the KB date was not found",
            ),
        )
    )
    add(
        param(
            "wet2025.activation_decided_on",
            "Date the national quotum activation was decided (none: not activated)",
            "date",
            ODATE,
            row(2012, None, ref("Wet banenafspraak", "5", "2026-07-01"), "V"),
        )
    )
    add(
        param(
            "wet2025.bonus_per_hour",
            "Banenafspraakbonus per verloond uur (illustrative)",
            "EUR/h",
            DEC,
            row(
                2012,
                D("3.76"),
                _DESIGN_2020,
                "U",
                "EUR 5,000 / 1,331 h; the final amount is not set",
            ),
        )
    )
    add(
        param(
            "wet2025.quotum_share",
            "National quotum share for the net-zero calibration (illustrative)",
            "%",
            DEC,
            row(2012, D("2.76"), _DESIGN_2020, "U", "the 2024 government percentage"),
        )
    )
    add(
        param(
            "wet2025.average_hourly_wage",
            "Average premium wage per hour for the net-zero calibration (illustrative)",
            "EUR/h",
            DEC,
            row(2012, D(30), _DESIGN_2020, "U"),
        )
    )
    add(
        param(
            "wet2025.surcharge_rate",
            "Inclusiviteitsopslag as a percentage of the premium wage, when set by regulation "
            "(none: the net-zero calibration bonus x quotum share / average hourly wage)",
            "%",
            ODEC,
            row(
                2012,
                None,
                ref("Wet banenafspraak", "6(6)", "2026-07-01"),
                "U",
                "not set by any regulation yet",
            ),
        )
    )
    add(
        param(
            "wet2025.young_disabled_counts",
            "Wfsv 38b(2) people (young disabled with a provision) count in the national "
            "monitoring of the 2025 law and the 2018 outline",
            "",
            BOOL,
            row(
                2012,
                True,
                ref("Wet banenafspraak", "2(1)(f), 4(2)", "2026-07-01"),
                "V",
                "art. 2(1)(f) makes a young disabled person who cannot earn the minimum wage "
                "without a provision an arbeidsbeperkte; art. 4(2) counts the jobs of all of them",
            ),
        )
    )
    add(
        param(
            "wet2025.small_employer_wage_threshold",
            "Aof small employer: premium wage in t-2 at most this (25 x average premium wage)",
            "EUR",
            DEC,
            row(2012, D(882500), _SMALL_2022, "D", _AOF_FIRST),
            row(2022, D(882500), _SMALL_2022, "S", _aof_average("35,300", 2020)),
            row(2023, D(905000), _small_ref("2023-01-01"), "S", _aof_average("36,200", 2021)),
            row(2024, D(1000000), _small_ref("2024-01-01"), "U", _AOF_NOT_FOUND),
            row(2025, D(1000000), _small_ref("2025-01-01"), "U", _AOF_NOT_FOUND),
            row(2026, D(1000000), _small_ref("2026-01-01"), "U", _AOF_NOT_FOUND),
        )
    )
    add(
        param(
            "lkv.rate_per_hour",
            "Loonkostenvoordeel doelgroep banenafspraak per verloond uur",
            "EUR/h",
            DEC,
            row(2012, D("1.01"), ref("Wtl", "2.13", "2018-01-01"), "D", _WTL_FIRST),
            row(2018, D("1.01"), ref("Wtl", "2.13", "2018-01-01"), "V"),
            row(2026, D("1.01"), ref("Wtl", "2.13", "2026-01-01"), "V"),
        )
    )
    add(
        param(
            "lkv.cap_per_employee_year",
            "LKV at most per employee per year",
            "EUR",
            DEC,
            row(2012, D(2000), ref("Wtl", "2.13", "2018-01-01"), "D", _WTL_FIRST),
            row(2018, D(2000), ref("Wtl", "2.13", "2018-01-01"), "V"),
            row(2026, D(2000), ref("Wtl", "2.13", "2026-01-01"), "V"),
        )
    )
    add(
        param(
            "lkv.max_years",
            "LKV runs at most this many years from the start of employment (none: no limit)",
            "years",
            ODEC,
            row(2012, D(3), ref("Wtl", "2.12(1)", "2018-01-01"), "D", _WTL_FIRST),
            row(2018, D(3), ref("Wtl", "2.12(1)", "2018-01-01"), "V"),
            row(
                2026,
                None,
                ref("Wtl", "2.12(1)", "2026-01-01"),
                "V",
                "as long as the employment lasts; 6.2(1)(b) gives this to an LKV begun earlier",
            ),
        )
    )
    add(
        param(
            "lkv.declaration_required",
            "LKV needs a doelgroepverklaring",
            "",
            BOOL,
            row(2012, True, ref("Wtl", "2.10(1)(c), 2.11", "2018-01-01"), "D", _WTL_FIRST),
            row(2018, True, ref("Wtl", "2.10(1)(c), 2.11", "2018-01-01"), "V"),
            row(
                2026,
                False,
                ref("Wtl", "2.10(1)", "2026-01-01"),
                "V",
                "the test is the pay period's registration; art. 2.11 is repealed, and 6.2(2),(3) "
                "keep the declaration only for employments begun before the change",
            ),
        )
    )
    add(
        param(
            "lkv.excludes_seconded_wsw",
            "The LKV leaves out a seconded Wsw worker (and beschut werk), not only Wsw work "
            "without secondment",
            "",
            BOOL,
            row(2012, True, ref("Wtl", "2.10(2)(b)", "2018-01-01"), "D", _WTL_FIRST),
            row(2018, True, ref("Wtl", "2.10(2)(b)", "2018-01-01"), "V"),
            row(
                2025,
                True,
                ref("Wtl", "2.10(2)(b)", "2025-01-01"),
                "V",
                "beschut werk is Participatiewet 10b(1), where the earlier texts said 10b(3)",
            ),
            row(2026, False, ref("Wtl", "2.10(2)(b)", "2026-01-01"), "V"),
        )
    )
    add(
        param(
            "lkv.declaration_held",
            "Before 2026: the employer holds the doelgroepverklaring the LKV needs "
            "(requested within three months of the start of employment)",
            "",
            BOOL,
            row(
                2012,
                True,
                ref("Wtl", "2.10(1)(c), 2.11", "2018-01-01"),
                "U",
                "assumed: the scenario does not record declarations",
            ),
        )
    )
    return p
