"""Every write path keeps the stored periods consistent with the engine's rules (issue: engine
v2, item 2): coalition changes recompute, cycles and impossible claims are refused everywhere."""

import datetime
import io

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.test import Client
from django.utils import timezone

from tests.api.conftest import client_as
from tests.factories import (
    ActorFactory,
    ClaimFactory,
    DistrictFactory,
    DocumentFactory,
    SourceFactory,
    UserFactory,
    actor,
)
from tracker import services
from tracker.imports import ClaimImportError, claims_import
from tracker.models import Claim, ControlPeriod

pytestmark = pytest.mark.django_db
D = datetime.date
HEADER = (
    "date,date_precision,district_en,claimed_controller,claim_type,source_org,source_stance,"
    "citation,quote,notes\n"
)


def consensus(district):
    return list(
        ControlPeriod.objects.filter(lens="consensus", district=district).values_list(
            "status", "actor__slug", "actors"
        )
    )


def test_moving_nusra_out_of_the_rebels_turns_a_rebel_outlets_word_into_an_admission():
    """An opposition outlet says Nusra holds the district; the army says it does. Inside the
    rebel coalition that is the rebels' own word (a dispute); outside it, it concedes the place
    to another side (an admission that wins). The stored periods follow each change at once."""
    district = DistrictFactory()
    rebel_media = SourceFactory(slug="rebel-media", stance="opposition")
    army = SourceFactory(slug="army", stance="government")
    ClaimFactory(
        document=DocumentFactory(source=rebel_media), district=district, actor=actor("nusra")
    )
    ClaimFactory(document=DocumentFactory(source=army), district=district)
    services.timeline_rebuild()
    assert consensus(district) == [("disputed", None, ["government", "rebels"])]
    services.actor_update(actor=actor("nusra"), parent=None)
    assert consensus(district) == [("held", "nusra", ["nusra"])]
    services.actor_update(actor=actor("nusra"), parent=actor("rebels"))
    assert consensus(district) == [("disputed", None, ["government", "rebels"])]


def test_an_actor_parent_cycle_is_refused_with_the_chain():
    outer = ActorFactory(slug="outer-front", parent=actor("rebels"))
    inner = ActorFactory(slug="inner-brigade", parent=outer)
    with pytest.raises(ValidationError, match="cycle"):
        services.actor_update(actor=actor("rebels"), parent=inner)
    actor("rebels").refresh_from_db()
    assert actor("rebels").parent is None


def test_the_actor_admin_saves_through_actor_update():
    district = DistrictFactory()
    rebel_media = SourceFactory(slug="rebel-media", stance="opposition")
    ClaimFactory(
        document=DocumentFactory(source=rebel_media), district=district, actor=actor("nusra")
    )
    services.timeline_rebuild()
    assert consensus(district) == [("held", "rebels", ["rebels"])]
    admin = UserFactory(is_staff=True, is_superuser=True)
    client = Client()
    client.force_login(admin)
    nusra = actor("nusra")
    response = client.post(
        f"/admin/tracker/actor/{nusra.pk}/change/",
        {
            "slug": "nusra",
            "name_en": nusra.name_en,
            "name_ar": nusra.name_ar,
            "colour": nusra.colour,
            "parent": "",
        },
    )
    assert response.status_code == 302, response.content[:2000]
    assert consensus(district) == [("held", "nusra", ["nusra"])]


def test_a_lost_claim_naming_the_sources_own_side_is_refused():
    rebel_media = SourceFactory(slug="rebel-media", stance="opposition")
    with pytest.raises(ValidationError, match="who holds the place afterwards"):
        services.claim_record(
            document=DocumentFactory(source=rebel_media),
            district=DistrictFactory(),
            place_name="",
            status="held",
            actor=actor("nusra"),
            kind="lost",
            effective_from=D(2016, 12, 1),
        )
    assert not Claim.objects.exists()


def test_a_lost_claim_naming_who_took_the_place_is_recorded():
    rebel_media = SourceFactory(slug="rebel-media", stance="opposition")
    claim = services.claim_record(
        document=DocumentFactory(source=rebel_media),
        district=DistrictFactory(),
        place_name="",
        status="held",
        actor=actor("government"),
        kind="lost",
        effective_from=D(2016, 12, 1),
    )
    assert claim.pk and claim.actor.slug == "government"


