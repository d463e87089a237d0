/*
 * The timeline map (home page and /embed/): districts coloured by who held them on the chosen
 * day, in the chosen lens, with a date slider, playback, keyboard control, a legend of the
 * share of area each side holds, a chart of that share over time, and a panel per district.
 *
 * Data: the polygons once (/map/districts.geojson, cached) and one timeline payload per lens
 * (/api/v1/timeline/?lens=), fetched once and kept. The first paint comes before the timeline,
 * from the asked day's state (/api/v1/control/?on=): body[data-map-ready="true"] then, and
 * body[data-map-timeline="ready"] once the timeline is in (issue 18). The shared state has
 * one owner, the store (state.js); each module below follows it and changes it through the
 * actions. The address
 * always carries date, lens (and the open district), so any state can be shared:
 * /?date=2016-12-07&lens=consensus.
 *
 * This entry point wires the modules together, starts the map and, for tests, benchmarks and
 * the console, exposes `window.trackerMap` (map.js) and `window.trackerTimeline`.
 */
import { createAddress, readAddress } from "./address.js";
import { dayNumber, dayString } from "./days.js";
import { firstPaintDay, nextChange, previousChange, stateAt } from "./decode.js";
import { districtNames, el } from "./dom.js";
import { createKeys } from "./keys.js";
import { createLegend } from "./legend.js";
import { createLenses } from "./lenses.js";
import { createFrontline } from "./frontline.js";
import { createDistrictMap } from "./map.js";
import { createPainter } from "./paint.js";
import { createPlayback } from "./playback.js";
import { createSelection } from "./selection.js";
import { createStore } from "./state.js";
import { createText } from "./text.js";
import { createTimebar } from "./timebar.js";
// Issue 16, finding places (m16a): names, search, zoom limits, single clicks.
import { createLabels } from "./labels.js";
import { limitToCity, singleClicks } from "./limits.js";
import { createPlaceSearch } from "./search.js";
// m16b: comparing two days, the picture to download, the phone.
import { compareDayOf } from "./compare.js";
import { createComparison } from "./comparison.js";
import { createPhone } from "./phone.js";
import { createPicture } from "./picture.js";
// end m16b

const config = JSON.parse(document.getElementById("map-config").textContent);
const text = createText(config);
const app = document.getElementById("timeline-app");
const statusLine = document.getElementById("map-status");
const asked = readAddress(window.location.search, text.hasLens);

const store = createStore({
  day: NaN,
  lens: asked.lens,
  data: null,
  span: { start: 0, end: 1 },
  axis: { start: NaN, end: NaN },
  range: asked.range,
  speed: "week",
  playing: false,
  selected: -1,
  series: [],
  buckets: [],
  compare: NaN, // m16b: the day compared with (comparison.js), NaN for none
});

// The actions, for the modules' event handlers: filled in below, once every module exists.
const actions = {};

const clicks = singleClicks(window); // m16a: a double click zooms, it opens no panel
const view = createDistrictMap(document.getElementById("map"), config, {
  rtl: text.rtl,
  keyboard: false, // the arrow keys move through time
  tooltip: tooltipFor,
  onSelect: clicks.wrap((slug) => actions.select(slug)),
});
window.trackerMap = view;
view.map.on("dblclick", clicks.cancel);
const painter = createPainter(view, store, text);

function tooltipFor(props) {
  const box = districtNames(props);
  const data = painter.data(); // the timeline, or the first paint's day
  const i = painter.index(props.slug);
  if (data && i !== undefined) {
    box.appendChild(el("span", "tooltip-state", text.stateText(stateAt(data, i, store.get().day))));
  }
  return box;
}

function statusShow(message, isError) {
  statusLine.hidden = false;
  statusLine.textContent = message;
  statusLine.classList.toggle("map-status-error", Boolean(isError));
}

function jumpChange(direction) {
  const state = store.get();
  const target = direction > 0 ? nextChange(state.data, state.day) : previousChange(state.data, state.day);
  if (!Number.isNaN(target)) painter.stepTo(target);
}

const timebar = createTimebar(app, store, actions, text, painter.tally);
const playback = createPlayback(window, app, store, painter.stepTo, text);
const lenses = createLenses(config, store, painter, text, statusShow);
const selection = createSelection(config, store, actions, text,
  { view: view, painter: painter, lenses: lenses });
