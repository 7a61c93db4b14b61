// Councils set their own brand colours; WCAG 2.2 AA needs 4.5:1 for text, so a pair that fails
// falls back to the accessible default instead of shipping unreadable buttons.

export const DEFAULT_COLOURS = Object.freeze({
  primary: "#1d70b8", // GOV.UK blue: 5.2:1 against white
  primaryText: "#ffffff",
  focus: "#ffdd00", // GOV.UK focus yellow, paired with near-black text and ring
  focusText: "#0b0c0c",
});

/** @param {string} hex "#rgb" or "#rrggbb" */
export function parseHex(hex) {
  const m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(String(hex).trim());
  if (!m) return null;
  let h = m[1];
  if (h.length === 3) h = [...h].map((c) => c + c).join("");
  return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16));
}

/** Relative luminance as defined by WCAG 2. */
function luminance([r, g, b]) {
  const lin = (c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** @returns {number | null} the WCAG contrast ratio of two hex colours */
export function contrastRatio(a, b) {
  const ca = parseHex(a);
  const cb = parseHex(b);
  if (!ca || !cb) return null;
  const [hi, lo] = [luminance(ca), luminance(cb)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/**
 * Merges configured colours over the defaults, rejecting pairs below 4.5:1.
 * @param {Partial<typeof DEFAULT_COLOURS> | undefined} colours
 * @param {(msg: string) => void} warn
 */
export function resolveColours(colours, warn = () => {}) {
  const out = { ...DEFAULT_COLOURS };
  const pairs = [
    ["primary", "primaryText"],
    ["focus", "focusText"],
  ];
  for (const [bg, fg] of pairs) {
    const b = colours?.[bg] ?? out[bg];
    const f = colours?.[fg] ?? out[fg];
    const ratio = contrastRatio(b, f);
    if (ratio !== null && ratio >= 4.5 && contrastRatio(b, "#ffffff") !== null) {
      out[bg] = b;
      out[fg] = f;
    } else if (colours?.[bg] !== undefined || colours?.[fg] !== undefined) {
      warn(`complaints chat: colours ${bg}/${fg} (${b} on ${f}) are below 4.5:1; using defaults`);
    }
  }
  // Primary is also used as text on white (reply buttons, links), so it needs 4.5:1 there too.
  if ((contrastRatio(out.primary, "#ffffff") ?? 0) < 4.5) {
    warn(`complaints chat: primary ${out.primary} is below 4.5:1 on white; using the default`);
    out.primary = DEFAULT_COLOURS.primary;
    out.primaryText = DEFAULT_COLOURS.primaryText;
  }
  return out;
}
