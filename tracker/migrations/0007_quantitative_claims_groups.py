"""Let the `analyst` and `reviewer` groups enter and review quantitative claims.

Analysts add and change them; reviewers change them (their review status) and read them.
Neither group may delete one: quantitative claims are rejected or retracted, never deleted.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GRANTS = {
    "analyst": ["add_quantitativeclaim", "change_quantitativeclaim", "view_quantitativeclaim"],
    "reviewer": ["change_quantitativeclaim", "view_quantitativeclaim"],
}


def grants_add(apps, schema_editor):
    # Permissions are normally made after `migrate` ends; make them now so they can be granted.
    app_config = apps.get_app_config("tracker")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in GRANTS.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(
            *Permission.objects.filter(content_type__app_label="tracker", codename__in=codenames)
        )


def grants_remove(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in GRANTS.items():
        for group in Group.objects.filter(name=name):
            group.permissions.remove(
                *Permission.objects.filter(
                    content_type__app_label="tracker", codename__in=codenames
                )
            )


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("tracker", "0006_quantitative_claims"),
    ]

    operations = [migrations.RunPython(grants_add, grants_remove)]
