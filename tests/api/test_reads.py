"""The public reads of /api/v1/: shapes, contents and the rule that rejected claims stay hidden."""

import datetime

import pytest

from tests.api.conftest import client_as, public_claim_ids
from tracker import selectors

pytestmark = pytest.mark.django_db
D = datetime.date


def _coordinates(geometry):
    for polygon in geometry["coordinates"]:
        for ring in polygon:
            yield from ring


def test_districts_are_a_feature_collection_keyed_by_slug(anon, world):
    body = anon.get("/api/v1/districts/").json()
    assert body["type"] == "FeatureCollection"
    features = {f["id"]: f for f in body["features"]}
    assert set(features) == set(world.districts)
    hanano = features["hanano"]
    assert hanano["type"] == "Feature"
    assert hanano["geometry"]["type"] == "MultiPolygon"
    props = hanano["properties"]
    assert set(props) == {"slug", "name_en", "name_ar", "kind", "area_m2", "label_point"}
    assert props["slug"] == "hanano" and props["name_ar"] == "هنانو"
    assert props["area_m2"] == pytest.approx(world.districts["hanano"].area_m2)
    assert props["label_point"]["type"] == "Point"
    lon, lat = props["label_point"]["coordinates"]
    assert 37 < lon < 38 and 36 < lat < 37  # GeoJSON order: [lon, lat]


def test_district_coordinates_carry_six_decimals_at_most(anon, world):
    body = anon.get("/api/v1/districts/").json()
    for feature in body["features"]:
        for x, y in _coordinates(feature["geometry"]):
            assert round(x, 6) == x and round(y, 6) == y


def test_simplify_drops_vertices_of_a_detailed_polygon(anon, world):
    from django.contrib.gis.geos import MultiPolygon, Polygon

    from tests.factories import DistrictFactory

    # A ring with many nearly collinear points along its bottom edge.
    bottom = [(37.0 + i * 0.0005, 36.0 + (0.00001 if i % 2 else 0)) for i in range(41)]
    ring = [*bottom, (37.02, 36.02), (37.0, 36.02), bottom[0]]
    DistrictFactory(slug="wiggly", geom=MultiPolygon(Polygon(ring, srid=4326), srid=4326))
    full = anon.get("/api/v1/districts/wiggly/").json()
    simple = anon.get("/api/v1/districts/wiggly/?simplify=0.001").json()
    assert len(list(_coordinates(simple["geometry"]))) < len(list(_coordinates(full["geometry"])))
    assert simple["geometry"]["type"] == "MultiPolygon"


def test_bbox_keeps_only_the_districts_it_touches(anon, world):
    x0, y0, x1, y1 = world.districts["hanano"].geom.extent  # [lon, lat] corners
    inner = f"{x0 + 0.001},{y0 + 0.001},{x1 - 0.001},{y1 - 0.001}"
    body = anon.get(f"/api/v1/districts/?bbox={inner}").json()
    assert [f["id"] for f in body["features"]] == ["hanano"]


def test_one_district_is_a_feature(anon, world):
    feature = anon.get("/api/v1/districts/ash-shaar/").json()
    assert feature["id"] == "ash-shaar" and feature["type"] == "Feature"


def test_unknown_district_slug_is_a_404_that_says_where_to_look(anon, world):
    response = anon.get("/api/v1/districts/nowhere/")
    assert response.status_code == 404
    assert "/api/v1/districts/" in response.json()["detail"]


def test_history_lists_periods_with_the_claims_behind_them(anon, world):
    body = anon.get("/api/v1/districts/hanano/history/?lens=consensus").json()
    assert body["district"] == "hanano" and body["lens"] == "consensus"
    first, second = body["periods"]
    assert (first["status"], first["actor"], first["start"], first["end"]) == (
        "held",
        "rebels",
        "2012-07-31",
        "2016-11-26",
    )
    assert first["start_earliest"] == "2012-07-01"  # the month's window is the uncertainty
    assert second["actor"] == "government" and second["end"] is None
    supporting = {c["id"]: c for c in second["supporting_claims"]}
    monitor = supporting[world.claims["hanano_monitor"].pk]
    assert monitor["source"] == {"slug": "sohr", "name": "SOHR", "stance": "independent"}
    assert monitor["quote"] == "Hanano fell to the army."
    assert monitor["url"] == "https://example.org/sohr/statement"
    assert monitor["citation"] and monitor["effective_from"] == "2016-11-26"


def test_history_of_a_disputed_day_lists_the_outweighed_side_too(anon, world):
    body = anon.get("/api/v1/districts/ash-shaar/history/").json()
    [period] = body["periods"]
    assert period["status"] == "disputed"
    assert set(period["actors"]) == {"government", "rebels"}
    assert {c["source"]["slug"] for c in period["supporting_claims"]} == {
        "syrian-army",
        "rebel-media",
    }


def test_history_never_shows_a_rejected_claim_to_the_public(anon, world):
    body = anon.get("/api/v1/districts/bustan-al-qasr/history/").json()
    ids = {
        c["id"]
        for p in body["periods"]
        for key in ("supporting_claims", "contradicting_claims")
        for c in p[key]
    }
    assert world.claims["bustan_rejected"].pk not in ids


