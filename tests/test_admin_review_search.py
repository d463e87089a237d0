"""A reviewer finds claims by anything a reader saw: quote, source, citation, address, outlet."""

import datetime

import pytest
from django.urls import reverse

from sources.models import Document
from tests.factories import DistrictFactory, SourceFactory, actor
from tests.test_admin_roles import staff_in
from tracker import services

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_statements():
    """The army's statement in SANA and a monitor's report on Reuters, about two districts."""
    army = SourceFactory(name="Syrian Army", slug="syrian-army", stance="government")
    sohr = SourceFactory(name="SOHR", slug="sohr", stance="independent")
    sana = Document.objects.create(
        source=army,
        citation="SANA, 7 December 2016",
        url="https://sana.example/7-dec",
        outlet="SANA",
    )
    reuters = Document.objects.create(
        source=sohr, citation="Reuters wire, 8 December 2016", url="https://reuters.example/x"
    )
    for document, place in [(sana, "Shaar"), (reuters, "Sakhour")]:
        services.claim_record(
            document=document,
            district=DistrictFactory(name_en=place),
            place_name=place,
            status="held",
            actor=actor("government"),
            kind="captured",
            effective_from=datetime.date(2016, 12, 7),
            quote=f"Our forces took {place}",
        )


@pytest.mark.parametrize(
    ("typed", "found"),
    [
        ("Syrian Army", ["Shaar"]),  # the source
        ("Reuters wire", ["Sakhour"]),  # the citation
        ("sana.example", ["Shaar"]),  # the address
        ("SANA", ["Shaar"]),  # the outlet
        ("took Sakhour", ["Sakhour"]),  # the quote
        ("nowhere", []),
    ],
)
def test_the_claim_list_search_reaches_source_citation_address_and_outlet(
    client, two_statements, typed, found
):
    client.force_login(staff_in("reviewer"))
    page = client.get(reverse("admin:tracker_claim_changelist"), {"q": typed})
    assert page.status_code == 200
    assert sorted(c.place_name for c in page.context["cl"].result_list) == found
