"""The GeoPackage download: built by GDAL with Date fields, read back by a GIS client in its
own process, built once per dataset version."""

import datetime

from rest_framework.test import APIClient

from tests.releases.conftest import gdal_read
from tracker import services
from tracker.models import Claim, ControlPeriod

D = datetime.date
URL = "/api/v1/export.gpkg"


def _download(client, tmp_path, name="record.gpkg"):
    response = client.get(URL)
    assert response.status_code == 200, response.content[:500]
    path = tmp_path / name
    path.write_bytes(b"".join(response.streaming_content))
    return response, path


def test_geopackage_has_districts_periods_of_every_lens_and_claims_with_date_fields(
    world, tmp_path
):
    response, path = _download(APIClient(), tmp_path)
    assert response["Content-Type"] == "application/geopackage+sqlite3"
    layers = gdal_read(path)
    assert set(layers) == {"districts", "periods", "claims"}
    for layer in layers.values():
        assert layer["crs"] == "EPSG:4326"
        assert layer["geometry_type"] == "MultiPolygon"

    periods = layers["periods"]
    assert periods["types"]["valid_from"] == "OFTDate"
    assert periods["types"]["valid_to"] == "OFTDate"
    assert periods["types"]["start_earliest"] == "OFTDate"
    assert periods["count"] == ControlPeriod.objects.count()
    assert {r["lens"] for r in periods["rows"]} == set(
        ControlPeriod.objects.values_list("lens", flat=True)
    )
    assert len({r["lens"] for r in periods["rows"]}) > 1  # every lens, not consensus alone
    stored = ControlPeriod.objects.get(lens="consensus", district__slug="hanano", end__isnull=True)
    (row,) = [
        r
        for r in periods["rows"]
        if r["lens"] == "consensus" and r["district"] == "hanano" and r["valid_to"] is None
    ]
    assert row["valid_from"] == stored.start.isoformat()
    assert row["status"] == stored.status and row["has_geometry"]
    closed = [r for r in periods["rows"] if r["valid_to"] is not None]
    assert closed and all(r["valid_from"] < r["valid_to"] for r in closed)

    claims = layers["claims"]
    assert claims["types"]["effective_from"] == "OFTDate"
    assert claims["types"]["retracted_on"] == "OFTDate"
    assert claims["types"]["recorded_at"] == "OFTDateTime"
    assert claims["types"]["id"] == "OFTInteger64"
    ids = {int(r["id"]) for r in claims["rows"]}
    assert ids == set(Claim.objects.exclude(review_status="rejected").values_list("pk", flat=True))
    by_id = {int(r["id"]): r for r in claims["rows"]}
    army = world.claims["hanano_army"]
    assert by_id[army.pk]["quote"] == army.quote  # a GIS file keeps the text as it is
    assert by_id[army.pk]["effective_to"] == "2016-11-26"
    assert by_id[world.claims["maqsoud_retracted"].pk]["retracted_on"] == "2016-12-11"
    assert not by_id[world.claims["unmapped"].pk]["has_geometry"]

    districts = layers["districts"]
    assert districts["count"] == 4
    assert districts["types"]["area_m2"] == "OFTReal"
    assert all(r["has_geometry"] for r in districts["rows"])


def test_geopackage_is_built_once_per_dataset_version_and_revalidates(world, tmp_path, settings):
    client = APIClient()
    first, _ = _download(client, tmp_path)
    cached = list(settings.TRACKER_EXPORT_DIR.glob("*.gpkg"))
    assert len(cached) == 1
    built_at = cached[0].stat().st_mtime_ns
    again, _ = _download(client, tmp_path, "again.gpkg")
    assert again["ETag"] == first["ETag"]
    assert cached[0].stat().st_mtime_ns == built_at  # served from the cache, not rebuilt
    assert client.get(URL, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304

    services.claim_retract(claim=world.claims["shaar_army"], retracted_on=D(2016, 12, 3))
    changed, path = _download(client, tmp_path, "changed.gpkg")
    assert changed["ETag"] != first["ETag"]
    assert [p.name for p in settings.TRACKER_EXPORT_DIR.glob("*.gpkg")] != [cached[0].name]
    assert len(list(settings.TRACKER_EXPORT_DIR.glob("*.gpkg"))) == 1  # the old one dropped
    rows = gdal_read(path)["claims"]["rows"]
    (shaar,) = [r for r in rows if int(r["id"]) == world.claims["shaar_army"].pk]
    assert shaar["retracted_on"] == "2016-12-03"
