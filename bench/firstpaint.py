"""Time the first paint of the real map page (`/`) in headless Chromium, load after load.

The site is served by the real app on the bench database (its middleware, its response
cache, gzip), on a loopback port: no network latency, no bandwidth limit; by gunicorn with the
production settings, or in threads of the bench's own process (`bench.served`: the run
records which). Each load is a fresh browser context (an empty HTTP cache), so every byte is
fetched.

**First paint** is, for one load: from the start of the navigation (the page's `timeOrigin`)
until the frame after the map's own ready signal (`body[data-map-ready="true"]`, set by
static/js/map/main.js once the districts are drawn and coloured by their control on the day
asked) has been produced: the ready signal's time, then two animation frames (Leaflet's
canvas draws in the first; the second begins once that frame is out). Since issue 18 the page
paints first from the asked day's state (control/) and fetches the lens's timeline after; the
time at which the timeline is in (`body[data-map-timeline="ready"]`: the time bar, the legend
and scrubbing work) is recorded beside the first paint. Also recorded, per load, from
Resource Timing: every request's finish time and size on the wire, encoded and decoded; and
by kind, the districts' GeoJSON, control/, the timeline, the static files summed, the rest
summed, and the page itself.

Each load ends once the page's front line is drawn and its network idle (its later requests
answered and kept), so that no request of one load is still being built during the next.

One more warm load, not counted, is profiled (Chromium's sampling profiler through CDP): where
the main thread's time went, by script file and by function (self time), up to the mark.

The first load follows an emptied server cache (`cold`: the server builds every answer); the
others are served from the response cache, as every visit after the first one of a dataset
version is (`warm`).
"""

from __future__ import annotations

import statistics
import time
from collections import Counter

from bench.scrub import CHROMIUM, CHROMIUM_ARGS
from bench.served import served

# Installed before the page's own scripts: note when the ready signal appears and when the
# frame after it is out, in the page's clock (milliseconds from the navigation's start).
# Also noted: when the lens's timeline is in (`body[data-map-timeline="ready"]`: the time bar,
# the legend and scrubbing work), which since issue 18 comes after the first paint.
READY_WATCH = """(() => {
    const watch = new MutationObserver(() => {
        const ready = document.body && document.body.dataset.mapReady;
        if (!ready || window.benchReadySeen) return;
        window.benchReadySeen = true;
        const at = performance.now();
        requestAnimationFrame(() => requestAnimationFrame(() => {
            window.benchFirstPaint = { ready: at, painted: performance.now(), state: ready };
        }));
    });
    watch.observe(document, { attributes: true, subtree: true, attributeFilter: ["data-map-ready"] });
    const timeline = new MutationObserver(() => {
        if ((document.body && document.body.dataset.mapTimeline) !== "ready") return;
        timeline.disconnect();
        window.benchTimelineIn = performance.now();
    });
    timeline.observe(document, { attributes: true, subtree: true, attributeFilter: ["data-map-timeline"] });
})();"""

SETTLED = """() => new Promise((resolve) => {
    const api = window.trackerTimeline;
    window.setTimeout(() => resolve(false), 600000);
    if (!api || !api.frontlineSettled) return resolve(false);
    api.frontlineSettled().then(() => resolve(true), () => resolve(false));
})"""
RESOURCES = """() => performance.getEntriesByType("resource").map((r) => ({
    name: r.name, end: r.responseEnd, wire: r.transferSize, encoded: r.encodedBodySize,
    decoded: r.decodedBodySize,
}))"""
DOCUMENT = """() => performance.getEntriesByType("navigation").map((r) => ({
    name: r.name, end: r.responseEnd, wire: r.transferSize, encoded: r.encodedBodySize,
    decoded: r.decodedBodySize,
}))"""

# The page's requests by kind: the first whose path holds the fragment (`static` and `other`
# sum every request of their kind).
PAYLOADS = {
    "districts": "/map/districts.geojson",
    "control": "/api/v1/control/",
    "timeline": "/api/v1/timeline/",
}
SIZES = ("wire", "encoded", "decoded")


def _payloads(resources: list[dict]) -> dict:
    """Pick the districts', control/'s and the timeline's entries (finish time, bytes on the
    wire, encoded and decoded); sum the static files' and the other requests' bytes, with the
    finish time of the last; sum every resource's bytes on the wire."""
    found: dict = {}
    for key, path in PAYLOADS.items():
        hits = [r for r in resources if path in r["name"]]
        if hits:
            found[key] = {k: round(hits[0][k]) for k in ("end", *SIZES)}
    static = [r for r in resources if "/static/" in r["name"]]
    other = [
        r
        for r in resources
        if r not in static and not any(p in r["name"] for p in PAYLOADS.values())
    ]
    for key, group in (("static", static), ("other", other)):
        found[key] = {k: round(sum(r[k] for r in group)) for k in SIZES}
        found[key].update(count=len(group), end=round(max((r["end"] for r in group), default=0)))
    found["all_wire_bytes"] = sum(r["wire"] for r in resources)
    found["static_files"] = len(static)
    found["static_end"] = found["static"]["end"]
    found["requests"] = [
        {
            "path": r["name"].split("//", 1)[-1].split("/", 1)[-1],
            **{k: round(r[k]) for k in ("end", *SIZES)},
        }
        for r in resources
    ]
    return found


