import { describe, expect, it } from "vitest";
import { presentHistoryChanges, sponsorIdsIn } from "./members.presenter.js";

describe("presentHistoryChanges", () => {
  it("names member fields as the API does and leaves internal columns out", () => {
    const changes = presentHistoryChanges("member", {
      legalName: [null, "Acme SAS"],
      nameKey: [null, "acme"],
      searchText: ["", "Acme SAS"],
      searchVector: [null, "'acm':1"],
      version: [1, 2],
      tradeCodes: [[], ["turning"]],
      communeInsee: [null, "42218"],
      town: [null, "Saint-Étienne"],
      department: [null, "42"],
      lat: [null, 45.4],
      lon: [null, 4.3],
      nafVersion: [null, "NAFRev2"],
      updatedAt: ["2025-01-01", "2025-02-01"],
      someFutureColumn: [null, "x"],
    });
    // In the form's order, not the stored one.
    expect(changes).toEqual([
      { field: "legalName", before: null, after: "Acme SAS" },
      { field: "town", before: null, after: "Saint-Étienne" },
      { field: "trades", before: [], after: ["turning"] },
    ]);
  });

  it("shows a sponsor by name, and keeps an unknown one as an id without a name", () => {
    const names = new Map([["s1", "Forges du Forez"]]);
    expect(presentHistoryChanges("member", { sponsorId: [null, "s1"] }, names)).toEqual([
      { field: "sponsor", before: null, after: { id: "s1", name: "Forges du Forez" } },
    ]);
    expect(presentHistoryChanges("member", { sponsorId: ["gone", null] }, names)).toEqual([
      { field: "sponsor", before: { id: "gone", name: null }, after: null },
    ]);
  });

  it("keeps a person's own fields only, and reads dues per year", () => {
    expect(
      presentHistoryChanges("person", {
        firstName: [null, "Anne"],
        consentAt: [null, "2025-01-01T00:00:00Z"],
        userId: [null, "u1"],
        listed: [false, true],
      }),
    ).toEqual([
      { field: "firstName", before: null, after: "Anne" },
      { field: "listed", before: false, after: true },
    ]);
    expect(
      presentHistoryChanges("dues", {
        "dues 2026": [null, { amountCents: 90000, paidOn: null }],
        "dues 2025": [{ amountCents: 80000, paidOn: null }, null],
      }),
    ).toEqual([
      { field: "dues", year: 2025, before: { amountCents: 80000, paidOn: null }, after: null },
      { field: "dues", year: 2026, before: null, after: { amountCents: 90000, paidOn: null } },
    ]);
    expect(presentHistoryChanges("account", { "a@b.c": [null, "member"] })).toEqual([]);
  });

  it("lists the sponsors member entries cite", () => {
    expect(
      sponsorIdsIn([
        { entityType: "member", changes: { sponsorId: ["a", "b"] } },
        { entityType: "member", changes: { sponsorId: [null, "b"], legalName: ["x", "y"] } },
        { entityType: "person", changes: { sponsorId: [null, "c"] } },
      ]),
    ).toEqual(["a", "b"]);
  });
});
