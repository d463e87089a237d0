"""Input limits through the API: an over-long text is a 400 naming its field, a body over the
limit a 413 before it is read; and every CSV cell a spreadsheet would run is neutralised."""

import csv
import io

import pytest

from sources.models import Document, Source
from tests.api.conftest import client_as
from tracker.models import Claim

pytestmark = pytest.mark.django_db
LONG_NOTE = "x" * 10_000


class Unreadable(io.RawIOBase):
    """A request body that fails the test if anything reads it."""

    def read(self, *args):
        raise AssertionError("the request body was read")

    readline = read


@pytest.fixture
def analyst(users):
    return client_as(users["analyst"])


def _claim_body(world, **extra) -> dict:
    return {
        "document": world.documents["monitor"].pk,
        "district": "hanano",
        "status": "held",
        "actor": "government",
        "kind": "held",
        "effective_from": "2016-12-20",
        **extra,
    }


@pytest.mark.parametrize(
    ("field", "length", "limit"),
    [("note", 10_000, 2000), ("analyst_note", 10_000, 2000), ("quote", 1001, 1000)],
)
def test_an_over_long_claim_text_is_a_400_naming_the_field(analyst, world, field, length, limit):
    before = Claim.objects.count()
    response = analyst.post(
        "/api/v1/claims/", _claim_body(world, **{field: "x" * length}), format="json"
    )
    assert response.status_code == 400, response.content
    assert list(response.json()) == [field]
    assert str(limit) in response.json()[field][0]
    assert Claim.objects.count() == before


def test_a_text_at_the_limit_is_accepted(analyst, world):
    response = analyst.post(
        "/api/v1/claims/", _claim_body(world, note="n" * 2000, quote="q" * 1000), format="json"
    )
    assert response.status_code == 201, response.content


def test_patching_a_10000_character_note_is_refused_and_changes_nothing(analyst, world):
    claim = world.claims["hanano_army"]
    response = analyst.patch(f"/api/v1/claims/{claim.pk}/", {"note": LONG_NOTE}, format="json")
    assert response.status_code == 400 and "note" in response.json()
    claim.refresh_from_db()
    assert claim.note == ""


def test_over_long_document_and_source_texts_are_400s_naming_the_field(analyst, world):
    documents, sources = Document.objects.count(), Source.objects.count()
    response = analyst.post(
        "/api/v1/documents/", {"citation": "c" * 1001, "source": "sohr"}, format="json"
    )
    assert response.status_code == 400 and list(response.json()) == ["citation"]
    response = analyst.post(
        "/api/v1/documents/", {"citation": "A title", "excerpt": "e" * 5001}, format="json"
    )
    assert response.status_code == 400 and list(response.json()) == ["excerpt"]
    response = analyst.post(
        "/api/v1/sources/",
        {"slug": "new", "name": "New", "stance": "independent", "description": "d" * 2001},
        format="json",
    )
    assert response.status_code == 400 and list(response.json()) == ["description"]
    assert (Document.objects.count(), Source.objects.count()) == (documents, sources)


def test_a_json_body_over_the_limit_is_refused_before_it_is_read(analyst, world, settings):
    before = Claim.objects.count()
    response = analyst.generic(
        "POST",
        "/api/v1/claims/",
        **{
            "CONTENT_TYPE": "application/json",
            "wsgi.input": Unreadable(),
            "CONTENT_LENGTH": str(settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1),
        },
    )
    assert response.status_code == 413
    assert "at most" in response.json()["detail"]
    assert Claim.objects.count() == before


def test_a_real_json_body_over_the_limit_is_a_413_and_creates_nothing(analyst, world, settings):
    before = Claim.objects.count()
    body = _claim_body(world, note="x" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 10))
    response = analyst.post("/api/v1/claims/", body, format="json")
    assert response.status_code == 413
    assert Claim.objects.count() == before


@pytest.mark.parametrize(
    "text", [" =1+1", "\n=1", "\r\n+1", "＝1", "\t@x", "－1", "＠SUM(A1)", "＋1", "\u3000=1"]
)
def test_csv_cells_a_spreadsheet_would_run_are_neutralised(anon, world, text):
    claim = world.claims["hanano_monitor"]
    Claim.objects.filter(pk=claim.pk).update(quote=text, note=text, attribution=text)
    response = anon.get("/api/v1/claims/?format=csv")
    assert response.status_code == 200
    rows = {int(r["id"]): r for r in csv.DictReader(io.StringIO(response.getvalue().decode()))}
    row = rows[claim.pk]
    assert row["quote"] == row["note"] == row["attribution"] == "'" + text
