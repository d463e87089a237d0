#!/usr/bin/env python
"""Photograph the analysts' and reviewers' admin pages into docs/screenshots/admin-*.png.

Builds a throwaway SpatiaLite database with the demo data, an analyst and a reviewer (staff
users in those groups, not superusers), serves it with runserver on a free loopback port, and
drives Debian's Chromium through the pages as they would:

- admin-document-entry.png   a document with three claims, one district typed in Arabic,
                             the defaults line and the map of the districts chosen
- admin-propose.png          the seed article (Antiwar.com, 6 December 2016) pasted on a new
                             document and proposed: the list, the Old City's row with the
                             Citadel left out, and the two numbers
- admin-unmapped.png         the queue of unmapped place names with suggestions
- admin-import-preview.png   the dry-run preview of a small claims CSV
- admin-district-strips.png  a district's control strips, per lens
- admin-review.png           the claim list as a reviewer sees it, with the bulk actions
- admin-claims.png           the claim list as an analyst sees it
- admin-district.png         a district's page as an administrator edits it: strips, then the
                             Leaflet widget (no tiles) with the other districts around it

(bin/screenshots.py takes the last two as well, with the public map.)

Usage: .venv/bin/python bin/admin_screenshots.py [--out docs/screenshots]
"""

import argparse
import os
import re
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

# The article of issue 19, in the words it quotes.
SEED_ARTICLE = (
    "Russia's Defense Ministry reported that five new districts were taken today alone, while "
    "the Syrian Army says that in this most recent offensive over the past couple of weeks "
    "they've taken 35 districts from the rebels. There are also reports of the first troops "
    "making their way into the Old City."
)
PASSWORD = "screenshots-only-password"  # noqa: S105 - throwaway database
STRIPS_DISTRICT = "hanano"
IMPORT_CSV = """date,date_precision,district_en,claimed_controller,claim_type,source_org,source_stance,citation,quote,notes
2016-12-13,day,Sheikh Lutfi,government,captured,SANA military source,government,https://sana.example/2016/12/13/lutfi,"Units of the army restored security to Sheikh Lutfi",
2016-12-13,day,Castello Road,government,held,SANA military source,government,https://sana.example/2016/12/13/lutfi,"The road is fully secured",
2016-12-13,day,Salaheddine,government,held,SOHR (via AFP),opposition,https://afp.example/2016/12/13/aleppo,"Regime forces hold all of Salaheddine",outlet's stance given by mistake
2016-12-14,day,Old City,contested,contested,Rebel sources,opposition,https://rebels.example/2016/12/14,"Fighting continues in the Old City",
"""
# Handed to `manage.py shell`; the password is put in by `users_script()`.
USERS = """
from django.contrib.auth.models import Group, User
for name in ("analyst", "reviewer"):
    user = User.objects.create_user(name, name + "@example.org", PASSWORD, is_staff=True)
    user.groups.add(Group.objects.get(name=name))
User.objects.create_superuser("administrator", "admin@example.org", PASSWORD)
"""


def users_script() -> str:
    return f"PASSWORD = {PASSWORD!r}\n" + USERS


