"""CSV output of claims, safe to open in a spreadsheet."""

from __future__ import annotations

import csv
import io

from rest_framework.renderers import BaseRenderer

# A cell starting with one of these is read as a formula by spreadsheet programs (CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def cell_neutralise(value) -> str:
    """Render one value as text; prefix a quote to text a spreadsheet would run as a formula."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    text = str(value)
    if isinstance(value, str) and text.startswith(FORMULA_STARTS):
        return "'" + text
    return text


class CSVRenderer(BaseRenderer):
    """Render a list of flat dicts as CSV with the view's `csv_columns`, in order."""

    media_type = "text/csv"
    format = "csv"
    charset = "utf-8"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        view = (renderer_context or {}).get("view")
        rows = data if isinstance(data, list) else [data]
        columns = list(getattr(view, "csv_columns", None) or (rows[0].keys() if rows else []))
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(columns)
        for row in rows:
            writer.writerow([cell_neutralise(row.get(column)) for column in columns])
        return out.getvalue().encode(self.charset)
