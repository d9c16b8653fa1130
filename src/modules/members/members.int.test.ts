import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../testing/app.js";
import { testDatabaseKind } from "../../testing/database.js";

let t: TestApp;
let cluster: Awaited<ReturnType<TestApp["cluster"]>>;
const base = () => `/api/clusters/${cluster.slug}`;

const forge = {
  legalName: "Traitements Thermiques du Forez SAS",
  siren: "732829320",
  siret: "73282932000074",
  nafCode: "25.61Z",
  headcount: 45,
  turnoverEur: 6_200_000,
  addressLine: "12 rue de l'Industrie",
  postcode: "42000",
  town: "Saint-Étienne",
  description: "Traitement thermique sous vide et trempe des aciers pour l'aéronautique.",
  trades: ["heat-treatment"],
  certifications: ["ISO 9001", "EN 9100"],
};

beforeAll(async () => {
  t = await createTestApp();
  cluster = await t.cluster();
});
afterAll(async () => t?.close());

describe(`members on ${testDatabaseKind}`, () => {
  let forgeId: string;

  it("creates a member, resolving the commune and deriving the size class", async () => {
    const res = await t.request("POST", `${base()}/members`, { cookie: cluster.staff, json: forge });
    expect(res.status).toBe(201);
    const member = await res.json();
    forgeId = member.id;
    expect(member.communeInsee).toBe("42218");
    expect(member.department).toBe("42");
    expect(member.figures.sizeClass).toBe("sme");
    expect(member.nafLabel).toMatch(/traitement/i);
    expect(member.trades).toEqual([{ code: "heat-treatment", label: "Traitement thermique" }]);
  });

  it("answers 422 naming each bad field, and writes nothing", async () => {
    const res = await t.request("POST", `${base()}/members`, {
      cookie: cluster.staff,
      json: {
        legalName: "Usinage Bidon",
        siret: "73282932000075",
        nafCode: "99.99Q",
        town: "Nullepart-sur-Mer",
        trades: ["juggling"],
      },
    });
    expect(res.status).toBe(422);
    const body = await res.json();
    const fields = body.error.fields.map((f: { field: string }) => f.field).sort();
    expect(fields).toEqual(["nafCode", "siret", "town", "trades"]);
    expect(body.error.fields.find((f: { field: string }) => f.field === "siret").message).toMatch(/SIRET invalide/);
    const search = await (await t.request("GET", `${base()}/members?q=bidon`, { cookie: cluster.staff })).json();
    expect(search.total).toBe(0);
  });

  it("rejects a duplicate by SIREN with 409", async () => {
    const res = await t.request("POST", `${base()}/members`, {
      cookie: cluster.staff,
      json: { ...forge, legalName: "Autre nom" },
    });
    expect(res.status).toBe(409);
    const { error } = await res.json();
    expect(error.message).toMatch(/existe déjà/);
    // The other member is given as data to link to, not only inside the message.
    expect(error.details).toEqual({ duplicateId: forgeId, duplicateName: forge.legalName });
    expect(error.fields).toEqual([{ field: "siren", message: `Doublon de ${forge.legalName}` }]);
  });

  it("finds 'traitements thermiques' in 'traitement thermique', accent- and plural-insensitively", async () => {
    await t.request("POST", `${base()}/members`, {
      cookie: cluster.staff,
      json: {
        legalName: "Décolletage Précis",
        postcode: "43000",
        town: "Le Puy-en-Velay",
        trades: ["turning"],
        description: "Décolletage de précision",
        headcount: 8,
        turnoverEur: 900_000,
      },
    });
    for (const q of [
      "traitements thermiques",
      "TRAITEMENT THERMIQUE",
      "trempe aciers",
      "saint etienne",
      "forez",
      "decolletage precis",
      "décollet",
    ]) {
      const body = await (
        await t.request("GET", `${base()}/members?q=${encodeURIComponent(q)}`, { cookie: cluster.staff })
      ).json();
      expect(body.total, q).toBeGreaterThanOrEqual(1);
    }
    const thermal = await (
      await t.request("GET", `${base()}/members?q=traitements%20thermiques`, { cookie: cluster.staff })
    ).json();
    expect(thermal.items.map((m: { legalName: string }) => m.legalName)).toEqual([forge.legalName]);
  });

  it("filters by facets with counts, and by road time from a commune", async () => {
    const all = await (await t.request("GET", `${base()}/members`, { cookie: cluster.staff })).json();
    expect(all.total).toBe(2);
    expect(all.facets.sizeClass).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ value: "micro", count: 1 }),
        expect.objectContaining({ value: "sme", count: 1 }),
      ]),
    );
    const micro = await (await t.request("GET", `${base()}/members?sizeClass=micro`, { cookie: cluster.staff })).json();
    expect(micro.items.map((m: { legalName: string }) => m.legalName)).toEqual(["Décolletage Précis"]);
    // Facet counts leave their own filter out, so the other size class stays visible.
    expect(micro.facets.sizeClass.find((f: { value: string }) => f.value === "sme").count).toBe(1);
    // Lyon → Saint-Étienne ≈ 50 km (≈ 53 min); Lyon → Le Puy ≈ 110 km (≈ 99 min).
    const hour = await (
      await t.request("GET", `${base()}/members?near=69123&within=60`, { cookie: cluster.staff })
    ).json();
    expect(hour.items.map((m: { legalName: string }) => m.legalName)).toEqual([forge.legalName]);
    expect(hour.items[0].roadMinutes).toBeGreaterThan(40);
    expect(hour.origin.name).toBe("Lyon");
    const twoHours = await (
      await t.request("GET", `${base()}/members?near=69123&within=120&sort=distance`, { cookie: cluster.staff })
    ).json();
    expect(twoHours.total).toBe(2);
    const bad = await t.request("GET", `${base()}/members?within=60`, { cookie: cluster.staff });
    expect(bad.status).toBe(422);
  });

  it("updates with optimistic concurrency and keeps who changed what", async () => {
    const current = await (await t.request("GET", `${base()}/members/${forgeId}`, { cookie: cluster.staff })).json();
    const ok = await t.request("PATCH", `${base()}/members/${forgeId}`, {
      cookie: cluster.staff,
      json: { version: current.version, headcount: 260 },
    });
    expect(ok.status).toBe(200);
    expect((await ok.json()).figures.sizeClass).toBe("midcap");
    const stale = await t.request("PATCH", `${base()}/members/${forgeId}`, {
      cookie: cluster.staff,
      json: { version: current.version, headcount: 10 },
    });
    expect(stale.status).toBe(409);
    const history = await (
      await t.request("GET", `${base()}/members/${forgeId}/history`, { cookie: cluster.staff })
    ).json();
    const update = history.entries.find((e: { action: string }) => e.action === "update");
    expect(update.changes).toEqual([
      { field: "headcount", before: 45, after: 260 },
      { field: "sizeClass", before: "sme", after: "midcap" },
    ]);
    expect(update.actor).toBe(`staff ${cluster.slug}`);
  });

  it("answers 409 with the other member's id when an edit would duplicate it", async () => {
    const found = await (await t.request("GET", `${base()}/members?q=decolletage`, { cookie: cluster.staff })).json();
    const other = found.items[0];
    const res = await t.request("PATCH", `${base()}/members/${other.id}`, {
      cookie: cluster.staff,
      json: { version: other.version, siren: forge.siren },
    });
    expect(res.status).toBe(409);
    const { error } = await res.json();
    expect(error.message).toMatch(/Un autre membre porte déjà ce SIREN/);
    expect(error.details).toEqual({ duplicateId: forgeId, duplicateName: forge.legalName });
    expect(error.fields).toEqual([{ field: "siren", message: `Doublon de ${forge.legalName}` }]);
    // A stale version is another 409, with nothing to link to.
    const stale = await t.request("PATCH", `${base()}/members/${other.id}`, {
      cookie: cluster.staff,
      json: { version: other.version + 5, headcount: 9 },
    });
    expect(stale.status).toBe(409);
    expect((await stale.json()).error.details).toBeUndefined();
  });

  it("shows the history in user-facing fields only, a sponsor by its name", async () => {
    const found = await (await t.request("GET", `${base()}/members?q=decolletage`, { cookie: cluster.staff })).json();
    const other = found.items[0];
    const sponsored = await t.request("PATCH", `${base()}/members/${other.id}`, {
      cookie: cluster.staff,
      json: { version: other.version, sponsorId: forgeId, trades: ["turning", "heat-treatment"] },
    });
    expect(sponsored.status, await sponsored.clone().text()).toBe(200);
    const history = await (
      await t.request("GET", `${base()}/members/${other.id}/history`, { cookie: cluster.staff })
    ).json();
    const [latest, ...older] = history.entries;
    // In the form's order, whatever order the database keeps them in.
    expect(latest.changes).toEqual([
      { field: "trades", before: ["turning"], after: ["turning", "heat-treatment"] },
      { field: "sponsor", before: null, after: { id: forgeId, name: forge.legalName } },
    ]);
    const creation = older.find((e: { action: string }) => e.action === "create");
    const fields = creation.changes.map((c: { field: string }) => c.field);
    expect(fields).toEqual(expect.arrayContaining(["legalName", "postcode", "town", "trades", "headcount"]));
    const internal = ["nameKey", "searchText", "searchVector", "version", "communeInsee", "department", "lat", "lon"];
    for (const entry of history.entries) {
      for (const change of entry.changes) expect(internal, JSON.stringify(change)).not.toContain(change.field);
    }
    expect(JSON.stringify(history)).not.toMatch(/name_?key|search_?text|tradeCodes|sponsorId/i);
  });

  it("lets a member's person edit only their own company, and not its membership", async () => {
    const cookie = await memberUserOf(forgeId);
    const own = await (await t.request("GET", `${base()}/members/${forgeId}`, { cookie })).json();
    const edit = await t.request("PATCH", `${base()}/members/${forgeId}`, {
      cookie,
      json: { version: own.version, description: "Nouvelle présentation" },
    });
    expect(edit.status, await edit.clone().text()).toBe(200);
    const status = await t.request("PATCH", `${base()}/members/${forgeId}`, {
      cookie,
      json: { version: own.version + 1, status: "former" },
    });
    expect(status.status).toBe(403);
    const others = await (await t.request("GET", `${base()}/members?q=decolletage`, { cookie })).json();
    const other = others.items[0];
    expect(other.canEdit).toBe(false);
    const foreign = await t.request("PATCH", `${base()}/members/${other.id}`, {
      cookie,
      json: { version: other.version, description: "x" },
    });
    expect(foreign.status).toBe(403);
  });

  it("lists the cluster's accounts with the name of a member account's company", async () => {
    const res = await t.request("GET", `${base()}/users`, { cookie: cluster.staff });
    expect(res.status).toBe(200);
    const { users } = await res.json();
    const boss = users.find((u: { name: string }) => u.name === "Patronne TTF");
    expect(boss).toMatchObject({ role: "member", memberId: forgeId, memberName: forge.legalName });
    const staff = users.find((u: { role: string }) => u.role === "staff");
    expect(staff).toMatchObject({ memberId: null, memberName: null });
    const created = await t.request("POST", `${base()}/users`, {
      cookie: cluster.staff,
      json: {
        name: "Second TTF",
        email: `second-${cluster.slug}@ttf.example`,
        password: "password-123",
        role: "member",
        memberId: forgeId,
      },
    });
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({ memberId: forgeId, memberName: forge.legalName });
    const unknown = await t.request("POST", `${base()}/users`, {
      cookie: cluster.staff,
      json: {
        name: "Nobody",
        email: `nobody-${cluster.slug}@ttf.example`,
        password: "password-123",
        role: "member",
        memberId: "00000000-0000-4000-8000-000000000000",
      },
    });
    expect(unknown.status).toBe(422);
  });

  it("hides what a company did not share, and unlisted people, from other members", async () => {
    await t.request("POST", `${base()}/members/${forgeId}/people`, {
      cookie: cluster.staff,
      json: { firstName: "Anne", lastName: "Listée", email: "anne@ttf.example", listed: true },
    });
    await t.request("POST", `${base()}/members/${forgeId}/people`, {
      cookie: cluster.staff,
      json: { firstName: "Bruno", lastName: "Discret", email: "bruno@ttf.example", listed: false },
    });
    const asMember = await (await t.request("GET", `${base()}/members/${forgeId}`, { cookie: cluster.member })).json();
    expect(asMember.figures).toBeUndefined(); // figures default to staff-only
    expect(asMember.membership).toBeUndefined();
    expect(asMember.people.map((p: { lastName: string }) => p.lastName)).toEqual(["Listée"]);
    const asStaff = await (await t.request("GET", `${base()}/members/${forgeId}`, { cookie: cluster.staff })).json();
    expect(asStaff.people).toHaveLength(2);
    expect(asStaff.figures.headcount).toBe(260);
  });

  it("keeps funders out of the directory", async () => {
    const res = await t.request("GET", `${base()}/members`, { cookie: cluster.funder });
    expect(res.status).toBe(403);
    const anonymous = await t.request("GET", `${base()}/members`);
    expect(anonymous.status).toBe(401);
  });

  it("exports a person's data and erases it, keeping the row and recording the erasure", async () => {
    const member = await (await t.request("GET", `${base()}/members/${forgeId}`, { cookie: cluster.staff })).json();
    const bruno = member.people.find((p: { lastName: string }) => p.lastName === "Discret");
    const download = await t.request("GET", `${base()}/people/${bruno.id}/export`, { cookie: cluster.staff });
    expect(download.status).toBe(200);
    // A download, not a page: the browser saves it under a name, and keeps no copy of personal data.
    expect(download.headers.get("Content-Disposition")).toBe(`attachment; filename="personne-${bruno.id}.json"`);
    expect(download.headers.get("Content-Type")).toMatch(/^application\/json/);
    expect(download.headers.get("Cache-Control")).toBe("no-store");
    const exported = await download.json();
    expect(exported.person.email).toBe("bruno@ttf.example");
    expect(exported.company.legalName).toBe(forge.legalName);
    expect(exported.history.length).toBeGreaterThan(0);
    const forbidden = await t.request("POST", `${base()}/people/${bruno.id}/erase`, { cookie: cluster.member });
    expect(forbidden.status).toBe(403);
    const erased = await (
      await t.request("POST", `${base()}/people/${bruno.id}/erase`, { cookie: cluster.staff })
    ).json();
    expect(erased).toMatchObject({ firstName: null, lastName: null, email: null, erased: true });
    const after = await (
      await t.request("GET", `${base()}/people/${bruno.id}/export`, { cookie: cluster.staff })
    ).json();
    expect(JSON.stringify(after)).not.toContain("bruno");
    expect(after.history.map((h: { action: string }) => h.action)).toContain("erase");
    const again = await (await t.request("GET", `${base()}/members/${forgeId}`, { cookie: cluster.staff })).json();
    expect(again.people).toHaveLength(2);
  });

  it("records dues per year", async () => {
    const put = await t.request("PUT", `${base()}/members/${forgeId}/dues/2026`, {
      cookie: cluster.staff,
      json: { amountCents: 90_000, paidOn: "2026-02-03" },
    });
    expect(put.status).toBe(204);
    const member = await (await t.request("GET", `${base()}/members/${forgeId}`, { cookie: cluster.staff })).json();
    expect(member.membership.dues).toEqual([{ year: 2026, amountCents: 90_000, paidOn: "2026-02-03" }]);
  });
});

async function memberUserOf(memberId: string): Promise<string> {
  const email = `boss-${memberId.slice(0, 6)}@${cluster.slug}.test`;
  const res = await t.request("POST", `${base()}/users`, {
    cookie: cluster.staff,
    json: { name: "Patronne TTF", email, password: "password-123", role: "member", memberId },
  });
  expect(res.status).toBe(201);
  return t.signIn(email, "password-123");
}
