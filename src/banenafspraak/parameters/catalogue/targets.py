"""The catalogue's rows of the monitoring: the targets, the baselines and who counts.

The cumulative targets of the Sociaal akkoord 2013 per sector, the SEO key that places lent-out
hours at a hirer's sector, whether 38b(2) people count in the 2015 monitoring (Wfsv 122n), and the
user-supplied targets and baselines (nulmeting) of the government sub-sectors.
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
from banenafspraak.sectors import Subsector

_TARGETS = ref(
    "Sociaal akkoord 2013 targets",
    source="UWV and SZW result publications, wbqa-2015 spec §6 and §8",
)
_SEO = ref(
    "SEO verdeelsleutel inleen",
    source="SEO Economisch Onderzoek, verdeling detacheringen en uitzendingen (spec §4.2)",
)

_SUBSECTORS = ref(
    "Sub-sector reporting of the banenafspraak",
    source="yearly progress letters to parliament and VSO sector tables (wbqa-2015 spec §5); "
    "Wet banenafspraak art. 4(4) (yearly report on government employers)",
)


def monitoring() -> list[Parameter]:
    """The targets per sector, the SEO key for hirers and who counts in the 2015 monitoring."""
    p: list[Parameter] = []
    add = p.append
    add(
        yearly(
            "target.market",
            "Cumulative extra jobs to realise by the end of the year",
            "jobs",
            DEC,
            {
                2012: D(0),
                2015: D(6000),
                2016: D(14000),
                2017: D(23000),
                2018: D(31000),
                2019: D(40000),
                2020: D(50000),
                2021: D(60000),
                2022: D(70000),
                2023: D(80000),
                2024: D(90000),
                2025: D(100000),
            },
            _TARGETS,
            "S",
            tags={2012: "D", 2024: "U"},
        )
    )
    add(
        yearly(
            "target.government",
            "Cumulative extra jobs to realise by the end of the year",
            "jobs",
            DEC,
            {
                2012: D(0),
                2015: D(3000),
                2016: D(6500),
                2017: D(10000),
                2018: D(12500),
                2019: D(15000),
                2020: D(17500),
                2021: D(20000),
                2022: D(22500),
                2023: D(25000),
            },
            _TARGETS,
            "S",
            tags={2012: "D"},
        )
    )
    add(
        param(
            "inleen.government_share",
            "Share of lent-out hours worked at government hirers (SEO key), used when the "
            "hirer is not known",
            "fraction",
            DEC,
            row("2012-12-01", D("0.24"), _SEO, "S", "December 2012"),
            row("2016-12-01", D("0.278"), _SEO, "S", "December 2016"),
            row("2020-12-01", D("0.337"), _SEO, "S", "December 2020"),
        )
    )
    add(
        param(
            "monitoring.young_disabled_counts",
            "38b(2) people count in the 2015 monitoring (not only for the quotum)",
            "",
            BOOL,
            row(
                2012,
                False,
                ref("Wfsv", "38b(2), 122n(1)", "2015-05-01"),
                "V",
                "122n(1) (2015-2019 texts) monitors 38b(1) people only; the row also serves "
                "the nulmeting of 2013-01-01",
            ),
            row(
                "2020-01-01",
                True,
                ref("Wfsv", "122n(1),(2)", "2020-01-01"),
                "V",
                "122n (2020 text) names 38b, first, second and sixth paragraph",
            ),
        )
    )
    return p


def subsectors() -> list[Parameter]:
    """The user-supplied target and baseline of each government sub-sector."""
    p: list[Parameter] = []
    add = p.append
    for subsector in Subsector:
        add(
            param(
                f"target.subsector.{subsector.value}",
                f"Cumulative extra jobs sub-sector {subsector.value} is to realise by the end "
                "of the year (none: no target)",
                "jobs",
                ODEC,
                row(
                    2012,
                    None,
                    _SUBSECTORS,
                    "U",
                    "user-supplied: sub-sector targets are not legally binding and no full "
                    "table was found",
                ),
            )
        )
        add(
            param(
                f"baseline.subsector.{subsector.value}",
                f"Jobs of sub-sector {subsector.value} at the baseline date (nulmeting)",
                "jobs",
                DEC,
                row(
                    2012,
                    D(0),
                    _SUBSECTORS,
                    "U",
                    "user-supplied: no published sub-sector nulmeting was found; 0 makes "
                    "extra jobs equal realised jobs",
                ),
            )
        )
    return p
