/*
 * Days as whole numbers counted from 1970-01-01 (UTC), and sorted-array search.
 *
 * Pure: no DOM, no Leaflet. `dayNumber` and `dayString` convert from and to "YYYY-MM-DD".
 */

export const MS_PER_DAY = 86400000;

/** Return the value of the `n` ASCII digits of `s` from `at`, or -1 if one is not a digit. */
function digits(s, at, n) {
  let value = 0;
  for (let k = at; k < at + n; k++) {
    const c = s.charCodeAt(k) - 48;
    if (c < 0 || c > 9) return -1;
    value = value * 10 + c;
  }
  return value;
}

/** Return the number of days in month `m` (1-12) of year `y` (proleptic Gregorian). */
function monthDays(y, m) {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/**
 * Return the day number of "YYYY-MM-DD", or NaN if it is not a real calendar day.
 * Rules: exactly four, two and two digits joined by hyphens; the month 1-12; the day within
 * the month (29 February only in a leap year). Counted by arithmetic, without a Date: a
 * timeline payload holds hundreds of thousands of days.
 */
export function dayNumber(iso) {
  if (typeof iso !== "string" || iso.length !== 10 || iso[4] !== "-" || iso[7] !== "-") return NaN;
  const y = digits(iso, 0, 4);
  const m = digits(iso, 5, 2);
  const d = digits(iso, 8, 2);
  if (y < 0 || m < 1 || m > 12 || d < 1 || d > monthDays(y, m)) return NaN;
  // Days from the civil date (H. Hinnant's algorithm): years start in March, so that the
  // leap day is the last of its year.
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
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
