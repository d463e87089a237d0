/*
 * Comparing the day shown with a second day, on the map: a control to pick the day, the
 * districts that changed drawn above the others in a pane of their own (hatched in the colour
 * of the side that gained them, outlined; dashed in the colour of the side that lost them when
 * no side gained them), and a summary: per side, the ground gained and lost (km² and share of
 * the city), the count of districts changed and of the changes recorded in between, and the
 * districts themselves. The day compared with is the store's `compare` (NaN: none), which the
 * address carries (`compare=YYYY-MM-DD`). What changed is computed by compare.js.
 */
import { changesBetween, compareDayOf, compareDays } from "./compare.js";
import { dayNumber, dayString } from "./days.js";
import { el } from "./dom.js";
import { UNKNOWN_FILL } from "./style.js";

const PANE = "compare";
const LOST_FILL = "#ffffff";

/** Return a canvas pattern of diagonal stripes: `colour`, then white, 10 px a pair. */
function stripes(colour) {
  const size = 10;
  const tile = document.createElement("canvas");
  tile.width = size;
  tile.height = size;
  const ctx = tile.getContext("2d");
  ctx.fillStyle = "#ffffff";
  ctx.fillRect(0, 0, size, size);
  ctx.strokeStyle = colour;
  ctx.lineWidth = 3.5;
  ctx.beginPath();
  for (let k = -size; k <= size; k += size) {
    ctx.moveTo(k, size);
    ctx.lineTo(k + size, 0);
  }
  ctx.stroke();
  return ctx.createPattern(tile, "repeat");
}

/**
 * Add the comparison to `map` (Leaflet) in `win`, following `store`. `painter` gives the
 * districts (shape, props, slugs, areas); `text` the words, `locale` the number format.
 * Returns { result() } (the comparison shown, or null; for tests and the picture).
 */
