"""The claim proposer's rules from whole French, Spanish, Italian and Portuguese articles pasted
as an analyst would (tracker/extraction_words_intl.py): one scenario each, on the shared small
gazetteer, in sentences of our own."""

from tests.tracker.test_extraction_rules import propose


def test_an_abandoned_district_is_lost_by_the_side_that_abandons_it():
    assert propose("Les insurgés ont abandonné Hanano après une semaine.") == [
        ("hanano", "government", "lost")
    ]
    assert propose("Los rebeldes abandonaron Hanano el lunes.") == [
        ("hanano", "government", "lost")
    ]
    assert propose("I ribelli hanno abbandonato Hanano.") == [("hanano", "government", "lost")]
    assert propose("Os rebeldes abandonaram Hanano na segunda-feira.") == [
        ("hanano", "government", "lost")
    ]


def test_a_side_forced_to_abandon_a_district_loses_it():
    assert propose("Les rebelles ont été obligés d'abandonner Hanano.") == [
        ("hanano", "government", "lost")
    ]
    assert propose("Los insurgentes fueron obligados a abandonar Hanano.") == [
        ("hanano", "government", "lost")
    ]


def test_a_taking_told_as_a_success_is_a_taking():
    assert propose("L'armée a fini par reprendre Hanano mardi.") == [
        ("hanano", "government", "captured")
    ]
    assert propose("Les rebelles ont réussi à prendre Hanano.") == [
        ("hanano", "rebels", "captured")
    ]
    assert propose("El ejército logró recuperar Hanano.") == [("hanano", "government", "captured")]
    assert propose("El ejército ha logrado recuperar el control del barrio de Hanano.") == [
        ("hanano", "government", "captured")
    ]
    assert propose("L'esercito è riuscito a riprendere Hanano.") == [
        ("hanano", "government", "captured")
    ]
    # Guard: "pour reprendre" (to retake) is an aim, not a taking.
    assert ("hanano", "government", "captured") not in propose(
        "L'armée a massé des troupes pour reprendre Hanano."
    )


def test_a_place_near_or_a_distance_from_a_district_is_not_the_district():
    assert propose("Un poste, toujours aux mains des rebelles, à un kilomètre de Hanano.") == []
    assert propose("Un hôpital des rebelles près de Hanano a été touché.") == []
    assert propose("Una posición rebelde cerca de Hanano fue destruida.") == []
    assert propose("Un deposito dei ribelli vicino a Hanano.") == []
    assert propose("Uma base rebelde perto de Hanano.") == []


def test_a_percentage_of_a_district_is_a_part_of_it():
    assert propose("El ejército controla el 60% de Hanano.") == [
        ("hanano", "contested", "contested")
    ]
    assert propose("L'armée contrôle 60% du quartier de Hanano.") == [
        ("hanano", "contested", "contested")
    ]


def test_french_present_and_imperfect_of_control_are_holding():
    assert propose("Les rebelles contrôlent Hanano malgré les frappes de l'armée.") == [
        ("hanano", "rebels", "held")
    ]
    assert propose("L'armée contrôlait Hanano avant l'assaut des rebelles.") == [
        ("hanano", "government", "held")
    ]
    assert propose("L'armée contrôle désormais Hanano, que les rebelles ont quitté.") == [
        ("hanano", "government", "held")
    ]
    # Guard: "point de contrôle" (checkpoint) is a noun, no verb of holding.
    assert ("hanano", "rebels", "held") not in propose(
        "Un point de contrôle des rebelles à Hanano a été visé par l'armée."
    )


def test_a_side_that_succeeds_in_expelling_the_other_from_a_district_takes_it():
    assert propose("Los rebeldes consiguieron expulsar a los soldados del barrio de Hanano.") == [
        ("hanano", "rebels", "captured")
    ]
    assert propose("Les insurgés ont réussi à chasser l'armée de Hanano.") == [
        ("hanano", "rebels", "captured")
    ]


