// The complaints chat widget: a <complaints-chat> web component that talks to Rasa's socket.io
// channel. Embed with one script tag after setting window.ComplaintsChatConfig (see README).
import { io } from "socket.io-client";

import { resolveColours } from "./colours.js";
import { lengthMessage, pasteCutMessage, pasteOverflows } from "./count.js";
import { Store } from "./store.js";
import { appendRichText, normaliseBotMessage } from "./text.js";
import css from "./widget.css";

const DEFAULTS = Object.freeze({
  serverUrl: "http://localhost:5005",
  socketPath: "/socket.io/",
  authority: "",
  authorityName: "your council",
  title: "Make a complaint",
  launcherText: "Make a complaint or get help",
  initPayload: "/greet",
  // The server's max_message_chars (bot/credentials.yml): longer messages would be refused.
  maxLength: 2000,
  countWithin: 300,
  metadataKey: "metadata",
  restartPayload: "/restart",
  sessionTtlMinutes: 60,
  typingTimeoutMs: 30000,
  transports: ["websocket", "polling"],
  colours: {},
  open: false,
});

// Must match the full-screen media query in widget.css.
const FULL_SCREEN_QUERY = "(max-width: 30em), (max-height: 30em)";

let sheet = null;

/** One constructable stylesheet shared by every instance; no inline <style>, so CSP can be strict. */
function styles() {
  if (!sheet && typeof CSSStyleSheet !== "undefined" && "replaceSync" in CSSStyleSheet.prototype) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
  }
  return sheet;
}

/** Small DOM helper: never takes HTML, only tag, attributes and text/children. */
function el(doc, tag, attrs = {}, children = []) {
  const node = doc.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === false || v === null || v === undefined) continue;
    if (k === "text") node.textContent = v;
    else node.setAttribute(k, v === true ? "" : String(v));
  }
  for (const c of children) node.appendChild(typeof c === "string" ? doc.createTextNode(c) : c);
  return node;
}

export class ComplaintsChat extends HTMLElement {
  constructor() {
    super();
    this.config = { ...DEFAULTS };
    this.socket = null;
    this.confirmed = false;
    this.outbox = [];
    this.typingTimer = null;
    this.announceTimer = null;
    this.retryTimer = null;
    this.pasteCut = false;
    this.state = null;
    this.store = null;
    this.onDocumentKeydown = this.onDocumentKeydown.bind(this);
  }

  /** @param {Partial<typeof DEFAULTS>} config */
  configure(config) {
    this.config = { ...DEFAULTS, ...config };
    const authority = this.config.authority || "default";
    let storage = null;
    try {
      storage = window.localStorage;
    } catch {
      storage = null; // blocked by privacy settings: the chat still works without reloads
    }
    this.store = new Store(storage, `complaints-chat:${authority}`, this.config.sessionTtlMinutes);
    this.state = this.store.load();
    if (this.isConnected) this.render();
  }

  connectedCallback() {
    if (!this.state) this.configure(this.config);
    this.render();
    document.addEventListener("keydown", this.onDocumentKeydown);
    if (this.state.open || this.config.open) this.open({ focus: false });
  }

  disconnectedCallback() {
    document.removeEventListener("keydown", this.onDocumentKeydown);
    this.socket?.close();
    this.socket = null;
  }

