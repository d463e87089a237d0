"""The timeline map on a phone (390 x 844, touch) and a steady time bar, in a real Chromium over
the Aleppo demo: a tap shows the district's name and state once, clear of the controls, and
the tooltip does not stick; every button, field and menu is at least 44 px; the day buttons
repeat while held (the fine mode); the legend shows from the start, compact; and nothing in
the time bar moves while playing changes the date's text."""

import pytest

from tests.browser.test_timeline_map import (  # noqa: F401 (fixtures)
    DISTRICT_PIXELS_JS,
    assert_one_origin_and_no_console_errors,
    open_map,
    page,
    server,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db]
TOUCH_TARGET = 44

# A district whose middle lies in the upper middle of the map, where a tap's tooltip has room,
# and that no control (the search, the open legend) covers there.
UPPER_MIDDLE_JS = """() => {
    const map = trackerMap.map, size = map.getSize(), box = map.getContainer().getBoundingClientRect();
    let best = null;
    trackerMap.layer.eachLayer(shape => {
        const p = map.latLngToContainerPoint(shape.getCenter());
        const top = document.elementFromPoint(box.left + p.x, box.top + p.y);
        if (!top || top.closest('.leaflet-control')) return;
        const score = Math.abs(p.x - size.x / 2) + Math.abs(p.y - size.y * 0.38);
        if (!best || score < best.score) best = {slug: shape.feature.properties.slug, score: score};
    });
    return best.slug;
}"""

# The tap's card: its text, and whether it lies on top of everything at its corners and middle
# (it lets taps through; for the test it takes them, so that elementFromPoint finds it).
TAP_CARD_JS = """() => {
    const card = document.getElementById('tap-card');
    if (!card || card.hidden) return null;
    card.style.pointerEvents = 'auto';
    const b = card.getBoundingClientRect();
    const points = [[b.left + 2, b.top + 2], [b.right - 2, b.top + 2], [b.left + 2, b.bottom - 2],
                    [b.right - 2, b.bottom - 2], [(b.left + b.right) / 2, (b.top + b.bottom) / 2]];
    const onTop = points.every(([x, y]) => card.contains(document.elementFromPoint(x, y)));
    card.style.pointerEvents = '';
    return {text: card.innerText, onTop: onTop, inside: b.top >= 0 && b.left >= 0 && b.right <= innerWidth};
}"""


# No district tooltip shows: Leaflet's own are closed (faded to nothing, then removed) and the
# tap's card is hidden.
NO_TOOLTIP_SHOWN_JS = """() => Array.from(document.querySelectorAll('.district-tooltip')).every(
    e => e.hidden || getComputedStyle(e).opacity === '0')"""


@pytest.fixture
def phone(browser, server):  # noqa: F811
    context = browser.new_context(
        viewport={"width": 390, "height": 844},
        device_scale_factor=2,
        has_touch=True,
        is_mobile=True,
    )
    pg = context.new_page()
    pg.requests_seen, pg.console_errors = [], []
    pg.on("request", lambda request: pg.requests_seen.append(request.url))
    pg.on("console", lambda m: m.type == "error" and pg.console_errors.append(m.text))
    pg.on("pageerror", lambda error: pg.console_errors.append(str(error)))
    yield pg
    context.close()


def tap_district(pg, slug: str) -> None:
    point = pg.evaluate(DISTRICT_PIXELS_JS, slug)
    pg.touchscreen.tap(point["x"], point["y"])


def test_a_tap_shows_the_name_and_state_once_clear_of_the_controls_and_it_does_not_stick(
    phone,
    server,  # noqa: F811
):
    open_map(phone, server, "?date=2016-12-07&lens=consensus")
    slug = phone.evaluate(UPPER_MIDDLE_JS)
    state = phone.evaluate("slug => trackerTimeline.stateOf(slug)", slug)
    name = phone.evaluate("slug => trackerMap.district(slug).feature.properties.name_en", slug)

    tap_district(phone, slug)
    phone.wait_for_selector("#tap-card:not([hidden])")
    phone.wait_for_timeout(100)  # the panel the tap opens has slid in
    shown = phone.evaluate(TAP_CARD_JS)
    assert name in shown["text"]
    words = {"held": "held by", "contested": "contested", "disputed": "disputed"}
    assert words.get(state["status"], "unknown") in shown["text"]
    assert shown["onTop"] and shown["inside"]  # under no control, nor the panel
    # None sticks: Leaflet's own is closed at once (it fades out over 200 ms, then leaves).
    phone.wait_for_selector(
        ".leaflet-tooltip-pane .district-tooltip", state="detached", timeout=1000
    )
    # After a moment it goes, and does not come back on its own.
    phone.wait_for_selector("#tap-card", state="hidden", timeout=4000)
    phone.wait_for_timeout(600)
    assert phone.evaluate("trackerTimeline.tapTooltipOpen()") is False
    phone.wait_for_function(NO_TOOLTIP_SHOWN_JS, timeout=1000)

    # The next tap elsewhere closes it at once.
    open_map(phone, server, "?date=2016-12-07&lens=consensus")  # as before the first tap
    tap_district(phone, slug)
    phone.wait_for_selector("#tap-card:not([hidden])")
    phone.locator("#next-day").tap()
    assert phone.evaluate("trackerTimeline.tapTooltipOpen()") is False
    phone.wait_for_function(NO_TOOLTIP_SHOWN_JS, timeout=1000)
    assert_one_origin_and_no_console_errors(phone, server)


