"""The claim admin: analysts enter claims, reviewers judge them, nobody deletes them.

The roles are the groups of migration 0005 (`tracker.roles`):

- analysts (group `analyst`) enter and edit claims; a claim's review status is read-only to them;
- reviewers (group `reviewer`) accept, dispute or reject claims, one by one or in bulk, and
  change nothing else;
- nobody deletes a claim: it is rejected, or retracted by its source, and its history is kept
  and shown on the claim.

The list shows a region statement once, judged whole, with the reviewers' filters
(`tracker.admin.statements`). The form and its save are `tracker.admin.entry`'s; the pages served under the claim admin's
URLs (the unmapped queue, the import, the paint page) are `tracker.admin.workflow`'s and
`tracker.admin.paint`'s.
"""

from __future__ import annotations

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import HttpRequest
from django.urls import path
from django.utils.html import format_html, format_html_join
from simple_history.admin import SimpleHistoryAdmin

from common.users import signed_in
from tracker import roles, services
from tracker.admin import paint, places, proposals, review, statements, workflow
from tracker.admin.entry import FORM_FIELDS, ClaimEntryForm, NoRelatedDeleteMixin, claim_form_save
from tracker.models import Claim

PLACE_ROW = ("place_name", "district")
RECORD_FIELDS = ["recorded_by", "created_at", "reviewed_by", "reviewed_at"]
REVIEW_VERBS: dict[str, str] = {
    Claim.Review.ACCEPTED: "Accepted",
    Claim.Review.DISPUTED: "Disputed",
    Claim.Review.REJECTED: "Rejected",
    Claim.Review.PENDING: "Returned to pending",
}


class MappedFilter(admin.SimpleListFilter):
    title = "mapped to a district"
    parameter_name = "mapped"

    def lookups(self, request, model_admin):
        return [("yes", "Mapped"), ("no", "Unmapped (waiting for an analyst)")]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(district__isnull=False)
        if self.value() == "no":
            return queryset.filter(district__isnull=True)
        return queryset


