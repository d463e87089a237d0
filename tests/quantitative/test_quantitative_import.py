"""import_quantitative_claims and load_demo: the shipped file imports, once; a bad file is
rejected whole, naming every bad row by its line."""

import csv
import io

import pytest
from django.core.management import CommandError, call_command

from districts.name_import import regions_import
from districts.polygon_import import districts_import
from quantitative.demo import DEMO_QUANTITATIVE
from quantitative.imports import (
    QUANTITATIVE_COLUMNS,
    QuantitativeImportError,
    quantitative_claims_import,
)
from quantitative.models import QuantitativeClaim
from sources.models import Document, Source
from tests.factories import RegionFactory, SourceFactory
from tracker.demo import DEMO_DISTRICTS, DEMO_REGIONS

pytestmark = pytest.mark.django_db

HEADER = ",".join(QUANTITATIVE_COLUMNS) + "\n"
GOOD = (
    "2016-12-11,2016-12-12,east,government,districts_taken,7,exact,"
    "Russian Defense Ministry (via TASS),government,https://example.org/tass/1,"
    "seven districts in a day,window = the previous day\n"
)


def csv_file(*rows: str) -> io.BytesIO:
    return io.BytesIO((HEADER + "".join(rows)).encode())


@pytest.fixture
def east():
    return RegionFactory(slug="east", name_en="East")


def test_a_good_row_becomes_a_pending_claim_with_its_source_and_document(east):
    report = quantitative_claims_import(csv_file(GOOD))
    claim = QuantitativeClaim.objects.get()
    assert (report.claims_created, report.sources_created, report.documents_created) == (1, 1, 1)
    assert (claim.region, claim.actor.slug, claim.measure, claim.value) == (
        east,
        "government",
        "districts_taken",
        7,
    )
    assert str(claim.date_from) == "2016-12-11" and str(claim.date_to) == "2016-12-12"
    assert claim.source.name == "Russian Defense Ministry"
    assert claim.attribution == "Russian Defense Ministry (via TASS)"
    assert claim.document.url == "https://example.org/tass/1"
    assert claim.document.outlet == "TASS"
    assert claim.review_status == "pending" and claim.note == "window = the previous day"
    assert claim.history.count() == 1


def test_reimporting_the_same_file_adds_nothing(east):
    quantitative_claims_import(csv_file(GOOD))
    again = quantitative_claims_import(csv_file(GOOD))
    assert (again.claims_created, again.claims_present) == (0, 1)
    assert QuantitativeClaim.objects.count() == 1


def test_a_known_source_keeps_its_stance_and_the_row_is_warned_about(east):
    SourceFactory(
        slug="russian-defense-ministry", name="Russian Defense Ministry", stance="government"
    )
    row = GOOD.replace(",government,https", ",independent,https")
    report = quantitative_claims_import(csv_file(row))
    assert report.claims_created == 1 and "line 2" in report.warnings[0]
    assert Source.objects.get(slug="russian-defense-ministry").stance == "government"


def test_a_document_already_on_record_is_reused(east):
    existing = Document.objects.create(citation="x", url="https://example.org/tass/1")
    report = quantitative_claims_import(csv_file(GOOD))
    assert report.documents_created == 0 and QuantitativeClaim.objects.get().document == existing


