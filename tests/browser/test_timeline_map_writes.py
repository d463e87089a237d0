"""The timeline map in a real Chromium, on a record the test writes itself: a hostile quote is
shown as text. It writes, so it runs on pytest-django's live server with a database emptied
after it (the tests that only read the demo share one load of it in
tests/browser/test_timeline_map.py)."""

import datetime

import pytest

from sources.models import Source
from tests.browser.test_timeline_map import (
    assert_one_origin_and_no_console_errors,
    open_map,
)
from tests.factories import DistrictFactory, DocumentFactory, SourceFactory, actor
from tracker import services
from tracker.models import Claim

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

D = datetime.date


def test_a_quote_holding_html_is_shown_as_text_and_runs_nothing(page, live_server):
    payload = '<img src=x onerror="window.__pwned = 1"><script>window.__pwned = 2</script>'
    source = SourceFactory(slug="hostile", name="<b>Hostile</b> outlet", stance="opposition")
    document = DocumentFactory(
        source=source, url="javascript:window.__pwned=3", citation="<i>cited</i>"
    )
    district = DistrictFactory(slug="target", name_en="Target", name_ar="هدف")
    services.claim_record(
        document=document,
        district=district,
        place_name="Target",
        status=Claim.Status.HELD,
        actor=actor("rebels"),
        kind=Claim.Kind.HELD,
        effective_from=D(2016, 12, 1),
        quote=payload,
    )
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    open_map(page, live_server, "?date=2016-12-02&lens=consensus&district=target")
    panel = page.locator("#district-panel")
    panel.locator(".claim").first.wait_for()

    assert panel.locator(".claim-quote").inner_text() == payload
    assert panel.locator(".claim-source").inner_text() == "<b>Hostile</b> outlet"
    assert panel.locator(".claim-citation").inner_text() == "<i>cited</i>"
    assert panel.locator("img, script, b, i").count() == 0
    assert panel.locator("a[href^='javascript']").count() == 0
    page.wait_for_timeout(300)
    assert page.evaluate("window.__pwned") is None
    assert dialogs == []
    assert not any(url.endswith("/x") for url in page.requests_seen)
    assert Source.objects.get(slug="hostile").name == "<b>Hostile</b> outlet"
    assert_one_origin_and_no_console_errors(page, live_server)
