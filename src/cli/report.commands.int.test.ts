import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";

const bin = new URL("../../bin/grappe.js", import.meta.url).pathname;
const dataDir = mkdtempSync(join(tmpdir(), "grappe-report-"));
const env = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: "" };
const grappe = (...args: string[]) =>
  spawnSync(process.execPath, [bin, ...args], { env, encoding: "utf8", timeout: 120_000 });

beforeAll(async () => {
  // The cluster, a funder and a newsletter, written through the services on the CLI's own database.
  const { openDatabase } = await import("../db/client.js");
  const { migrateDatabase } = await import("../db/migrate.js");
  const { createCluster } = await import("../platform/clusters/clusters.service.js");
  const { systemActor } = await import("../platform/permissions/permissions.js");
  const { createNewsletter } = await import("../modules/reports/reports.service.js");
  const database = await openDatabase({ dataDir: join(dataDir, "pglite") });
  await migrateDatabase(database);
  const cluster = await createCluster(database.db, { slug: "rapport", name: "Grappe Rapport" });
  const ctx = { db: database.db, clusterId: cluster.id, actor: systemActor("test") };
  await createNewsletter(ctx, { sentOn: "2025-03-05", title: "Lettre de mars", recipients: 120 });
  await database.close();
}, 120_000);

describe("grappe report activity", () => {
  it("exits 2 with one clear line on bad input", () => {
    const noYear = grappe("report", "activity", "--cluster", "rapport", "--format", "pdf", "--out", "/tmp/x.pdf");
    expect(noYear.status).toBe(2);
    expect(noYear.stderr).toMatch(/--year/);
    const badFormat = grappe(
      "report",
      "activity",
      "--cluster",
      "rapport",
      "--year",
      "2025",
      "--format",
      "odt",
      "--out",
      "x",
    );
    expect([badFormat.status, badFormat.stderr.trim()]).toEqual([2, 'grappe: --format must be pdf or docx, not "odt"']);
    const badYear = grappe(
      "report",
      "activity",
      "--cluster",
      "rapport",
      "--year",
      "25",
      "--format",
      "pdf",
      "--out",
      "x",
    );
    expect(badYear.status).toBe(2);
    expect(badYear.stderr).toMatch(/--year must be a year/);
    const badFunder = grappe(
      "report",
      "activity",
      "--cluster",
      "rapport",
      "--year",
      "2025",
      "--funder",
      "nope",
      "--format",
      "pdf",
      "--out",
      "x",
    );
    expect(badFunder.status).toBe(2);
    expect(badFunder.stderr).toMatch(/--funder: Identifiant de financeur invalide/);
    const unknownFunder = grappe(
      "report",
      "activity",
      "--cluster",
      "rapport",
      "--year",
      "2025",
      "--funder",
      "00000000-0000-4000-8000-000000000000",
      "--format",
      "pdf",
      "--out",
      join(dataDir, "x.pdf"),
    );
    expect(unknownFunder.status).toBe(2);
    expect(unknownFunder.stderr).toMatch(/--funder: Financeur inconnu/);
    const unknownCluster = grappe(
      "report",
      "activity",
      "--cluster",
      "nulle-part",
      "--year",
      "2025",
      "--format",
      "pdf",
      "--out",
      "x",
    );
    expect(unknownCluster.status).toBe(2);
    expect(unknownCluster.stderr).toMatch(/Unknown cluster "nulle-part"/);
  });

  it("writes the PDF and the DOCX the API serves", () => {
    const pdfFile = join(dataDir, "bilan.pdf");
    const pdf = grappe(
      "report",
      "activity",
      "--cluster",
      "rapport",
      "--year",
      "2025",
      "--format",
      "pdf",
      "--out",
      pdfFile,
    );
    expect(pdf.status, pdf.stderr).toBe(0);
    const bytes = readFileSync(pdfFile);
    expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect((bytes.toString("latin1").match(/\/Type \/Page\b/g) ?? []).length).toBeGreaterThanOrEqual(1);
    const docxFile = join(dataDir, "bilan.docx");
    const docx = grappe(
      "report",
      "activity",
      "--cluster",
      "rapport",
      "--year",
      "2025",
      "--format",
      "docx",
      "--out",
      docxFile,
    );
    expect(docx.status, docx.stderr).toBe(0);
    const zip = readFileSync(docxFile);
    expect(zip.subarray(0, 2).toString("latin1")).toBe("PK");
    expect(zip.includes(Buffer.from("word/document.xml"))).toBe(true);
  });
});