def manage(env: dict, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(  # noqa: S603 - our own manage.py, fixed arguments
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        input=stdin,
        text=True,
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


def log_in(page, base: str, username: str) -> None:
    page.goto(base + "/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url(base + "/admin/")


def select2_pick(page, container: str, typed: str, expected: str) -> None:
    """Type into the box and pick the option that begins with `expected` ("Syrian Army", not
    "Free Syrian Army", which the search also finds)."""
    page.click(f"{container} .select2-selection")
    page.fill(".select2-container--open .select2-search__field", typed)
    page.locator(
        ".select2-container--open .select2-results__option:not(.loading-results)",
        has_text=re.compile("^" + re.escape(expected)),
    ).first.click()


def photograph(base: str, out: Path, csv_path: Path) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        errors: list[str] = []

        def new_page(width: int = 1280, height: int = 900):
            page = browser.new_context(viewport={"width": width, "height": height}).new_page()
            page.on("console", lambda msg: msg.type == "error" and errors.append(msg.text))
            page.on("pageerror", lambda exc: errors.append(str(exc)))
            return page

        page = new_page()
        log_in(page, base, "analyst")
        page.goto(base + "/admin/sources/document/add/")
        select2_pick(page, ".field-source", "Syrian Army", "Syrian Army")
        page.fill("#id_title", "General Command: army units restore security to three districts")
        page.fill("#id_citation", "https://sana.example/2016/12/20/general-command")
        page.fill("#id_url", "https://sana.example/2016/12/20/general-command")
        page.fill("#id_published_on", "2016-12-20")
        page.dispatch_event("#id_published_on", "change")
        select2_pick(page, "#claims-0 .field-district", "Hanano", "Hanano")
        page.select_option("#id_claims-0-kind", "captured")
        page.fill(
            "#id_claims-0-quote",
            "Army units restored security and stability to Hanano, Salah ad-Deen and Sukkari",
        )
        page.wait_for_function("() => document.getElementById('id_claims-0-actor').value !== ''")
        select2_pick(page, "#claims-1 .field-district", "صلاح الدين", "Salah ad-Deen")
        select2_pick(page, "#claims-2 .field-district", "Sukari", "as-Sukkari")
        page.wait_for_function("() => document.getElementById('entry-map').dataset.chosen === '3'")
        page.wait_for_timeout(600)  # fitBounds' animation
        page.screenshot(path=out / "admin-document-entry.png", full_page=True)
        page.click("input[name=_save]")  # the reviewer will find these three first
        page.wait_for_selector(".messagelist .success")

        page.goto(base + "/admin/sources/document/add/")
        select2_pick(page, ".field-source", "Antiwar", "Antiwar.com")
        page.fill(
            "#id_citation", "https://news.antiwar.com/2016/12/06/syria-poised-for-aleppo-victory/"
        )
        page.fill("#id_published_on", "2016-12-06")
        page.fill("#propose-text", SEED_ARTICLE)
        page.click("#propose-button")
        page.wait_for_selector(".propose-quantities li")
        page.locator("#claims-0 .region-district[data-slug='aleppo-citadel']").click()
        page.wait_for_function(
            "() => document.querySelector('#claims-0 .place-plan').textContent.includes('left out')"
        )
        page.locator("#propose-result").scroll_into_view_if_needed()
        page.screenshot(path=out / "admin-propose.png")

        page.goto(base + "/admin/tracker/claim/unmapped/")
        page.wait_for_selector("#unmapped-names")
        page.screenshot(path=out / "admin-unmapped.png")

        page.goto(base + "/admin/tracker/claim/import/")
        page.set_input_files("input[type=file]", str(csv_path))
        page.click("input[type=submit][value=Preview]")
        page.wait_for_selector("#import-preview")
        page.screenshot(path=out / "admin-import-preview.png", full_page=True)

        page.goto(f"{base}/admin/districts/district/?q={STRIPS_DISTRICT}")
        page.click("#result_list tbody tr th a")
        page.wait_for_selector("#control-strips")
        page.locator("#control-strips").screenshot(path=out / "admin-district-strips.png")

        reviewer = new_page(1280, 800)
        log_in(reviewer, base, "reviewer")
        reviewer.goto(base + "/admin/tracker/claim/?review_status__exact=pending")
        for box in reviewer.locator("#result_list tbody input.action-select").all()[:3]:
            box.check()
        reviewer.select_option("select[name=action]", "claims_accept")
        reviewer.screenshot(path=out / "admin-review.png")

        page.set_viewport_size({"width": 1280, "height": 800})
        page.goto(base + "/admin/tracker/claim/")
        page.wait_for_selector("#result_list")
        page.screenshot(path=out / "admin-claims.png")

        editor = new_page(1280, 1400)
        log_in(editor, base, "administrator")
        editor.goto(f"{base}/admin/districts/district/?q={STRIPS_DISTRICT}")
        editor.click("#result_list tbody tr th a")
        editor.wait_for_function(  # the district and, around it, the others for context
            "() => document.querySelectorAll('#id_geom-map .leaflet-overlay-pane path').length > 1"
        )
        editor.wait_for_timeout(800)
        editor.screenshot(path=out / "admin-district.png")
        browser.close()
    if errors:
        raise SystemExit("The browser reported errors:\n  " + "\n  ".join(errors))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)

    var_dir = Path(tempfile.mkdtemp(prefix="tracker-admin-screenshots-"))
    csv_path = var_dir / "claims-13-december.csv"
    csv_path.write_text(IMPORT_CSV, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.local",
        TRACKER_VAR_DIR=str(var_dir),
        DJANGO_DEBUG="0",
    )
    server = None
    try:
        manage(env, "migrate", "--noinput")
        manage(env, "load_demo")
        manage(env, "shell", stdin=users_script())
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        server = subprocess.Popen(  # noqa: S603 - our own manage.py, fixed arguments
            [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_until_serving(base + "/admin/login/", server)
        photograph(base, args.out, csv_path)
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=10)
        shutil.rmtree(var_dir, ignore_errors=True)
    for name in sorted(args.out.glob("admin-*.png")):
        print(f"{name}: {name.stat().st_size // 1024} KB")


if __name__ == "__main__":
    main()
