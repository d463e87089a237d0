"""The timeline map in a real Chromium: scrubbing, keys, lenses, permalinks, the district panel,
Arabic, a phone, the embed; every test also checks that nothing was asked of another origin
and that the console stayed clean.

Facts about the Aleppo demo used here follow from its claims (tracker/data/aleppo_claims_demo.csv
and the record in tracker/data/record/) as the engine resolves them (see
tests/tracker/test_demo_timeline.py); the tests that lean on one check it against the stored
periods first: as-Sakhour is rebel-held on 26 November 2016 and government-held from the 27th;
Hanano is contested from 20 November and held by the government from the 26th (the army's and
SOHR's word stands); ash-Sheikh Fares is disputed on 28 November between the YPG (the National
Post) and "contested" (SOHR named both the army and the YPG that day), while the army's own
story has it government-held; Jabal Badro, rebel-held since 2012, was taken some time between 20
and 26 November (a week-wide claim).
"""

import datetime
import json
import urllib.request
from urllib.parse import parse_qs, urlsplit

import pytest
from django.apps import apps
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connections
from pytest_django.live_server_helper import LiveServer

from quantitative.demo import demo_load
from tracker.models import Actor
from tracker.selectors import control_on

# The tests only read the demo: each runs in a transaction that is rolled back, beside a live
# server that serves the demo committed once for the module (see `server`).
pytestmark = [pytest.mark.browser, pytest.mark.django_db]

CREDIT = "Districts: Columbia Center for Spatial Research, Conflict Urbanism: Aleppo (MIT licence)"
D = datetime.date

# The colours painted inside district `slug` on the map's canvas, away from its outline, with
# how many pixels have each ({"#rrggbb": count}), and one point well inside it in page pixels.
DISTRICT_PIXELS_JS = """async slug => {
    // Restyled districts are repainted on the next animation frame: let two frames pass.
    await new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)));
    const shape = trackerMap.district(slug);
    const canvas = trackerMap.renderer._container;
    const ctx = canvas.getContext('2d');
    const ratio = canvas.width / canvas.getBoundingClientRect().width;
    const path = new Path2D();
    for (const ring of shape._parts) {
        ring.forEach((p, k) => k ? path.lineTo(p.x, p.y) : path.moveTo(p.x, p.y));
        path.closePath();
    }
    const min = trackerMap.renderer._bounds.min;
    let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    for (const ring of shape._parts) for (const p of ring) {
        x0 = Math.min(x0, p.x); y0 = Math.min(y0, p.y); x1 = Math.max(x1, p.x); y1 = Math.max(y1, p.y);
    }
    const px = v => Math.round(v * ratio);
    const left = Math.max(px(x0 - min.x), 0), top = Math.max(px(y0 - min.y), 0);
    const right = Math.min(px(x1 - min.x), canvas.width - 1);
    const bottom = Math.min(px(y1 - min.y), canvas.height - 1);
    const image = ctx.getImageData(left, top, right - left + 1, bottom - top + 1).data;
    const inside = (x, y) => ctx.isPointInPath(path, x, y, 'evenodd');
    const margin = Math.round(3 * ratio);
    const colours = {};
    const points = [];
    for (let y = top; y <= bottom; y++) for (let x = left; x <= right; x++) {
        if (!(inside(x, y) && inside(x - margin, y) && inside(x + margin, y) &&
              inside(x, y - margin) && inside(x, y + margin))) continue;
        const i = ((y - top) * (right - left + 1) + (x - left)) * 4;
        if (image[i + 3] === 0) continue;
        const hex = '#' + [image[i], image[i + 1], image[i + 2]]
            .map(v => v.toString(16).padStart(2, '0')).join('');
        colours[hex] = (colours[hex] || 0) + 1;
        points.push([x, y]);
    }
    const cx = points.reduce((s, p) => s + p[0], 0) / points.length;
    const cy = points.reduce((s, p) => s + p[1], 0) / points.length;
    points.sort((a, b) => Math.hypot(a[0] - cx, a[1] - cy) - Math.hypot(b[0] - cx, b[1] - cy));
    const box = canvas.getBoundingClientRect();
    const at = points[0];
    return {colours: colours, x: box.left + at[0] / ratio, y: box.top + at[1] / ratio};
}"""


