import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";

/**
 * Starts the real server (built web UI, demo cluster) once for the browser specs:
 * on PostgreSQL when DATABASE_URL is set, else on a fresh PGlite directory.
 */
let server: ChildProcess | undefined;
let dataDir: string | undefined;

export async function setup(project: TestProject) {
  const port = 3100 + Math.floor(Math.random() * 800);
  dataDir = mkdtempSync(join(tmpdir(), "grappe-e2e-"));
  const root = new URL("..", import.meta.url).pathname;
  server = spawn(process.execPath, [join(root, "node_modules/tsx/dist/cli.mjs"), join(root, "src/server/main.ts")], {
    cwd: root,
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, NODE_ENV: "development" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  server.stdout?.on("data", (chunk) => (output += chunk));
  server.stderr?.on("data", (chunk) => (output += chunk));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 150_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`The server stopped:\n${output}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {}
    await new Promise((r) => setTimeout(r, 300));
  }
  if (Date.now() >= deadline) throw new Error(`The server did not start in time:\n${output}`);
  project.provide("baseUrl", url);
}

export async function teardown() {
  server?.kill("SIGTERM");
  await new Promise((r) => setTimeout(r, 500));
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
  }
}
