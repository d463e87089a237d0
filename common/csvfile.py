"""Read the CSV files that importers take: UTF-8 only, every record with its line number; and
the checks both claim importers make of a row (dates, addresses, who said it, fingerprints)."""

import csv
import datetime
import functools
import hashlib
import io
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO, ClassVar

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models


class ImportFileError(Exception):
    """A file cannot be imported; `errors` says why, one line per problem, and how to fix it."""

    def __init__(self, errors: list[str]):
        self.errors = errors
        super().__init__("\n".join(errors))


# Control characters a database or a reader should never receive (tab and line breaks are fine).
CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


# What a spreadsheet reads as the start of a formula (CSV injection): =, +, -, @ and their
# full-width (U+FF1D, U+FF0B, U+FF0D, U+FF20) and small (U+FE62, U+FE63, U+FE66, U+FE6B)
# forms, which some spreadsheets fold to the ASCII ones; the same after leading whitespace or
# line breaks, which spreadsheets skip; and a leading tab or carriage return on its own.
FORMULA_CHARACTERS = "=+-@\uff1d\uff0b\uff0d\uff20\ufe62\ufe63\ufe66\ufe6b"
FORMULA_START = re.compile(f"[\\t\\r]|\\s*[{re.escape(FORMULA_CHARACTERS)}]")


def cell_neutralise(value) -> str:
    """Render one value as a CSV cell that a spreadsheet shows as text and never runs.

    None is the empty cell and booleans are `true`/`false`. Text that starts with a formula
    character (`FORMULA_CHARACTERS`), possibly after spaces, tabs or line breaks, or that starts
    with a tab or carriage return, gets a leading apostrophe, which spreadsheets hide and read
    as "this is text". Every CSV the project writes passes its cells through here.
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    text = str(value)
    if isinstance(value, str) and FORMULA_START.match(text):
        return "'" + text
    return text


def field_max_length(model: type[models.Model], name: str) -> int:
    """Return the most characters `model`'s field `name` stores; raise if it sets no limit."""
    limit = getattr(model._meta.get_field(name), "max_length", None)
    if limit is None:
        raise TypeError(f"{model.__name__}.{name} sets no max_length; name a field that does")
    return limit


def values_check(model: type[models.Model], values: Mapping[str, tuple[str, str]]) -> list[str]:
    """Check imported text against the rules of the model fields it will be stored in.

    `values` maps a CSV column to (field name of `model`, value). Run the field's validators
    (its maximum length above all: the admin and the API read the same rule) on every
    non-empty value and return one problem per failing column, naming the column.
    """
    problems = []
    for column, (name, value) in values.items():
        if not value:
            continue
        field = model._meta.get_field(name)
        if not isinstance(field, models.Field):
            raise TypeError(f"{model.__name__}.{name} is not a column; name a concrete field")
        limit = getattr(field, "max_length", None)
        if limit is not None and len(value) > limit:
            problems.append(
                f"{column} has {len(value)} characters, more than the {limit} allowed; shorten it"
            )
            continue
        try:
            field.run_validators(value)
        except ValidationError as exc:
            problems.append(f"{column}: {' '.join(exc.messages)}")
    return problems


@dataclass(frozen=True)
class CsvRecord:
    """One data row. `line` is where it starts in the file (the header is line 1)."""

    line: int
    values: dict[str, str]
    problem: str = ""


def _text_read(file: Path | str | BinaryIO) -> tuple[str, str]:
    if isinstance(file, Path | str):
        name = str(file)
        try:
            data = Path(file).read_bytes()
        except OSError as exc:
            raise ImportFileError([f"{name}: cannot be read ({exc.strerror})."]) from exc
    else:
        name = getattr(file, "name", "the file")
        data = file.read()
    try:
        return name, data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ImportFileError(
            [
                f"{name}: not UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}). "
                "Save the file as UTF-8 (with or without BOM) and run again."
            ]
        ) from exc


def csv_records(file: Path | str | BinaryIO, *, required: Sequence[str]) -> list[CsvRecord]:
    """Return the data rows of a UTF-8 CSV file whose header names every `required` column.

    Strip the values, skip blank lines, and keep a malformed row (more or fewer fields than the
    header) as a record whose `problem` says so, so that callers can report every bad row at once.
    Raise `ImportFileError` if the file is unreadable, not UTF-8, empty or lacks a column.
    """
    name, text = _text_read(file)
    reader = csv.reader(io.StringIO(text, newline=""))
    header = [column.strip() for column in next(reader, [])]
    if not any(header):
        raise ImportFileError([f"{name}: empty file; the first line must name the columns."])
    missing = [column for column in required if column not in header]
    if missing:
        raise ImportFileError(
            [
                f"{name}: missing column(s) {', '.join(missing)}. The header (line 1) must name "
                f"these columns: {', '.join(required)}."
            ]
        )
    records = []
    line = reader.line_num + 1
    try:
        for fields in reader:
            if any(field.strip() for field in fields):
                values = dict.fromkeys(header, "")
                values.update(zip(header, (field.strip() for field in fields), strict=False))
                problem = ""
                if len(fields) != len(header):
                    problem = (
                        f"has {len(fields)} fields but the header has {len(header)}; "
                        "put double quotes around values that contain commas"
                    )
                dirty = [c for c, v in values.items() if CONTROL_CHARACTERS.search(v)]
                if dirty:
                    problem = "; ".join(
                        p
                        for p in (
                            problem,
                            f"{', '.join(dirty)} contain(s) a control character (such as NUL); "
                            "remove it",
                        )
                        if p
                    )
                records.append(CsvRecord(line=line, values=values, problem=problem))
            line = reader.line_num + 1
    except csv.Error as exc:
        raise ImportFileError([f"{name}, line {line}: unreadable CSV ({exc})."]) from exc
    return records


