/*
 * Document page: propose claims from the pasted text of the article.
 *
 * Posts the text with the document's publication day and source to the proposals endpoint,
 * then fills one claim row per proposal (adding rows as needed), and lists what it proposed and
 * why. A proposal's place goes into the row's district box (a district, or a region whose
 * districts then show as removable chips), the text's spelling into its place name. Nothing is
 * saved: the analyst edits or clears the rows and saves the document. Text from
 * the article is written with textContent and form values only, never as HTML.
 */
(function () {
  "use strict";

  const script = document.currentScript;
  const config = script ? script.dataset : {};

  const CLAIMS = {
    group: "claims",
    blank: ["place_name", "district", "quote"],
    filled: ["place_name", "status", "actor", "kind", "effective_from", "effective_to", "date_precision", "quote", "source", "district", "districts_left_out"],
  };
  const NUMBERS = {
    group: "quantitative_claims",
    blank: ["value", "quote"],
    filled: ["measure", "bound", "value", "date_from", "date_to", "quote", "actor", "region", "source"],
  };

  function rows(kind) {
    return Array.from(document.querySelectorAll("#" + kind.group + "-group .inline-related"))
      .filter(function (row) { return !row.classList.contains("empty-form") && !row.id.endsWith("-empty"); });
  }

  function field(row, name) {
    return row.querySelector("[name$='-" + name + "']");
  }

  function blankRow(kind) {
    const free = rows(kind).find(function (row) {
      return kind.blank.every(function (name) {
        const input = field(row, name);
        return !input || !input.value;
      });
    });
    if (free) return free;
    const add = document.querySelector("#" + kind.group + "-group .add-row a");
    if (!add) return null;
    add.click();
    const all = rows(kind);
    return all[all.length - 1] || null;
  }

  // A row a proposal filled remembers what it was filled with. Proposing again takes back the
  // rows the analyst has left as they were (a second press, or a corrected text, does not add
  // the same claims twice) and keeps every row they changed.
  function filledValues(kind, row) {
    return JSON.stringify(kind.filled.map(function (name) {
      const input = field(row, name);
      return input ? input.value : null;
    }));
  }

  function remember(kind, row) {
    row.dataset.proposed = filledValues(kind, row);
  }

  function takeBack(kind) {
    rows(kind).forEach(function (row) {
      if (!row.dataset.proposed || row.dataset.proposed !== filledValues(kind, row)) return;
      kind.filled.forEach(function (name) {
        const input = field(row, name);
        if (!input) return;
        if (input.tagName === "SELECT") {
          const first = Array.from(input.options).find(function (o) { return o.defaultSelected; });
          input.value = first ? first.value : "";
          changed(input);
        } else {
          valueSet(input, input.defaultValue);
        }
      });
      delete row.dataset.proposed;
    });
  }

  function numberFill(row, q) {
    ["measure", "bound", "value", "date_from", "date_to", "quote"].forEach(function (name) {
      valueSet(field(row, name), q[name]);
    });
    choiceSet(field(row, "actor"), q.actor);
    choiceSet(field(row, "region"), q.region);
    choiceSet(field(row, "source"), q.source);
  }

  function valueSet(input, value) {
    if (!input || value === null || value === undefined) return;
    input.value = value;
    input.dispatchEvent(new Event("change", { bubbles: true }));
  }

  function choiceSet(select, choice) {
    if (!select || !choice) return;
    if (!Array.from(select.options).some(function (o) { return o.value === String(choice.id); })) {
      select.add(new Option(choice.text, choice.id, false, false));
    }
    select.value = String(choice.id);
    changed(select);
  }

  // select2 hears "change" through jQuery only; native listeners hear the native event.
  function changed(select) {
    if (window.django && window.django.jQuery) window.django.jQuery(select).trigger("change");
    else select.dispatchEvent(new Event("change", { bubbles: true }));
  }

  function rowFill(row, claim) {
    valueSet(field(row, "place_name"), claim.place_name);
    valueSet(field(row, "status"), claim.status);
    choiceSet(field(row, "actor"), claim.actor);
    valueSet(field(row, "kind"), claim.kind);
    valueSet(field(row, "effective_from"), claim.effective_from);
    valueSet(field(row, "effective_to"), claim.effective_to);
    valueSet(field(row, "date_precision"), claim.date_precision);
    valueSet(field(row, "quote"), claim.quote);
    choiceSet(field(row, "source"), claim.source);
    // Last: the row copier fills only empty fields. A region goes into the box as picking it
    // there puts it: the box's change asks what saving will do, and that answer draws the
    // region's districts as removable chips (admin-place-plan.js).
    choiceSet(field(row, "district"), claim.district);
  }

  function line(list, parts) {
    const item = document.createElement("li");
    item.textContent = parts.filter(Boolean).join(" · ");
    list.appendChild(item);
  }

  // A choice's label as the page's own form shows it ("captured" -> "Captured", "exact" ->
  // "Exactly"), read from the inline's select, so the list says what the rows will say.
  function label(kind, name, value) {
    const select = document.querySelector("#" + kind.group + "-group select[name$='-" + name + "']");
    const option = select && Array.from(select.options).find(function (o) { return o.value === String(value); });
    return option ? option.textContent.trim() : String(value);
  }

  function daysText(from, to) {
    return from === to ? from : from + " to " + to;
  }

  function describe(claim) {
    const kind = claim.kind && claim.kind !== claim.status ? ", " + label(CLAIMS, "kind", claim.kind).toLowerCase() : "";
    const holder = claim.actor ? "held by " + claim.actor.text + kind : "contested";
    const named = claim.region && claim.place_name !== claim.region ? claim.place_name + " = " + claim.region : claim.place_name;
    const place = claim.region ? named + " (region, " + claim.region_districts.length + " districts)" : claim.place_name;
    return [place, holder, daysText(claim.effective_from, claim.effective_to), claim.source ? "says " + claim.source.text : "", claim.rule];
  }

  function describeNumber(q) {
    const bound = label(NUMBERS, "bound", q.bound).toLowerCase();
    return [
      q.actor ? q.actor.text : "side not found: pick it in the row", bound + " " + q.value + ": " + label(NUMBERS, "measure", q.measure).toLowerCase(),
      q.region ? q.region.text : "", daysText(q.date_from, q.date_to), q.source ? "says " + q.source.text : "",
    ];
  }

  function show(result, answer) {
    result.replaceChildren();
    const heading = document.createElement("p");
    heading.textContent = answer.claims.length
      ? (answer.claims.length === 1 ? "1 claim" : answer.claims.length + " claims")
        + " proposed and filled in below; check each, then save."
      : "No claim found in this text.";
    result.appendChild(heading);
    const list = document.createElement("ul");
    list.className = "propose-claims";
    answer.claims.forEach(function (claim) { line(list, describe(claim)); });
    result.appendChild(list);
    if (answer.quantities.length) {
      const note = document.createElement("p");
      note.textContent = "Numbers in the text, filled in as quantitative claims below:";
      result.appendChild(note);
      const numbers = document.createElement("ul");
      numbers.className = "propose-quantities";
      answer.quantities.forEach(function (q) { line(numbers, describeNumber(q)); });
      result.appendChild(numbers);
    }
  }

  function errorShow(result, answer) {
    result.replaceChildren();
    const errors = (answer && answer.errors) || { text: ["The proposals could not be made."] };
    Object.keys(errors).forEach(function (name) {
      const p = document.createElement("p");
      p.className = "errornote";
      p.textContent = errors[name].join(" ");
      result.appendChild(p);
    });
  }

  function propose() {
    const result = document.getElementById("propose-result");
    const body = new FormData();
    body.append("text", document.getElementById("propose-text").value);
    body.append("published_on", (document.getElementById("id_published_on") || {}).value || "");
    body.append("source", (document.getElementById("id_source") || {}).value || "");
    const token = document.querySelector("[name=csrfmiddlewaretoken]");
    fetch(config.proposeUrl, {
      method: "POST",
      body: body,
      credentials: "same-origin",
      headers: { "X-CSRFToken": token ? token.value : "" },
    })
      .then(function (r) { return r.json().then(function (answer) { return { ok: r.ok, answer: answer }; }); })
      .then(function (reply) {
        if (!reply.ok) return errorShow(result, reply.answer);
        takeBack(CLAIMS);
        takeBack(NUMBERS);
        reply.answer.claims.forEach(function (claim) {
          const row = blankRow(CLAIMS);
          if (row) { rowFill(row, claim); remember(CLAIMS, row); }
        });
        reply.answer.quantities.forEach(function (q) {
          const row = blankRow(NUMBERS);
          if (row) { numberFill(row, q); remember(NUMBERS, row); }
        });
        show(result, reply.answer);
      })
      .catch(function () { errorShow(result, null); });
  }

  document.addEventListener("DOMContentLoaded", function () {
    const button = document.getElementById("propose-button");
    if (button && config.proposeUrl) button.addEventListener("click", propose);
  });
})();