Object.assign(actions, {
  stepTo: painter.stepTo,
  jumpChange: jumpChange,
  pause: playback.pause,
  toggle: playback.toggle,
  switchTo: lenses.switchTo,
  select: selection.select,
  deselect: selection.deselect,
});
createKeys(document, store, actions, timebar.slider, text.rtl);

// The hovered district's tooltip follows the day.
let openTooltip = null;
view.layer.on("tooltipopen", (event) => {
  openTooltip = event.tooltip;
});
view.layer.on("tooltipclose", () => {
  openTooltip = null;
});

let legend = null;
let frontline = null;
// m16b: the comparison, the picture, the phone (comparison.js, picture.js, phone.js).
let comparison = null;
let picture = null;
const phone = createPhone(window, view, text);
// end m16b
const address = createAddress(window, store, {
  slugOf: painter.slug,
  pageUrl: config.pageUrl,
  arabic: text.arabic,
  keepLanguage: asked.language,
  languageSwitch: document.getElementById("language-switch"),
  openFull: document.getElementById("embed-open-full"),
});

// The first paint: the districts coloured from the asked day's state (control/), then the
// ready signal; the lens's timeline (fetched and decoded after it) brings the rest: the time
// bar, the legend, the panel, scrubbing. When the first day cannot be known without the
// timeline (no record, a day outside it) or its state cannot be had, the timeline paints first.
const firstDay = firstPaintDay(asked.day, config.record);
const districtsDrawn = view.ready.then((collection) => {
  painter.start();
  return collection;
});
const firstPainted = Number.isNaN(firstDay)
  ? districtsDrawn.then(() => false)
  : lenses.firstPaint(asked.lens, firstDay, districtsDrawn).then(
    () => true,
    (error) => districtsDrawn.then(() => {
      console.warn("The first paint waits for the timeline:", error);
      return false;
    }),
  );

let timelineReady = false; // body[data-map-timeline="ready"]

function readyShow(state) {
  if (state === "error") {
    document.body.dataset.mapReady = "error";
    return;
  }
  if (asked.unknownLens !== null) statusShow(text.t("lens_failed", { error: asked.unknownLens }), true);
  else if (state === "painted") statusShow(text.t("timeline_loading"), false);
  else {
    statusLine.textContent = text.t("districts_count", { count: painter.count() });
    statusLine.hidden = true;
  }
  document.body.dataset.mapReady = "true";
  document.body.dataset.mapTimeline = state === "painted" ? "loading" : "ready";
  timelineReady = state !== "painted";
}

