"""Importing a claims CSV from the admin: a dry-run preview that writes nothing, then confirm."""

from pathlib import Path

import pytest
from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from districts.names import name_key
from tests.factories import AliasFactory, DistrictFactory, SourceFactory
from tests.test_admin_roles import staff_in
from tracker.admin.workflow import IMPORT_DIR_NAME
from tracker.models import Claim

pytestmark = pytest.mark.django_db
IMPORT = "admin:tracker_claim_import"
HEADER = (
    "date,date_precision,district_en,claimed_controller,claim_type,source_org,"
    "source_stance,citation,quote,notes\n"
)
GOOD_ROWS = (
    '2016-11-26,day,Hanano,government,captured,SANA,government,"https://sana.example/1",'
    '"Army units restored security to Hanano",\n'
    "2016-11-27,day,Sheikh Lutfi,government,captured,SANA,government,"
    '"https://sana.example/2","<script>alert(1)</script> Sheikh Lutfi taken",\n'
    "2016-11-28,day,Hanano,rebels,held,SOHR,opposition,https://sohr.example/3,"
    '"Rebels still hold parts of Hanano",stance differs from the source on record\n'
)
BAD_ROWS = (
    "2016-13-01,day,Hanano,government,captured,SANA,government,https://sana.example/9,,\n"
    "2016-11-27,day,Hanano,martians,captured,SANA,government,https://sana.example/10,,\n"
)
RECORD_MODELS = [
    "tracker.Claim",
    "tracker.HistoricalClaim",
    "tracker.ControlPeriod",
    "sources.Source",
    "sources.HistoricalSource",
    "sources.Document",
    "sources.HistoricalDocument",
    "districts.Alias",
]


def row_counts() -> dict[str, int]:
    return {label: apps.get_model(label).objects.count() for label in RECORD_MODELS}


def upload(text: str, name: str = "claims.csv") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, text.encode(), content_type="text/csv")


@pytest.fixture
def analyst(settings, tmp_path):
    settings.VAR_DIR = tmp_path
    return staff_in("analyst")


@pytest.fixture
def analyst_client(client, analyst):
    client.force_login(analyst)
    return client


@pytest.fixture
def hanano():
    district = DistrictFactory(name_en="Hanano", slug="hanano")
    AliasFactory(name="Hanano", key=name_key("Hanano"), district=district)
    taha = DistrictFactory(name_en="ash-Sheikh Taha", slug="ash-sheikh-taha")
    AliasFactory(name="ash-Sheikh Taha", key=name_key("ash-Sheikh Taha"), district=taha)
    SourceFactory(name="SOHR", slug="sohr", stance="independent")
    return district


def kept_files(settings) -> list[Path]:
    return sorted((Path(settings.VAR_DIR) / IMPORT_DIR_NAME).glob("*.csv"))


def test_preview_shows_what_would_be_created_and_writes_nothing(analyst_client, hanano, settings):
    before = row_counts()
    response = analyst_client.post(reverse(IMPORT), {"file": upload(HEADER + GOOD_ROWS)})
    assert response.status_code == 200
    assert row_counts() == before, "the preview must not write to the database"
    report = response.context["report"]
    assert report.dry_run and report.rows == 3 and report.claims_created == 3
    assert report.documents_created == 3 and report.sources_created == 1
    html = response.content.decode()
    assert "Preview of claims.csv: nothing has been written yet" in html
    assert "Rows: 3. Claims: 3 would be created" in html  # report.summary()
    assert "Sheikh Lutfi" in html and "Dry run: nothing was written." in html
    assert "line 4: source_stance is &#x27;opposition&#x27;" in html  # the warning
    assert "<script>alert(1)</script>" not in html
    assert 'value="Import 3 claims"' in html
    assert len(kept_files(settings)) == 1  # kept under var/ for the confirm step


