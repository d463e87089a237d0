from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponsePermanentRedirect
from django.shortcuts import render
from django.templatetags.static import static
from django.urls import reverse

from districts.models import District

# Leaflet's order, [lat, lng]: where the map opens before the districts have loaded.
ALEPPO_CENTRE_LATLNG = (36.2021, 37.1343)
DISTRICTS_CREDIT = (
    "Districts: Columbia Center for Spatial Research, Conflict Urbanism: Aleppo (MIT licence)"
)
DISTRICTS_CREDIT_URL = "https://aleppo.c4sr.columbia.edu/"


def map_config() -> dict:
    """Return what the map scripts need, for the page to hand over through json_script."""
    return {
        "districtsUrl": reverse("districts-geojson"),
        "centreLatLng": ALEPPO_CENTRE_LATLNG,
        "zoom": 12,
        "tileUrl": settings.MAP_TILE_URL or None,
        "tileAttribution": settings.MAP_TILE_ATTRIBUTION,
        "credit": DISTRICTS_CREDIT,
        "creditUrl": DISTRICTS_CREDIT_URL,
        "kinds": dict(District.Kind.choices),
    }


def home(request: HttpRequest) -> HttpResponse:
    """Show the districts on a map served entirely from this server."""
    return render(
        request,
        "home.html",
        {
            "map_config": map_config(),
            "credit": DISTRICTS_CREDIT,
            "credit_url": DISTRICTS_CREDIT_URL,
        },
    )


def favicon(request: HttpRequest) -> HttpResponse:
    """Answer browsers that ask for /favicon.ico on pages naming no icon (API docs, errors)."""
    return HttpResponsePermanentRedirect(static("img/favicon.svg"))
