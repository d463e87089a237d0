"""Comparing two days and downloading a picture of the map, in a real Chromium over the Aleppo
demo. Between 15 November and 13 December 2016 the government took most of eastern Aleppo
from the rebels (as-Sakhour fell on 27 November): the comparison names what changed between
the two days as the stored periods have it, lists the changes in between exactly as the API's
change feed does, and carries `compare=` in the address. The picture is a PNG of the map as
shown, with the day, the lens, the legend and the credit; with a tile layer whose server does
not allow CORS, the button is disabled and says why."""

import base64
import datetime
import http.server
import json
import struct
import threading
import urllib.request
import zlib
from pathlib import Path

import pytest

from districts.models import District
from tests.browser.test_timeline_map import (  # noqa: F401 (fixtures)
    assert_one_origin_and_no_console_errors,
    colour_of,
    near,
    open_map,
    page,
    server,
    wait_for_address,
)
from tracker.selectors import control_on

pytestmark = [pytest.mark.browser, pytest.mark.django_db]
FROM, TO = "2016-11-15", "2016-12-13"

# The colours painted in the comparison's pane inside district `slug` ({"#rrggbb": count}).
COMPARE_PIXELS_JS = """async slug => {
    await new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)));
    const canvas = document.querySelector('.leaflet-compare-pane canvas');
    const ctx = canvas.getContext('2d');
    const ratio = canvas.width / canvas.getBoundingClientRect().width;
    const shape = trackerMap.district(slug);
    // The district's outline (the districts' canvas's pixels) in the comparison's canvas.
    const min = trackerMap.renderer._bounds.min;
    const from = trackerMap.renderer._container.getBoundingClientRect();
    const to = canvas.getBoundingClientRect();
    const at = p => [(p.x - min.x + from.left - to.left) * ratio, (p.y - min.y + from.top - to.top) * ratio];
    const path = new Path2D();
    for (const ring of shape._parts) {
        ring.forEach((p, k) => k ? path.lineTo(...at(p)) : path.moveTo(...at(p)));
        path.closePath();
    }
    const image = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
    ctx.save();
    ctx.setTransform(1, 0, 0, 1, 0, 0);  // Leaflet's translation off: canvas pixels
    const colours = {};
    for (let y = 0; y < canvas.height; y += 2) for (let x = 0; x < canvas.width; x += 2) {
        if (!ctx.isPointInPath(path, x, y)) continue;
        const i = (y * canvas.width + x) * 4;
        if (image[i + 3] < 200) continue;
        const hex = '#' + [image[i], image[i + 1], image[i + 2]]
            .map(v => v.toString(16).padStart(2, '0')).join('');
        colours[hex] = (colours[hex] || 0) + 1;
    }
    ctx.restore();
    return colours;
}"""


def side_on(day: str) -> dict[str, str]:
    """Return each district's side on `day` in the consensus: its holder, else its status."""
    on = datetime.date.fromisoformat(day)
    return {
        s.district: s.actor if s.status == "held" else s.status
        for s in control_on(on=on, lens="consensus")
    }


def api(live, path: str) -> dict:
    with urllib.request.urlopen(live.url + path) as response:  # noqa: S310 - the test server
        return json.load(response)


def test_comparing_two_days_draws_what_changed_with_totals_that_agree_with_the_api(page, server):  # noqa: F811
    before, after = side_on(FROM), side_on(TO)
    assert (before["as-sakhour"], after["as-sakhour"]) == ("rebels", "government")
    open_map(page, server, f"?date={TO}&lens=consensus&compare={FROM}")
    shown = page.evaluate("trackerTimeline.comparison()")
    assert (shown["from"], shown["to"]) == (FROM, TO)

    # The districts that changed side, as the stored periods have them on the two days.
    no_side = {"contested", "disputed", "unknown"}
    expected = {
        slug: tuple(None if s in no_side else s for s in (after[slug], before.get(slug, "unknown")))
        for slug in after
        if before.get(slug, "unknown") != after[slug]
    }
    assert {c["district"]: (c["gainer"], c["loser"]) for c in shown["districts"]} == expected
    km2 = {d.slug: d.area_m2 / 1e6 for d in District.objects.all()}
    for side in shown["sides"]:
        gained = sum(km2[s] for s, (gainer, _) in expected.items() if gainer == side["actor"])
        lost = sum(km2[s] for s, (_, loser) in expected.items() if loser == side["actor"])
        assert side["gained"] == pytest.approx(gained, abs=0.01), side
        assert side["lost"] == pytest.approx(lost, abs=0.01), side
    assert shown["whole"] == pytest.approx(sum(km2.values()), abs=0.01)

    # The changes in between: the API's change feed from the day after the first to the second.
    feed = api(server, f"/api/v1/changes/?since=2016-11-16&until={TO}&lens=consensus")["changes"]
    listed = [
        {"district": c["district"], "day": c["day"], "status": c["status"], "actor": c["actor"]}
        for c in feed
        if c["type"] == "control"
    ]
    assert listed and shown["changes"] == listed

    # Drawn: as-Sakhour hatched in the colour of the side that gained it, on white.
    colours = page.evaluate(COMPARE_PIXELS_JS, "as-sakhour")
    government = colour_of("government")
    assert sum(n for c, n in colours.items() if near(c, government, 40)) > 20
    assert sum(n for c, n in colours.items() if near(c, "#ffffff", 40)) > 20
    # The summary: each side's ground gained and lost, and the count of districts.
    summary = page.locator("#compare-summary")
    rebels = summary.locator("li[data-actor=rebels]").inner_text()
    lost = next(s["lost"] for s in shown["sides"] if s["actor"] == "rebels")
    assert f"lost {lost:,.2f}".rstrip("0").rstrip(".") in rebels
    assert f"{len(expected)} districts changed" in summary.inner_text()
    wait_for_address(page, date=TO, compare=FROM)
    assert_one_origin_and_no_console_errors(page, server)


