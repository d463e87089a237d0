"""OpenAPI parameters that several endpoints document alike: the lens, a district's slug, a day."""

from __future__ import annotations

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, OpenApiParameter

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
SLUG = OpenApiParameter(
    "slug",
    SLUG_SCHEMA,
    OpenApiParameter.PATH,
    description="The district's slug, as listed by districts/.",
    examples=[example("hanano")],
)


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
