"""The claim form's district box: it finds districts, aliases and regions, and says what saving
will do (districts.selectors.places_search and place_plan, tracker/admin/places.py)."""

import pytest
from django.urls import reverse

from districts.names import name_key
from districts.selectors import UNMAPPED_SENTENCE, place_plan, places_search
from tests.factories import AliasFactory, DocumentFactory, RegionFactory, SourceFactory, actor
from tests.test_admin_entry import district_named
from tests.test_admin_roles import admin_url, staff_in
from tracker.models import Claim

pytestmark = pytest.mark.django_db
OLD_CITY = "Old City — region, 3 districts: one claim each"


def gazetteer_make() -> dict:
    """Hanano (also spelt Ard al-Hamra), and the Old City: a region of three districts, also
    spelt al-Madina, beside a district whose name begins like it."""
    hanano = district_named("Hanano", "هنانو", "hanano", "Ard al-Hamra")
    old = [
        district_named("Bab al-Hadid", "باب الحديد", "bab-al-hadid"),
        district_named("Citadel", "القلعة", "citadel"),
        district_named("Jdeydeh", "الجديدة", "jdeydeh"),
    ]
    souq = district_named("Old City Souq", "سوق المدينة", "old-city-souq")
    old_city = RegionFactory(name_en="Old City", name_ar="المدينة القديمة", slug="old-city")
    old_city.districts.set(old)
    for name in ("Old City", "al-Madina"):
        AliasFactory(name=name, key=name_key(name), district=None, region=old_city)
    return {"hanano": hanano, "old": old, "souq": souq, "old_city": old_city}


@pytest.fixture
def gazetteer():
    return gazetteer_make()


def labels(term: str) -> list[str]:
    return [match.label for match in places_search(term)]


@pytest.mark.parametrize("typed", ["Hanano", "hanano", "هنانو", "Hana"])
def test_a_district_is_found_by_its_english_or_arabic_name(gazetteer, typed):
    assert labels(typed) == ["Hanano"]


def test_an_alias_says_which_district_it_spells_and_fills_the_place_name(gazetteer):
    [match] = places_search("Ard al-Hamra")
    assert match.label == "Ard al-Hamra — alias of Hanano"
    assert (match.value, match.place_name) == (str(gazetteer["hanano"].pk), "Ard al-Hamra")
    assert match.plan.sentence == "Will record 1 claim about Hanano (alias 'Ard al-Hamra')."


def test_a_region_says_it_gives_one_claim_per_district_and_comes_before_longer_names(gazetteer):
    matches = places_search("old city")
    assert [m.label for m in matches] == [OLD_CITY, "Old City Souq"]
    assert matches[0].value == f"region:{gazetteer['old_city'].pk}"
    assert matches[0].place_name == "Old City"


def test_a_regions_alias_says_which_region_it_spells(gazetteer):
    [match] = places_search("Madina")
    assert match.label == "al-Madina — alias of the Old City region, 3 districts: one claim each"
    assert match.place_name == "al-Madina"


def test_a_term_matching_a_districts_own_name_does_not_list_its_aliases_too(gazetteer):
    AliasFactory(name="Hananu", key=name_key("Hananu"), district=gazetteer["hanano"])
    assert labels("Hanan") == ["Hanano"]
    assert labels("Hananu") == ["Hananu — alias of Hanano"]


def test_a_misspelt_region_is_found_by_how_it_sounds(gazetteer):
    assert labels("Madeena") == [
        "al-Madina — alias of the Old City region, 3 districts: one claim each"
    ]


def test_nothing_typed_finds_nothing(gazetteer):
    assert places_search("  ") == [] and places_search("Handarat camp") == []


