"""/api/: the contract under /api/v1/ (its root listing the endpoints, the claims core's routes
and the quantitative app's), /api/schema/ (OpenAPI 3) and /api/docs/ (Swagger UI, no CDN)."""

from django.urls import include, path, re_path
from drf_spectacular.utils import extend_schema, extend_schema_view
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from quantitative.api import urls as quantitative_urls
from releases import urls as releases_urls
from tracker.api import base
from tracker.api import urls as tracker_urls
from tracker.api.root import ApiRootView

# What /api/v1/ lists, in this order: (name, URL name). A new endpoint adds its line here.
API_ROOT = [
    ("districts", "api-v1:district-list"),
    ("actors", "api-v1:actor-list"),
    ("sources", "api-v1:source-list"),
    ("documents", "api-v1:document-list"),
    ("claims", "api-v1:claim-list"),
    ("control", "api-v1:control"),
    ("frontline", "api-v1:frontline"),
    ("timeline", "api-v1:timeline"),
    ("changes", "api-v1:changes"),
    ("stats_area", "api-v1:stats-area"),
    ("quantitative_claims", "api-v1:quantitative-claim-list"),
    ("releases", "api-v1:release-list"),
    ("geopackage", "api-v1:export-gpkg"),
    ("ogc_api_features", "ogc:landing"),
    ("schema", "api-schema"),
    ("docs", "api-docs"),
]

# The releases app takes over control/ and timeline/ (adding `?as_of_release=`).
tracker_v1 = [p for p in tracker_urls.v1 if getattr(p, "name", None) not in releases_urls.REPLACES]
v1 = [
    path("", ApiRootView.as_view(entries=API_ROOT), name="root"),
    *tracker_v1,
    *quantitative_urls.v1,
    *releases_urls.v1,
]

SCHEMA_SETTINGS = {
    "COMPONENT_SPLIT_REQUEST": True,
    "ENUM_NAME_OVERRIDES": {
        "ClaimStatusEnum": "tracker.models.Claim.Status",
        "ClaimKindEnum": "tracker.models.Claim.Kind",
        "PeriodStatusEnum": ["held", "contested", "disputed"],
        "ControlStatusEnum": ["held", "contested", "disputed", "unknown"],
        "SourceKindEnum": "sources.models.Source.Kind",
        "DistrictKindEnum": "districts.models.District.Kind",
    },
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "tracker.api.schema.responses_complete",
    ],
}


@extend_schema_view(get=extend_schema(exclude=True))
class SchemaView(SpectacularAPIView):
    """The OpenAPI document, itself left out of the document."""

    custom_settings = SCHEMA_SETTINGS


urlpatterns = [
    path("v1/", include((v1, "api-v1"))),
    path(
        "schema/",
        SchemaView.as_view(),
        name="api-schema",
    ),
    # The split view serves its start-up script as a file: no inline script, so the CSP holds.
    path("docs/", SpectacularSwaggerSplitView.as_view(url_name="api-schema"), name="api-docs"),
    # Anything else under /api/ is a JSON 404, not the site's HTML page.
    re_path(r"^[\s\S]*$", base.ApiNotFound.as_view(), name="api-not-found"),
]
