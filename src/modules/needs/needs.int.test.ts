import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../testing/app.js";
import { testDatabaseKind } from "../../testing/database.js";
import { createCompanies, type TestCompany } from "../groups/groups.testing.js";

let t: TestApp;
let cluster: Awaited<ReturnType<TestApp["cluster"]>>;
let a: TestCompany;
let b: TestCompany;
let c: TestCompany;
let d: TestCompany;
const base = () => `/api/clusters/${cluster.slug}`;
const fields = async (res: Response) =>
  ((await res.json()).error.fields as { field: string }[]).map((f) => f.field).sort();
const post = async (cookie: string, title: string, body?: string) => {
  const res = await t.request("POST", `${base()}/needs`, { cookie, json: { title, body } });
  expect(res.status).toBe(201);
  return (await res.json()) as { id: string; companyCount: number };
};
const support = (cookie: string, needId: string, comment?: string, memberId?: string) =>
  t.request("POST", `${base()}/needs/${needId}/support`, { cookie, json: { comment, memberId } });

beforeAll(async () => {
  t = await createTestApp();
  cluster = await t.cluster();
  [a, b, c, d] = await createCompanies(t, cluster, [
    "Atelier Alpha",
    "Bureau Beta",
    "Chaudronnerie Gamma",
    "Décolletage Delta",
  ]);
});
afterAll(async () => t?.close());

