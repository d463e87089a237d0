"""Entering a document's claims on one screen: district search, defaults, names resolved."""

import datetime

import pytest
from django.urls import reverse

from districts.models import District
from districts.names import name_key
from sources.models import Document
from tests.factories import (
    AliasFactory,
    DistrictFactory,
    RegionFactory,
    SourceFactory,
    actor,
)
from tests.test_admin_roles import admin_url, staff_in
from tracker import services
from tracker.models import Claim, ControlPeriod

pytestmark = pytest.mark.django_db


def district_named(name_en: str, name_ar: str, slug: str, *aliases: str) -> District:
    """A district with its names and aliases stored under their folded keys, as imports do."""
    district = DistrictFactory(name_en=name_en, name_ar=name_ar, slug=slug)
    for name in (name_en, name_ar, *aliases):
        AliasFactory(name=name, key=name_key(name), district=district)
    return district


@pytest.fixture
def places():
    return {
        "salah": district_named(
            "Salah ad-Deen", "صلاح الدين", "salah-ad-deen", "Salaheddine", "Salah al-Din"
        ),
        "sukkari": district_named("as-Sukkari", "السكري", "as-sukkari"),
        "hanano": district_named("Hanano", "هنانو", "hanano"),
    }


@pytest.fixture
def analyst_client(client):
    client.force_login(staff_in("analyst"))
    return client


def autocomplete(client, term: str) -> list[str]:
    response = client.get(
        reverse("admin:autocomplete"),
        {"term": term, "app_label": "tracker", "model_name": "claim", "field_name": "district"},
    )
    assert response.status_code == 200
    return [result["text"] for result in response.json()["results"]]


@pytest.mark.parametrize(
    "typed",
    ["Salaheddine", "salah-eddine", "صلاح الدين", "صلاح", "الصلاح الدين", "Salah al Din", "SALAH"],
)
def test_analyst_finds_a_district_typing_english_arabic_or_an_alias(analyst_client, places, typed):
    assert autocomplete(analyst_client, typed) == ["Salah ad-Deen"]


def test_a_misspelt_name_is_found_by_how_it_sounds(analyst_client, places):
    assert autocomplete(analyst_client, "Sukari") == ["as-Sukkari"]


def test_district_search_counts_aliases_once_per_district(analyst_client, places):
    page = analyst_client.get(admin_url(District, "changelist"), {"q": "Salah"})
    rows = page.context["cl"].result_list
    assert [d.slug for d in rows] == ["salah-ad-deen"]
    assert rows[0].alias_total == 4


def document_form(source, published_on="2016-12-07", **claims_rows) -> dict:
    """The document add form with one inline row per entry of `claims_rows` (index: fields)."""
    rows = list(claims_rows.values())
    data = {
        "source": source.pk if source else "",
        "title": "Statement",
        "citation": "https://example.org/statement-7-december",
        "url": "https://example.org/statement-7-december",
        "published_on": published_on,
        "archive_url": "",
        "outlet": "",
        "author": "",
        "language": "",
        "excerpt": "",
        "claims-TOTAL_FORMS": len(rows),
        "claims-INITIAL_FORMS": 0,
        "claims-MIN_NUM_FORMS": 0,
        "claims-MAX_NUM_FORMS": 1000,
        "quantitative_claims-TOTAL_FORMS": 0,  # the inline beside the claims, left empty
        "quantitative_claims-INITIAL_FORMS": 0,
    }
    blank = {
        "place_name": "",
        "district": "",
        "status": "held",
        "actor": "",
        "kind": "captured",
        "effective_from": "",
        "effective_to": "",
        "date_precision": "day",
        "source": "",
        "quote": "",
    }
    for i, row in enumerate(rows):
        data.update({f"claims-{i}-{name}": value for name, value in {**blank, **row}.items()})
    return data


def post_document(client, data):
    response = client.post(admin_url(Document, "add"), data)
    assert response.status_code == 302, response.context and [
        f.errors for f in response.context["inline_admin_formsets"][0].formset.forms
    ]
    return Document.objects.get(url=data["url"])


