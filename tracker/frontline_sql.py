"""The front line on one day (`front_line`): where districts held by different sides touch or
lie within `REACH_M` metres of each other, computed in the database from the polygons and the
lens's stored control periods. One query for PostGIS and SpatiaLite alike but for a few
spellings (`_DIALECT`); every table and column name a model's own, quoted."""

from __future__ import annotations

import datetime
import json
from dataclasses import dataclass

from django.db import connection

from common.replicas import connection_for_read
from districts.models import District
from tracker.models import Actor, ControlPeriod

# Districts leave street gaps between them: ground within this many metres counts as touching.
REACH_M = 50.0
# The bounding-box prefilter, in degrees: 0.001 degree of longitude is at least 50 m below 63
# degrees of latitude (and of latitude everywhere), so no pair within REACH_M is missed there.
BOX_DEGREES = 0.001

# - `held`: the districts held on day `on` in the lens, each with its side: the holder's
#   coalition (its parent actor) when it has one, else the holder itself. Contested and disputed
#   districts, and those with no state, are no side's and draw no line.
# - `pairs`: two held districts of different sides whose boxes, grown by BOX_DEGREES, meet
#   (each pair once, the lower id first), projected into the UTM zone of the first one's
#   centroid so distances are in metres;
# - the line is the first district's boundary within REACH_M of the second, back in WGS84,
#   kept as lines only (points where corners merely touch are dropped).
_SQL = """
WITH held AS (
    SELECT d.{id} AS id, d.{slug} AS slug, d.{geom} AS geom, s.{slug} AS side
    FROM {period_table} p
    JOIN {district_table} d ON d.{id} = p.{district_id}
    JOIN {actor_table} a ON a.{id} = p.{actor_id}
    JOIN {actor_table} s ON s.{id} = COALESCE(a.{parent_id}, a.{id})
    WHERE p.{lens} = %(lens)s AND p.{status} = 'held' AND p.{start} <= %(on)s
      AND (p.{end} IS NULL OR p.{end} > %(on)s)
),
pairs AS (
    SELECT x.slug AS slug_a, y.slug AS slug_b, x.side AS side_a, y.side AS side_b,
           x.geom AS geom_a, y.geom AS geom_b,
           32600 + CAST(FLOOR((ST_X(ST_Centroid(x.geom)) + 180) / 6) AS INTEGER) + 1
           + CASE WHEN ST_Y(ST_Centroid(x.geom)) < 0 THEN 100 ELSE 0 END AS zone
    {pairs}
),
metric AS {materialized}(
    SELECT slug_a, slug_b, side_a, side_b,
           ST_Transform(geom_a, zone) AS a, ST_Transform(geom_b, zone) AS b
    FROM pairs
),
lines AS (
    SELECT slug_a, slug_b, side_a, side_b,
           {lines}(ST_Intersection(ST_Boundary(a), ST_Buffer(b, %(reach)s)), 2) AS line
    FROM metric WHERE ST_Distance(a, b) <= %(reach)s
)
SELECT slug_a, slug_b, side_a, side_b, {geojson}(ST_Transform(line, 4326), 6)
FROM lines WHERE line IS NOT NULL AND NOT ST_IsEmpty(line)
ORDER BY slug_a, slug_b
"""

# The pairs with the box prefilter, keeping the lines of a geometry collection, and GeoJSON
# output. On PostGIS the box test reaches each held district's neighbours through the
# districts table's spatial index (the held districts as a CTE have none: a join of the CTE
# with itself tests every pair, 900 million at 30,000 districts), and each pair is projected
# once (`metric` materialised: inlined, PostgreSQL projected both districts three times).
# At 10,000 districts, 6,710 segments: 4.5-4.7 s before, 1.3 s (the same rows).
_DIALECT = {
    "postgresql": {
        "pairs": (
            "FROM held y JOIN {district_table} n ON n.{geom} && ST_Expand(y.geom, %(box)s) "
            "JOIN held x ON x.id = n.{id} AND x.id < y.id AND x.side <> y.side"
        ),
        "materialized": "MATERIALIZED ",
        "lines": "ST_CollectionExtract",
        "geojson": "ST_AsGeoJSON",
    },
    "sqlite": {
        "pairs": (
            "FROM held x JOIN held y ON x.id < y.id AND x.side <> y.side "
            "AND MbrIntersects(x.geom, ST_Expand(y.geom, %(box)s))"
        ),
        "materialized": "",
        "lines": "CollectionExtract",
        "geojson": "AsGeoJSON",
    },
}


def _sql(vendor: str) -> str:
    """Return `_SQL` for the database `vendor`, every name a model's own, quoted."""
    dialect = _DIALECT[vendor]
    quote = connection.ops.quote_name
    column = {f.name: quote(f.column) for f in ControlPeriod._meta.concrete_fields}
    names = {
        "id": quote("id"),
        "geom": quote(District._meta.get_field("geom").column),
        "district_table": quote(District._meta.db_table),
    }
    return _SQL.format(
        **names,
        slug=quote("slug"),
        parent_id=quote(Actor._meta.get_field("parent").column),
        period_table=quote(ControlPeriod._meta.db_table),
        actor_table=quote(Actor._meta.db_table),
        district_id=column["district"],
        actor_id=column["actor"],
        lens=column["lens"],
        status=column["status"],
        start=column["start"],
        end=column["end"],
        pairs=dialect["pairs"].format(**names),
        materialized=dialect["materialized"],
        lines=dialect["lines"],
        geojson=dialect["geojson"],
    )


@dataclass(frozen=True)
class FrontSegment:
    """The front between two districts of different sides: `districts` and their `sides` in
    the same order, and `geometry` a GeoJSON (Multi)LineString along the first's boundary."""

    districts: tuple[str, str]
    sides: tuple[str, str]
    geometry: dict


def front_line(*, on: datetime.date, lens: str) -> list[FrontSegment]:
    """Return the front line on day `on` in `lens`: for each pair of districts held that day
    by different sides (a coalition's members count as the coalition; contested, disputed and
    unknown districts are no side's), the part of the first one's boundary that touches or lies
    within REACH_M metres of the second. Pairs come ordered by the districts' slugs."""
    params: dict[str, str | float] = {
        "lens": lens,
        "on": on.isoformat(),
        "box": BOX_DEGREES,
        "reach": REACH_M,
    }
    db = connection_for_read(ControlPeriod)
    with db.cursor() as cursor:
        cursor.execute(_sql(db.vendor), params)
        rows = cursor.fetchall()
    return [
        FrontSegment(districts=(a, b), sides=(side_a, side_b), geometry=json.loads(text))
        for a, b, side_a, side_b, text in rows
    ]
