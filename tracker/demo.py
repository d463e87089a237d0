"""The Aleppo demo data set: districts, regions, curated spellings and claims.

The files live here; the loader that runs every step in order, the quantitative claims'
included, is `quantitative.demo.demo_load` (it sits above the claims core, which knows nothing
of quantitative claims)."""

from pathlib import Path

from django.conf import settings

DISTRICTS_DATA = Path(settings.BASE_DIR) / "districts" / "data"
DEMO_DISTRICTS = DISTRICTS_DATA / "aleppo_districts.geojson"
DEMO_REGIONS = DISTRICTS_DATA / "aleppo_regions.csv"
DEMO_ALIASES = DISTRICTS_DATA / "aleppo_aliases.csv"
DEMO_CLAIMS = Path(settings.BASE_DIR) / "tracker" / "data" / "aleppo_claims_demo.csv"
# The sourced record, one file per span of the battle, loaded after the hand-off's claims.
DEMO_RECORD = Path(settings.BASE_DIR) / "tracker" / "data" / "record"
# One source per originator: merges and stance fixes applied after the claims (README).
DEMO_SOURCE_CLEANUP = Path(settings.BASE_DIR) / "tracker" / "data" / "source_cleanup.csv"


def demo_record_files() -> list[Path]:
    """Return the record's claim files (`tracker/data/record/*.csv`) in name order."""
    return sorted(DEMO_RECORD.glob("*.csv"))
