"""Hostile CSV files end in a clean, complete report or a clean rejection; never a crash.

Rows are drawn from good values mixed with hostile ones: malformed dates, huge fields, HTML
and script, spreadsheet formulas, control characters, other encodings. The properties:
an import either writes every row or nothing; its errors name lines; and the claims CSV the
API exports never starts a cell with a character a spreadsheet would execute.
"""

import codecs
import csv
import io
import os

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sources.models import Document, Source
from tracker.imports import CLAIM_COLUMNS, ClaimImportError, claims_import
from tracker.models import Claim

pytestmark = pytest.mark.django_db
EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "120"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

HOSTILE_TEXT = st.one_of(
    st.text(max_size=40),
    st.sampled_from(
        [
            "<script>alert(1)</script>",
            '<img src=x onerror="alert(1)">',
            '=HYPERLINK("http://evil.example","x")',
            "+1+cmd|' /C calc'!A0",
            "-2+3",
            "@SUM(A1:A9)",
            "\x00\x01\x1b[31m",
            "\u202eevil",
            "x" * 5000,
            "Sheikh Sa’eed",
            "الشيخ سعيد",
        ]
    ),
)
DATE = st.one_of(
    st.dates().map(str),
    st.sampled_from(["2016-02-30", "2016-13-01", "07/12/2016", "", "yesterday", "2016-12-7"]),
)


def field(values, hostile=HOSTILE_TEXT):
    """Mostly good values, so that whole files also get through; sometimes hostile ones."""
    good = st.sampled_from(values)
    return st.one_of(good, good, good, hostile)


ROW = st.fixed_dictionaries(
    {
        "date": DATE,
        "date_precision": field(["day", "week", "month"]),
        "district_en": field(["Hanano", "Sakhour", "Old City", "Handarat camp", "صلاح الدين"]),
        "claimed_controller": field(["government", "rebels", "kurdish_ypg", "contested"]),
        "claim_type": field(["captured", "held", "contested", "lost"]),
        "source_org": field(["SOHR (via AFP)", "Syrian Army", "Rebel sources"]),
        "source_stance": field(["government", "opposition", "independent", "kurdish"]),
        "citation": field(["https://example.org/a", "http://example.org/b?x=1", "AFP wire"]),
        "quote": HOSTILE_TEXT,
        "notes": HOSTILE_TEXT,
    }
)


def csv_bytes(rows, encoding="utf-8") -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CLAIM_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode(encoding, errors="replace")


def counts():
    return Claim.objects.count(), Document.objects.count(), Source.objects.count()


def import_or_reject(data: bytes):
    before = counts()
    try:
        report = claims_import(io.BytesIO(data))
    except ClaimImportError as exc:
        assert exc.errors and all(isinstance(e, str) and e for e in exc.errors)
        assert counts() == before, "a rejected file wrote something"
        return None
    return report


@FUZZ
@given(rows=st.lists(ROW, min_size=1, max_size=6))
def test_hostile_rows_are_imported_whole_or_rejected_naming_lines(rows):
    with transaction.atomic():
        report = import_or_reject(csv_bytes(rows))
        if report is None:
            transaction.set_rollback(True)
            return
        assert report.rows == len(rows)
        assert report.claims_created + report.claims_present >= len(rows)
        transaction.set_rollback(True)


@FUZZ
@given(data=st.binary(max_size=400))
def test_random_bytes_are_rejected_or_read_never_crash(data):
    with transaction.atomic():
        import_or_reject(data)
        transaction.set_rollback(True)


def test_markup_and_formulas_in_text_are_stored_verbatim_as_evidence():
    hostile = '<script>alert(1)</script> =HYPERLINK("http://evil.example")'
    row = {c: "" for c in CLAIM_COLUMNS} | {
        "date": "2016-12-01",
        "date_precision": "day",
        "district_en": "<b>Hanano</b>",
        "claimed_controller": "government",
        "claim_type": "captured",
        "source_org": "SOHR",
        "source_stance": "independent",
        "citation": "https://example.org/verbatim",
        "quote": hostile,
        "notes": hostile,
    }
    claims_import(io.BytesIO(csv_bytes([row])))
    claim = Claim.objects.get()
    assert (claim.quote, claim.note, claim.place_name) == (hostile, hostile, "<b>Hanano</b>")


def test_a_control_character_in_a_cell_rejects_the_file_naming_line_and_column():
    row = {c: "" for c in CLAIM_COLUMNS} | {
        "date": "2016-12-01",
        "date_precision": "day",
        "district_en": "Hanano",
        "claimed_controller": "government",
        "claim_type": "captured",
        "source_org": "SOHR",
        "source_stance": "independent",
        "citation": "https://example.org/nul",
        "quote": "before\x00after",
    }
    with pytest.raises(ClaimImportError) as raised:
        claims_import(io.BytesIO(csv_bytes([row])))
    [error] = raised.value.errors
    assert error.startswith("line 2:") and "quote contain(s) a control character" in error
    assert not Claim.objects.exists()


@pytest.mark.parametrize("encoding", ["utf-16", "latin-1", "cp1256"])
def test_a_file_in_another_encoding_is_rejected_saying_so(encoding):
    row = {c: "" for c in CLAIM_COLUMNS} | {
        "date": "2016-12-01",
        "date_precision": "day",
        "district_en": "Hanano é ح",
        "claimed_controller": "government",
        "claim_type": "captured",
        "source_org": "SOHR",
        "source_stance": "independent",
        "citation": "https://example.org/enc",
    }
    data = csv_bytes([row], encoding=encoding)
    before = counts()
    with pytest.raises(ClaimImportError) as raised:
        claims_import(io.BytesIO(data))
    assert "UTF-8" in " ".join(raised.value.errors)
    assert counts() == before


def test_a_byte_order_mark_is_accepted():
    row = {c: "" for c in CLAIM_COLUMNS} | {
        "date": "2016-12-01",
        "date_precision": "day",
        "district_en": "Hanano",
        "claimed_controller": "government",
        "claim_type": "captured",
        "source_org": "SOHR",
        "source_stance": "independent",
        "citation": "https://example.org/bom",
    }
    report = claims_import(io.BytesIO(codecs.BOM_UTF8 + csv_bytes([row])))
    assert report.claims_created == 1


@FUZZ
@given(texts=st.lists(HOSTILE_TEXT, min_size=1, max_size=4))
def test_exported_csv_never_starts_a_cell_with_a_formula(client, texts):
    rows = [
        {
            "date": "2016-12-01",
            "date_precision": "day",
            "district_en": text[:150] or "Hanano",
            "claimed_controller": "government",
            "claim_type": "captured",
            "source_org": "SOHR",
            "source_stance": "independent",
            "citation": f"https://example.org/{n}",
            "quote": text[:1000],
            "notes": text,
        }
        for n, text in enumerate(texts)
    ]
    with transaction.atomic():
        if import_or_reject(csv_bytes(rows)) is not None:
            response = client.get("/api/v1/claims/?format=csv&page_size=1000")
            assert response.status_code == 200
            for record in csv.reader(io.StringIO(response.getvalue().decode())):
                for cell in record:
                    assert not cell.startswith(("=", "+", "-", "@")), cell
        transaction.set_rollback(True)