# ---- checks the claim importers share (tracker.imports, quantitative.imports) -------------

DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
URL = re.compile(r"https?://\S+")
FINGERPRINT_CHARS = 32


def first_url(citation: str) -> str | None:
    """Return the first http(s) address in `citation`, without the punctuation that ends a
    sentence or an unbalanced closing parenthesis around it; None when there is none."""
    match = URL.search(citation)
    if not match:
        return None
    url = match.group().rstrip(".,;:")
    while url.endswith(")") and url.count(")") > url.count("("):
        url = url[:-1]
    return url


@functools.lru_cache(maxsize=65_536)  # a file cites each address in many rows
def url_valid(url: str, *, max_length: int) -> bool:
    """Say whether `url` is an http(s) address that fits in `max_length` characters."""
    if len(url) > max_length:
        return False
    try:
        URLValidator(schemes=["http", "https"])(url)
    except ValidationError:
        return False
    return True


def day_parse(value: str, *, latest: datetime.date) -> tuple[datetime.date | None, str]:
    """Read a day written YYYY-MM-DD, no later than `latest`: (the day, "") or (None, why not).
    The problem names the column `date`; callers rename it for theirs."""
    if not value:
        return None, "date is empty; write the day the claim refers to as YYYY-MM-DD"
    if not DAY.fullmatch(value):
        return None, f"date {value!r} is not written YYYY-MM-DD (e.g. 2016-12-07)"
    try:
        day = datetime.date.fromisoformat(value)
    except ValueError:
        return None, f"date {value!r} is not a day of the calendar; check the month and day"
    if day > latest:
        return None, (
            f"date {value} is in the future; a claim is about a day on or before "
            f"{latest.isoformat()}: check the year"
        )
    return day, ""


def row_fingerprint(values: Mapping[str, str], columns: Sequence[str]) -> str:
    """Hash a row's `columns` (the required ones: an optional column never changes a row's
    identity), so that re-importing a file finds the rows already on record."""
    content = "\x1f".join(values[column] for column in columns)
    return hashlib.sha256(content.encode()).hexdigest()[:FINGERPRINT_CHARS]


def source_columns_check(
    values: Mapping[str, str], *, stances: Sequence[str], url_max: int
) -> tuple[str | None, list[str]]:
    """Check who made a claim and where it was read: `source_org` is given, `source_stance`
    is one of `stances`, `citation` is given and its first address (returned) is valid."""
    problems = []
    if not values["source_org"]:
        problems.append("source_org is empty; name who made the claim, e.g. 'SOHR (via AFP)'")
    stance = values["source_stance"]
    if stance not in stances:
        problems.append(f"source_stance {stance!r} is not one of {', '.join(stances)}")
    citation = values["citation"]
    url = first_url(citation)
    if not citation:
        problems.append("citation is empty; give the address or title of what you read")
    elif url and not url_valid(url, max_length=url_max):
        problems.append(f"the address {url[:80]!r} in citation is not a valid URL; fix it")
    return url, problems


def rows_read(
    file: Path | str | BinaryIO,
    *,
    required: Sequence[str],
    check: Callable[[CsvRecord], tuple[Any, list[str]]],
    error: type[ImportFileError],
    nothing: str,
) -> list:
    """Read a file's records and `check` each into a row; all or nothing.

    Raise `error` (an `ImportFileError`) with every bad row's problems when any row is bad,
    with `nothing` when the file has a header but no rows, or with the file's problem.
    """
    try:
        records = csv_records(file, required=required)
    except ImportFileError as exc:
        raise error(exc.errors) from exc
    rows, errors = [], []
    for record in records:
        row, row_errors = check(record)
        errors.extend(row_errors)
        if row is not None:
            rows.append(row)
    if errors:
        raise error(errors)
    if not records:
        raise error([nothing])
    return rows


@dataclass
class ImportReport:
    """What an import of claims did (or would do, in a dry run); `NOUN` names what it imports
    and `details` adds the importer's own lines before the warnings."""

    NOUN: ClassVar[str] = "Claims"
    rows: int = 0
    dry_run: bool = False
    claims_created: int = 0
    claims_present: int = 0
    documents_created: int = 0
    sources_created: int = 0
    warnings: list[str] = field(default_factory=list)

    def details(self) -> list[str]:
        return []

    def summary(self) -> list[str]:
        """Say, line by line, what the import did (or would do, in a dry run)."""
        verb = "would be created" if self.dry_run else "created"
        lines = [
            f"Rows: {self.rows}. {self.NOUN}: {self.claims_created} {verb}, "
            f"{self.claims_present} already present.",
            f"Documents: {self.documents_created} {verb}. Sources: {self.sources_created} {verb}.",
            *self.details(),
            *self.warnings,
        ]
        if self.dry_run:
            lines.append("Dry run: nothing was written.")
        return lines
