"""An analyst pastes an article on the document page, gets its claims proposed, and saves them."""

import pytest
from django.urls import reverse

from tests.browser.test_admin_workflow import log_in, select2_pick, staff
from tests.test_admin_propose import SEED, outlet_make, place_names_make
from tracker.models import Claim

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_proposals_fill_the_rows_and_only_saving_records_them(page, live_server):
    place_names = place_names_make()
    outlet_make()
    staff("analyst", "analyst")
    log_in(page, live_server, "analyst")
    page.goto(live_server.url + reverse("admin:sources_document_add"))
    select2_pick(page, ".field-source", "Antiwar", "Antiwar.com")
    page.fill("#id_citation", "https://news.example/2016/12/06/aleppo")
    page.fill("#id_published_on", "2016-12-06")
    page.fill("#propose-text", SEED + " <img src=x onerror=alert(1)>")
    page.click("#propose-button")
    page.wait_for_selector(".propose-claims li")
    assert page.locator(".propose-claims li").count() == 2
    assert page.locator("#propose-result img").count() == 0  # the text is never HTML
    assert page.input_value("#id_claims-0-place_name") == "Sheikh Saeed"
    assert page.input_value("#id_claims-0-kind") == "captured"
    assert page.input_value("#id_claims-1-place_name") == "Old City"
    assert page.input_value("#id_claims-1-status") == "contested"
    assert Claim.objects.count() == 0, "nothing is saved before the analyst saves"

    page.click("input[name=_save]")
    page.wait_for_selector(".messagelist .success")
    saved = {(c.place_name, c.district.slug, c.status) for c in Claim.objects.all()}
    old = {("Old City", d.slug, "contested") for d in place_names["old"]}
    assert saved == {("Sheikh Saeed", "sheikh-saeed", "held"), *old}
