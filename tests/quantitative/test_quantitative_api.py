"""quantitative-claims/ and sources/{slug}/record/: each number with what the map shows, the
filters the map's "Claims vs map" panel uses, bad parameters named, ETag and 304, the schema."""

import datetime

import pytest

from quantitative.services import quantitative_claim_record, quantitative_claim_review
from tests.api.conftest import client_as
from tests.factories import RegionFactory, actor, reviewer_user

pytestmark = pytest.mark.django_db
D = datetime.date
LIST = "/api/v1/quantitative-claims/"
DEC_12 = D(2016, 12, 12)


@pytest.fixture
def numbers(world) -> dict:
    """Region `east` (Hanano, ash-Sha'ar, Bustan al-Qasr) and numbers about it.

    The map on 12 December: Hanano government-held, ash-Sha'ar disputed between government and
    rebels (army and rebel outlet, same day), Bustan al-Qasr contested: SOHR's independent
    "contested" of 5 December still stands and outweighs the army's partisan claim of 12 December
    (engine v2, rules 2 and 5c).
    """
    east = RegionFactory(slug="east", name_en="East")
    east.districts.set([world.districts[s] for s in ("hanano", "ash-shaar", "bustan-al-qasr")])

    def number(source, measure, value, who="government", day=DEC_12, **kw):
        return quantitative_claim_record(
            document=world.documents[source],
            source=world.sources[source],
            actor=actor(who),
            region=east,
            measure=measure,
            value=value,
            date_from=kw.pop("date_from", day),
            date_to=day,
            **kw,
        )

    claims = {
        "army_three": number("army", "districts_held", 3, quote="<b>three</b>"),
        "monitor_one": number("monitor", "districts_held", 1, bound="upper"),
        "saa_taken": number(
            "army",
            "districts_taken",
            2,
            who="syrian-arab-army",
            date_from=D(2016, 11, 20),
            day=D(2016, 12, 5),
        ),
        "rebel_share": number(
            "rebels",
            "share_held",
            50,
            who="rebels",
            bound="approx",
            day=D(2016, 12, 1),
        ),
        "rejected": number("army", "districts_held", 30),
    }
    quantitative_claim_review(
        claim=claims["rejected"],
        review_status="rejected",
        reviewed_by=reviewer_user(),
        reason="Wrong",
    )
    return {"region": east, **claims}


def ids(response) -> set[int]:
    assert response.status_code == 200, response.content
    return {row["id"] for row in response.json()["results"]}


def test_each_number_comes_with_what_the_map_shows(anon, numbers):
    rows = {row["id"]: row for row in anon.get(LIST).json()["results"]}
    army = rows[numbers["army_three"].pk]
    # Held by the government: Hanano; perhaps also the disputed ash-Sha'ar; not the contested
    # Bustan al-Qasr.
    assert (army["mapped"], army["mapped_low"], army["mapped_high"]) == (1, 1, 2)
    assert army["ratio"] == 3 and army["difference"] == 2
    # Even if the dispute went the government's way the map would show 2, never 3.
    assert army["consistent"] is False and army["verdict"] == "inconsistent"
    assert army["reason"].startswith("The claim (3 district(s) held) does not hold")
    assert "whichever way its 1 unknown or disputed districts went" in army["reason"]
    assert army["districts_total"] == 3 and army["districts_disputed"] == 1
    assert army["coverage"] == 1.0  # nothing unknown: the doubt is the dispute
    assert army["source_page"] == "/sources/syrian-army/"
    assert army["quote"] == "<b>three</b>"  # JSON carries the text as written
    # "At most 1": true if the dispute went to the rebels (1), false if to the government (2).
    monitor = rows[numbers["monitor_one"].pk]
    assert monitor["consistent"] is None and monitor["verdict"] == "cannot_judge"
    assert monitor["reason"].startswith("cannot judge: coverage")
    taken = rows[numbers["saa_taken"].pk]
    assert taken["actor"] == "syrian-arab-army" and taken["baseline"] == "2016-11-19"
    assert taken["mapped"] == 1  # Hanano, taken on 26 November


def test_the_public_never_sees_rejected_numbers_and_the_team_does(anon, users, numbers):
    assert numbers["rejected"].pk not in ids(anon.get(LIST))
    assert numbers["rejected"].pk in ids(client_as(users["analyst"]).get(LIST))


@pytest.mark.parametrize(
    "query, expected",
    [
        ("actor=government", {"army_three", "monitor_one", "saa_taken"}),
        ("actor=syrian-arab-army", {"saa_taken"}),
        ("source=sohr", {"monitor_one"}),
        ("measure=share_held", {"rebel_share"}),
        ("region=east", {"army_three", "monitor_one", "saa_taken", "rebel_share"}),
        ("bound=upper", {"monitor_one"}),
        ("from=2016-12-06", {"army_three", "monitor_one"}),
        ("to=2016-11-30", {"saa_taken"}),
        ("on=2016-12-10", {"army_three", "monitor_one"}),
        ("on=2016-12-02&within=0", set()),
        ("on=2016-12-02&within=1", {"rebel_share"}),
    ],
)
def test_filters(anon, numbers, query, expected):
    assert ids(anon.get(f"{LIST}?{query}")) == {numbers[name].pk for name in expected}


