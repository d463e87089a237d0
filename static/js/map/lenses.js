/*
 * Lenses: the consensus, a stance's or a source's account. Each lens's timeline
 * (/api/v1/timeline/?lens=) is fetched once, decoded once and kept, so switching back is
 * instant; the lens menu switches, and the map, the time bar and the legend follow.
 * The first paint comes before the timeline, from the one day's state (/api/v1/control/?on=):
 * `firstPaint`.
 */
import { clampDay, dayNumber, dayString } from "./days.js";
import { decode, decodeDay, recordSpan } from "./decode.js";
import { fetchJson, kept } from "./fetch.js";
import { fitAxis } from "./axis.js";
import { DEFAULT_LENS } from "./address.js";
import { areaSeries, bucketList } from "./tallies.js";
import { createLensChooser } from "./lenschooser.js";

/**
 * The fields of control/'s rows the first paint draws (decode.js `decodeDay`): not `claims`,
 * the longest part of the answer. tracker/map_preload.py reads this line, so that the page's
 * preload asks for the very same URL.
 */
export const FIRST_PAINT_FIELDS = "status,actor,actors,since,last_reported,stale";

/**
 * Wire the lens menu to `store`, painting with `painter` (paint.js). config: the page's
 * { timelineUrl, record: {first, last} }; statusShow(message, isError) tells of a failure.
 * Returns { timeline(lens), decoded(lens), firstPaint(lens, day, drawn), apply(lens, data, day),
 * switchTo(lens) }.
 */
export function createLenses(config, store, painter, text, statusShow) {
  const menu = createLensChooser(document, config, text);
  const timelines = new Map(); // lens -> Promise of the payload
  const decodedLenses = new Map(); // lens -> decoded timeline

  function timeline(lens) {
    return kept(timelines, lens,
      () => fetchJson(config.timelineUrl + "?lens=" + encodeURIComponent(lens)));
  }

  /** Return (a promise of) the decoded timeline of `lens` for the districts drawn. */
  function decoded(lens) {
    if (decodedLenses.has(lens)) return Promise.resolve(decodedLenses.get(lens));
    return timeline(lens).then((payload) => {
      if (!decodedLenses.has(lens)) decodedLenses.set(lens, decode(payload, painter.slugs()));
      return decodedLenses.get(lens);
    });
  }

  /**
   * Show `lens` from its decoded timeline `data` on `day` (the latest day of the record if
   * NaN): every district repainted, the time bar's axis and chart, the legend.
   */
  function apply(lens, data, day) {
    const state = store.get();
    menu.show(lens);
    const span = recordSpan(data, config.record, Date.now());
    const latest = dayNumber((config.record || {}).last);
    if (Number.isNaN(day)) day = Number.isNaN(latest) ? span.end : latest;
    day = clampDay(day, span);
    const series = areaSeries(data, painter.areas(), span.start);
    painter.reset(data);
    painter.paint(NaN, day, true);
    store.set({
      lens: lens,
      data: data,
      span: span,
      series: series,
      buckets: bucketList(data, series, text),
      axis: fitAxis(span, state.axis, day, state.range, true),
      day: day,
    });
    document.body.dataset.lens = lens;
  }

  /**
   * Paint `lens` on `day` from that day's state alone (control/): every district coloured as
   * the timeline will colour it, before the timeline is fetched. The store gets the lens, the
   * day and the record's span, but no timeline (`data` stays null): what needs the timeline
   * (the time bar's controls, the legend, the panel) waits for `apply`. The state is asked
   * for at once and painted once `drawn` (the districts drawn, the painter started) resolves.
   * Resolves once painted; rejects if the day's state cannot be had (the caller then waits
   * for the timeline).
   */
  function firstPaint(lens, day, drawn) {
    const url = config.controlUrl + "?on=" + dayString(day) + "&lens=" + encodeURIComponent(lens) +
      "&fields=" + FIRST_PAINT_FIELDS;
    return Promise.all([fetchJson(url), drawn]).then(([payload]) => {
      if (store.get().data) return; // the timeline came first
      menu.show(lens);
      painter.reset(decodeDay(payload, painter.slugs(), day));
      painter.paint(NaN, day, true);
      const span = recordSpan({ first: NaN, last: NaN }, config.record, Date.now());
      store.set({ lens: lens, span: span, day: day });
      document.body.dataset.lens = lens;
    });
  }

  /** Switch to `lens` (the default lens if the page does not offer it). */
  function switchTo(lens) {
    if (!text.hasLens(lens)) lens = DEFAULT_LENS;
    menu.busy(true);
    return decoded(lens)
      .then((data) => apply(lens, data, store.get().day))
      .catch((error) => {
        statusShow(text.t("lens_failed", { error: error.message }), true);
        menu.show(store.get().lens);
      })
      .finally(() => {
        menu.busy(false);
      });
  }

  menu.onChoose(switchTo);
  return {
    timeline: timeline, decoded: decoded, firstPaint: firstPaint, apply: apply, switchTo: switchTo,
  };
}
