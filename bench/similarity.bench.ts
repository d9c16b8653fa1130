// Precision and recall of the need-similarity suggestions on the labelled French pairs.
// npm run bench:similarity [-- --verbose]   (prints every pair the chosen threshold gets wrong)
import { readFileSync } from "node:fs";
import { bestThreshold, type LabelledPair, scorePairs, scoresAt } from "../src/core/similarity/evaluate.js";
import { SIMILARITY_THRESHOLD } from "../src/core/similarity/similarity.js";

const sets = ["needs-pairs.json", "needs-pairs-holdout.json"];
const verbose = process.argv.includes("--verbose");
const pct = (x: number) => `${(x * 100).toFixed(0)} %`;

for (const name of sets) {
  const url = new URL(`../src/core/similarity/fixtures/${name}`, import.meta.url);
  let pairs: LabelledPair[];
  try {
    pairs = JSON.parse(readFileSync(url, "utf8")).pairs;
  } catch {
    continue;
  }
  const started = performance.now();
  const scored = scorePairs(pairs);
  const elapsed = performance.now() - started;
  const chosen = scoresAt(scored, SIMILARITY_THRESHOLD);
  const best = bestThreshold(scored);
  const positives = pairs.filter((p) => p.similar).length;
  console.log(
    `\n${name}: ${pairs.length} pairs (${positives} similar, ${pairs.length - positives} not), ${elapsed.toFixed(0)} ms`,
  );
  console.log(
    `  at the chosen threshold ${SIMILARITY_THRESHOLD}: precision ${pct(chosen.precision)}, recall ${pct(chosen.recall)}, F1 ${pct(chosen.f1)}` +
      ` (TP ${chosen.truePositives}, FP ${chosen.falsePositives}, FN ${chosen.falseNegatives})`,
  );
  console.log(
    `  best threshold on this set ${best.threshold.toFixed(2)}: precision ${pct(best.precision)}, recall ${pct(best.recall)}, F1 ${pct(best.f1)}`,
  );
  const sweep = [0.2, 0.3, 0.4, 0.5, 0.6, 0.7].map((t) => scoresAt(scored, t));
  console.log(`  threshold  ${sweep.map((s) => s.threshold.toFixed(2).padStart(6)).join(" ")}`);
  console.log(`  precision  ${sweep.map((s) => pct(s.precision).padStart(6)).join(" ")}`);
  console.log(`  recall     ${sweep.map((s) => pct(s.recall).padStart(6)).join(" ")}`);
  if (verbose) {
    for (const { pair, score } of scored) {
      const predicted = score >= SIMILARITY_THRESHOLD;
      if (predicted !== pair.similar)
        console.log(`  ${pair.similar ? "FN" : "FP"} ${score.toFixed(2)}  ${pair.a}  |  ${pair.b}`);
    }
  }
}
