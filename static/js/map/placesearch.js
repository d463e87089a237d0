/*
 * Finding a place by name: every district and region under every spelling the site knows
 * (English, Arabic, each alias), matched the way the server matches the names sources use
 * (districts/names.py `name_key`): case, accents, apostrophes, hyphens and spaces, the Arabic
 * article (al-, el-, as-, ... and ال), Arabic diacritics and letter variants do not count.
 * Pure: no DOM.
 */

const LATIN_ARTICLES = new Set(["al", "el", "il", "as", "es", "ash", "esh", "ad", "ed", "adh",
  "ath", "an", "en", "ar", "er", "at", "et", "az", "ez", "aj", "ej"]);
const ARABIC_FOLD = { "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ة": "ه", "ى": "ي", "ؤ": "و", "ئ": "ي", "ـ": "" };
const ARABIC_MARKS = /[\u064b-\u065f\u0670]/g;
const LATIN_MARKS = /[\u0300-\u036f]/g;
const APOSTROPHES = /['’‘`´ʿʾ"“”]/g;
const SEPARATORS = /[\s\-‐‑–—_/.,;:()[\]]+/;

/** Return `name` cut into folded words, the articles left out (unless nothing else is left). */
export function foldWords(name) {
  const text = String(name || "").normalize("NFKC").toLowerCase()
    .replace(ARABIC_MARKS, "")
    .replace(/[أإآٱةىؤئـ]/g, (ch) => ARABIC_FOLD[ch])
    .normalize("NFKD").replace(LATIN_MARKS, "").normalize("NFC")
    .replace(APOSTROPHES, "");
  const words = text.split(SEPARATORS).filter(Boolean);
  const kept = [];
  for (let word of words) {
    if (LATIN_ARTICLES.has(word)) continue;
    if (word.startsWith("ال") && word.length > 3) word = word.slice(2);
    kept.push(word);
  }
  return kept.length ? kept : words;
}

/** Return the folded key of `name`: its folded words joined (districts/names.py name_key). */
export function foldName(name) {
  return foldWords(name).join("");
}

function spelling(text) {
  const words = foldWords(text);
  // A search may begin at any word: "fares" finds "ash-Sheikh Fares".
  const tails = words.map((w, k) => words.slice(k).join(""));
  return { text: text, key: tails[0] || "", tails: tails };
}

/**
 * Return the search index of the districts (GeoJSON features with properties slug, name_en,
 * name_ar, aliases, area_km2) and the regions ({slug, name_en, name_ar, aliases, districts}),
 * each entry named in the interface language (`arabic`), with its other-language name and
 * every spelling: { kind: "district"|"region", slug, name, other, districts, area, spellings }.
 */
export function placeIndex(features, regions, arabic) {
  const entry = (kind, p, extra) => {
    const first = arabic && p.name_ar ? p.name_ar : p.name_en;
    const second = arabic ? p.name_en : p.name_ar || "";
    const names = [p.name_en, p.name_ar].concat(p.aliases || []).filter(Boolean);
    return Object.assign({
      kind: kind, slug: p.slug, name: first, other: second === first ? "" : second,
      spellings: names.map(spelling),
    }, extra);
  };
  const out = [];
  (regions || []).forEach((r) => out.push(entry("region", r, { districts: r.districts.slice(), area: Infinity })));
  (features || []).forEach((f) => out.push(entry("district", f.properties,
    { districts: [f.properties.slug], area: Number(f.properties.area_km2) || 0 })));
  return out;
}

/** How well a spelling matches a folded query: 0 the whole name, 1 its start, 2 a word's start,
 *  3 anywhere in it, Infinity not at all. */
function matchRank(s, query) {
  if (s.key === query) return 0;
  if (s.key.startsWith(query)) return 1;
  if (s.tails.some((tail) => tail.startsWith(query))) return 2;
  return s.key.includes(query) ? 3 : Infinity;
}

/**
 * Return up to `limit` places matching `query`, best first: [{ entry, rank, via }] where `via`
 * is the spelling that matched when it is neither of the place's two names shown (an alias).
 * Rules: a place ranks by its best-matching spelling (whole name, then its start, then a
 * word's start, then anywhere); ties go to regions, then to larger districts, then by name.
 * A query that folds to nothing (blank, only punctuation) finds nothing.
 */
export function searchPlaces(index, query, limit) {
  const q = foldName(query);
  if (!q) return [];
  const found = [];
  for (const entry of index) {
    let best = Infinity;
    let via = null;
    for (const s of entry.spellings) {
      const rank = matchRank(s, q);
      if (rank < best || (rank === best && via !== null && isShown(entry, s))) {
        best = rank;
        via = isShown(entry, s) ? null : s.text;
      }
    }
    if (best < Infinity) found.push({ entry: entry, rank: best, via: via });
  }
  found.sort((a, b) => a.rank - b.rank || b.entry.area - a.entry.area ||
    a.entry.name.localeCompare(b.entry.name));
  return found.slice(0, limit || 8);
}

function isShown(entry, s) {
  return s.text === entry.name || s.text === entry.other;
}
