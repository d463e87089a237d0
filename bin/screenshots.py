#!/usr/bin/env python
"""Regenerate docs/screenshots/*.png: the timeline map and two admin pages, in Debian's Chromium.

Builds a throwaway SpatiaLite database with the demo data (or the districts alone when
`load_demo` is missing), serves it with runserver on a free loopback port, and photographs:

- map-2013-06-01.png  the divided city in mid-2013
- map-2016-07-01.png  the eve of the siege, July 2016
- map-2016-12-06.png  the day of the seed article (Antiwar.com): the Old City entered
- map-2016-12-22.png  the end of the battle
- map-2016-11-15.png  the timeline map before the November 2016 offensive (a tooltip open)
- map-2016-11-28.png  the day eastern Aleppo's north fell, ash-Sheikh Fares's panel open
- map-2016-12-13.png  the end of the offensive
- map-arabic.png      the Arabic interface, opposition sources' lens, Hanano's panel
- map-phone.png       a 390x844 phone, the district panel as a bottom sheet
- map-compare.png     7 December 2016 compared with 15 November: gains hatched, the totals
- map-phone-tap.png   a 390x844 touch phone: the compact legend, a tapped district's card
- map-picture.png     the picture the "Download picture" button makes (13 December 2016)
- admin-district.png  a district's change page with the Leaflet widget (no tiles)
- admin-claims.png    the claim changelist (a region statement is one row)
- admin-claim-region.png  a new claim: "Old City" typed in the district box, the region picked,
                      the Citadel left out, the sentence saying what saving will record

Usage: .venv/bin/python bin/screenshots.py [--out docs/screenshots]
"""

import argparse
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.conftest import CHROMIUM, CHROMIUM_ARGS  # noqa: E402

USERNAME, PASSWORD = "screenshots", "screenshots-only-password"  # noqa: S105 - throwaway database
DISTRICT_SEARCH = "Salah"  # the district whose admin page is photographed
# The timeline map: (file, address, viewport (width, height), district whose tooltip shows).
MAP_SHOTS = [
    ("map-2013-06-01.png", "/?date=2013-06-01&lens=consensus", (1280, 800), None),
    ("map-2016-07-01.png", "/?date=2016-07-01&lens=consensus", (1280, 800), None),
    ("map-2016-12-06.png", "/?date=2016-12-06&lens=consensus", (1280, 800), None),
    ("map-2016-12-22.png", "/?date=2016-12-22&lens=consensus", (1280, 800), None),
    ("map-2016-11-15.png", "/?date=2016-11-15&lens=consensus&range=quarter", (1280, 800), "hanano"),
    (
        "map-2016-11-28.png",
        "/?date=2016-11-28&lens=consensus&range=quarter&district=ash-sheikh-fares",
        (1280, 800),
        None,
    ),
    ("map-2016-12-13.png", "/?date=2016-12-13&lens=consensus", (1280, 800), None),
    (
        "map-arabic.png",
        "/?date=2016-12-07&lens=stance:opposition&range=quarter&district=hanano&lang=ar",
        (1280, 800),
        None,
    ),
    ("map-phone.png", "/?date=2016-12-07&lens=consensus&district=sheikh-saeed", (390, 844), None),
]
EXTRA_SHOTS = ["map-compare.png", "map-phone-tap.png", "map-picture.png"]
SCREENSHOTS = (
    [shot[0] for shot in MAP_SHOTS]
    + EXTRA_SHOTS
    + ["admin-district.png", "admin-claims.png", "admin-claim-region.png"]
)


