import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { lockDataDir } from "../db/lock.js";
import { windows1252Csv } from "../testing/files.js";

const bin = new URL("../../bin/grappe.js", import.meta.url).pathname;
const dataDir = mkdtempSync(join(tmpdir(), "grappe-cli-"));
// The CLI always runs on its own PGlite directory here: it is the single-owner case the lock protects.
const env = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: "" };
const grappe = (...args: string[]) =>
  spawnSync(process.execPath, [bin, ...args], { env, encoding: "utf8", timeout: 120_000 });

describe("the grappe command", () => {
  it("exits 2 with one clear line on bad input", () => {
    const missing = grappe("import", "members", "/nonexistent.csv", "--cluster", "demo");
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/File not found: \/nonexistent\.csv/);
    const noCluster = grappe("export", "members");
    expect(noCluster.status).toBe(2);
    expect(noCluster.stderr).toMatch(/--cluster/);
    const badFormat = grappe("export", "members", "--cluster", "demo", "--format", "pdf");
    expect(badFormat.status).toBe(2);
    expect(badFormat.stderr).toMatch(/--format must be csv or xlsx/);
  });

  it("names an unknown cluster", () => {
    const result = grappe("export", "members", "--cluster", "nulle-part");
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/Unknown cluster "nulle-part"/);
  });

  it("refuses while a server holds the PGlite directory, and leaves it usable", async () => {
    const release = await lockDataDir(dataDir, "server");
    try {
      const result = grappe("export", "members", "--cluster", "demo");
      expect(result.status).toBe(3);
      expect(result.stderr).toMatch(/in use by a running Grappe server/);
    } finally {
      await release();
    }
  });

  it("imports a file into a cluster and exports it back", async () => {
    // Create the cluster through the same database the CLI uses.
    const { openDatabase } = await import("../db/client.js");
    const { migrateDatabase } = await import("../db/migrate.js");
    const { createCluster } = await import("../platform/clusters/clusters.service.js");
    const database = await openDatabase({ dataDir: join(dataDir, "pglite") });
    await migrateDatabase(database);
    await createCluster(database.db, { slug: "cli", name: "CLI" });
    await database.close();

    const file = join(dataDir, "membres.csv");
    writeFileSync(
      file,
      windows1252Csv([
        ["Raison sociale", "CP", "Ville"],
        ["Forge du Gier", "42800", "Rive-de-Gier"],
        ["Sans Ville", "99999", "Atlantide"],
      ]),
    );
    const rejected = join(dataDir, "rejets.csv");
    const imported = grappe("import", "members", file, "--cluster", "cli", "--rejected", rejected);
    expect(imported.status, imported.stderr).toBe(0);
    expect(imported.stderr).toMatch(/1 created, 0 updated, 0 unchanged, 1 rejected/);
    expect(readFileSync(rejected, "utf8")).toMatch(/Atlantide/);
    const exported = grappe("export", "members", "--cluster", "cli", "--format", "csv");
    expect(exported.status, exported.stderr).toBe(0);
    expect(exported.stdout).toMatch(/Forge du Gier;.*Rive-de-Gier/);
  });
});
