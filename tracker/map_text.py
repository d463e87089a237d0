"""The public map's interface text, in English and Arabic.

The map has a few dozen strings; they are kept here as one small dictionary per language and
handed to the page (template and scripts) by `tracker.views`, so no gettext build step is
needed. Names of districts and sides come from the data, which carries them in both languages.
Placeholders are written `{name}` and filled in by the scripts with text, never markup.
"""

from __future__ import annotations

LANGUAGES = ("en", "ar")
DEFAULT_LANGUAGE = "en"
RTL_LANGUAGES = frozenset({"ar"})

# The credit the CSR licence asks for is shown as written, in every language.
DISTRICTS_CREDIT = (
    "Districts: Columbia Center for Spatial Research, Conflict Urbanism: Aleppo (MIT licence)"
)

TEXT: dict[str, dict[str, str]] = {
    "en": {
        "site_title": "Aleppo control tracker",
        "site_tagline": "Who held which district, day by day: every claim, with who made it "
        "and where it was read.",
        "nav_analysts": "Analysts",
        "nav_api": "Data (API)",
        "other_language": "العربية",
        "other_language_name": "Arabic",
        "map_label": "Map of the districts of Aleppo",
        "loading": "Loading the districts and the timeline…",
        "load_failed": "The map could not be loaded: {error}",
        "lens_failed": "This view could not be loaded ({error}); showing all sources instead.",
        "districts_count": "{count} districts",
        "timeline_label": "Timeline",
        "date_label": "Date",
        "play": "Play",
        "pause": "Pause",
        "speed": "Speed",
        "speed_day": "1 day/s",
        "speed_week": "1 week/s",
        "speed_month": "1 month/s",
        "speed_change": "Change by change",
        "previous_day": "Previous day",
        "next_day": "Next day",
        "previous_change": "Previous change",
        "next_change": "Next change",
        "keys_hint": "Keys: ← → a day, Shift+← → a change, Space play or pause",
        "range_label": "Time shown",
        "range_all": "Whole record",
        "range_year": "1 year",
        "range_quarter": "3 months",
        "chart_scale": "{share} of the city",
        "chart_axis": "Share of the city's area, 0–100%",
        "record_end": "End of the record: {date}",
        "legend_stale": "Dotted, pale: not reported for over {days} days (stale)",
        "lens_label": "According to",
        "lens_consensus": "All sources, weighed",
        "lens_group_stance": "Sources of one stance",
        "lens_group_source": "One source",
        "lens_stance_government": "Government sources",
        "lens_stance_opposition": "Opposition sources",
        "lens_stance_independent": "Independent sources",
        "lens_stance_kurdish": "Kurdish sources",
        "stance_government": "government",
        "stance_opposition": "opposition",
        "stance_independent": "independent",
        "stance_kurdish": "Kurdish",
        "legend_title": "Area on {date}",
        "legend_contested": "Contested: fighting, no holder",
        "legend_disputed": "Disputed: sources disagree",
        "legend_unknown": "Unknown: no claim yet",
        "legend_faded": "Faded: a claim dated to a week or a month; the change may already "
        "have happened",
        "legend_toggle": "Legend",
        "chart_label": "Share of the city's area held by each side over the whole record",
        "changes_count": "{count} changes in this view",
        "panel_close": "Close",
        "panel_loading": "Loading the claims…",
        "panel_failed": "The claims could not be loaded: {error}",
        "state_held": "Held by {actor} since {date}",
        "state_contested": "Contested since {date}",
        "state_disputed": "Disputed since {date}: {actors}",
        "state_unknown": "Unknown on this day: no claim about it yet in this view",
        "state_reported": "; last reported {date}",
        "state_stale": "; stale: last reported {date}",
        "state_until": "; until {date}",
        "state_today": ", to this day",
        "state_uncertain": "May have changed to “{next}” between {from} and {to}",
        "status_held": "held by {actor}",
        "status_contested": "contested",
        "status_disputed": "disputed: {actors}",
        "status_unknown": "unknown",
        "history_title": "Control history",
        "history_empty": "No claim in this view.",
        "compare_title": "How each side tells it on {date}",
        "claims_title": "Claims",
        "period_heading": "{from} – {to}: {state}",
        "period_open": "to the end of the record",
        "supported_by": "Established by",
        "outweighed": "Outweighed or contradicted",
        "claim_says_held": "says held by {actor}",
        "claim_says_contested": "says contested",
        "claim_window_day": "{date}",
        "claim_window_range": "{from} – {to} ({precision})",
        "precision_week": "week",
        "precision_month": "month",
        "basis_statement": "statement",
        "basis_report": "report",
        "basis_assessment": "assessment",
        "basis_evidence": "evidence",
        "claim_link": "Read the source",
        "claim_archive": "Archived copy",
        "review_pending": "not yet reviewed",
        "review_accepted": "accepted by a reviewer",
        "review_disputed": "doubted by a reviewer",
        "review_rejected": "rejected by a reviewer",
        "claim_retracted": "withdrawn by the source on {date}",
        "claims_none": "No claim in this view.",
        "embed_open_full": "Open the full map",
        "and": ", ",
        "versus": " / ",
        "disputed_contested": "contested",
    },
    "ar": {
        "site_title": "متتبّع السيطرة على أحياء حلب",
        "site_tagline": "من سيطر على كل حيّ، يومًا بيوم: كل ادعاء، ومن أطلقه، وأين نُشر.",
        "nav_analysts": "للمحللين",
        "nav_api": "البيانات (واجهة برمجية)",
        "other_language": "English",
        "other_language_name": "الإنجليزية",
        "map_label": "خريطة أحياء حلب",
        "loading": "جارٍ تحميل الأحياء والخط الزمني…",
        "load_failed": "تعذّر تحميل الخريطة: {error}",
        "lens_failed": "تعذّر تحميل هذا العرض ({error})؛ تُعرض كل المصادر بدلًا منه.",
        "districts_count": "عدد الأحياء: {count}",
        "timeline_label": "الخط الزمني",
        "date_label": "التاريخ",
        "play": "تشغيل",
        "pause": "إيقاف مؤقت",
        "speed": "السرعة",
        "speed_day": "يوم/ثانية",
        "speed_week": "أسبوع/ثانية",
        "speed_month": "شهر/ثانية",
        "speed_change": "من تغيير إلى تغيير",
        "previous_day": "اليوم السابق",
        "next_day": "اليوم التالي",
        "previous_change": "التغيير السابق",
        "next_change": "التغيير التالي",
        "keys_hint": "المفاتيح: ← → يوم، Shift مع ← → تغيير، المسافة للتشغيل أو الإيقاف",
        "range_label": "المدة المعروضة",
        "range_all": "السجل كله",
        "range_year": "سنة",
        "range_quarter": "ثلاثة أشهر",
        "chart_scale": "{share} من المدينة",
        "chart_axis": "حصة مساحة المدينة، من 0 إلى 100٪",
        "record_end": "نهاية السجل: {date}",
        "legend_stale": "منقط وباهت جدًا: لا تقرير عنه منذ أكثر من {days} يومًا (قديم)",
        "lens_label": "بحسب",
        "lens_consensus": "كل المصادر، بعد الترجيح",
        "lens_group_stance": "مصادر توجّه واحد",
        "lens_group_source": "مصدر واحد",
        "lens_stance_government": "المصادر الحكومية",
        "lens_stance_opposition": "مصادر المعارضة",
        "lens_stance_independent": "المصادر المستقلة",
        "lens_stance_kurdish": "المصادر الكردية",
        "stance_government": "حكومي",
        "stance_opposition": "معارض",
        "stance_independent": "مستقل",
        "stance_kurdish": "كردي",
        "legend_title": "المساحة في {date}",
        "legend_contested": "متنازع عليه: معارك، بلا مسيطر",
        "legend_disputed": "روايات متعارضة: المصادر مختلفة",
        "legend_unknown": "غير معروف: لا ادعاء بعد",
        "legend_faded": "باهت: ادعاء مؤرخ بأسبوع أو شهر، وربما حدث التغيير قبله",
        "legend_toggle": "مفتاح الخريطة",
        "chart_label": "حصة كل طرف من مساحة المدينة على امتداد السجل",
        "changes_count": "عدد التغييرات في هذا العرض: {count}",
        "panel_close": "إغلاق",
        "panel_loading": "جارٍ تحميل الادعاءات…",
        "panel_failed": "تعذّر تحميل الادعاءات: {error}",
        "state_held": "تحت سيطرة {actor} منذ {date}",
        "state_contested": "متنازع عليه منذ {date}",
        "state_disputed": "روايات متعارضة منذ {date}: {actors}",
        "state_unknown": "غير معروف في هذا اليوم: لا ادعاء عنه بعد في هذا العرض",
        "state_reported": "؛ آخر تقرير في {date}",
        "state_stale": "؛ قديم: آخر تقرير في {date}",
        "state_until": "؛ حتى {date}",
        "state_today": "، حتى اليوم",
        "state_uncertain": "ربما صار «{next}» بين {from} و{to}",
        "status_held": "تحت سيطرة {actor}",
        "status_contested": "متنازع عليه",
        "status_disputed": "روايات متعارضة: {actors}",
        "status_unknown": "غير معروف",
        "history_title": "تاريخ السيطرة",
        "history_empty": "لا ادعاء في هذا العرض.",
        "compare_title": "كيف يرويها كل طرف في {date}",
        "claims_title": "الادعاءات",
        "period_heading": "{from} – {to}: {state}",
        "period_open": "حتى نهاية السجل",
        "supported_by": "تستند إلى",
        "outweighed": "ادعاءات رُجّح غيرها عليها أو تناقضها",
        "claim_says_held": "يقول إنه تحت سيطرة {actor}",
        "claim_says_contested": "يقول إنه متنازع عليه",
        "claim_window_day": "{date}",
        "claim_window_range": "{from} – {to} ({precision})",
        "precision_week": "أسبوع",
        "precision_month": "شهر",
        "basis_statement": "بيان",
        "basis_report": "تقرير",
        "basis_assessment": "تقييم",
        "basis_evidence": "دليل",
        "claim_link": "اقرأ المصدر",
        "claim_archive": "نسخة مؤرشفة",
        "review_pending": "لم يُراجَع بعد",
        "review_accepted": "قبله مراجِع",
        "review_disputed": "شكّك فيه مراجِع",
        "review_rejected": "رفضه مراجِع",
        "claim_retracted": "سحبه المصدر في {date}",
        "claims_none": "لا ادعاء في هذا العرض.",
        "embed_open_full": "افتح الخريطة كاملة",
        "and": "، ",
        "versus": " / ",
        "disputed_contested": "متنازع عليه",
    },
}


