"""The claim form's district box: it finds districts, their aliases and regions, and says what
saving will do.

The box is the admin's autocomplete (select2, served by the admin from its own static files)
pointed at `places_search_view` instead of the district admin's search. An answer's value is
a district's id (for a district or one of its aliases, whose spelling then fills the place
name) or `REGION_PREFIX` and a region's id; `PlaceChoiceField` cleans it to a `District` or a
`Region`. Under the box, a line (`aria-live="polite"`) says what saving will do, in the words
of `districts.selectors.place_plan`: rendered by the server with the form, and asked again of
`place_plan_view` by `static/js/admin-place-plan.js` as the analyst types and picks.
Both views answer staff in the analyst group only.
"""

from __future__ import annotations

import json

from django import forms
from django.contrib import admin
from django.contrib.admin.widgets import AutocompleteSelect, RelatedFieldWidgetWrapper
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, JsonResponse
from django.urls import reverse
from django.utils.html import format_html

from districts.models import District, Region
from districts.selectors import (
    EMPTY_SENTENCE,
    REGION_PREFIX,
    PlacePlan,
    place_plan,
    places_search,
    region_match,
    region_token_resolve,
)
from tracker.models import Claim
from tracker.roles import user_is_analyst

TERM_MAX_CHARS = 200  # longer than any place name


class PlaceChoiceField(forms.ModelChoiceField):
    """A district, or a region given as `REGION_PREFIX` and its id: cleans to either."""

    def to_python(self, value):
        if isinstance(value, str) and value.startswith(REGION_PREFIX):
            region = region_token_resolve(value)
            if region is None:
                raise ValidationError(
                    "That region is not in the gazetteer any more: pick the place again.",
                    code="invalid_choice",
                )
            return region
        return super().to_python(value)

    def prepare_value(self, value):
        if isinstance(value, Region):
            return REGION_PREFIX + str(value.pk)
        return super().prepare_value(value)


class PlaceSelect(AutocompleteSelect):
    """The admin's autocomplete over districts, aliases and regions, with the plan under it."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.attrs["class"] = "place-select"
        self.plan: PlacePlan | None = None
        self.new = True

    def get_url(self) -> str:
        return reverse("admin:tracker_claim_places")

    def optgroups(self, name, value, attr=None):
        """Render the chosen district as the admin does, and a chosen region with its label."""
        regions = [v for v in value if str(v).startswith(REGION_PREFIX)]
        groups = super().optgroups(name, [v for v in value if v not in regions], attr)
        options = groups[0][1]
        for token in regions:
            region = region_token_resolve(str(token))
            if region is not None:
                label = region_match(region).label
                options.append(self.create_option(name, token, label, True, len(options)))
        return groups

    def render(self, name, value, attrs=None, renderer=None):
        box = super().render(name, value, attrs, renderer)
        sentence = self.plan.sentence if self.plan else EMPTY_SENTENCE
        line = format_html(
            '<p class="place-plan" id="{}_plan" aria-live="polite" data-plan-url="{}" '
            'data-new="{}" data-kind="{}" data-districts="{}">{}</p>',
            (attrs or {}).get("id", name),
            reverse("admin:tracker_claim_place_plan"),
            "1" if self.new else "0",
            self.plan.kind if self.plan else "empty",
            json.dumps(_named(self.plan.districts) if self.plan else []),
            sentence,
        )
        return box + line

    @property
    def media(self):
        return super().media + forms.Media(
            js=["js/admin-place-plan.js"], css={"all": ["css/admin-place-plan.css"]}
        )


def place_field(field: forms.Field) -> PlaceChoiceField:
    """Return the district box for a claim form's `district` field, keeping its label and
    help, and the related-object buttons the admin put beside it."""
    select = PlaceSelect(Claim._meta.get_field("district"), admin.site)
    widget: forms.Widget = select
    wrapper = field.widget
    if isinstance(wrapper, RelatedFieldWidgetWrapper):
        widget = RelatedFieldWidgetWrapper(
            select,
            wrapper.rel,
            wrapper.admin_site,
            can_add_related=wrapper.can_add_related,
            can_change_related=wrapper.can_change_related,
            can_delete_related=wrapper.can_delete_related,
            can_view_related=wrapper.can_view_related,
        )
    return PlaceChoiceField(
        queryset=District.objects.all(),
        required=False,
        label=field.label,
        help_text=field.help_text,
        widget=widget,
    )


def _named(districts) -> list[dict[str, str]]:
    return [{"slug": d.slug, "name": d.name_en} for d in districts]


def _analyst_only(request: HttpRequest) -> None:
    if not user_is_analyst(request.user):
        raise PermissionDenied


def places_search_view(request: HttpRequest) -> JsonResponse:
    """Answer the district box's search as select2 reads it, each answer with its plan."""
    _analyst_only(request)
    term = request.GET.get("term", "")[:TERM_MAX_CHARS]
    results = [
        {
            "id": match.value,
            "text": match.label,
            "kind": match.kind,
            "place_name": match.place_name,
            "plan": match.plan.sentence,
            "district": match.plan.districts[0].name_en if match.kind == "alias" else None,
        }
        for match in places_search(term)
    ]
    return JsonResponse({"results": results, "pagination": {"more": False}})


def place_plan_view(request: HttpRequest) -> JsonResponse:
    """Answer what saving a claim with the given `district` box value, `place_name` and
    `left_out` slugs (comma-separated) will do; `new=0` for a claim already saved."""
    _analyst_only(request)
    value = request.GET.get("district", "").strip()
    district = region = None
    if value.startswith(REGION_PREFIX):
        region = region_token_resolve(value)
    elif value.isdigit():
        district = District.objects.filter(pk=int(value)).first()
    if value and district is None and region is None:
        message = f"'{value[:40]}' is no district id and no '{REGION_PREFIX}<id>' of a region."
        return JsonResponse({"errors": {"district": [message]}}, status=400)
    plan = place_plan(
        district=district,
        region=region,
        place_name=request.GET.get("place_name", "")[:TERM_MAX_CHARS],
        left_out=set(filter(None, request.GET.get("left_out", "").split(","))),
        new=request.GET.get("new", "1") != "0",
    )
    return JsonResponse(
        {
            "kind": plan.kind,
            "sentence": plan.sentence,
            "region": {"slug": plan.region.slug, "name": plan.region.name_en}
            if plan.region
            else None,
            "districts": _named(plan.districts),
            "region_districts": _named(plan.region_districts),
            "left_out": [d.slug for d in plan.left_out],
        }
    )
