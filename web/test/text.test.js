import assert from "node:assert/strict";
import { test } from "node:test";

import { normaliseBotMessage, safeHref, splitLinks } from "../src/text.js";

test("bare https links become link parts and trailing punctuation stays text", () => {
  const parts = splitLinks("Appeal here: https://www.telford.gov.uk/parking. Thanks");
  assert.deepEqual(parts, [
    { type: "text", text: "Appeal here: " },
    { type: "link", text: "https://www.telford.gov.uk/parking", href: "https://www.telford.gov.uk/parking" },
    { type: "text", text: ". Thanks" },
  ]);
});

test("markdown links keep their label", () => {
  const parts = splitLinks("See [the ombudsman](https://www.lgo.org.uk/) for help");
  assert.equal(parts[1].type, "link");
  assert.equal(parts[1].text, "the ombudsman");
  assert.equal(parts[1].href, "https://www.lgo.org.uk/");
});

test("javascript: and data: links never become anchors", () => {
  for (const bad of [
    "[click](javascript:alert(1))",
    "javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
  ]) {
    const parts = splitLinks(bad);
    assert.ok(parts.every((p) => p.type === "text"), bad);
    assert.equal(parts.map((p) => p.text).join(""), bad);
  }
  assert.equal(safeHref("javascript:alert(1)"), null);
  assert.equal(safeHref("ftp://x.example/"), null);
});

test("HTML in text stays text", () => {
  const text = '<img src=x onerror="alert(1)"> hi';
  assert.deepEqual(splitLinks(text), [{ type: "text", text }]);
});

test("Rasa quick_replies become buttons", () => {
  const msg = normaliseBotMessage({
    text: "Is that right?",
    quick_replies: [
      { content_type: "text", title: "Yes", payload: "/affirm" },
      { content_type: "text", title: "No", payload: "/deny" },
    ],
  });
  assert.deepEqual(msg, {
    text: "Is that right?",
    buttons: [
      { title: "Yes", payload: "/affirm" },
      { title: "No", payload: "/deny" },
    ],
  });
});

test("custom json buttons and empty messages", () => {
  assert.deepEqual(normaliseBotMessage({ text: "", buttons: [{ title: "Go" }] }), {
    text: "",
    buttons: [{ title: "Go", payload: "Go" }],
  });
  assert.equal(normaliseBotMessage({}), null);
  assert.equal(normaliseBotMessage(null), null);
  assert.equal(normaliseBotMessage("x"), null);
});
