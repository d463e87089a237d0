"""Seed the sides whose slugs users rely on (contract), and the coalition members inside them."""

from django.db import migrations

ACTORS = [
    # slug, English, Arabic, colour, parent slug
    ("government", "Syrian government and allies", "الحكومة السورية وحلفاؤها", "#c62828", None),
    ("rebels", "Rebel groups", "فصائل المعارضة", "#2e7d32", None),
    ("nusra", "Jabhat al-Nusra / Fateh al-Sham", "جبهة النصرة / فتح الشام", "#37474f", None),
    ("kurdish_ypg", "Kurdish YPG", "وحدات حماية الشعب", "#f9a825", None),
    ("isis", "Islamic State", "تنظيم الدولة الإسلامية", "#000000", None),
    ("syrian-arab-army", "Syrian Arab Army", "الجيش العربي السوري", "#b71c1c", "government"),
    ("russian-forces", "Russian forces", "القوات الروسية", "#8e24aa", "government"),
    ("ahrar-al-sham", "Ahrar al-Sham", "أحرار الشام", "#43a047", "rebels"),
    ("free-syrian-army", "Free Syrian Army", "الجيش السوري الحر", "#66bb6a", "rebels"),
]


def actors_seed(apps, schema_editor):
    Actor = apps.get_model("tracker", "Actor")
    for slug, name_en, name_ar, colour, parent in ACTORS:
        Actor.objects.update_or_create(
            slug=slug,
            defaults={
                "name_en": name_en,
                "name_ar": name_ar,
                "colour": colour,
                "parent": Actor.objects.get(slug=parent) if parent else None,
            },
        )


def actors_unseed(apps, schema_editor):
    Actor = apps.get_model("tracker", "Actor")
    slugs = [a[0] for a in ACTORS]
    Actor.objects.filter(slug__in=slugs, parent__isnull=False).delete()
    Actor.objects.filter(slug__in=slugs).delete()


class Migration(migrations.Migration):
    dependencies = [("tracker", "0001_actors_claims")]

    operations = [migrations.RunPython(actors_seed, actors_unseed)]
