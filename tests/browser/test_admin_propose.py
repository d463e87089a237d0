"""An analyst pastes an article on the document page, gets its claims proposed, and saves them."""

import pytest
from django.urls import reverse

from tests.browser.test_accessibility import axe_violations
from tests.browser.test_admin_workflow import log_in, select2_pick, staff
from tests.factories import DistrictFactory, RegionFactory, square
from tests.test_admin_propose import SEED, outlet_make, place_names_make, spelled
from tracker.models import Claim

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def proposals_shown(page, live_server, slug: str, text: str) -> None:
    """As an analyst, on a new document page from Antiwar.com published 2016-12-06, paste
    `text` and ask for proposals (the citation ends in `slug`)."""
    outlet_make()
    staff("analyst", "analyst")
    log_in(page, live_server, "analyst")
    page.goto(live_server.url + reverse("admin:sources_document_add"))
    select2_pick(page, ".field-source", "Antiwar", "Antiwar.com")
    page.fill("#id_citation", f"https://news.example/2016/12/06/{slug}")
    page.fill("#id_published_on", "2016-12-06")
    page.fill("#propose-text", text)
    page.click("#propose-button")
    page.wait_for_selector(".propose-claims li")


def test_proposals_fill_the_rows_and_only_saving_records_them(page, live_server):
    place_names = place_names_make()
    proposals_shown(page, live_server, "aleppo", SEED + " <img src=x onerror=alert(1)>")
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


def test_a_proposed_region_arrives_in_the_district_box_with_its_districts_as_chips(
    page, live_server
):
    """A proposal about a region fills the row as picking the region in the district box does:
    the box holds the region, its districts show as removable chips, the line under the box
    says what saving will do; saving records one region statement, less the district left out."""
    from tracker.statement_models import RegionStatement

    place_names = place_names_make()
    proposals_shown(page, live_server, "old-city", "Troops made their way into the Old City.")
    row = page.locator("#claims-0")
    assert page.input_value("#id_claims-0-district").startswith("region:")
    assert (
        "Old City — region" in page.locator("#select2-id_claims-0-district-container").inner_text()
    )
    chips = row.locator(".region-district")
    chips.first.wait_for()
    assert sorted(chips.evaluate_all("cs => cs.map(c => c.dataset.slug)")) == [
        d.slug for d in place_names["old"]
    ]
    plan = row.locator(".place-plan")
    assert "Will record 3 claims, one per district of the Old City region" in plan.inner_text()
    left_out = place_names["old"][0]
    row.locator(f".region-district[data-slug='{left_out.slug}']").click()
    page.wait_for_function(
        "() => document.querySelector('#claims-0 .place-plan').textContent.includes('left out')"
    )

    page.click("input[name=_save]")
    page.wait_for_selector(".messagelist .success")
    statement = RegionStatement.objects.get()
    assert statement.region.slug == "old-city"
    assert [d.slug for d in statement.districts_left_out.all()] == [left_out.slug]
    saved = {(c.district.slug, c.status) for c in Claim.objects.all()}
    assert saved == {(d.slug, "contested") for d in place_names["old"][1:]}
    assert {c.statement_id for c in Claim.objects.all()} == {statement.pk}


def test_a_contested_proposal_takes_no_side_from_the_row_above(page, live_server):
    """The row copier fills a new row's empty fields from the row above; a contested row is held
    by nobody, so its empty side stays empty and the document saves."""
    from tests.factories import DistrictFactory, square
    from tests.test_admin_propose import spelled

    place_names_make()
    spelled(DistrictFactory(name_en="Hanano", slug="hanano", geom=square(5, 5)), None, "Hanano")
    proposals_shown(
        page,
        live_server,
        "hanano",
        "Syrian troops have taken Sheikh Saeed. Fighting raged in Hanano.",
    )
    page.wait_for_timeout(500)  # the row copier answers the district box's change
    assert page.input_value("#id_claims-1-status") == "contested"
    assert page.input_value("#id_claims-1-actor") == ""
    page.click("input[name=_save]")
    page.wait_for_selector(".messagelist .success")
    saved = {
        (c.district.slug, c.status, c.actor.slug if c.actor else None) for c in Claim.objects.all()
    }
    assert saved == {("sheikh-saeed", "held", "government"), ("hanano", "contested", None)}