describe(`common needs on ${testDatabaseKind}`, () => {
  let energy: string;
  let steel: string;
  let duplicate: string;

  it("answers 422 naming each bad field", async () => {
    const res = await t.request("POST", `${base()}/needs`, { cookie: a.cookie, json: { title: "?", body: 12 } });
    expect(res.status).toBe(422);
    expect(await fields(res)).toEqual(["body", "title"]);
    const list = await t.request("GET", `${base()}/needs?status=lost&sort=size`, { cookie: a.cookie });
    expect(list.status).toBe(422);
    expect(await fields(list)).toEqual(["sort", "status"]);
  });

  it("lets a member company post a need, for its own company only", async () => {
    const need = await post(a.cookie, "Achat groupé d'électricité pour 2026", "Nos contrats arrivent à échéance.");
    energy = need.id;
    expect(need).toMatchObject({
      author: { company: { id: a.id, name: "Atelier Alpha" } },
      companyCount: 1,
      mine: true,
      status: "open",
    });
    const forOther = await t.request("POST", `${base()}/needs`, {
      cookie: a.cookie,
      json: { title: "Au nom d'un autre", memberId: b.id },
    });
    expect(forOther.status).toBe(403);
    // The harness's member login belongs to no company: it may read but not post.
    expect(
      (await t.request("POST", `${base()}/needs`, { cookie: cluster.member, json: { title: "Sans entreprise" } }))
        .status,
    ).toBe(403);
    expect((await t.request("GET", `${base()}/needs`, { cookie: cluster.funder })).status).toBe(403);
    steel = (await post(b.cookie, "Achat groupé d'acier", "Tôles et barres : acheter en commun pour baisser les prix"))
      .id;
  });

  it("suggests similar needs while one types, and not unrelated ones", async () => {
    const res = await t.request(
      "GET",
      `${base()}/needs/similar?text=${encodeURIComponent("Groupement d'achat d'énergie entre adhérents")}`,
      { cookie: c.cookie },
    );
    expect(res.status).toBe(200);
    const { similar } = await res.json();
    expect(similar.map((s: { id: string }) => s.id)).toEqual([energy]);
    expect(similar[0].score).toBeGreaterThan(0.5);
    const none = await (
      await t.request("GET", `${base()}/needs/similar?text=${encodeURIComponent("Recruter des apprentis")}`, {
        cookie: c.cookie,
      })
    ).json();
    expect(none.similar).toEqual([]);
    const empty = await (await t.request("GET", `${base()}/needs/similar?text=`, { cookie: c.cookie })).json();
    expect(empty.similar).toEqual([]);
  });

  it('counts one "me too" per company, never the author\'s own', async () => {
    const own = await support(a.cookie, energy, "Nous aussi");
    expect(own.status).toBe(409);
    const first = await support(b.cookie, energy, "Contrat gaz et électricité en 2026 chez nous");
    expect(first.status).toBe(201);
    expect(await first.json()).toMatchObject({ companyCount: 2, supportCount: 1, supportedByMe: true });
    expect((await support(b.cookie, energy, "Encore")).status).toBe(409);
    const tooLong = await support(c.cookie, energy, "x".repeat(2001));
    expect(tooLong.status).toBe(422);
    expect(await fields(tooLong)).toEqual(["comment"]);
    // Staff record a "me too" heard on the phone, naming the company.
    expect((await support(cluster.staff, energy, "Au téléphone")).status).toBe(422);
    const bySta = await support(cluster.staff, steel, "Au téléphone", d.id);
    expect(bySta.status).toBe(201);
    const detail = await (await t.request("GET", `${base()}/needs/${energy}`, { cookie: d.cookie })).json();
    expect(detail.supporters).toEqual([
      expect.objectContaining({ company: { id: b.id, name: "Bureau Beta" }, comment: expect.stringMatching(/gaz/) }),
    ]);
    expect(detail).toMatchObject({ mine: false, supportedByMe: false, canEdit: false });
  });

  it('lets a company take back its "me too"', async () => {
    const res = await t.request("DELETE", `${base()}/needs/${steel}/support`, { cookie: d.cookie });
    expect(res.status).toBe(200);
    expect((await res.json()).companyCount).toBe(1);
    expect((await t.request("DELETE", `${base()}/needs/${steel}/support`, { cookie: d.cookie })).status).toBe(404);
  });

  it("lets the author's company reword its need; staff alone close it", async () => {
    const path = `${base()}/needs/${energy}`;
    expect((await t.request("PATCH", path, { cookie: b.cookie, json: { title: "Détourné" } })).status).toBe(403);
    const reworded = await t.request("PATCH", path, {
      cookie: a.cookie,
      json: { title: "Achat groupé d'électricité et de gaz pour 2026" },
    });
    expect(reworded.status).toBe(200);
    expect((await t.request("PATCH", path, { cookie: a.cookie, json: { status: "closed" } })).status).toBe(403);
  });

  it("sorts the board by support and filters it by text and by company", async () => {
    duplicate = (await post(c.cookie, "Mutualiser l'achat d'énergie", "Électricité : qui veut négocier ensemble ?")).id;
    await support(d.cookie, duplicate, "Pareil pour nous");
    const board = await (await t.request("GET", `${base()}/needs`, { cookie: d.cookie })).json();
    expect(board.threshold).toBe(3);
    expect(board.needs.map((n: { id: string }) => n.id)).toEqual([duplicate, energy, steel]);
    const text = await (await t.request("GET", `${base()}/needs?q=acier`, { cookie: d.cookie })).json();
    expect(text.needs.map((n: { id: string }) => n.id)).toEqual([steel]);
    const accents = await (await t.request("GET", `${base()}/needs?q=ELECTRICITE`, { cookie: d.cookie })).json();
    expect(accents.needs).toHaveLength(2);
    const mine = await (await t.request("GET", `${base()}/needs?mine=true`, { cookie: d.cookie })).json();
    expect(mine.needs.map((n: { id: string }) => n.id)).toEqual([duplicate]);
  });

  it("has no proposal below the threshold", async () => {
    const res = await t.request("GET", `${base()}/needs/proposals`, { cookie: cluster.staff });
    expect(res.status).toBe(200);
    expect((await res.json()).proposals).toEqual([]);
    expect((await t.request("GET", `${base()}/needs/proposals`, { cookie: a.cookie })).status).toBe(403);
  });

  it("merges a need into a similar one: companies carried over, each counted once", async () => {
    expect(
      (await t.request("POST", `${base()}/needs/${duplicate}/merge`, { cookie: a.cookie, json: { intoId: energy } }))
        .status,
    ).toBe(403);
    const self = await t.request("POST", `${base()}/needs/${duplicate}/merge`, {
      cookie: cluster.staff,
      json: { intoId: duplicate },
    });
    expect(self.status).toBe(422);
    expect(await fields(self)).toEqual(["intoId"]);
    const unknown = await t.request("POST", `${base()}/needs/${duplicate}/merge`, {
      cookie: cluster.staff,
      json: { intoId: "00000000-0000-4000-8000-000000000000" },
    });
    expect(unknown.status).toBe(422);
    // B already supports the target; C (author) and D (supporter) carry over.
    await support(b.cookie, duplicate, "Aussi");
    const res = await t.request("POST", `${base()}/needs/${duplicate}/merge`, {
      cookie: cluster.staff,
      json: { intoId: energy },
    });
    expect(res.status).toBe(200);
    const merged = await res.json();
    expect(merged.id).toBe(energy);
    expect(merged.companyCount).toBe(4);
    expect(merged.supporters.map((s: { company: { name: string } }) => s.company.name).sort()).toEqual([
      "Bureau Beta",
      "Chaudronnerie Gamma",
      "Décolletage Delta",
    ]);
    expect(merged.mergedFrom).toEqual([{ id: duplicate, title: "Mutualiser l'achat d'énergie" }]);
    const source = await (await t.request("GET", `${base()}/needs/${duplicate}`, { cookie: a.cookie })).json();
    expect(source).toMatchObject({ status: "merged", mergedIntoId: energy, supportCount: 0 });
    const again = await t.request("POST", `${base()}/needs/${duplicate}/merge`, {
      cookie: cluster.staff,
      json: { intoId: energy },
    });
    expect(again.status).toBe(409);
    expect((await support(a.cookie, duplicate)).status).toBe(409);
  });

  it("proposes a group once the threshold is reached, per the cluster's setting", async () => {
    const res = await (await t.request("GET", `${base()}/needs/proposals`, { cookie: cluster.staff })).json();
    expect(res.proposals).toHaveLength(1);
    expect(res.proposals[0]).toMatchObject({
      need: { id: energy, companyCount: 4 },
      suggestedWorkstream: "internal_performance",
    });
    expect(res.proposals[0].companies.map((x: { id: string }) => x.id).sort()).toEqual([a.id, b.id, c.id, d.id].sort());
    const bad = await t.request("PUT", `${base()}/needs/settings`, {
      cookie: cluster.staff,
      json: { needThreshold: 1 },
    });
    expect(bad.status).toBe(422);
    expect(await fields(bad)).toEqual(["needThreshold"]);
    expect(
      (await t.request("PUT", `${base()}/needs/settings`, { cookie: a.cookie, json: { needThreshold: 5 } })).status,
    ).toBe(403);
    const set = await t.request("PUT", `${base()}/needs/settings`, {
      cookie: cluster.staff,
      json: { needThreshold: 5 },
    });
    expect(await set.json()).toEqual({ needThreshold: 5 });
    const higher = await (await t.request("GET", `${base()}/needs/proposals`, { cookie: cluster.staff })).json();
    expect(higher).toMatchObject({ proposals: [], threshold: 5 });
    await t.request("PUT", `${base()}/needs/settings`, { cookie: cluster.staff, json: { needThreshold: 2 } });
    const settings = await (await t.request("GET", `${base()}/needs/settings`, { cookie: a.cookie })).json();
    expect(settings).toEqual({ needThreshold: 2 });
  });

  it("lets staff dismiss a proposal; the need stays open", async () => {
    await support(a.cookie, steel, "Inox aussi");
    let proposals = (await (await t.request("GET", `${base()}/needs/proposals`, { cookie: cluster.staff })).json())
      .proposals;
    expect(proposals.map((p: { need: { id: string } }) => p.need.id)).toEqual([energy, steel]);
    const res = await t.request("POST", `${base()}/needs/${steel}/dismiss-proposal`, { cookie: cluster.staff });
    expect(res.status).toBe(200);
    expect((await res.json()).status).toBe("open");
    proposals = (await (await t.request("GET", `${base()}/needs/proposals`, { cookie: cluster.staff })).json())
      .proposals;
    expect(proposals.map((p: { need: { id: string } }) => p.need.id)).toEqual([energy]);
  });

  it("opens a working group from the need in one action, inviting every company", async () => {
    const path = `${base()}/needs/${energy}/open-group`;
    const bad = await t.request("POST", path, {
      cookie: cluster.staff,
      json: { name: "", theme: "Énergie", workstream: "energy" },
    });
    expect(bad.status).toBe(422);
    expect(await fields(bad)).toEqual(["name", "workstream"]);
    expect(
      (
        await t.request("POST", path, {
          cookie: a.cookie,
          json: { name: "Énergie", theme: "Énergie", workstream: "internal_performance" },
        })
      ).status,
    ).toBe(403);
    const res = await t.request("POST", path, {
      cookie: cluster.staff,
      json: { name: "Achats d'énergie", theme: "Électricité et gaz 2026", workstream: "internal_performance" },
    });
    expect(res.status).toBe(201);
    const group = await res.json();
    expect(group).toMatchObject({ originNeedId: energy, invitedCount: 4, memberCount: 0 });
    expect(group.description).toBe("Nos contrats arrivent à échéance.");
    expect(group.members.every((m: { status: string }) => m.status === "invited")).toBe(true);
    const need = await (await t.request("GET", `${base()}/needs/${energy}`, { cookie: a.cookie })).json();
    expect(need).toMatchObject({ status: "group_opened", workingGroupId: group.id });
    const proposals = (await (await t.request("GET", `${base()}/needs/proposals`, { cookie: cluster.staff })).json())
      .proposals;
    expect(proposals).toEqual([]);
    const twice = await t.request("POST", path, {
      cookie: cluster.staff,
      json: { name: "Bis", theme: "Bis", workstream: "other" },
    });
    expect(twice.status).toBe(409);
    // Its companies find the group, invited.
    const groups = await (await t.request("GET", `${base()}/groups`, { cookie: c.cookie })).json();
    expect(groups.groups[0]).toMatchObject({ id: group.id, myStatus: "invited" });
    // A need that became a group is still suggested, so newcomers find the group.
    const similar = await (
      await t.request("GET", `${base()}/needs/similar?text=${encodeURIComponent("achat d'électricité groupé")}`, {
        cookie: c.cookie,
      })
    ).json();
    expect(similar.similar[0]).toMatchObject({ id: energy, status: "group_opened" });
  });

  it("lets staff close a need; closed needs leave the board", async () => {
    const res = await t.request("PATCH", `${base()}/needs/${steel}`, {
      cookie: cluster.staff,
      json: { status: "closed" },
    });
    expect(res.status).toBe(200);
    const board = await (await t.request("GET", `${base()}/needs`, { cookie: a.cookie })).json();
    expect(board.needs).toEqual([]);
    const all = await (await t.request("GET", `${base()}/needs?status=all&sort=recent`, { cookie: a.cookie })).json();
    expect(all.needs.map((n: { status: string }) => n.status).sort()).toEqual(["closed", "group_opened", "merged"]);
    expect(
      (await t.request("GET", `${base()}/needs/00000000-0000-4000-8000-000000000000`, { cookie: a.cookie })).status,
    ).toBe(404);
  });
});
