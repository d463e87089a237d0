/*
 * The page's words and formats from its configuration (the `map-config` JSON): interface
 * strings with {placeholders}, dates and shares in the page's locale, actors' names and
 * colours, lenses' labels, and the account of a state ("held by X since ..."). Pure: no DOM.
 *
 * Text from the data is returned as text; the callers only ever set it with textContent.
 */
import { dayDate } from "./days.js";
import { safeColour, swatchBackground } from "./style.js";

/**
 * Return `share` fit to be shown as a percentage: never negative, so that a tally's rounding
 * (-0, or -1e-12 after areas move out and back) never reads "-0%". NaN stays NaN.
 */
export function shownShare(share) {
  return share > 0 ? share : Number.isNaN(share) ? share : 0;
}

/**
 * Return the words of a page configured with `config`:
 * { text: {key: template}, locale, language, actors: [{slug, name_en, name_ar, colour}],
 *   lenses: [{value, label, group}] } (group: "" for consensus, "stance" or "source").
 */
export function createText(config) {
  const strings = config.text || {};
  const arabic = config.language === "ar";
  const has = (object, key) => Object.prototype.hasOwnProperty.call(object, key);
  const dateFormat = new Intl.DateTimeFormat(config.locale,
    { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
  const yearFormat = new Intl.DateTimeFormat(config.locale, { year: "numeric", timeZone: "UTC" });
  const monthFormat = new Intl.DateTimeFormat(config.locale,
    { month: "short", year: "numeric", timeZone: "UTC" });
  const percentFormat = new Intl.NumberFormat(config.locale,
    { style: "percent", maximumFractionDigits: 1 });
  const actors = config.actors || [];
  const actorInfo = new Map(actors.map((a) => [a.slug, a]));
  const actorOrder = new Map(actors.map((a, k) => [a.slug, k]));
  const lensLabels = new Map((config.lenses || []).map((l) => [l.value, l.label]));

  /** Return the interface string `key`, its {placeholders} filled with `vars`, as text. */
  function t(key, vars) {
    const template = has(strings, key) ? strings[key] : key;
    if (!vars) return template;
    return template.replace(/\{(\w+)\}/g, (whole, name) => (has(vars, name) ? String(vars[name]) : whole));
  }

  function formatDay(day) {
    return Number.isNaN(day) || day === undefined ? "" : dateFormat.format(dayDate(day));
  }

  function actorName(slug) {
    const actor = actorInfo.get(slug);
    if (!actor) return slug || "";
    return arabic && actor.name_ar ? actor.name_ar : actor.name_en;
  }

  function actorColour(slug) {
    const actor = actorInfo.get(slug);
    return safeColour(actor && actor.colour);
  }

  /** Name the positions of a disputed state: each side, and "contested" if one side only. */
  function disputedNames(slugs) {
    const names = slugs.map(actorName);
    if (names.length < 2) names.push(t("disputed_contested"));
    return names.join(t("versus"));
  }

  /** Return a short account of a state: "held by X", "contested", ... */
  function stateText(state) {
    if (state.status === "held") return t("status_held", { actor: actorName(state.actor) });
    if (state.status === "contested") return t("status_contested");
    if (state.status === "disputed") return t("status_disputed", { actors: disputedNames(state.actors) });
    return t("status_unknown");
  }

  /**
   * Return a full account of a state as of `day` (a day number): the day it began, then the
   * day it was last reported if that is on or before `day` ("stale: last reported ..." when
   * that is too long ago; a report after `day` is not yet known on it), then
   * "until ..." when the period ends after `day`, or "to this day" only when `day` is `today`.
   * An open period seen from a past day says nothing of the present.
   */
  function describe(state, day, today) {
    const date = formatDay(state.since);
    let text;
    if (state.status === "held") text = t("state_held", { actor: actorName(state.actor), date: date });
    else if (state.status === "contested") text = t("state_contested", { date: date });
    else if (state.status === "disputed") {
      text = t("state_disputed", { date: date, actors: disputedNames(state.actors) });
    } else return t("state_unknown");
    const reported = state.lastReported;
    if (Number.isFinite(reported) && reported <= day) {
      text += t(state.stale ? "state_stale" : "state_reported", { date: formatDay(reported) });
    }
    if (state.end !== undefined && state.end !== Infinity && state.end > day) {
      text += t("state_until", { date: formatDay(state.end) });
    } else if (day === today && state.end === Infinity) {
      text += t("state_today");
    }
    return text;
  }

  /** Return the account of the change that may be under way on an uncertain day. */
  function describeUncertain(state) {
    return t("state_uncertain", {
      next: stateText(state.next),
      from: formatDay(state.next.from),
      to: formatDay(state.next.to),
    });
  }

  return {
    t: t,
    language: config.language,
    rtl: Boolean(config.rtl),
    arabic: arabic,
    formatDay: formatDay,
    formatYear: (day) => yearFormat.format(dayDate(day)),
    formatMonth: (date) => monthFormat.format(date),
    formatShare: (share) => percentFormat.format(shownShare(share)),
    actorName: actorName,
    actorColour: actorColour,
    actorOrder: actorOrder,
    hasLens: (lens) => lensLabels.has(lens),
    /** Return consensus and the stance lenses the server offers, in its order. */
    stanceLenses: () => (config.lenses || [])
      .filter((l) => l.group !== "source")
      .map((l) => l.value),
    lensLabel: (lens) => lensLabels.get(lens) || lens,
    stateText: stateText,
    describe: describe,
    describeUncertain: describeUncertain,
    swatchBackground: (state) => swatchBackground(state, actorColour),
  };
}
