"""Time scrubbing steps in headless Chromium on the real map script with every district.

The page is the map's own module (static/js/map/map.js, with the modules it imports) and Leaflet as django-leaflet
ships it, served from the files on disk through Playwright's request routing; the districts
and the timeline are the bodies the server answered, so no live server is needed.
"""

from __future__ import annotations

import contextlib
import json
import os
import socketserver
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

from django.contrib.staticfiles import finders
from django.db import connections

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
HERE = Path(__file__).resolve().parent
ORIGIN = "http://bench.invalid"
PAGE = """<!doctype html>
<html><head><meta charset="utf-8"><title>scrub bench</title>
<link rel="stylesheet" href="/static/leaflet/leaflet.css">
<style>html, body, #map { margin: 0; width: 100%; height: 100%; }</style>
</head><body><div id="map"></div>
<script src="/static/leaflet/leaflet.js"></script>
<script type="module">
import { createDistrictMap } from "/static/js/map/map.js";
window.benchCreateDistrictMap = createDistrictMap;
</script>
<script src="/bench/scrub.js"></script>
</body></html>"""


def timeline_modules() -> list[str]:
    """Return the map's modules (static/js/map/*.js; main.js is the timeline page's entry)."""
    return sorted(p.name for p in (HERE.parent / "static" / "js" / "map").glob("*.js"))


def scrub_run(
    *,
    districts_geojson: bytes,
    timeline: dict,
    first_day: str,
    steps: int,
    step_days: int = 1,
    restyle: str = "changed",
    viewport: tuple[int, int] = (1280, 800),
) -> dict:
    """Load the map with these districts and timeline, scrub `steps` steps; return the timings.

    Return {"times": [ms], "walls": [ms], "changed": [n], "districts": n, "load_ms": ms}.
    """
    from playwright.sync_api import sync_playwright

    files = {"/bench/scrub.js": str(HERE / "scrub.js")}
    bodies = {
        "/": (PAGE.encode(), "text/html"),
        "/districts.geojson": (districts_geojson, "application/geo+json"),
    }

    def route(request_route) -> None:
        path = request_route.request.url.removeprefix(ORIGIN).split("?")[0]
        if path in bodies:
            body, kind = bodies[path]
            request_route.fulfill(status=200, body=body, content_type=kind)
        elif path in files or path.startswith("/static/"):
            found = files.get(path) or finders.find(path.removeprefix("/static/"))
            if not found:
                request_route.fulfill(status=404, body=b"")
                return
            kind = "text/css" if path.endswith(".css") else "text/javascript"
            request_route.fulfill(status=200, path=found, content_type=kind)
        else:
            request_route.fulfill(status=404, body=b"")

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": viewport[0], "height": viewport[1]})
            errors: list[str] = []
            page.on("pageerror", lambda exc: errors.append(str(exc)))
            page.route(f"{ORIGIN}/**", route)
            page.goto(f"{ORIGIN}/")
            load_ms = page.evaluate(
                """async () => {
                    const started = performance.now();
                    const view = window.benchCreateDistrictMap(document.getElementById("map"), {
                        districtsUrl: "/districts.geojson", centreLatLng: [34.75, 39.0],
                        zoom: 7, credit: "bench", kinds: {},
                    });
                    await view.ready;
                    window.benchView = view;
                    return performance.now() - started;
                }"""
            )
            page.evaluate("(timeline) => { window.benchTimeline = timeline; }", timeline)
            result = page.evaluate(
                """(options) => benchScrub.scrub(window.benchView, window.benchTimeline, options)""",
                {"firstDay": first_day, "steps": steps, "stepDays": step_days, "restyle": restyle},
            )
            result["districts"] = page.evaluate("window.benchView.layer.getLayers().length")
            result["load_ms"] = load_ms
            if errors:
                raise RuntimeError("The scrub page failed: " + "; ".join(errors))
            return result
        finally:
            browser.close()


def timeline_json(body: bytes) -> dict:
    return json.loads(body)