def test_a_claim_dated_after_tomorrow_is_refused_by_the_service_the_api_and_the_importer():
    later = timezone.localdate() + datetime.timedelta(days=2)
    document = DocumentFactory()
    district = DistrictFactory(name_en="Futureville")
    with pytest.raises(ValidationError, match="in the future"):
        services.claim_record(
            document=document,
            district=district,
            place_name="",
            status="held",
            actor=actor("government"),
            kind="held",
            effective_from=later,
        )
    analyst = UserFactory()
    analyst.groups.add(Group.objects.get(name="analyst"))
    response = client_as(analyst).post(
        "/api/v1/claims/",
        {
            "document": document.pk,
            "district": district.slug,
            "status": "held",
            "actor": "government",
            "kind": "held",
            "effective_from": later.isoformat(),
        },
        format="json",
    )
    assert response.status_code == 400
    assert "effective_from" in response.json()
    row = f"{later},day,Futureville,government,held,SOHR,independent,https://example.org/a,q,\n"
    with pytest.raises(ClaimImportError) as refused:
        claims_import(io.BytesIO((HEADER + row).encode()))
    assert any("line 2" in e and "future" in e for e in refused.value.errors)
    assert not Claim.objects.exists()


def test_tomorrow_is_still_accepted():
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    claim = services.claim_record(
        document=DocumentFactory(),
        district=DistrictFactory(),
        place_name="",
        status="held",
        actor=actor("government"),
        kind="held",
        effective_from=tomorrow,
    )
    assert claim.effective_to == tomorrow


def test_the_importer_refuses_a_lost_row_that_names_the_speakers_side():
    DistrictFactory(name_en="Lostville")
    row = "2016-12-01,day,Lostville,rebels,lost,Rebel media,opposition,https://example.org/b,q,\n"
    with pytest.raises(ClaimImportError) as refused:
        claims_import(io.BytesIO((HEADER + row).encode()))
    assert any("line 2" in e and "'lost'" in e for e in refused.value.errors)


def test_a_quantitative_claim_whose_window_ends_after_tomorrow_is_refused():
    from quantitative.models import QuantitativeClaim

    later = timezone.localdate() + datetime.timedelta(days=2)
    claim = QuantitativeClaim(
        document=DocumentFactory(),
        source=SourceFactory(),
        actor=actor("government"),
        measure="districts_taken",
        value=5,
        date_from=later,
        date_to=later,
    )
    with pytest.raises(ValidationError, match="in the future"):
        claim.full_clean(exclude=["region"])


def test_pointing_a_spelling_at_a_region_in_the_admin_reweighs_claims_already_mapped():
    """'Eastern quarters' first named a district: the rebel outlet's claim spoke of it by name
    and tied with the army. Once an analyst points the spelling at a region in the admin, that
    claim is background for the district, and the army's own news about it wins at once."""
    from districts.models import Alias
    from districts.names import name_key
    from tests.factories import RegionFactory

    district = DistrictFactory()
    region = RegionFactory()
    region.districts.add(district)
    army = SourceFactory(slug="army", stance="government")
    rebel_media = SourceFactory(slug="rebel-media", stance="opposition")
    ClaimFactory(document=DocumentFactory(source=army), district=district)
    ClaimFactory(
        document=DocumentFactory(source=rebel_media),
        district=district,
        place_name="Eastern quarters",
        actor=actor("rebels"),
    )
    alias = Alias.objects.create(
        name="Eastern quarters", key=name_key("Eastern quarters"), district=district
    )
    services.timeline_rebuild()
    assert consensus(district) == [("disputed", None, ["government", "rebels"])]
    client = Client()
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    response = client.post(
        f"/admin/districts/alias/{alias.pk}/change/",
        {"name": "Eastern quarters", "district": "", "region": region.pk, "origin": alias.origin},
    )
    assert response.status_code == 302, response.content[:3000]
    assert consensus(district) == [("held", "government", ["government"])]