@admin.register(Claim)
class ClaimAdmin(NoRelatedDeleteMixin, SimpleHistoryAdmin):
    form = ClaimEntryForm
    list_display = [
        "place",
        "district_shown",
        "claimed",
        "window",
        "basis_shown",
        "review",
        "source",
        "people",
    ]
    list_filter = [
        statements.StatementFilter,
        statements.DocumentFilter,
        MappedFilter,
        "review_status",
        "status",
        "kind",
        "actor",
        "source__stance",
        "date_precision",
        "basis",
        "source",
    ]
    list_select_related = [
        *("district", "actor", "source", "recorded_by", "reviewed_by", "statement")
    ]
    ordering = ["-effective_to", "-id"]  # the latest claims first
    # A reviewer finds a claim by anything its reader saw: the words, who said them, where.
    search_fields = [
        "place_name",
        "quote",
        "attribution",
        "district__name_en",
        "district__name_ar",
        "source__name",
        "document__title",
        "document__citation",
        "document__url",
        "document__outlet",
    ]
    date_hierarchy = "effective_to"
    autocomplete_fields = ["document", "district", "actor", "source"]
    actions = ["claims_accept", "claims_dispute", "claims_reject"]

    class Media:
        css = {"all": ["css/admin-workflow.css"]}

    fieldsets = [
        ("Entered and reviewed", {"fields": [("recorded_by", "created_at"), "region_statement"]}),
        (None, {"fields": ["document", "source", "attribution"]}),
        (
            "What is claimed",
            {
                "fields": [
                    PLACE_ROW,
                    ("status", "actor", "kind"),
                    ("effective_from", "effective_to", "date_precision"),
                    "basis",
                    "quote",
                ]
            },
        ),
        (
            "Review",
            {
                "fields": [
                    "review_status",
                    "review_reason",
                    ("reviewed_by", "reviewed_at"),
                    "note",
                    "analyst_note",
                    "retracted_on",
                ]
            },
        ),
        ("Every change to this claim", {"fields": ["change_history", "import_key"]}),
    ]

    def get_fieldsets(self, request, obj=None):
        if obj is not None:
            return self.fieldsets
        # Nothing entered, reviewed or changed yet.
        fieldsets = [fs for fs in self.fieldsets if fs[0] not in {"Entered and reviewed"}][:-1]
        if "place_name" in self.get_readonly_fields(request, obj):
            return fieldsets
        # A new claim may name a region: its chips set the districts the statement leaves out.
        row = (*PLACE_ROW, "districts_left_out")
        return [
            (name, {**opts, "fields": [row if f == PLACE_ROW else f for f in opts["fields"]]})
            for name, opts in fieldsets
        ]

    def get_readonly_fields(self, request, obj=None):
        """Analysts cannot set the review fields; reviewers can set nothing else."""
        refused = roles.fields_refused(request.user, FORM_FIELDS)
        return [*RECORD_FIELDS, "import_key", "change_history", "region_statement", *refused]

    def get_urls(self):
        site = self.admin_site
        return [
            path(
                "unmapped/",
                site.admin_view(workflow.unmapped_queue_view(self)),
                name="tracker_claim_unmapped",
            ),
            path(
                "paint/<int:document_id>/",
                paint.paint_view(self),
                name="tracker_claim_paint",
            ),
            path(
                "propose/",
                site.admin_view(proposals.claims_propose_view),
                name="tracker_claim_propose",
            ),
            path(
                "places/",
                site.admin_view(places.places_search_view),
                name="tracker_claim_places",
            ),
            path(
                "places/plan/",
                site.admin_view(places.place_plan_view),
                name="tracker_claim_place_plan",
            ),
            path(
                "import/",
                site.admin_view(workflow.claims_import_view(self)),
                name="tracker_claim_import",
            ),
            *super().get_urls(),
        ]

    def get_changelist(self, request, **kwargs):
        return statements.StatementChangeList

    def changelist_view(self, request, extra_context=None):
        extra_context = {
            **(extra_context or {}),
            "can_map_names": workflow.user_maps_names(request.user),
            "can_import": workflow.user_imports(request.user),
            "unmapped_total": Claim.objects.filter(district__isnull=True).count(),
        }
        return super().changelist_view(request, extra_context)

    # Columns

    @admin.display(description="place name", ordering="place_name")
    def place(self, claim: Claim) -> str:
        if statements.is_statement_row(claim):  # the district column counts and lists them
            return f"{claim.place_name} (region)"
        return claim.place_name

    @admin.display(description="region statement")
    def region_statement(self, claim: Claim) -> str:
        """On a claim's page: the statement it is one district of, linked to its claims."""
        return statements.statement_link(claim)

    @admin.display(description="district", ordering="district__name_en")
    def district_shown(self, claim: Claim) -> str:
        if statements.is_statement_row(claim):
            return statements.statement_districts(claim)
        return str(claim.district) if claim.district else "–"

    @admin.display(description="claimed", ordering="actor__name_en")
    def claimed(self, claim: Claim) -> str:
        if claim.actor is None:
            return "Contested"
        return format_html(
            '<span class="actor-dot" style="background:{}"></span>{}',
            claim.actor.colour,
            claim.actor.name_en,
        )

    @admin.display(description="effective", ordering="effective_to")
    def window(self, claim: Claim) -> str:
        if claim.effective_from == claim.effective_to:
            return str(claim.effective_to)
        return f"{claim.effective_from} – {claim.effective_to}"

    @admin.display(description="basis", ordering="basis")
    def basis_shown(self, claim: Claim) -> str:
        return claim.basis or "–"

    @admin.display(description="review", ordering="review_status")
    def review(self, claim: Claim) -> str:
        return format_html(
            '<span class="review-badge review-{}">{}</span>',
            claim.review_status,
            claim.get_review_status_display(),
        )

    @admin.display(description="by", ordering="recorded_by__username")
    def people(self, claim: Claim) -> str:
        return format_html(
            '<span class="entered-by" title="entered by">{}</span><br>'
            '<span class="reviewed-by" title="reviewed by">{}</span>',
            claim.recorded_by.get_username() if claim.recorded_by else "–",
            claim.reviewed_by.get_username() if claim.reviewed_by else "–",
        )

    @admin.display(description="changes, latest first")
    def change_history(self, claim: Claim) -> str:
        """List every saved version of the claim: when, by whom, and what changed."""
        records = list(claim.history.select_related("history_user").order_by("history_id"))
        rows, previous = [], None
        for record in records:
            if previous is None:
                what = "entered"
            else:
                delta = record.diff_against(previous, foreign_keys_are_objs=True)
                what = "; ".join(
                    f"{change.field}: {_shown(change.old)} → {_shown(change.new)}"
                    for change in delta.changes
                ) or {"~": "saved unchanged", "-": "deleted"}.get(record.history_type, "")
            if record.history_change_reason:  # e.g. why an accepted claim went back to pending
                what = f"{what} ({record.history_change_reason})"
            who = record.history_user.get_username() if record.history_user else "(no user)"
            rows.append((record.history_date.strftime("%Y-%m-%d %H:%M"), who, what))
            previous = record
        if not rows:
            return "–"
        body = format_html_join("", "<tr><td>{}</td><td>{}</td><td>{}</td></tr>", reversed(rows))
        return format_html(
            '<table class="claim-history"><thead><tr><th>when (UTC)</th><th>who</th>'
            "<th>what</th></tr></thead><tbody>{}</tbody></table>",
            body,
        )

    # Review

    def has_review_permission(self, request: HttpRequest) -> bool:
        return roles.user_is_reviewer(request.user) and request.user.has_perm(
            "tracker.change_claim"
        )

    def _review(
        self, request: HttpRequest, queryset: QuerySet[Claim], status: str, reason: str = ""
    ) -> None:
        claims = list(queryset.select_related("source"))
        try:
            changed = services.claims_review_bulk(
                claims=claims,
                review_status=status,
                reviewed_by=signed_in(request.user),
                reason=reason,
            )
        except PermissionDenied as exc:
            self.message_user(request, str(exc), messages.ERROR)
            return
        unchanged = len(claims) - len(changed)
        text = f"{REVIEW_VERBS[status]} {len(changed)} claim{'s' if len(changed) != 1 else ''}."
        if unchanged:
            text += f" {unchanged} already had that status and were left as they were."
        self.message_user(request, text, messages.SUCCESS)

    @admin.action(description="Accept the selected claims", permissions=["review"])
    def claims_accept(self, request, queryset):
        queryset = statements.statement_rows_widened(request, queryset)
        self._review(request, queryset, Claim.Review.ACCEPTED)

    def _review_with_reason(
        self, request: HttpRequest, queryset: QuerySet[Claim], status: str, verb: str
    ):
        """Ask for the reason on an intermediate page, then review with it."""
        queryset = statements.statement_rows_widened(request, queryset)
        return review.reason_asked(
            self,
            request,
            queryset,
            verb=verb,
            done=REVIEW_VERBS[status].lower(),
            review=lambda reason: self._review(request, queryset, status, reason),
        )

    @admin.action(description="Dispute the selected claims…", permissions=["review"])
    def claims_dispute(self, request, queryset):
        return self._review_with_reason(request, queryset, Claim.Review.DISPUTED, "Dispute")

    @admin.action(description="Reject the selected claims…", permissions=["review"])
    def claims_reject(self, request, queryset):
        return self._review_with_reason(request, queryset, Claim.Review.REJECTED, "Reject")

    # Nobody deletes a claim, and the history does not write one back.

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

    def revert_disabled(self, request, obj=None) -> bool:
        return True

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        if request.method == "POST":
            raise PermissionDenied("Edit the claim itself: old versions are not written back.")
        return super().history_form_view(request, object_id, version_id, extra_context)

    def save_model(self, request, obj: Claim, form, change: bool) -> None:
        """Save through the claim services: they record who did it and refresh the timeline."""
        claims = claim_form_save(form, user=request.user)
        obj.pk = claims[0].pk  # the admin logs and redirects with `obj`
        if len(claims) > 1:
            self.message_user(
                request,
                f"“{claims[0].place_name}” names a region: one claim was recorded for each of "
                f"its {len(claims)} districts.",
                messages.INFO,
            )


def _shown(value) -> str:
    if value is None or value == "":
        return "–"
    return str(value)
