/*
 * The legend: on the map, each bucket of the area tally (each side, disputed, contested,
 * unknown) with its share of the city's area on the day, and notes on faded districts and
 * on stale ones (not reported for longer than the threshold).
 */
import { el, swatch } from "./dom.js";

/**
 * Add the legend to `map` (Leaflet) following `store`: its rows are the store's `buckets`,
 * their shares read from `tally()` (the painter's tally) on every day.
 * Returns { rows() } (the rows shown: [{bucket, share, row, last}]).
 */
export function createLegend(win, map, store, text, tally) {
  const L = win.L;
  const rtl = text.rtl;
  // Bottom corner on a wide map; on a phone, the top corner away from the zoom buttons (the
  // attribution, with the districts' credit, needs the bottom).
  const narrow = win.matchMedia("(max-width: 700px)").matches;
  const control = L.control({
    position: narrow ? (rtl ? "topleft" : "topright") : (rtl ? "bottomright" : "bottomleft"),
  });
  let title = null;
  let list = null;
  let rows = [];
  let staleText = null;

  control.onAdd = function () {
    const box = el("details", "district-legend");
    // Open from the start (m16b): the colours explained; compact on a phone (map.css), one
    // tap folds it. Only a map too small for it (a tiny iframe) starts with it folded.
    const room = map.getSize();
    box.open = room.y > 300;
    title = el("summary", "legend-title");
    box.appendChild(title);
    list = el("ul", "legend-list");
    box.appendChild(list);
    const note = el("p", "legend-note");
    const faded = el("span", "legend-swatch swatch-faded");
    faded.style.background = text.actorColour("government");
    note.appendChild(faded);
    note.appendChild(el("span", null, text.t("legend_faded")));
    box.appendChild(note);
    const staleNote = el("p", "legend-note legend-stale");
    const stale = el("span", "legend-swatch swatch-stale");
    stale.style.background = text.actorColour("government");
    staleNote.appendChild(stale);
    staleText = el("span");
    staleNote.appendChild(staleText);
    box.appendChild(staleNote);
    L.DomEvent.disableClickPropagation(box);
    L.DomEvent.disableScrollPropagation(box);
    return box;
  };

  function build(buckets) {
    list.replaceChildren();
    rows = buckets.map((bucket) => {
      const row = el("li");
      row.dataset.bucket = bucket.key;
      row.appendChild(swatch(bucket.state, text.swatchBackground));
      row.appendChild(el("span", "legend-label", bucket.label));
      const share = el("span", "legend-share");
      row.appendChild(share);
      list.appendChild(row);
      return { bucket: bucket, share: share, row: row, last: null };
    });
  }

  function update(day) {
    title.textContent = text.t("legend_title", { date: text.formatDay(day) });
    const shares = tally();
    rows.forEach((entry) => {
      const value = shares.share(entry.bucket.index);
      const shown = text.formatShare(value);
      if (shown !== entry.last) {
        entry.last = shown;
        entry.share.textContent = shown;
        entry.row.dataset.share = String(value);
        entry.row.classList.toggle("legend-empty", value === 0);
      }
    });
  }

  control.addTo(map);
  store.subscribe((state, changed) => {
    if (changed.has("buckets")) build(state.buckets);
    if (changed.has("data") && state.data) {
      staleText.textContent = text.t("legend_stale", { days: state.data.staleAfterDays || 180 });
    }
    if (changed.has("day") || changed.has("buckets")) update(state.day);
  });
  return { rows: () => rows };
}
