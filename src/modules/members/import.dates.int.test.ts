import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../testing/app.js";
import { testDatabaseKind } from "../../testing/database.js";
import { multipart, windows1252Csv } from "../../testing/files.js";

/** Dates as spreadsheets really hold them: formatted XLSX dates, bare serials beside them, numbers typed in a CSV. */
let t: TestApp;
let cluster: Awaited<ReturnType<TestApp["cluster"]>>;
const base = () => `/api/clusters/${cluster.slug}`;

async function runImport(data: Uint8Array, name: string) {
  const res = await t.request("POST", `${base()}/imports`, {
    cookie: cluster.staff,
    body: multipart({ file: { name, data } }),
  });
  expect(res.status, await res.clone().text()).toBe(200);
  return res.json();
}

async function joinedOn(name: string): Promise<string | null> {
  const found = await (
    await t.request("GET", `${base()}/members?q=${encodeURIComponent(name)}`, { cookie: cluster.staff })
  ).json();
  const member = await (
    await t.request("GET", `${base()}/members/${found.items[0].id}`, { cookie: cluster.staff })
  ).json();
  return member.membership.joinedOn;
}

beforeAll(async () => {
  t = await createTestApp();
  cluster = await t.cluster();
});
afterAll(async () => t?.close());

describe(`dates of an import on ${testDatabaseKind}`, () => {
  it("reads formatted XLSX dates, and bare serials in the same column, as dates", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Adhérents");
    ws.getRow(1).values = ["Raison sociale", "CP", "Ville", "Date d'adhésion"];
    ws.getRow(2).values = ["Forge Datée", "42000", "Saint-Étienne", new Date(Date.UTC(2019, 2, 15))];
    ws.getRow(3).values = ["Fonderie Collée", "42000", "Saint-Étienne", 45292]; // pasted as a value: 01/01/2024
    ws.getCell("D2").numFmt = "dd/mm/yyyy";
    const result = await runImport(new Uint8Array(await wb.xlsx.writeBuffer()), "adherents.xlsx");
    expect(result.rejected).toEqual([]);
    expect(result.created).toBe(2);
    expect(await joinedOn("Forge Datée")).toBe("2019-03-15");
    expect(await joinedOn("Fonderie Collée")).toBe("2024-01-01");
  });

  it("never reads a number typed in a CSV as a date", async () => {
    const csv = windows1252Csv([
      ["Raison sociale", "CP", "Ville", "Date d'adhésion"],
      ["Usinage Numéroté", "42000", "Saint-Étienne", "45123"],
    ]);
    const result = await runImport(csv, "adherents.csv");
    expect(result.created).toBe(0);
    expect(result.rejected).toHaveLength(1);
    expect(result.rejected[0].reasons.join(" ")).toMatch(/« 45123 » n'est pas une date reconnue/);
  });
});
