import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../testing/app.js";
import { testDatabaseKind } from "../../testing/database.js";

let t: TestApp;
let cluster: Awaited<ReturnType<TestApp["cluster"]>>;
const base = () => `/api/clusters/${cluster.slug}`;

interface Facet {
  value: string;
  label: string;
  count: number;
}

async function search(params: string, cookie = cluster.staff) {
  const res = await t.request("GET", `${base()}/members?${params}`, { cookie });
  expect(res.status, await res.clone().text()).toBe(200);
  return res.json() as Promise<{
    total: number;
    items: { legalName: string }[];
    facets: Record<string, Facet[]>;
  }>;
}

const names = (body: { items: { legalName: string }[] }) => body.items.map((m) => m.legalName);

beforeAll(async () => {
  t = await createTestApp();
  cluster = await t.cluster();
  const create = async (json: Record<string, unknown>) => {
    const res = await t.request("POST", `${base()}/members`, { cookie: cluster.staff, json });
    expect(res.status, await res.clone().text()).toBe(201);
  };
  // Mentions machining five times, in its description and trades, but not in its name.
  await create({
    legalName: "Dupont Mécanique SAS",
    postcode: "42000",
    town: "Saint-Étienne",
    trades: ["machining"],
    headcount: 30,
    turnoverEur: 4_000_000,
    description: "Usinage de précision, usinage 5 axes, usinage grande série et reprise d'usinage.",
  });
  // Named after it, mentioned once.
  await create({
    legalName: "Usinage Martin SARL",
    postcode: "42000",
    town: "Saint-Étienne",
    headcount: 6,
    turnoverEur: 500_000,
    description: "Pièces mécaniques unitaires.",
  });
  // Its trade name matches.
  await create({
    legalName: "Société Forézienne de Mécanique",
    tradeName: "Forez Usinage",
    postcode: "42000",
    town: "Saint-Étienne",
    status: "prospect",
    kind: "company",
    description: "Mécanique générale.",
  });
  await create({
    legalName: "Atelier Bernard",
    postcode: "42000",
    town: "Saint-Étienne",
    headcount: 12,
    turnoverEur: 1_200_000,
    description: "Chaudronnerie et tôlerie fine.",
  });
});
afterAll(async () => t?.close());

describe(`directory search on ${testDatabaseKind}`, () => {
  it("ranks members whose name matches the typed words before those that only mention them", async () => {
    const body = await search("q=usinage");
    expect(body.total).toBe(3);
    // Dupont mentions machining most often (the highest ts_rank) but its name does not match: it comes last.
    expect(names(body).slice(0, 2).sort()).toEqual(["Société Forézienne de Mécanique", "Usinage Martin SARL"]);
    expect(names(body)[2]).toBe("Dupont Mécanique SAS");
    const byRank = await search("q=usinage&sort=relevance&trade=machining");
    expect(names(byRank)).toEqual(["Dupont Mécanique SAS"]);
    // Every typed word must be in the name; a prefix of the last one counts, as in the search itself.
    const two = await search(`q=${encodeURIComponent("martin usin")}`);
    expect(names(two)).toEqual(["Usinage Martin SARL"]);
    const partial = await search(`q=${encodeURIComponent("usinage précision")}`);
    expect(names(partial)).toEqual(["Dupont Mécanique SAS"]);
    // Another sort ignores the boost.
    const byName = await search("q=usinage&sort=name");
    expect(names(byName)).toEqual(["Dupont Mécanique SAS", "Société Forézienne de Mécanique", "Usinage Martin SARL"]);
  });

  it("pages through a ranked search without repeating or skipping a member", async () => {
    const pages = [];
    for (const page of [1, 2, 3]) pages.push(...names(await search(`q=usinage&pageSize=1&page=${page}`)));
    expect(pages).toEqual(names(await search("q=usinage")));
    const all = [];
    for (const page of [1, 2, 3, 4]) all.push(...names(await search(`pageSize=1&page=${page}`)));
    expect(all).toEqual([
      "Atelier Bernard",
      "Dupont Mécanique SAS",
      "Société Forézienne de Mécanique",
      "Usinage Martin SARL",
    ]);
  });

  it("counts facets the same way with and without a text filter", async () => {
    const text = await search("q=mecanique&status=member");
    expect(names(text).sort()).toEqual(["Dupont Mécanique SAS", "Usinage Martin SARL"]);
    expect(text.total).toBe(2);
    // Disjunctive: the status count ignores the status filter, the others apply it.
    expect(text.facets.status).toEqual([
      { value: "member", label: "member", count: 2 },
      { value: "prospect", label: "prospect", count: 1 },
    ]);
    expect(text.facets.sizeClass).toEqual([
      { value: "micro", label: "micro", count: 1 },
      { value: "sme", label: "sme", count: 1 },
    ]);
    expect(text.facets.trade).toEqual([{ value: "machining", label: "Usinage", count: 1 }]);
    const radius = await search("q=mecanique&status=member&near=69123&within=60&sizeClass=sme");
    expect(names(radius)).toEqual(["Dupont Mécanique SAS"]);
    expect(radius.facets.sizeClass.map((f) => [f.value, f.count])).toEqual([
      ["micro", 1],
      ["sme", 1],
    ]);
    const browse = await search("status=member");
    expect(browse.total).toBe(3);
    expect(browse.facets.status.map((f) => [f.value, f.count])).toEqual([
      ["member", 3],
      ["prospect", 1],
    ]);
  });

  it("labels size class, status and kind by their code, trades and departments as data", async () => {
    const body = await search("");
    for (const name of ["sizeClass", "status", "kind"]) {
      expect(body.facets[name].length, name).toBeGreaterThan(0);
      for (const f of body.facets[name]) expect(f.label, name).toBe(f.value);
    }
    expect(body.facets.sizeClass.map((f) => f.value).sort()).toEqual(["micro", "sme"]);
    expect(body.facets.kind).toEqual([{ value: "company", label: "company", count: 4 }]);
    expect(body.facets.trade).toEqual([{ value: "machining", label: "Usinage", count: 1 }]);
    expect(body.facets.department).toEqual([{ value: "42", label: "42 Loire", count: 4 }]);
    // An English account gets the trades in English; the codes stay codes.
    const locale = await t.request("PUT", "/api/me/locale", { cookie: cluster.staff, json: { locale: "en" } });
    expect(locale.status).toBe(204);
    const english = await search("");
    expect(english.facets.trade).toEqual([{ value: "machining", label: "Machining", count: 1 }]);
    expect(english.facets.status).toEqual(body.facets.status);
    await t.request("PUT", "/api/me/locale", { cookie: cluster.staff, json: { locale: "fr" } });
  });
});
