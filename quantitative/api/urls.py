"""The quantitative app's routes under /api/v1/ (put together with the claims core's in
`config/api_urls.py`)."""

from django.urls import path
from rest_framework.routers import SimpleRouter

from quantitative.api import views

router = SimpleRouter()
router.register(
    "quantitative-claims", views.QuantitativeClaimViewSet, basename="quantitative-claim"
)

v1 = [
    *router.urls,
    path("sources/<slug:slug>/record/", views.SourceRecordView.as_view(), name="source-record"),
]
