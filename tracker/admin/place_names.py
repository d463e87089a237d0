"""The tracker's part of the region and alias pages: what a name denotes changes claims.

`districts/admin.py` registers the region and spelling pages; a claim names its place as the
source spells it, so saving a region or an alias recomputes the claims whose place name it
denotes. This module re-registers `Region` and `Alias` with subclasses that do so.
"""

from districts import admin as districts_admin
from districts.models import Alias, Region
from districts.names import name_key
from tracker import services
from tracker.admin.extend import admin_replace


def _region_keys(region) -> set[str]:
    """The folded names that denote a region: its names and its aliases."""
    keys = {name_key(region.name_en), name_key(region.name_ar or "")}
    return keys | set(region.aliases.values_list("key", flat=True))


class RegionAdmin(districts_admin.RegionAdmin):
    """The districts app's region page; saving recomputes the claims its names denote."""

    def save_model(self, request, obj, form, change: bool) -> None:
        stored = type(obj).objects.filter(pk=obj.pk).first() if change else None
        request._region_keys_before = _region_keys(stored) if stored else set()
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change: bool) -> None:
        super().save_related(request, form, formsets, change)
        before: set[str] = getattr(request, "_region_keys_before", set())
        services.place_names_refresh(keys=before | _region_keys(form.instance))


class AliasAdmin(districts_admin.AliasAdmin):
    """The districts app's spelling page; saving recomputes the claims the spelling names."""

    def save_model(self, request, obj, form, change: bool) -> None:
        stored = type(obj).objects.filter(pk=obj.pk).first() if change else None
        super().save_model(request, obj, form, change)
        services.place_names_refresh(keys={obj.key, stored.key if stored else ""})

    def delete_model(self, request, obj) -> None:
        key = obj.key
        super().delete_model(request, obj)
        services.place_names_refresh(keys={key})


admin_replace(Region, RegionAdmin)
admin_replace(Alias, AliasAdmin)
