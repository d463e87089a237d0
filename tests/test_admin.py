"""The admin, as analysts and reviewers use it, on whichever database the run targets."""

import datetime
import json

import pytest
from django.contrib import admin
from django.contrib.auth.models import Group
from django.urls import reverse

from districts.models import Alias, District
from tests.factories import (
    AliasFactory,
    ClaimFactory,
    DistrictFactory,
    DocumentFactory,
    RegionFactory,
    SourceFactory,
    UserFactory,
    actor,
    square,
)
from tracker import services
from tracker.models import Claim, ControlPeriod
from tracker.tokens import api_token_issue

pytestmark = pytest.mark.django_db

# The models of the claims workflow; quantitative claims have their admin tested beside them
# (tests/tracker/test_quantitative_admin.py).
WORKFLOW_MODELS = {
    "districts.District",
    "districts.Region",
    "districts.Alias",
    "tracker.Actor",
    "tracker.Claim",
    "sources.Source",
    "sources.Document",
    "tracker.ControlPeriod",
}
REGISTERED_MODELS = sorted(
    (model for model in admin.site._registry if model._meta.label in WORKFLOW_MODELS),
    key=lambda model: model._meta.label,
)


def admin_url(model_or_obj, view: str, *args) -> str:
    opts = model_or_obj._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_{view}", args=args)


@pytest.fixture
def record(superuser):
    """One row of every registered model, linked the way analysts link them."""
    Group.objects.create(name="Reviewers")
    api_token_issue(user=superuser)
    district = DistrictFactory(name_en="Salah al-Din", name_ar="صلاح الدين", slug="salah-al-din")
    AliasFactory(name="Salaheddine", key="salaheddine", district=district)
    region = RegionFactory(name_en="East Aleppo", slug="east-aleppo")
    region.districts.add(district)
    AliasFactory(name="eastern Aleppo", key="easternaleppo", district=None, region=region)
    source = SourceFactory(name="Syrian Army General Command", stance="government")
    document = DocumentFactory(source=source, title="Army statement on the south-west")
    claim = services.claim_record(
        document=document,
        district=district,
        place_name="Salah al-Din",
        status="held",
        actor=actor("government"),
        kind="captured",
        effective_from=datetime.date(2016, 12, 1),
        quote="Our forces restored security to Salah al-Din",
    )
    return {"district": district, "region": region, "document": document, "claim": claim}


@pytest.fixture
def superuser():
    return UserFactory(username="analyst", is_staff=True, is_superuser=True)


@pytest.fixture
def analyst_client(client, superuser):
    client.force_login(superuser)
    return client


def claim_form(record, **overrides) -> dict:
    """The fields of the claim change form, filled as an analyst would."""
    data = {
        "document": record["document"].pk,
        "source": record["document"].source.pk,
        "attribution": "",
        "place_name": "Salah al-Din",
        "district": record["district"].pk,
        "status": "held",
        "actor": actor("government").pk,
        "kind": "captured",
        "effective_from": "2016-12-03",
        "effective_to": "2016-12-03",
        "date_precision": "day",
        "quote": "The army entered the district",
        "review_status": "pending",
        "note": "",
        "retracted_on": "",
    }
    data.update(overrides)
    return data


def inline_management(prefix: str, total: int, initial: int = 0) -> dict:
    return {
        f"{prefix}-TOTAL_FORMS": total,
        f"{prefix}-INITIAL_FORMS": initial,
        f"{prefix}-MIN_NUM_FORMS": 0,
        f"{prefix}-MAX_NUM_FORMS": 1000,
    }


@pytest.mark.parametrize("model", REGISTERED_MODELS, ids=lambda m: m._meta.label)
def test_superuser_opens_every_changelist_add_change_and_history_page(
    analyst_client, superuser, record, model, rf
):
    request = rf.get("/")
    request.user = superuser
    can_add = admin.site._registry[model].has_add_permission(request)
    assert analyst_client.get(admin_url(model, "changelist")).status_code == 200
    assert analyst_client.get(admin_url(model, "add")).status_code == (200 if can_add else 403)
    obj = model.objects.first()
    assert obj is not None, f"the record fixture should create a {model._meta.label}"
    assert analyst_client.get(admin_url(model, "change", obj.pk)).status_code == 200
    assert analyst_client.get(admin_url(model, "history", obj.pk)).status_code == 200


def test_every_model_of_the_three_apps_is_in_the_admin():
    labels = {model._meta.label for model in admin.site._registry}
    assert labels >= WORKFLOW_MODELS


