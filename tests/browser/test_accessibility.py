"""An accessibility pass over the public map with axe-core, in a real Chromium over the Aleppo
demo: the home page, the embed and the page with a district's panel open, in English and
Arabic, have no serious or critical violation of axe-core's default rules (none disabled).

axe-core comes from the npm registry (package.json's devDependencies, installed by `make
node-modules`, which the test targets run); its script is read from node_modules and run in
the page by Playwright, so the test asks nothing of another origin and the page's Content
Security Policy stays whole.
"""

from pathlib import Path

import pytest

from tests.browser.test_timeline_map import (  # noqa: F401 (fixtures)
    assert_one_origin_and_no_console_errors,
    open_map,
    page,
    server,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db]
AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
BLOCKING = {"serious", "critical"}


def axe_violations(pg) -> list[dict]:
    """Run axe-core's default rules on the page; return its serious and critical violations,
    each with the nodes it found (their selectors and the failure summary)."""
    assert AXE.exists(), "axe-core is missing: run `make node-modules` (npm ci)"
    # Evaluated by the browser's tools, not as a page script: the site's CSP stays as it is.
    pg.evaluate(AXE.read_text(encoding="utf-8") + "\n;typeof axe")
    result = pg.evaluate("async () => await axe.run(document)")
    assert result["passes"], "axe-core checked nothing"
    return [
        {
            "id": v["id"],
            "impact": v["impact"],
            "help": v["help"],
            "nodes": [(n["target"], n.get("failureSummary", "")[:200]) for n in v["nodes"][:5]],
        }
        for v in result["violations"]
        if v["impact"] in BLOCKING
    ]


@pytest.mark.parametrize(
    "address",
    [
        "/?date=2016-12-07&lens=consensus",
        "/embed/?date=2016-12-07&lens=consensus",
        "/?date=2016-11-28&lens=consensus&district=ash-sheikh-fares",
        "/?date=2016-12-07&lens=stance:opposition&district=hanano&lang=ar",
        "/?date=2016-12-13&lens=consensus&compare=2016-11-15",
    ],
)
def test_no_serious_or_critical_axe_violation(page, server, address):  # noqa: F811
    path, _, query = address.partition("?")
    open_map(page, server, "?" + query, path=path)
    if "district=" in address:
        page.locator("#district-panel .claim").first.wait_for()
        assert page.locator("#district-panel").is_visible()
    page.wait_for_timeout(300)  # the legend's and the comparison's figures are in
    assert axe_violations(page) == []
    assert_one_origin_and_no_console_errors(page, server)


def test_no_serious_or_critical_axe_violation_on_a_phone(browser, server):  # noqa: F811
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True
    )
    pg = context.new_page()
    pg.requests_seen, pg.console_errors = [], []
    pg.on("console", lambda m: m.type == "error" and pg.console_errors.append(m.text))
    try:
        open_map(pg, server, "?date=2016-11-28&lens=consensus&district=ash-sheikh-fares")
        pg.locator("#district-panel .claim").first.wait_for()
        assert axe_violations(pg) == []
        assert pg.console_errors == []
    finally:
        context.close()
