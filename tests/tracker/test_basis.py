"""A claim's basis through the CSV importer: an optional column, old files import unchanged."""

import hashlib

import pytest

from districts.names import name_key
from tests.factories import AliasFactory, DistrictFactory
from tracker.imports import CLAIM_COLUMNS, ClaimImportError, claims_import
from tracker.models import Claim

pytestmark = pytest.mark.django_db

HEADER = ",".join(CLAIM_COLUMNS)
ROW = (
    "2016-12-06,day,Hanano,government,captured,Syrian Army,government,"
    "https://example.org/army/1,The army took Hanano,"
)
OTHER = (
    "2016-12-07,day,Hanano,rebels,held,Rebel media,opposition,"
    "https://example.org/rebels/1,We still hold Hanano,"
)


@pytest.fixture
def hanano():
    district = DistrictFactory(slug="hanano", name_en="Hanano")
    AliasFactory(name="Hanano", key=name_key("Hanano"), district=district)
    return district


def write(tmp_path, header, *rows, name="claims.csv"):
    path = tmp_path / name
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    return path


def test_a_file_without_the_basis_column_imports_with_basis_unstated(tmp_path, hanano):
    report = claims_import(write(tmp_path, HEADER, ROW))
    assert report.claims_created == 1
    claim = Claim.objects.get()
    assert claim.basis == "" and claim.district == hanano


def test_a_row_without_basis_keeps_the_fingerprint_it_had_before_the_column(tmp_path, hanano):
    values = ROW.split(",")
    before = hashlib.sha256("\x1f".join(values).encode()).hexdigest()[:32]
    claims_import(write(tmp_path, HEADER + ",basis", ROW + ","))
    assert Claim.objects.get().import_key == before


def test_the_basis_column_sets_each_rows_basis(tmp_path, hanano):
    path = write(tmp_path, HEADER + ",basis", ROW + ",statement", OTHER + ",assessment")
    assert claims_import(path).claims_created == 2
    assert dict(Claim.objects.values_list("actor__slug", "basis")) == {
        "government": "statement",
        "rebels": "assessment",
    }


def test_the_column_may_stand_anywhere_in_the_header(tmp_path, hanano):
    header = "basis," + HEADER
    claims_import(write(tmp_path, header, "evidence," + ROW, "," + OTHER))
    assert sorted(Claim.objects.values_list("basis", flat=True)) == ["", "evidence"]


def test_an_unknown_basis_rejects_the_whole_file_naming_its_line(tmp_path, hanano):
    path = write(tmp_path, HEADER + ",basis", ROW + ",report", OTHER + ",rumour")
    with pytest.raises(ClaimImportError) as failure:
        claims_import(path)
    assert len(failure.value.errors) == 1
    error = failure.value.errors[0]
    assert error.startswith("line 3:")
    assert "basis 'rumour'" in error and "statement, report, assessment, evidence" in error
    assert Claim.objects.count() == 0  # the good first row is not written either


def test_a_file_that_gains_a_basis_column_adds_nothing_on_reimport_and_warns(tmp_path, hanano):
    claims_import(write(tmp_path, HEADER, ROW, OTHER, name="old.csv"))
    enriched = write(tmp_path, HEADER + ",basis", ROW + ",statement", OTHER + ",", name="new.csv")
    report = claims_import(enriched)
    assert (report.claims_created, report.claims_present) == (0, 2)
    assert Claim.objects.count() == 2
    assert set(Claim.objects.values_list("basis", flat=True)) == {""}
    assert [w for w in report.warnings if "basis" in w] == [
        "line 2: basis is 'statement' but the claim on record from this row has 'none'; "
        "re-importing does not change it: edit the claim in the admin."
    ]
