import { describe, expect, it } from "vitest";
import { NeedError, parseNeed, validateNeed } from "./need.js";

const minimal = {
  steps: ["machining"],
  site: { lat: 45.44, lon: 4.39 },
  maxTravelMinutes: 90,
  companies: [{ id: "a", capabilities: ["machining"], location: { lat: 45.5, lon: 4.3 } }],
};

describe("validateNeed", () => {
  it("fills the optional fields: no certification, no incompatible pair, canLead false", () => {
    const need = validateNeed(minimal);
    expect(need.certifications).toEqual([]);
    expect(need.incompatible).toEqual([]);
    expect(need.companies[0]).toMatchObject({ certifications: [], canLead: false });
  });

  it.each([
    [{ ...minimal, steps: [] }, "steps: at least one step is needed"],
    [{ ...minimal, steps: ["Traitement thermique"] }, 'steps[0]: unknown step "Traitement thermique"'],
    [{ ...minimal, site: { lat: 95, lon: 4 } }, "site.lat"],
    [{ ...minimal, companies: [{ ...minimal.companies[0], proposedCount: -1 }] }, "companies[0].proposedCount"],
    [{ ...minimal, incompatible: [["a", "a"]] }, 'incompatible[0]: "a" cannot be incompatible with itself'],
    [[], "expected object"],
  ])("names the bad entry (%#)", (input, message) => {
    expect(() => validateNeed(input)).toThrow(NeedError);
    expect(() => validateNeed(input)).toThrow(message);
  });

  it("reports malformed JSON as such", () => {
    expect(() => parseNeed("{")).toThrow(/^malformed JSON/);
  });
});
