/*
 * The timeline map (home page and /embed/): districts coloured by who held them on the chosen
 * day, in the chosen lens, with a date slider, playback, keyboard control, a legend of the
 * share of area each side holds, a chart of that share over time, and a panel per district.
 *
 * Data: the polygons once (/map/districts.geojson, cached) and one timeline payload per lens
 * (/api/v1/timeline/?lens=), fetched once and kept. Scrubbing makes no request: each step
 * looks up every touched district's period with a binary search (Tracker.timeline) and
 * restyles only the districts whose drawing changed; the legend's tally is updated by the
 * same differences. The address always carries date, lens (and the open district), so any
 * state can be shared: /?date=2016-12-07&lens=consensus.
 *
 * Text from the data is only ever set with textContent (see district-panel.js).
 */
(function (global) {
  "use strict";

  const L = global.L;
  const Tracker = global.Tracker;
  const TL = Tracker.timeline;
  const el = Tracker.dom.el;
  const config = JSON.parse(document.getElementById("map-config").textContent);
  const text = config.text || {};
  const rtl = Boolean(config.rtl);
  const arabic = config.language === "ar";

  const OUTLINE = "#ffffff";
  const SELECTED_OUTLINE = { color: "#111827", weight: 3, opacity: 1 };
  const UNKNOWN_FILL = "#d5dbe3";
  const CONTESTED_INK = "#4b5563";
  const CONTESTED_BACKGROUND = "#eef0f3";
  const FALLBACK_COLOUR = "#9aa5b1";
  const DISPUTED_GENERIC = ["#7b8794", "#cbd2d9"];
  const RATES = { day: 1, week: 7, month: 30 }; // days a second when playing
  const CHANGE_INTERVAL_MS = 900; // playing change by change
  const URL_DELAY_MS = 150; // history.replaceState at most this often
  const STANCE_LENSES = ["consensus", "stance:government", "stance:opposition",
    "stance:independent", "stance:kurdish"];

  // ---- text and formats ----------------------------------------------------------------

  /** Return the interface string `key`, its {placeholders} filled with `vars`, as text. */
  function t(key, vars) {
    const template = Object.prototype.hasOwnProperty.call(text, key) ? text[key] : key;
    if (!vars) return template;
    return template.replace(/\{(\w+)\}/g, function (whole, name) {
      return Object.prototype.hasOwnProperty.call(vars, name) ? String(vars[name]) : whole;
    });
  }

  const dateFormat = new Intl.DateTimeFormat(config.locale,
    { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
  const yearFormat = new Intl.DateTimeFormat(config.locale, { year: "numeric", timeZone: "UTC" });
  const monthFormat = new Intl.DateTimeFormat(config.locale,
    { month: "short", year: "numeric", timeZone: "UTC" });
  const percentFormat = new Intl.NumberFormat(config.locale,
    { style: "percent", maximumFractionDigits: 1 });

  function formatDay(day) {
    return Number.isNaN(day) || day === undefined ? "" : dateFormat.format(TL.dayDate(day));
  }

  function formatYear(day) {
    return yearFormat.format(TL.dayDate(day));
  }

  const actorInfo = new Map((config.actors || []).map(function (a) { return [a.slug, a]; }));
  const actorOrder = new Map((config.actors || []).map(function (a, k) { return [a.slug, k]; }));
  const lensLabels = new Map((config.lenses || []).map(function (l) { return [l.value, l.label]; }));

  function actorName(slug) {
    const actor = actorInfo.get(slug);
    if (!actor) return slug || "";
    return arabic && actor.name_ar ? actor.name_ar : actor.name_en;
  }

  function actorColour(slug) {
    const actor = actorInfo.get(slug);
    return actor && /^#[0-9a-fA-F]{6}$/.test(actor.colour) ? actor.colour : FALLBACK_COLOUR;
  }

  function lensLabel(lens) {
    return lensLabels.get(lens) || lens;
  }

  /** Name the positions of a disputed state: each side, and "contested" if one side only. */
  function disputedNames(slugs) {
    const names = slugs.map(actorName);
    if (names.length < 2) names.push(t("disputed_contested"));
    return names.join(t("versus"));
  }

  // ---- how a state is drawn and told --------------------------------------------------

  /** Return the stripes of a disputed state: each side named, and grey for "contested". */
  function disputedColours(actors) {
    if (!actors.length) return DISPUTED_GENERIC; // the legend, in a lens with no dispute
    const colours = actors.map(actorColour);
    if (colours.length < 2) colours.push(CONTESTED_INK);
    return colours;
  }

  const patterns = new Map();

  /** Return a canvas pattern of diagonal stripes in `colours` (hard-edged, cached). */
  function hatch(colours) {
    const key = colours.join(",");
    if (patterns.has(key)) return patterns.get(key);
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
    const pattern = ctx.createPattern(tile, "repeat");
    patterns.set(key, pattern);
    return pattern;
  }

  /** Return the CSS background drawing a state in the legend, the strip and the panel. */
  function swatchBackground(state) {
    if (state.status === "held") return actorColour(state.actor);
    if (state.status === "contested") {
      return "repeating-linear-gradient(135deg, " + CONTESTED_INK + " 0 2px, " +
        CONTESTED_BACKGROUND + " 2px 5px)";
    }
    if (state.status === "disputed") {
      const colours = disputedColours(state.actors || []);
      const stops = colours.map(function (colour, k) {
        return colour + " " + k * 4 + "px " + (k + 1) * 4 + "px";
      });
      return "repeating-linear-gradient(135deg, " + stops.join(", ") + ")";
    }
    return UNKNOWN_FILL;
  }

  /** Return a swatch drawing a state as the map does (faded: the change that may be under way). */
  function swatch(state) {
    const box = el("span", "legend-swatch" + (state.uncertain ? " swatch-faded" : ""));
    box.style.background = swatchBackground(state.uncertain && state.next ? state.next : state);
    box.setAttribute("aria-hidden", "true");
    return box;
  }

  /** Return a short account of a state: "held by X", "contested", ... */
  function stateText(state) {
    if (state.status === "held") return t("status_held", { actor: actorName(state.actor) });
    if (state.status === "contested") return t("status_contested");
    if (state.status === "disputed") return t("status_disputed", { actors: disputedNames(state.actors) });
    return t("status_unknown");
  }

  /** Return a full account of a state on the day, with the day it began. */
  function describe(state) {
    const date = formatDay(state.since);
    if (state.status === "held") return t("state_held", { actor: actorName(state.actor), date: date });
    if (state.status === "contested") return t("state_contested", { date: date });
    if (state.status === "disputed") {
      return t("state_disputed", { date: date, actors: disputedNames(state.actors) });
    }
    return t("state_unknown");
  }

  function describeUncertain(state) {
    return t("state_uncertain", {
      next: stateText(state.next),
      from: formatDay(state.next.from),
      to: formatDay(state.next.to),
    });
  }

  /** Return district i's state on `day` in decoded timeline `data`, as plain values. */
  function stateAt(data, i, day) {
    const track = data.tracks[i];
    const code = TL.stateCode(track, day);
    const k = TL.codePeriod(code);
    const state = periodState(data, track, k);
    if (TL.codeUncertain(code)) {
      const j = TL.codeNextPeriod(code);
      state.uncertain = true;
      state.next = periodState(data, track, j);
      state.next.from = track.earliest[j];
      state.next.to = track.start[j];
    }
    return state;
  }

  function periodState(data, track, k) {
    if (k < 0) return { status: "unknown", actor: null, actors: [], since: NaN };
    return {
      status: TL.STATUS_NAME[track.status[k]],
      actor: track.actor[k] >= 0 ? data.actors[track.actor[k]] : null,
      actors: track.actors[k].map(function (a) { return data.actors[a]; }),
      since: track.start[k],
      end: track.end[k] === TL.OPEN ? Infinity : track.end[k],
      start: track.start[k],
    };
  }

  // ---- the map --------------------------------------------------------------------------

  const app = document.getElementById("timeline-app");
  const statusLine = document.getElementById("map-status");
  const view = Tracker.createDistrictMap(document.getElementById("map"), config, {
    rtl: rtl,
    keyboard: false, // the arrow keys move through time
    tooltip: tooltipFor,
    onSelect: function (slug) { select(slug); },
  });
  global.trackerMap = view;
  let openTooltip = null;
  view.layer.on("tooltipopen", function (event) { openTooltip = event.tooltip; });
  view.layer.on("tooltipclose", function () { openTooltip = null; });

  const RANGE_DAYS = { year: 365, quarter: 91 }; // the time bar's zoom; "all" is the record
  const state = { day: NaN, lens: "consensus", playing: false, speed: "week", range: "all" };
  let data = null; // the decoded timeline of state.lens
  let span = { start: 0, end: 1 }; // the whole record (days)
  let axis = { start: 0, end: 1 }; // the part of it the time bar shows
  let series = []; // area per bucket over time, for the chart
  let bucketsShown = []; // the legend's and the chart's buckets
  let slugs = [];
  let props = [];
  let shapes = [];
  let areas = new Float64Array(0);
  let totalArea = 0;
  let indexOf = new Map();
  let codes = new Int32Array(0); // each district's drawing on state.day (TL.stateCode)
  let buckets = new Int32Array(0); // each district's bucket in the area tally
  let totals = new Float64Array(0); // area per bucket on state.day
  let styles = []; // per district: Leaflet style per drawing code
  let selected = -1;
  const keepLanguage = new URLSearchParams(global.location.search).get("lang");

  function tooltipFor(p) {
    const box = Tracker.districtNames(p);
    const i = indexOf.get(p.slug);
    if (data && i !== undefined) {
      const current = stateAt(data, i, state.day);
      box.appendChild(el("span", "tooltip-state", stateText(current)));
    }
    return box;
  }

  /**
   * Return the Leaflet style of district i in drawing `code` (cached). A held district takes
   * its holder's colour; contested and disputed ones are hatched (disputed in the colours of
   * the sides named); unknown is plain. In an uncertain window, the change that may already
   * have happened is drawn faded, with a dashed outline.
   */
  function styleFor(i, code) {
    const cache = styles[i];
    if (cache[code]) return cache[code];
    const track = data.tracks[i];
    const uncertain = TL.codeUncertain(code);
    const k = uncertain ? TL.codeNextPeriod(code) : TL.codePeriod(code);
    // Leaflet merges a new style into the old one: every key is set, so none lingers.
    const style = {
      color: OUTLINE,
      weight: 0.9,
      opacity: 1,
      fill: true,
      dashArray: null,
      actor: null,
      hatch: null,
      uncertain: false,
    };
    if (k < 0) {
      style.fillColor = UNKNOWN_FILL;
      style.fillOpacity = 0.75;
      style.status = "unknown";
    } else {
      const status = track.status[k];
      style.status = TL.STATUS_NAME[status];
      if (status === TL.HELD) {
        style.actor = data.actors[track.actor[k]];
        style.fillColor = actorColour(style.actor);
        style.fillOpacity = 0.82;
      } else if (status === TL.DISPUTED) {
        style.hatch = disputedColours(track.actors[k].map(function (a) { return data.actors[a]; }));
        style.fillColor = hatch(style.hatch);
        style.fillOpacity = 0.9;
      } else {
        style.hatch = [CONTESTED_INK, CONTESTED_BACKGROUND, CONTESTED_BACKGROUND];
        style.fillColor = hatch(style.hatch);
        style.fillOpacity = 0.9;
      }
    }
    if (uncertain) {
      style.uncertain = true;
      style.fillOpacity = style.fillOpacity * 0.4;
      style.dashArray = "4 3";
      style.color = "#52606d";
      style.weight = 1;
    }
    cache[code] = style;
    return style;
  }

  function currentStyle(i) {
    const style = styleFor(i, codes[i]);
    return i === selected ? Object.assign({}, style, SELECTED_OUTLINE) : style;
  }

  /** Move to `day`: restyle only the districts whose drawing changes, then the controls. */
  function stepTo(day, all) {
    if (!data) return;
    day = Math.min(Math.max(Math.round(day), span.start), span.end);
    const from = state.day;
    const touched = all || Number.isNaN(from) ? null : TL.districtsTouched(data, from, day, shapes.length);
    state.day = day;
    if (day < axis.start || day > axis.end) axisFit(false);
    const tracks = data.tracks;
    const visit = function (i) {
      const code = TL.stateCode(tracks[i], day);
      if (code === codes[i]) return;
      const bucket = TL.bucketOf(data, tracks[i], TL.codePeriod(code));
      if (bucket !== buckets[i]) {
        if (buckets[i] >= 0) totals[buckets[i]] -= areas[i];
        totals[bucket] += areas[i];
        buckets[i] = bucket;
      }
      codes[i] = code;
      shapes[i].setStyle(currentStyle(i));
    };
    if (touched === null) {
      for (let i = 0; i < shapes.length; i++) visit(i);
    } else {
      touched.forEach(visit);
    }
    dayChanged();
  }

  // ---- the time bar ---------------------------------------------------------------------

  const slider = document.getElementById("day-slider");
  const dateLabel = document.getElementById("date-label");
  const playButton = document.getElementById("play");
  const speedSelect = document.getElementById("speed");
  const lensSelect = document.getElementById("lens");
  const ticks = document.getElementById("timebar-ticks");
  const scale = document.getElementById("timebar-scale");
  const track = app.querySelector(".timebar-track");
  const buttons = {
    previousChange: document.getElementById("previous-change"),
    previousDay: document.getElementById("previous-day"),
    nextDay: document.getElementById("next-day"),
    nextChange: document.getElementById("next-change"),
  };
  const chart = Tracker.createAreaChart(document.getElementById("area-chart"), {
    rtl: rtl,
    contestedInk: CONTESTED_INK,
    contestedBackground: CONTESTED_BACKGROUND,
    scaleLabel: function (share) { return t("chart_scale", { share: percentFormat.format(share) }); },
  });

  function fraction(day) {
    return (day - axis.start) / Math.max(axis.end - axis.start, 1);
  }

  /**
   * Choose the part of the record the time bar shows: all of it, or a year or three months
   * around the day (paging forward or back when the day leaves it). Redraw the bar if moved.
   */
  function axisFit(centre) {
    const width = RANGE_DAYS[state.range];
    let start = span.start;
    let end = span.end;
    if (width && width < span.end - span.start) {
      const day = Number.isNaN(state.day) ? span.end : state.day;
      if (centre) start = day - Math.round(width / 2);
      else if (day > axis.end) start = day - Math.round(width * 0.1);
      else if (day < axis.start) start = day - Math.round(width * 0.9);
      else start = axis.start;
      start = Math.min(Math.max(start, span.start), span.end - width);
      end = start + width;
    }
    if (start !== axis.start || end !== axis.end) {
      axis = { start: start, end: end };
      axisBuild();
    }
  }

  function dayChanged() {
    const day = state.day;
    slider.value = String(day);
    const label = formatDay(day);
    slider.setAttribute("aria-valuetext", label);
    dateLabel.textContent = label;
    dateLabel.dataset.day = TL.dayString(day);
    chart.mark(day);
    legendUpdate();
    buttons.previousDay.disabled = day <= span.start;
    buttons.nextDay.disabled = day >= span.end;
    buttons.previousChange.disabled = Number.isNaN(TL.previousChange(data, day));
    buttons.nextChange.disabled = Number.isNaN(TL.nextChange(data, day));
    if (selected >= 0) panel.update(panelInfo());
    if (openTooltip) openTooltip.update(); // the hovered district's state follows the day
    addressUpdate();
  }

  function axisBuild() {
    slider.min = String(axis.start);
    slider.max = String(axis.end);
    if (!Number.isNaN(state.day)) slider.value = String(state.day);
    ticks.replaceChildren();
    const seen = new Set();
    data.changeDays.forEach(function (day) {
      if (day < axis.start || day > axis.end) return;
      const at = Math.round(fraction(day) * 1000) / 10;
      if (seen.has(at)) return;
      seen.add(at);
      const tick = el("span", "timebar-tick");
      tick.style.insetInlineStart = at + "%";
      tick.title = formatDay(day);
      ticks.appendChild(tick);
    });
    scale.replaceChildren();
    const startYear = TL.dayDate(axis.start).getUTCFullYear();
    const endYear = TL.dayDate(axis.end).getUTCFullYear();
    const labels = [];
    if (axis.end - axis.start > 550) {
      const every = Math.max(1, Math.ceil((endYear - startYear) / 10));
      for (let year = startYear + 1; year <= endYear; year += every) {
        labels.push([TL.dayNumber(year + "-01-01"), formatYear(TL.dayNumber(year + "-01-01"))]);
      }
    } else {
      const first = TL.dayDate(axis.start);
      const months = Math.round((axis.end - axis.start) / 30);
      const every = Math.max(1, Math.ceil(months / 8));
      for (let m = 1; m <= months + 1; m += every) {
        const d = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + m, 1));
        const day = Math.round(d.getTime() / 86400000);
        if (day < axis.end) labels.push([day, monthFormat.format(d)]);
      }
    }
    labels.forEach(function (pair) {
      const at = fraction(pair[0]);
      if (at < 0.03 || at > 0.97) return; // a label cut by the edge helps no one
      const label = el("span", null, pair[1]);
      label.style.insetInlineStart = fraction(pair[0]) * 100 + "%";
      scale.appendChild(label);
    });
    chart.draw(series, axis.start, axis.end, bucketsShown, totalArea);
    chart.mark(state.day);
  }

  const rangeButtons = app.querySelectorAll("[data-range]");

  function rangeSet(range) {
    state.range = RANGE_DAYS[range] ? range : "all";
    rangeButtons.forEach(function (button) {
      button.setAttribute("aria-pressed", button.dataset.range === state.range ? "true" : "false");
    });
    if (data) {
      axisFit(true);
      addressUpdate();
    }
  }

  rangeButtons.forEach(function (button) {
    button.addEventListener("click", function () { rangeSet(button.dataset.range); });
  });

  function dayFromPointer(event) {
    const box = track.getBoundingClientRect();
    let f = (event.clientX - box.left) / box.width;
    if (rtl) f = 1 - f;
    return axis.start + f * (axis.end - axis.start);
  }

  track.addEventListener("pointerdown", function (event) {
    if (!data) return;
    pause();
    track.setPointerCapture(event.pointerId);
    stepTo(dayFromPointer(event));
  });
  track.addEventListener("pointermove", function (event) {
    if (data && track.hasPointerCapture(event.pointerId)) stepTo(dayFromPointer(event));
  });

  slider.addEventListener("input", function () {
    pause();
    stepTo(Number(slider.value));
  });

  function jumpChange(direction) {
    const target = direction > 0 ? TL.nextChange(data, state.day) : TL.previousChange(data, state.day);
    if (!Number.isNaN(target)) stepTo(target);
  }

  buttons.previousDay.addEventListener("click", function () { pause(); stepTo(state.day - 1); });
  buttons.nextDay.addEventListener("click", function () { pause(); stepTo(state.day + 1); });
  buttons.previousChange.addEventListener("click", function () { pause(); jumpChange(-1); });
  buttons.nextChange.addEventListener("click", function () { pause(); jumpChange(1); });

  // ---- playback -------------------------------------------------------------------------

  let frameRequest = null;
  let changeTimer = null;
  let lastFrame = 0;
  let carry = 0;

  function playShow() {
    playButton.setAttribute("aria-pressed", state.playing ? "true" : "false");
    const label = state.playing ? t("pause") : t("play");
    playButton.setAttribute("aria-label", label);
    playButton.title = label;
    app.classList.toggle("is-playing", state.playing);
  }

  function frame(now) {
    const elapsed = Math.min(now - lastFrame, 250);
    lastFrame = now;
    carry += (elapsed / 1000) * RATES[state.speed];
    const whole = Math.floor(carry);
    if (whole >= 1) {
      carry -= whole;
      stepTo(state.day + whole);
    }
    if (state.day >= span.end) {
      pause();
      return;
    }
    frameRequest = global.requestAnimationFrame(frame);
  }

  function changeTick() {
    const next = TL.nextChange(data, state.day);
    if (Number.isNaN(next)) {
      pause();
      return;
    }
    stepTo(next);
    changeTimer = global.setTimeout(changeTick, CHANGE_INTERVAL_MS);
  }

  function loopStart() {
    if (state.speed === "change") {
      changeTimer = global.setTimeout(changeTick, CHANGE_INTERVAL_MS / 3);
    } else {
      lastFrame = global.performance.now();
      carry = 0;
      frameRequest = global.requestAnimationFrame(frame);
    }
  }

  function loopStop() {
    if (frameRequest !== null) global.cancelAnimationFrame(frameRequest);
    if (changeTimer !== null) global.clearTimeout(changeTimer);
    frameRequest = null;
    changeTimer = null;
  }

  function play() {
    if (state.playing || !data) return;
    const atEnd = state.speed === "change"
      ? Number.isNaN(TL.nextChange(data, state.day))
      : state.day >= span.end;
    if (atEnd) stepTo(span.start);
    state.playing = true;
    playShow();
    loopStart();
  }

  function pause() {
    if (!state.playing) return;
    state.playing = false;
    loopStop();
    playShow();
  }

  function togglePlay() {
    if (state.playing) pause();
    else play();
  }

  playButton.addEventListener("click", togglePlay);
  speedSelect.addEventListener("change", function () {
    const speed = speedSelect.value;
    state.speed = speed === "change" || RATES[speed] ? speed : "week";
    if (state.playing) {
      loopStop();
      loopStart();
    }
  });

  // ---- keyboard -------------------------------------------------------------------------

  document.addEventListener("keydown", function (event) {
    if (!data || event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
    const target = event.target;
    const tag = target && target.tagName;
    const onSlider = target === slider;
    const typing = tag === "INPUT" || tag === "SELECT" || tag === "TEXTAREA" ||
      (target && target.isContentEditable);
    if (typing && !onSlider) return;
    switch (event.key) {
      case "ArrowRight":
      case "ArrowLeft": {
        // Time runs the way the slider is drawn: to the left in Arabic.
        const forward = (event.key === "ArrowRight") !== rtl;
        event.preventDefault();
        pause();
        if (event.shiftKey) jumpChange(forward ? 1 : -1);
        else stepTo(state.day + (forward ? 1 : -1));
        break;
      }
      case " ":
      case "Spacebar":
        if (!onSlider && (tag === "BUTTON" || tag === "A" || tag === "SUMMARY")) return;
        event.preventDefault();
        togglePlay();
        break;
      case "Home":
      case "End":
        if (onSlider) return;
        event.preventDefault();
        pause();
        stepTo(event.key === "Home" ? span.start : span.end);
        break;
      case "Escape":
        if (selected >= 0) {
          event.preventDefault();
          deselect();
        }
        break;
      default:
    }
  });

  // ---- legend ---------------------------------------------------------------------------

  let legendRows = []; // [{bucket, share node, row node, last}]
  // Bottom corner on a wide map; on a phone, the top corner away from the zoom buttons (the
  // attribution, with the districts' credit, needs the bottom).
  const narrow = global.matchMedia("(max-width: 700px)").matches;
  const legendControl = L.control({
    position: narrow ? (rtl ? "topleft" : "topright") : (rtl ? "bottomright" : "bottomleft"),
  });
  let legendBox = null;
  let legendTitle = null;
  let legendList = null;
  legendControl.onAdd = function () {
    legendBox = el("details", "district-legend");
    // Open where there is room for it; on a phone or in a small iframe, one tap away.
    const room = view.map.getSize();
    legendBox.open = room.x > 700 && room.y > 420;
    legendTitle = el("summary", "legend-title");
    legendBox.appendChild(legendTitle);
    legendList = el("ul", "legend-list");
    legendBox.appendChild(legendList);
    const note = el("p", "legend-note");
    const faded = el("span", "legend-swatch swatch-faded");
    faded.style.background = actorColour("government");
    note.appendChild(faded);
    note.appendChild(el("span", null, t("legend_faded")));
    legendBox.appendChild(note);
    L.DomEvent.disableClickPropagation(legendBox);
    L.DomEvent.disableScrollPropagation(legendBox);
    return legendBox;
  };

  /** The buckets of the area tally, in the order they are stacked and listed. */
  function bucketList(series) {
    const actorCount = data.actors.length;
    const used = new Set();
    series.forEach(function (point) {
      point.areas.forEach(function (area, b) { if (area > 0) used.add(b); });
    });
    const held = data.actors
      .map(function (slug, b) { return { slug: slug, b: b }; })
      .filter(function (a) { return used.has(a.b); })
      .sort(function (a, b) {
        return (actorOrder.has(a.slug) ? actorOrder.get(a.slug) : 999) -
          (actorOrder.has(b.slug) ? actorOrder.get(b.slug) : 999);
      })
      .map(function (a) {
        return {
          index: a.b,
          key: "held:" + a.slug,
          colour: actorColour(a.slug),
          label: actorName(a.slug),
          state: { status: "held", actor: a.slug },
        };
      });
    let disputedActors = [];
    data.tracks.some(function (tr) {
      for (let k = 0; k < tr.status.length; k++) {
        if (tr.status[k] === TL.DISPUTED) {
          disputedActors = tr.actors[k].map(function (a) { return data.actors[a]; });
          return true;
        }
      }
      return false;
    });
    return held.concat([
      { index: actorCount + 1, key: "disputed", pattern: "disputed", label: t("legend_disputed"),
        state: { status: "disputed", actors: disputedActors }, always: true },
      { index: actorCount, key: "contested", pattern: "contested", label: t("legend_contested"),
        state: { status: "contested" }, always: true },
      { index: actorCount + 2, key: "unknown", colour: UNKNOWN_FILL, label: t("legend_unknown"),
        state: { status: "unknown" }, always: true, background: true },
    ]);
  }

  function legendBuild(list) {
    if (!legendList) return;
    legendList.replaceChildren();
    legendRows = list.map(function (bucket) {
      const row = el("li");
      row.dataset.bucket = bucket.key;
      row.appendChild(swatch(bucket.state));
      row.appendChild(el("span", "legend-label", bucket.label));
      const share = el("span", "legend-share");
      row.appendChild(share);
      legendList.appendChild(row);
      return { bucket: bucket, share: share, row: row, last: null };
    });
  }

  function legendUpdate() {
    if (legendTitle) legendTitle.textContent = t("legend_title", { date: formatDay(state.day) });
    legendRows.forEach(function (entry) {
      const value = totalArea ? totals[entry.bucket.index] / totalArea : 0;
      const shown = percentFormat.format(value);
      if (shown !== entry.last) {
        entry.last = shown;
        entry.share.textContent = shown;
        entry.row.dataset.share = String(value);
        entry.row.classList.toggle("legend-empty", value === 0);
      }
    });
  }

  // ---- lenses ---------------------------------------------------------------------------

  const timelines = new Map(); // lens -> Promise of the payload
  const decoded = new Map(); // lens -> decoded timeline

  function fetchJson(url) {
    return global.fetch(url, { headers: { Accept: "application/json" } }).then(function (response) {
      if (!response.ok) throw new Error("HTTP " + response.status);
      return response.json();
    });
  }

  function timelineFor(lens) {
    if (!timelines.has(lens)) {
      const url = config.timelineUrl + "?lens=" + encodeURIComponent(lens);
      timelines.set(lens, fetchJson(url).catch(function (error) {
        timelines.delete(lens);
        throw error;
      }));
    }
    return timelines.get(lens);
  }

  function decodedFor(lens) {
    if (decoded.has(lens)) return Promise.resolve(decoded.get(lens));
    return timelineFor(lens).then(function (payload) {
      if (!decoded.has(lens)) decoded.set(lens, TL.decode(payload, slugs));
      return decoded.get(lens);
    });
  }

  function spanCompute(lensData) {
    const record = config.record || {};
    let first = TL.dayNumber(record.first);
    let last = TL.dayNumber(record.last);
    if (!Number.isNaN(lensData.first)) {
      first = Number.isNaN(first) ? lensData.first : Math.min(first, lensData.first);
      last = Number.isNaN(last) ? lensData.last : Math.max(last, lensData.last);
    }
    if (Number.isNaN(first)) {
      last = Math.floor(Date.now() / 86400000);
      first = last - 30;
    }
    const pad = Math.max(3, Math.round((last - first) * 0.01));
    return { start: first - pad, end: last + pad };
  }

  /** Show `lens` from its decoded timeline: every district restyled, axis, chart, legend. */
  function lensApply(lens, lensData) {
    state.lens = lens;
    data = lensData;
    if (lensSelect.value !== lens) {
      if (!Array.prototype.some.call(lensSelect.options, function (o) { return o.value === lens; })) {
        lensSelect.appendChild(new Option(lens, lens));
      }
      lensSelect.value = lens;
    }
    const day = state.day;
    span = spanCompute(data);
    codes = new Int32Array(shapes.length).fill(-1);
    buckets = new Int32Array(shapes.length).fill(-1);
    totals = new Float64Array(data.actors.length + 3);
    styles = shapes.map(function () { return []; });
    series = TL.areaSeries(data, areas, span.start);
    bucketsShown = bucketList(series);
    legendBuild(bucketsShown);
    const latest = TL.dayNumber((config.record || {}).last);
    state.day = Number.isNaN(day) ? (Number.isNaN(latest) ? span.end : latest) : day;
    state.day = Math.min(Math.max(state.day, span.start), span.end);
    axis = { start: NaN, end: NaN };
    axisFit(true);
    const target = state.day;
    state.day = NaN;
    stepTo(target, true);
    document.body.dataset.lens = lens;
    if (selected >= 0) panel.show(props[selected], panelInfo());
  }

  function lensSwitch(lens) {
    if (!lensLabels.has(lens)) lens = "consensus";
    lensSelect.disabled = true;
    return decodedFor(lens)
      .then(function (lensData) { lensApply(lens, lensData); })
      .catch(function (error) {
        statusShow(t("lens_failed", { error: error.message }), true);
        lensSelect.value = state.lens;
      })
      .finally(function () { lensSelect.disabled = false; });
  }

  lensSelect.addEventListener("change", function () { lensSwitch(lensSelect.value); });

  // ---- the district panel ---------------------------------------------------------------

  const panelElement = document.getElementById("district-panel");
  const histories = new Map();

  function historyFor(slug, lens) {
    const key = slug + "\n" + lens;
    if (!histories.has(key)) {
      const url = config.historyUrl.replace("__slug__", encodeURIComponent(slug)) +
        "?lens=" + encodeURIComponent(lens);
      histories.set(key, fetchJson(url).catch(function (error) {
        histories.delete(key);
        throw error;
      }));
    }
    return histories.get(key);
  }

  /** Return each stance's account of district `slug` on `day` (fetching each lens once). */
  function compareFor(slug, day) {
    const lenses = STANCE_LENSES.filter(function (lens) { return lensLabels.has(lens); });
    if (lenses.indexOf(state.lens) < 0) lenses.unshift(state.lens);
    const i = indexOf.get(slug);
    return Promise.all(lenses.map(function (lens) {
      return decodedFor(lens).then(function (lensData) {
        return { lens: lens, label: lensLabel(lens), state: stateAt(lensData, i, day) };
      }, function () { return null; });
    })).then(function (rows) { return rows.filter(Boolean); });
  }

  function panelInfo() {
    const trackData = data.tracks[selected];
    const periods = [];
    for (let k = 0; k < trackData.start.length; k++) periods.push(periodState(data, trackData, k));
    return {
      day: state.day,
      lens: state.lens,
      lensLabel: lensLabel(state.lens),
      state: stateAt(data, selected, state.day),
      periods: periods,
      start: span.start,
      end: span.end,
    };
  }

  const panel = Tracker.createDistrictPanel(panelElement, document.getElementById("panel-body"), {
    t: t,
    language: config.language,
    rtl: rtl,
    dayNumber: TL.dayNumber,
    formatDay: formatDay,
    formatYear: formatYear,
    actorName: actorName,
    stateText: stateText,
    describe: describe,
    describeUncertain: describeUncertain,
    swatch: swatch,
    swatchBackground: swatchBackground,
    history: historyFor,
    compare: compareFor,
    onDay: function (day) { pause(); stepTo(day); },
    onLens: function (lens) { lensSwitch(lens); },
  });

  function select(slug) {
    const i = indexOf.get(slug);
    if (i === undefined || !data) return;
    const previous = selected;
    selected = i;
    if (previous >= 0 && previous !== i) shapes[previous].setStyle(currentStyle(previous));
    shapes[i].setStyle(currentStyle(i));
    shapes[i].bringToFront();
    panel.show(props[i], panelInfo());
    districtReveal(i);
    addressUpdate();
  }

  /** Pan the map so that district i is not hidden under the panel (a column or a sheet). */
  function districtReveal(i) {
    const map = view.map;
    const mapBox = map.getContainer().getBoundingClientRect();
    const panelBox = panelElement.getBoundingClientRect();
    const centre = map.latLngToContainerPoint(shapes[i].getCenter()); // from [lat, lng]
    const x = mapBox.left + centre.x;
    const y = mapBox.top + centre.y;
    const covered = x > panelBox.left - 24 && x < panelBox.right + 24 &&
      y > panelBox.top - 24 && y < panelBox.bottom + 24;
    if (!covered) return;
    const sheet = panelBox.width > mapBox.width * 0.9;
    if (sheet) {
      const free = (panelBox.top - mapBox.top) / 2; // the middle of what is left above the sheet
      map.panBy([0, centre.y - free], { animate: false });
    } else {
      const free = rtl
        ? (panelBox.right - mapBox.left + mapBox.width) / 2
        : (panelBox.left - mapBox.left) / 2;
      map.panBy([centre.x - free, 0], { animate: false });
    }
  }

  function deselect() {
    const previous = selected;
    selected = -1;
    if (previous >= 0) shapes[previous].setStyle(currentStyle(previous));
    panel.hide();
    addressUpdate();
  }

  document.getElementById("panel-close").addEventListener("click", deselect);

  // ---- the address ----------------------------------------------------------------------

  let addressTimer = null;
  const languageSwitch = document.getElementById("language-switch");
  const openFull = document.getElementById("embed-open-full");

  function query(language) {
    const parts = ["date=" + TL.dayString(state.day),
      "lens=" + encodeURIComponent(state.lens).replace(/%3A/gi, ":")];
    if (selected >= 0) parts.push("district=" + encodeURIComponent(slugs[selected]));
    if (state.range !== "all") parts.push("range=" + state.range);
    if (language) parts.push("lang=" + encodeURIComponent(language));
    return "?" + parts.join("&");
  }

  function addressWrite() {
    addressTimer = null;
    if (Number.isNaN(state.day)) return;
    const here = query(keepLanguage);
    if (global.location.search !== here) {
      global.history.replaceState(global.history.state, "", global.location.pathname + here);
    }
    if (languageSwitch) {
      languageSwitch.href = global.location.pathname + query(arabic ? "en" : "ar");
    }
    if (openFull) openFull.href = config.pageUrl + query(keepLanguage);
  }

  /** Write the state into the address soon (not on every frame of a drag or of playback). */
  function addressUpdate() {
    if (addressTimer === null) addressTimer = global.setTimeout(addressWrite, URL_DELAY_MS);
  }

  // ---- start ----------------------------------------------------------------------------

  function statusShow(message, isError) {
    statusLine.hidden = false;
    statusLine.textContent = message;
    statusLine.classList.toggle("map-status-error", Boolean(isError));
  }

  const params = new URLSearchParams(global.location.search);
  rangeSet(params.get("range") || "all");
  let startLens = params.get("lens") || "consensus";
  let lensNotice = null;
  if (!lensLabels.has(startLens)) {
    lensNotice = t("lens_failed", { error: startLens });
    startLens = "consensus";
  }

  Promise.all([view.ready, timelineFor(startLens)])
    .then(function (results) {
      shapes = view.layer.getLayers();
      props = shapes.map(function (shape) { return shape.feature.properties; });
      slugs = props.map(function (p) { return p.slug; });
      indexOf = new Map(slugs.map(function (slug, i) { return [slug, i]; }));
      areas = Float64Array.from(props.map(function (p) { return Number(p.area_km2) || 0; }));
      totalArea = areas.reduce(function (sum, a) { return sum + a; }, 0);
      view.setStyle(function (feature) {
        const i = indexOf.get(feature.properties.slug);
        return data && i !== undefined && codes[i] >= 0 ? currentStyle(i) : Tracker.kindStyle(feature);
      });
      legendControl.addTo(view.map);
      decoded.set(startLens, TL.decode(results[1], slugs));
      const wanted = TL.dayNumber(params.get("date"));
      state.day = NaN;
      data = decoded.get(startLens);
      span = spanCompute(data);
      state.day = Number.isNaN(wanted) ? NaN : Math.min(Math.max(wanted, span.start), span.end);
      lensApply(startLens, data);
      const district = params.get("district");
      if (district && indexOf.has(district)) select(district);
      global.clearTimeout(addressTimer);
      addressWrite(); // the links (other language, full map) right away, not after a pause
      if (lensNotice) statusShow(lensNotice, true);
      else {
        statusLine.textContent = t("districts_count", { count: shapes.length });
        statusLine.hidden = true;
      }
      document.body.dataset.mapReady = "true";
    })
    .catch(function (error) {
      statusShow(t("load_failed", { error: error.message }), true);
      document.body.dataset.mapReady = "error";
      console.error(error);
    });

  /** For tests, benchmarks and the console: read and drive the map. */
  global.trackerTimeline = {
    day: function () { return Number.isNaN(state.day) ? null : TL.dayString(state.day); },
    lens: function () { return state.lens; },
    span: function () { return { start: TL.dayString(span.start), end: TL.dayString(span.end) }; },
    changeDays: function () { return Array.from(data.changeDays, TL.dayString); },
    stepTo: function (day) {
      pause();
      stepTo(typeof day === "string" ? TL.dayNumber(day) : day);
      return TL.dayString(state.day);
    },
    dayNumber: TL.dayNumber,
    setLens: lensSwitch,
    select: select,
    deselect: deselect,
    playing: function () { return state.playing; },
    range: function () { return state.range; },
    axis: function () { return { start: TL.dayString(axis.start), end: TL.dayString(axis.end) }; },
    /** The state of district `slug` on the current day, as the map draws it. */
    stateOf: function (slug) {
      const i = indexOf.get(slug);
      if (i === undefined || !data) return null;
      const s = stateAt(data, i, state.day);
      return {
        status: s.status, actor: s.actor, actors: s.actors,
        since: Number.isNaN(s.since) ? null : TL.dayString(s.since), uncertain: Boolean(s.uncertain),
      };
    },
    /** The Leaflet style district `slug` is drawn with (fillColor is a colour or a pattern). */
    styleOf: function (slug) {
      const i = indexOf.get(slug);
      if (i === undefined) return null;
      const o = shapes[i].options;
      return {
        fillColor: typeof o.fillColor === "string" ? o.fillColor : null,
        pattern: typeof o.fillColor !== "string",
        hatch: o.hatch || null,
        fillOpacity: o.fillOpacity,
        status: o.status,
        uncertain: Boolean(o.uncertain),
      };
    },
    /** Share of the city's area in each legend row on the current day. */
    shares: function () {
      const out = {};
      legendRows.forEach(function (r) { out[r.bucket.key] = totals[r.bucket.index] / totalArea; });
      return out;
    },
  };
})(window);
