"""Quantitative claims, moved out of the claims core (issue 15), keep their tables and rows.

The model and its history were created by tracker's migration 0006 in the tables
`tracker_quantitativeclaim` and `tracker_historicalquantitativeclaim`; tracker's migration 0014
dropped them from its state. Here they enter this app's state only (`db_table` names the old
tables), and their content types move from `tracker` to `quantitative`, so the permissions that
tracker's migration 0007 gave the analyst and reviewer groups (and any given since, and the
admin's log entries) keep pointing at them.
"""

import django.core.validators
import django.db.models.deletion
import simple_history.models
from django.conf import settings
from django.db import migrations, models

MOVED = ["quantitativeclaim", "historicalquantitativeclaim"]


def content_types_move(apps, schema_editor, *, old="tracker", new="quantitative"):
    """Relabel the moved models' content types; their permissions follow (a permission points
    at its content type). A content type already made for the new label (by a `migrate` that
    ran before this one existed) gives its permissions up to the old one, then goes."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    db = schema_editor.connection.alias
    for model in MOVED:
        moving = ContentType.objects.using(db).filter(app_label=old, model=model).first()
        if moving is None:
            continue
        stale = ContentType.objects.using(db).filter(app_label=new, model=model).first()
        if stale is not None:
            taken = set(
                Permission.objects.using(db)
                .filter(content_type=moving)
                .values_list("codename", flat=True)
            )
            Permission.objects.using(db).filter(content_type=stale).exclude(
                codename__in=taken
            ).update(content_type=moving)
            stale.delete()
        moving.app_label = new
        moving.save(update_fields=["app_label"])


def content_types_return(apps, schema_editor):
    content_types_move(apps, schema_editor, old="quantitative", new="tracker")


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ('districts', '0002_region_description_limit'),
        ('sources', '0004_text_limits'),
        ('tracker', '0014_quantitative_claims_moved_out'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='HistoricalQuantitativeClaim',
                    fields=[
                        ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                        ('attribution', models.CharField(blank=True, help_text='The attribution exactly as the document gives it.', max_length=300)),
                        ('quote', models.TextField(blank=True, max_length=1000, validators=[django.core.validators.MaxLengthValidator(1000)])),
                        ('note', models.TextField(blank=True, help_text='Public: shown with the claim in the API and its CSV. Write what a reader needs about the source (inferred dates, other outlets, known contradictions); internal remarks go in the analyst note.', max_length=2000, validators=[django.core.validators.MaxLengthValidator(2000)], verbose_name='public note')),
                        ('analyst_note', models.TextField(blank=True, help_text='Private: seen only by analysts and reviewers (here and, signed in, in the API); never published in the public API, CSV or map.', max_length=2000, validators=[django.core.validators.MaxLengthValidator(2000)], verbose_name='analyst note')),
                        ('review_status', models.CharField(choices=[('pending', 'Pending'), ('accepted', 'Accepted'), ('disputed', 'Disputed'), ('rejected', 'Rejected')], default='pending', max_length=10)),
                        ('review_reason', models.CharField(blank=True, db_default='', default='', help_text='Why the reviewer rejected or disputed the claim (required for those two).', max_length=500)),
                        ('retracted_on', models.DateField(blank=True, help_text='Set when the source withdrew the claim.', null=True)),
                        ('reviewed_at', models.DateTimeField(blank=True, null=True)),
                        ('import_key', models.CharField(blank=True, editable=False, help_text='Fingerprint of the imported row, so re-importing a file adds nothing.', max_length=80, null=True)),
                        ('created_at', models.DateTimeField(blank=True, editable=False)),
                        ('updated_at', models.DateTimeField(blank=True, editable=False)),
                        ('measure', models.CharField(choices=[('districts_taken', 'Districts taken in the window'), ('districts_held', "Districts held at the window's end"), ('share_held', "Share of the region's area held (%)"), ('area_held_km2', 'Area held (km²)')], max_length=20)),
                        ('value', models.FloatField(help_text="The number as stated: districts, percent of the region's area, or km².")),
                        ('bound', models.CharField(choices=[('exact', 'Exactly'), ('upper', 'At most'), ('lower', 'At least'), ('approx', 'About')], default='exact', max_length=10)),
                        ('date_from', models.DateField(help_text='First day of the window the number covers.')),
                        ('date_to', models.DateField(help_text="Last day of the window: the day a state ('held', 'share') refers to.")),
                        ('history_id', models.AutoField(primary_key=True, serialize=False)),
                        ('history_date', models.DateTimeField(db_index=True)),
                        ('history_change_reason', models.CharField(max_length=100, null=True)),
                        ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                        ('actor', models.ForeignKey(blank=True, db_constraint=False, help_text="The side the number is about (a coalition's members count as the coalition).", null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='tracker.actor')),
                        ('document', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='sources.document')),
                        ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('recorded_by', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('region', models.ForeignKey(blank=True, db_constraint=False, help_text="The set of districts the number is about ('east Aleppo', 'Aleppo city').", null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='districts.region')),
                        ('reviewed_by', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('source', models.ForeignKey(blank=True, db_constraint=False, help_text="Who made the claim (the document's source unless it quotes someone else).", null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='sources.source')),
                    ],
                    options={
                        'verbose_name': 'historical quantitative claim',
                        'verbose_name_plural': 'historical quantitative claims',
                        'db_table': 'tracker_historicalquantitativeclaim',
                        'ordering': ('-history_date', '-history_id'),
                        'get_latest_by': ('history_date', 'history_id'),
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
                migrations.CreateModel(
                    name='QuantitativeClaim',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('attribution', models.CharField(blank=True, help_text='The attribution exactly as the document gives it.', max_length=300)),
                        ('quote', models.TextField(blank=True, max_length=1000, validators=[django.core.validators.MaxLengthValidator(1000)])),
                        ('note', models.TextField(blank=True, help_text='Public: shown with the claim in the API and its CSV. Write what a reader needs about the source (inferred dates, other outlets, known contradictions); internal remarks go in the analyst note.', max_length=2000, validators=[django.core.validators.MaxLengthValidator(2000)], verbose_name='public note')),
                        ('analyst_note', models.TextField(blank=True, help_text='Private: seen only by analysts and reviewers (here and, signed in, in the API); never published in the public API, CSV or map.', max_length=2000, validators=[django.core.validators.MaxLengthValidator(2000)], verbose_name='analyst note')),
                        ('review_status', models.CharField(choices=[('pending', 'Pending'), ('accepted', 'Accepted'), ('disputed', 'Disputed'), ('rejected', 'Rejected')], default='pending', max_length=10)),
                        ('review_reason', models.CharField(blank=True, db_default='', default='', help_text='Why the reviewer rejected or disputed the claim (required for those two).', max_length=500)),
                        ('retracted_on', models.DateField(blank=True, help_text='Set when the source withdrew the claim.', null=True)),
                        ('reviewed_at', models.DateTimeField(blank=True, null=True)),
                        ('import_key', models.CharField(blank=True, editable=False, help_text='Fingerprint of the imported row, so re-importing a file adds nothing.', max_length=80, null=True)),
                        ('created_at', models.DateTimeField(auto_now_add=True)),
                        ('updated_at', models.DateTimeField(auto_now=True)),
                        ('measure', models.CharField(choices=[('districts_taken', 'Districts taken in the window'), ('districts_held', "Districts held at the window's end"), ('share_held', "Share of the region's area held (%)"), ('area_held_km2', 'Area held (km²)')], max_length=20)),
                        ('value', models.FloatField(help_text="The number as stated: districts, percent of the region's area, or km².")),
                        ('bound', models.CharField(choices=[('exact', 'Exactly'), ('upper', 'At most'), ('lower', 'At least'), ('approx', 'About')], default='exact', max_length=10)),
                        ('date_from', models.DateField(help_text='First day of the window the number covers.')),
                        ('date_to', models.DateField(help_text="Last day of the window: the day a state ('held', 'share') refers to.")),
                        ('actor', models.ForeignKey(help_text="The side the number is about (a coalition's members count as the coalition).", on_delete=django.db.models.deletion.PROTECT, related_name='quantitative_claims', to='tracker.actor')),
                        ('document', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='quantitative_claims', to='sources.document')),
                        ('recorded_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='quantitative_claims_recorded', to=settings.AUTH_USER_MODEL)),
                        ('region', models.ForeignKey(help_text="The set of districts the number is about ('east Aleppo', 'Aleppo city').", on_delete=django.db.models.deletion.PROTECT, related_name='quantitative_claims', to='districts.region')),
                        ('reviewed_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='quantitative_claims_reviewed', to=settings.AUTH_USER_MODEL)),
                        ('source', models.ForeignKey(help_text="Who made the claim (the document's source unless it quotes someone else).", on_delete=django.db.models.deletion.PROTECT, related_name='quantitative_claims', to='sources.source')),
                    ],
                    options={
                        'db_table': 'tracker_quantitativeclaim',
                        'ordering': ['date_to', 'id'],
                        'indexes': [models.Index(fields=['date_to'], name='qclaim_day_idx'), models.Index(fields=['source', 'date_to'], name='qclaim_source_day_idx')],
                        'constraints': [models.CheckConstraint(condition=models.Q(('date_from__lte', models.F('date_to'))), name='qclaim_window_ordered'), models.CheckConstraint(condition=models.Q(('measure__in', ['districts_taken', 'districts_held', 'share_held', 'area_held_km2'])), name='qclaim_measure_valid'), models.CheckConstraint(condition=models.Q(('bound__in', ['exact', 'upper', 'lower', 'approx'])), name='qclaim_bound_valid'), models.CheckConstraint(condition=models.Q(('value__gte', 0)), name='qclaim_value_not_negative'), models.CheckConstraint(condition=models.Q(models.Q(('measure', 'share_held'), _negated=True), ('value__lte', 100), _connector='OR'), name='qclaim_share_at_most_100_percent'), models.UniqueConstraint(condition=models.Q(('import_key__isnull', False)), fields=('import_key',), name='qclaim_import_key_unique')],
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(content_types_move, content_types_return),
    ]
