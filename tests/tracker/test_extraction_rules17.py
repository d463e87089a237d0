"""The claim proposer's rules for constructions an earlier round saw and left: places paired with
sides by "respectively" (`tracker.extraction_respectively`); a verb in a clause of another place
("from Y, which they control", "from positions it holds in Y": `tracker.extraction_relative`); a
clause in brackets as an aside to the days (`tracker.extraction_when`) and to the verb, whose
subject the place before it stays (`tracker.extraction_clauses`); German clause openers and
a present holding with no time of its own (`tracker.extraction_when`); control held jointly,
contested (`tracker.extraction_idioms`); two sides' conflicting words, each claim in its own
speaker's voice (`tracker.extraction_voices`); the city after "a district of" is a setting
(`tracker.extraction_halves`); "it" after a verb of control takes up the district of the sentence
before (`tracker.extraction_anaphora`); a question whether claims nothing
(`tracker.extraction_verbs.negated`). One scenario each, with its guards."""

from datetime import date
from functools import partial

from tests.tracker.test_extraction_rules import OUTLET, SPELLED, propose
from tracker.extraction import Indexes, Place, Speaker, claims_propose

MAQSOUD = Place("ash-sheikh-maqsoud", ("ash-sheikh-maqsoud",))
QASR = Place("bustan-al-qaser", ("bustan-al-qaser",))
SALAH = Place("salah-ad-deen", ("salah-ad-deen",))
INDEXES = Indexes.build(
    [
        *SPELLED,
        ("Sheikh Maqsoud", MAQSOUD),
        ("Bustan al-Qasr", QASR),
        ("Salaheddin", SALAH),
        ("بستان القصر", QASR),
        ("صلاح الدين", SALAH),
    ],
    [("SANA", Speaker("SANA", "government")), ("SOHR", Speaker("SOHR", "independent"))],
)
PUBLISHED = date(2016, 12, 15)  # a Thursday
propose17 = partial(propose, published=PUBLISHED, indexes=INDEXES)


def dated(text):
    """The proposals for `text` as (place, holder, first day, last day)."""
    return [
        (p.place.label, p.controller, p.date_from, p.date_to)
        for p in claims_propose(text, PUBLISHED, OUTLET, INDEXES)
    ]


def test_respectively_pairs_sides_and_places_in_order():
    assert propose17("Rebels and the army hold Bustan al-Qasr and Salaheddin respectively.") == [
        ("bustan-al-qaser", "rebels", "held"),
        ("salah-ad-deen", "government", "held"),
    ]
    assert propose17(
        "Bustan al-Qasr and Salaheddin are held by the army and rebels, respectively."
    ) == [
        ("bustan-al-qaser", "government", "held"),
        ("salah-ad-deen", "rebels", "held"),
    ]
    assert propose17("Rebels and the army lost Bustan al-Qasr and Salaheddin respectively.") == [
        ("bustan-al-qaser", "government", "lost"),
        ("salah-ad-deen", "rebels", "lost"),
    ]
    # In the other languages read, after the places or right before them.
    for text in (
        "Los rebeldes y el ejército controlan Bustan al-Qasr y Salaheddin respectivamente.",
        "Les rebelles et l'armée contrôlent respectivement Bustan al-Qasr et Salaheddin.",
        "يسيطر الثوار والجيش على بستان القصر وصلاح الدين على التوالي",
    ):
        assert propose17(text) == [
            ("bustan-al-qaser", "rebels", "held"),
            ("salah-ad-deen", "government", "held"),
        ], text
    # Guard: without "respectively" the list shares its verb's subject.
    assert propose17("Rebels and the army hold Bustan al-Qasr and Salaheddin.") == [
        ("bustan-al-qaser", "rebels", "held"),
        ("salah-ad-deen", "rebels", "held"),
    ]
    # Guard: as many sides as places, or the subject as before.
    assert propose17(
        "The army took Bustan al-Qasr and Salaheddin on Monday and Tuesday respectively."
    ) == [
        ("bustan-al-qaser", "government", "captured"),
        ("salah-ad-deen", "government", "captured"),
    ]


def test_a_verb_in_a_clause_of_another_place_is_that_place_s():
    assert propose17("The army fired on Bustan al-Qasr from positions it holds in Salaheddin.") == [
        ("salah-ad-deen", "government", "held")
    ]
    assert propose17("Rebels shelled Salaheddin from Bustan al-Qasr, which they control.") == [
        ("bustan-al-qaser", "rebels", "held")
    ]
    # Guard: a relative clause of the place itself still reaches it.
    assert propose17("Rebels shelled Salaheddin, which the army controls.") == [
        ("salah-ad-deen", "government", "held")
    ]
    # Guard: the other place's clause still tells of it.
    assert propose17(
        "The army shelled Salaheddin from Bustan al-Qasr, which rebels took from it in 2012."
    ) == [("bustan-al-qaser", "rebels", "captured")]


