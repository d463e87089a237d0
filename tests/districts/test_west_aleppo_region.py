"""The West Aleppo region: the districts the army held from the 2012 split to the end of 2016."""

import pytest

from districts.models import Region
from districts.name_import import aliases_import, regions_import
from districts.polygon_import import districts_import
from districts.selectors import place_resolve
from tracker.demo import DEMO_ALIASES, DEMO_DISTRICTS, DEMO_REGIONS

pytestmark = pytest.mark.django_db


@pytest.fixture
def aleppo():
    districts_import(DEMO_DISTRICTS)
    regions_import(DEMO_REGIONS)
    aliases_import(DEMO_ALIASES)


def members(slug):
    return set(Region.objects.get(slug=slug).districts.values_list("slug", flat=True))


def test_west_aleppo_holds_the_government_core_of_the_city(aleppo):
    west = members("west-aleppo")
    assert {
        "new-aleppo",
        "az-zahra",
        "al-furqan",
        "al-jamiliyeh",
        "al-midan",
        "aleppo-citadel",
    } <= west
    assert not west & {"suleiman-al-halabi", "sayf-ad-dauleh", "salah-ad-deen"}
    assert members("hamdaniyeh") <= west


def test_west_aleppo_leaves_out_the_east_the_kurdish_quarters_and_the_changing_fronts(aleppo):
    west = members("west-aleppo")
    assert not west & members("east-aleppo")
    assert west & members("old-city") == {"aleppo-citadel"}
    assert not west & members("ramouseh-industrial")
    kurdish = {"ash-sheikh-maqsoud", "al-ashrafiyeh"}
    north_west_taken_in_july_2016 = {"al-belleramoon", "rasafeh", "as-sakan-ash-shababi"}
    east_of_the_city_but_government = {"aleppo-international-airport", "an-nayrab", "sheikh-najjar"}
    assert not west & (kurdish | north_west_taken_in_july_2016 | east_of_the_city_but_government)


def test_the_news_phrases_for_the_west_name_the_region(aleppo):
    for phrase in (
        "West Aleppo",
        "western Aleppo",
        "government-held western Aleppo",
        "حلب الغربية",
        "west Aleppo",
        "غرب حلب",
    ):
        assert place_resolve(phrase).region.slug == "west-aleppo", phrase
