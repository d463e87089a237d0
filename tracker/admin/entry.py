"""Entering a claim in the admin: the form, its defaults, and the save through the services.

The claim's own page (`tracker.admin.claims`) and a document's claim inline
(`tracker.admin.sources`) share the form and the save. Every write goes through
`tracker.services`, the same services the API calls, so the resolved timeline is recomputed
with each change.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django import forms
from django.contrib.admin.widgets import RelatedFieldWidgetWrapper

from districts.models import Region
from districts.selectors import EMPTY_SENTENCE, PlacePlan, place_plan
from tracker import services
from tracker.admin import review
from tracker.admin.places import PlaceSelect, place_field
from tracker.models import Actor, Claim
from tracker.timeline import STANCE_SIDE

if TYPE_CHECKING:
    # The mixin below goes before a model admin, whose methods it extends; a plain class at
    # run time, so the admins' method order is Django's.
    from django.contrib.admin.options import BaseModelAdmin

    _AdminBase = BaseModelAdmin[Any]
else:
    _AdminBase = object

# What a claim says of its place, in the order the forms show it.
CLAIMED_FIELDS = ["status", "actor", "kind", "effective_from", "effective_to", "date_precision"]
CLAIM_ENTRY_FIELDS = [
    "place_name",
    "district",
    *CLAIMED_FIELDS,
    "basis",
    "source",
    "quote",
    "review_status",
    "review_reason",
]
DISTRICT_HELP = "Type an English or Arabic name, an alias, or a region's name."
# What `services.claim_record` takes from a claim form; review and retraction come after.
RECORDED_FIELDS = [
    "document",
    "source",
    "attribution",
    "district",
    "place_name",
    *CLAIMED_FIELDS,
    "basis",
    "quote",
    "note",
    "analyst_note",
]
# Every field a claim's change form may change; `tracker.roles` says who changes which.
FORM_FIELDS = [*RECORDED_FIELDS, "retracted_on", "review_status", "review_reason"]


def source_side(source) -> Actor | None:
    """Return the side a source speaks for: its affiliated actor, else its stance's side."""
    if source is None:
        return None
    if source.actor_id:
        return source.actor
    slug = STANCE_SIDE.get(source.stance)
    return Actor.objects.filter(slug=slug).first() if slug else None


def claim_form_save(form: forms.ModelForm, *, user, document=None) -> list[Claim]:
    """Write a validated claim form through the claim services, which refresh the timeline.

    A new claim goes to `services.claims_record_per_district`: recorded as entered by `user`,
    once per district its place resolved to (a region's name, no district picked, gives one
    claim per district not left out, grouped in one region statement), then reviewed and
    retracted as the form says. A changed claim is saved once, as `user`, with its review, so
    its history shows one version per form sent. The services apply the
    review rules (`tracker.roles`): a review needs a reviewer (`PermissionDenied`), and an
    analyst's change of substance returns an accepted claim to pending. `document` is the
    parent when the claim is entered inside one. Return the claims saved.
    """
    data = form.cleaned_data
    if form.instance.pk is None:
        values = {name: data[name] for name in RECORDED_FIELDS if name in data}
        if document is not None:
            values["document"] = document
        values.pop("district", None)
        return services.claims_record_per_district(
            **values,
            **_region_named(form),
            districts=getattr(form, "districts_resolved", None) or [data.get("district")],
            recorded_by=user,
            review_status=data.get("review_status") or Claim.Review.PENDING,
            review_reason=data.get("review_reason", ""),
            retracted_on=data.get("retracted_on"),
        )
    claim = Claim.objects.select_related("source").get(pk=form.instance.pk)
    changes = {name: data[name] for name in form.changed_data if name in data}
    if changes:  # one save, so one version in the history
        claim = services.claim_update(claim=claim, changed_by=user, **changes)
    return [claim]


def _region_named(form: forms.ModelForm) -> dict[str, Any]:
    """The region a new claim's place resolved to (picked in the district box or named in the
    place name, no district picked by hand) and its districts left out: what
    `claims_record_per_district` groups in one statement."""
    plan = getattr(form, "plan_resolved", None)
    if plan is None or plan.kind != "region" or plan.region is None:
        return {}
    return {"region": plan.region, "districts_left_out": plan.left_out}


