"""frontline/: the line where districts held by different sides touch or lie within 50 m,
over a constructed city whose squares are laid out in metres (UTM zone 37N, near Aleppo):

    west (government) | east (rebels) | 30 m gap | across (syrian-arab-army) | 200 m | far (rebels)
    north (syrian-arab-army) sits on top of west, the same side (the army is a government
    member), shifted 100 m west so that it stays 100 m from east.
"""

import datetime

import pytest
from django.contrib.gis.geos import MultiPolygon, Polygon
from rest_framework.test import APIClient

from districts.geometry import area_m2, label_point
from tests.api.conftest import World, claim_add
from tests.factories import DistrictFactory, DocumentFactory, SourceFactory

pytestmark = pytest.mark.django_db
D = datetime.date
DAY = D(2016, 12, 1)
# The south-west corner of the city in UTM 37N metres (about 37.15 E, 36.20 N).
X0, Y0 = 333_000, 4_008_000
SQUARES = {  # slug: (west, south, east, north) in metres from the corner, and the holder
    "west": ((0, 0, 500, 500), "government"),
    "east": ((500, 0, 1000, 500), "rebels"),
    "across": ((1030, 0, 1530, 500), "syrian-arab-army"),
    "far": ((1730, 0, 2230, 500), "rebels"),
    "north": ((-100, 500, 400, 1000), "syrian-arab-army"),
}


def metre_square(west: float, south: float, east: float, north: float) -> MultiPolygon:
    box = Polygon.from_bbox((X0 + west, Y0 + south, X0 + east, Y0 + north))
    box.srid = 32637
    box.transform(4326)
    return MultiPolygon(box, srid=4326)


@pytest.fixture
def city(db) -> World:
    world = World()
    for slug, (box, _) in SQUARES.items():
        geom = metre_square(*box)
        world.districts[slug] = DistrictFactory(
            slug=slug, geom=geom, area_m2=area_m2(geom), label_point=label_point(geom)
        )
    world.sources["monitor"] = SourceFactory(slug="monitor", stance="independent")
    world.documents["monitor"] = DocumentFactory(source=world.sources["monitor"])
    for slug, (_, who) in SQUARES.items():
        claim_add(world, slug, source="monitor", district=slug, who=who, day=DAY)
    return world


def front(on="2016-12-02", **params):
    return APIClient().get("/api/v1/frontline/", {"on": on, **params})


def pairs(response) -> dict:
    return {frozenset(f["properties"]["districts"]): f for f in response.json()["features"]}


def test_the_line_runs_between_touching_and_street_gap_neighbours_only(city):
    response = front()
    assert response.status_code == 200
    found = pairs(response)
    assert set(found) == {frozenset({"west", "east"}), frozenset({"east", "across"})}


def test_each_line_lies_along_the_shared_edge_and_names_both_sides(city):
    for feature in front().json()["features"]:
        props = feature["properties"]
        assert feature["geometry"]["type"] in ("LineString", "MultiLineString")
        sides = dict(zip(props["districts"], props["sides"], strict=True))
        assert sides["east"] == "rebels"
        assert set(sides.values()) == {"government", "rebels"}  # the army counts as government
        line = feature["geometry"]["coordinates"]
        points = [p for part in line for p in part] if isinstance(line[0][0], list) else line
        lons = [lon for lon, _ in points]
        lats = [lat for _, lat in points]
        # Every point lies within 50 m of the east square's west edge (x = 500 m) or east edge
        # (x = 1000 m), 0.0056 degrees of longitude apart (50 m is 0.00056 degrees here: the
        # line's ends turn 50 m along the edges that meet it), and the line runs the length of
        # the shared 500 m edge (0.0045 degrees of latitude).
        edge = metre_square(500, 0, 1000, 500).extent
        near = [min(abs(lon - edge[0]), abs(lon - edge[2])) for lon in lons]
        assert max(near) < 0.0006
        assert max(lats) - min(lats) > 0.004


def test_no_line_on_a_day_before_anyone_held_anything(city):
    response = front(on="2016-11-01")
    assert response.status_code == 200
    assert response.json()["features"] == []


@pytest.mark.parametrize(
    ("params", "field"),
    [({"on": "2016-13-01"}, "on"), ({"on": ""}, "on"), ({"lens": "nonsense"}, "lens")],
)
def test_a_bad_parameter_is_a_400_naming_it(city, params, field):
    response = front(**params)
    assert response.status_code == 400
    assert field in response.json()


def test_a_missing_day_is_a_400_naming_it(city):
    response = APIClient().get("/api/v1/frontline/")
    assert response.status_code == 400
    assert "on" in response.json()


def test_an_unchanged_record_answers_304(city):
    first = front()
    again = APIClient().get(
        "/api/v1/frontline/", {"on": "2016-12-02"}, HTTP_IF_NONE_MATCH=first["ETag"]
    )
    assert again.status_code == 304
