"""Input limits: one length rule per text field, read alike by the admin, the importers and the
API (tests/api/test_input_limits.py); request bodies refused before they are read; every CSV
cell a spreadsheet would run as a formula neutralised, by one function."""

import csv
import datetime
import io

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from common.csvfile import ImportFileError, cell_neutralise
from config.settings import base
from districts.name_import import regions_import
from quantitative.imports import (
    QUANTITATIVE_COLUMNS,
    QuantitativeImportError,
    quantitative_claims_import,
)
from quantitative.models import QuantitativeClaim
from tests.factories import DistrictFactory, DocumentFactory, RegionFactory, SourceFactory, actor
from tests.test_admin_roles import admin_url, staff_in
from tracker import services
from tracker.admin.workflow import IMPORT_DIR_NAME
from tracker.imports import ClaimImportError, claims_import
from tracker.models import Claim

pytestmark = pytest.mark.django_db
LONG = "x" * 10_000
CLAIM_HEADER = (
    "date,date_precision,district_en,claimed_controller,claim_type,source_org,source_stance,"
    "citation,quote,notes"
)
GOOD_ROW = (
    "2016-12-01,day,Hanano,government,captured,SANA,government,https://sana.example/1,"
    "Army units entered Hanano,"
)
RECORD_MODELS = [
    "tracker.Claim",
    "quantitative.QuantitativeClaim",
    "sources.Source",
    "sources.Document",
]


def row_counts() -> dict[str, int]:
    return {label: apps.get_model(label).objects.count() for label in RECORD_MODELS}


def claims_csv(*rows: str, header: str = CLAIM_HEADER) -> io.BytesIO:
    return io.BytesIO("\n".join([header, *rows, ""]).encode())


class Unreadable(io.RawIOBase):
    """A request body that fails the test if anything reads it."""

    def read(self, *args):
        raise AssertionError("the request body was read")

    readline = read


# ---- formulas in CSV cells ----------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "=1+1",
        "+1",
        "-1",
        "@SUM(A1)",
        " =1+1",
        "   @x",
        "\n=1",
        "\r\n+cmd",
        "\t@x",
        "\tplain",
        "\rplain",
        "＝1",
        "＋1",
        "－1",
        "＠x",
        "\u3000＝1",  # an ideographic space, then a full-width equals sign
        "\u00a0=1",  # a no-break space
        "﹦1",
    ],
)
def test_a_cell_a_spreadsheet_would_run_gets_a_leading_apostrophe(text):
    assert cell_neutralise(text) == "'" + text


@pytest.mark.parametrize(
    ("value", "cell"),
    [
        ("Hanano fell", "Hanano fell"),
        (" Hanano", " Hanano"),
        ("a=b", "a=b"),
        ("x-1", "x-1"),
        ("", ""),
        (None, ""),
        (False, "false"),
        (-3, "-3"),  # a number is a number, not text a spreadsheet would run
    ],
)
def test_other_cells_are_written_as_they_are(value, cell):
    assert cell_neutralise(value) == cell


def test_the_coverage_report_csv_passes_its_cells_through_the_same_function(capsys):
    call_command("coverage_report", "--csv", "--from", "2016-12-01", "--to", "2016-12-02")
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    assert rows[0][0] == "day" and len(rows) == 3
    assert all(not cell.lstrip().startswith(("=", "+", "-", "@")) for row in rows for cell in row)


# ---- length limits on the models: admin and services --------------------------------------


@pytest.fixture
def claim():
    return services.claim_record(
        document=DocumentFactory(source=SourceFactory(slug="sana", name="SANA")),
        district=DistrictFactory(slug="hanano", name_en="Hanano"),
        place_name="",
        status="held",
        actor=actor("government"),
        kind="captured",
        effective_from=datetime.date(2016, 12, 1),
    )


@pytest.mark.parametrize("field", ["note", "analyst_note", "quote"])
def test_the_record_service_refuses_a_text_over_its_fields_limit(claim, field):
    with pytest.raises(ValidationError) as raised:
        services.claim_update(claim=claim, **{field: LONG})
    assert field in raised.value.message_dict
    claim.refresh_from_db()
    assert getattr(claim, field) == ""


def _admin_change_data(claim: Claim, **changes) -> dict:
    return {
        "document": claim.document_id,
        "source": claim.source_id,
        "attribution": "",
        "place_name": claim.place_name,
        "district": claim.district_id,
        "status": "held",
        "actor": actor("government").pk,
        "kind": "captured",
        "effective_from": "2016-12-01",
        "effective_to": "2016-12-01",
        "date_precision": "day",
        "basis": "",
        "quote": "",
        "note": "",
        "analyst_note": "",
        "retracted_on": "",
        **changes,
    }


