"""Citable releases: `release_make` freezes the record with its files and checksums, the
changelog against the release before, the releases API, the headers on every response, and
`?as_of_release=N` answering release N byte for byte after later edits and setting changes."""

import csv
import datetime
import hashlib
import io
import json

import pytest
import yaml
from django.core.management import call_command
from rest_framework.test import APIClient

from districts.models import District
from releases.models import Release
from tests.api.conftest import claim_add
from tests.factories import DocumentFactory, RegionFactory, actor, reviewer_user
from tests.releases.conftest import gdal_read
from tracker import services
from tracker.models import Claim, ControlPeriod
from tracker.periods import timeline_rebuild

D = datetime.date
TABLES = {"districts", "sources", "claims", "periods", "quantitative_claims"}
TABLE_SCHEMA_TYPES = {"string", "integer", "number", "date", "datetime", "array", "boolean"}
DAYS = ["2012-08-15", "2016-11-27", "2016-12-06", "2016-12-13", "2019-01-01"]
LENSES = ["consensus", "stance:government", "source:syrian-army"]


def _frozen_answers(client, suffix: str) -> dict[str, bytes]:
    """The bytes of control/ (several days and lenses) and timeline/ (several lenses)."""
    answers = {}
    for lens in LENSES:
        for day in DAYS:
            url = f"/api/v1/control/?on={day}&lens={lens}{suffix}"
            answers[url] = client.get(url).content
        url = f"/api/v1/timeline/?lens={lens}{suffix}"
        answers[url] = client.get(url).content
    return answers


def test_as_of_release_answers_byte_for_byte_after_claim_edits_and_setting_changes(world, settings):
    client = APIClient()
    live_before = _frozen_answers(client, "")
    call_command("release_make", stdout=io.StringIO())
    frozen = _frozen_answers(client, "&as_of_release=1")
    for (_, live), (url, answer) in zip(live_before.items(), frozen.items(), strict=True):
        assert json.loads(answer) == json.loads(live), url  # release 1 is the record it froze

    reviewer = reviewer_user()
    claim_add(
        world, "new", source="army", district="sheikh-maqsoud", who="government", day=D(2016, 12, 6)
    )
    services.claim_retract(claim=world.claims["shaar_army"], retracted_on=D(2016, 12, 2))
    services.claim_review(
        claim=world.claims["bustan_army"],
        review_status="rejected",
        reviewed_by=reviewer,
        reason="A later report puts the army elsewhere",
    )
    settings.TRACKER_STALE_AFTER_DAYS = 3  # the engine's and the readers' settings change
    settings.TRACKER_HORIZON_DAYS = 1
    timeline_rebuild()

    live_after = _frozen_answers(client, "")
    assert live_after != live_before  # the edits and settings do change the live answers
    assert _frozen_answers(client, "&as_of_release=1") == frozen


def test_as_of_release_keeps_only_the_fields_asked(world):
    client = APIClient()
    call_command("release_make", stdout=io.StringIO())
    url = "/api/v1/control/?on=2016-12-06&lens=consensus&as_of_release=1"
    whole = client.get(url).json()["districts"]
    cut = client.get(url + "&fields=stale,status").json()["districts"]
    assert whole and any(row["claims"] for row in whole)
    assert cut == [{k: row[k] for k in ("district", "status", "stale")} for row in whole]


