"""CSV output safe to open in a spreadsheet, streamed or rendered; and GeoJSON's media type."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator, Sequence

from django.http import StreamingHttpResponse
from rest_framework.renderers import BaseRenderer, JSONRenderer

from common.csvfile import cell_neutralise

__all__ = ["CSVRenderer", "GeoJSONRenderer", "cell_neutralise", "csv_response"]


def csv_lines(
    rows: Iterable[dict], columns: Sequence[str], *, rows_per_chunk: int = 500
) -> Iterator[bytes]:
    """Yield the CSV (UTF-8) of `rows` under a header of `columns`: the header, then the rows
    `rows_per_chunk` at a time, every cell through `cell_neutralise`. Only one chunk is held
    at once, so a file of any length streams in bounded memory."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(columns)
    pending = 0
    for row in rows:
        writer.writerow([cell_neutralise(row.get(column)) for column in columns])
        pending += 1
        if pending >= rows_per_chunk:
            yield out.getvalue().encode("utf-8")
            out.seek(0)
            out.truncate()
            pending = 0
    yield out.getvalue().encode("utf-8")


class CSVRenderer(BaseRenderer):
    """Render a list of flat dicts as CSV with the view's `csv_columns`, in order."""

    media_type = "text/csv"
    format = "csv"
    charset = "utf-8"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        view = (renderer_context or {}).get("view")
        rows = data if isinstance(data, list) else [data]
        columns = list(getattr(view, "csv_columns", None) or (rows[0].keys() if rows else []))
        return b"".join(csv_lines(rows, columns))


def csv_response(
    rows: Iterable[dict], columns: Sequence[str], *, filename: str, rows_per_chunk: int = 500
) -> StreamingHttpResponse:
    """Stream `rows` as a CSV attachment named `filename`, written `rows_per_chunk` at a time."""
    response = StreamingHttpResponse(
        csv_lines(rows, columns, rows_per_chunk=rows_per_chunk),
        content_type=f"{CSVRenderer.media_type}; charset={CSVRenderer.charset}",
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


class GeoJSONRenderer(JSONRenderer):
    """JSON served as `application/geo+json` (RFC 7946), asked for with `?format=geojson`."""

    media_type = "application/geo+json"
    format = "geojson"
