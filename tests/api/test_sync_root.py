"""changes/?recorded_since= for incremental sync (the time the record changed beside the day of
the change, in every row), and the API root at /api/v1/."""

import datetime

import pytest
from django.utils import timezone

from tests.api.conftest import claim_add
from tests.factories import reviewer_user
from tracker import services

pytestmark = pytest.mark.django_db
D = datetime.date
FEED = "/api/v1/changes/"


def _feed(client, **query) -> list[dict]:
    response = client.get(FEED, query)
    assert response.status_code == 200, response.content
    return response.json()["changes"]


def _moment(text: str) -> datetime.datetime:
    return datetime.datetime.fromisoformat(text.replace("Z", "+00:00"))


def test_every_row_has_the_day_of_the_change_and_when_it_was_recorded(anon, world):
    rows = _feed(anon, since="2012-01-01", until="2016-12-31")
    assert {r["type"] for r in rows} >= {"control", "retracted"}
    for row in rows:
        assert row["day"] and row["recorded_at"], row
        assert _moment(row["recorded_at"]) <= timezone.now()


def test_recorded_since_lists_only_the_district_whose_periods_changed_whole(anon, world):
    mark = timezone.now()
    assert _feed(anon, recorded_since=mark.isoformat()) == []
    claim_add(
        world, "shaar_monitor", source="monitor", district="ash-shaar", who="government",
        day=D(2016, 12, 3),
    )  # fmt: skip
    rows = _feed(anon, recorded_since=mark.isoformat())
    control = [r for r in rows if r["type"] == "control"]
    assert {r["district"] for r in control} == {"ash-shaar"}
    history = anon.get("/api/v1/districts/ash-shaar/history/").json()["periods"]
    assert [r["day"] for r in control] == [p["start"] for p in history]  # all of them
    assert all(_moment(r["recorded_at"]) >= mark for r in rows)


def test_a_recomputation_that_changes_nothing_keeps_the_recorded_time(anon, world):
    before = _feed(anon, since="2012-01-01", until="2016-12-31")
    mark = timezone.now()
    services.timeline_refresh(
        district_ids=[world.districts["hanano"].pk], lenses=["consensus", "stance:independent"]
    )
    assert _feed(anon, recorded_since=mark.isoformat()) == []
    assert _feed(anon, since="2012-01-01", until="2016-12-31") == before


def test_a_rejection_is_recorded_with_its_time_and_its_district_recomputed(anon, world):
    mark = timezone.now()
    services.claim_review(
        claim=world.claims["shaar_rebels"],
        review_status="rejected",
        reviewed_by=reviewer_user(),
        reason="A denial with nothing behind it",
    )
    rows = _feed(anon, recorded_since=mark.isoformat())
    [rejected] = [r for r in rows if r["type"] == "rejected"]
    assert rejected["claims"] == [world.claims["shaar_rebels"].pk]
    assert rejected["day"] == _moment(rejected["recorded_at"]).date().isoformat()
    assert {r["district"] for r in rows if r["type"] == "control"} == {"ash-shaar"}
    stamps = [r["recorded_at"] for r in rows]
    assert [_moment(s) for s in stamps] == sorted(_moment(s) for s in stamps)


def test_paging_by_the_last_recorded_time_repeats_only_that_instant(anon, world):
    everything = _feed(anon, recorded_since="2000-01-01T00:00:00Z")
    by_day = _feed(anon, since="2012-01-01", until="2016-12-31")
    assert by_day and all(row in everything for row in by_day)
    assert {r["type"] for r in everything} == {"control", "rejected", "retracted"}
    last = everything[-1]["recorded_at"]
    again = _feed(anon, recorded_since=last)
    assert again and all(r["recorded_at"] == last for r in again)
    assert again == [r for r in everything if r["recorded_at"] == last]


def test_recorded_since_and_the_days_narrow_together(anon, world):
    rows = _feed(
        anon, recorded_since="2000-01-01T00:00:00Z", since="2016-12-01", until="2016-12-31"
    )
    assert rows and all("2016-12-01" <= r["day"] <= "2016-12-31" for r in rows)
    body = anon.get(FEED, {"recorded_since": "2000-01-01T02:00:00+02:00"}).json()
    assert body["recorded_since"] == "2000-01-01T00:00:00Z"


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ({"recorded_since": "yesterday"}, "recorded_since"),
        ({"recorded_since": "2016-12-07T10:00:00 02:00"}, "recorded_since"),  # '+' unencoded
        ({"recorded_since": "1800-01-01T00:00:00Z"}, "recorded_since"),
        ({"until": "2016-12-01"}, "since"),
    ],
)
def test_a_bad_recorded_since_is_a_400_naming_it(anon, world, query, field):
    response = anon.get(FEED, query)
    assert response.status_code == 400
    assert field in response.json(), response.json()


def test_the_api_root_lists_every_endpoint_by_absolute_url(anon, world):
    response = anon.get("/api/v1/")
    assert response.status_code == 200
    listing = response.json()
    assert {"districts", "claims", "control", "timeline", "changes", "stats_area"} <= set(listing)
    assert listing["quantitative_claims"] == "http://testserver/api/v1/quantitative-claims/"
    assert listing["schema"] == "http://testserver/api/schema/"
    assert listing["docs"] == "http://testserver/api/docs/"
    assert listing["releases"] == "http://testserver/api/v1/releases/"
    assert listing["ogc_api_features"] == "http://testserver/ogc/"
    for name, url in listing.items():
        assert url.startswith(("http://testserver/api/", "http://testserver/ogc/")), name
        # control/, frontline/ and changes/ need a day: a 400 naming it, never a 404.
        assert anon.get(url.removeprefix("http://testserver")).status_code in (200, 400), name


def test_the_schema_declares_the_root_and_recorded_since(anon):
    schema = anon.get("/api/schema/?format=json").json()
    assert "/api/v1/" in schema["paths"]
    parameters = {p["name"]: p for p in schema["paths"][FEED]["get"]["parameters"]}
    assert parameters["recorded_since"]["schema"]["pattern"].startswith("^(19[0-9]{2}")
    assert not parameters["since"].get("required", False)
