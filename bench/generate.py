"""Synthetic record at any scale, written by PostgreSQL itself (generate_series), not the ORM.

`synthetic_load` fills an empty database (migrated, actors seeded) with:

- districts: a grid of jittered cells that tile a rectangle of EPSG:4326 with no gap and no
  overlap. Each cell has eight vertices: its four corners and the middle of each side, each
  jittered once and shared with the neighbouring cell, so the borders match exactly;
- sources of every stance, most partisan ones speaking for a side;
- documents, ten claims each on average, each belonging to one source;
- claims over `years` years, with realistic disagreement: each district has a true holder
  that changes every few months or years (sides flip); claims come in bursts on the same day
  about the same district (same-day contradictions), most report the truth, some repeat
  their own side's line, some say contested, some are stale; a fifth have a week or month
  window; reviews, rejections and retractions are sprinkled in.

Everything is deterministic for a given `seed` (PostgreSQL's `setseed`).
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass

from django.db import connection, transaction

FIRST_DAY = "2012-01-01"
# The rectangle the districts tile (degrees, lon/lat order), about the size of Syria.
WEST, SOUTH, EAST, NORTH = 36.0, 32.5, 42.0, 37.0


@dataclass(frozen=True)
class Scale:
    """How big a synthetic record to make."""

    name: str
    districts: int
    claims: int
    sources: int
    years: int = 10

    @property
    def documents(self) -> int:
        return max(self.sources, self.claims // 10)

    @property
    def events(self) -> int:
        """Bursts of claims about one district on one day: four claims each on average."""
        return max(1, self.claims // 4)


ALEPPO = Scale("aleppo", districts=126, claims=1_000, sources=20, years=5)
COUNTRY = Scale("country", districts=10_000, claims=1_000_000, sources=200)
# Issue 18: a settlement-level map of a whole country (about 30,000 places), three times the
# country above, with the same claims per district and the same sources.
COUNTRY_30K = Scale("country-30k", districts=30_000, claims=3_000_000, sources=200)
SMALL_COUNTRY = Scale("country-small", districts=2_500, claims=100_000, sources=60)
TINY = Scale("tiny", districts=50, claims=2_000, sources=12, years=2)
SCALES = {s.name: s for s in (ALEPPO, COUNTRY, COUNTRY_30K, SMALL_COUNTRY, TINY)}


def _run(cursor, sql: str, params: dict | None = None) -> None:
    cursor.execute(sql, params or {})


def districts_generate(cursor, scale: Scale) -> None:
    """Write `scale.districts` jittered grid cells into districts_district (SRID 4326)."""
    nx = math.ceil(math.sqrt(scale.districts * (EAST - WEST) / (NORTH - SOUTH)))
    ny = math.ceil(scale.districts / nx)
    p = {
        "nx": nx,
        "ny": ny,
        "n": scale.districts,
        "x0": WEST,
        "y0": SOUTH,
        "dx": (EAST - WEST) / nx,
        "dy": (NORTH - SOUTH) / ny,
    }
    # Corners V(i, j); middles of horizontal sides H(i, j) between V(i, j) and V(i+1, j);
    # middles of vertical sides M(i, j) between V(i, j) and V(i, j+1). x = lon, y = lat.
    _run(
        cursor,
        """
        DROP TABLE IF EXISTS bench_corner, bench_hmid, bench_vmid;
        CREATE TEMP TABLE bench_corner ON COMMIT DROP AS
        SELECT i, j,
               %(x0)s + (i + (random() - 0.5) * 0.5) * %(dx)s AS x,
               %(y0)s + (j + (random() - 0.5) * 0.5) * %(dy)s AS y
        FROM generate_series(0, %(nx)s) i, generate_series(0, %(ny)s) j;
        CREATE TEMP TABLE bench_hmid ON COMMIT DROP AS
        SELECT i, j,
               %(x0)s + (i + 0.5 + (random() - 0.5) * 0.3) * %(dx)s AS x,
               %(y0)s + (j + (random() - 0.5) * 0.3) * %(dy)s AS y
        FROM generate_series(0, %(nx)s - 1) i, generate_series(0, %(ny)s) j;
        CREATE TEMP TABLE bench_vmid ON COMMIT DROP AS
        SELECT i, j,
               %(x0)s + (i + (random() - 0.5) * 0.3) * %(dx)s AS x,
               %(y0)s + (j + 0.5 + (random() - 0.5) * 0.3) * %(dy)s AS y
        FROM generate_series(0, %(nx)s) i, generate_series(0, %(ny)s - 1) j;
        CREATE INDEX ON bench_corner (i, j);
        CREATE INDEX ON bench_hmid (i, j);
        CREATE INDEX ON bench_vmid (i, j);
        """,
        p,
    )
    _run(
        cursor,
        """
        WITH cell AS (
            SELECT gi.i, gj.j, gj.j * %(nx)s + gi.i AS n,
                   ST_SetSRID(ST_MakePolygon(ST_MakeLine(ARRAY[
                       ST_MakePoint(a.x, a.y), ST_MakePoint(h0.x, h0.y),
                       ST_MakePoint(b.x, b.y), ST_MakePoint(m1.x, m1.y),
                       ST_MakePoint(c.x, c.y), ST_MakePoint(h1.x, h1.y),
                       ST_MakePoint(d.x, d.y), ST_MakePoint(m0.x, m0.y),
                       ST_MakePoint(a.x, a.y)])), 4326) AS geom
            FROM generate_series(0, %(nx)s - 1) gi(i)
            CROSS JOIN generate_series(0, %(ny)s - 1) gj(j)
            JOIN bench_corner a ON a.i = gi.i AND a.j = gj.j
            JOIN bench_corner b ON b.i = gi.i + 1 AND b.j = gj.j
            JOIN bench_corner c ON c.i = gi.i + 1 AND c.j = gj.j + 1
            JOIN bench_corner d ON d.i = gi.i AND d.j = gj.j + 1
            JOIN bench_hmid h0 ON h0.i = gi.i AND h0.j = gj.j
            JOIN bench_hmid h1 ON h1.i = gi.i AND h1.j = gj.j + 1
            JOIN bench_vmid m0 ON m0.i = gi.i AND m0.j = gj.j
            JOIN bench_vmid m1 ON m1.i = gi.i + 1 AND m1.j = gj.j
        )
        INSERT INTO districts_district
            (slug, name_en, name_ar, kind, geom, area_m2, label_point, provenance)
        SELECT format('cell-%%s-%%s', lpad(i::text, 3, '0'), lpad(j::text, 3, '0')),
               format('Cell %%s-%%s', i, j),
               format('خلية %%s-%%s', i, j),
               (ARRAY['neighbourhood', 'neighbourhood', 'neighbourhood', 'neighbourhood',
                      'industrial', 'park', 'institution', 'military'])[1 + n %% 8],
               ST_Multi(geom),
               ST_Area(geom::geography),
               ST_PointOnSurface(geom),
               'bench: synthetic jittered grid'
        FROM cell WHERE n < %(n)s ORDER BY n
        """,
        p,
    )


def sources_generate(cursor, scale: Scale) -> None:
    """Write the sources: 3 in 10 government, 3 opposition, 3 independent, 1 kurdish."""
    _run(
        cursor,
        """
        INSERT INTO sources_source (slug, name, kind, stance, actor_id, reliability, description)
        SELECT format('bench-source-%%s', lpad(s::text, 3, '0')),
               format('Bench source %%s', s),
               (ARRAY['military', 'state_media', 'armed_group', 'armed_group', 'news',
                      'monitor', 'monitor', 'news', 'news', 'armed_group'])[1 + s %% 10],
               st.stance,
               CASE WHEN s %% 4 = 0 THEN NULL  -- a quarter name no side: the stance speaks
                    ELSE (SELECT id FROM tracker_actor WHERE slug = st.side) END,
               (ARRAY['A', 'B', 'C', 'D', 'E', 'F'])[1 + s %% 6],
               ''
        FROM generate_series(1, %(n)s) s
        CROSS JOIN LATERAL (SELECT
            (ARRAY['government', 'government', 'government', 'opposition', 'opposition',
                   'opposition', 'independent', 'independent', 'independent', 'kurdish'])
                [1 + s %% 10] AS stance,
            (ARRAY['syrian-arab-army', 'government', 'russian-forces', 'rebels',
                   'ahrar-al-sham', 'free-syrian-army', NULL, NULL, NULL, 'kurdish_ypg'])
                [1 + s %% 10] AS side) st
        ORDER BY s
        """,
        {"n": scale.sources},
    )


def documents_generate(cursor, scale: Scale) -> None:
    """Write the documents in one block per source, so claims can pick one of their source's."""
    _run(
        cursor,
        """
        INSERT INTO sources_document (source_id, title, citation, url, archive_url, outlet,
                                      published_on, author, language, excerpt, created_at)
        SELECT src.id, format('Statement %%s', d), format('bench document %%s', d), NULL, '',
               '', %(first)s::date + (random() * %(days)s)::int, '', 'en', '', now()
        FROM generate_series(0, %(n)s - 1) d
        JOIN (SELECT id, row_number() OVER (ORDER BY slug) - 1 AS k
              FROM sources_source WHERE slug LIKE 'bench-source-%%') src
          ON src.k = d / %(per)s
        ORDER BY d
        """,
        {
            "n": scale.documents,
            "per": scale.documents // scale.sources,
            "first": FIRST_DAY,
            "days": scale.years * 365,
        },
    )