def test_as_of_release_names_the_parameter_when_there_is_no_such_release(world):
    client = APIClient()
    for path in ("/api/v1/control/?on=2016-12-01&", "/api/v1/timeline/?"):
        for value in ("1", "0", "x", "99999999999"):
            response = client.get(f"{path}as_of_release={value}")
            assert response.status_code == 400, (path, value)
            assert "as_of_release" in response.json()
    assert "releases" in client.get("/api/v1/timeline/?as_of_release=1").json()["as_of_release"][0]


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def test_release_files_are_described_checksummed_and_citable(world, settings):
    settings.TRACKER_REPOSITORY_URL = "https://example.org/tracker.git"
    call_command("release_make", stdout=io.StringIO())
    release = Release.objects.get()
    folder = settings.TRACKER_RELEASE_DIR / "1"
    names = {p.name for p in folder.iterdir()}
    assert names == {f"{t}.csv" for t in TABLES} | {
        "record.gpkg",
        "datapackage.json",
        "CITATION.cff",
        "CHANGELOG.md",
        "changelog.json",
        "SHA256SUMS",
    }
    assert {f["name"] for f in release.files} == names
    for entry in release.files:
        assert entry["sha256"] == _sha((folder / entry["name"]).read_bytes())
    sums = dict(
        reversed(line.split("  ")) for line in (folder / "SHA256SUMS").read_text().splitlines()
    )
    assert set(sums) == names - {"SHA256SUMS"}
    assert all(sums[n] == _sha((folder / n).read_bytes()) for n in sums)

    package = json.loads((folder / "datapackage.json").read_text())
    assert package["profile"] == "tabular-data-package" and package["version"] == "1"
    assert package["name"] and package["resources"]
    tabular = [r for r in package["resources"] if r.get("profile") == "tabular-data-resource"]
    assert {r["name"] for r in tabular} == TABLES
    for resource in package["resources"]:
        assert set(resource) >= {"name", "path"}
        assert resource["hash"] == "sha256:" + sums[resource["path"]]
    for resource in tabular:
        fields = resource["schema"]["fields"]
        assert all(set(f) >= {"name", "type"} and f["type"] in TABLE_SCHEMA_TYPES for f in fields)
        with (folder / resource["path"]).open(newline="", encoding="utf-8") as stream:
            rows = list(csv.reader(stream))
        assert rows[0] == [f["name"] for f in fields]  # the schema describes the header
        assert set(resource["schema"]["primaryKey"]) <= set(rows[0])
    periods = next(r for r in tabular if r["name"] == "periods")
    types = {f["name"]: f["type"] for f in periods["schema"]["fields"]}
    assert types["valid_from"] == types["valid_to"] == "date"
    with (folder / "periods.csv").open(newline="", encoding="utf-8") as stream:
        assert sum(1 for _ in csv.DictReader(stream)) == ControlPeriod.objects.count()
    with (folder / "claims.csv").open(newline="", encoding="utf-8") as stream:
        claims = {int(r["id"]): r for r in csv.DictReader(stream)}
    assert world.claims["bustan_rejected"].pk not in claims
    assert claims[world.claims["hanano_army"].pk]["quote"].startswith("'=")  # formula-neutral

    citation = yaml.safe_load((folder / "CITATION.cff").read_text())
    assert citation["cff-version"] == "1.2.0"
    assert citation["version"] == "1" and citation["type"] == "dataset"
    assert citation["date-released"] == release.created.astimezone(datetime.UTC).date().isoformat()
    assert citation["title"] == settings.TRACKER_DATASET_TITLE and citation["message"]
    assert citation["authors"][0]["name"] == settings.TRACKER_DATASET_AUTHORS
    assert citation["repository-code"] == "https://example.org/tracker.git"

    layers = gdal_read(folder / "record.gpkg")
    assert layers["periods"]["count"] == ControlPeriod.objects.count()
    assert layers["periods"]["types"]["valid_to"] == "OFTDate"


def test_second_release_changelog_lists_what_changed_since_the_first(world, settings):
    call_command("release_make", stdout=io.StringIO())
    public_at_first = set(
        Claim.objects.exclude(review_status="rejected").values_list("pk", flat=True)
    )
    reviewer = reviewer_user()
    added = claim_add(
        world, "new", source="monitor", district="ash-shaar", who="government", day=D(2016, 12, 3)
    )
    services.claim_update(claim=world.claims["bustan_contested"], note="Seen from the citadel.")
    services.claim_retract(claim=world.claims["shaar_rebels"], retracted_on=D(2016, 12, 4))
    services.claim_review(
        claim=world.claims["hanano_army"],
        review_status="rejected",
        reviewed_by=reviewer,
        reason="Duplicate of the monitor's report",
    )
    out = io.StringIO()
    call_command("release_make", stdout=out)
    assert "Release 2 written" in out.getvalue()

    changes = json.loads((settings.TRACKER_RELEASE_DIR / "2" / "changelog.json").read_text())
    assert changes["against"] == 1
    assert changes["claims"] == {
        "added": [added.pk],
        "changed": [world.claims["bustan_contested"].pk],
        "retracted": [world.claims["shaar_rebels"].pk],
        "rejected": [world.claims["hanano_army"].pk],
        "removed": [],
    }
    changed = {(e["lens"], e["district"]) for e in changes["periods"]}
    assert ("consensus", "ash-shaar") in changed
    assert ("consensus", "sheikh-maqsoud") not in changed
    shaar = next(
        e for e in changes["periods"] if e["lens"] == "consensus" and e["district"] == "ash-shaar"
    )
    assert shaar["removed"] and shaar["added"]
    assert Release.objects.get(number=2).changelog == changes
    markdown = (settings.TRACKER_RELEASE_DIR / "2" / "CHANGELOG.md").read_text()
    assert "Changes against release 1." in markdown
    assert f"- rejected (1): {world.claims['hanano_army'].pk}" in markdown
    assert "consensus / ash-shaar" in markdown
    first = json.loads((settings.TRACKER_RELEASE_DIR / "1" / "changelog.json").read_text())
    assert first["against"] is None
    assert set(first["claims"]["added"]) == public_at_first  # against an empty record


