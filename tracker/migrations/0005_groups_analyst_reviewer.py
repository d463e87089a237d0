"""Create the `analyst` and `reviewer` groups that the admin and the API check.

Analysts enter the record: they add and change claims, documents and sources, and map place
names (aliases). Reviewers judge it: they change claims (their review status) and read the rest.
Neither group may delete anything: claims are rejected or retracted, never deleted.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUPS = {
    "analyst": [
        "tracker.add_claim",
        "tracker.change_claim",
        "tracker.view_claim",
        "tracker.view_actor",
        "tracker.view_controlperiod",
        "sources.add_document",
        "sources.change_document",
        "sources.view_document",
        "sources.add_source",
        "sources.change_source",
        "sources.view_source",
        "districts.view_district",
        "districts.view_region",
        "districts.add_alias",
        "districts.change_alias",
        "districts.view_alias",
    ],
    "reviewer": [
        "tracker.change_claim",
        "tracker.view_claim",
        "tracker.view_actor",
        "tracker.view_controlperiod",
        "sources.view_document",
        "sources.view_source",
        "districts.view_district",
        "districts.view_region",
        "districts.view_alias",
    ],
}


def groups_create(apps, schema_editor):
    # Permissions are normally made after `migrate` ends; make them now so they can be granted.
    for label in ("tracker", "sources", "districts"):
        app_config = apps.get_app_config(label)
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codes in GROUPS.items():
        group, _ = Group.objects.get_or_create(name=name)
        for code in codes:
            app_label, codename = code.split(".")
            group.permissions.add(
                Permission.objects.get(content_type__app_label=app_label, codename=codename)
            )


def groups_delete(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Group.objects.filter(name__in=list(GROUPS)).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("districts", "0001_districts_regions_aliases"),
        ("sources", "0002_source_actor_and_history_users"),
        ("tracker", "0004_control_periods_never_overlap"),
    ]

    operations = [migrations.RunPython(groups_create, groups_delete)]