def manage(env: dict, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(  # noqa: S603 - our own manage.py, fixed arguments
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True, capture_output=True
    )


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_serving(url: str, server: subprocess.Popen, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"runserver exited with {server.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2):  # noqa: S310 - our own loopback server
                return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"{url} did not answer within {timeout} s")


def photograph_map(browser, base: str, out: Path, errors: list[str]) -> None:
    """Photograph the timeline map at each address of MAP_SHOTS."""
    for name, address, (width, height), hovered in MAP_SHOTS:
        context = browser.new_context(viewport={"width": width, "height": height})
        page = context.new_page()
        page.on("console", lambda msg: msg.type == "error" and errors.append(msg.text))
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.goto(base + address)
        page.wait_for_function("() => document.body.dataset.mapTimeline === 'ready'")
        if "district=" in address:  # its claims and each side's account, fetched on opening
            page.wait_for_selector("#district-panel .claim")
            page.wait_for_selector("#district-panel .compare-item")
        if hovered:  # a district's tooltip (Leaflet [lat, lng] -> container pixels)
            point = page.evaluate(
                """slug => {
                    const shape = trackerMap.district(slug);
                    const p = trackerMap.map.latLngToContainerPoint(shape.getCenter());
                    const box = trackerMap.map.getContainer().getBoundingClientRect();
                    return {x: box.left + p.x, y: box.top + p.y};
                }""",
                hovered,
            )
            page.mouse.move(point["x"], point["y"])
            page.wait_for_selector(".district-tooltip")
        page.wait_for_timeout(300)
        page.screenshot(path=out / name)
        context.close()


def photograph_tools(browser, base: str, out: Path, errors: list[str]) -> None:
    """Photograph the comparison, a tap on a phone, and save the map's own picture."""

    def open_page(address: str, **options):
        context = browser.new_context(**options)
        page = context.new_page()
        page.on("console", lambda msg: msg.type == "error" and errors.append(msg.text))
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.goto(base + address)
        page.wait_for_function("() => document.body.dataset.mapTimeline === 'ready'")
        page.wait_for_timeout(300)
        return context, page

    context, page = open_page(
        "/?date=2016-12-07&lens=consensus&compare=2016-11-15",
        viewport={"width": 1280, "height": 800},
    )
    page.screenshot(path=out / "map-compare.png")
    context.close()

    phone = {"width": 390, "height": 844}
    context, page = open_page(
        "/?date=2016-12-07&lens=consensus", viewport=phone, has_touch=True, is_mobile=True
    )
    point = page.evaluate(
        """() => {  // a district in the upper middle that no control (search, legend) covers
            const map = trackerMap.map, size = map.getSize();
            const box = map.getContainer().getBoundingClientRect();
            let best = null;
            trackerMap.layer.eachLayer(shape => {
                const p = map.latLngToContainerPoint(shape.getCenter());
                const x = box.left + p.x, y = box.top + p.y;
                const top = document.elementFromPoint(x, y);
                if (!top || top.closest('.leaflet-control')) return;
                const score = Math.abs(p.x - size.x / 2) + Math.abs(p.y - size.y * 0.38);
                if (!best || score < best.score) best = {x: x, y: y, score: score};
            });
            return best;
        }"""
    )
    page.touchscreen.tap(point["x"], point["y"])
    page.wait_for_selector("#tap-card:not([hidden])")
    page.wait_for_timeout(400)
    page.screenshot(path=out / "map-phone-tap.png")
    context.close()

    context, page = open_page(
        "/?date=2016-12-13&lens=consensus", viewport={"width": 1000, "height": 700}
    )
    with page.expect_download() as waiting:
        page.locator("#picture-download").click()
    waiting.value.save_as(out / "map-picture.png")
    context.close()


def photograph(base: str, out: Path) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        errors: list[str] = []
        photograph_map(browser, base, out, errors)
        photograph_tools(browser, base, out, errors)
        context = browser.new_context(viewport={"width": 1280, "height": 800})
        page = context.new_page()
        page.on("console", lambda msg: msg.type == "error" and errors.append(msg.text))
        page.on("pageerror", lambda exc: errors.append(str(exc)))

        page.goto(base + "/admin/login/")
        page.fill("#id_username", USERNAME)
        page.fill("#id_password", PASSWORD)
        page.click("input[type=submit]")
        page.wait_for_url(base + "/admin/")

        page.set_viewport_size({"width": 1280, "height": 1000})
        page.goto(f"{base}/admin/districts/district/?q={DISTRICT_SEARCH}")
        page.click("#result_list tbody tr th a")
        page.wait_for_function(  # the district and, around it, the others for context
            "() => document.querySelectorAll('#id_geom-map .leaflet-overlay-pane path').length > 1"
        )
        page.wait_for_timeout(800)
        page.screenshot(path=out / "admin-district.png")

        page.set_viewport_size({"width": 1280, "height": 800})
        page.goto(base + "/admin/tracker/claim/")
        page.wait_for_selector("#result_list")
        page.screenshot(path=out / "admin-claims.png")

        page.goto(base + "/admin/tracker/claim/add/")
        page.click(".field-district .select2-selection")
        page.fill(".select2-container--open .select2-search__field", "Old City")
        page.click(".select2-results__option:not(.loading-results) >> text=region")
        page.click(".region-district[data-slug='aleppo-citadel']")
        page.wait_for_function(
            "() => document.querySelector('#id_district_plan').textContent.includes('left out')"
        )
        page.screenshot(path=out / "admin-claim-region.png")

        browser.close()
    if errors:
        raise SystemExit("The browser reported errors:\n  " + "\n  ".join(errors))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)

    var_dir = Path(tempfile.mkdtemp(prefix="tracker-screenshots-"))
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.local",
        TRACKER_VAR_DIR=str(var_dir),
        DJANGO_DEBUG="0",
        DJANGO_SUPERUSER_PASSWORD=PASSWORD,
    )
    server = None
    try:
        manage(env, "migrate", "--noinput")
        if list(ROOT.glob("*/management/commands/load_demo.py")):  # quantitative/ has it
            manage(env, "load_demo")
        else:
            manage(env, "import_districts", "districts/data/aleppo_districts.geojson")
        manage(env, "createsuperuser", "--noinput", "--username", USERNAME, "--email", "s@x.org")

        port = free_port()
        base = f"http://127.0.0.1:{port}"
        server = subprocess.Popen(  # noqa: S603 - our own manage.py, fixed arguments
            [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_until_serving(base + "/", server)
        photograph(base, args.out)
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=10)
        shutil.rmtree(var_dir, ignore_errors=True)
    for name in SCREENSHOTS:
        size = (args.out / name).stat().st_size
        print(f"{args.out / name}: {size // 1024} KB")


if __name__ == "__main__":
    main()
