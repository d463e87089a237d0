/*
 * The place search, over the map's top corner: a combobox (combobox.js) that finds districts
 * and regions under every spelling (placesearch.js). Picking a district opens its panel and
 * flies to it, clear of the panel; picking a region flies to its districts.
 */
import { el } from "./dom.js";
import { createCombobox } from "./combobox.js";
import { placeIndex, searchPlaces } from "./placesearch.js";

const MAX_RESULTS = 8;
const MAX_ZOOM = 16; // flying to a small district stops at a few streets around it

/**
 * Add the search to `view` (map.js) once the districts (`features`) are known. regions: the
 * page's regions; parts: { select(slug): open a district's panel, panel: the panel element,
 * kept clear, locale: of the page's numbers }.
 * Returns { input, go(entry) }.
 */
export function createPlaceSearch(view, features, regions, text, parts) {
  const L = window.L;
  // The index is built on the first focus of the field (or the first search): 30,000
  // districts' spellings take a second, which the map's first paint need not wait for.
  let index = null;
  const placesIndex = () => index || (index = placeIndex(features, regions, text.arabic));
  // Over the zoom buttons on a wide map; on a phone, above the legend in the other top corner
  // (legend.js), where the field has the width of the map less the zoom buttons.
  const narrow = window.matchMedia("(max-width: 700px)").matches;
  const control = L.control({ position: narrow !== text.rtl ? "topright" : "topleft" });
  const box = el("div", "leaflet-control place-search");
  const label = el("label", "sr-only", text.t("search_label"));
  label.htmlFor = "place-search";
  const input = el("input", "place-search-input");
  input.type = "search";
  input.id = "place-search";
  input.placeholder = text.t("search_placeholder");
  const list = el("div", "combo-list place-search-list");
  list.id = "place-search-list";
  list.setAttribute("aria-label", text.t("search_label"));
  const status = el("p", "combo-empty");
  status.setAttribute("role", "status");
  box.append(label, input, list, status);
  L.DomEvent.disableClickPropagation(box);
  L.DomEvent.disableScrollPropagation(box);
  control.onAdd = () => box;
  control.addTo(view.map);
  const corner = box.parentNode; // first in its corner: above the zoom buttons
  corner.insertBefore(box, corner.firstChild);

  function detail(found) {
    const e = found.entry;
    const bits = [];
    if (e.kind === "region") {
      bits.push(text.t("search_region", { count: e.districts.length.toLocaleString(parts.locale) }));
    }
    if (found.via) bits.push(text.t("search_also", { name: found.via }));
    else if (e.other) bits.push(e.other);
    return bits.join(" · ");
  }

  /** The padding that keeps a flown-to place clear of the open panel (a column or a sheet). */
  function padding() {
    const pad = { paddingTopLeft: [24, 24], paddingBottomRight: [24, 24] };
    const panel = parts.panel;
    if (!panel || panel.hidden) return pad;
    const mapBox = view.map.getContainer().getBoundingClientRect();
    const panelBox = panel.getBoundingClientRect();
    if (panelBox.width > mapBox.width * 0.9) {
      pad.paddingBottomRight[1] += Math.max(0, mapBox.bottom - panelBox.top);
    } else if (text.rtl) {
      pad.paddingTopLeft[0] += Math.max(0, panelBox.right - mapBox.left);
    } else {
      pad.paddingBottomRight[0] += Math.max(0, mapBox.right - panelBox.left);
    }
    return pad;
  }

  /** Open (a district) and fly to the place `entry` of the index. */
  function go(entry) {
    if (entry.kind === "district") parts.select(entry.slug);
    const bounds = L.latLngBounds([]);
    entry.districts.forEach((slug) => {
      const shape = view.district(slug);
      if (shape) bounds.extend(shape.getBounds());
    });
    if (!bounds.isValid()) return;
    const still = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    const options = Object.assign({ maxZoom: MAX_ZOOM }, padding());
    if (still) view.map.fitBounds(bounds, Object.assign({ animate: false }, options));
    else view.map.flyToBounds(bounds, Object.assign({ duration: 0.8 }, options));
  }

  createCombobox(input, list, {
    groups: (query) => [{
      heading: "",
      items: searchPlaces(placesIndex(), query, MAX_RESULTS).map((found) => ({
        label: found.entry.name, detail: detail(found), entry: found.entry,
      })),
    }],
    onPick: (item) => {
      input.value = item.entry.name;
      go(item.entry);
    },
    status: status,
    empty: text.t("search_none"),
    onEscape: () => {
      input.value = "";
    },
  });
  input.addEventListener("focus", placesIndex, { once: true });
  return { input: input, go: go };
}
