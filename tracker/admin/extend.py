"""How the tracker extends a lower app's admin page without that app importing the tracker.

`districts` and `sources` register their own admin classes and know nothing of claims. The
tracker's admin modules subclass those classes, adding what only the tracker knows, and
register the subclass in the parent's place. Each such module imports the lower app's admin
module first, so the parent is registered before it is replaced, whatever the order in which
Django discovers the admin modules.
"""

from django.contrib import admin
from django.db.models import Model


def admin_replace(model: type[Model], model_admin: type[admin.ModelAdmin]) -> None:
    """Register `model_admin` for `model` on the admin site in place of the one registered."""
    if admin.site.is_registered(model):
        admin.site.unregister(model)
    admin.site.register(model, model_admin)
