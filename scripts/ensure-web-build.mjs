// Builds the web UI when web/dist is missing or older than its sources, so that
// `npm start` and `npm test` serve the current UI without a separate step.
import { execSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const built = join(root, "web/dist/index.html");

function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

const sources = [join(root, "web/src"), join(root, "web/index.html"), join(root, "web/vite.config.ts")].filter(existsSync);
const sourceTime = Math.max(...sources.map((s) => (statSync(s).isDirectory() ? newest(s) : statSync(s).mtimeMs)));
if (sources.length && (!existsSync(built) || statSync(built).mtimeMs < sourceTime)) {
  console.log("Building the web UI…");
  execSync("npx vite build --config web/vite.config.ts --logLevel warn", { cwd: root, stdio: "inherit" });
}
