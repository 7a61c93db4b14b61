import assert from "node:assert/strict";
import { test } from "node:test";

import { Store } from "../src/store.js";

class MemoryStorage {
  constructor() {
    this.items = new Map();
  }
  getItem(k) {
    return this.items.has(k) ? this.items.get(k) : null;
  }
  setItem(k, v) {
    this.items.set(k, String(v));
  }
  removeItem(k) {
    this.items.delete(k);
  }
}

test("state survives a reload within the time limit", () => {
  let now = 1_000_000;
  const storage = new MemoryStorage();
  const a = new Store(storage, "k", 60, () => now);
  a.save({ sessionId: "abc", open: true, messages: [{ from: "user", text: "hi" }], updatedAt: 0 });
  now += 59 * 60_000;
  const state = new Store(storage, "k", 60, () => now).load();
  assert.equal(state.sessionId, "abc");
  assert.equal(state.open, true);
  assert.deepEqual(state.messages, [{ from: "user", text: "hi" }]);
});

test("state expires after the time limit and is wiped", () => {
  let now = 1_000_000;
  const storage = new MemoryStorage();
  new Store(storage, "k", 60, () => now).save({
    sessionId: "abc",
    open: true,
    messages: [{ from: "user", text: "my address" }],
    updatedAt: 0,
  });
  now += 61 * 60_000;
  const state = new Store(storage, "k", 60, () => now).load();
  assert.equal(state.sessionId, null);
  assert.deepEqual(state.messages, []);
  assert.equal(storage.getItem("k"), null);
});

test("corrupt or hostile storage gives an empty state", () => {
  const storage = new MemoryStorage();
  storage.setItem("k", "{not json");
  assert.deepEqual(new Store(storage, "k", 60, () => 5).load().messages, []);
  storage.setItem("k", JSON.stringify({ updatedAt: 5, messages: [{ from: "admin", text: 1 }] }));
  assert.deepEqual(new Store(storage, "k", 60, () => 5).load().messages, []);
});

test("no storage available still works", () => {
  const s = new Store(null, "k", 60);
  s.save({ sessionId: "x", open: false, messages: [], updatedAt: 0 });
  assert.equal(s.load().sessionId, null);
});