@pytest.mark.parametrize("field", ["note", "analyst_note"])
def test_the_admin_refuses_a_10000_character_note_and_changes_nothing(client, claim, field):
    client.force_login(staff_in("analyst"))
    url = admin_url(Claim, "change", claim.pk)
    response = client.post(url, _admin_change_data(claim, **{field: LONG}))
    assert response.status_code == 200  # the form again, with its error
    errors = response.context["adminform"].form.errors
    assert list(errors) == [field]
    assert "at most 2000 characters (it has 10000)" in errors[field][0]
    claim.refresh_from_db()
    assert getattr(claim, field) == ""


def test_analysts_edit_the_analyst_note_and_reviewers_read_it_in_the_admin(client, claim):
    client.force_login(staff_in("analyst"))
    url = admin_url(Claim, "change", claim.pk)
    data = _admin_change_data(claim, note="Public remark", analyst_note="Private remark")
    assert client.post(url, data).status_code == 302
    claim.refresh_from_db()
    assert (claim.note, claim.analyst_note) == ("Public remark", "Private remark")
    client.force_login(staff_in("reviewer"))
    page = client.get(url)
    assert "analyst_note" not in page.context["adminform"].form.fields  # read-only for them
    assert "Private remark" in page.content.decode()


def test_the_quantitative_admin_refuses_a_10000_character_note(client):
    client.force_login(staff_in("analyst"))
    document = DocumentFactory(source=SourceFactory(slug="sana", name="SANA"))
    data = {
        "document": document.pk,
        "source": document.source_id,
        "attribution": "",
        "actor": actor("government").pk,
        "region": RegionFactory().pk,
        "measure": "districts_taken",
        "value": "5",
        "bound": "exact",
        "date_from": "2016-12-01",
        "date_to": "2016-12-01",
        "quote": "",
        "note": LONG,
        "analyst_note": "",
        "retracted_on": "",
    }
    response = client.post(admin_url(QuantitativeClaim, "add"), data)
    assert response.status_code == 200
    assert list(response.context["adminform"].form.errors) == ["note"]
    assert QuantitativeClaim.objects.count() == 0


# ---- the importers read the same limits ---------------------------------------------------


def test_an_import_with_a_10000_character_note_changes_nothing_and_names_the_row():
    before = row_counts()
    with pytest.raises(ClaimImportError) as raised:
        claims_import(claims_csv(GOOD_ROW, GOOD_ROW.replace("/1,", "/2,") + LONG))
    assert raised.value.errors == [
        "line 3: notes has 10000 characters, more than the 2000 allowed; shorten it."
    ]
    assert row_counts() == before


def test_an_import_names_every_over_long_column_of_a_row():
    row = (
        f"2016-12-01,day,{'P' * 201},government,captured,{'S' * 301},government,"
        f"https://sana.example/{'c' * 1000},{'q' * 1001},"
    )
    with pytest.raises(ClaimImportError) as raised:
        claims_import(claims_csv(row))
    (error,) = raised.value.errors
    assert error.startswith("line 2: ")
    for column, length, limit in [
        ("district_en", 201, 200),
        ("source_org", 301, 300),
        ("quote", 1001, 1000),
        ("citation", 1021, 1000),
    ]:
        assert f"{column} has {length} characters, more than the {limit} allowed" in error


def test_a_source_name_too_long_for_a_source_is_refused_by_the_import():
    row = GOOD_ROW.replace("SANA", "S" * 250)  # an attribution fits 300, a source name 200
    with pytest.raises(ClaimImportError) as raised:
        claims_import(claims_csv(row))
    assert "line 2: source_org names a source of 250 characters" in raised.value.errors[0]
    assert Claim.objects.count() == 0


def test_the_optional_analyst_note_column_imports_the_private_note():
    header = CLAIM_HEADER + ",analyst_note"
    report = claims_import(claims_csv(GOOD_ROW + "Source note,Stringer: check", header=header))
    assert report.claims_created == 1
    claim = Claim.objects.get()
    assert (claim.note, claim.analyst_note) == ("Source note", "Stringer: check")
    with pytest.raises(ClaimImportError) as raised:
        claims_import(claims_csv(GOOD_ROW.replace("/1,", "/3,") + "," + LONG, header=header))
    assert raised.value.errors == [
        "line 2: analyst_note has 10000 characters, more than the 2000 allowed; shorten it."
    ]


