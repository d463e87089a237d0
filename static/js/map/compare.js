/*
 * Comparing two days: which districts changed hands between them, which side gained and lost
 * how much ground, and the changes recorded in between, as the API's change feed lists them
 * (/api/v1/changes/?since=&until=). Pure: no DOM, no Leaflet.
 *
 * A district's side on a day is its bucket of the area tally (tallies.js): the actor holding
 * it, or contested, disputed or unknown, which are no side's.
 */
import { dayString } from "./days.js";
import { STATUS_NAME } from "./decode.js";
import { bucketOn } from "./tallies.js";

/**
 * Return the two days in order: { from: the earlier, to: the later }. The day shown and the
 * day compared with may come either way round; a comparison always runs forward in time.
 */
export function comparedDays(day, other) {
  return { from: Math.min(day, other), to: Math.max(day, other) };
}

/**
 * Return what changed between day `a` and day `b` (either order) in the decoded timeline
 * `data`, with `areas` (km², one per district, the map's order):
 * { from, to, whole (the city's area), districts, sides }.
 * - districts: every district whose bucket differs between the two days, in the map's order,
 *   as { index, before, after, gainer, loser }: the buckets on the earlier and the later day,
 *   the actor index that gained it (held it on the later day, not on the earlier), or -1,
 *   and the one that lost it (held it on the earlier day, not on the later), or -1. A district
 *   that went from contested to disputed changed, but no side gained or lost it.
 * - sides: per actor that gained or lost ground, { actor (index), gained, lost, net } in km²,
 *   in the order of `data.actors`.
 * A change and its reversal between the two days cancel out: only the two days count.
 */
export function compareDays(data, areas, a, b) {
  const days = comparedDays(a, b);
  const actorCount = data.actors.length;
  const districts = [];
  const gained = new Float64Array(actorCount);
  const lost = new Float64Array(actorCount);
  for (let i = 0; i < data.tracks.length; i++) {
    const before = bucketOn(data, i, days.from);
    const after = bucketOn(data, i, days.to);
    if (before === after) continue;
    const gainer = after < actorCount ? after : -1;
    const loser = before < actorCount ? before : -1;
    if (gainer >= 0) gained[gainer] += areas[i];
    if (loser >= 0) lost[loser] += areas[i];
    districts.push({ index: i, before: before, after: after, gainer: gainer, loser: loser });
  }
  const sides = [];
  for (let k = 0; k < actorCount; k++) {
    if (gained[k] || lost[k]) {
      sides.push({ actor: k, gained: gained[k], lost: lost[k], net: gained[k] - lost[k] });
    }
  }
  const whole = Array.prototype.reduce.call(areas, (sum, x) => sum + x, 0);
  return { from: days.from, to: days.to, whole: whole, districts: districts, sides: sides };
}

/**
 * Return the control changes recorded after day `from` up to day `to` (inclusive), as the
 * API's change feed gives its `control` rows for since = the day after `from`, until = `to`:
 * every period of the districts in `slugs` (the map's order) that begins in that range, as
 * { district (slug), day ("YYYY-MM-DD"), status, actor (slug or null) }, ordered by day, then
 * district. The state on `from` is already in force on that day, so its start is not a change
 * after it.
 */
export function changesBetween(data, slugs, from, to) {
  const rows = [];
  data.tracks.forEach((track, i) => {
    for (let k = 0; k < track.start.length; k++) {
      const start = track.start[k];
      if (start <= from || start > to) continue;
      rows.push({
        district: slugs[i],
        day: dayString(start),
        status: STATUS_NAME[track.status[k]],
        actor: track.actor[k] >= 0 ? data.actors[track.actor[k]] : null,
      });
    }
  });
  rows.sort((x, y) => (x.day < y.day ? -1 : x.day > y.day ? 1 :
    x.district < y.district ? -1 : x.district > y.district ? 1 : 0));
  return rows;
}

/**
 * Return the compared day asked for in the address, `asked` (a day number or NaN), kept within
 * `span` ({start, end}); NaN when none was asked or it is not a real day.
 */
export function compareDayOf(asked, span) {
  if (!Number.isFinite(asked)) return NaN;
  return Math.min(Math.max(Math.round(asked), span.start), span.end);
}
