"""OpenAPI parameters that several endpoints document alike: the lens, a slug or an id in the
path, a day, a choice; and the schema pieces (patterns, bounds) they are built from.

How a new endpoint declares its query parameters, so that the schema stays exact (the
schemathesis suites check that every value the schema allows is accepted and every value it
refuses is answered 400):
- build each parameter from these helpers (`day_parameter`, `LENS`, `slug_query`,
  `choice_parameter`, `int_parameter`, `SLUG`/`slug_parameter`, `id_parameter`), or give
  `OpenApiParameter` a schema dict with every bound the parsing enforces (`pattern`,
  `minimum`/`maximum`, `maxLength`, `enum`);
- a rule between parameters, or on rows that must exist, that JSON Schema cannot state goes in
  the `x-rules` extension (see `RULES` and `rule`), which the suites read;
- `format` is declared by `tracker.api.schema` from the view's renderers: nothing to do;
- the shared error statuses (400, 404, 406, 412, 414, 429, 503, 304 ...) and the anonymous
  reads come from `tracker.api.schema` for every operation.
"""

from __future__ import annotations

from typing import Any

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, OpenApiParameter, OpenApiResponse

from sources.stances import STANCES
from tracker.api.serializers.fields import FIRST_DAY, LAST_DAY, SLUG_PATTERN

# ECMA-262 patterns (the schema's dialect): `$` is the end of the text there.
SLUG_MAX = 100
SLUG_SCHEMA: dict[str, Any] = {"type": "string", "pattern": SLUG_PATTERN, "maxLength": SLUG_MAX}
# Years FIRST_DAY.year (1900) to LAST_DAY.year (2199); the month and day are checked by `format`.
assert (FIRST_DAY.year, LAST_DAY.year) == (1900, 2199)  # the pattern below says so
DAY_PATTERN = "^(19[0-9]{2}|2[01][0-9]{2})-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"
DAY_SCHEMA: dict[str, Any] = {"type": "string", "format": "date", "pattern": DAY_PATTERN}
LENS_PATTERN = f"^(consensus|stance:({'|'.join(STANCES)})|source:[-a-zA-Z0-9_]{{1,{SLUG_MAX}}})$"

# Rules between parameters, or on rows that must exist, that JSON Schema cannot state. Each is
# declared on the parameter (or body property) it constrains, under the `x-rules` extension:
#   {"exists": "<listing>"}           the value names a row listed at <listing> (a 400 if not);
#   {"exists": "<listing>", "prefix": "source:"}   the same, after the prefix (lenses);
#   {"not_before": "<other>"}         a day on or after the day given as <other> (if given);
#   {"within_days": [<other>, n]}     a day at most n days after <other> (if given);
#   {"not_after": "tomorrow"}         a day no later than tomorrow (the server's date);
#   {"requires": "<other>"}           only together with <other>;
#   {"needed_unless": "<other>"}      required when <other> is not given.
RULES = "x-rules"


def rule(**terms) -> dict[str, list[dict]]:
    """The `x-rules` extension holding one rule."""
    return {RULES: [terms]}


def example(value, name: str | None = None) -> OpenApiExample:
    return OpenApiExample(name or str(value), value=value)


LENS = OpenApiParameter(
    "lens",
    {"type": "string", "pattern": LENS_PATTERN, "maxLength": 120, "default": "consensus"},
    description="Which claims count: 'consensus' (every claim not rejected or retracted), "
    f"'source:<source slug>' (one source's story), or 'stance:<{'|'.join(STANCES)}>'. "
    "Default consensus. A source lens names a source listed at /api/v1/sources/ (a 400 "
    "otherwise).",
    examples=[
        example("consensus"),
        example("stance:opposition"),
        example("source:syrian-army"),
    ],
    extensions=rule(exists="/api/v1/sources/", prefix="source:"),
)


def slug_parameter(description: str, sample: str) -> OpenApiParameter:
    """The `slug` in the path of a record read by its slug."""
    return OpenApiParameter(
        "slug",
        SLUG_SCHEMA,
        OpenApiParameter.PATH,
        description=description,
        examples=[example(sample)],
    )


def slug_query(
    name: str, description: str, sample: str, *, listing: str | None = None
) -> OpenApiParameter:
    """A query parameter that takes a slug; with `listing`, one of the rows listed there (a
    400 otherwise), else any slug (a filter that may match nothing)."""
    return OpenApiParameter(
        name,
        SLUG_SCHEMA,
        description=description,
        examples=[example(sample)],
        extensions=rule(exists=listing) if listing else None,
    )


def id_parameter(noun: str) -> OpenApiParameter:
    """The `id` in the path of a record read by its id."""
    return OpenApiParameter(
        "id",
        {"type": "integer", "minimum": 1, "maximum": 2**63 - 1},
        OpenApiParameter.PATH,
        description=f"The {noun}'s id.",
        examples=[example(1)],
    )


def choice_parameter(name: str, choices, description: str, sample: str) -> OpenApiParameter:
    """A query parameter that takes one of `choices`."""
    return OpenApiParameter(
        name, str, enum=list(choices), description=description, examples=[example(sample)]
    )


def int_parameter(
    name: str, low: int, high: int, description: str, samples, **extensions
) -> OpenApiParameter:
    """A whole-number query parameter from `low` to `high`."""
    return OpenApiParameter(
        name,
        {"type": "integer", "minimum": low, "maximum": high},
        description=description,
        examples=[example(s) for s in samples],
        extensions=extensions or None,
    )


SLUG = slug_parameter("The district's slug, as listed by districts/.", "hanano")


def day_parameter(
    name: str, description: str, sample: str, required: bool = False, **rules
) -> OpenApiParameter:
    """A day, YYYY-MM-DD from 1900-01-01 to 2199-12-31; `rules` as in `RULES`."""
    return OpenApiParameter(
        name,
        DAY_SCHEMA,
        required=required,
        description=f"{description} From {FIRST_DAY} to {LAST_DAY}.",
        examples=[example(sample)],
        extensions={RULES: [{k: v} for k, v in rules.items()]} if rules else None,
    )


def format_parameter(formats: list[str], description: str) -> OpenApiParameter:
    """`?format=`: the first of `formats` is the default; another value is a 400 naming
    `format`."""
    return OpenApiParameter(
        "format",
        {"type": "string", "enum": formats, "default": formats[0]},
        description=description,
        examples=[example(formats[-1])],
    )


def csv_or_json(json_response, csv_description: str) -> dict:
    """The 200 responses of an endpoint that serves JSON, or CSV with `?format=csv`."""
    return {
        (200, "application/json"): json_response,
        (200, "text/csv"): OpenApiResponse(response=OpenApiTypes.STR, description=csv_description),
    }
