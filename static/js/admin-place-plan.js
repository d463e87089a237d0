/*
 * Claim forms (a claim's page, a document's claim rows): the district box and what saving does.
 *
 * The box (tracker/admin/places.py) is the admin's select2 over districts, aliases and
 * regions. Picking an alias or a region writes its spelling into the row's place name (and a
 * district picked afterwards takes back a spelling the box wrote). Under the box, the line
 * the server rendered says what saving will do; it is asked again of the plan endpoint on
 * every change, so its words have one source. A region's districts show as chips, each one
 * removable (the statement may not speak of all); the removed ones go to the row's hidden
 * districts_left_out field. A document's proposals put their region in the box the same way.
 * Everything is written as text, never as HTML.
 */
(function () {
  "use strict";

  const asked = new WeakMap(); // plan line -> number of the latest question
  const timers = new WeakMap(); // row -> pending refresh while the analyst types

  function rowOf(element) {
    return element.closest(".inline-related") || element.closest("form");
  }

  function field(row, name) {
    return row.querySelector("[name='" + name + "'], [name$='-" + name + "']");
  }

  function leftOut(row) {
    const hidden = field(row, "districts_left_out");
    return new Set(hidden && hidden.value ? hidden.value.split(",") : []);
  }

  function leftOutSet(row, slugs) {
    const hidden = field(row, "districts_left_out");
    if (hidden) hidden.value = Array.from(slugs).join(",");
  }

  function chip(row, district, out) {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "region-district" + (out ? " left-out" : "");
    button.dataset.slug = district.slug;
    button.textContent = district.name;
    button.setAttribute("aria-pressed", String(out));
    button.title = (out ? "Put " + district.name + " back into" : "Leave " + district.name + " out of") + " this claim";
    button.addEventListener("click", function () {
      const slugs = leftOut(row);
      if (slugs.has(district.slug)) slugs.delete(district.slug); else slugs.add(district.slug);
      leftOutSet(row, slugs);
      const now = slugs.has(district.slug);
      button.classList.toggle("left-out", now);
      button.setAttribute("aria-pressed", String(now));
      button.title = (now ? "Put " + district.name + " back into" : "Leave " + district.name + " out of") + " this claim";
    });
    return button;
  }

  /* Show the region's districts as chips, unless the row shows them already. */
  function chipsSync(row, plan) {
    const box = row.querySelector(".region-districts");
    const region = plan.kind === "region" && plan.region ? plan.region.slug : "";
    if (box && box.dataset.region === region) return;
    if (box) box.remove();
    if (!region) return;
    const list = document.createElement("div");
    list.className = "region-districts";
    list.dataset.region = region;
    const label = document.createElement("p");
    label.textContent = plan.region.name + ": one claim for each district below; remove those the source does not speak of.";
    list.appendChild(label);
    const out = new Set(plan.left_out);
    plan.region_districts.forEach(function (d) { list.appendChild(chip(row, d, out.has(d.slug))); });
    (row.querySelector(".field-place_name") || row).appendChild(list);
  }

  /* A region has no page of its own under the district admin: no view or change link to it. */
  function linksDrop(select) {
    const wrapper = select && select.closest(".related-widget-wrapper");
    if (!wrapper) return;
    wrapper.querySelectorAll(".view-related, .change-related").forEach(function (link) {
      link.removeAttribute("href");
    });
  }

  function refresh(row) {
    const line = row && row.querySelector(".place-plan");
    if (!line || !line.dataset.planUrl) return;
    const select = field(row, "district");
    const place = field(row, "place_name");
    const question = (asked.get(line) || 0) + 1;
    asked.set(line, question);
    const params = new URLSearchParams({
      district: select ? select.value : "",
      place_name: place ? place.value : "",
      left_out: Array.from(leftOut(row)).join(","),
      new: line.dataset.new || "1",
    });
    fetch(line.dataset.planUrl + "?" + params.toString(), { credentials: "same-origin" })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (plan) {
        if (!plan || asked.get(line) !== question) return; // a later question is on its way
        line.textContent = plan.sentence;
        line.dataset.kind = plan.kind;
        line.dataset.districts = JSON.stringify(plan.districts);
        chipsSync(row, plan);
        if (plan.kind === "region") linksDrop(select);
        line.dispatchEvent(new CustomEvent("place-plan:changed", { bubbles: true }));
      })
      .catch(function () {});
  }

  function refreshSoon(row) {
    clearTimeout(timers.get(row));
    timers.set(row, setTimeout(function () { refresh(row); }, 250));
  }

  /* An alias or a region picked in the box: its spelling becomes the place name. */
  function picked(select, choice) {
    const row = rowOf(select);
    const place = field(row, "place_name");
    if (place && choice.place_name) {
      place.value = choice.place_name;
      place.dataset.boxWrote = choice.place_name;
    } else if (place && place.dataset.boxWrote && place.value === place.dataset.boxWrote) {
      place.value = ""; // the spelling the box wrote, not the source's: the district's name
      delete place.dataset.boxWrote;
    }
    if (choice.kind !== "region") leftOutSet(row, []);
    if (choice.kind === "alias" && choice.district) {
      // The box holds the district, the place name the spelling: show the district's name.
      const option = new Option(choice.district, choice.id, true, true);
      Array.from(select.options).filter(function (o) { return o.value === choice.id; })
        .forEach(function (o) { o.remove(); });
      select.add(option);
      window.django.jQuery(select).trigger("change");
    }
    refresh(row);
  }

  function start() {
    const $ = window.django && window.django.jQuery;
    if ($) {
      $(document).on("select2:select", "select.place-select", function (event) {
        picked(this, event.params.data);
      });
      // select2 says "change" through jQuery, which native listeners do not hear.
      $(document).on("change", "select.place-select", function () { refreshSoon(rowOf(this)); });
    }
    ["input", "change"].forEach(function (type) {
      document.addEventListener(type, function (event) {
        const target = event.target;
        if (target.matches && target.matches("[name='place_name'], [name$='-place_name']")) refreshSoon(rowOf(target));
      });
    });
    // A form sent back with an error: draw its regions' districts again.
    document.querySelectorAll(".place-plan[data-kind='region']").forEach(function (line) {
      if (!line.id.includes("__prefix__")) refresh(rowOf(line));
    });
    // After a chip's own handler has changed the left-out list (the proposals' chips too).
    document.addEventListener("click", function (event) {
      const button = event.target.closest && event.target.closest(".region-district");
      if (button) refreshSoon(rowOf(button));
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