def test_releases_are_listed_and_their_files_downloadable_by_anyone(world, settings):
    client = APIClient()
    assert client.get("/api/v1/releases/").json() == []
    call_command("release_make", stdout=io.StringIO())
    (listed,) = client.get("/api/v1/releases/").json()
    assert listed["number"] == 1 and listed["url"].endswith("/api/v1/releases/1/")
    detail = client.get("/api/v1/releases/1/").json()
    assert (
        detail["engine_settings"]["TRACKER_STALE_AFTER_DAYS"] == settings.TRACKER_STALE_AFTER_DAYS
    )
    assert detail["changelog"]["release"] == 1
    files = {f["name"]: f for f in detail["files"]}
    response = client.get(files["CITATION.cff"]["url"])
    assert response.status_code == 200
    assert _sha(b"".join(response.streaming_content)) == files["CITATION.cff"]["sha256"]
    assert client.get("/api/v1/releases/1/files/datapackage.json")["Content-Type"] == (
        "application/json"
    )

    missing = client.get("/api/v1/releases/2/")
    assert missing.status_code == 404 and "/api/v1/releases/" in missing.json()["detail"]
    assert client.get("/api/v1/releases/1/files/settings.py").status_code == 404
    assert client.get("/api/v1/releases/1/files/..%2F..%2Fmanage.py").status_code == 404
    assert client.get("/api/v1/releases/99999999999/").status_code == 404


@pytest.mark.parametrize("path", ["/api/v1/districts/", "/api/v1/claims/", "/api/v1/nothing/"])
def test_every_api_response_names_the_dataset_version_and_the_release_it_extends(world, path):
    client = APIClient()
    before = client.get(path)
    assert before["X-Dataset-Version"]
    assert "X-Dataset-Release" not in before  # no release yet
    call_command("release_make", stdout=io.StringIO())
    after = client.get(path)
    assert after["X-Dataset-Release"] == "1"
    assert after["X-Dataset-Version"] == Release.objects.get().dataset_version
    claim_add(
        world, "later", source="army", district="hanano", who="government", day=D(2016, 12, 20)
    )
    later = client.get(path)
    assert later["X-Dataset-Release"] == "1"
    assert later["X-Dataset-Version"] != after["X-Dataset-Version"]
    assert client.get("/").get("X-Dataset-Release") is None  # the API's headers only


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_release_make_on_its_own_reads_the_record_in_one_transaction(world, settings):
    """Outside any transaction (as the command runs) the release opens its own, repeatable
    read on PostgreSQL, and commits the release with its periods."""
    from releases.services import release_make

    release = release_make()
    assert release.number == 1
    assert release.periods.count() == ControlPeriod.objects.count()
    assert (settings.TRACKER_RELEASE_DIR / "1" / "SHA256SUMS").exists()


def test_a_region_statements_claims_name_it_in_the_release_table_and_layer(world, settings):
    districts = list(District.objects.order_by("slug")[:2])
    region = RegionFactory(name_en="Old City", slug="old-city-statement")
    region.districts.set(districts)
    made = services.claims_record_per_district(
        document=DocumentFactory(),
        place_name="Old City",
        status=Claim.Status.HELD,
        actor=actor("government"),
        kind=Claim.Kind.CAPTURED,
        effective_from=D(2016, 12, 6),
        districts=districts,
        region=region,
        recorded_by=reviewer_user(),
    )
    statement = made[0].statement_id
    assert statement is not None and {c.statement_id for c in made} == {statement}
    call_command("release_make", stdout=io.StringIO())
    folder = settings.TRACKER_RELEASE_DIR / "1"
    with (folder / "claims.csv").open(newline="", encoding="utf-8") as stream:
        rows = {int(r["id"]): r["statement"] for r in csv.DictReader(stream)}
    assert {rows[c.pk] for c in made} == {str(statement)}
    assert rows[world.claims["hanano_army"].pk] == ""
    layer = gdal_read(folder / "record.gpkg")["claims"]
    assert layer["types"]["statement"] == "OFTInteger64"
