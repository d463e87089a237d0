"""Finding places on the timeline map (issue 16), in a real Chromium on the Aleppo demo: district
names drawn as the zoom allows, never overlapping nor under a control, in the interface's
language; a place search (every spelling, regions too) that flies to a place and opens its
panel, worked by the keyboard; zoom held to the city; a double click that opens no panel; and
the lens chooser (stances first, single sources by stance, a search, the claims each rests on).

Names, aliases, regions and claim counts are read from the database the server serves.
"""

import os
from pathlib import Path

import pytest

from districts.models import Alias, District, Region
from sources.models import Source
from tests.browser import test_timeline_map as base
from tests.browser.test_timeline_map import assert_one_origin_and_no_console_errors, open_map
from tracker.models import Claim

pytestmark = [pytest.mark.browser, pytest.mark.django_db]
server = base.server
page = base.page

# Each drawn name: its district, its text and its box; and the boxes of the controls over the map.
LABELS_JS = """() => {
    const origin = trackerMap.map.getContainer().getBoundingClientRect();
    const rect = (node) => { const b = node.getBoundingClientRect();
        return {x0: b.left - origin.left, y0: b.top - origin.top,
                x1: b.right - origin.left, y1: b.bottom - origin.top}; };
    const names = Array.from(document.querySelectorAll('.map-label-text'));
    return {
        slugs: trackerPlaces.labels(),
        labels: names.map(n => Object.assign(rect(n), {text: n.textContent, lang: n.lang})),
        controls: Array.from(document.querySelectorAll('.leaflet-control')).map(rect)
            .filter(b => b.x1 > b.x0),
        view: {w: origin.width, h: origin.height},
    };
}"""
# Wait until the map has stopped moving (a flight takes most of a second).
SETTLED_JS = """() => new Promise(done => {
    let last = '';
    const check = () => { const now = trackerMap.map.getCenter().toString() + trackerMap.map.getZoom();
        if (now === last) done(); else { last = now; setTimeout(check, 250); } };
    check();
})"""


def overlap(a, b) -> bool:
    return a["x0"] < b["x1"] and b["x0"] < a["x1"] and a["y0"] < b["y1"] and b["y0"] < a["y1"]


def assert_names_apart(drawn) -> None:
    labels = drawn["labels"]
    for k, a in enumerate(labels):
        assert a["x0"] >= 0 and a["x1"] <= drawn["view"]["w"], a
        assert a["y0"] >= 0 and a["y1"] <= drawn["view"]["h"], a
        for b in labels[k + 1 :]:
            assert not overlap(a, b), (a, b)
        for control in drawn["controls"]:
            assert not overlap(a, control), (a, control)


def save(page, name: str) -> None:
    if os.environ.get("TRACKER_SCREENSHOT_DIR"):
        out = Path(os.environ["TRACKER_SCREENSHOT_DIR"])
        out.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=out / f"{name}.png")


def zoom_to(page, slug: str, zoom: int) -> None:
    page.evaluate(
        "([slug, zoom]) => { trackerMap.map.setView("
        "trackerMap.district(slug).getCenter(), zoom, {animate: false}); }",
        [slug, zoom],
    )
    page.evaluate(SETTLED_JS)


def test_names_are_drawn_apart_and_more_of_them_as_one_zooms_in(page, server):
    open_map(page, server, "?date=2016-12-01&lens=consensus")
    names = dict(District.objects.values_list("slug", "name_en"))
    drawn = page.evaluate(LABELS_JS)
    assert len(drawn["labels"]) >= 5
    assert [label["text"] for label in drawn["labels"]] == [names[s] for s in drawn["slugs"]]
    assert_names_apart(drawn)
    assert "aleppo-citadel" not in drawn["slugs"]  # too small to name with the whole city shown
    save(page, "m16a-desktop-en")

    zoom_to(page, "aleppo-citadel", 16)
    closer = page.evaluate(LABELS_JS)
    assert "aleppo-citadel" in closer["slugs"]
    assert len(closer["labels"]) > len(drawn["labels"])
    assert_names_apart(closer)
    save(page, "m16a-zoomed-en")
    assert_one_origin_and_no_console_errors(page, server)


def test_names_are_in_arabic_with_an_arabic_interface(page, server):
    open_map(page, server, "?date=2016-12-01&lens=consensus&lang=ar")
    names = dict(District.objects.values_list("slug", "name_ar"))
    drawn = page.evaluate(LABELS_JS)
    assert len(drawn["labels"]) >= 5
    assert [label["text"] for label in drawn["labels"]] == [names[s] for s in drawn["slugs"]]
    assert {label["lang"] for label in drawn["labels"]} == {"ar"}
    assert_names_apart(drawn)
    save(page, "m16a-desktop-ar")
    zoom_to(page, "souq-al-madina", 16)
    assert_names_apart(page.evaluate(LABELS_JS))
    save(page, "m16a-zoomed-ar")


