"""Painting an assessment map in a real Chromium, on the real districts and regions of Aleppo:
select the Old City, take the Citadel out, paint it, box-select more, paint them, save. And
the public map's district panel showing each claim's basis.

Set TRACKER_SCREENSHOT_DIR (e.g. docs/screenshots) to keep the page as admin-paint.png."""

import datetime
import os
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse

from districts.models import District, Region
from districts.name_import import regions_import
from districts.polygon_import import districts_import
from tests.factories import DistrictFactory, DocumentFactory, SourceFactory, UserFactory, actor
from tracker import services
from tracker.demo import DEMO_DISTRICTS, DEMO_REGIONS
from tracker.models import Claim

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

CITADEL = "aleppo-citadel"


def analyst_session(page, live_server) -> None:
    """Give the browser the session of a staff analyst (not a superuser)."""
    user = UserFactory(username="painter", is_staff=True)
    user.groups.add(Group.objects.get(name="analyst"))
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


def selected_count(page) -> int:
    return int(page.locator("#paint-map").get_attribute("data-selected"))


def painted_count(page) -> int:
    return int(page.locator("#paint-map").get_attribute("data-painted"))


def test_an_analyst_paints_the_old_city_without_the_citadel_and_a_box_then_saves(
    page, live_server, tmp_path
):
    districts_import(DEMO_DISTRICTS)
    regions_import(DEMO_REGIONS)
    old_city = set(Region.objects.get(slug="old-city").districts.values_list("slug", flat=True))
    assert CITADEL in old_city and len(old_city) > 5
    source = SourceFactory(slug="isw", name="Institute for the Study of War", stance="independent")
    document = DocumentFactory(source=source, title="ISW: Aleppo control map, 1 Dec 2016")
    analyst_session(page, live_server)

    page.goto(live_server.url + reverse("admin:tracker_claim_paint", args=[document.pk]))
    page.wait_for_selector("#paint-map[data-ready='true']")
    assert page.locator("#paint-map path[data-slug]").count() == District.objects.count()

    # The Old City at once, then the Citadel clicked out of it.
    page.select_option("#paint-region", "old-city")
    page.click("#paint-region-select")
    assert selected_count(page) == len(old_city)
    page.locator(f"#paint-map path[data-slug='{CITADEL}']").click()
    assert selected_count(page) == len(old_city) - 1
    page.fill("#paint-district", "قلعة حلب")  # by name, as the keyboard would: back in
    page.press("#paint-district", "Enter")
    assert selected_count(page) == len(old_city)
    page.locator(f"#paint-map path[data-slug='{CITADEL}']").click()  # and out again
    assert selected_count(page) == len(old_city) - 1
    page.click("#paint-apply")  # no holder picked yet: nothing painted, and why
    assert painted_count(page) == 0 and "Pick the holder" in page.inner_text("#paint-status")
    page.select_option("#paint-holder", "rebels")
    page.click("#paint-apply")
    assert (selected_count(page), painted_count(page)) == (0, len(old_city) - 1)
    rebels = page.locator("#paint-summary .paint-group[data-holder='rebels']")
    assert f"{len(old_city) - 1} districts" in rebels.inner_text()
    assert "Aleppo Citadel" not in rebels.inner_text()

    # A box shift-dragged over the west of the city, painted government.
    page.click("#paint-city")
    box = page.locator("#paint-map").bounding_box()
    page.keyboard.down("Shift")
    page.mouse.move(box["x"] + box["width"] * 0.05, box["y"] + box["height"] * 0.3)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.25, box["y"] + box["height"] * 0.5, steps=8)
    page.mouse.move(box["x"] + box["width"] * 0.3, box["y"] + box["height"] * 0.6, steps=4)
    page.mouse.up()
    page.keyboard.up("Shift")
    boxed = selected_count(page)
    assert boxed > 0
    assert page.locator(f"#paint-map path.paint-selected[data-slug='{CITADEL}']").count() == 0
    page.select_option("#paint-holder", "government")

    shot = tmp_path / "admin-paint.png"
    page.screenshot(path=shot, full_page=True)
    assert shot.stat().st_size > 10_000
    if os.environ.get("TRACKER_SCREENSHOT_DIR"):
        out = Path(os.environ["TRACKER_SCREENSHOT_DIR"])
        out.mkdir(parents=True, exist_ok=True)
        (out / "admin-paint.png").write_bytes(shot.read_bytes())

    page.click("#paint-apply")
    assert painted_count(page) == len(old_city) - 1 + boxed
    page.fill("#id_effective_from", "2016-12-01")
    page.click("#paint-save")
    page.wait_for_url("**/tracker/claim/?document__id__exact=*")
    assert "pending review" in page.locator(".messagelist").inner_text()

    claims = Claim.objects.filter(document=document).select_related("district", "actor")
    assert claims.count() == len(old_city) - 1 + boxed
    assert not claims.filter(district__slug=CITADEL).exists()
    held = {c.district.slug: c.actor.slug for c in claims}
    assert {slug for slug, who in held.items() if who == "rebels"} == old_city - {CITADEL}
    assert sum(who == "government" for who in held.values()) == boxed
    assert {c.basis for c in claims} == {"assessment"}
    here = urlsplit(live_server.url).netloc
    assert [u for u in page.requests_seen if urlsplit(u).netloc not in (here, "")] == []
    assert page.console_errors == []


@pytest.mark.parametrize(("lang", "label"), [("en", "assessment"), ("ar", "تقييم")])
def test_the_district_panel_shows_each_claims_basis_as_text(page, live_server, lang, label):
    district = DistrictFactory(slug="target", name_en="Target", name_ar="هدف")
    document = DocumentFactory(source=SourceFactory(slug="isw", stance="independent"))
    fields = {
        "document": document,
        "district": district,
        "place_name": "Target",
        "status": Claim.Status.HELD,
        "actor": actor("rebels"),
        "kind": Claim.Kind.HELD,
    }
    mapped = services.claim_record(
        **fields, effective_from=datetime.date(2016, 12, 1), basis="assessment"
    )
    unstated = services.claim_record(**fields, effective_from=datetime.date(2016, 11, 1))
    page.goto(live_server.url + f"/?lang={lang}&date=2016-12-02&lens=consensus&district=target")
    panel = page.locator("#district-panel")
    panel.locator(f".claim[data-claim='{unstated.pk}']").wait_for()
    card = panel.locator(f".claim[data-claim='{mapped.pk}']")
    assert card.locator(".claim-basis").inner_text() == label
    assert card.locator(".claim-basis").get_attribute("data-basis") == "assessment"
    assert panel.locator(f".claim[data-claim='{unstated.pk}'] .claim-basis").count() == 0
    assert page.console_errors == []
