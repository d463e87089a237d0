"""The public map's words for its tools: comparing two days, the picture to download, and the
phone's day buttons, in English and Arabic. Merged into `tracker.map_text.TEXT`; kept apart so
that the map's main strings stay one file of manageable size.

Placeholders are written `{name}` and filled in by the scripts with text, never markup.
"""

from __future__ import annotations

TOOLS_TEXT: dict[str, dict[str, str]] = {
    "en": {
        "diff_open": "Compare two days",
        "diff_label": "Compare with",
        "diff_clear": "Stop comparing",
        "diff_title": "From {from} to {to}",
        "diff_gained": "gained {area} km² ({share})",
        "diff_lost": "lost {area} km² ({share})",
        "diff_districts": "{count} districts changed",
        "diff_changes": "{count} changes recorded in between",
        "diff_none": "No district changed between the two days.",
        "diff_key_gained": "Hatched: gained by the side of that colour",
        "diff_key_lost": "Dashed: lost by the side of that colour, to no side",
        "diff_list": "The districts",
        "diff_disputed": "disputed",
        "diff_change": "{before} → {after}",
        "picture_button": "Download picture",
        "picture_hint": "The map as shown, with the date, the view, the legend and the credit, "
        "as a PNG image",
        "picture_no_cors": "No picture: the background map's tile server does not allow its "
        "tiles to be copied (CORS)",
        "picture_failed": "The picture could not be made: {error}",
        "picture_lens": "According to: {lens}",
        "picture_compare": "Changes since {date}: hatched gained, dashed lost",
    },
    "ar": {
        "diff_open": "قارن بين يومين",
        "diff_label": "قارن مع",
        "diff_clear": "أوقف المقارنة",
        "diff_title": "من {from} إلى {to}",
        "diff_gained": "كسب {area} كم² ({share})",
        "diff_lost": "خسر {area} كم² ({share})",
        "diff_districts": "عدد الأحياء التي تغيّرت: {count}",
        "diff_changes": "عدد التغييرات المسجلة بينهما: {count}",
        "diff_none": "لم يتغيّر أي حيّ بين اليومين.",
        "diff_key_gained": "مخطط: كسبه الطرف صاحب هذا اللون",
        "diff_key_lost": "حدّ متقطع: خسره الطرف صاحب هذا اللون، لا لطرف آخر",
        "diff_list": "الأحياء",
        "diff_disputed": "روايات متعارضة",
        "diff_change": "{before} ← {after}",
        "picture_button": "نزّل صورة",
        "picture_hint": "الخريطة كما تظهر، مع التاريخ والعرض ومفتاح الخريطة والمصدر، كصورة PNG",
        "picture_no_cors": "لا صورة: خادم الخريطة الخلفية لا يسمح بنسخ صوره (CORS)",
        "picture_failed": "تعذّر إنشاء الصورة: {error}",
        "picture_lens": "بحسب: {lens}",
        "picture_compare": "التغييرات منذ {date}: المخطط مكسوب، والمتقطع مفقود",
    },
}
