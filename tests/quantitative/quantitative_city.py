"""A small city for the quantitative tests: six equal districts in one region, a monitor whose
word makes the map, and helpers that record claims through the services."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from districts.models import District, Region
from quantitative.models import QuantitativeClaim
from quantitative.services import quantitative_claim_record
from sources.models import Document, Source
from tests.factories import (
    DistrictFactory,
    DocumentFactory,
    RegionFactory,
    SourceFactory,
    actor,
    square,
)
from tracker import services
from tracker.models import Claim

D = datetime.date
BEFORE = D(2016, 11, 1)  # the monitor: rebels hold all six
TAKEN = D(2016, 12, 2)  # the monitor: the army took three of them
WINDOW = (D(2016, 12, 1), D(2016, 12, 3))  # the default window of a quantitative claim


@dataclass
class City:
    region: Region
    districts: list[District]
    sources: dict[str, Source] = field(default_factory=dict)
    documents: dict[str, Document] = field(default_factory=dict)

    def source(self, slug: str, stance: str = "independent", side: str | None = None) -> Source:
        if slug not in self.sources:
            self.sources[slug] = SourceFactory(
                slug=slug,
                name=slug.replace("-", " ").title(),
                stance=stance,
                actor=actor(side) if side else None,
            )
            self.documents[slug] = DocumentFactory(
                source=self.sources[slug],
                citation=f"https://example.org/{slug}/1",
                url=f"https://example.org/{slug}/1",
            )
        return self.sources[slug]

    def claim(self, slug: str, district: District, who: str, day: datetime.date, **kw) -> Claim:
        """Record a district claim by source `slug` through the service, as the admin does."""
        self.source(slug)
        contested = who == "contested"
        return services.claim_record(
            document=self.documents[slug],
            source=self.sources[slug],
            district=district,
            place_name=district.name_en,
            status="contested" if contested else "held",
            actor=None if contested else actor(who),
            kind="contested" if contested else "captured",
            effective_from=day,
            **kw,
        )

    def number(
        self,
        slug: str,
        measure: str,
        value: float,
        *,
        who: str = "government",
        bound: str = "exact",
        date_from: datetime.date = WINDOW[0],
        date_to: datetime.date = WINDOW[1],
        region: Region | None = None,
        **kw,
    ) -> QuantitativeClaim:
        """Record a quantitative claim by source `slug` through the service."""
        self.source(slug)
        return quantitative_claim_record(
            document=self.documents[slug],
            source=self.sources[slug],
            actor=actor(who),
            region=region or self.region,
            measure=measure,
            value=value,
            bound=bound,
            date_from=date_from,
            date_to=date_to,
            **kw,
        )


def city_build(taken: int = 3) -> City:
    """Six equal districts in region `old-town`: all rebel-held per the monitor on 1 November,
    `taken` of them government-held from 2 December."""
    districts = [
        DistrictFactory(slug=f"quarter-{i}", name_en=f"Quarter {i}", geom=square(i, 0))
        for i in range(6)
    ]
    region = RegionFactory(slug="old-town", name_en="Old Town")
    region.districts.set(districts)
    city = City(region=region, districts=districts)
    city.source("monitor")
    for district in districts:
        city.claim("monitor", district, "rebels", BEFORE)
    for district in districts[:taken]:
        city.claim("monitor", district, "government", TAKEN)
    return city
