"""Let the `analyst` and `reviewer` groups enter and review quantitative claims.

Analysts add and change them; reviewers change them (their review status) and read them.
Neither group may delete one: quantitative claims are rejected or retracted, never deleted.
Named regions stay as migration 0005 left them (analysts read them; administrators edit them).
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GRANTS = {
    "analyst": [
        "tracker.add_quantitativeclaim",
        "tracker.change_quantitativeclaim",
        "tracker.view_quantitativeclaim",
    ],
    "reviewer": ["tracker.change_quantitativeclaim", "tracker.view_quantitativeclaim"],
}


def _permissions(Permission, codes):
    for code in codes:
        app_label, codename = code.split(".")
        yield Permission.objects.get(content_type__app_label=app_label, codename=codename)


def grants_add(apps, schema_editor):
    # Permissions are normally made after `migrate` ends; make them now so they can be granted.
    for label in ("tracker", "districts"):
        app_config = apps.get_app_config(label)
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codes in GRANTS.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(*_permissions(Permission, codes))


def grants_remove(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codes in GRANTS.items():
        for group in Group.objects.filter(name=name):
            group.permissions.remove(*_permissions(Permission, codes))


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("districts", "0001_districts_regions_aliases"),
        ("tracker", "0006_quantitative_claims"),
    ]

    operations = [migrations.RunPython(grants_add, grants_remove)]
