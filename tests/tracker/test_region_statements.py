"""Region statements (tracker/statements.py): every path that turns a region's name into one
claim per district groups those claims in one record (rule 1), a claim that speaks of one
district stands alone (rule 2), existing claims are grouped when that is sure, and the
claims API and CSV carry the statement's id last."""

import csv
import datetime
import importlib
import io

import pytest
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django.test import Client

from districts.names import name_key
from tests.factories import (
    AliasFactory,
    ClaimFactory,
    DistrictFactory,
    DocumentFactory,
    RegionFactory,
    SourceFactory,
    user_in_groups,
)
from tests.test_admin_entry import document_form, post_document
from tests.test_admin_roles import staff_in
from tracker.api.serializers import CLAIM_CSV_COLUMNS
from tracker.imports import CLAIM_COLUMNS, claims_import
from tracker.models import Claim, RegionStatement
from tracker.services import place_name_map

pytestmark = pytest.mark.django_db
DAY = datetime.date(2016, 12, 6)


@pytest.fixture
def old_city():
    """The Old City: three districts, the region's name and each district's name as aliases."""
    districts = [
        DistrictFactory(slug=slug, name_en=name)
        for slug, name in [("citadel", "Citadel"), ("jdayde", "Jdayde"), ("bab-nasr", "Bab Nasr")]
    ]
    for district in districts:
        AliasFactory(name=district.name_en, key=name_key(district.name_en), district=district)
    region = RegionFactory(slug="old-city", name_en="Old City")
    region.districts.set(districts)
    AliasFactory(name="Old City", key=name_key("Old City"), district=None, region=region)
    return region


def test_a_region_entered_in_the_admin_makes_one_statement_with_the_districts_left_out(
    client, old_city
):
    analyst = staff_in("analyst")
    client.force_login(analyst)
    source = SourceFactory(name="Syrian Army", stance="government")
    row = {"place_name": "Old City", "districts_left_out": "citadel"}
    lone = {"place_name": "Jdayde", "status": "contested", "kind": ""}
    document = post_document(client, document_form(source, a=row, b=lone))
    statement = RegionStatement.objects.get()
    assert (statement.region, statement.place_name, statement.created_by) == (
        old_city,
        "Old City",
        analyst,
    )
    assert [d.slug for d in statement.districts_left_out.all()] == ["citadel"]
    grouped = document.claims.filter(statement=statement)
    assert sorted(c.district.slug for c in grouped) == ["bab-nasr", "jdayde"]
    assert document.claims.get(statement__isnull=True).place_name == "Jdayde"  # rule 2
    made, left_out = statement.history.order_by("history_id")
    assert (made.history_type, made.history_user, left_out.history_user) == ("+", analyst, analyst)
    assert [d.district.slug for d in left_out.districts_left_out.all()] == ["citadel"]


def test_a_district_picked_by_hand_under_a_region_name_makes_no_statement(client, old_city):
    client.force_login(staff_in("analyst"))
    source = SourceFactory(name="Syrian Army", stance="government")
    jdayde = old_city.districts.get(slug="jdayde")
    document = post_document(
        client, document_form(source, a={"place_name": "Old City", "district": jdayde.pk})
    )
    assert document.claims.get().statement is None
    assert not RegionStatement.objects.exists()


def import_file(tmp_path, places: list[str]):
    path = tmp_path / "claims.csv"
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.DictWriter(out, fieldnames=CLAIM_COLUMNS)
        writer.writeheader()
        for n, place in enumerate(places):
            writer.writerow(
                {
                    "date": "2016-12-06",
                    "date_precision": "day",
                    "district_en": place,
                    "claimed_controller": "government",
                    "claim_type": "captured",
                    "source_org": "Syrian Army",
                    "source_stance": "government",
                    "citation": f"https://example.org/army/{n}",
                    "quote": f"The army entered {place}",
                    "notes": "",
                }
            )
    return path


def test_an_imported_row_naming_a_region_makes_one_statement_and_a_reimport_none(
    tmp_path, old_city
):
    importer = user_in_groups("importer", "analyst")
    path = import_file(tmp_path, ["Old City", "Jdayde", "Old City"])
    claims_import(path, recorded_by=importer)
    statements = list(RegionStatement.objects.order_by("pk"))
    assert len(statements) == 2  # one per row naming the region
    for statement in statements:
        assert statement.claims.count() == 3 and statement.region == old_city
        assert statement.created_by == importer
        assert len({c.document_id for c in statement.claims.all()}) == 1
    assert Claim.objects.get(place_name="Jdayde").statement is None
    claims_import(path, recorded_by=importer)
    assert RegionStatement.objects.count() == 2


