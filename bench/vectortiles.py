"""The districts as vector tiles from PostGIS (ST_AsMVT), drawn by MapLibre GL (WebGL): the
first paint and a scrub step in headless Chromium, to set beside the Leaflet canvas's.

    python -m bench.vectortiles [--districts 30000] [--loads 6] [--steps 60] [--changed 60]

A bench prototype, not the app: it fills the database of DATABASE_URL (migrated, no districts)
with the bench's grid of districts (`bench.generate.districts_generate`), serves

- `/tiles/{z}/{x}/{y}.pbf`: one layer `districts`, the feature id the district's id, built by
  ST_AsMVT on first request and then kept in memory (as the response cache keeps the app's
  answers, cleared per dataset version), gzipped;
- `/states.json`: one state code per district, as control/?on= would give the day's (here a
  deterministic pseudo-random code: the prototype has no timeline);
- MapLibre GL from node_modules (npm devDependency, served locally),

and measures, each load in a fresh browser context, from the navigation's start until the
frame after MapLibre's `idle` (every tile of the view loaded, every district coloured by
feature-state, nothing left to draw), the first load after emptying the tile cache (cold);
then scrub steps that recolour `changed` districts (feature-state) and end with the frame that
drew them (MapLibre's `render`, then a 1-pixel readPixels forcing the GPU, here SwiftShader,
to finish).

Headless Chromium has no GPU here: WebGL runs in software (SwiftShader).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import statistics
import sys
import threading
import time
from pathlib import Path

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402

from bench.firstpaint import READY_WATCH, _paint_wait  # noqa: E402
from bench.generate import Scale, districts_generate  # noqa: E402
from bench.scrub import CHROMIUM  # noqa: E402

HERE = Path(__file__).resolve().parent
MAPLIBRE = HERE.parent / "node_modules" / "maplibre-gl" / "dist"
# WebGL in software: SwiftShader through ANGLE (no GPU on this machine).
WEBGL_ARGS = [
    "--no-sandbox",
    "--disable-dev-shm-usage",
    "--use-angle=swiftshader",
    "--enable-unsafe-swiftshader",
    "--no-first-run",
]
TILE_SQL = """
WITH bounds AS (SELECT ST_TileEnvelope(%(z)s, %(x)s, %(y)s) AS env),
shapes AS (
    SELECT d.id, ST_AsMVTGeom(ST_Transform(d.geom, 3857), bounds.env, 4096, 16, true) AS geom
    FROM districts_district d, bounds
    WHERE d.geom && ST_Transform(bounds.env, 4326)
)
SELECT ST_AsMVT(shapes, 'districts', 4096, 'geom', 'id') FROM shapes WHERE geom IS NOT NULL
"""
COLOURS = ["#dfe3e8", "#c62828", "#2e7d32", "#37474f", "#f9a825", "#000000", "#9e9e9e"]
PAGE = (HERE / "vectortiles.html").read_text()


class TileServer:
    """The prototype's site: the page, MapLibre, the states and the tiles (kept once built)."""

    def __init__(self) -> None:
        self.tiles: dict[tuple[int, int, int], bytes] = {}
        self.lock = threading.Lock()
        self.built_ms: list[float] = []
        self.files: dict[Path, bytes] = {}

    def tile(self, z: int, x: int, y: int) -> bytes:
        key = (z, x, y)
        if key not in self.tiles:
            started = time.perf_counter()
            with connection.cursor() as cursor:
                cursor.execute(TILE_SQL, {"z": z, "x": x, "y": y})
                body = gzip.compress(bytes(cursor.fetchone()[0] or b""), 6)
            with self.lock:
                self.tiles[key] = body
                self.built_ms.append((time.perf_counter() - started) * 1000)
        return self.tiles[key]

    def static(self, found: Path) -> bytes:
        """MapLibre's file, gzipped once (as a static file server would keep it)."""
        if found not in self.files:
            self.files[found] = gzip.compress(found.read_bytes(), 6)
        return self.files[found]

    def states(self) -> bytes:
        with connection.cursor() as cursor:
            cursor.execute("SELECT id FROM districts_district ORDER BY id")
            ids = [row[0] for row in cursor.fetchall()]
        codes = [(i * 2654435761 >> 7) % len(COLOURS) for i in ids]
        return json.dumps({"ids": ids, "codes": codes}, separators=(",", ":")).encode()

    def __call__(self, environ, start_response):
        path = environ["PATH_INFO"]
        headers = [("Cache-Control", "no-store")]
        try:
            if path == "/":
                body, kind = PAGE.encode(), "text/html"
            elif path == "/states.json":
                body, kind = gzip.compress(self.states()), "application/json"
                headers.append(("Content-Encoding", "gzip"))
            elif path.startswith("/tiles/") and path.endswith(".pbf"):
                z, x, y = (int(part) for part in path[len("/tiles/") : -len(".pbf")].split("/"))
                body, kind = self.tile(z, x, y), "application/vnd.mapbox-vector-tile"
                headers.append(("Content-Encoding", "gzip"))
            elif path.startswith("/mlgl/") and "/" not in path[len("/mlgl/") :]:
                found = MAPLIBRE / path[len("/mlgl/") :]
                body = self.static(found)
                headers.append(("Content-Encoding", "gzip"))
                kind = "text/css" if found.suffix == ".css" else "text/javascript"
            else:
                start_response("404 Not Found", [("Content-Type", "text/plain")])
                return [b""]
        except (OSError, ValueError):
            start_response("404 Not Found", [("Content-Type", "text/plain")])
            return [b""]
        start_response("200 OK", [("Content-Type", kind), *headers])
        return [body]