def _database_restore(saved: dict[str, str]) -> None:
    """Empty every table and put back the rows saved before the module loaded the demo, as a
    transactional test with `serialized_rollback` does after itself."""
    for alias, contents in saved.items():
        call_command(
            "flush", database=alias, interactive=False, verbosity=0, inhibit_post_migrate=True
        )
        connection = connections[alias]
        connection.creation.deserialize_db_from_string(contents)
        # flush restarted the id sequences (PostgreSQL); move them past the restored rows.
        models = apps.get_models(include_auto_created=True)
        with connection.cursor() as cursor:
            for statement in connection.ops.sequence_reset_sql(no_style(), models):
                cursor.execute(statement)


@pytest.fixture(scope="module")
def server(django_db_setup, django_db_blocker):
    """A live server on the Aleppo demo, loaded and committed once for the module: loading it
    takes about 15 s on SpatiaLite, too long to repeat per test. pytest-django's `live_server`
    is not used, as it makes every test transactional (the database emptied after each). At
    the end the tables are emptied and the rows from before (the migrations' seeded actors and
    groups) put back, for the tests after."""
    with django_db_blocker.unblock():
        saved = {
            alias: connections[alias].creation.serialize_db_to_string() for alias in connections
        }
        demo_load()
        live = LiveServer("localhost")
        try:
            yield live
        finally:
            live.stop()
            _database_restore(saved)


@pytest.fixture
def page(browser, server):
    """A fresh browser page on the demo server; `page.requests_seen` lists every URL it asked
    for (as the suite's `page`, which would start pytest-django's live server)."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    pg = context.new_page()
    pg.requests_seen = []
    pg.console_errors = []
    pg.on("request", lambda req: pg.requests_seen.append(req.url))
    pg.on("console", lambda msg: msg.type == "error" and pg.console_errors.append(msg.text))
    pg.on("pageerror", lambda exc: pg.console_errors.append(str(exc)))
    yield pg
    context.close()


def state_of(slug: str, day: str, lens: str = "consensus"):
    """Return the stored state of district `slug` on `day` (ISO) in `lens`."""
    on = datetime.date.fromisoformat(day)
    [state] = [s for s in control_on(on=on, lens=lens) if s.district == slug]
    return state


def colour_of(slug: str) -> str:
    return Actor.objects.get(slug=slug).colour.lower()


def near(hex_a: str, hex_b: str, tolerance: int = 6) -> bool:
    a = [int(hex_a[i : i + 2], 16) for i in (1, 3, 5)]
    b = [int(hex_b[i : i + 2], 16) for i in (1, 3, 5)]
    return all(abs(x - y) <= tolerance for x, y in zip(a, b, strict=True))


def pixels_like(colours: dict[str, int], hex_colour: str) -> int:
    return sum(n for c, n in colours.items() if near(c, hex_colour))


def open_map(page, server, query: str = "", path: str = "/"):
    page.goto(server.url + path + query)
    page.wait_for_function("() => document.body.dataset.mapReady !== undefined")
    assert page.evaluate("document.body.dataset.mapReady") == "true", page.console_errors
    # Ready is the first paint (the asked day's state); the rest comes with the timeline.
    page.wait_for_function("() => document.body.dataset.mapTimeline === 'ready'")


def choose_lens(page, lens: str) -> None:
    """Switch the map to `lens` through the lens chooser, as a reader does, and wait for it."""
    page.locator("#lens").click()
    page.locator(f"#lens-list [role=option][data-value='{lens}']").click()
    page.wait_for_function(f"() => trackerTimeline.lens() === '{lens}'")


def address(page) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(urlsplit(page.url).query).items()}


def wait_for_address(page, **expected):
    """Wait until the page's address carries these parameters (it is written after a pause)."""
    checks = " && ".join(
        f"new URLSearchParams(location.search).get({json.dumps(k)}) === {json.dumps(v)}"
        for k, v in expected.items()
    )
    page.wait_for_function(f"() => {checks}")


