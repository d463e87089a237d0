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
 * `last_reported` and `stale` run parallel to `periods`: a period's newest supporting report,
 * and the spans ([from, until or null]) in which that report is too old: the state is "stale".
 */
import { dayNumber, firstAfter, lastAtOrBefore, MS_PER_DAY } from "./days.js";

export const OPEN = 2147483647; // the end of a period that still lasts
export const UNKNOWN = 0;
export const HELD = 1;
export const CONTESTED = 2;
export const DISPUTED = 3;
const STATUS_CODE = { held: HELD, contested: CONTESTED, disputed: DISPUTED };
export const STATUS_NAME = ["unknown", "held", "contested", "disputed"];
const EVENT_SCALE = 1048576; // 2^20: an event's day and district packed in one number

/** A district's track of `n` periods, to be filled: one typed array per field. */
function trackOf(n) {
  return {
    start: new Int32Array(n),
    end: new Int32Array(n),
    earliest: new Int32Array(n),
    status: new Uint8Array(n),
    actor: new Int16Array(n),
    actors: new Array(n),
    reported: new Float64Array(n),
    stale: new Array(n),
  };
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
 * Periods of districts not in `slugs` are left out.
 */
export function decode(payload, slugs) {
  const index = new Map(slugs.map((slug, i) => [slug, i]));
  const periods = payload.periods || [];
  const reported = payload.last_reported || [];
  const staleSpans = payload.stale || [];
  // Each drawn district's periods, by their place k in the payload (no per-row objects).
  const lists = slugs.map(() => []);
  for (let k = 0; k < periods.length; k++) {
    const i = index.get(payload.districts[periods[k][0]]);
    if (i !== undefined) lists[i].push(k);
  }

  // Events packed as day * 2^20 + district in one Float64Array, sorted by number: by day,
  // then by district (days stay far within 2^32, districts below 2^20: exact in a double).
  let events = new Float64Array(1024);
  let eventCount = 0;
  const eventAdd = (day, i) => {
    if (eventCount === events.length) {
      const grown = new Float64Array(events.length * 2);
      grown.set(events);
      events = grown;
    }
    events[eventCount++] = day * EVENT_SCALE + i;
  };
  const changes = new Set();
  const tracks = lists.map((ks, i) => {
    ks.sort((a, b) => (periods[a][1] < periods[b][1] ? -1 : periods[a][1] > periods[b][1] ? 1 : 0));
    const n = ks.length;
    const track = trackOf(n);
    for (let j = 0; j < n; j++) {
      const k = ks[j];
      const row = periods[k];
      const start = dayNumber(row[1]);
      const end = row[2] === null ? OPEN : dayNumber(row[2]);
      const earliest = Math.min(start, dayNumber(row[5]) || start);
      track.start[j] = start;
      track.end[j] = end;
      track.earliest[j] = earliest;
      track.status[j] = STATUS_CODE[row[3]] || UNKNOWN;
      track.actor[j] = row[4] === null ? -1 : row[4];
      track.actors[j] = row[6] && row[6].length ? row[6].slice() : [];
      track.reported[j] = dayNumber(reported[k]);
      const spans = staleSpans[k] && staleSpans[k].length
        ? staleSpans[k].map((span) => [dayNumber(span[0]), span[1] === null ? OPEN : dayNumber(span[1])])
        : [];
      track.stale[j] = spans;
      for (const span of spans) {
        eventAdd(span[0], i);
        if (span[1] !== OPEN) eventAdd(span[1], i);
      }
      eventAdd(start, i);
      changes.add(start);
      if (end !== OPEN) {
        eventAdd(end, i);
        changes.add(end);
      }
      if (earliest < start) eventAdd(earliest, i);
    }
    return track;
  });

  const sorted = events.subarray(0, eventCount).sort();
  const eventDays = new Int32Array(eventCount);
  const eventDistricts = new Int32Array(eventCount);
  for (let k = 0; k < eventCount; k++) {
    const day = Math.floor(sorted[k] / EVENT_SCALE);
    eventDays[k] = day;
    eventDistricts[k] = sorted[k] - day * EVENT_SCALE;
  }
  const changeDays = Int32Array.from(changes).sort();
  return {
    lens: payload.lens,
    actors: payload.actors || [],
    tracks: tracks,
    changeDays: changeDays,
    eventDays: eventDays,
    eventDistricts: eventDistricts,
    staleAfterDays: payload.stale_after_days || NaN,
    first: eventDays.length ? eventDays[0] : NaN,
    last: changeDays.length ? changeDays[changeDays.length - 1] : NaN,
  };
}

/**
 * Decode the state of one day (/api/v1/control/?on=`day`&lens=: { lens, districts: [{ district,
 * status, actor, actors, since, last_reported, stale }] }) into the shape `decode` returns, for
 * the map's districts `slugs`, so that the map can be drawn before the whole timeline arrives.
 * Rules: a district held, contested or disputed on the day gets one period, from its `since`
 * (the day itself if none) to the day after; a stale one is stale on the day; an unknown or
 * absent district has no period. It answers for `day` only: no change days, no events, no
 * uncertain window (the day's state alone does not say when a coming change may have begun).
 */
export function decodeDay(payload, slugs, day) {
  const actors = [];
  const actorIndex = new Map();
  const actorOf = (slug) => {
    if (!actorIndex.has(slug)) actorIndex.set(slug, actors.push(slug) - 1);
    return actorIndex.get(slug);
  };
  const rows = new Map();
  for (const row of payload.districts || []) rows.set(row.district, row);
  const tracks = slugs.map((slug) => {
    const row = rows.get(slug);
    const status = row ? STATUS_CODE[row.status] || UNKNOWN : UNKNOWN;
    const n = status === UNKNOWN ? 0 : 1;
    const track = trackOf(n);
    if (n) {
      const since = dayNumber(row.since);
      track.start[0] = track.earliest[0] = Number.isNaN(since) || since > day ? day : since;
      track.end[0] = day + 1;
      track.status[0] = status;
      track.actor[0] = row.actor ? actorOf(row.actor) : -1;
      track.actors[0] = (row.actors || []).map(actorOf);
      track.reported[0] = dayNumber(row.last_reported);
      track.stale[0] = row.stale ? [[day, day + 1]] : [];
    }
    return track;
  });
  const none = new Int32Array(0);
  return {
    lens: payload.lens,
    actors: actors,
    tracks: tracks,
    changeDays: none,
    eventDays: none,
    eventDistricts: none,
    staleAfterDays: NaN,
    first: NaN,
    last: NaN,
    day: day,
  };
}

/**
 * Return the day the map shows first for the asked day (NaN: none asked) and the site's
 * `record` ({first, last}), when it can be known before the timeline: the record's last day
 * when none is asked, the asked day (rounded) when it lies within the record's span
 * (`recordSpan` without a timeline, which every lens's span contains). NaN otherwise: with no
 * record, or a day outside it, only the lens's timeline says which day is shown.
 */
export function firstPaintDay(asked, record) {
  const first = dayNumber((record || {}).first);
  const last = dayNumber((record || {}).last);
  if (Number.isNaN(first) || Number.isNaN(last)) return NaN;
  if (Number.isNaN(asked)) return last;
  const span = recordSpan({ first: NaN, last: NaN }, record, 0);
  const day = Math.round(asked);
  return day >= span.start && day <= span.end ? day : NaN;
}

/**
 * Return whether period k of `track` is stale on `day`: the day falls in one of its stale
 * spans (its newest supporting report is older than the threshold). False outside the period.
 */
export function staleOn(track, k, day) {
  if (k < 0 || day < track.start[k] || day >= track.end[k]) return false;
  return (track.stale[k] || []).some((span) => span[0] <= day && day < span[1]);
}

/**
 * Return district `track`'s drawing on `day` as one integer: the index of the next period to
 * start after `day` (times eight), plus four if the period in force is stale on the day, plus
 * two if a period is in force, plus one if the day is uncertain (inside the next period's
 * window, when the change may already have happened). Equal codes draw the same;
 * `codePeriod`, `codeNextPeriod`, `codeStale` and `codeUncertain` read it.
 */
export function stateCode(track, day) {
  const next = firstAfter(track.start, day);
  const k = next - 1;
  const inForce = k >= 0 && day < track.end[k] ? 2 : 0;
  const stale = inForce && staleOn(track, k, day) ? 4 : 0;
  const uncertain = next < track.start.length && track.earliest[next] <= day ? 1 : 0;
  return (next << 3) | stale | inForce | uncertain;
}

/** Return the period in force in a state code, or -1 when the state is unknown. */
export function codePeriod(code) {
  return code & 2 ? (code >> 3) - 1 : -1;
}

/** Return the period that starts next (the change that may be under way when uncertain). */
export function codeNextPeriod(code) {
  return code >> 3;
}

/** Return whether the state in force in a state code is stale (not reported for too long). */
export function codeStale(code) {
  return (code & 4) === 4;
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
  if (k < 0) return { status: "unknown", actor: null, actors: [], since: NaN, lastReported: NaN };
  return {
    lastReported: track.reported ? track.reported[k] : NaN,
    status: STATUS_NAME[track.status[k]],
    actor: track.actor[k] >= 0 ? data.actors[track.actor[k]] : null,
    actors: track.actors[k].map((a) => data.actors[a]),
    since: track.start[k],
    end: track.end[k] === OPEN ? Infinity : track.end[k],
    start: track.start[k],
  };
}

/**
 * Return district i's state on `day`, as plain values, with `stale` (true when the state in
 * force has not been reported for too long) and `lastReported`. On an uncertain day it carries
 * `uncertain: true` and `next`: the period that may already have begun, with the window
 * (`from`, `to`) in which it did.
 */
export function stateAt(data, i, day) {
  const track = data.tracks[i];
  const code = stateCode(track, day);
  const state = periodState(data, track, codePeriod(code));
  state.stale = codeStale(code);
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
 * Return the last of `reportDays` ("YYYY-MM-DD", ascending: a period's `report_days` from the
 * history endpoint) on or before `day`, as a day number; NaN when none is. The timeline's
 * `last_reported` is the period's newest report overall, which may lie after the chosen day.
 */
export function lastReportedOn(reportDays, day) {
  const days = Int32Array.from(reportDays || [], dayNumber);
  const k = lastAtOrBefore(days, day);
  return k >= 0 ? days[k] : NaN;
}

/**
 * Return the days the time bar spans: the site's record (`record.first`, `record.last`,
 * "YYYY-MM-DD") widened to every change of the lens, padded by 1% (at least three days).
 * With no dates at all, the 30 days before `now` (a Date.now() value). `last` is the record's
 * end before padding: its last day with a change or a claim.
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
  return { start: first - pad, end: last + pad, last: last };
}
