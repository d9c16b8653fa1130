/**
 * bench:consortium — the consortium builder on generated needs and member bases of growing size.
 *
 *   npm run bench:consortium
 *   npm run bench:consortium -- --sizes=300,1000 --steps=12 --seeds=3 --time-limit=10
 *
 * Families: "standard" (ISO 9001 required, 120 min radius, 0.1 random incompatible pair per company),
 * "competitors" (plus local competitors: companies under 20 km apart sharing a trade are incompatible
 * with probability 0.5, and a 150 min radius), "few-leaders" (5 % can lead, no certification required).
 * Per instance, for top 1 and top 5: eligible companies, best team size and travel, proved optimal?, ms.
 * Every result is checked against the rules (src/core/consortium/check.ts) before it is printed.
 * Target: exact and proven on 300 companies × 12 steps within 1 s.
 */
import { loadavg } from "node:os";
import { checkProposals } from "../src/core/consortium/check.js";
import { searchConsortia } from "../src/core/consortium/index.js";
import { generateNeed, type NeedOptions } from "./generators/consortium.js";

const args = new Map(
  process.argv.slice(2).map((a) => {
    const [k, v] = a.replace(/^--/, "").split("=");
    return [k!, v ?? "true"] as const;
  }),
);
const sizes = (args.get("sizes") ?? "50,100,300,1000").split(",").map(Number);
const stepCounts = (args.get("steps") ?? "5,8,12").split(",").map(Number);
const seeds = Number(args.get("seeds") ?? 2);
const timeLimitMs = Number(args.get("time-limit") ?? 10) * 1000;

const families: Record<string, Partial<NeedOptions>> = {
  standard: {},
  competitors: { competitors: 0.5, maxTravelMinutes: 150 },
  "few-leaders": { leaders: 0.05, certifications: [] },
};

// Warm the JIT so the first row is not a compile-time figure.
searchConsortia(generateNeed({ companies: 300, steps: 12, seed: 999 }), { top: 5 });

const pad = (v: unknown, w: number) => String(v).padStart(w);
console.log(`bench:consortium — load average ${loadavg()[0]!.toFixed(2)}, time limit ${timeLimitMs / 1000} s`);
console.log(
  [
    "family".padEnd(12),
    pad("companies", 9),
    pad("steps", 5),
    pad("pairs", 6),
    pad("eligible", 8),
    pad("uncov", 5),
    "  top 1: size travel proved    ms",
    "  top 5: found last(size/travel) proved    ms",
  ].join(" "),
);

let worst300x12 = 0;
let allProved = true;
for (const [family, extra] of Object.entries(families)) {
  for (const companies of sizes) {
    for (const steps of stepCounts) {
      for (let s = 1; s <= seeds; s++) {
        const need = generateNeed({ companies, steps, seed: companies * 1000 + steps * 10 + s, ...extra });
        const one = searchConsortia(need, { top: 1, timeLimitMs });
        const five = searchConsortia(need, { top: 5, timeLimitMs });
        for (const [name, outcome] of [
          ["top 1", one],
          ["top 5", five],
        ] as const) {
          const problems = checkProposals(need, outcome.result);
          if (problems.length > 0) throw new Error(`${family} ${companies}×${steps} ${name}: ${problems.join("; ")}`);
        }
        allProved &&= one.stats.proved && five.stats.proved;
        if (companies === 300 && steps === 12)
          worst300x12 = Math.max(worst300x12, one.stats.elapsedMs, five.stats.elapsedMs);
        const best = one.result.proposals[0];
        const last = five.result.proposals.at(-1);
        const none = one.result.uncovered.length > 0 ? "uncov." : (one.stats.reason ?? "");
        console.log(
          [
            family.padEnd(12),
            pad(companies, 9),
            pad(steps, 5),
            pad(need.incompatible.length, 6),
            pad(one.stats.eligible, 8),
            pad(one.result.uncovered.length, 5),
            `        ${best ? `${pad(best.members.length, 4)} ${pad(best.travelMinutes, 6)}` : pad(none, 11)} ${pad(one.stats.proved ? "yes" : "no", 6)} ${pad(one.stats.elapsedMs.toFixed(1), 5)}`,
            `        ${pad(five.result.proposals.length, 5)} ${pad(last ? `${last.members.length}/${last.travelMinutes}` : "-", 16)} ${pad(five.stats.proved ? "yes" : "no", 6)} ${pad(five.stats.elapsedMs.toFixed(1), 5)}`,
          ].join(" "),
        );
      }
    }
  }
}
console.log(
  `\nall proved optimal: ${allProved ? "yes" : "no"}; slowest 300 companies × 12 steps: ${worst300x12.toFixed(1)} ms (target ≤ 1000 ms)`,
);
