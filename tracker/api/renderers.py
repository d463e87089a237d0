"""CSV output of claims, safe to open in a spreadsheet."""

from __future__ import annotations

import csv
import io

from rest_framework.renderers import BaseRenderer

from tracker.csvfile import cell_neutralise

__all__ = ["CSVRenderer", "cell_neutralise"]


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
