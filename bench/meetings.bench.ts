/**
 * bench:meetings — the business-meeting scheduler against its bound and the
 * greedy baseline (heaviest request first, earliest common free slot).
 *
 *   npm run bench:meetings                 # every family (≈ 3 min)
 *   npm run bench:meetings -- --sizes=100,500 --time-limit=5
 *   npm run bench:meetings -- --only=forum     # the forum days only (same seeds as a full run)
 *
 * Prints one line per instance: weight, upperBound, ratio, breaks and seconds,
 * beside the baseline's; then the forum days shaped like the literature's.
 * Every schedule is checked with the independent checker before it is printed.
 */
import { loadavg } from "node:os";
import { greedySchedule } from "../src/core/meetings/baseline.js";
import { checkSchedule } from "../src/core/meetings/check.js";
import type { Instance } from "../src/core/meetings/instance.js";
import { scheduleMeetings } from "../src/core/meetings/scheduler.js";
import { generateDay, generateForum } from "./generators/meetings.js";

const args = new Map(
  process.argv.slice(2).map((a) => {
    const [k, v] = a.replace(/^--/, "").split("=");
    return [k!, v ?? "true"] as const;
  }),
);
const sizes = (args.get("sizes") ?? "100,500,2000").split(",").map(Number);
const timeLimit = Number(args.get("time-limit") ?? 8);
const only = args.get("only");
const slotsFor = (n: number) => (n <= 100 ? 8 : n <= 500 ? 10 : 12);
const requestsFor = (n: number) => n * 15;

interface Row {
  name: string;
  n: number;
  slots: number;
  requests: number;
  weight: number;
  upperBound: number;
  breaks: number;
  seconds: number;
  held: number;
  greedyWeight: number;
  greedyBreaks: number;
  greedyHeld: number;
}

async function run(name: string, instance: Instance): Promise<Row> {
  const started = performance.now();
  const result = await scheduleMeetings(instance, { timeLimitSeconds: timeLimit });
  const seconds = (performance.now() - started) / 1000;
  const report = checkSchedule(instance, result.schedule);
  if (!report.valid) throw new Error(`${name}: invalid schedule: ${report.problems.slice(0, 3).join("; ")}`);
  const greedy = greedySchedule(instance);
  if (!checkSchedule(instance, greedy).valid) throw new Error(`${name}: invalid baseline`);
  return {
    name,
    n: instance.participants.length,
    slots: instance.slots,
    requests: instance.requests.length,
    weight: result.schedule.weight,
    upperBound: result.schedule.upperBound,
    breaks: result.schedule.breaks,
    seconds,
    held: result.schedule.meetings.length,
    greedyWeight: greedy.weight,
    greedyBreaks: greedy.breaks,
    greedyHeld: greedy.meetings.length,
  };
}

const pad = (s: string | number, w: number) => String(s).padStart(w);
function print(rows: Row[], withHeld = false) {
  console.log(
    [
      "instance".padEnd(34),
      pad("n", 5),
      pad("T", 3),
      pad("requests", 8),
      pad("weight", 7),
      pad("bound", 7),
      pad("ratio", 7),
      pad("breaks", 6),
      pad("s", 6),
      " |",
      pad("greedy w", 8),
      pad("ratio", 7),
      pad("breaks", 6),
      withHeld ? `${pad("held", 5)} ${pad("greedy", 6)}` : "",
    ].join(" "),
  );
  for (const r of rows) {
    console.log(
      [
        r.name.padEnd(34),
        pad(r.n, 5),
        pad(r.slots, 3),
        pad(r.requests, 8),
        pad(r.weight, 7),
        pad(r.upperBound, 7),
        pad((r.weight / r.upperBound).toFixed(4), 7),
        pad(r.breaks, 6),
        pad(r.seconds.toFixed(2), 6),
        " |",
        pad(r.greedyWeight, 8),
        pad((r.greedyWeight / r.upperBound).toFixed(4), 7),
        pad(r.greedyBreaks, 6),
        withHeld ? `${pad(r.held, 5)} ${pad(r.greedyHeld, 6)}` : "",
      ].join(" "),
    );
  }
}

console.log(
  `load average at start: ${loadavg()
    .map((x) => x.toFixed(2))
    .join(" ")}; time limit ${timeLimit} s`,
);
const rows: Row[] = [];
let seed = 1;
// --only=forum skips the over-subscribed days but keeps their seeds, so the forum days are the same as in a full run.
if (only === "forum") seed += sizes.length * 8;
for (const n of only === "forum" ? [] : sizes) {
  for (const popularity of ["uniform", "skewed"] as const) {
    for (const windows of [false, true]) {
      for (const tables of [false, true]) {
        const instance = generateDay({
          participants: n,
          slots: slotsFor(n),
          requests: requestsFor(n),
          windows,
          tableShare: tables ? 0.7 : undefined,
          popularity,
          seed: seed++,
        });
        const name = `${popularity}${windows ? "+windows" : ""}${tables ? "+tables" : ""}`;
        const row = await run(name, instance);
        rows.push(row);
        process.stderr.write(
          `  ${n} ${name}: ratio ${(row.weight / row.upperBound).toFixed(4)} in ${row.seconds.toFixed(1)} s\n`,
        );
      }
    }
  }
}
if (rows.length) {
  console.log("\nOver-subscribed days (docs/formats/meetings.md):");
  print(rows);
  const worst = Math.min(...rows.map((r) => r.weight / r.upperBound));
  const worstBreaks = Math.max(...rows.map((r) => r.breaks / Math.max(1, r.greedyBreaks)));
  const slowest = Math.max(...rows.map((r) => r.seconds));
  console.log(
    `\nworst ratio ${worst.toFixed(4)} (target ≥ 0.99); worst breaks/baseline ${worstBreaks.toFixed(3)} (target ≤ 0.25); slowest ${slowest.toFixed(2)} s (target ≤ 10 s at 2,000 × 12 × 30,000)`,
  );
}

const forums: Row[] = [];
const shapes = [
  [42, 8, 125],
  [50, 10, 160],
  [60, 12, 200],
  [66, 16, 240],
  [72, 18, 270],
  [78, 22, 300],
] as const;
for (const [n, slots, meetings] of shapes) {
  const instance = generateForum({ participants: n, slots, meetings, seed: seed++ });
  forums.push(await run(`forum ${n}×${slots}`, instance));
}
console.log("\nForum days shaped like the literature's (every accepted meeting should be placed):");
print(forums, true);
console.log(
  `\nforum days: all meetings placed in ${forums.filter((f) => f.held === f.requests).length}/${forums.length}; breaks ${forums.map((f) => f.breaks).join(", ")}; baseline left out ${forums.map((f) => `${(((f.requests - f.greedyHeld) / f.requests) * 100).toFixed(1)} %`).join(", ")} with ${forums.map((f) => f.greedyBreaks).join(", ")} breaks`,
);
console.log(
  `load average at end: ${loadavg()
    .map((x) => x.toFixed(2))
    .join(" ")}`,
);