def test_a_clause_in_brackets_does_not_date_the_main_verb():
    assert dated("Rebels (who have held the district since 2012) lost Salaheddin on Tuesday.") == [
        ("salah-ad-deen", "government", date(2016, 12, 13), date(2016, 12, 13))
    ]
    assert dated("The army (which has fought the rebels since 2012) took Salaheddin.") == [
        ("salah-ad-deen", "government", PUBLISHED, PUBLISHED)
    ]
    # Guard: a time alone in brackets dates the verb.
    assert dated("The army took Salaheddin (on Monday).") == [
        ("salah-ad-deen", "government", date(2016, 12, 12), date(2016, 12, 12))
    ]


def test_german_clause_openers_and_a_present_holding_keep_another_clause_s_month_out():
    assert dated(
        "Die Armee kontrolliert Salaheddin, nachdem die Rebellen im Juli 2012 eingedrungen waren."
    ) == [("salah-ad-deen", "government", PUBLISHED, PUBLISHED)]
    assert dated(
        "Seit Juli 2012 ist die Stadt geteilt, und am Dienstag eroberte die Armee Salaheddin."
    ) == [("salah-ad-deen", "government", date(2016, 12, 13), date(2016, 12, 13))]
    assert dated("The army controls Salaheddin, after rebels entered the city in July 2012.") == [
        ("salah-ad-deen", "government", PUBLISHED, PUBLISHED)
    ]
    assert dated("Die Armee, die im Juli 2013 vorrückte, kontrolliert Salaheddin.") == [
        ("salah-ad-deen", "government", PUBLISHED, PUBLISHED)
    ]
    # Guard: the holding's own clause dates it; a month alone in the sentence still does.
    assert dated(
        "Die Armee eroberte Salaheddin am 12. Dezember, nachdem die Rebellen im Juli 2012 kamen."
    ) == [("salah-ad-deen", "government", date(2016, 12, 12), date(2016, 12, 12))]
    assert dated("Die Armee kontrolliert Salaheddin seit Juli.") == [
        ("salah-ad-deen", "government", date(2016, 7, 1), PUBLISHED)
    ]


def test_control_held_jointly_is_contested():
    assert propose17(
        "Sheikh Maqsoud is held jointly by Kurdish fighters and government forces."
    ) == [("ash-sheikh-maqsoud", "contested", "contested")]
    assert propose17("Sheikh Maqsoud is under the joint control of the YPG and the regime.") == [
        ("ash-sheikh-maqsoud", "contested", "contested")
    ]
    assert propose17("Kurdish fighters and the army jointly control Sheikh Maqsoud.") == [
        ("ash-sheikh-maqsoud", "contested", "contested")
    ]
    for text in (
        "Sheikh Maqsoud est sous le contrôle conjoint des YPG et du régime.",
        "Sheikh Maqsoud está bajo control conjunto de las YPG y del régimen.",
        "Sheikh Maqsoud wird gemeinsam von der YPG und der Armee kontrolliert.",
    ):
        assert propose17(text) == [("ash-sheikh-maqsoud", "contested", "contested")], text
    # Guard: one side's holding is its own.
    assert propose17("Sheikh Maqsoud is held by Kurdish fighters.") == [
        ("ash-sheikh-maqsoud", "kurdish_ypg", "held")
    ]
    # Guard: a joint operation, or taking a place together, is not joint control.
    assert propose17("Die Armee eroberte gemeinsam mit ihren Verbündeten Sheikh Maqsoud.") == [
        ("ash-sheikh-maqsoud", "government", "captured")
    ]
    assert propose17("The army and Kurdish fighters took Sheikh Maqsoud in a joint operation.") == [
        ("ash-sheikh-maqsoud", "government", "captured")
    ]


def voiced(text):
    """The proposals for `text` as (place, holder, claim type, the speaker's stance)."""
    return [
        (p.place.label, p.controller, p.claim_type, p.speaker.stance)
        for p in claims_propose(text, PUBLISHED, OUTLET, INDEXES)
    ]


