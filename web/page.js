// Demo page only: a "Start your complaint" button that opens the chat widget.
const start = document.getElementById("start-chat");
const chat = document.querySelector("complaints-chat");
if (start && chat && typeof chat.open === "function") {
  start.hidden = false;
  start.addEventListener("click", () => chat.open());
}
