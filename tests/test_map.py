"""The map's data and page, read over HTTP: what the browser code relies on."""

import json

import pytest
from django.core.management import call_command
from django.test import override_settings

from districts.models import District
from tests.factories import DistrictFactory

pytestmark = pytest.mark.django_db

ALEPPO_DISTRICTS = "districts/data/aleppo_districts.geojson"


def test_districts_geojson_is_a_cacheable_feature_collection_rounded_to_six_decimals(client):
    call_command("import_districts", ALEPPO_DISTRICTS, verbosity=0)
    response = client.get("/map/districts.geojson")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/geo+json"
    assert "public" in response["Cache-Control"] and "max-age=" in response["Cache-Control"]

    collection = json.loads(response.content)
    assert collection["type"] == "FeatureCollection"
    assert len(collection["features"]) == District.objects.count() == 126
    feature = next(f for f in collection["features"] if f["id"] == "abraj")
    assert feature["properties"] == {
        "slug": "abraj",
        "name_en": "Abraj",
        "name_ar": "أبراج",
        "kind": "neighbourhood",
        "area_km2": pytest.approx(0.0789, abs=0.001),
        "label": [pytest.approx(37.1689, abs=0.002), pytest.approx(36.2018, abs=0.002)],
        "aliases": [],  # its one other spelling, ابراج, folds to its name's key
    }
    bayyada = next(f for f in collection["features"] if f["id"] == "al-bayyada")
    assert {"جب القبة", "باب الحديد"} <= set(bayyada["properties"]["aliases"])
    assert feature["geometry"]["type"] == "MultiPolygon"
    lon, lat = feature["geometry"]["coordinates"][0][0][0]  # GeoJSON order: [lon, lat]
    assert 37.0 < lon < 37.3 and 36.1 < lat < 36.3
    decimals = [
        len(repr(value).split(".")[1])
        for f in collection["features"]
        for polygon in f["geometry"]["coordinates"]
        for ring in polygon
        for point in ring
        for value in point
        if "." in repr(value)
    ]
    assert max(decimals) <= 6

    again = client.get("/map/districts.geojson", HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304


def test_home_page_hands_the_map_its_config_and_no_tile_url_by_default(client):
    response = client.get("/")
    config = response.context["map_config"]
    assert config["districtsUrl"] == "/map/districts.geojson"
    assert config["tileUrl"] is None
    assert 'id="map-config"' in response.content.decode()


def test_home_page_passes_a_configured_tile_url(client):
    with override_settings(MAP_TILE_URL="https://tiles.example.org/{z}/{x}/{y}.png"):
        config = client.get("/").context["map_config"]
    assert config["tileUrl"] == "https://tiles.example.org/{z}/{x}/{y}.png"


def test_district_names_are_json_strings_in_the_payload_never_markup(client):
    DistrictFactory(slug="hostile", name_en='</script><img src=x onerror="alert(1)">')
    collection = json.loads(client.get("/map/districts.geojson").content)
    names = {f["id"]: f["properties"]["name_en"] for f in collection["features"]}
    assert names["hostile"] == '</script><img src=x onerror="alert(1)">'


def test_districts_geojson_is_gzipped_within_the_150_kb_map_budget(client):
    call_command("import_districts", ALEPPO_DISTRICTS, verbosity=0)
    response = client.get("/map/districts.geojson", HTTP_ACCEPT_ENCODING="gzip")
    assert response["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in response["Vary"]
    assert len(response.content) < 150 * 1024
