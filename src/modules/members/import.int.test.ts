import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { luhnCheckDigit } from "../../db/seed/demo-data.js";
import { createTestApp, type TestApp } from "../../testing/app.js";
import { testDatabaseKind } from "../../testing/database.js";
import { multipart, windows1252Csv } from "../../testing/files.js";
import { readSpreadsheet } from "./import/spreadsheet.js";
import { BATCH_ROWS } from "./import.batch.js";
import { members } from "./members.schema.js";

let t: TestApp;
let cluster: Awaited<ReturnType<TestApp["cluster"]>>;
const base = () => `/api/clusters/${cluster.slug}`;

const header = [
  "Raison sociale",
  "SIRET",
  "Code NAF",
  "Effectif",
  "CA (k€)",
  "CP",
  "Ville",
  "Métiers",
  "Date d'adhésion",
  "Cotisation 2026",
];
const rows = [
  [
    "Chaudronnerie Stéphanoise",
    "73282932000074",
    "25.62B",
    "35",
    "4 250,5",
    "42000",
    "Saint-Étienne",
    "Chaudronnerie; Soudure",
    "15/03/2012",
    "850,00",
  ],
  [
    "Ressorts du Velay",
    "404 833 048 00022",
    "2593Z",
    "12",
    "1 100",
    "43000",
    "Le Puy-en-Velay",
    "Ressorts",
    "01/09/2020",
    "600",
  ],
  [
    "Usinage Faux SIRET",
    "12345678901234",
    "25.62A",
    "20",
    "2 000",
    "42400",
    "Saint-Chamond",
    "Usinage",
    "02/02/2019",
    "",
  ],
  ["Commune Inconnue SARL", "", "", "5", "", "99999", "Atlantide", "", "", ""],
  ["", "35600000049837", "", "", "", "42000", "Saint-Étienne", "", "", ""],
  ["Chaudronnerie Stephanoise", "", "", "", "", "42000", "Saint-Étienne", "", "", ""],
  ["Date Impossible", "", "", "", "", "42000", "Saint-Étienne", "", "31/02/2024", ""],
];

async function runImport(data: Uint8Array, name: string, extra: Record<string, string> = {}) {
  const res = await t.request("POST", `${base()}/imports`, {
    cookie: cluster.staff,
    body: multipart({ file: { name, data }, ...extra }),
  });
  expect(res.status, await res.clone().text()).toBe(200);
  return res.json();
}

beforeAll(async () => {
  t = await createTestApp();
  cluster = await t.cluster();
});
afterAll(async () => t?.close());

