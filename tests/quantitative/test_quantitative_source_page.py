"""The public page of a source, /sources/<slug>/: who it is, its record, its claims with quote
and citation link; everything a source wrote is escaped."""

import datetime

import pytest
from django.urls import reverse

from quantitative.source_pages import link_or_none
from tests.factories import reviewer_user
from tests.quantitative.quantitative_city import TAKEN, City, city_build

pytestmark = pytest.mark.django_db


@pytest.fixture
def city() -> City:
    city = city_build(taken=3)
    city.source("army-outlet", stance="government", side="government")
    for district in city.districts[:3]:
        city.claim(
            "army-outlet",
            district,
            "government",
            TAKEN - datetime.timedelta(days=1),
            quote='<script>alert("x")</script> liberated',
        )
    city.number("army-outlet", "districts_taken", 5, quote="five <b>districts</b>")
    return city


def test_the_url_of_a_source_page_is_sources_slash_slug():
    assert reverse("source-detail", kwargs={"slug": "sohr"}) == "/sources/sohr/"


def test_the_page_shows_who_the_source_is_and_its_record(client, city):
    page = client.get("/sources/army-outlet/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "Army Outlet" in html
    assert 'class="source-stance">Government<' in html
    assert 'class="source-actor">Syrian government and allies<' in html
    assert "100%" in html  # its three claims, confirmed by the monitor a day later
    assert "-1 days" in html  # one day ahead of the monitor
    assert "1.67" in html  # five districts claimed where the map shows three


def test_the_page_lists_each_claim_with_date_place_position_quote_and_link(client, city):
    html = client.get("/sources/army-outlet/").content.decode()
    assert "Quarter 0" in html and "held by Syrian government and allies" in html
    assert "2016-12-01" in html
    assert 'href="https://example.org/army-outlet/1"' in html
    assert "does not hold: the map shows 3" in html
    assert "confirmed (lag -1 d)" in html


def test_quotes_are_escaped(client, city):
    html = client.get("/sources/army-outlet/").content.decode()
    assert "<script>alert" not in html and "&lt;script&gt;" in html
    assert "<b>districts</b>" not in html


def test_only_http_addresses_become_links():
    assert link_or_none("https://example.org/a") == "https://example.org/a"
    assert link_or_none("javascript:alert(1)") is None
    assert link_or_none(None) is None


def test_rejected_claims_are_not_shown(client, city):
    from tracker import services

    claim = city.claim("army-outlet", city.districts[5], "government", TAKEN, quote="REJECT ME")
    services.claim_review(
        claim=claim, review_status="rejected", reviewed_by=reviewer_user(), reason="Wrong"
    )
    assert "REJECT ME" not in client.get("/sources/army-outlet/").content.decode()


def test_an_unknown_source_is_a_404(client, db):
    assert client.get("/sources/nobody/").status_code == 404
