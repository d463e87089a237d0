"""The releases app's routes under /api/v1/; `REPLACES` names the tracker's routes that its
views take over (control/ and timeline/, with `?as_of_release=`)."""

from django.urls import path

from releases import api

REPLACES = {"control", "timeline"}

v1 = [
    path("control/", api.ReleasedControlView.as_view(), name="control"),
    path("timeline/", api.ReleasedTimelineView.as_view(), name="timeline"),
    path("export.gpkg", api.GeoPackageView.as_view(), name="export-gpkg"),
    path("releases/", api.ReleaseListView.as_view(), name="release-list"),
    path("releases/<int:number>/", api.ReleaseDetailView.as_view(), name="release-detail"),
    path(
        "releases/<int:number>/files/<str:name>",
        api.ReleaseFileView.as_view(),
        name="release-file",
    ),
]
