/*
 * Document page: enter a statement's claims on one screen.
 *
 * - Shows what new claims default to (the source's stance and the side it speaks for, the
 *   publication day), from the source defaults endpoint.
 * - When a district is picked in a claim row, fills that row's empty fields from the row above
 *   (a statement naming several districts is entered once, then one district per row), or,
 *   for the first row, from the defaults. A contested row is held by nobody: it takes no side.
 * - Draws the chosen districts on a small map (no tiles: the districts are the map), from the
 *   public /map/districts.geojson, with names set as text, never as HTML.
 */
(function () {
  "use strict";

  const script = document.currentScript;
  const config = script ? script.dataset : {};
  let $ = null; // django.jQuery, once the admin's scripts have loaded
  const ROW_FIELDS = ["status", "actor", "kind", "effective_from", "effective_to", "date_precision", "quote"];
  const slugs = {}; // district id -> {slug, name}
  const defaultsBySource = {}; // source id -> promise of the defaults JSON

  function rows() {
    return Array.from(document.querySelectorAll("#claims-group .inline-related"))
      .filter(function (row) { return !row.classList.contains("empty-form") && row.id !== "claims-empty"; });
  }

  function field(row, name) {
    return row.querySelector("[name$='-" + name + "']");
  }

  function isEmpty(input) {
    return !input || input.value === "" || input.value === null;
  }

  function optionText(select) {
    const option = select.options[select.selectedIndex];
    return option ? option.text : "";
  }

  function selectSet(select, value, text) {
    if (!select || value === undefined || value === null || value === "") return;
    const known = Array.from(select.options).some(function (o) { return o.value === String(value); });
    if (!known) select.add(new Option(text, value, false, false));
    select.value = String(value);
    if ($) $(select).trigger("change"); else select.dispatchEvent(new Event("change", { bubbles: true }));
  }

  function sourceDefaults(sourceId) {
    if (!sourceId || !config.sourceDefaultsUrl) return Promise.resolve(null);
    if (!defaultsBySource[sourceId]) {
      const url = config.sourceDefaultsUrl.replace("{id}", encodeURIComponent(sourceId));
      defaultsBySource[sourceId] = fetch(url, { credentials: "same-origin" })
        .then(function (r) { return r.ok ? r.json() : null; })
        .catch(function () { return null; });
    }
    return defaultsBySource[sourceId];
  }

  function documentSourceId() {
    const select = document.getElementById("id_source");
    return select ? select.value : "";
  }

  function publishedOn() {
    const input = document.getElementById("id_published_on");
    return input ? input.value.trim() : "";
  }

  /* The line that says what a new claim defaults to, written with textContent only. */
  function defaultsShow() {
    const box = document.getElementById("entry-defaults");
    if (!box) return;
    sourceDefaults(documentSourceId()).then(function (defaults) {
      box.replaceChildren();
      if (!defaults) {
        box.textContent = "Pick the document's source to see what its claims default to.";
        return;
      }
      const parts = [["New claims default to source ", defaults.name], [" (" + defaults.stance_label.toLowerCase() + ")", null]];
      if (defaults.actor) {
        parts.push([", held by ", defaults.actor.text]);
        parts.push([defaults.affiliated ? " (the source's side)" : " (the side of its stance)", null]);
      } else {
        parts.push([", held by: pick the side in each row (the source speaks for none)", null]);
      }
      const day = publishedOn();
      parts.push([day ? ", effective " : ", effective: the publication day once given", day || null]);
      parts.push([".", null]);
      parts.forEach(function (part) {
        box.append(document.createTextNode(part[0]));
        if (part[1]) {
          const strong = document.createElement("strong");
          strong.textContent = part[1];
          box.append(strong);
        }
      });
    });
  }

  /* Fill a row's empty fields from the nearest row above with a district, else the defaults. */
  function rowFill(row) {
    const all = rows();
    const above = all.slice(0, all.indexOf(row)).reverse().find(function (other) {
      return !isEmpty(field(other, "district")) || !isEmpty(field(other, "place_name"));
    });
    if (above) {
      // An untouched row takes the status and precision too (they start as "held" and "day").
      const untouched = ["actor", "kind", "effective_from", "quote"].every(function (name) {
        return isEmpty(field(row, name));
      });
      ROW_FIELDS.forEach(function (name) {
        const target = field(row, name);
        const from = field(above, name);
        if (!target || !from || isEmpty(from)) return;
        const preset = name === "status" || name === "date_precision"; // never empty
        if (preset ? !untouched : !isEmpty(target)) return;
        const status = field(row, "status");
        if (name === "actor" && status && status.value === "contested") return; // held by nobody
        if (name === "actor") selectSet(target, from.value, optionText(from));
        else target.value = from.value;
      });
      return;
    }
    const dayInput = field(row, "effective_from");
    if (dayInput && isEmpty(dayInput) && publishedOn()) dayInput.value = publishedOn();
    const rowSource = field(row, "source");
    const sourceId = rowSource && rowSource.value ? rowSource.value : documentSourceId();
    const status = field(row, "status");
    const actor = field(row, "actor");
    const kind = field(row, "kind");
    // A "lost" claim names who took the place: never fill in the source's own side.
    if (kind && kind.value === "lost") return;
    if (!actor || !isEmpty(actor) || (status && status.value !== "held")) return;
    sourceDefaults(sourceId).then(function (defaults) {
      if (defaults && defaults.actor && isEmpty(actor)) selectSet(actor, defaults.actor.id, defaults.actor.text);
    });
  }

  /* The map of the chosen districts. */
  let map = null;
  let chosenLayer = null;
  let collection = null;

  /* The districts the rows name: a district row's {id, name}; a region row's kept districts,
     as {slug, name}, from the line under its district box (admin-place-plan.js). */
  function chosenIds() {
    return rows().flatMap(function (row) {
      const plan = row.querySelector(".place-plan");
      if (plan && plan.dataset.kind === "region" && plan.dataset.districts) {
        return JSON.parse(plan.dataset.districts);
      }
      const select = field(row, "district");
      if (select) return select.value ? { id: select.value, name: optionText(select) } : null;
      // A read-only row (a reviewer's view) links to its district's page instead.
      const link = row.querySelector(".fieldBox.field-district .readonly a");
      const match = link && /\/district\/(\d+)\/change\//.exec(link.getAttribute("href"));
      return match ? { id: match[1], name: link.textContent } : null;
    }).filter(function (entry, index, all) {
      // A district named twice (in the Old City and in East Aleppo) is listed once.
      const key = function (e) { return e && (e.slug || "id:" + e.id); };
      return entry && all.findIndex(function (other) { return key(other) === key(entry); }) === index;
    });
  }

  function slugsFetch(ids) {
    const missing = ids.filter(function (id) { return !slugs[id]; });
    if (!missing.length || !config.slugsUrl) return Promise.resolve();
    const query = missing.map(function (id) { return "id=" + encodeURIComponent(id); }).join("&");
    return fetch(config.slugsUrl + "?" + query, { credentials: "same-origin" })
      .then(function (r) { return r.ok ? r.json() : {}; })
      .then(function (found) { Object.assign(slugs, found); })
      .catch(function () {});
  }

  function listShow(chosen) {
    const list = document.getElementById("entry-districts");
    if (!list) return;
    list.replaceChildren();
    chosen.forEach(function (entry) {
      const item = document.createElement("li");
      item.textContent = entry.name;
      list.append(item);
    });
    list.dataset.count = String(chosen.length);
  }

  const LABELS_MAX = 12;

  let refreshes = 0; // only the latest refresh draws: an earlier one may answer later

  function mapRefresh() {
    const chosen = chosenIds();
    listShow(chosen);
    if (!map || !collection) return;
    const refresh = ++refreshes;
    slugsFetch(chosen.filter(function (c) { return c.id; }).map(function (c) { return c.id; })).then(function () {
      if (refresh !== refreshes) return;
      const wanted = new Set(chosen.map(function (c) { return c.slug || (slugs[c.id] && slugs[c.id].slug); }));
      if (chosenLayer) {
        chosenLayer.eachLayer(function (layer) { layer.unbindTooltip(); }); // a hovered one too
        chosenLayer.remove();
      }
      chosenLayer = L.geoJSON(collection, {
        filter: function (feature) { return wanted.has(feature.id); },
        style: { className: "entry-chosen", color: "#0b4f8a", weight: 2, fillColor: "#2a7fd4", fillOpacity: 0.6 },
        onEachFeature: function (feature, layer) {
          const label = document.createElement("span");
          label.textContent = feature.properties.name_en; // text, never HTML
          // A few districts are named on the map; a region's many would cover each other, so
          // theirs show on hover, and the numbered list beside the map names them all.
          const permanent = wanted.size <= LABELS_MAX;
          layer.bindTooltip(label, { permanent: permanent, direction: "center", className: "entry-map-label" });
        },
      }).addTo(map);
      document.getElementById("entry-map").dataset.chosen = String(chosenLayer.getLayers().length);
      const bounds = chosenLayer.getLayers().length ? chosenLayer.getBounds() : null;
      if (bounds && bounds.isValid()) map.fitBounds(bounds, { padding: [30, 30], maxZoom: 15 });
    });
  }

  function mapStart() {
    const element = document.getElementById("entry-map");
    if (!element || !window.L || !config.districtsUrl) return;
    map = L.map(element, { attributionControl: false, zoomSnap: 0.25 });
    map.setView([36.2021, 37.1343], 12); // [lat, lng], Leaflet's order: Aleppo
    fetch(config.districtsUrl, { headers: { Accept: "application/geo+json" } })
      .then(function (r) {
        if (!r.ok) throw new Error("HTTP " + r.status + " for " + config.districtsUrl);
        return r.json();
      })
      .then(function (data) {
        collection = data;
        const all = L.geoJSON(collection, {
          interactive: false,
          style: { color: "#7b8794", weight: 0.6, fillColor: "#cbd2d9", fillOpacity: 0.35 },
        }).addTo(map);
        if (all.getLayers().length) map.fitBounds(all.getBounds());
        element.dataset.ready = "true";
        mapRefresh();
      })
      .catch(function (error) { console.warn("District map not drawn:", error); });
  }

  function start() {
    $ = window.django && window.django.jQuery;
    mapStart();
    defaultsShow();
    listShow(chosenIds());
    if ($) {
      $(document).on("change", "#claims-group select[name$='-district']", function () {
        const row = this.closest(".inline-related");
        if (row && this.value) rowFill(row);
        mapRefresh();
      });
      $(document).on("change", "#id_source", defaultsShow);
    }
    const published = document.getElementById("id_published_on");
    if (published) published.addEventListener("change", defaultsShow);
    document.addEventListener("formset:added", mapRefresh);
    document.addEventListener("place-plan:changed", mapRefresh); // a region's districts, said
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
