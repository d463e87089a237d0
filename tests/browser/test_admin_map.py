"""The admin's map widget in a real Chromium: it works offline, with no tile server."""

from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from tests.factories import ClaimFactory, DistrictFactory, UserFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def log_in(page, live_server) -> None:
    """Give the browser the session of a freshly made superuser."""
    user = UserFactory(username="editor", is_staff=True, is_superuser=True)
    client = Client()
    client.force_login(user)
    page.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )


def foreign_requests(page, live_server) -> list[str]:
    here = urlsplit(live_server.url).netloc
    return [
        url
        for url in page.requests_seen
        if not url.startswith("data:") and urlsplit(url).netloc != here
    ]


def test_district_change_page_draws_the_polygon_in_the_leaflet_widget_offline(page, live_server):
    district = DistrictFactory(name_en="Hanano", name_ar="هنانو")
    DistrictFactory(name_en="Hanano Barracks")  # drawn around it, for context
    log_in(page, live_server)
    page.goto(live_server.url + reverse("admin:districts_district_change", args=[district.pk]))

    widget = page.locator("#id_geom-map.leaflet-container")
    widget.wait_for()
    page.wait_for_function(  # the edited district plus one neighbour for context
        "() => document.querySelectorAll('#id_geom-map .leaflet-overlay-pane path').length === 2"
    )
    box = widget.bounding_box()
    assert box["width"] > 300 and box["height"] > 300
    edited = page.locator("#id_geom-map .leaflet-overlay-pane path.leaflet-interactive")
    assert edited.count() == 1, "only the edited district is interactive"
    assert edited.bounding_box()["width"] > 50, "the widget should zoom to the district"
    assert page.locator("#id_geom-map .leaflet-tile").count() == 0
    assert page.locator("#id_geom-map .leaflet-draw").count() == 1  # editable
    assert foreign_requests(page, live_server) == []
    assert page.console_errors == []


def test_claim_changelist_shows_a_place_name_holding_html_as_text(page, live_server):
    ClaimFactory(place_name="<img src=x onerror=alert(1)>", district=None)
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    log_in(page, live_server)
    page.goto(live_server.url + reverse("admin:tracker_claim_changelist"))
    row = page.locator("#result_list tbody tr").first
    assert "<img src=x onerror=alert(1)>" in row.inner_text()
    assert row.locator("img").count() == 0
    assert dialogs == []
    assert foreign_requests(page, live_server) == []
    assert page.console_errors == [], [
        u for u in page.requests_seen if "favicon" in u or "404" in u
    ]
