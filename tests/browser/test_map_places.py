"""Scratch: screenshots."""

import pytest

from tests.browser import test_timeline_map as base
from tests.browser.test_timeline_map import open_map

pytestmark = [pytest.mark.browser, pytest.mark.django_db]
server = base.server
page = base.page


def test_shots(page, server):
    open_map(page, server, "?date=2016-12-01&lens=consensus")
    page.wait_for_timeout(300)
    page.screenshot(path="/tmp/m16a/en.png")
    open_map(page, server, "?date=2016-12-01&lens=consensus&lang=ar")
    page.wait_for_timeout(300)
    page.screenshot(path="/tmp/m16a/ar.png")
    page.evaluate("() => { trackerMap.map.setZoom(15, {animate: false}); }")
    page.wait_for_timeout(300)
    page.screenshot(path="/tmp/m16a/ar-z15.png")
    page.fill("#place-search", "sheikh")
    page.wait_for_timeout(200)
    page.screenshot(path="/tmp/m16a/search.png")
    page.click("#lens")
    page.wait_for_timeout(200)
    page.screenshot(path="/tmp/m16a/lens.png")
    print(page.console_errors)