def test_a_district_the_region_gained_joins_the_rows_statement_on_reimport(tmp_path, old_city):
    path = import_file(tmp_path, ["Old City"])
    claims_import(path)
    statement = RegionStatement.objects.get()
    ramadan = DistrictFactory(slug="ramadan", name_en="Ramadan")
    old_city.districts.add(ramadan)
    report = claims_import(path)
    assert report.claims_created == 1
    assert RegionStatement.objects.get() == statement
    assert statement.claims.get(district=ramadan).place_name == "Old City"
    assert statement.claims.count() == 4


def test_mapping_a_name_to_a_region_groups_each_claim_with_its_copies(old_city):
    first, second = (
        ClaimFactory(district=None, place_name="Madina quarter", effective_from=DAY + delta)
        for delta in (datetime.timedelta(0), datetime.timedelta(days=1))
    )
    mapper = user_in_groups("mapper", "analyst")
    mapped = place_name_map(name="Madina quarter", region=old_city, mapped_by=mapper)
    assert len(mapped) == 6
    for claim in (first, second):
        claim.refresh_from_db()
        statement = claim.statement
        assert statement is not None and statement.created_by == mapper
        days = {c.effective_from for c in statement.claims.all()}
        assert statement.claims.count() == 3 and days == {claim.effective_from}
    assert first.statement != second.statement


def grouping_run() -> None:
    """The data migration's grouping, run on the current tables with the migration's models."""
    name = "0018_region_statements_grouped"
    state = MigrationLoader(connection).project_state(("tracker", name))
    importlib.import_module(f"tracker.migrations.{name}").statements_group(state.apps, None)


def test_existing_region_claims_are_grouped_only_when_that_is_sure(old_city):
    document = DocumentFactory(source=SourceFactory(name="SANA", stance="government"))
    citadel, jdayde, bab_nasr = (
        old_city.districts.get(slug=s) for s in ("citadel", "jdayde", "bab-nasr")
    )
    same = {"document": document, "place_name": "Old City", "effective_from": DAY}
    entered = [ClaimFactory(district=d, **same) for d in (jdayde, bab_nasr)]
    twice = [ClaimFactory(district=citadel, **same, quote="said twice") for _ in range(2)]
    other_day = ClaimFactory(
        district=citadel, **{**same, "effective_from": DAY - datetime.timedelta(days=3)}
    )
    a_district = ClaimFactory(district=jdayde, document=document, place_name="Jdayde")
    grouping_run()
    statement = RegionStatement.objects.get(claims=entered[0])
    assert set(statement.claims.all()) == set(entered)
    assert [d.slug for d in statement.districts_left_out.all()] == ["citadel"]
    assert statement.history.count() == 1
    assert entered[0].history.first().history_change_reason.startswith("Grouped in region")
    # A district twice is not sure to be one statement, nor is a region's name on one claim
    # (an analyst may have picked its district by hand).
    for claim in (*twice, other_day, a_district):
        claim.refresh_from_db()
        assert claim.statement is None
    grouping_run()  # again: nothing more
    assert RegionStatement.objects.count() == 1


def test_the_claims_api_and_csv_carry_the_statement_id_last(tmp_path, old_city):
    claims_import(import_file(tmp_path, ["Old City", "Jdayde"]))
    statement = RegionStatement.objects.get()
    assert CLAIM_CSV_COLUMNS[-1] == "statement"
    response = Client().get("/api/v1/claims/?format=csv")
    rows = list(csv.DictReader(io.StringIO(response.getvalue().decode("utf-8"))))
    by_place = {}
    for row in rows:
        by_place.setdefault(row["place_name"], set()).add(row["statement"])
    assert by_place == {"Old City": {str(statement.pk)}, "Jdayde": {""}}
    listed = Client().get("/api/v1/claims/").json()["results"]
    assert {c["place_name"]: c["statement"] for c in listed} == {
        "Old City": statement.pk,
        "Jdayde": None,
    }
