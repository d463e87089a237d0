"""Filters of `claims/` (django-filter): every bad value is a 400 that names the parameter."""

from __future__ import annotations

import django_filters
from django import forms
from django.core.validators import RegexValidator
from django.db.models import Q
from drf_spectacular.utils import extend_schema_field

from sources.models import Source
from tracker.api.serializers.fields import SLUG_RE, day_parse
from tracker.models import Claim


class DayFormField(forms.DateField):
    """A day as the API reads it everywhere (`day_parse`): exactly YYYY-MM-DD, 1900 to 2199."""

    def to_python(self, value):
        if value in self.empty_values:
            return None
        try:
            return day_parse(value)
        except ValueError as error:
            raise forms.ValidationError(str(error)) from None


class DayFilter(django_filters.DateFilter):
    field_class = DayFormField


slug_validator = RegexValidator(SLUG_RE, "Give a slug: letters, digits, '-' and '_' only.")
BASIS_NONE = "none"


class ClaimFilterForm(forms.Form):
    def clean(self):
        data = super().clean()
        assert data is not None  # a form's clean() returns its cleaned data
        start, end = data.get("from"), data.get("to")
        if start and end and start > end:
            self.add_error("to", f"to ({end}) is before from ({start}): swap them.")
        return data


def _slug_filter(field: str, help_text: str) -> django_filters.CharFilter:
    return django_filters.CharFilter(
        field_name=field,
        validators=[slug_validator],
        max_length=100,
        strip=False,
        help_text=help_text,
    )


ORDERING_FIELDS = (
    ("effective_to", "effective_to"),
    ("effective_from", "effective_from"),
    ("id", "id"),
    ("created_at", "created_at"),
    ("updated_at", "updated_at"),
    ("district__slug", "district"),
    ("source__slug", "source"),
)
_ORDER_BY = "-?(" + "|".join(name for _, name in ORDERING_FIELDS) + ")"
ORDERING_PATTERN = f"^{_ORDER_BY}(,{_ORDER_BY})*$"


class ClaimFilter(django_filters.FilterSet):
    district = _slug_filter("district__slug", "District slug.")
    source = _slug_filter("source__slug", "Source slug (who made the claim).")
    actor = django_filters.CharFilter(
        method="filter_actor",
        validators=[slug_validator],
        max_length=100,
        strip=False,
        help_text="Actor slug; a coalition also matches its members' claims.",
    )
    stance = django_filters.ChoiceFilter(
        field_name="source__stance", choices=Source.Stance.choices, help_text="Source stance."
    )
    status = django_filters.ChoiceFilter(choices=Claim.Status.choices)
    kind = django_filters.ChoiceFilter(choices=Claim.Kind.choices)
    review_status = django_filters.ChoiceFilter(choices=Claim.Review.choices)
    basis = django_filters.ChoiceFilter(
        method="filter_basis",
        choices=[*Claim.Basis.choices, (BASIS_NONE, "Not stated")],
        help_text="What the claim rests on: statement, report, assessment or evidence; "
        f"{BASIS_NONE!r} for claims that do not say.",
    )
    mapped = django_filters.ChoiceFilter(
        method="filter_mapped",
        choices=[("true", "true"), ("false", "false")],
        help_text="true: claims about a mapped district; false: place names waiting to be mapped.",
    )
    ordering = django_filters.OrderingFilter(fields=ORDERING_FIELDS)

    class Meta:
        model = Claim
        fields: list[str] = []
        form = ClaimFilterForm

    def filter_actor(self, queryset, name, value):
        return queryset.filter(Q(actor__slug=value) | Q(actor__parent__slug=value))

    @extend_schema_field(
        {
            "type": "string",
            "enum": [*Claim.Basis.values, BASIS_NONE],
            "example": Claim.Basis.ASSESSMENT,
            "description": "What the claim rests on: statement (a party's announcement), report "
            "(a journalist or monitor), assessment (a published map or analyst assessment), "
            f"evidence (geolocated footage or imagery); {BASIS_NONE} for claims that do not say.",
        }
    )
    def filter_basis(self, queryset, name, value):
        return queryset.filter(basis="" if value == BASIS_NONE else value)

    def filter_mapped(self, queryset, name, value):
        return queryset.filter(district__isnull=value != "true")

    def filter_from(self, queryset, name, value):
        return queryset.filter(effective_to__gte=value)

    def filter_to(self, queryset, name, value):
        return queryset.filter(effective_from__lte=value)


# `from` and `to` are Python keywords: add them after the class is built. A claim matches when
# its effective window [effective_from, effective_to] overlaps [from, to].
ClaimFilter.base_filters["from"] = DayFilter(
    method="filter_from",
    help_text="Claims effective on or after this day (YYYY-MM-DD).",
)
ClaimFilter.base_filters["to"] = DayFilter(
    method="filter_to",
    help_text="Claims effective on or before this day (YYYY-MM-DD).",
)
for _name in ("from", "to"):
    ClaimFilter.base_filters[_name].field_name = _name
    ClaimFilter.base_filters[_name].model = Claim