ARTICLE = (  # the Antiwar.com report of 6 December 2016, in the words issue 19 quotes
    "Russia's Defense Ministry reported that five new districts were taken today alone, while "
    "the Syrian Army says that in this most recent offensive over the past couple of weeks "
    "they've taken 35 districts from the rebels. There are also reports of the first troops "
    "making their way into the Old City."
)


class Counted:
    """The page's clicks and typed fields, counted as an analyst's effort."""

    def __init__(self, page):
        self.page, self.clicks, self.typed = page, 0, 0

    def click(self, selector):
        self.clicks += 1
        self.page.click(selector)

    def type(self, selector, text):
        self.typed += 1
        self.page.fill(selector, text)


def test_the_seed_article_takes_at_most_12_clicks_and_5_typed_fields(page, live_server):
    from quantitative.models import QuantitativeClaim
    from tests.factories import RegionFactory, SourceFactory
    from tracker.models import Claim

    place_names = place_names_make()
    east = RegionFactory(slug="east-aleppo", name_en="East Aleppo")
    east.districts.set(place_names["old"])
    RegionFactory(slug="aleppo-city", name_en="Aleppo")
    outlet_make()
    # No alias is written for "Russia's Defense Ministry": the country's possessive finds it.
    ministry = SourceFactory(name="Russian Defense Ministry", slug="rus-mod", stance="government")
    army = SourceFactory(name="Syrian Army", slug="syrian-army", stance="government")
    citadel = place_names["old"][0]
    staff("analyst", "analyst")
    log_in(page, live_server, "analyst")
    page.goto(live_server.url + reverse("admin:sources_document_add"))

    analyst = Counted(page)
    analyst.click(".field-source .select2-selection")
    analyst.type(".select2-container--open .select2-search__field", "Antiwar")
    analyst.click(".select2-results__option:not(.loading-results) >> text=Antiwar.com")
    analyst.type(
        "#id_citation", "https://news.antiwar.com/2016/12/06/syria-poised-for-aleppo-victory/"
    )
    analyst.type("#id_published_on", "2016-12-06")
    analyst.type("#propose-text", ARTICLE)
    analyst.click("#propose-button")
    page.wait_for_selector(".propose-quantities li")
    listed = page.locator(".propose-quantities li").all_inner_texts()
    assert [line.split(" · ")[1] for line in listed] == [  # the form's words, not its codes
        "exactly 5: districts taken in the window",
        "exactly 35: districts taken in the window",
    ]
    analyst.click(f".region-district[data-slug='{citadel.slug}']")
    analyst.click("input[name=_save]")
    page.wait_for_selector(".messagelist .success")
    assert analyst.clicks <= 12 and analyst.typed <= 5, (analyst.clicks, analyst.typed)

    numbers = {
        (q.source.name, q.actor.slug, q.measure, q.value, q.bound, q.region.slug)
        + (str(q.date_from), str(q.date_to))
        for q in QuantitativeClaim.objects.all()
    }
    assert numbers == {
        (ministry.name, "government", "districts_taken", 5, "exact", "east-aleppo")
        + ("2016-12-06", "2016-12-06"),
        (army.name, "government", "districts_taken", 35, "exact", "east-aleppo")
        + ("2016-11-22", "2016-12-06"),
    }
    claims = {
        (c.place_name, c.district.slug, c.status, c.source.name, str(c.effective_from))
        for c in Claim.objects.all()
    }
    assert claims == {
        ("Old City", d.slug, "contested", "Antiwar.com", "2016-12-06")
        for d in place_names["old"]
        if d != citadel
    }


