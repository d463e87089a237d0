"""The map paints first from the asked day's state (control/), signals ready, and only then
fetches the lens's whole timeline (issue 18's first paint), in a real Chromium on the Aleppo
demo. The timeline's request is held back by the test, so that what the page shows before it
arrives can be checked; once released, the page works as before.

The demo's facts are checked against the engine first (tracker.selectors.control_on), so that
a test leans on no copied output.
"""

import pytest

from tests.browser import test_timeline_map as base
from tests.browser.test_timeline_map import (
    DISTRICT_PIXELS_JS,
    assert_one_origin_and_no_console_errors,
    colour_of,
    pixels_like,
    state_of,
    style,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

# The demo server (loaded once for this module) and the page on it, as in the map's tests.
server = base.server
page = base.page

TIMELINE = "**/api/v1/timeline/**"


def held_requests(page, pattern: str) -> list:
    """Hold back every request to `pattern`: the routes, to be continued by the test."""
    held: list = []
    page.route(pattern, lambda route: held.append(route))
    return held


def wait_until(page, condition, timeout_ms: int = 15_000) -> None:
    for _ in range(timeout_ms // 50):
        if condition():
            return
        page.wait_for_timeout(50)
    raise AssertionError("timed out")


def test_the_map_is_ready_and_coloured_for_the_day_before_the_timeline_arrives(page, server):
    assert state_of("as-sakhour", "2016-11-26").actor == "rebels"
    assert state_of("as-sakhour", "2016-11-27").actor == "government"
    assert state_of("hanano", "2016-11-25").status == "contested"
    held = held_requests(page, TIMELINE)
    page.goto(server.url + "/?date=2016-11-25&lens=consensus")
    page.wait_for_function("() => document.body.dataset.mapReady !== undefined")
    assert page.evaluate("document.body.dataset.mapReady") == "true", page.console_errors
    wait_until(page, lambda: len(held) == 1)  # asked after the first paint, and held
    assert page.evaluate("document.body.dataset.mapTimeline") == "loading"

    # Coloured for the asked day, on the canvas too (not the grey of the districts' kinds).
    assert page.evaluate("trackerTimeline.day()") == "2016-11-25"
    sakhour = style(page, "as-sakhour")
    assert (sakhour["status"], sakhour["fillColor"]) == ("held", colour_of("rebels"))
    assert (style(page, "hanano")["status"], style(page, "hanano")["pattern"]) == (
        "contested",
        True,
    )
    painted = page.evaluate(DISTRICT_PIXELS_JS, "as-sakhour")["colours"]
    assert pixels_like(painted, colour_of("rebels")) > 20
    # The time bar shows the day and waits: its controls move nothing until the timeline is in.
    assert page.locator("#date-label").get_attribute("data-day") == "2016-11-25"
    assert page.locator("#day-slider").is_disabled()
    assert page.locator("#next-day").is_disabled()
    assert page.locator("#map-status").is_visible()

    held[0].continue_()
    page.wait_for_function("() => document.body.dataset.mapTimeline === 'ready'")
    assert page.evaluate("trackerTimeline.day()") == "2016-11-25"  # the day shown stays
    assert not page.locator("#day-slider").is_disabled()
    assert page.locator("#map-status").is_hidden()
    assert page.evaluate("trackerTimeline.stepTo('2016-11-27')") == "2016-11-27"
    assert style(page, "as-sakhour")["fillColor"] == colour_of("government")
    page.keyboard.press("ArrowLeft")
    assert page.evaluate("trackerTimeline.day()") == "2016-11-26"
    assert style(page, "as-sakhour")["fillColor"] == colour_of("rebels")
    assert page.evaluate("trackerTimeline.stateOf('as-sakhour')")["actor"] == "rebels"
    assert_one_origin_and_no_console_errors(page, server)


def test_what_reads_the_timeline_before_it_arrives_answers_once_it_is_in(page, server):
    assert state_of("as-sakhour", "2016-11-26").actor == "rebels"
    held = held_requests(page, TIMELINE)
    page.goto(server.url + "/?date=2016-11-26&lens=consensus")
    page.wait_for_function("() => document.body.dataset.mapReady === 'true'")
    wait_until(page, lambda: len(held) == 1)
    # A promise, kept by the page: the timeline is let through while the page waits for it.
    page.evaluate("() => { window.askedEarly = trackerTimeline.stateOf('as-sakhour'); }")
    held[0].continue_()
    assert page.evaluate("() => window.askedEarly")["actor"] == "rebels"
    assert page.evaluate("document.body.dataset.mapTimeline") == "ready"
    assert_one_origin_and_no_console_errors(page, server)


def test_without_the_days_state_the_timeline_paints_first(page, server):
    """control/ failing (or a day outside the record) leaves the map as it was: painted from
    the timeline, ready once it is in."""
    assert state_of("as-sakhour", "2016-11-26").actor == "rebels"
    page.route("**/api/v1/control/**", lambda route: route.abort())
    page.goto(server.url + "/?date=2016-11-26&lens=consensus")
    page.wait_for_function("() => document.body.dataset.mapReady !== undefined")
    assert page.evaluate("document.body.dataset.mapReady") == "true"
    assert page.evaluate("document.body.dataset.mapTimeline") == "ready"
    assert style(page, "as-sakhour")["fillColor"] == colour_of("rebels")
    assert page.evaluate("trackerTimeline.day()") == "2016-11-26"


def test_the_page_asks_control_once_for_the_very_url_it_preloads(page, server):
    asked: list[str] = []
    page.on("request", lambda r: asked.append(r.url) if "/api/v1/control/" in r.url else None)
    page.goto(server.url + "/?date=2016-11-25&lens=consensus")
    page.wait_for_function("() => document.body.dataset.mapTimeline === 'ready'")
    preloaded = page.evaluate(
        """() => [...document.querySelectorAll('link[rel=preload][as=fetch]')]
            .map((link) => link.href).filter((href) => href.includes('/api/v1/control/'))"""
    )
    assert len(preloaded) == 1 and "fields=" in preloaded[0]
    # The script's fetch is answered by the preload: the one request is the preload's URL.
    assert asked == preloaded
    timed = page.evaluate(
        """() => performance.getEntriesByType('resource').map((r) => r.name)
            .filter((name) => name.includes('/api/v1/control/'))"""
    )
    assert timed == preloaded
    assert_one_origin_and_no_console_errors(page, server)
