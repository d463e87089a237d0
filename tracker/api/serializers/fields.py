"""The fields every API input is read with: days, lenses, slugs and ids checked before the
database is asked, text without NUL characters; and the limits they share."""

from __future__ import annotations

import datetime
import re
from typing import TYPE_CHECKING, Any

from rest_framework import serializers

from districts.models import District
from sources.models import Source
from tracker.models import Actor, Claim
from tracker.timeline import CONSENSUS, Lens, LensError

FIRST_DAY, LAST_DAY = datetime.date(1900, 1, 1), datetime.date(2199, 12, 31)
# The schema's pattern (ECMA-262, where `$` is the end of the text) and the API's.
SLUG_PATTERN = "^[-a-zA-Z0-9_]+$"
# `\Z`, not `$`: Python's `$` also matches before a final newline, which a slug never has.
SLUG_RE = re.compile(r"^[-a-zA-Z0-9_]+\Z")
DAY_RE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}\Z")
DAY_INVALID = "Write the day as YYYY-MM-DD, for example 2016-12-07."
DAY_RANGE = f"Give a day between {FIRST_DAY} and {LAST_DAY} (YYYY-MM-DD)."


def day_parse(text: str) -> datetime.date:
    """Read a day written exactly YYYY-MM-DD, from FIRST_DAY to LAST_DAY; a ValueError says
    what is wrong (strptime alone would take 2016-1-7 or year 216)."""
    if not isinstance(text, str) or not DAY_RE.match(text):
        raise ValueError(DAY_INVALID)
    try:
        day = datetime.date.fromisoformat(text)
    except ValueError:
        raise ValueError(DAY_INVALID) from None
    if not FIRST_DAY <= day <= LAST_DAY:
        raise ValueError(DAY_RANGE)
    return day


NOTE_HELP = (
    "The public note: what a reader needs about the source (inferred dates, other outlets, "
    "known contradictions)."
)
ANALYST_NOTE_HELP = (
    "The private analyst note: sent only to signed-in analysts and reviewers (absent for "
    "everyone else), never in the CSV."
)


def max_length_of(model, name: str) -> int:
    """The longest text the model field takes: one limit for the admin, the API and imports."""
    return model._meta.get_field(name).max_length


QUOTE_MAX, NOTE_MAX = max_length_of(Claim, "quote"), max_length_of(Claim, "note")


class DayField(serializers.DateField):
    """A day written YYYY-MM-DD, between 1900-01-01 and 2199-12-31."""

    def __init__(self, **kwargs):
        kwargs.setdefault("input_formats", ["%Y-%m-%d"])
        super().__init__(**kwargs)
        self.error_messages["invalid"] = DAY_INVALID

    def to_internal_value(self, value):
        if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
            value = value.isoformat()
        try:
            return day_parse(value)
        except ValueError as error:
            raise serializers.ValidationError(str(error)) from None


class WholeNumber(serializers.IntegerField):
    """A whole number written in digits (an optional leading '-'): not 3.0, ' 3' or '+3',
    which the schema's `integer` does not admit either."""

    def to_internal_value(self, data):
        if isinstance(data, str) and not re.match(r"^-?[0-9]{1,18}\Z", data):
            self.fail("invalid")
        return super().to_internal_value(data)


class LensField(serializers.CharField):
    """A lens: `consensus`, `source:<source slug>` or `stance:<stance>`."""

    def __init__(self, **kwargs):
        kwargs.setdefault("default", CONSENSUS)
        kwargs.setdefault("max_length", 120)
        kwargs.setdefault("trim_whitespace", False)  # the schema's pattern admits no spaces
        super().__init__(**kwargs)

    def to_internal_value(self, data):
        text = super().to_internal_value(data)
        try:
            lens = Lens.parse(text)
        except LensError as error:
            raise serializers.ValidationError(str(error)) from error
        if lens.kind == "source" and (
            not SLUG_RE.match(lens.value) or not Source.objects.filter(slug=lens.value).exists()
        ):
            raise serializers.ValidationError(
                f"No source has the slug {lens.value!r}: list them at /api/v1/sources/ and "
                "write the lens as 'source:<slug>'."
            )
        return str(lens)


if TYPE_CHECKING:
    # Listed goes before a DRF related field, whose queryset it reads; a plain class at run time.
    _RelatedBase = serializers.RelatedField[Any, Any, Any]
else:
    _RelatedBase = object