def style(page, slug: str) -> dict:
    return page.evaluate("slug => trackerTimeline.styleOf(slug)", slug)


def assert_one_origin_and_no_console_errors(page, server):
    here = urlsplit(server.url).netloc
    foreign = [
        url
        for url in page.requests_seen
        if not url.startswith(("data:", "blob:")) and urlsplit(url).netloc != here
    ]
    assert foreign == []
    assert page.console_errors == []


def slider_x(page, day: str) -> float:
    """Return the page x of the slider's thumb centre for `day` (left to right)."""
    return page.evaluate(
        """day => {
            const slider = document.getElementById('day-slider');
            const box = slider.getBoundingClientRect();
            const min = Number(slider.min), max = Number(slider.max);
            const value = trackerTimeline.dayNumber(day);
            const thumb = 16;
            return box.left + thumb / 2 + (value - min) / (max - min) * (box.width - thumb);
        }""",
        day,
    )


def test_dragging_the_slider_recolours_districts_with_no_request_and_writes_the_address(
    page, server
):
    assert state_of("as-sakhour", "2016-11-26").actor == "rebels"
    open_map(page, server, "?date=2016-11-26&lens=consensus&range=quarter")
    assert style(page, "as-sakhour")["fillColor"] == colour_of("rebels")
    page.evaluate("() => trackerTimeline.frontlineSettled()")  # the opening day's line, asked once
    asked_before = list(page.requests_seen)

    slider = page.locator("#day-slider").bounding_box()
    y = slider["y"] + slider["height"] / 2
    page.mouse.move(slider_x(page, "2016-11-26"), y)
    page.mouse.down()
    page.mouse.move(slider_x(page, "2016-12-04"), y, steps=12)
    page.mouse.up()

    day = page.evaluate("trackerTimeline.day()")
    assert "2016-12-03" <= day <= "2016-12-05"
    assert state_of("as-sakhour", day).actor == "government"
    assert style(page, "as-sakhour")["fillColor"] == colour_of("government")
    asked_since = [u for u in page.requests_seen[len(asked_before) :] if "favicon" not in u]
    assert asked_since == []  # scrubbing asks the server nothing (the icon loads lazily)
    wait_for_address(page, date=day, lens="consensus")
    assert page.locator("#date-label").get_attribute("data-day") == day
    assert_one_origin_and_no_console_errors(page, server)


def test_arrow_keys_step_a_day_shift_arrows_jump_between_changes_and_space_plays(page, server):
    open_map(page, server, "?date=2016-11-25&lens=consensus")
    hanano = style(page, "hanano")
    assert (hanano["status"], hanano["pattern"]) == ("contested", True)

    page.keyboard.press("ArrowRight")
    assert page.evaluate("trackerTimeline.day()") == "2016-11-26"
    assert style(page, "hanano")["fillColor"] == colour_of("government")
    wait_for_address(page, date="2016-11-26")

    assert style(page, "as-sakhour")["fillColor"] == colour_of("rebels")

    page.keyboard.press("Shift+ArrowRight")  # the next day on which anything changes
    changes = page.evaluate("trackerTimeline.changeDays()")
    following = min(d for d in changes if d > "2016-11-26")
    assert page.evaluate("trackerTimeline.day()") == following == "2016-11-27"
    assert style(page, "as-sakhour")["fillColor"] == colour_of("government")  # it fell that day
    assert style(page, "hanano")["fillColor"] == colour_of("government")  # still held
    page.keyboard.press("Shift+ArrowLeft")
    assert page.evaluate("trackerTimeline.day()") == "2016-11-26"
    page.keyboard.press("ArrowLeft")
    assert page.evaluate("trackerTimeline.day()") == "2016-11-25"
    wait_for_address(page, date="2016-11-25")

    page.keyboard.press("Space")
    assert page.evaluate("trackerTimeline.playing()") is True
    page.wait_for_function("() => trackerTimeline.day() > '2016-11-26'")
    page.keyboard.press("Space")
    assert page.evaluate("trackerTimeline.playing()") is False
    stopped = page.evaluate("trackerTimeline.day()")
    page.wait_for_timeout(400)
    assert page.evaluate("trackerTimeline.day()") == stopped
    assert page.locator("#play").get_attribute("aria-pressed") == "false"
    assert_one_origin_and_no_console_errors(page, server)


