"""A backup and restore round trip leaves every API response the same."""

import datetime

import pytest
from django.core.management import CommandError, call_command

from districts.services import aliases_import, districts_import, regions_import
from tests.factories import user_in_groups
from tracker.demo import (
    DEMO_ALIASES,
    DEMO_CLAIMS,
    DEMO_DISTRICTS,
    DEMO_QUANTITATIVE,
    DEMO_REGIONS,
)
from tracker.imports import claims_import
from tracker.models import Claim, ControlPeriod, QuantitativeClaim
from tracker.quantitative_imports import quantitative_claims_import
from tracker.services import claim_record, claim_review

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

URLS = [
    "/api/v1/districts/",
    "/api/v1/districts/hanano/history/?lens=consensus",
    "/api/v1/control/?on=2016-12-07&lens=consensus",
    "/api/v1/control/?on=2016-11-28&lens=source:sohr",
    "/api/v1/timeline/?lens=consensus",
    "/api/v1/changes/?since=2016-11-01&until=2016-12-31&lens=consensus",
    "/api/v1/claims/?format=csv&page_size=1000",
    "/api/v1/sources/",
    "/api/v1/documents/?page_size=1000",
    "/api/v1/actors/",
    "/api/v1/quantitative-claims/?page_size=1000",
    "/map/districts.geojson",
]


def responses(client) -> dict[str, bytes]:
    got = {}
    for url in URLS:
        response = client.get(url, HTTP_ACCEPT_ENCODING="identity")
        assert response.status_code == 200, url
        got[url] = response.content
    return got


@pytest.fixture
def dataset():
    """The demo's polygons, regions, spellings, the hand-off's claims (with their sources,
    documents, history and periods) and the quantitative claims: every kind of row the backup
    carries. The sourced record (`tracker/data/record/`) is left out: it adds thousands of rows
    of the same kinds, and minutes to a test that cannot share a load (it needs real
    transactions: a restore flushes the tables)."""
    districts_import(DEMO_DISTRICTS)
    regions_import(DEMO_REGIONS)
    aliases_import(DEMO_ALIASES)
    claims_import(DEMO_CLAIMS)
    quantitative_claims_import(DEMO_QUANTITATIVE)
    reviewer = user_in_groups("reviewer", "reviewer")
    claim_review(
        claim=Claim.objects.first(),
        review_status="rejected",
        reviewed_by=reviewer,
        reason="Contradicted",
    )


def test_restoring_a_backup_brings_back_every_response(client, dataset, tmp_path):
    assert Claim.objects.filter(district__slug="hanano").exists()
    assert QuantitativeClaim.objects.exists() and ControlPeriod.objects.exists()
    before = responses(client)
    backup = tmp_path / "dataset.xml.gz"
    call_command("backup_data", str(backup))
    # Change the record after the backup: a new claim moves Hanano.
    first = Claim.objects.filter(district__slug="hanano").first()
    claim_record(
        document=first.document,
        district=first.district,
        place_name="Hanano",
        status="held",
        actor=first.actor.__class__.objects.get(slug="rebels"),
        kind="captured",
        effective_from=datetime.date(2016, 12, 1),
    )
    assert responses(client) != before
    call_command("restore_data", str(backup))
    assert responses(client) == before


def test_a_broken_backup_restores_nothing_and_keeps_the_data(client, dataset, tmp_path):
    before = responses(client)
    broken = tmp_path / "broken.xml"
    broken.write_text(
        '<?xml version="1.0"?><django-objects version="1.0"><object model="tracker.claim"'
    )
    with pytest.raises(CommandError, match="Nothing was restored"):
        call_command("restore_data", str(broken))
    assert responses(client) == before


def test_a_backup_file_name_must_say_its_format(tmp_path):
    with pytest.raises(CommandError, match=r"ending in one of \.xml"):
        call_command("backup_data", str(tmp_path / "dataset.json"))


def test_restoring_a_missing_file_says_which_file(tmp_path):
    with pytest.raises(CommandError, match="No backup at"):
        call_command("restore_data", str(tmp_path / "nope.json"))