def test_ground_gained_or_a_breakthrough_in_a_district_is_fighting_there():
    assert propose("Los rebeldes ganaron terreno en el barrio de Hanano.") == [
        ("hanano", "contested", "contested")
    ]
    assert propose("Les rebelles ont gagné du terrain à Hanano.") == [
        ("hanano", "contested", "contested")
    ]
    assert propose("I ribelli hanno guadagnato terreno a Hanano.") == [
        ("hanano", "contested", "contested")
    ]
    assert propose("On parle d'une percée des insurgés dans le quartier de Hanano.") == [
        ("hanano", "contested", "contested")
    ]


def test_a_side_that_had_withdrawn_from_a_district_has_lost_it():
    assert propose("Los insurgentes se habían retirado de Hanano el domingo.") == [
        ("hanano", "government", "lost")
    ]
    assert propose("Os rebeldes tinham retirado de Hanano durante a noite.") == [
        ("hanano", "government", "lost")
    ]


def test_a_side_that_keeps_districts_holds_them():
    assert propose("Los rebeldes apenas conservan dos barrios, Hanano y Sheikh Saeed.") == [
        ("hanano", "rebels", "held"),
        ("sheikh-saeed", "rebels", "held"),
    ]
    assert propose("Les insurgés conservent Hanano malgré l'assaut de l'armée.") == [
        ("hanano", "rebels", "held")
    ]


def test_the_noun_of_a_capture_is_a_taking():
    assert propose("Les rebelles ont annoncé la prise de Hanano.") == [
        ("hanano", "rebels", "captured")
    ]
    assert propose("La toma de Hanano por el ejército fue confirmada.") == [
        ("hanano", "government", "captured")
    ]
    assert propose("L'armée a célébré la reconquête de Hanano.") == [
        ("hanano", "government", "captured")
    ]
    # Guard: a hostage-taking ("prise d'otages") is no capture of the place.
    assert ("hanano", "rebels", "captured") not in propose(
        "Une prise d'otages par les rebelles à Hanano."
    )


def test_a_side_written_as_the_adjective_of_districts_is_no_subject():
    assert propose(
        "L'armée a pilonné les derniers quartiers rebelles et a fini par reprendre Hanano."
    ) == [("hanano", "government", "captured")]
    assert propose("El ejército bombardeó los barrios rebeldes y recuperó Hanano.") == [
        ("hanano", "government", "captured")
    ]


def test_the_noun_of_a_capture_followed_by_a_conditional_is_hypothetical():
    assert propose("La reconquista de Hanano sería una gran victoria para el ejército.") == []
    assert propose("La prise de Hanano par l'armée serait un tournant.") == []


def test_words_of_time_may_stand_between_a_success_and_its_infinitive():
    assert propose("Las tropas leales al régimen han logrado este jueves recuperar Hanano.") == [
        ("hanano", "government", "captured")
    ]


def test_positions_abandoned_after_the_place_are_a_part_of_it():
    assert propose("Os rebeldes ocuparam Hanano, mas algumas posições foram abandonadas.") == [
        ("hanano", "contested", "contested")
    ]
    assert propose("Rebels used Hanano as a base, but some positions were abandoned.") == [
        ("hanano", "contested", "contested")
    ]


def test_portuguese_and_spanish_participles_of_reconquest_are_takings():
    assert propose("Os bairros de Hanano e Sheikh Saeed foram reconquistados pelo exército.") == [
        ("hanano", "government", "captured"),
        ("sheikh-saeed", "government", "captured"),
    ]


def test_curdas_and_curdos_are_the_kurdish_forces():
    assert propose("As milícias curdas libertaram Hanano.") == [
        ("hanano", "kurdish_ypg", "captured")
    ]


def test_portuguese_and_italian_entering_a_district_is_fighting_there():
    assert propose("Também entraram em Hanano, outro ex-reduto dos insurgentes.") == [
        ("hanano", "contested", "contested")
    ]
    assert propose("Le truppe sono entrate a Hanano martedì.") == [
        ("hanano", "contested", "contested")
    ]
