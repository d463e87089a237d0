"""A claim's basis in the admin: entered, changed, shown in the list and filtered on."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from tests.factories import DistrictFactory, DocumentFactory, SourceFactory, UserFactory, actor
from tracker import services
from tracker.models import Claim

pytestmark = pytest.mark.django_db


@pytest.fixture
def analyst_client(client):
    user = UserFactory(username="ana", is_staff=True)
    user.groups.add(Group.objects.get(name="analyst"))
    client.force_login(user)
    return client


@pytest.fixture
def document():
    source = SourceFactory(slug="isw", name="ISW", stance="independent")
    return DocumentFactory(source=source, title="ISW map")


def test_an_analyst_enters_a_claim_with_its_basis(analyst_client, document):
    district = DistrictFactory(name_en="Hanano")
    response = analyst_client.post(
        reverse("admin:tracker_claim_add"),
        {
            "document": document.pk,
            "source": document.source.pk,
            "attribution": "",
            "place_name": "",
            "district": district.pk,
            "status": "held",
            "actor": actor("government").pk,
            "kind": "held",
            "effective_from": "2016-12-01",
            "effective_to": "",
            "date_precision": "day",
            "basis": "assessment",
            "quote": "",
            "note": "",
            "retracted_on": "",
        },
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    claim = Claim.objects.get()
    assert claim.basis == "assessment" and claim.district == district
    assert claim.history.first().basis == "assessment"


def test_an_analyst_changes_the_basis_and_the_list_shows_and_filters_it(analyst_client, document):
    made = [
        services.claim_record(
            document=document,
            district=DistrictFactory(name_en=name),
            place_name="",
            status="held",
            actor=actor("rebels"),
            kind="held",
            effective_from=datetime.date(2016, 11, 1),
        )
        for name in ("Ansari", "Sukkari")
    ]
    change = reverse("admin:tracker_claim_change", args=[made[0].pk])
    form = analyst_client.get(change).context["adminform"].form
    assert "basis" in form.fields
    data = {k: v for k, v in form.initial.items() if v is not None and k in form.fields}
    data.update(basis="evidence", effective_to="2016-11-01", retracted_on="")
    assert analyst_client.post(change, data).status_code == 302
    made[0].refresh_from_db()
    assert made[0].basis == "evidence"

    listing = reverse("admin:tracker_claim_changelist")
    filtered = analyst_client.get(listing + "?basis__exact=evidence")
    assert [c.pk for c in filtered.context["cl"].result_list] == [made[0].pk]
    assert "evidence" in filtered.content.decode()
    specs = [f.title for f in analyst_client.get(listing).context["cl"].filter_specs]
    assert "basis" in specs