/** Resolve after the browser has had a frame to draw in (the first paint shown first). */
function afterFrame() {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

const timelineIn = firstPainted
  .then((painted) => {
    if (painted) readyShow("painted");
    return painted ? afterFrame() : null;
  })
  .then(() => Promise.all([lenses.decoded(asked.lens), placesShown]))
  .then(([data]) => {
    legend = createLegend(window, view.map, store, text, painter.tally);
    frontline = createFrontline(window, view.map, store, config.frontlineUrl);
    comparison = createComparison(window, view.map, store, text, painter, config.locale); // m16b
    picture = createPicture(window, view, store, text, config, legend, frontline.settled); // m16b
    store.subscribe((state, changed) => {
      if (openTooltip && changed.has("day")) openTooltip.update();
    });
    // The day shown first stays (a lens switched to meanwhile has painted its own timeline).
    const state = store.get();
    if (!state.data) lenses.apply(asked.lens, data, Number.isNaN(state.day) ? asked.day : state.day);
    store.set({ compare: compareDayOf(asked.compare, store.get().span) }); // m16b
    if (asked.district && painter.index(asked.district) !== undefined) selection.select(asked.district);
    address.write(); // the links (other language, full map) right away, not after a pause
    readyShow("timeline");
  })
  .catch((error) => {
    statusShow(text.t("load_failed", { error: error.message }), true);
    readyShow("error");
    console.error(error);
  });

// Issue 16, finding places (m16a): once the map is painted, the districts' names, the place
// search and the city's zoom limits; `window.trackerPlaces` for tests and the console.
const placesShown = firstPainted.then(afterFrame).then(() => view.ready).then((collection) => {
  limitToCity(view);
  const labels = createLabels(view, collection.features, text.arabic);
  const search = createPlaceSearch(view, collection.features, config.regions || [], text, {
    select: (slug) => actions.select(slug),
    panel: document.getElementById("district-panel"),
    locale: config.locale,
  });
  window.trackerPlaces = { labels: labels.shown, update: labels.update, search: search.input };
});

/**
 * For tests, benchmarks and the console: read and drive the map. Before the lens's timeline
 * is in (body[data-map-timeline="ready"]), what needs it answers with a promise, once it is.
 */
window.trackerTimeline = {
  day: () => (Number.isNaN(store.get().day) ? null : dayString(store.get().day)),
  lens: () => store.get().lens,
  span: () => ({ start: dayString(store.get().span.start), end: dayString(store.get().span.end) }),
  changeDays: () => Array.from(store.get().data.changeDays, dayString),
  /** Resolves once the timeline is in (the first paint came before it). */
  timelineIn: () => timelineIn.then(() => document.body.dataset.mapTimeline),
  stepTo(day) {
    playback.pause();
    painter.stepTo(typeof day === "string" ? dayNumber(day) : day);
    return dayString(store.get().day);
  },
  dayNumber: dayNumber,
  setLens: lenses.switchTo,
  select: selection.select,
  deselect: selection.deselect,
  playing: () => store.get().playing,
  range: () => store.get().range,
  axis: () => ({ start: dayString(store.get().axis.start), end: dayString(store.get().axis.end) }),
  /** The state of district `slug` on the current day, as the map draws it. */
  stateOf(slug) {
    const state = store.get();
    const i = painter.index(slug);
    if (i === undefined || !state.data) return null;
    const s = stateAt(state.data, i, state.day);
    return {
      status: s.status, actor: s.actor, actors: s.actors,
      since: Number.isNaN(s.since) ? null : dayString(s.since), uncertain: Boolean(s.uncertain),
    };
  },
  /** The Leaflet style district `slug` is drawn with (fillColor is a colour or a pattern). */
  styleOf(slug) {
    const i = painter.index(slug);
    if (i === undefined) return null;
    const o = painter.shape(i).options;
    return {
      fillColor: typeof o.fillColor === "string" ? o.fillColor : null,
      pattern: typeof o.fillColor !== "string",
      hatch: o.hatch || null,
      fillOpacity: o.fillOpacity,
      status: o.status,
      uncertain: Boolean(o.uncertain),
      stale: Boolean(o.stale),
      dashArray: o.dashArray || null,
    };
  },
  /** Resolves once the drawn front line is the current day's and lens's. */
  frontlineSettled: () => frontline.settled(),
  /** Share of the city's area in each legend row on the current day. */
  shares() {
    const out = {};
    legend.rows().forEach((r) => {
      out[r.bucket.key] = painter.tally().totals[r.bucket.index] / painter.tally().whole;
    });
    return out;
  },
};

// m16b: for tests, read the comparison, the picture and the phone's tooltip.
Object.assign(window.trackerTimeline, {
  /** The comparison shown (compare.js's, districts and sides named by slug), or null. */
  comparison() {
    const result = comparison && comparison.result();
    if (!result) return null;
    const actors = store.get().data.actors;
    return {
      from: dayString(result.from),
      to: dayString(result.to),
      whole: result.whole,
      districts: result.districts.map((c) => ({
        district: painter.slug(c.index),
        gainer: c.gainer >= 0 ? actors[c.gainer] : null,
        loser: c.loser >= 0 ? actors[c.loser] : null,
      })),
      sides: result.sides.map((s) => ({ actor: actors[s.actor], gained: s.gained, lost: s.lost })),
      changes: result.changes,
    };
  },
  compareWith(day) {
    store.set({ compare: compareDayOf(typeof day === "string" ? dayNumber(day) : day, store.get().span) });
  },
  /** Draw the picture; resolve with its size. */
  picture: () => picture.render().then((canvas) => ({ width: canvas.width, height: canvas.height })),
  tapTooltipOpen: () => phone.tooltipOpen(),
});
// end m16b

// Before the timeline is in, what reads or moves it waits for it (styleOf, day and lens answer
// at once: they show the first paint).
["span", "changeDays", "stepTo", "select", "deselect", "axis", "stateOf", "frontlineSettled",
  "shares", "comparison", "compareWith", "picture"].forEach((name) => {
  const now = window.trackerTimeline[name];
  window.trackerTimeline[name] = (...args) => (timelineReady
    ? now(...args)
    : timelineIn.then(() => now(...args)));
});
