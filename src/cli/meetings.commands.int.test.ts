import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkSchedule } from "../core/meetings/check.js";
import { validateInstance } from "../core/meetings/instance.js";

const bin = new URL("../../bin/grappe.js", import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), "grappe-meetings-"));
const grappe = (...args: string[]) =>
  spawnSync(process.execPath, [bin, ...args], { encoding: "utf8", timeout: 120_000, env: { ...process.env } });
const file = (name: string, content: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, typeof content === "string" ? content : JSON.stringify(content));
  return path;
};

const instance = {
  slots: 4,
  tables: 2,
  participants: [{ id: "acheteur" }, { id: "fournisseur1" }, { id: "fournisseur2", available: [2, 3] }],
  requests: [
    { a: "fournisseur1", b: "acheteur", weight: 3 },
    { a: "fournisseur2", b: "acheteur", weight: 2 },
    { a: "acheteur", b: "fournisseur2" },
  ],
};

describe("grappe meetings", () => {
  it("writes only the schedule JSON on stdout, valid for the instance", () => {
    const result = grappe("meetings", "schedule", file("day.json", instance), "--time-limit", "1");
    expect(result.status).toBe(0);
    const schedule = JSON.parse(result.stdout);
    expect(checkSchedule(validateInstance(instance), schedule).problems).toEqual([]);
    expect(schedule).toMatchObject({ weight: 6, upperBound: 6, breaks: 0 });
    expect(result.stderr).toMatch(/upper bound 6/);
  });

  it.each([
    ["malformed JSON", "{ not json", /bad instance: malformed JSON/],
    [
      "unknown participant",
      { ...instance, requests: [{ a: "acheteur", b: "personne" }] },
      /unknown participant b = "personne"/,
    ],
    ["self request", { ...instance, requests: [{ a: "acheteur", b: "acheteur" }] }, /"acheteur" cannot meet itself/],
    [
      "weight below 1",
      { ...instance, requests: [{ a: "acheteur", b: "fournisseur1", weight: 0 }] },
      /weight must be a number ≥ 1/,
    ],
    [
      "slot out of range",
      { ...instance, participants: [{ id: "acheteur", available: [9] }] },
      /slot 9 is out of range 0…3/,
    ],
  ])("exits 2 with one line on %s", (_name, content, message) => {
    const result = grappe("meetings", "schedule", file("bad.json", content));
    expect(result.status).toBe(2);
    expect(result.stdout).toBe("");
    expect(
      result.stderr
        .trim()
        .split("\n")
        .filter((l) => l.startsWith("grappe:")),
    ).toHaveLength(1);
    expect(result.stderr).toMatch(message);
  });

  it("rejects a bad --time-limit and a missing file", () => {
    expect(grappe("meetings", "schedule", file("ok.json", instance), "--time-limit", "soon").status).toBe(2);
    const missing = grappe("meetings", "schedule", join(dir, "absent.json"));
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/cannot read the instance/);
  });

  it("re-plans a day: a confirmed meeting stays at its slot and table", () => {
    const first = JSON.parse(grappe("meetings", "schedule", file("day.json", instance), "--time-limit", "1").stdout);
    const kept = first.meetings.find((m: { a: string; b: string }) => [m.a, m.b].includes("fournisseur1"));
    const now = {
      ...instance,
      participants: [instance.participants[0], instance.participants[1], { id: "fournisseur2", available: [] }],
    };
    const result = grappe("meetings", "replan", file("now.json", now), file("previous.json", first));
    expect(result.status).toBe(0);
    const replanned = JSON.parse(result.stdout);
    expect(replanned.meetings).toEqual([kept]);
    expect(result.stderr).toMatch(/removed: .*fournisseur2/);
  });
});
