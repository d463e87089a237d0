"""Put the armed groups inside their coalitions, as the design asks.

`nusra` was seeded as a top-level side, so a rebel outlet saying Nusra held a district read as
an admission that another side held it. Jabhat al-Nusra / Fateh al-Sham fought inside the rebel
coalition in Aleppo (Jaysh al-Fatah, Fatah Halab); it becomes a member of `rebels`, and the
other groups sources name are seeded as members of their coalitions. The contract slugs stay.
Run `manage.py rebuild_timeline` after migrating, so the stored periods weigh them anew.
"""

from django.db import migrations

MEMBERS = [
    # slug, English, Arabic, colour, parent slug
    ("jaysh-al-fatah", "Jaysh al-Fatah", "جيش الفتح", "#558b2f", "rebels"),
    ("fatah-halab", "Fatah Halab", "فتح حلب", "#7cb342", "rebels"),
    ("nour-al-din-al-zenki", "Nour al-Din al-Zenki", "حركة نور الدين الزنكي", "#689f38", "rebels"),
    (
        "national-defence-forces",
        "National Defence Forces",
        "قوات الدفاع الوطني",
        "#d32f2f",
        "government",
    ),
    ("hezbollah", "Hezbollah", "حزب الله", "#e53935", "government"),
    ("liwa-al-quds", "Liwa al-Quds", "لواء القدس", "#c62828", "government"),
]


def members_seed(apps, schema_editor):
    Actor = apps.get_model("tracker", "Actor")
    rebels = Actor.objects.filter(slug="rebels").first()
    if rebels is not None:
        Actor.objects.filter(slug="nusra", parent__isnull=True).update(parent=rebels)
    for slug, name_en, name_ar, colour, parent in MEMBERS:
        parent_actor = Actor.objects.filter(slug=parent).first()
        if parent_actor is None:
            continue
        Actor.objects.get_or_create(
            slug=slug,
            defaults={
                "name_en": name_en,
                "name_ar": name_ar,
                "colour": colour,
                "parent": parent_actor,
            },
        )


def members_unseed(apps, schema_editor):
    Actor = apps.get_model("tracker", "Actor")
    Actor.objects.filter(slug="nusra").update(parent=None)
    Actor.objects.filter(slug__in=[m[0] for m in MEMBERS], claims__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [("tracker", "0009_claim_basis_period_last_reported")]

    operations = [migrations.RunPython(members_seed, members_unseed)]
