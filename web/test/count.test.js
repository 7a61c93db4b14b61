import assert from "node:assert/strict";
import { test } from "node:test";

import { lengthMessage, pasteCutMessage, pasteOverflows } from "../src/count.js";

test("nothing is said while the message is far from the limit", () => {
  assert.equal(lengthMessage(0, 2000), "");
  assert.equal(lengthMessage(1699, 2000), "");
});

test("the characters left are counted near the limit", () => {
  assert.equal(lengthMessage(1700, 2000), "You have 300 characters left.");
  assert.equal(lengthMessage(1999, 2000), "You have 1 character left.");
});

test("at the limit the person is told what to do, with the number written out", () => {
  const said = lengthMessage(2000, 2000);
  assert.match(said, /limit of 2,000 characters/);
  assert.match(said, /another message/);
});

test("a paste that does not fit is detected and explained", () => {
  assert.equal(pasteOverflows(1500, 0, 400, 2000), false);
  assert.equal(pasteOverflows(1500, 0, 600, 2000), true);
  assert.equal(pasteOverflows(1500, 200, 600, 2000), false);
  assert.match(pasteCutMessage(2000), /only part of it went in \(up to 2,000 characters\)/);
});
