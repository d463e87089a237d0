"""The coverage of a lens summed in the database (`tracker.measure.coverage_between`): one query
for PostgreSQL and SQLite alike, every table and column name a model's own, quoted."""

from __future__ import annotations

import datetime

from django.db import connection

from common.replicas import connection_for_read
from districts.models import District
from tracker.models import Actor, ControlPeriod

# Adding and removing the same areas along the sweep leaves float dust; below this it is zero.
NOISE_M2 = 1e-3


# The coverage sweep in SQL, for PostgreSQL and SQLite alike but for the three {placeholders}
# (`_COVERAGE_DIALECT`). Days become whole numbers of days after `first` (the first sampled
# day), so the rest is integer arithmetic every database does the same way:
# - `periods`: the lens's periods that overlap the sampled range, with their key (the
#   holder's slug when held, else the status) and their district's area;
# - `reports`: each report day with the next one of its period (`tracker.freshness`);
# - `spans`: every period as a `stated` span, and each stretch after a report day, from
#   report + stale_after + 1 (not before the period's start) until the next report or the
#   period's end, as a `stale` span;
# - each span adds its area from the index of the first sampled day on or after its start
#   (ceil(days / step)) up to, not including, that of its end, through +area and -area
#   deltas; a running sum over the steps of every (part, key) gives each step's area.
# Sums at or below the noise (adding and removing the same areas leaves float dust) are left
# out, as `coverage_sweep` does.
_COVERAGE_SQL = """
WITH RECURSIVE
periods AS (
    SELECT p.{id} AS id,
           CASE WHEN p.{status} = 'held' AND a.{slug} IS NOT NULL THEN a.{slug}
                ELSE p.{status} END AS key,
           d.{area} AS area,
           {start_n} AS a,
           {end_n} AS b,
           p.{report_days} AS report_days
    FROM {period_table} p
    JOIN {district_table} d ON d.{id} = p.{district_id}
    LEFT JOIN {actor_table} a ON a.{id} = p.{actor_id}
    WHERE p.{lens} = %(lens)s AND p.{start} <= %(last)s
      AND (p.{end} IS NULL OR p.{end} > %(first)s)
),
reports AS (
    SELECT r.period, r.key, r.area, r.a, r.b, r.day,
           LEAD(r.day) OVER (PARTITION BY r.period ORDER BY r.day) AS following
    FROM (SELECT periods.id AS period, periods.key, periods.area, periods.a, periods.b,
                 {report_n} AS day
          FROM periods {report_join}) r
),
stale_spans AS (
    SELECT key, area,
           CASE WHEN day + %(turn)s > a THEN day + %(turn)s ELSE a END AS a,
           CASE WHEN following IS NULL THEN b
                WHEN b IS NULL OR following < b THEN following
                ELSE b END AS b
    FROM reports
),
spans AS (
    SELECT 'stated' AS part, key, area, a, b FROM periods
    UNION ALL
    SELECT 'stale', key, area, a, b FROM stale_spans WHERE b IS NULL OR a < b
),
indexed AS (
    SELECT part, key, area,
           CASE WHEN a <= 0 THEN 0 ELSE (a + %(step)s - 1) / %(step)s END AS i,
           CASE WHEN b IS NULL THEN %(count)s
                WHEN b <= 0 THEN 0
                WHEN (b + %(step)s - 1) / %(step)s < %(count)s THEN (b + %(step)s - 1) / %(step)s
                ELSE %(count)s END AS j
    FROM spans
),
deltas AS (
    SELECT part, key, i AS k, area AS d FROM indexed WHERE i < j
    UNION ALL
    SELECT part, key, j, -area FROM indexed WHERE i < j AND j < %(count)s
),
summed AS (SELECT part, key, k, SUM(d) AS d FROM deltas GROUP BY part, key, k),
keyed AS (SELECT DISTINCT part, key FROM summed),
steps(k) AS ({steps}),
running AS (
    SELECT steps.k, keyed.part, keyed.key,
           SUM(COALESCE(summed.d, 0)) OVER (
               PARTITION BY keyed.part, keyed.key ORDER BY steps.k
               ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW
           ) AS value
    FROM steps CROSS JOIN keyed
    LEFT JOIN summed ON summed.part = keyed.part AND summed.key = keyed.key AND summed.k = steps.k
)
SELECT k, part, key, value FROM running WHERE value > %(noise)s ORDER BY k, part, key
"""

# Days after `first` as a whole number, a report day's row source, the step indexes.
_COVERAGE_DIALECT = {
    "postgresql": {
        "days": "({column} - CAST(%(first)s AS date))",
        "report_day": "CAST(r.value AS date)",
        "report_join": "CROSS JOIN LATERAL jsonb_array_elements_text(periods.report_days) "
        "AS r(value)",
        "steps": "SELECT generate_series(0, %(count)s - 1)",
    },
    "sqlite": {
        "days": "CAST(julianday({column}) - julianday(%(first)s) AS INTEGER)",
        "report_day": "r.value",
        "report_join": "JOIN json_each(periods.report_days) AS r",
        "steps": "SELECT 0 UNION ALL SELECT k + 1 FROM steps WHERE k + 1 < %(count)s",
    },
}


def _coverage_sql(vendor: str) -> str:
    """Return `_COVERAGE_SQL` for the database `vendor`, every name a model's own, quoted."""
    dialect = _COVERAGE_DIALECT[vendor]
    quote = connection.ops.quote_name
    period, district = ControlPeriod._meta, District._meta
    column = {f.name: quote(f.column) for f in period.concrete_fields}

    def days(expression: str) -> str:
        return dialect["days"].replace("{column}", expression)

    return _COVERAGE_SQL.format(
        id=quote("id"),
        status=column["status"],
        slug=quote(Actor._meta.get_field("slug").column),
        area=quote(district.get_field("area_m2").column),
        start_n=days(f"p.{column['start']}"),
        end_n=days(f"p.{column['end']}"),
        report_days=column["report_days"],
        period_table=quote(period.db_table),
        district_table=quote(district.db_table),
        actor_table=quote(Actor._meta.db_table),
        district_id=column["district"],
        actor_id=column["actor"],
        lens=column["lens"],
        start=column["start"],
        end=column["end"],
        report_n=days(dialect["report_day"]),
        report_join=dialect["report_join"],
        steps=dialect["steps"],
    )


def coverage_rows(
    *, lens: str, start: datetime.date, count: int, step_days: int, stale_after: int
) -> list[tuple[int, str, str, float]]:
    """Return (step index, "stated" or "stale", key, area in m²) for every non-zero part."""
    params: dict[str, str | int | float] = {
        "lens": lens,
        "first": start.isoformat(),
        "last": (start + datetime.timedelta(days=(count - 1) * step_days)).isoformat(),
        "turn": stale_after + 1,
        "step": step_days,
        "count": count,
        "noise": NOISE_M2,
    }
    db = connection_for_read(ControlPeriod)
    with db.cursor() as cursor:
        cursor.execute(_coverage_sql(db.vendor), params)
        return cursor.fetchall()
