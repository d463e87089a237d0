from django.apps import AppConfig


class QuantitativeConfig(AppConfig):
    """Quantitative claims: numbers about regions, audited against the map (layer 5, above the
    claims core; the core never imports this app)."""

    name = "quantitative"
    label = "quantitative"
    verbose_name = "Quantitative claims"
