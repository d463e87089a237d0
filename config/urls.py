from django.contrib import admin
from django.urls import include, path

from districts import views as district_views
from tracker import views

urlpatterns = [
    path("", views.home, name="home"),
    path("embed/", views.embed, name="embed"),
    path("map/districts.geojson", district_views.districts_geojson, name="districts-geojson"),
    path("", include("quantitative.urls")),  # old admin URLs of quantitative claims
    path("admin/", admin.site.urls),
    path("api/", include("config.api_urls")),
    path("ogc/", include("ogc.urls")),
    path("sources/<slug:slug>/", include("quantitative.source_pages")),
    path("", include("config.health")),
    path("favicon.ico", views.favicon),
]
