/*
 * Tracker.timeline: the compact timeline payload of /api/v1/timeline/?lens= turned into arrays
 * that answer "what was district i on day d" with a binary search, and "which districts can
 * have changed between day a and day b" from one sorted list of events.
 *
 * Pure functions over plain data: no DOM, no Leaflet. Days are whole numbers, counted from
 * 1970-01-01 (UTC); `dayNumber` and `dayString` convert from and to "YYYY-MM-DD".
 *
 * Payload (docs/api.md): { lens, actors: [slug], districts: [slug], periods: [[district_index,
 * start, end or null (exclusive), status, actor_index or null, earliest, [actor_indexes]]] }.
 * Days outside every period are unknown. Between a period's `earliest` and its `start` the
 * change may already have happened: such a day is "uncertain" and the map fades it.
 */
(function (global) {
  "use strict";

  const Tracker = (global.Tracker = global.Tracker || {});
  const MS_PER_DAY = 86400000;
  const OPEN = 2147483647; // the end of a period that still lasts

  const UNKNOWN = 0;
  const HELD = 1;
  const CONTESTED = 2;
  const DISPUTED = 3;
  const STATUS_CODE = { held: HELD, contested: CONTESTED, disputed: DISPUTED };
  const STATUS_NAME = ["unknown", "held", "contested", "disputed"];

  /** Return the day number of "YYYY-MM-DD", or NaN if it is not a real calendar day. */
  function dayNumber(iso) {
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
  function dayString(day) {
    return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
  }

  /** Return the Date (UTC midnight) of a day number, for Intl formatting. */
  function dayDate(day) {
    return new Date(day * MS_PER_DAY);
  }

  /** Return the index of the last value <= x in the sorted `values`, or -1. */
  function lastAtOrBefore(values, x) {
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
  function firstAfter(values, x) {
    return lastAtOrBefore(values, x) + 1;
  }

  /**
   * Decode a timeline payload for the districts drawn on the map, in the map's order `slugs`.
   *
   * Returns { lens, actors, tracks, changeDays, eventDays, eventDistricts, first, last }:
   * - tracks[i]: district i's periods as parallel arrays (start, end, earliest, status, actor,
   *   actors), sorted by start;
   * - changeDays: every day on which some district's state changes (sorted, unique);
   * - eventDays/eventDistricts: every day on which district i's drawing can change (a period's
   *   start, end or earliest day), sorted by day, for `districtsTouched`.
   */
  function decode(payload, slugs) {
    const index = new Map();
    slugs.forEach(function (slug, i) { index.set(slug, i); });
    const lists = slugs.map(function () { return []; });
    const periods = payload.periods || [];
    for (let p = 0; p < periods.length; p++) {
      const row = periods[p];
      const i = index.get(payload.districts[row[0]]);
      if (i !== undefined) lists[i].push(row);
    }

    const events = [];
    const changes = new Set();
    const tracks = lists.map(function (rows, i) {
      rows.sort(function (a, b) { return a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0; });
      const n = rows.length;
      const track = {
        start: new Int32Array(n),
        end: new Int32Array(n),
        earliest: new Int32Array(n),
        status: new Uint8Array(n),
        actor: new Int16Array(n),
        actors: new Array(n),
      };
      rows.forEach(function (row, k) {
        const start = dayNumber(row[1]);
        const end = row[2] === null ? OPEN : dayNumber(row[2]);
        const earliest = Math.min(start, dayNumber(row[5]) || start);
        track.start[k] = start;
        track.end[k] = end;
        track.earliest[k] = earliest;
        track.status[k] = STATUS_CODE[row[3]] || UNKNOWN;
        track.actor[k] = row[4] === null ? -1 : row[4];
        track.actors[k] = (row[6] || []).slice();
        events.push([start, i]);
        changes.add(start);
        if (end !== OPEN) {
          events.push([end, i]);
          changes.add(end);
        }
        if (earliest < start) events.push([earliest, i]);
      });
      return track;
    });

    events.sort(function (a, b) { return a[0] - b[0] || a[1] - b[1]; });
    const eventDays = new Int32Array(events.length);
    const eventDistricts = new Int32Array(events.length);
    events.forEach(function (event, k) {
      eventDays[k] = event[0];
      eventDistricts[k] = event[1];
    });
    const changeDays = Int32Array.from(Array.from(changes).sort(function (a, b) { return a - b; }));
    return {
      lens: payload.lens,
      actors: payload.actors || [],
      tracks: tracks,
      changeDays: changeDays,
      eventDays: eventDays,
      eventDistricts: eventDistricts,
      first: eventDays.length ? eventDays[0] : NaN,
      last: changeDays.length ? changeDays[changeDays.length - 1] : NaN,
    };
  }

  /**
   * Return district `track`'s drawing on `day` as one integer: the index of the next period to
   * start after `day` (times four), plus two if a period is in force, plus one if the day is
   * uncertain (inside the next period's window, when the change may already have happened).
   * Equal codes draw the same; `codePeriod`, `codeNextPeriod` and `codeUncertain` read it.
   */
  function stateCode(track, day) {
    const next = firstAfter(track.start, day);
    const k = next - 1;
    const inForce = k >= 0 && day < track.end[k] ? 2 : 0;
    const uncertain = next < track.start.length && track.earliest[next] <= day ? 1 : 0;
    return (next << 2) | inForce | uncertain;
  }

  /** Return the period in force in a state code, or -1 when the state is unknown. */
  function codePeriod(code) {
    return code & 2 ? (code >> 2) - 1 : -1;
  }

  /** Return the period that starts next (the change that may be under way when uncertain). */
  function codeNextPeriod(code) {
    return code >> 2;
  }

  function codeUncertain(code) {
    return (code & 1) === 1;
  }

  /**
   * Return the districts whose drawing can differ between day `a` and day `b`, or null when
   * so many events lie between them that redrawing every district is as cheap.
   */
  function districtsTouched(data, a, b, districtCount) {
    const lo = Math.min(a, b);
    const hi = Math.max(a, b);
    const from = firstAfter(data.eventDays, lo);
    const to = firstAfter(data.eventDays, hi);
    if (to - from > districtCount) return null;
    const seen = new Set();
    for (let k = from; k < to; k++) seen.add(data.eventDistricts[k]);
    return seen;
  }

  /** Return the first change day after `day`, or NaN. */
  function nextChange(data, day) {
    const k = firstAfter(data.changeDays, day);
    return k < data.changeDays.length ? data.changeDays[k] : NaN;
  }

  /** Return the last change day before `day`, or NaN. */
  function previousChange(data, day) {
    const k = lastAtOrBefore(data.changeDays, day - 1);
    return k >= 0 ? data.changeDays[k] : NaN;
  }

  /**
   * Return the bucket of the area tally a period falls in: the held actor's index, or, after
   * the actors, one bucket each for contested, disputed and unknown.
   */
  function bucketOf(data, track, period) {
    const actorCount = data.actors.length;
    if (period < 0) return actorCount + 2;
    const status = track.status[period];
    if (status === HELD && track.actor[period] >= 0) return track.actor[period];
    if (status === DISPUTED) return actorCount + 1;
    return actorCount;
  }

  /**
   * Return the area held in each bucket over time, as steps: [{day, areas: Float64Array}],
   * one point at `from` and one at every change day after it. One sweep over the events.
   */
  function areaSeries(data, areas, from) {
    const buckets = data.actors.length + 3;
    const totals = new Float64Array(buckets);
    const bucket = new Int32Array(data.tracks.length);
    data.tracks.forEach(function (track, i) {
      bucket[i] = bucketOf(data, track, codePeriod(stateCode(track, from)));
      totals[bucket[i]] += areas[i];
    });
    const series = [{ day: from, areas: Float64Array.from(totals) }];
    let k = firstAfter(data.eventDays, from);
    while (k < data.eventDays.length) {
      const day = data.eventDays[k];
      let changed = false;
      for (; k < data.eventDays.length && data.eventDays[k] === day; k++) {
        const i = data.eventDistricts[k];
        const now = bucketOf(data, data.tracks[i], codePeriod(stateCode(data.tracks[i], day)));
        if (now !== bucket[i]) {
          totals[bucket[i]] -= areas[i];
          totals[now] += areas[i];
          bucket[i] = now;
          changed = true;
        }
      }
      if (changed) series.push({ day: day, areas: Float64Array.from(totals) });
    }
    return series;
  }

  Tracker.timeline = {
    OPEN: OPEN,
    UNKNOWN: UNKNOWN,
    HELD: HELD,
    CONTESTED: CONTESTED,
    DISPUTED: DISPUTED,
    STATUS_NAME: STATUS_NAME,
    dayNumber: dayNumber,
    dayString: dayString,
    dayDate: dayDate,
    lastAtOrBefore: lastAtOrBefore,
    decode: decode,
    stateCode: stateCode,
    codePeriod: codePeriod,
    codeUncertain: codeUncertain,
    codeNextPeriod: codeNextPeriod,
    districtsTouched: districtsTouched,
    nextChange: nextChange,
    previousChange: previousChange,
    bucketOf: bucketOf,
    areaSeries: areaSeries,
  };
})(typeof window !== "undefined" ? window : globalThis);
