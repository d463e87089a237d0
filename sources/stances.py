"""The stances a source can take: the one list that the source model, the timeline's lenses,
the API and the map all read. It needs no settings and touches no database, so the timeline
engine reads it and stays plain."""

from django.db.models import TextChoices


class Stance(TextChoices):
    """In the order the map and the admin list them."""

    GOVERNMENT = "government", "Government"
    OPPOSITION = "opposition", "Opposition"
    INDEPENDENT = "independent", "Independent"
    KURDISH = "kurdish", "Kurdish"


STANCES: tuple[str, ...] = tuple(Stance.values)
