"""The front line on the timeline map, in a real Chromium over the Aleppo demo: on 1 December
2016 the government and the rebels hold touching districts in the east of the city; the map
draws the day's front line (frontline/) as dark paths in a pane above the districts, and
follows the day once it settles."""

import datetime
import os
from pathlib import Path

import pytest

from tests.browser.test_timeline_map import open_map, page, server  # noqa: F401 (fixtures)
from tracker.frontline_sql import front_line

pytestmark = [pytest.mark.browser, pytest.mark.django_db]
DAY = "2016-12-01"
PATHS_JS = """() => Array.from(document.querySelectorAll('.leaflet-frontline-pane path'))
    .map(p => ({d: p.getAttribute('d') || '', stroke: p.getAttribute('stroke'),
                box: p.getBoundingClientRect().width + p.getBoundingClientRect().height}))"""


def test_the_front_line_of_the_day_is_drawn_above_the_districts(page, server, tmp_path):  # noqa: F811
    fronts = front_line(on=datetime.date.fromisoformat(DAY), lens="consensus")
    sides = {frozenset(f.sides) for f in fronts}
    assert frozenset({"government", "rebels"}) in sides  # the demo's fact the test leans on
    open_map(page, server, f"?date={DAY}&lens=consensus")
    page.evaluate("() => trackerTimeline.frontlineSettled()")
    paths = page.evaluate(PATHS_JS)
    assert len(paths) == len(fronts)
    drawn = [p for p in paths if p["box"] > 0]
    assert len(drawn) >= len(paths) / 2, paths  # some may lie outside the view, clipped
    assert {p["stroke"] for p in paths} == {"#111111"}
    pane = page.evaluate(
        "() => [getComputedStyle(document.querySelector('.leaflet-frontline-pane')).zIndex,"
        " getComputedStyle(document.querySelector('.leaflet-overlay-pane')).zIndex]"
    )
    assert int(pane[0]) > int(pane[1])
    shot = tmp_path / "frontline.png"
    page.screenshot(path=shot)
    assert shot.stat().st_size > 10_000
    if os.environ.get("TRACKER_SCREENSHOT_DIR"):
        out = Path(os.environ["TRACKER_SCREENSHOT_DIR"])
        out.mkdir(parents=True, exist_ok=True)
        (out / "frontline.png").write_bytes(shot.read_bytes())
    assert page.console_errors == []


def test_the_line_follows_the_day_once_it_settles(page, server):  # noqa: F811
    before = front_line(on=datetime.date(2012, 7, 1), lens="consensus")
    open_map(page, server, f"?date={DAY}&lens=consensus")
    page.evaluate("() => trackerTimeline.frontlineSettled()")
    asked = len([u for u in page.requests_seen if "/frontline/" in u])
    for day in ("2016-11-02", "2016-11-03", "2016-11-04", "2012-07-01"):  # a quick scrub
        page.evaluate(f"() => trackerTimeline.stepTo('{day}')")
    page.evaluate("() => trackerTimeline.frontlineSettled()")
    seen = [u for u in page.requests_seen if "/frontline/" in u]
    assert len(seen) == asked + 1  # only the day the scrub stopped on
    assert "on=2012-07-01" in seen[-1]
    assert len(page.evaluate(PATHS_JS)) == len(before)
