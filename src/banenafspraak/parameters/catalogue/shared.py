"""The catalogue's rows that every law shares: the job unit, the register and the AOW age.

The job unit (a baan of 25.5 hours a week) and the register of the doelgroep (Besluit SUWI art. 3.2
by text version; Wfsv art. 38b(6)) serve the 2015 law and the 2025 law alike; the AOW age (AOW art.
7a) ends a registration and a person's counting under both.
"""

from __future__ import annotations

import pendulum

from banenafspraak.parameters.catalogue.rows import (
    BOOL,
    DATE,
    DEC,
    INT,
    D,
    param,
    ref,
    row,
)
from banenafspraak.parameters.model import Parameter
from banenafspraak.references import LegalReference

_SUWI_2016 = ref("Besluit SUWI", "3.2(2)", "2016-01-01")
_SUWI_2018 = ref("Besluit SUWI", "3.2(8)", "2018-01-01")
_SUWI_2020 = ref("Besluit SUWI", "3.2(2)", "2020-01-01")
_SUWI_FINDING = ref("Besluit SUWI", "3.2(5)", "2016-06-18")
_SUWI_2020_REQUEST = ref("Besluit SUWI", "3.2(4),(5)", "2020-01-01")
_AOW_7A = ref("AOW", "7a(1)", "2020-01-01")
_AOW_SVB = ref(
    "AOW-leeftijd (pensioengerechtigde leeftijd) table",
    source="SVB, https://www.svb.nl/nl/aow/aow-leeftijd/uw-aow-leeftijd; AOW art. 7a(1) and the "
    "yearly regulations fixing the age five years ahead (Stcrt.)",
)
_AOW_AGE_ROWS: tuple[tuple[str, int, LegalReference, str, str], ...] = (
    ("1957-01-01", 65 * 12, ref("AOW", "7", "2012-01-01"), "S", "65 years"),
    ("2013-01-01", 65 * 12 + 1, _AOW_SVB, "S", "65 years and 1 month"),
    ("2014-01-01", 65 * 12 + 2, _AOW_SVB, "S", "65 years and 2 months"),
    ("2015-01-01", 65 * 12 + 3, _AOW_SVB, "S", "65 years and 3 months"),
    ("2016-01-01", 65 * 12 + 6, _AOW_SVB, "S", "65 years and 6 months"),
    ("2017-01-01", 65 * 12 + 9, _AOW_SVB, "S", "65 years and 9 months"),
    ("2018-01-01", 66 * 12, _AOW_SVB, "S", "66 years"),
    ("2019-01-01", 66 * 12 + 4, _AOW_7A, "S", "66 years and 4 months (2019-2021)"),
    ("2022-01-01", 66 * 12 + 7, _AOW_7A, "S", "66 years and 7 months"),
    ("2023-01-01", 66 * 12 + 10, _AOW_7A, "S", "66 years and 10 months"),
    ("2024-01-01", 67 * 12, _AOW_7A, "S", "67 years (2024-2027)"),
    ("2028-01-01", 67 * 12 + 3, _AOW_SVB, "S", "67 years and 3 months (2028-2030)"),
    (
        "2031-01-01",
        67 * 12 + 3,
        _AOW_SVB,
        "U",
        "not yet fixed when read: the 2030 value carried forward",
    ),
)


def job_unit() -> list[Parameter]:
    """The job unit (baan) and the hours behind it, shared by every rule set."""
    p: list[Parameter] = []
    add = p.append
    add(
        param(
            "job.hours_per_year",
            "Verloonde uren of one job (baan) per year",
            "h/year",
            DEC,
            row(
                2012,
                D(1331),
                ref("Besluit Wfsv", "2.32(d)", "2018-01-01"),
                "S",
                "nulmeting: 87,220,443 h / 65,509 relations = 1,331.4 h",
            ),
        )
    )
    add(
        param(
            "job.hours_per_week",
            "Verloonde uren of one job per week",
            "h/week",
            DEC,
            row(2012, D("25.5"), ref("werkgeverslijn.nl FAQ", source="spec §2"), "S"),
        )
    )
    add(
        param(
            "employee.average_hours_per_year",
            "Average verloonde uren per employee in the Netherlands",
            "h/year",
            DEC,
            row(2012, D(1623), ref("Besluit Wfsv", "2.20", "2015-05-01"), "V"),
            row(2017, D(1623), ref("Besluit Wfsv", "2.20", "2017-01-01"), "V"),
        )
    )
    return p


