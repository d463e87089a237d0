"""The public pages: the timeline map, full page (`/`) and for iframes (`/embed/`)."""

from __future__ import annotations

from urllib.parse import urlencode

from csp.decorators import csp_replace
from django.conf import settings
from django.db.models import Max, Min
from django.http import HttpRequest, HttpResponse, HttpResponsePermanentRedirect
from django.shortcuts import render
from django.templatetags.static import static
from django.urls import reverse
from django.utils import translation
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.http import require_safe

from common.kept import code_release, kept_get, kept_set
from common.security import url_origin
from districts.models import District
from sources.models import Source
from tracker.map_preload import map_preloads
from tracker.map_reads import lens_claim_counts, map_regions
from tracker.map_text import DISTRICTS_CREDIT, RTL_LANGUAGES, language_pick, text_for
from tracker.models import Actor, ControlPeriod
from tracker.selectors import lenses_available
from tracker.timeline import CONSENSUS, Lens
from tracker.version import dataset_version

# Leaflet's order, [lat, lng]: where the map opens before the districts have loaded.
ALEPPO_CENTRE_LATLNG = (36.2021, 37.1343)
DISTRICTS_CREDIT_URL = "https://aleppo.c4sr.columbia.edu/"
# Dates are written the way readers of each language expect: Levantine month names in Arabic.
DATE_LOCALES = {"en": "en-GB", "ar": "ar-SY"}


def map_actors() -> list[dict]:
    """Return every side with its names and colour, coalitions first, for the legend."""
    actors = sorted(
        Actor.objects.select_related("parent"), key=lambda a: (a.parent_id is not None, a.name_en)
    )
    return [
        {
            "slug": a.slug,
            "name_en": a.name_en,
            "name_ar": a.name_ar,
            "colour": a.colour,
            "parent": a.parent.slug if a.parent else None,
        }
        for a in actors
    ]


def map_lenses(text: dict[str, str]) -> list[dict]:
    """Return the lenses the picker offers: all sources, each stance, each source with claims.

    Each is `{"value", "label", "group", "claims"}` (`claims`: how many claims the lens rests
    on); a source lens also carries its source's stance.
    """
    counts = lens_claim_counts()
    sources = {s.slug: s for s in Source.objects.only("slug", "name", "stance")}
    lenses: list[dict] = []
    for name in lenses_available():
        lens = Lens.parse(name)
        if lens.kind == CONSENSUS:
            lenses.append({"value": name, "label": text["lens_consensus"], "group": ""})
        elif lens.kind == "stance":
            label = text[f"lens_stance_{lens.value}"]
            lenses.append({"value": name, "label": label, "group": "stance"})
        elif lens.value in sources:
            source = sources[lens.value]
            lenses.append(
                {"value": name, "label": source.name, "group": "source", "stance": source.stance}
            )
    for entry in lenses:
        entry["claims"] = counts.get(entry["value"], 0)
    return lenses


def record_span() -> dict:
    """Return the first and last day on which anything changes in the whole record."""
    span = ControlPeriod.objects.filter(lens=CONSENSUS).aggregate(
        first=Min("start_earliest"), last=Max("start"), last_end=Max("end")
    )
    if span["first"] is None:
        return {"first": None, "last": None}
    last = max(d for d in (span["last"], span["last_end"]) if d is not None)
    return {"first": span["first"].isoformat(), "last": last.isoformat()}


