"""The claim proposer's Turkish words (Latin script), from quotes of one or two sentences.

Appended to the tables of `tracker.extraction_words` through `tracker.extraction_words_intl`.
Turkish puts the verb last and marks a district with "mahallesi" and its case endings ("Şeyh Said
mahallesinin kontrolünü ele geçirdi", took control of the Sheikh Saeed district). The rules in
words:

- Sides: the Free Syrian Army ("ÖSO", "Özgür Suriye Ordusu"), the opposition ("muhalifler",
  "muhalif gruplar", "rejim karşıtı gruplar") and named brigades ("Tevhid Tugayı") are rebels;
  "rejim güçleri", "Esed güçleri", "Esed rejimi", "Suriye ordusu", "hükümet güçleri" are the
  government; "YPG", "PYD", "Kürt güçleri" the Kurdish forces.
- Taking: "ele geçirdi", "ele geçirdiğini", "ele geçirmesi" (seized; "ele geçirmeye çalıştı",
  tried to seize, and "ele geçiremedi", could not seize, say nothing of control), "kontrolüne
  geçti", "eline geçti" (passed into a side's hands, the side in the genitive before it), "kontrol
  altına aldı" (took under control; "kontrol altına alamadı", could not, says nothing), "geri
  aldı" (took back; "geri almak için", in order to, is an aim); not their passives ("alındı"),
  whose agent, if any, is not the side named before them. Jihadists ("cihatçılar") are rebels; "ordu güçleri" (army forces) the government.
- A place's name with a case ending after an apostrophe ("Hanano'yu", "Hanano'da", "Hanano'dan")
  is that place (`tracker.extraction_places`).
- Losing: "çekildi", "çekilmesi" (withdrew), "kaybetti" (lost); the passives "çıkarıldı",
  "kovuldu" (were driven out) and "püskürtüldü" (were repulsed) of the side that loses.
- Holding: "kontrol ediyor", "kontrolünde", "elinde" (in a side's hands).
- Fighting: "çatışma", "çatışmalar", "çatışıyor" (clashes), "saldırı" (attacks) on the ground.
- Common words capitalised at a sentence's start are no names: "Askeri kaynaklar" (military
  sources) is not as-Sukkari (`tracker.extraction_places`).
- Landmarks: "near" follows its noun ("Neyrab askeri havaalanı yakınındaki Şeyh Said mahallesi",
  the Sheikh Saeed district near Nairab airbase): a place up to three words before "yakınında",
  "yakınındaki", "yakınlarında" only locates another (`tracker.extraction_incidental.landmark`).
"""

from __future__ import annotations

import re

# Words a transliteration would read as a place ("Askeri": military, not as-Sukkari).
COMMON_WORDS = frozenset(["askeri", "askerî"])

SIDES: tuple[tuple[str, str], ...] = (
    (
        r"özgür suriye ordusu\w*|öso\w*|muhalif(?:ler\w*| gruplar\w*| güçler\w*| askerler\w*)"
        r"|rejim karşıtı (?:gruplar|güçler)\w*|tevhid tugayı\w*|cihatçı\w*",
        "rebels",
    ),
    (r"kürt güçleri\w*", "kurdish_ypg"),
    (
        r"rejim güçleri\w*|esed güçleri\w*|esed rejimi\w*|esad rejimi\w*|suriye ordusu\w*"
        r"|hükümet güçleri\w*|rejime bağlı güçler\w*|esed askerleri\w*|ordu güçleri\w*",
        "government",
    ),
)

VERBS: tuple[tuple[str, str], ...] = (
    # A failure, an attempt or an aim ("ele geçiremedi", "ele geçirmeye çalıştı", "geri almak için")
    # says nothing of control.
    (
        r"ele geçire(?:me|mi)\w*|ele geçirme(?:ye|k)\w*|kontrol altına ala(?:ma|mı)\w*"
        r"|kontrol altına alma(?:ya|k)\w*|geri ala(?:ma|mı)\w*|geri alma(?:ya|k)\w*",
        "none",
    ),
    (
        r"(?:kontrolünü )?ele geçir(?:di|diğini|diği|mesi\w*|dikleri\w*)"
        r"|kontrolüne geçti|eline geçti|eline geçmesi\w*"
        r"|kontrol altına (?:aldı|aldığı|alan|alarak)\w*|geri (?:aldı|aldığı)\w*",
        "takes",
    ),
    (r"çekil(?:di|diği|mesi)\w*|kaybetti\w*|çıkarıldı\w*|kovuldu\w*|püskürtüldü\w*", "loses"),
    (r"kontrol ediyor\w*|kontrolünde\w*|elinde(?:ki)?", "holds"),
    (r"çatış\w*|saldırı\w*", "fights"),
)

# "X (askeri havaalanı) yakınındaki Y": X, up to three words before "near", only locates Y.
NEAR_AFTER = re.compile(
    r"(?:['’]\w*)?(?:\s+[^\W\d_][\w-]*){0,3}?\s+yakın(?:lar)?ın(?:da|daki)\b", re.I
)