@pytest.mark.parametrize("width", [1366, 1024])
def test_the_claim_rows_fit_the_window_and_no_label_breaks_inside_a_word(page, live_server, width):
    """A claim row, or a number's, too long for the window goes on to the next line: no field
    reaches past the row's right edge, and every label stays on one line ("Effective from",
    not "Effectiv/e")."""
    page.set_viewport_size({"width": width, "height": 900})
    place_names_make()
    text = "Troops made their way into the Old City. The army says it has taken 35 districts."
    proposals_shown(page, live_server, "old-city", text)
    page.locator("#claims-0 .region-district").first.wait_for()
    for row in (page.locator("#claims-0"), page.locator("#quantitative_claims-0")):
        row_fits(row)
    # a number takes three lines, as a claim does: who and what, when and by whom, the quote
    assert page.locator("#quantitative_claims-0 .form-row").count() == 3
    assert axe_violations(page) == []  # the proposals, the chips, the rows, the map


def row_fits(row) -> None:
    right = row.bounding_box()["x"] + row.bounding_box()["width"]
    boxes = row.locator(".fieldBox").evaluate_all(
        "els => els.map(e => [e.className, e.getBoundingClientRect().right])"
    )
    assert boxes and all(edge <= right + 1 for _, edge in boxes), (right, boxes)
    lines = row.locator(".fieldBox label").evaluate_all(  # the lines each label's text is on
        """els => els.filter(e => e.offsetParent).map(e => {
            const text = document.createRange();
            text.selectNodeContents(e);
            const tops = new Set(Array.from(text.getClientRects(), r => Math.round(r.top)));
            return [e.textContent.trim(), tops.size];
        })"""
    )
    assert lines
    broken = [label for label, count in lines if count > 1]
    assert not broken, broken


def test_proposing_again_replaces_the_rows_left_as_proposed_and_keeps_the_edited_ones(
    page, live_server
):
    """A second press gives the same rows, not the same claims twice (the region's chips
    included); a row the analyst changed is theirs and stays, the proposals fill others."""
    place_names_make()
    proposals_shown(
        page,
        live_server,
        "again",
        "Syrian troops have taken Sheikh Saeed. Troops made their way into the Old City.",
    )

    def places():
        page.wait_for_function("() => document.querySelectorAll('.region-district').length")
        names = page.locator("#claims-group input[name$='-place_name']").evaluate_all(
            "els => els.filter(e => !e.name.includes('__prefix__')).map(e => e.value)"
        )
        return [name for name in names if name], page.locator(".region-district").count()

    assert places() == (["Sheikh Saeed", "Old City"], 3)
    page.click("#propose-button")
    page.wait_for_timeout(1000)  # the answer, then the district box's own request
    assert places() == (["Sheikh Saeed", "Old City"], 3)
    page.fill("#id_claims-0-quote", "Checked against the video")
    page.click("#propose-button")
    page.wait_for_timeout(1000)
    assert places() == (["Sheikh Saeed", "Sheikh Saeed", "Old City"], 3)
    assert page.input_value("#id_claims-0-quote") == "Checked against the video"


def test_the_entry_map_names_a_few_districts_and_a_regions_many_on_hover(page, live_server):
    """Named on the map, a region's districts would cover each other: past twelve, their names
    show on hover, and the numbered list beside the map names them all."""
    place_names_make()
    east = [DistrictFactory(slug=f"east-{i}", geom=square(i % 5, 2 + i // 5)) for i in range(13)]
    region = RegionFactory(slug="east-aleppo", name_en="East Aleppo")
    region.districts.set(east)
    spelled(None, region, "East Aleppo")
    proposals_shown(page, live_server, "east", "Rebels still hold East Aleppo.")
    page.wait_for_function("() => document.getElementById('entry-map').dataset.chosen === '13'")
    assert page.locator("#entry-map .entry-map-label").count() == 0
    assert len(page.inner_text("#entry-districts").split("\n")) == 13
    page.locator("#entry-map path.entry-chosen").first.hover()
    page.locator("#entry-map .entry-map-label").first.wait_for()
    assert page.locator("#entry-map .entry-map-label").count() == 1

    page.fill("#propose-text", SEED)  # proposing again replaces the rows left as proposed
    page.click("#propose-button")
    page.wait_for_function("() => document.getElementById('entry-map').dataset.chosen === '4'")
    assert page.locator("#entry-map .entry-map-label").count() == 4
