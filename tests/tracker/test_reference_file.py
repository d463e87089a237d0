"""The reference assessment (tracker/data/reference_expanded/) is fit to measure with: every row names a place the importer maps, a side the engine knows, and its evidence, and no
document it cites is also used as a claim."""

import csv
import glob
from pathlib import Path

import pytest
from django.conf import settings

from districts.selectors import gazetteer_load
from districts.services import aliases_import, districts_import, regions_import
from tracker.demo import DEMO_ALIASES, DEMO_DISTRICTS, DEMO_REGIONS

DATA = Path(settings.BASE_DIR) / "tracker" / "data"
REFERENCE = DATA / "reference_expanded" / "aleppo_reference_expanded.csv"
COLUMNS = ["date", "district", "controller", "extent", "confidence"]
CONTROLLERS = {"government", "rebels", "kurdish_ypg", "isis", "nusra", "contested"}


def reference_rows():
    with REFERENCE.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def test_the_reference_has_the_columns_compare_reference_reads_and_valid_values():
    rows = reference_rows()
    assert rows and list(rows[0])[:5] == COLUMNS
    for n, row in enumerate(rows, start=2):
        assert row["controller"] in CONTROLLERS, f"line {n}: controller {row['controller']!r}"
        assert row["extent"] in {"all", "most", "part", "unclear"}, f"line {n}"
        assert row["confidence"] in {"high", "medium", "low"}, f"line {n}"
        assert row["basis"] in {"statement", "report", "assessment", "evidence"}, f"line {n}"
        assert row["citation"].startswith("http"), f"line {n}: give the address of the copy read"
        assert 0 < len(row["quote"]) <= 200, f"line {n}: quote of 1-200 characters"


@pytest.mark.django_db
def test_every_reference_place_is_mapped_by_name_and_a_district_day_has_one_row_per_holder():
    districts_import(DEMO_DISTRICTS)
    regions_import(DEMO_REGIONS)
    aliases_import(DEMO_ALIASES)
    gazetteer = gazetteer_load()
    holders: dict[tuple[str, str], list[str]] = {}
    for n, row in enumerate(reference_rows(), start=2):
        resolution = gazetteer.resolve(row["district"])
        assert resolution.is_mapped and not resolution.by_skeleton, (
            f"line {n}: {row['district']!r} is not an exact name or alias; use the polygon's "
            "name_en or add the spelling to districts/data/aleppo_aliases.csv"
        )
        for district in resolution.districts:
            holders.setdefault((row["date"], district.slug), []).append(row["controller"])
    repeated = {key: sides for key, sides in holders.items() if len(sides) != len(set(sides))}
    assert not repeated, f"the same holder twice on one district-day: {repeated}"


def test_no_document_of_the_reference_is_used_as_a_claim():
    cited = {row["citation"] for row in reference_rows()}
    claim_files = sorted(glob.glob(str(DATA / "*.csv")) + glob.glob(str(DATA / "record" / "*.csv")))
    shared = set()
    for path in claim_files:
        with open(path, encoding="utf-8", newline="") as f:
            shared |= {(Path(path).name, r.get("citation")) for r in csv.DictReader(f)} & {
                (Path(path).name, c) for c in cited
            }
    assert not shared, (
        f"these documents are both claims and reference evidence: {sorted(shared)}; cite another "
        "document for the claim, or drop the reference rows that cite it "
        "(tracker/data/reference_expanded/README.md)"
    )