def test_play_button_and_change_buttons_move_through_the_record(page, server):
    open_map(page, server, "?date=2016-11-19&lens=consensus")
    changes = page.evaluate("trackerTimeline.changeDays()")
    page.locator("#next-change").click()
    assert page.evaluate("trackerTimeline.day()") == min(d for d in changes if d > "2016-11-19")
    page.locator("#previous-change").click()
    assert page.evaluate("trackerTimeline.day()") == max(d for d in changes if d < "2016-11-20")

    page.select_option("#speed", "change")
    page.locator("#play").click()
    assert page.locator("#play").get_attribute("aria-pressed") == "true"
    page.wait_for_function("() => trackerTimeline.day() >= '2016-11-20'")
    page.locator("#play").click()
    assert page.evaluate("trackerTimeline.day()") in changes
    assert_one_origin_and_no_console_errors(page, server)


def test_a_step_restyles_only_the_districts_whose_state_changes(page, server):
    open_map(page, server, "?date=2016-11-27&lens=consensus")
    restyled = page.evaluate(
        """() => {
            const seen = new Set();
            for (const shape of trackerMap.layer.getLayers()) {
                const original = shape.setStyle;
                shape.setStyle = function (style) {
                    seen.add(this.feature.properties.slug);
                    return original.call(this, style);
                };
            }
            trackerTimeline.stepTo('2016-11-28');
            return Array.from(seen).sort();
        }"""
    )
    before = {s.district: s for s in control_on(on=D(2016, 11, 27), lens="consensus")}
    after = {s.district: s for s in control_on(on=D(2016, 11, 28), lens="consensus")}
    changed = sorted(
        slug
        for slug in after
        if (after[slug].status, after[slug].actor, after[slug].actors)
        != (before[slug].status, before[slug].actor, before[slug].actors)
    )
    assert changed  # the army's advance of 28 November
    assert restyled == changed
    assert_one_origin_and_no_console_errors(page, server)


def test_a_permalink_restores_date_lens_range_and_open_district(page, server):
    open_map(
        page,
        server,
        "?date=2016-11-28&lens=stance:opposition&district=hanano&range=quarter",
    )
    assert page.evaluate("trackerTimeline.day()") == "2016-11-28"
    assert page.evaluate("trackerTimeline.lens()") == "stance:opposition"
    assert page.evaluate("trackerTimeline.range()") == "quarter"
    assert page.locator("#lens").get_attribute("data-lens") == "stance:opposition"
    assert page.locator("#date-label").inner_text() == "28 November 2016"
    day_number = page.evaluate("trackerTimeline.dayNumber('2016-11-28')")
    assert page.locator("#day-slider").input_value() == str(day_number)
    assert page.locator("#district-panel").is_visible()
    assert page.locator("#panel-title").inner_text() == "Hanano"
    # Opposition sources say fighting went on in Hanano on 26 November and name no holder since.
    assert page.evaluate("trackerTimeline.stateOf('hanano').status") == "contested"

    choose_lens(page, "source:sohr")
    wait_for_address(page, date="2016-11-28", lens="source:sohr", district="hanano")
    assert "lens=source:sohr" in page.url  # the colon is kept readable
    assert_one_origin_and_no_console_errors(page, server)


