import assert from "node:assert/strict";
import { test } from "node:test";

import { createText } from "../../static/js/map/text.js";

test("the panel compares consensus and the stance lenses the server lists, in its order", () => {
  const text = createText({
    text: {},
    locale: "en",
    language: "en",
    actors: [],
    lenses: [
      { value: "consensus", label: "All sources", group: "" },
      { value: "stance:government", label: "Government", group: "stance" },
      { value: "stance:kurdish", label: "Kurdish", group: "stance" },
      { value: "source:sohr", label: "SOHR", group: "source", stance: "independent" },
    ],
  });
  assert.deepEqual(text.stanceLenses(), ["consensus", "stance:government", "stance:kurdish"]);
});

test("a page without lenses compares none", () => {
  const text = createText({ text: {}, locale: "en", language: "en", actors: [] });
  assert.deepEqual(text.stanceLenses(), []);
});
