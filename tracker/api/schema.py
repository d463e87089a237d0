"""OpenAPI additions that make the schema exact for every operation, present and future:

- `ApiAutoSchema` (the project's DEFAULT_SCHEMA_CLASS): reads anonymous users may make are
  declared so (`security` lists `{}` beside the token and session schemes); `format` is declared
  with the formats the view's renderers serve (StrictNegotiation answers any other with a 400);
  references to rows by slug or id (`SlugRef`, `IdRef`) carry their pattern or bounds and an
  `x-rules` `exists` rule (see `tracker.api.parameters.RULES`).
- `responses_complete` (a postprocessing hook): the error statuses every operation can give,
  304 and 412 on reads, 409 on writes, all documented once.
"""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.utils import OpenApiParameter
from rest_framework import serializers
from rest_framework.permissions import SAFE_METHODS
from rest_framework.request import Request
from rest_framework.test import APIRequestFactory

from tracker.api.parameters import DAY_PATTERN, RULES, SLUG_MAX, SLUG_PATTERN, example
from tracker.api.serializers.fields import (
    NONBLANK_PATTERN,
    TEXT_PATTERN,
    URL_PATTERN,
    DayField,
    IdRef,
    SlugRef,
    Url,
)

ERROR_SCHEMA = {
    "type": "object",
    "description": (
        "What went wrong and how to fix it. Bad parameters and fields are keyed by their name "
        "(a list of messages each); other errors carry `detail`."
    ),
    "additionalProperties": True,
    "example": {"on": ["Write the day as YYYY-MM-DD, for example 2016-12-07."]},
}
ERRORS = {
    "400": "A parameter or field is invalid, given empty or given more than once; the body "
    "names it and says how to fix it.",
    "401": "Authentication is needed (writes), or the credentials sent are wrong.",
    "403": "The account lacks the group this write needs (analyst, or reviewer).",
    "404": "No such object (unknown slug or id), or a page past the last.",
    "405": "The method is not allowed here (claims, sources and documents are never deleted).",
    "406": "The Accept header asks for a format this endpoint does not serve.",
    "409": "The write conflicts with a stored record (a slug, name, URL or citation already "
    "taken); the body names the field.",
    "413": "The request body is larger than accepted (1 MB for JSON); it was not read.",
    "415": "The request body's Content-Type is not application/json (writes take JSON only).",
    "429": "Too many anonymous requests: wait the number of seconds in Retry-After.",
    "503": "The database is unavailable for a moment; retry shortly.",
}
# Statuses answered before the application sees the request, or with no body.
BODILESS = {
    "304": "Not modified: the ETag (If-None-Match) or date (If-Modified-Since) sent still "
    "matches the dataset.",
    "412": "Precondition failed: the If-Match or If-Unmodified-Since sent no longer matches "
    "the dataset.",
    "414": "The URL is longer than the server in front of the application accepts.",
}
READ_ERRORS = ("400", "401", "404", "405", "406", "429", "503")
READ_BODILESS = ("304", "412", "414")
WRITE_BODILESS = ("414",)


def _anonymous_may(view, method: str) -> bool:
    """Whether the view's permissions let an anonymous user make this (safe) request."""
    request = Request(APIRequestFactory().generic(method, "/"))
    request.user = AnonymousUser()
    try:
        return all(p.has_permission(request, view) for p in view.get_permissions())
    except Exception:  # a permission that needs more of the request: declare what DRF does
        return False