  render() {
    const doc = this.ownerDocument;
    const root = this.shadowRoot || this.attachShadow({ mode: "open" });
    root.replaceChildren();
    const sh = styles();
    if (sh) root.adoptedStyleSheets = [sh];
    else root.appendChild(el(doc, "style", { text: css }));

    const colours = resolveColours(this.config.colours, (m) => console.warn(m));
    this.style.setProperty("--cc-primary", colours.primary);
    this.style.setProperty("--cc-primary-text", colours.primaryText);
    this.style.setProperty("--cc-focus", colours.focus);
    this.style.setProperty("--cc-focus-text", colours.focusText);

    const title = `${this.config.title}: ${this.config.authorityName}`;
    this.launcher = el(doc, "button", {
      type: "button",
      class: "cc-launcher",
      "aria-expanded": "false",
      "aria-controls": "cc-panel",
      text: this.config.launcherText,
    });
    this.restartButton = el(doc, "button", {
      type: "button",
      class: "cc-restart",
      text: "Start again",
    });
    this.closeButton = el(doc, "button", {
      type: "button",
      class: "cc-close",
      "aria-label": "Close chat",
      text: "Close",
    });
    this.statusEl = el(doc, "p", { class: "cc-status", role: "status" });
    this.log = el(doc, "div", {
      class: "cc-log",
      role: "log",
      "aria-live": "polite",
      "aria-label": "Conversation",
      tabindex: "0",
    });
    this.typing = el(doc, "p", { class: "cc-typing", role: "status", hidden: true }, [
      "The assistant is typing",
      el(doc, "span", { class: "cc-dots", "aria-hidden": "true" }, [
        el(doc, "span", { text: "." }),
        el(doc, "span", { text: "." }),
        el(doc, "span", { text: "." }),
      ]),
    ]);
    this.input = el(doc, "textarea", {
      id: "cc-input",
      class: "cc-input",
      rows: "2",
      autocomplete: "off",
      maxlength: this.config.maxLength,
      "aria-describedby": "cc-hint cc-count",
    });
    // Visible count, read with the box (aria-describedby); a separate live region says it once
    // typing pauses, so a screen reader is not interrupted on every key.
    this.countEl = el(doc, "p", { id: "cc-count", class: "cc-count" });
    this.countLive = el(doc, "p", { class: "visually-hidden", "aria-live": "polite" });
    this.form = el(doc, "form", { class: "cc-form", novalidate: true }, [
      el(doc, "label", { for: "cc-input", text: "Your message" }),
      el(doc, "p", {
        id: "cc-hint",
        class: "cc-hint",
        text: "Press Enter to send. Shift and Enter starts a new line.",
      }),
      this.input,
      el(doc, "button", { type: "submit", class: "cc-send", text: "Send" }),
      this.countEl,
      this.countLive,
    ]);
    this.panel = el(
      doc,
      "section",
      { id: "cc-panel", class: "cc-panel", role: "dialog", "aria-labelledby": "cc-title" },
      [
        el(doc, "div", { class: "cc-header" }, [
          el(doc, "h2", { id: "cc-title", class: "cc-title", text: title }),
          el(doc, "div", { class: "cc-header-actions" }, [this.restartButton, this.closeButton]),
        ]),
        this.statusEl,
        this.log,
        this.typing,
        this.form,
      ],
    );
    this.panel.hidden = true;
    root.append(this.launcher, this.panel);

    this.launcher.addEventListener("click", () => this.open());
    this.closeButton.addEventListener("click", () => this.close());
    this.restartButton.addEventListener("click", () => this.restart());
    this.panel.addEventListener("keydown", (e) => {
      if (e.key === "Escape") {
        e.preventDefault();
        this.close();
      } else if (e.key === "Tab" && this.coversViewport()) {
        this.wrapFocus(e);
      }
    });
    this.form.addEventListener("submit", (e) => {
      e.preventDefault();
      this.submitInput();
    });
    this.input.addEventListener("paste", (e) => {
      const pasted = e.clipboardData?.getData("text") ?? "";
      const { value, selectionStart, selectionEnd } = this.input;
      const selected = Math.abs((selectionEnd ?? 0) - (selectionStart ?? 0));
      this.pasteCut = pasteOverflows(value.length, selected, pasted.length, this.config.maxLength);
    });
    this.input.addEventListener("input", () => this.updateCount());
    this.input.addEventListener("keydown", (e) => {
      if (e.key === "Enter" && !e.shiftKey && !e.isComposing) {
        e.preventDefault();
        this.submitInput();
      }
    });
    this.renderMessages();
  }

  renderMessages() {
    this.log.replaceChildren();
    const msgs = this.state.messages;
    msgs.forEach((m, i) => this.appendMessage(m, i === msgs.length - 1));
  }

