"""The tracker's part of the district page: who controlled the district, lens by lens.

`districts/admin.py` registers the district page as `districts` knows it (and never imports the
tracker); this module re-registers `District` with a subclass that shows the district's control
strips (`tracker.admin.strips`) above its fields, and links to the claims about it.
"""

from django.urls import reverse

from districts import admin as districts_admin
from districts.models import District
from tracker.admin.extend import admin_replace
from tracker.admin.strips import district_control_strips


class DistrictAdmin(districts_admin.DistrictAdmin):
    change_form_template = "admin/tracker/district_change_form.html"

    def change_view(self, request, object_id, form_url="", extra_context=None):
        district = self.get_object(request, object_id)
        if district is not None:
            extra_context = {
                **(extra_context or {}),
                "control": district_control_strips(district),
                "claims_url": reverse("admin:tracker_claim_changelist")
                + f"?district__id__exact={district.pk}",
            }
        return super().change_view(request, object_id, form_url, extra_context)


admin_replace(District, DistrictAdmin)
