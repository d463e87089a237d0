"""/ogc/: OGC API - Features (Part 1: Core, GeoJSON, OpenAPI 3.0) over districts, control
periods and claims."""

from django.urls import path, re_path

from ogc import views

app_name = "ogc"

COLLECTION = "collections/<str:collection_id>"
urlpatterns = [
    path("", views.Landing.as_view(), name="landing"),
    path("conformance", views.Conformance.as_view(), name="conformance"),
    path("api", views.Definition.as_view(), name="api"),
    path("collections", views.Collections.as_view(), name="collections"),
    path(COLLECTION, views.CollectionDetail.as_view(), name="collection"),
    path(f"{COLLECTION}/schema", views.CollectionSchema.as_view(), name="schema"),
    path(f"{COLLECTION}/items", views.Items.as_view(), name="items"),
    path(f"{COLLECTION}/items/<str:feature_id>", views.Item.as_view(), name="item"),
    re_path(r"^[\s\S]*$", views.Missing.as_view(), name="missing"),
]