export function createComparison(win, map, store, text, painter, locale) {
  const L = win.L;
  const patterns = new Map();
  const km = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  map.createPane(PANE);
  map.getPane(PANE).style.zIndex = 440; // above the districts (400), below the front line
  map.getPane(PANE).style.pointerEvents = "none";
  const overlay = L.geoJSON(null, {
    pane: PANE,
    renderer: L.canvas({ pane: PANE, padding: 0.5 }),
    interactive: false,
    style: (feature) => feature.properties.compareStyle,
  }).addTo(map);

  // In the corner of the picture button; on a phone the legend has the other top corner.
  const narrow = win.matchMedia("(max-width: 700px)").matches;
  const control = L.control({ position: (narrow !== text.rtl) ? "topleft" : "topright" });
  const box = el("details", "map-tool compare-tool");
  const opener = el("summary", "map-tool-button compare-open", text.t("diff_open"));
  opener.id = "compare-open";
  box.appendChild(opener);
  const form = el("label", "compare-pick");
  form.appendChild(el("span", "compare-pick-label", text.t("diff_label")));
  const input = el("input", "compare-day");
  input.type = "date";
  input.id = "compare-day";
  form.appendChild(input);
  const clear = el("button", "map-tool-button compare-clear");
  clear.type = "button";
  clear.id = "compare-clear";
  clear.setAttribute("aria-label", text.t("diff_clear"));
  clear.title = text.t("diff_clear");
  clear.textContent = "×";
  const summary = el("section", "compare-summary");
  summary.id = "compare-summary";
  summary.setAttribute("aria-live", "polite");
  summary.hidden = true;
  const row = el("div", "compare-row");
  row.appendChild(form);
  row.appendChild(clear);
  box.appendChild(row);
  box.appendChild(summary);
  control.onAdd = () => {
    L.DomEvent.disableClickPropagation(box);
    L.DomEvent.disableScrollPropagation(box);
    return box;
  };
  control.addTo(map);

  let shown = null; // the comparison drawn
  let drawnKey = "";

  function hatch(colour) {
    if (!patterns.has(colour)) patterns.set(colour, stripes(colour));
    return patterns.get(colour);
  }

  function bucketName(data, bucket) {
    const actors = data.actors.length;
    if (bucket < actors) return text.actorName(data.actors[bucket]);
    if (bucket === actors) return text.t("status_contested");
    if (bucket === actors + 1) return text.t("diff_disputed");
    return text.t("status_unknown");
  }

  function styleOf(data, change) {
    if (change.gainer >= 0) {
      const colour = text.actorColour(data.actors[change.gainer]);
      return { color: colour, weight: 3, opacity: 1, fillColor: hatch(colour), fillOpacity: 0.9 };
    }
    const colour = change.loser >= 0 ? text.actorColour(data.actors[change.loser]) : UNKNOWN_FILL;
    return { color: colour, weight: 3, opacity: 1, dashArray: "6 5", fillColor: LOST_FILL,
      fillOpacity: 0.35 };
  }

  function draw(data, result) {
    const key = result.districts.map((c) => c.index + ":" + c.gainer + ":" + c.loser).join(",");
    if (key === drawnKey) return;
    drawnKey = key;
    overlay.clearLayers();
    result.districts.forEach((change) => {
      const feature = painter.shape(change.index).feature;
      overlay.addData({
        type: "Feature",
        geometry: feature.geometry,
        properties: { slug: feature.properties.slug, compareStyle: styleOf(data, change) },
      });
    });
  }

  function share(area, whole) {
    return text.formatShare(whole ? area / whole : 0);
  }

  function summaryShow(data, result) {
    summary.replaceChildren();
    summary.appendChild(el("h2", "compare-title", text.t("diff_title",
      { from: text.formatDay(result.from), to: text.formatDay(result.to) })));
    if (!result.districts.length) {
      summary.appendChild(el("p", "compare-none", text.t("diff_none")));
    }
    const sides = el("ul", "compare-sides");
    result.sides.slice().sort((a, b) => b.net - a.net).forEach((side) => {
      const slug = data.actors[side.actor];
      const item = el("li");
      item.dataset.actor = slug;
      const mark = el("span", "legend-swatch");
      mark.style.background = text.actorColour(slug);
      mark.setAttribute("aria-hidden", "true");
      item.appendChild(mark);
      item.appendChild(el("strong", null, text.actorName(slug)));
      const parts = [];
      if (side.gained) parts.push(text.t("diff_gained", { area: km.format(side.gained), share: share(side.gained, result.whole) }));
      if (side.lost) parts.push(text.t("diff_lost", { area: km.format(side.lost), share: share(side.lost, result.whole) }));
      item.appendChild(el("span", "compare-figures", parts.join(text.t("and"))));
      sides.appendChild(item);
    });
    summary.appendChild(sides);
    summary.appendChild(el("p", "compare-counts",
      text.t("diff_districts", { count: result.districts.length }) + " · " +
      text.t("diff_changes", { count: result.changes.length })));
    if (result.districts.length) {
      const list = el("details", "compare-list");
      list.appendChild(el("summary", null, text.t("diff_list")));
      const items = el("ul");
      result.districts.forEach((change) => {
        const props = painter.props(change.index);
        const item = el("li");
        item.dataset.district = props.slug;
        const name = text.arabic && props.name_ar ? props.name_ar : props.name_en;
        item.appendChild(el("span", "compare-district", name));
        item.appendChild(el("span", "compare-change", text.t("diff_change",
          { before: bucketName(data, change.before), after: bucketName(data, change.after) })));
        items.appendChild(item);
      });
      list.appendChild(items);
      summary.appendChild(list);
    }
    const key = el("p", "compare-key", text.t("diff_key_gained") + ". " + text.t("diff_key_lost") + ".");
    summary.appendChild(key);
  }

  let comparing = null; // whether the last update showed a comparison (null: none yet)

  function update(state) {
    const on = Boolean(state.data && Number.isFinite(state.compare) && Number.isFinite(state.day));
    if (!on && comparing === false) return; // nothing shown, nothing to clear: a scrub step
    comparing = on;
    box.classList.toggle("is-comparing", on);
    if (on) box.open = true;
    clear.hidden = !on;
    if (!on) {
      shown = null;
      summary.hidden = true;
      drawnKey = "";
      overlay.clearLayers();
      if (document.activeElement !== input) input.value = "";
      return;
    }
    const result = compareDays(state.data, painter.areas(), state.day, state.compare);
    result.changes = changesBetween(state.data, painter.slugs(), result.from, result.to);
    shown = result;
    draw(state.data, result);
    summaryShow(state.data, result);
    summary.hidden = false;
    if (document.activeElement !== input) input.value = dayString(state.compare);
  }

  store.subscribe((state, changed) => {
    if (changed.has("data") && state.data) {
      input.min = dayString(state.span.start);
      input.max = dayString(state.span.end);
      if (Number.isFinite(state.compare)) {
        const kept = compareDayOf(state.compare, state.span);
        if (kept !== state.compare) {
          store.set({ compare: kept });
          return;
        }
      }
    }
    if (changed.has("data") || changed.has("compare") || changed.has("day")) update(state);
  });

  input.addEventListener("change", () => {
    const day = dayNumber(input.value);
    const state = store.get();
    store.set({ compare: state.data ? compareDayOf(day, state.span) : day });
  });
  clear.addEventListener("click", () => {
    store.set({ compare: NaN });
    input.focus();
  });
  update(store.get());

  return {
    /** The comparison shown: { from, to, whole, districts, sides, changes }, or null. */
    result: () => shown,
  };
}