def test_anonymous_visitor_is_sent_to_the_login_page(client, record):
    response = client.get(admin_url(Claim, "changelist"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


@pytest.mark.parametrize("query", ["صلاح", "Salaheddine", "salah"])
def test_analyst_finds_a_district_by_english_arabic_or_alias_name(analyst_client, record, query):
    DistrictFactory(name_en="Hanano", name_ar="هنانو")
    response = analyst_client.get(admin_url(District, "changelist"), {"q": query})
    assert [d.slug for d in response.context["cl"].result_list] == ["salah-al-din"]


@pytest.mark.parametrize("query", ["restored security", "Salah al-Din"])
def test_analyst_finds_a_claim_by_quote_or_place_name(analyst_client, record, query):
    ClaimFactory(place_name="Bustan al-Qasr", district=None, quote="Shelling continued")
    response = analyst_client.get(admin_url(Claim, "changelist"), {"q": query})
    assert list(response.context["cl"].result_list) == [record["claim"]]


def test_district_autocomplete_answers_to_an_arabic_name(analyst_client, record):
    response = analyst_client.get(
        reverse("admin:autocomplete"),
        {
            "term": "صلاح",
            "app_label": "tracker",
            "model_name": "claim",
            "field_name": "district",
        },
    )
    assert response.status_code == 200
    assert [r["text"] for r in response.json()["results"]] == ["Salah al-Din"]


def test_unmapped_filter_lists_only_claims_waiting_for_a_district(analyst_client, record):
    waiting = ClaimFactory(place_name="Handarat camp", district=None)
    response = analyst_client.get(admin_url(Claim, "changelist"), {"mapped": "no"})
    assert list(response.context["cl"].result_list) == [waiting]


def test_claim_delete_page_is_forbidden_even_to_a_superuser(analyst_client, record):
    claim = record["claim"]
    response = analyst_client.post(admin_url(Claim, "delete", claim.pk), {"post": "yes"})
    assert response.status_code == 403
    assert Claim.objects.filter(pk=claim.pk).exists()


def test_claim_changelist_offers_no_bulk_delete_and_refuses_one(analyst_client, record):
    claim = record["claim"]
    url = admin_url(Claim, "changelist")
    action_form = analyst_client.get(url).context["action_form"]
    actions = dict(action_form.fields["action"].choices) if action_form else {}
    assert "delete_selected" not in actions
    analyst_client.post(
        url, {"action": "delete_selected", "_selected_action": [claim.pk], "post": "yes"}
    )
    assert Claim.objects.filter(pk=claim.pk).exists()


def test_claim_change_page_offers_no_delete_button_for_it_or_what_it_cites(analyst_client, record):
    claim = record["claim"]
    html = analyst_client.get(admin_url(Claim, "change", claim.pk)).content.decode()
    assert admin_url(Claim, "delete", claim.pk) not in html
    assert "delete-related" not in html


def test_documents_cannot_cascade_claims_away_through_inline_delete(analyst_client, record):
    response = analyst_client.get(admin_url(record["document"], "change", record["document"].pk))
    assert b"claims-0-DELETE" not in response.content


def test_claim_added_in_the_admin_records_who_entered_it(analyst_client, superuser, record):
    response = analyst_client.post(admin_url(Claim, "add"), claim_form(record))
    assert response.status_code == 302, response.context["adminform"].form.errors
    claim = Claim.objects.get(quote="The army entered the district")
    assert claim.recorded_by == superuser
    assert claim.effective_to == datetime.date(2016, 12, 3)


def test_one_document_with_two_claims_records_both_with_the_documents_source(
    analyst_client, superuser, record
):
    district = record["district"]
    data = {
        "source": record["document"].source.pk,
        "title": "Army statement, 4 December",
        "citation": "SANA, 4 December 2016",
        "url": "",
        "published_on": "2016-12-04",
        "archive_url": "",
        "outlet": "",
        "author": "",
        "language": "ar",
        "excerpt": "",
        **inline_management("claims", 2),
        **inline_management("quantitative_claims", 0),
    }
    for i, (place, district_pk) in enumerate([("Salah al-Din", district.pk), ("Sukkari", "")]):
        data.update(
            {
                f"claims-{i}-place_name": place,
                f"claims-{i}-district": district_pk,
                f"claims-{i}-status": "held",
                f"claims-{i}-actor": actor("government").pk,
                f"claims-{i}-kind": "captured",
                f"claims-{i}-effective_from": "2016-12-04",
                f"claims-{i}-effective_to": "2016-12-04",
                f"claims-{i}-date_precision": "day",
                f"claims-{i}-source": "",
                f"claims-{i}-quote": f"The army took {place}",
                f"claims-{i}-review_status": "pending",
            }
        )
    response = analyst_client.post(admin_url(record["document"], "add"), data)
    assert response.status_code == 302, response.context["errors"]
    claims = Claim.objects.filter(document__title="Army statement, 4 December").order_by("pk")
    assert [c.place_name for c in claims] == ["Salah al-Din", "Sukkari"]
    assert [c.is_mapped for c in claims] == [True, False]
    assert {c.source for c in claims} == {record["document"].source}
    assert {c.recorded_by for c in claims} == {superuser}


def test_claim_in_a_document_without_source_must_name_its_source(analyst_client, record):
    data = {
        "source": "",
        "title": "Anonymous post",
        "citation": "A post, 5 December 2016",
        "url": "",
        "published_on": "2016-12-05",
        **inline_management("claims", 1),
        **inline_management("quantitative_claims", 0),
        "claims-0-place_name": "Sukkari",
        "claims-0-status": "contested",
        "claims-0-kind": "contested",
        "claims-0-effective_from": "2016-12-05",
        "claims-0-effective_to": "2016-12-05",
        "claims-0-date_precision": "day",
        "claims-0-review_status": "pending",
    }
    response = analyst_client.post(admin_url(record["document"], "add"), data)
    assert response.status_code == 200
    assert "Pick the source that made this claim" in response.content.decode()
    assert not Claim.objects.filter(place_name="Sukkari").exists()


def test_review_change_appears_in_the_claims_history_with_the_reviewer(
    analyst_client, superuser, record
):
    claim = record["claim"]
    form = claim_form(record, review_status="accepted", quote=claim.quote)
    response = analyst_client.post(admin_url(Claim, "change", claim.pk), form)
    assert response.status_code == 302
    claim.refresh_from_db()
    assert claim.review_status == "accepted"
    assert claim.reviewed_by == superuser and claim.reviewed_at is not None
    assert claim.history.count() == 2
    assert claim.history.first().history_user == superuser

    page = analyst_client.get(admin_url(Claim, "history", claim.pk)).content.decode()
    assert "analyst" in page
    assert "accepted" in page.lower()


def test_claim_edited_in_the_admin_moves_the_resolved_timeline(analyst_client, record):
    claim = record["claim"]
    period = ControlPeriod.objects.get(lens="consensus", district=record["district"])
    assert period.actor.slug == "government"
    form = claim_form(record, actor=actor("rebels").pk, quote=claim.quote)
    assert analyst_client.post(admin_url(Claim, "change", claim.pk), form).status_code == 302
    period = ControlPeriod.objects.get(lens="consensus", district=record["district"])
    assert period.actor.slug == "rebels"


def test_control_periods_are_shown_but_not_editable(analyst_client, record):
    period = ControlPeriod.objects.filter(district=record["district"]).first()
    html = analyst_client.get(admin_url(period, "change", period.pk)).content.decode()
    assert 'name="_save"' not in html
    assert analyst_client.post(admin_url(period, "change", period.pk), {}).status_code == 403


def test_district_drawn_in_the_admin_gets_its_area_and_label_point(analyst_client):
    geom = square(10, 10)  # about 0.9 km x 1.1 km at Aleppo's latitude
    data = {
        "name_en": "New Quarter",
        "name_ar": "الحي الجديد",
        "slug": "new-quarter",
        "kind": "neighbourhood",
        "geom": geom.geojson,
        "provenance": "drawn by an analyst",
        **inline_management("aliases", 1),
        "aliases-0-name": "al-Hayy al-Jadid",
        "aliases-0-origin": "analyst",
    }
    response = analyst_client.post(admin_url(District, "add"), data)
    assert response.status_code == 302, response.context["errors"]
    district = District.objects.get(slug="new-quarter")
    assert 0.9e6 < district.area_m2 < 1.1e6
    assert district.geom.contains(district.label_point)
    assert Alias.objects.get(district=district).key == "hayyjadid"


def test_district_renamed_in_the_admin_keeps_its_measurements_and_names_the_editor(
    analyst_client, superuser, record
):
    district = record["district"]
    area, point = district.area_m2, district.label_point
    data = {
        "name_en": "Salah ad-Deen",
        "name_ar": district.name_ar,
        "slug": district.slug,
        "kind": district.kind,
        "geom": district.geom.geojson,
        "provenance": "",
        **inline_management("aliases", 1, initial=1),
        "aliases-0-id": district.aliases.get().pk,
        "aliases-0-district": district.pk,
        "aliases-0-name": "Salaheddine",
        "aliases-0-origin": "curated",
    }
    response = analyst_client.post(admin_url(District, "change", district.pk), data)
    assert response.status_code == 302, response.context["errors"]
    district.refresh_from_db()
    assert district.name_en == "Salah ad-Deen"
    assert district.area_m2 == area and district.label_point == point
    assert district.history.first().history_user == superuser


def test_alias_spelled_like_an_existing_one_is_refused_with_the_place_it_names(
    analyst_client, record
):
    response = analyst_client.post(
        admin_url(Alias, "add"),
        {"name": "Salah-eddine", "district": record["district"].pk, "origin": "analyst"},
    )
    assert response.status_code == 200
    assert "already names Salah al-Din" in response.content.decode()


def test_district_change_page_carries_the_leaflet_widget_without_tiles(analyst_client, record):
    page = analyst_client.get(admin_url(District, "change", record["district"].pk))
    html = page.content.decode()
    assert "leaflet/leaflet.js" in html and 'id="id_geom-map"' in html
    assert "tile.openstreetmap.org" not in html
    geometry = json.loads(page.context["adminform"].form["geom"].value().geojson)
    assert geometry["type"] == "MultiPolygon"


def test_actor_list_shows_each_colour_as_a_swatch(analyst_client):
    response = analyst_client.get(admin_url(actor("government"), "changelist"))
    assert f"background:{actor('government').colour}" in response.content.decode()


def test_source_list_filters_by_stance(analyst_client, record):
    SourceFactory(name="SOHR", stance="independent")
    response = analyst_client.get(
        admin_url(record["document"].source, "changelist"), {"stance__exact": "independent"}
    )
    assert [s.name for s in response.context["cl"].result_list] == ["SOHR"]
