"""actors/, sources/ and documents/: who the sides are, who speaks and what they published."""

from __future__ import annotations

from rest_framework import serializers

from sources.models import Document, Source
from tracker.api.serializers.fields import (
    DayField,
    SlugText,
    Text,
    Url,
    actor_ref,
    max_length_of,
    source_ref,
)


class ActorSerializer(serializers.Serializer):
    slug = serializers.CharField(read_only=True)
    name_en = serializers.CharField(read_only=True)
    name_ar = serializers.CharField(read_only=True)
    colour = serializers.CharField(read_only=True, help_text="#rrggbb")
    parent = serializers.CharField(  # type: ignore[assignment]  # a field named like Field.parent; DRF takes it off the class
        source="parent.slug",
        read_only=True,
        allow_null=True,
        help_text="The coalition this actor belongs to (its slug), or null.",
    )


class SourceSerializer(serializers.Serializer):
    create_only_fields = ("slug",)  # the schema leaves it out of a PATCH body

    slug = SlugText(help_text="Unique; cannot change once created.")
    name = Text(max_length=200)
    kind = serializers.ChoiceField(choices=Source.Kind.choices, required=False)
    stance = serializers.ChoiceField(choices=Source.Stance.choices)
    actor = actor_ref(
        required=False, allow_null=True, help_text="Slug of the side it speaks for, or null."
    )
    reliability = serializers.ChoiceField(
        choices=Source.Reliability.choices,
        required=False,
        help_text="Admiralty code A (completely reliable) to E; F: cannot be judged.",
    )
    description = Text(
        required=False, allow_blank=True, max_length=max_length_of(Source, "description")
    )

    def validate_slug(self, slug: str) -> str:
        if self.instance is not None and slug != self.instance.slug:
            raise serializers.ValidationError(
                "A source's slug cannot change: lenses and scripts name it. Leave it out."
            )
        return slug


class DocumentSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    source = source_ref(required=False, allow_null=True)  # type: ignore[assignment]  # a field named like Field.source; DRF takes it off the class
    title = Text(max_length=500, required=False, allow_blank=True)
    citation = Text(
        max_length=max_length_of(Document, "citation"),
        help_text="The reference as read: address, outlet, date, title.",
    )
    url = Url(max_length=1000, required=False, allow_null=True, allow_blank=True)
    archive_url = Url(max_length=1000, required=False, allow_blank=True)
    outlet = Text(max_length=300, required=False, allow_blank=True)
    published_on = DayField(required=False, allow_null=True)
    author = Text(max_length=300, required=False, allow_blank=True)
    language = Text(max_length=20, required=False, allow_blank=True)
    excerpt = Text(required=False, allow_blank=True, max_length=max_length_of(Document, "excerpt"))
    created_at = serializers.DateTimeField(read_only=True)

    def validate_url(self, url: str | None) -> str | None:
        return url or None  # one empty value: null, so unique URLs stay unique

    def validate_citation(self, citation: str) -> str:
        if not citation.strip():
            raise serializers.ValidationError("Give the reference as read (a URL or a title).")
        return citation
