"""OGC API - Features over the Django test client: the documents a GIS client reads, paging,
`bbox`, `datetime` (instants, closed, half-open and open intervals), lenses, and 400s that name
the parameter."""

import datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rest_framework.test import APIClient

from tests.api.conftest import client_as, public_claim_ids
from tracker.models import Claim, ControlPeriod

D = datetime.date
pytestmark = pytest.mark.django_db
BASE = "/ogc/"


def get(path, client=None, **headers):
    return (client or APIClient()).get(BASE + path, **headers)


def features(path, client=None) -> list[dict]:
    """Every feature of an items URL, following the `next` links."""
    found, url = [], BASE + path
    while url:
        answer = (client or APIClient()).get(url)
        assert answer.status_code == 200, answer.content
        body = answer.json()
        assert body["numberReturned"] == len(body["features"])
        found += body["features"]
        url = next((lk["href"] for lk in body["links"] if lk["rel"] == "next"), None)
    return found


def periods_meeting(first, last, lens="consensus") -> set[int]:
    """The ids of the stored periods whose days [start, end) meet [first, last], in Python."""
    return {
        p.pk
        for p in ControlPeriod.objects.filter(lens=lens)
        if (last is None or p.start <= last) and (first is None or p.end is None or p.end > first)
    }


def test_landing_page_links_the_definition_conformance_and_collections(world):
    answer = get("")
    assert answer.status_code == 200
    assert answer["Content-Type"].startswith("application/json")
    rels = {lk["rel"]: lk["href"] for lk in answer.json()["links"]}
    assert rels["service-desc"] == "http://testserver/ogc/api"
    assert rels["conformance"] == "http://testserver/ogc/conformance"
    assert rels["data"] == "http://testserver/ogc/collections"


def test_conformance_declares_core_geojson_and_openapi(world):
    classes = get("conformance").json()["conformsTo"]
    for part in ("core", "geojson", "oas30"):
        assert f"http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/{part}" in classes


def test_the_definition_is_openapi_3_with_datetime_on_every_items_path(world):
    answer = get("api")
    assert answer["Content-Type"].startswith("application/vnd.oai.openapi+json")
    doc = answer.json()
    assert doc["openapi"].startswith("3.0")
    for cid in ("districts", "control-periods", "claims"):
        names = [
            p["$ref"].rsplit("/", 1)[1]
            for p in doc["paths"][f"/collections/{cid}/items"]["get"]["parameters"]
        ]
        assert {"bbox", "datetime", "limit", "lens"} <= set(names)


def test_collections_state_the_period_meaning_and_their_time_extent(world):
    body = get("collections").json()
    by_id = {c["id"]: c for c in body["collections"]}
    assert set(by_id) == {"districts", "control-periods", "claims"}
    periods = by_id["control-periods"]
    assert "EXCLUSIVE" in periods["description"] and "lens" in periods["description"]
    first = min(ControlPeriod.objects.filter(lens="consensus").values_list("start", flat=True))
    assert periods["extent"]["temporal"]["interval"] == [[f"{first}T00:00:00Z", None]]
    # The claims' window runs from the first visible claim's first day to the day after the last.
    assert by_id["claims"]["extent"]["temporal"]["interval"] == [
        ["2012-07-01T00:00:00Z", "2016-12-14T00:00:00Z"]
    ]
    assert "temporal" not in by_id["districts"]["extent"]
    west, south, east, north = by_id["districts"]["extent"]["spatial"]["bbox"][0]
    hanano = world.districts["hanano"].geom.extent
    assert west <= hanano[0] and south <= hanano[1] and east >= hanano[2] and north >= hanano[3]


def test_one_collection_reads_its_temporal_extent_in_the_lens_asked(world):
    lens = "stance:government"
    first = min(ControlPeriod.objects.filter(lens=lens).values_list("start", flat=True))
    body = get(f"collections/control-periods?lens={lens}").json()
    assert body["extent"]["temporal"]["interval"][0][0] == f"{first}T00:00:00Z"
    assert {lk["rel"] for lk in body["links"]} >= {"self", "items", "describedby"}


def test_claims_page_through_next_and_prev_links_and_hide_rejected_ones(world):
    first = get("collections/claims/items?limit=3").json()
    assert first["numberMatched"] == len(public_claim_ids(world))
    assert first["numberReturned"] == 3
    rels = {lk["rel"] for lk in first["links"]}
    assert "next" in rels and "prev" not in rels
    second_url = next(lk["href"] for lk in first["links"] if lk["rel"] == "next")
    second = APIClient().get(second_url).json()
    assert any(lk["rel"] == "prev" for lk in second["links"])
    ids = {f["id"] for f in features("collections/claims/items?limit=3")}
    assert ids == public_claim_ids(world)


def test_an_analyst_sees_the_rejected_claim_too(world, users):
    ids = {f["id"] for f in features("collections/claims/items", client_as(users["analyst"]))}
    assert world.claims["bustan_rejected"].pk in ids