BAD_ROWS = [
    # (what is wrong, the row, words the error must contain)
    ("malformed day", GOOD.replace("2016-12-11,", "11/12/2016,"), "date_from '11/12/2016'"),
    ("window reversed", GOOD.replace("2016-12-11,2016-12-12", "2016-12-12,2016-12-11"), "swap"),
    ("unknown region", GOOD.replace(",east,", ",west,"), "scope 'west' is not a region slug"),
    ("unknown actor", GOOD.replace(",government,districts", ",army,districts"), "actor 'army'"),
    ("unknown measure", GOOD.replace("districts_taken", "districts_lost"), "measure"),
    ("unknown bound", GOOD.replace(",exact,", ",roughly,"), "bound 'roughly'"),
    ("not a number", GOOD.replace(",7,", ",seven,"), "value 'seven' is not a number"),
    ("negative", GOOD.replace(",7,", ",-7,"), "zero or more"),
    ("not finite", GOOD.replace(",7,", ",nan,"), "zero or more"),
    ("a fraction of a district", GOOD.replace(",7,", ",7.5,"), "whole number"),
    (
        "a share above 100",
        GOOD.replace("districts_taken,7", "share_held,120"),
        "above 100 percent",
    ),
    ("no source", GOOD.replace("Russian Defense Ministry (via TASS)", ""), "source_org is empty"),
    ("unknown stance", GOOD.replace(",government,https", ",neutral,https"), "source_stance"),
    ("bad address", GOOD.replace("https://example.org/tass/1", "https://exa mple"), "valid URL"),
    ("no citation", GOOD.replace("https://example.org/tass/1", ""), "citation is empty"),
    ("too many fields", GOOD.replace("seven districts", "seven, districts"), "has 13 fields"),
]


@pytest.mark.parametrize(
    "row, words", [(r, w) for _, r, w in BAD_ROWS], ids=[b[0] for b in BAD_ROWS]
)
def test_a_bad_row_rejects_the_whole_file_naming_its_line(east, row, words):
    with pytest.raises(QuantitativeImportError) as raised:
        quantitative_claims_import(csv_file(GOOD.replace("7,exact", "8,exact"), row))
    assert len(raised.value.errors) == 1
    assert raised.value.errors[0].startswith("line 3:") and words in raised.value.errors[0]
    assert not QuantitativeClaim.objects.exists() and not Source.objects.exists()


def test_every_bad_row_is_listed(east):
    rows = [GOOD.replace(",7,", ",x,"), GOOD, GOOD.replace(",east,", ",west,")]
    with pytest.raises(QuantitativeImportError) as raised:
        quantitative_claims_import(csv_file(*rows))
    assert [e.split(":")[0] for e in raised.value.errors] == ["line 2", "line 4"]


def test_a_file_without_a_column_is_rejected_before_any_row(east):
    with pytest.raises(QuantitativeImportError) as raised:
        quantitative_claims_import(io.BytesIO(b"date_from,date_to\n2016-12-01,2016-12-01\n"))
    assert "missing column(s)" in raised.value.errors[0]


def test_a_dry_run_reports_and_writes_nothing(east):
    report = quantitative_claims_import(csv_file(GOOD), dry_run=True)
    assert report.claims_created == 1 and "Dry run" in report.summary()[-1]
    assert not QuantitativeClaim.objects.exists()


def test_the_command_names_the_bad_lines_and_writes_nothing(east, tmp_path):
    path = tmp_path / "numbers.csv"
    path.write_text(HEADER + GOOD + GOOD.replace(",east,", ",west,"), encoding="utf-8")
    with pytest.raises(CommandError, match="line 3: scope 'west'"):
        call_command("import_quantitative_claims", str(path), stdout=io.StringIO())
    assert not QuantitativeClaim.objects.exists()


def demo_rows() -> int:
    with DEMO_QUANTITATIVE.open(encoding="utf-8", newline="") as f:
        return len(list(csv.DictReader(f)))


def test_the_demo_file_imports_through_the_command_once():
    rows = demo_rows()
    districts_import(DEMO_DISTRICTS)
    regions_import(DEMO_REGIONS)
    out = io.StringIO()
    call_command("import_quantitative_claims", str(DEMO_QUANTITATIVE), stdout=out)
    assert f"{rows} created" in out.getvalue()
    out = io.StringIO()
    call_command("import_quantitative_claims", str(DEMO_QUANTITATIVE), stdout=out)
    assert f"0 created, {rows} already present" in out.getvalue()
    assert QuantitativeClaim.objects.count() == rows


# That load_demo loads the quantitative claims too, and that a second run adds nothing, is
# checked with the rest of the demo in tests/tracker/test_import_claims.py (one load of the demo
# for both: it takes about 15 s on SpatiaLite).