def test_history_in_a_source_lens_tells_that_sources_story(anon, world):
    body = anon.get("/api/v1/districts/ash-shaar/history/?lens=source:rebel-media").json()
    [period] = body["periods"]
    assert period["status"] == "held" and period["actor"] == "rebels"


def test_actors_list_the_seeded_contract_slugs_with_coalitions(anon, world):
    body = anon.get("/api/v1/actors/?page_size=100").json()
    slugs = {a["slug"]: a for a in body["results"]}
    assert {"government", "rebels", "nusra", "kurdish_ypg", "isis"} <= set(slugs)
    assert slugs["syrian-arab-army"]["parent"] == "government"
    assert slugs["government"]["parent"] is None


def test_sources_and_documents_are_listed(anon, world):
    sources = anon.get("/api/v1/sources/").json()
    assert {s["slug"] for s in sources["results"]} == {"syrian-army", "rebel-media", "sohr"}
    army = anon.get("/api/v1/sources/syrian-army/").json()
    assert army["stance"] == "government" and army["actor"] == "government"
    documents = anon.get("/api/v1/documents/").json()
    assert documents["count"] == 3
    one = anon.get(f"/api/v1/documents/{world.documents['army'].pk}/").json()
    assert one["source"] == "syrian-army"


def test_the_public_sees_every_claim_except_rejected_ones(anon, world):
    body = anon.get("/api/v1/claims/?page_size=1000").json()
    assert {c["id"] for c in body["results"]} == public_claim_ids(world)
    rejected = world.claims["bustan_rejected"].pk
    assert anon.get(f"/api/v1/claims/{rejected}/").status_code == 404
    assert anon.get("/api/v1/claims/?review_status=rejected").json()["count"] == 0


def test_analysts_and_reviewers_also_see_rejected_claims(world, users):
    rejected = world.claims["bustan_rejected"].pk
    for role in ("analyst", "reviewer"):
        client = client_as(users[role])
        assert client.get(f"/api/v1/claims/{rejected}/").status_code == 200
        assert client.get("/api/v1/claims/?review_status=rejected").json()["count"] == 1
    staff = client_as(users["staff"])
    assert staff.get(f"/api/v1/claims/{rejected}/").status_code == 404


def test_a_claim_carries_its_source_window_quote_and_citation(anon, world):
    claim = world.claims["bustan_army"]
    body = anon.get(f"/api/v1/claims/{claim.pk}/").json()
    assert body["district"] == "bustan-al-qasr" and body["source"] == "syrian-army"
    assert (body["effective_from"], body["effective_to"]) == ("2016-12-06", "2016-12-12")
    assert body["url"] == "https://example.org/syrian-army/statement"
    assert body["mapped"] is True and body["stance"] == "government"


def _ids(client, query):
    response = client.get("/api/v1/claims/?page_size=1000&" + query)
    assert response.status_code == 200, response.content
    return {c["id"] for c in response.json()["results"]}


def test_claims_filter_by_district_source_stance_actor_and_status(anon, world):
    c = world.claims
    assert _ids(anon, "district=hanano") == {
        c["hanano_rebels_2012"].pk,
        c["hanano_army"].pk,
        c["hanano_monitor"].pk,
    }
    assert _ids(anon, "source=rebel-media") == {c["shaar_rebels"].pk}
    assert _ids(anon, "stance=opposition") == {c["shaar_rebels"].pk}
    assert c["hanano_army"].pk in _ids(anon, "actor=government")  # a coalition matches its members
    assert _ids(anon, "actor=syrian-arab-army") == {c["hanano_army"].pk}
    assert _ids(anon, "status=contested") == {c["bustan_contested"].pk}
    assert _ids(anon, "review_status=accepted") == {c["hanano_monitor"].pk}
    assert _ids(anon, "mapped=false") == {c["unmapped"].pk}
    assert c["unmapped"].pk not in _ids(anon, "mapped=true")


def test_claims_filter_by_overlap_of_their_effective_window(anon, world):
    c = world.claims
    # bustan_army runs 2016-12-06..12; a range that ends on its first day still catches it.
    assert c["bustan_army"].pk in _ids(anon, "from=2016-12-01&to=2016-12-06")
    assert c["bustan_army"].pk not in _ids(anon, "from=2016-12-13")
    assert _ids(anon, "to=2013-01-01") == {c["hanano_rebels_2012"].pk}


def test_claims_are_ordered_on_request(anon, world):
    body = anon.get("/api/v1/claims/?ordering=-effective_to&page_size=1000").json()
    days = [c["effective_to"] for c in body["results"]]
    assert days == sorted(days, reverse=True)


