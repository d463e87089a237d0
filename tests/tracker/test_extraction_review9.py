"""An adversarial review of the proposer's newest rules (pronoun objects, "not" asides, Sheikh
Maqsoud, repelled advances, the base a side fired from, wire verbs, dates, denials, spellings):
sentences of our own where a rule misfired, each with the rule's own reading kept beside it as a
guard."""

from tests.tracker.test_extraction_arabic_quotes import propose_ar
from tests.tracker.test_extraction_rules import propose


def test_them_after_one_place_is_not_the_place():
    text = "Rebels attacked Hanano with two tanks but lost them both to anti-tank missiles."
    assert propose(text) == [("hanano", "contested", "contested")]
    text = "Rebels stormed Hanano and captured dozens of soldiers, then held them in a school."
    assert propose(text) == [("hanano", "contested", "contested")]
    text = "Pro-government fighters stormed Hanano, but the rebels took them by surprise."
    assert propose(text) == [("hanano", "contested", "contested")]
    # Guard: "them" after a list of places takes the list up.
    text = "The army captured Hanano and Sheikh Saeed and held them for a week."
    assert propose(text) == [
        ("hanano", "government", "held"),
        ("sheikh-saeed", "government", "held"),
    ]


def test_an_arabic_pronoun_of_people_is_not_the_place():
    text = "اقتحم الجيش حي هنانو وقبض على عشرات الشبان وسيطر عليهم."
    assert ("hanano", "government", "captured") not in propose_ar(text)
    text = "شن الثوار هجوماً على حي هنانو وسيطر عليهم الإرهاق بعد ساعات."
    assert ("hanano", "rebels", "captured") not in propose_ar(text)
    # Guard: عليه after the verb is the place.
    text = "اقتحم الجيش حي هنانو صباح اليوم وسيطر عليه بعد معارك عنيفة."
    assert propose_ar(text) == [("hanano", "government", "captured")]


def test_it_in_an_idiom_of_the_verb_is_not_the_place():
    text = "Rebels stormed Hanano and took it as a sign that the army was weakening."
    assert propose(text) == [("hanano", "contested", "contested")]
    text = "The army stormed Hanano and took it for granted that the rebels would flee."
    assert propose(text) == [("hanano", "contested", "contested")]
    text = "Government troops stormed Hanano and took it in turns to guard the prisoners."
    assert propose(text) == [("hanano", "contested", "contested")]
    text = "Troops stormed Hanano and held it up as proof that the rebels were beaten."
    assert propose(text) == [("hanano", "contested", "contested")]
    assert propose("The army pounded Hanano and left it in ruins.") == []
    assert propose("Rebels shelled Hanano and took it hard when the army hit back.") == []
    # Guard: "took it" with nothing after is the taking.
    text = "Government forces stormed Hanano on Monday and took it after heavy fighting."
    assert propose(text) == [("hanano", "government", "captured")]


def test_a_side_fired_upon_from_a_place_does_not_hold_it():
    assert propose("Rebels came under fire from Hanano on Monday.") == []
    assert propose("Rebels said they were fired upon from Hanano.") == []
    assert propose("Rebel fighters were shot dead by snipers firing from Hanano.") == []
    assert propose("The army said a mortar fired from Hanano hit its positions.") == []
    # Guard: the side that fired holds its base.
    assert propose("The army accused rebels of firing from Hanano.") == [
        ("hanano", "rebels", "held")
    ]
    assert propose("Army snipers fired at civilians from the Old City.") == [
        ("old-city", "government", "held")
    ]


def test_where_people_fired_at_came_from_is_not_the_firing_sides_base():
    assert ("hanano", "government", "held") not in propose(
        "The army shelled rebels fleeing from Hanano."
    )
    text = "Army snipers fired at civilians trying to flee from the Old City."
    assert ("old-city", "government", "held") not in propose(text)
    text = "The army fired at a rebel convoy heading from Hanano to Sheikh Saeed."
    assert ("hanano", "government", "held") not in propose(text)
    # Guard: a base named after the people fired at.
    assert propose("The army fired on rebels from its positions in Hanano.") == [
        ("hanano", "government", "held")
    ]
