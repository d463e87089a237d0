"""An analyst enters a statement's claims on one screen, a reviewer accepts them, the map moves.

Real Chromium, real login forms, the live server; the public map and the API are read back.
"""

import datetime
import json
import urllib.request

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from districts.names import name_key
from sources.models import Document
from tests.factories import (
    AliasFactory,
    DistrictFactory,
    SourceFactory,
    UserFactory,
    actor,
    reviewer_user,
    square,
)
from tracker import services
from tracker.models import Claim

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
PASSWORD = "correct horse battery staple"  # UserFactory's
DAY = "2016-12-20"
SLUGS = ["hanano", "salah-ad-deen", "as-sukkari"]


def district_named(name_en: str, name_ar: str, slug: str, col: int):
    district = DistrictFactory(name_en=name_en, name_ar=name_ar, slug=slug, geom=square(col, 0))
    for name in (name_en, name_ar):
        AliasFactory(name=name, key=name_key(name), district=district)
    return district


@pytest.fixture
def record():
    """Three rebel-held districts; on 20 December a rebel source says they still hold them.

    The analyst will enter the army's statement of the same day: until it is reviewed, the
    two partisan claims weigh the same and the districts are disputed; once accepted, it wins.
    """
    districts = [
        district_named("Hanano", "هنانو", "hanano", 0),
        district_named("Salah ad-Deen", "صلاح الدين", "salah-ad-deen", 1),
        district_named("as-Sukkari", "السكري", "as-sukkari", 2),
    ]
    sohr = SourceFactory(name="SOHR", slug="sohr", stance="independent")
    rebels = SourceFactory(name="Rebel sources", slug="rebel-sources", stance="opposition")
    army = SourceFactory(name="Syrian Army", slug="syrian-army", stance="government")
    for source, day, kind in [(sohr, "2016-11-01", "held"), (rebels, DAY, "held")]:
        document = Document.objects.create(source=source, citation=f"{source.name}, {day}")
        for district in districts:
            claim = services.claim_record(
                document=document,
                district=district,
                place_name=district.name_en,
                status="held",
                actor=actor("rebels"),
                kind=kind,
                effective_from=datetime.date.fromisoformat(day),
            )
            if source == sohr:
                services.claim_review(
                    claim=claim, review_status="accepted", reviewed_by=reviewer_user()
                )
    return {"districts": districts, "army": army}


def staff(username: str, group: str):
    user = UserFactory(username=username, is_staff=True)
    user.groups.add(Group.objects.get(name=group))
    return user


def log_in(page, live_server, username: str) -> None:
    page.goto(live_server.url + reverse("admin:login"))
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url(live_server.url + reverse("admin:index"))


def select2_pick(page, container: str, typed: str, expected: str) -> None:
    """Open the autocomplete in `container`, type as an analyst would, pick `expected`."""
    page.click(f"{container} .select2-selection")
    page.fill(".select2-container--open .select2-search__field", typed)
    option = page.locator(
        ".select2-container--open .select2-results__option:not(.loading-results)",
        has_text=expected,
    )
    option.first.click()
    page.wait_for_function(
        "() => sel => !document.querySelector('.select2-container--open')", arg=container
    )


def control_on(live_server, day: str) -> dict[str, dict]:
    url = f"{live_server.url}/api/v1/control/?on={day}&lens=consensus"
    with urllib.request.urlopen(url) as response:  # noqa: S310 - the live test server
        payload = json.load(response)
    return {row["district"]: row for row in payload["districts"]}