def test_two_sides_conflicting_words_give_each_its_claim_in_its_voice():
    assert voiced(
        "The army said it had retaken Salaheddin, but rebels insisted they still held it."
    ) == [
        ("salah-ad-deen", "government", "captured", "government"),
        ("salah-ad-deen", "rebels", "held", "opposition"),
    ]
    assert voiced(
        "Rebels claimed they had seized Bustan al-Qasr, while the army maintained that fighting "
        "continued in the district."
    ) == [
        ("bustan-al-qaser", "rebels", "captured", "opposition"),
        ("bustan-al-qaser", "contested", "contested", "government"),
    ]
    # Each voice's own place: "Rebels said ...; the army said ...".
    assert voiced(
        "Kurdish fighters said they held Sheikh Maqsoud; the army said it took Salaheddin."
    ) == [
        ("ash-sheikh-maqsoud", "kurdish_ypg", "held", "kurdish"),
        ("salah-ad-deen", "government", "captured", "government"),
    ]
    # "according to" a side, a side's men, an assault taken up.
    assert voiced(
        "According to the army, Salaheddin was retaken on Monday, but rebel commanders said they "
        "had repelled the assault."
    ) == [
        ("salah-ad-deen", "government", "captured", "government"),
        ("salah-ad-deen", "rebels", "held", "opposition"),
    ]
    # In the other languages read.
    for text in (
        "Die Armee erklärte, sie habe Salaheddin erobert, doch die Rebellen sagten, sie hielten "
        "Salaheddin noch.",
        "El ejército dijo que había tomado Salaheddin, pero los rebeldes aseguraron que aún "
        "controlan Salaheddin.",
    ):
        assert voiced(text) == [
            ("salah-ad-deen", "government", "captured", "government"),
            ("salah-ad-deen", "rebels", "held", "opposition"),
        ], text
    # A source named beside its verb of speech is a voice too, and speaks as itself.
    assert [
        (p.place.label, p.controller, p.speaker.name)
        for p in claims_propose(
            "SANA said the army had retaken Salaheddin, but SOHR said clashes went on in the area.",
            PUBLISHED,
            OUTLET,
            INDEXES,
        )
    ] == [("salah-ad-deen", "government", "SANA"), ("salah-ad-deen", "contested", "SOHR")]
    # The quote is the whole sentence.
    (first, second) = claims_propose(
        "The army said it had retaken Salaheddin, but rebels insisted they still held it.",
        PUBLISHED,
        OUTLET,
        INDEXES,
    )
    assert "rebels insisted" in first.quote and "army said" in second.quote


def test_one_voice_or_one_side_s_voices_are_read_whole():
    # Guard: one side speaking twice is one voice, the document's.
    assert voiced(
        "The army said it had retaken Salaheddin, but the army also said fighting went on."
    ) == [
        ("salah-ad-deen", "government", "captured", "independent"),
    ]
    # Guard: a second side that does not speak opens no voice.
    assert voiced(
        "The army said it had retaken Salaheddin, but rebels still hold Bustan al-Qasr."
    ) == [
        ("salah-ad-deen", "government", "captured", "independent"),
        ("bustan-al-qaser", "rebels", "held", "independent"),
    ]
    # Guard: a second clause with no place and nothing taken up claims nothing.
    assert voiced(
        "The army said it had retaken Salaheddin, but rebels insisted the war was not over."
    ) == [
        ("salah-ad-deen", "government", "captured", "government"),
    ]


def test_the_city_after_a_district_of_is_a_setting():
    assert propose17("The army recaptured a strategic district of Aleppo on Tuesday.") == []
    assert propose17("Rebels seized one neighbourhood of Aleppo, the army said.") == []
    # Guard: the city as the object is claimed, and so are parts of it, contested.
    assert propose17("The army recaptured Aleppo.") == [("aleppo-city", "government", "captured")]
    assert propose17("Rebels seized parts of Aleppo.") == [
        ("aleppo-city", "contested", "contested")
    ]


def test_a_place_s_aside_in_brackets_leaves_it_the_main_verb_s_subject():
    assert dated("Salaheddin (under rebel control since 2012) fell to the army on Tuesday.") == [
        ("salah-ad-deen", "government", date(2016, 12, 13), date(2016, 12, 13))
    ]
    assert propose17("Salaheddin (a rebel stronghold since 2012) was retaken by the army.") == [
        ("salah-ad-deen", "government", "captured")
    ]
    # Guard: with no verb after it, the aside's description still holds.
    assert propose17("Salaheddin (a rebel stronghold) was shelled on Monday.") == [
        ("salah-ad-deen", "rebels", "held")
    ]


def test_it_after_a_verb_of_control_takes_up_the_district_before():
    assert propose17(
        "The army said it had retaken Salaheddin. Rebels insisted they still held it."
    ) == [
        ("salah-ad-deen", "government", "captured"),
        ("salah-ad-deen", "rebels", "held"),
    ]
    assert propose17("The army entered Salaheddin. Rebels lost it to the army on Tuesday.") == [
        ("salah-ad-deen", "contested", "contested"),
        ("salah-ad-deen", "government", "captured"),
    ]
    # Guard: "it" in an idiom, or "it" as a subject, takes up nothing.
    assert propose17("Troops entered Salaheddin. Rebels took it as a sign of weakness.") == [
        ("salah-ad-deen", "contested", "contested")
    ]
    assert propose17("The army entered Salaheddin. It said the operation was over.") == [
        ("salah-ad-deen", "contested", "contested")
    ]


def test_a_question_whether_claims_nothing():
    assert propose17("Has the army retaken Salaheddin?") == []
    assert propose17("Rebellen aus Salaheddin vertrieben?") == []
    assert propose17("هل استعاد الجيش حي صلاح الدين؟") == []
    # Guard: a question why takes the deed as done; a statement after a question is read.
    assert propose17("Why did rebels lose Salaheddin?") == [("salah-ad-deen", "government", "lost")]
    assert propose17("Will the army retake Salaheddin? Rebels still hold it.") == [
        ("salah-ad-deen", "rebels", "held")
    ]