describe(`member import on ${testDatabaseKind}`, () => {
  let firstRun: { runId: string };

  it("previews a Windows-1252 semicolon CSV and suggests the mapping, writing nothing", async () => {
    const res = await t.request("POST", `${base()}/imports/preview`, {
      cookie: cluster.staff,
      body: multipart({ file: { name: "membres.csv", data: windows1252Csv([header, ...rows]) } }),
    });
    expect(res.status).toBe(200);
    const preview = await res.json();
    expect(preview.encoding).toBe("windows-1252");
    expect(preview.delimiter).toBe(";");
    expect(preview.rowCount).toBe(rows.length);
    expect(preview.sample[0][0]).toBe("Chaudronnerie Stéphanoise");
    const fields = Object.fromEntries(
      preview.mapping.map((m: { header: string; field: string }) => [m.header, m.field]),
    );
    expect(fields).toMatchObject({
      "Raison sociale": "legalName",
      SIRET: "siret",
      "CA (k€)": "turnoverEur",
      CP: "postcode",
      Ville: "town",
      "Cotisation 2026": "duesAmount",
    });
    const list = await (await t.request("GET", `${base()}/members`, { cookie: cluster.staff })).json();
    expect(list.total).toBe(0);
  });

  it("imports the good rows and reports every other one with its reasons", async () => {
    firstRun = await runImport(windows1252Csv([header, ...rows]), "membres.csv");
    const result = firstRun as unknown as { created: number; rejected: { row: number; reasons: string[] }[] };
    expect(result.created).toBe(2);
    const reasons = Object.fromEntries(result.rejected.map((r) => [r.row, r.reasons.join(" | ")]));
    expect(Object.keys(reasons).map(Number)).toEqual([4, 5, 6, 7, 8]);
    expect(reasons[4]).toMatch(/SIRET invalide/);
    expect(reasons[5]).toMatch(/Commune inconnue|Atlantide/);
    expect(reasons[6]).toMatch(/Raison sociale manquante/);
    expect(reasons[7]).toMatch(/Doublon de la ligne 2/);
    expect(reasons[8]).toMatch(/31\/02\/2024/);
    const member = (
      await (await t.request("GET", `${base()}/members?q=chaudronnerie`, { cookie: cluster.staff })).json()
    ).items[0];
    const full = await (await t.request("GET", `${base()}/members/${member.id}`, { cookie: cluster.staff })).json();
    expect(full.figures.turnoverEur).toBe(4_250_500);
    expect(full.membership.joinedOn).toBe("2012-03-15");
    expect(full.membership.dues).toEqual([{ year: 2026, amountCents: 85_000, paidOn: null }]);
    expect(full.trades.map((tr: { code: string }) => tr.code).sort()).toEqual(["boiler-making", "welding"]);
  });

  it("creates no duplicate when the same file is imported again", async () => {
    const again = await runImport(windows1252Csv([header, ...rows]), "membres.csv");
    expect(again.created).toBe(0);
    expect(again.unchanged).toBe(2);
    const list = await (await t.request("GET", `${base()}/members`, { cookie: cluster.staff })).json();
    expect(list.total).toBe(2);
    const strict = await runImport(windows1252Csv([header, rows[0]]), "strict.csv", { onExisting: "reject" });
    expect(strict.rejected[0].reasons[0]).toMatch(/Déjà présent/);
  });

  it("gives back the rejected rows to fix, and imports them once fixed", async () => {
    const res = await t.request("GET", `${base()}/imports/${firstRun.runId}/rejected?format=xlsx`, {
      cookie: cluster.staff,
    });
    expect(res.status).toBe(200);
    const sheet = await readSpreadsheet(new Uint8Array(await res.arrayBuffer()), "rejets.xlsx");
    expect(sheet.headers.at(-1)).toBe("Motif du rejet");
    expect(sheet.rows).toHaveLength(5);
    const fixed = sheet.rows.map((r) => [...r]);
    fixed[0][1] = ""; // the SIRET was wrong; leave it out rather than guess
    fixed[1][5] = "42100";
    fixed[1][6] = "Saint-Étienne"; // a real commune
    fixed[2][0] = "La Poste Agence Entreprises"; // the missing name
    fixed[4][8] = "28/02/2024"; // a real date
    const rerun = await runImport(windows1252Csv([sheet.headers, ...fixed]), "rejets-corriges.csv");
    // The homonym row, a duplicate within the first file, now matches (and renames) the member that file created.
    expect(rerun, JSON.stringify(rerun)).toMatchObject({ created: 4, updated: 1, rejected: [] });
  });

  it("exports the directory in the import's own columns, so an export imports back unchanged", async () => {
    const csv = await t.request("GET", `${base()}/members/export?format=csv`, { cookie: cluster.staff });
    expect(csv.headers.get("content-type")).toMatch(/text\/csv/);
    const bytes = new Uint8Array(await csv.arrayBuffer());
    const sheet = await readSpreadsheet(bytes, "export.csv");
    expect(sheet.rows).toHaveLength(6);
    const back = await runImport(bytes, "export.csv");
    expect(back).toMatchObject({ created: 0, updated: 0, rejected: [] });
    const xlsx = await t.request("GET", `${base()}/members/export?format=xlsx&q=ressorts`, { cookie: cluster.staff });
    const filtered = await readSpreadsheet(new Uint8Array(await xlsx.arrayBuffer()), "export.xlsx");
    expect(filtered.rows.map((r) => r[0])).toEqual(["Ressorts du Velay"]);
  });

  it("refuses a file it cannot read with a clear message", async () => {
    const res = await t.request("POST", `${base()}/imports/preview`, {
      cookie: cluster.staff,
      body: multipart({ file: { name: "rapport.pdf", data: new Uint8Array([37, 80, 68, 70]) } }),
    });
    expect(res.status).toBe(422);
    expect((await res.json()).error.fields[0]).toMatchObject({
      field: "file",
      message: expect.stringMatching(/\.pdf/),
    });
    const member = await t.request("POST", `${base()}/imports`, {
      cookie: cluster.member,
      body: multipart({ file: { name: "a.csv", data: windows1252Csv([header]) } }),
    });
    expect(member.status).toBe(403);
  });
});