def test_the_compared_day_is_picked_cleared_and_validated_in_the_address(page, server):  # noqa: F811
    open_map(page, server, "?date=2016-12-13&lens=consensus")
    assert page.evaluate("trackerTimeline.comparison()") is None
    page.locator("#compare-open").click()
    page.locator("#compare-day").fill("2016-12-01")
    wait_for_address(page, compare="2016-12-01")
    assert page.evaluate("trackerTimeline.comparison().from") == "2016-12-01"
    page.locator("#compare-clear").click()
    page.wait_for_function("() => !new URLSearchParams(location.search).has('compare')")
    assert page.evaluate("trackerTimeline.comparison()") is None
    assert page.locator(".leaflet-compare-pane canvas").count() <= 1

    open_map(page, server, "?date=2016-12-13&lens=consensus&compare=2016-02-30")  # no such day
    assert page.evaluate("trackerTimeline.comparison()") is None
    page.keyboard.press("ArrowLeft")
    page.wait_for_function(
        "() => new URLSearchParams(location.search).get('date') === '2016-12-12'"
    )
    assert "compare" not in page.url
    open_map(
        page, server, "?date=2016-12-13&lens=consensus&compare=1990-01-01"
    )  # before the record
    start = page.evaluate("trackerTimeline.span().start")
    assert page.evaluate("trackerTimeline.comparison().from") == start
    assert_one_origin_and_no_console_errors(page, server)