def _paint_wait(page, *, timeout_s: float) -> dict:
    """Poll for the mark READY_WATCH leaves (the page's CSP forbids Playwright's string
    predicates; the mark holds the page's own times, so the polling adds nothing to them)."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        mark = page.evaluate("window.benchFirstPaint || null")
        if mark:
            return mark
        page.wait_for_timeout(20)
    raise RuntimeError(f"The map page was not ready within {timeout_s:.0f} s.")


def _timeline_wait(page, *, timeout_s: float) -> float | None:
    """Return when the page's timeline was in (ms from the navigation's start), once it is;
    None for a page that has no such signal (before issue 18 the first paint waited for it)."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        mark = page.evaluate("[window.benchTimelineIn || null, document.body.dataset.mapTimeline]")
        if mark[0] is not None:
            return mark[0]
        if mark[1] is None:
            return None
        page.wait_for_timeout(20)
    raise RuntimeError(f"The map's timeline was not in within {timeout_s:.0f} s.")


def profile_summary(profile: dict, top: int = 25) -> dict:
    """Sum a CDP CPU profile's samples (self time, ms) by script file and by function."""
    nodes = {n["id"]: n["callFrame"] for n in profile["nodes"]}
    by_file: Counter = Counter()
    by_function: Counter = Counter()
    for node, delta in zip(profile["samples"], profile["timeDeltas"], strict=True):
        frame = nodes[node]
        where = frame["url"].rsplit("/", 1)[-1] or frame["functionName"]
        by_file[where] += delta / 1000
        by_function[f"{frame['functionName'] or '(anonymous)'} {where}:{frame['lineNumber']}"] += (
            delta / 1000
        )
    return {
        "by_file_ms": {k: round(v) for k, v in by_file.most_common(top)},
        "by_function_ms": {k: round(v) for k, v in by_function.most_common(top)},
    }


def _load(browser, url: str, viewport, *, profile: bool) -> dict:
    """Load `url` once in a fresh context; return its marks, payloads (and profile)."""
    context = browser.new_context(viewport={"width": viewport[0], "height": viewport[1]})
    try:
        context.add_init_script(READY_WATCH)
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        if profile:
            cdp = context.new_cdp_session(page)
            cdp.send("Profiler.enable")
            cdp.send("Profiler.setSamplingInterval", {"interval": 500})
            cdp.send("Profiler.start")
        page.goto(url)
        mark = _paint_wait(page, timeout_s=600)
        if mark["state"] != "true" or errors:
            raise RuntimeError("The map page did not load: " + "; ".join(errors))
        load = {"painted": mark["painted"], "ready": mark["ready"]}
        if profile:  # up to the first paint's mark
            load["profile"] = profile_summary(cdp.send("Profiler.stop")["profile"])
        load["timeline_in"] = _timeline_wait(page, timeout_s=600)
        # Let the page's later request, the front line (fetched once the day settles), be
        # answered before the context closes: left in flight, it would keep a server worker
        # (or thread) busy building it into the next load.
        page.evaluate(SETTLED)
        page.wait_for_load_state("networkidle", timeout=600_000)
        load.update(_payloads(page.evaluate(RESOURCES)))
        document = page.evaluate(DOCUMENT)
        if document:  # the page itself (not among the resources, nor in all_wire_bytes)
            load["document"] = {k: round(document[0][k]) for k in ("end", *SIZES)}
        load["districts_drawn"] = page.evaluate("window.trackerMap.layer.getLayers().length")
        return load
    finally:
        context.close()


def first_paint_run(
    *, first_day: str, loads: int, viewport=(1280, 800), server: str = "gunicorn"
) -> dict:
    """Load `/` `loads` times from the site served by `server` (`bench.served.SERVERS`; the
    first load after emptying the server's cache); return {"server": server, "cold": load,
    "warm": [load, ...], "warm_ms": [ms], "districts": n}, where each load is {"painted": ms,
    "ready": ms, "districts": {...}, "control": {...}, "timeline": {...}, "static": {...},
    "other": {...}, "document": {...}, "requests": [...], "all_wire_bytes": n} (`_payloads`)."""
    from playwright.sync_api import sync_playwright

    url = f"/?date={first_day}&lens=consensus"
    with served(server) as base, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            runs = [_load(browser, base + url, viewport, profile=False) for _ in range(loads)]
            profiled = _load(browser, base + url, viewport, profile=True)
        finally:
            browser.close()
    warm = runs[1:]
    return {
        "server": server,
        "cold": runs[0],
        "warm": warm,
        "warm_ms": [round(r["painted"], 1) for r in warm],
        "warm_median_ms": statistics.median(r["painted"] for r in warm) if warm else None,
        "warm_timeline_in_ms": [r["timeline_in"] for r in warm],
        "districts": runs[0]["districts_drawn"],
        "profiled": profiled,
    }
