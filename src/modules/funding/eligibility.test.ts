import { describe, expect, it } from "vitest";
import { compactNaf, departmentOf, ineligibility, isEligible, isOpen, reminderDue } from "./eligibility.js";

const member = {
  status: "member",
  kind: "company",
  sizeClass: "sme",
  nafCode: "25.62A",
  communeInsee: "42218",
  department: null,
};
const open = { sizeClasses: [], nafCodes: [], departments: [] };

describe("funding call eligibility", () => {
  it("takes an empty criterion as any", () => {
    expect(ineligibility(open, member)).toEqual([]);
  });

  it("leaves out prospects and former members", () => {
    expect(ineligibility(open, { ...member, status: "prospect" })).toEqual(["not_member"]);
    expect(ineligibility(open, { ...member, status: "former" })).toEqual(["not_member"]);
  });

  it("matches size classes, and refuses an unknown size when the call sets one", () => {
    expect(isEligible({ ...open, sizeClasses: ["micro", "sme"] }, member)).toBe(true);
    expect(ineligibility({ ...open, sizeClasses: ["micro"] }, member)).toEqual(["size_class"]);
    expect(ineligibility({ ...open, sizeClasses: ["sme"] }, { ...member, sizeClass: null })).toEqual(["size_class"]);
  });

  it("matches NAF codes as prefixes whatever the spelling", () => {
    expect(compactNaf("25.62a")).toBe("2562A");
    expect(isEligible({ ...open, nafCodes: ["25"] }, member)).toBe(true);
    expect(isEligible({ ...open, nafCodes: ["25.6"] }, member)).toBe(true);
    expect(isEligible({ ...open, nafCodes: ["2562A"] }, member)).toBe(true);
    expect(ineligibility({ ...open, nafCodes: ["28", "25.61Z"] }, member)).toEqual(["naf"]);
    expect(ineligibility({ ...open, nafCodes: ["25"] }, { ...member, nafCode: null })).toEqual(["naf"]);
  });

  it("takes the department from the member's commune, else the one stored", () => {
    expect(departmentOf(member)).toBe("42");
    expect(departmentOf({ communeInsee: null, department: "43" })).toBe("43");
    // The commune register wins over a stale stored department.
    expect(departmentOf({ communeInsee: "42218", department: "69" })).toBe("42");
    expect(isEligible({ ...open, departments: ["42", "43"] }, member)).toBe(true);
    expect(ineligibility({ ...open, departments: ["69"] }, member)).toEqual(["department"]);
    expect(ineligibility({ ...open, departments: ["42"] }, { ...member, communeInsee: null })).toEqual(["department"]);
  });

  it("gives every reason at once", () => {
    expect(
      ineligibility({ sizeClasses: ["micro"], nafCodes: ["28"], departments: ["69"] }, { ...member, status: "former" }),
    ).toEqual(["not_member", "size_class", "naf", "department"]);
  });

  it("knows when a call is open and when the reminder is due", () => {
    const call = { opensOn: "2026-03-01", closesOn: "2026-04-30", reminderDays: 7 };
    expect(isOpen(call, "2026-02-28")).toBe(false);
    expect(isOpen(call, "2026-03-01")).toBe(true);
    expect(isOpen(call, "2026-04-30")).toBe(true);
    expect(isOpen(call, "2026-05-01")).toBe(false);
    expect(reminderDue(call, "2026-04-22")).toBe(false);
    expect(reminderDue(call, "2026-04-23")).toBe(true);
    expect(reminderDue(call, "2026-04-30")).toBe(true);
    expect(reminderDue(call, "2026-05-01")).toBe(false);
  });
});