def test_analyst_enters_a_statement_on_one_screen_and_reviewer_accepts_it_onto_the_map(
    browser, page, live_server, record
):
    staff("analyst", "analyst")
    staff("reviewer", "reviewer")
    government = actor("government")

    # The analyst: one document, three districts, one typed in Arabic.
    log_in(page, live_server, "analyst")
    page.goto(live_server.url + reverse("admin:sources_document_add"))
    select2_pick(page, ".field-source", "Syrian Army", "Syrian Army")
    page.fill("#id_title", "Army general command: three districts restored")
    page.fill("#id_citation", "https://army.example/statement-20-december")
    page.fill("#id_url", "https://army.example/statement-20-december")
    page.fill("#id_published_on", DAY)
    page.dispatch_event("#id_published_on", "change")
    page.wait_for_function(
        "() => document.getElementById('entry-defaults').textContent.includes('Syrian Army')"
    )
    defaults = page.inner_text("#entry-defaults")
    assert "(government)" in defaults and government.name_en in defaults and DAY in defaults

    select2_pick(page, "#claims-0 .field-district", "Hanano", "Hanano")
    page.select_option("#id_claims-0-kind", "captured")
    page.fill(
        "#id_claims-0-quote", "Our forces restored security to Hanano, Salah ad-Deen, Sukkari"
    )
    page.wait_for_function(  # the source's side, filled in for the analyst to see
        "() => document.getElementById('id_claims-0-actor').value !== ''"
    )
    select2_pick(page, "#claims-1 .field-district", "صلاح الدين", "Salah ad-Deen")
    select2_pick(page, "#claims-2 .field-district", "Sukkari", "as-Sukkari")
    for i in range(3):  # what row 1 says is copied into the others
        assert page.input_value(f"#id_claims-{i}-actor") == str(government.pk)
        assert page.input_value(f"#id_claims-{i}-kind") == "captured"
        assert page.input_value(f"#id_claims-{i}-effective_from") == DAY
    page.wait_for_function("() => document.getElementById('entry-map').dataset.chosen === '3'")
    assert page.inner_text("#entry-districts").split("\n") == [
        "Hanano",
        "Salah ad-Deen",
        "as-Sukkari",
    ]
    assert page.locator("#entry-map path.entry-chosen").count() == 3
    assert page.locator("#entry-map .leaflet-tile").count() == 0
    page.click("input[name=_save]")
    page.wait_for_selector(".messagelist .success")

    claims = Claim.objects.filter(document__url__contains="statement-20-december")
    assert sorted(c.district.slug for c in claims) == sorted(SLUGS)
    assert {(c.actor, c.review_status, str(c.effective_to)) for c in claims} == {
        (government, "pending", DAY)
    }
    assert {c.recorded_by.username for c in claims} == {"analyst"}
    states = control_on(live_server, DAY)
    assert {states[s]["status"] for s in SLUGS} == {"disputed"}, "two partisan pending claims"

    # The reviewer, in another browser session: the document's claims, accepted in bulk.
    reviewer_context = browser.new_context(viewport={"width": 1280, "height": 800})
    review = reviewer_context.new_page()
    log_in(review, live_server, "reviewer")
    document = claims.first().document
    review.goto(live_server.url + reverse("admin:sources_document_change", args=[document.pk]))
    assert review.locator("#id_claims-0-district").count() == 0  # read-only for reviewers
    review.wait_for_function("() => document.getElementById('entry-map').dataset.chosen === '3'")
    review.click("a.review-link")
    review.wait_for_url(f"**/admin/tracker/claim/?document__id__exact={document.pk}")
    review.wait_for_selector("#result_list tbody tr")
    assert review.locator("#result_list tbody tr").count() == 3
    review.check("#action-toggle")
    review.select_option("select[name=action]", "claims_accept")
    review.click("button[name=index]")
    review.wait_for_selector(".messagelist .success")
    assert "Accepted 3 claims." in review.inner_text(".messagelist")
    assert review.locator("#result_list .review-accepted").count() == 3
    reviewed_by = review.locator("#result_list td.field-people .reviewed-by").all_inner_texts()
    assert reviewed_by == ["reviewer"] * 3
    reviewer_context.close()

    # The public record moved on that day, and only from that day.
    states = control_on(live_server, DAY)
    assert {(states[s]["status"], states[s]["actor"]) for s in SLUGS} == {("held", "government")}
    before = control_on(live_server, "2016-12-19")
    assert {before[s]["actor"] for s in SLUGS} == {"rebels"}

    public = browser.new_context(viewport={"width": 1280, "height": 800})
    visitor = public.new_page()
    visitor.goto(f"{live_server.url}/?date={DAY}&lens=consensus")
    visitor.wait_for_function("() => document.body.dataset.mapReady !== undefined")
    assert visitor.evaluate("document.body.dataset.mapReady") == "true"
    visitor.wait_for_function("() => document.body.dataset.mapTimeline === 'ready'")
    assert visitor.evaluate("trackerTimeline.day()") == DAY
    for slug in SLUGS:
        state = visitor.evaluate("slug => trackerTimeline.stateOf(slug)", slug)
        assert (state["status"], state["actor"]) == ("held", "government"), slug
    visitor.evaluate("trackerTimeline.stepTo('2016-12-19')")
    assert visitor.evaluate("trackerTimeline.stateOf('hanano')")["actor"] == "rebels"
    public.close()
    assert page.console_errors == []


def test_the_entry_map_names_districts_as_text(page, live_server, record):
    district = record["districts"][0]
    district.name_en = "<img src=x onerror=alert(1)>"
    district.save()
    staff("analyst", "analyst")
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    log_in(page, live_server, "analyst")
    page.goto(live_server.url + reverse("admin:sources_document_add"))
    select2_pick(page, "#claims-0 .field-district", "Hanano", "<img")
    page.wait_for_function("() => document.getElementById('entry-map').dataset.chosen === '1'")
    assert page.locator("#entry-map img[src=x], #entry-districts img").count() == 0
    assert "<img src=x onerror=alert(1)>" in page.inner_text("#entry-districts")
    assert dialogs == [] and page.console_errors == []
