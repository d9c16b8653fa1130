import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkProposals } from "../core/consortium/check.js";
import { validateNeed } from "../core/consortium/need.js";

const bin = new URL("../../bin/grappe.js", import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), "grappe-consortium-"));
const grappe = (...args: string[]) =>
  spawnSync(process.execPath, [bin, ...args], { encoding: "utf8", timeout: 120_000, env: { ...process.env } });
const file = (name: string, content: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, typeof content === "string" ? content : JSON.stringify(content));
  return path;
};

// Around Saint-Étienne; "far" is about 2 h 40 away, beyond the 120 minutes.
const need = {
  steps: ["design", "machining", "heat-treatment", "surface-treatment", "assembly"],
  certifications: ["ISO 9001"],
  site: { lat: 45.4397, lon: 4.3872 },
  maxTravelMinutes: 120,
  companies: [
    {
      id: "c1",
      capabilities: ["machining", "assembly"],
      certifications: ["ISO 9001"],
      location: { lat: 45.48, lon: 4.25 },
      canLead: true,
    },
    { id: "c2", capabilities: ["design"], certifications: ["ISO 9001"], location: { lat: 45.5, lon: 4.4 } },
    {
      id: "c3",
      capabilities: ["heat-treatment", "surface-treatment"],
      certifications: ["ISO 9001", "EN 9100"],
      location: { lat: 45.2, lon: 4.6 },
      canLead: false,
    },
    {
      id: "c4",
      capabilities: ["heat-treatment", "surface-treatment", "design"],
      certifications: ["ISO 9001"],
      location: { lat: 45.7, lon: 4.9 },
      canLead: false,
    },
    {
      id: "c5",
      capabilities: ["design", "machining", "heat-treatment", "surface-treatment", "assembly"],
      certifications: ["ISO 9001"],
      location: { lat: 47.0, lon: 4.3 },
      canLead: true,
    },
    { id: "c7", capabilities: ["surface-treatment"], certifications: [], location: { lat: 45.44, lon: 4.39 } },
  ],
  incompatible: [["c3", "c4"]],
};

const oneErrorLine = (stderr: string) =>
  stderr
    .trim()
    .split("\n")
    .filter((l) => l.startsWith("grappe:"));

describe("grappe consortium propose", () => {
  it("writes only the proposals JSON on stdout, valid for the need, best first", () => {
    const result = grappe("consortium", "propose", file("need.json", need), "--top", "3");
    expect(result.status).toBe(0);
    const proposals = JSON.parse(result.stdout);
    expect(checkProposals(validateNeed(need), proposals)).toEqual([]);
    expect(proposals.uncovered).toEqual([]);
    expect(proposals.proposals.map((p: { members: string[] }) => p.members)).toEqual([
      ["c1", "c4"],
      ["c1", "c2", "c3"],
    ]);
    expect(proposals.proposals[0]).toMatchObject({
      leader: "c1",
      assignments: { machining: "c1", assembly: "c1", design: "c4", "heat-treatment": "c4" },
      optimal: true,
    });
    expect(result.stderr).toMatch(/best team 2 companies, \d+ min of road in all, proven optimal/);
  });

  it("names uncovered steps (exit 0) when a well-formed step has no eligible company", () => {
    const result = grappe("consortium", "propose", file("foundry.json", { ...need, steps: ["design", "foundry"] }));
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ proposals: [], uncovered: ["foundry"] });
    expect(result.stderr).toMatch(/no team: no eligible company can take these steps: foundry/);
  });

  it("says why on stderr when every step is covered but no team exists", () => {
    const leaderless = { ...need, companies: need.companies.map((c) => ({ ...c, canLead: false })) };
    const result = grappe("consortium", "propose", file("leaderless.json", leaderless));
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ proposals: [], uncovered: [] });
    expect(result.stderr).toMatch(/no eligible company can lead/);
  });

  it("accepts --fairness and --time-limit", () => {
    const result = grappe("consortium", "propose", file("need.json", need), "--fairness", "--time-limit", "2");
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout).proposals).toHaveLength(1);
  });

  const { site: _site, ...noSite } = need;
  it.each([
    ["malformed JSON", "{ not json", /bad need: malformed JSON/],
    [
      "missing location",
      { ...need, companies: [{ id: "x", capabilities: ["design"], canLead: true }] },
      /bad need: companies\[0\]\.location: is missing/,
    ],
    ["missing site", noSite, /bad need: site: is missing/],
    ["unknown step", { ...need, steps: ["design", "Usinage"] }, /bad need: steps\[1\]: unknown step "Usinage"/],
    ["duplicate step", { ...need, steps: ["design", "design"] }, /duplicate step "design"/],
    [
      "duplicate company id",
      { ...need, companies: [need.companies[0], need.companies[0]] },
      /companies\[1\]: duplicate company id "c1"/,
    ],
    [
      "incompatible naming an unknown company",
      { ...need, incompatible: [["c1", "c9"]] },
      /incompatible\[0\]\[1\]: unknown company "c9"/,
    ],
    ["non-positive radius", { ...need, maxTravelMinutes: 0 }, /maxTravelMinutes/],
  ])("exits 2 with one line on %s", (_name, content, message) => {
    const result = grappe("consortium", "propose", file("bad.json", content));
    expect(result.status).toBe(2);
    expect(result.stdout).toBe("");
    expect(oneErrorLine(result.stderr)).toHaveLength(1);
    expect(result.stderr).toMatch(message);
  });

  it("rejects a bad --top or --time-limit and a missing file", () => {
    for (const args of [
      ["--top", "0"],
      ["--top", "two"],
      ["--time-limit", "soon"],
    ]) {
      const result = grappe("consortium", "propose", file("ok.json", need), ...args);
      expect(result.status).toBe(2);
      expect(result.stdout).toBe("");
    }
    const missing = grappe("consortium", "propose", join(dir, "absent.json"));
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/cannot read the need/);
  });
});
