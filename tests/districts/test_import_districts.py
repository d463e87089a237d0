"""import_districts: validation before any write, explicit SRIDs, updates, and name priorities."""

import json

import pytest
from django.core.management import call_command

from districts.models import Alias, District
from districts.names import name_key
from districts.polygon_import import DistrictImportError, districts_import
from districts.selectors import place_resolve
from tests.factories import RegionFactory, square
from tracker.demo import DEMO_DISTRICTS

pytestmark = pytest.mark.django_db


def feature(slug, name_en, geometry=None, **props):
    geometry = geometry if geometry is not None else json.loads(square(0, 0).json)
    properties = {"slug": slug, "name_en": name_en, **props}
    return {"type": "Feature", "geometry": geometry, "properties": properties}


def collection_write(path, *features, crs=None):
    data = {"type": "FeatureCollection", "features": list(features)}
    if crs:
        data["crs"] = {"type": "name", "properties": {"name": crs}}
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_the_aleppo_file_loads_126_districts_with_areas_in_square_metres():
    report = districts_import(DEMO_DISTRICTS)
    assert len(report.created) == District.objects.count() == 126
    source = json.loads(DEMO_DISTRICTS.read_text(encoding="utf-8"))
    expected_km2 = {
        f["properties"]["slug"]: f["properties"]["area_km2"] for f in source["features"]
    }
    for district in District.objects.all():
        # The file's areas are geodesic; ours come from an equal-area projection.
        assert district.area_m2 / 1e6 == pytest.approx(expected_km2[district.slug], rel=0.005)
        assert district.geom.srid == 4326
        assert district.geom.contains(district.label_point)
    assert place_resolve("Hanano").districts[0].slug == "hanano"
    assert place_resolve("شيخ مقصود").districts[0].slug == "ash-sheikh-maqsoud"


def test_a_spelling_shared_by_several_features_is_reported_and_named_by_none():
    report = districts_import(DEMO_DISTRICTS)
    assert report.ambiguous_names["الحمدانية"] == [
        f"al-hamdaniyeh-{n}" for n in ["i", "ii", "iii", "iv", "v"]
    ]
    assert not Alias.objects.filter(key=name_key("الحمدانية")).exists()


def test_a_shared_spelling_claimed_by_a_region_is_no_longer_reported():
    districts_import(DEMO_DISTRICTS)
    region = RegionFactory(slug="ramouseh-industrial")
    Alias.objects.create(
        name="الراموسة", key=name_key("الراموسة"), region=region, origin=Alias.Origin.CURATED
    )
    report = districts_import(DEMO_DISTRICTS)
    assert "الراموسة" not in report.ambiguous_names
    assert "الحمدانية" in report.ambiguous_names
    assert Alias.objects.get(key=name_key("الراموسة")).region == region


def test_an_invalid_polygon_is_named_and_nothing_is_written(tmp_path):
    bowtie = {
        "type": "Polygon",
        "coordinates": [[[37.1, 36.1], [37.2, 36.2], [37.2, 36.1], [37.1, 36.2], [37.1, 36.1]]],
    }
    path = collection_write(
        tmp_path / "bad.geojson", feature("good", "Good"), feature("twisted", "Twisted", bowtie)
    )
    with pytest.raises(DistrictImportError) as raised:
        districts_import(path)
    assert len(raised.value.errors) == 1
    assert "feature 2 (twisted)" in raised.value.errors[0]
    assert "invalid polygon" in raised.value.errors[0]
    assert District.objects.count() == 0


def test_every_feature_without_slug_or_name_is_listed(tmp_path):
    path = collection_write(
        tmp_path / "bad.geojson",
        feature("", "No slug"),
        feature("no-name", ""),
        feature("fine", "Fine"),
    )
    with pytest.raises(DistrictImportError) as raised:
        districts_import(path)
    errors = raised.value.errors
    assert "feature 1 (no slug): no `slug`" in errors[0]
    assert "feature 2 (no-name): `name_en` is empty" in errors[1]
    assert len(errors) == 2
    assert District.objects.count() == 0


