"""The curated region and alias tables, and the commands that load them."""

import csv

import pytest
from django.core.management import call_command

from common.csvfile import ImportFileError
from districts.models import Alias, District, Region
from districts.name_import import aliases_import, regions_import
from districts.names import name_key
from districts.polygon_import import districts_import
from districts.selectors import place_resolve
from tests.factories import DistrictFactory
from tracker.demo import DEMO_ALIASES, DEMO_DISTRICTS, DEMO_REGIONS

pytestmark = pytest.mark.django_db

REGION_HEADER = "slug,name_en,name_ar,districts,aliases,note\n"
ALIAS_HEADER = "name,district_or_region,target_slug,note\n"


@pytest.fixture
def aleppo():
    districts_import(DEMO_DISTRICTS)
    regions_import(DEMO_REGIONS)
    aliases_import(DEMO_ALIASES)


def members(slug):
    return set(Region.objects.get(slug=slug).districts.values_list("slug", flat=True))


def test_the_old_city_is_the_walled_city_with_its_citadel(aleppo):
    old_city = members("old-city")
    assert len(old_city) == 14
    assert {"aleppo-citadel", "souq-al-madina", "al-bayyada", "bab-qinnasrin"} <= old_city
    # extramural quarters are claimed under their own names
    assert not {"beit-muheb-jdeydeh", "aghyor", "al-kallaseh", "qadi-askar"} & old_city


def test_east_aleppo_holds_the_rebel_east_and_none_of_the_government_or_kurdish_west(aleppo):
    east = members("east-aleppo")
    assert {"hanano", "as-sakhour", "sheikh-saeed", "al-kallaseh", "ash-shaar"} <= east
    assert not {"ash-sheikh-maqsoud", "new-aleppo", "aleppo-citadel", "sheikh-najjar"} & east
    assert members("old-city") - {"aleppo-citadel"} <= east


def test_the_numbered_districts_form_their_regions_and_the_city_holds_every_district(aleppo):
    assert members("ramouseh-industrial") == {
        f"ad-ramouseh-industrial-district-{n}" for n in ("i", "ii", "iii", "iv")
    }
    assert members("hamdaniyeh") == {f"al-hamdaniyeh-{n}" for n in ("i", "ii", "iii", "iv", "v")}
    assert members("aleppo-city") == set(District.objects.values_list("slug", flat=True))
    assert place_resolve("الراموسة").region.slug == "ramouseh-industrial"
    assert place_resolve("الحمدانية").region.slug == "hamdaniyeh"


def test_every_curated_spelling_resolves_to_its_target(aleppo):
    with DEMO_ALIASES.open(encoding="utf-8") as table:
        rows = list(csv.DictReader(table))
    assert rows
    for row in rows:
        resolution = place_resolve(row["name"])
        if row["district_or_region"] == "district":
            assert [d.slug for d in resolution.districts] == [row["target_slug"]], row["name"]
        else:
            assert resolution.region.slug == row["target_slug"], row["name"]


def test_loading_the_tables_twice_changes_nothing(aleppo):
    aliases_before = list(Alias.objects.order_by("key").values_list("key", "district", "region"))
    regions = regions_import(DEMO_REGIONS)
    aliases = aliases_import(DEMO_ALIASES)
    assert not regions.changed and not aliases.changed
    assert len(regions.regions_unchanged) == Region.objects.count() == 7
    assert aliases_before == list(
        Alias.objects.order_by("key").values_list("key", "district", "region")
    )


def test_a_region_whose_districts_change_is_updated(tmp_path):
    a, b = DistrictFactory(slug="a"), DistrictFactory(slug="b")
    table = tmp_path / "regions.csv"
    table.write_text(REGION_HEADER + "pair,Pair,,a,,\n", encoding="utf-8")
    assert regions_import(table).regions_created == ["pair"]
    table.write_text(REGION_HEADER + "pair,Pair,,a;b,Both,\n", encoding="utf-8")
    report = regions_import(table)
    assert report.regions_updated == ["pair"]
    assert set(Region.objects.get(slug="pair").districts.all()) == {a, b}
    assert place_resolve("both").districts == (a, b)


