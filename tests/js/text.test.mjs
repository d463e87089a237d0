import assert from "node:assert/strict";
import { test } from "node:test";

import { FALLBACK_COLOUR, UNKNOWN_FILL } from "../../static/js/map/style.js";
import { createText, shownShare } from "../../static/js/map/text.js";
import { d } from "./fixtures.mjs";

const CONFIG = {
  locale: "en",
  language: "en",
  text: {
    status_held: "held by {actor}",
    status_disputed: "disputed: {actors}",
    state_held: "Held by {actor} since {date}",
    state_uncertain: "Maybe {next} from {from} to {to}",
    versus: " v. ",
    disputed_contested: "contested",
    lens_failed: "No lens {error} ({missing})",
  },
  actors: [
    { slug: "government", name_en: "Government", name_ar: "الحكومة", colour: "#cc0000" },
    { slug: "rebels", name_en: "Rebels", name_ar: "", colour: "javascript:alert(1)" },
  ],
  lenses: [{ value: "consensus", label: "Consensus" }],
};

test("interface strings fill their placeholders; unknown keys and placeholders stay as they are", () => {
  const text = createText(CONFIG);
  assert.equal(text.t("lens_failed", { error: "x" }), "No lens x ({missing})");
  assert.equal(text.t("no_such_key"), "no_such_key");
  assert.equal(text.t("status_held", { actor: "<b>" }), "held by <b>"); // text, set as text
  assert.equal(text.t("toString"), "toString"); // not the object's own properties
});

test("actors are named in the page's language, with their colour if it is a #rrggbb one", () => {
  const english = createText(CONFIG);
  const arabic = createText({ ...CONFIG, language: "ar", locale: "ar" });
  assert.equal(english.actorName("government"), "Government");
  assert.equal(arabic.actorName("government"), "الحكومة");
  assert.equal(arabic.actorName("rebels"), "Rebels"); // no Arabic name: the English one
  assert.equal(english.actorName("someone-else"), "someone-else");
  assert.equal(english.actorColour("government"), "#cc0000");
  assert.equal(english.actorColour("rebels"), FALLBACK_COLOUR);
  assert.equal(english.actorOrder.get("rebels"), 1);
});

test("a state is told shortly, and in full with the day it began", () => {
  const text = createText(CONFIG);
  assert.equal(text.stateText({ status: "held", actor: "government" }), "held by Government");
  assert.equal(text.stateText({ status: "disputed", actors: ["government", "rebels"] }),
    "disputed: Government v. Rebels");
  assert.equal(text.stateText({ status: "disputed", actors: ["rebels"] }), "disputed: Rebels v. contested");
  assert.equal(text.describe({ status: "held", actor: "rebels", since: d("2016-12-07") }),
    "Held by Rebels since December 7, 2016");
  assert.equal(text.describeUncertain({
    next: { status: "held", actor: "government", from: d("2016-01-05"), to: d("2016-01-10") },
  }), "Maybe held by Government from January 5, 2016 to January 10, 2016");
});

test("days, years and shares are formatted in the page's locale", () => {
  const text = createText(CONFIG);
  assert.equal(text.formatDay(d("2016-12-22")), "December 22, 2016");
  assert.equal(text.formatDay(NaN), "");
  assert.equal(text.formatYear(d("2013-06-01")), "2013");
  assert.equal(text.formatShare(0.1234), "12.3%");
  assert.equal(text.lensLabel("consensus"), "Consensus");
  assert.equal(text.lensLabel("source:x"), "source:x");
  assert.equal(text.hasLens("source:x"), false);
  assert.equal(text.swatchBackground({ status: "unknown" }), UNKNOWN_FILL);
});

const DAY_CONFIG = Object.assign({}, CONFIG, {
  locale: "en-GB",
  text: Object.assign({}, CONFIG.text, {
    state_reported: "; last reported {date}",
    state_stale: "; stale: last reported {date}",
    state_until: "; until {date}",
    state_today: ", to this day",
  }),
});
const HELD = {
  status: "held", actor: "government", actors: [], since: d("2016-12-01"),
  end: Infinity, lastReported: d("2016-12-12"), stale: false,
};

test("a state is told as of the chosen day: since, last reported, and no present unless today", () => {
  const text = createText(DAY_CONFIG);
  const day = d("2016-12-20");
  assert.equal(text.describe(HELD, day, d("2026-11-27")),
    "Held by Government since 1 December 2016; last reported 12 December 2016");
  assert.equal(text.describe(HELD, day, day),
    "Held by Government since 1 December 2016; last reported 12 December 2016, to this day");
  const ending = Object.assign({}, HELD, { end: d("2017-01-05") });
  assert.equal(text.describe(ending, day, d("2026-11-27")),
    "Held by Government since 1 December 2016; last reported 12 December 2016; until 5 January 2017");
  const stale = Object.assign({}, HELD, { stale: true });
  assert.match(text.describe(stale, day, d("2026-11-27")), /; stale: last reported 12 December 2016$/);
  // A report after the chosen day is not known on it.
  assert.equal(text.describe(HELD, d("2016-12-05"), d("2026-11-27")), "Held by Government since 1 December 2016");
  const unreported = Object.assign({}, HELD, { lastReported: NaN });
  assert.equal(text.describe(unreported, day, d("2026-11-27")), "Held by Government since 1 December 2016");
});

test("shares never read as negative zero", () => {
  const text = createText(DAY_CONFIG);
  assert.equal(shownShare(-0), 0);
  assert.ok(!Object.is(shownShare(-0), -0));
  assert.equal(shownShare(-1e-12), 0);
  assert.equal(shownShare(0.25), 0.25);
  assert.ok(Number.isNaN(shownShare(NaN)));
  assert.equal(text.formatShare(-0), "0%");
  assert.equal(text.formatShare(-1e-12), "0%");
  assert.equal(text.formatShare(-0.0004), "0%");
  assert.equal(text.formatShare(0.123), "12.3%");
});