def test_a_claim_is_drawn_on_its_district_and_an_unmapped_one_has_no_geometry(world):
    found = {f["id"]: f for f in features("collections/claims/items")}
    army = found[world.claims["shaar_army"].pk]
    assert army["geometry"]["type"] == "MultiPolygon"
    assert army["properties"]["district"] == "ash-shaar"
    assert army["properties"]["valid_to"] == "2016-12-02"  # the day after its one day
    assert found[world.claims["unmapped"].pk]["geometry"] is None


@pytest.mark.parametrize(
    ("datetime_", "first", "last"),
    [
        ("2016-12-07", D(2016, 12, 7), D(2016, 12, 7)),
        ("2016-12-07T23:30:00Z", D(2016, 12, 7), D(2016, 12, 7)),
        ("2016-12-08T01:00:00+03:00", D(2016, 12, 7), D(2016, 12, 7)),  # 22:00 UTC the day before
        ("2016-11-01/2016-11-30", D(2016, 11, 1), D(2016, 11, 30)),
        ("../2016-11-30", None, D(2016, 11, 30)),
        ("2016-12-10/..", D(2016, 12, 10), None),
        ("/2016-11-30", None, D(2016, 11, 30)),
        ("../..", None, None),
    ],
)
def test_datetime_keeps_the_periods_whose_days_meet_it(world, datetime_, first, last):
    expected = periods_meeting(first, last)
    found = features(f"collections/control-periods/items?datetime={datetime_.replace('+', '%2B')}")
    assert {f["id"] for f in found} == expected
    assert expected  # each case keeps something


def test_an_instant_keeps_one_period_per_district_the_one_in_force(world):
    found = features("collections/control-periods/items?datetime=2016-12-07")
    hanano = [f["properties"] for f in found if f["properties"]["district"] == "hanano"]
    assert len(hanano) == 1
    assert hanano[0]["status"] == "held"
    assert hanano[0]["valid_from"] <= "2016-12-07"
    assert hanano[0]["valid_to"] is None or hanano[0]["valid_to"] > "2016-12-07"


def test_a_period_ending_on_a_day_is_not_in_force_that_day(world):
    ended = ControlPeriod.objects.filter(lens="consensus", end__isnull=False).first()
    assert ended is not None
    on_end = {f["id"] for f in features(f"collections/control-periods/items?datetime={ended.end}")}
    day_before = ended.end - datetime.timedelta(days=1)
    before = {f["id"] for f in features(f"collections/control-periods/items?datetime={day_before}")}
    assert ended.pk not in on_end and ended.pk in before


def test_datetime_keeps_the_claims_whose_window_meets_it(world):
    ids = {f["id"] for f in features("collections/claims/items?datetime=2016-12-07/2016-12-08")}
    # bustan_army's window is 6 to 12 December: it meets 7-8 December; the rest are one day
    assert ids == {world.claims["bustan_army"].pk}


def test_lens_chooses_the_periods_and_each_feature_names_it(world):
    lens = "stance:opposition"
    found = features(f"collections/control-periods/items?lens={lens}")
    assert {f["id"] for f in found} == set(
        ControlPeriod.objects.filter(lens=lens).values_list("pk", flat=True)
    )
    assert found and {f["properties"]["lens"] for f in found} == {lens}
    default = features("collections/control-periods/items")
    assert {f["properties"]["lens"] for f in default} == {"consensus"}


def test_lens_on_claims_keeps_the_claims_that_count_in_it(world):
    found = features("collections/claims/items?lens=source:syrian-army")
    expected = {
        c.pk
        for c in world.claims.values()
        if c.source.slug == "syrian-army"
        and c.retracted_on is None
        and c.review_status != "rejected"
    }
    assert {f["id"] for f in found} == expected and expected


def test_bbox_keeps_the_features_on_the_districts_it_meets(world):
    west, south, east, north = world.districts["hanano"].geom.extent
    inner = f"{west + 0.001},{south + 0.001},{east - 0.001},{north - 0.001}"
    districts = features(f"collections/districts/items?bbox={inner}")
    assert [f["id"] for f in districts] == ["hanano"]
    claims = features(f"collections/claims/items?bbox={inner}")
    assert {f["id"] for f in claims} == {
        c.pk for c in world.claims.values() if c.district and c.district.slug == "hanano"
    }


def test_one_feature_by_its_id_with_links(world):
    answer = get("collections/districts/items/hanano")
    assert answer.status_code == 200
    assert answer["Content-Type"].startswith("application/geo+json")
    body = answer.json()
    assert body["type"] == "Feature" and body["properties"]["name_ar"] == "هنانو"
    assert {lk["rel"] for lk in body["links"]} == {"self", "collection"}
    period = ControlPeriod.objects.filter(lens="stance:opposition").first()
    assert get(f"collections/control-periods/items/{period.pk}").json()["properties"]["lens"] == (
        "stance:opposition"
    )