def test_disputed_day_is_hatched_in_consensus_while_two_sources_colour_it_their_way(page, server):
    # 28 November, ash-Sheikh Fares: the National Post says the YPG holds it; SOHR names both
    # the army and the YPG, so its word is that it is contested; the army claims it. The two
    # independent positions tie and outweigh the partisan one: disputed, YPG / contested.
    consensus = state_of("ash-sheikh-fares", "2016-11-28")
    assert (consensus.status, consensus.actors) == ("disputed", ["kurdish_ypg", "contested"])
    assert state_of("ash-sheikh-fares", "2016-11-28", "source:syrian-army").actor == "government"
    assert state_of("ash-sheikh-fares", "2016-11-28", "source:national-post").actor == (
        "kurdish_ypg"
    )
    government, ypg = colour_of("government"), colour_of("kurdish_ypg")
    contested_ink = "#4b5563"  # the grey stripe of "contested" (CONTESTED_INK)

    open_map(page, server, "?date=2016-11-28&lens=consensus")
    drawn = style(page, "ash-sheikh-fares")
    assert drawn["pattern"] is True
    assert drawn["hatch"] == [ypg, contested_ink]
    painted = page.evaluate(DISTRICT_PIXELS_JS, "ash-sheikh-fares")["colours"]
    total = sum(painted.values())
    assert pixels_like(painted, ypg) > total * 0.3, painted  # stripes of both positions
    assert pixels_like(painted, contested_ink) > total * 0.3, painted

    choose_lens(page, "source:syrian-army")
    assert style(page, "ash-sheikh-fares") | {"fillOpacity": None} == {
        "fillColor": government,
        "pattern": False,
        "hatch": None,
        "fillOpacity": None,
        "status": "held",
        "uncertain": False,
        "stale": False,
        "dashArray": None,
    }
    painted = page.evaluate(DISTRICT_PIXELS_JS, "ash-sheikh-fares")["colours"]
    assert pixels_like(painted, government) > sum(painted.values()) * 0.9, painted

    choose_lens(page, "source:national-post")
    assert style(page, "ash-sheikh-fares")["fillColor"] == ypg
    painted = page.evaluate(DISTRICT_PIXELS_JS, "ash-sheikh-fares")["colours"]
    assert pixels_like(painted, ypg) > sum(painted.values()) * 0.9, painted
    wait_for_address(page, lens="source:national-post")
    assert_one_origin_and_no_console_errors(page, server)


def test_a_week_wide_claim_fades_the_change_over_its_window(page, server):
    # The army's capture is dated to the week ending 26 November: the change may have happened
    # any day from the 20th, and no claim says otherwise in between.
    taken = state_of("jabal-badro", "2016-11-26")
    assert (taken.actor, taken.since, taken.start_earliest) == (
        "government",
        D(2016, 11, 26),
        D(2016, 11, 20),
    )
    open_map(page, server, "?date=2016-11-19&lens=consensus")
    before = style(page, "jabal-badro")
    assert (before["fillColor"], before["uncertain"]) == (colour_of("rebels"), False)

    page.evaluate("trackerTimeline.stepTo('2016-11-22')")
    faded = style(page, "jabal-badro")
    assert (faded["fillColor"], faded["uncertain"]) == (colour_of("government"), True)
    in_force = page.evaluate("trackerTimeline.stateOf('jabal-badro')")
    assert (in_force["status"], in_force["actor"]) == ("held", "rebels")  # until the 26th

    page.evaluate("trackerTimeline.stepTo('2016-11-26')")
    solid = style(page, "jabal-badro")
    assert (solid["fillColor"], solid["uncertain"]) == (colour_of("government"), False)
    assert solid["fillOpacity"] > faded["fillOpacity"] * 2
    assert_one_origin_and_no_console_errors(page, server)


