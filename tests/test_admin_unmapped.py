"""The queue of unmapped place names: each name once, its claims, and mapping it once."""

import pytest
from django.urls import reverse

from districts.models import Alias
from districts.names import name_key
from tests.factories import AliasFactory, ClaimFactory, DistrictFactory, RegionFactory
from tests.test_admin_roles import staff_in
from tracker.models import Claim, ControlPeriod

pytestmark = pytest.mark.django_db
QUEUE = "admin:tracker_claim_unmapped"


@pytest.fixture
def analyst_client(client):
    client.force_login(staff_in("analyst"))
    return client


@pytest.fixture
def waiting():
    """Claims about places no district matches: one name in three spellings, and another."""
    taha = DistrictFactory(name_en="ash-Sheikh Taha", slug="ash-sheikh-taha")
    AliasFactory(name="ash-Sheikh Taha", key=name_key("ash-Sheikh Taha"), district=taha)
    lutfi = [
        ClaimFactory(place_name=name, district=None)
        for name in ("Sheikh Lutfi", "Sheikh Lutfi", "sheikh-lutfi")
    ]
    handarat = ClaimFactory(
        place_name="Handarat camp", district=None, quote="<b>retaken</b> <script>x()</script>"
    )
    return {"taha": taha, "lutfi": lutfi, "handarat": handarat}


def queue_rows(client) -> dict[str, object]:
    response = client.get(reverse(QUEUE))
    assert response.status_code == 200
    return {entry.name: entry for entry in response.context["names"]}


def test_queue_lists_each_unmapped_name_once_with_its_claims_and_suggestions(
    analyst_client, waiting
):
    rows = queue_rows(analyst_client)
    assert list(rows) == ["Sheikh Lutfi", "Handarat camp"]  # most claims first
    lutfi = rows["Sheikh Lutfi"]
    assert lutfi.claim_total == 3 and lutfi.spellings == ["sheikh-lutfi"]
    assert {c.pk for c in lutfi.claims} == {c.pk for c in waiting["lutfi"]}
    assert waiting["taha"] in lutfi.suggestions


def test_queue_shows_quotes_as_text(analyst_client, waiting):
    html = analyst_client.get(reverse(QUEUE)).content.decode()
    assert "<script>x()</script>" not in html and "<b>retaken</b>" not in html
    assert "&lt;b&gt;retaken&lt;/b&gt;" in html


def test_mapping_a_suggested_district_maps_every_spelling_and_adds_an_alias(
    analyst_client, waiting
):
    rows = queue_rows(analyst_client)
    prefix = rows["Sheikh Lutfi"].form.prefix
    response = analyst_client.post(
        reverse(QUEUE),
        {
            "prefix": prefix,
            f"{prefix}-name": "Sheikh Lutfi",
            f"{prefix}-suggested": waiting["taha"].pk,
        },
        follow=True,
    )
    assert "“Sheikh Lutfi” now names ash-Sheikh Taha: 3 claims mapped" in (
        response.content.decode()
    )
    assert {c.district for c in Claim.objects.filter(pk__in=[c.pk for c in waiting["lutfi"]])} == {
        waiting["taha"]
    }
    alias = Alias.objects.get(key=name_key("Sheikh Lutfi"))
    assert alias.district == waiting["taha"] and alias.origin == "analyst"
    assert ControlPeriod.objects.filter(lens="consensus", district=waiting["taha"]).exists()
    assert list(queue_rows(analyst_client)) == ["Handarat camp"]


def test_mapping_a_name_to_a_region_records_its_claim_for_each_district(analyst_client, waiting):
    north = RegionFactory(name_en="Northern camps", slug="northern-camps")
    first, second = DistrictFactory(slug="camp-a"), DistrictFactory(slug="camp-b")
    north.districts.add(first, second)
    analyst_client.post(
        reverse(QUEUE),
        {"prefix": "n1", "n1-name": "Handarat camp", "n1-region": north.pk},
    )
    claims = Claim.objects.filter(place_name="Handarat camp").order_by("district__slug")
    assert [c.district.slug for c in claims] == ["camp-a", "camp-b"]
    assert Alias.objects.get(key=name_key("Handarat camp")).region == north


@pytest.mark.parametrize("choice", ["none", "both"])
def test_mapping_needs_exactly_one_district_or_region(analyst_client, waiting, choice):
    data = {"prefix": "n1", "n1-name": "Handarat camp"}
    if choice == "both":
        data |= {"n1-suggested": waiting["taha"].pk, "n1-region": RegionFactory().pk}
    response = analyst_client.post(reverse(QUEUE), data, follow=True)
    assert "Nothing was mapped: Choose one district, or one region" in response.content.decode()
    assert Claim.objects.get(pk=waiting["handarat"].pk).district is None
    assert not Alias.objects.filter(key=name_key("Handarat camp")).exists()


def test_a_name_mapped_meanwhile_is_not_mapped_again(analyst_client, waiting):
    response = analyst_client.post(
        reverse(QUEUE),
        {"prefix": "n0", "n0-name": "Castello Road", "n0-suggested": waiting["taha"].pk},
        follow=True,
    )
    assert "No unmapped claim uses “Castello Road” any more" in response.content.decode()
    assert not Alias.objects.filter(key=name_key("Castello Road")).exists()


def test_empty_queue_says_so(analyst_client):
    html = analyst_client.get(reverse(QUEUE)).content.decode()
    assert "Every claim is mapped to a district." in html


def test_claim_list_links_to_the_queue_with_the_number_waiting(analyst_client, waiting):
    html = analyst_client.get(reverse("admin:tracker_claim_changelist")).content.decode()
    assert reverse(QUEUE) in html and "Unmapped place names (4 claims)" in html


def test_a_name_that_will_never_have_a_polygon_is_set_aside_with_its_reason(
    analyst_client, waiting
):
    from districts.models import NameWithoutPlace

    answer = analyst_client.post(
        reverse(QUEUE),
        {"set_aside": "Set aside", "name": "Handarat camp", "reason": "a refugee camp, no polygon"},
    )
    assert answer.status_code == 302
    assert list(queue_rows(analyst_client)) == ["Sheikh Lutfi"]
    [entry] = NameWithoutPlace.objects.all()
    assert (entry.name, entry.reason, entry.dismissed_by.username) == (
        "Handarat camp",
        "a refugee camp, no polygon",
        "analyst",
    )
    waiting["handarat"].refresh_from_db()
    assert waiting["handarat"].district is None  # the claim is kept, unmapped
    html = analyst_client.get(reverse(QUEUE)).content.decode()
    assert "a refugee camp, no polygon" in html


@pytest.mark.parametrize(
    ("name", "reason"),
    [("Handarat camp", "   "), ("ash-Sheikh Taha", "a district already")],
)
def test_setting_aside_needs_a_reason_and_an_unmapped_name(analyst_client, waiting, name, reason):
    from districts.models import NameWithoutPlace

    analyst_client.post(reverse(QUEUE), {"set_aside": "1", "name": name, "reason": reason})
    assert not NameWithoutPlace.objects.exists()
    assert "Handarat camp" in queue_rows(analyst_client)


def test_only_analysts_set_names_aside(client, waiting):
    client.force_login(staff_in("reviewer"))
    answer = client.post(reverse(QUEUE), {"set_aside": "1", "name": "Handarat camp", "reason": "x"})
    assert answer.status_code == 403
