"""The claim proposer's rules written from Arabic quotes of one or two sentences, the size of the
coded quotes (tracker/extraction_words_arabic.py): one scenario each, on the shared small
gazetteer, in sentences of our own."""

from datetime import date
from functools import partial

from tests.tracker.test_extraction_rules import BUSTAN, HANANO, OUTLET, SHEIKH_SAEED, propose
from tracker.extraction import Indexes, Place, claims_propose

MUHAFAZA = Place("al-muhafaza", ("al-muhafaza",))
ARABIC = Indexes.build(
    [
        ("هنانو", HANANO),
        ("الشيخ سعيد", SHEIKH_SAEED),
        ("بستان الباشا", BUSTAN),
        ("المحافظة", MUHAFAZA),
    ],
    [],
)
propose_ar = partial(propose, indexes=ARABIC)


def test_an_arabic_attack_launched_on_a_place_is_fighting_there_never_the_attackers():
    assert propose_ar("شن الثوار هجوماً عنيفاً على حي هنانو فجر اليوم.") == [
        ("hanano", "contested", "contested")
    ]
    assert propose_ar("هاجمت قوات النظام حي الشيخ سعيد من ثلاثة محاور.") == [
        ("sheikh-saeed", "contested", "contested")
    ]
    # An attack from afar is no verb of control; an attack repelled is the defender's.
    assert propose_ar("قصف الثوار حي هنانو بقذائف الهاون.") == []
    assert propose_ar("استهدف الثوار حي هنانو بالصواريخ.") == []
    assert propose_ar("تصدى الثوار لهجمات قوات النظام على حي هنانو.") == [
        ("hanano", "rebels", "held")
    ]
    assert propose_ar("أعلن الثوار صدهم هجوماً لقوات النظام في حي الشيخ سعيد.") == [
        ("sheikh-saeed", "rebels", "held")
    ]


def test_an_arabic_attack_on_a_sides_positions_in_a_place_is_fighting_there():
    text = "شنت الفصائل هجوماً على مواقع قوات النظام في حي الشيخ سعيد."
    assert propose_ar(text) == [("sheikh-saeed", "contested", "contested")]


def test_an_arabic_clash_and_the_front_line_are_fighting():
    text = "اشتبكت وحدات من الجيش مع مسلحين في حي هنانو."
    assert propose_ar(text) == [("hanano", "contested", "contested")]
    text = "يقع حي بستان الباشا على خط الجبهة بين قوات النظام والثوار."
    assert propose_ar(text) == [("bustan-al-basha", "contested", "contested")]


def test_arabic_verbs_of_cleansing_and_securing_are_takings():
    assert propose_ar("طهرت وحدات الجيش حي هنانو من المسلحين.") == [
        ("hanano", "government", "captured")
    ]
    assert propose_ar("أمنت قوات النظام حي الشيخ سعيد بالكامل.") == [
        ("sheikh-saeed", "government", "captured")
    ]


def test_an_arabic_withdrawal_in_the_accusative_is_a_loss_and_a_partial_one_contested():
    assert propose_ar("نفذ الثوار انسحاباً تكتيكياً من حي هنانو.") == [
        ("hanano", "government", "lost")
    ]
    assert propose_ar("أعلن الثوار انسحاباً جزئياً من حي هنانو.") == [
        ("hanano", "contested", "contested")
    ]


def test_the_arabic_governorate_in_construct_is_not_the_district():
    assert propose_ar("ينتشر الثوار في محافظة حلب.") == []
    # The district, with its article, is read.
    assert propose_ar("ينتشر الثوار في حي المحافظة.") == [("al-muhafaza", "rebels", "held")]


def test_arabic_landmarks_between_two_places_approached_or_in_a_units_name():
    text = "سيطرت قوات النظام على التلة الواقعة بين حي هنانو وحي الشيخ سعيد."
    assert propose_ar(text) == []
    text = "سيطر الثوار على عدة مبان مع اقترابهم من حي هنانو."
    assert propose_ar(text) == []
    text = "قال قائد كتيبة درع هنانو إن المعارك مستمرة في حي الشيخ سعيد."
    assert propose_ar(text) == [("sheikh-saeed", "contested", "contested")]


