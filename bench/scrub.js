/*
 * Bench harness: scrub the timeline on the real district map (static/js/map/map.js)
 * and time each step with performance.now().
 *
 * One step = move the date by `stepDays` days, restyle the districts whose state the step
 * changed (or, with `restyle: "all"`, every district through the map's setStyle), and let
 * Leaflet's canvas renderer redraw in its animation frame. The step ends once the frame's
 * drawing is rasterised: after Leaflet's redraw callback, reading back one pixel forces the
 * canvas to flush its pending drawing.
 *
 * Timeline rows are the API's compact encoding: [district_index, start, end, status,
 * actor_index, earliest, actor_indexes]; dates are ISO strings, compared as strings.
 */
(function (global) {
  "use strict";

  const COLOURS = {
    government: "#c62828",
    rebels: "#2e7d32",
    nusra: "#37474f",
    kurdish_ypg: "#f9a825",
    isis: "#000000",
  };
  const UNKNOWN = { fillColor: "#dfe3e8", fillOpacity: 0.5, color: "#3f4b5b", weight: 0.5 };

  function nextFrame() {
    return new Promise(function (resolve) { requestAnimationFrame(resolve); });
  }

  /** Index the timeline: per district slug, its periods sorted by start. */
  function periodsBySlug(timeline) {
    const bySlug = new Map();
    timeline.districts.forEach(function (slug) { bySlug.set(slug, []); });
    timeline.periods.forEach(function (row) {
      bySlug.get(timeline.districts[row[0]]).push(row);
    });
    return bySlug;
  }

  /** Return the period of `rows` in force on `day` (ISO string), or null. */
  function periodOn(rows, day) {
    let lo = 0, hi = rows.length - 1, found = null;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (rows[mid][1] <= day) { found = rows[mid]; lo = mid + 1; } else { hi = mid - 1; }
    }
    if (found && (found[2] === null || found[2] > day)) return found;
    return null;
  }

  function styleOf(period, actors) {
    if (!period) return UNKNOWN;
    const status = period[3];
    if (status === "held") {
      return { fillColor: COLOURS[actors[period[4]]] || "#888888", fillOpacity: 0.75,
               color: "#3f4b5b", weight: 0.5 };
    }
    return { fillColor: status === "disputed" ? "#9e9e9e" : "#ffffff", fillOpacity: 0.6,
             color: "#3f4b5b", weight: 0.5 };
  }

  function addDays(day, n) {
    const d = new Date(day + "T00:00:00Z");
    d.setUTCDate(d.getUTCDate() + n);
    return d.toISOString().slice(0, 10);
  }

  /**
   * Run the scrub: options { firstDay, steps, stepDays, restyle: "changed" | "all" }.
   * Resolve to { times: [ms of work per step], walls: [ms until drawn, frame wait included],
   *   changed: [districts restyled per step] }.
   */
  async function scrub(view, timeline, options) {
    const bySlug = periodsBySlug(timeline);
    const current = new Map();
    let day = options.firstDay;
    // The starting state, drawn before timing begins.
    view.setStyle(function (feature) {
      const period = periodOn(bySlug.get(feature.properties.slug) || [], day);
      current.set(feature.properties.slug, period);
      return styleOf(period, timeline.actors);
    });
    await nextFrame();
    await nextFrame();
    const canvas = view.map.getPanes().overlayPane.querySelector("canvas");
    const context = canvas.getContext("2d");
    const times = [], walls = [], changed = [];
    for (let i = 0; i < options.steps; i++) {
      // Callbacks of one animation frame run in the order they were asked for: this one
      // before Leaflet's redraw (asked for by the restyle below), `drawn` after it.
      const frameStart = nextFrame().then(function () { return performance.now(); });
      const started = performance.now();
      day = addDays(day, options.stepDays);
      let n = 0;
      if (options.restyle === "all") {
        view.setStyle(function (feature) {
          const period = periodOn(bySlug.get(feature.properties.slug) || [], day);
          if (period !== current.get(feature.properties.slug)) n++;
          current.set(feature.properties.slug, period);
          return styleOf(period, timeline.actors);
        });
      } else {
        bySlug.forEach(function (rows, slug) {
          const period = periodOn(rows, day);
          if (period === current.get(slug)) return;
          current.set(slug, period);
          const shape = view.district(slug);
          if (shape) { shape.setStyle(styleOf(period, timeline.actors)); n++; }
        });
      }
      const restyled = performance.now();
      const drawn = nextFrame().then(function () {
        context.getImageData(0, 0, 1, 1); // flush the frame's drawing to pixels
        return performance.now();
      });
      const frame = await frameStart;
      const end = await drawn;
      // Work: the restyle, then the frame's redraw and rasterising; not the idle wait
      // between them for the frame to begin.
      times.push(restyled - started + (end - frame));
      walls.push(end - started);
      changed.push(n);
    }
    return { times: times, walls: walls, changed: changed };
  }

  global.benchScrub = { scrub: scrub };
})(window);