def test_claims_take_source_side_and_day_from_the_document_when_left_empty(analyst_client, places):
    source = SourceFactory(name="Russian Defense Ministry", stance="government")
    source.actor = actor("russian-forces")
    source.save()
    data = document_form(
        source,
        a={"district": places["hanano"].pk},
        b={"district": places["sukkari"].pk, "effective_from": "2016-12-05"},
    )
    document = post_document(analyst_client, data)
    first, second = document.claims.order_by("pk")
    assert first.source == second.source == source
    assert first.actor == actor("russian-forces")  # the source's affiliated actor
    assert (first.effective_from, first.effective_to) == (datetime.date(2016, 12, 7),) * 2
    assert (second.effective_from, second.effective_to) == (datetime.date(2016, 12, 5),) * 2
    assert first.place_name == "Hanano" and first.review_status == "pending"
    assert first.recorded_by.username == "analyst"
    period = ControlPeriod.objects.get(lens="consensus", district=places["hanano"])
    assert period.actor == actor("government")  # the engine speaks of coalitions


def test_a_source_without_affiliated_actor_defaults_to_its_stances_side(analyst_client, places):
    source = SourceFactory(name="Rebel sources", stance="opposition")
    document = post_document(
        analyst_client,
        document_form(source, a={"district": places["hanano"].pk, "kind": "held"}),
    )
    assert document.claims.get().actor == actor("rebels")


def test_an_independent_source_must_be_told_who_holds_the_place(analyst_client, places):
    source = SourceFactory(name="SOHR", stance="independent")
    response = analyst_client.post(
        admin_url(Document, "add"), document_form(source, a={"district": places["hanano"].pk})
    )
    assert response.status_code == 200
    assert "Pick who holds the place: the source speaks for no side." in response.content.decode()
    assert not Claim.objects.exists()


def test_a_document_without_a_day_needs_each_claims_day(analyst_client, places):
    source = SourceFactory(name="Syrian Army", stance="government")
    response = analyst_client.post(
        admin_url(Document, "add"),
        document_form(source, published_on="", a={"district": places["hanano"].pk}),
    )
    assert "the document has no publication day" in response.content.decode()
    assert not Document.objects.exists()


def test_a_place_typed_in_arabic_without_a_district_is_mapped_through_the_aliases(
    analyst_client, places
):
    source = SourceFactory(name="SANA", stance="government")
    document = post_document(analyst_client, document_form(source, a={"place_name": "صلاح الدين"}))
    claim = document.claims.get()
    assert claim.district == places["salah"]
    assert claim.place_name == "صلاح الدين"  # as the source wrote it


def test_a_region_named_in_a_statement_gives_one_claim_per_district(analyst_client, places):
    old_city = RegionFactory(name_en="Old City", slug="old-city")
    old_city.districts.add(places["hanano"], places["sukkari"])
    AliasFactory(name="Old City", key=name_key("Old City"), district=None, region=old_city)
    source = SourceFactory(name="SANA", stance="government")
    document = post_document(analyst_client, document_form(source, a={"place_name": "old city"}))
    claims = document.claims.order_by("district__slug")
    assert [c.district.slug for c in claims] == ["as-sukkari", "hanano"]
    assert {c.place_name for c in claims} == {"old city"}


def test_a_place_no_district_matches_is_kept_unmapped(analyst_client, places):
    source = SourceFactory(name="SANA", stance="government")
    document = post_document(
        analyst_client, document_form(source, a={"place_name": "Handarat camp"})
    )
    claim = document.claims.get()
    assert claim.district is None and claim.place_name == "Handarat camp"


def test_a_claim_needs_a_district_or_a_place_name(analyst_client, places):
    source = SourceFactory(name="SANA", stance="government")
    response = analyst_client.post(
        admin_url(Document, "add"), document_form(source, a={"quote": "Something happened"})
    )
    assert "Pick a district, or write the place" in response.content.decode()


