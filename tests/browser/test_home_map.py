"""The public map in a real Chromium: drawn from this server alone, names shown as text."""

import base64
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command
from django.test import override_settings

from tests.factories import DistrictFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

ALEPPO_DISTRICTS = "districts/data/aleppo_districts.geojson"
BLANK_PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII="
)
CREDIT = "Districts: Columbia Center for Spatial Research, Conflict Urbanism: Aleppo (MIT licence)"

# Count the overlay canvas's painted pixels (alpha > 0) and the distinct colours painted.
PAINTED_PIXELS_JS = """() => {
    const canvas = document.querySelector('.leaflet-overlay-pane canvas');
    const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
    let painted = 0;
    const colours = new Set();
    for (let i = 0; i < data.length; i += 4) {
        if (data[i + 3] === 0) continue;
        painted++;
        colours.add((data[i] >> 4) + ',' + (data[i + 1] >> 4) + ',' + (data[i + 2] >> 4));
    }
    return {painted: painted, total: canvas.width * canvas.height, colours: colours.size};
}"""


def open_map(page, live_server):
    page.goto(live_server.url + "/")
    page.wait_for_function("() => document.body.dataset.mapReady !== undefined")
    assert page.evaluate("document.body.dataset.mapReady") == "true", page.console_errors
    # Ready is the first paint (the asked day's state); the rest comes with the timeline.
    page.wait_for_function("() => document.body.dataset.mapTimeline === 'ready'")


def foreign_requests(page, live_server) -> list[str]:
    here = urlsplit(live_server.url).netloc
    return [
        url
        for url in page.requests_seen
        if not url.startswith("data:") and urlsplit(url).netloc != here
    ]


def test_home_map_draws_the_126_aleppo_districts_on_a_canvas_from_this_server_alone(
    page, live_server
):
    call_command("import_districts", ALEPPO_DISTRICTS, verbosity=0)
    open_map(page, live_server)

    assert page.evaluate("trackerMap.layer.getLayers().length") == 126
    assert page.evaluate("trackerMap.map.options.preferCanvas") is True
    assert page.locator(".leaflet-overlay-pane canvas").count() == 1
    assert page.locator(".leaflet-overlay-pane svg").count() == 0
    pixels = page.evaluate(PAINTED_PIXELS_JS)
    # Blank would be 0; the city covers roughly a tenth of the (padded) canvas. With no claim
    # every district is unknown: one fill, the outlines and their anti-aliased edges.
    assert pixels["painted"] > pixels["total"] * 0.03, pixels
    assert pixels["colours"] >= 2, pixels

    assert foreign_requests(page, live_server) == []
    assert not any("/tile" in url or ".png" in url for url in page.requests_seen)
    assert page.locator(".leaflet-tile").count() == 0
    assert page.console_errors == []

    assert CREDIT in page.locator(".leaflet-control-attribution").inner_text()
    assert page.locator(".site-footer").get_by_text(CREDIT).is_visible()
    assert page.locator(".site-header").is_visible()
    assert page.locator("#map-status").text_content() == "126 districts"


def test_hovering_a_district_names_it_in_english_and_arabic(page, live_server):
    DistrictFactory(slug="hanano", name_en="Hanano", name_ar="هنانو")
    open_map(page, live_server)
    page.evaluate("trackerMap.district('hanano').openTooltip()")
    tooltip = page.locator(".district-tooltip")
    assert tooltip.locator(".district-name-en").inner_text() == "Hanano"
    arabic = tooltip.locator(".district-name-ar")
    assert arabic.inner_text() == "هنانو"
    assert arabic.get_attribute("dir") == "rtl"


