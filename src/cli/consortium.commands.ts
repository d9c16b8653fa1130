import { readFile } from "node:fs/promises";
import type { Command } from "commander";
import { searchConsortia } from "../core/consortium/index.js";
import { NeedError, parseNeed } from "../core/consortium/need.js";
import { UsageError } from "./errors.js";

const REASONS = {
  uncovered: "no eligible company can take these steps",
  "no-leader": "every step can be taken, but no eligible company can lead",
  "no-team": "every step can be taken, but incompatibilities leave no team with a leader",
  timeout: "the time limit ran out before any team was found",
} as const;

function positiveInteger(value: string, name: string, max: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > max)
    throw new UsageError(`${name} must be an integer from 1 to ${max} (got "${value}")`);
  return n;
}

/** `grappe consortium …`: the consortium builder, without a database (docs/formats/consortium.md). */
export function consortiumCommands(program: Command) {
  const consortium = program.command("consortium").description("Joint bids: teams of members for a buyer's need");
  consortium
    .command("propose")
    .description("The best teams for NEED.json, best first; writes the proposals as JSON on stdout")
    .argument("<need>", "need file (JSON)")
    .option("--top <k>", "how many distinct teams (default 1)", "1")
    .option("--fairness", "among equally good teams, prefer members proposed less often (proposedCount)")
    .option("--time-limit <seconds>", "wall-clock budget in seconds (default 10)")
    .action(async (path: string, options: { top: string; fairness?: boolean; timeLimit?: string }) => {
      const top = positiveInteger(options.top, "--top", 1000);
      let timeLimitMs: number | undefined;
      if (options.timeLimit !== undefined) {
        const seconds = Number(options.timeLimit);
        if (!Number.isFinite(seconds) || seconds <= 0)
          throw new UsageError(`--time-limit must be a positive number of seconds (got "${options.timeLimit}")`);
        timeLimitMs = seconds * 1000;
      }
      let text: string;
      try {
        text = await readFile(path, "utf8");
      } catch (error) {
        throw new UsageError(`cannot read the need ${path}: ${(error as NodeJS.ErrnoException).code ?? error}`);
      }
      let need: ReturnType<typeof parseNeed>;
      try {
        need = parseNeed(text);
      } catch (error) {
        if (error instanceof NeedError) throw new UsageError(`bad need: ${error.message}`);
        throw error;
      }
      const { result, stats } = searchConsortia(need, { top, fairness: options.fairness === true, timeLimitMs });
      const best = result.proposals[0];
      const seconds = (stats.elapsedMs / 1000).toFixed(3);
      if (best) {
        process.stderr.write(
          `${stats.eligible} of ${need.companies.length} companies eligible; best team ${best.members.length} companies, ` +
            `${best.travelMinutes} min of road in all, ${stats.proved ? "proven optimal" : "not proven (time limit)"}; ` +
            `${result.proposals.length} proposal(s) in ${seconds} s\n`,
        );
      } else if (stats.reason) {
        const steps = result.uncovered.length > 0 ? `: ${result.uncovered.join(", ")}` : "";
        process.stderr.write(`no team: ${REASONS[stats.reason]}${steps}\n`);
      }
      process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    });
}