def language_pick(requested: str | None, fallback: str | None) -> str:
    """Return `requested` if the map speaks it, else `fallback` if it does, else English."""
    for code in (requested, fallback):
        if code:
            short = code.split("-")[0].lower()
            if short in LANGUAGES:
                return short
    return DEFAULT_LANGUAGE


def text_for(language: str) -> dict[str, str]:
    """Return the interface strings of `language` (English for one the map does not speak)."""
    return TEXT.get(language, TEXT[DEFAULT_LANGUAGE])


# Issue 16, finding places (m16a): the place search and the lens chooser.
PLACES_TEXT: dict[str, dict[str, str]] = {
    "en": {
        "search_label": "Find a district or an area",
        "search_placeholder": "Find a place…",
        "search_none": "No place by that name",
        "search_region": "area of {count} districts",
        "search_also": "also “{name}”",
        "lens_choose": "Choose whose account the map shows",
        "lens_search": "Search the sources",
        "lens_list": "Accounts",
        "lens_claims": "{count} claims",
        "lens_none": "No source by that name",
        "lens_group_source_stance": "One source, {stance}",
    },
    "ar": {
        "search_label": "ابحث عن حيّ أو منطقة",
        "search_placeholder": "ابحث عن مكان…",
        "search_none": "لا مكان بهذا الاسم",
        "search_region": "منطقة تضم {count} من الأحياء",
        "search_also": "أو «{name}»",
        "lens_choose": "اختر رواية من تعرضها الخريطة",
        "lens_search": "ابحث في المصادر",
        "lens_list": "الروايات",
        "lens_claims": "ادعاءات: {count}",
        "lens_none": "لا مصدر بهذا الاسم",
        "lens_group_source_stance": "مصدر واحد، {stance}",
    },
}
for _language, _strings in PLACES_TEXT.items():
    TEXT[_language].update(_strings)
# --- m16b: the words of the map's tools (comparison, picture), kept in their own module. ---
from tracker.map_text_tools import TOOLS_TEXT  # noqa: E402 - merged once the main text exists

for _language, _strings in TOOLS_TEXT.items():
    TEXT[_language].update(_strings)
# --- end m16b ---
