"""The map tells a state as of the chosen day, draws stale states in a style of their own, marks
the record's end on the time bar, and draws the area chart on the same 0–100% scale for every
lens (issue 16: "Honest time" and "Charts that compare"), in a real Chromium on the Aleppo demo.

The demo's facts are checked against the engine first (tracker.selectors.control_on), so that
a test leans on no copied output.
"""

import datetime
import re

import pytest

from tests.browser import test_timeline_map as base
from tests.browser.test_timeline_map import (
    assert_one_origin_and_no_console_errors,
    choose_lens,
    open_map,
    state_of,
    style,
)
from tracker.selectors import control_on

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

# The demo server (loaded once for this module) and the page on it, as in the map's tests.
server = base.server
page = base.page


def test_a_past_day_is_told_as_of_that_day_never_as_now(page, server):
    """as-Sakhour is government-held from 27 November 2016 to the end of the record: seen from
    1 December 2016 the panel says since when and when it was last reported, never "now"."""
    state = state_of("as-sakhour", "2016-12-01")
    assert (state.status, state.actor, state.since) == (
        "held",
        "government",
        datetime.date(2016, 11, 27),
    )
    open_map(page, server, "?date=2016-12-01&lens=consensus&district=as-sakhour")
    panel = page.locator("#district-panel")
    panel.locator(".period").first.wait_for()
    text = panel.locator(".panel-state").inner_text()
    assert "since 27 November 2016" in text
    assert f"last reported {state.last_reported.day} " in text
    # The panel's own words (claims' quotes are the sources' and may say "now").
    own = [text] + panel.locator(".period-heading").all_inner_texts()
    assert [t for t in own if re.search(r"\bnow\b", t, re.IGNORECASE)] == []
    assert "to the end of the record" in panel.locator(".period-heading").first.inner_text()
    assert_one_origin_and_no_console_errors(page, server)


def test_a_stale_district_has_its_own_style_and_the_legend_says_what_it_means(page, server):
    """On a day when the engine calls a district stale, the map draws it lighter with a dotted
    outline (unlike the faded window), the panel says "stale", and the legend explains it."""
    day = "2014-06-01"
    states = control_on(on=datetime.date.fromisoformat(day), lens="consensus")
    stale = [s for s in states if s.stale]
    fresh = [s for s in states if s.status == "held" and not s.stale]
    assert stale and fresh, "the demo has stale and fresh districts on this day"
    open_map(page, server, f"?date={day}&lens=consensus&district={stale[0].district}")
    drawn = style(page, stale[0].district)
    assert drawn["stale"] is True
    assert drawn["uncertain"] is False
    assert drawn["dashArray"] == "1 4"
    assert style(page, fresh[0].district)["stale"] is False
    assert style(page, fresh[0].district)["dashArray"] is None
    assert drawn["fillOpacity"] < style(page, fresh[0].district)["fillOpacity"] / 2
    page.locator("#district-panel .panel-state-stale").wait_for()
    assert "stale: last reported" in page.locator("#district-panel .panel-state").inner_text()
    note = page.locator(".district-legend .legend-stale")
    assert "not reported for over 180 days" in note.inner_text()
    assert note.locator(".swatch-stale").count() == 1
    assert_one_origin_and_no_console_errors(page, server)


def test_the_chart_tops_out_at_the_whole_city_in_every_lens_and_the_bar_marks_the_record_end(
    page, server
):
    open_map(page, server, "?date=2016-11-28&lens=consensus")
    tops = {}
    for lens in ("consensus", "source:sohr"):
        choose_lens(page, lens)
        tops[lens] = (
            page.locator("#area-chart").get_attribute("data-scale-top"),
            page.locator("#area-chart .chart-scale").text_content(),
        )
    assert tops == {
        "consensus": ("1", "100% of the city"),
        "source:sohr": ("1", "100% of the city"),
    }
    end = page.locator("#timebar-ticks .timebar-record-end")
    assert end.count() == 1
    last = page.evaluate("JSON.parse(document.getElementById('map-config').textContent).record")
    assert end.get_attribute("data-day") >= last["last"]
    assert end.get_attribute("title").startswith("End of the record: ")
    assert "-0" not in page.locator(".district-legend").inner_text()
    assert_one_origin_and_no_console_errors(page, server)


def test_arabic_panel_and_legend_speak_of_the_day_and_of_stale_states(page, server):
    open_map(page, server, "?date=2016-12-01&lens=consensus&district=as-sakhour&lang=ar")
    panel = page.locator("#district-panel")
    panel.locator(".period").first.wait_for()
    assert "آخر تقرير في" in panel.locator(".panel-state").inner_text()
    assert "الآن" not in panel.inner_text()
    assert "منذ أكثر من 180 يومًا" in page.locator(".district-legend .legend-stale").inner_text()
    assert_one_origin_and_no_console_errors(page, server)