def test_legend_shares_follow_the_day_add_up_and_agree_with_the_area_statistics(page, server):
    open_map(page, server, "?date=2016-11-01&lens=consensus")
    before = page.evaluate("trackerTimeline.shares()")
    marker_before = page.locator(".chart-marker").get_attribute("x1")
    page.evaluate("trackerTimeline.stepTo('2016-12-13')")
    after = page.evaluate("trackerTimeline.shares()")
    assert sum(after.values()) == pytest.approx(1, abs=1e-6)
    assert after["held:government"] > before["held:government"]
    assert page.locator(".chart-marker").get_attribute("x1") != marker_before
    assert page.locator("#area-chart path").count() >= 3
    assert "13 December 2016" in page.locator(".district-legend summary").inner_text()

    url = server.url + "/api/v1/stats/area/?from=2016-12-13&to=2016-12-13&lens=consensus"
    with urllib.request.urlopen(url) as response:  # noqa: S310 - the test's own server
        [point] = json.load(response)["series"]
    for slug, share in point["share"].items():
        key = slug if slug in ("contested", "disputed", "unknown") else f"held:{slug}"
        assert after.get(key, 0) == pytest.approx(share, abs=0.002), slug
    row = page.locator(".legend-list li[data-bucket='held:government']")
    assert row.locator(".legend-share").inner_text() == f"{after['held:government']:.1%}"
    assert_one_origin_and_no_console_errors(page, server)


def test_clicking_a_district_opens_a_panel_with_every_claim_behind_its_history(page, server):
    open_map(page, server, "?date=2016-11-28&lens=consensus")
    point = page.evaluate(DISTRICT_PIXELS_JS, "ash-sheikh-fares")
    page.mouse.click(point["x"], point["y"])
    panel = page.locator("#district-panel")
    panel.locator(".claim").first.wait_for()

    assert panel.locator("#panel-title").inner_text() == "ash-Sheikh Fares"
    arabic = panel.locator(".panel-name-secondary")
    assert (arabic.inner_text(), arabic.get_attribute("lang")) == ("الشيخ فارس", "ar")
    disputed = state_of("ash-sheikh-fares", "2016-11-28")
    assert (disputed.status, disputed.actors, disputed.since) == (
        "disputed",
        ["kurdish_ypg", "contested"],
        D(2016, 11, 28),
    )
    ypg = Actor.objects.get(slug="kurdish_ypg").name_en
    # Told as of the day: since when, and the last report on or before it (issue 16).
    reported = disputed.last_reported
    assert (
        panel.locator(".panel-state")
        .inner_text()
        .startswith(
            f"Disputed since 28 November 2016: {ypg} / contested; "
            f"last reported {reported.day} {reported:%B %Y}"
        )
    )
    wait_for_address(page, district="ash-sheikh-fares")

    url = server.url + "/api/v1/districts/ash-sheikh-fares/history/?lens=consensus"
    with urllib.request.urlopen(url) as response:  # noqa: S310 - the test's own server
        history = json.load(response)
    claims = {
        c["id"]: c
        for p in history["periods"]
        for c in p["supporting_claims"] + p["contradicting_claims"]
    }
    # Each period lists the claims behind it and those it outweighed; a statement that stands
    # across several periods (engine v2) is listed under each of them.
    listed = sorted(
        c["id"]
        for p in history["periods"]
        for c in p["supporting_claims"] + p["contradicting_claims"]
    )
    shown = panel.locator(".claim")
    assert sorted(int(i) for i in shown.evaluate_all("cs => cs.map(c => c.dataset.claim)")) == (
        listed
    )
    assert panel.locator(".history-segment").count() == len(history["periods"])
    for card in shown.all():
        claim = claims[int(card.get_attribute("data-claim"))]
        assert card.locator(".claim-source").inner_text() == claim["source"]["name"]
        assert card.locator(".claim-stance").inner_text() == claim["source"]["stance"]
        assert card.locator("time").get_attribute("datetime") == claim["effective_to"]
        assert card.locator(".claim-quote").inner_text() == claim["quote"]
        # The link is the claim's address as a browser writes it (non-ASCII percent-encoded).
        href = page.evaluate("url => new URL(url).href", claim["url"])
        assert card.locator("a.claim-link").first.get_attribute("href") == href
    # How each side's sources tell the same day.
    compare = panel.locator(".compare-item")
    assert compare.count() == 5
    government_view = panel.locator(".compare-item[data-lens='stance:government']")
    assert "held by Syrian government and allies" in government_view.inner_text()
    government_view.click()
    page.wait_for_function("() => trackerTimeline.lens() === 'stance:government'")
    assert style(page, "ash-sheikh-fares")["fillColor"] == colour_of("government")

    page.keyboard.press("Escape")
    assert panel.is_hidden()
    assert_one_origin_and_no_console_errors(page, server)


