/*
 * The lens chooser's list: whose account the map shows. Pure: no DOM.
 *
 * Rules: all sources weighed (consensus) and the stances come first, in the server's order;
 * then the single sources, grouped by their stance (in the order of the stances) and sorted
 * by name within a group. Each entry carries the count of claims its lens rests on. A search
 * keeps the entries whose name (or lens name) holds the query, folded for case, accents and
 * the Arabic article as place names are (placesearch.js), and drops groups left empty.
 */
import { foldName } from "./placesearch.js";

const STANCE_ORDER = ["government", "opposition", "independent", "kurdish"];

function matches(lens, query) {
  if (!query) return true;
  return foldName(lens.label).includes(query) || foldName(lens.value).includes(query);
}

/**
 * Return the groups to list for `query`: [{ key, heading, items: [{value, label, claims}] }].
 * lenses: the page's [{value, label, group: ""|"stance"|"source", stance?, claims}];
 * heading(stance) names a group of single sources (the first group has no heading: "").
 */
export function lensGroups(lenses, query, heading) {
  const q = foldName(query || "");
  const item = (l) => ({ value: l.value, label: l.label, claims: l.claims || 0 });
  const groups = [{ key: "main", heading: "",
    items: lenses.filter((l) => l.group !== "source" && matches(l, q)).map(item) }];
  const stances = STANCE_ORDER.concat(lenses.map((l) => l.stance)
    .filter((s) => s && STANCE_ORDER.indexOf(s) < 0));
  stances.filter((s, k) => stances.indexOf(s) === k).forEach((stance) => {
    const items = lenses.filter((l) => l.group === "source" && l.stance === stance && matches(l, q))
      .sort((a, b) => a.label.localeCompare(b.label)).map(item);
    groups.push({ key: stance, heading: heading(stance), items: items });
  });
  return groups.filter((g) => g.items.length);
}