def claims_generate(cursor, scale: Scale) -> None:
    """Write `scale.claims` claims in bursts ("events") about the districts' shifting truth."""
    days = scale.years * 365
    _run(
        cursor,
        """
        DROP TABLE IF EXISTS bench_district, bench_src, bench_event;
        CREATE TEMP TABLE bench_district ON COMMIT DROP AS
        SELECT row_number() OVER (ORDER BY id) - 1 AS k, id, name_en,
               (random() * 900)::int AS phase,
               90 + (random() * 800)::int AS span,
               (random() * 5)::int AS shift
        FROM districts_district;
        CREATE UNIQUE INDEX ON bench_district (k);
        CREATE TEMP TABLE bench_src ON COMMIT DROP AS
        SELECT row_number() OVER (ORDER BY s.slug) - 1 AS k, s.id, s.stance,
               COALESCE(top.slug, CASE s.stance WHEN 'government' THEN 'government'
                   WHEN 'opposition' THEN 'rebels' WHEN 'kurdish' THEN 'kurdish_ypg' END) AS side,
               min(d.id) AS first_doc, count(d.id) AS docs
        FROM sources_source s
        LEFT JOIN tracker_actor a ON a.id = s.actor_id
        LEFT JOIN tracker_actor top ON top.id = COALESCE(a.parent_id, a.id)
        JOIN sources_document d ON d.source_id = s.id
        WHERE s.slug LIKE 'bench-source-%%'
        GROUP BY s.id, s.slug, s.stance, top.slug;
        CREATE UNIQUE INDEX ON bench_src (k);
        -- Half the bursts fall anywhere, half on a front line (the first tenth of the grid's
        -- rows), whose districts so have about six times as many claims as the others.
        CREATE TEMP TABLE bench_event ON COMMIT DROP AS
        SELECT e AS id,
               CASE WHEN random() < 0.5 THEN (random() * (%(nd)s - 1))::int
                    ELSE (random() * 0.1 * (%(nd)s - 1))::int END AS dk,
               (random() * (%(days)s - 1))::int AS t
        FROM generate_series(0, %(ne)s - 1) e;
        CREATE UNIQUE INDEX ON bench_event (id);
        ANALYZE bench_district; ANALYZE bench_src; ANALYZE bench_event;
        """,
        {"nd": scale.districts, "ne": scale.events, "days": days},
    )
    _run(
        cursor,
        """
        WITH actor AS (SELECT slug, id FROM tracker_actor),
        pick AS (
            SELECT c, (random() * (%(ne)s - 1))::int AS e, (random() * (%(ns)s - 1))::int AS s,
                   random() AS r_pos, random() AS r_win, random() AS r_rev, random() AS r_ret,
                   random() AS r_member, random() AS r_doc
            FROM generate_series(1, %(nc)s) c
        ),
        claim AS (
            SELECT p.*, ev.t, d.id AS district_id, d.name_en, src.id AS source_id,
                   src.side, src.first_doc + (p.r_doc * (src.docs - 1))::bigint AS document_id,
                   (ARRAY['government', 'rebels', 'kurdish_ypg', 'isis', 'nusra'])
                       [1 + (d.shift + (ev.t + d.phase) / d.span * (1 + d.k %% 3)) %% 5]
                       AS truth,
                   (ARRAY['government', 'rebels', 'kurdish_ypg', 'isis', 'nusra'])
                       [1 + (d.shift + greatest(ev.t - 60 + d.phase, 0) / d.span
                             * (1 + d.k %% 3)) %% 5] AS stale
            FROM pick p
            JOIN bench_event ev ON ev.id = p.e
            JOIN bench_district d ON d.k = ev.dk
            JOIN bench_src src ON src.k = p.s
        ),
        said AS (
            SELECT c.*,
                   CASE WHEN r_pos < 0.60 THEN truth
                        WHEN r_pos < 0.75 THEN COALESCE(side, truth)
                        WHEN r_pos < 0.85 THEN NULL
                        ELSE stale END AS holder
            FROM claim c
        )
        INSERT INTO tracker_claim
            (document_id, source_id, attribution, district_id, place_name, status, actor_id,
             kind, effective_from, effective_to, date_precision, quote, note, analyst_note,
             review_status,
             retracted_on, recorded_by_id, reviewed_by_id, reviewed_at, import_key,
             basis, created_at, updated_at)
        SELECT document_id, source_id, '', district_id, name_en,
               CASE WHEN holder IS NULL THEN 'contested' ELSE 'held' END,
               (SELECT id FROM actor WHERE slug = CASE
                    WHEN holder = 'government' AND r_member < 0.3 THEN 'syrian-arab-army'
                    WHEN holder = 'rebels' AND r_member < 0.2 THEN 'ahrar-al-sham'
                    ELSE holder END),
               CASE WHEN holder IS NULL THEN 'contested'
                    WHEN r_member < 0.5 THEN 'captured' ELSE 'held' END,
               %(first)s::date + t - CASE WHEN r_win < 0.80 THEN 0
                                         WHEN r_win < 0.95 THEN 6 ELSE 29 END,
               %(first)s::date + t,
               CASE WHEN r_win < 0.80 THEN 'day' WHEN r_win < 0.95 THEN 'week' ELSE 'month' END,
               '', '', '',
               CASE WHEN r_rev < 0.70 THEN 'pending' WHEN r_rev < 0.92 THEN 'accepted'
                    WHEN r_rev < 0.97 THEN 'disputed' ELSE 'rejected' END,
               CASE WHEN r_ret < 0.005 THEN %(first)s::date + t + 5 END,
               NULL, NULL, NULL, NULL, '', now(), now()
        FROM said
        ORDER BY t
        """,
        {
            "nc": scale.claims,
            "ne": scale.events,
            "ns": scale.sources,
            "first": FIRST_DAY,
        },
    )


def synthetic_load(scale: Scale, *, seed: float = 0.42) -> dict[str, float]:
    """Fill the (empty, migrated) PostGIS database with a synthetic record; return timings (s)."""
    if connection.vendor != "postgresql":
        raise RuntimeError("The synthetic record is written in PostGIS SQL: set DATABASE_URL.")
    timings: dict[str, float] = {}
    steps = [
        ("districts", districts_generate),
        ("sources", sources_generate),
        ("documents", documents_generate),
        ("claims", claims_generate),
    ]
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SELECT setseed(%s)", [seed])
        for name, step in steps:
            started = time.perf_counter()
            step(cursor, scale)
            timings[name] = time.perf_counter() - started
        started = time.perf_counter()
        cursor.execute(
            "ANALYZE districts_district; ANALYZE sources_source; ANALYZE sources_document; "
            "ANALYZE tracker_claim"
        )
        timings["analyze"] = time.perf_counter() - started
    return timings