def test_arabic_interface_is_right_to_left_with_arabic_names_and_time_running_leftwards(
    page, server
):
    open_map(page, server, "?lang=ar&date=2016-11-26&lens=consensus")
    html = page.locator("html")
    assert (html.get_attribute("dir"), html.get_attribute("lang")) == ("rtl", "ar")
    assert page.locator(".site-title").inner_text() == "متتبّع السيطرة على أحياء حلب"
    assert page.locator("#play").get_attribute("aria-label") == "تشغيل"
    assert "تشرين الثاني" in page.locator("#date-label").inner_text()
    assert "الحكومة السورية وحلفاؤها" in page.locator(".district-legend").inner_text()
    assert page.evaluate("getComputedStyle(document.getElementById('day-slider')).direction") == (
        "rtl"
    )
    # The zoom buttons and the legend swap sides with the text.
    zoom = page.locator(".leaflet-control-zoom").bounding_box()
    assert zoom["x"] > 640

    page.keyboard.press("ArrowLeft")  # leftwards is later in a right-to-left time bar
    assert page.evaluate("trackerTimeline.day()") == "2016-11-27"
    wait_for_address(page, date="2016-11-27", lang="ar")
    switch = page.locator("#language-switch")
    assert switch.inner_text() == "English"
    assert parse_qs(urlsplit(switch.get_attribute("href")).query) == {
        "date": ["2016-11-27"],
        "lens": ["consensus"],
        "lang": ["en"],
    }

    page.evaluate("trackerTimeline.select('hanano')")
    title = page.locator("#panel-title")
    assert (title.inner_text(), title.get_attribute("lang")) == ("هنانو", "ar")
    assert page.locator(".panel-name-secondary").inner_text() == "Hanano"
    assert state_of("hanano", "2016-11-27").actor == "government"
    assert "تحت سيطرة الحكومة السورية وحلفاؤها" in page.locator(".panel-state").inner_text()
    panel = page.locator("#district-panel").bounding_box()
    assert panel["x"] < 100  # the panel opens on the left, the text's end
    assert_one_origin_and_no_console_errors(page, server)


def test_on_a_phone_the_panel_is_a_bottom_sheet_and_the_controls_stay_usable(browser, server):
    context = browser.new_context(
        viewport={"width": 390, "height": 844},
        device_scale_factor=2,
        has_touch=True,
        is_mobile=True,
    )
    page = context.new_page()
    page.requests_seen, page.console_errors = [], []
    page.on("request", lambda request: page.requests_seen.append(request.url))
    page.on("console", lambda m: m.type == "error" and page.console_errors.append(m.text))
    page.on("pageerror", lambda error: page.console_errors.append(str(error)))
    try:
        open_map(page, server, "?date=2016-11-28&lens=consensus")
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        point = page.evaluate(DISTRICT_PIXELS_JS, "ash-sheikh-fares")
        page.touchscreen.tap(point["x"], point["y"])
        sheet = page.locator("#district-panel")
        sheet.locator(".claim").first.wait_for()
        box = sheet.bounding_box()
        map_box = page.locator(".map-area").bounding_box()
        assert box["width"] == pytest.approx(390, abs=1)
        assert box["y"] + box["height"] == pytest.approx(map_box["y"] + map_box["height"], abs=1)
        assert box["height"] < map_box["height"] * 0.65

        for control in ("#play", "#previous-change", "#next-change", "#lens", "#day-slider"):
            found = page.locator(control).bounding_box()
            assert found["y"] >= box["y"] + box["height"] - 1, control  # below the sheet
            assert found["x"] >= 0 and found["x"] + found["width"] <= 390, control
            assert found["height"] >= 28, control  # big enough for a finger
        page.locator("#next-change").tap()
        day = page.evaluate("trackerTimeline.day()")
        assert day > "2016-11-28"
        shown = page.locator("#district-panel .panel-state").inner_text()
        assert shown.startswith(
            {"disputed": "Disputed", "held": "Held by"}[state_of("ash-sheikh-fares", day).status]
        )
        assert page.locator(".site-footer").get_by_text(CREDIT).is_visible()
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        assert_one_origin_and_no_console_errors(page, server)
    finally:
        context.close()