def register() -> list[Parameter]:
    """The register's parameters (Besluit SUWI art. 3.2 by text version; AOW art. 7a)."""
    p: list[Parameter] = []
    add = p.append
    # Each row starts on the day its text took effect. Before 2015-05-01 (the nulmeting of
    # 2013-01-01) the register rules read the first row (rulesets.common, D).
    add(
        param(
            "registration.years_after_ceasing",
            "A registration ends on 31 December of this many years after the conditions "
            "ceased (t+2), while the t+2 texts are in force",
            "years",
            INT,
            row(
                "2015-05-01",
                2,
                _SUWI_2016,
                "V",
                "read in the 2016-01-01 text; the 2015 texts were not read (start: D)",
            ),
        )
    )
    add(
        param(
            "registration.suspension_applies",
            "The t+2 suspension of Besluit SUWI 3.2(8) is in force",
            "",
            BOOL,
            row("2015-05-01", False, _SUWI_2016, "V", "the 2016 text has no suspension"),
            row("2018-01-01", True, _SUWI_2018, "V", "not in the 2017-10-01 text"),
        )
    )
    add(
        param(
            "registration.suspension_ceased_before",
            "The suspension covers conditions that ceased before this date",
            "date",
            DATE,
            row("2018-01-01", pendulum.Date(2026, 1, 1), _SUWI_2018, "V"),
        )
    )
    add(
        param(
            "registration.suspension_ends_on",
            "Registrations under the suspension end on this date",
            "date",
            DATE,
            row("2018-01-01", pendulum.Date(2028, 12, 31), _SUWI_2018, "V"),
        )
    )
    add(
        param(
            "registration.suspension_keeps_ended_the_day_before",
            "The suspension of Besluit SUWI 3.2(8) also keeps a registration that the t+2 rule "
            "ended on the day before the suspension took effect (31 December 2017)",
            "",
            BOOL,
            row(
                "2018-01-01",
                False,
                _SUWI_2018,
                "U",
                "3.2(8) reads 'would end': it applies to registrations still running on "
                "2018-01-01; no transitional provision of the amending decree keeping those "
                "ended on 2017-12-31 was found",
            ),
        )
    )
    add(
        param(
            "registration.finding_ends_2_25",
            "A beschut-werk finding ends a Besluit Wfsv 2.25 registration (amvb_indication) the "
            "next day (Besluit SUWI 3.2(5)), while the t+2 texts are in force",
            "",
            BOOL,
            row("2015-05-01", False, _SUWI_2016, "V", "the 2016-01-01 text has no such rule"),
            row("2016-06-18", True, _SUWI_FINDING, "V", "3.2(3)-(7) first in this text"),
        )
    )
    add(
        param(
            "registration.stays_under_38b6",
            "A registered person who no longer meets the conditions stays registered "
            "(Wfsv 38b(6)) until the AOW age or death; no t+2 end",
            "",
            BOOL,
            row("2015-05-01", False, _SUWI_2016, "V", "the t+2 texts"),
            row("2020-01-01", True, _SUWI_2020, "V", "also Wfsv 38b(6), 2020-01-01 text"),
        )
    )
    add(
        param(
            "registration.request_ends_not_before",
            "A registration ended at the person's request (Besluit SUWI 3.2(4)) ends no "
            "earlier than this date; not for a 38b(1)(f) registration (3.2(5))",
            "date",
            DATE,
            row("2020-01-01", pendulum.Date(2021, 1, 1), _SUWI_2020_REQUEST, "V"),
        )
    )
    add(
        param(
            "aow.pension_age_months",
            "The AOW pensioengerechtigde leeftijd in the calendar year, in months (AOW art. 7a(1))",
            "months",
            INT,
            *(
                row(start, months, ref, tag, note)
                for start, months, ref, tag, note in _AOW_AGE_ROWS
            ),
        )
    )
    return p