  /** @param {{from: string, text: string, buttons?: Array<{title: string, payload: string}>}} m */
  appendMessage(m, withButtons) {
    const doc = this.ownerDocument;
    const bubble = el(doc, "div", { class: `cc-msg cc-msg-${m.from}` }, [
      el(doc, "span", {
        class: "visually-hidden",
        text: m.from === "bot" ? `${this.config.authorityName} assistant: ` : "You: ",
      }),
    ]);
    appendRichText(bubble, m.text);
    this.log.appendChild(bubble);
    if (withButtons && m.from === "bot" && m.buttons?.length) {
      const group = el(doc, "div", {
        class: "cc-replies",
        role: "group",
        "aria-label": "Suggested answers",
      });
      for (const b of m.buttons) {
        const button = el(doc, "button", { type: "button", class: "cc-reply", text: b.title });
        button.addEventListener("click", () => {
          this.send(b.title, b.payload);
          this.input.focus(); // the buttons are removed, so focus must not be lost
        });
        group.appendChild(button);
      }
      this.log.appendChild(group);
    }
    this.log.scrollTop = this.log.scrollHeight;
  }

  clearReplies() {
    for (const g of this.log.querySelectorAll(".cc-replies")) g.remove();
  }

  /** On small screens and at high zoom the panel covers the page, so it acts as a modal. */
  coversViewport() {
    return window.matchMedia?.(FULL_SCREEN_QUERY).matches === true;
  }

