"""OpenAPI parameters that several endpoints document alike: the lens, a slug or an id in the
path, a day, a choice."""

from __future__ import annotations

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, OpenApiParameter, OpenApiResponse

from sources.stances import STANCES


def example(value, name: str | None = None) -> OpenApiExample:
    return OpenApiExample(name or str(value), value=value)


LENS = OpenApiParameter(
    "lens",
    str,
    description="Which claims count: 'consensus' (every claim not rejected or retracted), "
    f"'source:<source slug>' (one source's story), or 'stance:<{'|'.join(STANCES)}>'. "
    "Default consensus.",
    examples=[
        example("consensus"),
        example("stance:opposition"),
        example("source:syrian-army"),
    ],
)
SLUG_SCHEMA = {"type": "string", "pattern": "^[-a-zA-Z0-9_]+$"}


def slug_parameter(description: str, sample: str) -> OpenApiParameter:
    """The `slug` in the path of a record read by its slug."""
    return OpenApiParameter(
        "slug",
        SLUG_SCHEMA,
        OpenApiParameter.PATH,
        description=description,
        examples=[example(sample)],
    )


def id_parameter(noun: str) -> OpenApiParameter:
    """The `id` in the path of a record read by its id."""
    return OpenApiParameter(
        "id", int, OpenApiParameter.PATH, description=f"The {noun}'s id.", examples=[example(1)]
    )


def choice_parameter(name: str, choices, description: str, sample: str) -> OpenApiParameter:
    """A query parameter that takes one of `choices`."""
    return OpenApiParameter(
        name, str, enum=list(choices), description=description, examples=[example(sample)]
    )


SLUG = slug_parameter("The district's slug, as listed by districts/.", "hanano")


def day_parameter(
    name: str, description: str, sample: str, required: bool = False
) -> OpenApiParameter:
    return OpenApiParameter(
        name,
        OpenApiTypes.DATE,
        required=required,
        description=description,
        examples=[example(sample)],
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