# The page point of district `slug`'s label point (inside it), and whether the map's canvas
# draws a district at the page point `empty`.
POINTER_JS = """([slug, empty]) => {
    const map = trackerMap.map;
    const box = map.getContainer().getBoundingClientRect();
    const [lon, lat] = trackerMap.district(slug).feature.properties.label;
    const at = map.latLngToContainerPoint([lat, lon]);
    const layerPoint = map.containerPointToLayerPoint([empty[0] - box.left, empty[1] - box.top]);
    return {x: box.left + at.x, y: box.top + at.y,
            emptyIsEmpty: trackerMap.renderer._shapeAt(layerPoint) === null};
}"""
HOVER_STATE_JS = """slug => {
    const shape = trackerMap.district(slug);
    const order = trackerMap.renderer._drawOrder;
    return {weight: shape.options.weight, color: shape.options.color,
            inFront: order[order.length - 1] === shape._index,
            pointer: trackerMap.renderer._container.classList.contains('leaflet-interactive')};
}"""


def test_the_pointer_on_a_district_outlines_it_in_front_and_names_it_until_it_leaves(
    page, live_server
):
    call_command("import_districts", ALEPPO_DISTRICTS, verbosity=0)
    open_map(page, live_server)
    away = page.evaluate(
        "(() => { const b = trackerMap.map.getContainer().getBoundingClientRect();"
        " return [b.right - 6, b.top + b.height / 2]; })()"
    )
    spot = page.evaluate(POINTER_JS, ["hanano", away])
    assert spot["emptyIsEmpty"]  # the map's right edge, beside the city: no district

    page.mouse.move(spot["x"], spot["y"])
    tooltip = page.locator(".leaflet-tooltip-pane .district-tooltip")
    assert tooltip.locator(".district-name-en").inner_text() == "Hanano"
    assert page.evaluate(HOVER_STATE_JS, "hanano") == {
        "weight": 2.5,
        "color": "#111827",
        "inFront": True,
        "pointer": True,
    }

    page.mouse.move(away[0], away[1], steps=4)
    tooltip.wait_for(state="detached")
    left = page.evaluate(HOVER_STATE_JS, "hanano")
    assert left["weight"] != 2.5 and left["color"] != "#111827" and not left["pointer"]
    assert page.console_errors == []


def test_district_name_holding_html_is_shown_as_text_and_runs_no_script(page, live_server):
    payload = "<img src=x onerror=alert(1)>"
    DistrictFactory(slug="hostile", name_en=payload, name_ar="<b>حي</b>")
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    open_map(page, live_server)

    page.evaluate("trackerMap.district('hostile').openTooltip()")
    tooltip = page.locator(".district-tooltip")
    assert tooltip.locator(".district-name-en").inner_text() == payload
    assert tooltip.locator(".district-name-ar").inner_text() == "<b>حي</b>"
    assert tooltip.locator("img, b").count() == 0

    page.evaluate("trackerTimeline.select('hostile')")
    panel = page.locator("#district-panel")
    assert panel.locator(".panel-name-primary").inner_text() == payload
    assert panel.locator(".panel-name-secondary").inner_text() == "<b>حي</b>"
    assert panel.locator("img, b").count() == 0

    page.wait_for_timeout(200)
    assert dialogs == []
    assert not any(url.endswith("/x") for url in page.requests_seen)
    assert page.console_errors == []


def test_configured_tile_server_is_the_only_other_origin_the_map_asks(page, live_server):
    DistrictFactory()
    tiles = []

    def serve_blank_tile(route):
        tiles.append(route.request.url)
        route.fulfill(status=200, content_type="image/png", body=BLANK_PNG)

    page.route("https://tiles.example.org/**", serve_blank_tile)
    with override_settings(
        MAP_TILE_URL="https://tiles.example.org/{z}/{x}/{y}.png",
        MAP_TILE_ATTRIBUTION="<script>Example</script> tiles",
    ):
        open_map(page, live_server)
    page.wait_for_function("() => document.querySelectorAll('.leaflet-tile').length > 0")
    assert tiles
    assert {urlsplit(url).netloc for url in foreign_requests(page, live_server)} == {
        "tiles.example.org"
    }
    attribution = page.locator(".leaflet-control-attribution")
    assert "<script>Example</script> tiles" in attribution.inner_text()
    assert attribution.locator("script").count() == 0
