"""The plain helpers of `common/` that the apps share: history notes, field limits and the
signed-in user."""

import pytest
from django.contrib.auth.models import AnonymousUser

from common.csvfile import field_max_length
from common.history import history_note
from common.users import signed_in
from sources.models import Document, Source
from tests.factories import SourceFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_a_history_note_names_who_and_why_in_the_next_record():
    source = SourceFactory()
    analyst = UserFactory(username="ana")
    source.description = "Rebel media office"
    history_note(source, by=analyst, reason="renamed after the merge")
    source.save()
    record = source.history.first()
    assert (record.history_user, record.history_change_reason) == (
        analyst,
        "renamed after the merge",
    )


def test_a_history_note_without_a_user_leaves_the_record_anonymous_outside_a_request():
    source = SourceFactory()
    history_note(source, by=None, reason="fixed by the server")
    source.save()
    record = source.history.first()
    assert (record.history_user, record.history_change_reason) == (None, "fixed by the server")


def test_a_field_limit_is_read_from_the_model():
    assert field_max_length(Source, "name") == 200  # sources/models.py: Source.name


def test_a_field_without_a_limit_is_refused_by_name():
    with pytest.raises(TypeError, match="Document.published_on sets no max_length"):
        field_max_length(Document, "published_on")


def test_signed_in_gives_back_the_signed_in_user():
    analyst = UserFactory(username="ana")
    assert signed_in(analyst) is analyst


def test_signed_in_refuses_an_anonymous_user_loudly():
    with pytest.raises(AssertionError, match="only a signed-in user"):
        signed_in(AnonymousUser())