@pytest.mark.parametrize(
    ("district", "place_name", "left_out", "sentence"),
    [
        ("hanano", "", "", "Will record 1 claim about Hanano."),
        ("hanano", "هنانو", "", "Will record 1 claim about Hanano."),
        ("hanano", "Ard al-Hamra", "", "Will record 1 claim about Hanano (alias 'Ard al-Hamra')."),
        (
            "hanano",
            "Hanano district",
            "",
            "Will record 1 claim about Hanano (written 'Hanano district').",
        ),
        ("", "ard al hamra", "", "Will record 1 claim about Hanano (alias 'ard al hamra')."),
        (
            "",
            "Old City",
            "",
            "Will record 3 claims, one per district of the Old City region: "
            "Bab al-Hadid, Citadel, Jdeydeh.",
        ),
        (
            "",
            "al-Madina",
            "citadel",
            "Will record 2 claims, one per district of the Old City region (alias 'al-Madina'): "
            "Bab al-Hadid, Jdeydeh; left out: Citadel.",
        ),
        (
            "",
            "Old City",
            "citadel,jdeydeh,bab-al-hadid",
            "Every district of the Old City region is left out: put one back to save the claim.",
        ),
        ("", "Handarat camp", "", UNMAPPED_SENTENCE),
        ("", "", "", "Pick a district, or write the place as the source names it."),
    ],
)
def test_the_plan_says_what_saving_will_do(gazetteer, district, place_name, left_out, sentence):
    plan = place_plan(
        district=gazetteer[district] if district else None,
        place_name=place_name,
        left_out=set(filter(None, left_out.split(","))),
    )
    assert plan.sentence == sentence


def test_a_region_chosen_in_the_box_plans_its_districts_save_those_left_out(gazetteer):
    plan = place_plan(region=gazetteer["old_city"], left_out={"citadel"})
    assert [d.slug for d in plan.districts] == ["bab-al-hadid", "jdeydeh"]
    assert [d.slug for d in plan.left_out] == ["citadel"]
    assert plan.sentence.endswith(": Bab al-Hadid, Jdeydeh; left out: Citadel.")
    spelt = place_plan(region=gazetteer["old_city"], place_name="al-Madina")
    assert "of the Old City region (alias 'al-Madina'): " in spelt.sentence


# The endpoints


SEARCH, PLAN = "admin:tracker_claim_places", "admin:tracker_claim_place_plan"


@pytest.mark.parametrize("url", [SEARCH, PLAN])
def test_the_endpoints_send_the_signed_out_to_the_login_page(client, gazetteer, url):
    response = client.get(reverse(url), {"term": "Old City"})
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


@pytest.mark.parametrize("url", [SEARCH, PLAN])
def test_the_endpoints_refuse_staff_outside_the_analyst_group(client, gazetteer, url):
    client.force_login(staff_in("reviewer"))
    assert client.get(reverse(url), {"term": "Old City"}).status_code == 403


@pytest.fixture
def analyst_client(client):
    client.force_login(staff_in("analyst"))
    return client


def test_the_search_answers_select2_with_each_places_plan(analyst_client, gazetteer):
    answer = analyst_client.get(reverse(SEARCH), {"term": "Old City"}).json()
    assert answer["pagination"] == {"more": False}
    region = answer["results"][0]
    assert (region["text"], region["kind"], region["place_name"]) == (
        OLD_CITY,
        "region",
        "Old City",
    )
    assert region["plan"].startswith("Will record 3 claims, one per district of the Old City")
    [alias] = analyst_client.get(reverse(SEARCH), {"term": "Hamra"}).json()["results"]
    assert (alias["id"], alias["kind"], alias["district"]) == (
        str(gazetteer["hanano"].pk),
        "alias",
        "Hanano",
    )


def test_the_plan_endpoint_lists_a_regions_districts_for_the_chips(analyst_client, gazetteer):
    region = gazetteer["old_city"]
    answer = analyst_client.get(
        reverse(PLAN), {"district": f"region:{region.pk}", "place_name": "", "left_out": "citadel"}
    ).json()
    assert answer["kind"] == "region" and answer["region"] == {
        "slug": "old-city",
        "name": "Old City",
    }
    assert [d["slug"] for d in answer["region_districts"]] == ["bab-al-hadid", "citadel", "jdeydeh"]
    assert answer["left_out"] == ["citadel"]
    assert "; left out: Citadel." in answer["sentence"]


@pytest.mark.parametrize("value", ["Hanano", "region:999999", "999999"])
def test_the_plan_endpoint_names_a_bad_district_value(analyst_client, gazetteer, value):
    response = analyst_client.get(reverse(PLAN), {"district": value})
    assert response.status_code == 400
    assert list(response.json()["errors"]) == ["district"]


