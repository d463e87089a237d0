"""The claims core's routes under /api/v1/; `config/api_urls.py` puts them together with the
quantitative app's, and serves /api/schema/ (OpenAPI 3) and /api/docs/ (Swagger UI, no CDN)."""

from django.urls import path
from rest_framework.routers import SimpleRouter

from tracker.api import (
    actors,
    changes,
    claims,
    districts,
    frontline,
    sources,
    stats,
    timeline,
)

router = SimpleRouter()
router.register("districts", districts.DistrictViewSet, basename="district")
router.register("actors", actors.ActorViewSet, basename="actor")
router.register("sources", sources.SourceViewSet, basename="source")
router.register("documents", sources.DocumentViewSet, basename="document")
router.register("claims", claims.ClaimViewSet, basename="claim")

v1 = [
    *router.urls,
    path("control/", timeline.ControlView.as_view(), name="control"),
    path("frontline/", frontline.FrontLineView.as_view(), name="frontline"),
    path("timeline/", timeline.TimelineView.as_view(), name="timeline"),
    path("changes/", changes.ChangesView.as_view(), name="changes"),
    path("stats/area/", stats.AreaStatsView.as_view(), name="stats-area"),
]