def test_every_button_field_and_menu_is_at_least_44_px_and_the_legend_shows(phone, server):  # noqa: F811
    open_map(phone, server, "?date=2016-11-28&lens=consensus&compare=2016-11-01&district=hanano")
    phone.locator("#district-panel .claim").first.wait_for()
    phone.locator("#compare-open").wait_for()
    small = phone.evaluate(
        """min => Array.from(document.querySelectorAll(
                'button, input, select, summary, .leaflet-bar a'))
            .filter(n => n.getClientRects().length && getComputedStyle(n).visibility !== 'hidden')
            .map(n => ({what: n.id || n.className || n.tagName, box: n.getBoundingClientRect()}))
            .filter(t => t.box.width < min || t.box.height < min)
            .map(t => [t.what, Math.round(t.box.width), Math.round(t.box.height)])""",
        TOUCH_TARGET,
    )
    counted = phone.evaluate("document.querySelectorAll('button, input, select, summary').length")
    assert counted > 15
    assert small == []

    legend = phone.locator(".district-legend")
    assert legend.get_attribute("open") is not None  # shown from the start
    assert phone.locator(".legend-list li").first.is_visible()
    box, map_box = legend.bounding_box(), phone.locator("#map").bounding_box()
    assert box["width"] < 390 / 2 and box["height"] < map_box["height"] * 0.5  # compact
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    assert_one_origin_and_no_console_errors(phone, server)


def test_a_held_day_button_repeats_day_by_day_and_a_tap_moves_one_day(phone, server):  # noqa: F811
    open_map(phone, server, "?date=2016-11-01&lens=consensus")
    phone.locator("#next-day").tap()
    assert phone.evaluate("trackerTimeline.day()") == "2016-11-02"
    box = phone.locator("#next-day").bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    cdp = phone.context.new_cdp_session(phone)
    cdp.send("Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": [{"x": x, "y": y}]})
    phone.wait_for_timeout(1300)
    cdp.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})
    phone.wait_for_timeout(300)
    held = phone.evaluate("trackerTimeline.day()")
    # 0.4 s before it repeats, then a day every 90 ms: some days, one at a time, not months.
    assert "2016-11-06" <= held <= "2016-11-15"
    phone.wait_for_timeout(400)
    assert phone.evaluate("trackerTimeline.day()") == held  # it stopped on release
    assert_one_origin_and_no_console_errors(phone, server)


BOXES_JS = """() => ['lens', 'date-label', 'speed', 'next-day'].map(id => {
    const b = document.getElementById(id).getBoundingClientRect();
    return [id, Math.round(b.x * 10) / 10, Math.round(b.y * 10) / 10, Math.round(b.width * 10) / 10];
})"""


@pytest.mark.parametrize("viewport", [(1280, 800), (390, 844)])
def test_nothing_in_the_time_bar_moves_while_playing_changes_the_date(page, server, viewport):  # noqa: F811
    page.set_viewport_size({"width": viewport[0], "height": viewport[1]})
    open_map(
        page, server, "?date=2015-08-25&lens=consensus"
    )  # September, the longest month name, comes
    page.locator("#speed").select_option("month")
    first = page.evaluate(BOXES_JS)
    dates, seen = set(), []
    page.locator("#play").click()
    for _ in range(14):
        page.wait_for_timeout(150)
        dates.add(page.locator("#date-label").inner_text())
        seen.append(page.evaluate(BOXES_JS))
    page.locator("#play").click()
    widths = {len(d) for d in dates}
    assert len(widths) > 2  # the date's text did change length ("1 May", "30 September" ...)
    assert all(boxes == first for boxes in seen)
    assert_one_origin_and_no_console_errors(page, server)
