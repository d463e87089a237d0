/*
 * The front line: where districts held by different sides touch or lie within 50 m, as the
 * API derives it (/api/v1/frontline/?on=&lens=), drawn as a dark line above the districts in a
 * pane of its own (SVG, not interactive: clicks and hovers reach the districts beneath).
 *
 * Fetched when the day or the lens settles, not on every frame of a scrub or of playback: 200 ms
 * after the last change, and not while playing (the line of the day playback stops on is
 * fetched when it stops). Each (lens, day) is fetched once and kept; an answer that arrives
 * after the day or lens moved on is dropped.
 */
import { dayString } from "./days.js";
import { fetchJson, kept } from "./fetch.js";

const SETTLE_MS = 200;
const PANE = "frontline";
const STYLE = { color: "#111111", weight: 3, opacity: 0.9, dashArray: "6 4", interactive: false };

/**
 * Follow `store` and draw the front line of its day and lens on `map` (a Leaflet map), reading
 * from `url`. Return { layer, settled() }: settled() resolves once the drawn line is the current
 * day's (for tests).
 */
export function createFrontline(window, map, store, url) {
  const L = window.L;
  map.createPane(PANE);
  map.getPane(PANE).style.zIndex = 450; // above the districts (overlayPane, 400), below tooltips
  map.getPane(PANE).style.pointerEvents = "none";
  const layer = L.geoJSON(null, { pane: PANE, renderer: L.svg({ pane: PANE }), style: STYLE });
  layer.addTo(map);
  const cache = new Map();
  let timer = null;
  let shown = "";
  let waiting = Promise.resolve();

  function key(state) {
    return Number.isNaN(state.day) ? "" : state.lens + "|" + dayString(state.day);
  }

  function draw(state) {
    const wanted = key(state);
    if (!wanted || wanted === shown) return Promise.resolve();
    const query = "?on=" + dayString(state.day) + "&lens=" + encodeURIComponent(state.lens);
    return kept(cache, wanted, () => fetchJson(url + query)).then((collection) => {
      if (key(store.get()) !== wanted) return; // the day or lens moved on meanwhile
      layer.clearLayers();
      layer.addData(collection);
      shown = wanted;
    }).catch((error) => console.warn("front line:", error.message));
  }

  function schedule() {
    window.clearTimeout(timer);
    const state = store.get();
    if (state.playing) return;
    waiting = new Promise((done) => {
      timer = window.setTimeout(() => draw(store.get()).then(done), SETTLE_MS);
    });
  }

  store.subscribe((state, changed) => {
    if (changed.has("day") || changed.has("lens") || changed.has("playing")) schedule();
  });
  schedule();

  return { layer: layer, settled: () => waiting };
}
