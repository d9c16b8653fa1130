import { readFile } from "node:fs/promises";
import type { Command } from "commander";
import { InstanceError, parseInstance, type Schedule } from "../core/meetings/instance.js";
import { replanMeetings } from "../core/meetings/replan.js";
import { scheduleMeetings } from "../core/meetings/scheduler.js";
import { UsageError } from "./errors.js";

async function readText(path: string, what: string) {
  try {
    return await readFile(path, "utf8");
  } catch (error) {
    throw new UsageError(`cannot read the ${what} ${path}: ${(error as NodeJS.ErrnoException).code ?? error}`);
  }
}

function timeLimit(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds <= 0)
    throw new UsageError(`--time-limit must be a positive number of seconds (got "${value}")`);
  return seconds;
}

/** `grappe meetings …`: the business-meeting scheduler, without a database (docs/formats/meetings.md). */
export function meetingCommands(program: Command) {
  const meetings = program.command("meetings").description("Business-meeting days");
  meetings
    .command("schedule")
    .description("Schedule the requests of INSTANCE.json; writes the schedule as JSON on stdout")
    .argument("<instance>", "instance file (JSON)")
    .option("--time-limit <seconds>", "wall-clock budget in seconds (default 10)")
    .option("--seed <n>", "seed of the local search", "1")
    .action(async (path: string, options: { timeLimit?: string; seed: string }) => {
      const instance = parse(await readText(path, "instance"));
      const result = await scheduleMeetings(instance, {
        timeLimitSeconds: timeLimit(options.timeLimit),
        seed: Number(options.seed) || 1,
        log: (message) => process.stderr.write(`${message}\n`),
      });
      for (const d of result.stats.dropped) process.stderr.write(`not schedulable: ${d.a}–${d.b} (${d.reason})\n`);
      process.stdout.write(`${JSON.stringify(result.schedule, null, 2)}\n`);
    });
  meetings
    .command("replan")
    .description("Re-plan a day under way: confirmed meetings of PREVIOUS stay at their slot and table")
    .argument("<instance>", "the day as it stands now (JSON)")
    .argument("<previous>", "the schedule published before (JSON)")
    .option("--time-limit <seconds>", "wall-clock budget in seconds (default 10)")
    .action(async (path: string, previousPath: string, options: { timeLimit?: string }) => {
      const instance = parse(await readText(path, "instance"));
      let previous: Schedule;
      try {
        previous = JSON.parse(await readText(previousPath, "previous schedule"));
        if (!Array.isArray(previous.meetings)) throw new Error("meetings must be an array");
      } catch (error) {
        if (error instanceof UsageError) throw error;
        throw new UsageError(`malformed previous schedule ${previousPath}: ${(error as Error).message}`);
      }
      const result = await replanMeetings(instance, previous, { timeLimitSeconds: timeLimit(options.timeLimit) });
      process.stderr.write(`kept ${result.kept}, removed ${result.removed.length}, added ${result.added.length}\n`);
      for (const r of result.removed) process.stderr.write(`removed: ${r.a}–${r.b} slot ${r.slot} (${r.reason})\n`);
      process.stdout.write(`${JSON.stringify(result.schedule, null, 2)}\n`);
    });
}

function parse(text: string) {
  try {
    return parseInstance(text);
  } catch (error) {
    if (error instanceof InstanceError) throw new UsageError(`bad instance: ${error.message}`);
    throw error;
  }
}
