"""The GeoPackage of the record: districts, control periods (every lens, a `lens` column) and
claims, each on its district's polygon, with Date and DateTime fields, written by GDAL.

Which GDAL writes it, and why: the server process already loads Debian's libgdal (Django's
GeoDjango bindings, through ctypes), and those bindings read geometry but cannot write an OGR
data source. pyogrio's wheel bundles a second GDAL, which must not meet Debian's in one process.
So Debian's own `ogr2ogr` (apt package gdal-bin, the same libgdal) runs as a child process:
the rows are written as CSV files in a scratch directory with a VRT file that declares every
layer's field types (`Date`, `DateTime`, `Integer64`, `Real`, `String`), its geometry (WKT,
EPSG:4326) and that empty cells are nulls, and `ogr2ogr` turns that into the GeoPackage.
Nothing GDAL-shaped is written by hand, and the server never imports a second GDAL.
"""

from __future__ import annotations

import csv
import os
import shutil
import subprocess
import tempfile
from pathlib import Path
from xml.etree import ElementTree as ET

from releases.tables import DISTRICTS, GIS_TABLES, Table, cell_text

OGR_TYPES = {
    "string": "String",
    "integer": "Integer64",
    "number": "Real",
    "date": "Date",
    "datetime": "DateTime",
    "array": "String",  # a JSON list, as in the CSVs
}
MEDIA_TYPE = "application/geopackage+sqlite3"


class GeoPackageError(RuntimeError):
    """ogr2ogr is missing or failed; the message says which and how to fix it."""


def ogr2ogr_path() -> str:
    """Return the path of Debian's ogr2ogr, or raise saying how to install it."""
    found = shutil.which("ogr2ogr")
    if found is None:
        raise GeoPackageError(
            "ogr2ogr was not found: install Debian's gdal-bin (`make system` does) to build "
            "the GeoPackage."
        )
    return found


def _layer_csv(table: Table, path: Path, polygons: dict[str, str]) -> None:
    """Write `table`'s rows to `path` with a `wkt` column: the polygon of the row's district."""
    names = [c.name for c in table.columns if c.name != "geometry"]
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow([*names, "wkt"])
        for row in table.rows():
            wkt = polygons.get(row[table.geometry]) if table.geometry else None
            writer.writerow([cell_text(row[n]) for n in names] + [wkt or ""])


def _vrt(tables: tuple[Table, ...], folder: Path) -> str:
    """Return the VRT document declaring each layer's fields, geometry and CRS."""
    root = ET.Element("OGRVRTDataSource")
    for table in tables:
        layer = ET.SubElement(root, "OGRVRTLayer", name=table.name)
        ET.SubElement(layer, "SrcDataSource").text = str(folder / f"{table.name}.csv")
        options = ET.SubElement(layer, "OpenOptions")
        ET.SubElement(options, "OOI", key="EMPTY_STRING_AS_NULL").text = "YES"
        ET.SubElement(layer, "SrcLayer").text = table.name
        ET.SubElement(layer, "GeometryType").text = "wkbMultiPolygon"
        ET.SubElement(layer, "LayerSRS").text = "EPSG:4326"
        ET.SubElement(layer, "GeometryField", encoding="WKT", field="wkt")
        for column in table.columns:
            if column.name != "geometry":
                ET.SubElement(layer, "Field", name=column.name, type=OGR_TYPES[column.type])
    return ET.tostring(root, encoding="unicode")


def geopackage_write(target: Path, *, stamp: str | None = None) -> Path:
    """Write the record's GeoPackage to `target` (replaced atomically) and return it.

    `stamp` (an ISO timestamp) fixes the time GDAL records in the file's metadata, so that
    the same record written twice gives the same bytes.
    """
    program = ogr2ogr_path()
    polygons = {row["slug"]: row["geometry"] for row in DISTRICTS.rows()}
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="gpkg-", dir=target.parent) as scratch:
        folder = Path(scratch)
        for table in GIS_TABLES:
            _layer_csv(table, folder / f"{table.name}.csv", polygons)
        (folder / "layers.vrt").write_text(_vrt(GIS_TABLES, folder), encoding="utf-8")
        out = folder / "out.gpkg"
        env = {**os.environ, "OGR_CURRENT_DATE": stamp} if stamp else None
        done = subprocess.run(  # noqa: S603 - a fixed program and our own file names
            [program, "-f", "GPKG", str(out), str(folder / "layers.vrt")],
            capture_output=True,
            text=True,
            env=env,
            check=False,
        )
        if done.returncode != 0:
            raise GeoPackageError(f"ogr2ogr failed ({done.returncode}): {done.stderr.strip()}")
        os.replace(out, target)
    return target