# The claim's own page, without JavaScript


def claim_add(document, **fields) -> dict:
    return {
        "document": document.pk,
        "source": "",
        "attribution": "",
        "place_name": "",
        "district": "",
        "districts_left_out": "",
        "status": "held",
        "actor": actor("government").pk,
        "kind": "captured",
        "effective_from": "2016-12-06",
        "effective_to": "",
        "date_precision": "day",
        "basis": "",
        "quote": "The army entered the Old City",
        **fields,
    }


@pytest.fixture
def document():
    return DocumentFactory(source=SourceFactory(name="SANA", stance="government"))


def test_the_claim_page_says_under_the_box_what_saving_will_do(analyst_client, gazetteer):
    html = analyst_client.get(admin_url(Claim, "add")).content.decode()
    assert 'class="place-plan" id="id_district_plan" aria-live="polite"' in html
    assert "Pick a district, or write the place as the source names it." in html
    assert 'name="districts_left_out"' in html
    assert "js/admin-place-plan.js" in html


def test_a_region_picked_on_the_claim_page_records_its_districts_save_those_left_out(
    analyst_client, gazetteer, document
):
    region = gazetteer["old_city"]
    data = claim_add(document, district=f"region:{region.pk}", districts_left_out="citadel")
    response = analyst_client.post(admin_url(Claim, "add"), data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    claims = Claim.objects.order_by("district__slug")
    assert [(c.district.slug, c.place_name) for c in claims] == [
        ("bab-al-hadid", "Old City"),
        ("jdeydeh", "Old City"),
    ]
    statement = claims[0].statement  # one region statement groups them, the Citadel left out
    assert statement is not None and {c.statement_id for c in claims} == {statement.pk}
    assert statement.region == region
    assert [d.slug for d in statement.districts_left_out.all()] == ["citadel"]


def test_a_district_picked_by_hand_makes_no_region_statement(analyst_client, gazetteer, document):
    data = claim_add(document, district=gazetteer["hanano"].pk, place_name="Old City")
    assert analyst_client.post(admin_url(Claim, "add"), data).status_code == 302
    assert Claim.objects.get().statement is None


def test_a_form_sent_back_with_an_error_keeps_the_region_and_its_plan(
    analyst_client, gazetteer, document
):
    region = gazetteer["old_city"]
    data = claim_add(
        document, district=f"region:{region.pk}", districts_left_out="citadel", effective_from="x"
    )
    html = analyst_client.post(admin_url(Claim, "add"), data).content.decode()
    assert f'<option value="region:{region.pk}" selected>{OLD_CITY}</option>' in html
    assert (
        "Will record 2 claims, one per district of the Old City region: Bab al-Hadid, Jdeydeh; "
        "left out: Citadel."
    ) in html
    assert Claim.objects.count() == 0


def test_an_alias_picked_records_its_district_under_the_sources_spelling(
    analyst_client, gazetteer, document
):
    hanano = gazetteer["hanano"]
    data = claim_add(document, district=hanano.pk, place_name="Ard al-Hamra")
    assert analyst_client.post(admin_url(Claim, "add"), data).status_code == 302
    claim = Claim.objects.get()
    assert (claim.district, claim.place_name) == (hanano, "Ard al-Hamra")


def test_a_saved_claim_cannot_become_a_regions(analyst_client, gazetteer, document):
    hanano = gazetteer["hanano"]
    analyst_client.post(admin_url(Claim, "add"), claim_add(document, district=hanano.pk))
    claim = Claim.objects.get()
    page = analyst_client.get(admin_url(Claim, "change", claim.pk)).content.decode()
    assert "Will save the claim about Hanano." in page and 'data-new="0"' in page
    data = claim_add(document, district=f"region:{gazetteer['old_city'].pk}", place_name="Hanano")
    response = analyst_client.post(admin_url(Claim, "change", claim.pk), data)
    assert response.status_code == 200
    assert "A saved claim is about one district, and the Old City region has 3 districts" in (
        response.content.decode()
    )
    claim.refresh_from_db()
    assert claim.district == hanano