def test_the_search_finds_a_district_by_an_alias_with_the_keyboard_and_opens_it(page, server):
    alias = Alias.objects.select_related("district").get(name="Jubb al-Qubba")
    district = alias.district
    open_map(page, server, "?date=2016-12-01&lens=consensus")
    field = page.get_by_role("combobox", name="Find a district or an area")
    field.focus()
    page.keyboard.type("jubb qubba")
    assert field.get_attribute("aria-expanded") == "true"
    options = page.locator("#place-search-list [role=option]")
    assert options.first.locator(".combo-label").inner_text() == district.name_en
    assert "Jubb al-Qubba" in options.first.locator(".combo-detail").inner_text()
    page.keyboard.press("ArrowDown")
    active = field.get_attribute("aria-activedescendant")
    assert page.locator(f"#{active}").get_attribute("aria-selected") == "true"
    page.keyboard.press("Enter")
    page.locator("#district-panel .claim").first.wait_for()
    assert page.locator("#panel-title").inner_text() == district.name_en
    assert field.get_attribute("aria-expanded") == "false"
    page.evaluate(SETTLED_JS)
    shown = page.evaluate(
        """slug => { const m = trackerMap.map, d = trackerMap.district(slug);
        const panel = document.getElementById('district-panel').getBoundingClientRect();
        const map = m.getContainer().getBoundingClientRect();
        const c = m.latLngToContainerPoint(d.getCenter());
        return {inView: m.getBounds().contains(d.getBounds()), zoom: m.getZoom(),
                x: map.left + c.x, panelLeft: panel.left}; }""",
        district.slug,
    )
    assert shown["inView"] and shown["zoom"] >= 14
    assert shown["x"] < shown["panelLeft"]  # not under the panel
    assert_one_origin_and_no_console_errors(page, server)


def test_the_search_speaks_arabic_and_finds_a_region(page, server):
    region = Region.objects.get(slug="old-city")
    open_map(page, server, "?date=2016-12-01&lens=consensus&lang=ar")
    field = page.locator("#place-search")
    assert page.locator("label[for=place-search]").inner_text() == "ابحث عن حيّ أو منطقة"
    field.fill(region.name_ar)
    first = page.locator("#place-search-list [role=option]").first
    assert first.locator(".combo-label").inner_text() == region.name_ar
    save(page, "m16a-search-ar")
    field.press("Enter")
    page.evaluate(SETTLED_JS)
    slugs = list(region.districts.values_list("slug", flat=True))
    inside = page.evaluate(
        "slugs => slugs.every(s => trackerMap.map.getBounds().contains(trackerMap.district(s).getBounds()))",
        slugs,
    )
    assert inside
    assert page.evaluate("trackerMap.map.getZoom()") >= 14
    assert page.locator("#district-panel").is_hidden()  # a region has no panel of its own
    field.fill("لا شيء هنا")
    assert page.locator("#place-search ~ .combo-empty").inner_text() == "لا مكان بهذا الاسم"


def test_zoom_stays_on_the_city_and_a_double_click_zooms_without_a_panel(page, server):
    open_map(page, server, "?date=2016-12-01&lens=consensus")
    limits = page.evaluate(
        """() => { const m = trackerMap.map;
        m.setZoom(0, {animate: false});
        const out = {zoom: m.getZoom(), min: m.getMinZoom(), max: m.getMaxZoom(),
                     whole: m.getBounds().contains(trackerMap.layer.getBounds())};
        m.setZoom(22, {animate: false});
        out.closest = m.getZoom();
        return out; }"""
    )
    assert limits["zoom"] == limits["min"] and limits["whole"]
    assert limits["max"] == limits["closest"] == 17
    away = page.evaluate(
        """() => { const m = trackerMap.map; m.setZoom(13, {animate: false});
        m.panTo([40, 30], {animate: false});
        return trackerMap.layer.getBounds().pad(0.3).contains(m.getCenter()); }"""
    )
    assert away  # the map will not leave the city

    open_map(page, server, "?date=2016-12-01&lens=consensus")
    spot = page.evaluate(base.DISTRICT_PIXELS_JS, "hanano")
    before = page.evaluate("trackerMap.map.getZoom()")
    page.mouse.dblclick(spot["x"], spot["y"])
    page.evaluate(SETTLED_JS)
    page.wait_for_timeout(500)
    assert page.evaluate("trackerMap.map.getZoom()") > before
    assert page.locator("#district-panel").is_hidden()
    spot = page.evaluate(base.DISTRICT_PIXELS_JS, "hanano")
    page.mouse.click(spot["x"], spot["y"])  # a single click still opens it
    page.locator("#district-panel .claim").first.wait_for()
    assert page.locator("#panel-title").inner_text() == "Hanano"


