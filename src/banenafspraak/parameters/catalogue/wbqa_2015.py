"""The catalogue's rows of the 2015 law: the quotum, its levy and its activation.

The Wet banenafspraak en quotum arbeidsbeperkten (wbqa-2015): the size threshold and the
quotumheffing (Wfsv 34, 122na), the variables A-H of the quotumpercentage formula (Wfsv 38f) and of
the employer's jobs (38g), the published percentages, the activation per sector and the inleen
rules (Besluit Wfsv 2.27-2.33).
"""

from __future__ import annotations

from banenafspraak.parameters.catalogue.rows import (
    BOOL,
    DEC,
    ODEC,
    D,
    param,
    ref,
    row,
    yearly,
)
from banenafspraak.parameters.model import Parameter

_B_WFSV_2018 = ref("Besluit Wfsv", "2.32", "2018-01-01")
_R_WFSV_335 = ref("Regeling Wfsv", "3.35", "2024-01-01")
_STCRT_2017 = ref(
    "Regeling quotumpercentage 2018",
    source="Stcrt. 2017, 60073, https://zoek.officielebekendmakingen.nl/stcrt-2017-60073.html",
)
_NULMETING = ref(
    "Nulmeting banenafspraak",
    source="AWVN 22-12-2014; SZW via quotumwet.nl/berekening-quotumheffing",
)

_D_NOT_FOUND = (
    "set by ministerial regulation (art. 2.23(1)); the value was not found: the nulmeting average"
)
_G_2018 = ref("Besluit Wfsv", "2.32(d)", "2018-01-01")
_G_FIRST = (
    "Besluit Wfsv 2.32 enters the text on 2018-01-01 (F is 0 before 2017): an earlier year reads "
    "its first text"
)


