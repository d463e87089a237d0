"""Resolving a place name through the alias table: exact key, skeleton fallback, regions."""

import pytest

from districts.models import Alias
from districts.names import name_key
from districts.selectors import gazetteer_load, place_resolve, place_suggest
from tests.factories import DistrictFactory, RegionFactory

pytestmark = pytest.mark.django_db


def spell(name, *, district=None, region=None, origin=Alias.Origin.NAME):
    return Alias.objects.create(
        name=name, key=name_key(name), district=district, region=region, origin=origin
    )


def named(slug, name_en, name_ar=""):
    district = DistrictFactory(slug=slug, name_en=name_en, name_ar=name_ar)
    spell(name_en, district=district)
    if name_ar:
        spell(name_ar, district=district)
    return district


def test_a_spelling_differing_in_case_and_article_resolves_exactly():
    salheen = named("as-salheen", "as-Salheen", "الصالحين")
    resolution = place_resolve("AL-SALHEEN")
    assert resolution.districts == (salheen,)
    assert not resolution.by_skeleton
    assert place_resolve("صالحين").districts == (salheen,)


def test_a_transliteration_resolves_through_the_skeleton_when_one_place_has_it():
    salheen = named("as-salheen", "as-Salheen")
    named("salah-ad-deen", "Salah ad-Deen")
    resolution = place_resolve("Salihin")
    assert resolution.districts == (salheen,)
    assert resolution.by_skeleton


def test_a_skeleton_shared_by_two_places_matches_neither():
    named("az-zahra", "az-Zahra’")
    named("az-zuhour", "az-Zuhour")
    resolution = place_resolve("Zehra")  # skeleton zhr, like both
    assert not resolution.is_mapped
    assert resolution.districts == ()


def test_two_spellings_of_one_district_with_one_skeleton_still_match_it():
    fardos = named("al-fardos", "al-Fardos")
    spell("Firdaws", district=fardos, origin=Alias.Origin.CURATED)
    assert place_resolve("Fardous").districts == (fardos,)


def test_a_region_alias_denotes_each_district_of_the_region_in_slug_order():
    souq, jalloum = named("souq", "Souq al-Madina"), named("jalloum", "aj-Jalloum")
    named("jdeydeh", "Jdeydeh")
    old_city = RegionFactory(slug="old-city", name_en="Old City")
    old_city.districts.set([souq, jalloum])
    spell("Old City", region=old_city, origin=Alias.Origin.CURATED)
    spell("المدينة القديمة", region=old_city, origin=Alias.Origin.CURATED)
    resolution = place_resolve("old city")
    assert resolution.region == old_city
    assert resolution.districts == (jalloum, souq)
    assert place_resolve("المدينه القديمه").districts == (jalloum, souq)


def test_a_region_name_is_reached_by_skeleton_and_numbered_districts_stay_apart():
    first = named("al-hamdaniyeh-i", "al-Hamdaniyeh I")
    second = named("al-hamdaniyeh-ii", "al-Hamdaniyeh II")
    hamdaniyeh = RegionFactory(slug="hamdaniyeh", name_en="al-Hamdaniyeh")
    hamdaniyeh.districts.set([first, second])
    spell("Hamdaniyeh", region=hamdaniyeh, origin=Alias.Origin.CURATED)
    assert place_resolve("Hamdaniya").region == hamdaniyeh
    assert place_resolve("Hamdaniyah II").districts == (second,)


def test_a_region_without_districts_leaves_the_name_unmapped():
    empty = RegionFactory(slug="empty", name_en="East Aleppo")
    spell("East Aleppo", region=empty, origin=Alias.Origin.CURATED)
    resolution = place_resolve("East Aleppo")
    assert resolution.region == empty
    assert not resolution.is_mapped


def test_a_place_without_polygon_stays_unmapped_even_when_its_words_resemble_one():
    named("ad-ramouseh-industrial-district-i", "Ad-Ramouseh Industrial District I")
    named("ash-sheikh-fares", "ash-Sheikh Fares")
    assert not place_resolve("Ramouseh (Armament school)").is_mapped
    assert not place_resolve("Sheikh Lutfi").is_mapped
    assert not place_resolve("").is_mapped


def test_suggestions_rank_the_closest_district_names_first_and_respect_the_limit():
    fares = named("ash-sheikh-fares", "ash-Sheikh Fares")
    taha = named("ash-sheikh-taha", "ash-Sheikh Taha")
    named("hanano", "Hanano")
    named("al-marjeh", "al-Marjeh")
    suggestions = place_suggest("Sheikh Lutfi", limit=2)
    assert set(suggestions) == {fares, taha}
    assert place_suggest("Sheikh Fars", limit=1) == [fares]


def test_nothing_is_suggested_when_no_district_name_is_close():
    named("hanano", "Hanano")
    assert place_suggest("Castello Road") == []


def test_one_gazetteer_resolves_many_names_with_a_fixed_number_of_queries(
    django_assert_max_num_queries,
):
    for n in range(5):
        named(f"d-{n}", f"District {n}")
    with django_assert_max_num_queries(3):
        gazetteer = gazetteer_load()
        for n in range(5):
            assert gazetteer.resolve(f"district {n}").districts[0].slug == f"d-{n}"