def map_config(*, language: str = "en", embed: bool = False) -> dict:
    """Return what the map scripts need, for the page to hand over through json_script."""
    text = text_for(language)
    return {
        "districtsUrl": reverse("districts-geojson"),
        "timelineUrl": reverse("api-v1:timeline"),
        "controlUrl": reverse("api-v1:control"),
        "frontlineUrl": reverse("api-v1:frontline"),
        "historyUrl": reverse("api-v1:district-history", args=["__slug__"]),
        "pageUrl": reverse("home"),
        "embedUrl": reverse("embed"),
        "centreLatLng": ALEPPO_CENTRE_LATLNG,
        "zoom": 12,
        "tileUrl": settings.MAP_TILE_URL or None,
        "tileAttribution": settings.MAP_TILE_ATTRIBUTION,
        "credit": DISTRICTS_CREDIT,
        "creditUrl": DISTRICTS_CREDIT_URL,
        "kinds": dict(District.Kind.choices),
        "language": language,
        "rtl": language in RTL_LANGUAGES,
        "locale": DATE_LOCALES.get(language, "en-GB"),
        "embed": embed,
        **map_config_of_record(language, text),
        "text": text,
    }


def map_config_of_record(language: str, text: dict[str, str]) -> dict:
    """Return the parts of the map's configuration read from the record: the sides, the lenses
    with their claim counts, the record's span and the regions the place search offers.

    Built once per dataset version and language and kept in the shared cache (as
    `config.response_cache` keeps the public answers): the entry holds the version it was
    built at, and a read whose current version differs rebuilds it. The key names the code's
    release (`common.kept`): parts built by older code are never served after a deploy. The
    version is read before building, so an entry built while a write commits carries the
    older version and is rebuilt by the next read. The page itself is not kept: its scripts
    carry a fresh CSP nonce.
    """
    version = dataset_version().tag
    key = f"tracker:map-config-of-record:{code_release()}:{language}"
    kept = kept_get(key)
    if kept is not None and kept[0] == version:
        return kept[1]
    parts = {
        "actors": map_actors(),
        "lenses": map_lenses(text),
        "record": record_span(),
        "regions": map_regions(),  # the regions the place search offers
    }
    kept_set(key, (version, parts))
    return parts


def _other_language_url(request: HttpRequest, language: str) -> str:
    """Return this page's address in the other language, keeping the rest of the query."""
    query = request.GET.copy()
    query["lang"] = "en" if language == "ar" else "ar"
    return request.path + "?" + urlencode(sorted(query.items()), safe=":")


def _timeline_map(request: HttpRequest, template: str, *, embed: bool) -> HttpResponse:
    language = language_pick(request.GET.get("lang"), getattr(request, "LANGUAGE_CODE", None))
    with translation.override(language):
        config = map_config(language=language, embed=embed)
        response = render(
            request,
            template,
            {
                "map_config": config,
                "preloads": map_preloads(request.GET, config),
                "text": text_for(language),
                "credit": DISTRICTS_CREDIT,
                "credit_url": DISTRICTS_CREDIT_URL,
                "other_language_url": _other_language_url(request, language),
            },
        )
    if tiles := url_origin(settings.MAP_TILE_URL):
        # django-csp's per-response addition, read by its middleware (what @csp_update sets).
        # connect-src (m16b): the picture refetches the tiles with CORS (static/js/map/picture.js).
        response._csp_update = {"img-src": [tiles], "connect-src": [tiles]}  # type: ignore[attr-defined]
    return response


@require_safe
def home(request: HttpRequest) -> HttpResponse:
    """Show the timeline map: who held each district on the day and in the lens the query names.

    `?date=YYYY-MM-DD&lens=consensus&district=<slug>&lang=ar` are read by the page's scripts,
    which keep them up to date as the reader scrubs, so the address is always a permalink.
    """
    return _timeline_map(request, "home.html", embed=False)


@require_safe
@xframe_options_exempt
@csp_replace({"frame-ancestors": settings.TRACKER_EMBED_FRAME_ANCESTORS})
def embed(request: HttpRequest) -> HttpResponse:
    """Show the same map without the site's header and footer, for other sites' iframes."""
    return _timeline_map(request, "embed.html", embed=True)


def favicon(request: HttpRequest) -> HttpResponse:
    """Answer browsers that ask for /favicon.ico on pages naming no icon (API docs, errors)."""
    return HttpResponsePermanentRedirect(static("img/favicon.svg"))
