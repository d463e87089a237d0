/*
 * The lens chooser ("According to ..."): a button showing the lens and the count of claims it
 * rests on; it opens a box with a search field over the list of lenses (lensgroups.js), a
 * combobox (combobox.js). Picking closes the box and gives the focus back to the button, as
 * do Escape and leaving the box.
 */
import { createCombobox } from "./combobox.js";
import { lensGroups } from "./lensgroups.js";

/**
 * Wire the chooser of the page (#lens, #lens-popup, #lens-search, #lens-list, #lens-empty).
 * Returns { show(lens), busy(flag), onChoose(fn) }.
 */
export function createLensChooser(doc, config, text) {
  const button = doc.getElementById("lens");
  const popup = doc.getElementById("lens-popup");
  const search = doc.getElementById("lens-search");
  const lenses = config.lenses || [];
  const claims = new Map(lenses.map((l) => [l.value, l.claims || 0]));
  const count = (n) => text.t("lens_claims", { count: n.toLocaleString(config.locale) });
  let current = button.dataset.lens || "";
  let choose = () => {};
  let loading = false; // a lens is loading: the button keeps its focus but does not open

  const combo = createCombobox(search, doc.getElementById("lens-list"), {
    alwaysOpen: true,
    groups: (query) => lensGroups(lenses, query,
      (stance) => text.t("lens_group_source_stance", { stance: text.t("stance_" + stance) }))
      .map((group) => ({
        heading: group.heading,
        items: group.items.map((item) => ({
          label: item.label, detail: count(item.claims), value: item.value,
          current: item.value === current,
          lang: item.value.startsWith("source:") ? "en" : "",
        })),
      })),
    onPick: (item) => {
      close();
      if (item.value !== current) choose(item.value);
    },
    status: doc.getElementById("lens-empty"),
    empty: text.t("lens_none"),
    onEscape: close,
  });

  function open() {
    popup.hidden = false;
    button.setAttribute("aria-expanded", "true");
    search.value = "";
    combo.refresh();
    search.focus();
  }

  function close(event) {
    if (popup.hidden) return;
    popup.hidden = true;
    button.setAttribute("aria-expanded", "false");
    if (!event || event.type !== "focusout") button.focus();
  }

  button.addEventListener("click", () => {
    if (!popup.hidden) close();
    else if (!loading) open();
  });
  popup.addEventListener("focusout", (event) => {
    if (!popup.contains(event.relatedTarget) && event.relatedTarget !== button) close(event);
  });

  /** Show `lens` on the button, with its count of claims. */
  function show(lens) {
    current = lens;
    button.dataset.lens = lens;
    const name = button.querySelector(".lens-current");
    name.textContent = text.lensLabel(lens);
    name.lang = lens.startsWith("source:") ? "en" : "";
    button.querySelector(".lens-count").textContent = claims.has(lens) ? count(claims.get(lens)) : "";
  }

  return {
    show: show,
    busy: (flag) => {
      loading = flag;
      button.setAttribute("aria-busy", String(flag));
    },
    onChoose: (fn) => { choose = fn; },
  };
}