def png_read(data: bytes) -> tuple[int, int, bytes]:
    """Return the width, height and raw (filtered) RGBA rows of an 8-bit RGBA PNG."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    offset, chunks = 8, {}
    while offset < len(data):
        (length,) = struct.unpack(">I", data[offset : offset + 4])
        kind = data[offset + 4 : offset + 8]
        chunks.setdefault(kind, b"")
        chunks[kind] += data[offset + 8 : offset + 8 + length]
        offset += 12 + length
    width, height, depth, colour = struct.unpack(">IIBB", chunks[b"IHDR"][:10])
    assert (depth, colour) == (8, 6)
    raw = zlib.decompress(chunks[b"IDAT"])
    assert len(raw) == height * (1 + width * 4)
    return width, height, raw


# Decode a PNG (base64) in the page; return its size and colour counts of the map's part.
DECODE_JS = """async ([b64, top, mapHeight]) => {
    const bytes = Uint8Array.from(atob(b64), c => c.charCodeAt(0));
    const bitmap = await createImageBitmap(new Blob([bytes], {type: 'image/png'}));
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const ctx = canvas.getContext('2d');
    ctx.drawImage(bitmap, 0, 0);
    const part = ctx.getImageData(0, top, bitmap.width, mapHeight).data;
    const colours = {};
    for (let i = 0; i < part.length; i += 4 * 7) {
        const hex = '#' + [part[i], part[i + 1], part[i + 2]]
            .map(v => v.toString(16).padStart(2, '0')).join('');
        colours[hex] = (colours[hex] || 0) + 1;
    }
    const head = ctx.getImageData(0, 0, bitmap.width, top).data;
    let ink = 0;
    for (let i = 0; i < head.length; i += 4) if (head[i] < 80 && head[i + 1] < 80) ink++;
    return {width: bitmap.width, height: bitmap.height, colours: colours, ink: ink};
}"""


# The dark pixels (the front line) of a screenshot of the map, and how many of them are dark
# within a pixel in the picture's map part (scaled down to the screen's pixels).
ALIGNED_JS = """async ([picture, screen]) => {
    const bitmap = async b64 => createImageBitmap(new Blob(
        [Uint8Array.from(atob(b64), c => c.charCodeAt(0))], {type: 'image/png'}));
    const [pic, scr] = [await bitmap(picture), await bitmap(screen)];
    const w = scr.width, h = scr.height;
    const pixels = (draw) => { const c = new OffscreenCanvas(w, h), x = c.getContext('2d');
                               draw(x); return x.getImageData(0, 0, w, h).data; };
    const a = pixels(x => x.drawImage(scr, 0, 0));
    const b = pixels(x => x.drawImage(pic, 0, 2 * 64, pic.width, 2 * h, 0, 0, w, h));
    const dark = (d, i) => d[i] + d[i + 1] + d[i + 2] < 200;
    let count = 0, found = 0;
    for (let y = 1; y < h - 1; y++) for (let x = 1; x < w - 1; x++) {
        if (!dark(a, (y * w + x) * 4)) continue;
        count++;
        let near = false;
        for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++)
            near = near || dark(b, ((y + dy) * w + x + dx) * 4);
        if (near) found++;
    }
    return {dark: count, found: found};
}"""


def test_the_picture_downloads_as_a_png_of_the_map_with_day_legend_and_credit(page, server):  # noqa: F811
    open_map(page, server, "?date=2016-12-07&lens=consensus&compare=2016-11-15")
    size = page.evaluate("({x: trackerMap.map.getSize().x, y: trackerMap.map.getSize().y})")
    rows = page.locator(".legend-list li").count()
    with page.expect_download() as waiting:
        page.locator("#picture-download").click()
    download = waiting.value
    assert download.suggested_filename == "aleppo-2016-12-07-consensus.png"
    data = Path(download.path()).read_bytes()
    width, height, _ = png_read(data)
    # Twice the map's size, with a band of 64 px above it (day, lens) and the legend's rows
    # (22 px each) and three lines of credit below it.
    assert width == 2 * size["x"]
    assert height == 2 * (64 + size["y"] + 16 + rows * 22 + 3 * 18 + 8)
    seen = page.evaluate(DECODE_JS, [base64.b64encode(data).decode(), 2 * 64, 2 * size["y"]])
    assert (seen["width"], seen["height"]) == (width, height)
    assert len(seen["colours"]) > 50  # not blank: districts, hatching, outlines
    assert sum(n for c, n in seen["colours"].items() if near(c, colour_of("government"), 30)) > 500
    assert sum(n for c, n in seen["colours"].items() if near(c, colour_of("rebels"), 30)) > 50
    assert sum(n for c, n in seen["colours"].items() if near(c, "#111111", 40)) > 20  # front line
    assert seen["ink"] > 200  # the day and the lens are written above the map
    assert page.locator("#picture-download").is_enabled()

    # Where the screen shows the front line (dark), the picture does too: drawn in its place.
    # The district names (labels.js) are page text over the map, not drawn in the picture.
    page.add_style_tag(content=".leaflet-control-container, .map-label { visibility: hidden; }")
    shot = page.locator("#map").screenshot()
    match = page.evaluate(
        ALIGNED_JS, [base64.b64encode(data).decode(), base64.b64encode(shot).decode()]
    )
    assert match["dark"] > 100 and match["found"] > 0.9 * match["dark"], match
    assert_one_origin_and_no_console_errors(page, server)


def _png_tile(rgb: tuple[int, int, int]) -> bytes:
    """Return a 256 x 256 PNG of one colour."""
    row = b"\x00" + bytes(rgb) * 256
    body = zlib.compress(row * 256)

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", 256, 256, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", body) + chunk(b"IEND", b"")
    )


def _tile_server(cors: bool):
    tile = _png_tile((250, 240, 200))

    class Tiles(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 - the standard library's name
            self.send_response(200)
            self.send_header("Content-Type", "image/png")
            if cors:
                self.send_header("Access-Control-Allow-Origin", "*")
            self.end_headers()
            self.wfile.write(tile)

        def log_message(self, *args):
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Tiles)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd


@pytest.mark.parametrize("cors", [False, True])
def test_with_a_tile_layer_the_picture_needs_a_server_that_allows_cors(  # noqa: F811
    page,  # noqa: F811
    server,  # noqa: F811
    settings,
    cors,
):
    tiles = _tile_server(cors)
    try:
        settings.MAP_TILE_URL = f"http://127.0.0.1:{tiles.server_port}/{{z}}/{{x}}/{{y}}.png"
        settings.MAP_TILE_ATTRIBUTION = "Test tiles"
        open_map(page, server, "?date=2016-12-07&lens=consensus")
        button = page.locator("#picture-download")
        if not cors:
            page.wait_for_function("() => !document.getElementById('picture-why').hidden")
            assert button.is_disabled()
            assert "CORS" in page.locator("#picture-why").inner_text()
            assert "CORS" in button.get_attribute("title")
            return
        page.wait_for_function("() => !document.getElementById('picture-download').disabled")
        with page.expect_download() as waiting:
            button.click()
        data = Path(waiting.value.path()).read_bytes()
        png_read(data)
        size = page.evaluate("trackerMap.map.getSize().y")
        seen = page.evaluate(DECODE_JS, [base64.b64encode(data).decode(), 2 * 64, 2 * size])
        assert sum(n for c, n in seen["colours"].items() if near(c, "#faf0c8", 4)) > 200  # tiles
    finally:
        tiles.shutdown()
        tiles.server_close()
