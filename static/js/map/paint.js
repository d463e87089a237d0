/*
 * The districts' drawing on the day. Scrubbing makes no request: each step looks up every
 * touched district's period with a binary search (decode.js) and restyles only the districts
 * whose drawing changed; the day's area tally (tallies.js) moves by the same differences.
 *
 * This module owns the per-district arrays (drawing codes, cached styles, the tally); the
 * day itself lives in the store, set by `stepTo`.
 */
import { fitAxis } from "./axis.js";
import { clampDay } from "./days.js";
import { codePeriod, districtsTouched, stateCode } from "./decode.js";
import { districtStyle, kindStyle, SELECTED_OUTLINE } from "./style.js";
import { bucketOf, createTally } from "./tallies.js";

/** Return a canvas pattern of diagonal stripes in `colours` (hard-edged). */
function stripePattern(colours) {
  const size = 12;
  const tile = document.createElement("canvas");
  tile.width = size;
  tile.height = size;
  const ctx = tile.getContext("2d");
  const band = size / colours.length;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      ctx.fillStyle = colours[Math.floor(((x + y) % size) / band)];
      ctx.fillRect(x, y, 1, 1);
    }
  }
  return ctx.createPattern(tile, "repeat");
}

/**
 * Return the painter of `view` (map.js) following `store`, with the colours of `text`.
 * Call start() once the districts are drawn, reset(data) before painting a lens.
 */
export function createPainter(view, store, text) {
  const patterns = new Map();
  let shapes = [];
  let props = [];
  let slugs = [];
  let indexOf = new Map();
  let areas = new Float64Array(0);
  let data = null; // the decoded timeline painted
  let codes = new Int32Array(0); // each district's drawing on the store's day (stateCode)
  let styles = []; // per district: Leaflet style per drawing code
  let tally = null;
  let outlined = -1; // the district drawn with the selected outline

  function hatch(colours) {
    const key = colours.join(",");
    if (!patterns.has(key)) patterns.set(key, stripePattern(colours));
    return patterns.get(key);
  }

  function styleFor(i, code) {
    const cache = styles[i];
    if (!cache[code]) cache[code] = districtStyle(data, data.tracks[i], code, text.actorColour, hatch);
    return cache[code];
  }

  function currentStyle(i) {
    const style = styleFor(i, codes[i]);
    return i === store.get().selected ? Object.assign({}, style, SELECTED_OUTLINE) : style;
  }

  function restyle(i) {
    shapes[i].setStyle(currentStyle(i));
  }

  /** Take the districts as drawn (after view.ready). */
  function start() {
    shapes = view.layer.getLayers();
    props = shapes.map((shape) => shape.feature.properties);
    slugs = props.map((p) => p.slug);
    indexOf = new Map(slugs.map((slug, i) => [slug, i]));
    areas = Float64Array.from(props.map((p) => Number(p.area_km2) || 0));
    // The districts keep their drawing until the first paint restyles each: no pass of its own.
    view.setStyle((feature) => {
      const i = indexOf.get(feature.properties.slug);
      return data && i !== undefined && codes[i] >= 0 ? currentStyle(i) : kindStyle(feature);
    }, true);
  }

  /** Forget every drawing: the next paint restyles every district for the timeline `next`. */
  function reset(next) {
    data = next;
    codes = new Int32Array(shapes.length).fill(-1);
    styles = shapes.map(() => []);
    tally = createTally(areas, data.actors.length + 3);
  }

  /** Restyle the districts whose drawing differs between day `from` and `day` (all if `all`). */
  function paint(from, day, all) {
    const touched = all || Number.isNaN(from) ? null : districtsTouched(data, from, day, shapes.length);
    const visit = (i) => {
      const code = stateCode(data.tracks[i], day);
      if (code === codes[i]) return;
      tally.move(i, bucketOf(data, data.tracks[i], codePeriod(code)));
      codes[i] = code;
      restyle(i);
    };
    if (touched === null) {
      for (let i = 0; i < shapes.length; i++) visit(i);
    } else {
      touched.forEach(visit);
    }
  }

  /** Move to `day` (rounded, kept in the record): paint it, then tell the store. */
  function stepTo(day, all) {
    const state = store.get();
    if (!state.data) return;
    day = clampDay(day, state.span);
    const patch = { day: day };
    if (day < state.axis.start || day > state.axis.end) {
      patch.axis = fitAxis(state.span, state.axis, day, state.range, false);
    }
    paint(state.day, day, all);
    store.set(patch);
  }

  /** Outline the selected district (and no other), in front of its neighbours. */
  function outline(selected) {
    if (outlined >= 0 && outlined !== selected) restyle(outlined);
    outlined = selected;
    if (selected >= 0) {
      restyle(selected);
      shapes[selected].bringToFront();
    }
  }

  store.subscribe((state, changed) => {
    if (changed.has("selected") && data) outline(state.selected);
  });

  return {
    start: start,
    reset: reset,
    paint: paint,
    stepTo: stepTo,
    outline: outline,
    areas: () => areas,
    count: () => shapes.length,
    shape: (i) => shapes[i],
    props: (i) => props[i],
    slug: (i) => slugs[i],
    slugs: () => slugs,
    index: (slug) => indexOf.get(slug),
    tally: () => tally,
    /** The timeline painted: the lens's, or the first paint's one day (decode.js decodeDay). */
    data: () => data,
  };
}
