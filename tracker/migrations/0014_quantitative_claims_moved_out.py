"""Quantitative claims moved to their own app, `quantitative` (issue 15): drop the two models
from the claims core's migration state only. The tables `tracker_quantitativeclaim` and
`tracker_historicalquantitativeclaim` stay as they are, with their rows; `quantitative`'s
migration 0001 takes them over (state only too) and moves their content types and permissions.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("tracker", "0013_claim_review_reason"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name="HistoricalQuantitativeClaim"),
                migrations.DeleteModel(name="QuantitativeClaim"),
            ],
            database_operations=[],
        )
    ]
