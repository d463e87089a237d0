/*
 * A combobox (the WAI-ARIA 1.2 pattern with a list that filters as one types): a text field
 * and a listbox of options, grouped under headings. The focus stays in the field; the arrow
 * keys move through the options (aria-activedescendant names the one chosen), Enter picks it
 * (or the first), Escape closes the list, a click or a tap picks. The place search and the
 * lens chooser are both one. Text from the data is put in with textContent only.
 */
import { el } from "./dom.js";

let serial = 0;

/**
 * Make `input` a combobox over `list` (an empty element with an id). parts:
 *   groups(query) -> [{ heading, items: [{ label, detail?, lang?, current? }] }]
 *   onPick(item)            an option was picked
 *   status                  an element (role=status) that says `empty` when nothing matches
 *   empty                   what it says
 *   alwaysOpen              list every option even with nothing typed (the lens chooser)
 *   onEscape()              Escape with the list already closed (or always open)
 * Returns { refresh(), close(), count() }.
 */
export function createCombobox(input, list, parts) {
  const id = "combo" + ++serial;
  let items = [];
  let active = -1;
  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-controls", list.id);
  input.setAttribute("aria-expanded", "false");
  input.setAttribute("autocomplete", "off");
  input.spellcheck = false;
  list.setAttribute("role", "listbox");

  function setOpen(open) {
    list.hidden = !open;
    input.setAttribute("aria-expanded", String(open));
    if (!open) setActive(-1);
  }

  function setActive(k) {
    if (active >= 0 && items[active]) {
      items[active].option.classList.remove("is-active");
      items[active].option.setAttribute("aria-selected", "false");
    }
    active = k;
    if (k < 0 || !items[k]) {
      input.removeAttribute("aria-activedescendant");
      return;
    }
    const option = items[k].option;
    option.classList.add("is-active");
    option.setAttribute("aria-selected", "true");
    input.setAttribute("aria-activedescendant", option.id);
    if (option.scrollIntoView) option.scrollIntoView({ block: "nearest" });
  }

  function optionFor(item) {
    const option = el("div", "combo-option" + (item.current ? " is-current" : ""));
    option.id = id + "-option-" + items.length;
    option.setAttribute("role", "option");
    option.setAttribute("aria-selected", "false");
    if (item.value) option.dataset.value = item.value;
    const label = el("span", "combo-label", item.label);
    if (item.lang) {
      label.lang = item.lang;
      label.dir = "auto";
    }
    option.appendChild(label);
    if (item.detail) option.appendChild(el("span", "combo-detail", item.detail));
    const k = items.length;
    option.addEventListener("mousedown", (event) => event.preventDefault()); // keep the focus
    option.addEventListener("click", () => pick(k));
    items.push({ item: item, option: option });
    return option;
  }

  function refresh() {
    const typed = input.value.trim() !== "";
    const groups = typed || parts.alwaysOpen ? parts.groups(input.value) : [];
    list.replaceChildren();
    items = [];
    active = -1;
    groups.forEach((group, g) => {
      let parent = list;
      if (group.heading) {
        parent = el("div", "combo-group");
        parent.setAttribute("role", "group");
        const heading = el("div", "combo-heading", group.heading);
        heading.id = id + "-group-" + g;
        heading.setAttribute("role", "presentation");
        parent.setAttribute("aria-labelledby", heading.id);
        parent.appendChild(heading);
        list.appendChild(parent);
      }
      group.items.forEach((item) => parent.appendChild(optionFor(item)));
    });
    if (parts.status) {
      parts.status.textContent = typed && !items.length ? parts.empty : "";
      parts.status.hidden = !(typed && !items.length);
    }
    setOpen(items.length > 0);
  }

  function pick(k) {
    const chosen = items[k];
    if (!chosen) return;
    if (!parts.alwaysOpen) setOpen(false);
    parts.onPick(chosen.item);
  }

  input.addEventListener("input", refresh);
  input.addEventListener("keydown", (event) => {
    const open = !list.hidden;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      if (!open) refresh();
      if (!items.length) return;
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActive(active < 0 ? (step > 0 ? 0 : items.length - 1) : (active + step + items.length) % items.length);
    } else if (event.key === "Enter") {
      if (!open || !items.length) return;
      event.preventDefault();
      pick(active >= 0 ? active : 0);
    } else if (event.key === "Escape") {
      event.preventDefault();
      event.stopPropagation();
      if (open && !parts.alwaysOpen) setOpen(false);
      else if (parts.onEscape) parts.onEscape();
    }
  });
  if (!parts.alwaysOpen) {
    input.addEventListener("blur", () => setOpen(false));
    input.addEventListener("focus", () => input.value.trim() && refresh());
  }
  setOpen(false);
  if (parts.status) parts.status.hidden = true;
  return { refresh: refresh, close: () => setOpen(false), count: () => items.length };
}
