"""The import bench (`bench/import_file.py`) at a tiny scale, on both databases, so it cannot rot
while `make bench` is not run: the file's rows all import, a re-import adds nothing, the
periods are recomputed, and on PostgreSQL the COPY floor loads every row."""

import csv
import statistics
from dataclasses import replace

import pytest
from django.db import connection

from bench.import_file import IMPORT, claims_file_write, import_measure, places_make
from districts.models import District
from tracker.imports import CLAIM_COLUMNS

pytestmark = pytest.mark.django_db


def test_the_bench_file_names_every_district_source_and_a_decade(tmp_path):
    scale = replace(IMPORT, districts=40, claims=3_000, sources=20)
    places = places_make(scale)
    path = tmp_path / "claims.csv"
    claims_file_write(path, scale, places)
    with path.open(encoding="utf-8") as data:
        rows = list(csv.DictReader(data))
    assert len(rows) == scale.claims and list(rows[0]) == list(CLAIM_COLUMNS)
    assert District.objects.count() == scale.districts
    assert {r["district_en"] for r in rows} == set(places)
    assert len({r["source_org"] for r in rows}) == scale.sources
    years = {r["date"][:4] for r in rows}
    assert len(years) == scale.years
    assert {r["date_precision"] for r in rows} == {"day", "week", "month"}
    assert {r["claimed_controller"] for r in rows} >= {"government", "rebels", "contested"}


def test_the_import_bench_imports_every_row_and_reimports_nothing():
    result = import_measure(runs=2, claims=600, districts=30)
    assert result["rows"] == 600 and len(result["import_s"]) == 2
    assert "Claims: 600 created, 0 already present." in result["summary"]
    assert result["periods"] > 0 and statistics.median(result["import_s"]) > 0
    assert len(result["floor_s"]) == (2 if connection.vendor == "postgresql" else 0)