/**
 * A file bigger than one batch of writes (import.batch.ts): every good row must land, with its contact, dues,
 * sponsor and history, whichever batch it falls in; every bad row must come back with its own row number.
 */
describe(`a 1,200-row member import on ${testDatabaseKind}`, () => {
  const count = 1_200;
  const bigHeader = [
    "Raison sociale",
    "SIRET",
    "Effectif",
    "CP",
    "Ville",
    "Métiers",
    "Date d'adhésion",
    "Cotisation 2026",
    "Contact",
    "Email contact",
    "Parrain",
  ];
  const towns = [
    ["42000", "Saint-Étienne"],
    ["43000", "Le Puy-en-Velay"],
    ["42400", "Saint-Chamond"],
    ["42100", "Saint-Étienne"],
  ];
  const siretOf = (i: number) => {
    const payload = String(31_000_000 + i * 7);
    const siren = payload + luhnCheckDigit(payload);
    return `${siren}0001${luhnCheckDigit(`${siren}0001`)}`;
  };
  const nameOf = (i: number) => `Mécanique Générale ${i} SARL`;
  const goodRow = (i: number) => [
    nameOf(i),
    siretOf(i),
    String(5 + (i % 40)),
    ...towns[i % towns.length],
    i % 2 ? "Usinage; Soudure" : "Chaudronnerie",
    `${String((i % 28) + 1).padStart(2, "0")}/0${(i % 9) + 1}/2015`,
    i % 3 ? "600,00" : "",
    `Claire Martin${i}`,
    `claire${i}@meca${i}.example`,
    "",
  ];
  // Bad rows spread through every batch: row number (index + 2) → the reason expected.
  const bad = new Map<number, RegExp>();
  const rowsFor = () => {
    const all = Array.from({ length: count }, (_, i) => goodRow(i));
    for (let i = 57, k = 0; i < count; i += 100, k++) {
      const spoilt = all[i];
      switch (k % 6) {
        case 0:
          spoilt[1] = `${spoilt[1].slice(0, 13)}${(Number(spoilt[1][13]) + 1) % 10}`;
          bad.set(i + 2, /SIRET invalide/);
          break;
        case 1:
          spoilt[3] = "99999";
          spoilt[4] = "Atlantide";
          bad.set(i + 2, /Commune inconnue|Atlantide/);
          break;
        case 2:
          spoilt[0] = "";
          bad.set(i + 2, /Raison sociale manquante/);
          break;
        case 3:
          spoilt[0] = nameOf(i - 50);
          bad.set(i + 2, new RegExp(`Doublon de la ligne ${i - 48} du fichier \\(même raison sociale\\)`));
          break;
        case 4:
          spoilt[6] = "31/02/2020";
          bad.set(i + 2, /31\/02\/2020/);
          break;
        case 5:
          spoilt[1] = siretOf(i - 30);
          bad.set(i + 2, new RegExp(`Doublon de la ligne ${i - 28} du fichier \\(même SIREN\\)`));
          break;
      }
    }
    all[1190][10] = nameOf(3); // sponsored by a member of the first batch
    all[2][10] = nameOf(1150); // sponsored by a member further down the file
    return all;
  };
  const good = count - 12;
  const memberNamed = async (i: number) => {
    const [row] = await t.database.db
      .select({ id: members.id })
      .from(members)
      .where(and(eq(members.clusterId, cluster.id), eq(members.legalName, nameOf(i))));
    const res = await t.request("GET", `${base()}/members/${row.id}`, { cookie: cluster.staff });
    return res.json();
  };

  beforeAll(async () => {
    cluster = await t.cluster();
  });

  it("keeps every good row across the batches and reports each bad one with its row number", async () => {
    expect(count).toBeGreaterThan(2 * BATCH_ROWS);
    const rows = rowsFor();
    const result = await runImport(windows1252Csv([bigHeader, ...rows]), "grand-fichier.csv");
    expect(result).toMatchObject({ total: count, created: good, updated: 0, unchanged: 0 });
    expect(result.rejected.map((r: { row: number }) => r.row)).toEqual([...bad.keys()]);
    for (const r of result.rejected as { row: number; reasons: string[]; values: Record<string, string> }[]) {
      expect(r.reasons.join(" | "), `row ${r.row}`).toMatch(bad.get(r.row)!);
      expect(r.values.SIRET).toBe(rows[r.row - 2][1]);
    }
    const list = await (await t.request("GET", `${base()}/members`, { cookie: cluster.staff })).json();
    expect(list.total).toBe(good);

    const imports = await (await t.request("GET", `${base()}/imports`, { cookie: cluster.staff })).json();
    const actor = imports.runs[0].actor;
    expect(actor).toBeTruthy();
    for (const i of [0, 600, count - 1]) {
      const member = await memberNamed(i);
      expect(member.siret).toBe(siretOf(i));
      expect(member.figures.headcount).toBe(5 + (i % 40));
      expect(member.people.map((p: { email: string }) => p.email)).toEqual([`claire${i}@meca${i}.example`]);
      expect(member.membership.dues).toEqual(i % 3 ? [{ year: 2026, amountCents: 60_000, paidOn: null }] : []);
      const history = await (
        await t.request("GET", `${base()}/members/${member.id}/history`, { cookie: cluster.staff })
      ).json();
      const entries = history.entries as { entityType: string; actor: string }[];
      expect(entries.map((e) => e.entityType).sort()).toEqual(
        i % 3 ? ["dues", "member", "person"] : ["member", "person"],
      );
      expect(entries.every((e) => e.actor === actor)).toBe(true);
    }
    expect((await memberNamed(1190)).membership.sponsor.name).toBe(nameOf(3));
    expect((await memberNamed(2)).membership.sponsor.name).toBe(nameOf(1150));
  });

  it("imports the same file again without touching anything, and records what a changed file changes", async () => {
    const rows = rowsFor();
    const again = await runImport(windows1252Csv([bigHeader, ...rows]), "grand-fichier.csv");
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: good });
    expect(again.rejected).toHaveLength(12);

    for (const i of [10, 610, 1110]) rows[i][2] = "99";
    const changed = await runImport(windows1252Csv([bigHeader, ...rows]), "grand-fichier-2.csv");
    expect(changed).toMatchObject({ created: 0, updated: 3, unchanged: good - 3 });
    const member = await memberNamed(1110);
    expect(member.figures.headcount).toBe(99);
    expect(member.version).toBe(2);
    const history = await (
      await t.request("GET", `${base()}/members/${member.id}/history`, { cookie: cluster.staff })
    ).json();
    const entries = history.entries as { action: string; changes: unknown }[];
    expect(entries.find((e) => e.action === "update")?.changes).toEqual([
      { field: "headcount", before: 5 + (1110 % 40), after: 99 },
    ]);
  });

  it("applies in turn two rows that reach the same member, one by its SIREN and one by its former name", async () => {
    // Row 2 renames the member; row 3 still names it the old way and finds it as it was before row 2.
    const renamed = ["Mécanique Générale Vingt", siretOf(20), "40", ...towns[0], "", "", "", "", "", ""];
    const oldName = [nameOf(20), "", "41", ...towns[0], "", "", "", "", "", ""];
    const result = await runImport(windows1252Csv([bigHeader, renamed, oldName]), "deux-lignes.csv");
    expect(result).toMatchObject({ created: 0, updated: 2, unchanged: 0, rejected: [] });
    const member = await memberNamed(20);
    expect(member).toMatchObject({ siret: siretOf(20), figures: { headcount: 41 }, version: 3 });
  });
});
