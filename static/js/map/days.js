/*
 * Days as whole numbers counted from 1970-01-01 (UTC), and sorted-array search.
 *
 * Pure: no DOM, no Leaflet. `dayNumber` and `dayString` convert from and to "YYYY-MM-DD".
 */

export const MS_PER_DAY = 86400000;

/** Return the day number of "YYYY-MM-DD", or NaN if it is not a real calendar day. */
export function dayNumber(iso) {
  if (typeof iso !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(iso)) return NaN;
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7));
  const d = Number(iso.slice(8, 10));
  const time = Date.UTC(y, m - 1, d);
  const back = new Date(time);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== m - 1 || back.getUTCDate() !== d) {
    return NaN;
  }
  return Math.round(time / MS_PER_DAY);
}

/** Return "YYYY-MM-DD" for a day number. */
export function dayString(day) {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Return the Date (UTC midnight) of a day number, for Intl formatting. */
export function dayDate(day) {
  return new Date(day * MS_PER_DAY);
}

/** Return the day number of a Date's UTC calendar day. */
export function dateDay(date) {
  return Math.round(date.getTime() / MS_PER_DAY);
}

/** Return `day` rounded to a whole day and kept within `span` ({start, end}). */
export function clampDay(day, span) {
  return Math.min(Math.max(Math.round(day), span.start), span.end);
}

/** Return the index of the last value <= x in the sorted `values`, or -1. */
export function lastAtOrBefore(values, x) {
  let lo = 0;
  let hi = values.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid] <= x) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}

/** Return the index of the first value > x in the sorted `values` (values.length if none). */
export function firstAfter(values, x) {
  return lastAtOrBefore(values, x) + 1;
}