@pytest.mark.parametrize(
    "query, field",
    [
        ("measure=districts_lost", "measure"),
        ("bound=roughly", "bound"),
        ("review_status=maybe", "review_status"),
        ("region=west", "region"),
        ("region=no%20spaces", "region"),
        ("source=nobody", "source"),
        ("actor=%00", "actor"),
        ("from=2016-12-10&to=2016-12-01", "to"),
        ("from=yesterday", "from"),
        ("on=2016-02-30", "on"),
        ("within=3", "within"),
        ("on=2016-12-12&within=99", "within"),
        ("on=2016-12-12&within=x", "within"),
        ("page_size=0", "page_size"),
    ],
)
def test_a_bad_parameter_is_a_400_naming_it(anon, numbers, query, field):
    response = anon.get(f"{LIST}?{query}")
    assert response.status_code == 400
    assert field in response.json(), response.json()


def test_one_number_by_id_and_an_unknown_id(anon, numbers):
    response = anon.get(f"{LIST}{numbers['army_three'].pk}/")
    assert response.status_code == 200 and response.json()["mapped"] == 1
    assert anon.get(f"{LIST}999999/").status_code == 404
    assert anon.get(f"{LIST}{numbers['rejected'].pk}/").status_code == 404


@pytest.mark.parametrize("url", [LIST, f"{LIST}?on=2016-12-12", "/api/v1/sources/sohr/record/"])
def test_reads_revalidate_to_304_until_a_number_is_added(anon, numbers, world, url):
    first = anon.get(url)
    etag = first["ETag"]
    assert first.status_code == 200 and "must-revalidate" in first["Cache-Control"]
    assert anon.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304
    quantitative_claim_record(
        document=world.documents["monitor"],
        actor=actor("rebels"),
        region=numbers["region"],
        measure="area_held_km2",
        value=1,
        bound="upper",
        date_from=D(2016, 12, 13),
    )
    again = anon.get(url, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 200 and again["ETag"] != etag


def test_a_sources_record_gives_confirmed_share_lag_and_ratio(anon, numbers):
    record = anon.get("/api/v1/sources/syrian-army/record/").json()
    assert record["source"] == {
        "slug": "syrian-army",
        "name": "Syrian Army",
        "kind": "other",
        "stance": "government",
        "actor": "government",
        "page": "/sources/syrian-army/",
    }
    # Hanano (26 Nov) is confirmed by SOHR the same day; al-Sha'ar (1 Dec, rebels disagree) and
    # Bustan al-Qasr (12 Dec; only the army and a rejected rebel claim after SOHR's "contested")
    # are not; Sheikh Maqsoud's claim is retracted and does not count.
    assert (record["claims_total"], record["claims_judged"], record["claims_confirmed"]) == (
        3,
        3,
        1,
    )
    assert record["confirmed_share"] == pytest.approx(0.333)
    assert record["median_lag_days"] == 0
    # Numbers: 3 held (map 1, Hanano: ratio 3) and 2 taken by the SAA (map 1: ratio 2).
    assert record["quantitative_total"] == 2 and record["quantitative_with_ratio"] == 2
    assert record["median_ratio"] == 2.5
    assert "confirmed" in record["rules"]


def test_the_record_of_an_unknown_source_is_a_404_naming_the_listing(anon, db):
    response = anon.get("/api/v1/sources/nobody/record/")
    assert response.status_code == 404 and "/api/v1/sources/" in response.json()["detail"]


def test_the_schema_documents_both_endpoints_with_examples(anon, db):
    schema = anon.get("/api/schema/?format=json").json()
    listing = schema["paths"]["/api/v1/quantitative-claims/"]["get"]
    names = {p["name"] for p in listing["parameters"]}
    assert {"actor", "source", "measure", "region", "from", "to", "on", "within"} <= names
    assert "examples" in listing["responses"]["200"]["content"]["application/json"]
    record = schema["paths"]["/api/v1/sources/{slug}/record/"]["get"]
    assert "examples" in record["responses"]["200"]["content"]["application/json"]
    assert "304" in record["responses"] and "400" in record["responses"]


def _json_schema(node):
    """Turn OpenAPI 3.0's `nullable: true` into JSON Schema's type lists, recursively."""
    if isinstance(node, list):
        return [_json_schema(item) for item in node]
    if not isinstance(node, dict):
        return node
    node = {key: _json_schema(value) for key, value in node.items()}
    if node.pop("nullable", False):
        if "type" in node:
            node["type"] = [node["type"], "null"]
        else:
            node = {"anyOf": [node, {"type": "null"}]}
    return node


@pytest.mark.parametrize(
    "url, component",
    [
        (LIST, "PaginatedQuantitativeClaimList"),
        (LIST + "?on=2016-12-12", "PaginatedQuantitativeClaimList"),
        ("/api/v1/sources/syrian-army/record/", "TrackRecord"),
        ("/api/v1/sources/sohr/record/", "TrackRecord"),
    ],
)
def test_populated_answers_match_the_documented_schema(anon, numbers, url, component):
    jsonschema = pytest.importorskip("jsonschema")
    schema = anon.get("/api/schema/?format=json").json()
    components = _json_schema(schema["components"]["schemas"])
    validator = jsonschema.Draft202012Validator(
        {"$ref": f"#/components/schemas/{component}", "components": {"schemas": components}}
    )
    body = anon.get(url).json()
    assert body and not list(validator.iter_errors(body))
