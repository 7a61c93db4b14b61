import assert from "node:assert/strict";
import { test } from "node:test";

import { DEFAULT_COLOURS, contrastRatio, resolveColours } from "../src/colours.js";

test("contrast ratio matches WCAG reference values", () => {
  assert.equal(Math.round(contrastRatio("#000000", "#ffffff") * 10) / 10, 21);
  assert.ok(contrastRatio(DEFAULT_COLOURS.primary, "#fff") >= 4.5);
  assert.ok(contrastRatio(DEFAULT_COLOURS.focus, DEFAULT_COLOURS.focusText) >= 4.5);
});

test("an accessible brand colour is used", () => {
  const c = resolveColours({ primary: "#005a9c", primaryText: "#ffffff" });
  assert.equal(c.primary, "#005a9c");
});

test("a low-contrast brand colour falls back to the default with a warning", () => {
  const warnings = [];
  const c = resolveColours({ primary: "#ffcc00", primaryText: "#ffffff" }, (w) => warnings.push(w));
  assert.equal(c.primary, DEFAULT_COLOURS.primary);
  assert.equal(warnings.length, 1);
});