PAGE_STEP = """async (options) => {
    const nextFrame = () => new Promise((resolve) => requestAnimationFrame(resolve));
    const api = window.trackerTimeline;
    const canvas = document.querySelector(".leaflet-overlay-pane canvas");
    const context = canvas.getContext("2d");
    await nextFrame();
    await nextFrame();
    const times = [], walls = [];
    let day = api.day();
    for (let i = 0; i < options.steps; i++) {
        // As in scrub.js: the step's work, without the idle wait for the frame to begin.
        const frameStart = nextFrame().then(() => performance.now());
        const started = performance.now();
        day = api.stepTo(api.dayNumber(day) + options.stepDays);
        const restyled = performance.now();
        const drawn = nextFrame().then(() => {
            context.getImageData(0, 0, 1, 1);
            return performance.now();
        });
        const frame = await frameStart;
        const end = await drawn;
        times.push(restyled - started + (end - frame));
        walls.push(end - started);
    }
    return { times: times, walls: walls, lastDay: day };
}"""


class _ThreadingWSGIServer(socketserver.ThreadingMixIn, WSGIServer):
    daemon_threads = True


class _QuietHandler(WSGIRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the base class's signature
        pass

    def handle(self) -> None:
        """Serve the request, then close this thread's database connections: the thread
        ends here, and a connection left open would keep the bench from dropping its
        database."""
        try:
            super().handle()
        finally:
            connections.close_all()


@contextlib.contextmanager
def site_served(app=None) -> Iterator[str]:
    """Serve the site (the real WSGI app, its middleware and its cache; or `app`) on the
    current database on a free loopback port, in threads of this process; yield its URL."""
    from django.core.wsgi import get_wsgi_application

    server = make_server(
        "127.0.0.1",
        0,
        app or get_wsgi_application(),
        server_class=_ThreadingWSGIServer,
        handler_class=_QuietHandler,
    )
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()


def scrub_page_run(
    *, first_day: str, steps: int, step_days: int = 1, server: str = "gunicorn"
) -> dict:
    """Serve the site on the current database (as `server` names: `bench.served.SERVERS`)
    and scrub the real timeline map page (`/`) through its `window.trackerTimeline.stepTo`;
    return the timings as `scrub_run` does, with the server's name."""
    from playwright.sync_api import sync_playwright

    from bench.firstpaint import profile_summary
    from bench.served import served

    with served(server) as base, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 800})
            errors: list[str] = []
            page.on("pageerror", lambda exc: errors.append(str(exc)))
            started = time.perf_counter()
            page.goto(f"{base}/?date={first_day}&lens=consensus")
            page.wait_for_selector("body[data-map-ready]", state="attached", timeout=300_000)
            load_ms = (time.perf_counter() - started) * 1000
            if page.evaluate("document.body.dataset.mapReady") != "true":
                raise RuntimeError("The map page did not load: " + "; ".join(errors))
            # Ready is the first paint; scrubbing needs the timeline (issue 18).
            page.wait_for_function(
                "() => document.body.dataset.mapTimeline !== 'loading'", timeout=300_000
            )
            result = page.evaluate(PAGE_STEP, {"steps": steps, "stepDays": step_days})
            # Where a step's time goes: the same steps again, under the sampling profiler.
            cdp = page.context.new_cdp_session(page)
            cdp.send("Profiler.enable")
            cdp.send("Profiler.setSamplingInterval", {"interval": 200})
            cdp.send("Profiler.start")
            page.evaluate(PAGE_STEP, {"steps": steps, "stepDays": -step_days})
            result["profile"] = profile_summary(cdp.send("Profiler.stop")["profile"])
            result["districts"] = page.evaluate("window.trackerMap.layer.getLayers().length")
            result["load_ms"] = load_ms
            result["server"] = server
            if errors:
                raise RuntimeError("The map page failed: " + "; ".join(errors))
            return result
        finally:
            browser.close()
