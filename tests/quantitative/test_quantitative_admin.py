"""The quantitative claim admin, as analysts and reviewers use it: saves go through the services
(who entered, who reviewed), the change form shows the claim against the map, nobody deletes."""

import pytest
from django.contrib import admin
from django.contrib.auth.models import Group
from django.urls import reverse

from quantitative.admin import QuantitativeClaimInline
from quantitative.models import QuantitativeClaim
from sources.models import Document
from tests.factories import UserFactory, actor
from tests.quantitative.quantitative_city import City, city_build

pytestmark = pytest.mark.django_db


def user_in(*groups, **extra):
    user = UserFactory(is_staff=True, **extra)
    for name in groups:
        user.groups.add(Group.objects.get(name=name))
    return user


@pytest.fixture
def city() -> City:
    return city_build(taken=3)


def form_data(city: City, **overrides) -> dict:
    data = {
        "document": city.documents["monitor"].pk,
        "source": "",
        "attribution": "Russian MoD via TASS",
        "actor": actor("government").pk,
        "region": city.region.pk,
        "measure": "districts_taken",
        "bound": "exact",
        "value": "5",
        "date_from": "2016-12-01",
        "date_to": "2016-12-03",
        "quote": "five districts",
        "note": "",
        "review_status": "pending",
        "retracted_on": "",
    }
    return {**data, **overrides}


def test_the_admin_pages_open_for_a_superuser(client, city):
    client.force_login(user_in(is_superuser=True))
    claim = city.number("army", "districts_taken", 5)
    for view, args in [
        ("changelist", []),
        ("add", []),
        ("change", [claim.pk]),
        ("history", [claim.pk]),
    ]:
        url = reverse(f"admin:quantitative_quantitativeclaim_{view}", args=args)
        assert client.get(url).status_code == 200, url


def test_the_change_form_shows_the_claim_against_the_map(client, city):
    client.force_login(user_in(is_superuser=True))
    claim = city.number("army", "districts_taken", 5)
    page = client.get(reverse("admin:quantitative_quantitativeclaim_change", args=[claim.pk]))
    assert "does not hold: the map shows 3" in page.content.decode()


def test_an_analyst_enters_a_claim_recorded_as_theirs_with_the_documents_source(client, city):
    analyst = user_in("analyst")
    client.force_login(analyst)
    response = client.post(
        reverse("admin:quantitative_quantitativeclaim_add"),
        form_data(city, review_status="accepted"),
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    claim = QuantitativeClaim.objects.get()
    assert claim.recorded_by == analyst and claim.source == city.sources["monitor"]
    assert claim.review_status == "pending"  # reviewing is the reviewers' part
    assert claim.history.count() == 1


def test_a_fractional_count_is_refused_with_the_reason(client, city):
    client.force_login(user_in("analyst"))
    response = client.post(
        reverse("admin:quantitative_quantitativeclaim_add"), form_data(city, value="2.5")
    )
    assert response.status_code == 200 and "whole number" in response.content.decode()
    assert not QuantitativeClaim.objects.exists()


def test_a_reviewer_accepts_a_claim_and_is_recorded_as_its_reviewer(client, city):
    claim = city.number("army", "districts_taken", 5)
    reviewer = user_in("reviewer", "analyst")
    client.force_login(reviewer)
    data = form_data(city, source=claim.source.pk, review_status="accepted")
    response = client.post(
        reverse("admin:quantitative_quantitativeclaim_change", args=[claim.pk]), data
    )
    assert response.status_code == 302
    claim.refresh_from_db()
    assert claim.review_status == "accepted" and claim.reviewed_by == reviewer
    assert claim.reviewed_at is not None


def test_nobody_deletes_a_quantitative_claim(client, city):
    client.force_login(user_in(is_superuser=True))
    claim = city.number("army", "districts_taken", 5)
    url = reverse("admin:quantitative_quantitativeclaim_delete", args=[claim.pk])
    assert client.get(url).status_code == 403
    assert QuantitativeClaim.objects.filter(pk=claim.pk).exists()


def test_the_document_inline_saves_through_the_services_as_the_signed_in_analyst(rf, city):
    analyst = user_in("analyst")
    document: Document = city.documents["monitor"]
    request = rf.post("/")
    request.user = analyst
    inline = QuantitativeClaimInline(Document, admin.site)
    FormSet = inline.get_formset(request, document)
    prefix = FormSet.get_default_prefix()
    row = {
        f"{prefix}-0-{name}": value
        for name, value in form_data(city).items()
        if name in {"actor", "region", "measure", "bound", "value", "date_from", "quote", "source"}
    }
    data = {
        f"{prefix}-TOTAL_FORMS": "1",
        f"{prefix}-INITIAL_FORMS": "0",
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
        **row,
    }
    formset = FormSet(data, instance=document, prefix=prefix)
    assert formset.is_valid(), formset.errors
    formset.save()
    claim = QuantitativeClaim.objects.get()
    assert claim.document == document and claim.recorded_by == analyst
    assert claim.source == document.source and claim.date_to == claim.date_from


def test_the_document_page_shows_its_quantitative_claims_beside_its_district_claims(client, city):
    assert QuantitativeClaimInline in admin.site._registry[Document].inlines
    client.force_login(user_in(is_superuser=True))
    city.number("monitor", "districts_taken", 5)
    page = client.get(reverse("admin:sources_document_change", args=[city.documents["monitor"].pk]))
    assert page.status_code == 200
    html = page.content.decode()
    assert 'name="quantitative_claims-TOTAL_FORMS"' in html
    assert 'name="quantitative_claims-0-measure"' in html
