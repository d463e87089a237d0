/*
 * The address carries the map's state (date, lens, the open district, the time bar's range),
 * so that any view can be shared: /?date=2016-12-07&lens=consensus. `readAddress` and
 * `queryString` are pure; `createAddress` keeps the address, the other-language link and the
 * embed's "open the full map" link up to date.
 */
import { rangeOf } from "./axis.js";
import { dayNumber, dayString } from "./days.js";

export const URL_DELAY_MS = 150; // history.replaceState at most this often
export const DEFAULT_LENS = "consensus";

/**
 * Return what the query string `search` asks for: { day (NaN if none or not a real date),
 * lens (the default when missing or unknown to `hasLens`), unknownLens (the lens asked for
 * if unknown, else null), district (slug or null), range ("all" unless a known one),
 * language (the `lang` to keep, or null), compare (the day compared with, NaN if none or not
 * a real date) }.
 */
export function readAddress(search, hasLens) {
  const params = new URLSearchParams(search);
  const asked = params.get("lens") || DEFAULT_LENS;
  const known = hasLens(asked);
  return {
    day: dayNumber(params.get("date")),
    lens: known ? asked : DEFAULT_LENS,
    unknownLens: known ? null : asked,
    district: params.get("district"),
    range: rangeOf(params.get("range") || "all"),
    language: params.get("lang"),
    // m16b: the day compared with (compare.js); NaN if none or not a real date.
    compare: dayNumber(params.get("compare")),
  };
}

/**
 * Return the query string of a view: "?date=...&lens=..." then the district if one is open,
 * the range unless "all", the day compared with if any, and `language` if given. The lens
 * keeps its ":" readable.
 */
export function queryString(view, language) {
  const parts = ["date=" + dayString(view.day),
    "lens=" + encodeURIComponent(view.lens).replace(/%3A/gi, ":")];
  if (view.district) parts.push("district=" + encodeURIComponent(view.district));
  if (view.range !== "all") parts.push("range=" + view.range);
  if (Number.isFinite(view.compare)) parts.push("compare=" + dayString(view.compare)); // m16b
  if (language) parts.push("lang=" + encodeURIComponent(language));
  return "?" + parts.join("&");
}

/**
 * Keep the address of `win` (a window) in step with `store`, at most every URL_DELAY_MS.
 * options: { slugOf(i), pageUrl, arabic, keepLanguage, languageSwitch, openFull (links) }
 * Returns { write() }: write at once (the links right away at start, not after a pause).
 */
export function createAddress(win, store, options) {
  let timer = null;

  function query(state, language) {
    const district = state.selected >= 0 ? options.slugOf(state.selected) : null;
    return queryString({ day: state.day, lens: state.lens, district: district, range: state.range,
      compare: state.compare }, language);
  }

  function write() {
    if (timer !== null) win.clearTimeout(timer);
    timer = null;
    const state = store.get();
    if (Number.isNaN(state.day)) return;
    const here = query(state, options.keepLanguage);
    if (win.location.search !== here) {
      win.history.replaceState(win.history.state, "", win.location.pathname + here);
    }
    if (options.languageSwitch) {
      options.languageSwitch.href = win.location.pathname + query(state, options.arabic ? "en" : "ar");
    }
    if (options.openFull) options.openFull.href = options.pageUrl + query(state, options.keepLanguage);
  }

  store.subscribe((state, changed) => {
    const moved = changed.has("day") || changed.has("lens") || changed.has("selected") ||
      changed.has("range") || changed.has("compare");
    if (moved && timer === null) timer = win.setTimeout(write, URL_DELAY_MS);
  });
  return { write: write };
}
