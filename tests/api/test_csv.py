"""Claims as CSV: documented columns, every match in one file, formulas neutralised."""

import csv
import io

import pytest

from tests.api.conftest import public_claim_ids
from tracker.api.renderers import cell_neutralise
from tracker.api.serializers import CLAIM_CSV_COLUMNS

pytestmark = pytest.mark.django_db


def _rows(response):
    assert response.status_code == 200, response.content
    assert response["Content-Type"].startswith("text/csv")
    return list(csv.DictReader(io.StringIO(response.getvalue().decode("utf-8"))))


def test_csv_has_the_documented_columns_in_order(anon, world):
    response = anon.get("/api/v1/claims/?format=csv")
    header = next(csv.reader(io.StringIO(response.getvalue().decode())))
    assert header == CLAIM_CSV_COLUMNS
    schema = anon.get("/api/schema/?format=json").json()
    description = schema["paths"]["/api/v1/claims/"]["get"]["description"]
    assert ", ".join(CLAIM_CSV_COLUMNS) in description


def test_csv_holds_every_public_claim_unpaginated(anon, world):
    rows = _rows(anon.get("/api/v1/claims/?format=csv&page_size=1"))
    assert {int(r["id"]) for r in rows} == public_claim_ids(world)


def test_csv_respects_filters_and_accept_header(anon, world):
    rows = _rows(anon.get("/api/v1/claims/?district=hanano", HTTP_ACCEPT="text/csv"))
    assert {r["district"] for r in rows} == {"hanano"}


def test_csv_neutralises_cells_a_spreadsheet_would_run(anon, world):
    rows = {int(r["id"]): r for r in _rows(anon.get("/api/v1/claims/?format=csv"))}
    formula = rows[world.claims["hanano_army"].pk]["quote"]
    assert formula.startswith("'=HYPERLINK")
    assert rows[world.claims["shaar_rebels"].pk]["quote"] == "'-Our fighters hold al-Shaar"
    assert rows[world.claims["hanano_monitor"].pk]["quote"] == "Hanano fell to the army."


@pytest.mark.parametrize(
    ("value", "cell"),
    [
        ("=1+1", "'=1+1"),
        ("+1", "'+1"),
        ("-1", "'-1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("plain", "plain"),
        (None, ""),
        (True, "true"),
        (12, "12"),
    ],
)
def test_cell_neutralise(value, cell):
    assert cell_neutralise(value) == cell


def test_csv_unmapped_claim_has_an_empty_district(anon, world):
    rows = _rows(anon.get("/api/v1/claims/?format=csv&mapped=false"))
    assert [(r["district"], r["place_name"], r["mapped"]) for r in rows] == [
        ("", "Jabal Badro", "false")
    ]


def test_an_error_asked_for_as_csv_comes_back_as_json(anon, world):
    response = anon.get("/api/v1/claims/?format=csv&from=nope")
    assert response.status_code == 400
    assert response.json()["from"]


def test_csv_is_streamed_a_chunk_of_claims_at_a_time(anon, world, settings, monkeypatch):
    # Chunks of 2 rows: the first piece sent holds the header and no more than 2 claims,
    # written before the rest is read from the database.
    monkeypatch.setattr("tracker.api.claims.CSV_CHUNK_ROWS", 2)
    response = anon.get("/api/v1/claims/?format=csv")
    assert response.status_code == 200 and response.streaming
    assert response["Content-Disposition"] == 'attachment; filename="claims.csv"'
    pieces = list(response.streaming_content)
    first = list(csv.reader(io.StringIO(pieces[0].decode())))
    assert first[0] == CLAIM_CSV_COLUMNS and 1 <= len(first) - 1 <= 2
    every = list(csv.DictReader(io.StringIO(b"".join(pieces).decode())))
    assert len(pieces) >= len(every) // 2
    assert {int(r["id"]) for r in every} == public_claim_ids(world)


def test_streamed_csv_equals_the_rows_of_the_json_listing(anon, world):
    listing = anon.get("/api/v1/claims/?page_size=1000&ordering=id").json()["results"]
    rows = _rows(anon.get("/api/v1/claims/?format=csv&ordering=id"))
    assert [r["id"] for r in rows] == [str(c["id"]) for c in listing]
    for row, claim in zip(rows, listing, strict=True):
        assert row == {k: cell_neutralise(v) for k, v in claim.items()}
