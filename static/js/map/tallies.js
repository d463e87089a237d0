/*
 * The share of the city's area in each bucket: each side holding ground, then contested,
 * disputed and unknown. Over time for the chart (`areaSeries`), per day for the legend
 * (`createTally`, kept up to date by the districts that change), and the buckets shown
 * (`bucketList`). Pure: no DOM, no Leaflet.
 */
import { firstAfter } from "./days.js";
import { codePeriod, DISPUTED, HELD, stateCode } from "./decode.js";
import { UNKNOWN_FILL } from "./style.js";

/**
 * Return the bucket of the area tally a period falls in: the held actor's index, or, after
 * the actors, one bucket each for contested, disputed and unknown (period -1).
 */
export function bucketOf(data, track, period) {
  const actorCount = data.actors.length;
  if (period < 0) return actorCount + 2;
  const status = track.status[period];
  if (status === HELD && track.actor[period] >= 0) return track.actor[period];
  if (status === DISPUTED) return actorCount + 1;
  return actorCount;
}

/** Return district i's bucket on `day`. */
export function bucketOn(data, i, day) {
  const track = data.tracks[i];
  return bucketOf(data, track, codePeriod(stateCode(track, day)));
}

/**
 * Return the area held in each bucket over time, as steps: [{day, areas: Float64Array}],
 * one point at `from` and one at every event day after it on which a total moves. One sweep
 * over the events.
 */
export function areaSeries(data, areas, from) {
  const tally = createTally(areas, data.actors.length + 3);
  data.tracks.forEach((track, i) => tally.move(i, bucketOn(data, i, from)));
  const series = [{ day: from, areas: Float64Array.from(tally.totals) }];
  let k = firstAfter(data.eventDays, from);
  while (k < data.eventDays.length) {
    const day = data.eventDays[k];
    let changed = false;
    for (; k < data.eventDays.length && data.eventDays[k] === day; k++) {
      if (tally.move(data.eventDistricts[k], bucketOn(data, data.eventDistricts[k], day))) {
        changed = true;
      }
    }
    if (changed) series.push({ day: day, areas: Float64Array.from(tally.totals) });
  }
  return series;
}

/**
 * Return a tally of `areas` (one per district) over `bucketCount` buckets, every district in
 * none at first. move(i, bucket) puts district i in `bucket` and says whether it moved;
 * share(bucket) is the bucket's part of the whole area (0 when there is no area).
 */
export function createTally(areas, bucketCount) {
  const buckets = new Int32Array(areas.length).fill(-1);
  const totals = new Float64Array(bucketCount);
  const whole = areas.reduce((sum, a) => sum + a, 0);
  return {
    totals: totals,
    whole: whole,
    bucket: (i) => buckets[i],
    move(i, bucket) {
      if (bucket === buckets[i]) return false;
      if (buckets[i] >= 0) totals[buckets[i]] -= areas[i];
      totals[bucket] += areas[i];
      buckets[i] = bucket;
      return true;
    },
    share: (bucket) => (whole ? totals[bucket] / whole : 0),
  };
}

/** Return the actors of the first disputed period in `data` (slugs), or []. */
function firstDisputedActors(data) {
  for (const track of data.tracks) {
    for (let k = 0; k < track.status.length; k++) {
      if (track.status[k] === DISPUTED) return track.actors[k].map((a) => data.actors[a]);
    }
  }
  return [];
}

/**
 * The buckets of the area tally, in the order they are stacked and listed: each side that
 * ever holds ground in `series` (in the site's order of actors, `text.actorOrder`; others
 * last), then disputed, contested and unknown, always. Unknown is the chart's background.
 * text: { actorOrder: Map(slug -> rank), actorColour(slug), actorName(slug), t(key) }
 */
export function bucketList(data, series, text) {
  const actorCount = data.actors.length;
  const used = new Set();
  series.forEach((point) => {
    point.areas.forEach((area, b) => {
      if (area > 0) used.add(b);
    });
  });
  const rank = (slug) => (text.actorOrder.has(slug) ? text.actorOrder.get(slug) : 999);
  const held = data.actors
    .map((slug, b) => ({ slug: slug, b: b }))
    .filter((a) => used.has(a.b))
    .sort((a, b) => rank(a.slug) - rank(b.slug))
    .map((a) => ({
      index: a.b,
      key: "held:" + a.slug,
      colour: text.actorColour(a.slug),
      label: text.actorName(a.slug),
      state: { status: "held", actor: a.slug },
    }));
  return held.concat([
    { index: actorCount + 1, key: "disputed", pattern: "disputed", label: text.t("legend_disputed"),
      state: { status: "disputed", actors: firstDisputedActors(data) }, always: true },
    { index: actorCount, key: "contested", pattern: "contested", label: text.t("legend_contested"),
      state: { status: "contested" }, always: true },
    { index: actorCount + 2, key: "unknown", colour: UNKNOWN_FILL, label: text.t("legend_unknown"),
      state: { status: "unknown" }, always: true, background: true },
  ]);
}