def test_an_arabic_holding_by_a_possessive_suffix_is_the_side_named_before():
    text = "يعيش المدنيون في حي هنانو الخاضع لسيطرتهم تحت قصف قوات النظام."
    assert propose_ar(text) == []
    text = "يقول الثوار إن حي هنانو الخاضع لسيطرتهم صامد أمام قوات النظام."
    assert propose_ar(text) == [("hanano", "rebels", "held")]


def test_the_breaker_of_a_siege_holds_the_place_not_the_besieger_named_after():
    text = "تمكن الثوار من فك الحصار الذي تفرضه قوات النظام على حي هنانو."
    assert propose_ar(text) == [("hanano", "rebels", "held")]


def test_egyptian_spellings_of_prepositions_and_sides_are_read_and_the_quote_kept():
    text = "أحكمت القوات النظامية سيطرتها الكاملة علي حي هنانو."
    (proposal,) = claims_propose(text, date(2012, 8, 8), OUTLET, ARABIC)
    assert (proposal.place.label, proposal.controller) == ("hanano", "government")
    assert proposal.quote == text
    assert propose_ar("انسحب الجيش السورى الحر من حى هنانو.") == [("hanano", "government", "lost")]
    # The name Ali is not a preposition.
    assert propose_ar("قال علي إن الثوار انسحبوا من حي هنانو.") == [
        ("hanano", "government", "lost")
    ]


def test_arabic_control_with_its_quote_closed_and_a_day_before_its_preposition():
    text = 'أحكم الجيش "سيطرته الكاملة" الأربعاء على حي هنانو.'
    assert propose_ar(text) == [("hanano", "government", "captured")]


def test_an_arabic_side_spread_in_a_place_holds_it():
    text = "انسحب المسلحون من حي الشيخ سعيد وسط ارتباك المجموعات الإرهابية المنتشرة في حي هنانو."
    assert propose_ar(text) == [
        ("sheikh-saeed", "government", "lost"),
        ("hanano", "rebels", "held"),
    ]


def test_an_arabic_advance_from_a_place_is_made_from_the_advancers_base():
    text = "تتقدم قوات النظام من حي الشيخ سعيد باتجاه حي هنانو."
    assert propose_ar(text) == [("sheikh-saeed", "government", "held")]  # towards Hanano: no claim
    # Parts of a place are no base.
    text = "اقتحمت قوات النظام أجزاء من حي الشيخ سعيد."
    assert propose_ar(text) == [("sheikh-saeed", "contested", "contested")]


def test_an_arabic_enumeration_goes_on_as_far_as_a_place_after_wusulan():
    text = "انسحب المسلحون باتجاه الأحياء الجنوبية وهي هنانو، بستان الباشا، الفردوس وصولاً لمنطقة الشيخ سعيد."
    assert propose_ar(text) == [
        ("hanano", "rebels", "held"),
        ("bustan-al-basha", "rebels", "held"),
        ("sheikh-saeed", "rebels", "held"),
    ]


def test_a_part_of_one_place_of_an_enumeration_is_contested():
    text = "سيطرت قوات النظام على حي هنانو وأجزاء من حي الشيخ سعيد."
    assert propose_ar(text) == [
        ("hanano", "government", "captured"),
        ("sheikh-saeed", "contested", "contested"),
    ]
    text = "Government troops took Hanano and parts of Sheikh Saeed."
    assert propose(text) == [
        ("hanano", "government", "captured"),
        ("sheikh-saeed", "contested", "contested"),
    ]
    # A majority is the whole.
    text = "Government troops took Hanano and large parts of Sheikh Saeed."
    assert propose(text) == [
        ("hanano", "government", "captured"),
        ("sheikh-saeed", "government", "captured"),
    ]


def test_an_arabic_side_stationed_in_a_place_is_there_even_inside_an_attempt_on_it():
    text = "شنت قوات النظام هجوماً في محاولة لضرب المتمردين المتمركزين في حي هنانو."
    assert propose_ar(text) == [("hanano", "rebels", "held")]