  /** Keeps Tab inside a full-screen panel: focus must not go to page content hidden under it. */
  wrapFocus(e) {
    const focusable = [
      ...this.panel.querySelectorAll("button, a[href], textarea, [tabindex='0']"),
    ].filter((n) => !n.disabled && n.getClientRects().length > 0);
    if (!focusable.length) return;
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    const current = this.shadowRoot.activeElement;
    if (e.shiftKey && (current === first || !this.panel.contains(current))) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && (current === last || !this.panel.contains(current))) {
      e.preventDefault();
      first.focus();
    }
  }

  open({ focus = true } = {}) {
    this.panel.setAttribute("aria-modal", this.coversViewport() ? "true" : "false");
    this.panel.hidden = false;
    this.launcher.hidden = true;
    this.launcher.setAttribute("aria-expanded", "true");
    this.state.open = true;
    this.persist();
    this.connect();
    this.log.scrollTop = this.log.scrollHeight;
    if (focus) this.input.focus();
    this.dispatchEvent(new CustomEvent("complaints-chat:open"));
  }

  close() {
    this.panel.hidden = true;
    this.launcher.hidden = false;
    this.launcher.setAttribute("aria-expanded", "false");
    this.state.open = false;
    this.persist();
    this.launcher.focus();
  }

  /** Escape closes the chat even when focus is on the page behind it, so it never hides things. */
  onDocumentKeydown(e) {
    if (e.key !== "Escape" || e.defaultPrevented || this.panel?.hidden) return;
    if (e.composedPath().includes(this)) return; // handled by the panel itself
    this.panel.hidden = true;
    this.launcher.hidden = false;
    this.launcher.setAttribute("aria-expanded", "false");
    this.state.open = false;
    this.persist();
  }

  connect() {
    if (this.socket) return;
    const { serverUrl, socketPath, transports } = this.config;
    this.socket = io(serverUrl, {
      path: socketPath,
      transports,
      reconnection: true,
      reconnectionDelayMax: 10000,
    });
    this.socket.on("connect", () => {
      // Every new socket id must re-join the conversation's room, so ask on each (re)connect.
      this.confirmed = false;
      this.socket.emit("session_request", { session_id: this.state.sessionId });
    });
    this.socket.on("session_confirm", (data) => {
      const id = typeof data === "string" ? data : data?.session_id;
      if (typeof id !== "string" || !id) return;
      this.state.sessionId = id;
      this.confirmed = true;
      this.setStatus("");
      if (this.state.messages.length === 0 && this.outbox.length === 0) {
        this.sendHidden(this.config.initPayload);
      }
      this.persist();
      this.flush();
    });
    this.socket.on(this.config.botEvent || "bot_uttered", (data) => this.receive(data));
    this.socket.on("disconnect", () => {
      this.confirmed = false;
      this.setStatus("Connection lost. Trying to reconnect…");
    });
    this.socket.on("connect_error", (err) => {
      if (this.socket && !this.socket.active) {
        // Refused by the server (too many chats from this network): socket.io won't retry on
        // its own, so say why and try again in a minute.
        const why = err?.message || "The chat service is busy.";
        this.setStatus(`${why} Trying again in a minute…`);
        clearTimeout(this.retryTimer);
        this.retryTimer = setTimeout(() => this.socket?.connect(), 60000);
        return;
      }
      this.setStatus("We can't reach the chat service right now. Trying again…");
    });
  }

  receive(data) {
    const msg = normaliseBotMessage(data);
    if (!msg) return;
    this.hideTyping();
    const m = { from: "bot", text: msg.text, buttons: msg.buttons };
    this.clearReplies();
    this.state.messages.push(m);
    this.appendMessage(m, true);
    this.persist();
  }

  submitInput() {
    const text = this.input.value.trim();
    if (!text) {
      this.setStatus("Type a message before you press Send.");
      this.input.focus();
      return;
    }
    this.input.value = "";
    this.updateCount();
    this.send(text, text);
  }

  /** Tells the person how much room is left near the limit, and when a paste was cut short. */
  updateCount() {
    const max = this.config.maxLength;
    const said = this.pasteCut
      ? pasteCutMessage(max)
      : lengthMessage(this.input.value.length, max, this.config.countWithin);
    this.pasteCut = false;
    if (this.countEl.textContent !== said) this.countEl.textContent = said;
    clearTimeout(this.announceTimer);
    this.announceTimer = setTimeout(() => {
      if (this.countLive.textContent !== said) this.countLive.textContent = said;
    }, 1000);
  }

  /** Shows what the person chose or typed, and sends its payload. */
  send(display, payload) {
    const m = { from: "user", text: display };
    this.clearReplies();
    this.state.messages.push(m);
    this.appendMessage(m, false);
    this.setStatus("");
    this.enqueue(payload);
  }

  sendHidden(payload) {
    if (payload) this.enqueue(payload);
  }

  enqueue(message) {
    this.outbox.push(message);
    this.showTyping();
    this.persist();
    this.connect();
    this.flush();
  }

  /** Messages wait for session_confirm: sent earlier, the reply would go to a room we aren't in. */
  flush() {
    if (!this.confirmed || !this.socket) return;
    while (this.outbox.length) {
      const message = this.outbox.shift();
      this.socket.emit(this.config.userEvent || "user_uttered", {
        message,
        session_id: this.state.sessionId,
        // Rasa 3.6 reads metadata from "metadata" unless credentials.yml sets metadata_key.
        [this.config.metadataKey]: { authority: this.config.authority },
      });
    }
  }

  restart() {
    this.outbox = [];
    this.enqueue(this.config.restartPayload);
    this.state.messages = [];
    this.log.replaceChildren();
    this.sendHidden(this.config.initPayload);
    this.setStatus("The conversation has been cleared. Starting again.");
    this.persist();
    this.input.value = "";
    this.input.focus();
  }

  showTyping() {
    this.typing.hidden = false;
    clearTimeout(this.typingTimer);
    this.typingTimer = setTimeout(() => this.hideTyping(), this.config.typingTimeoutMs);
  }

  hideTyping() {
    clearTimeout(this.typingTimer);
    this.typing.hidden = true;
  }

  setStatus(text) {
    if (this.statusEl.textContent !== text) this.statusEl.textContent = text;
  }

  persist() {
    this.store?.save(this.state);
  }
}

/**
 * Adds the widget to the page. Safe to call once per page; returns the element.
 * @param {Partial<typeof DEFAULTS>} config
 */
export function init(config = {}) {
  if (!customElements.get("complaints-chat")) {
    customElements.define("complaints-chat", ComplaintsChat);
  }
  const existing = document.querySelector("complaints-chat");
  if (existing) return existing;
  const chat = document.createElement("complaints-chat");
  chat.configure(config);
  document.body.appendChild(chat);
  return chat;
}

function autoInit() {
  const config = window.ComplaintsChatConfig;
  if (config && typeof config === "object") init(config);
}

if (typeof window !== "undefined" && typeof document !== "undefined") {
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", autoInit, { once: true });
  } else {
    autoInit();
  }
}
