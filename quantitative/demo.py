"""Load the whole Aleppo demo, in order: `python manage.py load_demo`.

The loader lives in the top app layer because it runs every app's import: the claims core's
(districts, regions, spellings, claims, the sourced record, the source cleanup) and this app's
quantitative claims, which come after the claims (they name regions) and before the cleanup
(which merges the sources they created too). The claims core never imports this app.
"""

from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db import transaction

from districts.name_import import NamesImportReport, aliases_import, regions_import
from districts.polygon_import import DistrictImportReport, districts_import
from quantitative.imports import QuantitativeImportReport, quantitative_claims_import
from tracker.demo import (
    DEMO_ALIASES,
    DEMO_CLAIMS,
    DEMO_DISTRICTS,
    DEMO_REGIONS,
    DEMO_SOURCE_CLEANUP,
    demo_record_files,
)
from tracker.imports import ClaimImportReport, claims_import
from tracker.source_cleanup import SourceCleanupReport, sources_cleanup

DEMO_QUANTITATIVE = (
    Path(settings.BASE_DIR) / "tracker" / "data" / "aleppo_aggregate_claims_demo.csv"
)


@dataclass
class DemoLoadReport:
    districts: DistrictImportReport
    regions: NamesImportReport
    aliases: NamesImportReport
    claims: ClaimImportReport
    record: list[ClaimImportReport]
    quantitative: QuantitativeImportReport
    sources: SourceCleanupReport

    @property
    def changed(self) -> bool:
        return bool(
            self.districts.created
            or self.districts.updated
            or self.districts.aliases_created
            or self.regions.changed
            or self.aliases.changed
            or self.claims.claims_created
            or any(r.claims_created for r in self.record)
            or self.quantitative.claims_created
            or self.sources.changed
        )


@transaction.atomic
def demo_load() -> DemoLoadReport:
    """Load the Aleppo demo: polygons, then regions and curated spellings, then the claims,
    then the quantitative claims, then the cleanup of their sources.

    The order matters: regions list districts, spellings point at districts and regions,
    claims are matched through the spellings, quantitative claims name regions, and the
    cleanup (`tracker/data/source_cleanup.csv`) merges the sources the claims created into
    one per originator and fixes their stances, through `sources_merge` and `source_update`.
    Every step is idempotent, so loading twice changes nothing.
    """
    return DemoLoadReport(
        districts=districts_import(DEMO_DISTRICTS),
        regions=regions_import(DEMO_REGIONS),
        aliases=aliases_import(DEMO_ALIASES),
        claims=claims_import(DEMO_CLAIMS),
        record=[claims_import(path) for path in demo_record_files()],
        quantitative=quantitative_claims_import(DEMO_QUANTITATIVE),
        sources=sources_cleanup(DEMO_SOURCE_CLEANUP),
    )
