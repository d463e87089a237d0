"""Say who made a change, and why, in the history django-simple-history keeps of a model."""

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Model

# The instance attributes django-simple-history reads when it writes a history record.
HISTORY_USER = "_history_user"
HISTORY_REASON = "_change_reason"


def history_note(
    instance: Model, *, by: AbstractBaseUser | None = None, reason: str | None = None
) -> None:
    """Name `by` and `reason` in the history record that the next save or delete of `instance`
    writes. Leave one None to keep what the history would record anyway: the signed-in user of
    the web request (none outside one) and no reason.
    """
    if by is not None:
        setattr(instance, HISTORY_USER, by)
    if reason is not None:
        setattr(instance, HISTORY_REASON, reason)