def test_embed_has_no_site_chrome_keeps_the_credit_and_loads_inside_an_iframe(page, server):
    open_map(page, server, "?date=2016-11-28&lens=consensus", path="/embed/")
    assert page.locator(".site-header").count() == 0
    assert page.locator(".site-footer").count() == 0
    attribution = page.locator(".leaflet-control-attribution")
    assert attribution.is_visible() and CREDIT in attribution.inner_text()
    full = page.locator("#embed-open-full")
    assert full.get_attribute("href") == "/?date=2016-11-28&lens=consensus"
    page.keyboard.press("ArrowRight")
    page.wait_for_function(
        "() => document.getElementById('embed-open-full').getAttribute('href')"
        " === '/?date=2016-11-29&lens=consensus'"
    )
    assert full.get_attribute("target") == "_blank"

    page.set_content(
        f'<iframe src="{server.url}/embed/?date=2016-12-13" width="800" height="500"></iframe>'
    )
    frame = page.frame_locator("iframe")
    frame.locator("body[data-map-timeline='ready']").wait_for()
    assert frame.locator("#date-label").inner_text() == "13 December 2016"
    assert_one_origin_and_no_console_errors(page, server)


def test_districts_repainted_in_place_while_scrubbing_look_as_after_a_full_redraw(page, server):
    open_map(page, server, "?date=2016-11-10&lens=consensus")
    result = page.evaluate(
        """() => {
            const r = trackerMap.renderer;
            const flush = () => {  // the repaints the next frames would make, made now
                if (r._stepRequest) { L.Util.cancelAnimFrame(r._stepRequest); r._repaintRestyled(); }
                if (r._redrawRequest) { L.Util.cancelAnimFrame(r._redrawRequest); r._redraw(); }
            };
            let repaintedInPlace = 0;
            const inPlace = r._repaintRestyled;
            r._repaintRestyled = function () { repaintedInPlace++; return inPlace.call(this); };
            for (let d = 0; d < 40; d++) {
                trackerTimeline.stepTo(trackerTimeline.dayNumber('2016-11-10') + d);
                flush();
                if (d === 10) { trackerTimeline.select('hanano'); flush(); }
                if (d === 25) { trackerTimeline.select('sheikh-saeed'); flush(); }
            }
            const canvas = r._container, ctx = canvas.getContext('2d');
            const stepped = ctx.getImageData(0, 0, canvas.width, canvas.height).data.slice();
            r._redrawBounds = null;
            L.Canvas.prototype._redraw.call(r);
            const full = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
            let visible = 0;  // premultiplied: faint anti-aliased fringes do not count
            for (let i = 0; i < full.length; i += 4) {
                for (let c = 0; c < 3; c++) {
                    const a = stepped[i + c] * stepped[i + 3] / 255;
                    const b = full[i + c] * full[i + 3] / 255;
                    if (Math.abs(a - b) > 40) { visible++; break; }
                }
            }
            return {visible: visible, repaintedInPlace: repaintedInPlace};
        }"""
    )
    assert result["repaintedInPlace"] > 10
    assert result["visible"] == 0
    assert_one_origin_and_no_console_errors(page, server)


def test_the_hovered_districts_tooltip_follows_the_day(page, server):
    open_map(page, server, "?date=2016-11-26&lens=consensus")
    point = page.evaluate(DISTRICT_PIXELS_JS, "as-sakhour")
    page.mouse.move(point["x"], point["y"])
    tooltip = page.locator(".district-tooltip .tooltip-state")
    assert tooltip.inner_text() == "held by Rebel groups"
    page.keyboard.press("ArrowRight")
    assert tooltip.inner_text() == "held by Syrian government and allies"
    assert_one_origin_and_no_console_errors(page, server)