def test_the_contested_status_needs_no_actor_and_no_kind(analyst_client, places):
    source = SourceFactory(name="SOHR", stance="independent")
    document = post_document(
        analyst_client,
        document_form(
            source, a={"district": places["hanano"].pk, "status": "contested", "kind": ""}
        ),
    )
    claim = document.claims.get()
    assert (claim.status, claim.actor, claim.kind) == ("contested", None, "contested")


def test_source_defaults_say_stance_and_side_for_the_entry_page(analyst_client):
    source = SourceFactory(name="Al-Manar <TV>", stance="government")
    response = analyst_client.get(reverse("admin:sources_source_defaults", args=[source.pk]))
    assert response.json() == {
        "id": source.pk,
        "name": "Al-Manar <TV>",
        "stance": "government",
        "stance_label": "Government",
        "actor": {
            "id": actor("government").pk,
            "text": actor("government").name_en,
            "colour": actor("government").colour,
        },
        "affiliated": False,
    }


def test_district_slugs_are_answered_for_the_map_preview(analyst_client, places):
    ids = [places["hanano"].pk, places["sukkari"].pk]
    response = analyst_client.get(reverse("admin:districts_district_slugs"), {"id": [*ids, "x"]})
    assert response.json() == {
        str(places["hanano"].pk): {"slug": "hanano", "name": "Hanano"},
        str(places["sukkari"].pk): {"slug": "as-sukkari", "name": "as-Sukkari"},
    }


def test_document_page_carries_the_map_preview_and_the_entry_script(analyst_client):
    html = analyst_client.get(admin_url(Document, "add")).content.decode()
    assert 'id="entry-map"' in html
    assert "js/admin-document-entry.js" in html and "leaflet/leaflet.js" in html
    assert 'data-districts-url="/map/districts.geojson"' in html
    assert "tile.openstreetmap.org" not in html


def test_claim_page_shows_who_entered_it_who_reviewed_it_and_every_change(client, places):
    analyst, reviewer = staff_in("analyst"), staff_in("reviewer")
    source = SourceFactory(name="SANA", stance="government")
    claim = services.claim_record(
        document=Document.objects.create(source=source, citation="SANA, 7 December"),
        district=places["hanano"],
        place_name="Hanano",
        status="held",
        actor=actor("government"),
        kind="captured",
        effective_from=datetime.date(2016, 12, 7),
        quote="<script>alert('x')</script>",
        recorded_by=analyst,
    )
    services.claim_update(claim=claim, district=places["sukkari"])
    services.claims_review_bulk(claims=[claim], review_status="accepted", reviewed_by=reviewer)
    client.force_login(reviewer)
    page = client.get(admin_url(Claim, "change", claim.pk))
    html = page.content.decode()
    fields = {
        f.field["name"]: f.contents()
        for fieldset in page.context["adminform"]
        for line in fieldset
        for f in line
        if hasattr(f, "contents")
    }
    assert "analyst" in fields["recorded_by"] and "reviewer" in fields["reviewed_by"]
    history = fields["change_history"]
    assert "review_status: pending → accepted" in history
    assert "district: Hanano → as-Sukkari" in history
    assert history.count("<tr>") == 4  # header, entered, moved, accepted
    assert "<script>alert" not in html


def test_claim_list_shows_review_badges_and_who_entered_and_reviewed(client, places):
    analyst = staff_in("analyst")
    source = SourceFactory(name="SANA", stance="government")
    services.claim_record(
        document=Document.objects.create(source=source, citation="SANA, 7 December"),
        district=places["hanano"],
        place_name="Hanano",
        status="held",
        actor=actor("government"),
        kind="captured",
        effective_from=datetime.date(2016, 12, 7),
        recorded_by=analyst,
    )
    client.force_login(analyst)
    html = client.get(admin_url(Claim, "changelist")).content.decode()
    assert 'class="review-badge review-pending"' in html
    assert '<span class="entered-by" title="entered by">analyst</span>' in html
