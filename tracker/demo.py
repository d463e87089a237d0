"""The Aleppo demo data set: districts, regions, curated spellings and claims, loaded in order."""

from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db import transaction

from districts.services import (
    DistrictImportReport,
    NamesImportReport,
    aliases_import,
    districts_import,
    regions_import,
)
from tracker.imports import ClaimImportReport, claims_import
from tracker.quantitative_imports import QuantitativeImportReport, quantitative_claims_import

DISTRICTS_DATA = Path(settings.BASE_DIR) / "districts" / "data"
DEMO_DISTRICTS = DISTRICTS_DATA / "aleppo_districts.geojson"
DEMO_REGIONS = DISTRICTS_DATA / "aleppo_regions.csv"
DEMO_ALIASES = DISTRICTS_DATA / "aleppo_aliases.csv"
DEMO_CLAIMS = Path(settings.BASE_DIR) / "tracker" / "data" / "aleppo_claims_demo.csv"
# The sourced record, one file per span of the battle, loaded after the hand-off's claims.
DEMO_RECORD = Path(settings.BASE_DIR) / "tracker" / "data" / "record"
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
        )


def demo_record_files() -> list[Path]:
    """Return the record's claim files (`tracker/data/record/*.csv`) in name order."""
    return sorted(DEMO_RECORD.glob("*.csv"))


@transaction.atomic
def demo_load() -> DemoLoadReport:
    """Load the Aleppo demo: polygons, then regions and curated spellings, then the claims,
    then the quantitative claims.

    The order matters: regions list districts, spellings point at districts and regions,
    claims are matched through the spellings, and quantitative claims name regions. Every
    step is idempotent, so loading twice changes nothing.
    """
    return DemoLoadReport(
        districts=districts_import(DEMO_DISTRICTS),
        regions=regions_import(DEMO_REGIONS),
        aliases=aliases_import(DEMO_ALIASES),
        claims=claims_import(DEMO_CLAIMS),
        record=[claims_import(path) for path in demo_record_files()],
        quantitative=quantitative_claims_import(DEMO_QUANTITATIVE),
    )
