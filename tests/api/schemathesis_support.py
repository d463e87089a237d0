"""What both schemathesis suites share: every check schemathesis has (all of them fail the
test), the seed, the number of examples, and the rules of the schema's `x-rules` extension
applied to schema-valid cases.

JSON Schema cannot say that a slug must name a stored row, or that `to` is on or after `from`;
the schema states such rules on the parameter or property under `x-rules`
(`tracker.api.parameters.RULES`), and `rules_apply` makes each positive (schema-valid) case keep
them, so that positive data acceptance judges the API on what the schema declares. Negative
cases are left as generated.
"""

from __future__ import annotations

import datetime
import os
import sys

from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from schemathesis.checks import CHECKS, load_all_checks

from tracker.api.parameters import RULES

EXAMPLES = int(os.environ.get("SCHEMATHESIS_EXAMPLES", "10"))
SEED = int(os.environ.get("SCHEMATHESIS_SEED", "20161222"))
load_all_checks()
ALL_CHECKS = list(CHECKS.get_all())


def seed_print(suite: str) -> None:
    sys.stdout.write(
        f"\n{suite}: schemathesis seed {SEED} (SCHEMATHESIS_SEED), {EXAMPLES} examples per "
        f"operation (SCHEMATHESIS_EXAMPLES), checks: "
        + ", ".join(sorted(c.__name__ for c in ALL_CHECKS))
        + "\n"
    )


def real_rows(world) -> dict[str, object]:
    """A stored row for each listing an `exists` rule names."""
    return {
        "/api/v1/sources/": "syrian-army",
        "/api/v1/actors/": "government",
        "/api/v1/districts/": "ash-shaar",
        "/api/v1/documents/": world.documents["monitor"].pk,
    }


def reader(client):
    """`read` for `rules_apply`: the stored representation at a path, as `client` sees it."""

    def read(path: str) -> dict | None:
        response = client.get(path, HTTP_ACCEPT_ENCODING="identity")
        # The test client connects Django's close_old_connections to the request signals again
        # after its request; the suites keep the test's connection through their WSGI calls.
        request_started.disconnect(close_old_connections)
        request_finished.disconnect(close_old_connections)
        return response.json() if response.status_code == 200 else None

    return read


def _day(text):
    try:
        return datetime.date.fromisoformat(text) if isinstance(text, str) else None
    except ValueError:
        return None


def _apply(values: dict, name: str, rules: list[dict], rows: dict) -> None:
    """Make `values[name]` keep each rule (dropping it where no value can)."""
    for term in rules:
        if "needed_unless" in term and name not in values and term["needed_unless"] not in values:
            values[name] = term.get("sample", "2016-12-01")  # one of the two must be given
        if name not in values:
            return
        value = values[name]
        if "exists" in term:
            prefix = term.get("prefix", "")
            if isinstance(value, str) and not value.startswith(prefix):
                continue
            if term["exists"] not in rows:
                del values[name]
                continue
            values[name] = f"{prefix}{rows[term['exists']]}" if prefix else rows[term["exists"]]
        elif "requires" in term and term["requires"] not in values:
            del values[name]
        elif "box_ordered" in term and isinstance(value, str):
            lon1, lat1, lon2, lat2 = value.split(",")
            lons, lats = sorted([lon1, lon2], key=float), sorted([lat1, lat2], key=float)
            if float(lons[0]) == float(lons[1]) or float(lats[0]) == float(lats[1]):
                del values[name]
            else:
                values[name] = ",".join([lons[0], lats[0], lons[1], lats[1]])
        else:
            _apply_day(values, name, term)


def _apply_day(values: dict, name: str, term: dict) -> None:
    day = _day(values[name])
    if "not_before" in term:
        other = _day(values.get(term["not_before"]))
        if day and other and day < other:
            values[name], values[term["not_before"]] = values[term["not_before"]], values[name]
    elif "within_days" in term:
        other_name, days = term["within_days"]
        other = _day(values.get(other_name))
        if day and other and day > other + datetime.timedelta(days=days):
            values[name] = (other + datetime.timedelta(days=days)).isoformat()
    elif "max_points" in term:
        start_name, step_name, points = term["max_points"]
        start = _day(values.get(start_name))
        step = values.get(step_name, 1)
        if day and start and isinstance(step, int) and (day - start).days // step + 1 > points:
            values[name] = (start + datetime.timedelta(days=(points - 1) * step)).isoformat()
    elif term.get("not_after") == "tomorrow":
        tomorrow = datetime.date.today() + datetime.timedelta(days=1)
        if day and day > tomorrow:
            values[name] = tomorrow.isoformat()


def _body_schema(case) -> dict:
    raw = case.operation.definition.raw
    content: dict = raw.get("requestBody", {}).get("content", {})
    first: dict = next(iter(content.values()), {})
    schema: dict = first.get("schema", {})
    ref = schema.get("$ref", "")
    if ref.startswith("#/components/schemas/"):
        return case.operation.schema.raw_schema["components"]["schemas"][ref.rsplit("/", 1)[1]]
    return schema


# A value for a field that a rule requires, where the case has none.
FILLERS = {
    "actor": "government",
    "reason": "Contradicted by later footage.",
    "place_name": "Hanano",
}


def _body_rule(merged: dict, name: str, term: dict, rows: dict) -> None:
    """Make the body as it will be stored (`merged`) keep one rule on `name`."""
    when = term.get("required_when") or term.get("null_when") or term.get("when") or {}
    applies = all(merged.get(other) in values for other, values in when.items())
    if "required_when" in term:
        if applies and merged.get(name) in (None, ""):
            merged[name] = FILLERS[name]
    elif "null_when" in term:
        if applies:
            merged[name] = None
    elif "not_side_of" in term:
        if applies and merged.get(name) is not None:  # a government source, a rebel holder
            merged[term["not_side_of"]], merged[name] = "syrian-army", "rebels"
    elif "required_unless" in term:
        if not merged.get(term["required_unless"]) and not str(merged.get(name) or "").strip():
            merged[name] = FILLERS[name]
    elif merged.get(name) is not None:
        _apply(merged, name, [term], rows)


def rules_apply(case, world, read=None) -> None:
    """Make a positive case keep the schema's `x-rules` (see the module's docstring). `read`
    returns the stored representation at a path: a PATCH's rules hold for the record as
    changed, the stored values with the body's over them."""
    meta = case.meta
    if meta is None or not meta.generation.mode.is_positive:
        return
    rows = real_rows(world)
    for parameter in case.operation.definition.raw.get("parameters", []):
        if parameter.get("in") != "query" or not parameter.get(RULES):
            continue
        if case.query is None:
            case.query = {}  # a rule may add a parameter ("needed_unless")
        _apply(case.query, parameter["name"], parameter[RULES], rows)
    if not isinstance(case.body, dict):
        return
    properties = _body_schema(case).get("properties", {})
    stored = (read(case.formatted_path) or {}) if case.method == "PATCH" and read else {}
    merged = {**{k: v for k, v in stored.items() if k in properties}, **case.body}
    for name, schema in properties.items():
        for term in schema.get(RULES, []):
            _body_rule(merged, name, term, rows)
    for name, value in merged.items():
        if name in case.body or stored.get(name) != value:
            case.body[name] = value