def quotum() -> list[Parameter]:
    """The 2015 quotum: its threshold, levy, formula variables, percentages and activation."""
    p: list[Parameter] = []
    add = p.append
    add(
        param(
            "quotum.threshold_hours",
            "Size threshold: 25 x the average verloonde uren (Wfsv 34(4),(6))",
            "h/year",
            DEC,
            row(2012, D(40575), ref("Besluit Wfsv", "2.21", "2015-05-01"), "V"),
            row(2017, D(40575), ref("Besluit Wfsv", "2.21", "2017-01-01"), "V"),
        )
    )
    add(
        param(
            "quotum.levy_per_missing_job",
            "Quotumheffing per missing job",
            "EUR",
            DEC,
            row("2015-05-01", D(5000), ref("Wfsv", "38h(4)", "2015-05-01"), "V"),
        )
    )
    add(
        param(
            "quotum.employer_d",
            "Variable D of 38g: average verloonde uren of arbeidsbeperkten",
            "h/year",
            DEC,
            row(2012, D(1331), ref("Besluit Wfsv", "2.23(1)", "2015-05-01"), "U", _D_NOT_FOUND),
            row(2017, D(1331), ref("Besluit Wfsv", "2.23(1)", "2017-01-01"), "U", _D_NOT_FOUND),
        )
    )
    add(
        param(
            "quotum.a.government",
            "Variable A of 38f: nulmeting jobs at liable employers",
            "jobs",
            DEC,
            row(2012, D(13504), _R_WFSV_335, "V"),
        )
    )
    add(
        param(
            "quotum.a.market",
            "Variable A of 38f: nulmeting jobs at liable employers",
            "jobs",
            DEC,
            row(2012, D(35927), _R_WFSV_335, "V"),
        )
    )
    add(
        yearly(
            "quotum.b.government",
            "Variable B of 38f: extra jobs to realise",
            "jobs",
            DEC,
            {
                2017: D(8750),
                2018: D(11250),
                2019: D(13750),
                2020: D(16250),
                2021: D(18750),
                2022: D(21250),
                2023: D(23750),
                2024: D(25000),
            },
            _R_WFSV_335,
            "V",
        )
    )
    add(
        yearly(
            "quotum.b.market",
            "Variable B of 38f: extra jobs to realise",
            "jobs",
            DEC,
            {
                2017: D(19500),
                2018: D(27000),
                2019: D(35500),
                2020: D(45000),
                2021: D(55000),
                2022: D(65000),
                2023: D(75000),
                2024: D(85000),
                2025: D(95000),
                2026: D(100000),
            },
            _R_WFSV_335,
            "V",
            tags={2022: "U", 2023: "U", 2024: "U", 2025: "U", 2026: "U"},
            note="2022 and later follow the t-1 plus half-increment pattern (D/U)",
        )
    )
    add(
        param(
            "quotum.c",
            "Variable C of 38f: average verloonde uren of arbeidsbeperkten",
            "h/year",
            DEC,
            row(2012, D(1331), _NULMETING, "S"),
        )
    )
    add(
        param(
            "quotum.d.government",
            "Variable D of 38f: total jobs at liable employers",
            "jobs",
            ODEC,
            row(2012, None, _STCRT_2017, "U", "not published before 2018"),
            row(2018, D("1073426.07"), _STCRT_2017, "V"),
            row(2019, None, _STCRT_2017, "U", "not published: D is a figure of one year"),
        )
    )
    add(
        param(
            "quotum.d.market",
            "Variable D of 38f: total jobs at liable employers",
            "jobs",
            ODEC,
            row(2012, None, _R_WFSV_335, "U", "not found"),
        )
    )
    add(
        param(
            "quotum.e",
            "Variable E of 38f: average verloonde uren per employee",
            "h/year",
            DEC,
            row(
                2012,
                D(1623),
                ref("Besluit Wfsv", "2.20", "2015-05-01"),
                "D",
                "consistent with the published 2018 percentage",
            ),
            row(
                2017,
                D(1623),
                ref("Besluit Wfsv", "2.20", "2017-01-01"),
                "D",
                "consistent with the published 2018 percentage",
            ),
        )
    )
    add(
        yearly(
            "quotum.f.government",
            "Variable F of 38f: number of 38b(2) arbeidsbeperkten",
            "persons",
            DEC,
            {
                2012: D(0),
                2017: D(256),
                2018: D(534),
                2019: D(811),
                2020: D(1089),
                2021: D(1367),
                2022: D(1644),
                2023: D(1922),
            },
            _B_WFSV_2018,
            "V",
            tags={2012: "D"},
        )
    )
    add(
        yearly(
            "quotum.f.market",
            "Variable F of 38f: number of 38b(2) arbeidsbeperkten",
            "persons",
            DEC,
            {
                2012: D(0),
                2017: D(744),
                2018: D(1348),
                2019: D(1953),
                2020: D(2557),
                2021: D(3161),
                2022: D(3766),
                2023: D(4370),
                2024: D(4974),
                2025: D(5578),
            },
            _B_WFSV_2018,
            "V",
            tags={2012: "D"},
        )
    )
    add(
        param(
            "quotum.g",
            "Variable G of 38f: average verloonde uren of 38b(2) people",
            "h/year",
            DEC,
            row(2012, D(1331), _G_2018, "D", _G_FIRST),
            row(2018, D(1331), _G_2018, "V"),
            row(2020, D(1331), ref("Besluit Wfsv", "2.32(d)", "2020-01-01"), "V"),
            row(2022, D(1331), ref("Besluit Wfsv", "2.32(d)", "2022-01-01"), "V"),
        )
    )
    add(
        param(
            "quotum.percentage.government",
            "Published quotumpercentage (Wfsv 38f(1))",
            "%",
            ODEC,
            row(2012, None, _STCRT_2017, "U", "not published: computed from A-G"),
            row(2018, D("1.93"), _STCRT_2017, "V"),
            row(2019, None, _STCRT_2017, "U", "not found: computed from A-G"),
            row(2024, D("2.76"), ref("UWV FAQ quotumpercentage", source="uwv.nl"), "S"),
            row(2025, None, _STCRT_2017, "U", "not found: computed from A-G"),
        )
    )
    add(
        param(
            "quotum.percentage.market",
            "Published quotumpercentage (Wfsv 38f(1))",
            "%",
            ODEC,
            row(2012, None, _R_WFSV_335, "U", "never published: computed from A-G"),
        )
    )
    activation = ref(
        "Regeling activering quotum overheid", source="Stcrt. 2017, 60073; kst-34352-65"
    )
    add(
        param(
            "quotum.active.government",
            "The quotum is activated for the government sector",
            "",
            BOOL,
            row(2012, False, ref("Wfsv", "122n(1)", "2015-05-01"), "V"),
            row(2018, True, activation, "V"),
        )
    )
    add(
        param(
            "quotum.active.market",
            "The quotum is activated for the market sector",
            "",
            BOOL,
            row(
                2012,
                False,
                ref("Wfsv", "122n(1)", "2015-05-01"),
                "S",
                "never activated as far as the sources show",
            ),
        )
    )
    add(
        param(
            "quotum.inleen_rules",
            "Inleen rules of the quotum apply: crediting to the hirer, "
            "lenders' deductions (Besluit Wfsv 2.27-2.33)",
            "",
            BOOL,
            row(
                2012,
                False,
                ref("Wfsv", "38g(4)", "2015-05-01"),
                "D",
                "before 2018 placed workers stay with the legal employer",
            ),
            row(2018, True, ref("Besluit Wfsv", "2.28", "2018-01-01"), "V"),
        )
    )
    add(
        param(
            "quotum.formula_with_h",
            "The quotumpercentage formula of Wfsv 38f(2) includes variable H (realised extra jobs "
            "at liable employers); the statute prints the formula as an image, so the library "
            "computes a percentage only under the earlier text and otherwise needs it published",
            "",
            BOOL,
            row(2012, False, ref("Wfsv", "38f(2)", "2019-06-20"), "V", "variables A-G"),
            row(2020, True, ref("Wfsv", "38f(2)", "2020-01-01"), "V", "variable H added"),
        )
    )
    for sector in ("government", "market"):
        add(
            param(
                f"quotum.h.{sector}",
                "Variable H of 38f(2): realised extra jobs at liable employers (from the 2020 "
                "text; the formula it enters is not reconstructed)",
                "jobs",
                ODEC,
                row(2012, None, ref("Wfsv", "38f(2)", "2020-01-01"), "U", "not published"),
            )
        )
    return p
