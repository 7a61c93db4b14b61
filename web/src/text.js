// Turns bot text into DOM nodes without ever parsing it as HTML: the text comes from the bot,
// which may echo what a person typed, so only text nodes and anchors we build ourselves are used.

// Markdown-style [label](https://...) links first, then bare http(s) URLs.
const LINK_RE = /\[([^\]\n]{1,200})\]\((https?:\/\/[^\s)]+)\)|(https?:\/\/[^\s<>"']+)/gi;
// Punctuation that ends a sentence rather than a URL ("see https://x.gov.uk.").
const TRAILING = /[.,;:!?)\]'"]+$/;

/**
 * Splits text into plain and link parts.
 * @param {string} text
 * @returns {Array<{type: "text", text: string} | {type: "link", text: string, href: string}>}
 */
export function splitLinks(text) {
  const parts = [];
  let last = 0;
  for (const m of String(text).matchAll(LINK_RE)) {
    let raw = m[0];
    let href = m[2] || m[3];
    let label = m[1] || m[3];
    if (m[3]) {
      const trail = (raw.match(TRAILING) || [""])[0];
      // Keep a closing bracket that belongs to the URL, e.g. wikipedia-style "(…)".
      const keep = trail.startsWith(")") && raw.includes("(") ? "" : trail;
      raw = raw.slice(0, raw.length - keep.length);
      href = raw;
      label = raw;
    }
    const safe = safeHref(href);
    if (!safe) continue;
    if (m.index > last) parts.push({ type: "text", text: text.slice(last, m.index) });
    parts.push({ type: "link", text: label, href: safe });
    last = m.index + raw.length;
  }
  if (last < text.length) parts.push({ type: "text", text: text.slice(last) });
  return parts;
}

/**
 * Returns a normalised http(s) URL, or null for anything else (javascript:, data:, …).
 * @param {string} href
 */
export function safeHref(href) {
  try {
    const url = new URL(href);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch {
    return null;
  }
}

/**
 * Appends text with clickable links to `parent`, using only text nodes and <a> elements.
 * @param {HTMLElement} parent
 * @param {string} text
 */
export function appendRichText(parent, text) {
  const doc = parent.ownerDocument;
  for (const part of splitLinks(text)) {
    if (part.type === "text") {
      parent.appendChild(doc.createTextNode(part.text));
    } else {
      const a = doc.createElement("a");
      a.href = part.href;
      a.textContent = part.text;
      a.target = "_blank";
      a.rel = "noopener noreferrer";
      const hint = doc.createElement("span");
      hint.className = "visually-hidden";
      hint.textContent = " (opens in a new tab)";
      a.appendChild(hint);
      parent.appendChild(a);
    }
  }
}

/**
 * Normalises one Rasa socket.io `bot_uttered` payload into {text, buttons}.
 * Rasa sends buttons as `quick_replies` ({title, payload}); custom JSON may use `buttons`.
 * @param {any} data
 * @returns {{text: string, buttons: Array<{title: string, payload: string}>} | null}
 */
export function normaliseBotMessage(data) {
  if (!data || typeof data !== "object") return null;
  const text = typeof data.text === "string" ? data.text : "";
  const raw = Array.isArray(data.quick_replies)
    ? data.quick_replies
    : Array.isArray(data.buttons)
      ? data.buttons
      : [];
  const buttons = raw
    .filter((b) => b && typeof b.title === "string")
    .map((b) => ({ title: b.title, payload: typeof b.payload === "string" ? b.payload : b.title }));
  let extra = "";
  const src = data.attachment?.payload?.src;
  if (data.attachment?.type === "image" && typeof src === "string" && safeHref(src)) {
    extra = src;
  }
  const full = [text, extra].filter(Boolean).join("\n");
  if (!full && buttons.length === 0) return null;
  return { text: full, buttons };
}
