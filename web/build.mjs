// Bundles the widget and socket.io-client into one file, so a council page loads nothing else.
import { build } from "esbuild";

const watch = process.argv.includes("--watch");
const options = {
  entryPoints: ["src/widget.js"],
  bundle: true,
  format: "iife",
  globalName: "ComplaintsChat",
  target: ["es2020", "chrome100", "firefox100", "safari15"],
  loader: { ".css": "text" },
  minify: !watch,
  sourcemap: true,
  legalComments: "linked",
  outfile: "dist/widget.js",
  logLevel: "info",
};
await build(options);