def test_a_quantitative_import_with_a_10000_character_note_changes_nothing_and_names_the_row():
    RegionFactory(slug="east")
    before = row_counts()
    header = ",".join(QUANTITATIVE_COLUMNS)
    row = (
        "2016-12-11,2016-12-12,east,government,districts_taken,7,exact,TASS,government,"
        "https://example.org/tass/1,seven districts,"
    )
    with pytest.raises(QuantitativeImportError) as raised:
        quantitative_claims_import(claims_csv(row, row.replace("/1,", "/2,") + LONG, header=header))
    assert raised.value.errors == [
        "line 3: notes has 10000 characters, more than the 2000 allowed; shorten it."
    ]
    assert row_counts() == before


def test_a_region_table_with_an_over_long_note_is_refused_naming_the_line(tmp_path):
    DistrictFactory(slug="hanano")
    table = tmp_path / "regions.csv"
    table.write_text(
        f"slug,name_en,name_ar,districts,aliases,note\nnorth,North,,hanano,,{'n' * 5001}\n",
        encoding="utf-8",
    )
    with pytest.raises(ImportFileError) as raised:
        regions_import(table)
    assert raised.value.errors == [
        "line 2: note has 5001 characters, more than the 5000 allowed; shorten it."
    ]


# ---- request bodies -----------------------------------------------------------------------


def test_the_upload_limits_are_set_in_the_settings():
    assert base.DATA_UPLOAD_MAX_MEMORY_SIZE == 1024 * 1024
    assert base.FILE_UPLOAD_MAX_MEMORY_SIZE == 1024 * 1024
    assert base.DATA_UPLOAD_MAX_NUMBER_FIELDS == 1000
    assert base.TRACKER_UPLOAD_MAX_BYTES > base.TRACKER_IMPORT_MAX_BYTES
    assert base.MIDDLEWARE[0] == "config.middleware.RequestSizeMiddleware"


@pytest.fixture
def importer(client, settings, tmp_path):
    settings.VAR_DIR = tmp_path
    client.force_login(staff_in("analyst"))
    return client


def test_an_upload_over_the_limit_is_refused_before_it_is_read(importer, settings):
    response = importer.generic(
        "POST",
        reverse("admin:tracker_claim_import"),
        **{
            "CONTENT_TYPE": "multipart/form-data; boundary=b",
            "wsgi.input": Unreadable(),
            "CONTENT_LENGTH": str(settings.TRACKER_UPLOAD_MAX_BYTES + 1),
        },
    )
    assert response.status_code == 413
    assert "a CSV file may have at most 5.0 MB" in response.content.decode()
    assert Claim.objects.count() == 0


def test_a_large_csv_upload_is_a_413_and_imports_nothing(importer, settings, tmp_path):
    rows = [GOOD_ROW.replace("/1,", f"/{n},") for n in range(60_000)]
    data = claims_csv(*rows).getvalue()
    assert len(data) > settings.TRACKER_UPLOAD_MAX_BYTES
    before = row_counts()
    file = SimpleUploadedFile("big.csv", data, content_type="text/csv")
    response = importer.post(reverse("admin:tracker_claim_import"), {"file": file})
    assert response.status_code == 413
    assert row_counts() == before
    assert not list((tmp_path / IMPORT_DIR_NAME).glob("*.csv"))


def test_a_file_over_the_import_limit_is_refused_by_its_size(importer, settings, tmp_path):
    settings.TRACKER_IMPORT_MAX_BYTES = 1024
    data = claims_csv(*[GOOD_ROW.replace("/1,", f"/{n},") for n in range(30)]).getvalue()
    assert 1024 < len(data) < settings.TRACKER_UPLOAD_MAX_BYTES
    file = SimpleUploadedFile("claims.csv", data, content_type="text/csv")
    response = importer.post(reverse("admin:tracker_claim_import"), {"file": file})
    assert response.status_code == 200
    (error,) = response.context["form"].errors["file"]
    assert "split it into files of at most" in error and "Nothing was imported" in error
    assert Claim.objects.count() == 0
    assert not list((tmp_path / IMPORT_DIR_NAME).glob("*.csv"))


def test_the_admin_import_names_the_row_of_an_over_long_note(importer):
    file = SimpleUploadedFile(
        "claims.csv", claims_csv(GOOD_ROW + LONG).getvalue(), content_type="text/csv"
    )
    response = importer.post(reverse("admin:tracker_claim_import"), {"file": file})
    assert response.context["errors"] == [
        "line 2: notes has 10000 characters, more than the 2000 allowed; shorten it."
    ]
    assert Claim.objects.count() == 0