def admitted(**where) -> int:
    """The claims a lens rests on, counted here from the claims themselves."""
    return (
        Claim.objects.filter(district__isnull=False, retracted_on__isnull=True, **where)
        .exclude(review_status="rejected")
        .count()
    )


def test_the_lens_chooser_lists_stances_then_sources_by_stance_with_counts_and_a_search(
    page, server
):
    open_map(page, server, "?date=2016-12-01&lens=consensus")
    button = page.locator("#lens")
    assert page.get_by_role("button", name="According to All sources, weighed").count() == 1
    assert f"{admitted():,} claims" in button.inner_text()
    button.click()
    search = page.locator("#lens-search")
    assert search.evaluate("n => n === document.activeElement")
    groups = page.evaluate(
        """() => Array.from(document.getElementById('lens-list').children).map(g =>
            g.getAttribute('role') === 'group'
              ? {heading: g.querySelector('.combo-heading').textContent,
                 values: Array.from(g.querySelectorAll('[role=option]')).map(o => o.dataset.value)}
              : {heading: '', values: [g.dataset.value]})"""
    )
    top = [v for g in groups if not g["heading"] for v in g["values"]]
    assert top == [
        "consensus",
        "stance:government",
        "stance:opposition",
        "stance:independent",
        "stance:kurdish",
    ]
    by_stance = {g["heading"]: g["values"] for g in groups if g["heading"]}
    sohr = Source.objects.get(slug="sohr")
    heading = f"One source, {sohr.stance}"
    assert "source:sohr" in by_stance[heading]
    for values in by_stance.values():
        stances = {Source.objects.get(slug=v.split(":")[1]).stance for v in values}
        assert len(stances) == 1
    option = page.locator("#lens-list [data-value='stance:government'] .combo-detail")
    assert option.inner_text() == f"{admitted(source__stance='government'):,} claims"
    save(page, "m16a-lens-chooser")

    search.fill("sohr")
    assert page.locator("#lens-list [role=option]").count() == 1
    assert page.locator("#lens-list [role=option] .combo-detail").inner_text() == (
        f"{admitted(source=sohr):,} claims"
    )
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_function("() => trackerTimeline.lens() === 'source:sohr'")
    assert page.locator("#lens-popup").is_hidden()
    assert button.evaluate("n => n === document.activeElement")
    assert button.get_attribute("aria-expanded") == "false"
    button.click()
    page.keyboard.press("Escape")
    assert page.locator("#lens-popup").is_hidden()
    assert_one_origin_and_no_console_errors(page, server)


def test_the_new_controls_are_big_enough_for_a_finger(page, server):
    open_map(page, server, "?date=2016-12-01&lens=consensus")

    def heights(selector):
        found = page.locator(selector).evaluate_all(
            "nodes => nodes.map(n => n.getBoundingClientRect().height)"
        )
        assert found, selector
        return min(found)

    page.locator("#place-search").fill("a")
    assert heights("#place-search") >= 44
    assert heights("#place-search-list [role=option]") >= 44
    page.locator("#lens").click()
    for selector in ("#lens", "#lens-search", "#lens-list [role=option]"):
        assert heights(selector) >= 44, selector


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_on_a_phone_the_search_clears_the_zoom_buttons_and_the_legend(browser, server, lang):
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True
    )
    try:
        phone = context.new_page()
        phone.console_errors = []
        phone.on("pageerror", lambda exc: phone.console_errors.append(str(exc)))
        open_map(phone, server, f"?date=2016-12-01&lens=consensus&lang={lang}")
        search = phone.locator(".place-search").bounding_box()
        assert search["height"] >= 44 and search["x"] >= 0 and search["x"] + search["width"] <= 390
        for other in (".leaflet-control-zoom", ".district-legend"):
            box = phone.locator(other).bounding_box()
            apart = {k: box[k] for k in ("x", "y", "width", "height")}
            assert not overlap(
                {
                    "x0": search["x"],
                    "x1": search["x"] + search["width"],
                    "y0": search["y"],
                    "y1": search["y"] + search["height"],
                },
                {
                    "x0": apart["x"],
                    "x1": apart["x"] + apart["width"],
                    "y0": apart["y"],
                    "y1": apart["y"] + apart["height"],
                },
            ), other
        assert_names_apart(phone.evaluate(LABELS_JS))
        save(phone, f"m16a-phone-{lang}")
        assert phone.console_errors == []
    finally:
        context.close()
