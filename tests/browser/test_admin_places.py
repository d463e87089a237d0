"""The district box, in a real Chromium: an analyst types a region or an alias, reads what
saving will do, picks it, and the saved claims are the ones the sentence announced."""

import pytest

from tests.browser.test_accessibility import axe_violations
from tests.browser.test_admin_workflow import log_in, select2_pick, staff
from tests.factories import DocumentFactory, SourceFactory
from tests.test_admin_places import OLD_CITY, gazetteer_make
from tests.test_admin_roles import admin_url
from tracker.models import Claim

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
PLAN = "#id_district_plan"


def plan_reads(page, selector: str, words: str) -> str:
    """Wait until the live line at `selector` contains `words`; return the whole line."""
    page.wait_for_function(
        "([s, w]) => document.querySelector(s).textContent.includes(w)", arg=[selector, words]
    )
    return page.inner_text(selector)


def test_a_region_typed_in_the_box_says_what_it_will_record_and_records_it(page, live_server):
    places = gazetteer_make()
    document = DocumentFactory(
        source=SourceFactory(name="SANA", stance="government"), title="SANA, 6 December"
    )
    staff("analyst", "analyst")
    log_in(page, live_server, "analyst")
    page.goto(live_server.url + admin_url(Claim, "add"))
    assert page.get_attribute(PLAN, "aria-live") == "polite"
    assert page.locator("label[for=id_district]").inner_text().startswith("District")

    page.click(".field-district .select2-selection")
    page.fill(".select2-container--open .select2-search__field", "Old City")
    # the answer to what was typed: not "Searching…", nor the message select2 shows for the
    # empty box it queried on opening ("No results found"), which can still be up
    options = page.locator(
        ".select2-results__option:not(.loading-results):not(.select2-results__message)"
    )
    options.first.wait_for()
    assert options.all_inner_texts() == [OLD_CITY, "Old City Souq"]
    options.first.click()
    assert plan_reads(page, PLAN, "Will record") == (
        "Will record 3 claims, one per district of the Old City region: "
        "Bab al-Hadid, Citadel, Jdeydeh."
    )
    assert page.input_value("#id_place_name") == "Old City"
    assert page.get_attribute(".field-district .view-related", "href") is None  # no such page
    page.click(".region-district[data-slug='citadel']")
    assert plan_reads(page, PLAN, "left out") == (
        "Will record 2 claims, one per district of the Old City region: "
        "Bab al-Hadid, Jdeydeh; left out: Citadel."
    )
    assert page.get_attribute(".region-district[data-slug='citadel']", "aria-pressed") == "true"
    assert axe_violations(page) == []

    page.select_option("#id_status", "contested")
    page.click("input[name=_save]")  # no document yet: the form comes back, nothing lost
    page.wait_for_selector(".errornote")
    assert plan_reads(page, PLAN, "left out").endswith("; left out: Citadel.")
    page.wait_for_selector(".region-district[data-slug='citadel'][aria-pressed='true']")
    assert page.input_value("#id_districts_left_out") == "citadel"
    assert page.locator(".region-districts").count() == 1

    select2_pick(page, ".field-document", "SANA", "SANA, 6 December")
    page.click("input[name=_save]")
    page.wait_for_selector(".messagelist .info")
    claims = {(c.district, c.place_name, c.status, c.document) for c in Claim.objects.all()}
    assert claims == {
        (district, "Old City", "contested", document)
        for district in places["old"]
        if district.slug != "citadel"
    }
    assert page.console_errors == []


def test_an_alias_and_a_regions_alias_picked_on_the_document_page(page, live_server):
    gazetteer_make()
    source = SourceFactory(name="SANA", stance="government")
    staff("analyst", "analyst")
    log_in(page, live_server, "analyst")
    page.goto(live_server.url + admin_url(DocumentFactory._meta.model, "add"))
    select2_pick(page, ".field-source", "SANA", "SANA")
    page.fill("#id_citation", "https://sana.example/6-december")
    page.fill("#id_published_on", "2016-12-06")

    select2_pick(page, "#claims-0 .field-district", "Hamra", "Ard al-Hamra — alias of Hanano")
    line = "#id_claims-0-district_plan"
    assert plan_reads(page, line, "Hanano") == (
        "Will record 1 claim about Hanano (alias 'Ard al-Hamra')."
    )
    assert page.input_value("#id_claims-0-place_name") == "Ard al-Hamra"
    page.wait_for_function(  # the box holds the district; the place name, the spelling
        "() => document.getElementById('entry-districts').textContent === 'Hanano'"
    )
    assert page.inner_text("#claims-0 .select2-selection__rendered").endswith("Hanano")
    page.fill("#id_claims-1-place_name", "Handarat camp")
    assert plan_reads(page, "#id_claims-1-district_plan", "unmapped") == (
        "No district has this name: the claim will wait in the unmapped names queue."
    )
    page.fill("#id_claims-1-place_name", "")
    page.select_option("#id_claims-0-kind", "captured")
    select2_pick(page, "#claims-1 .field-district", "Madina", "al-Madina — alias of the Old")
    assert page.input_value("#id_claims-1-place_name") == "al-Madina"
    page.click("#claims-1 .region-district[data-slug='citadel']")
    assert plan_reads(page, "#id_claims-1-district_plan", "left out") == (
        "Will record 2 claims, one per district of the Old City region (alias 'al-Madina'): "
        "Bab al-Hadid, Jdeydeh; left out: Citadel."
    )
    page.wait_for_function("() => document.getElementById('entry-map').dataset.chosen === '3'")
    assert page.inner_text("#entry-districts").split("\n") == ["Hanano", "Bab al-Hadid", "Jdeydeh"]
    page.click("input[name=_save]")
    page.wait_for_selector(".messagelist .success")
    claims = {(c.district.slug, c.place_name, c.kind) for c in Claim.objects.all()}
    assert claims == {
        ("hanano", "Ard al-Hamra", "captured"),
        ("bab-al-hadid", "al-Madina", "captured"),
        ("jdeydeh", "al-Madina", "captured"),
    }
    assert {c.source for c in Claim.objects.all()} == {source}
    assert page.console_errors == []


def test_the_unmapped_queue_and_a_documents_page_name_every_box_and_underline_their_links(
    page, live_server
):
    """axe-core finds no serious fault where an analyst maps names and enters claims: every
    district, side and source box is named after its label (select2 names it after the choice
    only), and links inside running text are underlined, not told by colour alone."""
    from tests.factories import ClaimFactory

    places = gazetteer_make()
    document = DocumentFactory(title="SANA, 6 December: the army in Hanano")
    ClaimFactory(document=document, district=places["hanano"])
    ClaimFactory(document=document, district=None, place_name="Handarat camp")
    staff("analyst", "analyst")
    log_in(page, live_server, "analyst")
    page.goto(live_server.url + admin_url(Claim, "changelist") + "unmapped/")
    page.wait_for_selector("#unmapped-names .select2-selection")
    assert axe_violations(page) == []
    page.goto(live_server.url + admin_url(document, "change", document.pk))
    page.wait_for_selector("#claims-0 .select2-selection")
    assert axe_violations(page) == []
    assert page.console_errors == []