class Listed(_RelatedBase):
    """A reference field whose errors name the kind of row and where to list them."""

    def __init__(self, *, listing: str, noun: str, **kwargs):
        super().__init__(**kwargs)
        self.listing, self.noun = listing, noun

    def run_validation(self, data=serializers.empty):
        # DRF reads "" as null (a form's empty field); in JSON a reference is a value or null.
        if data == "":
            raise serializers.ValidationError(
                f"Give a {self.noun} (list them at {self.listing}) or null, not an empty string."
            )
        return super().run_validation(data)

    def row(self, what: str, shown: str, **lookup):
        """The row that matches `lookup`, or a 400 saying that no row has that `what`."""
        queryset = self.get_queryset()
        assert queryset is not None  # a field that reads input is given its queryset
        try:
            return queryset.get(**lookup)
        except queryset.model.DoesNotExist:
            raise serializers.ValidationError(
                f"No {self.noun} has the {what} {shown}; list them at {self.listing}."
            ) from None


class SlugRef(Listed, serializers.SlugRelatedField):
    """A reference to a row by its slug; the slug is checked before the database is asked."""

    def __init__(self, **kwargs):
        kwargs.setdefault("slug_field", "slug")
        super().__init__(**kwargs)

    def to_internal_value(self, data):
        if not isinstance(data, str) or not SLUG_RE.match(data) or len(data) > 100:
            raise serializers.ValidationError(
                f"Give a {self.noun} slug (letters, digits, '-' and '_'); list them at "
                f"{self.listing}."
            )
        return self.row("slug", repr(data), slug=data)


class IdRef(Listed, serializers.PrimaryKeyRelatedField):
    """A reference to a row by its integer id, range-checked before the database is asked."""

    def to_internal_value(self, data):
        if isinstance(data, bool) or not isinstance(data, int) or not 0 < data < 2**63:
            raise serializers.ValidationError(
                f"Give the {self.noun}'s id, a positive integer; list them at {self.listing}."
            )
        return self.row("id", str(data), pk=data)


class Text(serializers.CharField):
    """Text (a JSON string, not a number) that refuses NUL characters before any validator or
    database sees it."""

    def to_internal_value(self, data):
        if not isinstance(data, str):
            raise serializers.ValidationError("Give text: a JSON string.")
        if "\x00" in data:
            raise serializers.ValidationError("Remove the NUL (\\x00) characters from the text.")
        return super().to_internal_value(data)


# What text fields take, as ECMA-262 patterns the schema declares: no NUL anywhere; and, where
# the text may not be blank, one character that is not whitespace (DRF strips what Python's
# str.isspace calls whitespace: ECMA's \s, plus \x1c-\x1f and \x85, less \ufeff).
TEXT_PATTERN = "^[^\\x00]*$"
NONBLANK_PATTERN = "^[^\\x00]*([^\\s\\x00\\x1c-\\x1f\\x85]|\\ufeff)[^\\x00]*$"
# The web addresses the API takes: http(s), a host name of one to three labels and a top-level
# domain (at most 249 characters, so within the 253 of RFC 1034), an optional port, then a
# path, query or fragment without whitespace. Every such address passes Django's
# URLValidator too; the schema declares this pattern and `Url` refuses anything else.
_LABEL = "[A-Za-z0-9]([A-Za-z0-9-]{0,59}[A-Za-z0-9])?"
URL_PATTERN = (
    f"^https?://({_LABEL}\\.){{1,3}}[A-Za-z]{{2,63}}(:[0-9]{{1,5}})?"
    "([/?#][^\\s\\x00\\x1c-\\x1f\\x85]*)?$"
)
_URL_RE = re.compile(URL_PATTERN.removesuffix("$") + "\\Z")


class SlugText(Text):
    """A new record's slug: letters, digits, '-' and '_' (SLUG_PATTERN), at most 100."""

    pattern = SLUG_PATTERN

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 100)
        kwargs.setdefault("trim_whitespace", False)
        super().__init__(**kwargs)

    def to_internal_value(self, data):
        value = super().to_internal_value(data)
        if not SLUG_RE.match(value):
            raise serializers.ValidationError("Use only letters, digits, '-' and '_' in a slug.")
        return value


class Url(serializers.URLField):
    """A web address matching URL_PATTERN, taken as sent (no whitespace trimmed)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("trim_whitespace", False)
        super().__init__(**kwargs)

    def to_internal_value(self, data):
        if isinstance(data, str) and data and not _URL_RE.match(data):
            raise serializers.ValidationError(
                "Give a web address: http:// or https://, a host name such as example.org "
                "(at most three labels before the top-level domain), an optional port, then "
                "the path, without spaces."
            )
        return super().to_internal_value(data)


def actor_ref(**kwargs) -> SlugRef:
    return SlugRef(queryset=Actor.objects.all(), listing="/api/v1/actors/", noun="actor", **kwargs)


def source_ref(**kwargs) -> SlugRef:
    return SlugRef(
        queryset=Source.objects.all(), listing="/api/v1/sources/", noun="source", **kwargs
    )


def district_ref(**kwargs) -> SlugRef:
    return SlugRef(
        queryset=District.objects.all(), listing="/api/v1/districts/", noun="district", **kwargs
    )