def claim_formset_save(formset: forms.BaseInlineFormSet, *, user) -> None:
    """Save a document's claim inline through the services, keeping what the admin logs."""
    formset.new_objects, formset.changed_objects, formset.deleted_objects = [], [], []
    for form in formset.forms:
        if not form.has_changed():
            continue
        adding = form.instance.pk is None
        claims = claim_form_save(form, user=user, document=formset.instance)
        if adding:
            formset.new_objects.extend(claims)
        else:
            formset.changed_objects.extend((claim, form.changed_data) for claim in claims)


class NoRelatedDeleteMixin(_AdminBase):
    """Hide the "delete" button beside each related field: a claim form deletes nothing."""

    related_buttons = True  # False: no add, change or view button either

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        if formfield is not None and isinstance(formfield.widget, RelatedFieldWidgetWrapper):
            formfield.widget.can_delete_related = False
            if not self.related_buttons:
                formfield.widget.can_add_related = False
                formfield.widget.can_change_related = False
                formfield.widget.can_view_related = False
        return formfield


class ClaimEntryForm(forms.ModelForm):
    """A claim as an analyst enters it, with the defaults its document gives.

    Left empty on a new claim: the source is the document's; the side holding the place is the
    one the source speaks for (its affiliated actor, else its stance's side); the window starts
    on the document's publication day and ends the day it starts; the place name is the
    district's English name. The district box (`tracker.admin.places`) finds districts, their
    aliases and regions: an alias picks its district and fills the place name with its
    spelling; a region gives one claim per district of the region (save those left out), the
    place name its name. A place name typed without a district is looked up in the alias table
    as the importer does: a district's name fills the district in, a region's name gives one
    claim per district of the region, and an unknown name leaves the claim unmapped, in the
    queue of unmapped names. Under the box, `place_plan`'s sentence says which, before saving.
    A claim already saved stays one claim: a region cannot become its place.
    """

    # A region's districts the statement does not speak of ("the Old City" while the army held
    # its Citadel throughout): their slugs, comma-separated, set by the document page's chips.
    districts_left_out = forms.CharField(required=False, widget=forms.HiddenInput)

    class Meta:
        model = Claim
        fields = CLAIM_ENTRY_FIELDS

    def __init__(self, *args, document=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.document = document
        self.districts_resolved: list = []
        self.plan_resolved: PlacePlan | None = None  # set by clean() on a new claim
        adding = self.instance.pk is None
        if "place_name" not in self.fields:
            self.fields.pop("districts_left_out", None)  # who cannot name the place, neither
        optional = {
            "source": "Empty: the document's source.",
            "place_name": "As the source spells it. Empty: the district's name.",
            "effective_to": "Empty: the same day as 'effective from'.",
        }
        if adding:
            optional["actor"] = "Empty: the side the source speaks for."
            optional["effective_from"] = "Empty: the document's publication day."
            optional["kind"] = "Empty for a contested place."
        for name, help_text in optional.items():
            if name in self.fields:
                self.fields[name].required = False
                self.fields[name].help_text = help_text
        if adding and "status" in self.fields:
            self.fields["status"].initial = Claim.Status.HELD
        if "district" in self.fields:
            self.fields["district"] = place_field(self.fields["district"])
            self.fields["district"].help_text = DISTRICT_HELP
            self._plan_show(self._plan_of_data() if self.is_bound else self._plan_of_instance())
        if "actor" in self.fields:
            self.fields["actor"].label = "Held by"

    def _document(self):
        return self.document or self.cleaned_data.get("document")

    def clean(self):
        data = super().clean()
        assert data is not None  # a form's clean() returns its cleaned data
        adding = self.instance.pk is None
        document = self._document()
        if "source" in self.fields:
            if data.get("source") is None and document is not None:
                data["source"] = document.source
            if data.get("source") is None and "source" not in self.errors:
                self.add_error(
                    "source", "Pick the source that made this claim: the document names none."
                )
        if adding:
            self._place_resolve(data)
            self._defaults_fill(data, document)
        elif isinstance(data.get("district"), Region):
            plan = place_plan(region=data["district"], new=False)
            self.add_error("district", plan.sentence)
        if "effective_to" in self.fields and data.get("effective_to") is None:
            data["effective_to"] = data.get("effective_from")
        review.review_reason_clean(self, data)
        return data

    def _plan_show(self, plan: PlacePlan) -> None:
        box = self.fields["district"].widget
        select = box.widget if isinstance(box, RelatedFieldWidgetWrapper) else box
        if isinstance(select, PlaceSelect):
            select.plan, select.new = plan, self.instance.pk is None

    def _left_out(self, value) -> set[str]:
        return set(filter(None, (value or "").split(",")))

    def _plan_of_data(self) -> PlacePlan:
        """The plan of the data sent, before it is cleaned: what the form shows again."""
        try:
            chosen = self.fields["district"].clean(self.data.get(self.add_prefix("district")))
        except forms.ValidationError:
            chosen = None
        return place_plan(
            district=None if isinstance(chosen, Region) else chosen,
            region=chosen if isinstance(chosen, Region) else None,
            place_name=self.data.get(self.add_prefix("place_name")) or "",
            left_out=self._left_out(self.data.get(self.add_prefix("districts_left_out"))),
            new=self.instance.pk is None,
        )

    def _plan_of_instance(self) -> PlacePlan:
        claim = self.instance
        if claim.pk is None and not claim.district_id and not claim.place_name:
            return place_plan()  # a blank row: no query
        district = claim.district if claim.district_id else None
        return place_plan(district=district, place_name=claim.place_name, new=claim.pk is None)

    def _place_resolve(self, data: dict) -> None:
        """Resolve the district box and the place name to the districts to record (the plan)."""
        if "district" not in self.fields or "place_name" not in self.fields:
            return
        chosen, place = data.get("district"), (data.get("place_name") or "").strip()
        region = chosen if isinstance(chosen, Region) else None
        district = None if region else chosen
        if not place and chosen is None:
            if "district" not in self.errors:
                self.add_error("district", EMPTY_SENTENCE)
            return
        if not place:  # the place as the box named it: a district's or a region's English name
            place = data["place_name"] = str(chosen)
        plan = place_plan(
            district=district,
            region=region,
            place_name=place,
            left_out=self._left_out(data.get("districts_left_out")),
        )
        self._plan_show(plan)
        if plan.kind == "region" and not plan.districts and plan.region_districts:
            self.add_error("district" if region else "place_name", plan.sentence)
        self.plan_resolved = plan
        self.districts_resolved = list(plan.districts)
        data["district"] = plan.districts[0] if plan.districts else None

    def _defaults_fill(self, data: dict, document) -> None:
        status = data.get("status")
        if "actor" in self.fields and status == Claim.Status.HELD and data.get("actor") is None:
            side = source_side(data.get("source"))
            if data.get("kind") == Claim.Kind.LOST:
                # A source that lost a place says who took it: never its own side by default.
                self.add_error(
                    "actor",
                    "A 'lost' claim names who holds the place afterwards: pick who took it.",
                )
            elif side is None:
                self.add_error("actor", "Pick who holds the place: the source speaks for no side.")
            else:
                data["actor"] = side
        if "actor" in self.fields and status == Claim.Status.CONTESTED and data.get("actor"):
            self.add_error(
                "actor", "A contested place is held by nobody: clear this, or choose 'held'."
            )
        if "kind" in self.fields and not data.get("kind"):
            if status == Claim.Status.CONTESTED:
                data["kind"] = Claim.Kind.CONTESTED
            elif "kind" not in self.errors:
                self.add_error("kind", "Say what the claim reports: captured, lost or held.")
        if "effective_from" in self.fields and data.get("effective_from") is None:
            day = document.published_on if document is not None else None
            if day is None and "effective_from" not in self.errors:
                self.add_error(
                    "effective_from",
                    "Give the day the claim refers to: the document has no publication day.",
                )
            data["effective_from"] = day
