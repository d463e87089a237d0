"""The files of a release beside the GeoPackage: the tables as CSV, `datapackage.json`
(Frictionless Data Package, tabular profile), `CITATION.cff` (Citation File Format 1.2.0)
and `SHA256SUMS`."""

from __future__ import annotations

import csv
import datetime
import hashlib
import json
from collections.abc import Callable, Iterable
from pathlib import Path

from django.conf import settings

from common.csvfile import cell_neutralise
from releases.geopackage import MEDIA_TYPE
from releases.tables import Table, cell_text

GEOPACKAGE_NAME = "record.gpkg"
PACKAGE_NAME = "territorial-control-record"
CSV_NOTE = (
    "UTF-8 CSV, comma-separated, a header row; an empty cell is a null. Text cells that start "
    "with =, +, -, @ (or their full-width forms) get a leading apostrophe, so that spreadsheets "
    "show them as text."
)


def csv_cell(value) -> str:
    """One CSV cell: text through `cell_neutralise` (formula-neutral), the rest as `cell_text`."""
    return cell_neutralise(value) if isinstance(value, str) else cell_text(value)


def table_csv_write(table: Table, path: Path, *, each: Callable[[dict], None] | None = None) -> int:
    """Write `table` as CSV to `path`; call `each` on every row written; return the row count."""
    names = [c.name for c in table.columns]
    count = 0
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(names)
        for row in table.rows():
            writer.writerow([csv_cell(row[n]) for n in names])
            if each is not None:
                each(row)
            count += 1
    return count


def file_sha256(path: Path) -> str:
    """Return the SHA-256 of a file, as 64 hex digits."""
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _fields(table: Table) -> list[dict]:
    fields = []
    for column in table.columns:
        field = {"name": column.name, "type": column.type, "description": column.description}
        if column.type == "datetime":
            field["format"] = "%Y-%m-%dT%H:%M:%SZ"
        fields.append(field)
    return fields


def datapackage(
    *, number: int, created: datetime.datetime, tables: Iterable[Table], folder: Path
) -> dict:
    """Return the Data Package descriptor of release `number`: one tabular resource per table
    (its CSV in `folder`, with a Table Schema of typed fields, its size and SHA-256) and the
    GeoPackage as a plain resource."""
    resources: list[dict] = []
    for table in tables:
        path = folder / f"{table.name}.csv"
        resources.append(
            {
                "name": table.name,
                "path": path.name,
                "profile": "tabular-data-resource",
                "title": table.title,
                "description": f"{table.description} {CSV_NOTE}",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "bytes": path.stat().st_size,
                "hash": f"sha256:{file_sha256(path)}",
                "schema": {
                    "fields": _fields(table),
                    "primaryKey": list(table.primary_key),
                    "missingValues": [""],
                },
            }
        )
    gpkg = folder / GEOPACKAGE_NAME
    resources.append(
        {
            "name": "record-geopackage",
            "path": gpkg.name,
            "title": "GeoPackage",
            "description": "Layers districts, periods (every lens; valid_to exclusive) and "
            "claims, on the districts' polygons (EPSG:4326), with Date fields.",
            "format": "gpkg",
            "mediatype": MEDIA_TYPE,
            "bytes": gpkg.stat().st_size,
            "hash": f"sha256:{file_sha256(gpkg)}",
        }
    )
    return {
        "profile": "tabular-data-package",
        "name": PACKAGE_NAME,
        "title": settings.TRACKER_DATASET_TITLE,
        "version": str(number),
        "created": created.astimezone(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "resources": resources,
    }


def _quoted(text: str) -> str:
    """A YAML double-quoted scalar (JSON's string syntax is one)."""
    return json.dumps(text, ensure_ascii=False)


def citation_cff(*, number: int, day: datetime.date) -> str:
    """Return CITATION.cff (CFF 1.2.0) for release `number` made on `day`: the dataset's title,
    authors, version, release date and, when TRACKER_REPOSITORY_URL is set, the repository."""
    lines = [
        'cff-version: "1.2.0"',
        'message: "If you use this dataset, please cite this release as below."',
        "type: dataset",
        f"title: {_quoted(settings.TRACKER_DATASET_TITLE)}",
        f'version: "{number}"',
        f'date-released: "{day.isoformat()}"',
        "authors:",
        f"  - name: {_quoted(settings.TRACKER_DATASET_AUTHORS)}",
    ]
    if settings.TRACKER_REPOSITORY_URL:
        lines.append(f"repository-code: {_quoted(settings.TRACKER_REPOSITORY_URL)}")
    return "\n".join(lines) + "\n"


def sha256sums(folder: Path, names: Iterable[str]) -> str:
    """Return SHA256SUMS for the files `names` in `folder`, in the format `sha256sum -c` reads."""
    return "".join(f"{file_sha256(folder / n)}  {n}\n" for n in sorted(names))
