/*
 * The selected district: a click opens its panel (panel.js) with its history in the lens,
 * each stance's account of the day, and the claims behind every period; the map pans so
 * that the district is not hidden under the panel. The panel follows the day and the lens.
 */
import { dayNumber, MS_PER_DAY } from "./days.js";
import { periodState, stateAt } from "./decode.js";
import { swatch } from "./dom.js";
import { fetchJson, kept } from "./fetch.js";
import { createDistrictPanel } from "./panel.js";

/**
 * Wire the district panel to `store`. actions: { stepTo(day), pause(), switchTo(lens) };
 * lenses: lenses.js; painter: paint.js; view: map.js. Returns { select(slug), deselect() }.
 */
export function createSelection(config, store, actions, text, parts) {
  const { view, painter, lenses } = parts;
  const panelElement = document.getElementById("district-panel");
  const histories = new Map();

  function history(slug, lens) {
    return kept(histories, slug + "\n" + lens, () => fetchJson(
      config.historyUrl.replace("__slug__", encodeURIComponent(slug)) +
        "?lens=" + encodeURIComponent(lens)));
  }

  /** Return each stance's account of district `slug` on `day` (fetching each lens once). */
  function compare(slug, day) {
    const current = store.get().lens;
    const shown = text.stanceLenses();
    if (shown.indexOf(current) < 0) shown.unshift(current);
    const i = painter.index(slug);
    return Promise.all(shown.map((lens) => lenses.decoded(lens).then(
      (data) => ({ lens: lens, label: text.lensLabel(lens), state: stateAt(data, i, day) }),
      () => null,
    ))).then((rows) => rows.filter(Boolean));
  }

  function info(state) {
    const track = state.data.tracks[state.selected];
    const periods = [];
    for (let k = 0; k < track.start.length; k++) periods.push(periodState(state.data, track, k));
    return {
      day: state.day,
      lens: state.lens,
      lensLabel: text.lensLabel(state.lens),
      state: stateAt(state.data, state.selected, state.day),
      periods: periods,
      start: state.span.start,
      end: state.span.end,
    };
  }

  const panel = createDistrictPanel(panelElement, document.getElementById("panel-body"), {
    t: text.t,
    language: text.language,
    rtl: text.rtl,
    dayNumber: dayNumber,
    formatDay: text.formatDay,
    formatYear: text.formatYear,
    actorName: text.actorName,
    stateText: text.stateText,
    describe: text.describe,
    today: () => Math.floor(Date.now() / MS_PER_DAY),
    describeUncertain: text.describeUncertain,
    swatch: (state) => swatch(state, text.swatchBackground),
    swatchBackground: text.swatchBackground,
    history: history,
    compare: compare,
    onDay: (day) => {
      actions.pause();
      actions.stepTo(day);
    },
    onLens: (lens) => actions.switchTo(lens),
  });

  /** Pan the map so that district i is not hidden under the panel (a column or a sheet). */
  function reveal(i) {
    const map = view.map;
    const mapBox = map.getContainer().getBoundingClientRect();
    const panelBox = panelElement.getBoundingClientRect();
    const centre = map.latLngToContainerPoint(painter.shape(i).getCenter()); // from [lat, lng]
    const x = mapBox.left + centre.x;
    const y = mapBox.top + centre.y;
    const covered = x > panelBox.left - 24 && x < panelBox.right + 24 &&
      y > panelBox.top - 24 && y < panelBox.bottom + 24;
    if (!covered) return;
    if (panelBox.width > mapBox.width * 0.9) { // a sheet
      const free = (panelBox.top - mapBox.top) / 2; // the middle of what is left above the sheet
      map.panBy([0, centre.y - free], { animate: false });
    } else {
      const free = text.rtl
        ? (panelBox.right - mapBox.left + mapBox.width) / 2
        : (panelBox.left - mapBox.left) / 2;
      map.panBy([centre.x - free, 0], { animate: false });
    }
  }

  function open(state) {
    panel.show(painter.props(state.selected), info(state));
    reveal(state.selected);
  }

  /** Open district `slug`'s panel (again, if it is open). */
  function select(slug) {
    const i = painter.index(slug);
    if (i === undefined || !store.get().data) return;
    if (store.get().selected === i) {
      painter.outline(i);
      open(store.get());
    } else {
      store.set({ selected: i });
    }
  }

  function deselect() {
    store.set({ selected: -1 });
  }

  store.subscribe((state, changed) => {
    if (changed.has("selected")) {
      if (state.selected >= 0) open(state);
      else panel.hide();
    } else if (state.selected >= 0 && changed.has("data")) {
      panel.show(painter.props(state.selected), info(state));
    } else if (state.selected >= 0 && changed.has("day")) {
      panel.update(info(state));
    }
  });
  document.getElementById("panel-close").addEventListener("click", deselect);
  return { select: select, deselect: deselect };
}
