/*
 * The compact timeline payload of /api/v1/timeline/?lens= turned into arrays that answer
 * "what was district i on day d" with a binary search, and "which districts can have changed
 * between day a and day b" from one sorted list of events.
 *
 * Pure functions over plain data: no DOM, no Leaflet.
 *
 * Payload (docs/api.md): { lens, actors: [slug], districts: [slug], periods: [[district_index,
 * start, end or null (exclusive), status, actor_index or null, earliest, [actor_indexes]]] }.
 * Days outside every period are unknown. Between a period's `earliest` and its `start` the
 * change may already have happened: such a day is "uncertain" and the map fades it.
 */
import { dayNumber, firstAfter, lastAtOrBefore, MS_PER_DAY } from "./days.js";

export const OPEN = 2147483647; // the end of a period that still lasts
export const UNKNOWN = 0;
export const HELD = 1;
export const CONTESTED = 2;
export const DISPUTED = 3;
const STATUS_CODE = { held: HELD, contested: CONTESTED, disputed: DISPUTED };
export const STATUS_NAME = ["unknown", "held", "contested", "disputed"];

/**
 * Decode a timeline payload for the districts drawn on the map, in the map's order `slugs`.
 *
 * Returns { lens, actors, tracks, changeDays, eventDays, eventDistricts, first, last }:
 * - tracks[i]: district i's periods as parallel arrays (start, end, earliest, status, actor,
 *   actors), sorted by start;
 * - changeDays: every day on which some district's state changes (sorted, unique);
 * - eventDays/eventDistricts: every day on which district i's drawing can change (a period's
 *   start, end or earliest day), sorted by day, for `districtsTouched`.
 * Periods of districts not in `slugs` are left out.
 */
export function decode(payload, slugs) {
  const index = new Map(slugs.map((slug, i) => [slug, i]));
  const lists = slugs.map(() => []);
  for (const row of payload.periods || []) {
    const i = index.get(payload.districts[row[0]]);
    if (i !== undefined) lists[i].push(row);
  }

  const events = [];
  const changes = new Set();
  const tracks = lists.map((rows, i) => {
    rows.sort((a, b) => (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
    const n = rows.length;
    const track = {
      start: new Int32Array(n),
      end: new Int32Array(n),
      earliest: new Int32Array(n),
      status: new Uint8Array(n),
      actor: new Int16Array(n),
      actors: new Array(n),
    };
    rows.forEach((row, k) => {
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

  events.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const eventDays = Int32Array.from(events, (event) => event[0]);
  const eventDistricts = Int32Array.from(events, (event) => event[1]);
  const changeDays = Int32Array.from(Array.from(changes).sort((a, b) => a - b));
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
export function stateCode(track, day) {
  const next = firstAfter(track.start, day);
  const k = next - 1;
  const inForce = k >= 0 && day < track.end[k] ? 2 : 0;
  const uncertain = next < track.start.length && track.earliest[next] <= day ? 1 : 0;
  return (next << 2) | inForce | uncertain;
}

/** Return the period in force in a state code, or -1 when the state is unknown. */
export function codePeriod(code) {
  return code & 2 ? (code >> 2) - 1 : -1;
}

/** Return the period that starts next (the change that may be under way when uncertain). */
export function codeNextPeriod(code) {
  return code >> 2;
}

export function codeUncertain(code) {
  return (code & 1) === 1;
}

/**
 * Return the districts whose drawing can differ between day `a` and day `b`, or null when
 * so many events lie between them that redrawing every district is as cheap.
 */
export function districtsTouched(data, a, b, districtCount) {
  const from = firstAfter(data.eventDays, Math.min(a, b));
  const to = firstAfter(data.eventDays, Math.max(a, b));
  if (to - from > districtCount) return null;
  const seen = new Set();
  for (let k = from; k < to; k++) seen.add(data.eventDistricts[k]);
  return seen;
}

/** Return the first change day after `day`, or NaN. */
export function nextChange(data, day) {
  const k = firstAfter(data.changeDays, day);
  return k < data.changeDays.length ? data.changeDays[k] : NaN;
}

/** Return the last change day before `day`, or NaN. */
export function previousChange(data, day) {
  const k = lastAtOrBefore(data.changeDays, day - 1);
  return k >= 0 ? data.changeDays[k] : NaN;
}

/** Return period k of `track` as plain values (slugs, days; an open end is Infinity). */
export function periodState(data, track, k) {
  if (k < 0) return { status: "unknown", actor: null, actors: [], since: NaN };
  return {
    status: STATUS_NAME[track.status[k]],
    actor: track.actor[k] >= 0 ? data.actors[track.actor[k]] : null,
    actors: track.actors[k].map((a) => data.actors[a]),
    since: track.start[k],
    end: track.end[k] === OPEN ? Infinity : track.end[k],
    start: track.start[k],
  };
}

/**
 * Return district i's state on `day`, as plain values. On an uncertain day it carries
 * `uncertain: true` and `next`: the period that may already have begun, with the window
 * (`from`, `to`) in which it did.
 */
export function stateAt(data, i, day) {
  const track = data.tracks[i];
  const code = stateCode(track, day);
  const state = periodState(data, track, codePeriod(code));
  if (codeUncertain(code)) {
    const j = codeNextPeriod(code);
    state.uncertain = true;
    state.next = periodState(data, track, j);
    state.next.from = track.earliest[j];
    state.next.to = track.start[j];
  }
  return state;
}

/**
 * Return the days the time bar spans: the site's record (`record.first`, `record.last`,
 * "YYYY-MM-DD") widened to every change of the lens, padded by 1% (at least three days).
 * With no dates at all, the 30 days before `now` (a Date.now() value).
 */
export function recordSpan(data, record, now) {
  let first = dayNumber((record || {}).first);
  let last = dayNumber((record || {}).last);
  if (!Number.isNaN(data.first)) {
    first = Number.isNaN(first) ? data.first : Math.min(first, data.first);
    last = Number.isNaN(last) ? data.last : Math.max(last, data.last);
  }
  if (Number.isNaN(first)) {
    last = Math.floor(now / MS_PER_DAY);
    first = last - 30;
  }
  const pad = Math.max(3, Math.round((last - first) * 0.01));
  return { start: first - pad, end: last + pad };
}
