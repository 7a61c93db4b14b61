// Keeps the conversation across page reloads. A complaint can hold personal details and council
// pages are used on shared computers, so the saved state expires after a period of inactivity
// (matching Rasa's default session expiry) and "Start again" wipes it.

const MAX_MESSAGES = 200;

/**
 * @typedef {{from: "bot" | "user", text: string, buttons?: Array<{title: string, payload: string}>}} Message
 * @typedef {{sessionId: string | null, open: boolean, messages: Message[], updatedAt: number}} State
 */

export class Store {
  /**
   * @param {Storage | null} storage usually window.localStorage; null when it is blocked
   * @param {string} key
   * @param {number} ttlMinutes
   * @param {() => number} now
   */
  constructor(storage, key, ttlMinutes, now = () => Date.now()) {
    this.storage = storage;
    this.key = key;
    this.ttlMs = ttlMinutes * 60_000;
    this.now = now;
  }

  /** @returns {State} */
  load() {
    const empty = { sessionId: null, open: false, messages: [], updatedAt: this.now() };
    if (!this.storage) return empty;
    let state;
    try {
      state = JSON.parse(this.storage.getItem(this.key) || "null");
    } catch {
      return empty;
    }
    if (!state || typeof state !== "object" || !Array.isArray(state.messages)) return empty;
    if (typeof state.updatedAt !== "number" || this.now() - state.updatedAt > this.ttlMs) {
      this.clear();
      return empty;
    }
    return {
      sessionId: typeof state.sessionId === "string" ? state.sessionId : null,
      open: state.open === true,
      messages: state.messages.filter(
        (m) => m && (m.from === "bot" || m.from === "user") && typeof m.text === "string",
      ),
      updatedAt: state.updatedAt,
    };
  }

  /** @param {State} state */
  save(state) {
    if (!this.storage) return;
    const messages = state.messages.slice(-MAX_MESSAGES);
    try {
      this.storage.setItem(this.key, JSON.stringify({ ...state, messages, updatedAt: this.now() }));
    } catch {
      // Storage full or blocked: the chat still works, it just won't survive a reload.
    }
  }

  clear() {
    try {
      this.storage?.removeItem(this.key);
    } catch {
      // ignore: nothing saved means nothing to clear
    }
  }
}
