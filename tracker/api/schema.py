"""OpenAPI additions: the error and 304 responses every operation can give, documented once."""

from __future__ import annotations

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
    "400": "A parameter or field is invalid; the body names it and says how to fix it.",
    "401": "Authentication is needed (writes), or the credentials sent are wrong.",
    "403": "The account lacks the group this write needs (analyst, or reviewer).",
    "404": "No such object (unknown slug or id), or a page past the last.",
    "405": "The method is not allowed here (claims, sources and documents are never deleted).",
    "406": "The Accept header asks for a format this endpoint does not serve.",
    "413": "The request body is larger than accepted (1 MB for JSON); it was not read.",
    "415": "The request body's Content-Type is not JSON, a form or multipart.",
    "429": "Too many anonymous requests: wait the number of seconds in Retry-After.",
}
READ_ONLY_ERRORS = ("400", "401", "404", "405", "406", "429")


def responses_complete(result, generator, request, public):
    """Add the shared Error component, the error responses and 304 to every operation."""
    components = result.setdefault("components", {}).setdefault("schemas", {})
    components["Error"] = ERROR_SCHEMA
    error_ref = {"$ref": "#/components/schemas/Error"}
    for path_item in result.get("paths", {}).values():
        for method, operation in path_item.items():
            if method not in {"get", "post", "patch", "put", "delete"}:
                continue
            responses = operation.setdefault("responses", {})
            codes = READ_ONLY_ERRORS if method == "get" else tuple(ERRORS)
            for code in codes:
                responses.setdefault(
                    code,
                    {
                        "description": ERRORS[code],
                        "content": {"application/json": {"schema": error_ref}},
                    },
                )
            if method == "get":
                responses.setdefault(
                    "304",
                    {
                        "description": "Not modified: the ETag (If-None-Match) or date "
                        "(If-Modified-Since) sent still matches the dataset."
                    },
                )
    return result