def test_claims_are_paginated(anon, world):
    first = anon.get("/api/v1/claims/?page_size=2").json()
    assert len(first["results"]) == 2 and first["count"] == len(public_claim_ids(world))
    assert "page=2" in first["next"]
    last_page = -(-first["count"] // 2)
    assert anon.get(f"/api/v1/claims/?page_size=2&page={last_page}").status_code == 200
    past = anon.get(f"/api/v1/claims/?page_size=2&page={last_page + 1}")
    assert past.status_code == 404 and "page" in past.json()


def test_control_on_a_day_has_exactly_the_contract_shape(anon, world):
    body = anon.get("/api/v1/control/?on=2016-12-07&lens=consensus").json()
    assert set(body) == {"on", "lens", "districts"}
    assert body["on"] == "2016-12-07" and body["lens"] == "consensus"
    by_slug = {d["district"]: d for d in body["districts"]}
    for row in body["districts"]:
        assert set(row) == {
            "district",
            "status",
            "actor",
            "actors",
            "since",
            "claims",
            "last_reported",
            "stale",
        }
    assert by_slug["hanano"]["status"] == "held" and by_slug["hanano"]["actor"] == "government"
    assert by_slug["hanano"]["since"] == "2016-11-26"
    # The army and SOHR both reported Hanano government-held on 26 Nov, 11 days before: fresh.
    assert by_slug["hanano"]["last_reported"] == "2016-11-26"
    assert by_slug["hanano"]["stale"] is False
    assert world.claims["hanano_monitor"].pk in by_slug["hanano"]["claims"]
    assert by_slug["ash-shaar"]["status"] == "disputed" and by_slug["ash-shaar"]["actor"] is None
    assert by_slug["bustan-al-qasr"]["status"] == "contested"
    assert by_slug["sheikh-maqsoud"]["actor"] == "kurdish_ypg"


def test_control_before_any_claim_is_unknown(anon, world):
    body = anon.get("/api/v1/control/?on=2010-01-01").json()
    assert {d["status"] for d in body["districts"]} == {"unknown"}
    assert all(d["since"] is None and d["actor"] is None for d in body["districts"])
    assert all(d["last_reported"] is None and d["stale"] is False for d in body["districts"])


def test_timeline_decodes_to_the_stored_periods(anon, world):
    body = anon.get("/api/v1/timeline/?lens=consensus").json()
    assert body["lens"] == "consensus"
    for day in (D(2012, 8, 15), D(2016, 11, 26), D(2016, 12, 7), D(2016, 12, 20)):
        decoded = {}
        for district, start, end, status, actor, _earliest, actors in body["periods"]:
            if start <= day.isoformat() and (end is None or day.isoformat() < end):
                decoded[body["districts"][district]] = (
                    status,
                    body["actors"][actor] if actor is not None else None,
                    sorted(body["actors"][a] for a in actors),
                )
        expected = {
            s.district: (s.status, s.actor, sorted(s.actors))
            for s in selectors.control_on(on=day, lens="consensus")
            if s.status != "unknown"
        }
        assert decoded == expected


def test_changes_feed_lists_new_periods_rejections_and_retractions(anon, world):
    body = anon.get("/api/v1/changes/?since=2016-11-01&until=2016-12-31").json()
    assert body["since"] == "2016-11-01" and body["until"] == "2016-12-31"
    kinds = [(c["type"], c["district"]) for c in body["changes"]]
    assert ("control", "hanano") in kinds and ("control", "ash-shaar") in kinds
    assert ("retracted", "sheikh-maqsoud") in kinds
    retraction = next(c for c in body["changes"] if c["type"] == "retracted")
    assert retraction["day"] == "2016-12-11"
    assert retraction["claims"] == [world.claims["maqsoud_retracted"].pk]
    days = [c["day"] for c in body["changes"]]
    assert days == sorted(days)


def test_changes_feed_reports_a_rejection_on_the_day_it_was_recorded(anon, world):
    today = datetime.date.today().isoformat()
    body = anon.get(f"/api/v1/changes/?since={today}&until={today}").json()
    rejected = [c for c in body["changes"] if c["type"] == "rejected"]
    assert [c["claims"] for c in rejected] == [[world.claims["bustan_rejected"].pk]]
    assert rejected[0]["source"] == "rebel-media"


def test_area_stats_share_the_whole_city_between_sides(anon, world):
    body = anon.get("/api/v1/stats/area/?from=2016-12-01&to=2016-12-20&step=7").json()
    assert [p["day"] for p in body["series"]] == ["2016-12-01", "2016-12-08", "2016-12-15"]
    for point in body["series"]:
        assert sum(point["share"].values()) == pytest.approx(1.0)
        assert sum(point["area_m2"].values()) == pytest.approx(body["total_area_m2"])
    assert body["series"][1]["area_m2"]["government"] == pytest.approx(
        world.districts["hanano"].area_m2
    )


def test_area_stats_default_to_the_span_of_the_lens(anon, world):
    body = anon.get("/api/v1/stats/area/?step=365").json()
    # From the first change (SOHR's Hanano, 31 Jul 2012) to the last: Bustan al-Qasr turning
    # contested on 5 Dec 2016. The army's claim of 12 Dec there changes nothing: SOHR's standing
    # independent "contested" outweighs a partisan claim (engine v2, rules 2 and 5c).
    assert body["from"] == "2012-07-31" and body["to"] == "2016-12-05"
