// What the widget says about a message's length. The server refuses messages over its limit
// (bot/credentials.yml, max_message_chars: 2000) with a kind reply; the widget's maxlength keeps
// people from getting there, and these words tell them before it happens.

const number = (n) => n.toLocaleString("en-GB");

/** Shown under the box when `left` characters or fewer remain; "" while far from the limit. */
export function lengthMessage(used, max, warnWithin = 300) {
  const left = max - used;
  if (left > warnWithin) return "";
  if (left <= 0) {
    return `You've reached the limit of ${number(max)} characters. Send this part, then write the rest in another message.`;
  }
  return `You have ${number(left)} ${left === 1 ? "character" : "characters"} left.`;
}

/** A paste that did not fit: maxlength cut it short, so say so rather than lose text quietly. */
export function pasteCutMessage(max) {
  return `That was too long to paste in one go, so only part of it went in (up to ${number(max)} characters). Send this part, then paste the rest.`;
}

/** Would pasting `pasted` into `value` (replacing `selected` characters) overflow `max`? */
export function pasteOverflows(valueLength, selectedLength, pastedLength, max) {
  return valueLength - selectedLength + pastedLength > max;
}
