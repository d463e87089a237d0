"""Read the CSV files that importers take: UTF-8 only, every record with its line number."""

import csv
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO


class ImportFileError(Exception):
    """A file cannot be imported; `errors` says why, one line per problem, and how to fix it."""

    def __init__(self, errors: list[str]):
        self.errors = errors
        super().__init__("\n".join(errors))


# Control characters a database or a reader should never receive (tab and line breaks are fine).
CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


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
