/*
 * How far the map goes: out to the whole city and a little around it, in to a few streets,
 * never panned away from the city; and a double click that zooms without opening a panel.
 */

export const MAX_ZOOM = 17; // a few streets across; closer shows nothing the polygons know
const SLACK_ZOOM = 0.5; // how much further out than "the whole city fits" one may zoom
const BOUNDS_PAD = 0.3; // of the city's size, around it, that one may pan to
const DOUBLE_CLICK_MS = 300;

/** Hold `view` (map.js, its districts loaded) to the city; again whenever the map resizes. */
export function limitToCity(view) {
  const map = view.map;
  const city = view.layer.getBounds();
  if (!city.isValid()) return;
  map.setMaxZoom(MAX_ZOOM);
  function fit() {
    const whole = map.getBoundsZoom(city, false, window.L.point(16, 16));
    map.setMinZoom(Math.max(0, Math.min(whole - SLACK_ZOOM, MAX_ZOOM - 1)));
  }
  fit();
  map.options.maxBoundsViscosity = 0.9;
  map.setMaxBounds(city.pad(BOUNDS_PAD));
  map.on("resize", fit);
}

/**
 * Return `wrap(fn)`: a click handler that calls fn only once it is sure the click is a single
 * one. A click waits DOUBLE_CLICK_MS for a second; the second click of a double click (and the
 * map's dblclick, which zooms) cancel it. Call `cancel()` from the map's dblclick.
 */
export function singleClicks(win) {
  let timer = null;
  function cancel() {
    if (timer !== null) win.clearTimeout(timer);
    timer = null;
  }
  function wrap(fn) {
    return function (...args) {
      const event = args[args.length - 1];
      const clicks = event && event.originalEvent ? event.originalEvent.detail : 1;
      cancel();
      if (clicks > 1) return;
      timer = win.setTimeout(() => {
        timer = null;
        fn(...args);
      }, DOUBLE_CLICK_MS);
    };
  }
  return { wrap: wrap, cancel: cancel };
}