class ApiAutoSchema(AutoSchema):
    """drf-spectacular's AutoSchema, declaring anonymous reads, `format` and references."""

    def get_auth(self):
        auth = super().get_auth()
        method = self.method.upper()
        if auth and {} not in auth and method in SAFE_METHODS and _anonymous_may(self.view, method):
            auth.append({})
        return auth

    def get_override_parameters(self):
        parameters = list(super().get_override_parameters())
        named = {getattr(p, "name", None) for p in parameters}
        # The view's own choice (a listing may serve CSV where one row serves JSON only).
        get_renderers = getattr(self.view, "get_renderers", None)
        renderers = get_renderers() if get_renderers else []
        formats = [r.format for r in renderers]
        if "format" not in named and formats:
            parameters.append(
                OpenApiParameter(
                    "format",
                    str,
                    enum=formats,
                    description=f"The format of the answer: {' or '.join(formats)} "
                    "(default the first); any other is a 400.",
                    examples=[example(formats[0])],
                )
            )
        return parameters

    def _map_serializer_field(self, field, direction, bypass_extensions=False):
        result = super()._map_serializer_field(field, direction, bypass_extensions)
        if direction == "request":
            result.update(_input_constraints(field))
            if isinstance(field, Url):
                result.pop("format", None)
            rules = getattr(field.parent, "input_rules", {}).get(field.field_name)
            if rules:
                result[RULES] = result.get(RULES, []) + rules
        return result

    def _map_serializer(self, serializer, direction, bypass_extensions=False):
        """A PATCH body leaves out the fields set once, at creation (`create_only_fields`)."""
        result = super()._map_serializer(serializer, direction, bypass_extensions)
        fixed = getattr(serializer, "create_only_fields", ())
        if direction == "request" and self.method == "PATCH" and fixed:
            for name in fixed:
                result.get("properties", {}).pop(name, None)
            if "required" in result:
                result["required"] = [n for n in result["required"] if n not in fixed]
        return result


def _input_constraints(field) -> dict:
    """What the API's input fields enforce beyond their type, as JSON Schema keywords."""
    if isinstance(field, SlugRef):
        return {"pattern": SLUG_PATTERN, "maxLength": SLUG_MAX, RULES: [{"exists": field.listing}]}
    if isinstance(field, IdRef):
        return {"minimum": 1, "maximum": 2**63 - 1, RULES: [{"exists": field.listing}]}
    if isinstance(field, DayField):
        return {"pattern": DAY_PATTERN}
    if getattr(field, "pattern", None):
        return {"pattern": field.pattern}
    if isinstance(field, Url):  # the pattern, not `format: uri` (which refuses what Django takes)
        return {"pattern": f"^$|{URL_PATTERN}" if field.allow_blank else URL_PATTERN}
    if isinstance(field, serializers.CharField):
        return {"pattern": TEXT_PATTERN if field.allow_blank else NONBLANK_PATTERN}
    return {}


def _response(description: str, error_ref: dict | None = None) -> dict:
    if error_ref is None:
        return {"description": description}
    return {"description": description, "content": {"application/json": {"schema": error_ref}}}


BLANK = {"type": "string", "maxLength": 0}


def _blank_unwrapped(components: dict) -> None:
    """drf-spectacular wraps a text that may be blank and has a pattern in `oneOf: [the text,
    a blank string]`; where the pattern already admits the blank string, keep the text's schema
    alone (its maxLength and `x-rules` where readers look for them)."""
    for component in components.values():
        for name, prop in component.get("properties", {}).items():
            branches = prop.get("oneOf", [])
            if len(branches) == 2 and branches[1] == BLANK:
                pattern = branches[0].get("pattern", "")
                if pattern in (TEXT_PATTERN, f"^$|{URL_PATTERN}"):
                    rest = {k: v for k, v in prop.items() if k != "oneOf"}
                    component["properties"][name] = {**branches[0], **rest}


# Answers that may match more than one of their alternatives (control/'s whole document also
# matches the one cut down by `fields=`): drf-spectacular writes oneOf, the schema says anyOf.
ANY_OF = ("ControlAnswer",)


def responses_complete(result, generator, request, public):
    """Add the shared Error component, the error responses, 304 and 412 to every operation."""
    components = result.setdefault("components", {}).setdefault("schemas", {})
    _blank_unwrapped(components)
    for name in ANY_OF:
        if "oneOf" in components.get(name, {}):
            components[name]["anyOf"] = components[name].pop("oneOf")
    components["Error"] = ERROR_SCHEMA
    error_ref = {"$ref": "#/components/schemas/Error"}
    for path_item in result.get("paths", {}).values():
        for method, operation in path_item.items():
            if method not in {"get", "post", "patch", "put", "delete"}:
                continue
            responses = operation.setdefault("responses", {})
            read = method == "get"
            for code in READ_ERRORS if read else tuple(ERRORS):
                responses.setdefault(code, _response(ERRORS[code], error_ref))
            for code in READ_BODILESS if read else WRITE_BODILESS:
                responses.setdefault(code, _response(BODILESS[code]))
    return result
