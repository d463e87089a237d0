"""quantitative-claims/?format=csv: every matching number in one file, read with pandas, equal
to the JSON of the same request, without the private note, formulas neutralised."""

import io

import pandas as pd
import pytest

from quantitative.api.views import QUANTITATIVE_CSV_COLUMNS
from tests.api.conftest import client_as
from tests.quantitative.test_quantitative_api import LIST, numbers  # noqa: F401  a fixture

pytestmark = pytest.mark.django_db


def _frame(response) -> pd.DataFrame:
    assert response.status_code == 200, response.content
    assert response["Content-Type"].startswith("text/csv")
    body = b"".join(response.streaming_content)
    return pd.read_csv(
        io.BytesIO(body),
        parse_dates=["date_from", "date_to", "day", "baseline", "retracted_on"],
        date_format="%Y-%m-%d",
        keep_default_na=False,
        na_values=[""],
    )


def _nulls(frame: pd.DataFrame) -> pd.DataFrame:
    """The frame with every missing value as None, to compare values whatever the dtypes."""
    return frame.astype(object).where(frame.notna(), None)


def test_the_csv_holds_every_match_unpaginated_as_in_the_json(anon, numbers):  # noqa: F811
    frame = _frame(anon.get(f"{LIST}?region=east&format=csv&page_size=1"))
    rows = anon.get(f"{LIST}?region=east&page_size=1000").json()["results"]
    assert list(frame.columns) == QUANTITATIVE_CSV_COLUMNS
    assert list(frame["id"]) == [row["id"] for row in rows] and len(rows) == 4
    expected = pd.DataFrame(rows)[QUANTITATIVE_CSV_COLUMNS]
    for column in ("date_from", "date_to", "day", "baseline", "retracted_on"):
        assert pd.api.types.is_datetime64_any_dtype(frame[column]), column
        expected[column] = pd.to_datetime(expected[column])
    for column in ("value", "mapped", "ratio", "coverage"):
        assert pd.api.types.is_float_dtype(frame[column]), column
    # pandas reads true/false as booleans; CSV has one empty value for null and empty text.
    pd.testing.assert_frame_equal(
        _nulls(frame.drop(columns=["quote"])),
        _nulls(expected.drop(columns=["quote"]).replace({"": None})),
        check_dtype=False,
    )
    assert list(frame["quote"].fillna("")) == [row["quote"] for row in rows]


def test_the_csv_never_carries_the_private_note_and_neutralises_formulas(users, numbers):  # noqa: F811
    claim = numbers["army_three"]
    claim.analyst_note = "private: do not publish"
    claim.quote = '=HYPERLINK("http://evil.example")'
    claim.save()
    frame = _frame(client_as(users["analyst"]).get(f"{LIST}?format=csv"))
    assert "analyst_note" not in frame.columns
    assert "private" not in frame.to_csv()
    quote = frame.set_index("id").loc[claim.pk, "quote"]
    assert quote == '\'=HYPERLINK("http://evil.example")'


def test_the_schema_declares_the_csv(anon):
    operation = anon.get("/api/schema/?format=json").json()["paths"][LIST]["get"]
    [fmt] = [p for p in operation["parameters"] if p["name"] == "format"]
    assert fmt["schema"]["enum"] == ["json", "csv"]
    assert ", ".join(QUANTITATIVE_CSV_COLUMNS) in fmt["description"]
    assert "text/csv" in operation["responses"]["200"]["content"]