def districts_make(count: int) -> None:
    call_command("migrate", verbosity=0)
    scale = Scale("tiles", districts=count, claims=0, sources=1)
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SELECT setseed(0.42)")
        districts_generate(cursor, scale)
        cursor.execute("ANALYZE districts_district")


def measure(*, loads: int, steps: int, changed: int) -> dict:
    from playwright.sync_api import sync_playwright

    from bench.scrub import site_served

    app = TileServer()
    result: dict = {"loads": []}
    with site_served(app) as base, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=WEBGL_ARGS)
        try:
            for k in range(loads):
                if k == 0:
                    app.tiles.clear()
                context = browser.new_context(viewport={"width": 1280, "height": 800})
                try:
                    context.add_init_script(READY_WATCH)
                    page = context.new_page()
                    errors: list[str] = []
                    page.on("pageerror", lambda exc, errors=errors: errors.append(str(exc)))
                    page.goto(base + "/")
                    mark = _paint_wait(page, timeout_s=600)
                    if mark["state"] != "true" or errors:
                        raise RuntimeError("The tile page failed: " + "; ".join(errors))
                    load = {"painted": mark["painted"], "ready": mark["ready"]}
                    load.update(page.evaluate("benchTiles.describe()"))
                    result["loads"].append(load)
                    if k == loads - 1:
                        for mode, count in (("changed", changed), ("all", None)):
                            result[f"scrub_{mode}"] = page.evaluate(
                                "(o) => benchTiles.scrub(o)", {"steps": steps, "changed": count}
                            )
                finally:
                    context.close()
        finally:
            browser.close()
    result["tiles_built_ms"] = sorted(round(t, 1) for t in app.built_ms)
    result["tile_kb"] = sorted(round(len(b) / 1024, 1) for b in app.tiles.values())
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--districts", type=int, default=30_000)
    parser.add_argument("--loads", type=int, default=6)
    parser.add_argument("--steps", type=int, default=60)
    parser.add_argument("--changed", type=int, default=60, help="districts recoloured a step")
    parser.add_argument("--out", default="")
    args = parser.parse_args()
    districts_make(args.districts)
    result = measure(loads=args.loads, steps=args.steps, changed=args.changed)
    result["districts"] = args.districts
    result["load_average"] = os.getloadavg()
    cold, warm = result["loads"][0], result["loads"][1:]
    print(
        f"first paint cold {cold['painted']:.0f} ms; warm "
        + ", ".join(f"{w['painted']:.0f}" for w in warm)
        + f" ms (median {statistics.median(w['painted'] for w in warm):.0f} ms)"
    )
    print(
        f"tiles: {len(result['tile_kb'])}, KB gzipped {result['tile_kb']}, built ms "
        f"{result['tiles_built_ms']}"
    )
    for mode in ("changed", "all"):
        run = result[f"scrub_{mode}"]
        print(
            f"scrub {mode}: median {statistics.median(run['times']):.1f} ms, wall "
            f"{statistics.median(run['walls']):.1f} ms, webgl {run['renderer']}"
        )
    if args.out:
        Path(args.out).write_text(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