def test_every_bad_region_row_is_listed_and_nothing_is_written(tmp_path):
    DistrictFactory(slug="a")
    table = tmp_path / "regions.csv"
    table.write_text(
        REGION_HEADER + "good,Good,,a,,\n" + "ghost,Ghost,,a;nowhere,,\n" + "Bad Slug,,,,,\n",
        encoding="utf-8",
    )
    with pytest.raises(ImportFileError) as raised:
        regions_import(table)
    errors = raised.value.errors
    assert any(e.startswith("line 3:") and "'nowhere'" in e for e in errors)
    assert any(e.startswith("line 4:") and "is not a slug" in e for e in errors)
    assert any(e.startswith("line 4:") and "name_en is empty" in e for e in errors)
    assert any(e.startswith("line 4:") and "districts is empty" in e for e in errors)
    assert not any(e.startswith("line 2:") for e in errors)
    assert Region.objects.count() == 0 and Alias.objects.count() == 0


def test_a_spelling_given_to_two_places_is_refused_naming_both_lines(tmp_path):
    DistrictFactory(slug="a")
    DistrictFactory(slug="b")
    table = tmp_path / "aliases.csv"
    table.write_text(
        ALIAS_HEADER + "Bab al-Hadid,district,a,\nbab hadid,district,b,\n", encoding="utf-8"
    )
    with pytest.raises(ImportFileError) as raised:
        aliases_import(table)
    assert raised.value.errors == [
        "line 3: 'bab hadid' is the same spelling as one at line 2, which names district a; "
        "one spelling can name only one place, so drop one of them."
    ]
    assert Alias.objects.count() == 0


def test_unknown_targets_and_kinds_are_listed(tmp_path):
    table = tmp_path / "aliases.csv"
    table.write_text(
        ALIAS_HEADER + "X,district,nowhere,\nY,neighbourhood,a,\n,region,r,\n", encoding="utf-8"
    )
    with pytest.raises(ImportFileError) as raised:
        aliases_import(table)
    errors = raised.value.errors
    assert "line 2: no district with slug 'nowhere'" in errors[0]
    assert "line 3: district_or_region is 'neighbourhood'" in errors[1]
    assert any(e.startswith("line 4: name is empty") for e in errors)


def test_a_curated_spelling_overrides_the_polygon_data_but_not_an_analyst(tmp_path):
    a, b = DistrictFactory(slug="a"), DistrictFactory(slug="b")
    Alias.objects.create(name="Gate", key="gate", district=a, origin=Alias.Origin.SOURCE_DATA)
    Alias.objects.create(name="Mill", key="mill", district=a, origin=Alias.Origin.ANALYST)
    table = tmp_path / "aliases.csv"
    table.write_text(ALIAS_HEADER + "Gate,district,b,\nMill,district,b,\n", encoding="utf-8")
    report = aliases_import(table)
    assert place_resolve("Gate").districts == (b,)
    assert place_resolve("Mill").districts == (a,)
    assert report.aliases_updated == 1
    assert len(report.aliases_kept) == 1 and "'Mill'" in report.aliases_kept[0]


def test_a_curated_spelling_can_name_a_region(tmp_path):
    a = DistrictFactory(slug="a")
    Region.objects.create(slug="r", name_en="R").districts.set([a])
    table = tmp_path / "aliases.csv"
    table.write_text(ALIAS_HEADER + "The R Area,region,r,\n", encoding="utf-8")
    aliases_import(table)
    assert Alias.objects.get(key=name_key("The R Area")).region.slug == "r"


def test_the_commands_report_counts_and_list_bad_rows(tmp_path, capsys):
    DistrictFactory(slug="a")
    regions = tmp_path / "regions.csv"
    regions.write_text(REGION_HEADER + "r,R,ر,a,Arr,\n", encoding="utf-8")
    call_command("import_regions", str(regions))
    assert "Regions: 1 created" in capsys.readouterr().out
    aliases = tmp_path / "aliases.csv"
    aliases.write_text(ALIAS_HEADER + "Q,district,nowhere,\n", encoding="utf-8")
    with pytest.raises(Exception, match="line 2: no district with slug 'nowhere'"):
        call_command("import_aliases", str(aliases))