def test_the_command_lists_the_bad_features(tmp_path):
    path = collection_write(tmp_path / "bad.geojson", feature("dup", "A"), feature("dup", "B"))
    with pytest.raises(Exception, match=r"feature 2 \(dup\): slug already used by feature 1"):
        call_command("import_districts", str(path))


def test_a_file_in_web_mercator_is_transformed_to_wgs84(tmp_path):
    cell = square(3, 2)
    mercator = cell.transform(3857, clone=True)
    path = collection_write(
        tmp_path / "mercator.geojson",
        feature("cell", "Cell", json.loads(mercator.json)),
        crs="urn:ogc:def:crs:EPSG::3857",
    )
    districts_import(path)
    district = District.objects.get(slug="cell")
    assert district.geom.srid == 4326
    # x = longitude, y = latitude: the cell is back where it was, not in metres.
    assert district.geom.extent == pytest.approx(cell.extent, abs=1e-7)
    assert district.area_m2 == pytest.approx(1e6, rel=0.25)  # a 0.01° cell is about 1 km²


def test_an_unknown_crs_name_is_refused_with_how_to_fix_it(tmp_path):
    path = collection_write(tmp_path / "odd.geojson", feature("a", "A"), crs="local grid")
    with pytest.raises(DistrictImportError, match="give the file an EPSG code or omit `crs`"):
        districts_import(path)


def test_reimport_reports_unchanged_then_updates_what_changed(tmp_path):
    path = collection_write(tmp_path / "a.geojson", feature("a", "Alpha"), feature("b", "Beta"))
    districts_import(path)
    again = districts_import(path)
    assert (again.created, again.updated, sorted(again.unchanged)) == ([], [], ["a", "b"])

    moved = json.loads(square(5, 5).json)
    path = collection_write(
        tmp_path / "b.geojson", feature("a", "Alpha Renamed"), feature("b", "Beta", moved)
    )
    report = districts_import(path)
    assert sorted(report.updated) == ["a", "b"]
    assert District.objects.get(slug="a").name_en == "Alpha Renamed"
    assert District.objects.get(slug="b").geom.equals_exact(square(5, 5), tolerance=1e-9)
    assert place_resolve("Alpha Renamed").districts[0].slug == "a"


def test_an_official_name_beats_another_feature_s_alternative_name(tmp_path):
    path = collection_write(
        tmp_path / "a.geojson",
        feature("bayyada", "al-Bayyada", alt_names="Bab al-Hadid; Hadid Gate"),
        feature("hadid", "Bab Hadid", json.loads(square(1, 0).json)),
    )
    districts_import(path)
    alias = Alias.objects.get(key=name_key("Bab al-Hadid"))
    assert (alias.district.slug, alias.origin) == ("hadid", Alias.Origin.NAME)
    assert place_resolve("Hadid Gate").districts[0].slug == "bayyada"


def test_reimport_keeps_spellings_that_analysts_and_the_curated_table_decided(tmp_path):
    path = collection_write(
        tmp_path / "a.geojson",
        feature("a", "Alpha", alt_names="Old Market"),
        feature("b", "Beta", json.loads(square(1, 0).json), alt_names="North Gate"),
    )
    districts_import(path)
    b = District.objects.get(slug="b")
    Alias.objects.filter(key=name_key("Alpha")).update(district=b, origin=Alias.Origin.ANALYST)
    Alias.objects.filter(key=name_key("Old Market")).update(district=b, origin=Alias.Origin.CURATED)
    Alias.objects.filter(key=name_key("North Gate")).update(district=District.objects.get(slug="a"))
    districts_import(path)
    assert place_resolve("Alpha").districts == (b,)  # the analyst's decision stands
    assert place_resolve("Old Market").districts == (b,)  # so does the curated table's
    assert place_resolve("North Gate").districts == (b,)  # source data is the file's to fix
