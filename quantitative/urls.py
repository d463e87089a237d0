"""The admin pages of quantitative claims moved with the model (issue 15): from
/admin/tracker/quantitativeclaim/... to /admin/quantitative/quantitativeclaim/.... Old links and
bookmarks are redirected (temporarily, so a later use of the old path stays possible), query
string included. `config/urls.py` includes these before the admin's own."""

from django.urls import path
from django.views.generic import RedirectView

OLD = "admin/tracker/quantitativeclaim/"
NEW = "/admin/quantitative/quantitativeclaim/"

urlpatterns = [
    path(OLD, RedirectView.as_view(url=NEW, permanent=False, query_string=True)),
    path(
        f"{OLD}<path:rest>",
        RedirectView.as_view(url=NEW + "%(rest)s", permanent=False, query_string=True),
    ),
]
