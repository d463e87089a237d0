"""The reference assessment in tracker/data/reference/ is fit to measure the engine with: its
values are the ones compare_reference reads, every place is an exact name or alias, a district-day
names each holder once, and no document it cites is also cited by the claims."""

import csv
import glob
from pathlib import Path

import pytest
from django.conf import settings

from districts.name_import import aliases_import, regions_import
from districts.polygon_import import districts_import
from districts.selectors import gazetteer_load
from tracker.demo import DEMO_ALIASES, DEMO_DISTRICTS, DEMO_REGIONS
from tracker.measure import reference_read

DATA = Path(settings.BASE_DIR) / "tracker" / "data"
REFERENCE = DATA / "reference" / "aleppo_reference.csv"
HEADER = "date,district,controller,extent,confidence,basis,citation,quote,notes"


def reference_rows() -> list[dict[str, str]]:
    with REFERENCE.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def test_the_reference_has_the_stated_header_and_valid_values():
    assert REFERENCE.read_text(encoding="utf-8").splitlines()[0] == HEADER
    for n, row in enumerate(reference_rows(), start=2):
        assert row["controller"] in {
            "government",
            "rebels",
            "kurdish_ypg",
            "isis",
            "nusra",
            "contested",
        }, n
        assert row["extent"] in {"all", "most", "part", "unclear"}, n
        assert row["confidence"] in {"high", "medium", "low"}, n
        assert row["basis"] in {"report", "assessment"}, n
        assert row["citation"].startswith("http"), f"line {n}: give the address of the copy read"
        assert 0 < len(row["quote"]) <= 200, f"line {n}: a verbatim quote of 1-200 characters"
        assert "..." not in row["quote"] and "…" not in row["quote"], f"line {n}: no ellipses"
        assert row["notes"], f"line {n}: say how the checkpoint state was derived"


@pytest.mark.django_db
def test_every_place_is_an_exact_name_and_each_holder_is_named_once_per_district_day():
    districts_import(DEMO_DISTRICTS)
    regions_import(DEMO_REGIONS)
    aliases_import(DEMO_ALIASES)
    gazetteer = gazetteer_load()
    said: dict[tuple[str, str], list[tuple[int, str]]] = {}
    for n, row in enumerate(reference_rows(), start=2):
        resolution = gazetteer.resolve(row["district"])
        for district in resolution.districts:
            key = (row["date"], district.slug)
            said.setdefault(key, []).append((len(resolution.districts), row["controller"]))
        assert resolution.is_mapped and not resolution.by_skeleton, (
            f"line {n}: {row['district']!r} is not an exact name or alias; use the polygon's "
            "name_en, a region name or a spelling in districts/data/aleppo_aliases.csv"
        )
    for key, rows in said.items():
        specific = min(size for size, _ in rows)
        holders = [controller for size, controller in rows if size == specific]
        assert len(holders) == len(set(holders)), f"{key}: the same holder twice: {holders}"
    entries = reference_read(REFERENCE)
    assert len({entry.day for entry in entries}) >= 20
    assert len(entries) > 2000
    hanano = {str(e.day): e.holders for e in entries if e.district == "hanano"}
    assert hanano["2016-11-20"] == {"rebels": "all"}
    assert hanano["2016-11-27"] == {"government": "all"}


def test_no_document_of_the_reference_is_cited_by_a_claim_file():
    cited = {row["citation"] for row in reference_rows()}
    claim_files = sorted(glob.glob(str(DATA / "*.csv")) + glob.glob(str(DATA / "record" / "*.csv")))
    shared = set()
    for path in claim_files:
        text = Path(path).read_text(encoding="utf-8")
        shared |= {(Path(path).name, c) for c in cited if c in text}
    assert not shared, (
        f"these documents are both claims and reference evidence: {sorted(shared)}; cite another "
        "document for the claim, or drop the reference rows that cite it "
        "(tracker/data/reference/README.md lists the reference's documents)"
    )
