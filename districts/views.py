"""Public read-only views of the districts: the polygons the map draws."""

import hashlib
import json
from collections import defaultdict

from django.contrib.gis.db.models.functions import AsGeoJSON
from django.http import HttpRequest, HttpResponse, HttpResponseNotModified
from django.utils.cache import patch_cache_control
from django.views.decorators.gzip import gzip_page
from django.views.decorators.http import require_safe

from districts.models import Alias, District

COORDINATE_DECIMALS = 6  # about 0.1 m: finer than the polygons are drawn
MAX_AGE_SECONDS = 60 * 60


def districts_feature_collection() -> dict:
    """Return every district as a GeoJSON FeatureCollection (RFC 7946: [lon, lat], EPSG:4326).

    Each feature's `id` is the district's slug. The database writes each geometry with its
    coordinates rounded to six decimals; names are carried as JSON strings, never as markup.
    For the map's names and search, `label` is the stored label point ([lon, lat], inside the
    polygon) and `aliases` every other spelling of the district in the alias table, sorted.
    """
    rows = (
        District.objects.order_by("slug")
        .annotate(geometry=AsGeoJSON("geom", precision=COORDINATE_DECIMALS))
        .values_list("slug", "name_en", "name_ar", "kind", "area_m2", "label_point", "geometry")
    )
    spellings: dict[str, set[str]] = defaultdict(set)
    for slug, name in Alias.objects.filter(district__isnull=False).values_list(
        "district__slug", "name"
    ):
        spellings[slug].add(name)
    features = [
        {
            "type": "Feature",
            "id": slug,
            "properties": {
                "slug": slug,
                "name_en": name_en,
                "name_ar": name_ar,
                "kind": kind,
                "area_km2": round(area / 1e6, 4),
                "label": [round(label.x, COORDINATE_DECIMALS), round(label.y, COORDINATE_DECIMALS)],
                "aliases": sorted(spellings[slug] - {name_en, name_ar}),
            },
            "geometry": json.loads(geometry),
        }
        for slug, name_en, name_ar, kind, area, label, geometry in rows
    ]
    return {"type": "FeatureCollection", "features": features}


@require_safe
@gzip_page
def districts_geojson(request: HttpRequest) -> HttpResponse:
    """Serve all district polygons as one cacheable GeoJSON document, with an ETag."""
    body = json.dumps(
        districts_feature_collection(), ensure_ascii=False, separators=(",", ":")
    ).encode()
    etag = '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
    if etag in request.headers.get("If-None-Match", ""):
        response: HttpResponse = HttpResponseNotModified()
    else:
        response = HttpResponse(body, content_type="application/geo+json")
    response["ETag"] = etag
    patch_cache_control(response, public=True, max_age=MAX_AGE_SECONDS)
    return response
