/*
 * Admin: paint an assessment map. Select districts (click, shift-drag or "Box select" and drag
 * a box, or a whole region then clicks to take some out), apply a holder, repeat, save.
 *
 * The painting is kept as {district id: holder} in the form's hidden `assignments` field; the
 * server records one claim per entry (tracker.painting.claims_paint). Names come from the data
 * and are set with textContent, never as HTML. No tiles: the districts are the map.
 */
(function () {
  "use strict";

  const data = JSON.parse(document.getElementById("paint-data").textContent);
  const mapElement = document.getElementById("paint-map");
  const hidden = document.getElementById("id_assignments");
  const status = document.getElementById("paint-status");
  const summary = document.getElementById("paint-summary");
  const regionSelect = document.getElementById("paint-region");
  const holderSelect = document.getElementById("paint-holder");
  const boxButton = document.getElementById("paint-box");

  const byId = new Map();
  const bySlug = new Map();
  data.districts.forEach(function (d) { byId.set(d.id, d); bySlug.set(d.slug, d); });
  const holders = new Map(data.holders.map(function (h) { return [h.value, h]; }));
  const painted = new Map(); // district id -> holder value
  Object.keys(data.painted || {}).forEach(function (key) {
    const id = Number(key);
    if (byId.has(id) && holders.has(data.painted[key])) painted.set(id, data.painted[key]);
  });
  const selected = new Set();
  const layers = new Map(); // district id -> Leaflet layer
  let boxMode = false;
  let suppressClick = false;
  let cityBounds = null;

  data.regions.forEach(function (region) {
    regionSelect.add(new Option(region.name_en + " (" + region.districts.length + ")", region.slug));
  });
  data.holders.forEach(function (holder) {
    holderSelect.add(new Option(holder.name, holder.value));
  });
  const byName = new Map(); // an English or Arabic name, folded -> district id
  const names = document.getElementById("paint-district-names");
  data.districts.forEach(function (d) {
    [d.name_en, d.name_ar].forEach(function (name) {
      if (!name) return;
      byName.set(name.trim().toLowerCase(), d.id);
      const option = document.createElement("option");
      option.value = name;
      names.appendChild(option);
    });
  });

  const map = L.map(mapElement, { attributionControl: false, boxZoom: false, zoomSnap: 0.25 });
  map.setView([36.2021, 37.1343], 12); // [lat, lng], Leaflet's order: Aleppo

  function styleOf(id) {
    const holder = holders.get(painted.get(id));
    const isSelected = selected.has(id);
    return {
      color: isSelected ? "#0b5cd5" : holder ? "#3d4852" : "#7b8794",
      weight: isSelected ? 3.5 : 0.8,
      fillColor: holder ? holder.colour : isSelected ? "#9ec5fe" : "#dfe3e8",
      fillOpacity: holder ? 0.7 : isSelected ? 0.45 : 0.35,
      dashArray: holder && holder.value === "contested" ? "4 3" : null,
    };
  }

  function nameOf(id) {
    const d = byId.get(id);
    return d ? d.name_en : String(id);
  }

  function summaryDraw() {
    summary.replaceChildren();
    const groups = new Map();
    painted.forEach(function (holder, id) {
      if (!groups.has(holder)) groups.set(holder, []);
      groups.get(holder).push(id);
    });
    if (!groups.size) {
      const empty = document.createElement("p");
      empty.className = "paint-note";
      empty.textContent = "Nothing painted yet.";
      summary.appendChild(empty);
      return;
    }
    data.holders.forEach(function (holder) {
      const ids = groups.get(holder.value);
      if (!ids) return;
      const block = document.createElement("div");
      block.className = "paint-group";
      block.dataset.holder = holder.value;
      const heading = document.createElement("p");
      heading.className = "paint-group-heading";
      const swatch = document.createElement("span");
      swatch.className = "paint-swatch";
      swatch.style.background = holder.colour;
      heading.appendChild(swatch);
      const title = document.createElement("strong");
      title.textContent = holder.name;
      heading.appendChild(title);
      heading.appendChild(document.createTextNode(
        " — " + ids.length + " district" + (ids.length === 1 ? "" : "s")));
      block.appendChild(heading);
      const names = document.createElement("p");
      names.className = "paint-group-names";
      names.textContent = ids.map(nameOf).sort(function (a, b) { return a.localeCompare(b); }).join(", ");
      block.appendChild(names);
      summary.appendChild(block);
    });
  }

  function refresh() {
    layers.forEach(function (layer, id) {
      layer.setStyle(styleOf(id));
      if (selected.has(id)) layer.bringToFront();
      const element = layer.getElement();
      if (element) {
        element.classList.toggle("paint-selected", selected.has(id));
        element.dataset.holder = painted.get(id) || "";
      }
    });
    hidden.value = JSON.stringify(Object.fromEntries(painted));
    mapElement.dataset.selected = String(selected.size);
    mapElement.dataset.painted = String(painted.size);
    status.textContent = selected.size
      ? selected.size + " district" + (selected.size === 1 ? "" : "s") + " selected: pick a holder and apply it."
      : painted.size ? painted.size + " painted; select more, or save." : "No district selected.";
    summaryDraw();
  }

  function toggle(id) {
    if (selected.has(id)) selected.delete(id); else selected.add(id);
    refresh();
  }

  fetch(data.districtsUrl, { headers: { Accept: "application/geo+json" } })
    .then(function (response) {
      if (!response.ok) throw new Error("HTTP " + response.status + " for " + data.districtsUrl);
      return response.json();
    })
    .then(function (collection) {
      const districts = L.geoJSON(collection, {
        filter: function (feature) { return bySlug.has(feature.id); },
        style: function (feature) { return styleOf(bySlug.get(feature.id).id); },
        onEachFeature: function (feature, layer) {
          const district = bySlug.get(feature.id);
          layers.set(district.id, layer);
          const label = document.createElement("span");
          label.textContent = district.name_en + (district.name_ar ? " · " + district.name_ar : "");
          layer.bindTooltip(label, { sticky: true, direction: "top" });
          layer.on("click", function () {
            if (suppressClick) return;
            toggle(district.id);
          });
          layer.on("add", function () {
            const element = layer.getElement();
            if (element) element.dataset.slug = district.slug;
          });
        },
      }).addTo(map);
      cityBounds = districts.getBounds();
      if (cityBounds.isValid()) map.fitBounds(cityBounds, { padding: [10, 10] });
      mapElement.dataset.ready = "true";
      refresh();
    })
    .catch(function (error) {
      status.textContent = "The districts could not be drawn: " + error.message;
    });

  /* Box selection: shift-drag, or any drag while "Box select" is on. */
  const box = document.createElement("div");
  box.className = "paint-box";
  box.hidden = true;
  mapElement.appendChild(box);
  let start = null;

  function boxMove(event) {
    const here = map.mouseEventToContainerPoint(event);
    const x = Math.min(start.x, here.x);
    const y = Math.min(start.y, here.y);
    box.style.left = x + "px";
    box.style.top = y + "px";
    box.style.width = Math.abs(here.x - start.x) + "px";
    box.style.height = Math.abs(here.y - start.y) + "px";
    box.hidden = false;
  }

  function boxEnd(event) {
    document.removeEventListener("mousemove", boxMove);
    document.removeEventListener("mouseup", boxEnd);
    box.hidden = true;
    const end = map.mouseEventToContainerPoint(event);
    if (Math.abs(end.x - start.x) < 4 && Math.abs(end.y - start.y) < 4) {
      start = null;
      return; // a click: the district's own handler toggles it
    }
    const area = L.latLngBounds(map.containerPointToLatLng(start), map.containerPointToLatLng(end));
    layers.forEach(function (layer, id) {
      if (area.contains(layer.getBounds().getCenter())) selected.add(id);
    });
    start = null;
    suppressClick = true;
    setTimeout(function () { suppressClick = false; }, 0);
    refresh();
  }

  mapElement.addEventListener("mousedown", function (event) {
    if (event.button !== 0 || !(event.shiftKey || boxMode)) return;
    if (event.target.closest && event.target.closest(".leaflet-control")) return;
    event.stopPropagation(); // keep Leaflet from panning the map
    event.preventDefault();
    start = map.mouseEventToContainerPoint(event);
    document.addEventListener("mousemove", boxMove);
    document.addEventListener("mouseup", boxEnd);
  }, true);

  boxButton.addEventListener("click", function () {
    boxMode = !boxMode;
    boxButton.setAttribute("aria-pressed", String(boxMode));
    boxButton.classList.toggle("active", boxMode);
    mapElement.classList.toggle("paint-box-mode", boxMode);
  });

  document.getElementById("paint-city").addEventListener("click", function () {
    if (cityBounds && cityBounds.isValid()) map.fitBounds(cityBounds, { padding: [10, 10] });
  });

  document.getElementById("paint-clear").addEventListener("click", function () {
    selected.clear();
    refresh();
  });

  document.getElementById("paint-region-select").addEventListener("click", function () {
    const region = data.regions.find(function (r) { return r.slug === regionSelect.value; });
    if (!region) return;
    const bounds = L.latLngBounds([]);
    region.districts.forEach(function (id) {
      const layer = layers.get(id);
      if (!layer) return;
      selected.add(id);
      bounds.extend(layer.getBounds());
    });
    // Zoom to the region, so single districts are easy to click out of it.
    if (bounds && bounds.isValid()) map.fitBounds(bounds, { padding: [30, 30], maxZoom: 16 });
    refresh();
  });

  /* A district by name: for the keyboard, and for districts too small to click. */
  const districtInput = document.getElementById("paint-district");
  function districtByName() {
    const id = byName.get(districtInput.value.trim().toLowerCase());
    if (id === undefined || !layers.has(id)) {
      status.textContent = "No district is called “" + districtInput.value + "”: pick a name from the list.";
      return;
    }
    toggle(id);
    districtInput.value = "";
  }
  document.getElementById("paint-district-toggle").addEventListener("click", districtByName);
  districtInput.addEventListener("keydown", function (event) {
    if (event.key === "Enter") {
      event.preventDefault();
      districtByName();
    }
  });

  document.getElementById("paint-apply").addEventListener("click", function () {
    const holder = holderSelect.value;
    if (!selected.size) {
      status.textContent = "Select districts first, then apply a holder to them.";
      return;
    }
    if (!holders.has(holder)) {
      status.textContent = "Pick the holder the map shows (or contested), then apply it.";
      return;
    }
    selected.forEach(function (id) { painted.set(id, holder); });
    selected.clear();
    refresh();
  });

  document.getElementById("paint-unpaint").addEventListener("click", function () {
    selected.forEach(function (id) { painted.delete(id); });
    selected.clear();
    refresh();
  });

  refresh();
})();
