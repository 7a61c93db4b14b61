// Talks to a real Rasa server over socket.io exactly as the widget does, and fails loudly when a
// reply never arrives. Catches the python-socketio >= 5.10 trap: Rasa 3.6 never awaits the
// coroutine AsyncServer.enter_room, so with session_persistence the bot's replies are lost.
//
//   node tools/socket-check.mjs http://127.0.0.1:5005 [message]
// Prints one JSON line with what happened; exit 0 only if both sockets got bot_uttered.
import { io } from "socket.io-client";

const [url, message = "/greet"] = process.argv.slice(2);
const TIMEOUT_MS = Number(process.env.SOCKET_CHECK_TIMEOUT_MS || 60000);
if (!url) {
  console.error("usage: node tools/socket-check.mjs RASA_URL [message]");
  process.exit(2);
}

function once(socket, event, what) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${event} within ${TIMEOUT_MS} ms (${what})`)), TIMEOUT_MS);
    socket.once(event, (data) => {
      clearTimeout(timer);
      resolve(data);
    });
  });
}

/** One socket: session_request -> session_confirm, then a message -> bot_uttered. */
async function converse(sessionId, what) {
  const socket = io(url, { path: "/socket.io/", transports: ["websocket"], reconnection: false });
  try {
    await once(socket, "connect", what);
    const confirmed = once(socket, "session_confirm", what);
    socket.emit("session_request", { session_id: sessionId });
    const id = await confirmed;
    const reply = once(socket, "bot_uttered", what);
    const started = Date.now();
    socket.emit("user_uttered", { message, session_id: id, metadata: {} });
    const bot = await reply;
    return { sessionId: id, bot, ms: Date.now() - started };
  } finally {
    socket.close();
  }
}

try {
  const first = await converse(null, "new session");
  // A second socket joining the same session is what a page reload does.
  const second = await converse(first.sessionId, "same session, new socket");
  const ok = typeof first.sessionId === "string" && second.sessionId === first.sessionId;
  console.log(JSON.stringify({ ok, first, second }));
  process.exit(ok ? 0 : 1);
} catch (err) {
  console.log(JSON.stringify({ ok: false, error: String(err.message || err) }));
  process.exit(1);
}
