/*
 * The time bar's axis: which days it shows (all of the record, or a year or three months
 * around the day) and where its year or month labels go. Pure: no DOM.
 */
import { dateDay, dayDate, dayNumber } from "./days.js";

export const RANGE_DAYS = { year: 365, quarter: 91 }; // "all" is the whole record

/** Return `range` if the time bar knows it ("all", "year", "quarter"), else "all". */
export function rangeOf(range) {
  return Object.prototype.hasOwnProperty.call(RANGE_DAYS, range) ? range : "all";
}

/**
 * Return the days ({start, end}) the time bar shows of `span` for `range` on `day`: the whole
 * span for "all" (or a span shorter than the range); else a window of the range's width,
 * centred on the day when `centre`, else kept while the day is inside `axis` and paged when
 * the day leaves it (the day lands 10% in when it ran off the end, 90% when off the start).
 * The window never leaves the span. A day of NaN stands for the span's end.
 */
export function fitAxis(span, axis, day, range, centre) {
  const width = RANGE_DAYS[rangeOf(range)];
  if (!width || width >= span.end - span.start) return { start: span.start, end: span.end };
  if (Number.isNaN(day)) day = span.end;
  let start;
  if (centre) start = day - Math.round(width / 2);
  else if (day > axis.end) start = day - Math.round(width * 0.1);
  else if (day < axis.start) start = day - Math.round(width * 0.9);
  else start = axis.start;
  start = Math.min(Math.max(start, span.start), span.end - width);
  return { start: start, end: start + width };
}

/** Return where `day` lies on `axis`, from 0 (its start) to 1 (its end). */
export function axisFraction(axis, day) {
  return (day - axis.start) / Math.max(axis.end - axis.start, 1);
}

/**
 * Return the labels under the time bar as [[day, text]]: the first of January of every year
 * (every nth, at most ten) when the axis is longer than 550 days, else the first of every month
 * (at most about eight). Labels within 3% of either end are left out: the edge would cut them.
 * format: { formatYear(day), formatMonth(Date) }
 */
export function scaleLabels(axis, format) {
  const labels = [];
  const startYear = dayDate(axis.start).getUTCFullYear();
  const endYear = dayDate(axis.end).getUTCFullYear();
  if (axis.end - axis.start > 550) {
    const every = Math.max(1, Math.ceil((endYear - startYear) / 10));
    for (let year = startYear + 1; year <= endYear; year += every) {
      const day = dayNumber(year + "-01-01");
      labels.push([day, format.formatYear(day)]);
    }
  } else {
    const first = dayDate(axis.start);
    const months = Math.round((axis.end - axis.start) / 30);
    const every = Math.max(1, Math.ceil(months / 8));
    for (let m = 1; m <= months + 1; m += every) {
      const date = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + m, 1));
      const day = dateDay(date);
      if (day < axis.end) labels.push([day, format.formatMonth(date)]);
    }
  }
  return labels.filter((pair) => {
    const at = axisFraction(axis, pair[0]);
    return at >= 0.03 && at <= 0.97;
  });
}