def test_a_rejected_claim_or_a_missing_feature_is_a_404_in_ogc_form(world):
    rejected = world.claims["bustan_rejected"].pk
    for path in (
        f"collections/claims/items/{rejected}",
        "collections/claims/items/abc",
        "collections/districts/items/nowhere",
        "collections/rivers",
        "collections/rivers/items",
        "nothing/here",
    ):
        answer = get(path)
        assert answer.status_code == 404, path
        assert answer.json()["code"] == "NotFound"


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ("bbox=1,2,3", "bbox"),
        ("bbox=a,b,c,d", "bbox"),
        ("bbox=0,10,1,5", "bbox"),
        ("bbox=0,0,1,91", "bbox"),
        ("bbox=nan,0,1,1", "bbox"),
        ("datetime=2016-13-01", "datetime"),
        ("datetime=2016-02-30", "datetime"),
        ("datetime=2016-12-10/2016-12-01", "datetime"),
        ("datetime=2016-12-01/2016-12-05/2016-12-09", "datetime"),
        ("datetime=..", "datetime"),
        ("datetime=2016-12-07T25:00:00Z", "datetime"),
        ("datetime=yesterday", "datetime"),
        ("limit=0", "limit"),
        ("limit=1001", "limit"),
        ("limit=ten", "limit"),
        ("limit=1&limit=2", "limit"),
        ("offset=-1", "offset"),
        ("lens=everyone", "lens"),
        ("lens=source:nobody", "lens"),
        ("f=html", "f"),
        ("colour=red", "colour"),
    ],
)
def test_a_bad_parameter_is_a_400_that_names_it(world, query, parameter):
    answer = get(f"collections/control-periods/items?{query}")
    assert answer.status_code == 400, answer.content
    body = answer.json()
    assert body["code"] == "InvalidParameterValue"
    assert body["parameter"] == parameter
    assert body["description"].startswith(f"{parameter}:")


def test_metadata_resources_refuse_item_parameters_and_check_lens_and_datetime(world):
    assert get("collections?limit=5").json()["parameter"] == "limit"
    assert get("?lens=bogus").json()["parameter"] == "lens"
    assert get("conformance?datetime=2016-12-07").status_code == 200


def test_an_unchanged_page_answers_304_to_its_etag(world):
    first = get("collections/districts/items")
    assert first.status_code == 200 and first["ETag"]
    again = get("collections/districts/items", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304


def test_the_schema_types_the_days_as_dates(world):
    answer = get("collections/control-periods/schema")
    assert answer.status_code == 200
    props = answer.json()["properties"]
    assert props["valid_from"]["format"] == "date"
    assert props["valid_to"]["type"] == ["string", "null"]
    assert Claim.objects.exists()


def test_the_rest_api_documents_point_to_the_ogc_service(world):
    assert "/ogc/" in APIClient().get("/api/schema/?format=json").json()["info"]["description"]
    rels = {lk["rel"]: lk["href"] for lk in get("").json()["links"]}
    assert rels["service-doc"] == "http://testserver/api/docs/"


@pytest.mark.parametrize(
    "feature_id", ["%00", "9" * 30, "-1", "1.5", "%D9%A1", "hanano%0A", "a" * 300]
)
def test_an_odd_feature_id_is_a_404_never_a_500(world, feature_id):
    for collection in ("districts", "control-periods", "claims"):
        answer = get(f"collections/{collection}/items/{feature_id}")
        assert answer.status_code == 404, (collection, feature_id)
        assert answer.json()["code"] == "NotFound"


def test_a_feature_is_found_by_its_id_whatever_filter_the_connection_url_repeats(world):
    claim = world.claims["hanano_rebels_2012"]
    answer = get(f"collections/claims/items/{claim.pk}?datetime=2016-12-07&lens=stance:government")
    assert answer.status_code == 200
    assert answer.json()["properties"]["effective_to"] == "2012-07-31"


def test_a_zone_that_pushes_the_last_day_past_the_calendar_is_a_400(world):
    answer = get("collections/claims/items?datetime=9999-12-31T23:00:00-05:00")
    assert answer.status_code == 400 and answer.json()["parameter"] == "datetime"


@settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    name=st.sampled_from(["bbox", "datetime", "limit", "offset", "lens", "f", "crs", "bbox-crs"]),
    value=st.text(max_size=40),
    collection=st.sampled_from(["districts", "control-periods", "claims"]),
)
def test_any_value_of_any_parameter_is_answered_200_or_a_400_naming_it(
    world, name, value, collection
):
    answer = APIClient().get(f"{BASE}collections/{collection}/items", {name: value})
    assert answer.status_code in (200, 400), answer.content
    if answer.status_code == 400:
        assert answer.json()["parameter"] == name