def test_preview_lists_unmapped_names_with_their_closest_districts(analyst_client, hanano):
    response = analyst_client.post(reverse(IMPORT), {"file": upload(HEADER + GOOD_ROWS)})
    (place,) = response.context["report"].unmapped
    assert place.name == "Sheikh Lutfi" and place.rows == 1
    assert [d.slug for d in place.suggestions][:1] == ["ash-sheikh-taha"]
    assert 'ash-Sheikh Taha <span class="slug">(ash-sheikh-taha)</span>' in (
        response.content.decode()
    )


def test_a_bad_file_lists_every_bad_row_and_writes_nothing(analyst_client, hanano, settings):
    before = row_counts()
    response = analyst_client.post(reverse(IMPORT), {"file": upload(HEADER + GOOD_ROWS + BAD_ROWS)})
    assert row_counts() == before
    errors = response.context["errors"]
    assert [e.split(":")[0] for e in errors] == ["line 5", "line 6"]
    html = response.content.decode()
    assert "claims.csv was not imported: nothing was written" in html
    assert "&#x27;martians&#x27; is not one of" in html
    assert 'name="confirm"' not in html
    assert kept_files(settings) == []


def test_confirming_the_preview_imports_the_file_as_the_analyst(
    analyst_client, analyst, hanano, settings
):
    preview = analyst_client.post(reverse(IMPORT), {"file": upload(HEADER + GOOD_ROWS)})
    token = preview.context["token"]
    response = analyst_client.post(reverse(IMPORT), {"confirm": "1", "token": token}, follow=True)
    assert response.redirect_chain[-1][0] == reverse("admin:tracker_claim_changelist")
    assert "Imported claims.csv. Rows: 3. Claims: 3 created" in response.content.decode()
    assert "1 place names match no district" in response.content.decode()
    claims = Claim.objects.all()
    assert claims.count() == 3
    assert {c.recorded_by for c in claims} == {analyst}
    assert {c.review_status for c in claims} == {"pending"}
    assert claims.get(place_name="Sheikh Lutfi").district is None
    assert kept_files(settings) == []

    again = analyst_client.post(reverse(IMPORT), {"confirm": "1", "token": token}, follow=True)
    assert "That preview is no longer available" in again.content.decode()
    assert Claim.objects.count() == 3


def test_the_same_file_again_would_add_nothing(analyst_client, hanano):
    preview = analyst_client.post(reverse(IMPORT), {"file": upload(HEADER + GOOD_ROWS)})
    analyst_client.post(reverse(IMPORT), {"confirm": "1", "token": preview.context["token"]})
    second = analyst_client.post(reverse(IMPORT), {"file": upload(HEADER + GOOD_ROWS)})
    assert second.context["report"].claims_present == 3
    assert "This file adds nothing that is not already on record." in second.content.decode()


def test_another_users_preview_cannot_be_confirmed(client, analyst_client, hanano):
    preview = analyst_client.post(reverse(IMPORT), {"file": upload(HEADER + GOOD_ROWS)})
    client.logout()
    client.force_login(staff_in("analyst", username="second-analyst"))
    response = client.post(
        reverse(IMPORT), {"confirm": "1", "token": preview.context["token"]}, follow=True
    )
    assert "That preview is no longer available" in response.content.decode()
    assert not Claim.objects.exists()


@pytest.mark.parametrize("token", ["../../etc/passwd", "", "0" * 32])
def test_a_forged_token_reads_no_file(analyst_client, hanano, token):
    response = analyst_client.post(reverse(IMPORT), {"confirm": "1", "token": token}, follow=True)
    assert "That preview is no longer available" in response.content.decode()
    assert not Claim.objects.exists()


def test_a_file_that_is_not_utf8_is_refused_with_how_to_fix_it(analyst_client, hanano):
    latin1 = SimpleUploadedFile(
        "claims.csv", (HEADER + "2016-11-26,day,Alep\xe9").encode("latin-1")
    )
    response = analyst_client.post(reverse(IMPORT), {"file": latin1})
    assert "Save the file as UTF-8" in response.content.decode()
    assert not Claim.objects.exists()
